"""The registry of Iran's 31 provinces and Persian/English name matching.

The registry (``provinces.yml`` beside this module) is the single source of truth:
English key, Persian name, ISO 3166-2:IR code, programme membership.

>>> len(registry())
31
>>> to_key("كرمانشاه")
'Kermanshah'
>>> to_key("چستان بلو  سيستان و")  # scrambled right-to-left extraction
'Sistan and Baluchestan'
>>> get("Hamadan").fa
'همدان'
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from analysis.core.digits import normalise_fa

REGISTRY_FILE = Path(__file__).with_name("provinces.yml")


class UnknownProvinceError(KeyError):
    """A province name or key that is not in the registry."""

    def __str__(self) -> str:  # KeyError quotes its message; show it plainly
        return str(self.args[0])


@dataclass(frozen=True)
class Province:
    key: str
    fa: str
    iso: str
    programmes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=(), repr=False)

    @property
    def slug(self) -> str:
        """File-name form of the key: ``"Sistan and Baluchestan"`` -> ``"sistan-and-baluchestan"``."""
        return slugify(self.key)

    def in_programme(self, name: str) -> bool:
        return name in self.programmes


def slugify(key: str) -> str:
    """>>> slugify("Kohgiluyeh and Boyer-Ahmad")
    'kohgiluyeh-and-boyer-ahmad'
    """
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


@lru_cache(maxsize=1)
def registry() -> tuple[Province, ...]:
    """All 31 provinces in the order of the sources' tables (Persian alphabetical)."""
    raw = yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))["provinces"]
    return tuple(
        Province(key=p["key"], fa=normalise_fa(p["fa"]), iso=p["iso"],
                 programmes=tuple(p.get("programmes", ())), aliases=tuple(p.get("aliases", ())))
        for p in raw
    )


def keys() -> list[str]:
    """The 31 English keys, in registry order."""
    return [p.key for p in registry()]


def members(programme: str) -> list[Province]:
    """Provinces flagged for a programme, e.g. ``"kaleh"``.

    >>> [p.key for p in members("kaleh")]
    ['Ilam', 'Kermanshah', 'Lorestan', 'Hamadan']
    """
    found = [p for p in registry() if programme in p.programmes]
    if not found:
        known = sorted({m for p in registry() for m in p.programmes})
        raise KeyError(f"no province is flagged {programme!r}; known programmes: {known}")
    return found


def _letters(text: str) -> str:
    """Sorted letters of a name: robust to word order and to words split apart."""
    t = normalise_fa(text).replace("آ", "ا").lower()
    return "".join(sorted(c for c in t if c.isalpha()))


def _letters_no_and(text: str) -> str:
    words = [w for w in normalise_fa(text).split() if w not in ("و", "and", "&")]
    return _letters(" ".join(words))


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for p in registry():
        index[p.iso.lower()] = p.key
        for name in (p.key, p.fa, p.slug, *p.aliases):
            for form in (_letters(name), _letters_no_and(name)):
                other = index.setdefault(form, p.key)
                if other != p.key:  # pragma: no cover - guards the registry itself
                    raise ValueError(f"registry names {p.key!r} and {other!r} are indistinguishable")
    return index


def to_key(name: str) -> str:
    """Map an English key, alias, ISO code or Persian name (any spelling) to the registry key.

    Matching ignores Arabic/Persian letter variants, ZWNJ, spaces, case, the
    conjunction "و"/"and", and the order of letters (the sources' extracted text
    scrambles words and splits them).

    Raises
    ------
    UnknownProvinceError
        With the closest registry names and the list of valid keys.

    Examples
    --------
    >>> to_key("Hamedan")
    'Hamadan'
    >>> to_key("IR-06")
    'Khuzestan'
    >>> to_key("Tehrn")
    Traceback (most recent call last):
    ...
    analysis.core.provinces.UnknownProvinceError: unknown province 'Tehrn'; did you mean: Tehran, ...? Valid keys: East Azerbaijan, ...
    """
    if not isinstance(name, str) or not name.strip():
        raise UnknownProvinceError(f"province name must be a non-empty string, got {name!r}")
    index = _index()
    if name.strip().lower() in index:
        return index[name.strip().lower()]
    for form in (_letters(name), _letters_no_and(name)):
        if form in index:
            return index[form]
    names = {n: p.key for p in registry() for n in (p.key, p.fa, *p.aliases)}
    close = difflib.get_close_matches(normalise_fa(name), list(names), n=3, cutoff=0.5)
    hint = f"; did you mean: {', '.join(dict.fromkeys(names[c] for c in close))}?" if close else ""
    raise UnknownProvinceError(f"unknown province {name!r}{hint or ';'} Valid keys: {', '.join(keys())}")


def get(name: str) -> Province:
    """The :class:`Province` for any accepted name (see :func:`to_key`)."""
    key = to_key(name)
    return next(p for p in registry() if p.key == key)


def validate_key(key: str) -> str:
    """Accept only an exact English key (what notebooks and ``data/`` use).

    >>> validate_key("Khuzestan")
    'Khuzestan'
    >>> validate_key("Khozestan")
    Traceback (most recent call last):
    ...
    analysis.core.provinces.UnknownProvinceError: unknown province key 'Khozestan'; valid keys: East Azerbaijan, ...
    """
    if key not in keys():
        raise UnknownProvinceError(f"unknown province key {key!r}; valid keys: {', '.join(keys())}")
    return key
