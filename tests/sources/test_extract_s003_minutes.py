"""Seed 003, the coordination council minutes (extract/s003_minutes): hand-checked figures and resolutions."""
import pandas as pd

from analysis.sources import datasets as data


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
