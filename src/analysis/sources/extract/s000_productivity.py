"""000: Khuzestan productivity-promotion document (approved 1401/05/09), programme catalogue 1401.

The catalogue (lines 72-258) is a series of markdown tables, one per sector/sub-sector, with
columns | responsible agencies | programme 1401 | sector/sub-sector | (logical order, no
numbers). An agency or sector cell is printed once and holds for the rows below it (merged
cells). Extraction quirks handled here:

* some programmes landed in the agency column (lines 90, 141, 155, 156, 236, 257, 258): the
  row has text only in the first cell and no sector; it is read as a programme of the
  current block (a ``note`` says so);
* lines 158-164 are a one-column table without header after a page break: five more
  programmes of the public-affairs sub-sector (same agencies);
* agency cells are lists separated by '،' but several agency names contain '،' themselves
  (اداره کل صنعت، معدن و تجارت), so cells are split by matching the known names below.
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.core.digits import normalise_fa
from analysis.sources.extract import register
from analysis.sources.extract.seedtext import Seed, date_on

S = Seed("000")

FIRST, LAST = 72, 258

SECTORS = {  # Persian label (as printed, normalised) -> (level, English)
    "زیربخش پولی و مالی": ("sub-sector", "Money and finance"),
    "زیربخش گردشگری": ("sub-sector", "Tourism"),
    "زیربخش بازرگانی": ("sub-sector", "Commerce"),
    "زیربخش آموزش": ("sub-sector", "Education"),
    "زیربخش بهداشت و خدمات درمانی": ("sub-sector", "Health and medical services"),
    "زیربخش فرهنگی": ("sub-sector", "Culture"),
    "زیربخش امور عمومی": ("sub-sector", "Public affairs"),
    "زیربخش رفاه اجتماعی": ("sub-sector", "Social welfare"),
    "بخش ارتباطات": ("sector", "Communications"),
    "بخش معدن": ("sector", "Mining"),
    "بخش حمل و نقل": ("sector", "Transport"),
    "بخش ساختمان": ("sector", "Construction and housing"),
    "بخش آب و برق و گاز": ("sector", "Water, electricity and gas"),
    "بخش صنعت": ("sector", "Industry"),
    "بخش نفت": ("sector", "Oil"),
    "بخش کشاورزی": ("sector", "Agriculture"),
}

# Canonical agencies: Persian name (consistent spelling) -> English. Aliases below map the
# printed variants (and multi-agency phrases) to one or more canonical names.
AGENCIES = {
    "کلیه بانک های استان": "All banks in the province",
    "کلیه بیمه های استان": "All insurers in the province",
    "اداره کل میراث فرهنگی، صنایع دستی و گردشگری": "Directorate-General of Cultural Heritage, Handicrafts and Tourism",
    "اداره کل صنعت، معدن و تجارت": "Directorate-General of Industry, Mine and Trade",
    "شرکت غله و خدمات بازرگانی": "Grain and Commercial Services Company",
    "منطقه آزاد اروند": "Arvand Free Zone",
    "اداره کل فرودگاه های استان": "Directorate-General of Airports of the province",
    "مدیریت فرودگاه آبادان": "Abadan Airport management",
    "اداره کل راه آهن زاگرس": "Directorate-General of Zagros Railway",
    "اداره کل راه آهن جنوب": "Directorate-General of Southern Railway",
    "اداره کل راهداری و حمل و نقل استان": "Directorate-General of Road Maintenance and Transportation of the province",
    "منطقه ویژه اقتصادی بندر امام خمینی": "Bandar Imam Khomeini Special Economic Zone",
    "شوش": "Shush (printed alone in the list; body not named)",
    "منطقه ویژه اقتصادی پتروشیمی ماهشهر": "Petrochemical Special Economic Zone (Mahshahr)",
    "اداره کل آموزش و پرورش": "Directorate-General of Education",
    "دانشگاه های استان": "Universities of the province",
    "دانشگاه های علوم پزشکی استان": "Universities of medical sciences of the province",
    "اداره کل بهزیستی استان": "Directorate-General of Welfare (Behzisti) of the province",
    "صدا و سیمای مرکز خوزستان": "IRIB (state broadcaster) Khuzestan centre",
    "اداره کل فرهنگ و ارشاد اسلامی": "Directorate-General of Culture and Islamic Guidance",
    "سازمان اوقاف و امور خیریه": "Endowments and Charity Affairs Organisation",
    "اداره کل تبلیغات اسلامی": "Directorate-General of Islamic Propagation",
    "حوزه هنری سازمان تبلیغات": "Art Bureau (Howzeh Honari) of the Islamic Propagation Organisation",
    "دارالقرآن الکریم استان": "Dar al-Quran al-Karim of the province",
    "استانداری خوزستان": "Khuzestan Governorate",
    "اداره کل اقتصاد و دارایی": "Directorate-General of Economic Affairs and Finance",
    "اداره کل امور مالیاتی استان": "Directorate-General of Tax Affairs of the province",
    "اداره کل استاندارد": "Directorate-General of Standards",
    "اداره کل محیط زیست": "Directorate-General of Environment",
    "اداره کل منابع طبیعی استان": "Directorate-General of Natural Resources of the province",
    "شهرداری ها": "Municipalities",
    "اداره کل تعاون، کار و رفاه اجتماعی استان": "Directorate-General of Cooperatives, Labour and Social Welfare of the province",
    "کمیته امداد امام خمینی (ره)": "Imam Khomeini Relief Committee",
    "سازمان مدیریت و برنامه ریزی استان": "Management and Planning Organisation of the province",
    "مرکز افتا خوزستان": "Khuzestan AFTA (information-security) centre",
    "اداره کل ارتباطات و فناوری اطلاعات استان": "Directorate-General of Communications and Information Technology of the province",
    "اداره کل تنظیم مقررات رادیویی استان": "Directorate-General of Radio Communications Regulation of the province",
    "اداره کل راه و شهرسازی استان": "Directorate-General of Roads and Urban Development of the province",
    "آزمایشگاه مکانیک خاک استان": "Soil Mechanics Laboratory of the province",
    "اداره کل بنادر و دریانوردی": "Directorate-General of Ports and Maritime Affairs",
    "شرکت های عمران شهر جدید رامین و شیرین شهر": "New-town development companies of Ramin and Shirin Shahr",
    "سازمان آب و برق خوزستان": "Khuzestan Water and Power Authority",
    "شرکت برق منطقه ای خوزستان": "Khuzestan Regional Electricity Company",
    "شرکت توزیع برق استان": "Electricity Distribution Company of the province",
    "شرکت آب و فاضلاب خوزستان": "Khuzestan Water and Wastewater Company",
    "شرکت گاز استان": "Gas Company of the province",
    "شرکت شهرک های صنعتی خوزستان": "Khuzestan Industrial Estates Company",
    "شرکت ملی مناطق نفت خیز جنوب": "National Iranian South Oil Company",
    "شرکت پالایش و پخش فراورده های نفتی": "National Iranian Oil Refining and Distribution Company",
    "شرکت ملی حفاری ایران": "National Iranian Drilling Company",
    "اداره کل جهاد کشاورزی": "Directorate-General of Agriculture-Jihad",
    "پشتیبانی امور دام": "State Livestock Affairs Logistics Company",
    "امور عشایر استان": "Nomadic Affairs of the province",
    "شیلات استان": "Fisheries of the province",
    "مراکز تحقیقات کشاورزی و منابع طبیعی": "Agricultural and Natural Resources Research Centres",
}
ALIASES = {  # printed variant -> canonical names (when not the canonical name itself)
    "کلیه بانک ها و بیمه های استان": ["کلیه بانک های استان", "کلیه بیمه های استان"],
    "استاندارداری خوزستان": ["استانداری خوزستان"],  # misspelt on line 145
    "اداره کل منابع طبیعی": ["اداره کل منابع طبیعی استان"],  # line 247
    "منطقه ویژه اقتصادی پتروشیمی": ["منطقه ویژه اقتصادی پتروشیمی ماهشهر"],  # line 240
    "اداره کل صنعت، معدن و تجارت": ["اداره کل صنعت، معدن و تجارت"],
}
AMBIGUOUS = {"شوش": "agency_fa=printed alone between two special economic zones, unclear which body"}


def _key(text: str) -> str:
    return re.sub(r"[\s\u200c]", "", normalise_fa(text))


_MATCH = sorted(
    [(_key(k), [k]) for k in AGENCIES] + [(_key(k), v) for k, v in ALIASES.items()],
    key=lambda kv: -len(kv[0]),
)


def split_agencies(cell: str) -> list[str]:
    """Canonical agency names in a printed agency cell.

    >>> split_agencies("اداره کل صنعت، معدن و تجارت، شرکت شهرک های صنعتی خوزستان")
    ['اداره کل صنعت، معدن و تجارت', 'شرکت شهرک های صنعتی خوزستان']
    >>> split_agencies("کلیه بانک ها و بیمه های استان")
    ['کلیه بانک های استان', 'کلیه بیمه های استان']
    """
    rest = _key(re.sub(r"</?p>", "", cell))
    out: list[str] = []
    while rest:
        for key, names in _MATCH:
            if rest.startswith(key):
                out.extend(names)
                rest = rest[len(key):]
                break
        else:
            raise ValueError(f"unknown agency at {rest[:40]!r} in cell {cell!r}")
        rest = re.sub(r"^[،,]?و?", "", rest)  # separator: '،' and/or 'و' (no name starts with و)
    return out


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def _catalogue() -> list[dict]:
    rows: list[dict] = []
    sector = agency_cell = None
    agency_line = None
    for n in range(FIRST, LAST + 1):
        text = S.line(n).strip()
        if not text.startswith("|") or re.fullmatch(r"[|\s-]+", text):
            continue
        cells = _cells(text)
        if "دستگاههای متولی" in cells[0] or "دستگاه های متولی" in normalise_fa(cells[0]):
            continue  # header row
        note = None
        if len(cells) == 1:  # headerless continuation table after a page break (158-164)
            if not cells[0]:
                continue
            programme = cells[0]
            note = "one-column continuation table after a page break (lines 158-164); agencies and sub-sector of the block above"
        else:
            agency, programme, sect = (cells + ["", "", ""])[:3]
            if sect:
                sector = normalise_fa(sect)
                sector = re.sub(r"\s*/\s*", "/", sector)
            if agency and not programme and not sect:
                programme, agency = agency, ""
                note = "programme printed in the agency column (cell shifted by the extraction); read as a programme of the block above"
            if agency:
                agency_cell, agency_line = re.sub(r"</?p>", "", agency), n
        sector_fa = normalise_fa(sector)
        if sector_fa not in SECTORS:
            raise ValueError(f"000 line {n}: unknown sector {sector!r}")
        level, sector_en = SECTORS[sector_fa]
        rows.append(dict(sector_fa=sector_fa, sector_en=sector_en, sector_level=level,
                         programme_fa=normalise_fa(programme), agencies_printed=agency_cell,
                         source_line_agency=agency_line, source_line=n, note=note))
    for i, r in enumerate(rows, start=1):
        r["programme_id"] = i
    return rows


# Number tokens of the covered lines deliberately not transcribed (analysis.sources.coverage):
# "<line> <token> ... | <kind> [detail]".
SKIPPED = """
72 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
77 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
92 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
103 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
118 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
131 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
143 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
166 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
174 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
181 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
190 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
201 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
212 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
224 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
238 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
245 1401 | year the table's column header 'programme 1401' (برنامه ۱۴۰۱; the year is transcribed from line 11)
55 1 | page the page column of the list of sectors
56 2 | page the page column of the list of sectors
57 3 | page the page column of the list of sectors
58 4 | page the page column of the list of sectors
59 5 | page the page column of the list of sectors
60 6 | page the page column of the list of sectors
61 7 | page the page column of the list of sectors
62 9 | page the page column of the list of sectors
63 10 | page the page column of the list of sectors
64 11 | page the page column of the list of sectors
65 12 | page the page column of the list of sectors
66 13 | page the page column of the list of sectors
67 14 | page the page column of the list of sectors
68 15 | page the page column of the list of sectors
69 16 | page the page column of the list of sectors
70 17 | page the page column of the list of sectors
"""


@register("khz_productivity_programmes", "000_programmes_1401.csv")
def programmes() -> pd.DataFrame:
    cols = ["programme_id", "sector_level", "sector_fa", "sector_en", "programme_fa",
            "agencies_printed", "source_line", "source_line_agency", "note"]
    return pd.DataFrame(_catalogue())[cols]


@register("khz_programme_agencies", "000_programme_agencies.csv")
def programme_agencies() -> pd.DataFrame:
    rows = []
    for r in _catalogue():
        for name in split_agencies(r["agencies_printed"]):
            rows.append(dict(programme_id=r["programme_id"], sector_en=r["sector_en"],
                             agency_fa=name, agency_en=AGENCIES[name],
                             source_line=r["source_line"], source_line_agency=r["source_line_agency"],
                             flag=AMBIGUOUS.get(name), raw_text=name if name in AMBIGUOUS else None))
    return pd.DataFrame(rows)


@register("khz_productivity_figures", "000_prose_figures.csv")
def prose_figures() -> pd.DataFrame:
    """The document's dates (it has no other figures outside the table of contents)."""
    rows = [
        dict(figure="programme_year", description_en="year of the programme catalogue (cover: 'year 1401')",
             value=float(re.search(r"سال (\d{4})", S.norm_line(11)).group(1)), unit="Jalali year",
             date_jalali=None, source_line=11),
        dict(figure="issue_season", description_en="document issued in summer 1401 (cover)",
             value=float(re.search(r"تابستان (\d{4})", S.norm_line(19)).group(1)), unit="Jalali year",
             date_jalali=None, source_line=19),
        dict(figure="approval_date",
             description_en="date of approval by the Khuzestan Management Development Council (زمان تصویب)",
             value=None, unit="date", date_jalali=date_on(S.norm_line(49), r"(\d{4})/(\d{2})/(\d{2})"),
             source_line=49),
    ]
    return pd.DataFrame(rows)
