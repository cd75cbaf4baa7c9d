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

import pandas as pd

from analysis.core.text import bi, en, pair
from analysis.metrics import loans, prices
from analysis.report import figures
from analysis.report.display import Table, num, pct
from analysis.sources.datasets import load

SCHEME_EN = {
    "renovation": "Renovation and restructuring · نوسازی و تجدید ساختار",
    "technical_credit_public": "Technical and credit assistance, public resources · کمک‌های فنی و اعتباری (منابع عمومی)",
    "technical_credit_internal": "Technical and credit assistance, internal resources · کمک‌های فنی و اعتباری (منابع داخلی)",
    "dairy": "Dairy industries · صنایع لبنی",
}
FORM_EN = {"cash": "cash", "treasury_bonds": "treasury bonds (maturing 1403)"}


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
        bi("ln_scheme"): [SCHEME_EN[s] for s in b.scheme], bi("ln_year"): [str(y) for y in b.year],
        bi("ln_form"): [FORM_EN[f] for f in b.funding_form],
        bi("ln_approved"): [num(v) for v in b.approved], bi("ln_allocated"): [num(v) for v in b.allocated],
        bi("ln_alloc_share"): [pct(v, 0) for v in b.allocated_share],
        bi("cl_printed_pct"): [f"{v:g} %" for v in b.allocated_pct_printed],
        bi("ln_deposited"): [num(v) for v in b.deposited],
    })
    return Table(out, caption=f"{en('ln_budgets_title')} (million rials, nominal rials of each year). "
                              "Source: 002, Tables 40 and 43 (lines 3497–3667).")


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
        bi("ln_scheme"): [SCHEME_EN[s] for s in f.scheme], bi("ln_year"): [str(y) for y in f.year],
        bi("ln_deposited"): [num(v) for v in f.deposited],
        bi("ln_bank_resources"): [num(v) for v in f.bank_resources],
        bi("ln_facilities"): [num(v) for v in f.facilities_total],
        bi("ln_leverage"): [num(v, 2) for v in f.leverage],
        bi("ln_bank_ratio"): [num(v, 2) for v in f.bank_per_deposit],
        bi("ln_leverage_printed"): [num(v, 0) for v in f.leverage_printed],
        bi("ln_contracts"): [num(v) for v in f.contract_total],
    })
    return Table(out, caption=f"{en('ln_leverage_title')} (million rials; each row in nominal rials of its "
                              "year). Source: 002, Tables 41, 44, 46, 47 (lines 3533–3896).")


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
        bi("ln_scheme"): [SCHEME_EN[s] for s in a.scheme], bi("ln_period"): list(a.period),
        bi("indicator"): [pair(e, f) for e, f in zip(a.indicator, a.indicator_fa)],
        bi("ln_target"): [num(v) for v in a.target], bi("actual"): [num(v) for v in a.actual],
        bi("ratio"): [pct(v) for v in a.attainment],
        bi("cl_printed_pct"): [f"{v:g} %" for v in a.pct_printed],
    })
    return Table(out, caption=f"{en('ln_attain_title')}. Source: 002, Tables 42, 45, 48 (lines 3600–3921).")


