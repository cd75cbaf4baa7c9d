"""Chapter "Loans and credit · تسهیلات و اعتبارات" (notebooks/05_loans.md).

ISIPO's three credit schemes (002 Tables 40-48, lines 3480-3921): renovation and
restructuring (نوسازی و تجدید ساختار), technical and credit assistance from public
and from internal resources (کمک‌های فنی و اعتباری), and dairy industries (صنایع لبنی);
the KALEH programme's financing (004 Tables 6 and 8); the Khuzestan labour council's
loan figures (003). Ratios use :mod:`analysis.metrics.loans`; each money ratio carries the
note of which years' money it mixes (:func:`analysis.metrics.loans.money_note`).

>>> l = leverage_frame()
>>> l.loc[l.table_no == "41", "leverage"].tolist()  # facilities / deposits, Table 41
[3.0, 3.0]
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.core.provinces import get, keys
from analysis.core.text import bi, data_text, language, pair, stacked, t
from analysis.metrics import loans, planactual, prices, rates
from analysis.report import cite, figures
from analysis.report.display import Table, Traced, num, pct, percent, plain
from analysis.report.numerals import persian_ticks
from analysis.sources.datasets import dataset, load

#: Jalali year of the prices the cost table deflates to.
PRICE_YEAR = 1401


# --------------------------------------------------------------------------- words
# the edition's forms of labels, names and figure titles (analysis.core.text)
_label, _name, _title = bi, pair, stacked


def _slug(word: str) -> str:
    """``'billion (tomans implied)'`` -> ``'billion_tomans_implied'``: a key made of a data label."""
    return re.sub(r"[^a-z0-9]+", "_", str(word).lower()).strip("_")


def _unit(name: str, column: str) -> str:
    """The unit of a dataset column as the data catalogue gives it (``million rials``)."""
    unit = dataset(name).columns[column].get("unit")
    if not unit:
        raise KeyError(f"data/catalog.yml: {name}.{column} has no unit")
    return unit


def _unit_text(name: str, column: str) -> str:
    """The catalogue unit of a column in the edition's language (text key ``loans.unit_<unit>``)."""
    return t(f"loans.unit_{_slug(_unit(name, column))}")


def _scheme(scheme: str) -> str:
    return _label(f"loans.scheme_{scheme}")


def _period(period: str) -> str:
    """A period of the data (``1390-1401``, ``start-1401``) in the edition's language."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", str(period))
    if m:
        return t("loans.period_years", first=plain(m[1]), last=plain(m[2]))
    m = re.fullmatch(r"start-(\d{4})", str(period))
    if m:
        return t("loans.period_from_start", last=plain(m[1]))
    raise ValueError(f"loan_scheme_achievements: period {period!r} is neither YYYY-YYYY nor start-YYYY")


def _place(key: str) -> str:
    """A province key (or another place name of the data) in the edition's language."""
    if key in keys():
        return key if language() == "en" else get(key).fa
    return t(f"loans.place_{_slug(key)}")


def money_text(years=None) -> str:
    """What kind of money a figure is, in the edition's language: the words of
    :func:`analysis.metrics.loans.money_note` (``1390–1401 nominal rials, mixed years``)."""
    if years is None:
        return t("loans.note_no_year")
    ys = [int(years)] if not isinstance(years, (range, list, tuple)) else sorted({int(y) for y in years})
    if not ys:
        return t("loans.note_no_year")
    if len(ys) == 1:
        return t("loans.note_one_year", year=plain(ys[0]))
    return t("loans.note_mixed", first=plain(ys[0]), last=plain(ys[-1]))


def _prose(topic: str, item_start: str) -> pd.Series:
    p = load("sme_support_prose_figures")
    hit = p[(p.topic == topic) & p["item"].str.startswith(item_start)]
    if len(hit) != 1:
        raise KeyError(f"sme_support_prose_figures: {len(hit)} rows for {topic!r}/{item_start!r}")
    return hit.iloc[0]


# --------------------------------------------------------------------------- budgets
def budgets_frame() -> pd.DataFrame:
    """Tables 40 and 43: allocation share recomputed; deposited share of approved."""
    b = load("loan_scheme_budgets").copy()
    b["allocated_share"] = loans.attainment(b["allocated"], b["approved"]).value
    b["deposited_share"] = loans.attainment(b["deposited"], b["approved"]).value
    return b


def budgets_table() -> Table:
    b = budgets_frame()
    out = pd.DataFrame({
        _label("loans.scheme"): [_scheme(s) for s in b.scheme], _label("loans.year"): [plain(y) for y in b.year],
        _label("loans.form"): [t(f"loans.form_{f}") for f in b.funding_form],
        _label("loans.approved"): [num(v) for v in b.approved],
        _label("loans.allocated"): [num(v) for v in b.allocated],
        _label("loans.alloc_share"): [pct(v, 0) for v in b.allocated_share],
        _label("loans.printed_pct"): [percent(v) for v in b.allocated_pct_printed],
        _label("loans.deposited"): [num(v) for v in b.deposited],
    })
    return Table(out, caption=t("loans.budgets_caption", unit=_unit_text("loan_scheme_budgets", "approved")),
                 cite=cite.rows("loan_scheme_budgets", b))


