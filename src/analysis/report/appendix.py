"""Appendices: source audit (A), data catalogue (B), glossary (C), reproducibility (D).

Everything the four appendix notebooks show is computed here from the catalogue
(:func:`analysis.sources.datasets.catalog`), the validated datasets (:func:`analysis.sources.datasets.load`),
the audit (:func:`analysis.sources.audit.run`) and ``glossary.yml``; the words are in
``text/<lang>/appendix.yml`` and ``text/<lang>/glossary.yml``.
"""
from __future__ import annotations

import re
import sys
from functools import cache, lru_cache
from html import escape  # TODO-merge: analysis.report.display.escape
from importlib import metadata
from pathlib import Path

import pandas as pd
import yaml

from analysis.core import paths
from analysis.core.text import data_text, language, t
from analysis.report import cite
from analysis.report.display import DASH, Table, Traced, localise, num, plain
from analysis.report.downloads import copy_csv, write_csv
from analysis.sources.datasets import catalog, flag_parts, load

GLOSSARY_FILE = Path(__file__).with_name("glossary.yml")

#: Order in which verdicts are shown: problems first.
VERDICT_ORDER = ("discrepancy", "unit", "capped", "rounding", "note", "ok")

#: Kinds of check (matched on the start of a finding's ``check``) and the text key of what a
#: discrepancy of that kind means for the reader (``appendix.meaning_*``).
CHECK_MEANING = (
    ("row sum vs", "meaning_row_sum"),  # not reader text
    ("parts sum", "meaning_parts_sum"),  # not reader text
    ("prose vs table", "meaning_prose_table"),  # not reader text
    ("table vs prose", "meaning_prose_table"),  # not reader text
    ("cross-table", "meaning_cross_table"),  # not reader text
    ("actual/plan vs printed", "meaning_ratio"),  # not reader text
    ("growth vs printed", "meaning_growth"),  # not reader text
    ("after/before", "meaning_change"),  # not reader text
    ("names listed", "meaning_names"),  # not reader text
    ("shares add", "meaning_shares"),  # not reader text
)


def _t(key: str, **values) -> str:
    return t(f"appendix.{key}", **values)


def verdict_meaning(verdict: str) -> str:
    """What a verdict means, in one sentence for readers (``text/<lang>/appendix.yml``).

    >>> verdict_meaning("capped")
    'The source prints 100 % where actual / plan is higher, whatever the rounding of plan and actual.'
    """
    if verdict not in VERDICT_ORDER:
        raise KeyError(f"unknown verdict {verdict!r}; valid: {VERDICT_ORDER}")
    return _t(f"verdict_{verdict}")


def verdict_name(verdict: str) -> str:
    """A verdict as the edition names it: its code in English; in Persian the Persian name with
    the code beside it (the value of the downloadable CSV's ``verdict`` column).

    >>> verdict_name("rounding")
    'rounding'
    """
    if verdict not in VERDICT_ORDER:
        raise KeyError(f"unknown verdict {verdict!r}; valid: {VERDICT_ORDER}")
    name = _t(f"verdict_name_{verdict}")
    return verdict if name == verdict else f"{name} ({verdict})"


def check_meaning(check: str) -> str:
    """What a discrepancy found by ``check`` means for the reader.

    >>> check_meaning("row sum vs printed total")[:17]
    'The printed total'
    >>> check_meaning("something else")
    'The source is inconsistent here; read the figure with care.'
    """
    for prefix, key in CHECK_MEANING:
        if check.startswith(prefix):
            return _t(key)
    return _t("meaning_other")


def bi_ap(key: str) -> str:
    """A column header of the appendices (``appendix.<key>``) as the edition shows it."""
    from analysis.core.text import bi
    return bi(f"appendix.{key}")


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
    """Counts across the catalogue: datasets, rows, numeric cells, flagged cells, source files;
    and the coverage of the prose lines (``coverage_*``, :func:`analysis.sources.coverage.totals`:
    datasets, lines, number tokens, transcribed, skipped with a reason, unexplained; only when the
    seed texts are present)."""
    from analysis.sources import coverage

    cat = catalogue_frame()
    numeric = 0
    for name, ds in catalog().items():
        df = _frames()[name]
        numeric += int(sum(df[c].notna().sum() for c in ds.numeric_columns()))
    out = {"datasets": len(cat), "rows": int(cat["rows"].sum()), "numeric_cells": numeric,
           "flagged": int(cat["flagged"].sum()), "sources": int(cat["seed"].nunique()),
           "datasets_with_flags": int((cat["flagged"] > 0).sum())}
    if paths.seeds_present():  # the coverage is counted on the seed texts (without them: appendix.b_not_checked)
        cov = coverage.totals()
        out.update({f"coverage_{k}": int(cov[k]) for k in ("datasets", "lines", "tokens", "transcribed", "skipped",
                                                          "unexplained")})
    return out


