"""Provenance a reader can see (analysis.report.cite, display.Table(cite=...), display.Traced,
analysis.report.trace): every table row rendered from catalogued data carries its citation, the
citations point at seed lines holding the row's numbers, and hover titles are escaped."""
import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from analysis.core import paths
from analysis.core.text import use_language
from analysis.report import cite
from analysis.report.display import DASH, Table, Traced, say

REPORT = Path(__file__).resolve().parents[2] / "src" / "analysis" / "report"


# --------------------------------------------------------------------------- the tables of the chapters
def _tables():
    """Every table of the chapters built from catalogued rows: (name, Table)."""
    from analysis.report import appendix, clusters, intro, kaleh, khuzestan, loans, national, province_chapter, trace
    from analysis.report import provinces_compared as pc
    from analysis.sources.datasets import catalog
    out = [("national.table", national.table()), ("national.verdict_table", national.verdict_table()),
           ("intro.category_table", intro.category_table())]
    out += [(f"provinces_compared.{f.__name__}", f()) for f in (
        pc.rankings_table, pc.aggregates_table, pc.fits_table, pc.budget_table, pc.contracts_table,
        pc.units_jobs_table, pc.finances_table)]
    out += [(f"clusters.{f.__name__}", f()) for f in (
        clusters.programme_table, clusters.changes_table, clusters.derived_table, clusters.deflated_table,
        clusters.names_table)]
    out += [(f"loans.{f.__name__}", f()) for f in (
        loans.budgets_table, loans.leverage_table, loans.attainment_table, loans.cost_table,
        loans.kaleh_province_table, loans.kaleh_sector_table, loans.khz_table)]
    out += [(f"kaleh.{f.__name__}", f()) for f in (kaleh.targets_table, kaleh.context_table, kaleh.isipo_table,
                                                   kaleh.operations_table)]
    out += [(f"kaleh.priority_table({p.key})", kaleh.priority_table(p.key)) for p in kaleh.members()]
    out += [(f"khuzestan.{f.__name__}", f()) for f in (
        khuzestan.agency_table, khuzestan.sector_table, khuzestan.resolutions_table, khuzestan.lending_table,
        khuzestan.rates_table, khuzestan.profile_table, khuzestan.stocks_table)]
    for key in ("Khuzestan", "Qom"):  # a province with its own sources, a small one with parks
        ch = province_chapter.province_chapter(key)
        out += [(f"province({key}).{f.__name__}", f()) for f in (
            ch.profile_table, ch.facts_display, ch.clusters_display, ch.parks_display)]
    out += [(f"appendix.flags_table({n})", appendix.flags_table(n)) for n in catalog()]
    out += [(f"appendix.findings_table({v})", appendix.findings_table(v)) for v in ("capped", "discrepancy")]
    out += [("trace.table", trace.table())]
    return [(n, tb) for n, tb in out if isinstance(tb, Table)]


@pytest.fixture(scope="module")
def tables():
    return _tables()


class _Rows(HTMLParser):
    """The body rows of a rendered table: each row's attributes and its ``td.cite`` text."""

    def __init__(self):
        super().__init__()
        self.rows, self.head_cite, self._in_body, self._cite = [], False, False, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tbody":
            self._in_body = True
        elif tag == "th" and a.get("class") == "cite":
            self.head_cite = True
        elif tag == "tr" and self._in_body:
            self.rows.append({"attrs": a, "cite": ""})
        elif tag == "td" and a.get("class") == "cite":
            self._cite = ""

    def handle_data(self, data):
        if self._cite is not None:
            self._cite += data

    def handle_endtag(self, tag):
        if tag == "td" and self._cite is not None:
            self.rows[-1]["cite"] = self._cite
            self._cite = None


def _parse(tb: Table) -> _Rows:
    p = _Rows()
    p.feed(tb._repr_html_())
    return p


def test_every_row_of_every_table_from_catalogued_data_carries_its_citation(tables):
    assert len(tables) >= 50
    for name, tb in tables:
        p = _parse(tb)
        assert p.head_cite, f"{name}: no Source column"
        assert len(p.rows) == len(tb.df) > 0, name
        for i, r in enumerate(p.rows):
            assert r["cite"].strip() not in ("", DASH), f"{name}: row {i} has no citation"
            assert r["attrs"].get("title", "").strip(), f"{name}: row {i} has no hover title"
            assert r["attrs"].get("data-cite") == r["cite"], f"{name}: row {i}"


