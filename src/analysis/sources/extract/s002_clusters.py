"""002 chapter 3, sections 3-1 and 3-2: the business-cluster programme (Tables 26-32) and the
subcontracting exchange (Tables 33-34), lines 2373-3088.

Column order of each table is confirmed in the catalogue notes (data/catalog.yml). Numbers
come from their lines by token position; cluster names, which the extraction scrambled,
are written out per line and checked letter by letter against the cited lines
(:meth:`Seed.check_label`).
"""
from __future__ import annotations

import pandas as pd

from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, flagged, nullable_int, province, with_base

S = Seed("002")


# ---------------------------------------------------------------- Table 26 (lines 2373-2393)
T26 = [
    # line (numbers), row-number line, title lines, title fa, title en, unit fa, unit en
    (2377, 2377, (2377, 2377), "بروزرسانی مطالعه فراگیر شناسایی و اولویت بندی خوشه های کسب وکار",
     "Update of the comprehensive study identifying and prioritising business clusters", "پروژه", "project"),
    (2379, 2379, (2379, 2379), "مطالعات امکان سنجی توسعه خوشه های کسب و کار",
     "Feasibility studies for business-cluster development", "تعداد پروژه", "project"),
    (2381, 2381, (2381, 2381), "پروژه های توسعه خوشه ای در حال اجرا",
     "Cluster-development projects under way", "خوشه", "cluster"),
    (2383, 2383, (2383, 2383), "خاتمه پروژه توسعه خوشه کسب وکار",
     "Cluster-development projects completed", "خوشه", "cluster"),
    (2385, 2385, (2385, 2385), "اجرای برنامه های عمل حمایتی از خوشه های خاتمه یافته",
     "Support action plans carried out for completed clusters", "برنامه عمل", "action plan"),
    (2391, 2387, (2388, 2390), "برگزاری دوره آموزشی CDA و TA و دوره بازآموزی عاملان توسعه خوشه های کسب وکار",
     "CDA and TA training courses and refresher courses for cluster development agents", "دوره", "course"),
    (2393, 2393, (2393, 2393), "مستندسازی تجارب توسعه خوشه ای در قالب کتاب، مجله، فیلم و ...",
     "Documentation of cluster-development experience (books, magazines, films)", "مستند", "document"),
]


@register("cluster_programme", "002_t26_cluster_programme.csv")
def cluster_programme() -> pd.DataFrame:
    """Visual order: achievement %, actual, plan, unit, indicator, row (8/9 = 89 %, 377/301 = 125 %)."""
    rows = []
    for n, rn, (t0, t1), fa, en, ufa, uen in T26:
        rows.append(flagged(row_no=S.last_number(rn), item_fa=S.check_label(fa, t0, t1), item_en=en,
                            unit_fa=S.check_label(ufa, n), unit_en=uen,
                            plan=S.number(n, 2), actual=S.number(n, 1), pct_printed=S.number(n, 0),
                            source_line=min(n, rn), source_line_end=max(n, rn) if rn != n else None))
    return nullable_int(pd.DataFrame(rows), "source_line_end")


# ---------------------------------------------------------------- Table 27 (lines 2416-2439)
T27 = [
    # first line, last line (numbers), (change, after, before) token indices, fa, en, unit
    (2424, 2424, (0, 1, 2), "تعداد بنگاه‌ها در خوشه‌های تحت حمایت", "Firms in supported clusters", "firm"),
    (2426, 2426, (0, 1, 2), "تعداد شبکه‌ها در خوشه‌های تحت حمایت", "Networks in supported clusters", "network"),
    (2428, 2431, (2, 1, 0), "تعداد BDSp (ارائه دهنده خدمات کسب‌وکار) درگیر در فرآیند توسعه خوشه‌ها",
     "Business development service providers (BDSp) involved in cluster development", "provider"),
    (2433, 2433, (0, 1, 2), "تعداد سازمان‌های درگیر در فرآیند توسعه خوشه‌ها",
     "Institutions and organisations involved in cluster development", "organisation"),
    (2435, 2435, (0, 1, 2), "تعداد اشتغال در خوشه‌های تحت حمایت (نفر)", "Employment in supported clusters",
     "person"),
    (2437, 2437, (0, 1, 2), "میزان صادرات بنگاه‌های تحت حمایت (میلیارد دلار)", "Exports of supported firms",
     "billion US dollars"),
    (2439, 2439, (0, 1, 2), "میزان کل فروش محصولات خوشه (میلیارد ریال)", "Total sales of cluster products",
     "billion rials"),
]