#: The catalogue's counts (:func:`totals`) and the text key of the computation each one cites
#: (``provenance.<key>``); the coverage counts share ``provenance.coverage_count``.
TOTALS_CITES = {"datasets": "catalog_datasets", "rows": "catalog_rows", "numeric_cells": "catalog_numeric",
                "flagged": "catalog_flagged", "sources": "catalog_sources",
                "datasets_with_flags": "catalog_flag_datasets"}


def totals_cite(key: str, tot: dict | None = None) -> cite.Cite:
    """The computation behind one of :func:`totals`' counts (``rows``: "rows of the 71 datasets in
    data/catalog.yml"; ``coverage_tokens``: the coverage count over the seed lines)."""
    tot = totals() if tot is None else tot
    if key.startswith("coverage_"):
        return cite.computed("coverage_count", what=t(f"provenance.cov_{key[len('coverage_'):]}"),
                             n=tot.get("coverage_datasets", 0))
    return cite.computed(TOTALS_CITES[key], n=tot["datasets"])


def catalogue_values() -> dict[str, str]:
    """The counts of :func:`totals` for the catalogue appendix's prose (``b_<key>``, thousands
    separated), each :class:`~analysis.report.display.Traced` to its computation."""
    tot = totals()
    return {f"b_{k}": Traced(localise(f"{v:,}"), totals_cite(k, tot)) for k, v in tot.items()}


def audit_values() -> dict[str, str]:
    """The audit appendix's prose values: findings in all (``a_total``), per verdict (``a_<verdict>``),
    datasets with findings (``a_datasets``) and with discrepancies (``a_disc_datasets``), and the
    worked rounding example (:func:`rounding_example`); each count Traced to the audit."""
    counts = verdict_counts().set_index("verdict")["findings"]
    findings = audit_findings()
    n = int(counts.sum())
    disc = findings.loc[findings.verdict == "discrepancy", "dataset"]
    return {"a_total": Traced(localise(f"{n:,}"), cite.computed("audit_total", n_datasets=len(catalog()))),
            **{f"a_{v}": Traced(localise(f"{int(k):,}"), cite.computed("audit_verdict", verdict=v, n=n))
               for v, k in counts.items()},
            "a_datasets": Traced(localise(f"{findings['dataset'].nunique():,}"), cite.computed("audit_datasets", n=n)),
            "a_disc_datasets": Traced(localise(f"{disc.nunique():,}"), cite.computed("audit_disc_datasets", n=len(disc))),
            **rounding_example()}


def coverage_table() -> Table:
    """Per dataset transcribed from prose: the lines it covers and its number tokens, transcribed,
    skipped with a reason, unexplained (:func:`analysis.sources.coverage.coverage`; a token on lines
    two datasets cover counts for both)."""
    from analysis.sources import coverage

    c = coverage.coverage()
    df = pd.DataFrame({bi_ap("ap_dataset"): c["dataset"], bi_ap("ap_seed"): c["source"].str[:3],
                       bi_ap("ap_lines"): [f"{a}–{b}" for a, b in zip(c["first"], c["last"])],
                       bi_ap("b_cov_tokens"): c["tokens"], bi_ap("b_cov_transcribed"): c["transcribed"],
                       bi_ap("b_cov_skipped"): c["skipped"], bi_ap("b_cov_unexplained"): c["unexplained"]})
    counts = [bi_ap(k) for k in ("b_cov_tokens", "b_cov_transcribed", "b_cov_skipped", "b_cov_unexplained")]
    return Table(df, caption=_t("b_cap_coverage"), formats={k: num for k in counts})


def write_coverage_csv(path: str | Path = "downloads/coverage_tokens.csv") -> Path:
    """Every number token of the prose lines with its status (transcribed, skipped, unexplained),
    the dataset transcribing it or the reason it is skipped: the coverage check's evidence."""
    from analysis.sources import coverage

    tt = coverage.token_table()
    df = tt.assign(source=tt["source"].str[:3])[["source", "line", "token", "status", "dataset", "kind", "reason",
                                                   "datasets"]]
    return write_csv(df, path)


