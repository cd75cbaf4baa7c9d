"""Jalali (Solar Hijri) dates as printed in the sources, on top of ``jdatetime``.

The sources print dates as ``۹۹/۱۱/۲۱`` (two-digit year), ``۱۳۹۹/۱۱/۲۵`` or
``1401/05/09`` and deadlines in words (``پایان بهمن ۹۹``, ``تا پایان سال``).

Two-digit years: ``yy <= 50`` is read as ``1400 + yy``, ``yy > 50`` as
``1300 + yy`` (:data:`TWO_DIGIT_PIVOT`); the sources date from the 1390s and
1400s, so ``۹۹`` is 1399 and ``۰۱`` is 1401.

A Jalali year starts on 1 Farvardin (about 21 March); Esfand has 29 days, 30 in
leap years (1399 and 1403 are leap years, 1401 is not).

>>> parse_date("۹۹/۱۱/۲۱")
jdatetime.date(1399, 11, 21)
>>> to_gregorian("۹۹/۱۱/۲۱")
datetime.date(2021, 2, 9)
>>> format_jalali(parse_deadline("پایان بهمن ۹۹").date)
'۱۳۹۹/۱۱/۳۰'
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import jdatetime

from analysis.core.digits import normalise_fa, to_latin_digits, to_persian_digits

#: Two-digit years up to this are 14xx, above it 13xx.
TWO_DIGIT_PIVOT = 50

#: Month number by normalised name: Persian (incl. common variants) and Latin transliterations.
MONTHS: dict[str, int] = {}
for _n, _names in enumerate([
    ("فروردین", "farvardin"), ("اردیبهشت", "اردی بهشت", "ordibehesht"), ("خرداد", "khordad"),
    ("تیر", "tir"), ("مرداد", "امرداد", "mordad", "amordad"), ("شهریور", "shahrivar"),
    ("مهر", "mehr"), ("آبان", "ابان", "aban"), ("آذر", "اذر", "azar"), ("دی", "dey", "dei"),
    ("بهمن", "bahman"), ("اسفند", "esfand"),
], start=1):
    for _name in _names:
        MONTHS[normalise_fa(_name).lower()] = _n
MONTH_NAMES_FA = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                  "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
MONTH_NAMES_EN = ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
                  "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand")

_DATE = re.compile(r"^\s*(\d{2}|\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")
_DATE_IN_TEXT = re.compile(r"(?<!\d)(\d{2}|\d{4})\s*/\s*(\d{1,2})\s*/\s*(\d{1,2})(?!\d)")



def expand_year(year: int) -> int:
    """Four-digit Jalali year from a printed one (two-digit rule: :data:`TWO_DIGIT_PIVOT`).

    >>> expand_year(99), expand_year(1), expand_year(1401)
    (1399, 1401, 1401)
    """
    year = int(year)
    if year < 0:
        raise ValueError(f"a year cannot be negative: {year}")
    if year < 100:
        return 1400 + year if year <= TWO_DIGIT_PIVOT else 1300 + year
    if year < 1000:
        raise ValueError(f"ambiguous three-digit Jalali year {year}; give two or four digits")
    return year


def is_leap(year: int) -> bool:
    """Whether a Jalali year has 30 days in Esfand (jdatetime's rule).

    >>> is_leap(1399), is_leap(1401), is_leap(1403)
    (True, False, True)
    """
    return jdatetime.date(expand_year(year), 1, 1).isleap()


def month_length(year: int, month: int) -> int:
    """Days in a Jalali month: 31 (months 1-6), 30 (7-11), 29 or 30 (Esfand).

    >>> month_length(1399, 11), month_length(1399, 12), month_length(1401, 12)
    (30, 30, 29)
    """
    if not 1 <= int(month) <= 12:
        raise ValueError(f"Jalali month must be 1-12, got {month}")
    month = int(month)
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap(year) else 29


def _make(year: int, month: int, day: int, text: str) -> jdatetime.date:
    y = expand_year(year)
    if not 1 <= month <= 12 or not 1 <= day <= month_length(y, month):
        raise ValueError(f"not a valid Jalali date: {text!r} (year {y}, month {month}, day {day})")
    return jdatetime.date(y, month, day)


def make_date(year: int, month: int, day: int) -> jdatetime.date:
    """A valid Jalali date from printed parts; a two-digit year by :func:`expand_year`.

    >>> make_date(97, 1, 23)
    jdatetime.date(1397, 1, 23)
    >>> make_date(1401, 12, 30)
    Traceback (most recent call last):
    ...
    ValueError: not a valid Jalali date: '1401/12/30' (year 1401, month 12, day 30)
    """
    return _make(int(year), int(month), int(day), f"{year}/{month}/{day}")


def parse_date(text) -> jdatetime.date:
    """Parse a printed Jalali date: ``YY/MM/DD`` or ``YYYY/MM/DD``, Persian or Latin digits.

    ``jdatetime.date`` passes through; a ``datetime.date`` is taken as
    Gregorian and converted.

    Raises
    ------
    ValueError
        The text is not a date, or not a valid Jalali day (e.g. ``1401/12/30``).

    Examples
    --------
    >>> parse_date("۱۳۹۹/۱۱/۲۵"), parse_date("1401/05/09")
    (jdatetime.date(1399, 11, 25), jdatetime.date(1401, 5, 9))
    >>> parse_date("1401/12/30")
    Traceback (most recent call last):
    ...
    ValueError: not a valid Jalali date: '1401/12/30' (year 1401, month 12, day 30)
    """
    if isinstance(text, jdatetime.date):
        return jdatetime.date(text.year, text.month, text.day)
    if isinstance(text, dt.datetime):
        text = text.date()
    if isinstance(text, dt.date):
        return jdatetime.date.fromgregorian(date=text)
    if not isinstance(text, str):
        raise TypeError(f"expected a date string or date, got {type(text).__name__}: {text!r}")
    m = _DATE.match(to_latin_digits(text).replace("٫", "/"))
    if not m:
        raise ValueError(f"not a Jalali date (expected YY/MM/DD or YYYY/MM/DD): {text!r}")
    y, mo, d = (int(g) for g in m.groups())
    return _make(y, mo, d, text)


def to_gregorian(value) -> dt.date:
    """Gregorian ``datetime.date`` of a Jalali date (string or ``jdatetime.date``).

    >>> to_gregorian("1401/01/01")
    datetime.date(2022, 3, 21)
    """
    return parse_date(value).togregorian()


def format_jalali(value, persian_digits: bool = True, sep: str = "/") -> str:
    """``YYYY/MM/DD`` with zero-padded month and day, Persian digits by default.

    A ``datetime.date`` is taken as Gregorian and converted.

    >>> format_jalali(jdatetime.date(1399, 11, 21))
    '۱۳۹۹/۱۱/۲۱'
    >>> format_jalali(dt.date(2023, 3, 20), persian_digits=False)
    '1401/12/29'
    """
    d = parse_date(value)
    text = f"{d.year:04d}{sep}{d.month:02d}{sep}{d.day:02d}"
    return to_persian_digits(text) if persian_digits else text


def year_span(year: int) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a Jalali year.

    >>> year_span(1401)
    (datetime.date(2022, 3, 21), datetime.date(2023, 3, 20))
    """
    y = expand_year(year)
    return jdatetime.date(y, 1, 1).togregorian(), jdatetime.date(y, 12, month_length(y, 12)).togregorian()


def end_of_month(year: int, month: int) -> jdatetime.date:
    """Last day of a Jalali month.

    >>> end_of_month(99, 11)
    jdatetime.date(1399, 11, 30)
    """
    y = expand_year(year)
    return jdatetime.date(y, month, month_length(y, month))


def end_of_year(year: int) -> jdatetime.date:
    """29 or 30 Esfand of a Jalali year.

    >>> end_of_year(1399), end_of_year(1401)
    (jdatetime.date(1399, 12, 30), jdatetime.date(1401, 12, 29))
    """
    return end_of_month(year, 12)


# --------------------------------------------------------------------------- deadlines
@dataclass(frozen=True)
class Deadline:
    """A parsed deadline: ``date`` is ``None`` when the text names no date; ``reason`` says why.

    ``kind`` is one of ``'date'``, ``'end of month'``, ``'end of year'``,
    ``'duration'`` or ``'none'``.
    """

    text: str
    date: jdatetime.date | None
    kind: str
    reason: str = ""

    @property
    def gregorian(self) -> dt.date | None:
        return None if self.date is None else self.date.togregorian()


_CONTINUOUS = ("مستمر", "دائمی", "دایمی", "continuous", "ongoing", "permanent")
_NUMBER_WORDS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8,
                 "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12}
_UNITS = {"روز": "day", "هفته": "week", "ماه": "month", "سال": "year"}


def _add_months(d: jdatetime.date, n: int) -> jdatetime.date:
    idx = d.year * 12 + (d.month - 1) + n
    y, m = divmod(idx, 12)
    m += 1
    return jdatetime.date(y, m, min(d.day, month_length(y, m)))


def parse_deadline(text: str, reference=None) -> Deadline:
    """Read a deadline as printed in a resolution table.

    Understood forms (Persian or Latin digits, Arabic or Persian letters, with
    or without a leading ``تا``):

    * a date: ``۹۹/۱۱/۲۶``, ``1401/05/09``;
    * end of a month: ``پایان بهمن ۹۹``, ``پایان بهمن ماه ۱۳۹۹``; without a year
      (``پایان اسفند``) the first such month-end on or after ``reference``;
    * end of a year: ``پایان سال ۱۴۰۰``; without a year (``تا پایان سال``,
      ``پایان سال جاری``) the end of ``reference``'s Jalali year (Esfand 29, or
      30 in a leap year);
    * a duration: ``یک ماه``, ``۲ هفته``, ``۱۰ روز`` after ``reference``.

    Anything else (``مستمر``/continuous, ``جذب کامل تسهیلات``, empty) gives
    ``date=None`` with a ``reason``; it never raises for unparseable text. A
    relative form without a ``reference`` also gives ``None`` with a reason.

    Parameters
    ----------
    text : str
    reference : date-like, optional
        The meeting or resolution date, for relative forms.

    Examples
    --------
    003 line 337 (resolution 1), line 350 (resolution 4; resolutions dated
    1399/11/25, line 334), line 348:

    >>> parse_deadline("پایان بهمن ۹۹").date
    jdatetime.date(1399, 11, 30)
    >>> parse_deadline("تا پایان سال", reference="۱۳۹۹/۱۱/۲۵").date
    jdatetime.date(1399, 12, 30)
    >>> d = parse_deadline("جذب کامل تسهیلات")
    >>> d.date, d.reason
    (None, 'no date, month-end, year-end or duration found')
    >>> parse_deadline("مستمر").reason
    'continuous: no deadline'
    """
    raw = "" if text is None else str(text)
    t = normalise_fa(to_latin_digits(raw)).lower()
    ref = None
    if reference is not None:
        ref = parse_date(reference)
    if not t:
        return Deadline(raw, None, "none", "empty deadline")
    if any(w in t for w in _CONTINUOUS):
        return Deadline(raw, None, "none", "continuous: no deadline")
    m = _DATE_IN_TEXT.search(t)
    if m:
        try:
            return Deadline(raw, _make(*(int(g) for g in m.groups()), raw), "date")
        except ValueError as e:
            return Deadline(raw, None, "none", str(e))
    words = re.sub(r"[^\w\s]", " ", t).split()
    years = [int(w) for w in words if w.isdigit() and (len(w) in (2, 4))]
    if "پایان" in words or "end" in words or "اخر" in words or "آخر" in words:
        month = next((MONTHS[w] for w in words if w in MONTHS and w != "ماه"), None)
        if month is not None:
            if years:
                return Deadline(raw, end_of_month(years[0], month), "end of month")
            if ref is None:
                return Deadline(raw, None, "end of month", "month without year needs a reference date")
            cand = end_of_month(ref.year, month)
            if cand < ref:
                cand = end_of_month(ref.year + 1, month)
            return Deadline(raw, cand, "end of month")
        if "سال" in words or "year" in words:
            if years:
                return Deadline(raw, end_of_year(years[0]), "end of year")
            if ref is None:
                return Deadline(raw, None, "end of year", "'end of the year' needs a reference date")
            return Deadline(raw, end_of_year(ref.year), "end of year")
    for i, w in enumerate(words):
        if w in _UNITS and i > 0:
            n = _NUMBER_WORDS.get(words[i - 1]) or (int(words[i - 1]) if words[i - 1].isdigit() else None)
            if n is None:
                continue
            if ref is None:
                return Deadline(raw, None, "duration", "a duration needs a reference date")
            unit = _UNITS[w]
            if unit == "day":
                d = ref + jdatetime.timedelta(days=n)
            elif unit == "week":
                d = ref + jdatetime.timedelta(days=7 * n)
            elif unit == "month":
                d = _add_months(ref, n)
            else:
                d = _add_months(ref, 12 * n)
            return Deadline(raw, d, "duration")
    return Deadline(raw, None, "none", "no date, month-end, year-end or duration found")


def days_between(start, end) -> int | None:
    """Days from ``start`` to ``end`` (negative if ``end`` is earlier).

    Either may be a date string, a ``jdatetime.date``, a Gregorian
    ``datetime.date`` or a :class:`Deadline`; a deadline without a date gives
    ``None`` (its ``reason`` says why).

    Examples
    --------
    Meeting 99/11/21 (003 line 25) to the deadline of resolution 1 (line 337):

    >>> days_between("۹۹/۱۱/۲۱", parse_deadline("پایان بهمن ۹۹"))
    9
    """
    vals = []
    for v in (start, end):
        if isinstance(v, Deadline):
            if v.date is None:
                return None
            v = v.date
        vals.append(parse_date(v).togregorian())
    return (vals[1] - vals[0]).days
