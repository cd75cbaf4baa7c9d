"""002 training and SME promotion: chapter 3, sections 3-8 to 3-16 (Tables 49-63: training,
skills courses, industrial tours, theses, start-ups, insurance, documentation, GIZ course,
export consortia, SME exports, export management companies, exhibitions), the figures the
prose of chapter 3 (lines 3169-4654) states, for cross-checks, and the training courses of
the organisation's own staff (chapter 4, section 4-2, Table 61)."""
from __future__ import annotations

import pandas as pd

from analysis.core.digits import normalise_fa
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, integer, nullable_int, pct

S = Seed("002")

# (line, table, row, indicator, Persian indicator, unit, order, fragment on the line)
# order "visual": pct, actual, plan, cumulative [, row number]; "visual2": actual, plan, row
# number (Table 52 prints neither cumulative nor %); "logical": cumulative, plan, actual, pct.
PLAN_ACTUAL = [
    (4017, "49", 1, "training courses held", "تعداد دوره های آموزشی برگزار شده", "course", "visual", "دوره"),
    (4019, "49", 2, "people trained", "تعداد نفرات آموزش دیده", "person", "visual", "آموزش"),
    (4174, "52", 1, "skills courses held", "تعداد دوره برگزار شده", "course", "visual2", "دوره"),
    (4176, "52", 2, "people in skills training", "تعداد نفرات تحت آموزش", "person", "visual2", "آموزش"),
    (4226, "53", 1, "domestic industrial tours held", "برگزاری تورهای صنعتی داخلی", "tour", "visual", "تور"),
    (4228, "53", 2, "industrial tour participants", "تعداد نفرات شرکت کننده در تورهای صنعتی", "person", "visual", "تورهاي"),
    (4301, "54", 1, "master's and doctoral theses supported", "حمایت از پایان نامه های کارشناسی ارشد و دکترا", "thesis", "visual", "پايان"),
    (4412, "56", 1, "top start-up event ideas supported", "حمایت از ایده های برتر رویدادهای استارت آپی", "idea", "visual", "ايده"),
    (4414, "56", 2, "start-up events held", "برگزاری رویدادهای استارت آپی", "event", "visual", "رويداد"),
    (4430, "57", 1, "insurance policies issued for small industries", "تعداد بیمه نامه های صادره برای صنایع کوچک", "policy", "visual", "يمه نامه"),
    (4446, "58", 1, "entrepreneurship experiences documented", "تعداد مستندسازی تجارب کارآفرینی (نشر، چاپ، فیلم و ...)", "volume", "visual", "مستندسازي"),
    (4485, "59", 1, "participants in the GIZ training course", "شرکت در دوره آموزشی GIZ", "person", "visual", "GIZ"),
    (4572, "60", 1, "exports through export consortia", "میزان صادرات از طریق کنسرسیوم های صادراتی", "million USD", "visual", "كنس"),
    (4609, "61", 1, "exports of SMEs in industrial estates and zones", "صادرات بنگاه های کوچک و متوسط مستقر در شهرک ها و نواحی صنعتی کشور", "million USD", "visual", "دلا"),
    (4633, "62", 1, "exports by export management companies", "عملکرد شرکت های مدیریت صادرات", "million USD", "visual", "صادرات"),
    (4638, "62", 2, "contracts of export management companies with SMEs", "تعداد قرارداد منعقده شرکت های مدیریت صادرات با SME ها", "contract", "visual", "ادتعد"),
    (4662, "63", 1, "industrial units supported to attend domestic and foreign exhibitions", "حمایت از واحدهای صنعتی برای حضور در نمایشگاه های داخلی و خارجی", "industrial unit", "logical", None),
]
# Line 4662 prints the % as "4/218": 4806 / 2200 = 218.45 %, so the digits around the
# decimal separator are swapped (218/4 -> 4/218). Kept as 218.4 with a flag.
SWAPPED_PCT = {4662: (218.4, "pct_printed=printed 4/218: integer and decimal parts swapped, read as 218/4 (4806/2200 = 218.45%)")}


@register("training_export_plan_actual", "002_t49_t63_training_export_plan_actual.csv")
def training_export_plan_actual() -> pd.DataFrame:
    rows = []
    for n, tab, no, ind, ind_fa, unit, order, frag in PLAN_ACTUAL:
        if frag:
            S.need(n, frag)
        toks = S.numbers(n)
        flag = raw = None
        if order == "visual":
            p, act, plan, cum = toks[:4]
            cum, p = integer(cum), pct(p)
        elif order == "visual2":
            act, plan = toks[:2]
            cum = p = None
        else:
            cum, plan, act, p = toks
            cum = integer(cum)
            raw = p
            p, flag = SWAPPED_PCT[n]
        rows.append(dict(table_no=tab, row_no=no, indicator=ind, indicator_fa=ind_fa, unit=unit,
                         cumulative_to_1401=cum, plan_1401=integer(plan), actual_1401=integer(act), pct_printed=p,
                         source_line=n, flag=flag, raw_text=raw))
    return nullable_int(pd.DataFrame(rows), "cumulative_to_1401")


