"""002 Tables 18-25 (lines 1411-2011): technology-centre projects, wastewater treatment,
green space, environment, fire stations, special economic zones.

Column order of every table was confirmed against a printed total, percentage or the prose;
see the catalogue notes (data/catalog.yml).
"""
from __future__ import annotations

import pandas as pd

from analysis.sources.extract import register
from analysis.sources.extract.s002b_util import check_label, prov, tok, toks


def _row(**kw):
    kw.setdefault("flag", None)
    kw.setdefault("raw_text", None)
    return kw


# ---------------------------------------------------------------- Table 18 (lines 1413-1432)
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
        key, fa = prov(pfa)
        rows.append(_row(row_no=tok(n, len(toks(n)) - 1), province=key, label_fa=fa,
                         project_fa=check_label(name, n), project_en=name_en,
                         credit_spent_1401=tok(n, 2), floor_area_m2=tok(n, 1),
                         progress_pct=tok(n, 0), source_line=n))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- Table 19 (lines 1439-1450)
@register("wastewater_plan_actual", "002_t19_wastewater_plan_actual.csv")
def wastewater_plan_actual() -> pd.DataFrame:
    """Visual order: achievement %, actual, plan, unit (4/7 = 57 %, 8/12 = 67 %)."""
    item_fa = check_label("به بهره برداری رساندن تصفیه خانه/مدول تصفیه خانه شهرک‌ها و نواحی صنعتی", 1443, 1446)
    rows = []
    for n, unit_fa, unit_en in [(1448, "شهرک/ناحیه صنعتی", "industrial estate/zone"),
                                (1450, "مدول", "treatment module")]:
        rows.append(_row(item_fa=item_fa,
                         item_en="Treatment plants / plant modules of industrial estates and zones brought into operation",
                         unit_fa=check_label(unit_fa, n), unit_en=unit_en,
                         plan=tok(n, 2), actual=tok(n, 1), pct_printed=tok(n, 0), source_line=n))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- Table 20 (lines 1464-1602)
# These lines came out in LOGICAL order (province first): province, estates approved, estate
# name(s), estates achieved, modules approved, module name(s), modules achieved; empty name
# cells print "0". Token indices below: (estate plan, estate actual, module plan, module actual).
T20 = [
    # line, line_end, province, idx, estate name, module name
    (1500, None, "آذربایجان شرقی", (0, 1, 2, 4), "بیلوردی", None),
    (1502, None, "آذربایجان غربی", (0, 2, 3, 5), None, None),
    (1504, None, "اردبیل", (0, 2, 3, 6), None, "اردبیل دو (مدول 2)"),
    (1506, None, "اصفهان", (0, 1, 2, 5), "رامشه", "مبارکه (مدول 2)"),
    (1508, None, "البرز", (0, 2, 3, 6), None, "نظرآباد (مدول 2)"),
    (1510, None, "ایلام", (0, 1, 2, 4), None, None),
    (1512, None, "بوشهر", (0, 2, 3, 5), None, None),
    (1514, None, "تهران", (0, 2, 3, 6), None, "پرند (مدول 2)"),
    (1516, None, "چهارمحال و بختیاری", (0, 2, 3, 5), None, None),
    (1518, None, "خراسان جنوبی", (0, 2, 3, 5), None, None),
    (1520, None, "خراسان رضوی", (0, 1, 2, 4), "کاشمر", "چرمشهر (مدول 2)"),
    (1522, None, "خراسان شمالی", (0, 2, 3, 5), None, None),
    (1524, None, "خوزستان", (0, 1, 2, 4), "ماهشهر", None),
    (1526, None, "زنجان", (0, 2, 3, 6), None, "روی تخصصی (مدول 2)"),
    (1528, None, "سمنان", (0, 2, 3, 6), None, "سمنان/شاهرود (مدول 2)"),
    (1530, None, "سیستان و بلوچستان", (0, 2, 3, 5), None, None),
    (1565, None, "فارس", (0, 2, 3, 5), None, None),
    (1567, None, "قم", (0, 1, 2, 4), "محمودآباد", "شکوهیه (مدول 3)"),
    (1569, None, "قزوین", (0, 1, 2, 4), "خرمدشت", None),
    (1571, None, "کردستان", (0, 2, 3, 5), None, None),
    (1573, None, "کرمان", (0, 2, 3, 6), None, "کرمان 2 (مدول 2)"),
    (1575, None, "کرمانشاه", (0, 2, 3, 5), None, None),
    (1577, None, "کهگیلویه و بویراحمد", (0, 2, 3, 5), None, None),
    (1579, None, "گلستان", (0, 2, 3, 5), None, None),
    (1581, None, "گیلان", (0, 1, 2, 4), "کوچیچال فومن", None),
    (1583, None, "لرستان", (0, 2, 3, 5), None, None),
    (1585, None, "مازندران", (0, 2, 3, 5), None, "ساری یک (مدول 2)"),
    (1587, None, "مرکزی", (0, 2, 3, 5), None, None),
    (1589, None, "هرمزگان", (0, 2, 3, 5), None, None),
    (1600, None, "یزد", (0, 2, 3, 5), None, None),
]


