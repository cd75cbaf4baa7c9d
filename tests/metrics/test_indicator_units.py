"""Each indicator's unit comes from the catalogue (the plan column's unit), so a page and its CSV agree."""
import pytest
import yaml

from analysis.metrics import indicators
from analysis.sources import datasets as data

INDICATORS = indicators.indicators()


def test_indicators_yml_repeats_no_unit():
    doc = yaml.safe_load(indicators.FILE.read_text(encoding="utf-8"))
    assert [d["key"] for d in doc["indicators"] if "unit" in d] == []


@pytest.mark.parametrize("ind", INDICATORS, ids=lambda i: i.key)
def test_unit_is_the_catalogues_and_in_the_vocabulary(ind):
    ds = data.dataset(ind.dataset)
    assert ind.unit in data.units()
    assert ind.unit == ds.columns[ind.plan]["unit"] == ds.columns[ind.actual]["unit"]
    assert set(indicators.frame(ind)["unit"]) == {ind.unit}


def test_units_as_catalogued():
    # Table 13 is in litres per second, Table 7 in hectares, Table 53 in million rials (data/catalog.yml)
    assert {i.key: i.unit for i in INDICATORS} == {
        "land": "hectare", "water": "litre/second", "electricity": "MW", "phone": "park/zone", "fibre": "park/zone",
        "wastewater_estates": "park/zone", "wastewater_modules": "module", "capital_budget": "million rials"}


def test_unit_label_in_both_languages():
    assert indicators.get("water").unit_label == "litres/second · \u2068لیتر بر ثانیه\u2069"
    assert indicators.get("land").unit_label == "hectares · \u2068هکتار\u2069"
