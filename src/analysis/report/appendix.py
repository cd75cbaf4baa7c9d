"""Appendices: source audit (A), data catalogue (B), glossary (C), reproducibility (D).

Everything the four appendix notebooks show is computed here from the catalogue
(:func:`analysis.sources.datasets.catalog`), the validated datasets (:func:`analysis.sources.datasets.load`),
the audit (:func:`analysis.sources.audit.run`) and ``glossary.yml``.
"""
from __future__ import annotations

import json
import re
import sys
import time
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd
import yaml

from analysis.core import paths
from analysis.report.display import DASH, Table, num
from analysis.report.downloads import copy_csv, write_csv
from analysis.sources.datasets import catalog, flag_parts, load

GLOSSARY_FILE = Path(__file__).with_name("glossary.yml")

#: Order in which verdicts are shown: problems first.
VERDICT_ORDER = ("discrepancy", "unit", "capped", "rounding", "note", "ok")

#: What each verdict means, in one sentence for readers.
VERDICT_MEANING = {
    "discrepancy": "The source's own figures disagree beyond rounding.",
    "unit": "A unit is misprinted or missing; the book states which unit it uses.",
    "capped": "The source prints 100 % where actual / plan is higher.",
    "rounding": "Off by less than one unit of the last printed digit (truncation instead of rounding).",
    "note": "A check that has no pass/fail answer (undefined ratio, implied base, layout oddity).",
    "ok": "The recomputation equals what the source prints.",
}

#: What a discrepancy of each kind of check means for the reader (matched on the check's start).
CHECK_MEANING = (
    ("row sum vs", "The printed total is not the sum of its rows: the book sums the rows and quotes the printed total only with this caveat."),
    ("parts sum", "A printed row value is not the sum of its parts: use the parts with care."),
    ("prose vs table", "The report's text and its table differ: the book uses the table."),
    ("table vs prose", "The report's text and its table differ: the book uses the table."),
    ("cross-table", "Two tables of the report give different figures for the same thing: the book cites the table it uses."),
    ("actual/plan vs printed", "The printed percentage is not actual / plan: the book recomputes the ratio from plan and actual."),
    ("growth vs printed", "The printed growth rate does not follow from the two years' values: the book recomputes it."),
    ("after/before", "The printed change does not follow from the before and after values: the book recomputes it."),
    ("names listed", "The count printed differs from the number of names listed."),
    ("shares add", "Printed shares do not add up to 100 %: part of the whole is not accounted for."),
)


def check_meaning(check: str) -> str:
    """What a discrepancy found by ``check`` means for the reader.

    >>> check_meaning("row sum vs printed total")[:17]
    'The printed total'
    >>> check_meaning("something else")
    'The source is inconsistent here; read the figure with care.'
    """
    for prefix, text in CHECK_MEANING:
        if check.startswith(prefix):
            return text
    return "The source is inconsistent here; read the figure with care."


# ---------------------------------------------------------------------------- flags
@lru_cache(maxsize=1)
def _frames() -> dict[str, pd.DataFrame]:
    return {name: load(name) for name in catalog()}


@lru_cache(maxsize=1)
def _flagged_cells() -> pd.DataFrame:
    """Every flagged cell of every dataset: dataset, CSV row, column, reason, raw text, source line.

    One row per ``column=reason`` part of a ``flag`` cell; ``csv_row`` counts the
    header as row 1.
    """
    rows = []
    for name, df in _frames().items():
        if "flag" not in df.columns:
            continue
        for i, r in df.iterrows():
            for col, reason in flag_parts(r["flag"]):
                raw = r["raw_text"] if "raw_text" in df.columns else None
                rows.append({"dataset": name, "csv_row": int(i) + 2, "column": col, "reason": reason,
                             "raw_text": None if raw is None or pd.isna(raw) else str(raw),
                             "source_line": int(r["source_line"])})
    return pd.DataFrame(rows, columns=["dataset", "csv_row", "column", "reason", "raw_text", "source_line"])


