"""Tests of analysis.metrics.clusters; 002 Table 27 (lines 2424-2439), before vs after."""
import math

import pandas as pd
import pytest

from analysis.core.provinces import UnknownProvinceError
from analysis.metrics import clusters

# (indicator, unit, before, after, printed %, line)
T27 = [  # units as catalogued (counts are exact; measures stand for half a unit of their last digit)
    ("firms", "firm", 118392, 139702, 18, 2424),
    ("networks", "network", 235, 566, 140, 2426),
    ("BDS providers", "provider", 699, 1728, 147, 2431),
    ("organisations", "organisation", 590, 1582, 168, 2433),
    ("jobs", "person", 1143471, 1349295, 18, 2435),
    ("exports", "billion US dollars", 2.1, 2.2, 6, 2437),
    ("sales", "billion rials", 1718, 2595, 51, 2439),
]


@pytest.fixture
def t27():
    return pd.DataFrame(T27, columns=["indicator", "unit", "before", "after", "printed_change", "source_line"])


def test_changes_table27(t27):
    c = clusters.changes(t27).set_index("indicator")
    assert c.loc["firms", "abs_change"] == 21310  # 002 line 2504 prints 21310 too
    assert c.loc["jobs", "abs_change"] == pytest.approx(205824)  # line 2519: "about 205 thousand"
    assert c.loc["networks", "change_pct"] == pytest.approx(100 * 331 / 235)  # 140.85
    assert c.loc["sales", "change_pct"] == pytest.approx(100 * 877 / 1718)  # 51.05; line 2559: +877
    # networks: 566 / 235 - 1 = 140.85 % from exact counts, printed 140 (truncated): outside [139.5, 140.5];
    # exports: 2.1 -> 2.2 printed 6 %: 4.76 % at face value, but [2.05, 2.15] -> [2.15, 2.25] allows
    # 0 % to 9.76 %, which contains [5.5, 6.5]: consistent given rounding (the audit's verdict too)
    assert c.verdict.to_dict() == {
        "firms": "ok", "networks": "discrepancy", "BDS providers": "ok", "organisations": "ok",
        "jobs": "ok", "exports": "rounding", "sales": "ok"}
    assert c.loc["exports", "diff_pp"] == pytest.approx(100 * 0.1 / 2.1 - 6)  # 4.76 printed 6
    assert c.loc["exports", "change_low"] == pytest.approx(0) and c.loc["exports", "change_high"] == pytest.approx(100 * (2.25 / 2.05 - 1))


def test_changes_undefined_and_not_printed():
    df = pd.DataFrame({"before": [0, None, 10], "after": [5, 3, 12]})
    c = clusters.changes(df)
    assert c.verdict.tolist() == ["undefined", "undefined", "not printed"]
    assert math.isnan(c.change_pct[0]) and math.isnan(c.change_pct[1]) and c.change_pct[2] == pytest.approx(20)
    assert "diff_pp" not in c
    c = clusters.changes(pd.DataFrame({"before": [10], "after": [12], "printed_change": [None]}))
    assert c.verdict.tolist() == ["not printed"]


def test_changes_missing_column():
    with pytest.raises(KeyError, match="after"):
        clusters.changes(pd.DataFrame({"before": [1]}))


def test_derived_table27(t27):
    d = clusters.derived(t27, firms="firms", jobs="jobs", sales="sales", exports="exports").set_index("quantity")
    assert d.loc["jobs per firm", "before"] == pytest.approx(1143471 / 118392)  # 9.658
    assert d.loc["jobs per firm", "after"] == pytest.approx(1349295 / 139702)  # 9.658
    assert d.loc["jobs per firm", "unit"] == "person per firm"
    assert d.loc["sales per firm", "before"] == pytest.approx(1718 / 118392)  # billion rials per firm
    assert d.loc["sales per firm", "change_pct"] == pytest.approx(100 * ((2595 / 139702) / (1718 / 118392) - 1))
    assert d.loc["exports per firm", "after"] == pytest.approx(2.2 / 139702)
    assert d.loc["new jobs", "after"] == 205824 and d.loc["new jobs", "unit"] == "person"
    assert math.isnan(d.loc["new jobs", "change_pct"])


def test_derived_errors(t27):
    with pytest.raises(KeyError, match="'wages' not in frame; indicators are"):
        clusters.derived(t27, firms="firms", jobs="wages")
    with pytest.raises(ValueError, match="appears 2 times"):
        clusters.derived(pd.concat([t27, t27.iloc[[0]]]), firms="firms")
    zero = t27.copy()
    zero.loc[0, "before"] = 0
    with pytest.raises(ValueError, match="zero"):
        clusters.derived(zero, firms="firms", jobs="jobs")


def test_caveat():
    for word in ("no control group", "several years", "nominal", "not a causal effect"):
        assert word in clusters.CAVEAT


def test_status_counts():
    long = pd.DataFrame({
        "province": ["Khuzestan", "Khuzestan", "Khuzestan", "Ilam", "Tehran", "Khuzestan"],
        "status": ["running", "running", "finished", "started", "running", "running"],
        "cluster_name": ["date palm", "leather", "steel", "honey", "printing", "date palm"],
    })
    t = clusters.status_counts(long)
    assert list(t.columns) == ["started", "running", "finished", "total"]
    assert list(t.index) == ["Ilam", "Tehran", "Khuzestan"]  # registry order
    assert t.loc["Khuzestan"].tolist() == [0, 2, 1, 3]  # date palm listed twice counts once
    assert t.loc["Ilam"].tolist() == [1, 0, 0, 1]
    assert t["total"].sum() == 5


def test_status_counts_errors():
    bad = pd.DataFrame({"province": ["Ilam"], "status": ["paused"], "cluster_name": ["x"]})
    with pytest.raises(ValueError, match=r"\['paused'\]; valid: \['started', 'running', 'finished'\]"):
        clusters.status_counts(bad)
    with pytest.raises(UnknownProvinceError):
        clusters.status_counts(bad.assign(status="running", province="Ilaam"))
    with pytest.raises(ValueError, match="missing cluster name"):
        clusters.status_counts(bad.assign(status="running", cluster_name=None))
