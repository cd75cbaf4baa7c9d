"""003: minutes of the 6th coordination council of the Ministry of Cooperatives, Labour and
Social Welfare in Khuzestan (meeting 1399/11/21, resolutions dated 1399/11/25).

The figures are spoken, in prose: each is located on its line by a pattern (see
seedtext.read) and the spec below says who said it, what it counts, the unit as
spoken and the qualifier (بیش از = more than, حدود = about, نزدیک به = nearly, تا سقف = up to,
بالغ بر = amounting to). Money is normalised to rials (1 toman = 10 rials) in ``value_rials``.
Skipped, each with its reason in ``SKIPPED`` (checked by :mod:`analysis.sources.coverage`):
clock times, speaking time, the circular number, a phone number (1420), the '24-hour'
service, agenda ordinals, Budget Note 18, and years used as dates.
"""
from __future__ import annotations

import pandas as pd

from analysis.core import jalali
from analysis.core.digits import normalise_fa, to_latin_digits
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, date_on, is_words, read, with_base

S = Seed("003")

SPEAKERS = {  # key: (speaker_fa, speaker_en, organisation_fa, organisation_en)
    "ghamgin": ("دکتر غمگین", "Dr Ghamgin (director-general)",
                "اداره کل تعاون، کار و رفاه اجتماعی استان خوزستان",
                "Directorate-General of Cooperatives, Labour and Social Welfare of Khuzestan"),
    "reshadatmand": ("رشادتمند", "Reshadatmand (manager)", "صندوق بازنشستگی کشوری",
                     "Civil Servants Pension Fund (Khuzestan office)"),
    "ahmadi": ("سید قادر احمدی", "Seyed Ghader Ahmadi (director)", "حوزه تعاون استان",
               "Cooperatives directorate of the province"),
    "nazarzadeh": ("سید نظرزاده", "Seyed Nazarzadeh (manager)", "صندوق ضمانت سرمایه گذاری تعاون",
                   "Cooperative Investment Guarantee Fund"),
    "abbasi": ("عباسی", "Abbasi (deputy)", "اداره کل بهزیستی استان",
               "Welfare Organisation (Behzisti) of the province"),
    "gharacheh": ("قراچه", "Gharacheh (deputy for support)", "اداره کل درمان تامین اجتماعی",
                  "Social Security medical-services directorate of the province"),
    "zanganeh": ("زنگنه منش", "Zanganeh-Manesh (technical deputy)", "اداره کل فنی حرفه ای استان خوزستان",
                 "Technical and Vocational Training directorate of Khuzestan"),
    "amraei": ("امرائی", "Amraei (manager)", "صندوق کارآفرینی امید", "Omid Entrepreneurship Fund"),
    "karami": ("کرمی", "Karami (manager)", "مدیریت بانک توسعه تعاون استان",
               "Cooperative Development Bank, Khuzestan management"),
    "hosseininejad": ("دکتر حسینی نژاد", "Dr Hosseini-Nejad (director)", "توسعه کارآفرینی و اشتغال استان",
                      "Entrepreneurship and Employment Development directorate of the province"),
    "makvandi": ("مکوندی", "Makvandi (deputy director-general for investment)", "استانداری خوزستان",
                 "Khuzestan Governorate"),
    "marashi": ("مرعشی", "Marashi (director-general)", "اداره کل تامین اجتماعی",
                "Social Security Organisation, Khuzestan directorate"),
    "mansouri": ("دکتر منصوری", "Dr Mansouri (deputy minister for entrepreneurship and employment)",
                 "وزارت تعاون، کار و رفاه اجتماعی", "Ministry of Cooperatives, Labour and Social Welfare"),
    "yahyaei": ("یحیایی", "Yahyaei (head of the bank's branches)", "بانک رفاه کارگران استان",
                "Bank Refah Kargaran (Workers' Welfare Bank), Khuzestan branches"),
    "council": ("صورتجلسه", "the minutes (no speaker)", "شورای هماهنگی مدیران کل حوزه وزارت در استان خوزستان",
                "Coordination council of the ministry's directors-general in Khuzestan"),
}

RIALS_PER = {"billion tomans": 10**10, "million tomans": 10**7, "billion rials": 10**9,
             "billion (tomans implied)": 10**10}

