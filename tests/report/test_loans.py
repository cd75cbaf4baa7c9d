"""Tests for analysis.report.loans; expected values hand-computed from 002, 003, 004 (lines cited)."""
import re

import pytest

from analysis.core import text
from analysis.metrics import loans as metrics_loans
from analysis.report import loans as ch


def test_leverage_tables():
    f = ch.leverage_frame().set_index(["table_no", "year"])
    # line 3566: 31.500 deposited, 63.000 bank, 94.500 total, printed ratio 2
    assert f.loc[("41", 1400), "leverage"] == pytest.approx(3.0)
    assert f.loc[("41", 1400), "bank_per_deposit"] == pytest.approx(2.0)
    # line 3802: 1 447 000 deposited, 5 788 000 bank, 7 235 000 total
    assert f.loc[("46", 1401), "leverage"] == pytest.approx(7235000 / 1447000)


def test_attainment():
    a = ch.attainment_frame().set_index(["table_no", "indicator"])
    # line 3823: 9007 of 20067 jobs, printed 45 %
    assert a.loc[("45", "employment"), "attainment"] == pytest.approx(9007 / 20067)
    # line 3921: 32 of 500 dairy firms, printed 6.4 %
    assert a.loc[("48", "industrial firms assisted"), "attainment"] == pytest.approx(0.064)


def test_cost_per_job_rows():
    c = ch.cost_frame().set_index("key")
    # lines 3487-3489: 743 286 million rials, 25 668 jobs
    assert c.loc["renovation_cum", "m_rials_per_job"] == pytest.approx(743286 / 25668)
    assert c.loc["renovation_cum", "note"] == "1390–1401 nominal rials, mixed years"
    assert c.loc["renovation_cum", "m_rials_per_job_1401"] != c.loc["renovation_cum", "m_rials_per_job_1401"]  # NaN
    # 004 line 208: (3000 + 32626 + 1000) billion rials / 66465 jobs; public part (3000 + 1000)
    assert c.loc["kaleh_total", "m_rials_per_job"] == pytest.approx(36626e3 / 66465)
    assert c.loc["kaleh_public", "m_rials_per_job"] == pytest.approx(4000e3 / 66465)
    # 003 lines 139, 141: about 100 billion rials for about 250 jobs
    assert c.loc["khz_proposal", "m_rials_per_job"] == pytest.approx(400.0)
    # lower bounds: jobs since the start, money of 1400 only (Table 44 line 3736: 81 500)
    assert c.loc["technical_public", "lower_bound"]
    assert c.loc["technical_public", "m_rials_per_job"] == pytest.approx(81500 / 9007)


def test_renovation_1400_jobs_go_with_the_approved_facilities():
    # 002 line 3566 "31.500 63.000 94.500 2 31.458 40" under the header of lines 3535-3560:
    # deposited, bank resources, facilities payable, ratio, approved (مصوب), jobs (اشتغال تثبیت و
    # ایجاد شده); approved and jobs are both blank for 1401 (line 3572)
    c = ch.cost_frame().set_index("key")
    assert c.loc["renovation_1400", "basis_key"] == "approved"
    assert c.loc["renovation_1400", "m_rials_per_job"] == pytest.approx(31458 / 40)  # 786.45
    assert c.loc["renovation_1400", "all_finance"] is None  # whose share "approved" is, is not printed
    # the alternatives, beside it
    assert c.loc["renovation_1400_dep", "m_rials_per_job"] == pytest.approx(31500 / 40)  # 787.5
    assert c.loc["renovation_1400_fac", "m_rials_per_job"] == pytest.approx(94500 / 40)  # 2 362.5
    assert {c.loc[k, "note"] for k in ("renovation_1400", "renovation_1400_dep", "renovation_1400_fac")} == \
        {"1400 nominal rials"}
    v = ch.values()
    assert (v["ln_ren_1400_per_job"], v["ln_ren_1400_dep_per_job"], v["ln_ren_1400_fac_per_job"]) == \
        ("786.5", "787.5", "2,362.5")
    # if 31 458 is the organisation's share, with the bank's at the printed ratio 2: 3 x 31 458 / 40
    assert v["ln_ren_1400_appr_all_per_job"] == f"{3 * 31458 / 40:,.1f}"


def _sentences(template: str) -> list[str]:
    return [x for x in re.split(r"\.(?:\s|$)", template) if x.strip()]


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_cost_per_job_figure_says_which_years_money_it_mixes(lang):
    texts = {k: v for k, v in text.labels(lang).items() if k.startswith("loans.")}
    cited = set()
    for key, template in texts.items():
        for sentence in _sentences(template):
            names = text.placeholders(sentence)
            for name in names:
                if "per_job" in name:
                    assert name in ch.PER_JOB_NOTES, f"{key}: {name} is a cost per job without a note in PER_JOB_NOTES"
                if name in ch.PER_JOB_NOTES:
                    cited.add(name)
                    assert ch.PER_JOB_NOTES[name] in names, f"{lang} {key}: {name} has no money note in its sentence"
    assert cited == set(ch.PER_JOB_NOTES)  # every figure of the map is cited, so none is left unchecked
    v = ch.values()
    assert {v[n] for n in ch.PER_JOB_NOTES.values()} >= {"1400 nominal rials", "1390–1401 nominal rials, mixed years"}


