"""Numbers in the prose of the introduction, methods, clusters, loans, KALEH, Khuzestan and appendix
chapters are traced (analysis.report.display.Traced): each shows its source on hover, the visible
text is the same as without the traces, and a sample of sources name the right dataset and seed
line (checked against the seed text where it is present)."""
import re
from pathlib import Path

import pytest

from analysis.core.text import t, use_language
from analysis.report.display import Traced, say

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
SPAN = re.compile(r'<span class="traced" title="[^"]*">([^<]*)</span>')


def _chapter_values():
    """Each chapter's notebook, its prose values (as the notebook builds them) and the least number
    of Traced values it must hold (about the numbers a reader could check; words stay plain)."""
    from analysis.report import appendix, clusters, intro, kaleh, khuzestan, loans
    from analysis.report.province_chapter import data_version
    methods = {**intro.methods_values(), **intro.provenance_values(), **intro.book_counts()}
    introduction = {**intro.book_counts(), "data_version": data_version()}  # as notebooks/00_introduction.md
    for sid, d in intro.source_dates().items():
        introduction.update({f"date_{sid}_j": d.jalali, f"date_{sid}_g": d.gregorian})
    k = kaleh.values()  # as notebooks/07_kaleh.md: the range of money per job across the four provinces
    ln = loans.values()
    k["kl_cost_range_prov"] = kaleh.cost_range(ln["ln_kaleh_prov_min"], ln["ln_kaleh_prov_max"])
    return {
        "00_introduction": (introduction, 13),
        "01_methods": (methods, 40),
        "04_clusters": (clusters.values(), 40),
        "05_loans": (ln, 55),
        "06_khuzestan": (khuzestan.say_values(), 70),
        "07_kaleh": (k, 30),
        "a1_audit": (appendix.audit_values(), 14),
        "a2_data_catalogue": (appendix.catalogue_values(), 6),
    }


@pytest.fixture(scope="module")
def chapters():
    return _chapter_values()


def _say_keys(notebook: str) -> list[str]:
    """The text keys a chapter's notebook passes to say() with its values."""
    return re.findall(r'say\("([\w.]+)", \*\*(?:values|v)\)', (NOTEBOOKS / f"{notebook}.md").read_text(encoding="utf-8"))


def _plain(values: dict) -> dict:
    return {k: str.__str__(v) if isinstance(v, str) else v for k, v in values.items()}


def test_every_chapter_has_traced_numbers_with_sources(chapters):
    for name, (values, least) in chapters.items():
        traced = {k: v for k, v in values.items() if isinstance(v, Traced)}
        assert len(traced) >= least, f"{name}: {len(traced)} traced values"
        for k, v in traced.items():
            assert v.source.strip(), f"{name}.{k}: empty source"
            assert "{{" not in v.source, f"{name}.{k}: unfilled placeholder in {v.source!r}"
            assert re.search(r"\d", v), f"{name}.{k}: {v!r} is traced but holds no number"


def test_the_rendered_prose_without_the_spans_is_the_untraced_prose(chapters):
    for name, (values, _) in chapters.items():
        keys = _say_keys(name)
        assert keys, name
        changed = 0
        for key in keys:
            traced, plain = say(key, **values).data, say(key, **_plain(values)).data
            assert SPAN.sub(r"\1", traced) == SPAN.sub(r"\1", plain), f"{name}: {key}"
            changed += traced != plain
        assert changed, f"{name}: no paragraph shows a traced number"


def test_a_traced_number_inside_a_heading_or_caption_is_plain_text():
    from analysis.report import clusters, loans
    for v, keys in ((clusters.values(), ("clusters.cap_change", "clusters.cap_provinces", "clusters.cap_map")),
                    (loans.values(), ("loans.money_box", "loans.cap_cost"))):
        for key in keys:
            assert "<span" not in t(key, **v) and 'title="' not in t(key, **v), key


def test_the_persian_edition_traces_with_persian_words():
    from analysis.report import clusters
    use_language("fa")
    try:
        v = clusters.values()
    finally:
        use_language("en")
    assert v["cl_firms_before"].source.startswith("منبع 002")
    assert v["cl_n_over"].source.startswith("ردیف‌های با عملکرد / برنامه")


def test_the_new_provenance_keys_are_in_both_languages_with_the_same_placeholders():
    import yaml

    from analysis.core import paths
    from analysis.core.text import placeholders
    en = yaml.safe_load((paths.ROOT / "text" / "en" / "provenance.yml").read_text(encoding="utf-8"))
    fa = yaml.safe_load((paths.ROOT / "text" / "fa" / "provenance.yml").read_text(encoding="utf-8"))
    assert set(en) == set(fa)
    for k in en:
        assert placeholders(en[k]) == placeholders(fa[k]), k


# --------------------------------------------------------------------------- hand-checked examples
def test_introduction_counts_cite_the_catalogue():
    from analysis.report import intro
    from analysis.sources.datasets import catalog
    v = intro.book_counts()
    n = len(catalog())
    assert v["n_datasets"] == str(n) and v["n_datasets"].source == "datasets listed in data/catalog.yml"
    assert v["n_rows"].source == f"rows of the {n} datasets in data/catalog.yml"
    assert v["n_discrepancy"].source.startswith("findings with verdict “discrepancy”, of the ")


