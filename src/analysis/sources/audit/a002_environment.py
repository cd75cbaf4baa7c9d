"""Audit of 002 chapter 2, sections 2-8 to 2-10 (``extract/s002_environment``): wastewater
treatment, green space, environment and fire safety: printed totals and percentages,
Table 19 against Table 20, the tables against the prose. Figures quoted from the prose are
read from their seed line (:func:`printed_on`), which fails if the number is not printed
there. Estates, modules, units, studies, stations and engines are counts (exact); hectares,
kilometres, saplings (in millions), cubic metres a day and percentages are rounded at their last
printed digit.
"""
from __future__ import annotations

from analysis.sources.audit import (
    Finding,
    audit,
    compare_columns,
    compare_percent_rows,
    compare_total,
    exact,
    printed_on,
    rounded,
    total_row,
)
from analysis.sources.datasets import load


@audit
def wastewater() -> list[Finding]:
    out = compare_percent_rows("wastewater_plan_actual", "unit_en")
    t19 = load("wastewater_plan_actual").set_index("unit_en")
    t20 = load("wastewater_by_province")
    total = total_row(t20)
    out += compare_columns("wastewater_by_province", ("estates_plan", "estates_actual", "modules_plan", "modules_actual"),
                           "{col}: 31 provinces vs printed total (جمع)", body_kind="province")
    for col, unit in (("estates", "industrial estate/zone"), ("modules", "treatment module")):
        for kind in ("plan", "actual"):
            out.append(compare_total("wastewater_by_province", f"{col}_{kind}: Table 20 total vs Table 19 {kind}",
                                     exact(int(t19.loc[unit, kind])), exact(int(total[f"{col}_{kind}"])),
                                     check="cross-table", source_line=int(total.source_line)))
    mod_actual = int(t19.loc["treatment module", "actual"])
    out.append(compare_total("wastewater_plan_actual", "modules brought into operation: prose (line 1454) vs Table 19 actual",
                             exact(printed_on("002", 1454, 12)), exact(mod_actual), check="table vs prose", source_line=1454,
                             note="the prose quotes 12 modules, the planned figure"))
    out.append(compare_total("wastewater_plan_actual", "modules brought into operation: prose (line 1736) vs Table 19 actual",
                             exact(printed_on("002", 1736, 9)), exact(mod_actual), check="table vs prose", source_line=1736))
    out.append(Finding("wastewater_plan_actual", "table vs prose",
                       "plants in operation: '250 modules in 196 estates' (line 1456) vs '250 plants in 269 modules' (line 1738-1740)",
                       printed_on("002", 1456, 250), printed_on("002", 1740, 269), "note", 1738,
                       "the prose counts plants and modules inconsistently (250 modules vs 269 modules)"))
    return out


@audit
def green_space() -> list[Finding]:
    return compare_percent_rows("green_space", "item_en")


@audit
def environment() -> list[Finding]:
    df = load("environment_plan_actual").set_index("item_en")
    units = int(df.loc["Industrial units connected to a treatment plant", "actual"])
    eia = int(df.loc["Environmental impact assessment studies", "actual"])
    studies = int(df.loc["Design studies of wastewater treatment plants and effluent-reuse systems", "actual"])
    cap = load("wastewater_capacity").set_index("row_no")
    return [
        compare_total("environment_plan_actual", "units connected in 1401: prose (line 1742) vs table actual",
                      exact(printed_on("002", 1742, 1905)), exact(units), check="table vs prose", source_line=1715),
        compare_total("environment_plan_actual", "environmental assessments approved: prose (line 1756) vs table actual",
                      exact(printed_on("002", 1756, 17)), exact(eia), check="table vs prose", source_line=1721),
        compare_total("environment_plan_actual",
                      "design + reuse studies approved: prose (line 1754: 17 + 6) vs table actual",
                      exact(printed_on("002", 1754, 17)) + exact(printed_on("002", 1754, 6)), exact(studies),
                      check="table vs prose", source_line=1717,
                      note="the prose may count approvals, the table studies carried out"),
        compare_total("wastewater_capacity", "capacity m3/day: prose (line 1740) vs table",
                      rounded(printed_on("002", 1740, 186998)), rounded(int(cap.loc[1, "value"])), check="table vs prose",
                      source_line=1732),
        compare_total("wastewater_capacity", "units connected: prose (line 1746) vs table",
                      exact(printed_on("002", 1746, 29717)), exact(int(cap.loc[2, "value"])), check="table vs prose",
                      source_line=1734),
        Finding("wastewater_capacity", "table vs prose",
                "coverage: printed 73 % (line 1748) vs 29717 connected / 37170 covered units",
                printed_on("002", 1748, 73), round(100 * 29717 / printed_on("002", 1748, 37170), 2), "note", 1748,
                "the denominator of the printed 73 % is not stated; 29717/37170 gives 79.9 %"),
    ]


@audit
def fire() -> list[Finding]:
    df = load("fire_stations")
    out = []
    for item, prose_line, prose_val in (("fire stations", 1799, 309), ("fire engines", 1797, 390)):
        d = df[df.item == item]
        total = d[d.measure == "total"].iloc[0]
        added = int(d[d.measure == "added_in_year"].value.iloc[0])
        cum = d[d.measure == "cumulative_to_end_of_year"].sort_values("year")
        c1400 = int(cum[cum.year == 1400].value.iloc[0])
        out.append(compare_total("fire_stations", f"{item}: end-1400 stock + added in 1401 vs printed total",
                                 exact(int(total.value)), exact(c1400) + exact(added), check="stock + flow vs printed total",
                                 source_line=int(total.source_line)))
        out.append(compare_total("fire_stations", f"{item}: printed total vs prose (line {prose_line})",
                                 exact(printed_on("002", prose_line, prose_val)), exact(int(total.value)), check="table vs prose",
                                 source_line=prose_line))
        falls = int((cum.value.diff() < 0).sum())
        out.append(compare_total("fire_stations", f"{item}: years 1391-1400", exact(0), exact(falls),
                                 check="cumulative series never falls", source_line=int(total.source_line)))
    return out
