"""002 Tables 40-48: loan and credit schemes of ISIPO.

* renovation and restructuring (طرح کمک به نوسازی و تجدید ساختار صنایع): Tables 40-42;
* technical and credit assistance from public resources (کمک‌های فنی و اعتباری، منابع عمومی):
  Tables 43-45 (Table 45's rows are printed after Table 46, lines 3807-3823);
* technical and credit assistance from the provincial companies' internal resources: Table 46;
* dairy industries (صنایع لبنی): Tables 47-48.

Money is in million rials as printed ('.' groups thousands: ``31.500`` is 31 500). Some lines
are printed in visual order (leftmost column first), others in logical order (rightmost
column first); the specs below say which, checked against the printed percentages and the
identities deposits + bank resources = total, bank share = 2 x (or 4 x) organisation share.
"""
from __future__ import annotations

import pandas as pd

from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, integer, nullable_int, pct

S = Seed("002")

M = 10**6  # million rials -> rials
OMID = "صندوق کارآفرینی امید"
TAAVON = "بانک توسعه تعاون"
NOTE_1402 = ("1401 credits allocated in Esfand 1401; distributed to the provincial companies in "
             "Farvardin/Khordad 1402 and being executed (no contracts printed)")


def _rials(rec: dict, cols) -> dict:
    for c in cols:
        v = rec.get(c)
        rec[c + "_rials"] = None if v is None else v * M
    return rec


@register("loan_scheme_budgets", "002_t40_t43_loan_scheme_budgets.csv")
def loan_scheme_budgets() -> pd.DataFrame:
    """Tables 40 and 43: approved, allocated (with printed %), received from the treasury and
    deposited with the agent bank, per year."""
    rows = []
    # Table 40 (renovation), visual order: deposited, received, %, allocated, approved, year.
    for n in (3509, 3511):
        S.need(n, "كارآفريني")
        dep, rec_, p, alloc, appr, year = S.numbers(n, 6)
        rows.append(dict(table_no="40", scheme="renovation", year=integer(year), funding_form="cash",
                         bank_fa=OMID, approved=integer(appr), allocated=integer(alloc), allocated_pct_printed=pct(p),
                         received_from_treasury=integer(rec_), deposited=integer(dep), note=None,
                         source_line=n, source_line_end=None))
    # Table 43 (technical and credit assistance, public resources).
    # 1400 cash row, logical order on line 3657: approved, allocated, %, received, deposited
    # (year on line 3655, bank on line 3659, after the numbers: the row cites 3655-3657).
    S.need(3655, "1400")
    appr, alloc, p, rec_, dep = S.numbers(3657, 5)
    rows.append(dict(table_no="43", scheme="technical_credit_public", year=1400, funding_form="cash",
                     bank_fa=OMID, approved=integer(appr), allocated=integer(alloc), allocated_pct_printed=pct(p),
                     received_from_treasury=integer(rec_), deposited=integer(dep), note=None,
                     source_line=3655, source_line_end=3657))
    # 1400 second row: approved, allocated, % on line 3660; received "اسناد سررسید 1403"
    # (treasury bonds maturing 1403, lines 3662-3664); deposited 0 on line 3665.
    S.need(3662, "اسناد")
    appr, alloc, p = S.numbers(3660, 3)
    (dep,) = S.numbers(3665, 1)
    rows.append(dict(table_no="43", scheme="technical_credit_public", year=1400, funding_form="treasury_bonds",
                     bank_fa=None, approved=integer(appr), allocated=integer(alloc), allocated_pct_printed=pct(p),
                     received_from_treasury=None, deposited=integer(dep),
                     note="received as treasury bonds maturing 1403 (اسناد سررسید 1403); nothing deposited",
                     source_line=3655, source_line_end=3665))
    # 1401 row, visual order on line 3667: year, deposited, received, %, allocated, approved.
    S.need(3667, "صندوق")
    year, dep, rec_, p, alloc, appr = S.numbers(3667, 6)
    rows.append(dict(table_no="43", scheme="technical_credit_public", year=integer(year), funding_form="cash",
                     bank_fa=OMID, approved=integer(appr), allocated=integer(alloc), allocated_pct_printed=pct(p),
                     received_from_treasury=integer(rec_), deposited=integer(dep), note=None,
                     source_line=3667, source_line_end=None))
    for r in rows:
        _rials(r, ("approved", "allocated", "deposited"))
    return nullable_int(pd.DataFrame(rows), "source_line_end", "received_from_treasury")


def _fac(**kw) -> dict:
    base = dict(table_no=None, scheme=None, year=None, bank_fa=None, approved_budget=None, deposited=None,
                bank_resources=None, facilities_total=None, leverage_printed=None, contracts=None,
                contract_bank_share=None, contract_org_share=None, contract_total=None,
                approved_facilities=None, jobs=None, remaining_funds=None, returned_to_treasury=None,
                fund_type_fa=None, status_note=None, source_line=None, source_line_end=None)
    base.update(kw)
    return base


