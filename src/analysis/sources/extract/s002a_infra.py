"""002 part a (lines 880-1390): Table 12 (national infrastructure plan/actual), Table 14
(electricity per province), Table 15 (telephone per province), Table 16 (optical fibre per
province), Table 17 (workshop units).

Visual order on the lines: actual, plan, label, row number (headers "عملکرد برنامه"),
confirmed per table by the printed totals against Table 12 (see the catalogue notes).
"""
from __future__ import annotations

import pandas as pd

from analysis.core.digits import normalise_fa
from analysis.sources.extract import register
from analysis.sources.extract.s002a_util import as_int_if_whole, num, province, same_word, split_visual, tokens


@register("infrastructure_plan", "002_t12_infrastructure_plan.csv")
def infrastructure_plan() -> pd.DataFrame:
    """Table 12 (lines 884-896): actual, plan, unit + label, row number."""
    spec = [(888, "water supplied (operational phase)", "litre/second"),
            (890, "electricity supplied (operational phase)", "MW"),
            (892, "parks/zones with gas", "park/zone"),
            (894, "parks/zones with fixed telephone", "park/zone"),
            (896, "parks/zones with optical fibre", "park/zone")]
    rows = []
    for n, item, unit in spec:
        before, label, after = split_visual(n)
        actual, plan = (as_int_if_whole(num(t)) for t in before)
        rows.append(dict(row_no=int(after[0]), item=item, label_fa=normalise_fa(label), unit=unit,
                         plan=plan, actual=actual, source_line=n))
    return pd.DataFrame(rows)


def _per_province(first: int, last: int, total_word: str = "جمع") -> pd.DataFrame:
    """Regular per-province lines: actual, plan, province, row number; total row kept."""
    rows = []
    for n in range(first, last + 1):
        before, label, after = split_visual(n)
        if len(before) != 2 or not label:
            continue
        actual, plan = (as_int_if_whole(num(t)) for t in before)
        prov = province(label)
        if prov:
            rows.append(dict(row_kind="province", row_no=int(after[0]) if after else None,
                             province=prov[0], label_fa=prov[1], plan=plan, actual=actual,
                             source_line=n, flag=None, raw_text=None))
        elif total_word in normalise_fa(label) or same_word(label.split()[0], "جمع") or "مج" in label:
            rows.append(dict(row_kind="total", row_no=None, province=None, label_fa="جمع کشور",
                             plan=plan, actual=actual, source_line=n, flag=None, raw_text=None))
        else:
            raise ValueError(f"002 line {n}: unrecognised row label {label!r}")
    df = pd.DataFrame(rows)
    df["row_no"] = df["row_no"].astype("Int64")
    return df


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
        toks = tokens(n)
        if not toks:
            continue
        before, label, after = split_visual(n)
        raw = " ".join(toks)
        flags: dict[str, str] = {}
        if n == 1126:  # West Azerbaijan "2  81  618.": both cells garbled (618 MW impossible)
            i = next(j for j, t in enumerate(toks) if t.isdigit())
            prov, row_no = province(" ".join(toks[:i])), int(toks[i])
            plan = actual = None
            flags = {"plan": f"garbled: printed '{toks[i + 1]}' (digits reversed?), left empty",
                     "actual": f"garbled: printed '{toks[i + 2]}' (misplaced point), left empty"}
        elif n == 1160:  # Qom "04 قم 19  40": one number on each side of the label
            prov = province(label)
            row_no, plan_tok = int(after[0]), after[1]
            plan, actual = as_int_if_whole(num(plan_tok)), as_int_if_whole(num(before[0]))
            flags = {"plan": ORDER_FLAG,
                     "actual": "garbled: printed '04' left of the label (leading zero, 40 or 4?)"}
        elif len(before) == 2:  # regular
            prov = province(label)
            actual, plan = (as_int_if_whole(num(t)) for t in before)
            row_no = int(after[0]) if after else None
        elif not before and len(after) == 3:  # label-first (logical order)
            prov = province(label)
            row_no, p_tok, a_tok = after
            row_no = int(row_no)
            plan, actual = as_int_if_whole(num(p_tok)), as_int_if_whole(num(a_tok))
            if plan != actual:
                flags = {"plan": ORDER_FLAG, "actual": ORDER_FLAG}
            if p_tok.startswith("0"):
                flags["plan"] = f"garbled: printed '{p_tok}' (leading zero, digits may be reversed), " + ORDER_FLAG
        else:
            continue
        if prov is None:
            if "جمع" in normalise_fa(label):
                rows.append(dict(row_kind="total", row_no=None, province=None, label_fa="جمع کشور",
                                 plan=plan, actual=actual, source_line=n, flag=None, raw_text=None))
                continue
            raise ValueError(f"002 line {n}: unrecognised row label {label!r}")
        rows.append(dict(row_kind="province", row_no=row_no, province=prov[0], label_fa=prov[1],
                         plan=plan, actual=actual, source_line=n,
                         flag=";".join(f"{k}={v}" for k, v in flags.items()) or None,
                         raw_text=raw if flags else None))
    df = pd.DataFrame(rows)
    df["row_no"] = df["row_no"].astype("Int64")
    return df


@register("workshop_units", "002_t17_workshop_units.csv")
def workshop_units() -> pd.DataFrame:
    """Table 17 (lines 1383-1389): actual, plan, unit + title, row number."""
    spec = [(1387, "workshop units built by the provincial companies"),
            (1389, "workshop units built by the private sector")]
    rows = []
    for n, item in spec:
        before, label, after = split_visual(n)
        actual, plan = (int(num(t)) for t in before)
        rows.append(dict(row_no=int(after[0]), item=item, label_fa=normalise_fa(label),
                         unit="workshop", plan=plan, actual=actual, source_line=n))
    return pd.DataFrame(rows)