def skip_reasons_table() -> Table:
    """How many number tokens of the prose lines are skipped, per kind of reason, with an example
    (the first skipped token of that kind: seed, line, token, reason as declared)."""
    from analysis.sources import coverage

    tt = coverage.token_table()
    sk = tt[tt["status"] == "skipped"]
    kinds = [k for k in coverage.KINDS if k in set(sk["kind"])]
    first = {k: sk[sk["kind"] == k].iloc[0] for k in kinds}
    df = pd.DataFrame({bi_ap("b_cov_kind"): [_t(f"b_kind_{k}") for k in kinds],
                       bi_ap("b_cov_skipped"): [int((sk["kind"] == k).sum()) for k in kinds],
                       bi_ap("b_cov_example"): [f"{first[k]['source'][:3]} · {first[k]['line']} · {first[k]['token']}"
                                                for k in kinds]})
    df = df.sort_values(bi_ap("b_cov_skipped"), ascending=False, kind="stable").reset_index(drop=True)
    return Table(df, caption=_t("b_cap_skip_reasons"), formats={bi_ap("b_cov_skipped"): num})


def columns_table(name: str) -> Table:
    """The columns of one dataset: name, type, unit, description."""
    ds = catalog()[name]
    rows = [{bi_ap("ap_column"): col, bi_ap("ap_type"): spec["type"], bi_ap("ap_unit"): _unit_text(spec) or DASH,
             bi_ap("ap_description"): data_text(spec.get("description")) or DASH} for col, spec in ds.columns.items()]
    return Table(pd.DataFrame(rows), caption=_t("cap_columns", name=name, file=ds.path.name))


def flags_table(name: str) -> Table | None:
    """The flagged cells of one dataset with their raw text (None if it has none)."""
    f = flagged_cells()
    f = f[f["dataset"] == name]
    if f.empty:
        return None
    df = pd.DataFrame({bi_ap("ap_csv_row"): f["csv_row"].to_numpy(), bi_ap("ap_column"): f["column"].to_numpy(),
                       bi_ap("ap_reason"): [data_text(r) for r in f["reason"]], bi_ap("ap_raw_text"): f["raw_text"].to_numpy(),
                       bi_ap("ap_source_line"): f["source_line"].to_numpy()})
    return Table(df, caption=_t("cap_flags", name=name), cite=cite.rows(name, f))


def overview_table() -> Table:
    """All datasets in one table, with a link-free file name (the downloads are listed per dataset)."""
    c = catalogue_frame()
    df = pd.DataFrame({bi_ap("ap_dataset"): c["dataset"], bi_ap("ap_title"): c[f"title_{language()}"], bi_ap("ap_seed"): c["seed"],
                       bi_ap("ap_table_no"): [plain(x) for x in c["table"]], bi_ap("ap_lines"): c["lines"], bi_ap("ap_rows"): c["rows"],
                       bi_ap("ap_flagged"): c["flagged"]})
    return Table(df, caption=_t("cap_overview"), formats={bi_ap("ap_rows"): num, bi_ap("ap_flagged"): num})


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
        table = _t("b_entry_table", table=escape(plain(r["table"]))) if isinstance(r["table"], str) and r["table"] else ""
        fa_title = f'<span lang="fa" dir="rtl">{escape(r["title_fa"])}</span>'
        title = fa_title if language() == "fa" else f"{escape(r['title_en'])} · {fa_title}"
        text = _t("b_entry", name=r["dataset"], title=title, source=r["source"], table=table, lines=r["lines"],
                  rows=num(r["rows"]), columns=plain(r["columns"]), flagged=num(r["flagged"]), file=r["file"], downloads=downloads)
        if r["notes"]:
            text += "\n\n" + _t("b_entry_notes") + "\n" + "".join(f"\n- {escape(data_text(n))}" for n in r["notes"])
        out.append(Markdown(text))
        out.append(columns_table(r["dataset"]))
        ft = flags_table(r["dataset"])
        if ft is not None:
            out.append(ft)
    return out


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
    rows = [{"verdict": v, "findings": int(counts.get(v, 0)), "meaning": verdict_meaning(v)} for v in VERDICT_ORDER]
    return pd.DataFrame(rows)


def verdict_table() -> Table:
    v = verdict_counts()
    df = pd.DataFrame({bi_ap("ap_verdict"): v["verdict"].map(verdict_name), bi_ap("ap_findings"): v["findings"],
                       bi_ap("ap_meaning"): v["meaning"]})
    return Table(df, caption=_t("cap_verdicts"), formats={bi_ap("ap_findings"): num})