def flagged_cells() -> pd.DataFrame:
    """Every flagged cell of every dataset: dataset, CSV row, column, reason, raw text, source line.

    One row per ``column=reason`` part of a ``flag`` cell; ``csv_row`` counts the
    header as row 1.
    """
    return _flagged_cells().copy()


# ---------------------------------------------------------------------------- catalogue
def _unit_text(spec: dict) -> str:
    return spec.get("unit") or ""


def catalogue_frame() -> pd.DataFrame:
    """One row per dataset: name, titles, source file, table, lines, rows, columns, flagged cells."""
    return _catalogue_frame().copy()


@lru_cache(maxsize=1)
def _catalogue_frame() -> pd.DataFrame:
    flags = flagged_cells()
    per = flags.groupby("dataset").size() if len(flags) else pd.Series(dtype=int)
    rows = []
    for name, ds in catalog().items():
        df = _frames()[name]
        rows.append({
            "dataset": name, "title_en": ds.title["en"], "title_fa": ds.title["fa"], "source": ds.source,
            "seed": ds.source[:3], "table": ds.table, "lines": f"{ds.lines[0]}–{ds.lines[1]}",
            "rows": len(df), "columns": len(ds.columns), "flagged": int(per.get(name, 0)),
            "file": ds.path.name, "notes": list(ds.notes),
        })
    return pd.DataFrame(rows)


def totals() -> dict[str, int]:
    """Counts across the catalogue: datasets, rows, numeric cells, flagged cells, source files."""
    cat = catalogue_frame()
    numeric = 0
    for name, ds in catalog().items():
        df = _frames()[name]
        numeric += int(sum(df[c].notna().sum() for c in ds.numeric_columns()))
    return {"datasets": len(cat), "rows": int(cat["rows"].sum()), "numeric_cells": numeric,
            "flagged": int(cat["flagged"].sum()), "sources": int(cat["seed"].nunique()),
            "datasets_with_flags": int((cat["flagged"] > 0).sum())}


def columns_table(name: str) -> Table:
    """The columns of one dataset: name, type, unit, description."""
    from analysis.core.text import bi
    ds = catalog()[name]
    rows = [{bi("ap_column"): col, bi("ap_type"): spec["type"], bi("ap_unit"): _unit_text(spec) or DASH,
             bi("ap_description"): spec.get("description", DASH)} for col, spec in ds.columns.items()]
    return Table(pd.DataFrame(rows), caption=f"Columns of {name} ({ds.path.name}).")


def flags_table(name: str) -> Table | None:
    """The flagged cells of one dataset with their raw text (None if it has none)."""
    from analysis.core.text import bi
    f = flagged_cells()
    f = f[f["dataset"] == name]
    if f.empty:
        return None
    df = pd.DataFrame({bi("ap_csv_row"): f["csv_row"].to_numpy(), bi("ap_column"): f["column"].to_numpy(),
                       bi("ap_reason"): f["reason"].to_numpy(), bi("ap_raw_text"): f["raw_text"].to_numpy(),
                       bi("ap_source_line"): f["source_line"].to_numpy()})
    return Table(df, caption=f"Flagged cells of {name}: not read with confidence; kept out of sums unless the chapter says otherwise.")


def overview_table() -> Table:
    """All datasets in one table, with a link-free file name (the downloads are listed per dataset)."""
    from analysis.core.text import bi
    c = catalogue_frame()
    df = pd.DataFrame({bi("ap_dataset"): c["dataset"], bi("ap_title"): c["title_en"], bi("ap_seed"): c["seed"],
                       bi("ap_table_no"): c["table"], bi("ap_lines"): c["lines"], bi("ap_rows"): c["rows"],
                       bi("ap_flagged"): c["flagged"]})
    return Table(df, caption="Every dataset of the book: seed file, printed table, line range, rows and flagged cells.",
                 formats={bi("ap_rows"): num, bi("ap_flagged"): num})


