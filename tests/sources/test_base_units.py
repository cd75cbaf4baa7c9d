"""Base-unit columns: values printed with a multiplier in their unit, in a unit of the vocabulary.

Expected values are hand-computed from the seed lines cited."""
import pandas as pd
import pytest

from analysis.sources.datasets import load
from analysis.sources.extract.seedtext import base_value


def _one(name, **where):
    df = load(name)
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, (name, where)
    return df.iloc[0]


def test_kaleh_jobs_and_population():
    # 004 line 50: "ایجاد ۶۶ هزار فرصت شغلی" = 66 000 jobs
    r = _one("kaleh_prose_figures", figure="jobs")
    assert (r.value, r.unit, r.value_base, r.unit_base) == (66.0, "thousand jobs", 66000.0, "person")
    # 004 line 35: "بالغ بر ۶,۲ میلیون نفر" = 6 200 000; "در حدود ۲۸۷ هزار نفر" = 287 000
    assert _one("kaleh_prose_figures", figure="population").value_base == 6_200_000
    assert _one("kaleh_prose_figures", figure="unemployed").value_base == 287_000
    # money keeps value_rials; the base column says the same: 004 line 194, 551 million rials per job
    r = _one("kaleh_prose_figures", figure="cost_per_job")
    assert (r.value_base, r.unit_base, r.value_rials) == (551e6, "rials", 551_000_000)
    # a count with no base in the vocabulary stays empty: 004 line 35, 4 provinces
    assert pd.isna(_one("kaleh_prose_figures", figure="provinces").value_base)


def test_minutes_visits_people_cooperatives():
    m = load("khz_minutes_figures")
    # 003 line 284: "هفتاد میلیون بار مراجعه" = 70 000 000 visits a year
    r = m[(m.source_line == 284) & (m.unit == "million visits per year")].iloc[0]
    assert (r.value_base, r.unit_base) == (70_000_000, "visit per year")
    # 003 line 201: "جمعیت ۳۰۰ هزار نفری" = 300 000 persons
    r = m[(m.source_line == 201)].iloc[0]
    assert (r.value, r.value_base, r.unit_base) == (300.0, 300_000, "person")
    # 003 line 314: "نزدیک به ۴ میلیون اشتغال", "حدود ۶,۸ میلیون نفر"
    assert sorted(m[m.source_line == 314].value_base) == [4_000_000, 6_800_000]
    # 003 line 121: "بیش از ۵ هزار تعاونی" = 5 000 cooperatives
    r = m[(m.source_line == 121) & (m.unit == "thousand cooperatives")].iloc[0]
    assert (r.value_base, r.unit_base) == (5000, "cooperative")
    # tomans are money: 003 line 232, 70 billion tomans = 700 billion rials
    r = m[(m.source_line == 232) & (m.value == 70) & (m.unit == "billion tomans")].iloc[0]
    assert r.value_base == r.value_rials == 7e11


def test_tables_with_units_in_their_rows():
    # 002 line 2437: exports 2.1 -> 2.2 billion US dollars
    r = _one("cluster_indicators", indicator_en="Exports of supported firms")
    assert (r.before_base, r.after_base, r.unit_base) == (2.1e9, 2.2e9, "US dollar")
    # 002 line 1677: 0.17 (plan) and 0.177 (actual) million saplings
    r = _one("green_space", row_no=3)
    assert (r.plan_base, r.actual_base, r.unit_base) == (170_000, 177_000, "sapling")
    # 002 line 3088: contracts for members, plan 910 000 and actual 2 254 536 million rials
    r = _one("subcontracting_plan_actual", unit_en="million rials")
    assert (r.plan_base, r.actual_base) == (9.1e11, 2_254_536e6)
    # 002 line 5351: investment 647 764 (1400) billion rials
    assert _one("operational_units_national", indicator="investment").value_1400_base == 647_764e9
    # 002 line 4615-4623 prose: 25 million USD of exports by export-management companies in 1401
    p = load("sme_support_prose_figures")
    r = p[(p.topic == "export management companies") & (p["item"] == "exports 1401")].iloc[0]
    assert (r.value_base, r.unit_base) == (25e6, "US dollar")


def test_base_value_is_exact_and_says_when_there_is_no_base():
    assert base_value(6.2, "million persons") == (6_200_000, "person")  # not 6200000.000000001
    assert base_value(0.177, "million saplings") == (177_000, "sapling")
    assert base_value(3, "years") == (None, None)
    assert base_value(None, "million persons") == (None, None)
    with pytest.raises(ValueError):
        base_value("six", "million persons")
