"""Tests of analysis.metrics.planactual, on frames typed in from the seeds (line numbers cited)."""
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from analysis.core.provinces import UnknownProvinceError
from analysis.metrics import planactual as pa

# 002 Table 13 (water supplied, litre/second), lines 931-990: (province, line, plan, actual).
# The printed columns read "actual plan" left to right (line 929: عملکرد برنامه).
WATER = [
    ("East Azerbaijan", 931, 22, 25), ("West Azerbaijan", 933, 30, 6), ("Ardabil", 935, 10, 17),
    ("Isfahan", 937, 10, 18), ("Alborz", 939, 25, 0), ("Ilam", 941, 15, 15), ("Bushehr", 943, 10, 10),
    ("Tehran", 945, 109, 143), ("Chaharmahal and Bakhtiari", 947, 20, 56), ("South Khorasan", 949, 20, 2),
    ("Razavi Khorasan", 951, 15, 13), ("North Khorasan", 953, 21, 11), ("Khuzestan", 955, 20, 84),
    ("Zanjan", 957, 99, 5), ("Semnan", 959, 30, 31), ("Sistan and Baluchestan", 960, 13, 13),
    ("Fars", 962, 20, 22), ("Qom", 964, 30, 0), ("Qazvin", 966, 30, 30), ("Kurdistan", 968, 10, 35),
    ("Kerman", 970, 10, 2), ("Kermanshah", 972, 10, 10), ("Kohgiluyeh and Boyer-Ahmad", 974, 20, 0),
    ("Golestan", 976, 20, 25), ("Gilan", 978, 15, 15), ("Lorestan", 980, 15, 5), ("Mazandaran", 982, 10, 30),
    ("Markazi", 984, 50, 60), ("Hormozgan", 986, 17, 15), ("Hamadan", 988, 8, 12), ("Yazd", 990, 5, 8),
]


@pytest.fixture
def water():
    df = pd.DataFrame(WATER, columns=["province", "source_line", "plan", "actual"])
    df["unit"] = "litre/second"
    df["row_kind"] = "province"
    return df


@pytest.fixture
def water_with_totals(water):
    extra = pd.DataFrame([
        {"province": None, "source_line": 992, "plan": 183, "actual": 154, "unit": "litre/second", "row_kind": "other"},
        {"province": None, "source_line": 994, "plan": 922, "actual": 872, "unit": "litre/second", "row_kind": "total"},
    ])
    return pd.concat([water, extra], ignore_index=True)


NATIONAL = 718 / 739  # 002 line 994 total 922/872 minus line 992 reclaimed water 183/154


# ---------------------------------------------------------------- achievement
def test_achievement_east_azerbaijan(water):
    a = pa.achievement(water)
    row = a[a.province == "East Azerbaijan"].iloc[0]  # 002 line 931: plan 22, actual 25
    assert row.ratio == pytest.approx(25 / 22)
    assert row.pct == pytest.approx(113.6363636)
    assert row.status == "defined"


def test_achievement_uncapped_and_zero_actual(water):
    a = pa.achievement(water).set_index("province")
    assert a.loc["Khuzestan", "ratio"] == pytest.approx(4.2)  # line 955: 84 / 20, not capped at 1
    assert a.loc["Alborz", "ratio"] == 0.0  # line 939: 0 / 25
    assert a["status"].eq("defined").all()


def test_achievement_statuses_never_inf():
    df = pd.DataFrame({"plan": [0, 0, None, 5, None], "actual": [3, 0, 4, None, None]})
    a = pa.achievement(df)
    assert list(a.status) == ["undefined: zero plan", "undefined: zero plan", "undefined: missing plan",
                              "undefined: missing actual", "undefined: missing plan"]
    assert a.ratio.isna().all()
    assert not np.isinf(a.ratio.fillna(0)).any()


def test_achievement_nan_only_where_undefined(water):
    a = pa.achievement(water)
    assert (a.ratio.isna() == (a.status != "defined")).all()


def test_achievement_printed_pct():
    # 002 Table 26, lines 2377 (plan 9, actual 8, printed 89 %) and 2385 (301, 377, printed 125 %)
    df = pd.DataFrame({"plan": [9, 301], "actual": [8, 377], "pct_printed": [89, 125]})
    a = pa.achievement(df, printed_pct="pct_printed")
    assert list(a.printed_pct) == [89, 125]
    assert a.pct.round(1).tolist() == [88.9, 125.2]
    assert a.pct_diff.round(2).tolist() == [round(800 / 9 - 89, 2), round(37700 / 301 - 125, 2)]


