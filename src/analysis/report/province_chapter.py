"""The province chapter (notebooks/province.md, run once per province): what it shows,
computed here so the notebook stays thin. Its words are ``province.*`` texts of
``text/<lang>/province.yml``; every ratio is :mod:`analysis.metrics.planactual`'s.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, field

import pandas as pd

from analysis import __version__
from analysis.core.digits import normalise_fa
from analysis.core.provinces import get
from analysis.core.text import bi, fa, fill, isolate, label, language, pair, t
from analysis.metrics import planactual as pa
from analysis.metrics.planactual import province_rows
from analysis.metrics.rates import growth, per_unit
from analysis.report import cite, figures
from analysis.report.display import DASH, Table, Traced, escape, num, ordinal, pct, percent, plain, unit_text
from analysis.report.downloads import write_csv
from analysis.report.numerals import persian_ticks
from analysis.sources.datasets import load


def data_version() -> str:
    """Short SHA-256 of the catalogue and every processed CSV (the data the chapter used)."""
    from analysis.sources.datasets import data_fingerprint
    return data_fingerprint()[:12]


# Per-province measures that are not plan-versus-actual: (label key, dataset, column).
FACTS = [
    ("units_1401", "operational_units_by_province", "units_1401"),
    ("units_cum_1401", "operational_units_by_province", "units_cum_1401"),
    ("employment_1401", "operational_employment_by_province", "employment_1401"),
    ("employment_cum_1401", "operational_employment_by_province", "employment_cum_1401"),
    ("contracts_1401", "contracts_land_by_province", "contracts_1401"),
    ("contracts_cum_1401", "contracts_land_by_province", "contracts_cum_1401"),
    ("area_1401_ha", "contracts_land_by_province", "area_1401_ha"),
    ("area_cum_1401_ha", "contracts_land_by_province", "area_cum_1401_ha"),
    ("deeds_registered_ha", "registered_deeds_by_province", "hectares"),
    ("deeds_subdivision_ha", "subdivision_deeds_by_province", "hectares"),
    ("projects_total", "projects_under_construction_by_province", "total"),
    ("resources_1401", "provincial_companies_resources_1400_1401", "resources_1401"),
    ("resources_1400", "provincial_companies_resources_1400_1401", "resources_1400"),
]
CLUSTER_STATUSES = ["running_1401", "started_1401", "completed_1401", "completed_total"]

#: Why a ratio is undefined, as the profile table says it (``province.st_*`` texts).
STATUS_KEYS = {pa.ZERO_PLAN: "province.st_zero_plan", pa.MISSING_PLAN: "province.st_missing_plan",
               pa.MISSING_ACTUAL: "province.st_missing_actual", pa.NOT_REPORTED: "province.st_not_reported"}

#: Links of the header to the chapters of the programmes with sources of their own.
PROGRAMME_LINKS = {"kaleh": "../notebooks/07_kaleh.html", "khuzestan_sources": "../notebooks/06_khuzestan.html"}


def html_text(key: str, lang: str | None = None, **markup) -> str:
    """The text of ``key`` as HTML: the text itself escaped (:func:`analysis.report.display.escape`),
    its placeholders filled with ``markup``, HTML the caller has built from escaped values."""
    return fill(escape(label(key, lang)), **markup)


def source_date() -> str | None:
    """The build date from ``SOURCE_DATE_EPOCH`` (Unix seconds, the reproducible-builds
    convention) as an ISO date in UTC; ``None`` when the variable is unset or empty, so a
    page never shows the wall-clock time of its build (``SOURCE_DATE_EPOCH=1700000000`` gives
    ``'2023-11-14'``).
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"\d+", raw):
        raise ValueError(f"SOURCE_DATE_EPOCH must be a Unix timestamp in seconds (digits only), got {raw!r}")
    return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).date().isoformat()


def indicator_unit(ind) -> str:
    """The unit of an indicator as the reader sees it (``text/<lang>/units.yml``), from the data
    catalogue's unit of its plan column (:attr:`analysis.metrics.indicators.Indicator.unit`)."""
    return unit_text(ind.unit)