# (speaker, line, pattern, unit as spoken, qualifier, category, scope, quantity[, decimal])
FIGURES = [
    ("ghamgin", 37, r"بیش از (\d+) مصوبه", "resolutions", "more than", "count", "Khuzestan",
     "resolutions adopted in the council's previous sessions"),
    ("ghamgin", 57, r"نرخ بیکاری حدود (\S+)٪", "%", "about", "rate", "Khuzestan", "unemployment rate"),
    ("ghamgin", 63, r"بیش از (سیزده هزار) میلیارد تومان", "billion tomans", "more than", "loan", "Iran",
     "rural-employment loans paid nationwide"),
    ("ghamgin", 63, r"بیش از (\d+) اقدام", "actions", "more than", "count", "Iran",
     "extra-programme actions of the minister"),
    ("ghamgin", 65, r"حدود (\d+) استان", "provinces", "about", "count", "Iran",
     "provinces the minister's directive on publicising services was sent to"),
    ("ghamgin", 69, r"بالغ بر (\d+) طرح", "plans", "amounting to", "loan", "Khuzestan",
     "job-creation plans paid (loans disbursed)"),
    ("ghamgin", 69, r"نیمه دوم سال گذشته (\d+)٪", "%", "exact", "rate", "Khuzestan",
     "share of the province's dedicated home-business loan quota absorbed in the second half of last year"),
    ("ghamgin", 69, r"بعد از (\d+) سال", "years", "exact", "other", "Khuzestan",
     "years since the home-business quota was last fully absorbed"),
    ("ghamgin", 69, r"مشاغل خانگی را (\d+)٪", "%", "exact", "rate", "Khuzestan",
     "share of the home-business loan quota absorbed this year to date"),
    ("ghamgin", 69, r"روزی (\d+) ساعت", "hours per day", "amounting to", "other", "Khuzestan",
     "daily working hours of the directorate's staff"),
    ("yahyaei", 95, r"حداقل (\d+)٪ کمتر", "percentage points", "at least", "rate", "Khuzestan",
     "discount of the bank's low-cost buyer loans below the central bank's approved rate"),
    ("reshadatmand", 115, r"استخدام (\d+) نفر", "persons", "exact", "employment", "Khuzestan",
     "retirees' children whose hiring by Ofogh Kourosh stores is being pursued"),
    ("ahmadi", 121, r"بیش از (\d+) هزار تعاونی", "thousand cooperatives", "more than", "count", "Khuzestan",
     "active cooperatives"),
    ("ahmadi", 121, r"طول (\d+) ماه", "months", "exact", "other", "Khuzestan",
     "period of the export figure (the last ten months of 1399)"),
    ("ahmadi", 121, r"بیش از (\d+) میلیون دلار", "million US dollars", "more than", "money", "Khuzestan",
     "agricultural exports of the cooperatives in the last ten months"),
    ("ahmadi", 123, r"بیش از (\d+) شرکت تعاونی", "cooperatives", "more than", "count", "Khuzestan",
     "cooperatives that obtained credit from provincial resources"),
    ("ahmadi", 123, r"جذب (\d+) میلیارد ریال", "billion rials", "exact", "loan", "Khuzestan",
     "credit from provincial resources obtained by those cooperatives"),
    ("ahmadi", 127, r"بیش از (\d+) محصول", "products", "more than", "count", "Khuzestan",
     "cooperative products to be offered on the Bata online network"),
    ("nazarzadeh", 139, r"حدود (یکصد) میلیارد ریال", "billion rials", "about", "money", "Khuzestan",
     "capital required by the proposed rural household economy plan (villages of Dezful)"),
    ("nazarzadeh", 141, r"حدود (\d+) نفر", "persons", "about", "employment", "Khuzestan",
     "employment forecast of the proposed plan"),
    ("nazarzadeh", 143, r"(\d+) ?روز", "days", "exact", "other", "Khuzestan",
     "time to operation of the proposed plan"),
    ("nazarzadeh", 145, r"حدود (\d+) سال", "years", "about", "other", "Khuzestan",
     "payback period of the proposed plan"),
    ("abbasi", 163, r"بیش از (\d+) زن", "women", "more than", "count", "Khuzestan",
     "female heads of household covered by the Welfare Organisation"),
    ("abbasi", 163, r"حدود (\d+)٪", "%", "about", "rate", "Iran",
     "share of the country's female heads of household covered in Khuzestan"),
    ("abbasi", 167, r"حدود (\d+) مرکز", "centres", "about", "count", "Khuzestan",
     "neighbourhood 'life registration' centres set up"),
    ("gharacheh", 183, r"حدود (\d+) نفر", "persons", "about", "employment", "Khuzestan",
     "new medical staff examined for recruitment"),
    ("zanganeh", 201, r"جمعیت (\d+) هزار نفری", "thousand persons", "exact", "other", "Khuzestan",
     "population of the informal settlements on the margins of Ahvaz"),
    ("amraei", 212, r"نزدیک به (\d+) میلیارد تومان", "billion tomans", "nearly", "loan", "Khuzestan",
     "loans paid by the fund this year"),
    ("amraei", 213, r"(\d+) روستای در حال اجرای", "villages", "exact", "count", "Khuzestan",
     "villages implementing the 'village without unemployment' programme"),
    ("amraei", 213, r"(سه) روستایی که مجددا", "villages", "exact", "count", "Khuzestan",
     "villages newly targeted in Andika and Haftgel"),
    ("amraei", 215, r"بیش از (\S+) سال", "years", "more than", "other", "Khuzestan",
     "time the fund has worked with the two first target villages"),
    ("karami", 232, r"کل استان (\d+) میلیارد تومان", "billion tomans", "exact", "loan", "Khuzestan",
     "tourism and Budget Note 18 loans paid by all banks"),
    ("karami", 232, r"به تنهایی (\d+) میلیارد تومان", "billion tomans", "exact", "loan", "Khuzestan",
     "of which paid by the Cooperative Development Bank alone"),
    ("karami", 232, r"بالای (\d+)-(\d+)٪", "%", "more than", "rate", "Khuzestan",
     "speaker's estimate of the bank's share (printed as a range, 80-70)"),
    ("karami", 232, r"تا سقف (\d+) میلیون تومان", "million tomans", "up to", "loan", "Khuzestan",
     "loan ceiling for buyers of Iranian household goods"),
    ("karami", 232, r"بیش از (\d+) میلیارد تومان", "billion tomans", "more than", "loan", "Khuzestan",
     "loans paid by the bank this year"),
    ("karami", 232, r"در غالب (\d+) پرونده", "files", "exact", "count", "Khuzestan",
     "loan files of those payments"),
    ("karami", 232, r"بیش از (\d+)٪ تسهیلاتمان", "%", "more than", "rate", "Khuzestan",
     "share of the bank's loans to cooperatives"),
    ("karami", 232, r"آن (\d+)٪ غیر تعاون", "%", "exact", "rate", "Khuzestan",
     "share of the bank's loans to non-cooperatives"),
    ("hosseininejad", 238, r"رتبه استان حدود (\d+)-(\d+)", "rank", "about", "rate", "Iran",
     "rank of Khuzestan among provinces in loan-to-deposit ratio (after legal reserve)"),
    ("hosseininejad", 238, r"با ضریب (\d+)٪", "%", "exact", "rate", "Khuzestan",
     "loan-to-deposit ratio of the province's banking network (after legal reserve)"),
    ("hosseininejad", 240, r"بانک توسعه تعاون (\d+) میلیارد تومان", "billion tomans", "exact", "loan", "Khuzestan",
     "Budget Note 18 loans still unpaid: Cooperative Development Bank"),
    ("hosseininejad", 240, r"پست بانک (\d+) میلیارد تومان", "billion tomans", "exact", "loan", "Khuzestan",
     "Budget Note 18 loans still unpaid: Post Bank"),
    ("hosseininejad", 240, r"کشاورزی (\d+) میلیارد تومان ما هنوز", "billion tomans", "exact", "loan", "Khuzestan",
     "Budget Note 18 loans still unpaid: Keshavarzi (Agriculture) Bank"),
    ("hosseininejad", 240, r"حدود (\d+) میلیارد تومان هم اختلاف", "billion tomans", "about", "loan", "Khuzestan",
     "difference between the ministry's and Keshavarzi Bank's figures"),
    ("hosseininejad", 240, r"بانک ملی خوزستان (\d+)٪", "%", "exact", "rate", "Khuzestan",
     "share of the corona-relief loans taken by Bank Melli Khuzestan"),
    ("hosseininejad", 240, r"رتبه (\d+) سراسر کشور", "rank", "exact", "rate", "Iran",
     "national rank of Bank Melli Khuzestan in paying corona-relief loans"),
    ("hosseininejad", 240, r"بانک ملت هم رتبه (\d+)", "rank", "exact", "rate", "Iran",
     "national rank of Bank Mellat (Khuzestan) in paying corona-relief loans"),
    ("hosseininejad", 252, r"حدود (\d+)٪ از تسهیلات", "%", "about", "rate", "Khuzestan",
     "share of the (corona-relief) loans concentrated in three or four banks"),
    ("hosseininejad", 252, r"در (\d+)-(\d+) بانک", "banks", "exact", "count", "Khuzestan",
     "banks holding that share"),
    ("hosseininejad", 254, r"(\d+) میلیارد تومان هست", "billion tomans", "exact", "loan", "Khuzestan",
     "rural-employment loans paid in the last three years"),
    ("hosseininejad", 254, r"سه سال کرده (\d+) میلیارد", "billion (tomans implied)", "exact", "loan", "Khuzestan",
     "comprehensive loans (Budget Note 18, from 1397) paid in the same three years"),
    ("hosseininejad", 254, r"حدود (\d+) میلیارد تومان می شود", "billion tomans", "about", "loan", "Khuzestan",
     "all programme loans in the three years (rural, home businesses, technical and credit assistance)"),
    ("hosseininejad", 254, r"(\d+) میلیارد تومان شبکه بانکی", "billion tomans", "exact", "loan", "Khuzestan",
     "loans of the province's whole banking network in the same three years"),
    ("hosseininejad", 254, r"(یک شانزدهم)", "fraction", "exact", "rate", "Khuzestan",
     "programme loans as a share of the banking network's loans (printed 'one sixteenth')"),
    ("hosseininejad", 256, r"(\S+)٪ کاهش", "percentage points", "exact", "rate", "Khuzestan",
     "fall of the unemployment rate from 1396 to 1398"),
    ("hosseininejad", 256, r"از (\S+)٪ به", "%", "exact", "rate", "Khuzestan", "unemployment rate in 1396"),
    ("hosseininejad", 256, r"به (\S+)٪ در این", "%", "exact", "rate", "Khuzestan", "unemployment rate in 1398"),
    ("hosseininejad", 256, r"روستایی ما (\S+)٪", "percentage points", "exact", "rate", "Khuzestan",
     "fall of the rural unemployment rate from 1396 to 1398"),
    ("makvandi", 264, r"در غالب (\d+) بند", "items", "exact", "count", "Khuzestan",
     "proposals on sustainable rural employment prepared by the governorate"),
    ("marashi", 284, r"(\d+) خدمت پرمراجعه", "services", "exact", "count", "Iran",
     "high-demand services identified for remote delivery"),
    ("marashi", 284, r"(هفتاد) میلیون بار", "million visits per year", "exact", "count", "Iran",
     "in-person visits per year avoided by remote delivery"),
    ("marashi", 284, r"از (\d+) خدمت", "services", "exact", "count", "Iran",
     "services already launched for remote delivery"),
    ("marashi", 284, r"تقریبا (هفتاد) درصد", "%", "about", "rate", "Iran",
     "share of visits to Social Security removed by abolishing paper booklets"),
    ("marashi", 284, r"بعد از (\d+) سال", "years", "exact", "other", "Iran",
     "years of effort before pensions were equalised"),
    ("mansouri", 308, r"گزارش ما (\d+) درصد", "%", "exact", "rate", "Iran",
     "deviation (misuse) rate of rural-employment loans according to the ministry"),
    ("mansouri", 308, r"انحراف را (\d+) درصد", "%", "exact", "rate", "Iran",
     "the same deviation rate according to the Supreme Audit Court"),
    ("mansouri", 314, r"نزدیک به (\d+) میلیون اشتغال", "million jobs", "nearly", "employment", "Iran",
     "informal jobs registered in the national employment system"),
    ("mansouri", 314, r"حدود (\S+) میلیون نفر", "million persons", "about", "employment", "Iran",
     "ministry's estimate of all informal employment", "."),
    ("mansouri", 332, r"تا سقف (\d+) میلیارد تومان افزایش", "billion tomans", "up to", "loan", "Khuzestan",
     "possible increase of rural-employment and MoU credit for Khuzestan"),
    ("mansouri", 332, r"تا سقف (\d+) میلیارد به واحد", "billion (tomans implied)", "up to", "loan", "Iran",
     "loan ceiling for a large unit buying raw materials from small rural units under contract"),
    ("council", 363, r"تا سقف (\d+) میلیارد تومان", "billion tomans", "up to", "loan", "Khuzestan",
     "resolution 7: increase of Khuzestan's employment-loan ceiling"),
    ("council", 365, r"(\d+) مصوبه", "resolutions", "exact", "count", "Khuzestan",
     "resolutions approved in this session"),
]


