"""002 training and SME promotion, and the staff courses (extract/s002_training): hand-checked rows."""
import pandas as pd

from analysis.sources.datasets import load


def _row(name, **where):
    df = load(name)
    m = pd.Series(True, index=df.index)
    for k, v in where.items():
        m &= df[k] == v
    assert m.sum() == 1, (name, where)
    return df[m].iloc[0]


def test_plan_actual_rows(seeds_available):
    # line 4019 "%117 91202 77886 1202956": pct, actual, plan, cumulative
    r = _row("training_export_plan_actual", table_no="49", row_no=2)
    assert (r.cumulative_to_1401, r.plan_1401, r.actual_1401, r.pct_printed) == (1202956, 77886, 91202, 117.0)
    # line 4176 "22801 19472 ... 2": actual, plan (Table 52)
    r = _row("training_export_plan_actual", table_no="52", row_no=2)
    assert (r.plan_1401, r.actual_1401, pd.isna(r.pct_printed)) == (19472, 22801, True)
    # line 4485 "75.7 53 70 279 نفر GIZ"
    r = _row("training_export_plan_actual", table_no="59", row_no=1)
    assert (r.cumulative_to_1401, r.plan_1401, r.actual_1401, r.pct_printed) == (279, 70, 53, 75.7)
    # line 4662 "49596 2200 4806 4/218" (logical order; % flagged)
    r = _row("training_export_plan_actual", table_no="63", row_no=1)
    assert (r.cumulative_to_1401, r.plan_1401, r.actual_1401, r.pct_printed, r.raw_text) == (49596, 2200, 4806, 218.4, "4/218")
    assert r.flag.startswith("pct_printed=")


def test_t50_t51_t55(seeds_available):
    # line 4102 "1165 25" (skills, logical order)
    r = _row("training_course_types", course_type="skills")
    assert (r.courses, r.pct_printed) == (1165, 25.0)
    # line 4156 9th value 605, line 4158 9th value 13
    r = _row("training_course_subjects", position=9)
    assert (r.courses, r.pct_printed) == (605, 13.0)
    # line 4306 "32 90 122"
    assert _row("theses_by_degree", degree="doctoral").theses == 32


def test_prose_figures(seeds_available):
    # line 3487: 743286 million rials deposited 1390-1401; line 4562: target 67 million USD
    assert _row("sme_support_prose_figures", topic="renovation", item="funds deposited with agent banks 1390-1401").value == 743286
    assert _row("sme_support_prose_figures", topic="export consortia", item="export target 1401").value == 67


def test_t61_row():
    # line 5794: " 1760 32 15 55 عموم كاركنان اكسل پيشرفته عمومي 6"
    r = _row("staff_training_courses", course_no=6)
    assert (r.person_hours, r.course_hours, r.managers, r.participants) == (1760, 32, 15, 55)