def test_every_table_of_the_report_modules_passes_citations_or_is_about_the_catalogue_itself():
    """A table of the report is built with ``cite=`` unless it describes the book or the catalogue
    (no data row behind it): a new table cannot forget its citations silently."""
    about_the_book = {("appendix.py", f) for f in ("coverage_table", "skip_reasons_table", "columns_table",
                                                    "overview_table", "verdict_table", "per_dataset_table",
                                                    "glossary_table", "packages_table")}
    about_the_book |= {("intro.py", "sources_table")}
    missing = []
    for path in sorted(REPORT.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for call in ast.walk(fn):
                if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "Table":
                    if not any(k.arg == "cite" for k in call.keywords) and (path.name, fn.name) not in about_the_book:
                        missing.append(f"{path.name}:{call.lineno} {fn.name}")
    assert not missing, f"Table(...) without cite=: {missing}"


def test_the_allowlist_names_functions_that_exist():
    from analysis.report import appendix, intro
    for mod, names in ((appendix, ("coverage_table", "skip_reasons_table", "columns_table", "overview_table",
                                   "verdict_table", "per_dataset_table", "glossary_table", "packages_table")),
                       (intro, ("sources_table",))):
        for n in names:
            assert callable(getattr(mod, n, None)), f"{mod.__name__}.{n}"


seeds = pytest.mark.skipif(not any((paths.SEEDS / f).is_file() for f in paths.SEED_FILES.values()),
                           reason="seed texts absent: citations not checked against their lines")


@seeds
def test_the_citations_of_the_tables_point_at_seed_lines_holding_the_rows_numbers(tables):
    """Each cited line (range) holds, as a whole number token, a number of the catalogued row(s) it
    cites (the provenance check's reading, analysis.sources.provenance)."""
    from analysis.core.paths import seed_lines
    from analysis.sources import provenance
    from analysis.sources.datasets import dataset, load
    checked = 0
    seen = set()
    for name, tb in tables:
        if name.startswith("appendix.findings_table"):
            continue  # an audit finding cites the line of its printed figure (checked by the audit itself)
        for c in tb.cites:
            for r in c.refs:
                if (r.dataset, r.line) in seen:
                    continue
                seen.add((r.dataset, r.line))
                ds, df = dataset(r.dataset), load(r.dataset)
                rows = df[df["source_line"] == r.line]
                assert len(rows), f"{name}: {r.dataset} has no row citing line {r.line}"
                lines = seed_lines(ds.source)
                found = set().union(*(provenance.line_values(lines[n - 1]) for n in range(r.line, (r.line_end or r.line) + 1)))
                values = [v for _, row in rows.iterrows() for _, v in provenance.checked_values(ds, df, row)]
                if values:  # a row of text only (a cluster's name) has no number to find
                    assert any(provenance._on(v, found) for v in values), f"{name}: {r.short()} holds none of {values}"
                    checked += 1
    assert checked >= 300


@seeds
def test_khuzestan_water_cites_line_955_of_seed_002_which_prints_its_plan_and_actual():
    from analysis.report.province_chapter import province_chapter
    from analysis.sources.extract.seedtext import Seed
    tb = province_chapter("Khuzestan").profile_table()
    row = [i for i, ind in enumerate(tb.df.iloc[:, 0]) if ind.startswith("Water supply")][0]
    c = tb.cites[row]
    assert c.short == "002 · T13 · l.955"
    assert Seed("002").numbers(955) == ["84", "20", "13"]  # actual 84, plan 20, row 13 (visual order)


def test_a_source_citation_reads_seed_table_and_line_and_a_range():
    c = cite.source("land_added_by_province", {"source_line": 644, "source_line_end": 647})
    assert c.short == "002 · T7 · l.644–647" and not c.computed
    assert c.long == "Seed 002 (002_d5af3ce44bc30735.txt), Table 7, line 644–647; dataset land_added_by_province"
    # in Persian the file name is isolated (else "002_d5af….txt" shows as "d5af….txt_002")
    from analysis.core.text import language_as
    with language_as("fa"):
        fa = cite.source("land_added_by_province", {"source_line": 644, "source_line_end": 647}).long
    assert "(\u2068002_d5af3ce44bc30735.txt\u2069)" in fa
    # a dataset spanning tables: the row's own table number, not the catalogue's list
    assert cite.source("loan_scheme_budgets", {"source_line": 3667, "table_no": "43"}).short == "002 · T43 · l.3667"
    # an unnumbered table (seed 003's resolutions): named in the long form only
    r = cite.source("khz_minutes_resolutions", {"source_line": 337})
    assert r.short == "003 · l.337" and "مصوبات" in r.long


def test_a_row_without_a_line_cannot_be_cited():
    with pytest.raises(ValueError, match="water_by_province.*source_line"):
        cite.source("water_by_province", {"source_line": None})


def test_citations_in_the_persian_edition_use_persian_words():
    use_language("fa")
    try:
        c = cite.source("water_by_province", {"source_line": 955})
        assert c.short == "002 · ج13 · س955" and c.long.startswith("منبع 002")
    finally:
        use_language("en")


def test_a_table_wants_one_citation_per_row():
    with pytest.raises(ValueError, match="2 citations for 1 rows"):
        Table(pd.DataFrame({"v": [1]}), cite=[cite.computed("sum_rows", n=1, dataset="x")] * 2)


def test_hover_titles_of_table_rows_are_escaped():
    c = cite.Cite('a "b" <c> & d', 'long "x" <script>alert(1)</script> & y')
    html = Table(pd.DataFrame({"v": [1]}), cite=[c])._repr_html_()
    assert 'title="long &quot;x&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; y"' in html
    assert "<script>" not in html and '<td class="cite" dir="auto">a &quot;b&quot; &lt;c&gt; &amp; d</td>' in html


# --------------------------------------------------------------------------- numbers in the prose
def test_traced_is_its_plain_text_everywhere_but_in_say():
    v = Traced("97.2 %", "ratio of sums of water_by_province.actual/plan, 31 provinces")
    assert v == "97.2 %" and repr(v) == repr("97.2 %") and f"{v}" == "97.2 %" and str(v) == "97.2 %"
    from analysis.core.text import fill
    assert fill("{{x}}", x=v) == "97.2 %"  # headings and captions get the plain text
    md = say("provenance.trace_outro", province="Khuzestan", slug="khuzestan", cite=v).data
    assert '<span class="traced" title="ratio of sums of water_by_province.actual/plan, 31 provinces">97.2 %</span>' in md


def test_traced_titles_are_escaped():
    v = Traced("1", '"quoted" <b>bold</b> & \'single\'')
    assert v.html() == ('<span class="traced" title="&quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt; &amp; '
                        '&#x27;single&#x27;">1</span>')


def test_traced_survives_pickling():
    import pickle
    v = pickle.loads(pickle.dumps(Traced("3", "src")))
    assert isinstance(v, Traced) and v == "3" and v.source == "src"


def test_the_headline_numbers_of_three_chapters_are_traced():
    from analysis.report import national, province_chapter
    from analysis.report import provinces_compared as pc
    s = national.summary()
    for k in ("nat_n", "nat_median", "nat_n_over", "nat_n_under", "nat_top1", "nat_n_ok", "nat_n_capped"):
        assert isinstance(s[k], Traced) and s[k].source, k
    assert s["nat_median"].source.startswith("median of the ")
    v = pc.values()
    assert v["cmp_ros_water"].source == "ratio of sums of water_by_province.actual/plan, 31 provinces"
    for k in ("cmp_n_defined", "cmp_budget_share", "cmp_units_1401", "cmp_res_growth_real", "cmp_contracts_1401"):
        assert isinstance(v[k], Traced), k
    ch = province_chapter.province_chapter("Khuzestan")
    for k in ("n_defined", "best_ratio", "worst_ratio", "budget_ratio", "budget_national", "units_cum",
              "jobs_cum", "resources_growth"):
        assert isinstance(ch.values[k], Traced), k
    assert ch.values["budget_agreement"].source.startswith("Seed 002 (002_d5af3ce44bc30735.txt), Table 53, line ")


def test_the_rendered_prose_keeps_the_visible_text_of_every_value():
    """say() with traced values shows the same text as with their plain strings, once the spans are taken out."""
    from analysis.report import provinces_compared as pc
    v = pc.values()
    plain = {k: str(x) for k, x in v.items()}
    for key in ("provinces_compared.intro", "provinces_compared.matrix_states"):
        try:
            traced, untraced = say(key, **v).data, say(key, **plain).data
        except KeyError:
            continue
        assert re.sub(r'<span class="traced" title="[^"]*">|</span>', "", traced) == untraced
        assert traced != untraced


# --------------------------------------------------------------------------- trace a number
def test_trace_follows_khuzestan_water_from_line_955_to_its_page():
    from analysis.report import trace
    p = trace.trace()
    # 002 line 955: actual 84, plan 20 litres/second (Table 13, Khuzestan); 84 / 20 = 420 %
    assert (p.dataset, p.seed, p.table, p.line, p.plan, p.actual, p.ratio_text) == (
        "water_by_province", "002", "13", 955, "20", "84", "420.0 %")
    assert p.cite.short == "002 · T13 · l.955"
    html = trace.table(p)._repr_html_()
    assert "84 / 20 = 420.0 %" in html and "002_t13_water_by_province.csv" in html


@seeds
def test_trace_shows_the_seed_line_and_checks_its_numbers():
    from analysis.report import trace
    p = trace.trace()
    assert p.on_line is True and "خوزستا" in p.seed_text
    assert "checked by analysis.sources.provenance" in trace.table(p)._repr_html_()


def test_trace_says_not_checked_when_the_seeds_are_absent(monkeypatch, tmp_path):
    from analysis.report import trace
    monkeypatch.setattr(trace, "seeds_present", lambda: False)
    p = trace.trace()
    assert p.seed_text is None and p.on_line is None
    assert "not checked" in trace.table(p)._repr_html_()
    assert "**not\nchecked**" in trace.section(p).data or "not checked" in trace.section(p).data
