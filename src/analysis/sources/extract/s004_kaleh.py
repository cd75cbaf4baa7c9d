"""004: KALEH executive programme (Kermanshah, Ilam, Lorestan, Hamedan), Tir 1398.

Tables 1-4, 6 and 8 are tab-separated lines. Tables 1, 2 and 8 are printed in logical
order (first cell = rightmost column of the page: rank/row number first); Tables 3, 4 and 6
are printed in visual order (first cell = leftmost column). Each table's order is taken
from its own header line, which is printed in the same order as its rows; for Table 6 it
is confirmed by the printed total row (line 208: the four provinces add up to it in every
column) and for Table 8 by its total row matching Table 6's totals.
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.core.digits import parse_number, to_latin_digits
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, is_words, province, read, with_base

S = Seed("004")


def _persons(cell: str) -> float | None:
    """'۲۰۰۰ نفر' -> 2000; empty -> None."""
    t = to_latin_digits(cell).replace("نفر", "").strip()
    return parse_number(t, decimal="none") if t else None


# --- Tables 1-4: priority activities per province ------------------------------------------
SECTOR_EN = {
    "تجارت وابسته به مرز": "Border-related trade",
    "تولید و خدمات ساختمان و ابنیه": "Building construction and services",
    "دامپروری": "Livestock farming",
    "حمل و نقل، انبارداری و ارتباطات": "Transport, storage and communications",
    "سایر خدمات تجاری عمده و خرده فروشی": "Other wholesale and retail trade services",
    "صنعت گردشگری و سوغات و صنایع دستی، هتلداری و رستوران + خدمات سلامت":
        "Tourism, souvenirs and handicrafts, hotels and restaurants + health services",
    "تولید محصولات زراعی دیم غیر از نخود": "Rain-fed field crops other than chickpea",
    "صنایع تکمیلی کشاورزی و صنایع مواد غذایی (رب گوجه فرنگی، روغن، آب معدنی)":
        "Agricultural processing and food industries (tomato paste, oil, mineral water)",
    "تولید محصولات زراعی آبی": "Irrigated field crops",
    "تولید محصولات باغی آبی غیر از گردو": "Irrigated orchard products other than walnut",
    "زنجیره تامین تولید گوشت مرغ و بلدرچین": "Chicken and quail meat supply chain",
    "فناوری اطلاعات": "Information technology",
    "گردشگری مذهبی": "Religious tourism",
    "دامپروری و تولید محصولات لبنی و گوشت قرمز": "Livestock, dairy and red meat",
    "صنایع دستی و فرش دستبافت": "Handicrafts and hand-woven carpets",
    "صنایع تبدیلی و غذایی کشاورزی": "Agricultural processing and food industries",
    "شیلات و آبزیان": "Fisheries and aquaculture",
    "پوشاک و نساجی": "Clothing and textiles",
    "گیاهان دارویی": "Medicinal plants",
    "مجموع": "Total",
    "گردشگری": "Tourism",
    "مبلمان و منبت": "Furniture and wood carving",
    "تولید انواع پوشاک": "Clothing manufacture",
    "صنایع تبدیلی کشاورزی (در زمینه کشمش، گردو و ...)": "Agricultural processing (raisins, walnuts, ...)",
    "صنایع دستی و سفال": "Handicrafts and pottery",
    "کفش و مصنوعات چرمی": "Shoes and leather goods",
}
_SECTOR_EN_KEY = None


def sector_en(name: str) -> str:
    """English name of a printed activity, matched without spaces (ZWNJ is often lost:
    'حملونقل')."""
    global _SECTOR_EN_KEY
    if _SECTOR_EN_KEY is None:
        _SECTOR_EN_KEY = {re.sub(r"\s", "", k): v for k, v in SECTOR_EN.items()}
    return _SECTOR_EN_KEY[re.sub(r"\s", "", name)]


COUNTY_EN = {"مهران ایلام": "Mehran (Ilam)", "سطح استان": "province-wide"}

# table: (province, province printed in the title?, first, last, header line, employment measure)
TABLES_1_4 = {
    "1": ("Kermanshah", True, 77, 88, 76, "estimated employment (اشتغال برآوردی)"),
    "2": ("Ilam", True, 93, 96, 92, "new employment (اشتغال جدید)"),
    "3": ("Ilam", True, 101, 106, 100, "new employment, Takapu plan priorities (اشتغال جدید)"),
    "4": ("Hamadan", False, 111, 117, 110, "employment capacity (ظرفیت اشتغال)"),
}


# Number tokens of lines 1-276 deliberately not transcribed (analysis.sources.coverage):
# "<line> <token> ... | <kind> [detail]".
SKIPPED = """
18 1 | section contents entry: section 1
18 3 | page contents entry: page 3
19 2 | section contents entry: section 2
19 4 | page contents entry: page 4
20 3 | section contents entry: section 3
20 4 | page contents entry: page 4
21 4 | section contents entry: section 4
21 4 | page contents entry: page 4
22 5 | section contents entry: section 5
22 4 | page contents entry: page 4
23 6 | section contents entry: section 6
23 5 | page contents entry: page 5
24 7 | section contents entry: section 7
24 7 | page contents entry: page 7
25 8 | section contents entry: section 8
25 8 | page contents entry: page 8
26 9 | section contents entry: section 9
26 9 | page contents entry: page 9
27 10 | section contents entry: section 10
27 11 | page contents entry: page 11
28 11 | section contents entry: section 11
28 11 | page contents entry: page 11
29 12 | section contents entry: section 12
29 12 | page contents entry: page 12
30 13 | section contents entry: section 13
30 13 | page contents entry: page 13
31 14 | section contents entry: section 14
31 15 | page contents entry: page 15
33 1 | section heading of section 1
43 2 | section heading of section 2
47 3 | section heading of section 3
52 4 | section heading of section 4
63 5 | section heading of section 5
70 6 | section heading of section 6
119 7 | section heading of section 7
148 8 | section heading of section 8
172 9 | section heading of section 9
190 10 | section heading of section 10
210 11 | section heading of section 11
220 12 | section heading of section 12
247 13 | section heading of section 13
35 4 | repeat 35 the four provinces, named again ("these 4 provinces")
37 4 | repeat 35 the four provinces (کاله)
41 4 | repeat 35 the four provinces
50 4 | repeat 35 the four provinces
56 4 | repeat 35 the four provinces
66 4 | repeat 35 the four provinces
74 1 | table Table 1 (Kermanshah)
90 2 | table Table 2 (Ilam)
98 3 | table Table 3 (Ilam, Takapoo plan)
108 4 | table Table 4
165 1 | chart Chart 1 (a process diagram)
174 4 | repeat 35 the four provinces
186 2 | chart Chart 2 (a process diagram)
199 6 | table Table 6
201 1398 | year the year of Table 6's money (1398)
213 4 4 | repeat 35 the four provinces (twice)
218 4 | repeat 35 the four provinces
222 7 | table Table 7
222 4 | repeat 35 the four provinces
225 1 | ordinal row 1 of Table 7
225 4 | repeat 35 the four provinces
226 2 | ordinal row 2 of Table 7
226 4 | repeat 35 the four provinces
231 8 | table Table 8
231 4 | repeat 35 the four provinces
252 1 | ordinal phase 1 of Table 9 (the implementation phases)
254 2 | ordinal row 2 of Table 9 (the implementation phases)
261 3 | ordinal row 3 of Table 9
264 14 | section heading of section 14 (the timetable)
266 2 | time the timetable's header 'two-monthly' (۲ ماهه)
267 1 8 17 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 | ordinal the timetable's column numbers, 1 to 18 ('18' printed split as '1 8')
"""


@register("kaleh_priority_sectors", "004_t1-4_priority_sectors.csv")
def priority_sectors() -> pd.DataFrame:
    rows = []
    for table, (prov, printed, first, last, header, measure) in TABLES_1_4.items():
        head = S.cells(header)
        name_col = next(i for i, h in enumerate(head) if "نام رسته" in h)
        emp_col = next(i for i, h in enumerate(head) if "اشتغال" in h)
        county_col = next((i for i, h in enumerate(head) if h == "شهرستان"), None)
        rank_col = next((i for i, h in enumerate(head) if h == "رتبه"), None)
        for n in range(first, last + 1):
            cells = S.cells(n)
            if not any(cells):
                continue
            cells += [""] * (len(head) - len(cells))
            name = cells[name_col]
            emp = _persons(cells[emp_col])
            total = name == "مجموع"
            flag = None
            if not printed:
                flag = ("province=not printed in the title of Table 4, inferred as Hamedan from the activities "
                        "(Malayer furniture and wood carving, raisins and walnuts, Lalejin pottery, leather)")
            rows.append(dict(
                table=table, row_kind="total" if total else "activity", province=prov, label_fa=province(prov)[1],
                province_printed=printed,
                rank=int(to_latin_digits(cells[rank_col])) if rank_col is not None else None,
                sector_fa=name, sector_en=sector_en(name),
                county_fa=(cells[county_col] or None) if county_col is not None else None,
                county_en=COUNTY_EN.get(cells[county_col]) if county_col is not None else None,
                employment=emp, employment_measure=measure, source_line=n, flag=flag,
                raw_text=None if printed else "جدول ۴- نام رسته های منتخب و ظرفیت آنها",
            ))
    df = pd.DataFrame(rows)
    for c in ("rank", "employment"):
        df[c] = df[c].astype("Int64")
    return df


# --- Table 6: financing per province -------------------------------------------------------
T6_COLS = {  # header text (normalised) -> column
    "یارانه تسهیلات (میلیارد ریال)": "interest_subsidy",
    "تسهیلات مالی (میلیارد ریال)": "bank_facilities",
    "کمک های بلاعوض و فنی و اعتباری (میلیارد ریال)": "grants",
    "اشتغال رسته های کسب و کار (نفر)": "jobs",
    "استان": "label",
}


@register("kaleh_financing_by_province", "004_t6_financing_by_province.csv")
def financing_by_province() -> pd.DataFrame:
    cols = [T6_COLS[h] for h in S.cells(203)]
    rows = []
    for n in range(204, 209):
        rec = dict(zip(cols, S.cells(n)))
        label = rec.pop("label")
        if "استان" in label and re.search(r"\d", to_latin_digits(label)):
            kind, key, fa = "total", None, label
        else:
            kind, (key, fa) = "province", province(label)
        vals = {k: int(parse_number(v, decimal="none")) for k, v in rec.items()}
        rows.append(dict(row_kind=kind, province=key, label_fa=fa, **vals, source_line=n))
    df = pd.DataFrame(rows)
    df["total_money"] = df.grants + df.bank_facilities + df.interest_subsidy  # derived
    return df[["row_kind", "province", "label_fa", "jobs", "grants", "bank_facilities", "interest_subsidy",
               "total_money", "source_line"]]


# --- Table 8: per economic sector ----------------------------------------------------------
T8_SECTOR_EN = {
    "کشاورزی": "Agriculture", "معدن و فرآوری معدنی": "Mining and mineral processing", "صنعت": "Industry",
    "بازرگانی و صنوف": "Commerce and trades", "گردشگری": "Tourism", "صنایع دستی": "Handicrafts",
    "فرهنگ و هنر": "Culture and art", "ورزش و تربیت بدنی": "Sport and physical education",
    "فناوری اطلاعات و ارتباطات": "Information and communication technology", "سلامت": "Health",
    "فناوری و دانش بنیان": "Technology and knowledge-based firms", "مجموع 4 استان": "Total, 4 provinces",
}


@register("kaleh_financing_by_sector", "004_t8_financing_by_sector.csv")
def financing_by_sector() -> pd.DataFrame:
    head = S.cells(233)
    assert head[2].startswith("تعداد اشتغال جدید") and head[3] == "کمک های فنی و اعتباری"
    assert head[4] == "تسهیلات بانکی" and head[5] == "یارانه تسهیلات بانکی", head
    rows = []
    for n in range(234, 246):
        c = S.cells(n)
        name = to_latin_digits(c[1])
        total = name.startswith("مجموع")
        vals = [int(parse_number(x, decimal="none")) for x in c[2:6]]
        rows.append(dict(row_kind="total" if total else "sector", row_no=int(to_latin_digits(c[0])),
                         sector_fa=c[1], sector_en=T8_SECTOR_EN[name], jobs=vals[0], grants=vals[1],
                         bank_facilities=vals[2], interest_subsidy=vals[3], source_line=n))
    return pd.DataFrame(rows)


# --- Prose figures -------------------------------------------------------------------------
RIALS_PER = {"million rials": 10**6, "billion rials": 10**9, "thousand billion rials": 10**12}

# (figure, line, pattern, unit, qualifier, description[, decimal])
FIGURES = [
    ("document_year", 14, r"تیر ماه (\d+)", "Jalali year", "exact", "date of the programme: Tir (month 4) 1398"),
    ("provinces", 35, r"این (\d+) استان بالغ", "provinces", "exact", "provinces in the KALEH programme"),
    ("population", 35, r"بالغ بر (\S+) میلیون نفر", "million persons", "amounting to",
     "population of the four provinces", ","),
    ("population_share", 35, r"حدود (\S+) درصد از جمعیت", "%", "about",
     "share of the country's population", ","),
    ("active_population", 35, r"بیش از (\S+) میلیون نفر از کل جمعیت فعال", "million persons", "more than",
     "economically active population of the four provinces", ","),
    ("active_population_iran", 35, r"جمعیت فعال کشور \((\S+) میلیون", "million persons", "exact",
     "economically active population of Iran", ","),
    ("employed_population", 35, r"بیش از (\S+) میلیون نفر از کل جمعیت شاغل", "million persons", "more than",
     "employed population of the four provinces", ","),
    ("employed_population_iran", 35, r"جمعیت شاغل کشور \((\S+) میلیون", "million persons", "exact",
     "employed population of Iran", ","),
    ("active_or_employed_share", 35, r"بیش از (\S+) درصد جمعیت فعال", "%", "more than",
     "share of Iran's active or employed population in the four provinces", ","),
    ("unemployed_share", 35, r"بیش از (\d+) درصد جمعیت بیکار", "%", "more than",
     "share of Iran's unemployed living in the four provinces"),
    ("unemployed_iran", 35, r"از (\S+) میلیون جمعیت بیکار", "million persons", "exact",
     "unemployed population of Iran", ","),
    ("unemployed", 35, r"حدود (\d+) هزار نفر", "thousand persons", "about",
     "unemployed population of the four provinces"),
    ("income_growth", 49, r"\(میانگین\) (\d+) درصد", "%", "average",
     "expected increase of per-capita income of the region (average)"),
    ("income_growth_years", 49, r"طول (\d+) سال", "years", "exact", "period of the income increase"),
    ("jobs", 50, r"ایجاد (\d+) هزار فرصت", "thousand jobs", "exact", "expected new jobs in the four provinces"),
    ("physical_progress_threshold", 174, r"بالای (\d+) درصد", "%", "more than",
     "physical-progress threshold of projects eligible for support"),
    ("cost_per_job", 194, r"(\d+) میلیون ریال", "million rials", "exact",
     "finance per job opportunity (loans and public budget)"),
    ("grants", 195, r"(\d+) میلیارد ریال", "billion rials", "exact",
     "grants, technical and credit assistance (public budget)"),
    ("bank_facilities", 196, r"(\d+) هزار میلیارد ریال", "thousand billion rials", "exact",
     "loans (banks and National Development Fund); Table 6 prints 32626 billion rials"),
    ("interest_subsidy", 197, r"(\d+) میلیارد ریال", "billion rials", "exact",
     "interest subsidies on loans (public budget)"),
    ("business_environment", 212, r"بهبود (\d+) درصدی", "%", "exact",
     "expected improvement of the provincial business-environment matrix scores"),
    ("institutions", 213, r"تعداد (\d+) نهاد", "institutions", "exact",
     "centres/institutions to be formed or developed in the four provinces"),
    ("institutions_per_sector", 214, r"حداقل (یک) نهاد", "institutions per activity and province", "at least",
     "development institution in each selected activity in each province"),
    ("exports", 216, r"افزایش (\d+) درصدی", "%", "exact", "expected increase of the provinces' product exports"),
    ("social_capital", 217, r"به میزان (\d+) درصد", "%", "exact",
     "expected increase of social capital and private participation"),
    ("institutions_t7", 225, r"حداقل (\d+) نهاد", "institutions", "at least",
     "Table 7: institutions or development actions (capacity building)"),
    ("jobs_t7", 225, r"ایجاد (\d+) هزار فرصت", "thousand jobs", "exact", "Table 7: new jobs"),
    ("jobs_retained_t7", 226, r"حداقل بیش از (\d+) هزار نفر", "thousand persons", "at least more than",
     "Table 7: jobs retained in existing economic units"),
    ("jobs_total_t7", 227, r"(\d+) هزار فرصت", "thousand jobs", "exact", "Table 7: grand total (جمع کل)"),
    ("meetings_phase1", 252, r"برگزاری (\d+) جلسه", "meetings", "exact",
     "meetings with provincial officials in phase 1 (awareness)"),
]


@register("kaleh_prose_figures", "004_prose_figures.csv")
def prose_figures() -> pd.DataFrame:
    rows = []
    for spec in FIGURES:
        fig, n, pat, unit, qual, desc = spec[:6]
        decimal = spec[6] if len(spec) > 6 else "/"
        value, _, raw = read(S.norm_line(n), pat, decimal=decimal)
        words = is_words(raw)
        rials = RIALS_PER.get(unit)
        rows.append(dict(figure=fig, description_en=desc, value=value, unit=unit, qualifier=qual,
                         value_rials=round(value * rials) if rials else None, source_line=n,
                         flag="value=printed in words" if words else None, raw_text=raw if words else None))
    df = pd.DataFrame(rows)
    df["value_rials"] = df["value_rials"].astype("Int64")
    return with_base(df, ["value"])
