"""Tests of analysis.metrics.prices; indices worked by hand."""
import pandas as pd
import pytest

from analysis.core import paths
from analysis.metrics import prices


def test_price_index_hand():
    # base 2021: 2020 = 100 / 1.20 = 83.333; 2022 = 100 * 1.5 = 150
    idx = prices.price_index(pd.Series({2020: 10.0, 2021: 20.0, 2022: 50.0}), base_year=2021)
    assert idx.tolist() == pytest.approx([100 / 1.2, 100.0, 150.0])
    assert idx.index.tolist() == [2020, 2021, 2022]
    # base 2020: 2021 = 120, 2022 = 180 (the 2020 rate is not used)
    assert prices.price_index(pd.Series({2020: 10.0, 2021: 20.0, 2022: 50.0}), 2020).tolist() == pytest.approx(
        [100.0, 120.0, 180.0])


def test_price_index_errors():
    with pytest.raises(ValueError, match=r"missing \[2021\]"):
        prices.price_index(pd.Series({2020: 1.0, 2022: 2.0}), 2020)
    with pytest.raises(ValueError, match="2019.*2020–2021"):
        prices.price_index(pd.Series({2020: 1.0, 2021: 2.0}), 2019)
    with pytest.raises(ValueError, match="missing for years"):
        prices.price_index(pd.Series({2020: 1.0, 2021: None}), 2020)


def test_jalali_to_gregorian_year():
    assert prices.jalali_to_gregorian_year(1401) == 2022  # 1401 = 2022-03-21 .. 2023-03-20
    assert prices.jalali_to_gregorian_year(1390) == 2011
    s = prices.jalali_to_gregorian_year(pd.Series([1400, 1401], index=["a", "b"]))
    assert s.to_dict() == {"a": 2021, "b": 2022}
    assert "2022-03-21" in prices.APPROXIMATION


def test_deflate_hand():
    idx = pd.Series({2021: 100.0, 2022: 150.0})
    assert prices.deflate(300.0, 2022, idx, 2021) == pytest.approx(200.0)
    assert prices.deflate(200.0, 2021, idx, 2022) == pytest.approx(300.0)
    out = prices.deflate(pd.Series([150.0, 100.0], index=["x", "y"]), [2022, 2021], idx, 2021)
    assert out.to_dict() == pytest.approx({"x": 100.0, "y": 100.0})


def test_deflate_errors():
    idx = pd.Series({2021: 100.0, 2022: 150.0})
    with pytest.raises(ValueError, match=r"\[2011\].*available 2021–2022"):
        prices.deflate([1.0], [2011], idx, 2021)
    with pytest.raises(ValueError, match=r"\[2000\]"):
        prices.deflate([1.0], [2021], idx, 2000)
    with pytest.raises(ValueError, match="length"):
        prices.deflate([1.0, 2.0], [2021], idx, 2021)


def test_load_inflation_missing(tmp_path):
    with pytest.raises(FileNotFoundError, match="inflation reference not found"):
        prices.load_inflation(tmp_path / "nope.csv")


def test_load_inflation_bad_columns(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("year,cpi\n2020,1\n")
    with pytest.raises(ValueError, match="missing column"):
        prices.load_inflation(f)


@pytest.mark.skipif(not (paths.REFERENCE / prices.INFLATION_FILE).exists(), reason="reference CSV not present")
def test_load_inflation_reference():
    inf = prices.load_inflation()
    assert inf.loc[2019, "cpi_inflation_pct"] == pytest.approx(39.9, abs=0.05)  # README: CPI 2019 = 39.9 %
    idx = prices.price_index(inf["cpi_inflation_pct"], 2022)
    assert idx[2022] == 100.0
    assert idx[2023] == pytest.approx(100 * (1 + inf.loc[2023, "cpi_inflation_pct"] / 100))
