"""002 technology centres, towns and markets (extract/s002_technology): hand-checked rows."""
import pandas as pd

from analysis.sources.datasets import load


def _row(name, **where):
    df = load(name)
    m = pd.Series(True, index=df.index)
    for k, v in where.items():
        m &= df[k] == v
    assert m.sum() == 1, (name, where)
    return df[m].iloc[0]


def test_t18_ardabil():
    # line 1424: " 100 1276 40000 2اردبيل   اردبيل 1" -> progress 100, area 1276 m2, credit 40000
    r = _row("tech_centre_projects", row_no=1)
    result = (r.province, r.credit_spent_1401, r.floor_area_m2, r.progress_pct)
    expected = ("Ardabil", 40000, 1276, 100)
    assert result == expected


def test_t35_tech_service_centres(seeds_available):
    # line 3127 "40": row 1 (line 3117), operational centres
    r = _row("tech_service_centres", row_no=1)
    assert (r.status, r.centres, r.source_line, r.source_line_end) == ("operational", 40, 3117, 3127)


def test_t36_t38_projects(seeds_available):
    # line 3192 " 302 سودآوري   شياافز"; line 3346 " 18 نه سازي مصرف سوخت بهي"
    assert _row("tech_centre_projects_by_indicator", indicator="profitability increase").projects == 302
    assert _row("tech_town_projects_by_indicator", indicator="fuel use optimisation").projects == 18


def test_t37_mashhad(seeds_available):
    # line 3314 " 2 12 5 21 1 3 97 برداري بهره  مشهد  2"
    r = _row("tech_town_components", province="Razavi Khorasan")
    result = [int(r[c]) for c in ("production_operational", "production_assigned", "rnd_operational", "rnd_assigned",
                                  "lab_operational", "lab_assigned", "consultants", "row_no")]
    expected = [2, 12, 5, 21, 1, 3, 97, 2]
    assert result == expected


def test_t39_investment(seeds_available):
    # line 3395 "2 10 980": row 2, 10 investments, 980 billion rials
    r = _row("tech_market_actions", row_no=2)
    assert (r["count"], r.amount_billion_rials, r.amount_rials) == (10, 980, 980 * 10**9)