@register("cluster_indicators", "002_t27_cluster_indicators.csv")
def cluster_indicators() -> pd.DataFrame:
    """Visual order on one-line rows: printed change %, after (end of 1401), before intervention.
    The wrapped BDSp row (label on lines 2428-2430) prints its numbers on line 2431 in logical
    order: before, after, %. Each row cites the line holding its numbers.
    Confirmed by the ratios (139702/118392 = +18 %) and the prose (lines 2459-2561)."""
    rows = []
    for n0, n1, (ic, ia, ib), fa, en, uen in T27:
        rows.append(flagged(indicator_fa=S.check_label(fa, n0, n1), indicator_en=en,
                            unit=uen, before=float(S.number(n1, ib, decimal=".")),
                            after=float(S.number(n1, ia, decimal=".")), change_pct_printed=S.number(n1, ic),
                            source_line=n1))
    return with_base(pd.DataFrame(rows), ["before", "after"])


# ---------------------------------------------------------------- Table 28 (lines 2595-2611)
@register("cluster_map_updates", "002_t28_cluster_map_updates.csv")
def cluster_map_updates() -> pd.DataFrame:
    spec = [(2599, "کهگیلویه و بویراحمد"), (2601, "قزوین"), (2603, "البرز"), (2605, "ایلام"),
            (2607, "خراسان شمالی"), (2609, "خوزستان"), (2611, "مرکزی")]
    rows = []
    for n, pfa in spec:
        S.check_label("مطالعه به روزرسانی نقشه خوشه استان " + pfa, n)
        key, fa = province(pfa)
        rows.append(flagged(row_no=S.last_number(n), province=key, label_fa=fa, source_line=n))
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- Table 29 (lines 2628-2654)
# Two side-by-side blocks per line, visual order: count(b), province(b), row(b), count(a), province(a), row(a)
T29 = [
    (2640, "آذربایجان شرقی", "خراسان شمالی"), (2642, "آذربایجان غربی", "خراسان رضوی"),
    (2644, "اردبیل", "خوزستان"), (2646, "اصفهان", "سمنان"), (2648, "البرز", "سیستان و بلوچستان"),
    (2650, "ایلام", "کرمانشاه"), (2652, "تهران", "گلستان"), (2654, "چهارمحال و بختیاری", "یزد"),
]


@register("cluster_feasibility_by_province", "002_t29_cluster_feasibility_by_province.csv")
def cluster_feasibility_by_province() -> pd.DataFrame:
    rows = []
    for n, a, b in T29:
        S.numbers(n, expect=4)
        for pfa, i_count, i_row in [(a, 2, 3), (b, 0, 1)]:
            S.check_label(pfa, n)
            key, fa = province(pfa)
            rows.append(flagged(row_no=S.number(n, i_row), province=key, label_fa=fa,
                                studies_completed=S.number(n, i_count), source_line=n))
    return pd.DataFrame(rows).sort_values("row_no").reset_index(drop=True)


# ---------------------------------------------------------------- Table 30 (lines 2671-2959)
# Per province: running projects (names, count), completed clusters (names, total count),
# completed in 1401 (names, count). Each part: (names, first line, last line, count line, token).
# Lines mixing text and numbers print in visual order (1401 count, 1401 names, completed total,
# completed names, running count, running names, province, row); lines holding only numbers and
# dashes ("12 - 0") print in logical order (completed total, -, 1401 count).
def P(pfa, row_line, running, finished, f1401, flag=None):
    return dict(pfa=pfa, row_line=row_line, running=running, finished=finished, f1401=f1401, flag=flag)


