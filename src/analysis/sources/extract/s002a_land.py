"""002 part a (lines 1-870): headline shares and other prose figures, Table 1 (approved
parks), Table 3 (service-company law), Tables 5, 6, 8, 10 (national plan/actual lines),
Table 7 (land added per province), Tables 9 and 11 (deeds per province).

Reading rules (see each function): numeric table lines are printed in visual order
(leftmost printed column first), except Table 1, whose lines came out in logical order
(row number first). Every number is read from its line; only labels are described here.
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.core.digits import normalise_fa, number_tokens, parse_number, to_latin_digits
from analysis.sources.extract import register
from analysis.sources.extract.s002a_util import (
    as_int_if_whole,
    is_num,
    line,
    num,
    province,
    province_prefix,
    same_word,
    split_visual,
    tokens,
)

# --------------------------------------------------------------------------------------
# Prose figures (lines 180-1288). (line, index of the number token on the line, id, topic,
# unit, decimal separator, English description). The value is the token read from the line.
PROSE = [
    (180, 0, "land_allotted_operational_share", "land", "%", ".",
     "Share of all allotted land held by units that have started operation (chart 1)"),
    (197, 0, "contracts_operational_share", "contracts", "%", ".",
     "Share of all concluded contracts whose units are in operation (chart 2)"),
    (199, 0, "contracts_under_construction_share", "contracts", "%", ".",
     "Share of all concluded contracts that are projects under construction (chart 2)"),
    (201, 0, "contracts_unconverted_transfer_share", "contracts", "%", ".",
     "Share of all concluded contracts that are transferred contracts not yet converted (chart 2)"),
    (221, 0, "industrial_land_ready_share", "land", "%", ".",
     "Share of total industrial land area that is ready for allotment (chart 3)"),
    (223, 0, "industrial_land_allotted_share", "land", "%", ".",
     "Share of total industrial land area allotted to applicants (chart 3)"),
    (228, 0, "approved_parks_with_land_share", "infrastructure", "%", ".",
     "Share of approved industrial parks/zones that have land (chart 4)"),
    (230, 0, "parks_with_land_operational_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that are in operation (chart 4)"),
    (232, 0, "parks_with_land_water_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have water (chart 4)"),
    (234, 0, "parks_with_land_electricity_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have electricity (chart 4)"),
    (236, 0, "parks_with_land_gas_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have gas (chart 4)"),
    (238, 0, "parks_with_land_phone_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have fixed telephone (chart 4)"),
    (240, 0, "parks_with_land_fibre_share", "infrastructure", "%", ".",
     "Share of parks/zones with land that have optical fibre (chart 4)"),
    (257, 0, "land_registered_deed_share_chart", "deeds", "%", ".",
     "Share of land in hand that has a registered (title) deed (chart 5)"),
    (259, 0, "registered_land_subdivision_deed_share_chart", "deeds", "%", ".",
     "Share of land with registered deeds that also has subdivision deeds (chart 5)"),
    (277, 0, "parks_approved_1401", "new parks", "parks/zones", ".",
     "Industrial parks/zones approved for creation or expansion in 1401 (Table 1)"),
    (279, 0, "parks_approved_1401_area", "new parks", "hectare", ".",
     "Area of the parks/zones approved in 1401 (Table 1)"),
    (384, 0, "private_parks_establishment_licences", "private parks", "parks", ".",
     "Non-government industrial parks issued an establishment licence, to end of 1401"),
    (386, 0, "private_parks_operation_licences", "private parks", "parks", ".",
     "Non-government industrial parks issued an operation licence, to end of 1401"),
    (698, 1, "land_registered_deed_share", "deeds", "%", ".",
     "Share of land in hand of parks/zones that has a registered (title) deed"),
    (698, 0, "land_registered_deed_area", "deeds", "hectare", ".",
     "Land in hand of parks/zones that has a registered (title) deed"),
    (700, 1, "registered_land_subdivision_deed_share", "deeds", "%", ".",
     "Share of land with registered deeds that has subdivision deeds"),
    (700, 0, "land_subdivision_deed_area", "deeds", "hectare", "none",
     "Land with subdivision deeds (printed 93,138: comma groups thousands)"),
    (702, 0, "parks_registered_deeds_1401", "deeds", "parks/zones", ".",
     "Parks/zones for which registered deeds were obtained in 1401"),
    (704, 1, "registered_deed_area_1401", "deeds", "hectare", ".",
     "Registered deeds obtained in 1401"),
    (704, 0, "subdivision_deed_area_1401", "deeds", "hectare", ".",
     "Subdivision deeds obtained in 1401 (as stated in the prose)"),
    (904, 1, "parks_in_operation", "water", "parks/zones", ".",
     "Parks/zones in operation (land being allotted), end of 1401 (water paragraph)"),
    (904, 0, "parks_with_water", "water", "parks/zones", ".",
     "Parks/zones in operation that have water, end of 1401"),
    (906, 2, "parks_with_water_share", "water", "%", ".",
     "Share of parks/zones in operation that have water"),
    (906, 1, "water_supplied_cumulative", "water", "litre/second", ".",
     "Water supplied to parks/zones, cumulative to end of 1401"),
    (906, 0, "parks_water_connected_1401", "water", "parks/zones", ".",
     "Parks/zones supplied with water in 1401"),
    (908, 0, "water_added_1401", "water", "litre/second", ".",
     "Water supply added in 1401 including revived water (Table 13 total)"),
    (1098, 1, "parks_with_electricity", "electricity", "parks/zones", ".",
     "Parks/zones with electricity, end of 1401"),
    (1098, 0, "electricity_supplied_cumulative", "electricity", "MW", ".",
     "Electric capacity supplied to parks/zones, cumulative to end of 1401"),
    (1104, 1, "parks_electrified_1401", "electricity", "parks/zones", ".",
     "Parks/zones electrified in 1401"),
    (1104, 0, "electricity_added_1401", "electricity", "MW", ".",
     "Electric capacity added for industrial units in 1401"),
    (1198, 1, "parks_in_operation_gas_paragraph", "gas", "parks/zones", ".",
     "Parks/zones in operation, end of 1401 (gas paragraph)"),
    (1198, 0, "parks_with_gas", "gas", "parks/zones", ".",
     "Parks/zones in operation that have gas, end of 1401"),
    (1200, 0, "parks_with_gas_share", "gas", "%", ".",
     "Share of parks/zones in operation that have gas"),
    (1203, 0, "parks_gas_connected_1401", "gas", "parks/zones", ".",
     "Parks/zones connected to gas in 1401"),
    (1211, 1, "parks_in_operation_phone_paragraph", "phone", "parks/zones", ".",
     "Parks/zones in operation, end of 1401 (telephone paragraph)"),
    (1211, 0, "parks_with_phone", "phone", "parks/zones", ".",
     "Parks/zones in operation that have fixed telephone, end of 1401"),
    (1213, 0, "parks_with_phone_share", "phone", "%", ".",
     "Share of parks/zones in operation that have fixed telephone (about)"),
    (1221, 1, "parks_phone_connected_1401", "phone", "parks/zones", ".",
     "Parks/zones given fixed telephone in 1401"),
    (1221, 0, "parks_phone_connected_1401_pct_of_plan", "phone", "%", ".",
     "Parks/zones given fixed telephone in 1401, as % of plan"),
    (1284, 0, "parks_fibre_connected_1401", "fibre", "parks/zones", ".",
     "Parks/zones connected to optical fibre in 1401"),
    (1286, 0, "parks_fibre_connected_1401_pct_of_plan", "fibre", "%", ".",
     "Parks/zones connected to optical fibre in 1401, as % of plan"),
    (1288, 0, "parks_with_fibre", "fibre", "parks/zones", ".",
     "Parks/zones with optical-fibre infrastructure, end of 1401"),
]


@register("overview_prose_figures", "002_text_overview_figures.csv")
def overview_prose_figures() -> pd.DataFrame:
    rows = []
    for n, idx, fid, topic, unit, dec, desc in PROSE:
        tok = number_tokens(line(n))[idx]
        value = parse_number(tok, decimal=dec)
        rows.append(dict(figure_id=fid, topic=topic, description_en=desc,
                         value=as_int_if_whole(value), unit=unit, source_line=n))
    return pd.DataFrame(rows)


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
        toks = tokens(n)
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
        rows.append(dict(row_kind="park", row_no=row_no, province=prov[0], label_fa=prov[1],
                         park_fa=park, action=action, land_status=_land_status(status),
                         hectares=as_int_if_whole(num(ha, decimal="/")),
                         source_line=n, flag=None, raw_text=None))
    toks = tokens(T1_TOTAL)  # "جمع 10418.03 -": '.' is the decimal point here
    total = next(t for t in toks if is_num(t))
    rows.append(dict(row_kind="total", row_no=None, province=None, label_fa="جمع", park_fa=None,
                     action=None, land_status=None, hectares=num(total, decimal="."),
                     source_line=T1_TOTAL, flag=None, raw_text=None))
    df = pd.DataFrame(rows)
    df["row_no"] = df["row_no"].astype("Int64")
    return df


# --------------------------------------------------------------------------------------
# Single-line national plan/actual tables: visual order [pct] actual plan unit+label.
def _plan_actual(spec) -> pd.DataFrame:
    rows = []
    for n, item, unit_en, has_pct in spec:
        before, label, _ = split_visual(n)
        vals = [as_int_if_whole(num(t)) for t in before]
        if has_pct:
            pct, actual, plan = vals
        else:
            (actual, plan), pct = vals, None
        rows.append(dict(item=item, label_fa=normalise_fa(label), unit=unit_en, plan=plan,
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
    n = 605
    before, label, _ = split_visual(n)
    pct, act1401, plan1401, act1400, cum1400 = (int(num(t)) for t in before)
    return pd.DataFrame([dict(item="land in hand of parks/zones", label_fa=normalise_fa(label),
                              unit="hectare", cumulative_to_1400=cum1400, actual_1400=act1400,
                              plan_1401=plan1401, actual_1401=act1401, pct_printed=pct,
                              source_line=n)])


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
    prov = province(" ".join(label_words))
    if prov is None:
        raise ValueError(f"002 line {n}: no province in {label_words}")
    parts = parts_of(part_text)
    return dict(row_kind="province", province=prov[0], label_fa=prov[1],
                target=as_int_if_whole(num(target_tok)),
                actual=None if actual_tok is None else as_int_if_whole(num(actual_tok)),
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
        text = to_latin_digits(line(n))
        toks = text.split()
        if not toks or not any(is_num(t) for t in toks) or toks[0].startswith("("):
            continue  # Khuzestan's wrapped lines 644-646, handled below
        i = next(j for j, t in enumerate(toks) if is_num(t))
        if province(" ".join(toks[:i])) is None:
            if n in (646, 647):
                continue
            raise ValueError(f"002 line {n}: no province label in {toks[:i]}")
        if n == 647:  # "خوزستان 115": target; actual and parts on lines 644-646
            first = to_latin_digits(line(644)).split()
            part_text = " ".join(first[:-1]) + " " + to_latin_digits(line(646))
            rows.append(_t7_row(toks[:i], toks[i], first[-1], part_text, 644, 647))
            continue
        last = toks[-1] if len(toks) > i + 1 and is_num(toks[-1]) else None
        flag = raw = None
        actual_tok = last
        if n == 649:  # Zanjan "021": leading zero, digits probably reversed (120?)
            flag, raw, actual_tok = "actual=garbled: printed '021' (leading zero, digits may be reversed)", last, last
        part_text = " ".join(toks[i + 1:-1] if last else toks[i + 1:])
        rows.append(_t7_row(toks[:i], toks[i], actual_tok, part_text, n, None, flag, raw))
    toks = tokens(T7_TOTAL)
    rows.append(dict(row_kind="total", province=None, label_fa="جمع", target=int(num(toks[1])),
                     actual=as_int_if_whole(num(toks[2])), parts_count=0, parts_sum=None,
                     source_line=T7_TOTAL, source_line_end=None, flag=None, raw_text=None))
    df = pd.DataFrame(rows)
    df["source_line_end"] = df["source_line_end"].astype("Int64")
    df["parts_count"] = df["parts_count"].astype("Int64")
    return df


# --------------------------------------------------------------------------------------
# Tables 9 and 11: deeds per province, visual order: hectares, province, row number.
def _deeds(first: int, last: int) -> pd.DataFrame:
    rows = []
    for n in range(first, last + 1):
        before, label, after = split_visual(n)
        if len(before) != 1 or not label:
            continue
        value = as_int_if_whole(num(before[0]))
        prov = province(label)
        row_no = int(after[0]) if after else None
        if prov:
            rows.append(dict(row_kind="province", row_no=row_no, province=prov[0], label_fa=prov[1],
                             hectares=value, source_line=n))
        elif same_word(label, "جمع"):
            rows.append(dict(row_kind="total", row_no=None, province=None, label_fa="جمع",
                             hectares=value, source_line=n))
    df = pd.DataFrame(rows)
    df["row_no"] = df["row_no"].astype("Int64")
    return df


@register("registered_deeds_by_province", "002_t09_registered_deeds_by_province.csv")
def registered_deeds_by_province() -> pd.DataFrame:
    """Table 9 (lines 724-788; page break 752-762): total row "2765 ع مج" (line 788)."""
    return _deeds(726, 788)


@register("subdivision_deeds_by_province", "002_t11_subdivision_deeds_by_province.csv")
def subdivision_deeds_by_province() -> pd.DataFrame:
    """Table 11 (lines 827-867): total row "3276.6 جمع" (line 867)."""
    return _deeds(829, 867)
