"""Reader-visible labels, one file per language (``en.yml``, ``fa.yml``).

>>> en("plan"), fa("plan")
('Plan', 'برنامه')
>>> bi("province") == "Province · \u2068استان\u2069"
True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent
LANGUAGES = ("en", "fa")


@lru_cache(maxsize=None)
def labels(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise KeyError(f"unknown language {lang!r}; valid: {LANGUAGES}")
    return yaml.safe_load((HERE / f"{lang}.yml").read_text(encoding="utf-8"))


def label(key: str, lang: str = "en") -> str:
    table = labels(lang)
    if key not in table:
        raise KeyError(f"no {lang} label {key!r} in src/analysis/text/{lang}.yml")
    return table[key]


def en(key: str) -> str:
    return label(key, "en")


def fa(key: str) -> str:
    return label(key, "fa")


FSI, PDI = "\u2068", "\u2069"  # Unicode first-strong isolate and pop: keep a Persian run from
# swallowing the numbers and brackets that follow it (works in browsers and in matplotlib)


def isolate(text: str) -> str:
    """Wrap a Persian run in bidi isolates so neighbouring text keeps its order.

    >>> isolate("تامین آب") == "\u2068تامین آب\u2069"
    True
    """
    return f"{FSI}{text}{PDI}"


def pair(english: str, persian: str) -> str:
    """An English and a Persian name joined by a middle dot, the Persian isolated.

    >>> pair("Water supply", "تامین آب") == "Water supply · \u2068تامین آب\u2069"
    True
    """
    return f"{english} · {isolate(persian)}"


def bi(key: str) -> str:
    """English and Persian label joined by a middle dot (see :func:`pair`)."""
    return pair(en(key), fa(key))
