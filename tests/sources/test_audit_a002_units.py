"""Audit of 002 contracts, land allotted, operational units, projects under construction (audit/a002_units): expected verdicts."""
import pandas as pd

from analysis.sources.audit import a002_units as a


def _findings(func):
    return pd.DataFrame([f.as_row() for f in func()])


def test_contracts_land_totals():
    # line 5321: area totals 46095 / 3592 vs province sums 46093 / 3590; contracts all add up. 31 rows of whole
    # hectares may each be off by half a hectare: the sums stand for 46093 +- 15.5 and 3590 +- 15.5, which hold
    # the printed totals' [46094.5, 46095.5] and [3591.5, 3592.5]: consistent given rounding
    df = _findings(a.contracts_land).set_index("item")
    rows = df[df.check == "row sum vs printed total"]
    result = {k.split(":")[0]: (v.printed, v.recomputed, v.verdict) for k, v in rows.iterrows()}
    assert result["area_cum_1400_ha"] == (46095, 46093, "rounding")
    assert result["area_1400_ha"] == (3592, 3590, "rounding")
    r = rows.loc["area_1400_ha: sum of 31 rows vs printed total (جمع)"]
    assert (r.recomputed_low, r.recomputed_high) == (3590 - 15.5, 3590 + 15.5)
    assert result["area_1401_ha"][2] == "ok"  # 2427.7 (Sistan 59.7) rounds to the printed 2428
    for c in ("contracts_cum_1400", "contracts_1400", "contracts_1401", "contracts_cum_1401", "area_cum_1401_ha"):
        assert result[c][2] == "ok"
    # headline shares: 24440 / 47380 = 51.6 % (line 170); 50842 / 103050 = 49.3 % (line 197)
    shares = df[df.check == "actual/plan vs printed %"]
    assert list(shares.verdict) == ["ok", "ok"]


def test_operational_units_cross_table_ok():
    # Tables 56 (line 5450) and 57 (line 5547) totals and province sums equal Table 55 rows 1-2
    df = _findings(a.operational_units)
    cross = df[df.check.isin(["row sum vs printed total", "province sum vs national table"])]
    assert len(cross) == 12 and set(cross.verdict) == {"ok"}
    # averages: 225152 printed vs 647764000/2877 = 225152.6 (truncated), line 5353
    r = df[df.item == "avg_investment_per_unit (value_1400) vs recomputed ratio"].iloc[0]
    assert r.verdict == "rounding"


def test_projects_add_up():
    # line 5654 "49076 4211 4981 13387 5867 20630": every row's stages add up to its total
    assert set(_findings(a.projects_under_construction).verdict) == {"ok"}