# --------------------------------------------------------------------------- leverage
def leverage_frame() -> pd.DataFrame:
    """Tables 41, 44, 46, 47: leverage = total facilities / deposits (:func:`analysis.metrics.loans.leverage`),
    bank resources / deposits (the ratio Table 41 prints), and the printed ratio."""
    f = load("loan_scheme_bank_facilities").copy()
    lev = loans.leverage(f["facilities_total"], f["deposited"])
    f["leverage"] = lev.value
    f["leverage_status"] = lev.status
    f["bank_per_deposit"] = loans.leverage(f["bank_resources"], f["deposited"]).value
    f["note_money"] = [loans.money_note(int(y)) for y in f.year]
    return f


def leverage_table() -> Table:
    f = leverage_frame()
    out = pd.DataFrame({
        _label("loans.scheme"): [_scheme(s) for s in f.scheme], _label("loans.year"): [plain(y) for y in f.year],
        _label("loans.deposited"): [num(v) for v in f.deposited],
        _label("loans.bank_resources"): [num(v) for v in f.bank_resources],
        _label("loans.facilities"): [num(v) for v in f.facilities_total],
        _label("loans.leverage"): [num(v, 2) for v in f.leverage],
        _label("loans.bank_ratio"): [num(v, 2) for v in f.bank_per_deposit],
        _label("loans.leverage_printed"): [num(v, 0) for v in f.leverage_printed],
        _label("loans.contracts"): [num(v) for v in f.contract_total],
    })
    return Table(out, caption=t("loans.leverage_caption",
                                unit=_unit_text("loan_scheme_bank_facilities", "deposited")),
                 cite=cite.rows("loan_scheme_bank_facilities", f))


# --------------------------------------------------------------------------- attainment
def attainment_frame() -> pd.DataFrame:
    """Tables 42, 45, 48: attainment of unit and job targets (uncapped) vs printed %."""
    a = load("loan_scheme_achievements").copy()
    a["attainment"] = loans.attainment(a["actual"], a["target"]).value
    a["diff_pp"] = 100 * a["attainment"] - a["pct_printed"]
    return a


def attainment_table() -> Table:
    a = attainment_frame()
    out = pd.DataFrame({
        _label("loans.scheme"): [_scheme(s) for s in a.scheme],
        _label("loans.period"): [_period(p) for p in a.period],
        _label("indicator"): [_name(e, f) for e, f in zip(a.indicator, a.indicator_fa)],
        _label("loans.target"): [num(v) for v in a.target], _label("actual"): [num(v) for v in a.actual],
        _label("ratio"): [pct(v) for v in a.attainment],
        _label("loans.printed_pct"): [percent(v) for v in a.pct_printed],
    })
    return Table(out, caption=t("loans.attain_caption"), cite=cite.rows("loan_scheme_achievements", a))


