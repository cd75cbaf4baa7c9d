"""Provenance: a citation points at the numbers (whole tokens, on the cited line or a tight range)."""
import pandas as pd

from analysis.sources import provenance
from analysis.sources.datasets import catalog, load

SUB = catalog()["subcontracting_plan_actual"]
BUDGETS = catalog()["loan_scheme_budgets"]


def test_token_values_are_whole_tokens_only():
    # 002 line 3509 prints "58.200" (58 200 million rials): 58 and 200 are pieces, not values
    assert provenance.token_values("58.200") == {58200.0, 58.2}
    # 000 line 49 prints the date ۱۴۰۱/۰۵/۰۹: its pieces 5 and 9 are not values of the line
    assert provenance.line_values("زمان تصویب: ۱۴۰۱/۰۵/۰۹") == {14010509.0, 140105.09}


def test_label_line_citation_is_caught(seeds_available):
    # 002 lines 3079-3082: the SPX row's label is on 3079-3081, its numbers " 98 1827 1799" on 3082
    df = load("subcontracting_plan_actual")
    assert provenance.check_dataset(SUB, df) == []
    bad = df.copy()
    bad["source_line_end"] = pd.array([3082, None, None, None], dtype="Int64")
    bad.loc[0, "source_line"] = 3079
    (problem,) = provenance.check_dataset(SUB, bad)
    assert problem.endswith("column 'source_line': line 3079 of the cited range 3079-3082 holds none of the row's "
                            "numbers (they are on line(s) 3082); cite the lines that hold them")
    single = df.copy()
    single.loc[0, "source_line"] = 3079  # the label line alone: 1827, 1799 and 98 are all missing
    assert len(provenance.check_dataset(SUB, single)) == 3


def test_range_end_on_a_label_line_is_caught(seeds_available):
    # Table 43's 1400 cash row: year on 3655, numbers on 3657, the bank's name on 3659
    df = load("loan_scheme_budgets")
    i = df.index[(df.table_no == "43") & (df.funding_form == "cash") & (df.year == 1400)][0]
    assert (df.loc[i, "source_line"], df.loc[i, "source_line_end"]) == (3655, 3657)
    bad = df.copy()
    bad.loc[i, "source_line_end"] = 3659
    (problem,) = provenance.check_dataset(BUDGETS, bad)
    assert "column 'source_line_end': line 3659 of the cited range 3655-3659 holds none" in problem


def test_a_piece_of_a_token_is_not_provenance(seeds_available):
    # line 3509: approved "58.200"; 200 is only a piece of it
    df = load("loan_scheme_budgets")
    bad = df.copy()
    i = df.index[(df.table_no == "40") & (df.year == 1400)][0]
    bad.loc[i, "approved"] = 200
    (problem,) = provenance.check_dataset(BUDGETS, bad)
    assert problem.endswith("column 'approved': 200 is not on 002_d5af3ce44bc30735.txt line 3509")

