"""The province chapter builder (analysis.report.province_chapter), checked against the seed lines."""
import pandas as pd
import pytest

from analysis.core.provinces import UnknownProvinceError
from analysis.report import province_chapter as chapters


@pytest.fixture(scope="module")
def khz():
    return chapters.province_chapter("Khuzestan")


def test_facts_read_from_their_tables(khz):
    f = khz.facts.set_index("key")
    # 002 line 5398: "1911 150 123 خوزستان 13" (Table 56, operating units, cumulative first)
    assert f.loc["units_cum_1401", "value"] == 1911
    # 002 line 5495: "30843 1748 2602 خوزستان 13" (Table 57, jobs in operating units)
    assert f.loc["employment_cum_1401", "value"] == 30843
    assert khz.values["jobs_per_unit"] == "16.1"  # 30843 / 1911 = 16.14


def test_profile_water_and_budget(khz):
    prof = khz.profile.set_index("indicator")
    # 002 line 955: " 84 20 ن خوزستا 13" -> plan 20, actual 84, ratio 4.2, the highest of 31
    assert (prof.loc["water", "plan"], prof.loc["water", "actual"]) == (20, 84)
    assert prof.loc["water", "ratio"] == pytest.approx(4.2)
    assert prof.loc["water", "rank"] == 1
    # 002 line 4833: "3,099,380 5,051,281 خوزستان 13" -> allocation / agreement = 61.4 %
    assert khz.values["budget_ratio"] == "61.4 %"
    assert khz.values["budget_agreement"] == "5,051,281"


def test_programme_links():
    assert "07_kaleh" in chapters.province_chapter("Ilam").header().data
    assert "06_khuzestan" in chapters.province_chapter("Khuzestan").header().data
    assert "07_kaleh" not in chapters.province_chapter("Yazd").header().data


def test_download_has_only_this_province(khz, tmp_path):
    path = khz.download(str(tmp_path / "downloads"))
    df = pd.read_csv(path)
    assert len(df) == int(khz.values["n_download_rows"]) > 0
    water = df[(df.dataset == "water_by_province") & (df.column == "actual")]
    assert water.value.tolist() == [84] and water.source_line.tolist() == [955]


def test_unknown_province():
    with pytest.raises(UnknownProvinceError, match="valid keys|Valid keys"):
        chapters.province_chapter("Atlantis")
