"""Seed 004, the KALEH programme (extract/s004_kaleh): hand-checked rows and figures."""
from analysis.sources import datasets as data


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
