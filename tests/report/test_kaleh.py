"""Tests for analysis.report.kaleh; expected values hand-computed from 004 and 002 (lines cited)."""
import pytest

from analysis.report import kaleh as ch


def test_members():
    assert [p.key for p in ch.members()] == ["Ilam", "Kermanshah", "Lorestan", "Hamadan"]


def test_priority_sums():
    s = ch.priority_sums().set_index("province")
    # 004 lines 93-95 and 101-105 (activity rows; the printed 12 000 total of Table 3 excluded)
    assert s.loc["Ilam", "employment_sum"] == 2000 + 500 + 1000 + 4000 + 2500 + 3000 + 2500
    assert s.loc["Lorestan", "activities"] == 0
    assert bool(s.loc["Hamadan", "flagged"])
    assert ch.priority_table("Lorestan") is None


def test_profiles_cover_four_provinces():
    prof = ch.isipo_profiles()
    assert sorted(prof.province.unique()) == ["Hamadan", "Ilam", "Kermanshah", "Lorestan"]


def test_operations_share():
    o = ch.operations_frame()
    four = o.loc[["Ilam", "Kermanshah", "Lorestan", "Hamadan"], "units_1401"].sum()
    assert o.loc["four", "units_1401"] == four
    # 002 line 5450: national total of units in 1401 = 2971
    assert o.loc["share", "units_1401"] == pytest.approx(four / 2971)


def test_values():
    v = ch.values()
    assert v["kl_cost_calc"] == "551.1"  # 36 626 / 66 465 (004 line 208)
    assert v["kl_year"] == "1398"
    assert all(isinstance(x, str) and x and "nan" not in x.lower() for x in v.values())