# --------------------------------------------------------------------------- cost per job
def cost_frame() -> pd.DataFrame:
    """Money per job and jobs per billion rials, one row per scheme and money basis.

    Each row states its basis (which money: ``basis_key``, text ``loans.basis_<key>``), its
    years (``note``, from :func:`analysis.metrics.loans.money_note`; ``money`` the same in the
    edition's language) and whether it is a ``lower bound`` (jobs accumulated over more years
    than the money counted); ``all_finance`` marks rows counting all finance (banks' money
    included) rather than public money only, ``None`` where the source does not say (the
    renovation scheme's 1400 "approved" amount, the money its 40 jobs go with: Table 41's
    header, 002 lines 3535-3560; the alternatives, deposits and total facilities, are rows too). Single-year rows are also given in 1401 prices
    (World Bank CPI, Jalali ``Y`` -> Gregorian ``Y + 621``).

    Examples
    --------
    >>> c = cost_frame().set_index("key")
    >>> round(float(c.loc["renovation_cum", "m_rials_per_job"]), 2)  # 743 286 million rials / 25 668 jobs
    28.96
    >>> round(float(c.loc["kaleh_total", "m_rials_per_job"]), 1)  # 004 line 194: 551
    551.1
    >>> [round(float(c.loc[k, "m_rials_per_job"]), 2) for k in ("renovation_1400", "renovation_1400_dep")]
    [786.45, 787.5]
    """
    rows = []
    money_unit = _unit("loan_scheme_bank_facilities", "deposited")  # million rials, as 002 prints

    def add(key, scheme, basis, money_m, jobs, years, lower_bound, source, plan=False, all_finance=False):
        r = loans.rials_per_job(money_m, jobs, unit=money_unit, out_unit="million rials", years=years)
        j = loans.jobs_per_billion_rials(jobs, money_m, unit=money_unit, years=years)
        rows.append({"key": key, "scheme_key": scheme, "basis_key": basis,
                     "scheme": t(f"loans.cost_{scheme}"), "basis": t(f"loans.basis_{basis}"),
                     "money_m": float(money_m), "jobs": float(jobs),
                     "m_rials_per_job": r.value, "jobs_per_billion": j.value, "note": r.note,
                     "money": money_text(years), "years": years, "lower_bound": lower_bound, "plan": plan,
                     "all_finance": all_finance, "source": source})

    def lines(doc, a, b):
        return t("loans.src_lines", doc=doc, a=a, b=b)

    def table_line(doc, table, line, jobs_line=None):
        if jobs_line is None:
            return t("loans.src_table_line", doc=doc, table=table, line=line)
        return t("loans.src_table_jobs", doc=doc, table=table, line=line, jobs_line=jobs_line)

    dep = _prose("renovation", "funds deposited")
    jobs = _prose("renovation", "jobs created")
    add("renovation_cum", "renovation_cum", "deposits", dep.value, jobs.value, range(1390, 1402), False,
        lines("002", dep.source_line, jobs.source_line))
    f = leverage_frame().set_index(["table_no", "year"])
    t41 = f.loc[("41", 1400)]
    # Table 41's header (002 lines 3535-3560) puts "approved" (مصوب) and "employment stabilised
    # and created" (اشتغال تثبیت و ایجاد شده) side by side, both blank for 1401 (no contracts
    # yet, lines 3574-3580): the 40 jobs go with the 31 458 approved. Whether that is the whole
    # facility or the organisation's share is not printed (all_finance None: not stated).
    add("renovation_1400", "renovation_1400", "approved", t41.approved_facilities, t41.jobs, 1400, False,
        table_line("002", 41, 3566), all_finance=None)
    add("renovation_1400_dep", "renovation_1400", "deposits", t41.deposited, t41.jobs, 1400, False,
        table_line("002", 41, 3566))
    add("renovation_1400_fac", "renovation_1400", "facilities", t41.facilities_total, t41.jobs, 1400, False,
        table_line("002", 41, 3566), all_finance=True)
    t44 = f.loc[("44", 1400)]
    tj = _prose("technical_credit_public", "jobs created")
    add("technical_public", "technical_public", "deposits_1400", t44.deposited, tj.value, 1400, True,
        table_line("002", 44, 3736, tj.source_line))
    t47 = f.loc[("47", 1400)]
    dj = _prose("dairy", "jobs created")
    add("dairy", "dairy", "deposits_1400", t47.deposited, dj.value, 1400, True,
        table_line("002", 47, 3891, dj.source_line))
    k = load("kaleh_financing_by_province")
    kt = k[k.row_kind == "total"].iloc[0]
    k_to_m = loans.convert(1, _unit("kaleh_financing_by_province", "grants"), money_unit)  # billion -> million
    add("kaleh_public", "kaleh", "public_budget", (kt.grants + kt.interest_subsidy) * k_to_m, kt.jobs, 1398,
        False, table_line("004", 6, 208), plan=True)
    add("kaleh_total", "kaleh", "total_finance", kt.total_money * k_to_m, kt.jobs, 1398, False,
        table_line("004", 6, 208), plan=True, all_finance=True)
    m = load("khz_minutes_figures")
    cap = m[(m.source_line == 139) & (m.category == "money")].iloc[0]
    emp = m[(m.source_line == 141) & (m.category == "employment")].iloc[0]
    add("khz_proposal", "khz_proposal", "capital", loans.convert(cap.value_rials, "rials", money_unit),
        emp.value, 1399, False, lines("003", 139, 141), plan=True, all_finance=True)
    out = pd.DataFrame(rows)
    # 1401 prices for single-year rows only; mixed years cannot be deflated without the yearly split
    inf = prices.load_inflation()[prices.SERIES["cpi"]]
    base = prices.jalali_to_gregorian_year(PRICE_YEAR)
    idx = prices.price_index(inf, base_year=base)
    real = []
    for y, v in zip(out.years, out.m_rials_per_job):
        if isinstance(y, range) or pd.isna(v):
            real.append(float("nan"))
        else:
            real.append(float(prices.deflate(v, prices.jalali_to_gregorian_year(y), idx, base_year=base)))
    out["m_rials_per_job_1401"] = real
    return out


