"""Audit of the sources' own arithmetic.

Recomputes what the sources print (totals, percentages, growth rates, cross-table
figures) and reports each comparison as a :class:`Finding`. Nothing in ``data/`` is
corrected: findings are published beside the data.

Audit modules (``a0*.py`` in this package) are named like the extractors whose datasets
they check (``a002_land`` checks what ``extract/s002_land`` writes); they register
functions with :func:`audit`; each returns a list of findings. :func:`run` collects them
into one frame. The helpers below are the comparisons and look-ups the modules share.

Every comparison carries the rounding of its figures as intervals
(:mod:`analysis.sources.audit.intervals`): a printed figure stands for half a unit of its last
printed digit either side (``2.1`` is [2.05, 2.15]); a count of things (parks, projects,
persons, rows, names listed) is exact. The recomputation is carried out on the intervals, and
:func:`judge` gives the verdict: ``ok`` when the recomputation from the printed figures rounds
to the printed value, ``rounding`` when it does not but the two intervals overlap,
``discrepancy`` only when they do not. Each :class:`Finding` keeps both intervals.

Which figures are exact is decided per check and said in each module's docstring: by the unit
(:func:`figure`, :func:`cell`: :data:`COUNT_UNITS` exact, :data:`MEASURE_UNITS` rounded, any other
unit an error), and by hand for prose figures: a round figure of the prose may be read as
rounded to its last non-zero digit (``rounded(15000, -3)``), a figure the source calls
approximate (``در حدود``, about) as one unit either side (:meth:`Interval.about`), "more than x"
as a lower bound (:meth:`Interval.at_least`). The printed decimals are read from the stored
value (:func:`analysis.sources.audit.intervals.decimals_of`); a test checks them against the
seed line of every transcribed number.
"""
from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

import jdatetime
import pandas as pd

from analysis.core import paths
from analysis.core.digits import normalise_fa, numbers_on_line
from analysis.sources.audit.intervals import Interval
from analysis.sources.datasets import dataset as catalogue_entry
from analysis.sources.datasets import load
from analysis.sources.extract.seedtext import Seed

VERDICTS = ("ok", "rounding", "capped", "discrepancy", "unit", "note")
AUDITS: list[Callable[[], list[Finding]]] = []

#: Units of counts of things: a count is exact, not a rounded measurement (a park is a park).
COUNT_UNITS = frozenset({
    "action plan", "case", "centre", "cluster", "company", "consultant", "contract", "count", "course", "document",
    "estate/zone", "event", "exhibition", "firm", "hour", "idea", "industrial estate/zone", "industrial unit", "job",
    "module", "network", "organisation", "park/zone", "parks", "parks/zones", "person", "person-hour", "policy",
    "project", "provider", "resolutions", "sessions", "study", "thesis", "tour", "treatment module", "unit", "volume",
    "workshop",
})
#: Units of measured or rounded quantities (areas, flows, power, money, rates, counts in millions or
#: thousands): a figure in them stands for half a unit of its last printed digit either side.
MEASURE_UNITS = frozenset({
    "%", "MW", "billion US dollars", "billion rials", "cubic metre/day", "hectare", "kilometre", "litre/second",
    "million USD", "million rials", "million saplings", "rials", "square metre", "thousand jobs", "thousand persons",
    "million persons",
})


def is_count(unit: str) -> bool:
    """Whether a figure in ``unit`` is an exact count (:data:`COUNT_UNITS`) rather than a rounded
    measure (:data:`MEASURE_UNITS`); any other unit is an error naming both lists.

    >>> is_count("park/zone"), is_count("hectare")
    (True, False)
    """
    if unit in COUNT_UNITS:
        return True
    if unit in MEASURE_UNITS:
        return False
    raise ValueError(f"unit {unit!r} is neither a count ({sorted(COUNT_UNITS)}) nor a measure "
                     f"({sorted(MEASURE_UNITS)}): add it to COUNT_UNITS or MEASURE_UNITS in analysis.sources.audit")


def exact(x) -> Interval:
    """A figure known exactly: a count of things, a number of rows or names (a point)."""
    return Interval.exact(x)


def rounded(x, decimals: int | None = None) -> Interval:
    """A printed figure rounded at its last printed digit (``decimals`` inferred from the value,
    see :func:`analysis.sources.audit.intervals.decimals_of`; negative for a round prose figure)."""
    return Interval.from_printed(x, decimals)


def figure(x, unit: str) -> Interval:
    """A transcribed figure in ``unit``: exact for a count, rounded at its printed digits otherwise.

    >>> str(figure(12, "project")), str(figure(12, "hectare"))
    ('12', '[11.5, 12.5]')
    """
    return exact(x) if is_count(unit) else rounded(x)