def facts_table(key: str) -> pd.DataFrame:
    """The province's value, the sum over provinces, its share and rank for each fact.

    A province missing from a table (e.g. no deeds obtained) shows 0 only where the
    table lists every province with a value; otherwise the value is missing.
    """
    from analysis.report.display import is_missing
    rows = []
    cache: dict[str, pd.DataFrame] = {}
    for fact, name, col in FACTS:
        df = cache.setdefault(name, province_rows(load(name)))
        values = pd.to_numeric(df[col]).astype(float)
        mine = values[df["province"] == key]
        v = float(mine.iloc[0]) if len(mine) else float("nan")
        total = float(values.sum())
        rank = int((values > v).sum() + 1) if not is_missing(v) else None
        rows.append({"key": fact, "dataset": name, "value": v, "total": total,
                     "share": v / total if total and not is_missing(v) else float("nan"),
                     "rank": rank, "n": int(values.notna().sum())})
    return pd.DataFrame(rows)


def cluster_names(key: str) -> pd.DataFrame:
    df = load("cluster_project_names")
    df = df[df["province"] == key]
    order = {s: i for i, s in enumerate(CLUSTER_STATUSES)}
    return df.assign(_o=df["status"].map(order)).sort_values(["_o", "cluster_fa"]).drop(columns="_o")


def cluster_counts(clusters: pd.DataFrame) -> dict:
    """How many cluster development projects a province's entries of Tables 30-32 name.

    A project can be listed more than once (running in 1401 in Table 30 and started in 1401 in
    Table 31; completed in 1401 in Tables 30 and 32): ``entries`` counts the rows, ``projects``
    the distinct normalised cluster names, ``repeated`` the names in more than one list, a list
    being a table's column (``lists``: name -> its (table, status) pairs, in table order).

    >>> df = pd.DataFrame({"cluster_fa": ["پلاستيك", "پلاستیک", "خرما"], "status": ["started_1401", "running_1401", "completed_total"],
    ...                    "table": ["31", "30", "30"]})
    >>> c = cluster_counts(df)
    >>> (c["entries"], c["projects"], c["repeated"]), list(c["lists"].values())
    ((3, 2, 1), [[('30', 'running_1401'), ('31', 'started_1401')]])
    """
    order = {st: i for i, st in enumerate(CLUSTER_STATUSES)}
    names = clusters["cluster_fa"].map(normalise_fa)
    pairs = list(zip(clusters["table"], clusters["status"]))
    by_name: dict[str, set] = {}
    for name, pair_ in zip(names, pairs):
        by_name.setdefault(name, set()).add(pair_)
    lists = {n: sorted(ps, key=lambda p: (p[0], order.get(p[1]))) for n, ps in by_name.items() if len(ps) > 1}
    return {"entries": len(clusters), "projects": len(by_name), "repeated": len(lists), "lists": lists}


def _rank_of(rank, n) -> str:
    return t("province.rank_of", rank=plain(rank), n=plain(n))


