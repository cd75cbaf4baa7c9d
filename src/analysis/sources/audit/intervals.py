"""Interval arithmetic on printed figures: the values a rounded figure can stand for.

A figure printed with ``d`` decimals stands for any value within half a unit of its last
printed digit: ``2.1`` is [2.05, 2.15], ``872`` is [871.5, 872.5], ``15000`` taken as rounded
to the thousand (``decimals=-3``) is [14500, 15500]. A figure known exactly (a count) is a
single point. :class:`Interval` carries the bounds and the *nominal* value (the figure as
printed, or what a computation on printed figures gives when they are taken at face value),
and propagates both through ``+ - * /``. Every operation is monotone in each argument, so the
result's bounds are the minimum and maximum over the corner values; dividing by an interval
that contains 0 is undefined (:class:`ZeroDivisionError`).

Bounds are exact fractions (:class:`fractions.Fraction`): a float is read by its shortest
decimal form (``2.1`` is 21/10, not the binary double), so no floating-point error can move a
verdict across a boundary. Intervals are closed: two intervals that touch overlap.

Two readings of prose figures: :meth:`Interval.about` for a figure the source calls
approximate (one unit of its last digit either side) and :meth:`Interval.at_least` for
"more than x" (a lower bound, compared but not computed with).

Interval arithmetic treats every occurrence of a figure as independent. Write an expression
with each printed figure once (``after / before - 1``, not ``(after - before) / before``), or
the interval comes out wider than the figures allow.

>>> before, after = Interval.from_printed(2.1), Interval.from_printed(2.2)  # 002 line 2437
>>> change = 100 * (after / before - 1)
>>> change
Interval(0, 9.7561, value=4.7619)
>>> change.overlaps(Interval.from_printed(6))  # printed 6 %: consistent given rounding
True
>>> Interval.from_printed(6).contains(change.value)  # but 4.76 does not round to 6
False
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from analysis.core.digits import to_latin_digits

Number = int | float | Fraction


def _frac(x) -> Fraction:
    """An exact fraction of a number, a float read by its shortest decimal form.

    >>> _frac(2.1), _frac(3), _frac(Fraction(1, 3))
    (Fraction(21, 10), Fraction(3, 1), Fraction(1, 3))
    """
    if isinstance(x, Fraction):
        return x
    if isinstance(x, bool):
        raise TypeError(f"not a number: {x!r}")
    if isinstance(x, int):
        return Fraction(x)
    x = float(x)  # numpy scalars too
    if not math.isfinite(x):
        raise ValueError(f"not a finite number: {x!r}")
    return Fraction(repr(x))


def decimals_of(x) -> int:
    """Decimals of a figure as stored: the digits after the point of its shortest form,
    0 for a whole number. The transcriptions keep the printed digits (no figure in the
    data is printed with trailing zeros after its decimal point: a test checks every stored
    value against its seed token), so this is the number of decimals printed.

    >>> decimals_of(2.1), decimals_of(64.0), decimals_of(872), decimals_of(0.177), decimals_of(10418.03)
    (1, 0, 0, 3, 2)
    """
    if isinstance(x, int | Fraction) and Fraction(x).denominator == 1:
        return 0
    x = float(x)
    if x.is_integer():
        return 0
    return max(0, -Decimal(repr(x)).as_tuple().exponent)


def _fmt(x: Fraction | float) -> str:
    """A bound for reading: exact when short, else to 4 decimals (trailing zeros dropped)."""
    if isinstance(x, float):  # an unbounded end
        return "∞" if x > 0 else "-∞"
    if x.denominator == 1:
        return str(x.numerator)
    text = f"{float(x):.4f}".rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True)
class Interval:
    """A closed interval [lo, hi] with the nominal value inside it (``lo <= value <= hi``).

    ``hi`` may be ``math.inf`` for a printed bound such as "more than 7.2 %"
    (:meth:`at_least`); such an interval takes part in comparisons, not in arithmetic.
    """

    lo: Fraction
    hi: Fraction | float
    value: Fraction

    def __post_init__(self):
        if not self.lo <= self.value <= self.hi:
            raise ValueError(f"interval [{self.lo}, {self.hi}] does not contain its value {self.value}")

    # ------------------------------------------------------------------ makers
    @classmethod
    def exact(cls, x: Number) -> Interval:
        """A figure known exactly (a count of things): a single point.

        >>> Interval.exact(42)
        Interval(42, 42, value=42)
        """
        v = _frac(x)
        return cls(v, v, v)

    @classmethod
    def from_printed(cls, x: Number, decimals: int | None = None) -> Interval:
        """A printed figure: ``x`` plus or minus half a unit of its last printed digit.

        ``decimals`` defaults to :func:`decimals_of` ``x``; a negative value rounds to tens,
        hundreds, thousands (a round figure of the prose, ``15000`` as "about 15 thousand").

        >>> Interval.from_printed(2.1)
        Interval(2.05, 2.15, value=2.1)
        >>> Interval.from_printed(872)
        Interval(871.5, 872.5, value=872)
        >>> Interval.from_printed(15000, decimals=-3)
        Interval(14500, 15500, value=15000)
        """
        v = _frac(x)
        d = decimals_of(x) if decimals is None else int(decimals)
        half = Fraction(1, 2) * Fraction(10) ** -d
        return cls(v - half, v + half, v)

    @classmethod
    def from_text(cls, text: str, decimal: str = ".") -> Interval:
        """A figure as printed in a seed: Persian or Latin digits, ``decimal`` the decimal
        separator (``"/"`` for 002's hectares, ``"٫"`` in Persian text), any other separator
        grouping thousands; a trailing ``%`` or ``٪`` is ignored.

        >>> Interval.from_text("2.1")
        Interval(2.05, 2.15, value=2.1)
        >>> Interval.from_text("830/4", decimal="/")
        Interval(830.35, 830.45, value=830.4)
        >>> Interval.from_text("31.500")  # 002 money: '.' groups thousands
        Interval(31.4995, 31.5005, value=31.5)
        >>> Interval.from_text("31.500", decimal="none")
        Interval(31499.5, 31500.5, value=31500)
        >>> Interval.from_text("۱۴/۵٪", decimal="/")
        Interval(14.45, 14.55, value=14.5)
        """
        s = to_latin_digits(text).strip().rstrip("%٪").strip()
        if not re.fullmatch(r"-?\d+(?:[.,/٫٬\u060c]\d+)*", s):
            raise ValueError(f"not a printed number: {text!r}")
        neg = s.startswith("-")
        s = s.lstrip("-")
        if decimal != "none" and decimal in s:
            whole, frac = s.rsplit(decimal, 1)
        else:
            whole, frac = s, ""
        whole = re.sub(r"[.,/٫٬\u060c]", "", whole)
        v = Fraction(int(whole + frac), 10 ** len(frac)) * (-1 if neg else 1)
        half = Fraction(1, 2) / 10 ** len(frac)
        return cls(v - half, v + half, v)

    @classmethod
    def about(cls, x: Number, decimals: int | None = None) -> Interval:
        """A figure the source itself calls approximate ("در حدود ۲۰۵ هزار", about 205 thousand):
        one unit of its last printed digit either side, twice the interval of a rounded figure.

        >>> Interval.about(205)
        Interval(204, 206, value=205)
        """
        v = _frac(x)
        d = decimals_of(x) if decimals is None else int(decimals)
        unit = Fraction(10) ** -d
        return cls(v - unit, v + unit, v)

    @classmethod
    def at_least(cls, x: Number) -> Interval:
        """A printed lower bound ("more than 7.2 %"): [x, ∞), nominal value x.

        >>> Interval.at_least(7.2).contains(7.36), Interval.at_least(7.2).contains(7.08)
        (True, False)
        """
        v = _frac(x)
        return cls(v, math.inf, v)

    @staticmethod
    def sum(items: Iterable[Interval]) -> Interval:
        """The sum of intervals (0 for none).

        >>> Interval.sum([Interval.from_printed(1.5), Interval.from_printed(2)])
        Interval(2.95, 4.05, value=3.5)
        """
        total = Interval.exact(0)
        for x in items:
            total = total + x
        return total

    # ------------------------------------------------------------------ arithmetic
    @staticmethod
    def _of(x) -> Interval:
        return x if isinstance(x, Interval) else Interval.exact(x)

    def _bounded(self) -> Interval:
        if isinstance(self.hi, float):
            raise ValueError(f"{self} is unbounded: it can be compared, not computed with")
        return self

    def __add__(self, other) -> Interval:
        a, b = self._bounded(), Interval._of(other)._bounded()
        return Interval(a.lo + b.lo, a.hi + b.hi, a.value + b.value)

    __radd__ = __add__

    def __neg__(self) -> Interval:
        a = self._bounded()
        return Interval(-a.hi, -a.lo, -a.value)

    def __sub__(self, other) -> Interval:
        return self + (-Interval._of(other))

    def __rsub__(self, other) -> Interval:
        return Interval._of(other) + (-self)

    def __mul__(self, other) -> Interval:
        a, b = self._bounded(), Interval._of(other)._bounded()
        corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        return Interval(min(corners), max(corners), a.value * b.value)

    __rmul__ = __mul__

    def __truediv__(self, other) -> Interval:
        """Division; undefined (:class:`ZeroDivisionError`) when the divisor's interval contains 0.

        >>> Interval.from_printed(1) / Interval.from_printed(0.3)
        Interval(1.4286, 6, value=3.3333)
        >>> Interval.exact(1) / Interval.from_printed(0)
        Traceback (most recent call last):
        ...
        ZeroDivisionError: division by [-0.5, 0.5], which contains 0: undefined
        """
        b = Interval._of(other)._bounded()
        if b.lo <= 0 <= b.hi:
            raise ZeroDivisionError(f"division by {b}, which contains 0: undefined")
        return self * Interval(1 / b.hi, 1 / b.lo, 1 / b.value)

    def __rtruediv__(self, other) -> Interval:
        return Interval._of(other) / self

    # ------------------------------------------------------------------ comparisons
    def contains(self, x) -> bool:
        """Whether the number ``x`` (or the whole interval ``x``) lies within this interval."""
        if isinstance(x, Interval):
            return self.lo <= x.lo and x.hi <= self.hi
        x = _frac(x)
        return self.lo <= x <= self.hi

    def overlaps(self, other: Interval) -> bool:
        """Whether the two closed intervals share at least one value.

        >>> Interval.from_printed(5916).overlaps(Interval.from_printed(5916.5))  # they touch at 5916.5
        True
        >>> Interval.from_printed(638).overlaps(Interval.from_printed(639.8))
        False
        """
        return self.lo <= other.hi and other.lo <= self.hi

    @property
    def exact_point(self) -> bool:
        """Whether the interval is a single point (a figure known exactly)."""
        return self.lo == self.hi

    @property
    def low(self) -> float:
        return float(self.lo)

    @property
    def high(self) -> float:
        return float(self.hi)

    def __str__(self) -> str:
        """``[lo, hi]``, or the single value of an exact figure.

        >>> str(Interval.from_printed(2.1)), str(Interval.exact(7)), str(Interval.at_least(9))
        ('[2.05, 2.15]', '7', '[9, ∞)')
        """
        if self.exact_point:
            return _fmt(self.lo)
        close = ")" if isinstance(self.hi, float) else "]"
        return f"[{_fmt(self.lo)}, {_fmt(self.hi)}{close}"

    def __repr__(self) -> str:
        return f"Interval({_fmt(self.lo)}, {_fmt(self.hi)}, value={_fmt(self.value)})"
