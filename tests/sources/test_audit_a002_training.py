"""Audit of 002 training and SME promotion (audit/a002_training): expected verdicts."""
from analysis.sources.audit import a002_training as a


def _findings(func):
    return {f.item: (f.printed, f.recomputed, f.verdict) for f in func()}


def test_audit_training_exports(seeds_available):
    f = _findings(a.training_export_checks)
    # line 4572 "126.5 105 83 602" vs prose line 4562: target 67, achieved 52 million USD
    assert f["Table 60 row 1 plan_1401 vs prose (export target 1401)"] == (67, 83, "discrepancy")
    assert f["Table 60 row 1 actual_1401 vs prose (exports achieved 1401)"] == (52, 105, "discrepancy")
    # line 4662: 4806/2200 = 218.4545 % (units counted: exact), printed 218.4 after un-swapping '4/218', which
    # stands for [218.35, 218.45]: 218.4545 is outside by 0.0045, truncated rather than rounded
    assert f["Table 63 row 1: industrial units supported to attend domestic and foreign exhibitions"][2] == "discrepancy"
    # line 4228: 6489/4807 = 134.99 % printed 135
    assert f["Table 53 row 2: industrial tour participants"][2] == "ok"
    # line 4644/4646: 4043 + 763 = 4806
    assert f["Table 63 actual vs prose domestic + foreign units (4043 + 763)"] == (4806, 4806, "ok")
    bad = sorted(k for k, v in f.items() if v[2] == "discrepancy")
    assert bad == ["Table 60 row 1 actual_1401 vs prose (exports achieved 1401)", "Table 60 row 1 plan_1401 vs prose (export target 1401)",
                   "Table 63 row 1: industrial units supported to attend domestic and foreign exhibitions"]


def test_audit_course_types_and_subjects(seeds_available):
    f = _findings(a.course_type_and_subject_checks)
    # line 4106 total 4654 = 3164 + 1165 + 325; the 15 values of line 4156 add up to 4654
    assert f["courses: 3 types vs printed total (جمع کل)"] == (4654, 4654, "ok")
    assert f["courses: 15 subject categories vs Table 50 total (4654)"] == (4654, 4654, "ok")
    assert {v[2] for v in f.values()} == {"ok"}


def test_staff_training_adds_up():
    # person-hours = participants x hours on all 23 lines (e.g. line 5743: 10 x 16 = 160)
    assert {f.verdict for f in a.staff_training()} == {"ok"}