def cost_table() -> Table:
    c = cost_frame()
    sep = t("loans.list_sep")
    out = pd.DataFrame({
        _label("loans.scheme"): list(c.scheme), _label("loans.basis"): list(c.basis),
        _label("loans.money_b"): [num(v / 1e3, 1) for v in c.money_m], _label("loans.jobs"): [num(v) for v in c.jobs],
        _label("loans.per_job"): [num(v, 1) + (f" {t('loans.lower_bound')}" if lb else "")
                                  for v, lb in zip(c.m_rials_per_job, c.lower_bound)],
        _label("loans.jobs_per_b"): [num(v, 1) for v in c.jobs_per_billion],
        _label("loans.money_note"): [n + (f"{sep} {t('loans.planned')}" if p else "") for n, p in zip(c.money, c.plan)],
        _label("loans.per_job_1401"): [num(v, 1) for v in c.m_rials_per_job_1401],
    })  # where each row is read: the source column (money / jobs of its table and lines), not a second one
    return Table(out, caption=t("loans.cost_caption", offset=plain(prices.JALALI_OFFSET)),
                 cite=[cite.computed("per_job_of", source=src) for src in c.source])


def cost_figure():
    """Million rials per job across schemes (log scale), coloured by money basis."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    c = cost_frame().iloc[::-1].reset_index(drop=True)
    unstated = figures.PALETTE["highlight"]  # neither: the source does not say whose money
    colours = [unstated if a is None else figures.PALETTE["plan"] if a else figures.PALETTE["actual"]
               for a in c.all_finance]
    labels = [f"{s}\n{b}" for s, b in zip(c.scheme, c.basis)]
    fig, ax = plt.subplots(figsize=(7.5, 5.6))
    ax.barh(range(len(c)), c.m_rials_per_job, color=colours,
            hatch=["//" if lb else "" for lb in c.lower_bound], edgecolor="white")
    for i, (v, lb, n) in enumerate(zip(c.m_rials_per_job, c.lower_bound, c.money)):
        ax.text(v * 1.08, i, f"{'≥ ' if lb else ''}{num(v, 1)}  ({n})", va="center", fontsize=7, ha=figures.value_ha())
    ax.set_xscale("log")
    from matplotlib.ticker import FuncFormatter
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: num(x, 0)))
    ax.set_xlim(right=c.m_rials_per_job.max() * 60)
    ax.set_yticks(range(len(c)), labels)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel(_label("loans.fig_cost_x"))
    ax.set_title(_title("loans.fig_cost_title"))
    rtl = figures.mirror(ax)  # Persian: scheme names on the right, bars (log scale) growing leftwards
    persian_ticks(ax)
    ax.legend(handles=[Patch(color=figures.PALETTE["actual"], label=_label("loans.legend_public")),
                       Patch(color=figures.PALETTE["plan"], label=_label("loans.legend_all")),
                       Patch(color=unstated, label=_label("loans.legend_unstated")),
                       Patch(facecolor="white", edgecolor="grey", hatch="//", label=_label("loans.legend_lower"))],
              loc="upper center", bbox_to_anchor=(0.8 if rtl else 0.2, -0.13), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    plt.close(fig)
    return fig


# --------------------------------------------------------------------------- KALEH
KALEH_MONEY = ["grants", "bank_facilities", "interest_subsidy"]


def kaleh_province_cost() -> pd.DataFrame:
    """004 Table 6 with money per job (:func:`analysis.metrics.loans.kaleh_cost_per_job`), million rials."""
    return loans.kaleh_cost_per_job(load("kaleh_financing_by_province"), KALEH_MONEY, "jobs",
                                    money_unit=_unit("kaleh_financing_by_province", "grants"))


def kaleh_sector_cost() -> pd.DataFrame:
    """004 Table 8 with money per job, million rials."""
    return loans.kaleh_cost_per_job(load("kaleh_financing_by_sector"), KALEH_MONEY, "jobs",
                                    money_unit=_unit("kaleh_financing_by_sector", "grants"))


def _kaleh_table(df: pd.DataFrame, labels: list[str], first: str, caption: str, dataset: str) -> Table:
    out = pd.DataFrame({
        _label(first): labels, _label("loans.jobs"): [num(v) for v in df.jobs],
        _label("ln_grants"): [num(v) for v in df.grants], _label("ln_bank_loans"): [num(v) for v in df.bank_facilities],
        _label("ln_subsidy"): [num(v) for v in df.interest_subsidy],
        _label("loans.money_total"): [num(v) for v in df.money_total],
        _label("loans.per_job"): [num(v, 1) for v in df.cost_per_job],
    })
    return Table(out, caption=caption, highlight=len(out) - 1, cite=cite.rows(dataset, df))


def kaleh_province_table() -> Table:
    d = kaleh_province_cost()
    n = int((d.row_kind == "province").sum())
    total = t("loans.kaleh_total", n=plain(n))
    labels = [_name(get(p).key, get(p).fa) if k == "province" else (pair(total, lab) if language() == "en" else total)
              for k, p, lab in zip(d.row_kind, d.province, d.label_fa)]
    return _kaleh_table(d, labels, "province", t("loans.kaleh_prov_caption",
                                                 unit=_unit_text("kaleh_financing_by_province", "grants")),
                        "kaleh_financing_by_province")


def kaleh_sector_table() -> Table:
    d = kaleh_sector_cost()
    labels = [_name(e, f) for e, f in zip(d.sector_en, d.sector_fa)]
    return _kaleh_table(d, labels, "loans.sector", t("loans.kaleh_sector_caption",
                                                     unit=_unit_text("kaleh_financing_by_sector", "grants")),
                        "kaleh_financing_by_sector")


# --------------------------------------------------------------------------- Khuzestan council
def khz_loans() -> pd.DataFrame:
    """Loan figures stated at the Khuzestan coordination council (003), money in billion rials."""
    m = load("khz_minutes_figures")
    loan = m[(m.category == "loan") & m.value_rials.notna()].copy()
    loan["billion_rials"] = loans.convert(loan.value_rials, "rials", "billion rials")
    return loan


def _as_said(qualifier: str, value: float, unit: str) -> str:
    """A stated amount as the speaker put it: ``about 130 billion tomans`` (no word for an exact figure)."""
    amount = num(value, 1 if value % 1 else 0)
    unit_text = t(f"loans.unit_{_slug(unit)}")
    if qualifier == "exact":
        return t("loans.as_said_exact", value=amount, unit=unit_text)
    return t("loans.as_said_qualified", qualifier=t(f"loans.qual_{_slug(qualifier)}"), value=amount, unit=unit_text)


def khz_table() -> Table:
    k = khz_loans()
    english = language() == "en"
    out = pd.DataFrame({
        _label("loans.speaker"): list(k.organisation_en if english else k.organisation_fa),
        _label("loans.scope"): [_place(s) for s in k.scope],
        _label("loans.what"): [data_text(q) for q in k.quantity],  # Persian: text/fa/data/
        _label("loans.as_said"): [_as_said(q, v, u) for q, v, u in zip(k.qualifier, k.value, k.unit)],
        _label("loans.billion_rials"): [num(v, 1) if v < 10 else num(v) for v in k.billion_rials],
        _label("ln_line"): [str(s) + (" *" if pd.notna(f) else "") for s, f in zip(k.source_line, k.flag)],
    })
    return Table(out, caption=t("loans.khz_caption", toman=num(loans.convert(1, "tomans", "rials"))),
                 cite=cite.rows("khz_minutes_figures", k))


# --------------------------------------------------------------------------- glue values
def _named_value(name: str, value: float) -> str:
    """``Ilam (545.7)``: a row's name and its money per job, as the prose cites an extreme."""
    return f"{name} ({num(value, 1)})"


