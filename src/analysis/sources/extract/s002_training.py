"""002 training and SME promotion: chapter 3, sections 3-8 to 3-16 (Tables 49-63: training,
skills courses, industrial tours, theses, start-ups, insurance, documentation, GIZ course,
export consortia, SME exports, export management companies, exhibitions), the figures the
prose of chapter 3 (lines 3169-4654) states, for cross-checks, and the training courses of
the organisation's own staff (chapter 4, section 4-2, Table 61)."""
from __future__ import annotations

import pandas as pd

from analysis.core.digits import normalise_fa
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, cell, integer, nullable_int, pct, with_base

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
    return with_base(nullable_int(pd.DataFrame(rows), "cumulative_to_1401"),
                     ["cumulative_to_1401", "plan_1401", "actual_1401"])


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


# (line, topic, item, unit, the number token as printed[, decimal separator]): the token
# selects the figure and is read from its line ("." as the decimal point where given).
PROSE = [
    (3169, "tech centres", "consultants settled in technology and business service centres", "consultant", "695"),
    (3169, "tech centres", "staff of those consultants", "person", "1710"),
    (3171, "tech centres", "consulting contracts with industrial units", "contract", "1756"),
    (3171, "tech centres", "value of those contracts", "billion rials", "1799"),
    (3173, "tech centres", "provinces holding workshops on building consultants' capacity and technology development", "province", "5"),
    (3179, "tech centres", "consultants and business-service providers who became members (scrambled line)", "consultant", "1774"),
    (3179, "tech centres", "firms registered to provide services to industrial units (scrambled lines 3179-3181)", "firm", "379"),
    (3181, "tech centres", "main groups of those service firms", "group", "10"),
    (3182, "tech centres", "clinic services provided (diagnosis and improvement projects)", "service", "1281"),
    (3255, "tech towns", "specialised technology towns", "town", "6"),
    (3259, "tech towns", "engineering consultants settled in technology towns", "consultant", "239"),
    (3260, "tech towns", "technology units established in technology towns", "unit", "164"),
    (3266, "tech towns", "new technology towns to be created (cabinet resolution of 1401)", "town", "40"),
    (3266, "tech towns", "years over which they are to be created", "year", "5"),
    (3266, "tech towns", "workshop units in the new technology towns", "unit", "1000"),
    (3328, "tech towns", "technology towns reporting effectiveness projects (Table 38)", "town", "7"),
    (3356, "tech markets", "share of the country's industrial units that are small industries", "%", "92"),
    (3363, "tech markets", "regional tech markets launched to end 1401", "market", "19"),
    (3371, "tech markets", "technology needs identified and documented in the system", "need", "2013"),
    (3371, "tech markets", "technology needs met with support", "need", "549"),
    (3373, "tech markets", "technology needs identified 1401", "need", "383"),
    (3373, "tech markets", "technology needs met 1401", "need", "104"),
    (3413, "knowledge-based", "units with knowledge-based potential identified to date (more than)", "unit", "1700"),
    (3415, "knowledge-based", "knowledge-based units in operation in parks, zones and technology towns", "unit", "717"),
    (3420, "knowledge-based", "units with knowledge-based potential identified 1401", "unit", "391"),
    (3422, "knowledge-based", "units helped to knowledge-based certification 1401", "unit", "168"),
    (3424, "knowledge-based", "knowledge-based companies given land-use rights 1401", "company", "189"),
    (3424, "knowledge-based", "land given to them in use", "hectare", "98.4", "."),
    (3430, "innovation centres", "innovation centres to be launched and supported", "centre", "10"),
    (3487, "renovation", "funds deposited with agent banks 1390-1401", "million rials", "743286"),
    (3489, "renovation", "industrial units financed 1390-1401", "unit", "1188"),
    (3489, "renovation", "jobs created or stabilised 1390-1401", "person", "25668"),
    (3590, "renovation", "units renovated (machinery, production lines)", "unit", "974"),
    (3594, "renovation", "units given working capital", "unit", "214"),
    (3629, "technical_credit_public", "physical-progress threshold of half-finished projects financed (more than)", "%", "60"),
    (3745, "technical_credit_public", "projects and units financed to end 1401", "unit", "519"),
    (3749, "technical_credit_public", "jobs created or stabilised to end 1401", "person", "9007"),
    (3751, "technical_credit_public", "half-finished projects completed", "project", "384"),
    (3753, "technical_credit_public", "active units given working capital", "unit", "135"),
    (3763, "technical_credit_internal", "internal resources approved 1401", "million rials", "2000000"),
    (3765, "technical_credit_internal", "internal resources deposited 1401", "million rials", "1447000"),
    (3904, "dairy", "industrial units financed 1392-1401", "unit", "32"),
    (3908, "dairy", "jobs created or stabilised 1392-1401", "person", "615"),
    (3925, "restart", "capacity threshold: units below 50 % of capacity brought above it", "%", "50"),
    (3970, "restart", "stagnant (inactive) units restarted, 1401 (the line also reads 'to date')", "unit", "1757"),
    (3970, "restart", "jobs in those restarted units", "person", "35148"),
    (3978, "restart", "units whose production capacity rose from below to above 50 %, 1401", "unit", "2741"),
    (3982, "restart", "restarted by: full transfer by the owner to a new investor", "%", "20"),
    (3985, "restart", "restarted by: supply of raw materials", "%", "14"),
    (3988, "restart", "restarted by: solving a market problem", "%", "13"),
    (3990, "restart", "restarted by: partnership with a new investor", "%", "11"),
    (3992, "restart", "restarted by: a new product", "%", "9"),
    (3994, "restart", "restarted by: obtaining loans", "%", "8"),
    (3996, "restart", "restarted by: solving infrastructure problems", "%", "5"),
    (3998, "restart", "restarted by: transfer by the bank to a new investor", "%", "2"),
    (4000, "restart", "restarted by: settling a dispute between partners", "%", "2"),
    (4002, "restart", "restarted by: upgrading technology and the production line", "%", "1"),
    (4004, "restart", "restarted by: solving legal problems", "%", "1"),
    (4008, "restart", "restarted by: other agencies' help (facilitation headquarters, judiciary, ...)", "%", "13.6", "."),
    (4062, "training", "average reaction score of participants", "%", "92"),
    (4064, "training", "average learning score of participants", "%", "85"),
    (4163, "skills", "skills promotion centres operational", "centre", "36"),
    (4165, "skills", "skills promotion centres under construction", "centre", "24"),
    (4169, "skills", "share of skills courses in all courses held", "%", "25"),
    (4273, "theses", "thesis contracts 1401", "thesis", "122"),
    (4336, "cooperation", "memoranda of understanding with domestic organisations 1401", "memorandum", "12"),
    (4356, "start-ups", "start-up events held 1401", "event", "77"),
    (4358, "start-ups", "top start-up ideas supported 1401", "idea", "236"),
    (4365, "insurance", "special insurance policies 1401", "policy", "1201"),
    (4381, "documentation", "volumes/reports/clips of entrepreneurship experience", "volume", "107"),
    (4459, "GIZ", "length of the executive course in Germany ('week' is on line 4461)", "week", "2"),
    (4469, "GIZ", "applicants registered 1401", "person", "70"),
    (4471, "GIZ", "final participants 1401", "person", "53"),
    (4473, "GIZ", "participants since the start", "person", "279"),
    (4534, "GIZ", "jobs created by the groups sent to Germany", "job", "105"),
    (4536, "GIZ", "contracts concluded (more than)", "million EUR", "200"),
    (4538, "GIZ", "German companies visited individually (private negotiations)", "company", "250"),
    (4538, "GIZ", "German companies each participant negotiated with, on average", "company", "4"),
    (4542, "GIZ", "German companies visited jointly by each group", "company", "15"),
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


# Number tokens of lines 3169-4654 deliberately not transcribed (analysis.sources.coverage):
# "<line> <token> ... | <kind> [detail]". The data rows of the tables catalogued as their own
# datasets (Tables 36-55) are those datasets' business; their captions and headers are covered here.
SKIPPED = """
3175 29 | garbled the launch of business clinics and the selection of their managers in the provincial centres; the line is too scrambled to say which of 29 and 10 counts what
3175 10 | garbled see 29 on this line
3186 36 | table Table 36
3188 1401 | year
3212 14 | chart Chart 14
3214 13 | chart a share in Chart 14 (approved consultants by field); the nine fields are printed on lines 3227-3243 but which share is whose cannot be read from the extraction
3216 27 | chart a share in Chart 14 (approved consultants by field); the nine fields are printed on lines 3227-3243 but which share is whose cannot be read from the extraction
3218 5 4 | chart a share in Chart 14 (approved consultants by field); the nine fields are printed on lines 3227-3243 but which share is whose cannot be read from the extraction
3219 21 | chart a share in Chart 14 (approved consultants by field); the nine fields are printed on lines 3227-3243 but which share is whose cannot be read from the extraction
3221 16 | chart a share in Chart 14 (approved consultants by field); the nine fields are printed on lines 3227-3243 but which share is whose cannot be read from the extraction
3223 3 10 | chart a share in Chart 14 (approved consultants by field); the nine fields are printed on lines 3227-3243 but which share is whose cannot be read from the extraction
3225 1 | chart a share in Chart 14 (approved consultants by field); the nine fields are printed on lines 3227-3243 but which share is whose cannot be read from the extraction
3249 2 3 3 | section 3-3-2
3264 19 | law Article 19 of the regulation on supporting knowledge-based production
3264 18 | law Article 18 of the same regulation
3266 1401 | year
3270 37 | table Table 37
3332 38 | table Table 38
3334 1401 | year
3352 3 3 3 | section 3-3-3
3363 1401 | year
3365 1401 | year
3367 1401 | year
3367 37 | table Table 37 as the prose cites it (the table printed there is numbered 39)
3369 1 3 3 3 | section 3-3-3-1
3373 1401 | year
3383 1401 | year
3383 39 | table Table 39
3405 4 3 3 | section 3-3-4
3418 1401 | year
3418 1 4 3 3 | section 3-3-4-1
3426 5 3 3 | section 3-3-5
3440 1401 | year
3444 4 3 | section 3-4
3446 1401 1382 | year
3468 1391 | year
3468 1 | ordinal project 1 of the scheme (productivity)
3476 2 | ordinal project 2 of the scheme (special support)
3481 1 4 3 | section 3-4-1
3485 1390 | year
3487 1401 1390 | year
3491 36 | table Table 36 as the prose cites it (the table printed there is numbered 40)
3493 1401 1400 | year
3497 40 | table Table 40
3513 1402 1401 | year
3515 15 | chart Chart 15, cited
3517 15 | chart Chart 15
3519 58200 | repeat 3509 Chart 15's label: approved 1400 (Table 40)
3521 50470 | repeat 3511 Chart 15's label: approved 1401 (Table 40)
3523 31500 | repeat 3509 Chart 15's label: allocated 1400 (Table 40)
3525 40000 | repeat 3511 Chart 15's label: allocated 1401 (Table 40)
3532 1401 1400 | year
3532 41 | table Table 41, cited
3533 1401 1400 | year
3533 41 | table Table 41
3576 1402 1401 | year
3584 1401 1390 | year
3584 2 4 3 | section 3-4-2
3586 1188 | repeat 3489 the 1188 units financed since 1390
3598 25668 | repeat 3489 the 25668 jobs since 1390
3600 1401 1390 | year
3600 42 | table Table 42
3605 1401 | year
3615 5 3 | section 3-5
3617 1 5 3 | section 3-5-1
3619 79 | year 1379, the start of the scheme
3619 84 | year 1384, the start of its agreements
3634 42 | table Table 42 as the prose cites it (the table printed there is numbered 43)
3636 1401 1400 | year
3638 1401 1400 | year
3638 43 | table Table 43
3669 16 | chart Chart 16, cited
3671 1401 1400 | year
3671 16 | chart Chart 16
3673 1400 1401 | year
3675 1 | chart a digit of Chart 16's label 187 200, printed one digit per line: approved 1400 (Table 43: 155 200 + 32 000)
3676 8 | chart a digit of Chart 16's label 187 200, printed one digit per line: approved 1400 (Table 43: 155 200 + 32 000)
3677 7 | chart a digit of Chart 16's label 187 200, printed one digit per line: approved 1400 (Table 43: 155 200 + 32 000)
3678 2 | chart a digit of Chart 16's label 187 200, printed one digit per line: approved 1400 (Table 43: 155 200 + 32 000)
3679 0 | chart a digit of Chart 16's label 187 200, printed one digit per line: approved 1400 (Table 43: 155 200 + 32 000)
3680 0 | chart a digit of Chart 16's label 187 200, printed one digit per line: approved 1400 (Table 43: 155 200 + 32 000)
3682 1 | chart a digit of Chart 16's label 170 791, printed one digit per line: approved 1401 (Table 43)
3683 7 | chart a digit of Chart 16's label 170 791, printed one digit per line: approved 1401 (Table 43)
3684 0 | chart a digit of Chart 16's label 170 791, printed one digit per line: approved 1401 (Table 43)
3685 7 | chart a digit of Chart 16's label 170 791, printed one digit per line: approved 1401 (Table 43)
3686 9 | chart a digit of Chart 16's label 170 791, printed one digit per line: approved 1401 (Table 43)
3687 1 | chart a digit of Chart 16's label 170 791, printed one digit per line: approved 1401 (Table 43)
3689 1 | chart a digit of Chart 16's label 113 500, printed one digit per line: allocated 1400 (Table 43: 81 500 + 32 000)
3690 1 | chart a digit of Chart 16's label 113 500, printed one digit per line: allocated 1400 (Table 43: 81 500 + 32 000)
3691 3 | chart a digit of Chart 16's label 113 500, printed one digit per line: allocated 1400 (Table 43: 81 500 + 32 000)
3692 5 | chart a digit of Chart 16's label 113 500, printed one digit per line: allocated 1400 (Table 43: 81 500 + 32 000)
3693 0 | chart a digit of Chart 16's label 113 500, printed one digit per line: allocated 1400 (Table 43: 81 500 + 32 000)
3694 0 | chart a digit of Chart 16's label 113 500, printed one digit per line: allocated 1400 (Table 43: 81 500 + 32 000)
3696 1 | chart a digit of Chart 16's label 119 000, printed one digit per line: allocated 1401 (Table 43)
3697 1 | chart a digit of Chart 16's label 119 000, printed one digit per line: allocated 1401 (Table 43)
3698 9 | chart a digit of Chart 16's label 119 000, printed one digit per line: allocated 1401 (Table 43)
3699 0 | chart a digit of Chart 16's label 119 000, printed one digit per line: allocated 1401 (Table 43)
3700 0 | chart a digit of Chart 16's label 119 000, printed one digit per line: allocated 1401 (Table 43)
3701 0 | chart a digit of Chart 16's label 119 000, printed one digit per line: allocated 1401 (Table 43)
3707 1401 1400 | year
3707 44 | table Table 44, cited
3711 44 | table Table 44
3739 1401 | year
3741 1402 | year
3743 1401 | year
3743 1 1 5 3 | section 3-5-1-1
3757 1401 | year
3757 44 | table Table 44 as the prose cites it (the achievements are in Table 45)
3759 45 | table Table 45
3761 2 5 3 | section 3-5-2
3763 1401 | year
3773 45 | table Table 45 as the prose cites it (the table printed there is numbered 46)
3775 1401 | year
3777 1401 | year
3777 46 | table Table 46
3799 1401 | year
3815 1401 | year
3819 1401 | year
3824 1401 | year
3826 1401 | year
3829 17 | chart Chart 17, cited
3833 1140 | garbled the year 1401 (منابع داخلی ۱۴۰۱) in Chart 17's caption, digits out of order
3833 17 | chart Chart 17
3837 6 3 | section 3-6
3839 92 | year 1392, the start of the dairy scheme
3843 92 | year 1392
3847 1401 1400 | year
3847 46 | table Table 46 as the prose cites it (the table printed there is numbered 47)
3851 1401 1400 | year
3851 47 | table Table 47
3894 1402 | year
3899 1402 1401 | year
3902 1401 | year
3902 1 6 3 | section 3-6-1
3910 1401 1392 | year
3910 48 | table Table 48
3915 1401 | year
3925 7 3 | section 3-7
3945 50 50 | repeat 3925 the 50 % capacity threshold of the section's title
3947 50 | repeat 3925 the 50 % capacity threshold
3970 1401 | year
3978 50 50 | repeat 3925 the 50 % capacity threshold
3978 1401 | year
4006 04 | garbled the share of units restarted by returning them to their original owner (اقاله), printed '04%': the shares of lines 3982-4008 add up to 100 % only if it is 0.4 %
4010 8 3 | section 3-8
4012 48 | table Table 48 as the prose cites it (the table printed there is numbered 49)
4013 49 | table Table 49
4015 1401 1401 1401 | year
4033 1401 | year
4033 18 | chart Chart 18
4034 1401 | year
4034 19 | chart Chart 19
4060 1 8 3 | section 3-8-1
4068 20 | chart Chart 20, cited
4068 49 | table Table 49, cited
4072 50 | table Table 50
4094 1401 | year
4107 20 | chart Chart 20
4125 1401 | year
4125 51 | table Table 51
4129 21 | chart Chart 21
4151 2 8 3 | section 3-8-2
4167 1401 | year
4167 51 | table Table 51 as the prose cites it (the table printed next is numbered 52)
4170 52 | table Table 52
4172 1401 1401 | year
4180 9 3 | section 3-9
4186 52 | table Table 52 as the prose cites it (the table printed next is numbered 53)
4188 53 | table Table 53
4192 1401 | year
4192 22 | chart Chart 22
4215 1401 | year
4219 1401 | year
4223 1401 | year
4229 1401 | year
4229 23 | chart Chart 23
4259 3 10 | section 10-3
4275 53 | table Table 53 as the prose cites it (the table printed next is numbered 54)
4277 48 | table Table 48 as the prose cites it (the table printed next is numbered 55)
4279 1401 | year
4281 54 | table Table 54
4290 1401 | year
4294 1401 | year
4298 1401 | year
4302 55 | table Table 55
4308 24 | chart Chart 24, cited
4312 24 | chart Chart 24
4328 3 13 | section 13-3
4336 1401 | year
4340 4 | name part of a memorandum's description: 'four-party' (۴ جانبه)
4344 2020 | name part of a partner's name ('... 2020')
4352 3 11 | section 11-3
4359 56 | table Table 56
4363 3 12 | section 12-3
4365 1401 | year
4369 57 | table Table 57
4373 3 13 | section 13-3
4385 58 | table Table 58
4398 1401 | year
4402 1401 | year
4406 1401 | year
4419 1401 | year
4423 1401 | year
4427 1401 | year
4435 1401 | year
4439 1401 | year
4443 1401 | year
4447 3 14 | section 14-3
4455 3 14 1 | section 1-14-3
4467 6 | time the six-monthly (and yearly) evaluation of the course
4469 1401 | year
4471 1401 | year
4473 1401 | year
4477 1401 | year
4477 59 | table Table 59
4479 1401 | year
4482 1401 | year
4483 1401 | year
4556 3 15 | section 15-3
4558 1 3 15 | section 15-3-1
4560 1401 | year
4564 1401 | year
4568 1401 | year
4568 60 | table Table 60
4570 1401 1401 1401 | year
4573 2 3 15 | section 15-3-2
4575 1401 | year
4579 1401 | year
4583 1401 | year
4583 61 | table Table 61
4592 1401 | year
4596 1401 | year
4600 1401 | year
4613 3 15 3 | section 3-15-3
4615 1401 | year
4617 16 | garbled the 21 ranked export-management companies by grade: the counts 3, 3 and 16 (and the word 'two') are too scrambled to say which grade each is; 3 + 2 + 16 = 21 would fit
4617 3 3 | garbled see 16 on this line
4621 1401 | year
4623 1401 | year
4625 1401 | year
4625 62 | table Table 62
4630 1401 | year
4631 1401 1401 | year
4642 3 16 | section 16-3
4648 1401 | year
4652 1401 | year
"""


@register("sme_support_prose_figures", "002_prose_sme_support_figures.csv")
def sme_support_prose_figures() -> pd.DataFrame:
    """Figures stated in the prose of 002 lines 3169-4654 (the value given in PROSE is only a
    selector: it must be one of the number tokens of its line, and is read from there)."""
    rows = []
    for n, topic, item, unit, tok, *dec in PROSE:
        toks = S.numbers(n)
        if tok not in toks:
            raise ValueError(f"002 line {n}: {tok!r} not among {toks}: {S.line(n)!r}")
        printed = toks[toks.index(tok)]
        value = cell(printed, decimal=dec[0]) if dec else integer(printed)
        rows.append(dict(topic=topic, item=item, value=value, unit=unit, source_line=n))
    df = pd.DataFrame(rows).astype({"value": float})
    return with_base(df, ["value"])


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