T30 = [
    P("آذربایجان شرقی", 2695,
      (["مبلمان مرند", "ورنی بافی اهر", "باتیک"], 2700, 2702, 2703, 0),
      (["چرم", "قطعات خودرو", "کفش چرمی", "لوازم خانگی", "سنگ", "مبلمان", "سبزه و کشمش", "آجیل و خشکبار",
        "حوله", "تجهیزات نفت و گاز", "نخودچی ممقان", "فرش و تابلو فرش"], 2705, 2709, 2711, 0),
      (["فرش و تابلو فرش"], 2712, 2714, 2715, 0)),
    P("آذربایجان غربی", 2717,
      (["فرش", "مبل"], 2721, 2721, 2721, 0),
      (["سنگ", "عرقیات گیاهی و نقل بیدمشک", "بسته بندی عسل", "فرآورده های باغی"], 2723, 2725, 2726, 0),
      ([], None, None, 2726, 1)),
    P("اردبیل", 2728,
      ([], None, None, 2728, 2),
      (["فرش", "پلاستیک", "فراورده لبنی"], 2728, 2728, 2728, 1),
      (["فرش"], 2728, 2728, 2728, 0)),
    P("اصفهان", 2730,
      (["پوشاک خورزوق", "فرش نایین", "مصنوعات پلاستیکی"], 2731, 2733, 2734, 0),
      (["کفش اصفهان", "گلاب و عرقیات کاشان", "نساجی دهق نجف آباد", "آجر", "طلا", "سنگ", "فرش ماشینی کاشان",
        "محصولات پلاستیکی", "ملحفه بافی درچه", "حوله بافی خمینی شهر", "برزنت بافی کردآباد",
        "لبنی گلپایگان"], 2736, 2742, 2744, 0),
      ([], None, None, 2744, 1)),
    P("البرز", 2746,
      (["آرایشی بهداشتی و مواد شوینده", "صنایع شیرینی و شکلات"], 2748, 2752, 2754, 2),
      (["پلاستیک", "پوشاک"], 2754, 2754, 2754, 1),
      ([], None, None, 2754, 0)),
    P("ایلام", 2756,
      ([], None, None, 2756, 2),
      (["فرش دستباف و گلیم نقش برجسته"], 2756, 2756, 2756, 1),
      ([], None, None, 2756, 0)),
    P("بوشهر", 2758,
      (["آبزی پروری"], 2758, 2758, 2758, 2),
      (["خرما", "شیلات"], 2758, 2758, 2758, 1),
      ([], None, None, 2758, 0)),
    P("تهران", 2760,
      (["فرش", "قطعات الکترونیک"], 2760, 2760, 2760, 0),
      (["طلا", "مبلمان", "سنگ", "صنعت ساختمان", "کفش", "تجهیزات بیمارستانی", "پوشاک چرمی", "چرم ورامین",
        "پلاستیک (لوازم خانگی)", "ریخته گری عباس آباد"], 2762, 2766, 2768, 0),
      ([], None, None, 2768, 1)),
    P("چهارمحال و بختیاری", 2770,
      (["خاتم شیخ شبان", "ماهیان سردآبی"], 2775, 2777, 2778, 2),
      (["گز بلداجی", "دست بافته ها"], 2778, 2778, 2778, 1),
      ([], None, None, 2778, 0)),
    P("خراسان جنوبی", 2780,
      (["زرشک و عناب (خشکبار)"], 2784, 2784, 2784, 2),
      (["پرورش طیور"], 2784, 2784, 2784, 1),
      ([], None, None, 2784, 0)),
    P("خراسان رضوی", 2786,
      (["پوشاک"], 2790, 2790, 2790, 0),
      (["زعفران", "مبلمان", "جواهرات", "کفش", "قطعات خودرو", "فرش دستباف"], 2792, 2794, 2795, 0),
      ([], None, None, 2795, 1)),
    P("خراسان شمالی", 2797,
      (["زنبورداری"], 2801, 2801, 2801, 2),
      (["آبنبات", "فرش دستباف", "پلاستیک"], 2801, 2801, 2801, 1),
      ([], None, None, 2801, 0)),
    P("خوزستان", 2803,
      (["فناوری اطلاعات", "محصولات پلاستیکی"], 2804, 2806, 2807, 0),
      (["آبزی پروری", "نفت، گاز و تجهیزات پتروشیمی", "خرما", "پوشاک", "ادوات کشاورزی"], 2809, 2811, 2812, 0),
      ([], None, None, 2812, 1)),
    P("زنجان", 2814,
      (["چاقو"], 2814, 2814, 2814, 2),
      (["فرش دستباف", "کفش هیدج"], 2814, 2814, 2814, 1),
      ([], None, None, 2814, 0)),
    P("سمنان", 2816,
      (["فرش", "کلوچه (شیرمال)", "مبلمان"], 2816, 2816, 2816, 2),
      (["گچ", "قطعات خودرو", "پسته دامغان"], 2816, 2816, 2816, 1),
      ([], None, None, 2816, 0)),
    P("سیستان و بلوچستان", 2818,
      (["خرمای سراوان", "میوه های گرمسیری"], 2819, 2821, 2822, 2),
      (["شیلات چابهار", "فرش"], 2822, 2822, 2822, 1),
      ([], None, None, 2822, 0)),
    P("فارس", 2824,
      (["گیاهان دارویی", "مسقطی لار"], 2824, 2824, 2824, 0),
      (["رب گوجه فرنگی و ترشیجات", "گلاب و عرقیات میمند", "سنگ شمال فارس", "فرش", "خرمای جنوب"],
       2825, 2827, 2828, 0),
      ([], None, None, 2828, 1)),
    P("قزوین", 2867,
      (["فرآوری زیتون", "کفش دانسفهان"], 2867, 2867, 2867, 2),
      (["بسته بندی", "فرآوری انگور", "شیرینی سنتی"], 2867, 2867, 2867, 1),
      ([], None, None, 2867, 0)),
    P("قم", 2869,
      (["پوشاک"], 2869, 2869, 2869, 0),
      (["فرش دستباف", "کفش و دمپایی قم", "مبلمان", "سوهان", "سنگ", "انگشتر"], 2870, 2872, 2873, 1),
      (["پوشاک"], 2873, 2873, 2873, 0),
      flag="running names: line 2869 prints پوشاک in the running column with count 2, but Table 32 lists "
           "Qom's پوشاک as completed in 1401 and Table 31 lists چاپ و نشر and تولید نرم افزار as started in 1401"),
    P("کردستان", 2875,
      (["سنگ تزینی", "فرش دستباف"], 2875, 2875, 2875, 2),
      (["مصالح ساختمانی", "فراوری طیور"], 2875, 2875, 2875, 1),
      ([], None, None, 2875, 0)),
    P("کرمان", 2877,
      (["ماشین آلات و قطعات صنعتی کرمان"], 2878, 2880, 2881, 0),
      (["فرش دستباف", "پسته", "خرما", "محصولات گلخانه ای جنوب کرمان"], 2883, 2885, 2886, 0),
      ([], None, None, 2886, 1)),
    P("کرمانشاه", 2888,
      (["سنگ تزینی ساختمان", "قطعات خودرو"], 2889, 2891, 2892, 0),
      (["لبنی", "پلی اتیلن کرمانشاه", "نان برنجی و شیرینی سنتی", "فرش دستباف"], 2894, 2896, 2897, 0),
      ([], None, None, 2897, 1)),
    P("کهگیلویه و بویراحمد", 2899,
      ([], None, None, 2907, 2),
      (["محصولات گلخانه ای", "دستبافته ها"], 2904, 2906, 2907, 0),
      ([], None, None, 2907, 1),
      flag="running=line 2907 prints only '2 - 0 - 0' with no running names, read as completed 2, "
           "completed in 1401 0, running 0 (the running column then sums to 51, not the printed 54)"),
    P("گلستان", 2909,
      (["مبلمان عطاآباد"], 2909, 2909, 2909, 0),
      (["فراورده لبنی", "فرش دستباف", "خوراک و مکمل های دام، طیور و آبزیان"], 2910, 2912, 2913, 0),
      ([], None, None, 2913, 1)),
    P("گیلان", 2915,
      (["کیوی", "فندق"], 2915, 2915, 2915, 2),
      (["شالیکوبی", "چای", "زیتون"], 2915, 2915, 2915, 1),
      ([], None, None, 2915, 0)),
    P("لرستان", 2917,
      (["آبزی پروری", "پلاستیک"], 2917, 2917, 2917, 2),
      (["سنگ", "گلیم و جاجیم", "عسل", "فرش"], 2917, 2917, 2917, 1),
      (["فرش", "عسل"], 2917, 2917, 2917, 0)),
    P("مازندران", 2919,
      (["بوم گردی", "گل و گیاه زینتی"], 2919, 2919, 2919, 0),
      (["قزل آلای آمل", "گل و گیاه چالوس نوشهر", "ادوات کشاورزی جویبار", "مصنوعات چوبی بابل", "فرش"],
       2920, 2922, 2923, 0),
      ([], None, None, 2923, 1)),
    P("مرکزی", 2925,
      (["مبل روستای سمقاور"], 2925, 2925, 2925, 0),
      (["سنگ", "عایق", "صنایع ریلی", "تجهیزات نفت و گاز", "گل و گیاه زینتی محلات"], 2926, 2928, 2929, 0),
      (["گل و گیاه محلات"], 2931, 2933, 2934, 0)),
    P("هرمزگان", 2936,
      (["حصیربافی"], 2936, 2936, 2936, 2),
      (["خرما", "شیلات"], 2936, 2936, 2936, 1),
      ([], None, None, 2936, 0)),
    P("همدان", 2938,
      (["فرش", "چرم", "پوشاک مازندریان"], 2938, 2938, 2938, 0),
      (["پوشاک کردآباد", "قطعات پلاستیکی رزن", "مبل و منبت ملایر", "مبل تویسرکان", "سفال و سرامیک لالجین",
        "کشمش ملایر"], 2940, 2944, 2946, 0),
      ([], None, None, 2946, 1)),
    P("یزد", 2948,
      (["گردشگری", "مصنوعات پلاستیکی"], 2949, 2951, 2952, 0),
      (["طلا", "سنگ", "نساجی", "کاشی سرامیکی", "محصولات کنجدی", "زیلو میبد"], 2954, 2956, 2957, 1),
      (["زیلوی میبد"], 2957, 2957, 2957, 0)),
]