@register("wastewater_by_province", "002_t20_wastewater_by_province.csv")
def wastewater_by_province() -> pd.DataFrame:
    rows = []
    for n, _end, pfa, (i_ep, i_ea, i_mp, i_ma), estate, module in T20:
        key, fa = prov(pfa)
        rows.append(_row(row_kind="province", province=key, label_fa=fa,
                         estates_plan=tok(n, i_ep), estates_actual=tok(n, i_ea),
                         estate_names_fa=check_label(estate, n) if estate else None,
                         modules_plan=tok(n, i_mp), modules_actual=tok(n, i_ma),
                         module_names_fa=check_label(module, n) if module else None,
                         source_line=n, source_line_end=None))
    # Hamedan: the multi-line module-name cell (lines 1591-1597) carries the achieved count
    # "2" on line 1591; the province line 1598 prints 0 0 0 2 (estates 0, -, 0, modules approved 2).
    key, fa = prov("همدان")
    rows.append(_row(row_kind="province", province=key, label_fa=fa,
                     estates_plan=tok(1598, 0), estates_actual=tok(1598, 2),
                     estate_names_fa=None, modules_plan=tok(1598, 3), modules_actual=tok(1591, 1),
                     module_names_fa=check_label("بوعلی (مدول 3) - صنایع غذایی بهار (مدول 2)", 1591, 1593),
                     source_line=1591, source_line_end=1598))
    rows.append(_row(row_kind="total", province=None, label_fa="جمع",
                     estates_plan=tok(1602, 0), estates_actual=tok(1602, 1), estate_names_fa=None,
                     modules_plan=tok(1602, 2), modules_actual=tok(1602, 3), module_names_fa=None,
                     source_line=1602, source_line_end=None))
    df = pd.DataFrame(rows)
    df["source_line_end"] = df["source_line_end"].astype("Int64")
    return df


# ---------------------------------------------------------------- Table 21 (lines 1669-1679)
T21 = [
    (1673, "مساحت فضای سبز", "Green-space area", "هکتار", "hectare"),
    (1675, "اجرای آبیاری قطره ای", "Drip irrigation installed", "کیلومتر", "kilometre"),
    (1677, "تعداد درختان کاشته شده و درختچه های دائمی", "Trees and perennial shrubs planted",
     "میلیون اصله نهال", "million saplings"),
    (1679, "مساحت گلکاری و چمن کاری", "Flower beds and lawn area", "هکتار", "hectare"),
]


@register("green_space", "002_t21_green_space.csv")
def green_space() -> pd.DataFrame:
    """Visual order: achievement %, actual, plan, unit, item, row (8/11 = 72 % on line 1679)."""
    rows = []
    for n, item_fa, item_en, unit_fa, unit_en in T21:
        rows.append(_row(row_no=tok(n, 3), item_fa=check_label(item_fa, n), item_en=item_en,
                         unit_fa=check_label(unit_fa, n), unit_en=unit_en,
                         plan=float(tok(n, 2, decimal=".")), actual=float(tok(n, 1, decimal=".")),
                         pct_printed=tok(n, 0), source_line=n))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- Table 22 (lines 1711-1721)
T22 = [
    (1715, "تعداد واحدهای صنعتی متصل به تصفیه خانه", "Industrial units connected to a treatment plant",
     "واحد صنعتی", "industrial unit"),
    (1717, "مطالعات طراحی تصفیه خانه فاضلاب و سیستمهای استفاده مجدد از پساب",
     "Design studies of wastewater treatment plants and effluent-reuse systems", "مطالعه", "study"),
    (1719, "شهرکها و نواحی صنعتی دارای تصفیه خانه با وضعیت بهره برداری مطلوب",
     "Estates and zones whose treatment plant operates satisfactorily", "شهرک/ناحیه", "estate/zone"),
    (1721, "مطالعات ارزیابی اثرات زیست محیطی", "Environmental impact assessment studies",
     "شهرک/ناحیه", "estate/zone"),
]


@register("environment_plan_actual", "002_t22_environment_plan_actual.csv")
def environment_plan_actual() -> pd.DataFrame:
    """Visual order: plan, actual, unit, item (header line 1713 prints برنامه before عملکرد;
    the prose on line 1756 gives 17 environmental assessments approved = the second number)."""
    rows = []
    for n, item_fa, item_en, unit_fa, unit_en in T22:
        rows.append(_row(item_fa=check_label(item_fa, n), item_en=item_en,
                         unit_fa=check_label(unit_fa, n), unit_en=unit_en,
                         plan=tok(n, 0), actual=tok(n, 1), source_line=n))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- Table 23 (lines 1728-1734)