# Number tokens of lines 25-365 deliberately not transcribed (analysis.sources.coverage):
# "<line> <token> ... | <kind> [detail]".
SKIPPED = """
25 11 | time 11 a.m., the meeting's start
29 1 | ordinal agenda item
30 2 | ordinal agenda item
31 3 | ordinal agenda item
65 5 | time speaking time allowed for each report (at most 5 minutes)
119 1399 | year the last ten months of 1399, the period of the figures on line 121
205 1400 | year the year the requested credit increase is hoped for
205 98 99 | year the years 1398 and 1399 in which the home-business credit was absorbed
215 11 | day 11 Bahman, the ground-breaking at Chavideh village
232 18 | law Budget Note 18 (تبصره ۱۸) of the annual budget law
240 18 | law Budget Note 18
254 3 3 | period the three years of the loans transcribed on this line
254 18 | law Budget Note 18
254 97 | year 1397, the start of the Note 18 loans
256 96 98 | year 1396-1398, the period of the unemployment-rate change transcribed on this line
270 24 24 | time a 24-hour (round-the-clock) service
284 1420 | reference Social Security's telephone line
284 30 | repeat 284 the 30 high-demand services, named again as the year-end target
332 130 | repeat 332 the ceiling of 130 billion tomans, named again
337 208940 | reference the minister's circular number
348 97 | year the floods of 1397 (سیل ۹۷)
"""


