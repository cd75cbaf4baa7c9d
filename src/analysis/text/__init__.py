"""Reader-visible labels, one file per language (``en.yml``, ``fa.yml``).

>>> en("plan"), fa("plan")
('Plan', 'برنامه')
>>> bi("province")
'Province · استان'
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


def bi(key: str) -> str:
    """English and Persian label joined by a middle dot."""
    return f"{en(key)} · {fa(key)}"