# --------------------------------------------------------------------------- cost per job
def cost_frame() -> pd.DataFrame:
    """Money per job and jobs per billion rials, one row per scheme and money basis.

    Each row states its basis (which money), its years (``note``, from
    :func:`analysis.metrics.loans.money_note`) and whether it is a ``lower bound`` (jobs
    accumulated over more years than the money counted). Single-year rows are also
    given in 1401 prices (World Bank CPI, Jalali ``Y`` -> Gregorian ``Y + 621``).

    Examples
    --------
    >>> c = cost_frame().set_index("key")
    >>> round(float(c.loc["renovation_cum", "m_rials_per_job"]), 2)  # 743 286 million rials / 25 668 jobs
    28.96
    >>> round(float(c.loc["kaleh_total", "m_rials_per_job"]), 1)  # 004 line 194: 551
    551.1
    """
    rows = []

    def add(key, scheme, basis, money_m, jobs, years, lower_bound, source, plan=False):
        r = loans.rials_per_job(money_m, jobs, unit="million rials", out_unit="million rials", years=years)
        j = loans.jobs_per_billion_rials(jobs, money_m, unit="million rials", years=years)
        rows.append({"key": key, "scheme": scheme, "basis": basis, "money_m": float(money_m), "jobs": float(jobs),
                     "m_rials_per_job": r.value, "jobs_per_billion": j.value, "note": r.note,
                     "years": years, "lower_bound": lower_bound, "plan": plan, "source": source})

    dep = _prose("renovation", "funds deposited")
    jobs = _prose("renovation", "jobs created")
    add("renovation_cum", "Renovation and restructuring, 1390–1401", "organisation funds deposited",
        dep.value, jobs.value, range(1390, 1402), False, f"002 lines {dep.source_line}, {jobs.source_line}")
    f = leverage_frame().set_index(["table_no", "year"])
    t41 = f.loc[("41", 1400)]
    add("renovation_1400", "Renovation and restructuring, 1400 (Table 41)", "organisation funds deposited",
        t41.deposited, t41.jobs, 1400, False, "002 Table 41, line 3566")
    add("renovation_1400_fac", "Renovation and restructuring, 1400 (Table 41)", "total facilities (deposits + bank)",
        t41.facilities_total, t41.jobs, 1400, False, "002 Table 41, line 3566")
    t44 = f.loc[("44", 1400)]
    tj = _prose("technical_credit_public", "jobs created")
    add("technical_public", "Technical and credit assistance (public), start–1401", "organisation funds deposited, 1400 only",
        t44.deposited, tj.value, 1400, True, f"002 Table 44 line 3736; jobs line {tj.source_line}")
    t47 = f.loc[("47", 1400)]
    dj = _prose("dairy", "jobs created")
    add("dairy", "Dairy industries, 1392–1401", "organisation funds deposited, 1400 only",
        t47.deposited, dj.value, 1400, True, f"002 Table 47 line 3891; jobs line {dj.source_line}")
    k = load("kaleh_financing_by_province")
    kt = k[k.row_kind == "total"].iloc[0]
    add("kaleh_public", "KALEH plan, 4 provinces (1398)", "public budget (grants + interest subsidy)",
        (kt.grants + kt.interest_subsidy) * 1e3, kt.jobs, 1398, False, "004 Table 6, line 208", plan=True)
    add("kaleh_total", "KALEH plan, 4 provinces (1398)", "total finance (grants + loans + subsidy)",
        kt.total_money * 1e3, kt.jobs, 1398, False, "004 Table 6, line 208", plan=True)
    m = load("khz_minutes_figures")
    cap = m[(m.source_line == 139) & (m.category == "money")].iloc[0]
    emp = m[(m.source_line == 141) & (m.category == "employment")].iloc[0]
    add("khz_proposal", "Khuzestan: proposed rural household plan, Dezful (1399)", "capital required",
        cap.value_rials / 1e6, emp.value, 1399, False, "003 lines 139, 141", plan=True)
    out = pd.DataFrame(rows)
    # 1401 prices for single-year rows only; mixed years cannot be deflated without the yearly split
    inf = prices.load_inflation()[prices.SERIES["cpi"]]
    base = prices.jalali_to_gregorian_year(1401)
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
    out = pd.DataFrame({
        bi("ln_scheme"): list(c.scheme), bi("ln_basis"): list(c.basis),
        bi("ln_money_b"): [num(v / 1e3, 1) for v in c.money_m], bi("ln_jobs"): [num(v) for v in c.jobs],
        bi("ln_per_job"): [num(v, 1) + (" (lower bound)" if lb else "") for v, lb in zip(c.m_rials_per_job, c.lower_bound)],
        bi("ln_jobs_per_b"): [num(v, 1) for v in c.jobs_per_billion],
        bi("ln_money_note"): [n + ("; planned/proposed, not spent" if p else "") for n, p in zip(c.note, c.plan)],
        bi("ln_per_job_1401"): [num(v, 1) for v in c.m_rials_per_job_1401],
        bi("source"): list(c.source),
    })
    return Table(out, caption=(f"{en('ln_cost_title')}. Money per job in million rials; nominal unless in the "
                               "1401-prices column (World Bank CPI; " + prices.APPROXIMATION + ") Mixed-year "
                               "sums cannot be deflated without their yearly split (not printed)."))


