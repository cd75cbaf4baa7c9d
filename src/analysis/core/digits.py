"""Persian and Arabic digits, letters and numbers as printed in the sources.

>>> to_latin_digits("۱۴۰۱/۰۵/۰۹")
'1401/05/09'
>>> to_persian_digits(13.3)
'۱۳٫۳'
>>> normalise_fa("كرمانشاه")  # Arabic kaf and yeh become Persian
'کرمانشاه'
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, "0123456789" * 2)
_TO_PERSIAN = str.maketrans("0123456789", PERSIAN_DIGITS)

PERSIAN_DECIMAL = "٫"  # U+066B ARABIC DECIMAL SEPARATOR
PERSIAN_THOUSANDS = "٬"  # U+066C ARABIC THOUSANDS SEPARATOR
ZWNJ = "\u200c"

_LETTERS = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
    "ٱ": "ا", "ؤ": "و",
})
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat and tatweel


def to_latin_digits(text: str) -> str:
    """Replace Persian and Arabic-Indic digits by ASCII digits; other characters stay."""
    return str(text).translate(_TO_LATIN)


def to_persian_digits(value, decimals: int | None = None, thousands: bool = False) -> str:
    """Format a number (or digit string) with Persian digits for Persian text.

    Parameters
    ----------
    value : number or str
    decimals : int, optional
        Round to this many decimals first.
    thousands : bool
        Group thousands with the Persian thousands separator (U+066C).

    Examples
    --------
    >>> to_persian_digits(551)
    '۵۵۱'
    >>> to_persian_digits(66000, thousands=True)
    '۶۶٬۰۰۰'
    >>> to_persian_digits(0.256, decimals=2)
    '۰٫۲۶'
    """
    if isinstance(value, str):
        return value.translate(_TO_PERSIAN)
    if decimals is not None:
        text = f"{value:,.{decimals}f}" if thousands else f"{value:.{decimals}f}"
    elif isinstance(value, int) or float(value).is_integer():
        text = f"{int(value):,}" if thousands else str(int(value))
    else:
        text = f"{value:,}" if thousands else repr(float(value))
    text = text.replace(",", "\0").replace(".", PERSIAN_DECIMAL).replace("\0", PERSIAN_THOUSANDS)
    return text.translate(_TO_PERSIAN)


def normalise_fa(text: str) -> str:
    """Normalise Persian text for matching: Persian ی/ک, no diacritics, ZWNJ as space, single spaces.

    >>> normalise_fa("سيستان  و\u200cبلوچستان")
    'سیستان و بلوچستان'
    """
    text = unicodedata.normalize("NFC", str(text)).translate(_LETTERS)
    text = _DIACRITICS.sub("", text).replace(ZWNJ, " ")
    return re.sub(r"\s+", " ", text).strip()


_LETTER = re.compile(r"[^\W\d_]")
_FOLD = str.maketrans({"گ": "ک", "آ": "ا"})  # the extracted text sometimes prints ک for گ and ا for آ


def letters(text: str) -> Counter:
    """The letters of a text as a multiset, after :func:`normalise_fa` and folding گ/ک, آ/ا.

    Word order and spaces do not count, so it matches words that the right-to-left
    extraction scrambled or split:

    >>> letters("جمع") == letters("ع مج")
    True
    >>> letters("گاز") == letters("كاز")
    True
    """
    return Counter(_LETTER.findall(normalise_fa(text).translate(_FOLD)))


_NUMBER = re.compile(r"\d+(?:[.,/٫٬\u060c]\d+)*")  # U+060C: Arabic comma, a thousands separator in 002 Table 64


def number_tokens(text: str) -> list[str]:
    """Digit runs in a line, separators kept, after converting Persian digits.

    >>> number_tokens("۱۴/۵٪ و 31.500 میلیون")
    ['14/5', '31.500']
    """
    return _NUMBER.findall(to_latin_digits(text))


def readings(token: str) -> set[float]:
    """Every number a printed token can mean in these sources.

    A separator may be a thousands separator (002's money columns: ``31.500`` is
    31 500) or a decimal point (002's hectares ``9/1`` is 9.1; Persian ``۱۴/۵٪`` is
    14.5). A token with several separators is also read as a date-like run of
    separate numbers.

    >>> sorted(readings("31.500"))
    [31.0, 31.5, 500.0, 31500.0]
    >>> sorted(readings("9/1"))
    [1.0, 9.0, 9.1, 91.0]
    >>> sorted(readings("1.234.567"))
    [1.0, 234.0, 567.0, 1234.567, 1234567.0]
    """
    parts = re.split(r"[.,/٫٬\u060c]", token)
    out = {float(p) for p in parts}  # separators as plain separators between numbers
    out.add(float("".join(parts)))  # all separators are thousands separators
    if len(parts) >= 2:  # last separator decimal, others thousands
        out.add(float("".join(parts[:-1]) + "." + parts[-1]))
    return out


def numbers_on_line(text: str) -> set[float]:
    """Every reading of every number token on a line (see :func:`readings`)."""
    out: set[float] = set()
    for token in number_tokens(text):
        out |= readings(token)
    return out


def parse_number(text: str, decimal: str = "/") -> float:
    """Parse one printed number, stating which separator is the decimal point.

    Parameters
    ----------
    text : str
        The cell, Persian or Latin digits, optional % sign.
    decimal : {"/", ".", ",", "none"}
        The separator that is the decimal point; the others are thousands
        separators. ``"none"`` means every separator groups thousands.

    Examples
    --------
    >>> parse_number("۱۴/۵٪")
    14.5
    >>> parse_number("31.500", decimal="none")
    31500.0
    >>> parse_number("۶,۲", decimal=",")
    6.2
    """
    raw = to_latin_digits(text).replace("٫", ".").strip().strip("%٪").strip()
    if decimal == "none":
        cleaned = re.sub(r"[.,/٬]", "", raw)
    else:
        seps = {".", ",", "/", "٬"} - {decimal}
        cleaned = raw
        for s in seps:
            cleaned = cleaned.replace(s, "")
        cleaned = cleaned.replace(decimal, ".")
    try:
        return float(cleaned)
    except ValueError:
        raise ValueError(f"cannot read a number from {text!r} (decimal separator {decimal!r})") from None