def values() -> dict[str, str]:
    """Every value the chapter's prose cites, formatted (in the edition's language where a value
    holds words), keyed by the placeholders of ``text/<lang>/loans.yml``."""
    b = budgets_frame().set_index(["table_no", "year", "funding_form"])
    lv = leverage_frame()
    a = attainment_frame()
    a = a.set_index([a.table_no, a.indicator.map(_slug)])  # ("42", "industrial_firms_assisted")
    c = cost_frame().set_index("key")
    kp = kaleh_province_cost()
    ks = kaleh_sector_cost()
    ks_s = ks[ks.row_kind == "sector"]
    kp_p = planactual.province_rows(kp)
    kh = khz_loans()
    m = load("khz_minutes_figures")
    prose = load("kaleh_prose_figures").set_index("figure")
    t46 = lv[lv.table_no == "46"].iloc[0]
    t41_ratio = float(lv[(lv.table_no == "41") & (lv.year == 1400)].leverage_printed.iloc[0])  # bank : deposits, printed 2
    t44 = lv[(lv.table_no == "44") & (lv.year == 1400)].iloc[0]
    three = kh[kh.source_line == 254]
    bank_three = three[three.quantity.str.contains("banking network")]
    prog_three = three[three.quantity.str.startswith("all programme")]
    sector_name = ks_s.sector_en if language() == "en" else ks_s.sector_fa
    p_min, p_max = kp_p.cost_per_job.idxmin(), kp_p.cost_per_job.idxmax()
    s_min, s_max = ks_s.cost_per_job.idxmin(), ks_s.cost_per_job.idxmax()
    kaleh_loans_table = loans.to_rials(float(kp[kp.row_kind == "total"].bank_facilities.iloc[0]),
                                       _unit("kaleh_financing_by_province", "bank_facilities"))
    v = {
        "ln_ren_approved_1401": num(b.loc[("40", 1401, "cash"), "approved"]),
        "ln_ren_alloc_1401": pct(b.loc[("40", 1401, "cash"), "allocated_share"], 0),
        "ln_tc_alloc_1401": pct(b.loc[("43", 1401, "cash"), "allocated_share"], 0),
        "ln_bonds": num(b.loc[("43", 1400, "treasury_bonds"), "allocated"]),
        "ln_lev_min": num(lv.leverage.min(), 0), "ln_lev_max": num(lv.leverage.max(), 0),
        "ln_bank_ratio_common": num(lv.bank_per_deposit.mode().iloc[0], 0),
        "ln_lev_printed": num(lv.leverage_printed.dropna().iloc[0], 0),
        "ln_t46_lev": num(t46.leverage, 0), "ln_t46_bank": num(t46.bank_per_deposit, 0),
        "ln_t46_deposited": num(t46.deposited), "ln_t46_approved": num(t46.approved_budget),
        "ln_t46_share": pct(loans.attainment(t46.deposited, t46.approved_budget).value),
        "ln_ren_att": pct(a.loc[("42", "industrial_firms_assisted"), "attainment"]),
        "ln_ren_units": num(a.loc[("42", "industrial_firms_assisted"), "actual"]),
        "ln_ren_target": num(a.loc[("42", "industrial_firms_assisted"), "target"]),
        "ln_tc_proj_att": pct(a.loc[("45", "projects_assisted"), "attainment"]),
        "ln_tc_jobs": num(a.loc[("45", "employment"), "actual"]),
        "ln_tc_jobs_target": num(a.loc[("45", "employment"), "target"]),
        "ln_tc_jobs_att": pct(a.loc[("45", "employment"), "attainment"]),
        "ln_dairy_att": pct(a.loc[("48", "industrial_firms_assisted"), "attainment"]),
        "ln_dairy_units": num(a.loc[("48", "industrial_firms_assisted"), "actual"]),
        "ln_dairy_target": num(a.loc[("48", "industrial_firms_assisted"), "target"]),
        "ln_ren_cum_money": num(c.loc["renovation_cum", "money_m"]),
        "ln_ren_cum_jobs": num(c.loc["renovation_cum", "jobs"]),
        "ln_ren_cum_per_job": num(c.loc["renovation_cum", "m_rials_per_job"], 1),
        "ln_ren_cum_jobs_per_b": num(c.loc["renovation_cum", "jobs_per_billion"], 1),
        "ln_ren_cum_note": c.loc["renovation_cum", "money"],
        "ln_ren_1400_jobs": num(c.loc["renovation_1400", "jobs"]),
        "ln_ren_1400_approved": num(c.loc["renovation_1400", "money_m"]),
        "ln_ren_1400_deposited": num(c.loc["renovation_1400_dep", "money_m"]),
        "ln_ren_1400_per_job": num(c.loc["renovation_1400", "m_rials_per_job"], 1),
        "ln_ren_1400_dep_per_job": num(c.loc["renovation_1400_dep", "m_rials_per_job"], 1),
        "ln_ren_1400_fac_per_job": num(c.loc["renovation_1400_fac", "m_rials_per_job"], 1),
        "ln_ren_1400_appr_all_per_job": num(loans.rials_per_job(
            c.loc["renovation_1400", "money_m"] * (1 + t41_ratio), c.loc["renovation_1400", "jobs"],
            unit="million rials", out_unit="million rials").value, 1),
        "ln_ren_1400_ratio": num(t41_ratio, 0),
        "ln_t44_org_share": num(t44.contract_org_share), "ln_t44_deposited": num(t44.deposited),
        "ln_tc_per_job": num(c.loc["technical_public", "m_rials_per_job"], 1),
        "ln_dairy_jobs": num(c.loc["dairy", "jobs"]),
        "ln_dairy_per_job": num(c.loc["dairy", "m_rials_per_job"], 1),
        "ln_kaleh_per_job": num(c.loc["kaleh_total", "m_rials_per_job"], 1),
        "ln_kaleh_printed": num(prose.loc["cost_per_job", "value"]),
        "ln_kaleh_public_per_job": num(c.loc["kaleh_public", "m_rials_per_job"], 1),
        "ln_kaleh_1401": num(c.loc["kaleh_total", "m_rials_per_job_1401"], 0),
        "ln_khz_prop_per_job": num(c.loc["khz_proposal", "m_rials_per_job"], 1),
        "ln_kaleh_prov_min": _named_value(_place(kp_p.loc[p_min, "province"]), kp_p.cost_per_job.min()),
        "ln_kaleh_prov_max": _named_value(_place(kp_p.loc[p_max, "province"]), kp_p.cost_per_job.max()),
        "ln_kaleh_sec_min": _named_value(sector_name[s_min], ks_s.cost_per_job.min()),
        "ln_kaleh_sec_max": _named_value(sector_name[s_max], ks_s.cost_per_job.max()),
        "ln_kaleh_sec_sum_per_job": num(loans.rials_per_job(ks_s.money_total.sum(), ks_s.jobs.sum(),
                                                            unit=_unit("kaleh_financing_by_sector", "grants"),
                                                            out_unit="million rials").value, 1),
        "ln_kaleh_loans_prose": num(prose.loc["bank_facilities", "value"]),
        "ln_kaleh_loans_ratio": num(prose.loc["bank_facilities", "value_rials"] / kaleh_loans_table, 0),
        "ln_khz_n": plain(len(kh)),
        "ln_khz_n_flagged": plain(kh.flag.notna().sum()),
        "ln_khz_bank_three": num(bank_three.billion_rials.iloc[0]),
        "ln_khz_prog_three": num(prog_three.billion_rials.iloc[0]),
        "ln_khz_share_calc": pct(rates.share(prog_three.value.iloc[0], bank_three.value.iloc[0]), 2),
        "ln_khz_share_said": pct(m[(m.source_line == 254) & (m.category == "rate")].value.iloc[0], 2),
        "ln_khz_parts": num(three[three.quantity.str.startswith(("rural", "comprehensive"))].billion_rials.sum()),
        "ln_toman_rials": num(loans.convert(1, "tomans", "rials")),
        "ln_jalali_offset": plain(prices.JALALI_OFFSET),
    }
    # which years' money each cost-per-job figure mixes (PER_JOB_NOTES says which note goes with which)
    for key in c.index:
        v[f"ln_money_{key}"] = c.loc[key, "money"] + (f"{t('loans.list_sep')} {t('loans.planned')}"
                                                      if c.loc[key, "plan"] else "")
    v["ln_money_kaleh_1401"] = t("loans.note_prices", year=plain(PRICE_YEAR), first=plain(c.loc["kaleh_total", "years"]))

    # where each number a reader could check comes from (words, lists and the fixed conversions stay plain)
    def row(dataset: str, r) -> cite.Cite:
        return cite.source(dataset, r)

    def ratio(num_: str, den: str, dataset: str, r) -> cite.Cite:
        return cite.computed("row_ratio", num=num_, den=den, cite=row(dataset, r).long)

    def per_job(key: str) -> cite.Cite:
        return cite.computed("per_job_of", source=c.loc[key, "source"])

    def read(key: str) -> cite.Cite:
        return cite.computed("read_from", source=c.loc[key, "source"])

    bud, fac, ach = "loan_scheme_budgets", "loan_scheme_bank_facilities", "loan_scheme_achievements"
    t6, t8, khz = "kaleh_financing_by_province", "kaleh_financing_by_sector", "khz_minutes_figures"
    over_rows = {"n": len(lv), "dataset": fac}
    kaleh_total = row(t6, kp[kp.row_kind == "total"].iloc[0])
    cites = {
        "ln_ren_approved_1401": row(bud, b.loc[("40", 1401, "cash")]),
        "ln_ren_alloc_1401": ratio("allocated", "approved", bud, b.loc[("40", 1401, "cash")]),
        "ln_tc_alloc_1401": ratio("allocated", "approved", bud, b.loc[("43", 1401, "cash")]),
        "ln_bonds": row(bud, b.loc[("43", 1400, "treasury_bonds")]),
        "ln_lev_min": cite.computed("min_rows", what="facilities_total / deposited", **over_rows),
        "ln_lev_max": cite.computed("max_rows", what="facilities_total / deposited", **over_rows),
        "ln_bank_ratio_common": cite.computed("mode_rows", what="bank_resources / deposited", **over_rows),
        "ln_lev_printed": row(fac, lv[lv.leverage_printed.notna()].iloc[0]),
        "ln_t46_lev": ratio("facilities_total", "deposited", fac, t46),
        "ln_t46_bank": ratio("bank_resources", "deposited", fac, t46),
        "ln_t46_deposited": row(fac, t46), "ln_t46_approved": row(fac, t46),
        "ln_t46_share": ratio("deposited", "approved_budget", fac, t46),
        "ln_ren_1400_ratio": row(fac, lv[(lv.table_no == "41") & (lv.year == 1400)].iloc[0]),
        "ln_t44_org_share": row(fac, t44), "ln_t44_deposited": row(fac, t44),
        "ln_ren_cum_money": read("renovation_cum"), "ln_ren_cum_jobs": read("renovation_cum"),
        "ln_ren_cum_jobs_per_b": cite.computed("jobs_per_money_of", source=c.loc["renovation_cum", "source"]),
        "ln_ren_1400_jobs": read("renovation_1400"), "ln_ren_1400_approved": read("renovation_1400"),
        "ln_ren_1400_deposited": read("renovation_1400_dep"), "ln_dairy_jobs": read("dairy"),
        "ln_ren_1400_appr_all_per_job": cite.computed("per_job_with_bank", source=c.loc["renovation_1400", "source"]),
        "ln_kaleh_printed": row("kaleh_prose_figures", prose.loc["cost_per_job"]),
        "ln_kaleh_1401": cite.computed("per_job_prices", source=c.loc["kaleh_total", "source"], year=PRICE_YEAR),
        "ln_kaleh_prov_min": cite.computed("per_job_of", source=row(t6, kp_p.loc[p_min]).long),
        "ln_kaleh_prov_max": cite.computed("per_job_of", source=row(t6, kp_p.loc[p_max]).long),
        "ln_kaleh_sec_min": cite.computed("per_job_of", source=row(t8, ks_s.loc[s_min]).long),
        "ln_kaleh_sec_max": cite.computed("per_job_of", source=row(t8, ks_s.loc[s_max]).long),
        "ln_kaleh_sec_sum_per_job": cite.computed("per_job_sums", n=len(ks_s), dataset=t8),
        "ln_kaleh_loans_prose": row("kaleh_prose_figures", prose.loc["bank_facilities"]),
        "ln_kaleh_loans_ratio": cite.computed("ratio_of_cites", num=row("kaleh_prose_figures",
                                                                         prose.loc["bank_facilities"]).short,
                                              den=kaleh_total.short),
        "ln_khz_n": cite.computed("count_loan_rows", n=len(kh), dataset=khz),
        "ln_khz_n_flagged": cite.computed("count_loan_flagged", n=len(kh), dataset=khz),
        "ln_khz_bank_three": row(khz, bank_three.iloc[0]), "ln_khz_prog_three": row(khz, prog_three.iloc[0]),
        "ln_khz_share_calc": cite.computed("ratio_of_figures", num=data_text(prog_three.quantity.iloc[0]),
                                           den=data_text(bank_three.quantity.iloc[0]), cite=row(khz, prog_three.iloc[0]).long),
        "ln_khz_share_said": row(khz, m[(m.source_line == 254) & (m.category == "rate")].iloc[0]),
        "ln_khz_parts": cite.computed("sum_of_figures", what=t("provenance.join_sep").join(
            [data_text(q) for q in three[three.quantity.str.startswith(("rural", "comprehensive"))].quantity]),
            cite=row(khz, three.iloc[0]).long),
    }
    for scheme, key in (("42", "ren"), ("45", "tc"), ("48", "dairy")):
        ind = "projects_assisted" if scheme == "45" else "industrial_firms_assisted"
        att = a.loc[(scheme, ind)]
        cites[f"ln_{key}_att" if scheme != "45" else "ln_tc_proj_att"] = ratio("actual", "target", ach, att)
        if scheme != "45":
            cites[f"ln_{key}_units"] = cites[f"ln_{key}_target"] = row(ach, att)
    jobs = a.loc[("45", "employment")]
    cites.update({"ln_tc_jobs": row(ach, jobs), "ln_tc_jobs_target": row(ach, jobs),
                  "ln_tc_jobs_att": ratio("actual", "target", ach, jobs)})
    for k in PER_JOB_NOTES:
        if k not in cites:
            cost_key = {"ln_ren_cum_per_job": "renovation_cum"}.get(k) or PER_JOB_NOTES[k][len("ln_money_"):]
            cites[k] = per_job(cost_key)
    for k, c_ in cites.items():
        v[k] = Traced(v[k], c_)
    return v