def copy_downloads(dest: str | Path = "downloads") -> list[Path]:
    """Copy every processed CSV of the catalogue into ``dest`` (relative to the working directory)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for ds in catalog().values():
        target = dest / ds.path.name
        copy_csv(ds.path, target)
        out.append(target)
    return out


def catalogue_markdown(downloads: str = "downloads") -> str:
    """The per-dataset section text (MyST markdown) for the catalogue appendix.

    Titles, source, table, lines, rows, notes and a download link for each dataset,
    in catalogue order. Returned as text for ``IPython.display.Markdown``; the cell must be
    rendered as MyST (cell metadata ``mystnb: {markdown_format: myst}``) for the
    ``{download}`` links to work.
    """
    c = catalogue_frame()
    parts = []
    for _, r in c.iterrows():
        table = f", table {r['table']}" if isinstance(r["table"], str) and r["table"] else ""
        notes = "".join(f"\n  - {_escape(n)}" for n in r["notes"])
        parts.append(
            f"**{r['dataset']}**: {_escape(r['title_en'])} · <span lang=\"fa\" dir=\"rtl\">{_escape(r['title_fa'])}</span>  \n"
            f"Source `{r['source']}`{table}, lines {r['lines']}; {num(r['rows'])} rows, {r['columns']} columns, "
            f"{num(r['flagged'])} flagged cells. Download: {{download}}`{r['file']} <{downloads}/{r['file']}>`"
            + (f"\n\n  Notes:{notes}" if notes else ""))
    return "\n\n".join(parts)


def catalogue_entries(seed: str, downloads: str = "downloads") -> list:
    """Display objects for the datasets of one seed file: a MyST paragraph (titles, source,
    lines, rows, notes, download link), the columns table and the flagged-cells table.

    The notebook cell that displays them needs ``mystnb: {markdown_format: myst}`` so
    the ``{download}`` links resolve.
    """
    from IPython.display import Markdown
    c = catalogue_frame()
    out = []
    for _, r in c[c["seed"] == seed].iterrows():
        table = f", table {_escape(r['table'])}" if isinstance(r["table"], str) and r["table"] else ""
        notes = "".join(f"\n- {_escape(n)}" for n in r["notes"])
        out.append(Markdown(
            f"**{r['dataset']}**: {_escape(r['title_en'])} · <span lang=\"fa\" dir=\"rtl\">{_escape(r['title_fa'])}</span>\n\n"
            f"Source `{r['source']}`{table}, lines {r['lines']}; {num(r['rows'])} rows, {r['columns']} columns, "
            f"{num(r['flagged'])} flagged cells. Download: {{download}}`{r['file']} <{downloads}/{r['file']}>`"
            + (f"\n\nNotes:\n{notes}" if notes else "")))
        out.append(columns_table(r["dataset"]))
        ft = flags_table(r["dataset"])
        if ft is not None:
            out.append(ft)
    return out


def _escape(text: str) -> str:
    return str(text).replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------- audit
@lru_cache(maxsize=1)
def audit_findings() -> pd.DataFrame:
    """All audit findings, problems first (verdict order), then by dataset and source line."""
    from analysis.sources import audit
    df = audit.run()
    order = {v: i for i, v in enumerate(VERDICT_ORDER)}
    df = df.assign(_o=df["verdict"].map(order)).sort_values(["_o", "dataset", "source_line"], kind="stable")
    return df.drop(columns="_o").reset_index(drop=True)


def verdict_counts() -> pd.DataFrame:
    """Findings per verdict with what the verdict means."""
    df = audit_findings()
    counts = df["verdict"].value_counts()
    rows = [{"verdict": v, "findings": int(counts.get(v, 0)), "meaning": VERDICT_MEANING[v]} for v in VERDICT_ORDER]
    return pd.DataFrame(rows)


def verdict_table() -> Table:
    from analysis.core.text import bi
    v = verdict_counts()
    df = pd.DataFrame({bi("ap_verdict"): v["verdict"], bi("ap_findings"): v["findings"], bi("ap_meaning"): v["meaning"]})
    return Table(df, caption="Audit findings per verdict (all datasets).", formats={bi("ap_findings"): num})


def per_dataset_table() -> Table:
    """Findings per dataset (rows) and verdict (columns)."""
    from analysis.core.text import bi
    df = audit_findings()
    t = df.pivot_table(index="dataset", columns="verdict", values="check", aggfunc="count", fill_value=0)
    t = t.reindex(columns=[v for v in VERDICT_ORDER if v in t.columns]).sort_values(
        [v for v in ("discrepancy", "unit", "capped") if v in t.columns], ascending=False)
    t = t.reset_index().rename(columns={"dataset": bi("ap_dataset")})
    return Table(t, caption="Audit findings per dataset and verdict.",
                 formats={c: num for c in t.columns if c != bi("ap_dataset")})


def _fmt_num(x) -> str:
    if x is None or pd.isna(x):
        return DASH
    x = float(x)
    if abs(x) >= 1e6:
        return f"{x:,.0f}"
    if x == int(x):
        return f"{x:,.0f}"
    return f"{x:,.2f}"


def findings_table(verdict: str, meaning: bool = False) -> Table:
    """The findings of one verdict: dataset, check, item, printed, recomputed, line, note."""
    from analysis.core.text import bi
    df = audit_findings()
    d = df[df["verdict"] == verdict]
    out = pd.DataFrame({
        bi("ap_dataset"): d["dataset"].to_numpy(), bi("ap_check"): d["check"].to_numpy(), bi("ap_item"): d["item"].to_numpy(),
        bi("ap_printed"): [_fmt_num(x) for x in d["printed"]], bi("ap_recomputed"): [_fmt_num(x) for x in d["recomputed"]],
        bi("ap_source_line"): [DASH if pd.isna(x) else str(int(x)) for x in d["source_line"]],
        bi("ap_note"): [n if n else DASH for n in d["note"]],
    })
    if meaning:
        out[bi("ap_meaning")] = [check_meaning(c) for c in d["check"]]
    return Table(out, caption=f"Audit findings with verdict '{verdict}' ({len(out)}). {VERDICT_MEANING[verdict]}")


def write_audit_csv(path: str | Path = "downloads/audit_findings.csv") -> Path:
    """Write all findings (with a ``meaning`` column for discrepancies) to CSV; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    df = audit_findings().copy()
    df["meaning"] = [check_meaning(c) if v == "discrepancy" else VERDICT_MEANING[v]
                     for c, v in zip(df["check"], df["verdict"])]
    return write_csv(df, path)


