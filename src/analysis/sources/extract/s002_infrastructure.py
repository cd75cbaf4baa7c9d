"""002 chapter 2, sections 2-5 and 2-6: utilities of the industrial parks and workshop units.

Table 12 (national infrastructure plan/actual), Table 13 (water per province), Table 14
(electricity per province), Table 15 (telephone per province), Table 16 (optical fibre per
province), Table 17 (workshop units).

Visual order on the lines: actual, plan, label, row number (headers "عملکرد برنامه"),
confirmed per table by the printed totals against Table 12 (see the catalogue notes).
"""
from __future__ import annotations

import pandas as pd

from analysis.core.digits import normalise_fa
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, cell, flagged, nullable_int, row_identity

S = Seed("002")


def _national(spec) -> pd.DataFrame:
    """One-line national rows: actual, plan, unit + label, row number."""
    rows = []
    for n, item, unit in spec:
        r = S.row(n)
        actual, plan = (cell(t) for t in r.numbers_before)
        rows.append(dict(row_no=int(r.numbers_after[0]), item=item, label_fa=normalise_fa(r.label), unit=unit,
                         plan=plan, actual=actual, source_line=n))
    return pd.DataFrame(rows)


@register("infrastructure_plan", "002_t12_infrastructure_plan.csv")
def infrastructure_plan() -> pd.DataFrame:
    """Table 12 (lines 884-896): actual, plan, unit + label, row number."""
    return _national([(888, "water supplied (operational phase)", "litre/second"),
                      (890, "electricity supplied (operational phase)", "MW"),
                      (892, "parks/zones with gas", "park/zone"),
                      (894, "parks/zones with fixed telephone", "park/zone"),
                      (896, "parks/zones with optical fibre", "park/zone")])


@register("workshop_units", "002_t17_workshop_units.csv")
def workshop_units() -> pd.DataFrame:
    """Table 17 (lines 1383-1389): actual, plan, unit + title, row number."""
    return _national([(1387, "workshop units built by the provincial companies", "workshop"),
                      (1389, "workshop units built by the private sector", "workshop")])


def _per_province(first: int, last: int, *, total_fa: str = "جمع کشور", other_fa: str | None = None,
                  row_no: bool = True) -> pd.DataFrame:
    """Regular per-province lines: actual, plan, province, row number; the printed total kept.

    A label that is neither a province nor the total is an error, unless the table prints
    one such row (``other_fa``: its Persian label).
    """
    rows = []
    for r in S.table(first, last, 2):
        kind, key, fa = row_identity(r.label, total_fa=total_fa, other_fa=other_fa)
        if kind == "other" and other_fa is None:
            raise ValueError(f"002 line {r.line_no}: unrecognised row label {r.label!r}")
        actual, plan = (cell(t) for t in r.numbers_before)
        number = {"row_no": int(r.numbers_after[0]) if r.numbers_after and key else None} if row_no else {}
        rows.append(flagged(row_kind=kind, **number, province=key, label_fa=fa, plan=plan, actual=actual,
                            source_line=r.line_no))
    df = pd.DataFrame(rows)
    return nullable_int(df, "row_no") if row_no else df


@register("water_by_province", "002_t13_water_by_province.csv")
def water_by_province() -> pd.DataFrame:
    """Table 13 (header 916-929, rows 931-994): actual, plan, label, row number (see the
    total row, 872 922 جمع, and the prose "872 litres per second"). Row 32 (line 992) is
    water revived in all provinces, not a province."""
    return _per_province(921, 1003, total_fa="جمع", other_fa="آب احیا شده (کلیه استانها)", row_no=False)


@register("phone_by_province", "002_t15_phone_by_province.csv")
def phone_by_province() -> pd.DataFrame:
    """Table 15 (lines 1231-1280, header repeated at 1261-1270): total "11 15 جمع كشور"."""
    return _per_province(1244, 1280)


@register("fibre_by_province", "002_t16_fibre_by_province.csv")
def fibre_by_province() -> pd.DataFrame:
    """Table 16 (lines 1292-1371, header repeated at 1345-1357): total "23 30 ع كشور مج"."""
    return _per_province(1308, 1371)


# --------------------------------------------------------------------------------------
# Table 14: electricity per province (lines 1110-1185). Two line shapes:
#  regular  " 15 8 اردبيل 3"          actual, plan, province, row number (visual order)
#  reversed "لام يا 6  15 25"         province, row number, then two numbers: these lines
#           came out in logical (right-to-left reading) order, like Table 1, so the numbers
#           are read plan then actual; the order is inferred, so such cells are flagged.
# Garbled cells are kept with their raw text and flagged.
ORDER_FLAG = "label-first line: plan/actual order inferred (logical order), not confirmed"
T14_FIRST, T14_LAST = 1124, 1185


@register("electricity_by_province", "002_t14_electricity_by_province.csv")
def electricity_by_province() -> pd.DataFrame:
    rows = []
    for n in range(T14_FIRST, T14_LAST + 1):
        toks = S.words(n)
        if not toks:
            continue
        r = S.row(n)
        before, label, after = r.numbers_before, r.label, r.numbers_after
        flags: dict[str, str] = {}
        if n == 1126:  # West Azerbaijan "2  81  618.": both cells garbled (618 MW impossible)
            i = next(j for j, t in enumerate(toks) if t.isdigit())
            label, row_no = " ".join(toks[:i]), int(toks[i])
            plan = actual = None
            flags = {"plan": f"garbled: printed '{toks[i + 1]}' (digits reversed?), left empty",
                     "actual": f"garbled: printed '{toks[i + 2]}' (misplaced point), left empty"}
        elif n == 1160:  # Qom "04 قم 19  40": one number on each side of the label
            row_no, plan_tok = int(after[0]), after[1]
            plan, actual = cell(plan_tok), cell(before[0])
            flags = {"plan": ORDER_FLAG,
                     "actual": "garbled: printed '04' left of the label (leading zero, 40 or 4?)"}
        elif len(before) == 2:  # regular
            actual, plan = (cell(t) for t in before)
            row_no = int(after[0]) if after else None
        elif not before and len(after) == 3:  # label-first (logical order)
            row_no, p_tok, a_tok = after
            row_no = int(row_no)
            plan, actual = cell(p_tok), cell(a_tok)
            if plan != actual:
                flags = {"plan": ORDER_FLAG, "actual": ORDER_FLAG}
            if p_tok.startswith("0"):
                flags["plan"] = f"garbled: printed '{p_tok}' (leading zero, digits may be reversed), " + ORDER_FLAG
        else:
            continue
        kind, key, fa = row_identity(label, total_fa="جمع کشور")
        if kind == "other":
            raise ValueError(f"002 line {n}: unrecognised row label {label!r}")
        rows.append(dict(row_kind=kind, row_no=row_no if key else None, province=key, label_fa=fa,
                         plan=plan, actual=actual, source_line=n,
                         flag=";".join(f"{k}={v}" for k, v in flags.items()) or None,
                         raw_text=" ".join(toks) if flags else None))
    return nullable_int(pd.DataFrame(rows), "row_no")
