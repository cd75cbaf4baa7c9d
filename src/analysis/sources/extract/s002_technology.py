"""002 technology: the technology and business service centres (chapter 2 section 2-7,
Table 18; chapter 3 section 3-3, Table 35), their projects by effectiveness indicator
(Table 36), technology towns (Tables 37-38) and technology markets (Table 39).

Each row's numbers are read from its line; the per-line specs below say which token is
which (see the catalogue notes in data/catalog.yml).
"""
from __future__ import annotations

import pandas as pd

from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, flagged, integer, nullable_int, province

S = Seed("002")

# --- Table 18 (lines 1413-1432) -------------------------------------------------------------
# visual order: progress %, floor area m2, credit spent 1401 (million rials), project, province, row
T18 = [
    # line, province (fa), project (fa), project (en)
    (1424, "اردبیل", "اردبیل 2", "Ardabil 2"),
    (1426, "زنجان", "افق ابهر", "Ofogh-e Abhar"),
    (1428, "سمنان", "سمنان", "Semnan"),
    (1430, "گیلان", "رشت (ناحیه)", "Rasht (zone)"),
    (1432, "چهارمحال و بختیاری", "بروجن", "Borujen"),
]


@register("tech_centre_projects", "002_t18_tech_centre_projects.csv")
def tech_centre_projects() -> pd.DataFrame:
    rows = []
    for n, pfa, name, name_en in T18:
        key, fa = province(pfa)
        rows.append(flagged(row_no=S.last_number(n), province=key, label_fa=fa,
                            project_fa=S.check_label(name, n), project_en=name_en,
                            credit_spent_1401=S.number(n, 2), floor_area_m2=S.number(n, 1),
                            progress_pct=S.number(n, 0), source_line=n))
    return pd.DataFrame(rows)


# --- Table 35 -----------------------------------------------------------------------------
# (status, Persian status, line of the row number, line of the count, places named)
T35 = [
    ("operational", "به بهره برداری رسیده", 3117, 3127, None),
    ("under construction", "در دست ساخت", 3147, 3155, "اردبیل ۲، بروجن"),
    ("studied", "مطالعه شده", 3157, 3165, "قزوین (الیا)، مازندران (ساری)"),
]


@register("tech_service_centres", "002_t35_tech_service_centres.csv")
def tech_service_centres() -> pd.DataFrame:
    """Table 35: one count per line; the count is the last number token (line 3155 also
    prints '2' inside 'اردبیل 2')."""
    rows = []
    for status, status_fa, first, n, places in T35:
        (row_tok,) = S.numbers(first, 1)
        rows.append(dict(row_no=integer(row_tok), status=status, status_fa=status_fa, centres=integer(S.numbers(n)[-1]),
                         places_fa=places, source_line=first, source_line_end=n))
    return pd.DataFrame(rows)


# --- Tables 36 and 38 ---------------------------------------------------------------------
# (line, indicator, Persian indicator, fragment the line must contain)
T36 = [
    (3190, "production capacity increase", "افزایش ظرفیت تولید", "ظرفيت"),
    (3192, "profitability increase", "افزایش سودآوری", "سودآوري"),
    (3194, "restart of units", "راه اندازی مجدد واحدها", "مجدد"),
    (3196, "domestic sales increase", "افزایش فروش داخلی", "فروش دا"),
    (3198, "foreign sales increase", "افزایش فروش خارجی", "فروش خارجي"),
    (3200, "firm employment increase", "افزایش اشتغال بنگاه", "اشتغال"),
    (3202, "energy use optimisation", "بهینه سازی مصرف انرژی", "انرژي"),
    (3204, "waste reduction", "کاهش ضایعات", "كاهش ضايعا"),
    (3206, "cost reduction", "کاهش هزینه ها", "هزينه"),
    (3208, "total", "جمع", "جمع"),
]
T38 = [
    (3336, "production capacity increase", "افزایش ظرفیت تولید", "ظرفيت"),
    (3338, "profitability increase", "افزایش سودآوری", "سودآوري"),
    (3340, "restart of units", "راه اندازی مجدد واحدها", "مجدد"),
    (3342, "domestic sales increase", "افزایش فروش داخلی", "فروش داخلي"),
    (3344, "firm employment increase", "افزایش اشتغال بنگاه", "اشتغال"),
    (3346, "fuel use optimisation", "بهینه سازی مصرف سوخت", "سوخت"),
    (3348, "waste reduction", "کاهش ضایعات", "ضايعات"),
    (3350, "total", "جمع", "جمع"),
]


