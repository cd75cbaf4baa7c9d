"""A notebook's parameters, checked in the first cell after its parameters cell.

papermill injects parameters as plain assignments after the cell tagged ``parameters``
(``-p province Fars`` becomes ``province = "Fars"``; ``-p province 5`` becomes ``province = 5``)
and only warns about a name the notebook does not declare. The cell after the parameters calls
:func:`check_parameters` with the kernel's namespace, so a wrong parameter stops the notebook
there with one line naming the valid values, before anything else runs.

The parameters cell declares each parameter with its type (``province: str = "Khuzestan"``);
Python records those annotations in the namespace (``__annotations__``), so the types checked
are the ones the cell declares and ``papermill --help-notebook`` shows. :data:`CHOICES` gives the
valid values of a parameter that has a closed list.
"""
from __future__ import annotations

from collections.abc import Callable


class ParameterError(ValueError):
    """A notebook parameter of the wrong type, with an invalid value, or not declared."""


def _province_keys() -> list[str]:
    from analysis.core.provinces import keys
    return keys()


#: Valid values of the parameters that have a closed list, by parameter name.
CHOICES: dict[str, Callable[[], list]] = {"province": _province_keys}

#: Names IPython itself puts into a kernel's namespace.
IPYTHON_NAMES = frozenset({"In", "Out", "get_ipython", "exit", "quit", "open"})
#: The types papermill can inject (``-p`` values, ``-y`` YAML, ``-f`` files).
INJECTABLE = (str, int, float, bool, list, dict, type(None))


def _type_name(kind) -> str:
    return getattr(kind, "__name__", str(kind))


def _suggestion(name: str, value) -> str:
    if name != "province" or not isinstance(value, str):
        return ""
    from analysis.core.provinces import UnknownProvinceError, to_key
    try:
        return f"; did you mean {to_key(value)!r}?"
    except UnknownProvinceError:
        return ""


def _type_ok(value, kind) -> bool:
    if not isinstance(kind, type):
        return True  # an annotation that is not a plain type (e.g. a string): not checked
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def check_parameters(namespace: dict) -> dict:
    """Check the parameters in a notebook's namespace (``globals()``); returns them by name.

    Raises :class:`ParameterError`, one line, for a value of the wrong type, a value outside
    :data:`CHOICES` (with the valid values) or a name the parameters cell does not declare.

    >>> ns = {"__annotations__": {"province": str}, "province": "Fars"}
    >>> check_parameters(ns)
    {'province': 'Fars'}
    >>> check_parameters({**ns, "province": "fars"})
    Traceback (most recent call last):
    ...
    analysis.tools.parameters.ParameterError: parameter province='fars' is not valid; did you mean 'Fars'? Valid values: East Azerbaijan, ...
    >>> check_parameters({**ns, "province": 5})
    Traceback (most recent call last):
    ...
    analysis.tools.parameters.ParameterError: parameter province=5 is int, it must be str; valid values: East Azerbaijan, ...
    >>> check_parameters({**ns, "provnce": "Fars"})
    Traceback (most recent call last):
    ...
    analysis.tools.parameters.ParameterError: unknown parameter 'provnce'; this notebook's parameters: province (str)
    """
    declared = dict(namespace.get("__annotations__") or {})
    listing = ", ".join(f"{n} ({_type_name(k)})" for n, k in declared.items()) or "none"
    for name, value in namespace.items():
        if name.startswith("_") or name in IPYTHON_NAMES or name in declared:
            continue
        if isinstance(value, INJECTABLE):
            raise ParameterError(f"unknown parameter {name!r}; this notebook's parameters: {listing}")
    out = {}
    for name, kind in declared.items():
        if name not in namespace:
            raise ParameterError(f"parameter {name!r} is declared but has no value")
        value = namespace[name]
        valid = list(CHOICES[name]()) if name in CHOICES else None
        listed = f"valid values: {', '.join(map(str, valid))}" if valid is not None else ""
        if not _type_ok(value, kind):
            raise ParameterError(f"parameter {name}={value!r} is {type(value).__name__}, it must be {_type_name(kind)}"
                                 + (f"; {listed}" if listed else ""))
        if valid is not None and value not in valid:
            hint = _suggestion(name, value)
            raise ParameterError(f"parameter {name}={value!r} is not valid{hint or ';'} {listed[0].upper() + listed[1:] if hint else listed}")
        out[name] = value
    return out