def cell(name: str, col: str, x, count: bool | None = None) -> Interval:
    """A cell of a catalogued dataset as an interval: exact when its column's catalogued unit is a
    count (or ``count=True`` for a column the catalogue gives no unit), else rounded."""
    if count is None:
        unit = catalogue_entry(name).unit(col)
        if unit is None:
            raise ValueError(f"{name}.{col} has no catalogued unit: say whether it is a count (count=True/False)")
        count = is_count(unit)
    return exact(x) if count else rounded(x)


def column_sum(name: str, values, col: str, count: bool | None = None) -> Interval:
    """The sum of a column's cells (missing cells left out), each carrying its rounding (:func:`cell`)."""
    return Interval.sum(cell(name, col, x, count) for x in values if not pd.isna(x))


@dataclass
class Finding:
    dataset: str  # catalogue name
    check: str  # e.g. "row sum vs printed total", "actual/plan vs printed %"
    item: str  # what was checked: row label / column, in English (with Persian where useful)
    printed: float | None
    recomputed: float | None
    verdict: str
    source_line: int | None = None
    note: str = ""
    printed_interval: Interval | None = None  # what the printed figure can stand for, given its rounding
    recomputed_interval: Interval | None = None  # what the recomputation can be, given its inputs' rounding

    @property
    def difference(self) -> float | None:
        if self.printed is None or self.recomputed is None:
            return None
        return self.recomputed - self.printed

    def as_row(self) -> dict:
        d = {f: getattr(self, f) for f in ("dataset", "check", "item", "printed", "recomputed", "verdict",
                                            "source_line", "note")}
        d["difference"] = self.difference
        for side in ("printed", "recomputed"):
            iv = getattr(self, f"{side}_interval")
            d[f"{side}_low"] = None if iv is None else iv.low
            d[f"{side}_high"] = None if iv is None else iv.high
        return d


def audit(func: Callable[[], list[Finding]]):
    """Register an audit function."""
    AUDITS.append(func)
    return func


def judge(printed: Interval, recomputed: Interval) -> str:
    """The verdict of a printed figure against its recomputation, both as intervals.

    ``ok`` when the recomputation from the printed inputs taken at face value rounds to the printed
    figure (lies in the printed figure's interval); ``rounding`` when it does not but the two intervals
    overlap (the rounding of the inputs and of the printed figure can explain the difference);
    ``discrepancy`` only when they do not overlap.

    >>> judge(rounded(6), 100 * (rounded(2.2) / rounded(2.1) - 1))  # 002 line 2437, Table 27 exports
    'rounding'
    >>> judge(rounded(140), 100 * (exact(566) / exact(235) - 1))  # line 2426: 140.85 % printed 140
    'discrepancy'
    >>> judge(rounded(872), Interval.sum(rounded(x) for x in (690, 182)))
    'ok'
    """
    if printed.contains(recomputed.value):
        return "ok"
    return "rounding" if printed.overlaps(recomputed) else "discrepancy"


def cut_or_raised(printed: Interval, recomputed: Interval) -> str:
    """``"truncated"`` when the printed figure is the recomputed one cut off at its last printed
    digit, ``"rounded up"`` when raised to the next digit, else ``""`` (rounded to the nearest, or
    neither).

    >>> cut_or_raised(rounded(140), exact(140.85)), cut_or_raised(rounded(94), exact(93.24)), cut_or_raised(rounded(6), exact(4.8))
    ('truncated', 'rounded up', '')
    """
    if printed.exact_point or isinstance(printed.hi, float):
        return ""
    step, p, r = 2 * (printed.hi - printed.value), printed.value, recomputed.value
    if r != p and math.floor(r / step) * step == p:
        return "truncated"
    if r != p and math.ceil(r / step) * step == p:
        return "rounded up"
    return ""


HOW_NOTE = {"truncated": "the printed figure is the recomputed one truncated, not rounded",
            "rounded up": "the printed figure is the recomputed one rounded up, not to the nearest"}


def compare(dataset: str, check: str, item: str, printed: Interval, recomputed: Interval, *,
            source_line: int | None = None, note: str = "") -> Finding:
    """A printed figure against its recomputation, both :class:`Interval` (see :func:`judge`)."""
    for side, iv in (("printed", printed), ("recomputed", recomputed)):
        if not isinstance(iv, Interval):
            raise TypeError(f"{dataset}: {item}: {side} must be an Interval (exact(x) for a count, rounded(x) for "
                            f"a rounded figure), not {type(iv).__name__}")
    verdict = judge(printed, recomputed)
    if verdict == "discrepancy":
        how = HOW_NOTE.get(cut_or_raised(printed, recomputed), "")
        note = f"{note}; {how}" if note and how else (note or how)
    return Finding(dataset, check, item, float(printed.value), round(float(recomputed.value), 4), verdict,
                   source_line, note, printed, recomputed)


