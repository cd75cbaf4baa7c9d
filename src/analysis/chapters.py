"""Chapter builders: what each notebook shows, computed here so notebooks stay thin."""
from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass, field

import pandas as pd

from . import __version__, figures, paths
from .data import load
from .display import DASH, Table, num, ordinal, pct
from .provinces import get, registry
from .text import bi, en


def data_version() -> str:
    """Short SHA-256 of the catalogue and every processed CSV (the data the chapter used)."""
    h = hashlib.sha256()
    for p in sorted([paths.CATALOG, *paths.PROCESSED.glob("*.csv")]):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def water_frame() -> pd.DataFrame:
    """Table 13 province rows with ratio and rank (ratio of sums for the nation)."""
    df = load("water_by_province")
    prov = df[df.row_kind == "province"].copy()
    prov["plan"] = prov["plan"].astype(float)
    prov["actual"] = prov["actual"].astype(float)
    prov["ratio"] = prov["actual"].where(prov["plan"] > 0) / prov["plan"].where(prov["plan"] > 0)
    prov["rank"] = prov["ratio"].rank(ascending=False, method="min")
    return prov.reset_index(drop=True)


@dataclass
class ProvinceChapter:
    key: str
    values: dict = field(default_factory=dict)

    def __post_init__(self):
        self.p = get(self.key)
        w = water_frame()
        self.water = w
        row = w[w.province == self.key].iloc[0]
        national = w["actual"].sum() / w["plan"].sum()
        self.values.update({
            "water_plan": num(row.plan), "water_actual": num(row.actual), "water_ratio": pct(row.ratio),
            "water_national": pct(national), "water_rank": ordinal(row["rank"]) if pd.notna(row["rank"]) else DASH,
            "water_n": str(int(w["ratio"].notna().sum())),
        })

    def glue_all(self, glue) -> None:
        for k, v in self.values.items():
            glue(k, v, display=False)

    def header(self):
        from IPython.display import HTML
        progs = []
        if self.p.in_programme("kaleh"):
            progs.append("This province is one of the four of the KALEH employment programme; see the KALEH chapter.")
        if self.p.in_programme("khuzestan_sources"):
            progs.append("The book has a chapter on Khuzestan's own sources (productivity programme, councils).")
        facts = f"<p>ISO 3166-2 code <code>{self.p.iso}</code>. Persian name <span lang=\"fa\">{self.p.fa}</span>.</p>"
        return HTML(facts + "".join(f"<p>{t}</p>" for t in progs))

    def water_table(self) -> Table:
        w = self.water
        row = w[w.province == self.key].iloc[0]
        national = pd.DataFrame([{
            bi("province"): f"{self.p.key} · {self.p.fa}", bi("plan"): row.plan, bi("actual"): row.actual,
            bi("ratio"): pct(row.ratio), bi("national_ratio"): pct(w.actual.sum() / w.plan.sum()),
            bi("rank"): f"{ordinal(row['rank'])} of {int(w.ratio.notna().sum())}" if pd.notna(row["rank"]) else DASH,
        }])
        return Table(national, caption=f"{en('water_title')} ({en('litre_per_second')}). Source: 002, Table 13.")

    def water_figure(self):
        figures.setup()
        import matplotlib.pyplot as plt

        w = self.water.sort_values("ratio", ascending=True, na_position="first")
        fig, ax = plt.subplots(figsize=(7.5, 7.8))
        labels = [f"{p.key} · {p.fa}" for p in (get(k) for k in w.province)]
        colours = [figures.PALETTE["highlight"] if k == self.key else figures.PALETTE["actual"] for k in w.province]
        ax.barh(labels, 100 * w["ratio"].fillna(0), color=colours)
        nat = 100 * w.actual.sum() / w.plan.sum()
        ax.axvline(nat, color=figures.PALETTE["national"], lw=1.2, ls="--", label=f"National ratio of sums {nat:.1f} %")
        ax.set_xlabel("Achievement, actual / plan (%) · نسبت تحقق (درصد)")
        ax.set_title("Water supply achievement by province, 1401 · تحقق تامین آب به تفکیک استان")
        ax.legend(loc="lower right", frameon=False)
        ax.tick_params(axis="y", labelsize=8)
        fig.tight_layout()
        plt.close(fig)
        return fig

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