PARTS = (("running", "running"), ("finished", "completed_total"), ("f1401", "completed_1401"))


def _span(*lines):
    ls = [x for x in lines if x is not None]
    return min(ls), max(ls)


@register("cluster_projects_by_province", "002_t30_cluster_projects_by_province.csv")
def cluster_projects_by_province() -> pd.DataFrame:
    rows = []
    for p in T30:
        key, fa = province(p["pfa"])
        S.check_label(p["pfa"], p["row_line"], p["row_line"] + 6)
        r = flagged(row_kind="province", row_no=S.last_number(p["row_line"]), province=key, label_fa=fa)
        lines = [p["row_line"]]
        for part, col in PARTS:
            _names, _a, _b, cl, ci = p[part]
            r[col] = S.number(cl, ci)
            lines.append(cl)
        first, last = _span(*lines)
        r.update(source_line=first, source_line_end=last if last != first else None)
        if p["flag"] and p["flag"].startswith("running="):
            r.update(flag=p["flag"], raw_text="2 - 0 - 0")
        rows.append(r)
    rows.append(flagged(row_kind="total", row_no=None, province=None, label_fa="مجموع",
                        running=S.number(2959, 3), completed_total=S.number(2959, 2), completed_1401=S.number(2959, 0),
                        source_line=2959, source_line_end=None))
    return nullable_int(pd.DataFrame(rows), "row_no", "source_line_end")