def compare_total(dataset: str, item: str, printed: Interval, recomputed: Interval, *,
                  check: str = "row sum vs printed total", source_line: int | None = None, note: str = "") -> Finding:
    """A printed total (or any printed figure) against its recomputation (:func:`compare`).

    >>> compare_total("water_by_province", "actual", rounded(872), rounded(872)).verdict
    'ok'
    >>> f = compare_total("t", "plan", exact(100), exact(98))
    >>> f.verdict, f.difference
    ('discrepancy', -2.0)
    """
    return compare(dataset, check, item, printed, recomputed, source_line=source_line, note=note)


def compare_percent(dataset: str, item: str, printed_pct: float, actual: Interval, plan: Interval, *,
                    decimals: int | None = None, source_line: int | None = None, note: str = "",
                    check: str = "actual/plan vs printed %") -> Finding:
    """A printed percentage against ``100 * actual / plan``, carrying the rounding of both inputs
    and of the printed percentage (decimals inferred from its value unless given).

    Verdicts as :func:`judge`, and ``capped`` where the source prints 100 and the whole recomputed
    interval lies above the printed one's (the ratio is above 100 % whatever the rounding). A plan
    that is zero, or whose interval contains zero, gives ``note``: the ratio is undefined.

    >>> compare_percent("t", "x", 100, exact(130), exact(100)).verdict
    'capped'
    >>> compare_percent("t", "x", 97, exact(718), exact(739)).verdict
    'ok'
    >>> compare_percent("t", "x", 97, exact(979), exact(1000)).verdict  # 97.9 % of exact counts printed 97
    'discrepancy'
    >>> compare_percent("t", "x", 72, rounded(8), rounded(11)).verdict  # 72.7 % of rounded hectares printed 72
    'rounding'
    """
    printed = rounded(printed_pct, decimals)
    if plan.value == 0 or plan.lo <= 0 <= plan.hi:
        return Finding(dataset, check, item, float(printed_pct), None, "note", source_line,
                       (note + " " if note else "") + "plan is zero: ratio undefined", printed, None)
    ratio = 100 * actual / plan
    if printed.value == 100 and ratio.lo > printed.hi:
        return Finding(dataset, check, item, float(printed_pct), round(float(ratio.value), 4), "capped", source_line,
                       note, printed, ratio)
    return compare(dataset, check, item, printed, ratio, source_line=source_line, note=note)


def compare_columns(name: str, cols, item: str, *, body_kind: str | None = None, count: bool | None = None) -> list[Finding]:
    """Each column's rows (of ``body_kind``, or all but the total) against the printed total
    row; ``item`` is a format string with ``{col}``. Cells are exact or rounded by their column's
    catalogued unit (:func:`cell`; ``count`` for columns without one)."""
    df = load(name)
    total, body = total_row(df), body_rows(df, body_kind)
    return [compare_total(name, item.format(col=col), cell(name, col, total[col], count),
                          column_sum(name, body[col], col, count), source_line=int(total.source_line)) for col in cols]


def compare_sums(name: str, cols: list[str], body_kind: str = "province", count: bool | None = None) -> list[Finding]:
    """Each column's rows against the printed total row; a gap equal to one row's value is noted."""
    df = load(name)
    total, body = total_row(df), body_rows(df, body_kind)
    out = []
    for col in cols:
        f = compare_total(name, f"{col}: sum of {len(body)} rows vs printed total (جمع)",
                          cell(name, col, total[col], count), column_sum(name, body[col], col, count),
                          source_line=int(total.source_line))
        if f.verdict == "discrepancy" and "province" in body:
            # which single row is closest to the gap? (a row left out of the printed total)
            gap = f.difference
            near = body.loc[(body[col] - gap).abs().idxmin()]
            if abs(near[col] - gap) <= 0.001 * abs(gap):
                f.note = (f"the gap ({gap:g}) is within 0.1 % of {near.province}'s value ({near[col]:g}, "
                          f"line {near.source_line}): the printed total seems to leave that row out")
        out.append(f)
    return out


def note_finding(dataset: str, check: str, item: str, printed, recomputed, line: int | None, text: str,
         verdict: str = "note") -> Finding:
    """A finding that states something beside the data rather than comparing (verdict ``note``)."""
    return Finding(dataset, check, item, printed, recomputed, verdict, line, text)


WEEKDAYS_FA = ["دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"]  # Monday=0


def compare_weekday(dataset: str, item: str, date: str, printed: str, line: int) -> Finding:
    """A printed weekday against the Jalali calendar's weekday of ``date`` ('YYYY/MM/DD')."""
    y, m, d = (int(x) for x in date.split("/"))
    g = jdatetime.date(y, m, d).togregorian()
    actual = WEEKDAYS_FA[g.weekday()]
    ok = normalise_fa(printed).replace(" ", "") == actual.replace(" ", "")
    return Finding(dataset, "printed weekday vs Jalali calendar", item, None, None, "ok" if ok else "discrepancy",
                   line, f"{date} = {g.isoformat()} ({g.strftime('%A')}); printed {printed}, calendar {actual}")


