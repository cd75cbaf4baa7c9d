"""Audit of 002 chapter 4 budgets and finances (``extract/s002_budget_finance``): capital
budgets against their totals and the prose (Tables 52-53), the income statements' arithmetic
(Tables 63-64), the provincial companies' resources and expenses (Tables 65-67: totals,
shares, growth, agreement with Table 65).

All figures here are money (million or billion rials) or percentages: each is rounded at its
last printed digit, and the recomputations carry that rounding (see
:mod:`analysis.sources.audit.intervals`).
"""
from __future__ import annotations

import pandas as pd

from analysis.sources.audit import (
    Finding,
    audit,
    body_rows,
    cell,
    compare,
    compare_percent,
    compare_sums,
    compare_total,
    exact,
    rounded,
    total_row,
)
from analysis.sources.audit.intervals import Interval
from analysis.sources.datasets import load


def compare_growth(dataset: str, item: str, printed: float, new: Interval, old: Interval, *,
                   source_line: int | None = None, note: str = "") -> Finding:
    """Printed growth % (rounded at its printed digits) against ``100 * (new / old - 1)``."""
    return compare(dataset, "growth vs printed %", item, rounded(printed), 100 * (new / old - 1),
                   source_line=source_line, note=note)


@audit
def capital_budgets() -> list[Finding]:
    out = compare_sums("capital_budget_national_by_plan", ["agreement", "allocation"], body_kind="plan")
    out += compare_sums("capital_budget_by_province", ["agreement", "allocation"])
    df = load("capital_budget_by_province")
    t = total_row(df)
    name = "capital_budget_by_province"
    alloc, agree = cell(name, "allocation", t.allocation), cell(name, "agreement", t.agreement)
    prose_alloc, prose_agree = rounded(15000, -3), rounded(21817)
    out.append(compare_percent(name, "allocation / agreement, all provinces, vs the prose's 69 % (lines 4762, 4800)",
                               69, alloc, agree, source_line=4800,
                               note=f"the prose's own rounded figures give {float(100 * prose_alloc.value / prose_agree.value):.2f} % "
                                    "(15000 / 21817 billion rials), which rounds to 69"))
    # 15000 is a round figure (the prose prints its other money figure, 21817, to the billion):
    # taken as rounded to the thousand billion rials
    out.append(compare_total(name, "allocation in the prose (15000 billion rials, line 4800) vs table total / 1000",
                             prose_alloc, alloc / 1000, check="prose vs table", source_line=4800,
                             note="15000 read as rounded to the thousand billion rials; the table gives 14,933.562"))
    out.append(compare_total(name, "agreements in the prose (21817 billion rials, lines 4760/4798) vs table total / 1000",
                             prose_agree, agree / 1000, check="prose vs table", source_line=4798))
    nat = load("capital_budget_national_by_plan")
    over = nat[(nat.row_kind == "plan") & (nat.allocation > nat.agreement)]
    for _, r in over.iterrows():
        out.append(Finding("capital_budget_national_by_plan", "allocation within agreement",
                           f"plan {r.plan_code} ({r.item_en}): allocation exceeds the agreement",
                           float(r.agreement), float(r.allocation), "note", int(r.source_line),
                           "allocation above the exchanged agreement (billion rials)"))
    return out


def _statement(name: str, steps: list[tuple[int, list[int]]]) -> list[Finding]:
    df = load(name).set_index("item_no")
    out = []
    for col in ("amount_1401", "amount_1400"):
        for result, parts in steps:
            out.append(compare_total(name, f"{col}: row {result} = sum of rows {parts}",
                                     cell(name, col, df.loc[result, col]),
                                     Interval.sum(cell(name, col, df.loc[p, col]) for p in parts),
                                     check="statement arithmetic", source_line=int(df.loc[result, "source_line"])))
    return out


@audit
def financial_summaries() -> list[Finding]:
    out = _statement("org_financial_summary", [(4, [1, 2, 3]), (6, [4, 5]), (8, [6, 7])])
    out += _statement("consolidated_financial_summary",
                      [(3, [1, 2]), (7, [3, 4, 5, 6]), (10, [7, 8, 9]), (12, [10, 11])])
    org = load("org_financial_summary").set_index("item_no")
    out.append(compare_total("org_financial_summary",
                             "other expenses 1401 vs grants paid to subsidiaries in the prose (3,550,000 million rials, line 6209)",
                             rounded(3550000), -cell("org_financial_summary", "amount_1401", org.loc[3, "amount_1401"]),
                             check="prose vs table", source_line=6209))
    return out


@audit
def provincial_companies() -> list[Finding]:
    out = []
    t65 = "provincial_companies_resources_expenses_1401"
    out += compare_sums(t65, ["resources", "opex", "nonopex"])
    df = load(t65)
    for _, r in df.iterrows():
        label = r.province if r.row_kind == "province" else "total"
        for amt, pct in (("opex", "opex_pct"), ("nonopex", "nonopex_pct")):
            out.append(compare_percent(t65, f"{label}: {amt} / resources", float(r[pct]), cell(t65, amt, r[amt]),
                                       cell(t65, "resources", r.resources), source_line=int(r.source_line)))
    for name, stem, t65col in (("provincial_companies_resources_1400_1401", "resources", "resources"),
                               ("provincial_companies_opex_1400_1401", "opex", "opex")):
        out += compare_sums(name, [f"{stem}_1401", f"{stem}_1400"])
        g = load(name)
        for _, r in g.iterrows():
            label = r.province if r.row_kind == "province" else "total"
            f = compare_growth(name, f"{label}: {stem} 1401 over 1400", float(r.growth_pct),
                               cell(name, f"{stem}_1401", r[f"{stem}_1401"]), cell(name, f"{stem}_1400", r[f"{stem}_1400"]),
                               source_line=int(r.source_line),
                               note="growth cell flagged (garbled % sign)" if pd.notna(r.flag) else "")
            if f.verdict == "discrepancy" and round(f.recomputed) == int(str(int(f.printed))[::-1]):
                f.note = "printed growth has its two digits swapped against the recomputed value"
            out.append(f)
        m = g.merge(df, on=["row_kind", "province"], suffixes=("", "_65"))
        for _, r in m.iterrows():
            if r[f"{stem}_1401"] != r[t65col]:
                out.append(compare_total(name, f"{r.province or 'total'}: {stem} 1401 vs Table 65",
                                         cell(t65, t65col, r[t65col]), cell(name, f"{stem}_1401", r[f"{stem}_1401"]),
                                         check="cross-table", source_line=int(r.source_line)))
        out.append(compare_total(name, f"{stem} 1401: rows equal to Table 65 (of {len(m)})", exact(len(m)),
                                 exact(int((m[f"{stem}_1401"] == m[t65col]).sum())), check="cross-table"))
    # prose (lines 6108-6110): largest growth Semnan, largest decrease Kohgiluyeh and Boyer-Ahmad
    g = load("provincial_companies_resources_1400_1401")
    g = body_rows(g, "province").assign(rec=lambda d: d.resources_1401 / d.resources_1400)
    top, low = g.loc[g.rec.idxmax(), "province"], g.loc[g.rec.idxmin(), "province"]
    out.append(Finding("provincial_companies_resources_1400_1401", "prose vs table",
                       f"largest growth (prose: Semnan) recomputed: {top}; largest decrease (prose: Kohgiluyeh and Boyer-Ahmad) recomputed: {low}",
                       None, None, "ok" if (top, low) == ("Semnan", "Kohgiluyeh and Boyer-Ahmad") else "discrepancy", 6108))
    return out