# ---------------------------------------------------------------- Table 31 (lines 2960-3009)
T31 = [
    (2967, "اصفهان", ["فرش دستباف نایین", "گز اصفهان"]),
    (2969, "البرز", ["صنایع شیرینی و شکلات"]),
    (2971, "آذربایجان شرقی", ["ورنی بافی اهر", "باتیک"]),
    (2973, "آذربایجان غربی", ["فرش"]),
    (2975, "خراسان رضوی", ["پوشاک"]),
    (2977, "خراسان شمالی", ["زنبورداری"]),
    (2979, "خوزستان", ["محصولات پلاستیکی", "خدمات فناوری اطلاعات"]),
    (2981, "سمنان", ["کلوچه (شیرمال)"]),
    (2983, "سیستان و بلوچستان", ["میوه های گرمسیری"]),
    (2985, "فارس", ["مسقطی لار"]),
    (2987, "قزوین", ["مواد شوینده"]),
    (2989, "قم", ["چاپ و نشر", "تولید نرم افزار"]),
    (2991, "کرمان", ["ماشین آلات و قطعات صنعتی کرمان"]),
    (2993, "کردستان", ["سنگهای تزینی"]),
    (2995, "لرستان", ["پلاستیک"]),
    (2997, "گیلان", ["کیوی", "فندق"]),
    (2999, "مازندران", ["بوم گردی", "گل و گیاه زینتی آمل"]),
    (3001, "مرکزی", ["مبل روستایی سمقاور"]),
    (3003, "هرمزگان", ["حصیربافی"]),
    (3005, "همدان", ["پوشاک مازندریان"]),
    (3007, "یزد", ["مصنوعات پلاستیکی"]),
]

# ---------------------------------------------------------------- Table 32 (lines 3014-3030)
T32 = [
    (3018, "آذربایجان شرقی", ["فرش و تابلو فرش"]),
    (3020, "اردبیل", ["فرش"]),
    (3022, "قم", ["پوشاک"]),
    (3024, "لرستان", ["فرش", "عسل"]),
    (3026, "مرکزی", ["گل و گیاه محلات"]),
    (3028, "یزد", ["زیلو میبد"]),
]


@register("cluster_projects_started", "002_t31_cluster_projects_started.csv")
def cluster_projects_started() -> pd.DataFrame:
    """Visual order: names, count, province, row (count 2 on line 2967 beside two names)."""
    rows = []
    for n, pfa, names in T31:
        S.check_label(pfa, n)
        key, fa = province(pfa)
        rows.append(flagged(row_kind="province", row_no=S.number(n, 1), province=key, label_fa=fa,
                            started_1401=S.number(n, 0),
                            cluster_names_fa=" - ".join(S.check_label(x, n) for x in names), source_line=n))
    rows.append(flagged(row_kind="total", row_no=None, province=None, label_fa="مجموع",
                        started_1401=S.number(3009, 0), cluster_names_fa=None, source_line=3009))
    return nullable_int(pd.DataFrame(rows), "row_no")