def test_achievement_errors():
    with pytest.raises(KeyError, match="plan"):
        pa.achievement(pd.DataFrame({"actual": [1]}))
    with pytest.raises(ValueError, match="numeric"):
        pa.achievement(pd.DataFrame({"plan": ["ten"], "actual": [1]}))
    with pytest.raises(ValueError, match="negative"):
        pa.achievement(pd.DataFrame({"plan": [-1], "actual": [1]}))
    with pytest.raises(TypeError):
        pa.achievement([1, 2])


# ---------------------------------------------------------------- categorise
def test_categorise_water_rows(water):
    a = pa.achievement(water).set_index("province")
    cat = pa.categorise(a.ratio)
    assert cat["Alborz"] == "not started"  # line 939: 0 of 25
    assert cat["Hormozgan"] == "under"  # line 986: 15 / 17 = 0.88
    assert cat["Semnan"] == "met"  # line 959: 31 / 30 = 1.033 <= 1.05
    assert cat["Ilam"] == "met"  # line 941: 15 / 15
    assert cat["Fars"] == "over"  # line 962: 22 / 20 = 1.10


def test_categorise_boundaries_and_thresholds():
    assert pa.UNDER_BELOW == 0.95 and pa.OVER_ABOVE == 1.05
    assert pa.categorise(0.9499) == "under"
    assert pa.categorise(0.95) == "met"
    assert pa.categorise(1.05) == "met"
    assert pa.categorise(1.0501) == "over"
    assert pa.categorise(0.92, thresholds=(0.9, 1.1)) == "met"
    assert pa.categorise([0, None]) == ["not started", "undefined"]
    with pytest.raises(ValueError):
        pa.categorise(1.0, thresholds=(1.1, 0.9))
    with pytest.raises(ValueError):
        pa.categorise(float("inf"))


# ---------------------------------------------------------------- aggregate
def test_aggregate_national_water(water_with_totals):
    g = pa.aggregate(water_with_totals).iloc[0]
    assert g.n == 31 and g.n_defined == 31  # total and "other" rows left out
    assert g.sum_plan == 739 and g.sum_actual == 718
    assert g.ratio_of_sums == pytest.approx(NATIONAL)  # 0.9716
    ratios = np.array([a / p for _, _, p, a in WATER])
    assert g.mean_ratio == pytest.approx(ratios.mean())  # 1.1706
    assert g.mean_ratio == pytest.approx(1.17059, abs=1e-5)
    assert g.median_ratio == 1.0  # 6 provinces at exactly 1.0 straddle the middle (15th-20th of 31)
    assert g.min_ratio == 0.0 and g.max_ratio == pytest.approx(4.2)
    assert g.iqr == pytest.approx(g.q3 - g.q1)
    assert g.unit == "litre/second"


def test_aggregate_zero_plan_counts_in_sums():
    df = pd.DataFrame({"plan": [10, 0], "actual": [5, 5]})
    g = pa.aggregate(df).iloc[0]
    assert g.ratio_of_sums == 1.0  # (5 + 5) / 10
    assert g.mean_ratio == 0.5 and g.n_defined == 1 and g.n_undefined == 1


def test_aggregate_all_zero_plan_is_nan_not_inf():
    g = pa.aggregate(pd.DataFrame({"plan": [0, 0], "actual": [1, 2]})).iloc[0]
    assert math.isnan(g.ratio_of_sums) and g.n_defined == 0


def test_aggregate_by_group():
    df = pd.DataFrame({"indicator": ["a", "a", "b"], "unit": ["ha", "ha", "l/s"],
                       "plan": [10, 30, 4], "actual": [20, 20, 2]})
    g = pa.aggregate(df, by="indicator").set_index("indicator")
    assert g.loc["a", "ratio_of_sums"] == pytest.approx(1.0)  # 40 / 40
    assert g.loc["a", "mean_ratio"] == pytest.approx((2 + 2 / 3) / 2)
    assert g.loc["b", "ratio_of_sums"] == 0.5