def cost_figure():
    """Million rials per job across schemes (log scale), coloured by money basis."""
    figures.setup()
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    c = cost_frame().iloc[::-1].reset_index(drop=True)
    colours = [figures.PALETTE["plan"] if ("total" in b or "capital" in b) else figures.PALETTE["actual"]
               for b in c.basis]
    labels = [f"{s}\n{b}" for s, b in zip(c.scheme, c.basis)]
    fig, ax = plt.subplots(figsize=(7.5, 5.6))
    ax.barh(range(len(c)), c.m_rials_per_job, color=colours,
            hatch=["//" if lb else "" for lb in c.lower_bound], edgecolor="white")
    for i, (v, lb, n) in enumerate(zip(c.m_rials_per_job, c.lower_bound, c.note)):
        ax.text(v * 1.08, i, f"{'≥ ' if lb else ''}{num(v, 1)}  ({n})", va="center", fontsize=7)
    ax.set_xscale("log")
    from matplotlib.ticker import FuncFormatter
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: num(x, 0)))
    ax.set_xlim(right=c.m_rials_per_job.max() * 60)
    ax.set_yticks(range(len(c)), labels)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel("Million rials per job, nominal (log scale) · میلیون ریال به ازای هر شغل")
    ax.set_title("Money per job across schemes (nominal, different years)\nهزینه هر شغل در طرح‌ها")
    ax.legend(handles=[Patch(color=figures.PALETTE["actual"], label="public money only · منابع عمومی"),
                       Patch(color=figures.PALETTE["plan"], label="all finance · کل منابع"),
                       Patch(facecolor="white", edgecolor="grey", hatch="//", label="lower bound · حد پایین")],
              loc="upper center", bbox_to_anchor=(0.2, -0.13), ncol=3, frameon=False, fontsize=8)
    fig.tight_layout()
    plt.close(fig)
    return fig


# --------------------------------------------------------------------------- KALEH
def kaleh_province_cost() -> pd.DataFrame:
    """004 Table 6 with money per job (:func:`analysis.metrics.loans.kaleh_cost_per_job`), million rials."""
    return loans.kaleh_cost_per_job(load("kaleh_financing_by_province"),
                                    ["grants", "bank_facilities", "interest_subsidy"], "jobs")


def kaleh_sector_cost() -> pd.DataFrame:
    """004 Table 8 with money per job, million rials."""
    return loans.kaleh_cost_per_job(load("kaleh_financing_by_sector"),
                                    ["grants", "bank_facilities", "interest_subsidy"], "jobs")


def _kaleh_table(df: pd.DataFrame, labels: list[str], first: str, caption: str) -> Table:
    out = pd.DataFrame({
        bi(first): labels, bi("ln_jobs"): [num(v) for v in df.jobs],
        bi("ln_grants"): [num(v) for v in df.grants], bi("ln_bank_loans"): [num(v) for v in df.bank_facilities],
        bi("ln_subsidy"): [num(v) for v in df.interest_subsidy], bi("ln_money_total"): [num(v) for v in df.money_total],
        bi("ln_per_job"): [num(v, 1) for v in df.cost_per_job],
    })
    return Table(out, caption=caption, highlight=len(out) - 1)


