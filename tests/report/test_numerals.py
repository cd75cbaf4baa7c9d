"""Reading formatted numbers back (value_of, values_in) and Persian digits on figure axes."""
import math
import re

import matplotlib
import pytest

from analysis.core import text
from analysis.report import display as d
from analysis.report.numerals import persian_ticks, value_of, values_in

matplotlib.use("Agg")

LATIN = re.compile(r"[0-9]")


@pytest.fixture
def persian():
    text.use_language("fa")
    yield
    text.use_language("en")


@pytest.mark.parametrize(("written", "value"), [
    ("113.6 %", 113.6), ("۱۱۳٫۶٪", 113.6), ("5,051,281", 5051281.0), ("۵٬۰۵۱٬۲۸۱", 5051281.0),
    ("-11.2 %", -11.2), ("\u200e\u2212۱۱٫۲٪", -11.2), ("\u2212۵", -5.0), ("+12", 12.0),
    ("٥٫٢", 5.2),  # Arabic-Indic digits read too
    ("  16,262 ", 16262.0), ("\u2068۱۶٬۲۶۲\u2069", 16262.0), ("0", 0.0),
])
def test_value_of(written, value):
    assert value_of(written) == value


@pytest.mark.parametrize("bad", ["12 of 31", "1,23", "abc", "", "1.2.3", "T13"])
def test_value_of_refuses_what_is_not_one_number(bad):
    with pytest.raises(ValueError, match="not one formatted number"):
        value_of(bad)


def test_the_dash_is_nan():
    assert math.isnan(value_of("—"))


# every formatter: the English and the Persian text of one value read back to the same number
ROUND_TRIPS = [
    (d.num, (16262,), 16262.0), (d.num, (5051281,), 5051281.0), (d.num, (9.14, 1), 9.1),
    (d.num, (-1234.5, 1), -1234.5), (d.pct, (718 / 739,), 97.2), (d.pct, (1.136,), 113.6),
    (d.pct, (-0.112,), -11.2), (d.pct, (0.95, 0), 95.0), (d.percent, (75.7,), 75.7),
    (d.fixed, (0.456,), 0.46), (d.signed, (-3,), -3.0), (d.signed, (12,), 12.0),
    (d.general, (7.5,), 7.5), (d.plain, (1401,), 1401.0), (d.ordinal, (3,), None),
]


@pytest.mark.parametrize(("f", "args", "value"), ROUND_TRIPS, ids=[f"{f.__name__}{a}" for f, a, _ in ROUND_TRIPS])
def test_same_value_in_both_editions(f, args, value):
    english = f(*args)
    text.use_language("fa")
    try:
        persian_ = f(*args)
    finally:
        text.use_language("en")
    assert LATIN.search(persian_) is None
    if value is None:  # an ordinal reads as a number only in Persian ("۳"; "3rd" in English)
        assert value_of(persian_) == 3.0
        return
    assert value_of(english) == value_of(persian_) == value


def test_values_in_a_sentence_of_both_editions(persian):
    # the methods chapter's gap sentence (002 Table 13): the same numbers in both languages
    from analysis.metrics import planactual
    from analysis.report import intro
    gap = planactual.explain_gap(intro.water())
    fa_numbers = values_in(intro.gap_sentence(gap))
    text.use_language("en")
    en_numbers = values_in(intro.gap_sentence(gap))
    assert sorted(fa_numbers) == sorted(en_numbers)
    assert 99.0 in en_numbers and 5.1 in en_numbers  # 002 line 957: Zanjan planned 99, ratio 5.1 %


def test_values_in_skips_identifiers():
    assert values_in("002 · T13 · l.955") == [2.0]
    assert values_in("۰۰۲ · ج13 · س955") == [2.0]


def _labels(fig, axis):
    fig.canvas.draw()
    return [t.get_text() for t in axis.get_ticklabels() if t.get_text()]


def _figure():
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    ax.plot([0, 12000], [-0.5, 1.5])
    return fig, ax


def test_persian_ticks_in_persian(persian):
    import matplotlib.pyplot as plt
    from matplotlib.ticker import PercentFormatter
    fig, ax = _figure()
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    text.use_language("en")
    en_x, en_y = _labels(fig, ax.xaxis), _labels(fig, ax.yaxis)
    text.use_language("fa")
    assert persian_ticks(ax) is ax
    fa_x, fa_y = _labels(fig, ax.xaxis), _labels(fig, ax.yaxis)
    plt.close(fig)
    assert fa_x and fa_y and not any(LATIN.search(s) for s in fa_x + fa_y)
    assert [value_of(s) for s in fa_x] == [value_of(s) for s in en_x]  # the same ticks
    assert [value_of(s) for s in fa_y] == [value_of(s) for s in en_y]
    assert "12000" in en_x and "۱۲۰۰۰" in fa_x  # matplotlib's own labels, not grouped in either edition
    assert "۱۰۰٪" in fa_y and "\u200e\u2212۵۰٪" in fa_y


def test_persian_ticks_leave_category_labels(persian):
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    ax.bar([0, 1, 2], [1, 2, 3])
    ax.set_xticks([0, 1, 2], ["002 T13", "خوزستان", "+12"])
    persian_ticks(ax, "x")
    persian_ticks(ax, "x")  # twice: wrapped once
    labels = _labels(fig, ax.xaxis)
    plt.close(fig)
    assert labels == ["002 T13", "خوزستان", "\u200e+۱۲"]


def test_persian_ticks_change_nothing_in_english():
    import matplotlib.pyplot as plt
    fig, ax = _figure()
    before = ax.xaxis.get_major_formatter()
    persian_ticks(ax)
    assert ax.xaxis.get_major_formatter() is before
    plt.close(fig)


def test_persian_ticks_names_the_valid_axes():
    with pytest.raises(ValueError, match="'x', 'y' or 'both'"):
        persian_ticks(None, "z")
