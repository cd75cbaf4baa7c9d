"""The data appendix's coverage figures (analysis.report.appendix: totals, coverage_table, skip_reasons_table)."""
import pytest

from analysis.core.text import t
from analysis.report import appendix as ap
from analysis.sources import coverage

pytestmark = pytest.mark.usefixtures("seeds_available")


def test_totals_carry_the_coverage_figure():
    tot = ap.totals()
    cov = coverage.totals()
    assert {k: tot[f"coverage_{k}"] for k in ("tokens", "transcribed", "skipped", "unexplained")} == \
        {k: cov[k] for k in ("tokens", "transcribed", "skipped", "unexplained")}
    assert tot["coverage_unexplained"] == 0
    assert tot["coverage_tokens"] == tot["coverage_transcribed"] + tot["coverage_skipped"]
    v = {f"b_{k}": f"{x:,}" for k, x in tot.items()}
    sentence = t("appendix.b_coverage", lang="en", **v)
    assert f"there are {v['b_coverage_tokens']} number tokens: {v['b_coverage_transcribed']}" in " ".join(sentence.split())
    assert "{{" not in t("appendix.b_coverage", lang="fa", **v)


def test_coverage_table_one_row_per_prose_dataset():
    df = ap.coverage_table().df
    assert len(df) == len(coverage.in_scope())
    cols = list(df.columns)
    tokens, transcribed, skipped, unexplained = cols[3:7]
    assert (df[tokens] == df[transcribed] + df[skipped] + df[unexplained]).all()
    assert (df[unexplained] == 0).all()


def test_skip_reasons_add_up_to_the_skipped_tokens():
    df = ap.skip_reasons_table().df
    assert int(df.iloc[:, 1].sum()) == coverage.totals()["skipped"]
    assert df.iloc[0, 0] == t("appendix.b_kind_year")  # years are the commonest reason


def test_coverage_download_lists_every_token(tmp_path):
    import pandas as pd
    p = ap.write_coverage_csv(tmp_path / "downloads" / "coverage_tokens.csv")
    df = pd.read_csv(p, encoding="utf-8-sig", dtype=str)
    assert len(df) == coverage.totals()["tokens"]
    assert set(df["status"]) == {"transcribed", "skipped"}
    assert df[df["status"] == "skipped"]["reason"].notna().all()
    # 003 line 284: the telephone number 1420, skipped as a reference
    row = df[(df.source == "003") & (df.line == "284") & (df.token == "1420")].iloc[0]
    assert row.kind == "reference"