# ---------------------------------------------------------------------------- glossary
@lru_cache(maxsize=1)
def glossary() -> pd.DataFrame:
    """The glossary (``glossary.yml``): ``fa``, ``en``, ``definition``, sorted by English term.

    Raises
    ------
    ValueError
        An entry lacks ``fa``, ``en`` or ``definition``, or a Persian term is repeated.
    """
    doc = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
    terms = doc["terms"]
    for i, t in enumerate(terms):
        missing = [k for k in ("fa", "en", "definition") if not t.get(k)]
        if missing:
            raise ValueError(f"{GLOSSARY_FILE.name}: term {i + 1} lacks {missing}")
    df = pd.DataFrame(terms)[["fa", "en", "definition"]]
    dup = df["fa"][df["fa"].duplicated()]
    if len(dup):
        raise ValueError(f"{GLOSSARY_FILE.name}: repeated Persian term(s) {list(dup)}")
    return df.sort_values("en", key=lambda s: s.str.lower()).reset_index(drop=True)


def glossary_table() -> Table:
    from analysis.core.text import bi
    g = glossary()
    df = pd.DataFrame({bi("ap_term_fa"): g["fa"], bi("ap_term_en"): g["en"], bi("ap_definition"): g["definition"]})
    return Table(df, caption="Persian terms of the sources with the English used in this book.")


