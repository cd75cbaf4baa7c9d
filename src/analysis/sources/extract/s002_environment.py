"""002 chapter 2, sections 2-8 to 2-10: wastewater treatment, green space, environment,
safety and health of the industrial parks.

Table 19 (wastewater treatment plan/actual), Table 20 (wastewater per province), Table 21
(green space), Table 22 (environment plan/actual), Table 23 (wastewater capacity), Table
24 (fire stations and engines).

Column order of every table was confirmed against a printed total, percentage or the prose;
see the catalogue notes (data/catalog.yml). Labels are written out per line and checked
letter by letter against their lines (:meth:`Seed.check_label`).
"""
from __future__ import annotations

import pandas as pd

from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, flagged, nullable_int, province, with_base

S = Seed("002")


# ---------------------------------------------------------------- Table 19 (lines 1439-1450)
@register("wastewater_plan_actual", "002_t19_wastewater_plan_actual.csv")
def wastewater_plan_actual() -> pd.DataFrame:
    """Visual order: achievement %, actual, plan, unit (4/7 = 57 %, 8/12 = 67 %)."""
    item_fa = S.check_label("به بهره برداری رساندن تصفیه خانه/مدول تصفیه خانه شهرک‌ها و نواحی صنعتی", 1443, 1446)
    rows = []
    for n, unit_fa, unit_en in [(1448, "شهرک/ناحیه صنعتی", "industrial estate/zone"),
                                (1450, "مدول", "treatment module")]:
        rows.append(flagged(item_fa=item_fa,
                            item_en="Treatment plants / plant modules of industrial estates and zones brought into operation",
                            unit_fa=S.check_label(unit_fa, n), unit_en=unit_en,
                            plan=S.number(n, 2), actual=S.number(n, 1), pct_printed=S.number(n, 0), source_line=n))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- Table 20 (lines 1464-1602)
# These lines came out in LOGICAL order (province first): province, estates approved, estate
# name(s), estates achieved, modules approved, module name(s), modules achieved; empty name
# cells print "0". Token indices below: (estate plan, estate actual, module plan, module actual).
T20 = [
    # line, province, token indices, estate name, module name
    (1500, "آذربایجان شرقی", (0, 1, 2, 4), "بیلوردی", None),
    (1502, "آذربایجان غربی", (0, 2, 3, 5), None, None),
    (1504, "اردبیل", (0, 2, 3, 6), None, "اردبیل دو (مدول 2)"),
    (1506, "اصفهان", (0, 1, 2, 5), "رامشه", "مبارکه (مدول 2)"),
    (1508, "البرز", (0, 2, 3, 6), None, "نظرآباد (مدول 2)"),
    (1510, "ایلام", (0, 1, 2, 4), None, None),
    (1512, "بوشهر", (0, 2, 3, 5), None, None),
    (1514, "تهران", (0, 2, 3, 6), None, "پرند (مدول 2)"),
    (1516, "چهارمحال و بختیاری", (0, 2, 3, 5), None, None),
    (1518, "خراسان جنوبی", (0, 2, 3, 5), None, None),
    (1520, "خراسان رضوی", (0, 1, 2, 4), "کاشمر", "چرمشهر (مدول 2)"),
    (1522, "خراسان شمالی", (0, 2, 3, 5), None, None),
    (1524, "خوزستان", (0, 1, 2, 4), "ماهشهر", None),
    (1526, "زنجان", (0, 2, 3, 6), None, "روی تخصصی (مدول 2)"),
    (1528, "سمنان", (0, 2, 3, 6), None, "سمنان/شاهرود (مدول 2)"),
    (1530, "سیستان و بلوچستان", (0, 2, 3, 5), None, None),
    (1565, "فارس", (0, 2, 3, 5), None, None),
    (1567, "قم", (0, 1, 2, 4), "محمودآباد", "شکوهیه (مدول 3)"),
    (1569, "قزوین", (0, 1, 2, 4), "خرمدشت", None),
    (1571, "کردستان", (0, 2, 3, 5), None, None),
    (1573, "کرمان", (0, 2, 3, 6), None, "کرمان 2 (مدول 2)"),
    (1575, "کرمانشاه", (0, 2, 3, 5), None, None),
    (1577, "کهگیلویه و بویراحمد", (0, 2, 3, 5), None, None),
    (1579, "گلستان", (0, 2, 3, 5), None, None),
    (1581, "گیلان", (0, 1, 2, 4), "کوچیچال فومن", None),
    (1583, "لرستان", (0, 2, 3, 5), None, None),
    (1585, "مازندران", (0, 2, 3, 5), None, "ساری یک (مدول 2)"),
    (1587, "مرکزی", (0, 2, 3, 5), None, None),
    (1589, "هرمزگان", (0, 2, 3, 5), None, None),
    (1600, "یزد", (0, 2, 3, 5), None, None),
]