@register("training_course_types", "002_t50_training_course_types.csv")
def training_course_types() -> pd.DataFrame:
    """Table 50: courses held in 1401 by type. Line 4099 (row 1) and 4104 (row 3) and 4106
    (total) are in visual order (%, courses); line 4102 (row 2) in logical order (courses, %)."""
    spec = [  # (row kind, row no, type, Persian, first line, numbers line, order)
        ("item", 1, "managerial", "مدیریتی (مدیران، مشاورین، بازاریابی و کارشناسی)", 4096, 4099, "pct_first"),
        ("item", 2, "skills", "مهارتی", 4101, 4102, "count_first"),
        ("item", 3, "entrepreneurship", "کارآفرینی", 4104, 4104, "pct_first"),
        ("total", None, "total", "جمع کل", 4106, 4106, "pct_first"),
    ]
    rows = []
    for kind, no, typ, fa, first, n, order in spec:
        a, b = S.numbers(n)[:2]
        p, c = (a, b) if order == "pct_first" else (b, a)
        rows.append(dict(row_kind=kind, row_no=no, course_type=typ, course_type_fa=fa, courses=integer(c),
                         pct_printed=pct(p), source_line=first, source_line_end=n if n != first else None))
    return nullable_int(pd.DataFrame(rows), "row_no", "source_line_end")


@register("training_course_subjects", "002_t51_training_course_subjects.csv")
def training_course_subjects() -> pd.DataFrame:
    """Table 51 (subject categories of the 1401 courses): only the numbers survived the
    extraction, on lines 4156 (courses, 'تعداد دوره') and 4158 (percent, 'درصد'), both with 15
    values in the same order; the category labels are lost."""
    S.need(4156, "تعداد")
    S.need(4158, "درصد")
    counts, pcts = S.numbers(4156, 15), S.numbers(4158, 15)
    return pd.DataFrame([dict(position=i + 1, courses=integer(c), pct_printed=pct(p), source_line=4156,
                              source_line_end=4158) for i, (c, p) in enumerate(zip(counts, pcts))])


@register("theses_by_degree", "002_t55_theses_by_degree.csv")
def theses_by_degree() -> pd.DataFrame:
    """Table 55: the data line 4306 is in logical order (PhD, master's, total) while its header
    line 4304 is visual (total, master's, PhD)."""
    S.need(4304, "دکتری")
    phd, ma, tot = S.numbers(4306, 3)
    return pd.DataFrame([
        dict(row_kind="item", degree="doctoral", degree_fa="دکتری", theses=integer(phd), source_line=4306),
        dict(row_kind="item", degree="master's", degree_fa="کارشناسی ارشد", theses=integer(ma), source_line=4306),
        dict(row_kind="total", degree="total", degree_fa="جمع", theses=integer(tot), source_line=4306),
    ])


