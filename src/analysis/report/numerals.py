"""Numbers across the two editions: reading a formatted number back, and Persian digits on
figure axes.

The formatters of :mod:`analysis.report.display` (``num``, ``pct``, ...) write a number the
English way (``113.6 %``, ``5,051,281``) or, in the Persian edition, the Persian way
(``۱۱۳٫۶٪``, ``۵٬۰۵۱٬۲۸۱``). :func:`value_of` reads either back to the same float, so a test can
check that a value glued in both editions is the same number; :func:`values_in` does it for
every number in a sentence. :func:`persian_ticks` gives a figure's tick labels Persian digits
in the Persian edition.
"""
from __future__ import annotations

import functools
import math
import re

from analysis.core.digits import PERSIAN_DECIMAL, PERSIAN_THOUSANDS, to_latin_digits
from analysis.report.display import DASH, localise

#: Marks that carry no value: left-to-right / right-to-left / Arabic letter marks, isolates,
#: no-break and thin spaces.
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u2066\u2067\u2068\u2069\u00a0\u202f\u2009"), " ")
_MINUS = "-\u2212"  # hyphen-minus (English edition) and MINUS SIGN (Persian edition, matplotlib)
_PERCENT = "%\u066a"  # percent sign and ARABIC PERCENT SIGN

#: One number as the editions write it, after :func:`_plain`: sign, digits grouped by "," or
#: not, decimals after ".", an optional percent sign (space before it or not).
_ONE = re.compile(rf"^[{_MINUS}+]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?\s?[{_PERCENT}]?$")
_ANY = re.compile(rf"(?<![\w.,])[{_MINUS}+]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?!\w)")


def _plain(text: str) -> str:
    """``text`` with Latin digits, "," thousands, "." decimals and no invisible marks."""
    s = to_latin_digits(str(text)).translate(_INVISIBLE)
    return s.replace(PERSIAN_THOUSANDS, ",").replace(PERSIAN_DECIMAL, ".").strip()


def value_of(text) -> float:
    """The value of one formatted number, English or Persian: the number as written (a
    percentage stays in percent: ``113.6 %`` is 113.6); the dash of a missing value is NaN.

    >>> value_of("113.6 %"), value_of("۱۱۳٫۶٪"), value_of("5,051,281"), value_of("۵٬۰۵۱٬۲۸۱")
    (113.6, 113.6, 5051281.0, 5051281.0)
    >>> value_of("-11.2 %"), value_of("\u200e\u2212۱۱٫۲٪"), value_of("+12"), value_of("\u200e+۱۲")
    (-11.2, -11.2, 12.0, 12.0)
    >>> math.isnan(value_of("—"))
    True
    >>> value_of("12 of 31")
    Traceback (most recent call last):
    ...
    ValueError: not one formatted number: '12 of 31' (expected e.g. '113.6 %', '۱۱۳٫۶٪', '5,051,281' or '—')
    """
    s = _plain(text)
    if s == DASH:
        return math.nan
    if not _ONE.match(s):
        raise ValueError(f"not one formatted number: {str(text)!r} "
                         "(expected e.g. '113.6 %', '۱۱۳٫۶٪', '5,051,281' or '—')")
    s = s.rstrip(_PERCENT).strip().replace(",", "").replace("\u2212", "-")
    return float(s)


def values_in(text) -> list[float]:
    """Every number in a text, English or Persian, in order: what a glued sentence says in
    numbers, to compare the two editions of it. Words, dates' hyphens and a percent sign are
    not numbers; digits inside a word (``T13``) are not read.

    >>> values_in("9 entries, 8 projects; 113.6 % of 5,051,281")
    [9.0, 8.0, 113.6, 5051281.0]
    >>> values_in("۹ مورد، ۸ پروژه؛ ۱۱۳٫۶٪ از ۵٬۰۵۱٬۲۸۱")
    [9.0, 8.0, 113.6, 5051281.0]
    """
    return [float(m.group(0).replace(",", "").replace("\u2212", "-")) for m in _ANY.finditer(_plain(text))]


# -------------------------------------------------------------------------------- figure axes
def _is_number(label: str) -> bool:
    try:
        value_of(label)
    except ValueError:
        return False
    return True


def _persian(label: str) -> str:
    """A tick label in Persian form when it is a number (each line of a label of several
    lines on its own); any other label (a province, ``002 T13``, mathtext ``$10^{3}$``) as it is.
    matplotlib's own minus sign (U+2212) is written as the English hyphen first, so that
    :func:`~analysis.report.display.localise` gives it the Persian form."""
    return "\n".join(localise(line.replace("\u2212", "-"), "fa") if _is_number(line) else line
                     for line in str(label).split("\n"))


@functools.cache
def _formatter_class():
    from matplotlib import ticker

    class PersianDigits(ticker.Formatter):
        """Wraps an axis' formatter: the same labels, those that are numbers with Persian
        digits and separators."""

        def __init__(self, inner: ticker.Formatter):
            self.inner = inner

        def _out(self, label: str) -> str:
            return _persian(label)

        def set_axis(self, axis):
            super().set_axis(axis)
            self.inner.set_axis(axis)

        def set_locs(self, locs):
            self.inner.set_locs(locs)

        def __call__(self, x, pos=None):
            return self._out(self.inner(x, pos))

        def format_ticks(self, values):
            return [self._out(s) for s in self.inner.format_ticks(values)]

        def format_data_short(self, value):
            return self._out(self.inner.format_data_short(value))

        def get_offset(self):
            return _persian(self.inner.get_offset())

    return PersianDigits


def persian_ticks(ax, axis: str = "both", lang: str | None = None):
    """In the Persian edition (``lang``, default :func:`analysis.core.text.language`), make the
    tick labels of ``ax`` (an Axes, or a colour bar's ``cbar.ax``) show Persian digits: each
    axis' major and minor formatter is wrapped, so the labels are the ones the figure code
    chose, and those that are numbers are in Persian form (``۱۲۰۰۰``, ``۱۱۳٫۶٪``, ``\u200e−۵``);
    names (provinces, indicators) stay as they are. In English nothing changes.

    Call it after the figure code has set its formatters and tick labels (a later
    ``set_major_formatter`` replaces the wrapper). ``axis``: ``"x"``, ``"y"`` or ``"both"``.
    Returns ``ax``.
    """
    from analysis.core.text import language
    if axis not in ("x", "y", "both"):
        raise ValueError(f"persian_ticks: axis must be 'x', 'y' or 'both', not {axis!r}")
    if (lang or language()) != "fa":
        return ax
    cls = _formatter_class()
    for name in ("x", "y") if axis == "both" else (axis,):
        a = getattr(ax, f"{name}axis")
        for which in ("major", "minor"):
            current = a.get_major_formatter() if which == "major" else a.get_minor_formatter()
            if isinstance(current, cls):
                continue
            (a.set_major_formatter if which == "major" else a.set_minor_formatter)(cls(current))
    return ax