def test_every_cost_table_row_says_which_years_money_it_mixes():
    c = ch.cost_frame()
    df = ch.cost_table().df
    notes = list(df[text.bi("loans.money_note")])
    assert len(notes) == len(c) and all(n.strip() for n in notes)
    assert [n.split(";")[0] for n in notes] == [ch.money_text(y) for y in c.years]


def test_kaleh_cost_by_province_and_sector():
    p = ch.kaleh_province_cost().set_index("label_fa")
    # 004 line 204 Ilam: (708 + 7700 + 236) billion / 15 840 jobs
    assert p.loc["ایلام", "cost_per_job"] == pytest.approx(8644e3 / 15840)
    s = ch.kaleh_sector_cost().set_index("row_no")
    # 004 line 239 handicrafts: (25 + 125 + 9) / 4970
    assert s.loc[6, "cost_per_job"] == pytest.approx(159e3 / 4970)


def test_khz_loans_rials():
    k = ch.khz_loans().set_index("source_line")
    # 003 line 212: nearly 124 billion tomans = 1 240 billion rials
    assert k.loc[212, "billion_rials"] == pytest.approx(1240)


def test_values_have_no_missing():
    v = ch.values()
    assert v["ln_kaleh_loans_ratio"] == "100"
    assert all(isinstance(x, str) and x and "nan" not in x.lower() for x in v.values())


# --------------------------------------------------------------------------- one home for words and measures
@pytest.fixture
def persian():
    text.use_language("fa")
    yield
    text.use_language("en")


def test_money_text_says_what_money_note_says():
    c = ch.cost_frame()
    assert list(c.money) == list(c.note)  # English edition: the metric's own words
    assert ch.money_text(range(1390, 1402)) == metrics_loans.money_note(range(1390, 1402))
    assert ch.money_text() == metrics_loans.money_note()


def test_khz_share_uses_the_metric():
    v = ch.values()
    # 003 line 254: about 1 500 of 24 000 billion tomans = 1/16, said "one sixteenth"
    assert v["ln_khz_share_calc"] == "6.25 %" == v["ln_khz_share_said"]
    assert v["ln_khz_bank_three"] == "240,000"


def test_stated_amounts_read_as_said():
    rows = ch.khz_table().df.set_index(text.bi("ln_line"))
    said = rows[text.bi("loans.as_said")]
    assert said["212"] == "nearly 124 billion tomans"  # 003 line 212
    assert said["123"] == "960 billion rials"  # 003 line 123, an exact figure: no qualifier word
    assert said["63 *"] == "more than 13,000 billion tomans"  # 003 line 63, printed in words


def test_kaleh_total_row_label():
    labels = list(ch.kaleh_province_table().df[text.bi("province")])
    assert labels[-1] == text.pair("Total, 4 provinces", "۴ استان")  # 004 line 208


def test_kaleh_extremes_keep_their_form_for_chapter_07():
    v = ch.values()
    # 004 lines 204, 207: Ilam 8 644 / 15 840, Hamadan 7 656 / 13 770 (billion rials / jobs)
    assert v["ln_kaleh_prov_min"] == f"Ilam ({8644e3 / 15840:.1f})"
    assert v["ln_kaleh_prov_max"] == f"Hamadan ({7656e3 / 13770:.1f})"


def test_persian_edition_has_persian_words(persian):
    v = ch.values()
    assert v["ln_ren_cum_note"] == "ریال اسمی ۱۳۹۰ تا ۱۴۰۱، سال‌های مختلف"  # years 1390-1401 in Persian digits
    assert v["ln_kaleh_prov_min"].startswith("ایلام (")
    for table in (ch.budgets_table(), ch.leverage_table(), ch.attainment_table(), ch.cost_table(),
                  ch.kaleh_province_table(), ch.kaleh_sector_table(), ch.khz_table()):
        html = table._repr_html_()
        heads = re.findall(r"<th(?: [^>]*)?>(.*?)</th>", html)
        assert heads and not [h for h in heads if re.search("[A-Za-z]", h)], heads
        caption = re.search(r"<caption[^>]*>(.*?)</caption>", html)[1]
        assert not re.search(r"[A-Za-z]{3,}", caption.replace("FP.CPI.TOTL.ZG", "")), caption
    assert "میلیون ریال" in ch.budgets_table().caption  # the catalogue's unit, in Persian


def test_the_cost_table_has_one_source_column():
    """Each row's table and lines are in the citation column ("money / jobs of 002, Table 41, line
    3566"); a data column headed "Source" beside it repeated them under the same heading."""
    import re
    table = ch.cost_table()
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", table._repr_html_())
    assert [h for h in heads if h.startswith("Source")] == ["Source · منبع"]  # the citation column only
    assert all(c.short.startswith("money / jobs of ") for c in table.cites)