@register("wastewater_capacity", "002_t23_wastewater_capacity.csv")
def wastewater_capacity() -> pd.DataFrame:
    spec = [
        (1732, "مجموع ظرفیت مدول تصفیه خانه های در حال بهره برداری",
         "Total capacity of treatment-plant modules in operation", "متر مکعب در روز", "cubic metre/day"),
        (1734, "تعداد کل واحدهای صنعتی به بهره برداری رسیده متصل به تصفیه خانه",
         "Operating industrial units connected to a treatment plant", "واحد صنعتی", "industrial unit"),
    ]
    rows = []
    for n, item_fa, item_en, unit_fa, unit_en in spec:
        rows.append(_row(row_no=tok(n, 1), item_fa=check_label(item_fa, n), item_en=item_en,
                         unit_fa=check_label(unit_fa, n), unit_en=unit_en, value=tok(n, 0),
                         source_line=n))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- Table 24 (lines 1803-1876)
@register("fire_stations", "002_t24_fire_stations.csv")
def fire_stations() -> pd.DataFrame:
    """Each line: total, added in 1401, cumulative to end of 1400, 1399, ..., 1391 (the header,
    lines 1805-1871, lists the same columns in the opposite order). 295 + 14 = 309 and
    361 + 29 = 390 confirm it, as does the prose (lines 1797-1799: 390 engines, 309 stations)."""
    rows = []
    for n, item, item_fa in [(1874, "fire stations", "ایستگاه های آتش نشانی"),
                             (1876, "fire engines", "خودروهای آتش نشانی")]:
        t = toks(n)
        assert len(t) == 12, (n, t)
        check_label(item_fa, n)
        rows.append(_row(item=item, label_fa=item_fa, measure="total", year=1401, value=tok(n, 0),
                         source_line=n))
        rows.append(_row(item=item, label_fa=item_fa, measure="added_in_year", year=1401,
                         value=tok(n, 1), source_line=n))
        for i, year in enumerate(range(1400, 1390, -1), start=2):
            rows.append(_row(item=item, label_fa=item_fa, measure="cumulative_to_end_of_year",
                             year=year, value=tok(n, i), source_line=n))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- Table 25 (lines 1987-2011)
# Status is a merged cell: "به بهره برداری رسیده" printed once (line 1993, between rows 1-2),
# "مصوب (در دست ساخت)" once (lines 2004-2006), "در حال تهیه طرح جامع" on row 9's line.
OPERATING, APPROVED, PLANNING = "operating", "approved_under_construction", "master_plan_in_preparation"
STATUS_FA = {OPERATING: "به بهره برداری رسیده", APPROVED: "مصوب (در دست ساخت)",
             PLANNING: "در حال تهیه طرح جامع"}
T25 = [
    # line, map no idx, zone name fa, zone en, province fa (None: not printed), status, flag
    (1991, "یزد", "Yazd", "یزد", OPERATING, None),
    (1995, "لرستان", "Lorestan", "لرستان", OPERATING, None),
    (1997, "بجنورد", "Bojnurd", "خراسان شمالی", APPROVED,
     "status=merged status cells, row 3 lies between the two printed status labels (lines 1993 and 2004-2006)"),
    (1999, "سمنان", "Semnan", "سمنان", APPROVED, None),
    (2001, "کازرون", "Kazerun", "فارس", APPROVED, None),
    (2003, "شمال استان بوشهر", "North Bushehr province", "بوشهر", APPROVED, None),
    (2007, "بانه", "Baneh", "کردستان", APPROVED, None),
    (2009, "جهان آباد", "Jahanabad", "همدان", APPROVED, None),
    (2011, "بروجرد", "Borujerd", None, PLANNING,
     "province=not printed, Borujerd is a city of Lorestan"),
]


@register("special_economic_zones", "002_t25_special_economic_zones.csv")
def special_economic_zones() -> pd.DataFrame:
    rows = []
    for n, name, name_en, pfa, status, flag in T25:
        if pfa:
            check_label(pfa, n)
            key, fa = prov(pfa)
        else:
            key, fa = prov("لرستان")
        rows.append(_row(map_no=tok(n, len(toks(n)) - 1), zone_fa=check_label(name, n), zone_en=name_en,
                         province=key, label_fa=fa, status=status, status_fa=STATUS_FA[status],
                         source_line=n, flag=flag,
                         raw_text=None if flag is None else (
                             "بروجرد" if pfa is None else "وضعیت: 1993 به بهره برداري رسيده / 2004-2006 مصوب ) در دست ساخت(")))
    return pd.DataFrame(rows)
