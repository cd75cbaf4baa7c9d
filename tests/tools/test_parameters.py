"""A notebook's parameters checked in its first cell (analysis.tools.parameters)."""
import re

import pytest

from analysis.core import provinces
from analysis.tools.parameters import ParameterError, check_parameters

NS = {"__annotations__": {"province": str}, "province": "Fars",
      "In": [""], "Out": {}, "get_ipython": object, "_i1": "x", "_": None}  # what IPython itself holds


def test_a_valid_province_passes_and_ipython_names_are_not_parameters():
    assert check_parameters(NS) == {"province": "Fars"}


@pytest.mark.parametrize("key", provinces.keys())
def test_every_registry_key_is_valid(key):
    assert check_parameters({**NS, "province": key}) == {"province": key}


def test_a_persian_name_is_refused_but_the_key_suggested():
    with pytest.raises(ParameterError, match=r"^parameter province='فارس' is not valid; did you mean 'Fars'\? Valid values: East Azerbaijan, .*, Yazd$"):
        check_parameters({**NS, "province": "فارس"})


def test_a_name_matching_nothing_lists_all_31_keys():
    with pytest.raises(ParameterError) as err:
        check_parameters({**NS, "province": "Atlantis"})
    msg = str(err.value)
    assert msg.startswith("parameter province='Atlantis' is not valid; valid values: ")
    assert msg.split("valid values: ")[1].split(", ") == provinces.keys()


@pytest.mark.parametrize("value", [5, 2.5, True, None, ["Fars"]])
def test_a_wrong_type_names_the_declared_type(value):
    with pytest.raises(ParameterError, match="^" + re.escape(f"parameter province={value!r} is {type(value).__name__}, it must be str; valid values: ")):
        check_parameters({**NS, "province": value})


def test_numbers_follow_their_annotations():
    ns = {"__annotations__": {"n": int, "x": float}, "n": 3, "x": 2}
    assert check_parameters(ns) == {"n": 3, "x": 2}
    with pytest.raises(ParameterError, match=r"parameter n=True is bool, it must be int$"):
        check_parameters({**ns, "n": True})
    with pytest.raises(ParameterError, match=r"parameter x='2' is str, it must be float$"):
        check_parameters({**ns, "x": "2"})


def test_an_undeclared_parameter_is_named():
    with pytest.raises(ParameterError, match=r"^unknown parameter 'provnce'; this notebook's parameters: province \(str\)$"):
        check_parameters({**NS, "provnce": "Fars"})


def test_imported_modules_and_functions_are_not_parameters():
    import math
    assert check_parameters({**NS, "math": math, "check": check_parameters}) == {"province": "Fars"}
