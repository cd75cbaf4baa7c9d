"""``python -m analysis check-data``: every dataset read and validated, every number's provenance,
and the coverage of the prose lines (every number printed there transcribed or skipped with a reason).

One line per problem (the file, the line of the file or the feature, the column, what is
wrong), then a summary; exit status 1 when there is any problem. A traceback is printed only
with ``debug=True`` (``--debug``). The build runs the same reading and validation
(:func:`analysis.sources.datasets.validate_all`), so its data-check failure is the same line.
"""
from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field

from analysis.core import paths


@dataclass
class Problem:
    message: str
    error: BaseException | None = field(default=None, repr=False)


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    datasets: int = 0
    references: int = 0
    provenance_checked: bool = False

    @property
    def summary(self) -> str:
        what = f"checked {self.datasets} datasets and {self.references} reference files"
        prov = "" if self.provenance_checked else " (provenance not checked)"
        return f"{what}: {len(self.problems)} problem(s){prov}"


def seeds_missing_note() -> str | None:
    """The line check-data prints when the seed files are absent (``None`` when present)."""
    if paths.seeds_present():
        return None
    return (f"seed check skipped: the seed files are absent (none found in {paths.SEEDS}; they belong in "
            f"../shared/seeds beside the repository, or set ANALYSIS_SEEDS); numbers not checked against their source lines")


def collect() -> Report:
    """Read and validate every catalogued file, then check provenance; collect one-line problems."""
    from analysis.sources import datasets, provenance

    report = Report()
    try:
        cat, refs = datasets.catalog(), datasets.references()
    except datasets.DataError as err:
        report.problems.append(Problem(str(err), err))
        return report
    report.datasets, report.references = len(cat), len(refs)
    frames = {}
    for ds in [*cat.values(), *refs.values()]:
        try:
            df = datasets.read(ds.path, ds, full=True)
        except datasets.DataError as err:
            report.problems.append(Problem(str(err), err))
            continue
        if not ds.reference:
            frames[ds.name] = df
    note = seeds_missing_note()
    if note:
        report.notes.append(note)
        return report
    report.provenance_checked = True
    for name, df in frames.items():
        try:
            found = provenance.check_dataset(cat[name], df)
        except FileNotFoundError as err:
            report.problems.append(Problem(f"{datasets.display_path(cat[name].path)}: provenance not checked: {err}", err))
            continue
        report.problems.extend(Problem(p) for p in found)
    if not report.problems:  # coverage reads every dataset: only once they all read cleanly
        from analysis.sources import coverage

        try:
            report.problems.extend(Problem(p) for p in coverage.problems())
        except (ValueError, FileNotFoundError) as err:  # a malformed SKIPPED table, a missing seed
            report.problems.append(Problem(f"coverage not checked: {err}", err))
    return report


def run(debug: bool = False, out=None, err=None) -> int:
    """check-data: print the problems (stderr) and the summary (stdout); 1 if any problem, else 0."""
    out = out or sys.stdout
    err = err or sys.stderr
    report = collect()
    for p in report.problems:
        if debug and p.error is not None:
            traceback.print_exception(p.error, file=err)
        print(p.message, file=err)
    for note in report.notes:
        print(note, file=out)
    print(report.summary, file=out)
    return 1 if report.problems else 0