@register("cluster_projects_completed_1401", "002_t32_cluster_projects_completed_1401.csv")
def cluster_projects_completed_1401() -> pd.DataFrame:
    """Names per province, no per-province count printed; the total row (line 3030) prints 7."""
    rows = []
    for n, pfa, names in T32:
        S.check_label(pfa, n)
        key, fa = province(pfa)
        rows.append(flagged(row_kind="province", row_no=S.number(n, 0), province=key, label_fa=fa,
                            cluster_names_fa=" - ".join(S.check_label(x, n) for x in names),
                            completed_1401=None, source_line=n))
    rows.append(flagged(row_kind="total", row_no=None, province=None, label_fa="مجموع", cluster_names_fa=None,
                        completed_1401=S.number(3030, 0), source_line=3030))
    return nullable_int(pd.DataFrame(rows), "row_no", "completed_1401")


# ---------------------------------------------------------------- Tables 30-32 long: one row per cluster
EN = {
    "مبلمان مرند": "Marand furniture", "ورنی بافی اهر": "Ahar verni weaving", "باتیک": "batik",
    "چرم": "leather", "قطعات خودرو": "auto parts", "کفش چرمی": "leather shoes", "لوازم خانگی": "household appliances",
    "سنگ": "stone", "مبلمان": "furniture", "سبزه و کشمش": "sultanas and raisins", "آجیل و خشکبار": "nuts and dried fruit",
    "حوله": "towels", "تجهیزات نفت و گاز": "oil and gas equipment", "نخودچی ممقان": "Mamaqan roasted chickpeas",
    "فرش و تابلو فرش": "carpets and pictorial carpets", "فرش": "carpets", "مبل": "furniture",
    "عرقیات گیاهی و نقل بیدمشک": "herbal distillates and willow-flower sugared almonds",
    "بسته بندی عسل": "honey packaging", "فرآورده های باغی": "horticultural products", "پلاستیک": "plastics",
    "فراورده لبنی": "dairy products", "پوشاک خورزوق": "Khorzuq clothing", "فرش نایین": "Nain carpets",
    "مصنوعات پلاستیکی": "plastic goods", "کفش اصفهان": "Isfahan shoes", "گلاب و عرقیات کاشان": "Kashan rosewater and distillates",
    "نساجی دهق نجف آباد": "Dehaq-Najafabad textiles", "آجر": "bricks", "طلا": "gold",
    "فرش ماشینی کاشان": "Kashan machine-made carpets", "محصولات پلاستیکی": "plastic products",
    "ملحفه بافی درچه": "Dorcheh bed-linen weaving", "حوله بافی خمینی شهر": "Khomeini Shahr towel weaving",
    "برزنت بافی کردآباد": "Kordabad tarpaulin weaving", "لبنی گلپایگان": "Golpayegan dairy",
    "آرایشی بهداشتی و مواد شوینده": "cosmetics, toiletries and detergents",
    "صنایع شیرینی و شکلات": "confectionery and chocolate", "پوشاک": "clothing",
    "فرش دستباف و گلیم نقش برجسته": "hand-woven carpets and relief kilims", "آبزی پروری": "aquaculture",
    "خرما": "dates", "شیلات": "fisheries", "قطعات الکترونیک": "electronic parts", "صنعت ساختمان": "building industry",
    "کفش": "shoes", "تجهیزات بیمارستانی": "hospital equipment", "پوشاک چرمی": "leather clothing",
    "چرم ورامین": "Varamin leather", "پلاستیک (لوازم خانگی)": "plastics (household goods)",
    "ریخته گری عباس آباد": "Abbasabad foundry", "خاتم شیخ شبان": "Sheikh Shaban khatam marquetry",
    "ماهیان سردآبی": "cold-water fish", "گز بلداجی": "Boldaji gaz (nougat)", "دست بافته ها": "hand-woven textiles",
    "زرشک و عناب (خشکبار)": "barberry and jujube (dried fruit)", "پرورش طیور": "poultry farming",
    "زعفران": "saffron", "جواهرات": "jewellery", "فرش دستباف": "hand-woven carpets", "زنبورداری": "beekeeping",
    "آبنبات": "hard candy", "فناوری اطلاعات": "information technology",
    "نفت، گاز و تجهیزات پتروشیمی": "oil, gas and petrochemical equipment", "ادوات کشاورزی": "agricultural implements",
    "چاقو": "knives", "کفش هیدج": "Hidaj shoes", "کلوچه (شیرمال)": "kolucheh (shirmal pastry)", "گچ": "gypsum",
    "پسته دامغان": "Damghan pistachios", "خرمای سراوان": "Saravan dates", "میوه های گرمسیری": "tropical fruit",
    "شیلات چابهار": "Chabahar fisheries", "گیاهان دارویی": "medicinal plants", "مسقطی لار": "Lar masghati sweets",
    "رب گوجه فرنگی و ترشیجات": "tomato paste and pickles", "گلاب و عرقیات میمند": "Meymand rosewater and distillates",
    "سنگ شمال فارس": "northern Fars stone", "خرمای جنوب": "southern dates", "فرآوری زیتون": "olive processing",
    "کفش دانسفهان": "Danesfahan shoes", "بسته بندی": "packaging", "فرآوری انگور": "grape processing",
    "شیرینی سنتی": "traditional sweets", "کفش و دمپایی قم": "Qom shoes and slippers", "سوهان": "sohan (brittle)",
    "انگشتر": "rings", "سنگ تزینی": "decorative stone", "مصالح ساختمانی": "building materials",
    "فراوری طیور": "poultry processing", "ماشین آلات و قطعات صنعتی کرمان": "Kerman industrial machinery and parts",
    "پسته": "pistachios", "محصولات گلخانه ای جنوب کرمان": "southern Kerman greenhouse products",
    "سنگ تزینی ساختمان": "decorative building stone", "لبنی": "dairy", "پلی اتیلن کرمانشاه": "Kermanshah polyethylene",
    "نان برنجی و شیرینی سنتی": "nan-e berenji and traditional sweets", "محصولات گلخانه ای": "greenhouse products",
    "دستبافته ها": "hand-woven textiles", "مبلمان عطاآباد": "Ataabad furniture",
    "خوراک و مکمل های دام، طیور و آبزیان": "livestock, poultry and aquaculture feed and supplements",
    "کیوی": "kiwifruit", "فندق": "hazelnuts", "شالیکوبی": "rice milling", "چای": "tea", "زیتون": "olives",
    "گلیم و جاجیم": "kilims and jajims", "عسل": "honey", "بوم گردی": "eco-tourism",
    "گل و گیاه زینتی": "ornamental plants and flowers", "قزل آلای آمل": "Amol rainbow trout",
    "گل و گیاه چالوس نوشهر": "Chalus-Nowshahr flowers and plants", "ادوات کشاورزی جویبار": "Juybar agricultural implements",
    "مصنوعات چوبی بابل": "Babol wooden goods", "مبل روستای سمقاور": "Samqavar village furniture",
    "مبل روستایی سمقاور": "Samqavar rural furniture", "عایق": "insulation", "صنایع ریلی": "rail industry",
    "گل و گیاه زینتی محلات": "Mahallat ornamental plants and flowers", "گل و گیاه محلات": "Mahallat flowers and plants",
    "حصیربافی": "wicker weaving", "پوشاک مازندریان": "Mazandarian clothing", "پوشاک کردآباد": "Kordabad clothing",
    "قطعات پلاستیکی رزن": "Razan plastic parts", "مبل و منبت ملایر": "Malayer furniture and wood carving",
    "مبل تویسرکان": "Tuyserkan furniture", "سفال و سرامیک لالجین": "Lalejin pottery and ceramics",
    "کشمش ملایر": "Malayer raisins", "گردشگری": "tourism", "نساجی": "textiles", "کاشی سرامیکی": "ceramic tiles",
    "محصولات کنجدی": "sesame products", "زیلو میبد": "Meybod zilu rugs", "زیلوی میبد": "Meybod zilu rugs",
    "گز اصفهان": "Isfahan gaz (nougat)", "فرش دستباف نایین": "Nain hand-woven carpets",
    "خدمات فناوری اطلاعات": "information technology services", "مواد شوینده": "detergents",
    "چاپ و نشر": "printing and publishing", "تولید نرم افزار": "software production",
    "سنگهای تزینی": "decorative stones", "گل و گیاه زینتی آمل": "Amol ornamental plants and flowers",
}