def kaleh_province_table() -> Table:
    from analysis.core.provinces import get
    d = kaleh_province_cost()
    labels = [pair(get(p).key, get(p).fa) if k == "province" else f"Total, 4 provinces · {l}"
              for k, p, l in zip(d.row_kind, d.province, d.label_fa)]
    return _kaleh_table(d, labels, "province", f"{en('ln_kaleh_prov_title')} (money in billion rials of 1398, "
                                               "nominal; money per job in million rials). Source: 004, Table 6 "
                                               "(lines 199–208).")


def kaleh_sector_table() -> Table:
    d = kaleh_sector_cost()
    labels = [pair(e, f) for e, f in zip(d.sector_en, d.sector_fa)]
    return _kaleh_table(d, labels, "ln_sector", f"{en('ln_kaleh_sector_title')} (money in billion rials, "
                                                "1398 nominal; million rials per job). The sector rows add up to "
                                                "the printed total only within a few billion rials (see the "
                                                "audit). Source: 004, Table 8 (lines 231–245).")


# --------------------------------------------------------------------------- Khuzestan council
def khz_loans() -> pd.DataFrame:
    """Loan figures stated at the Khuzestan coordination council (003), money in billion rials."""
    m = load("khz_minutes_figures")
    loan = m[(m.category == "loan") & m.value_rials.notna()].copy()
    loan["billion_rials"] = loan.value_rials.astype(float) / 1e9
    return loan


def khz_table() -> Table:
    k = khz_loans()
    out = pd.DataFrame({
        bi("ln_speaker"): list(k.organisation_en), bi("ln_scope"): list(k.scope),
        bi("ln_what"): list(k.quantity),
        bi("ln_as_said"): [f"{q} {num(v, 1 if v % 1 else 0)} {u}".replace("exact ", "")
                           for q, v, u in zip(k.qualifier, k.value, k.unit)],
        bi("ln_billion_rials"): [num(v, 1) if v < 10 else num(v) for v in k.billion_rials],
        bi("ln_line"): [str(s) + (" *" if pd.notna(f) else "") for s, f in zip(k.source_line, k.flag)],
    })
    return Table(out, caption=f"{en('ln_khz_title')}. 1 toman = 10 rials; * = number printed in words. "
                              "Nominal rials of 1399 and earlier years. Source: 003.")


