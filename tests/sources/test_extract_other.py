"""Hand-checked rows and audit expectations for the small seeds 000, 001, 003 and 004."""
import pandas as pd

from analysis.sources import datasets as data
from analysis.sources.audit import a000_other as a
from analysis.sources.extract.s000_productivity import split_agencies


def _find(findings, text):
    hits = [f for f in findings if text in f.item]
    assert len(hits) == 1, (text, [f.item for f in findings])
    return hits[0]


# ------------------------------------------------------------------ 000
def test_000_programme_row(seeds_available):
    df = data.load("khz_productivity_programmes")
    # 000 line 183: | اداره کل صنعت، معدن و تجارت | توسعه و ترویج بهره برداری اصولی و پایدار از معادن | بخش معدن |
    result = df[df.source_line == 183].iloc[0][["sector_en", "sector_level", "programme_fa"]].tolist()
    expected = ["Mining", "sector", "توسعه و ترویج بهره برداری اصولی و پایدار از معادن"]
    assert result == expected
    assert df.sector_en.nunique() == 16 and len(df) == 137
    # 000 line 90: a programme printed in the agency column, still a tourism programme
    assert df[df.source_line == 90].iloc[0].sector_en == "Tourism"


def test_000_agencies_split(seeds_available):
    ag = data.load("khz_programme_agencies")
    prog = data.load("khz_productivity_programmes")
    # 000 line 177: استانداری خوزستان، سازمان مدیریت و برنامه ریزی استان
    pid = int(prog[prog.source_line == 177].programme_id.iloc[0])
    result = sorted(ag[ag.programme_id == pid].agency_en)
    expected = sorted(["Khuzestan Governorate", "Management and Planning Organisation of the province"])
    assert result == expected
    # line 145 misspells استاندارداری: merged with استانداری خوزستان
    assert split_agencies("استاندارداری خوزستان، اداره کل اقتصاد و دارایی") == ["استانداری خوزستان", "اداره کل اقتصاد و دارایی"]
    assert ag.flag.notna().sum() == 16  # 'شوش', lines 94 and 192, 8 programmes each


def test_000_approval_date(seeds_available):
    df = data.load("khz_productivity_figures")
    # 000 line 49: زمان تصویب: ۱۴۰۱/۰۵/۰۹
    assert df.set_index("figure").loc["approval_date", "date_jalali"] == "1401/05/09"


# ------------------------------------------------------------------ 001
def test_001_council_figures(seeds_available):
    df = data.load("khz_council_figures").set_index("figure")
    # 001 line 8: هشت جلسه ... ۴۲ مصوبه ... ۳۸ مورد اجرا شده و چهار مورد
    result = df.loc[["sessions_held", "resolutions_total", "resolutions_implemented", "resolutions_pending"], "value"].tolist()
    expected = [8.0, 42.0, 38.0, 4.0]
    assert result == expected
    assert df.loc["sessions_held", "flag"] == "value=printed in words"
    assert df.loc["session_date", "date_jalali"] == "1397/01/23"


def test_001_audit():
    f = _find(a.council_resolutions(), "implemented (38) + pending")
    assert (f.printed, f.recomputed, f.verdict) == (42, 42, "ok")
    assert all(x.verdict == "ok" for x in a.council_resolutions())  # weekdays Thursday (line 8), Friday (line 2)


# ------------------------------------------------------------------ 003
def test_003_figure_rows(seeds_available):
    df = data.load("khz_minutes_figures")
    # 003 line 212: نزدیک به ۱۲۴ میلیارد تومان (Omid Entrepreneurship Fund)
    row = df[(df.source_line == 212)].iloc[0]
    result = [row.value, row.unit, row.qualifier, int(row.value_rials), row.organisation_en]
    expected = [124.0, "billion tomans", "nearly", 1_240_000_000_000, "Omid Entrepreneurship Fund"]
    assert result == expected
    # 003 line 123: جذب ۹۶۰ میلیارد ریال اعتبار
    r = df[(df.source_line == 123) & (df.unit == "billion rials")].iloc[0]
    assert (r.value, int(r.value_rials)) == (960.0, 960_000_000_000)
    # 003 line 232: بالای ۸۰-۷۰٪ -> range 70-80
    r = df[(df.source_line == 232) & df.quantity.str.startswith("speaker's estimate")].iloc[0]
    assert (r.value, r.value_max, r.qualifier) == (70.0, 80.0, "more than")
    # 003 line 314: ۶.۸ میلیون نفر with '.' decimal
    assert 6.8 in df[df.source_line == 314].value.tolist()


def test_003_resolutions(seeds_available):
    df = data.load("khz_minutes_resolutions").set_index("number")
    # 003 line 337: deadline 'پایان بهمن ۹۹'; line 362 (right to left): 'تا ۹۹/۱۱/۲۶'; line 349: 'یک ماه'
    result = pd.Series({n: df.loc[n, "deadline_jalali"] for n in range(1, 8)})
    expected = pd.Series({1: "1399/11/30", 2: pd.NA, 3: pd.NA, 4: "1399/12/30", 5: "1399/12/30",
                          6: "1399/11/26", 7: "1399/12/30"})
    pd.testing.assert_series_equal(result.astype("string"), expected.astype("string"))
    assert df.loc[6, "actor_fa"].startswith("مدیران کل")
    assert df.loc[1, "supervisor_fa"] == "دبیرخانه شورای هماهنگی"