# ---------------------------------------------------------------------------- reproducibility
def pinned_packages(requirements: str | Path | None = None) -> pd.DataFrame:
    """Pinned packages of ``requirements.txt`` with the installed version (``importlib.metadata``)."""
    requirements = Path(requirements) if requirements else paths.ROOT / "requirements.txt"
    rows = []
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        m = re.match(r"^([A-Za-z0-9_.\-\[\]]+)\s*==\s*([^\s;]+)", line)
        if not m:
            continue
        name, pinned = m.group(1), m.group(2)
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        rows.append({"package": name, "pinned": pinned, "installed": installed,
                     "matches": installed == pinned})
    return pd.DataFrame(rows, columns=["package", "pinned", "installed", "matches"])


def packages_table() -> Table:
    from analysis.core.text import bi
    p = pinned_packages()
    df = pd.DataFrame({bi("ap_package"): p["package"], bi("ap_pinned"): p["pinned"],
                       bi("ap_installed"): p["installed"].fillna(DASH),
                       bi("ap_matches"): ["yes" if m else "no" for m in p["matches"]]})
    return Table(df, caption="Direct dependencies pinned in requirements.txt and the versions installed when this page was built.")


def environment() -> dict[str, str]:
    """Python version, library version, build date and data version."""
    from analysis import __version__
    from analysis.report.province_chapter import data_version
    return {"python": sys.version.split()[0], "analysis": __version__,
            "built_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "data_version": data_version()}


def execution_times(executed: str | Path | None = None) -> pd.DataFrame:
    """Notebook execution times from the build runner's ``*.inputs.json`` files.

    Reads ``_build/executed/**/*.inputs.json``; files without a ``seconds`` field
    (written by an older runner) give NaN seconds. Empty frame if none exist.
    """
    executed = Path(executed) if executed else paths.BUILD / "executed"
    rows = []
    for f in sorted(executed.glob("**/*.inputs.json")):
        try:
            meta = json.loads(f.read_text(encoding="utf-8"))
        except ValueError:
            continue
        rel = f.relative_to(executed).as_posix().removesuffix(".inputs.json")
        rows.append({"notebook": rel, "seconds": meta.get("seconds"), "executed_at": meta.get("executed_at"),
                     "parameters": ", ".join(f"{k}={v}" for k, v in (meta.get("parameters") or {}).items())})
    df = pd.DataFrame(rows, columns=["notebook", "seconds", "executed_at", "parameters"])
    df["seconds"] = pd.to_numeric(df["seconds"], errors="coerce")
    return df


def times_table(df: pd.DataFrame | None = None) -> Table:
    from analysis.core.text import bi
    df = execution_times() if df is None else df
    out = pd.DataFrame({bi("ap_notebook"): df["notebook"], bi("ap_seconds"): df["seconds"],
                        bi("ap_executed_at"): df["executed_at"].fillna(DASH),
                        bi("ap_parameters"): [p if p else DASH for p in df["parameters"]]})
    return Table(out, caption="Execution time of each notebook in the last build that executed it (cached notebooks keep their earlier time).",
                 formats={bi("ap_seconds"): lambda x: num(x, 1)})


def reproducibility_values() -> dict[str, str]:
    """Formatted values for Appendix D: environment, package pins, execution times."""
    env = environment()
    pk = pinned_packages()
    times = execution_times()
    timed = times.dropna(subset=["seconds"])
    out = {f"d_{k}": v for k, v in env.items()}
    out.update({
        "d_n_pinned": num(len(pk)), "d_n_match": num(int(pk["matches"].sum())),
        "d_n_executed": num(len(times)), "d_n_timed": num(len(timed)),
        "d_total_seconds": num(timed["seconds"].sum(), 1) if len(timed) else DASH,
        "d_slowest": (f"{timed.loc[timed['seconds'].idxmax(), 'notebook']} ({num(timed['seconds'].max(), 1)} s)"
                      if len(timed) else DASH),
    })
    return out
