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
    pd.testing.assert_frame_equal(copied, original)  # no cell of this file starts like a formula
    assert load("water_by_province")["plan"].sum() == pd.to_numeric(copied["plan"]).sum()


def test_table_cells_carry_their_direction_and_the_scroll_box_is_reachable():
    from analysis.report.display import Table
    html = Table(pd.DataFrame({"Province": ["Qom", "قم"], "Value": ["1,234", "۱۲ از ۳۱"]}), caption="A & B",
                 highlight=1)._repr_html_()
    assert '<td class="text" dir="auto">قم</td>' in html and '<td class="num">۱۲ از ۳۱</td>' in html
    assert '<th dir="auto">Province</th>' in html and '<caption dir="auto">A &amp; B</caption>' in html
    assert '<div class="table-scroll" tabindex="0" role="region" aria-label="A &amp; B">' in html
    assert '<tr class="row-highlight">' in html and "style=" not in html
