"""Seed 000, the Khuzestan productivity programme catalogue (extract/s000_productivity): hand-checked rows."""
from analysis.sources import datasets as data
from analysis.sources.extract.s000_productivity import split_agencies


def test_000_programme_row(seeds_available):
    df = data.load("khz_productivity_programmes")
    # 000 line 183: | اداره کل صنعت، معدن و تجارت | توسعه و ترویج بهره برداری اصولی و پایدار از معادن | بخش معدن |
    result = df[df.source_line == 183].iloc[0][["sector_en", "sector_level", "programme_fa"]].tolist()
    expected = ["Mining", "sector", "توسعه و ترویج بهره برداری اصولی و پایدار از معادن"]
    assert result == expected
    assert df.sector_en.nunique() == 16 and len(df) == 137
    # 000 line 90: a programme printed in the agency column, still a tourism programme
    assert df[df.source_line == 90].iloc[0].sector_en == "Tourism"


def test_000_agencies_split(seeds_available):
    ag = data.load("khz_programme_agencies")
    prog = data.load("khz_productivity_programmes")
    # 000 line 177: استانداری خوزستان، سازمان مدیریت و برنامه ریزی استان
    pid = int(prog[prog.source_line == 177].programme_id.iloc[0])
    result = sorted(ag[ag.programme_id == pid].agency_en)
    expected = sorted(["Khuzestan Governorate", "Management and Planning Organisation of the province"])
    assert result == expected
    # line 145 misspells استاندارداری: merged with استانداری خوزستان
    assert split_agencies("استاندارداری خوزستان، اداره کل اقتصاد و دارایی") == ["استانداری خوزستان", "اداره کل اقتصاد و دارایی"]
    assert ag.flag.notna().sum() == 16  # 'شوش', lines 94 and 192, 8 programmes each


def test_000_approval_date(seeds_available):
    df = data.load("khz_productivity_figures")
    # 000 line 49: زمان تصویب: ۱۴۰۱/۰۵/۰۹
    assert df.set_index("figure").loc["approval_date", "date_jalali"] == "1401/05/09"
