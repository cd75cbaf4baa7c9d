"""Audit of seed 000, the Khuzestan productivity-promotion document (``extract/s000_productivity``):
the catalogue's sectors against its table of contents."""
from __future__ import annotations

from analysis.sources.audit import Finding, audit, compare_total, exact
from analysis.sources.datasets import load
from analysis.sources.extract.seedtext import Seed

S = Seed("000")


@audit
def productivity_catalogue() -> list[Finding]:
    df = load("khz_productivity_programmes")
    toc = [n for n in range(55, 71) if S.line(n).strip().startswith("|")]
    return [compare_total("khz_productivity_programmes", "sectors/sub-sectors with programmes vs table-of-contents entries (lines 55-70)",
                          exact(len(toc)), exact(df.sector_en.nunique()), check="catalogue vs table of contents", source_line=55)]