def compare_percent_rows(name: str, label_col: str, unit_col: str = "unit_en") -> list[Finding]:
    """Each row's printed achievement % against 100 * actual / plan, cited at the line
    holding the numbers (``source_line_end`` when the row spans lines); plan and actual are
    exact or rounded by the row's unit (:func:`figure`)."""
    df = load(name)
    out = []
    for _, r in df.iterrows():
        end = r.get("source_line_end")
        line = int(end) if end is not None and not pd.isna(end) else int(r["source_line"])
        unit = r[unit_col]
        out.append(compare_percent(name, str(r[label_col]), float(r["pct_printed"]), figure(r["actual"], unit),
                                   figure(r["plan"], unit), source_line=line))
    return out


# ---------------------------------------------------------------------------- look-ups
#: Every figure the audits type from a seed's running text, chart or table of contents
#: (``(seed, line, value)``), and whether it was verified on its seed line in this process:
#: ``False`` when the seed texts are absent (:func:`analysis.core.paths.seeds_present`), so the
#: audit runs on the typed figures and the book says how many were not verified.
QUOTED: dict[tuple[str, int, float], bool] = {}


def quoted(seed: str, line_no: int, value, verify: Callable[[], bool], why: str = "") -> float:
    """Record a typed figure of a seed; with the seeds present, ``verify()`` must hold (else a
    one-line error naming the seed, the line and ``why``); without them it is recorded unverified."""
    present = paths.seeds_present()
    if present and not verify():
        raise ValueError(f"{value} is not printed on {seed} line {line_no}{': ' + why if why else ''}")
    QUOTED[(seed, int(line_no), float(value))] = present
    return value


def printed_on(seed: str, line_no: int, value: float) -> float:
    """A figure quoted from the running text of a seed, checked to be printed on its line (when
    the seed texts are present; see :func:`quoted`)."""
    return quoted(seed, line_no, value, lambda: float(value) in numbers_on_line(Seed(seed).line(line_no)))


def seed_verifications() -> dict[str, int]:
    """How many typed seed figures the audits use (``quoted``), how many were verified on their
    seed lines (``verified``) and how many were not because the seed texts are absent
    (``not_verified``). Runs the audits first if they have not run in this process, or ran with
    the seed texts present where they are now absent (or the reverse)."""
    present = paths.seeds_present()
    if not QUOTED or any(v != present for v in QUOTED.values()):
        run()
    n_ok = sum(QUOTED.values())
    return {"quoted": len(QUOTED), "verified": n_ok, "not_verified": len(QUOTED) - n_ok}


def chapter3_prose(topic: str, item: str) -> tuple[int, int]:
    """(value, source line) of a figure stated in the prose of 002 chapter 3
    (``sme_support_prose_figures``), used by the technology, loans and training audits."""
    df = load("sme_support_prose_figures")
    r = df[(df.topic == topic) & (df["item"] == item)].iloc[0]
    return int(r.value), int(r.source_line)


def total_row(df: pd.DataFrame) -> pd.Series:
    """The printed total row (``row_kind == "total"``) of a dataset."""
    return df[df.row_kind == "total"].iloc[0]


def body_rows(df: pd.DataFrame, kind: str | None = None) -> pd.DataFrame:
    """The rows a total adds up: of ``kind``, or every row but the total."""
    return df[df.row_kind == kind] if kind else df[df.row_kind != "total"]


def row_where(df: pd.DataFrame, col: str, value) -> pd.Series:
    """The first row of ``df`` whose ``col`` equals ``value``."""
    return df.loc[df[col] == value].iloc[0]


def discover() -> list[Callable[[], list[Finding]]]:
    for mod in pkgutil.iter_modules(__path__):
        if mod.name.startswith("a0"):
            importlib.import_module(f"{__name__}.{mod.name}")
    return AUDITS


#: Columns of :func:`run`: ``printed_low``/``printed_high`` bound what the printed figure can stand
#: for, ``recomputed_low``/``recomputed_high`` what the recomputation can be given the rounding of
#: its inputs (both empty for a finding that compares no numbers).
COLUMNS = ["dataset", "check", "item", "printed", "recomputed", "difference", "verdict", "source_line", "note",
           "printed_low", "printed_high", "recomputed_low", "recomputed_high"]


def run() -> pd.DataFrame:
    """All findings of all registered audits, one row each (:data:`COLUMNS`); :data:`QUOTED`
    afresh."""
    QUOTED.clear()
    rows = []
    for func in discover():
        rows.extend(f.as_row() for f in func())
    return pd.DataFrame(rows, columns=COLUMNS)
