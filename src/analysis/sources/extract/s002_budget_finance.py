"""002 chapter 4: the organisation's capital budgets (section 4-1-1, national by plan, Table
52; section 4-1-2, by province, Table 53) and finances (section 4-2: the organisation's and
the consolidated income statements, Tables 63-64; the provincial companies' resources and
expenses, Tables 65-67).

Money is in the unit printed (billion rials in Table 52, million rials elsewhere), every
separator grouping thousands; ``*_rials`` columns restate it in rials. Every number is
read from its seed line; the column order of each table was confirmed against its printed
total row, the surrounding prose or internal arithmetic (see the notes in
``data/catalog.yml``).
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.core.digits import normalise_fa, to_latin_digits
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import ARABIC_COMMA, Seed, integer

S = Seed("002")
MILLION = 10**6
BILLION = 10**9
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")  # letters only, not the Arabic comma


def _prefix(text: str) -> str:
    """The part of a visual-order line before its (Persian) label."""
    t = to_latin_digits(text)
    m = _ARABIC_LETTER.search(t)
    return t[: m.start()] if m else t


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
    for r in S.table(4772, 4792, 2):
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
    for r in S.rows(4809, 4871):
        if len(r.numbers_before) == 2:
            alloc, agr = (integer(x) for x in r.numbers_before)
        elif len(r.numbers_after) == 3:
            agr, alloc = (integer(x) for x in r.numbers_after[1:])
        else:
            continue
        rows.append(S.labelled(r.line_no, r.label, agreement=agr, allocation=alloc,
                               agreement_rials=agr * MILLION, allocation_rials=alloc * MILLION))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Tables 63-64: financial summaries (million rials, 1401 vs 1400)
_SIGNED = re.compile(r"\(\s*([\d.,\u060c]+)\s*\)|([\d.,\u060c]+)")


def _signed_cells(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _SIGNED.finditer(_prefix(text)):
        tok = m.group(1) or m.group(2)
        v = integer(tok)
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
        text = S.line(n)
        (v1400, t1400), (v1401, t1401) = _signed_cells(text)
        r = S.row(n)
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


def _cells_and_label(first: int, last: int, count: int):
    """(line, the ``count`` cells before the label, the label) of lines first..last that
    print exactly ``count`` cells (percentages may carry a misplaced % sign)."""
    for n in range(first, last + 1):
        text = S.line(n)
        prefix = _prefix(text)
        toks = _PCT_OR_NUM.findall(prefix)
        if len(toks) == count:
            yield n, toks, re.sub(r"\d+", "", text[len(prefix):])


@register("provincial_companies_resources_expenses_1401", "002_t65_provincial_companies_resources_expenses_1401.csv")
def provincial_companies_resources_expenses_1401() -> pd.DataFrame:
    """Visual order: non-operating expenses % and amount, operating expenses % and amount,
    resources, province, row (7,268,592 / 8,646,325 = 84 % on line 5960)."""
    rows = []
    for n, (pn, an, po, ao, res), label in _cells_and_label(5960, 6022, 5):
        res_v, ao_v, an_v = integer(res), integer(ao), integer(an)
        rows.append(S.labelled(n, label, resources=res_v, opex=ao_v, opex_pct=_pct(po)[0],
                               nonopex=an_v, nonopex_pct=_pct(pn)[0], resources_rials=res_v * MILLION,
                               opex_rials=ao_v * MILLION, nonopex_rials=an_v * MILLION))
    return pd.DataFrame(rows)


def _growth_table(first: int, last: int, stem: str) -> pd.DataFrame:
    rows = []
    for n, (g, v1400, v1401), label in _cells_and_label(first, last, 3):
        gv, reason = _pct(g)
        a, b = integer(v1401), integer(v1400)
        rows.append(S.labelled(n, label, **{
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
