"""Audit of seed 000, the Khuzestan productivity-promotion document (``extract/s000_productivity``):
the catalogue's sectors against its table of contents.

The table of contents (lines 55-70) is typed here, one entry per line with the page it prints
(:data:`TOC_PAGES`), so the audit runs without the seed texts; with them present, the entries must
be exactly the table rows (``| page | sector |``) of lines 55-70, each printing its page
(:func:`analysis.sources.audit.printed_on`).
"""
from __future__ import annotations

from analysis.core import paths
from analysis.sources.audit import Finding, audit, compare_total, exact, printed_on
from analysis.sources.datasets import load
from analysis.sources.extract.seedtext import Seed

S = Seed("000")

#: Table of contents of the programmes by sector and sub-sector, 000 lines 55-70: line -> page
#: printed (``| ۱ | زیربخش پولی و مالی |`` ... ``| ۱۷ | بخش کشاورزی |``; page 8 is not listed).
TOC_PAGES = {55: 1, 56: 2, 57: 3, 58: 4, 59: 5, 60: 6, 61: 7, 62: 9, 63: 10, 64: 11, 65: 12, 66: 13, 67: 14,
             68: 15, 69: 16, 70: 17}
TOC_LINES = (55, 70)


def _toc_rows() -> list[int]:
    """The lines of 55-70 printed as table rows (``|`` first): the entries of the table of contents."""
    first, last = TOC_LINES
    return [n for n in range(first, last + 1) if S.line(n).strip().startswith("|")]


def toc_entries() -> dict[int, int]:
    """:data:`TOC_PAGES`; with the seed texts present, its lines must be the table rows of lines
    55-70 and each must print its page (:func:`analysis.sources.audit.printed_on`)."""
    if paths.seeds_present() and _toc_rows() != sorted(TOC_PAGES):
        raise ValueError(f"000 lines {TOC_LINES[0]}-{TOC_LINES[1]}: the table of contents has rows on lines "
                         f"{_toc_rows()}, TOC_PAGES types lines {sorted(TOC_PAGES)}")
    return {n: printed_on("000", n, page) for n, page in TOC_PAGES.items()}


@audit
def productivity_catalogue() -> list[Finding]:
    df = load("khz_productivity_programmes")
    toc = toc_entries()
    return [compare_total("khz_productivity_programmes", "sectors/sub-sectors with programmes vs table-of-contents entries (lines 55-70)",
                          exact(len(toc)), exact(df.sector_en.nunique()), check="catalogue vs table of contents", source_line=55)]