def per_dataset_table() -> Table:
    """Findings per dataset (rows) and verdict (columns)."""
    df = audit_findings()
    p = df.pivot_table(index="dataset", columns="verdict", values="check", aggfunc="count", fill_value=0)
    p = p.reindex(columns=[v for v in VERDICT_ORDER if v in p.columns]).sort_values(
        [v for v in ("discrepancy", "unit", "capped") if v in p.columns], ascending=False)
    p = p.reset_index().rename(columns={"dataset": bi_ap("ap_dataset"), **{v: verdict_name(v) for v in VERDICT_ORDER}})
    return Table(p, caption=_t("cap_per_dataset"), formats={c: num for c in p.columns if c != bi_ap("ap_dataset")})


def _fmt_num(x) -> str:
    if x is None or pd.isna(x):
        return DASH
    x = float(x)
    if abs(x) >= 1e6 or x == int(x):
        return localise(f"{x:,.0f}")
    return localise(f"{x:,.2f}")


def _fmt_bound(x: float) -> str:
    """A bound of an interval: up to 4 decimals, trailing zeros dropped, thousands separated."""
    return localise(f"{x:,.4f}".rstrip("0").rstrip("."))


def fmt_interval(low, high) -> str:
    """An interval of a finding for reading: ``low – high``, one number when exact, ``≥ low`` when
    unbounded above (a printed 'more than'), a dash when the finding compares no numbers.

    >>> fmt_interval(2.05, 2.15), fmt_interval(7, 7), fmt_interval(9, float("inf")), fmt_interval(None, None)
    ('2.05 – 2.15', '7', '≥ 9', '—')
    >>> fmt_interval(0, 9.756097), fmt_interval(80386703.5, 80386704.5)
    ('0 – 9.7561', '80,386,703.5 – 80,386,704.5')
    """
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return DASH
    if low == high:
        return _fmt_bound(low)
    if high == float("inf"):
        return f"≥ {_fmt_bound(low)}"
    return f"{_fmt_bound(low)} – {_fmt_bound(high)}"


def findings_table(verdict: str, meaning: bool = False) -> Table:
    """The findings of one verdict: dataset, check, item, printed and recomputed figure each with
    the interval its rounding allows, line, note."""
    df = audit_findings()
    d = df[df["verdict"] == verdict]
    out = pd.DataFrame({
        bi_ap("ap_dataset"): d["dataset"].to_numpy(), bi_ap("ap_check"): [data_text(c) for c in d["check"]],
        bi_ap("ap_item"): [data_text(i) for i in d["item"]],
        bi_ap("ap_printed"): [_fmt_num(x) for x in d["printed"]],
        bi_ap("ap_printed_interval"): [fmt_interval(lo, hi) for lo, hi in zip(d["printed_low"], d["printed_high"])],
        bi_ap("ap_recomputed"): [_fmt_num(x) for x in d["recomputed"]],
        bi_ap("ap_recomputed_interval"): [fmt_interval(lo, hi) for lo, hi in zip(d["recomputed_low"], d["recomputed_high"])],
        bi_ap("ap_source_line"): [DASH if pd.isna(x) else str(int(x)) for x in d["source_line"]],
        bi_ap("ap_note"): [data_text(n) if n else DASH for n in d["note"]],
    })
    if meaning:
        out[bi_ap("ap_meaning")] = [check_meaning(c) for c in d["check"]]
    cites = [cite.source(r["dataset"], r) if pd.notna(r["source_line"]) else
             cite.computed("audit_check", dataset=r["dataset"], check=r["check"]) for _, r in d.iterrows()]
    return Table(out, caption=_t("cap_findings", verdict=verdict_name(verdict), n=plain(len(out)), meaning=verdict_meaning(verdict)),
                 cite=cites)


def rounding_example() -> dict[str, str]:
    """The appendix's worked example of the rounding rule, taken from the audit itself: Table 27's
    exports (002 line 2437), printed before and after and as a printed change, with the intervals
    the audit gives them (``a_ex_*`` values for ``appendix.a_rule``)."""
    from analysis.sources.audit.a002_clusters import EXPORTS
    from analysis.sources.audit.intervals import Interval, decimals_of
    r = load("cluster_indicators").set_index("indicator_en").loc[EXPORTS]
    f = audit_findings()
    f = f[(f["dataset"] == "cluster_indicators") & (f["item"] == EXPORTS)].iloc[0]
    before, d = Interval.from_printed(r.before), decimals_of(r.before)
    row = cite.source("cluster_indicators", r)  # 002 Table 27, line 2437
    bound = cite.computed("rounding_interval", value=num(r.before, d), cite=row.long)
    change = cite.computed("audit_change", check=f["check"], cite=row.long)
    return {"a_ex_before": Traced(num(r.before, d), row),
            "a_ex_after": Traced(num(r.after, decimals_of(r.after)), row),
            "a_ex_before_low": Traced(num(before.low, d + 1), bound),
            "a_ex_before_high": Traced(num(before.high, d + 1), bound),
            "a_ex_recomputed": Traced(num(f["recomputed"], 1), change),
            "a_ex_change_low": Traced(_fmt_bound(round(f["recomputed_low"], 1)), change),
            "a_ex_change_high": Traced(num(f["recomputed_high"], 1), change),
            "a_ex_printed": Traced(num(f["printed"], decimals_of(f["printed"])), row),
            "a_ex_verdict": verdict_name(f["verdict"]), "a_ex_table": plain(catalog()["cluster_indicators"].table)}


