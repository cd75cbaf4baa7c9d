"""Tests of analysis.metrics.rates (per-unit ratios, shares, growth) and
analysis.metrics.prices.real_growth; expected values worked by hand from seed 002."""
import math

import numpy as np
import pandas as pd
import pytest

from analysis.metrics import prices, rates


def test_per_unit_hand():
    # 002 lines 5408 and 5519 (Qazvin): 30,308 jobs / 992 operating units = 30.552
    assert rates.per_unit(30308, 992) == pytest.approx(30.5524, abs=1e-4)
    assert math.isnan(rates.per_unit(5, 0)) and math.isnan(rates.per_unit(5, float("nan")))


def test_per_unit_keeps_the_index_and_never_gives_inf():
    s = rates.per_unit(pd.Series([10.0, 3.0, 8.0], index=["a", "b", "c"]), pd.Series([4, 0, 2], index=["a", "b", "c"]))
    assert s.index.tolist() == ["a", "b", "c"]
    assert s["a"] == 2.5 and math.isnan(s["b"]) and s["c"] == 4.0
    a = rates.per_unit([1.0, 2.0], [0, 4])
    assert isinstance(a, np.ndarray) and math.isnan(a[0]) and a[1] == 0.5
    assert rates.per_unit(pd.Series([1.0, 2.0]), 0).isna().all()


def test_share_and_growth_hand():
    # 002 Table 65 total, line 6022: opex 102,284,743 of resources 122,727,790 = 83.34 %
    assert rates.share(102284743, 122727790) == pytest.approx(0.833427, abs=1e-6)
    # 002 Table 66, line 6042 (East Azerbaijan): 8,646,325 / 5,430,172 - 1 = +59.23 %
    assert rates.growth(8646325, 5430172) == pytest.approx(0.592275, abs=1e-6)
    assert math.isnan(rates.growth(3, 0))
    with pytest.raises(ValueError):
        rates.growth(pd.Series(["x"]), pd.Series([1]))


def test_real_growth_hand():
    # prices up 43.4885 % from 2021 to 2022: +59.23 % nominal is (1.592275 / 1.434885) - 1 = +10.97 % real
    idx = pd.Series({2021: 100.0, 2022: 143.4885})
    assert prices.real_growth(8646325, 5430172, 2022, 2021, idx) == pytest.approx(0.109688, abs=1e-6)
    # the base year of the index does not matter
    assert prices.real_growth(8646325, 5430172, 2022, 2021, idx / 1.434885) == pytest.approx(0.109688, abs=1e-6)
    s = prices.real_growth(pd.Series([143.4885, 100.0], index=[7, 9]), pd.Series([100.0, 100.0], index=[7, 9]),
                           2022, 2021, idx)
    assert s.index.tolist() == [7, 9] and s.tolist() == pytest.approx([0.0, 100 / 143.4885 - 1])
    with pytest.raises(ValueError, match=r"\[2030\] not in the price index"):
        prices.real_growth(1.0, 1.0, 2030, 2021, idx)
