"""Chapter builders: what each notebook shows, computed here so notebooks stay thin."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

import pandas as pd

from analysis import __version__
from analysis.core.provinces import get
from analysis.core.text import bi, isolate, pair
from analysis.metrics.planactual import province_rows
from analysis.report import figures
from analysis.report.display import DASH, Table, num, ordinal, pct
from analysis.report.downloads import write_csv
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




def facts_table(key: str) -> pd.DataFrame:
    """The province's value, the sum over provinces, its share and rank for each fact.

    A province missing from a table (e.g. no deeds obtained) shows 0 only where the
    table lists every province with a value; otherwise the value is missing.
    """
    from analysis.report.display import is_missing
    rows = []
    cache: dict[str, pd.DataFrame] = {}
    for label, name, col in FACTS:
        df = cache.setdefault(name, province_rows(load(name)))
        values = pd.to_numeric(df[col]).astype(float)
        mine = values[df["province"] == key]
        v = float(mine.iloc[0]) if len(mine) else float("nan")
        total = float(values.sum())
        rank = int((values > v).sum() + 1) if not is_missing(v) else None
        rows.append({"key": label, "dataset": name, "value": v, "total": total,
                     "share": v / total if total and not is_missing(v) else float("nan"),
                     "rank": rank, "n": int(values.notna().sum())})
    return pd.DataFrame(rows)


def cluster_names(key: str) -> pd.DataFrame:
    df = load("cluster_project_names")
    df = df[df["province"] == key]
    order = {s: i for i, s in enumerate(CLUSTER_STATUSES)}
    return df.assign(_o=df["status"].map(order)).sort_values(["_o", "cluster_fa"]).drop(columns="_o")


@dataclass
class ProvinceChapter:
    """Everything a province chapter shows, computed once."""

    key: str
    values: dict = field(default_factory=dict)

    def __post_init__(self):
        from analysis.metrics import indicators as ind
        from analysis.metrics import planactual as pa

        self.p = get(self.key)
        self.inds = ind.indicators()
        self.frames = ind.frames()
        prof = pa.profile(self.frames, self.key)
        self.profile = prof
        self.facts = facts_table(self.key)
        self.clusters = cluster_names(self.key)
        defined = prof[prof["status"] == pa.DEFINED]
        delivery = defined[defined["indicator"].isin([i.key for i in self.inds if i.kind == "delivery"])]
        cats = delivery["category"].value_counts()
        by_label = {i.key: i.label for i in self.inds}
        rel = delivery.assign(rel=delivery["ratio"] - delivery["national_ratio"]).sort_values("rel")
        self.values.update({
            "n_indicators": str(len(self.inds)),
            "n_delivery": str(sum(i.kind == "delivery" for i in self.inds)),
            "n_defined": str(len(delivery)),
            "n_met_over": str(int(cats.get("met", 0) + cats.get("over", 0))),
            "n_under": str(int(cats.get("under", 0))),
            "n_not_started": str(int(cats.get("not started", 0))),
            "n_undefined": str(int(sum(i.kind == "delivery" for i in self.inds) - len(delivery))),
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
            "budget_n": str(int(budget["n_ranked"])),
        })
        f = self.facts.set_index("key")
        res1401, res1400 = f.loc["resources_1401", "value"], f.loc["resources_1400", "value"]
        self.values.update({
            "units_cum": num(f.loc["units_cum_1401", "value"]),
            "jobs_cum": num(f.loc["employment_cum_1401", "value"]),
            "jobs_per_unit": num(f.loc["employment_cum_1401", "value"] / f.loc["units_cum_1401", "value"], 1)
            if f.loc["units_cum_1401", "value"] else DASH,
            "jobs_per_unit_all": num(f.loc["employment_cum_1401", "total"] / f.loc["units_cum_1401", "total"], 1),
            "resources_growth": pct(res1401 / res1400 - 1) if res1400 else DASH,
            "n_clusters": str(len(self.clusters)),
        })
        from analysis.metrics.prices import load_inflation
        try:
            cpi = load_inflation()["cpi_inflation_pct"]
            self.values["cpi_2022"] = f"{cpi.loc[2022]:.1f} %"
        except (FileNotFoundError, KeyError):
            self.values["cpi_2022"] = "not available"

    def glue_all(self, glue) -> None:
        for k, v in self.values.items():
            glue(k, v, display=False)

    # ----------------------------------------------------------------- displays
    def header(self):
        from IPython.display import HTML
        links = []
        if self.p.in_programme("kaleh"):
            links.append('This province is one of the four of the KALEH employment programme '
                         '(<span lang="fa">کاله</span>); see <a href="../notebooks/07_kaleh.html">the KALEH chapter</a>.')
        if self.p.in_programme("khuzestan_sources"):
            links.append('Khuzestan has sources of its own (productivity programme, council minutes); see '
                         '<a href="../notebooks/06_khuzestan.html">the Khuzestan chapter</a>.')
        facts = (f'<p>Persian name <span lang="fa">{self.p.fa}</span>; ISO 3166-2 code <code>{self.p.iso}</code>. '
                 f'All figures are from ISIPO\'s 1401 report (seed 002) unless stated.</p>')
        return HTML(facts + "".join(f"<p>{t}</p>" for t in links))

    def profile_table(self) -> Table:
        from analysis.report.display import is_missing
        by_key = {i.key: i for i in self.inds}
        rows = []
        for _, r in self.profile.iterrows():
            i = by_key[r["indicator"]]
            rows.append({
                bi("indicator"): i.label, bi("unit"): i.unit, "Table": i.table,
                bi("plan"): num(r["plan"], 1 if r["plan"] % 1 else 0) if not is_missing(r["plan"]) else DASH,
                bi("actual"): num(r["actual"], 1 if r["actual"] % 1 else 0) if not is_missing(r["actual"]) else DASH,
                bi("ratio"): pct(r["ratio"]) if r["status"] == "defined" else r["status"].replace("undefined: ", "undefined — "),
                bi("national_ratio"): pct(r["national_ratio"]),
                bi("rank"): f"{int(r['rank'])} of {int(r['n_ranked'])}" if not is_missing(r["rank"]) else DASH,
                bi("category"): r["category"],
            })
        return Table(pd.DataFrame(rows), caption=f"{self.p.key}: plan versus actual, 1401. Rank 1 = highest ratio; "
                     "cells the source prints illegibly are excluded (see the data catalogue).")

    def profile_figure(self):
        figures.setup()
        import matplotlib.pyplot as plt
        import numpy as np

        cap = 4.0
        inds = [i for i in self.inds]
        fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(inds) + 1.4))
        for y, i in enumerate(inds):
            fr = self.frames[i.key]
            r = (fr["actual"] / fr["plan"].where(fr["plan"] > 0)).dropna().clip(upper=cap)
            jitter = np.linspace(-0.18, 0.18, len(r)) if len(r) > 1 else [0]
            ax.scatter(100 * r, y + np.asarray(jitter), s=12, color=figures.PALETTE["muted"], zorder=2)
            nat = fr["actual"].sum() / fr.loc[fr["actual"].notna(), "plan"].sum()
            ax.plot([100 * min(nat, cap)] * 2, [y - 0.3, y + 0.3], color=figures.PALETTE["national"], lw=2, zorder=3)
            row = self.profile[self.profile["indicator"] == i.key].iloc[0]
            if row["status"] == "defined":
                ax.scatter([100 * min(row["ratio"], cap)], [y], s=70, color=figures.PALETTE["highlight"],
                           edgecolor="black", zorder=4)
        ax.set_yticks(range(len(inds)), [f"{i.en}\n{i.fa}" for i in inds], fontsize=8)
        ax.invert_yaxis()
        ax.axvline(100, color="black", lw=0.8)
        ax.set_xlim(-10, 100 * cap + 20)
        ax.set_xlabel(f"{bi('fig_profile_x')}\nvalues above {int(100 * cap)} % are drawn at {int(100 * cap)} %")
        ax.set_title(pair(self.p.key, self.p.fa), fontsize=11)
        from matplotlib.lines import Line2D
        handles = [Line2D([], [], marker="o", ls="", color=figures.PALETTE["highlight"], markeredgecolor="black", label=self.p.key),
                   Line2D([], [], marker="o", ls="", color=figures.PALETTE["muted"], label="Other provinces"),
                   Line2D([], [], color=figures.PALETTE["national"], lw=2, label="National ratio of sums")]
        ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.06), ncol=3, frameon=False, fontsize=8)
        fig.tight_layout()
        plt.close(fig)
        return fig

    def facts_display(self) -> Table:
        from analysis.report.display import is_missing
        rows = []
        for _, r in self.facts.iterrows():
            dec = 1 if "ha" in r["key"] else 0
            rows.append({bi("fact"): bi(r["key"]), bi("province_value"): num(r["value"], dec),
                         bi("national_total"): num(r["total"], dec), bi("share"): pct(r["share"]),
                         bi("rank"): f"{r['rank']} of {r['n']}" if not is_missing(r["rank"]) else DASH})
        return Table(pd.DataFrame(rows), caption=f"{self.p.key}: units, jobs, contracts, land, deeds, projects and "
                     "company resources (002 Tables 9, 11, 54, 56–58, 66). 'All provinces' is the sum of province rows.")

    def clusters_display(self):
        from IPython.display import HTML
        if self.clusters.empty:
            return HTML("<p>No cluster development project is listed for this province in Tables 30–32.</p>")
        df = pd.DataFrame({
            bi("cluster_status"): [bi(f"status_{s}") for s in self.clusters["status"]],
            bi("cluster_name"): [f"{isolate(fa_)} · {en_}" if isinstance(en_, str) and en_ else fa_
                                 for fa_, en_ in zip(self.clusters["cluster_fa"], self.clusters["cluster_en"].fillna(""))],
            "Table": self.clusters["table"].tolist(),
        })
        return Table(df, caption=f"{self.p.key}: cluster development projects named in 002 Tables 30–32.")

    def parks_display(self):
        from IPython.display import HTML
        parks = load("approved_parks")
        parks = parks[(parks["row_kind"] == "park") & (parks["province"] == self.key)]
        if parks.empty:
            return HTML("<p>None of the 42 parks approved in 1401 (Table 1) is in this province.</p>")
        df = pd.DataFrame({bi("park"): parks["park_fa"].tolist(), bi("action"): parks["action"].fillna("—").tolist(),
                           bi("hectares"): [num(h, 1) for h in parks["hectares"]]})
        return Table(df, caption=f"{self.p.key}: new and expanded industrial parks approved in 1401 (002 Table 1).")

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
                        out.append({"dataset": name, "table": ds.table or "", "column": col,
                                    "unit": ds.columns[col].get("unit", ""), "value": r[col],
                                    "source": ds.source, "source_line": int(r["source_line"])})
        path = Path(folder) / f"{self.p.slug}.csv"
        write_csv(pd.DataFrame(out), path)
        self.values["n_download_rows"] = str(len(out))
        return str(path)

    def download_link(self, path: str):
        """A MyST download link (rendered by myst-nb, which copies the file into the site)."""
        from IPython.display import Markdown
        return Markdown(f"{{download}}`{self.p.key} rows (CSV) <{path}>`")

    def build_box(self):
        from IPython.display import HTML
        rows = [
            (bi("parameters"), f"province = {self.key!r}"),
            (bi("data_version"), data_version()),
            (bi("code_version"), f"analysis {__version__}, Python {sys.version.split()[0]}"),
            (bi("built_at"), time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())),
        ]
        body = "".join(f"<tr><th>{k}</th><td><code>{v}</code></td></tr>" for k, v in rows)
        return HTML(f'<div class="admonition note"><p class="admonition-title">How this chapter was built</p><table>{body}</table></div>')


def province_chapter(key: str) -> ProvinceChapter:
    return ProvinceChapter(key)