#: Every money-per-job figure the chapter's prose cites -> the placeholder of the note saying which
#: years' money it mixes; the note stands in the same sentence (tests/report/test_loans.py).
PER_JOB_NOTES = {
    "ln_ren_cum_per_job": "ln_ren_cum_note",
    "ln_ren_1400_per_job": "ln_money_renovation_1400",
    "ln_ren_1400_dep_per_job": "ln_money_renovation_1400_dep",
    "ln_ren_1400_fac_per_job": "ln_money_renovation_1400_fac",
    "ln_ren_1400_appr_all_per_job": "ln_money_renovation_1400",
    "ln_tc_per_job": "ln_money_technical_public",
    "ln_dairy_per_job": "ln_money_dairy",
    "ln_kaleh_per_job": "ln_money_kaleh_total",
    "ln_kaleh_printed": "ln_money_kaleh_total",
    "ln_kaleh_public_per_job": "ln_money_kaleh_public",
    "ln_kaleh_1401": "ln_money_kaleh_1401",
    "ln_khz_prop_per_job": "ln_money_khz_proposal",
    "ln_kaleh_prov_min": "ln_money_kaleh_total",
    "ln_kaleh_prov_max": "ln_money_kaleh_total",
    "ln_kaleh_sec_min": "ln_money_kaleh_total",
    "ln_kaleh_sec_max": "ln_money_kaleh_total",
    "ln_kaleh_sec_sum_per_job": "ln_money_kaleh_total",
}
