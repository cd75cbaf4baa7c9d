"""001: news item on the first 1397 session of Khuzestan's Management Development Council.

Figures are read from the prose of lines 2-10 by pattern (:func:`seedtext.read`). Several
counts are printed in words (هشت جلسه, چهار مورد, دو سال, سه استان): they are kept with
``flag = value=printed in words`` and the words in ``raw_text``, because the provenance
test only recognises digits.
"""
from __future__ import annotations

import pandas as pd

from analysis.core.jalali import MONTHS
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, is_words, read, ymd

S = Seed("001")

# (figure, line, pattern, unit, qualifier, description)
FIGURES = [
    ("sessions_required", 8, r"فصلی (یک) جلسه", "sessions per quarter", "exact",
     "legal obligation of the council: one session per quarter (فصلی یک جلسه)"),
    ("period_years", 8, r"در (دو) سال گذشته", "years", "exact",
     "period over which the sessions and resolutions are counted (the past two years)"),
    ("sessions_held", 8, r"(هشت) جلسه برگزار", "sessions", "exact",
     "council sessions held in the past two years"),
    ("resolutions_total", 8, r"مجموع (\d+) مصوبه", "resolutions", "exact",
     "resolutions adopted in the past two years (in total)"),
    ("resolutions_implemented", 8, r"(\d+) مورد اجرا شده", "resolutions", "exact",
     "resolutions implemented"),
    ("resolutions_pending", 8, r"(چهار) مورد نیز", "resolutions", "exact",
     "resolutions still being pursued (future programmes)"),
    ("pilot_provinces", 9, r"(سه) استان", "provinces", "exact",
     "provinces (including Khuzestan) chosen by the national Administrative and Recruitment Organisation as pilots for online identity verification"),
    ("staff_plan_year", 10, r"از سال (\d+) مصوب", "Jalali year (two digits, 13xx)", "exact",
     "year the council approved planning for inefficient and unmotivated staff (not yet allowed to be implemented)"),
]


# Number tokens of lines 1-15 deliberately not transcribed (analysis.sources.coverage):
# "<line> <token> ... | <kind> [detail]".
SKIPPED = """
5 97 | year the year of the session in the headline (1397; transcribed with the session date, line 8)
7 97 | year the year of the session in the lead (1397; transcribed with the session date, line 8)
14 97 | year 1397, the year the provincial indicators are to be applied
"""


@register("khz_council_figures", "001_council_figures.csv")
def council_figures() -> pd.DataFrame:
    rows = []
    for fig, n, pat, unit, qual, desc in FIGURES:
        value, _, raw = read(S.norm_line(n), pat)
        words = is_words(raw)
        rows.append(dict(figure=fig, description_en=desc, value=value, unit=unit, qualifier=qual,
                         date_jalali=None, source_line=n,
                         flag="value=printed in words" if words else None,
                         raw_text=raw if words else None))
    # dates: the news item (line 2, 'جمعه, ۳۰ شهریور , ۱۳۹۷'), the session (line 8,
    # 'پنجشنبه ۲۳ فروردین ماه', year 97 from lines 5-8) and the online-ID launch (line 9).
    t2 = S.norm_line(2)
    y2, m2, d2 = read(t2, r"(\d{4})$")[0], MONTHS["شهریور"], read(t2, r"(\d+) شهریور")[0]
    t8 = S.norm_line(8)
    d8 = read(t8, r"پنجشنبه (\d+) فروردین")[0]
    y8 = read(t8, r"در سال (\d+) که")[0]
    t9 = S.norm_line(9)
    d9 = read(t9, r"از (\d+) اسفند سال")[0]
    y9 = read(t9, r"اسفند سال (\d+)")[0]
    dates = [
        ("news_date", 2, ymd(y2, m2, d2),
         "publication date of the news item (Friday 30 Shahrivar 1397)"),
        ("session_date", 8, ymd(y8, MONTHS["فروردین"], d8),
         "date of the first 1397 council session (Thursday 23 Farvardin; year 97 from the text)"),
        ("online_id_launch", 9, ymd(y9, MONTHS["اسفند"], d9),
         "online identity verification for executive agencies in operation since 17 Esfand 93 (a council resolution)"),
    ]
    for fig, n, d, desc in dates:
        rows.append(dict(figure=fig, description_en=desc, value=None, unit="date", qualifier="exact",
                         date_jalali=d, source_line=n, flag=None, raw_text=None))
    return pd.DataFrame(rows)