def test_aggregate_mixed_units_raises():
    # 002 Table 26 (lines 2377-2385) mixes projects, clusters and action plans
    df = pd.DataFrame({"unit": ["project", "cluster", "action plan"], "plan": [9, 62, 301],
                       "actual": [8, 54, 377]})
    with pytest.raises(ValueError, match=r"\['action plan', 'cluster', 'project'\]"):
        pa.aggregate(df)
    with pytest.raises(ValueError, match="group"):
        pa.aggregate(df.assign(g=1), by="g")


def test_explain_gap_water(water):
    g = pa.explain_gap(water)
    assert g.ratio_of_sums == pytest.approx(NATIONAL)
    assert g.gap == pytest.approx(1.17059 - 0.97158, abs=1e-4)
    # contributions add up to the gap
    assert g.table.contribution.sum() == pytest.approx(g.gap)
    # Zanjan (line 957): the largest plan but one (99 of 739) at 5/99 = 5 % drags the ratio of sums down:
    # (1/31 - 99/739) * (5/99 - 718/739) = 0.0937, the largest pull
    top = g.table.iloc[0]
    assert top.province == "Zanjan"
    assert top.contribution == pytest.approx((1 / 31 - 99 / 739) * (5 / 99 - NATIONAL))
    # Kurdistan (line 968): a small plan (10) at 350 % lifts the mean: (1/31 - 10/739) * (3.5 - 0.9716)
    kurd = g.table.set_index("province").loc["Kurdistan", "contribution"]
    assert kurd == pytest.approx((1 / 31 - 10 / 739) * (3.5 - NATIONAL))
    assert list(g.table.province[:3]) == ["Zanjan", "Kurdistan", "Mazandaran"]
    assert "Zanjan" in g.text and "above" in g.text


def test_explain_gap_equal_plans():
    g = pa.explain_gap(pd.DataFrame({"province": ["a", "b"], "plan": [10, 10], "actual": [5, 15]}))
    assert g.gap == pytest.approx(0) and "equals" in g.text


def test_explain_gap_nothing_defined():
    with pytest.raises(ValueError, match="no row"):
        pa.explain_gap(pd.DataFrame({"province": ["a"], "plan": [0], "actual": [1]}))


# ---------------------------------------------------------------- rank
def test_rank_water(water_with_totals):
    r = pa.rank(water_with_totals).set_index("province")
    assert len(r) == 31 and (r.n_ranked == 31).all()
    assert r.loc["Khuzestan", "rank"] == 1  # 4.2
    assert r.loc["Kurdistan", "rank"] == 2  # line 968: 35 / 10
    assert r.loc["Mazandaran", "rank"] == 3  # line 982: 30 / 10
    assert r.loc["Chaharmahal and Bakhtiari", "rank"] == 4  # 56 / 20 = 2.8
    # 14 provinces above 1.0, then six ties at exactly 1.0 share rank 15 (method='min')
    for p in ("Ilam", "Bushehr", "Sistan and Baluchestan", "Qazvin", "Kermanshah", "Gilan"):
        assert r.loc[p, "rank"] == 15
    for p in ("Alborz", "Qom", "Kohgiluyeh and Boyer-Ahmad"):  # three zeros share rank 29
        assert r.loc[p, "rank"] == 29
    assert r.loc["Khuzestan", "distance_pp"] == pytest.approx(420 - 100 * NATIONAL)  # 322.84
    assert r.loc["Ilam", "distance_pp"] == pytest.approx(100 - 100 * NATIONAL)  # 2.84


def test_rank_undefined_unranked():
    df = pd.DataFrame({"province": ["a", "b", "c"], "plan": [10, 0, None], "actual": [5, 3, 1]})
    r = pa.rank(df)
    assert r["rank"].tolist()[0] == 1
    assert r["rank"].isna().tolist() == [False, True, True]
    assert (r.n_ranked == 1).all()


