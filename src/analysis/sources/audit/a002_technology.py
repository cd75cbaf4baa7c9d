"""Audit of 002 technology (``extract/s002_technology``): the technology-centre projects'
credit against the prose (Table 18), the projects by effectiveness indicator against their
printed totals (Tables 36, 38), the technology towns' components against their total row and
the prose (Table 37). Credit (million rials) is rounded at its last printed digit; projects,
technology units, laboratories and consultants are counts (exact).
"""
from __future__ import annotations

from analysis.sources.audit import (
    Finding,
    audit,
    body_rows,
    cell,
    chapter3_prose,
    column_sum,
    compare_columns,
    compare_total,
    exact,
    printed_on,
    rounded,
    total_row,
)
from analysis.sources.datasets import load


@audit
def tech_centres() -> list[Finding]:
    df = load("tech_centre_projects")
    return [compare_total("tech_centre_projects", "credit spent in 1401: 5 projects vs prose (90000 million rials)",
                          rounded(printed_on("002", 1400, 90000)),
                          column_sum("tech_centre_projects", df.credit_spent_1401, "credit_spent_1401"), check="row sum vs prose",
                          source_line=1400)]


@audit
def effectiveness_totals() -> list[Finding]:
    out = []
    for ds in ("tech_centre_projects_by_indicator", "tech_town_projects_by_indicator"):
        df = load(ds)
        tot = total_row(df)
        out.append(compare_total(ds, "projects: indicators vs printed total (جمع)", cell(ds, "projects", tot.projects),
                                 column_sum(ds, body_rows(df, "item").projects, "projects"), source_line=int(tot.source_line)))
    return out


@audit
def tech_town_totals() -> list[Finding]:
    ds = "tech_town_components"
    tot = total_row(load(ds))
    cols = ["production_operational", "production_assigned", "rnd_operational", "rnd_assigned",
            "lab_operational", "lab_assigned", "consultants"]
    # technology units, laboratories and consultants: counts
    out = compare_columns(ds, cols, "{col}: 6 towns vs printed total (مجموع)", body_kind="province", count=True)
    v, line = chapter3_prose("tech towns", "engineering consultants settled in technology towns")
    out.append(compare_total(ds, "consultants: printed total vs prose (239 consultants)", exact(v), exact(int(tot.consultants)),
                             check="table vs prose", source_line=line))
    v, line = chapter3_prose("tech towns", "technology units established in technology towns")
    out.append(compare_total(ds, "assigned production + R&D units + laboratories (total row) vs prose (164 units)", exact(v),
                             exact(int(tot.production_assigned + tot.rnd_assigned + tot.lab_assigned)),
                             check="table vs prose", source_line=line))
    return out