@register("wastewater_by_province", "002_t20_wastewater_by_province.csv")
def wastewater_by_province() -> pd.DataFrame:
    rows = []
    for n, pfa, (i_ep, i_ea, i_mp, i_ma), estate, module in T20:
        key, fa = province(pfa)
        rows.append(flagged(row_kind="province", province=key, label_fa=fa,
                            estates_plan=S.number(n, i_ep), estates_actual=S.number(n, i_ea),
                            estate_names_fa=S.check_label(estate, n) if estate else None,
                            modules_plan=S.number(n, i_mp), modules_actual=S.number(n, i_ma),
                            module_names_fa=S.check_label(module, n) if module else None,
                            source_line=n, source_line_end=None))
    # Hamedan: the multi-line module-name cell (lines 1591-1597) carries the achieved count
    # "2" on line 1591; the province line 1598 prints 0 0 0 2 (estates 0, -, 0, modules approved 2).
    key, fa = province("همدان")
    rows.append(flagged(row_kind="province", province=key, label_fa=fa,
                        estates_plan=S.number(1598, 0), estates_actual=S.number(1598, 2),
                        estate_names_fa=None, modules_plan=S.number(1598, 3), modules_actual=S.number(1591, 1),
                        module_names_fa=S.check_label("بوعلی (مدول 3) - صنایع غذایی بهار (مدول 2)", 1591, 1593),
                        source_line=1591, source_line_end=1598))
    rows.append(flagged(row_kind="total", province=None, label_fa="جمع",
                        estates_plan=S.number(1602, 0), estates_actual=S.number(1602, 1), estate_names_fa=None,
                        modules_plan=S.number(1602, 2), modules_actual=S.number(1602, 3), module_names_fa=None,
                        source_line=1602, source_line_end=None))
    return nullable_int(pd.DataFrame(rows), "source_line_end")


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
        rows.append(flagged(row_no=S.number(n, 3), item_fa=S.check_label(item_fa, n), item_en=item_en,
                            unit_fa=S.check_label(unit_fa, n), unit_en=unit_en,
                            plan=float(S.number(n, 2, decimal=".")), actual=float(S.number(n, 1, decimal=".")),
                            pct_printed=S.number(n, 0), source_line=n))
    return with_base(pd.DataFrame(rows), ["plan", "actual"], unit="unit_en")


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
        rows.append(flagged(item_fa=S.check_label(item_fa, n), item_en=item_en,
                            unit_fa=S.check_label(unit_fa, n), unit_en=unit_en,
                            plan=S.number(n, 0), actual=S.number(n, 1), source_line=n))
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
        rows.append(flagged(row_no=S.number(n, 1), item_fa=S.check_label(item_fa, n), item_en=item_en,
                            unit_fa=S.check_label(unit_fa, n), unit_en=unit_en, value=S.number(n, 0),
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
        S.numbers(n, expect=12)
        S.check_label(item_fa, n)
        rows.append(flagged(item=item, label_fa=item_fa, measure="total", year=1401, value=S.number(n, 0),
                            source_line=n))
        rows.append(flagged(item=item, label_fa=item_fa, measure="added_in_year", year=1401,
                            value=S.number(n, 1), source_line=n))
        for i, year in enumerate(range(1400, 1390, -1), start=2):
            rows.append(flagged(item=item, label_fa=item_fa, measure="cumulative_to_end_of_year",
                                year=year, value=S.number(n, i), source_line=n))
    return pd.DataFrame(rows)
