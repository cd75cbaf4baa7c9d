"""The library reference appendix (``notebooks/a5_api.md``): Sphinx autodoc of the public modules.

Each section of the appendix is one module, documented from its own docstrings (numpydoc style,
read by ``sphinx.ext.napoleon``; the examples are the doctests the test suite runs). The notebook
shows :func:`autodoc` of each module as MyST Markdown, so the appendix's Markdown holds no words of
its own (its headings are glued from ``text/<lang>/research.yml``).
"""
from __future__ import annotations

#: The appendix's sections: text key of the heading (``research.api_h_<key>``) and module.
SECTIONS = (
    ("datasets", "analysis.sources.datasets"),
    ("planactual", "analysis.metrics.planactual"),
    ("indicators", "analysis.metrics.indicators"),
    ("rates", "analysis.metrics.rates"),
    ("clusters", "analysis.metrics.clusters"),
    ("loans", "analysis.metrics.loans"),
    ("prices", "analysis.metrics.prices"),
    ("jalali", "analysis.core.jalali"),
    ("provinces", "analysis.core.provinces"),
    ("text", "analysis.core.text"),
)


def heading_keys() -> list[str]:
    """>>> heading_keys()[:2]
    ['research.api_h_datasets', 'research.api_h_planactual']
    """
    return [f"research.api_h_{key}" for key, _ in SECTIONS]


def module(key: str) -> str:
    """The module of a section: ``module("jalali") == "analysis.core.jalali"``."""
    for k, mod in SECTIONS:
        if k == key:
            return mod
    raise KeyError(f"unknown API section {key!r}; valid: {[k for k, _ in SECTIONS]}")


def autodoc_markdown(key: str) -> str:
    """The MyST source documenting one section's module with autodoc.

    >>> print(autodoc_markdown("jalali"))
    ```{eval-rst}
    .. automodule:: analysis.core.jalali
       :members:
       :member-order: bysource
    ```
    """
    return f"```{{eval-rst}}\n.. automodule:: {module(key)}\n   :members:\n   :member-order: bysource\n```"


def autodoc(key: str):
    """The section as a display object (Markdown the book renders with Sphinx autodoc)."""
    from IPython.display import Markdown
    return Markdown(autodoc_markdown(key))