def test_003_audit():
    fs = a.minutes_figures()
    # line 254: 1500 / 24000 = 1/16 (printed in words)
    f = _find(fs, "vs 'one sixteenth'")
    assert (f.printed, f.recomputed, f.verdict) == (0.0625, 0.0625, "ok")
    # line 256: 14.7 - 14.5 = 0.2
    assert _find(fs, "printed fall 0.2").verdict == "ok"
    # line 232: 58/70 = 82.9 % within 'above 70-80 %'
    f = _find(fs, "58 / 70")
    assert (f.verdict, round(f.recomputed, 1)) == ("ok", 82.9)
    # line 254: 415 + 335 = 750 of 'about 1500'
    f = _find(fs, "rural-employment (415)")
    assert (f.printed, f.recomputed, f.verdict) == (1500, 750, "note")
    # line 365: 7 resolutions
    assert _find(fs, "resolution rows").verdict == "ok"
    # line 25 Tuesday, line 362 Sunday
    assert [f.verdict for f in a.minutes_dates()] == ["ok", "ok", "note"]


# ------------------------------------------------------------------ 004
def test_004_priority_sectors(seeds_available):
    df = data.load("kaleh_priority_sectors")
    # 004 line 83: ۷ تولید محصولات زراعی دیم غیر از نخود ۹۴۰۰۰ (Table 1, Kermanshah)
    r = df[df.source_line == 83].iloc[0]
    assert (r.table, r.province, int(r["rank"]), int(r.employment)) == ("1", "Kermanshah", 7, 94000)
    # 004 line 101 (Table 3, visual order): سطح استان ۴۰۰۰ نفر صنایع تبدیلی و غذایی کشاورزی
    r = df[df.source_line == 101].iloc[0]
    assert (r.province, r.county_en, int(r.employment)) == ("Ilam", "province-wide", 4000)
    # Table 4's province is inferred, flagged
    assert df[df.table == "4"].flag.notna().all() and not df[df.table == "4"].province_printed.any()


def test_004_table6_and_8_rows(seeds_available):
    t6 = data.load("kaleh_financing_by_province")
    # 004 line 205: ۲۸۳ ۹۲۴۰ ۸۵۰ ۱۸۹۰۰ کرمانشاه (subsidy, loans, grants, jobs, province)
    r = t6[t6.province == "Kermanshah"].iloc[0]
    result = [int(r.jobs), int(r.grants), int(r.bank_facilities), int(r.interest_subsidy)]
    expected = [18900, 850, 9240, 283]
    assert result == expected
    t8 = data.load("kaleh_financing_by_sector")
    # 004 line 237: ۴ بازرگانی و صنوف ۱۷۷۸۸ ۳۸ ۲۶۸۰ ۱۴
    r = t8[t8.row_no == 4].iloc[0]
    assert [r.sector_en, int(r.jobs), int(r.grants), int(r.bank_facilities), int(r.interest_subsidy)] == \
        ["Commerce and trades", 17788, 38, 2680, 14]


def test_004_prose_figures(seeds_available):
    df = data.load("kaleh_prose_figures").set_index("figure")
    # 004 line 35: ۶,۲ میلیون نفر (',' decimal), line 194: ۵۵۱ میلیون ریال, line 50: ۶۶ هزار فرصت
    assert df.loc["population", "value"] == 6.2
    assert (df.loc["cost_per_job", "value"], int(df.loc["cost_per_job", "value_rials"])) == (551.0, 551_000_000)
    assert df.loc["jobs", "value"] == 66.0


def test_004_audit_tables():
    fs = a.kaleh_tables()
    # Table 6 (line 208): every column adds up
    assert all(f.verdict == "ok" for f in fs if f.item.startswith("Table 6"))
    # Table 8 (line 245): sectors sum to 3002 / 32627 / 999 vs printed 3000 / 32626 / 1000
    result = {c: (f.printed, f.recomputed, f.verdict) for c in ("grants", "bank_facilities", "interest_subsidy", "jobs")
              for f in [_find(fs, f"Table 8 {c}: 11 sectors")]}
    expected = {"grants": (3000, 3002, "discrepancy"), "bank_facilities": (32626, 32627, "discrepancy"),
                "interest_subsidy": (1000, 999, "discrepancy"), "jobs": (66465, 66465, "ok")}
    assert result == expected
    # line 194: 36626 billion rials / 66465 jobs = 551.06 million rials
    f = _find(fs, "(3000 + 32626 + 1000)")
    assert (f.verdict, round(f.recomputed, 2)) == ("ok", 551.06)
    assert _find(fs, "header says thousand").verdict == "unit"


def test_004_audit_prose():
    fs = a.kaleh_prose()
    # line 196: 3262 thousand billion rials vs Table 6 32626 billion rials
    f = _find(fs, "۳۲۶۲")
    assert (f.printed, f.recomputed, f.verdict) == (32626, 3262000, "unit")
    # line 35: 287 thousand / 3.2 million = 8.97 % vs 'more than 9 %'
    assert _find(fs, "unemployed 287").verdict == "rounding"
    assert _find(fs, "employed population 1.6").verdict == "note"
    # Table 3 total (line 106): 4000 + 2500 + 3000 + 2500 = 12000
    f = _find(a.kaleh_priority_sectors(), "Table 3")
    assert (f.printed, f.recomputed, f.verdict) == (12000, 12000, "ok")