@register("loan_scheme_bank_facilities", "002_t41_t44_t46_t47_loan_scheme_bank_facilities.csv")
def loan_scheme_bank_facilities() -> pd.DataFrame:
    """Tables 41, 44, 46, 47: funds deposited with the agent bank, the bank's matching resources,
    facilities payable, contracts concluded (count, bank and organisation shares)."""
    rows = []
    # Table 41 (renovation): logical order: deposited, bank resources, facilities payable,
    # ratio bank resources / managed funds, approved (مصوب), jobs. Year and bank on the lines above.
    S.need(3562, "1400")
    dep, bank, tot, lev, appr, jobs = S.numbers(3566, 6)
    rows.append(_fac(table_no="41", scheme="renovation", year=1400, bank_fa=OMID, deposited=integer(dep),
                     bank_resources=integer(bank), facilities_total=integer(tot), leverage_printed=pct(lev),
                     approved_facilities=integer(appr), jobs=integer(jobs), source_line=3562, source_line_end=3566))
    S.need(3568, "1401")
    dep, bank, tot, lev = S.numbers(3572, 4)
    rows.append(_fac(table_no="41", scheme="renovation", year=1401, bank_fa=OMID, deposited=integer(dep),
                     bank_resources=integer(bank), facilities_total=integer(tot), leverage_printed=pct(lev),
                     status_note=NOTE_1402, source_line=3568, source_line_end=3572))
    # Table 44 (technical and credit assistance, public): visual order: returned to treasury,
    # fund type, contract total, organisation share, bank share, contracts, total, bank ceiling,
    # deposited, year.
    S.need(3736, "تلفيقي")
    ret, tot_c, org, bank_c, n_c, tot, ceil, dep, year = S.numbers(3736, 9)
    rows.append(_fac(table_no="44", scheme="technical_credit_public", year=integer(year), deposited=integer(dep),
                     bank_resources=integer(ceil), facilities_total=integer(tot), contracts=integer(n_c),
                     contract_bank_share=integer(bank_c), contract_org_share=integer(org),
                     contract_total=integer(tot_c), returned_to_treasury=integer(ret), fund_type_fa="تلفیقی",
                     source_line=3736))
    S.need(3738, "تلفيقي")
    _, tot, ceil, dep, year = S.numbers(3738, 5)  # first token: 1402 in the note
    rows.append(_fac(table_no="44", scheme="technical_credit_public", year=integer(year), deposited=integer(dep),
                     bank_resources=integer(ceil), facilities_total=integer(tot), fund_type_fa="تلفیقی",
                     status_note=NOTE_1402, source_line=3738))
    # Table 46 (technical and credit assistance, internal resources of provincial companies),
    # visual order: year, (performance: in progress), fund type, total, bank ceiling, deposited, approved.
    S.need(3802, "تلفيقي")
    year, tot, ceil, dep, appr = S.numbers(3802, 5)
    rows.append(_fac(table_no="46", scheme="technical_credit_internal", year=integer(year), bank_fa=TAAVON,
                     approved_budget=integer(appr), deposited=integer(dep), bank_resources=integer(ceil),
                     facilities_total=integer(tot), fund_type_fa="تلفیقی",
                     status_note="in execution (در اجراست): provincial branches of Bank Tose'e Ta'avon since Esfand 1401",
                     source_line=3802))
    # Table 47 (dairy), logical order: year, deposited, bank ceiling, total, contracts, bank share,
    # organisation share, contract total, remaining managed funds, returned to treasury.
    year, dep, ceil, tot, n_c, bank_c, org, tot_c, rem, ret = S.numbers(3891, 10)
    rows.append(_fac(table_no="47", scheme="dairy", year=integer(year), deposited=integer(dep), bank_resources=integer(ceil),
                     facilities_total=integer(tot), contracts=integer(n_c), contract_bank_share=integer(bank_c),
                     contract_org_share=integer(org), contract_total=integer(tot_c), remaining_funds=integer(rem),
                     returned_to_treasury=integer(ret), source_line=3891))
    year, dep, ceil, tot = S.numbers(3893, 4)
    rows.append(_fac(table_no="47", scheme="dairy", year=integer(year), deposited=integer(dep), bank_resources=integer(ceil),
                     facilities_total=integer(tot), status_note=NOTE_1402, source_line=3893))
    for r in rows:
        _rials(r, ("deposited", "bank_resources", "facilities_total", "contract_total"))
    return nullable_int(pd.DataFrame(rows), "source_line_end", "contracts", "jobs", "approved_budget", "approved_facilities", "contract_bank_share",
              "contract_org_share", "contract_total", "remaining_funds", "returned_to_treasury", "contract_total_rials")


ACH = [  # (line, table, scheme, period, indicator, Persian indicator, unit, fragment)
    (3611, "42", "renovation", "1390-1401", "industrial firms assisted", "تعداد بنگاه صنعتی", "case", "بنگاه"),
    (3821, "45", "technical_credit_public", "start-1401", "projects assisted", "تعداد طرح", "case", "طرح"),
    (3823, "45", "technical_credit_public", "start-1401", "employment", "اشتغال", "person", "اشتغال"),
    (3921, "48", "dairy", "1392-1401", "industrial firms assisted", "تعداد بنگاه صنعتی", "case", "بنگاه"),
]


@register("loan_scheme_achievements", "002_t42_t45_t48_loan_scheme_achievements.csv")
def loan_scheme_achievements() -> pd.DataFrame:
    """Tables 42, 45, 48: cumulative target vs achievement to the end of 1401, visual order:
    printed %, achieved, target, unit, indicator."""
    rows = []
    for n, tab, scheme, period, ind, ind_fa, unit, frag in ACH:
        S.need(n, frag)
        p, act, tgt = S.numbers(n, 3)
        rows.append(dict(table_no=tab, scheme=scheme, period=period, indicator=ind, indicator_fa=ind_fa, unit=unit,
                         target=integer(tgt), actual=integer(act), pct_printed=pct(p), source_line=n))
    return pd.DataFrame(rows)