def write_audit_csv(path: str | Path = "downloads/audit_findings.csv") -> Path:
    """Write all findings (with a ``meaning`` column for discrepancies) to CSV; returns the path.
    Each finding keeps its intervals: ``printed_low``/``printed_high`` and ``recomputed_low``/``recomputed_high``
    (empty for a finding that compares no numbers; ``inf`` for a printed 'more than')."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    df = audit_findings().copy()
    df["meaning"] = [check_meaning(c) if v == "discrepancy" else verdict_meaning(v)
                     for c, v in zip(df["check"], df["verdict"])]
    return write_csv(df, path)


# ---------------------------------------------------------------------------- glossary
def glossary_values() -> dict[str, str]:
    """The glossary appendix's prose value: the number of terms (``c_terms``), in the reader's digits."""
    return {"c_terms": num(len(glossary()))}


def glossary() -> pd.DataFrame:
    """The glossary (``glossary.yml``): ``key``, ``fa``, ``en``, ``definition`` (in the edition's
    language, from ``text/<lang>/glossary.yml``), sorted by English term.

    Raises
    ------
    ValueError
        An entry lacks ``key``, ``fa`` or ``en``, or a key or a Persian term is repeated.
    KeyError
        A term has no definition in the text files.
    """
    return _glossary(language()).copy()


@cache
def _glossary(lang: str) -> pd.DataFrame:
    doc = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
    terms = doc["terms"]
    for i, term in enumerate(terms):
        missing = [k for k in ("key", "fa", "en") if not term.get(k)]
        if missing:
            raise ValueError(f"{GLOSSARY_FILE.name}: term {i + 1} lacks {missing}")
    df = pd.DataFrame(terms)[["key", "fa", "en"]]
    if df["key"].duplicated().any():
        raise ValueError(f"{GLOSSARY_FILE.name}: repeated key(s) {list(df['key'][df['key'].duplicated()])}")
    df["definition"] = [t(f"glossary.{k}", lang) for k in df["key"]]
    dup = df["fa"][df["fa"].duplicated()]
    if len(dup):
        raise ValueError(f"{GLOSSARY_FILE.name}: repeated Persian term(s) {list(dup)}")
    return df.sort_values("en", key=lambda s: s.str.lower()).reset_index(drop=True)


def glossary_table() -> Table:
    g = glossary()
    df = pd.DataFrame({bi_ap("ap_term_fa"): g["fa"], bi_ap("ap_term_en"): g["en"], bi_ap("ap_definition"): g["definition"]})
    return Table(df, caption=_t("cap_glossary"))


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
    p = pinned_packages()
    df = pd.DataFrame({bi_ap("ap_package"): p["package"], bi_ap("ap_pinned"): p["pinned"],
                       bi_ap("ap_installed"): p["installed"].fillna(DASH),
                       bi_ap("ap_matches"): [_t("matches_yes") if m else _t("matches_no") for m in p["matches"]]})
    return Table(df, caption=_t("cap_packages"))


def environment() -> dict[str, str]:
    """Python version, library and book version, and data version: no clock reading, so two
    builds of the same commit give the same page."""
    from analysis import __version__
    from analysis.report.province_chapter import data_version
    return {"python": sys.version.split()[0], "analysis": __version__, "book_version": __version__,
            "data_version": data_version()}


def reproducibility_values() -> dict[str, str]:
    """Formatted values for Appendix D: environment, package pins, how many notebooks the build runs."""
    from analysis.core.provinces import registry
    env = environment()
    pk = pinned_packages()
    chapters = len([p for p in paths.NOTEBOOKS.glob("*.md") if p.name != "province.md"])
    provinces = len(registry())
    out = {f"d_{k}": v for k, v in env.items()}
    out.update({
        "d_n_pinned": num(len(pk)), "d_n_match": num(int(pk["matches"].sum())),
        "d_n_notebooks": num(chapters + provinces), "d_n_chapters": num(chapters), "d_n_provinces": num(provinces),
    })
    return out