# ---------------------------------------------------------------- profile
def test_profile_khuzestan(water):
    other = pd.DataFrame({"province": ["Khuzestan", "Tehran"], "plan": [10, 10], "actual": [5, 10],
                          "unit": "hectare"})
    absent = pd.DataFrame({"province": ["Tehran"], "plan": [1], "actual": [1], "unit": "unit"})
    p = pa.profile({"water": water, "land": other, "fibre": absent}, "Khuzestan").set_index("indicator")
    assert list(p.columns) == [c for c in pa.PROFILE_COLUMNS if c != "indicator"]
    assert p.loc["water", "plan"] == 20 and p.loc["water", "actual"] == 84
    assert p.loc["water", "rank"] == 1 and p.loc["water", "n_ranked"] == 31
    assert p.loc["water", "national_ratio"] == pytest.approx(NATIONAL)
    assert p.loc["water", "category"] == "over"
    assert p.loc["land", "ratio"] == 0.5 and p.loc["land", "rank"] == 2 and p.loc["land", "category"] == "under"
    assert p.loc["land", "unit"] == "hectare"
    assert p.loc["fibre", "status"] == pa.NOT_REPORTED and p.loc["fibre", "category"] == "undefined"
    assert pd.isna(p.loc["fibre", "rank"])


def test_profile_accepts_persian_name(water):
    p = pa.profile({"water": water}, "سيستان و بلوچستان")  # Arabic yeh
    assert p.iloc[0].ratio == 1.0  # 002 line 960: 13 / 13


def test_profile_unknown_province(water):
    with pytest.raises(UnknownProvinceError, match="Valid keys: East Azerbaijan"):
        pa.profile({"water": water}, "Atlantis")


def test_profile_mixed_units(water):
    bad = water.copy()
    bad.loc[0, "unit"] = "hectare"
    with pytest.raises(ValueError, match="indicator 'water'"):
        pa.profile({"water": bad}, "Khuzestan")


# ---------------------------------------------------------------- scaling fit
def test_scaling_fit_hand_worked():
    # log plan x = 0, 1, 2 and log actual y = 0, 2, 1: Sxx = 2, Sxy = 1 -> slope 0.5, intercept 0.5;
    # fitted 0.5, 1, 1.5, SSE = 1.5, SST = 2 -> R² = 0.25; s² = 1.5 / 1, se(slope) = sqrt(0.75);
    # t(0.975, 1 df) = 12.7062 -> CI 0.5 ± 11.004
    df = pd.DataFrame({"province": ["a", "b", "c"], "plan": np.exp([0.0, 1.0, 2.0]),
                       "actual": np.exp([0.0, 2.0, 1.0])})
    f = pa.scaling_fit(df)
    assert f.slope == pytest.approx(0.5) and f.intercept == pytest.approx(0.5)
    assert f.r2 == pytest.approx(0.25) and f.n == 3
    half = 12.7062047 * math.sqrt(0.75)
    assert f.slope_ci == pytest.approx((0.5 - half, 0.5 + half), rel=1e-6)
    assert f.dropped.empty


def test_scaling_fit_water_drops_zero_actuals(water):
    f = pa.scaling_fit(water)
    assert f.n == 28  # 31 minus Alborz, Qom, Kohgiluyeh (actual 0: lines 939, 964, 974)
    assert sorted(f.dropped.province) == ["Alborz", "Kohgiluyeh and Boyer-Ahmad", "Qom"]
    assert set(f.dropped.reason) == {"zero actual"}
    assert 0 <= f.r2 <= 1 and f.slope_ci[0] < f.slope < f.slope_ci[1]
    assert "not a sample" in f.limits and "causal" in f.limits and "dropped" in f.limits
    assert "n = 28" in f.summary()


def test_scaling_fit_flags_outlier():
    x = np.arange(1, 21, dtype=float)
    noise = np.tile([0.02, -0.02], 10)
    y = x + noise
    y[10] += 3.0  # one province far above the line
    df = pd.DataFrame({"province": [f"p{i}" for i in range(20)], "plan": np.exp(x), "actual": np.exp(y)})
    f = pa.scaling_fit(df)
    assert list(f.outside.province) == ["p10"]


def test_scaling_fit_errors():
    with pytest.raises(ValueError, match="at least 3"):
        pa.scaling_fit(pd.DataFrame({"province": ["a", "b", "c"], "plan": [1, 2, 0], "actual": [1, 2, 3]}))
    with pytest.raises(ValueError, match="all plans are equal"):
        pa.scaling_fit(pd.DataFrame({"province": list("abc"), "plan": [2, 2, 2], "actual": [1, 2, 3]}))


def test_modules_import_light():
    code = ("import sys, analysis.metrics.planactual, analysis.metrics.clusters, analysis.metrics.loans, analysis.core.jalali, "
            "analysis.metrics.prices; print(sorted(m for m in ('statsmodels', 'scipy', 'seaborn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
