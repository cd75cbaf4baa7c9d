"""The methods chapter's "trace a number" section: one number's whole path, read from the data
as the book is built — seed line → dataset and row → computation → page.

The number is a province's achievement ratio on one indicator of
``analysis/metrics/indicators.yml`` (the README's example: Khuzestan's water supply, seed 002
line 955 → ``water_by_province`` → ``indicators`` → ``provinces/khuzestan``). The seed line is
read through :class:`analysis.sources.extract.seedtext.Seed` and its plan and actual checked
with the provenance check's whole-token reading (:func:`analysis.sources.provenance.line_values`)
when the seed texts are present; when they are absent the section says the line is not checked.
Words: ``text/<lang>/provenance.yml`` (``provenance.trace_*``).

>>> p = trace()
>>> (p.dataset, p.line, p.plan, p.actual, p.ratio_text)
('water_by_province', 955, '20', '84', '420.0 %')
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from analysis.core import paths
from analysis.core.provinces import get as get_province
from analysis.core.text import bi, isolate_in_persian, language, t
from analysis.metrics import planactual
from analysis.metrics.indicators import get as get_indicator
from analysis.report import cite
from analysis.report.display import Table, Traced, num, pct, plain, unit_text
from analysis.sources.datasets import dataset, display_path, load, row_locations

PROVINCE, INDICATOR = "Khuzestan", "water"


def seeds_present() -> bool:
    """Whether the seed texts are here: :func:`analysis.core.paths.seeds_present` (the one test the
    book uses; before it exists, check-data's own test, :func:`analysis.sources.checks.seeds_missing_note`)."""
    present = getattr(paths, "seeds_present", None)
    if present is not None:
        return bool(present())
    from analysis.sources.checks import seeds_missing_note
    return seeds_missing_note() is None


@dataclass(frozen=True)
class Path_:
    """One number's path (see the module docstring); ``seed_text`` is ``None`` when the seeds are absent."""

    province: str
    indicator: str
    dataset: str
    seed: str
    file: str
    table: str
    line: int
    csv_line: str
    plan_col: str
    actual_col: str
    plan: str
    actual: str
    unit: str
    ratio: float
    ratio_text: str
    national_text: str
    n_provinces: int
    seed_text: str | None
    on_line: bool | None  # plan and actual are whole number tokens of the line (None: not checked)
    cite: cite.Cite


def _fmt(v: float) -> str:
    return num(v, 0 if float(v).is_integer() else 1)


def trace(province: str = PROVINCE, indicator: str = INDICATOR) -> Path_:
    """The path of ``province``'s achievement ratio on ``indicator``, read from the data."""
    ind = get_indicator(indicator)
    ds = dataset(ind.dataset)
    df = load(ds.name)
    rows = planactual.province_rows(df)
    hit = rows[rows["province"] == province]
    if len(hit) != 1:
        raise KeyError(f"{ds.name}: {len(hit)} province rows for {province!r}; expected 1")
    row = hit.iloc[0]
    i = int(df.index.get_loc(hit.index[0]))
    csv_line = row_locations(ds.path)[i].split(" (")[0].removeprefix("line ")
    line = int(row["source_line"])
    plan, actual = float(row[ind.plan]), float(row[ind.actual])
    a = planactual.achievement(pd.DataFrame({"plan": [plan], "actual": [actual]})).iloc[0]
    agg = planactual.aggregate(rows.rename(columns={ind.plan: "plan", ind.actual: "actual"})[["plan", "actual"]])
    seed_text, on_line = None, None
    if seeds_present():
        from analysis.sources.extract.seedtext import Seed
        from analysis.sources.provenance import line_values
        seed_text = Seed(str(ds.source)[:3]).line(line)
        found = line_values(seed_text)
        on_line = all(any(math.isclose(v, x) for x in found) for v in (plan, actual))
    return Path_(province, indicator, ds.name, str(ds.source)[:3], str(ds.source), ds.table or "", line, csv_line,
                 ind.plan, ind.actual, _fmt(plan), _fmt(actual), ind.unit, float(a["ratio"]), pct(a["ratio"]),
                 pct(agg["ratio_of_sums"].iloc[0]), int(agg["n"].iloc[0]), seed_text, on_line,
                 cite.source(ds.name, row))


def _names(p: Path_) -> tuple[str, str]:
    prov, ind = get_province(p.province), get_indicator(p.indicator)
    return (prov.key, ind.en.lower()) if language() == "en" else (prov.fa, ind.fa)


def values(p: Path_ | None = None) -> dict[str, str]:
    """The values of the section's paragraphs and heading (``provenance.h_trace``, ``trace_intro``,
    ``trace_seeds_absent``, ``trace_outro``)."""
    p = trace() if p is None else p
    province, indicator = _names(p)
    computation = cite.computed("ratio_of_row", cite=p.cite.long)
    return {"province": province, "indicator": indicator, "ratio": Traced(p.ratio_text, computation),
            "example": Traced(p.cite.short, p.cite), "cite": Traced(p.cite.short, p.cite),
            "slug": get_province(p.province).slug, "seed": p.seed, "line": str(p.line),
            "where": str(paths.SEEDS)}


def table(p: Path_ | None = None) -> Table:
    """The four steps of the path, each citing where it is read from."""
    p = trace() if p is None else p
    province, indicator = _names(p)
    if p.seed_text is None:
        seed_what = t("provenance.trace_seed_what_absent")
    else:
        check = t("provenance.trace_check_ok" if p.on_line else "provenance.trace_check_failed")
        seed_what = t("provenance.trace_seed_what", seed_text=p.seed_text.strip(), plan=p.plan, actual=p.actual, check=check)
    unit = unit_text(p.unit)
    steps = [
        ("provenance.trace_step_seed", t("provenance.trace_seed_where", seed=p.seed, file=isolate_in_persian(p.file), line=p.line),
         seed_what, p.cite),
        ("provenance.trace_step_row",
         t("provenance.trace_row_where", path=isolate_in_persian(display_path(dataset(p.dataset).path)), csv_line=p.csv_line,
           dataset=p.dataset, table=p.table),
         t("provenance.trace_row_what", province_key=p.province, plan_col=p.plan_col, plan=p.plan,
           actual_col=p.actual_col, actual=p.actual, line=p.line, unit=unit), p.cite),
        ("provenance.trace_step_computation", t("provenance.trace_computation_where", indicator_key=p.indicator),
         t("provenance.trace_computation_what", actual=p.actual, plan=p.plan, ratio=p.ratio_text,
           national=p.national_text, n=plain(p.n_provinces)),
         cite.computed("ratio_of_row", cite=p.cite.long)),
        ("provenance.trace_step_page", t("provenance.trace_page_where", province=province,
                                         caption=t("province.cap_profile", province=province)),
         t("provenance.trace_page_what", indicator=get_indicator(p.indicator).label if language() == "en"
           else get_indicator(p.indicator).fa, plan=p.plan, actual=p.actual, ratio=p.ratio_text),
         cite.computed("ratio_of_row", cite=p.cite.long)),
    ]
    df = pd.DataFrame({bi("provenance.trace_col_step"): [t(k) for k, *_ in steps],
                       bi("provenance.trace_col_where"): [w for _, w, _, _ in steps],
                       bi("provenance.trace_col_what"): [x for _, _, x, _ in steps]})
    return Table(df, caption=t("provenance.trace_caption", province=province, indicator=indicator),
                 cite=[c for *_, c in steps])


def section(p: Path_ | None = None):
    """What the section's code cells show: the paragraphs before the table (with the seeds-absent
    note when the seeds are not here)."""
    from analysis.report.display import say
    p = trace() if p is None else p
    v = values(p)
    if p.seed_text is None:
        from IPython.display import Markdown
        return Markdown("\n\n".join(say(k, **v).data for k in ("provenance.trace_intro", "provenance.trace_seeds_absent")))
    return say("provenance.trace_intro", **v)
