"""Tests for analysis.report.kaleh; expected values hand-computed from 004 and 002 (lines cited)."""
import pytest

from analysis.report import kaleh as ch


def test_members():
    assert [p.key for p in ch.members()] == ["Ilam", "Kermanshah", "Lorestan", "Hamadan"]


def test_priority_sums():
    s = ch.priority_sums().set_index("province")
    # 004 lines 93-95 and 101-105 (activity rows; the printed 12 000 total of Table 3 excluded)
    assert s.loc["Ilam", "employment_sum"] == 2000 + 500 + 1000 + 4000 + 2500 + 3000 + 2500
    assert s.loc["Lorestan", "activities"] == 0
    assert bool(s.loc["Hamadan", "flagged"])
    assert ch.priority_table("Lorestan") is None


def test_profiles_cover_four_provinces():
    prof = ch.isipo_profiles()
    assert sorted(prof.province.unique()) == ["Hamadan", "Ilam", "Kermanshah", "Lorestan"]


def test_operations_share():
    o = ch.operations_frame()
    four = o.loc[["Ilam", "Kermanshah", "Lorestan", "Hamadan"], "units_1401"].sum()
    assert o.loc["four", "units_1401"] == four
    # 002 line 5450: national total of units in 1401 = 2971
    assert o.loc["share", "units_1401"] == pytest.approx(four / 2971)


def test_values():
    v = ch.values()
    assert v["kl_cost_calc"] == "551.1"  # 36 626 / 66 465 (004 line 208)
    assert v["kl_year"] == "1398"
    assert all(isinstance(x, str) and x and "nan" not in x.lower() for x in v.values())


@pytest.fixture(scope="module")
def by_language():
    """The chapter's values in each language (computed once: they read every dataset of the chapter)."""
    return {lang: {**ch.values(lang), "kl_cost_range_prov": ch.cost_range("545.7", "556.0", lang)}
            for lang in ("en", "fa")}


def test_values_by_language(by_language):
    en, fa = by_language["en"], by_language["fa"]
    # registry order of the four (analysis.core.provinces); 004 has no priority table for Lorestan
    assert en["kl_names"] == "Ilam, Kermanshah, Lorestan, Hamadan"
    assert fa["kl_names"] == "ایلام، کرمانشاه، لرستان، همدان"
    assert (en["kl_no_table"], fa["kl_no_table"]) == ("Lorestan", "لرستان")
    # 004 Table 8: commerce and trades has the most planned jobs, 17 788
    assert en["kl_top_sector"] == "Commerce and trades (17,788)" and fa["kl_top_sector"].endswith("(17,788)")
    assert en["kl_budget_ratios"].count("; ") == 3 and fa["kl_budget_ratios"].count("؛ ") == 3
    assert ch.cost_range("a", "b", "en") == "a to b" and ch.cost_range("a", "b", "fa") == "a تا b"


def test_paragraphs_fill_in_both_languages(by_language):
    from analysis.core.text import t
    for lang, v in by_language.items():
        for k in ("intro", "caveat", "targets", "priority", "financing", "isipo", "operations"):
            assert "{{" not in t(f"kaleh.{k}", lang, **v)


def test_printed_values_and_captions():
    html = ch.targets_table()._repr_html_()
    # 004 line 226: 'at least more than 11 thousand' jobs retained (Table 7); line 50: 66 thousand new jobs
    assert "at least more than 11 thousand persons" in html and "66 thousand jobs" in html
    assert "Source: 004 (lines 35–227)" in html
    # Table 4 has no province in its title (flagged); Ilam has Tables 2 and 3
    assert "assigned to Hamadan" in ch.priority_table("Hamadan").caption
    assert ch.priority_table("Ilam").caption.endswith("Source: 004, Tables 2, 3.")
    cell = ch.isipo_table().df.iloc[0, 1]  # land, Ilam: ratio and rank among 30 (002 Table 7)
    assert cell.endswith(" of 30)") and "% (rank " in cell  # as the other tables give a rank ("8 of 30"), not "20/30"


def test_every_data_word_shown_has_a_text():
    from analysis.core.text import labels
    from analysis.sources.datasets import load
    p = load("kaleh_prose_figures").set_index("figure").loc[list(ch.TARGETS + ch.CONTEXT)]
    for lang in ("en", "fa"):
        for r in p.itertuples():
            assert ch.as_printed(r, lang)
    with pytest.raises(KeyError, match="u_furlongs"):
        ch.word("u", "furlongs")
    assert "kaleh.row_four" in labels("fa")


def test_filled_paragraphs_are_not_read_as_lists(by_language):
    """A line of a filled paragraph that starts like '1. ' or '- ' would become a Markdown list."""
    import re

    from analysis.core.text import t
    listy = re.compile(r"^\s*(\d+[.)]|[-+*])\s")
    for lang, v in by_language.items():
        for k in ("intro", "caveat", "targets", "priority", "financing", "isipo", "operations", "cap_financing"):
            assert [line for line in t(f"kaleh.{k}", lang, **v).splitlines() if listy.match(line)] == [], (lang, k)


@pytest.mark.parametrize("lang", ["en", "fa"])
@pytest.mark.parametrize("name", ["financing_figure"])
def test_figure_reads_on_a_phone_and_in_print(name, lang):
    from tests.report.readable import assert_readable

    from analysis.report import kaleh
    assert_readable(kaleh, name, lang)


def test_financing_figure_writes_every_sector_whole():
    # 004 Table 8: 11 sectors; each name (English and Persian) written whole, wrapped at most
    from matplotlib.text import Text

    from analysis.sources.datasets import load
    sec = load("kaleh_financing_by_sector")
    sec = sec[sec.row_kind == "sector"]
    shown = " | ".join(x.get_text().replace("\n", " ") for x in ch.financing_figure().findobj(Text))
    for e, f in zip(sec.sector_en, sec.sector_fa):
        assert e in shown and f in shown, (e, f)


def test_isipo_counts_split_short_of_plan_from_not_started(by_language):
    """The four provinces' defined ratios (002 Tables 7, 13-16, 20, 53): Ilam 5 (no electricity
    plan, zero wastewater plans), Kermanshah 5 (not in the telephone table), Lorestan 6, Hamadan 7.
    Short of plan: the capital budget of all four, land in Ilam and Kermanshah, water in
    Lorestan; not started (actual 0): Ilam's telephone and fibre."""
    v = by_language["en"]
    assert (str(v["kl_n_defined"]), str(v["kl_n_under"]), str(v["kl_n_not_started"])) == ("23", "7", "2")