def _effectiveness(spec) -> pd.DataFrame:
    rows = []
    for n, ind, ind_fa, frag in spec:
        S.need(n, frag)
        (tok,) = S.numbers(n, 1)
        rows.append(dict(row_kind="total" if ind == "total" else "item", indicator=ind, indicator_fa=ind_fa,
                         projects=integer(tok), source_line=n))
    return pd.DataFrame(rows)


@register("tech_centre_projects_by_indicator", "002_t36_tech_centre_projects_by_indicator.csv")
def tech_centre_projects_by_indicator() -> pd.DataFrame:
    """Table 36: projects done in 1401 in technology and business service centres and clinics,
    by effectiveness indicator; one number per line."""
    return _effectiveness(T36)


@register("tech_town_projects_by_indicator", "002_t38_tech_town_projects_by_indicator.csv")
def tech_town_projects_by_indicator() -> pd.DataFrame:
    """Table 38: projects done in 1401 in technology towns, by effectiveness indicator."""
    return _effectiveness(T38)


# --- Table 37 -----------------------------------------------------------------------------
T37 = [(3312, "اصفهان", "اصفهان"), (3314, "مشهد", "خراسان رضوی"), (3316, "تبریز", "آذربایجان شرقی"),
       (3318, "ارومیه", "آذربایجان غربی"), (3320, "همدان", "همدان"), (3322, "فارس", "فارس"),
       (3324, "مجموع", None)]
T37_COLS = ["production_operational", "production_assigned", "rnd_operational", "rnd_assigned",
            "lab_operational", "lab_assigned", "consultants"]


@register("tech_town_components", "002_t37_tech_town_components.csv")
def tech_town_components() -> pd.DataFrame:
    """Table 37: visual order per line: production tech units (operational, assigned), R&D units
    (operational, assigned), laboratories (operational, assigned), consultants settled, status,
    town, row number. Confirmed by the total row (line 3324) against the prose: 239 consultants
    and 164 technology units established (112 + 34 + 18) on lines 3259-3260."""
    rows = []
    for n, town_fa, prov_fa in T37:
        S.need(n, town_fa)
        toks = S.numbers(n)
        vals = [integer(t) for t in toks[:7]]
        if prov_fa:
            rec = dict(row_kind="province", province=province(prov_fa)[0], town_fa=town_fa, status="operational")
        else:
            rec = dict(row_kind="total", province=None, town_fa="مجموع", status=None)
        rec.update(zip(T37_COLS, vals))
        rec["row_no"] = integer(toks[7]) if len(toks) > 7 else None
        rec["source_line"] = n
        rows.append(rec)
    return nullable_int(pd.DataFrame(rows), "row_no")


# --- Table 39 -----------------------------------------------------------------------------
T39 = [(3389, "marketing contracts for knowledge-based products", "بازاریابی محصولات دانش بنیان (عقد قرارداد بازاریابی)"),
       (3395, "investment attraction", "جذب سرمایه گذاری"),
       (3401, "industrial needs resolved", "رفع نیاز صنعتی")]


@register("tech_market_actions", "002_t39_tech_market_actions.csv")
def tech_market_actions() -> pd.DataFrame:
    """Table 39: each data line is in logical order (row number first): row, count, amount
    (billion rials), although its header line is in visual order."""
    rows = []
    for n, action, action_fa in T39:
        no, cnt, amt = S.numbers(n, 3)
        amount = integer(amt)
        rows.append(dict(row_no=integer(no), action=action, action_fa=action_fa, count=integer(cnt),
                         amount_billion_rials=amount, amount_rials=amount * 10**9, source_line=n))
    return pd.DataFrame(rows)
