"""Tests of analysis.report.appendix (audit, catalogue, glossary, reproducibility appendices)."""

import pandas as pd
import pytest

from analysis.report import appendix as ap
from analysis.sources.datasets import catalog


def test_flag_parts():
    assert ap.flag_parts("actual=garbled digits;plan=swapped") == [("actual", "garbled digits"), ("plan", "swapped")]
    assert ap.flag_parts(None) == [] and ap.flag_parts(float("nan")) == [] and ap.flag_parts(pd.NA) == []


def test_flagged_cells_known_cases():
    f = ap.flagged_cells()
    # 000: 'شوش' printed alone (lines 94 and 192) flagged in 16 programme-agency rows
    k = f[f["dataset"] == "khz_programme_agencies"]
    assert len(k) == 16 and set(k["column"]) == {"agency_fa"}
    # 001 line 8: 'هشت' (eight sessions) printed in words
    c = f[(f["dataset"] == "khz_council_figures") & (f["raw_text"] == "هشت")]
    assert len(c) == 1 and int(c["source_line"].iloc[0]) == 8


def test_catalogue_frame_and_totals():
    c = ap.catalogue_frame()
    assert len(c) == len(catalog())
    t = ap.totals()
    assert t["datasets"] == len(catalog()) and t["sources"] == 5
    assert t["flagged"] == len(ap.flagged_cells())
    assert t["rows"] == int(c["rows"].sum())


def test_catalogue_entries_have_download_links():
    objs = ap.catalogue_entries("001")
    md = objs[0].data
    assert "{download}`001_council_figures.csv <downloads/001_council_figures.csv>`" in md


def test_copy_downloads(tmp_path):
    files = ap.copy_downloads(tmp_path / "downloads")
    assert len(files) == len(catalog())
    assert all(f.exists() and f.stat().st_size > 0 for f in files)


def test_audit_tables_and_csv(tmp_path):
    f = ap.audit_findings()
    v = ap.verdict_counts()
    assert v["findings"].sum() == len(f)
    # problems first
    assert f["verdict"].iloc[0] == "discrepancy"
    p = ap.write_audit_csv(tmp_path / "downloads" / "audit_findings.csv")
    back = pd.read_csv(p)
    assert len(back) == len(f) and "meaning" in back.columns and back["meaning"].notna().all()
    html = ap.findings_table("discrepancy", meaning=True)._repr_html_()
    assert ">nan<" not in html and ">None<" not in html


def test_audit_tables_show_the_intervals(tmp_path):
    # 002 line 2437: exports 2.1 -> 2.2 billion US dollars, printed +6 %: the rounding allows [0, 9.76 %]
    html = ap.findings_table("rounding")._repr_html_()
    assert ap.bi_ap("ap_printed_interval") in html and ap.bi_ap("ap_recomputed_interval") in html
    assert "5.5 – 6.5" in html and "0 – 9.7561" in html
    back = pd.read_csv(ap.write_audit_csv(tmp_path / "audit_findings.csv"), encoding="utf-8-sig")
    r = back[(back["dataset"] == "cluster_indicators") & (back["item"] == "Exports of supported firms")].iloc[0]
    assert (r.printed_low, r.printed_high, r.recomputed_low) == (5.5, 6.5, 0) and round(r.recomputed_high, 4) == 9.7561


def test_rounding_example_comes_from_the_audit():
    v = ap.rounding_example()
    assert (v["a_ex_before"], v["a_ex_after"], v["a_ex_before_low"], v["a_ex_before_high"]) == ("2.1", "2.2", "2.05", "2.15")
    assert (v["a_ex_recomputed"], v["a_ex_change_low"], v["a_ex_change_high"], v["a_ex_printed"]) == ("4.8", "0", "9.8", "6")
    assert (v["a_ex_verdict"], v["a_ex_table"]) == ("rounding", "27")


def test_check_meaning():
    assert ap.check_meaning("row sum vs printed total").startswith("The printed total")
    assert ap.check_meaning("prose vs table") == ap.check_meaning("table vs prose")


def test_glossary():
    g = ap.glossary()
    assert len(g) >= 30
    for term in ("شهرک صنعتی", "ناحیه صنعتی", "خوشه", "برنامه", "عملکرد", "موافقتنامه", "تخصیص",
                 "تسهیلات", "وجوه واریزی", "اشتغال", "واحد بهره‌برداری"):
        assert term in set(g["fa"]), term
    assert g[["fa", "en", "definition"]].notna().all().all()


def test_pinned_packages(tmp_path):
    req = tmp_path / "requirements.txt"
    req.write_text("# comment\npandas==0.0.1\nno-such-package-xyz==1.0\n\n", encoding="utf-8")
    p = ap.pinned_packages(req).set_index("package")
    assert p.loc["pandas", "pinned"] == "0.0.1" and not p.loc["pandas", "matches"]
    assert pd.isna(p.loc["no-such-package-xyz", "installed"])


def test_reproducibility_page_has_no_clock(monkeypatch):
    """Two builds of the same commit give the same Appendix D: no wall-clock value on it."""
    import time

    first = ap.reproducibility_values()
    monkeypatch.setattr(time, "time", lambda: 0.0)
    monkeypatch.setattr(time, "gmtime", lambda *a: time.struct_time((1999, 1, 1, 0, 0, 0, 4, 1, 0)))
    assert ap.reproducibility_values() == first
    assert not any(k.endswith(("built_at", "executed_at", "seconds")) for k in first)


def test_reproducibility_counts_the_notebooks():
    v = ap.reproducibility_values()
    # 14 chapter and appendix notebooks (00-07, a1-a6) plus one province chapter per registry province (31)
    assert (v["d_n_chapters"], v["d_n_provinces"], v["d_n_notebooks"]) == ("14", "31", "45")


def test_glossary_definitions_in_both_languages():
    from analysis.core.text import use_language
    en = ap.glossary().set_index("key")["definition"]
    try:
        use_language("fa")
        fa = ap.glossary().set_index("key")["definition"]
    finally:
        use_language("en")
    assert list(fa.index) == list(en.index)
    assert en["deposit"].startswith("Public funds deposited")
    assert "سپرده" not in en["deposit"] and "بانک عامل" in fa["deposit"]


def test_verdict_meaning_rejects_unknown_verdicts():
    with pytest.raises(KeyError, match="valid: \\('discrepancy'"):
        ap.verdict_meaning("wrong")


def test_catalogue_entry_escapes_html():
    [entry, *_] = ap.catalogue_entries("001")
    assert "<script" not in entry.data
    from analysis.report.appendix import escape
    assert escape("a & <b>") == "a &amp; &lt;b&gt;"
