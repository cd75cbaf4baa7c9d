"""002 utilities and workshop units (extract/s002_infrastructure): hand-checked rows."""
import pandas as pd
import pytest

from analysis.sources.datasets import load


def row(name, **where):
    df = load(name)
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, (name, where)
    return df.iloc[0]


def pick(r, cols):
    return {c: (None if pd.isna(r[c]) else (float(r[c]) if isinstance(r[c], float) else r[c])) for c in cols}


@pytest.mark.parametrize("name,item,expected", [
    # line 888 " 718 739 ليتر بر ثانيه ..." and line 896 " 23 30 ... فيبر نوري"
    ("infrastructure_plan", "water supplied (operational phase)", {"plan": 739, "actual": 718}),
    ("infrastructure_plan", "parks/zones with optical fibre", {"plan": 30, "actual": 23}),
    # line 1389 " 958 730 كارگاه ... بخش خصوصي"
    ("workshop_units", "workshop units built by the private sector", {"plan": 730, "actual": 958}),
])
def test_plan_actual_lines(name, item, expected):
    r = row(name, item=item)
    result = {k: int(r[k]) for k in expected}
    assert result == expected


def test_electricity_rows():
    # regular line 1152 " 80 38 سمنان  15": actual 80, plan 38
    r = row("electricity_by_province", province="Semnan")
    assert pick(r, ["plan", "actual", "flag"]) == {"plan": 38.0, "actual": 80.0, "flag": None}
    # label-first line 1169 "انگلست 24  15 11.1": plan 15, actual 11.1, order flagged
    r = row("electricity_by_province", province="Golestan")
    assert (float(r.plan), float(r.actual)) == (15.0, 11.1) and "order inferred" in r.flag
    # garbled line 1126 "ان غربيآذربايج 2  81  618.": both cells empty and flagged
    r = row("electricity_by_province", province="West Azerbaijan")
    assert pd.isna(r.plan) and pd.isna(r.actual) and r.flag.count("garbled") == 2
    # total line 1185 " 639.8 657 جمع كشور"
    r = load("electricity_by_province").query("row_kind == 'total'").iloc[0]
    assert (float(r.plan), float(r.actual)) == (657.0, 639.8)
    df = load("electricity_by_province")
    assert df.flag.notna().sum() == 10  # 11 label-first lines; East Azerbaijan (20 20) needs no order flag


def test_phone_and_fibre_rows():
    # line 1248 " 0 2 ايلام  3" (Table 15); line 1332 " 2 1 نان سم 13" (Table 16)
    r = row("phone_by_province", province="Ilam")
    assert (int(r.plan), int(r.actual), int(r.source_line)) == (2, 0, 1248)
    r = row("fibre_by_province", province="Semnan")
    assert (int(r.plan), int(r.actual), int(r.source_line)) == (1, 2, 1332)
    assert len(load("phone_by_province")) == 14 and len(load("fibre_by_province")) == 26
