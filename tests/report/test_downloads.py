"""Downloads safe for spreadsheets (analysis.report.downloads): UTF-8 with BOM, formulas neutralised."""
import pandas as pd
import pytest

from analysis.report import downloads
from analysis.sources.datasets import catalog, load


@pytest.mark.parametrize("cell, expected", [
    ("=1+1", "'=1+1"), ("+98 21", "'+98 21"), ("@SUM(A1)", "'@SUM(A1)"), ("-", "'-"), ("\tx", "'\tx"),
    ("-11.2", "-11.2"), ("+5", "+5"), ("1e3", "1e3"), ("Qom", "Qom"), ("", ""), ("خوزستان", "خوزستان"),
])
def test_neutralise(cell, expected):
    assert downloads.neutralise(cell) == expected


def test_write_csv_has_bom_and_neutralises_text_only(tmp_path):
    df = pd.DataFrame({"label": ["=HYPERLINK(\"x\")", "تامین آب"], "value": [-3.5, 2.0]})
    path = downloads.write_csv(df, tmp_path / "d.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["label"].tolist() == ["'=HYPERLINK(\"x\")", "تامین آب"]
    assert back["value"].tolist() == [-3.5, 2.0]  # numbers, negative ones too, untouched


def test_copy_csv_keeps_every_value_of_a_processed_file(tmp_path):
    ds = catalog()["water_by_province"]
    out = downloads.copy_csv(ds.path, tmp_path / ds.path.name)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    copied = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    original = pd.read_csv(ds.path, dtype=str, keep_default_na=False)
    # no cell of this file starts like a formula: every original column byte for byte
    pd.testing.assert_frame_equal(copied[list(original.columns)], original)
    assert load("water_by_province")["plan"].sum() == pd.to_numeric(copied["plan"]).sum()


def test_copied_csv_names_seed_file_table_and_line_of_every_row(tmp_path):
    ds = catalog()["water_by_province"]
    copied = pd.read_csv(downloads.copy_csv(ds.path, tmp_path / "w.csv"), encoding="utf-8-sig", dtype=str)
    cols = list(copied.columns)
    assert cols[cols.index("source_line") - 2: cols.index("source_line") + 1] == list(downloads.PROVENANCE_COLUMNS)
    khz = copied[copied["province"] == "Khuzestan"].iloc[0]  # 002 Table 13, line 955
    assert (khz["source_file"], khz["table"], khz["source_line"]) == ("002_d5af3ce44bc30735.txt", "13", "955")


def test_copied_csv_of_a_dataset_spanning_tables_gives_each_row_its_own_table(tmp_path):
    ds = catalog()["loan_scheme_budgets"]  # Tables 40 and 43
    copied = pd.read_csv(downloads.copy_csv(ds.path, tmp_path / "b.csv"), encoding="utf-8-sig", dtype=str)
    assert (copied["table"] == copied["table_no"]).all() and set(copied["table"]) == {"40", "43"}
    assert copied.columns.tolist().count("table") == 1


def test_every_download_of_the_data_catalogue_has_the_provenance_columns(tmp_path):
    from analysis.report.appendix import copy_downloads
    for path in copy_downloads(tmp_path):
        head = pd.read_csv(path, encoding="utf-8-sig", nrows=0).columns
        assert set(downloads.PROVENANCE_COLUMNS) <= set(head), path.name


def test_province_download_names_seed_file_table_and_line(tmp_path, monkeypatch):
    from analysis.report.province_chapter import province_chapter
    monkeypatch.chdir(tmp_path)
    ch = province_chapter("Khuzestan")
    d = pd.read_csv(ch.download("downloads"), encoding="utf-8-sig", dtype=str)
    assert set(downloads.PROVENANCE_COLUMNS) <= set(d.columns)
    water = d[(d["dataset"] == "water_by_province") & (d["column"] == "actual")].iloc[0]
    assert (water["source_file"], water["table"], water["source_line"], float(water["value"])) == (
        "002_d5af3ce44bc30735.txt", "13", "955", 84.0)


def test_table_cells_carry_their_direction_and_the_scroll_box_is_reachable():
    from analysis.report.display import Table
    html = Table(pd.DataFrame({"Province": ["Qom", "قم"], "Value": ["1,234", "۱۲ از ۳۱"]}), caption="A & B",
                 highlight=1)._repr_html_()
    assert '<td class="text" dir="auto">قم</td>' in html and '<td class="num">۱۲ از ۳۱</td>' in html
    assert '<th dir="auto">Province</th>' in html and '<caption dir="auto">A &amp; B</caption>' in html
    assert '<div class="table-scroll" tabindex="0" role="region" aria-label="A &amp; B">' in html
    assert '<tr class="row-highlight">' in html and "style=" not in html