STATUS_T30 = {"running": "running_1401", "finished": "completed_total", "f1401": "completed_1401"}


@register("cluster_project_names", "002_t30_32_cluster_project_names.csv")
def cluster_project_names() -> pd.DataFrame:
    rows = []

    def add(table, status, pfa, name, first, last, flag=None):
        key, fa = province(pfa)
        fa_name = S.check_label(name, first, last)
        rows.append(flagged(table=table, status=status, province=key, label_fa=fa, cluster_fa=fa_name,
                            cluster_en=EN[name], source_line=first, source_line_end=last if last != first else None,
                            flag=flag, raw_text=None if flag is None else " | ".join(
                                S.line(k).strip() for k in range(first, last + 1))))

    for p in T30:
        for part, _col in PARTS:
            names, a, b, _cl, _ci = p[part]
            for name in names:
                flag = None
                if part == "running" and p["flag"] and p["flag"].startswith("running names"):
                    flag = "status=" + p["flag"]
                add("30", STATUS_T30[part], p["pfa"], name, a, b, flag)
    for n, pfa, names in T31:
        for name in names:
            add("31", "started_1401", pfa, name, n, n)
    for n, pfa, names in T32:
        for name in names:
            add("32", "completed_1401", pfa, name, n, n)
    return nullable_int(pd.DataFrame(rows), "source_line_end")