@register("khz_minutes_figures", "003_minutes_figures.csv")
def minutes_figures() -> pd.DataFrame:
    rows = []
    for spec in FIGURES:
        who, n, pat, unit, qual, cat, scope, quantity = spec[:8]
        decimal = spec[8] if len(spec) > 8 else "/"
        value, vmax, raw = read(S.norm_line(n), pat, decimal=decimal)
        sp_fa, sp_en, org_fa, org_en = SPEAKERS[who]
        words = is_words(raw)
        rials = RIALS_PER.get(unit)
        rows.append(dict(
            speaker_fa=sp_fa, speaker_en=sp_en, organisation_fa=normalise_fa(org_fa), organisation_en=org_en,
            category=cat, scope=scope, quantity=quantity, value=value, value_max=vmax, unit=unit,
            qualifier=qual, value_rials=round(value * rials) if rials else None,
            source_line=n, flag="value=printed in words" if words else None, raw_text=raw if words else None,
        ))
    df = pd.DataFrame(rows)
    df["value_rials"] = df["value_rials"].astype("Int64")
    return with_base(df, ["value", "value_max"])


RESOLUTIONS_EN = {  # number: (topic_en, actor_en, supervisor_en)
    1: ("Public information on the ministry's services",
        "Directors-general of the ministry's agencies in the province", "Secretariat of the coordination council"),
    2: ("Direct registration of applicants for flood-relief loans",
        "Agencies implementing the regulation on loans to the 1397 flood victims", "Secretariat of the council"),
    3: ("Access to the Kara system", "Deputy minister for entrepreneurship development",
        "Secretariat of the provincial coordination council"),
    4: ("Removing the quota ceiling on active labour-market policy benefits",
        "Ministry's deputy for entrepreneurship and employment development",
        "Entrepreneurship and employment directorate of the province"),
    5: ("Revising the rural-employment clip", "Provincial deputy office for entrepreneurship and employment",
        "Secretariat of the coordination council"),
    6: ("Completing the agencies' profile statistics", "Directors-general of the ministry in Khuzestan",
        "Secretariat of the coordination council"),
    7: ("Raising the ceiling of employment credit and loans",
        "Ministry of Cooperatives, Labour and Social Welfare", "Secretariat of the coordination council"),
}