def test_methods_khuzestan_water_cites_line_955():
    from analysis.report import intro
    v = intro.methods_values()
    # 002 line 955 (Table 13): Khuzestan, actual 84, plan 20 litres/second
    assert (v["m_khz_plan"], v["m_khz_actual"], v["m_khz_ratio"]) == ("20", "84", "420.0 %")
    assert v["m_khz_plan"].source == "Seed 002 (002_d5af3ce44bc30735.txt), Table 13, line 955; dataset water_by_province"
    assert v["m_khz_ratio"].source.startswith("actual / plan of Seed 002") and "line 955" in v["m_khz_ratio"].source
    assert v["m_ratio_of_sums"].source == "ratio of sums of water_by_province.actual/plan, 31 provinces"


def test_clusters_firms_and_running_projects_cite_their_lines():
    from analysis.report import clusters
    v = clusters.values()
    # 002 line 2424 (Table 27, row 18): firms in supported clusters, before 118,392, after 139,702
    # (the line reads "18 139702 118392" in visual order)
    assert (v["cl_firms_before"], v["cl_firms_after"]) == ("118,392", "139,702")
    assert v["cl_firms_after"].source == ("Seed 002 (002_d5af3ce44bc30735.txt), Table 27, line 2424; "
                                          "dataset cluster_indicators")
    # 002 line 2959 (Table 30): the printed total of running projects, 54
    assert v["cl_running_printed"] == "54" and "Table 30, line 2959" in v["cl_running_printed"].source
    assert v["cl_running_sum"].source == "sum of cluster_projects_by_province.running, 31 province rows"


def test_loans_renovation_budget_cites_table_40():
    from analysis.report import loans
    v = loans.values()
    # 002 line 3511 (Table 40): renovation scheme 1401, approved 50.470 (thousand-dot) = 50,470 million rials
    assert v["ln_ren_approved_1401"] == "50,470"
    assert "Table 40, line 3511; dataset loan_scheme_budgets" in v["ln_ren_approved_1401"].source
    assert v["ln_ren_alloc_1401"].source.startswith("allocated / approved of Seed 002")


def test_kaleh_jobs_cite_the_programme_text_and_table_6():
    from analysis.report import kaleh
    v = kaleh.values()
    # 004 line 50: the programme expects 66 (thousand) jobs
    assert v["kl_jobs_k"] == "66"
    assert v["kl_jobs_k"].source == "Seed 004 (004_43d6af33987d1ec7.txt), line 50; dataset kaleh_prose_figures"
    # 004 line 208: Table 6's total row (jobs 66,465)
    assert v["kl_jobs_t6"] == "66,465" and "Table 6, line 208" in v["kl_jobs_t6"].source
    assert "Table 6, line 208" in v["kl_cost_calc"].source


def test_khuzestan_council_and_unemployment_cite_their_lines():
    from analysis.report import khuzestan
    v = khuzestan.say_values()
    # 001 line 8: 42 resolutions in all
    assert v["c_total"] == "42" and v["c_total"].source.startswith("Seed 001 (001_49e7626cbcf12ee9.txt), line 8;")
    # 003 line 256: unemployment 14.7 % in 1396 and 14.5 % in 1398; the book recomputes the fall
    assert v["u_fall_recomputed"] == "0.2" and "line 256" in v["u_fall_recomputed"].source


def test_appendix_rounding_example_cites_line_2437_and_counts_cite_the_audit():
    from analysis.report import appendix
    from analysis.sources.datasets import catalog
    a = appendix.audit_values()
    # 002 line 2437 (Table 27): exports of supported firms, before 2.1 and after 2.2 billion US dollars
    assert (a["a_ex_before"], a["a_ex_after"]) == ("2.1", "2.2")
    assert "Table 27, line 2437; dataset cluster_indicators" in a["a_ex_before"].source
    assert a["a_total"].source.endswith(f"on the {len(catalog())} datasets in data/catalog.yml")
    b = appendix.catalogue_values()
    assert b["b_rows"].source == f"rows of the {len(catalog())} datasets in data/catalog.yml"


@pytest.mark.parametrize("chapter,key,seed,line", [
    ("methods", "m_khz_plan", "002", 955), ("clusters", "cl_firms_before", "002", 2424),
    ("clusters", "cl_running_printed", "002", 2959), ("loans", "ln_ren_approved_1401", "002", 3511),
    ("kaleh", "kl_jobs_k", "004", 50), ("kaleh", "kl_jobs_t6", "004", 208),
    ("khuzestan", "c_total", "001", 8), ("appendix", "a_ex_before", "002", 2437),
])
def test_a_cited_seed_line_prints_the_number(seeds_available, chapter, key, seed, line):
    from analysis.report import appendix, clusters, intro, kaleh, khuzestan, loans
    from analysis.sources.extract.seedtext import Seed
    values = {"methods": intro.methods_values, "clusters": clusters.values, "loans": loans.values,
              "kaleh": kaleh.values, "khuzestan": khuzestan.say_values, "appendix": appendix.audit_values}[chapter]()
    v = values[key]
    assert f"Seed {seed} (" in v.source and f"line {line};" in v.source
    tokens = {n.replace(".", "").replace(",", "") for n in Seed(seed).numbers(line)}
    assert v.replace(",", "").replace(".", "") in tokens, (v, Seed(seed).numbers(line))
