"""002 chapter 2, sections 2-1 to 2-4 and 2-11: industrial parks and zones, their land and
deeds, and the special economic zones.

Table 1 (approved parks), Table 3 (service-company law), Tables 5, 6, 8, 10 (national
plan/actual lines), Table 7 (land added per province), Tables 9 and 11 (deeds per
province), Table 25 (special economic zones).

Reading rules (see each function): numeric table lines are printed in visual order
(leftmost printed column first), except Table 1, whose lines came out in logical order
(row number first). Every number is read from its line; only labels are described here.
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.core.digits import normalise_fa, to_latin_digits
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import (
    Seed,
    cell,
    flagged,
    is_cell,
    nullable_int,
    province,
    province_of,
    province_prefix,
    row_identity,
    same_word,
)

S = Seed("002")

# --------------------------------------------------------------------------------------
# Table 1: approved parks (lines 287-372), logical order: row, province, park, action,
# hectares ('/' decimal point), land status.
T1_FIRST, T1_LAST, T1_TOTAL = 287, 370, 372
ACTIONS = {"ايجاد": "new", "توسعه": "expansion"}
LAND = {"ملي": "national", "مستثنيات": "exempted", "دولتي": "government"}


def _land_status(tok: str) -> str:
    parts = []
    for p in tok.split("-"):
        m = [v for k, v in LAND.items() if same_word(p, k)]
        if len(m) != 1:
            raise ValueError(f"unknown land status {tok!r}")
        parts.append(m[0])
    return "+".join(parts)


@register("approved_parks", "002_t01_approved_parks.csv")
def approved_parks() -> pd.DataFrame:
    rows = []
    for n in range(T1_FIRST, T1_LAST + 1):
        toks = S.words(n)
        if not toks or not toks[0].isdigit():
            continue  # blank or repeated header (line 324)
        row_no, status, ha = int(toks[0]), toks[-1], toks[-2]
        middle = toks[1:-2]
        (prov, k) = province_prefix(middle)
        if prov is None:
            raise ValueError(f"002 line {n}: no province in {middle}")
        rest = middle[k:]
        act = [i for i, w in enumerate(rest) for a in ACTIONS if same_word(w, a)]
        if len(act) != 1:
            raise ValueError(f"002 line {n}: action word not found in {rest}")
        action = next(v for a, v in ACTIONS.items() if same_word(rest[act[0]], a))
        park = normalise_fa(" ".join(w for i, w in enumerate(rest) if i != act[0]))
        rows.append(flagged(row_kind="park", row_no=row_no, province=prov[0], label_fa=prov[1],
                            park_fa=park, action=action, land_status=_land_status(status),
                            hectares=cell(ha, decimal="/"), source_line=n))
    toks = S.words(T1_TOTAL)  # "جمع 10418.03 -": '.' is the decimal point here
    total = next(t for t in toks if is_cell(t))
    rows.append(flagged(row_kind="total", row_no=None, province=None, label_fa="جمع", park_fa=None,
                        action=None, land_status=None, hectares=cell(total, decimal="."),
                        source_line=T1_TOTAL))
    return nullable_int(pd.DataFrame(rows), "row_no")


# --------------------------------------------------------------------------------------
# Single-line national plan/actual tables: visual order [pct] actual plan unit+label.
def _plan_actual(spec) -> pd.DataFrame:
    rows = []
    for n, item, unit_en, has_pct in spec:
        r = S.row(n)
        vals = [cell(t) for t in r.numbers_before]
        if has_pct:
            pct, actual, plan = vals
        else:
            (actual, plan), pct = vals, None
        rows.append(dict(item=item, label_fa=normalise_fa(r.label), unit=unit_en, plan=plan,
                         actual=actual, pct_printed=pct, source_line=n))
    return pd.DataFrame(rows)


@register("service_company_law", "002_t03_service_company_law.csv")
def service_company_law() -> pd.DataFrame:
    """Table 3 (lines 440-444): pct, actual, plan, unit, action, title."""
    return _plan_actual([
        (442, "service companies formed", "company", True),
        (444, "parks/zones whose management was handed over", "park/zone", True),
    ])


@register("new_parks_plan", "002_t05_new_parks_plan.csv")
def new_parks_plan() -> pd.DataFrame:
    """Table 5 (lines 566-572): approval and operation of new parks/zones."""
    return _plan_actual([
        (570, "operational phase", "hectare", True),
        (572, "industrial land", "hectare", True),
    ])


@register("registered_deeds_plan", "002_t08_registered_deeds_plan.csv")
def registered_deeds_plan() -> pd.DataFrame:
    """Table 8 (lines 716-720): land with registered deeds obtained in 1401."""
    return _plan_actual([(720, "land with registered deeds", "hectare", True)])


@register("subdivision_deeds_plan", "002_t10_subdivision_deeds_plan.csv")
def subdivision_deeds_plan() -> pd.DataFrame:
    """Table 10 (lines 818-822): land with subdivision deeds obtained in 1401."""
    return _plan_actual([(822, "land with subdivision deeds", "hectare", True)])


@register("estate_land_area", "002_t06_estate_land_area.csv")
def estate_land_area() -> pd.DataFrame:
    """Table 6 (lines 578-605), one data line: pct, actual 1401, plan 1401, actual 1400,
    cumulative to end of 1400, unit, title (header lines 580-603, in that printed order)."""
    r = S.row(605)
    pct, act1401, plan1401, act1400, cum1400 = (int(cell(t)) for t in r.numbers_before)
    return pd.DataFrame([dict(item="land in hand of parks/zones", label_fa=normalise_fa(r.label),
                              unit="hectare", cumulative_to_1400=cum1400, actual_1400=act1400,
                              plan_1401=plan1401, actual_1401=act1401, pct_printed=pct,
                              source_line=r.line_no)])


# --------------------------------------------------------------------------------------
# Table 7: land added per province (lines 620-685): label, target, (parts), actual.
T7_FIRST, T7_LAST, T7_TOTAL = 620, 683, 685
_PART = re.compile(r"(?:(?<=[(])\s*[؛]?\s*(\d+(?:\.\d+)?)(?=[^\W\d_])|(\d+(?:\.\d+)?)(?=\s*[()]))")


def parts_of(text: str) -> list[float]:
    """Per-park hectares printed in parentheses in a Table 7 segment.

    >>> parts_of("( (103)  آخولا  -(119)  )اسكو")
    [103.0, 119.0]
    >>> parts_of("(59كاويان ) -(402) 5 مشهد")
    [59.0, 402.0]
    """
    out = []
    for m in _PART.finditer(text):
        out.append(float(m.group(1) or m.group(2)))
    return out


def _t7_row(label_words, target_tok, actual_tok, part_text, n, n_end=None, flag=None, raw=None):
    key, fa = province(" ".join(label_words))
    parts = parts_of(part_text)
    return dict(row_kind="province", province=key, label_fa=fa, target=cell(target_tok),
                actual=None if actual_tok is None else cell(actual_tok),
                parts_count=len(parts), parts_sum=round(sum(parts), 4) if parts else None,
                source_line=n, source_line_end=n_end, flag=flag, raw_text=raw)


@register("land_added_by_province", "002_t07_land_added_by_province.csv")
def land_added_by_province() -> pd.DataFrame:
    """Each line: province label, 1401 target, the parks added with their hectares in
    parentheses, and the 12-month actual last (confirmed by the total row, line 685
    "جمع 6187 5916.5", against Table 6's plan 6187 / actual 5916, and by the parts,
    e.g. line 620: 103 + 119 = 222)."""
    rows = []
    for n in range(T7_FIRST, T7_LAST + 1):
        toks = S.words(n)
        if not toks or not any(is_cell(t) for t in toks) or toks[0].startswith("("):
            continue  # Khuzestan's wrapped lines 644-646, handled below
        i = next(j for j, t in enumerate(toks) if is_cell(t))
        if province_of(" ".join(toks[:i])) is None:
            if n in (646, 647):
                continue
            raise ValueError(f"002 line {n}: no province label in {toks[:i]}")
        if n == 647:  # "خوزستان 115": target; actual and parts on lines 644-646
            first = S.words(644)
            part_text = " ".join(first[:-1]) + " " + to_latin_digits(S.line(646))
            rows.append(_t7_row(toks[:i], toks[i], first[-1], part_text, 644, 647))
            continue
        last = toks[-1] if len(toks) > i + 1 and is_cell(toks[-1]) else None
        flag = raw = None
        actual_tok = last
        if n == 649:  # Zanjan "021": leading zero, digits probably reversed (120?)
            flag, raw, actual_tok = "actual=garbled: printed '021' (leading zero, digits may be reversed)", last, last
        part_text = " ".join(toks[i + 1:-1] if last else toks[i + 1:])
        rows.append(_t7_row(toks[:i], toks[i], actual_tok, part_text, n, None, flag, raw))
    toks = S.words(T7_TOTAL)
    rows.append(flagged(row_kind="total", province=None, label_fa="جمع", target=int(cell(toks[1])),
                        actual=cell(toks[2]), parts_count=0, parts_sum=None,
                        source_line=T7_TOTAL, source_line_end=None))
    return nullable_int(pd.DataFrame(rows), "source_line_end", "parts_count")


# --------------------------------------------------------------------------------------
# Tables 9 and 11: deeds per province, visual order: hectares, province, row number.
def _deeds(first: int, last: int) -> pd.DataFrame:
    rows = []
    for r in S.table(first, last, 1):
        kind, key, fa = row_identity(r.label)
        if kind == "other":
            continue  # the page's running head (line 758: "... 1401")
        rows.append(dict(row_kind=kind, row_no=int(r.numbers_after[0]) if r.numbers_after and key else None,
                         province=key, label_fa=fa, hectares=cell(r.numbers_before[0]), source_line=r.line_no))
    return nullable_int(pd.DataFrame(rows), "row_no")


@register("registered_deeds_by_province", "002_t09_registered_deeds_by_province.csv")
def registered_deeds_by_province() -> pd.DataFrame:
    """Table 9 (lines 724-788; page break 752-762): total row "2765 ع مج" (line 788)."""
    return _deeds(726, 788)


@register("subdivision_deeds_by_province", "002_t11_subdivision_deeds_by_province.csv")
def subdivision_deeds_by_province() -> pd.DataFrame:
    """Table 11 (lines 827-867): total row "3276.6 جمع" (line 867)."""
    return _deeds(829, 867)


# --------------------------------------------------------------------------------------
# Table 25: special economic zones (section 2-11, lines 1987-2011)
# Status is a merged cell: "به بهره برداری رسیده" printed once (line 1993, between rows 1-2),
# "مصوب (در دست ساخت)" once (lines 2004-2006), "در حال تهیه طرح جامع" on row 9's line.
OPERATING, APPROVED, PLANNING = "operating", "approved_under_construction", "master_plan_in_preparation"
STATUS_FA = {OPERATING: "به بهره برداری رسیده", APPROVED: "مصوب (در دست ساخت)",
             PLANNING: "در حال تهیه طرح جامع"}
T25 = [
    # line, zone name fa, zone en, province fa (None: not printed), status, flag
    (1991, "یزد", "Yazd", "یزد", OPERATING, None),
    (1995, "لرستان", "Lorestan", "لرستان", OPERATING, None),
    (1997, "بجنورد", "Bojnurd", "خراسان شمالی", APPROVED,
     "status=merged status cells, row 3 lies between the two printed status labels (lines 1993 and 2004-2006)"),
    (1999, "سمنان", "Semnan", "سمنان", APPROVED, None),
    (2001, "کازرون", "Kazerun", "فارس", APPROVED, None),
    (2003, "شمال استان بوشهر", "North Bushehr province", "بوشهر", APPROVED, None),
    (2007, "بانه", "Baneh", "کردستان", APPROVED, None),
    (2009, "جهان آباد", "Jahanabad", "همدان", APPROVED, None),
    (2011, "بروجرد", "Borujerd", None, PLANNING,
     "province=not printed, Borujerd is a city of Lorestan"),
]


@register("special_economic_zones", "002_t25_special_economic_zones.csv")
def special_economic_zones() -> pd.DataFrame:
    rows = []
    for n, name, name_en, pfa, status, flag in T25:
        if pfa:
            S.check_label(pfa, n)
        key, fa = province(pfa or "لرستان")
        rows.append(flagged(map_no=S.last_number(n), zone_fa=S.check_label(name, n), zone_en=name_en,
                            province=key, label_fa=fa, status=status, status_fa=STATUS_FA[status],
                            source_line=n, flag=flag,
                            raw_text=None if flag is None else (
                                "بروجرد" if pfa is None else "وضعیت: 1993 به بهره برداري رسيده / 2004-2006 مصوب ) در دست ساخت(")))
    return pd.DataFrame(rows)