DURATIONS_EN = {"یک ماه": "one month"}  # the relative deadlines the resolutions print


def _deadline(raw: str, issued: str) -> tuple[str | None, str, str]:
    """(deadline_jalali, kind, how it was read) for a printed deadline, read by
    :func:`analysis.core.jalali.parse_deadline` (relative to the resolutions date)."""
    d = jalali.parse_deadline(raw, reference=issued)
    text = "" if d.date is None else jalali.format_jalali(d.date, persian_digits=False)
    if d.kind == "end of month":
        month = jalali.MONTH_NAMES_EN[d.date.month - 1]
        return (text, d.kind, f"'end of {month} {d.date.year % 100}' read as the last day of {month} {d.date.year} "
                              f"({d.date.day} days)")
    if d.kind == "end of year":
        y = d.date.year
        return (text, d.kind,
                f"'end of the (current) year' read as the last day of {y}, the year of the resolutions ({y} is "
                f"{'a leap year: Esfand has 30 days' if d.date.day == 30 else 'not a leap year: Esfand has 29 days'})")
    if d.kind == "date":
        yy = normalise_fa(to_latin_digits(raw)).split()[-1].split("/")[0]
        return text, d.kind, f"printed date (two-digit year {yy} read as {d.date.year})"
    if d.kind == "duration":
        return None, "relative", (f"{DURATIONS_EN[normalise_fa(raw)]}, with no start date; from the resolutions date "
                                  f"({issued}) it would be {text} (not filled: not a printed date)")
    return None, "condition", "until the loans are fully absorbed: a condition, not a date"