# ---------------------------------------------------------------- Table 33 (lines 3061-3073)
T33 = [
    # line, (province a, field a fa, field a en), (province b, field b fa, field b en)
    (3065, ("آذربایجان شرقی", "تجهیزات و ماشین آلات صنعتی", "industrial equipment and machinery"),
     ("فارس", "قطعات و ماشین آلات کشاورزی", "agricultural parts and machinery")),
    (3067, ("البرز", "تجهیزات پتروشیمی و پالایشگاهی", "petrochemical and refinery equipment"),
     ("خوزستان", "تجهیزات نفت و گاز", "oil and gas equipment")),
    (3069, ("اصفهان", "تجهیزات فلزی و فولاد", "metal and steel equipment"),
     ("کرمان", "تجهیزات صنایع معدنی", "mining-industry equipment")),
    (3071, ("تهران", "صنایع دریایی", "marine industries"),
     ("خراسان رضوی", "قطعات خودرو", "auto parts")),
    (3073, ("یزد", "تجهیزات برق و نیروگاهی", "electrical and power-plant equipment"),
     ("مرکزی", "تجهیزات صنایع ریلی", "rail-industry equipment")),
]


@register("subcontracting_secretariats", "002_t33_subcontracting_secretariats.csv")
def subcontracting_secretariats() -> pd.DataFrame:
    """Two blocks per line, visual order: field(b), province(b), row(b), field(a), province(a), row(a)."""
    rows = []
    for n, a, b in T33:
        for (pfa, ffa, fen), i in [(a, 1), (b, 0)]:
            S.check_label(pfa, n)
            key, fa = province(pfa)
            rows.append(flagged(row_no=S.number(n, i), province=key, label_fa=fa, field_fa=S.check_label(ffa, n),
                                field_en=fen, source_line=n))
    return pd.DataFrame(rows).sort_values("row_no").reset_index(drop=True)


# ---------------------------------------------------------------- Table 34 (lines 3075-3088)
T34 = [
    (3082, (3079, 3081), "تعداد واحدهای ثبت و به روزشده در سامانه (SPX)",
     "Units registered or updated in the subcontracting exchange system (SPX)", "تعداد", "count"),
    (3084, (3084, 3084), "تعداد فعالیتهای بازاریابی انجام شده", "Marketing activities carried out", "تعداد", "count"),
    (3086, (3086, 3086), "تعداد فعالیت های توانمند سازی شده", "Capacity-building activities", "تعداد", "count"),
    (3088, (3088, 3088), "حجم قرارداد های منعقده برای اعضا", "Value of contracts concluded for members",
     "میلیون ریال", "million rials"),
]


@register("subcontracting_plan_actual", "002_t34_subcontracting_plan_actual.csv")
def subcontracting_plan_actual() -> pd.DataFrame:
    """Visual order: achievement %, plan 1401, actual 1401, unit, item (1799/1827 = 98 %).
    Each row cites the line holding its numbers (the SPX row's label is on lines 3079-3081,
    its numbers on line 3082)."""
    rows = []
    for n, (t0, t1), fa, en, ufa, uen in T34:
        rows.append(flagged(item_fa=S.check_label(fa, t0, t1),
                            item_en=en, unit_fa=S.check_label(ufa, n), unit_en=uen,
                            plan=S.number(n, 1), actual=S.number(n, 2), pct_printed=S.number(n, 0),
                            source_line=n))
    return with_base(pd.DataFrame(rows), ["plan", "actual"], unit="unit_en")
