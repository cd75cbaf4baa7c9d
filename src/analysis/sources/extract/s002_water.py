"""002 Table 13: water supplied to industrial estates, plan vs actual per province (litres/second)."""
from __future__ import annotations

import pandas as pd

from analysis.sources.extract import register
from analysis.sources.extract.common import province_of, table_rows

FIRST, LAST = 921, 1003  # Table 13, 002 lines: header 916-929, rows 931-994


@register("water_by_province", "002_t13_water_by_province.csv")
def water_by_province() -> pd.DataFrame:
    """Visual order per line: actual, plan, label, row number (see the total row, 872 922 جمع,
    and the prose "872 litres per second")."""
    rows = []
    for r in table_rows("002", FIRST, LAST):
        if len(r.numbers_before) != 2:
            continue
        actual, plan = (int(x) for x in r.numbers_before)
        prov = province_of(r.label)
        if prov:
            kind, key, fa = "province", prov[0], prov[1]
        elif "جمع" in r.label:
            kind, key, fa = "total", None, "جمع"
        else:
            kind, key, fa = "other", None, "آب احیا شده (کلیه استانها)"
        rows.append(dict(row_kind=kind, province=key, label_fa=fa, plan=plan, actual=actual,
                         source_line=r.line_no, flag=None, raw_text=None))
    return pd.DataFrame(rows)
