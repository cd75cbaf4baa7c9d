"""Tests of analysis.metrics.loans; figures from 002 Table 41 (line 3566) and 004 Table 6 (lines 204-208)."""
import math

import numpy as np
import pandas as pd
import pytest

from analysis.metrics import loans


@pytest.mark.parametrize("unit, factor", [
    ("rials", 1), ("rial", 1), ("thousand rials", 1e3), ("million rials", 1e6), ("billion rials", 1e9),
    ("thousand billion rials", 1e12), ("tomans", 10), ("million tomans", 1e7), ("billion tomans", 1e10),
    ("ریال", 1), ("میلیون ریال", 1e6), ("ميليون ريال", 1e6), ("میلیارد ریال", 1e9),
    ("هزار میلیارد ریال", 1e12), ("میلیارد تومان", 1e10), ("  Billion   Rials ", 1e9),
])
def test_unit_factor(unit, factor):
    assert loans.unit_factor(unit) == factor


def test_unknown_unit_lists_valid():
    with pytest.raises(ValueError, match="unknown money unit 'dollars'; valid units: rials, thousand rials"):
        loans.to_rials(1, "dollars")
    with pytest.raises(ValueError, match="valid units"):
        loans.to_rials(1, None)


def test_to_rials_and_convert():
    assert loans.to_rials(130, "میلیارد تومان") == 1.3e12  # 003 line 363: 130 billion tomans
    assert loans.to_rials([1, 2], "million rials").tolist() == [1e6, 2e6]
    assert loans.convert(70, "billion tomans", "billion rials") == 700  # 003 line 232
    assert loans.convert(743286, "million rials", "thousand billion rials") == pytest.approx(0.743286)  # 002 l. 3487


def test_money_note():
    assert loans.money_note(range(1390, 1402)) == "1390–1401 nominal rials, mixed years"
    assert loans.money_note([1401, 1400, 1401]) == "1400–1401 nominal rials, mixed years"
    assert loans.money_note([1401]) == "1401 nominal rials"
    assert loans.money_note(1398, currency="tomans") == "1398 nominal tomans"


def test_leverage_table41():
    # 002 line 3566 (1400, million rials): managed funds 31.500, bank resources 63.000, total 94.500, ratio 2
    r = loans.leverage(63000, 31500, years=1400)
    assert r.value == 2.0 and r.status == "defined" and r.note == "1400 nominal rials" and r.defined
    assert loans.leverage(94500, 31500).value == 3.0


def test_leverage_zero_and_missing():
    r = loans.leverage(10, 0, years=range(1390, 1402))
    assert r.value is None and r.status == "undefined: zero deposits" and "mixed years" in r.note
    assert not r.defined
    assert loans.leverage(None, 3).status == "undefined: missing value"


def test_leverage_series():
    r = loans.leverage(pd.Series([63000.0, 80000.0, 5.0]), pd.Series([31500.0, 40000.0, 0.0]))
    assert r.value.iloc[:2].tolist() == [2.0, 2.0]  # lines 3566, 3572
    assert math.isnan(r.value.iloc[2])
    assert r.status.tolist() == ["defined", "defined", "undefined: zero deposits"]
    assert not np.isinf(r.value.fillna(0)).any()


def test_attainment():
    r = loans.attainment(25668, 30000)
    assert r.value == pytest.approx(0.8556) and r.note == ""
    assert loans.attainment(12, 10).value == 1.2  # uncapped
    assert loans.attainment(1, 0).status == "undefined: zero target"


def test_jobs_and_money_per_job_kaleh_total():
    # 004 line 208: 1000 + 32626 + 3000 billion rials for 66465 jobs
    money = 1000 + 32626 + 3000  # 36626 billion rials
    r = loans.rials_per_job(money, 66465, unit="billion rials", years=1398)
    assert r.value == pytest.approx(36626e9 / 66465)  # 551 056 947 rials
    assert round(r.value / 1e6) == 551  # 004 line 194 prints 551 million rials per job
    assert r.note == "1398 nominal rials"
    j = loans.jobs_per_billion_rials(66465, money)
    assert j.value == pytest.approx(66465 / 36626)
    assert loans.jobs_per_billion_rials(66465, 3.6626, unit="thousand billion rials").value == pytest.approx(
        66465 / 3662.6)
    assert loans.rials_per_job(5, 0).status == "undefined: zero jobs"
    assert loans.jobs_per_billion_rials(5, 0).status == "undefined: zero money"


def test_kaleh_cost_per_job_table6():
    # 004 Table 6, lines 204-208: subsidy, facilities, grants (billion rials), jobs
    t6 = pd.DataFrame({
        "province": ["Ilam", "Kermanshah", "Lorestan", "Hamadan", "4 provinces"],
        "subsidy": [236, 283, 272, 209, 1000], "facilities": [7700, 9240, 8866, 6820, 32626],
        "grants": [708, 850, 815, 627, 3000], "jobs": [15840, 18900, 17955, 13770, 66465],
    })
    out = loans.kaleh_cost_per_job(t6, ["subsidy", "facilities", "grants"], "jobs")
    assert out.money_total.tolist() == [8644, 10373, 9953, 7656, 36626]
    assert out.cost_per_job.iloc[0] == pytest.approx(8644e3 / 15840)  # 545.7 million rials, Ilam
    assert out.cost_per_job.iloc[-1] == pytest.approx(36626e3 / 66465)  # 551.057
    assert round(out.cost_per_job.iloc[-1]) == 551
    assert (out.status == "defined").all()
    # the provinces add up to the printed total row
    assert out.money_total.iloc[:4].sum() == out.money_total.iloc[4]
    rials = loans.kaleh_cost_per_job(t6, ["subsidy"], "jobs", out_unit="rials")
    assert rials.cost_per_job.iloc[0] == pytest.approx(236e9 / 15840)


def test_kaleh_cost_per_job_errors():
    t = pd.DataFrame({"m": [1.0, 2.0], "jobs": [0, 4]})
    out = loans.kaleh_cost_per_job(t, ["m"], "jobs")
    assert out.status.tolist() == ["undefined: zero jobs", "defined"] and math.isnan(out.cost_per_job[0])
    with pytest.raises(KeyError, match="nope"):
        loans.kaleh_cost_per_job(t, ["nope"], "jobs")
    with pytest.raises(ValueError, match="empty"):
        loans.kaleh_cost_per_job(t, [], "jobs")
    with pytest.raises(ValueError, match="missing money"):
        loans.kaleh_cost_per_job(pd.DataFrame({"m": [None], "jobs": [1]}), ["m"], "jobs")
