"""Tests of analysis.report.appendix (audit, catalogue, glossary, reproducibility appendices)."""
import json

import pandas as pd

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


def test_check_meaning():
    assert ap.check_meaning("row sum vs printed total").startswith("The printed total")
    assert ap.check_meaning("prose vs table") == ap.check_meaning("table vs prose")


def test_glossary():
    g = ap.glossary()
    assert len(g) >= 30
    for term in ("شهرک صنعتی", "ناحیه صنعتی", "خوشه", "برنامه", "عملکرد", "موافقتنامه", "تخصیص",
                 "تسهیلات", "سپرده", "اشتغال", "واحد بهره‌برداری"):
        assert term in set(g["fa"]), term
    assert g[["fa", "en", "definition"]].notna().all().all()


def test_pinned_packages(tmp_path):
    req = tmp_path / "requirements.txt"
    req.write_text("# comment\npandas==0.0.1\nno-such-package-xyz==1.0\n\n", encoding="utf-8")
    p = ap.pinned_packages(req).set_index("package")
    assert p.loc["pandas", "pinned"] == "0.0.1" and not p.loc["pandas", "matches"]
    assert pd.isna(p.loc["no-such-package-xyz", "installed"])


def test_execution_times(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "a.inputs.json").write_text(json.dumps({"fingerprint": "x", "parameters": {}, "seconds": 2.5,
                                                                       "executed_at": "2026-01-01T00:00:00Z"}))
    (tmp_path / "notebooks" / "b.inputs.json").write_text(json.dumps({"fingerprint": "y", "parameters": {"province": "Qom"}}))
    t = ap.execution_times(tmp_path).set_index("notebook")
    assert t.loc["notebooks/a", "seconds"] == 2.5
    assert pd.isna(t.loc["notebooks/b", "seconds"]) and t.loc["notebooks/b", "parameters"] == "province=Qom"
    assert ap.execution_times(tmp_path / "missing").empty
    html = ap.times_table(ap.execution_times(tmp_path))._repr_html_()
    assert ">nan<" not in html and ">None<" not in html
