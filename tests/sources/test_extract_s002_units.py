"""002 contracts, land allotted, operational units, projects under construction (extract/s002_units): hand-checked rows."""
import pytest

from analysis.sources.datasets import load


def _row(name, **key):
    df = load(name)
    for k, v in key.items():
        df = df[df[k] == v]
    assert len(df) == 1
    return df.iloc[0]


def test_t54_row():
    # line 5283 Khuzestan: area 2466 154 196 2355, contracts 4438 164 402 4330
    r = _row("contracts_land_by_province", province="Khuzestan")
    result = r[["area_cum_1401_ha", "area_1401_ha", "area_1400_ha", "area_cum_1400_ha",
                "contracts_cum_1401", "contracts_1401", "contracts_1400", "contracts_cum_1400"]].tolist()
    expected = [2466, 154, 196, 2355, 4438, 164, 402, 4330]
    assert result == expected
    # line 5289: Sistan and Baluchestan area 1401 printed '59/7'
    assert _row("contracts_land_by_province", province="Sistan and Baluchestan").area_1401_ha == pytest.approx(59.7)


def test_t55_t56_t57_rows():
    # line 5351: " 3154802 405755 647764 ميليارد ريال ..." = cumulative, 1401, 1400
    r = _row("operational_units_national", indicator="investment")
    assert (r.cum_1401, r.value_1401, r.value_1400) == (3154802, 405755, 647764)
    # line 5398: " 1911 150 123 خوزستان 13"
    r = _row("operational_units_by_province", province="Khuzestan")
    assert (r.units_cum_1401, r.units_1401, r.units_1400) == (1911, 150, 123)
    # line 5495: " 30843 1748 2602 خوزستان 13"
    r = _row("operational_employment_by_province", province="Khuzestan")
    assert (r.employment_cum_1401, r.employment_1401, r.employment_1400) == (30843, 1748, 2602)


def test_t58_row():
    # line 5597: " 2474 167 187 471 432 1217 تان خوزس 13"
    r = _row("projects_under_construction_by_province", province="Khuzestan")
    result = r[["total", "stage_machinery_installation", "stage_halls_buildings",
                "stage_shed_installation", "stage_walling", "stage_land_allocated"]].tolist()
    assert result == [2474, 167, 187, 471, 432, 1217]