# (line, topic, item, unit, index of the number token on the line)
PROSE = [
    (3169, "tech centres", "consultants settled in technology and business service centres", "consultant", "695"),
    (3169, "tech centres", "staff of those consultants", "person", "1710"),
    (3171, "tech centres", "consulting contracts with industrial units", "contract", "1756"),
    (3171, "tech centres", "value of those contracts", "billion rials", "1799"),
    (3259, "tech towns", "engineering consultants settled in technology towns", "consultant", "239"),
    (3260, "tech towns", "technology units established in technology towns", "unit", "164"),
    (3363, "tech markets", "regional tech markets launched to end 1401", "market", "19"),
    (3487, "renovation", "funds deposited with agent banks 1390-1401", "million rials", "743286"),
    (3489, "renovation", "industrial units financed 1390-1401", "unit", "1188"),
    (3489, "renovation", "jobs created or stabilised 1390-1401", "person", "25668"),
    (3590, "renovation", "units renovated (machinery, production lines)", "unit", "974"),
    (3594, "renovation", "units given working capital", "unit", "214"),
    (3745, "technical_credit_public", "projects and units financed to end 1401", "unit", "519"),
    (3749, "technical_credit_public", "jobs created or stabilised to end 1401", "person", "9007"),
    (3751, "technical_credit_public", "half-finished projects completed", "project", "384"),
    (3753, "technical_credit_public", "active units given working capital", "unit", "135"),
    (3763, "technical_credit_internal", "internal resources approved 1401", "million rials", "2000000"),
    (3765, "technical_credit_internal", "internal resources deposited 1401", "million rials", "1447000"),
    (3904, "dairy", "industrial units financed 1392-1401", "unit", "32"),
    (3908, "dairy", "jobs created or stabilised 1392-1401", "person", "615"),
    (4062, "training", "average reaction score of participants", "%", "92"),
    (4064, "training", "average learning score of participants", "%", "85"),
    (4163, "skills", "skills promotion centres operational", "centre", "36"),
    (4165, "skills", "skills promotion centres under construction", "centre", "24"),
    (4273, "theses", "thesis contracts 1401", "thesis", "122"),
    (4356, "start-ups", "start-up events held 1401", "event", "77"),
    (4358, "start-ups", "top start-up ideas supported 1401", "idea", "236"),
    (4365, "insurance", "special insurance policies 1401", "policy", "1201"),
    (4381, "documentation", "volumes/reports/clips of entrepreneurship experience", "volume", "107"),
    (4469, "GIZ", "applicants registered 1401", "person", "70"),
    (4471, "GIZ", "final participants 1401", "person", "53"),
    (4473, "GIZ", "participants since the start", "person", "279"),
    (4534, "GIZ", "jobs created by the groups sent to Germany", "job", "105"),
    (4536, "GIZ", "contracts concluded (more than)", "million EUR", "200"),
    (4562, "export consortia", "export target 1401", "million USD", "67"),
    (4562, "export consortia", "exports achieved 1401", "million USD", "52"),
    (4564, "export consortia", "exports to end 1401", "million USD", "602"),
    (4575, "SME exports", "exporting small and medium units 1401", "unit", "858"),
    (4577, "SME exports", "exports 1401 (about)", "million USD", "3000"),
    (4581, "SME exports", "exports to end 1401 (about)", "million USD", "19000"),
    (4615, "export management companies", "companies identified", "company", "27"),
    (4615, "export management companies", "companies ranked", "company", "21"),
    (4621, "export management companies", "exports 1401", "million USD", "25"),
    (4623, "export management companies", "exports to end 1401", "million USD", "90"),
    (4644, "exhibitions", "units attending exhibitions 1401", "unit", "4806"),
    (4644, "exhibitions", "units attending domestic exhibitions", "unit", "4043"),
    (4646, "exhibitions", "units attending foreign exhibitions", "unit", "763"),
    (4650, "exhibitions", "domestic exhibitions", "exhibition", "521"),
    (4650, "exhibitions", "contracts at domestic exhibitions", "contract", "381"),
    (4650, "exhibitions", "cooperation agreements at domestic exhibitions", "agreement", "706"),
    (4654, "exhibitions", "foreign exhibitions", "exhibition", "166"),
    (4654, "exhibitions", "contracts at foreign exhibitions", "contract", "97"),
    (4654, "exhibitions", "cooperation agreements at foreign exhibitions", "agreement", "47"),
]


@register("sme_support_prose_figures", "002_prose_sme_support_figures.csv")
def sme_support_prose_figures() -> pd.DataFrame:
    """Figures stated in the prose of 002 lines 3169-4654 (the value given in PROSE is only a
    selector: it must be one of the number tokens of its line, and is read from there)."""
    rows = []
    for n, topic, item, unit, tok in PROSE:
        toks = S.numbers(n)
        if tok not in toks:
            raise ValueError(f"002 line {n}: {tok!r} not among {toks}: {S.line(n)!r}")
        rows.append(dict(topic=topic, item=item, value=integer(toks[toks.index(tok)]), unit=unit, source_line=n))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Table 61 (chapter 4, section 4-2): training courses for the organisation's staff
@register("staff_training_courses", "002_t61_staff_training_courses.csv")
def staff_training_courses() -> pd.DataFrame:
    """Visual order: person-hours, course hours, managers, participants, target group,
    course title, deputy, row (person-hours = participants x hours on every line)."""
    rows = []
    for first, last in ((5743, 5749), (5792, 5828)):
        for r in S.rows(first, last):
            if len(r.numbers_before) != 4 or not r.numbers_after:
                continue
            ph, hours, managers, participants = (int(x) for x in r.numbers_before)
            rows.append(dict(course_no=int(r.numbers_after[-1]), label_fa=normalise_fa(r.label),
                             participants=participants, managers=managers, course_hours=hours,
                             person_hours=ph, source_line=r.line_no))
    return pd.DataFrame(rows)
