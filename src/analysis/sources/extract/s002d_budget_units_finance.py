"""002, lines 4764-6194: capital budgets (Tables 52-53), contracts and land (Table 54),
operational units and their employment (Tables 55-57), projects under construction
(Table 58), staff training courses (Table 61) and finances (Tables 63-67).

Every number is read from its seed line; the column order of each table was confirmed
against its printed total row, the surrounding prose or internal arithmetic (see the
notes in ``data/catalog.yml``).
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.core.digits import normalise_fa, parse_number, to_latin_digits
from analysis.core.paths import seed_lines
from analysis.sources.extract import register
from analysis.sources.extract.common import province_of, table_rows

SEED = "002"
MILLION = 10**6
BILLION = 10**9
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")  # letters only, not the Arabic comma
ARABIC_COMMA = "\u060c"


def _line(n: int) -> str:
    return seed_lines(SEED)[n - 1]


def _money(token: str) -> int:
    """A money cell of 002: every separator ('.', ',', Arabic comma) groups thousands."""
    return int(parse_number(token.replace(ARABIC_COMMA, "."), decimal="none"))


def _prefix(text: str) -> str:
    """The part of a visual-order line before its (Persian) label."""
    t = to_latin_digits(text)
    m = _ARABIC_LETTER.search(t)
    return t[: m.start()] if m else t


def _province_fields(label: str):
    prov = province_of(label)
    if prov:
        return "province", prov[0], prov[1]
    if "جمع" in normalise_fa(label):
        return "total", None, "جمع"
    return "other", None, normalise_fa(label)


def _base(kind, key, fa, line, **values):
    return dict(row_kind=kind, province=key, label_fa=fa, **values, source_line=line)


# --------------------------------------------------------------------------------------
# Table 52: national capital-asset budget by plan (billion rials)
PLAN_EN = {
    "1304012022": "Completion and construction of industrial-estate wastewater treatment plants",
    "1304012012": "Establishment of 7 industrial technology estates",
    "1304012014": "Technology and business service centres",
    "1304012023": "Renovation and restructuring of industries",
    "1304012025": "Technical and credit assistance to dairy industries",
    "1304012027": "Technical and credit assistance to small and medium industries",
    "1304012021": "Creation and development of industrial clusters",
    "1304012016": "Special zones for technology-based industries near science poles",
    "1304011036": "Asphalting of streets, streets and access roads of estates and zones",
    "1304011039": "Completion of industrial-estate infrastructure",
}


@register("capital_budget_national_by_plan", "002_t52_capital_budget_national_by_plan.csv")
def capital_budget_national_by_plan() -> pd.DataFrame:
    """Visual order: allocation, agreement, title, plan number. Confirmed by the total row
    (line 4792: 5620 5456) and the prose (lines 4754-4758: agreements 5456, allocation
    5620 billion rials)."""
    rows = []
    for r in table_rows(SEED, 4772, 4792):
        if len(r.numbers_before) != 2:
            continue
        alloc, agr = (int(x) for x in r.numbers_before)
        if "جمع" in r.label:
            kind, code, en, fa = "total", None, "Total", "جمع"
        else:
            kind, code = "plan", r.numbers_after[-1]
            en, fa = PLAN_EN[code], normalise_fa(r.label)
        rows.append(dict(row_kind=kind, plan_code=code, item_en=en, label_fa=fa,
                         agreement=agr, allocation=alloc,
                         agreement_rials=agr * BILLION, allocation_rials=alloc * BILLION,
                         source_line=r.line_no))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Table 53: provincial capital budget, agreement vs allocation (million rials)
@register("capital_budget_by_province", "002_t53_capital_budget_by_province.csv")
def capital_budget_by_province() -> pd.DataFrame:
    """Normal lines: allocation, agreement, province, row. Three lines (4809, 4843, 4861)
    came out label first as 'province row agreement allocation'; only that reading makes
    both columns add up to the printed totals (line 4871)."""
    rows = []
    for r in table_rows(SEED, 4809, 4871):
        if len(r.numbers_before) == 2:
            alloc, agr = (_money(x) for x in r.numbers_before)
        elif len(r.numbers_after) == 3:
            agr, alloc = (_money(x) for x in r.numbers_after[1:])
        else:
            continue
        kind, key, fa = _province_fields(r.label)
        rows.append(_base(kind, key, fa, r.line_no, agreement=agr, allocation=alloc,
                          agreement_rials=agr * MILLION, allocation_rials=alloc * MILLION))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Table 54: contracts concluded and land allotted per province
@register("contracts_land_by_province", "002_t54_contracts_land_by_province.csv")
def contracts_land_by_province() -> pd.DataFrame:
    """Visual order: area [to end of 1401, 1401, 1400, to end of 1400], contracts [same],
    province, row (see the catalogue notes for how the order was settled)."""
    rows = []
    for r in table_rows(SEED, 5259, 5321):
        if len(r.numbers_before) != 8:
            continue
        a = [parse_number(x, decimal="/") for x in r.numbers_before[:4]]
        c = [int(x) for x in r.numbers_before[4:]]
        kind, key, fa = _province_fields(r.label)
        rows.append(_base(kind, key, fa, r.line_no,
                          contracts_cum_1400=c[3], contracts_1400=c[2], contracts_1401=c[1],
                          contracts_cum_1401=c[0],
                          area_cum_1400_ha=a[3], area_1400_ha=a[2], area_1401_ha=a[1],
                          area_cum_1401_ha=a[0]))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Table 55: operational units, national
INDICATORS_55 = {
    5341: ("operational_units", "unit"),
    5343: ("employment", "person"),
    5345: ("avg_employment_per_unit", "person"),
    5347: ("land_area", "hectare"),
    5349: ("avg_land_per_unit", "square metre"),
    5351: ("investment", "billion rials"),
    5353: ("avg_investment_per_unit", "million rials"),
}


@register("operational_units_national", "002_t55_operational_units_national.csv")
def operational_units_national() -> pd.DataFrame:
    """Visual order: to end of 1401, year 1401, year 1400, unit, indicator, row; the same
    layout as Tables 56-57 (see notes)."""
    rows = []
    for n, (ind, unit) in INDICATORS_55.items():
        r = table_rows(SEED, n, n)[0]
        cum, y1401, y1400 = (int(x) for x in r.numbers_before)
        rows.append(dict(indicator=ind, unit=unit, label_fa=normalise_fa(r.label),
                         value_1400=y1400, value_1401=y1401, cum_1401=cum, source_line=n))
    return pd.DataFrame(rows)


def _three_col_province(first: int, last: int, names: tuple[str, str, str]) -> pd.DataFrame:
    rows = []
    for r in table_rows(SEED, first, last):
        if len(r.numbers_before) != 3:
            continue
        cum, y1401, y1400 = (int(x) for x in r.numbers_before)
        kind, key, fa = _province_fields(r.label)
        rows.append(_base(kind, key, fa, r.line_no, **{names[0]: y1400, names[1]: y1401, names[2]: cum}))
    return pd.DataFrame(rows)


@register("operational_units_by_province", "002_t56_operational_units_by_province.csv")
def operational_units_by_province() -> pd.DataFrame:
    return _three_col_province(5374, 5450, ("units_1400", "units_1401", "units_cum_1401"))


@register("operational_employment_by_province", "002_t57_operational_employment_by_province.csv")
def operational_employment_by_province() -> pd.DataFrame:
    return _three_col_province(5471, 5547, ("employment_1400", "employment_1401", "employment_cum_1401"))


# --------------------------------------------------------------------------------------
# Table 58: projects under construction by stage
@register("projects_under_construction_by_province", "002_t58_projects_under_construction_by_province.csv")
def projects_under_construction_by_province() -> pd.DataFrame:
    """Visual order: total, machinery installation, completion of production halls and
    ancillary buildings, shed installation, walling, land allocated, province, row. The
    total is leftmost (it equals the sum of the other five on every line); the five stages
    are read right to left in the order of construction progress (see notes)."""
    rows = []
    for r in table_rows(SEED, 5573, 5654):
        if len(r.numbers_before) != 6:
            continue
        total, mach, halls, shed, wall, land = (int(x) for x in r.numbers_before)
        kind, key, fa = _province_fields(r.label)
        rows.append(_base(kind, key, fa, r.line_no, stage_land_allocated=land, stage_walling=wall,
                          stage_shed_installation=shed, stage_halls_buildings=halls,
                          stage_machinery_installation=mach, total=total))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Table 61: staff training courses
@register("staff_training_courses", "002_t61_staff_training_courses.csv")
def staff_training_courses() -> pd.DataFrame:
    """Visual order: person-hours, course hours, managers, participants, target group,
    course title, deputy, row (person-hours = participants x hours on every line)."""
    rows = []
    for first, last in ((5743, 5749), (5792, 5828)):
        for r in table_rows(SEED, first, last):
            if len(r.numbers_before) != 4 or not r.numbers_after:
                continue
            ph, hours, managers, participants = (int(x) for x in r.numbers_before)
            rows.append(dict(course_no=int(r.numbers_after[-1]), label_fa=normalise_fa(r.label),
                             participants=participants, managers=managers, course_hours=hours,
                             person_hours=ph, source_line=r.line_no))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Tables 63-64: financial summaries (million rials, 1401 vs 1400)
_SIGNED = re.compile(r"\(\s*([\d.,\u060c]+)\s*\)|([\d.,\u060c]+)")


def _signed_cells(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _SIGNED.finditer(_prefix(text)):
        tok = m.group(1) or m.group(2)
        v = _money(tok)
        out.append((-v if m.group(1) else v, tok))
    return out


ITEMS_63 = {
    5898: "Operating revenue", 5900: "Administrative, general and selling expenses",
    5902: "Other expenses", 5904: "Operating profit (loss)",
    5906: "Other non-operating revenue and expenses", 5908: "Profit before tax",
    5910: "Income tax expense", 5912: "Net profit (loss)",
}
ITEMS_64 = {
    5926: "Operating revenue", 5928: "Cost of operating revenue", 5930: "Gross profit",
    5932: "Administrative and general expenses", 5934: "Other revenue", 5936: "Other expenses",
    5938: "Operating profit (loss)", 5940: "Financial expenses",
    5942: "Other non-operating revenue and expenses", 5944: "Profit before tax",
    5946: "Income tax", 5948: "Net profit",
}


def _summary(items: dict[int, str]) -> pd.DataFrame:
    """Visual order: 1400, 1401, item, row (header 'سال 1400 سال 1401 شرح ردیف'); amounts
    in brackets are negative."""
    rows = []
    for n, en in items.items():
        text = _line(n)
        (v1400, t1400), (v1401, t1401) = _signed_cells(text)
        r = table_rows(SEED, n, n)[0]
        flags, raws = [], []
        for col, tok in (("amount_1401", t1401), ("amount_1400", t1400)):
            if ARABIC_COMMA in tok:
                flags.append(f"{col}=thousands separator printed as Arabic comma U+060C (value certain, provenance reader does not split it)")
                raws.append(tok)
        label = re.sub(r"^[\s\d.,\u060c()\-]+", "", to_latin_digits(text)).strip()
        label = re.sub(r"\s+\d+\s*$", "", label)
        rows.append(dict(item_no=int(r.numbers_after[-1]) if r.numbers_after else int(re.findall(r"(\d+)\s*$", text)[0]),
                         item_en=en, label_fa=normalise_fa(label),
                         amount_1401=v1401, amount_1400=v1400,
                         amount_1401_rials=v1401 * MILLION, amount_1400_rials=v1400 * MILLION,
                         source_line=n, flag=";".join(flags) or None, raw_text=" | ".join(raws) or None))
    return pd.DataFrame(rows)


@register("org_financial_summary", "002_t63_org_financial_summary.csv")
def org_financial_summary() -> pd.DataFrame:
    return _summary(ITEMS_63)


@register("consolidated_financial_summary", "002_t64_consolidated_financial_summary.csv")
def consolidated_financial_summary() -> pd.DataFrame:
    return _summary(ITEMS_64)


# --------------------------------------------------------------------------------------
# Tables 65-67: provincial companies' resources and expenses
_PCT_OR_NUM = re.compile(r"-?%\s*\d+|\d+%\d+|\d+%|[\d.]+")


def _pct(tok: str) -> tuple[float, str | None]:
    """A printed percentage token -> (value, reason if the token is malformed)."""
    neg = tok.startswith("-")
    t = tok.lstrip("-")
    if re.fullmatch(r"\d+%\d+", t):  # '2%9': the sign came out inside the number
        v = float(t.replace("%", ""))
        return (-v if neg else v), "percent sign printed inside the number, read as the digits joined"
    v = float(t.replace("%", "").strip())
    return (-v if neg else v), None


def _tokens(text: str) -> list[str]:
    return _PCT_OR_NUM.findall(_prefix(text))


@register("provincial_companies_resources_expenses_1401", "002_t65_provincial_companies_resources_expenses_1401.csv")
def provincial_companies_resources_expenses_1401() -> pd.DataFrame:
    """Visual order: non-operating expenses % and amount, operating expenses % and amount,
    resources, province, row (7,268,592 / 8,646,325 = 84 % on line 5960)."""
    rows = []
    for r in table_rows(SEED, 5960, 6022):
        toks = _tokens(r.text)
        if len(toks) != 5:
            continue
        pn, an, po, ao, res = toks
        kind, key, fa = _province_fields(re.sub(r"\d+", "", r.text[len(_prefix(r.text)):]))
        res_v, ao_v, an_v = _money(res), _money(ao), _money(an)
        rows.append(_base(kind, key, fa, r.line_no, resources=res_v, opex=ao_v, opex_pct=_pct(po)[0],
                          nonopex=an_v, nonopex_pct=_pct(pn)[0], resources_rials=res_v * MILLION,
                          opex_rials=ao_v * MILLION, nonopex_rials=an_v * MILLION))
    return pd.DataFrame(rows)


def _growth_table(first: int, last: int, stem: str) -> pd.DataFrame:
    rows = []
    for n in range(first, last + 1):
        text = _line(n)
        if not text.strip():
            continue
        toks = _tokens(text)
        if len(toks) != 3:
            continue
        g, v1400, v1401 = toks
        gv, reason = _pct(g)
        label = _ARABIC_LETTER.search(text)
        kind, key, fa = _province_fields(re.sub(r"\d+", "", text[label.start():]))
        a, b = _money(v1401), _money(v1400)
        rows.append(_base(kind, key, fa, n, **{
            f"{stem}_1401": a, f"{stem}_1400": b, "growth_pct": gv,
            f"{stem}_1401_rials": a * MILLION, f"{stem}_1400_rials": b * MILLION,
            "flag": f"growth_pct={reason}" if reason else None, "raw_text": g.strip() if reason else None}))
    return pd.DataFrame(rows)


@register("provincial_companies_resources_1400_1401", "002_t66_provincial_companies_resources_1400_1401.csv")
def provincial_companies_resources_1400_1401() -> pd.DataFrame:
    """Visual order: growth %, 1400, 1401, province, row (8,646,325 / 5,430,172 = +59 %)."""
    return _growth_table(6042, 6104, "resources")


@register("provincial_companies_opex_1400_1401", "002_t67_provincial_companies_opex_1400_1401.csv")
def provincial_companies_opex_1400_1401() -> pd.DataFrame:
    """Visual order: growth %, 1400, 1401, province, row (7,268,592 / 4,414,765 = +65 %)."""
    return _growth_table(6132, 6194, "opex")