@register("khz_minutes_resolutions", "003_resolutions.csv")
def resolutions() -> pd.DataFrame:
    issued = date_on(S.norm_line(334), r"(\d{4})/(\d{2})/(\d{2})")
    rows = []
    for n in range(336, 366):
        cells = S.cells(n, normalise=False)
        if len(cells) != 6 or "ردیف" in cells[0] or "ردیف" in cells[-1]:
            continue
        if not to_latin_digits(cells[0]).isdigit():  # lines 361-363 are printed right to left
            cells = cells[::-1]
        num = int(to_latin_digits(cells[0]))
        _, topic, actor, supervisor, deadline = cells[1:]
        d, kind, how = _deadline(deadline, issued)
        topic_en, actor_en, sup_en = RESOLUTIONS_EN[num]
        rows.append(dict(number=num, topic_fa=normalise_fa(topic), topic_en=topic_en,
                         actor_fa=normalise_fa(actor), actor_en=actor_en,
                         supervisor_fa=normalise_fa(supervisor), supervisor_en=sup_en,
                         deadline_fa=deadline, deadline_jalali=d, deadline_kind=kind, deadline_note=how,
                         resolutions_date=issued, source_line=n))
    return pd.DataFrame(rows)


@register("khz_minutes_dates", "003_minutes_dates.csv")
def minutes_dates() -> pd.DataFrame:
    return pd.DataFrame([
        dict(event="meeting", description_en="6th coordination council meeting, Tuesday 11:00",
             date_jalali=date_on(S.norm_line(25), r"(\d{2})/(\d{2})/(\d{2})"), weekday_printed="سه شنبه", source_line=25),
        dict(event="resolutions", description_en="date of the resolutions of the 6th meeting",
             date_jalali=date_on(S.norm_line(334), r"(\d{4})/(\d{2})/(\d{2})"), weekday_printed=None, source_line=334),
        dict(event="deadline_resolution_6", description_en="deadline of resolution 6 (forms to the secretariat), Sunday",
             date_jalali=date_on(S.norm_line(362), r"مورخ (\d{2})/(\d{2})/(\d{2})"), weekday_printed="یکشنبه", source_line=362),
    ])