# --------------------------------------------------------------------------- glue values
def values() -> dict[str, str]:
    b = budgets_frame().set_index(["table_no", "year", "funding_form"])
    lv = leverage_frame()
    a = attainment_frame().set_index(["table_no", "indicator"])
    c = cost_frame().set_index("key")
    kp = kaleh_province_cost()
    ks = kaleh_sector_cost()
    ks_s = ks[ks.row_kind == "sector"]
    kp_p = kp[kp.row_kind == "province"]
    kh = khz_loans()
    m = load("khz_minutes_figures")
    prose = load("kaleh_prose_figures").set_index("figure")
    t46 = lv[lv.table_no == "46"].iloc[0]
    three = kh[kh.source_line == 254]
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
        "ln_t46_share": pct(t46.deposited / t46.approved_budget),
        "ln_ren_att": pct(a.loc[("42", "industrial firms assisted"), "attainment"]),
        "ln_ren_units": num(a.loc[("42", "industrial firms assisted"), "actual"]),
        "ln_ren_target": num(a.loc[("42", "industrial firms assisted"), "target"]),
        "ln_tc_proj_att": pct(a.loc[("45", "projects assisted"), "attainment"]),
        "ln_tc_jobs": num(a.loc[("45", "employment"), "actual"]),
        "ln_tc_jobs_target": num(a.loc[("45", "employment"), "target"]),
        "ln_tc_jobs_att": pct(a.loc[("45", "employment"), "attainment"]),
        "ln_dairy_att": pct(a.loc[("48", "industrial firms assisted"), "attainment"]),
        "ln_dairy_units": num(a.loc[("48", "industrial firms assisted"), "actual"]),
        "ln_dairy_target": num(a.loc[("48", "industrial firms assisted"), "target"]),
        "ln_ren_cum_money": num(c.loc["renovation_cum", "money_m"]),
        "ln_ren_cum_jobs": num(c.loc["renovation_cum", "jobs"]),
        "ln_ren_cum_per_job": num(c.loc["renovation_cum", "m_rials_per_job"], 1),
        "ln_ren_cum_jobs_per_b": num(c.loc["renovation_cum", "jobs_per_billion"], 1),
        "ln_ren_cum_note": c.loc["renovation_cum", "note"],
        "ln_ren_1400_jobs": num(c.loc["renovation_1400", "jobs"]),
        "ln_ren_1400_per_job": num(c.loc["renovation_1400", "m_rials_per_job"], 1),
        "ln_ren_1400_fac_per_job": num(c.loc["renovation_1400_fac", "m_rials_per_job"], 1),
        "ln_tc_per_job": num(c.loc["technical_public", "m_rials_per_job"], 1),
        "ln_dairy_jobs": num(c.loc["dairy", "jobs"]),
        "ln_dairy_per_job": num(c.loc["dairy", "m_rials_per_job"], 1),
        "ln_kaleh_per_job": num(c.loc["kaleh_total", "m_rials_per_job"], 1),
        "ln_kaleh_printed": num(prose.loc["cost_per_job", "value"]),
        "ln_kaleh_public_per_job": num(c.loc["kaleh_public", "m_rials_per_job"], 1),
        "ln_kaleh_1401": num(c.loc["kaleh_total", "m_rials_per_job_1401"], 0),
        "ln_khz_prop_per_job": num(c.loc["khz_proposal", "m_rials_per_job"], 1),
        "ln_kaleh_prov_min": f"{kp_p.loc[kp_p.cost_per_job.idxmin(), 'province']} "
                             f"({num(kp_p.cost_per_job.min(), 1)})",
        "ln_kaleh_prov_max": f"{kp_p.loc[kp_p.cost_per_job.idxmax(), 'province']} "
                             f"({num(kp_p.cost_per_job.max(), 1)})",
        "ln_kaleh_sec_min": f"{ks_s.loc[ks_s.cost_per_job.idxmin(), 'sector_en']} "
                            f"({num(ks_s.cost_per_job.min(), 1)})",
        "ln_kaleh_sec_max": f"{ks_s.loc[ks_s.cost_per_job.idxmax(), 'sector_en']} "
                            f"({num(ks_s.cost_per_job.max(), 1)})",
        "ln_kaleh_sec_sum_per_job": num(ks_s.money_total.sum() * 1e3 / ks_s.jobs.sum(), 1),
        "ln_kaleh_loans_prose": num(prose.loc["bank_facilities", "value"]),
        "ln_kaleh_loans_ratio": num(prose.loc["bank_facilities", "value_rials"]
                                    / (float(kp[kp.row_kind == "total"].bank_facilities.iloc[0]) * 1e9), 0),
        "ln_khz_n": str(len(kh)),
        "ln_khz_n_flagged": str(int(kh.flag.notna().sum())),
        "ln_khz_bank_three": num(three[three.quantity.str.startswith("loans of the province")].billion_rials.iloc[0]),
        "ln_khz_prog_three": num(three[three.quantity.str.startswith("all programme")].billion_rials.iloc[0]),
        "ln_khz_share_calc": pct(three[three.quantity.str.startswith("all programme")].value.iloc[0]
                                 / three[three.quantity.str.startswith("loans of the province")].value.iloc[0], 2),
        "ln_khz_share_said": pct(m[(m.source_line == 254) & (m.category == "rate")].value.iloc[0], 2),
        "ln_khz_parts": num(three[three.quantity.str.startswith(("rural", "comprehensive"))].billion_rials.sum()),
    }
    return v