@dataclass
class ProvinceChapter:
    """Everything a province chapter shows, computed once."""

    key: str
    values: dict = field(default_factory=dict)

    def __post_init__(self):
        from analysis.metrics import indicators as ind

        self.p = get(self.key)
        #: the province as the current language names it
        self.name = self.p.key if language() == "en" else self.p.fa
        self.inds = ind.indicators()
        self.frames = ind.frames()
        prof = pa.profile(self.frames, self.key)
        self.profile = prof
        self.facts = facts_table(self.key)
        self.clusters = cluster_names(self.key)
        defined = prof[prof["status"] == pa.DEFINED]
        delivery = defined[defined["indicator"].isin([i.key for i in self.inds if i.kind == "delivery"])]
        cats = delivery["category"].value_counts()
        by_label = {i.key: (i.label if language() == "en" else i.fa) for i in self.inds}
        rel = delivery.assign(rel=delivery["ratio"] - delivery["national_ratio"]).sort_values("rel")
        self.values.update({
            "n_indicators": plain(len(self.inds)),
            "n_delivery": plain(sum(i.kind == "delivery" for i in self.inds)),
            "n_defined": plain(len(delivery)),
            "n_met_over": plain(cats.get("met", 0) + cats.get("over", 0)),
            "n_under": plain(cats.get("under", 0)),
            "n_not_started": plain(cats.get("not started", 0)),
            "n_undefined": plain(sum(i.kind == "delivery" for i in self.inds) - len(delivery)),
            "best": by_label[rel.iloc[-1]["indicator"]] if len(rel) else DASH,
            "best_ratio": pct(rel.iloc[-1]["ratio"]) if len(rel) else DASH,
            "worst": by_label[rel.iloc[0]["indicator"]] if len(rel) else DASH,
            "worst_ratio": pct(rel.iloc[0]["ratio"]) if len(rel) else DASH,
            "under_below": pct(pa.UNDER_BELOW, 0),
            "over_above": pct(pa.OVER_ABOVE, 0),
        })
        budget = prof[prof["indicator"] == "capital_budget"].iloc[0]
        self.values.update({
            "budget_agreement": num(budget["plan"]), "budget_allocation": num(budget["actual"]),
            "budget_ratio": pct(budget["ratio"]), "budget_national": pct(budget["national_ratio"]),
            "budget_rank": ordinal(budget["rank"]) if pd.notna(budget["rank"]) else DASH,
            "budget_n": plain(budget["n_ranked"]),
            "budget_unit": indicator_unit(next(i for i in self.inds if i.key == "capital_budget")),
        })
        f = self.facts.set_index("key")
        res1401, res1400 = f.loc["resources_1401", "value"], f.loc["resources_1400", "value"]
        self.values.update({
            "units_cum": num(f.loc["units_cum_1401", "value"]),
            "jobs_cum": num(f.loc["employment_cum_1401", "value"]),
            "jobs_per_unit": num(per_unit(f.loc["employment_cum_1401", "value"], f.loc["units_cum_1401", "value"]), 1),
            "jobs_per_unit_all": num(per_unit(f.loc["employment_cum_1401", "total"], f.loc["units_cum_1401", "total"]), 1),
            "resources_growth": pct(growth(res1401, res1400)),
            "n_clusters": plain(len(self.clusters)),
        })
        self.values.update(self._cluster_values())
        self._traced_values(prof, delivery, rel)
        from analysis.metrics.prices import load_inflation
        try:
            cpi = load_inflation()["cpi_inflation_pct"]
            self.values["cpi_2022"] = percent(cpi.loc[2022], 1)
        except (FileNotFoundError, KeyError):
            self.values["cpi_2022"] = t("province.cpi_missing")

    def _cluster_values(self) -> dict:
        """``n_cluster_projects`` (distinct projects), ``n_cluster_repeated`` and ``cluster_repeats``
        (the sentence naming the projects listed more than once, with their lists)."""
        c = cluster_counts(self.clusters)
        english = language() == "en"
        names = dict(zip(self.clusters["cluster_fa"].map(normalise_fa),
                         self.clusters["cluster_en"] if english else self.clusters["cluster_fa"]))
        sep, sep_lists = t("province.list_sep"), t("province.list_sep_lists")
        listed = []
        for name, lists in c["lists"].items():
            words = [t("province.cluster_list", table=plain(table), status=t(f"province.status_{st}")) for table, st in lists]
            listed.append(t("province.cluster_in_lists", name=names.get(name) or name, lists=f"{sep_lists} ".join(words)))
        if not c["repeated"]:
            repeats = t("province.cluster_repeats_none")
        else:
            key = "province.cluster_repeats_one" if c["repeated"] == 1 else "province.cluster_repeats_many"
            repeats = t(key, n=plain(c["repeated"]), which=f"{sep} ".join(listed))
        return {"n_cluster_projects": plain(c["projects"]), "n_cluster_repeated": plain(c["repeated"]),
                "cluster_repeats": repeats}

    def glue_all(self, glue) -> None:
        for k, v in self.values.items():
            glue(k, v, display=False)

    # ----------------------------------------------------------------- displays
    def header(self):
        """The opening paragraphs: Persian name, ISO code, source, and links to the chapters of the
        programmes the province is in. Every value goes through :func:`escape`."""
        from IPython.display import HTML

        paras = [html_text("province.header_facts", fa=f'<span lang="fa">{escape(self.p.fa)}</span>',
                           iso=f"<code>{escape(self.p.iso)}</code>")]
        if self.p.in_programme("kaleh"):
            paras.append(html_text("province.header_kaleh",
                                   kaleh_fa=f'<span lang="fa">{escape(fa("province.kaleh_name"))}</span>',
                                   link=self._link("kaleh", "province.link_kaleh")))
        if self.p.in_programme("khuzestan_sources"):
            paras.append(html_text("province.header_khuzestan",
                                   link=self._link("khuzestan_sources", "province.link_khuzestan")))
        return HTML("".join(f"<p>{x}</p>" for x in paras))

    @staticmethod
    def _link(programme: str, key: str) -> str:
        return f'<a href="{escape(PROGRAMME_LINKS[programme])}">{escape(t(key))}</a>'

    def profile_table(self) -> Table:
        from analysis.report.display import is_missing
        by_key = {i.key: i for i in self.inds}
        rows, cites = [], []
        for _, r in self.profile.iterrows():
            i = by_key[r["indicator"]]
            cites.append(self.cite_of(i.key))
            rows.append({
                bi("indicator"): i.label, bi("unit"): indicator_unit(i), t("province.col_table"): plain(i.table),
                bi("plan"): num(r["plan"], 1 if r["plan"] % 1 else 0) if not is_missing(r["plan"]) else DASH,
                bi("actual"): num(r["actual"], 1 if r["actual"] % 1 else 0) if not is_missing(r["actual"]) else DASH,
                bi("ratio"): pct(r["ratio"]) if r["status"] == pa.DEFINED else t(STATUS_KEYS[r["status"]]),
                bi("national_ratio"): pct(r["national_ratio"]),
                bi("rank"): _rank_of(r["rank"], r["n_ranked"]) if not is_missing(r["rank"]) else DASH,
                bi("category"): t("methods.cat_" + r["category"].replace(" ", "_")),
            })
        return Table(pd.DataFrame(rows), caption=t("province.cap_profile", province=self.name), cite=cites)

    def cite_of(self, indicator: str) -> cite.Cite:
        """The citation of this province's row of an indicator's dataset (or that the table lacks it)."""
        from analysis.metrics.indicators import get as get_indicator
        return cite.province_or_absent(get_indicator(indicator).dataset, self.key)

    def _traced_values(self, prof: pd.DataFrame, delivery: pd.DataFrame, rel: pd.DataFrame) -> None:
        """Hover sources for the headline numbers of :attr:`values` (the visible text unchanged)."""
        from analysis.metrics.indicators import get as get_indicator
        v = self.values
        n_del = sum(i.kind == "delivery" for i in self.inds)
        counted = cite.computed("province_counts", province=self.name, n=n_del)
        for k in ("n_defined", "n_met_over", "n_under", "n_not_started", "n_undefined"):
            v[k] = Traced(v[k], counted)
        if len(rel):
            for k, row in (("best", rel.iloc[-1]), ("worst", rel.iloc[0])):
                v[f"{k}_ratio"] = Traced(v[f"{k}_ratio"], cite.computed("ratio_of_row",
                                                                        cite=self.cite_of(row["indicator"]).long))
        b = get_indicator("capital_budget")
        row = cite.province_or_absent(b.dataset, self.key)
        v["budget_agreement"] = Traced(v["budget_agreement"], row)
        v["budget_allocation"] = Traced(v["budget_allocation"], row)
        v["budget_ratio"] = Traced(v["budget_ratio"], cite.computed("ratio_of_row", cite=row.long))
        n_b = int(len(province_rows(self.frames["capital_budget"])))
        v["budget_national"] = Traced(v["budget_national"], cite.computed(
            "ratio_of_sums", dataset=b.dataset, num=b.actual, den=b.plan, n=n_b))
        v["budget_rank"] = Traced(v["budget_rank"], cite.computed("rank_among", n=v["budget_n"], dataset=b.dataset,
                                                                   column=f"{b.actual}/{b.plan}"))
        for k, name in (("units_cum", "operational_units_by_province"), ("jobs_cum", "operational_employment_by_province")):
            v[k] = Traced(v[k], cite.province_or_absent(name, self.key))
        v["jobs_per_unit"] = Traced(v["jobs_per_unit"], cite.computed(
            "per_unit_row", num="operational_employment_by_province.employment_cum_1401",
            den="operational_units_by_province.units_cum_1401", province=self.name))
        v["resources_growth"] = Traced(v["resources_growth"], cite.computed(
            "growth_row", dataset="provincial_companies_resources_1400_1401", new="resources_1401", old="resources_1400",
            cite=cite.province_or_absent("provincial_companies_resources_1400_1401", self.key).long))

    def profile_figure(self):
        """Each indicator's ratios: this province (orange), the others (grey dots), the national ratio
        of sums (red bar). For a phone: 5 inches wide, each indicator's name written above its strip,
        every text 9.5 points (9 pixels when a 390-pixel phone shows it 342 pixels wide)."""
        figures.setup()
        import matplotlib.pyplot as plt
        import numpy as np
        from matplotlib.lines import Line2D
        from matplotlib.transforms import blended_transform_factory

        cap, size, width = 4.0, 9.5, 5.0
        inds = list(self.inds)
        from matplotlib import patheffects

        rtl = language() == "fa"
        names = [figures.wrap_to_width(i.fa if rtl else i.label, 0.94 * width * 150 * 0.98, size, 150) for i in inds]
        lines = [n.count("\n") + 1 for n in names]
        tops = np.concatenate([[0], np.cumsum([n + 1.3 for n in lines])])  # each row: its name, then its strip
        line_in = size * 1.3 / 72
        body = tops[-1] * line_in
        top, bottom = 0.95, 0.85  # title and legend; axis and its labels
        h = body + top + bottom
        fig = plt.figure(figsize=(width, h), dpi=150)
        ax = fig.add_axes((0.03, bottom / h, 0.94, body / h))
        trans = blended_transform_factory(ax.transAxes, ax.transData)
        halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
        for k, i in enumerate(inds):
            y = tops[k] + lines[k] + 0.6  # the strip, under the name
            ax.text(1.0 if rtl else 0.0, tops[k] + 0.1, names[k], transform=trans, fontsize=size, va="top",
                    ha="right" if rtl else "left", linespacing=1.1, path_effects=halo, zorder=5)
            a = pa.achievement(province_rows(self.frames[i.key]))
            r = a.loc[a["status"] == pa.DEFINED, "ratio"].clip(upper=cap)
            jitter = np.linspace(-0.28, 0.28, len(r)) if len(r) > 1 else [0]
            ax.scatter(100 * r, y + np.asarray(jitter), s=12, color=figures.PALETTE["muted"], zorder=2)
            prof = self.profile[self.profile["indicator"] == i.key].iloc[0]
            nat = prof["national_ratio"]  # planactual's ratio of sums
            ax.plot([100 * min(nat, cap)] * 2, [y - 0.45, y + 0.45], color=figures.PALETTE["national"], lw=2, zorder=3)
            if prof["status"] == pa.DEFINED:
                ax.scatter([100 * min(prof["ratio"], cap)], [y], s=60, color=figures.PALETTE["highlight"],
                           edgecolor="black", zorder=4)
        ax.set_ylim(tops[-1], 0)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", visible=False)
        ax.axvline(100, color="black", lw=0.8)
        ax.set_xlim(-10, 100 * cap + 20)
        ax.tick_params(axis="x", labelsize=size)
        ax.set_xlabel(f"{bi('province.fig_x')}\n{t('province.fig_x_note', cap=percent(100 * cap))}", fontsize=size)
        # the Persian edition is mirrored: each name is written from the right edge (above) and the
        # ratios rise leftwards from it, as in the national chapter's figures
        figures.mirror(ax)
        persian_ticks(ax)
        # the province's name on top (the axes' title, raised over the legend)
        ax.set_title(pair(self.p.key, self.p.fa), fontsize=size + 1, y=1 + (top - 0.26) / body, pad=0, va="bottom")
        handles = [Line2D([], [], marker="o", ls="", color=figures.PALETTE["highlight"], markeredgecolor="black", label=self.name),
                   Line2D([], [], marker="o", ls="", color=figures.PALETTE["muted"], label=t("province.fig_others")),
                   Line2D([], [], color=figures.PALETTE["national"], lw=2, label=t("province.fig_national"))]
        fig.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 1 - 0.3 / h), ncol=2, frameon=False,
                   fontsize=size, handlelength=1.2, columnspacing=1.0, borderaxespad=0)
        plt.close(fig)
        return fig

    #: The ratio the chapter leads with on its map: the capital budget allocated against agreed
    #: (the budget paragraph, with its rank among all provinces).
    HEADLINE = "capital_budget"

    def headline_ratios(self) -> dict:
        """Every province's :attr:`HEADLINE` achievement ratio (``None`` where undefined)."""
        a = pa.achievement(province_rows(self.frames[self.HEADLINE]))
        return {r.province: (float(r.ratio) if r.status == pa.DEFINED else None) for r in a.itertuples()}

    def locator_figure(self):
        """Locator map: every province coloured by its :attr:`HEADLINE` ratio on the heat map's
        scale (:mod:`analysis.report.maps`), this province outlined and named with its ratio."""
        from analysis.report import maps

        ratios = self.headline_ratios()
        return maps.locator(self.key, ratios, label=bi("province.map_label"),
                            note=pct(ratios.get(self.key)), title=bi("province.map_title"))

    def facts_display(self) -> Table:
        from analysis.report.display import is_missing
        rows = []
        cites = []
        for _, r in self.facts.iterrows():
            dec = 1 if "ha" in r["key"] else 0
            col = next(c for k, _, c in FACTS if k == r["key"])
            cites.append(cite.with_note(cite.province_or_absent(r["dataset"], self.key), "sum_column",
                                        dataset=r["dataset"], column=col, n=int(r["n"])))
            rows.append({bi("province.col_fact"): bi(r["key"]), bi("province.col_value"): num(r["value"], dec),
                         bi("province.col_total"): num(r["total"], dec), bi("share"): pct(r["share"]),
                         bi("rank"): _rank_of(r["rank"], r["n"]) if not is_missing(r["rank"]) else DASH})
        return Table(pd.DataFrame(rows), caption=t("province.cap_facts", province=self.name), cite=cites)

    def clusters_display(self):
        from IPython.display import HTML
        if self.clusters.empty:
            return HTML(f"<p>{escape(t('province.no_clusters'))}</p>")
        df = pd.DataFrame({
            bi("province.col_status"): [bi(f"province.status_{s}") for s in self.clusters["status"]],
            bi("cluster_name"): [f"{isolate(fa_)} · {en_}" if isinstance(en_, str) and en_ and language() != "fa" else fa_
                                 for fa_, en_ in zip(self.clusters["cluster_fa"], self.clusters["cluster_en"].fillna(""))],
            t("province.col_table"): [plain(x) for x in self.clusters["table"]],
        })
        return Table(df, caption=t("province.cap_clusters", province=self.name),
                     cite=cite.rows("cluster_project_names", self.clusters))

    def parks_display(self):
        from IPython.display import HTML
        all_parks = load("approved_parks")
        all_parks = all_parks[all_parks["row_kind"] == "park"]  # the printed total row is not a park
        parks = all_parks[all_parks["province"] == self.key]
        if parks.empty:
            return HTML(f"<p>{escape(t('province.no_parks', n=plain(len(all_parks))))}</p>")
        df = pd.DataFrame({bi("province.col_park"): parks["park_fa"].tolist(),
                           bi("province.col_action"): [DASH if pd.isna(a) else t(f"province.action_{a}")
                                                       for a in parks["action"]],
                           bi("hectares"): [num(h, 1) for h in parks["hectares"]]})
        return Table(df, caption=t("province.cap_parks", province=self.name), cite=cite.rows("approved_parks", parks))

    def download(self, folder: str = "downloads") -> str:
        """Write every row of every per-province dataset for this province as one long CSV;
        returns its path relative to the notebook."""
        from pathlib import Path

        from analysis.sources.datasets import catalog
        out = []
        for name, ds in catalog().items():
            if "province" not in ds.columns:
                continue
            df = load(name)
            df = df[df["province"] == self.key]
            for _, r in df.iterrows():
                for col in ds.numeric_columns():
                    if pd.notna(r[col]):
                        table = next((str(r[c]) for c in ("table_no", "table") if c in r.index and pd.notna(r[c])),
                                     ds.table or "")
                        out.append({"dataset": name, "column": col,
                                    "unit": ds.columns[col].get("unit", ""), "value": r[col],
                                    "source_file": ds.source, "table": table, "source_line": int(r["source_line"])})
        path = Path(folder) / f"{self.p.slug}.csv"
        write_csv(pd.DataFrame(out), path)
        self.values["n_download_rows"] = plain(len(out))
        return str(path)

    def download_link(self, path: str):
        """A MyST download link (rendered by myst-nb, which copies the file into the site)."""
        from IPython.display import Markdown
        return Markdown(t("province.download_link", province=self.name, path=path))

    def build_box(self):
        """How the chapter was built: its parameter, the data version and the library version.

        No wall-clock time, so two builds of the same data give the same page; a date is shown
        only when ``SOURCE_DATE_EPOCH`` is set (:func:`source_date`)."""
        from IPython.display import HTML
        rows = [
            (bi("parameters"), f"province = {self.key!r}"),
            (bi("data_version"), data_version()),
            (bi("province.code_version"), f"analysis {__version__}, Python {sys.version.split()[0]}"),
        ]
        date = source_date()
        if date:
            rows.append((bi("province.source_date"), date))
        body = "".join(f"<tr><th>{escape(k)}</th><td><code>{escape(v)}</code></td></tr>" for k, v in rows)
        return HTML(f'<div class="admonition note"><p class="admonition-title">{escape(t("province.build_title"))}</p>'
                    f"<table>{body}</table></div>")


def province_chapter(key: str) -> ProvinceChapter:
    return ProvinceChapter(key)
