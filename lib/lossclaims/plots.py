"""Figures for the notebooks, drawn from the frames of `analysis` and `spread`.

Every figure has a title, labelled axes with units and a footnote naming the source of
its figures; each party keeps one colour (`PARTY_COLOURS`) in every chart, and each
source family one colour (`SOURCE_COLOURS`). `save_figure` writes PNG and SVG that are
byte-for-byte reproducible, so re-rendering the reports does not churn the files.

>>> from lossclaims.schema import frame
>>> from lossclaims.analysis import party_losses
>>> c = frame("claims", [("001_a", "russia", "personnel", "casualties", 1020010, "exact", "cumulative",
...                       "ukraine_official", "", 0, 1, "")])
>>> fig = plot_losses(party_losses(c))
>>> fig.axes[0].get_title()
'Reported personnel losses by measure and source (cumulative)'
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from typing import Any
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import vocabulary as vocab
from .analysis import SOURCE_NAMES
from .spread import QUANTITY, outlier_mask, article_labels, common_interval, format_value

PARTY_COLOURS: dict[str, str] = {
    "russia": "#c0392b",
    "ukraine": "#1f5fbf",
    "north_korea": "#7d3c98",
    "both": "#5d6d7e",
}
"""The one colour of each party in every figure (other parties: see `party_colour`)."""

SOURCE_COLOURS: dict[str, str] = {
    "ukraine_official": "#1f77b4",
    "russia_official": "#d62728",
    "us_official": "#2ca02c",
    "uk_official": "#17becf",
    "other_official": "#8c564b",
    "un": "#9467bd",
    "isw": "#ff7f0e",
    "csis": "#e377c2",
    "independent": "#bcbd22",
    "unattributed": "#7f7f7f",
}
"""The one colour of each source family in every figure."""

_EXTRA_COLOURS = ("#117a65", "#b9770e", "#6c3483", "#a04000", "#1a5276", "#7b7d7d")

DEFAULT_FIGURES_DIR = Path(__file__).resolve().parents[2] / "reports" / "figures"
"""Where `save_figure` writes when no directory is given: `reports/figures/` of the project."""

SOURCE_NOTE = "Source: loss figures as reported in the news articles read by lossclaims"


def party_colour(party: str) -> str:
    """The fixed colour of a party; a party outside `PARTY_COLOURS` gets one derived from its name.

    >>> party_colour("russia"), party_colour("belarus") == party_colour("belarus")
    ('#c0392b', True)
    """
    return PARTY_COLOURS.get(party) or _EXTRA_COLOURS[zlib.crc32(party.encode()) % len(_EXTRA_COLOURS)]


def source_colour(source: str) -> str:
    """The fixed colour of a source family (grey for an unknown one)."""
    return SOURCE_COLOURS.get(source, "#7f7f7f")


def save_figure(fig: Figure, name: str, out_dir: str | Path | None = None) -> dict[str, Path]:
    """Write `fig` as `<name>.png` and `<name>.svg` under `out_dir` (default `reports/figures/`); return both paths.

    The SVG carries no date and fixed element ids, the PNG no software stamp, so the
    same figure always gives the same bytes.
    """
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_")
    if not stem:
        raise ValueError(f"Figure name {name!r} has no usable characters.")
    out = Path(out_dir) if out_dir is not None else DEFAULT_FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    paths = {"png": out / f"{stem}.png", "svg": out / f"{stem}.svg"}
    with mpl.rc_context({"svg.hashsalt": "lossclaims", "svg.fonttype": "path"}):
        fig.savefig(paths["png"], format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})
        fig.savefig(paths["svg"], format="svg", bbox_inches="tight", metadata={"Date": None})
    return paths


def _footnote(fig: Figure, text: str) -> None:
    fig.text(0.01, 0.005, text, ha="left", va="bottom", fontsize=7.5, color="#444444", wrap=True)


def _empty_figure(title: str, xlabel: str, ylabel: str) -> Figure:
    fig, ax = plt.subplots(figsize=(7, 2.5))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.text(0.5, 0.5, "no claims to show", ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    _footnote(fig, SOURCE_NOTE)
    return fig


def _unit(category: str) -> str:
    return "people" if category in vocab.PEOPLE_CATEGORIES else "items"


# --- Russia vs Ukraine -------------------------------------------------------------------

def plot_losses(losses: pd.DataFrame, title: str | None = None) -> Figure:
    """Side-by-side bars of reported losses per measure and source, one colour per party (input: `party_losses`).

    A bar is the median claim of its row, the black line runs from the lowest to the
    highest claim; the tick label names the measure and who made the claim.
    """
    cats = sorted(set(losses["category"])) if len(losses) else ["personnel"]
    periods = ", ".join(p for p in vocab.PERIODS if p in set(losses.get("period", [])))
    title = title or f"Reported {' and '.join(cats)} losses by measure and source" + (f" ({periods})" if periods else "")
    xlabel = f"{_unit(cats[0])} (bar: median claim of the latest day shown; line: lowest to highest claim)"
    if losses.empty:
        return _empty_figure(title, xlabel, "measure — source")
    parties = list(dict.fromkeys(losses["party"]))
    rows = list(dict.fromkeys(zip(losses["measure"], losses["source"])))
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(rows) * max(1, len(parties) / 1.6) + 1.8))
    height = 0.8 / len(parties)
    top = max(float(losses["max"].max()), 1.0)
    for j, party in enumerate(parties):
        sub = losses[losses["party"] == party].set_index(["measure", "source"])
        for i, key in enumerate(rows):
            if key not in sub.index:
                continue
            r = sub.loc[key]
            y = i - 0.4 + height * (j + 0.5)
            ax.barh(y, r["median"], height=height * 0.9, color=party_colour(party),
                    label=party if i == next(k for k, kk in enumerate(rows) if kk in sub.index) else None)
            if r["max"] > r["min"]:
                ax.plot([r["min"], r["max"]], [y, y], color="black", lw=1.2)
            day = r.get("as_of", "")
            day = f"  ({day})" if isinstance(day, str) and day else ""
            ax.text(r["max"] + top * 0.01, y, format_value(r["median"]) + day, va="center", fontsize=7.5)
    ax.set_yticks(range(len(rows)), [f"{m} — {SOURCE_NAMES.get(s, s)}" for m, s in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.32)
    ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: format_value(v)))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("measure — who made the claim")
    ax.legend(title="losses of", loc="lower right", fontsize=8)
    _footnote(fig, SOURCE_NOTE + "; a row compares parties only where both have a claim from the same source; "
              "the day at a bar's end is the day its figures describe.")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


# --- equipment ---------------------------------------------------------------------------

def plot_equipment(totals: pd.DataFrame, party: str = "russia", title: str | None = None) -> Figure:
    """Equipment losses per category, one panel per (period, source), parents stacked from their children (input: `equipment_totals`).

    A plain bar is the median claim of a category; a parent that rolls up finer
    categories is drawn as its own figure (solid) plus each child's (hatched).
    """
    title = title or f"Reported {party} equipment losses by category, finer categories rolled up"
    xlabel = "items lost (median of reported figures)"
    t = totals[totals["party"] == party] if len(totals) else totals
    if t.empty:
        return _empty_figure(title, xlabel, "category")
    groups = list(t.groupby(["period", "source"], sort=False))
    tax = vocab.taxonomy()
    heights = [len({tax[c] or c for c in g["category"]}) for _, g in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(9, 0.38 * sum(heights) + 1.4 * len(groups) + 0.6),
                             gridspec_kw={"height_ratios": heights}, squeeze=False)
    colour = party_colour(party)
    for ax, ((period, source), g) in zip(axes[:, 0], groups):
        own = g[g["level"] == "own"].set_index("category")["median"]
        rolled = set(g.loc[g["level"] == "rollup", "category"])
        # a child whose parent is rolled up is drawn inside the parent's bar, not on its own
        tops = [c for c in vocab.categories()
                if (c in own.index or c in rolled) and not (tax.get(c) and tax[c] in rolled)]
        labels, ymax = [], float(g["max"].max())
        for i, cat in enumerate(tops):
            left = 0.0
            parts = [cat] + ([k for k, p in tax.items() if p == cat] if cat in rolled else [])
            for k in parts:
                if k not in own.index:
                    continue
                child = k != cat
                ax.barh(i, own[k], left=left, color=colour, alpha=0.55 if child else 1.0,
                        hatch="//" if child else None, edgecolor="white")
                left += own[k]
            ax.text(left + ymax * 0.01, i, format_value(left), va="center", fontsize=7.5)
            labels.append(cat + (" (+ " + ", ".join(p for p in parts[1:] if p in own.index) + ")" if len(parts) > 1 else ""))
        ax.set_yticks(range(len(tops)), labels)
        ax.invert_yaxis()
        ax.set_xlim(0, max(ymax, 1.0) * 1.15)
        ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: format_value(v)))
        ax.set_title(f"{SOURCE_NAMES.get(source, source)} — {period}", fontsize=10, loc="left")
        ax.set_xlabel(xlabel)
        ax.set_ylabel("category")
    fig.suptitle(title)
    handles = [Patch(color=colour, label="own figure"), Patch(facecolor=colour, alpha=0.55, hatch="//",
                                                              edgecolor="white", label="finer category rolled up")]
    axes[0, 0].legend(handles=handles, loc="best", fontsize=8)
    _footnote(fig, SOURCE_NOTE + "; panels keep sources and periods apart (a window is not a running total).")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def plot_coverage(coverage: pd.DataFrame, title: str | None = None) -> Figure:
    """Dot matrix of which article reports which equipment category, one panel per party (input: `equipment_coverage`)."""
    title = title or "Which article reports which equipment category"
    if coverage.empty:
        return _empty_figure(title, "equipment category", "article")
    parties = list(dict.fromkeys(coverage["party"]))
    cats = list(dict.fromkeys(coverage["category"]))
    arts = sorted(set(coverage["article"]))
    labels = article_labels(arts)
    fig, axes = plt.subplots(len(parties), 1, figsize=(max(6, 0.5 * len(cats) + 2), (0.35 * len(arts) + 1.6) * len(parties) + 0.8),
                             squeeze=False)
    for ax, party in zip(axes[:, 0], parties):
        c = coverage[coverage["party"] == party]
        x = c["category"].map({k: i for i, k in enumerate(cats)})
        y = c["article"].map({a: i for i, a in enumerate(arts)})
        rep = c["reported"].astype(bool).to_numpy()
        ax.scatter(x[~rep], y[~rep], s=8, color="#cccccc", label="not reported")
        ax.scatter(x[rep], y[rep], s=70, color=party_colour(party), label="reported")
        ax.set_xticks(range(len(cats)), cats, rotation=45, ha="right")
        ax.set_yticks(range(len(arts)), [labels[a] for a in arts])
        ax.set_xlim(-0.6, len(cats) - 0.4)
        ax.set_ylim(len(arts) - 0.5, -0.5)
        ax.set_title(f"{party} losses", fontsize=10, loc="left", color=party_colour(party))
        ax.set_xlabel("equipment category")
        ax.set_ylabel("article")
        ax.grid(True, color="#eeeeee", zorder=0)
        ax.set_axisbelow(True)
    axes[0, 0].legend(loc="upper left", fontsize=8, bbox_to_anchor=(1.01, 1))
    fig.suptitle(title)
    _footnote(fig, SOURCE_NOTE + "; any period and source counts as reported.")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


# --- claim spread ------------------------------------------------------------------------

def _top_legend(fig: Figure, title: str, handles: list, ncols: int = 4) -> None:
    """A figure title at the top left and a legend in its own band below it, above every axis."""
    h = fig.get_figheight()
    rows = -(-len(handles) // ncols)
    fig.suptitle(title, x=0.01, y=1 - 0.1 / h, ha="left", va="top")
    band = 0.5 + 0.24 * rows
    fig.tight_layout(rect=(0, 0.35 / h, 1, 1 - band / h))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.01, 1 - 0.42 / h),
               fontsize=8, ncols=min(ncols, len(handles)), frameon=False)


def spread_quantities(intervals: pd.DataFrame, min_claims: int = 2) -> list[tuple]:
    """The quantities (party, category, measure, period) with a time group of at least `min_claims` comparable claims.

    >>> iv = pd.DataFrame({"party": "russia", "category": "tanks", "measure": "lost", "period": "cumulative",
    ...                    "group": [0, 0, 1], "comparable": True})
    >>> spread_quantities(iv), spread_quantities(iv, 3)
    ([('russia', 'tanks', 'lost', 'cumulative')], [])
    """
    if intervals.empty:
        return []
    sizes = intervals[intervals["comparable"].astype(bool)].groupby(QUANTITY + ["group"]).size()
    return sorted({k[:4] for k, n in sizes.items() if n >= min_claims})


def plot_spread(
    intervals: pd.DataFrame,
    quantities: Iterable[Sequence[str]] | None = None,
    title: str | None = None,
    max_quantities: int = 16,
) -> Figure:
    """Every claim as the interval it admits, one axis per quantity, claims of one time together, coloured by source (input: `claim_intervals`).

    `quantities` are (party, category, measure, period) tuples; by default those with at least
    two claims of one time (`spread_quantities`), at most `max_quantities`. Within an axis the
    claims of one time (see `lossclaims.timeline.time_groups`) sit together between thin lines,
    with their days and verdict at the right; only claims of one time are compared, so claims
    alone on their day are left to the table. The grey band is the range all claims of a time
    admit (none: they disagree); an arrow marks an open upper end ("over 22,000"); a black bar
    marks the General Staff's figure of the claim's day; tick labels mark outliers.
    """
    title = title or "Each claim as the interval its qualifier admits, per quantity and day"
    xlabel = "reported figure"
    if intervals.empty:
        return _empty_figure(title, xlabel, "claim")
    groups = {k: g for k, g in intervals.groupby(QUANTITY, sort=True)}
    if quantities is None:
        keys = spread_quantities(intervals)
        if len(keys) > max_quantities:  # the quantities with most claims, still in reading order
            keys = sorted(sorted(keys, key=lambda k: -len(groups[k]))[:max_quantities])
    else:
        keys = [tuple(q) for q in quantities]
        unknown = [k for k in keys if k not in groups]
        if unknown:
            raise ValueError(f"No claims for quantity {unknown[0]!r}: pick (party, category, measure, period) from the frame.")
    if not keys:
        return _empty_figure(title, xlabel, "claim")
    shown = {k: _shown_claims(groups[k], quantities is not None) for k in keys}
    sizes = [len(shown[k]) for k in keys]
    fig, axes = plt.subplots(len(keys), 1, figsize=(9.5, 0.32 * sum(sizes) + 1.1 * len(keys) + 1.4),
                             gridspec_kw={"height_ratios": [s + 1 for s in sizes]}, squeeze=False)
    sources_seen: list[str] = []
    has_official = False
    for ax, key in zip(axes[:, 0], keys):
        g = shown[key]
        has_official |= _draw_spread_axis(ax, key, g, sources_seen)
    handles = [Line2D([], [], color=source_colour(s), lw=3, label=SOURCE_NAMES.get(s, s)) for s in sources_seen]
    handles.append(Patch(color="#dddddd", label="admitted by every claim of that time"))
    if has_official:
        handles.append(Line2D([], [], color="black", marker="|", ls="", markersize=12,
                              label="General Staff figure of the claim's day"))
    _top_legend(fig, title, handles)
    _footnote(fig, SOURCE_NOTE + "; dot: the figure as written; line: the values its qualifier admits "
              "(round figures ±rounding up to 5%, ~ ±5%, ≤ down to 10% below, ≥ open above). "
              f"Only claims of the same time are compared; claims alone on their day, and times beyond the "
              f"{MAX_GROUPS} with most claims of a quantity, are in the table.")
    return fig


MAX_GROUPS = 6
"""A spread axis draws at most this many times of its quantity: those with most claims, the latest first among equals."""


def _shown_claims(g: pd.DataFrame, everything: bool, max_groups: int = MAX_GROUPS) -> pd.DataFrame:
    """The claims of one quantity a spread axis draws: the time groups of two or more comparable claims (or all),
    at most `max_groups` of them."""
    size = g.groupby("group")["group"].transform("size")
    if not everything:
        g, size = g[(size >= 2) & g["comparable"].astype(bool)], size[(size >= 2) & g["comparable"].astype(bool)]
    if g["group"].nunique() > max_groups:
        rank = g.assign(_n=size, _day=g["as_of"]).groupby("group").agg(n=("_n", "first"), day=("_day", "max"))
        keep = rank.sort_values(["n", "day"], ascending=False).index[:max_groups]
        g = g[g["group"].isin(keep)]
    return g.sort_values(["group", "value", "article"], kind="stable").reset_index(drop=True)


def _draw_spread_axis(ax: Any, key: tuple, g: pd.DataFrame, sources_seen: list[str]) -> bool:
    """One quantity's claims on `ax`, time group by time group; True when an official figure was drawn."""
    finite_hi = g["high"].replace(np.inf, np.nan)
    lo = float(np.nanmin([g["low"].min(), g["official"].min()]))
    hi = float(np.nanmax([finite_hi.max(), g["value"].max(), g["official"].max()]))
    pad = max((hi - lo) * 0.15, hi * 0.01, 1.0)
    right = hi + pad
    flagged = np.zeros(len(g), dtype=bool)
    verdicts = []
    drew_official = False
    for gid, rows in g.groupby("group", sort=False):
        top, bottom = rows.index.min() - 0.5, rows.index.max() + 0.5
        common = common_interval(rows["low"], rows["high"])
        if common and bool(rows["comparable"].iloc[0]):
            if common[1] > common[0]:
                ax.fill_betweenx([top, bottom], common[0], min(common[1], right), color="#dddddd", zorder=0)
            else:  # one value admitted by all: a band as wide as a line
                ax.plot([common[0], common[0]], [top, bottom], color="#dddddd", lw=6, zorder=0)
        if bool(rows["comparable"].iloc[0]) and len(rows) >= 2:
            flagged[rows.index] = outlier_mask(rows)
        if rows.index.min() > 0:
            ax.axhline(top, color="#999999", lw=0.6)
        verdict = ("single" if len(rows) == 1 else "agree" if common else "disagree") \
            if bool(rows["comparable"].iloc[0]) else "not compared"
        verdicts.append(verdict)
        ax.text(1.005, 1 - (rows.index.min() + rows.index.max() + 1) / 2 / len(g), f"{rows['when'].iloc[0]}\n{verdict}",
                transform=ax.transAxes, fontsize=7, va="center", ha="left", color="#333333")
    for i, r in g.iterrows():
        col = source_colour(r["source"])
        end = min(r["high"], right)
        ax.plot([r["low"], end], [i, i], color=col, lw=3, solid_capstyle="butt")
        if np.isinf(r["high"]):
            ax.plot([end], [i], marker=">", color=col, markersize=7)
        ax.plot([r["value"]], [i], marker="o", markersize=6, color=col, markeredgecolor="black", zorder=3)
        if pd.notna(r["official"]):
            ax.plot([r["official"]], [i], marker="|", color="black", markersize=12, mew=2, zorder=4)
            drew_official = True
        if r["source"] not in sources_seen:
            sources_seen.append(r["source"])
    ax.set_yticks(range(len(g)), [f"{'OUTLIER ' if o else ''}{f}  ({lab})"
                                  for f, lab, o in zip(g["figure"], g["label"], flagged)], fontsize=8)
    ax.set_ylim(len(g) - 0.5, -0.5)
    ax.set_xlim(max(0.0, lo - pad), right)
    ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: format_value(v)))
    party, category, measure, period = key
    summary = "claims disagree" if "disagree" in verdicts else "claims agree"
    ax.set_title(f"{party} · {category} · {measure} · {period}: {summary}", fontsize=10, loc="left",
                 color=party_colour(party))
    ax.set_xlabel(f"{_unit(category)} ({measure})")
    ax.set_ylabel("claim")
    return drew_official


# --- claims over time --------------------------------------------------------------------

CALLOUT_COLOUR = "#d4006a"
MAX_CALLOUT_LABELS = 6
"""At most this many call-outs per panel carry a label (the table lists them all)."""


def over_time_quantities(over_time: pd.DataFrame, max_panels: int = 6) -> list[tuple]:
    """The quantities (party, category, measure, period) with dated claims, most claims first, at most `max_panels`.

    >>> ot = pd.DataFrame({"party": ["russia", "ukraine", "ukraine"], "category": "personnel",
    ...                    "measure": "casualties", "period": "cumulative", "day": pd.to_datetime(["2025-01-01"] * 3)})
    >>> over_time_quantities(ot)
    [('ukraine', 'personnel', 'casualties', 'cumulative'), ('russia', 'personnel', 'casualties', 'cumulative')]
    """
    dated = over_time[over_time["day"].notna()] if len(over_time) else over_time
    if dated.empty:
        return []
    sizes = dated.groupby(QUANTITY).size()
    return [tuple(k) for k in sorted(sizes.index, key=lambda k: (-sizes[k], k))][:max_panels]


def _official_line(series: pd.DataFrame | None, key: tuple) -> pd.Series | None:
    """The series a quantity's claims are drawn against (running totals, or daily increases), or None."""
    from .reconcile import official_category
    from .reference import wide

    party, category, measure, period = key
    if series is None or series.empty or party != "russia" or period not in ("cumulative", "daily"):
        return None
    col = official_category({"category": category, "measure": measure})
    w = wide(series)
    if col is None or col not in w.columns:
        return None
    line = w[col]
    if period == "daily":
        line = line.diff().where(pd.Series(w.index, index=w.index).diff().eq(pd.Timedelta(days=1)))
    return line.dropna()


def plot_over_time(
    over_time: pd.DataFrame,
    series: pd.DataFrame | None = None,
    quantities: Iterable[Sequence[str]] | None = None,
    title: str | None = None,
    max_panels: int = 6,
) -> Figure:
    """Every claim on a time axis, one panel per quantity, coloured by source, over the General Staff's line where there is one (input: `claims_over_time`).

    A dot is a claim at its `as_of` day, its vertical bar the interval its qualifier admits (an
    arrow: open above); a window is a horizontal bar from its first to its last day. Under
    Russian personnel and equipment the grey line is the official series (running totals, or
    the day's increase for daily figures); claims called out (see `claims_over_time`) are
    ringed and labelled with their article. Undated claims are not drawn.
    """
    title = title or "Claims over time, by source, against the General Staff's daily series"
    keys = [tuple(q) for q in quantities] if quantities is not None else over_time_quantities(over_time, max_panels)
    if not keys:
        return _empty_figure(title, "day the figure describes", "reported figure")
    fig, axes = plt.subplots(len(keys), 1, figsize=(9.5, 3.1 * len(keys) + 1.6), squeeze=False)
    sources_seen: list[str] = []
    drew_line = called = False
    panels = [over_time[(over_time[QUANTITY] == pd.Series(k, index=QUANTITY)).all(axis=1) & over_time["day"].notna()]
              for k in keys]
    drawn = pd.concat(panels)
    if drawn.empty:
        plt.close(fig)
        return _empty_figure(title, "day the figure describes", "reported figure")
    first = min(drawn["day"].min(), drawn["first_day"].min()) if drawn["first_day"].notna().any() else drawn["day"].min()
    pad = max(pd.Timedelta(days=30), (drawn["day"].max() - first) * 0.05)
    span = (first - pad, drawn["day"].max() + pad)  # one time axis for every panel
    for ax, key, g in zip(axes[:, 0], keys, panels):
        line = _official_line(series, key)
        drew_line |= _draw_time_axis(ax, key, g, line, sources_seen, span)
        called |= bool((g["callout"] != "").any())
    handles = [Line2D([], [], color=source_colour(s), marker="o", lw=2, label=SOURCE_NAMES.get(s, s)) for s in sources_seen]
    if drew_line:
        handles.append(Line2D([], [], color="#555555", lw=1.5, label="General Staff series (personnel: killed and wounded)"))
    if called:
        handles.append(Line2D([], [], color=CALLOUT_COLOUR, marker="o", ls="", markersize=11, fillstyle="none",
                              mew=1.6, label="called out (see the table below)"))
    _top_legend(fig, title, handles, ncols=3)
    _footnote(fig, SOURCE_NOTE + ("; line: General Staff of Ukraine's Armed Forces, daily reports" if drew_line else "")
              + "; dot: a claim at the day it describes, bar: the values its qualifier admits.")
    return fig


def _draw_time_axis(ax: Any, key: tuple, g: pd.DataFrame, line: pd.Series | None, sources_seen: list[str],
                    span: tuple[pd.Timestamp, pd.Timestamp]) -> bool:
    """One quantity's dated claims on `ax` over its official line, days from `span`; True when the line was drawn."""
    import matplotlib.dates as mdates

    party, category, measure, period = key
    lo_x, hi_x = span
    drew = False
    if line is not None:
        shown = line[(line.index >= lo_x) & (line.index <= hi_x)]
        if len(shown):
            ax.plot(shown.index, shown.to_numpy(), color="#555555", lw=1.5, zorder=1)
            drew = True
    finite = g["high"].replace(np.inf, np.nan)
    top = float(np.nanmax([g["value"].max(), finite.max(), shown.max() if drew else np.nan]))
    ceiling = top * 1.08 if top > 0 else 1.0
    for source, gs in g.groupby("source", sort=False):  # one call per source and mark: fast on thousands of claims
        col = source_colour(source)
        win = gs[(gs["period"] == "window") & gs["first_day"].notna()]
        if len(win):
            ax.hlines(win["value"], win["first_day"], win["day"], color=col, lw=2.5, alpha=0.8, zorder=2)
        span = gs[gs["high"] > gs["low"]]
        if len(span):
            ax.vlines(span["day"], span["low"], np.minimum(span["high"], ceiling), color=col, lw=2, alpha=0.7, zorder=2)
        open_top = gs[np.isinf(gs["high"])]
        if len(open_top):
            ax.plot(open_top["day"], [ceiling] * len(open_top), ls="", marker="^", color=col, markersize=5, zorder=2)
        ax.plot(gs["day"], gs["value"], ls="", marker="o", color=col, markeredgecolor="black", markersize=6, zorder=3)
        if source not in sources_seen:
            sources_seen.append(source)
    calls = g[g["callout"] != ""]
    for n, (_, r) in enumerate(calls.iterrows()):
        ax.plot([r["day"]], [r["value"]], marker="o", ls="", markersize=13, fillstyle="none",
                color=CALLOUT_COLOUR, mew=1.6, zorder=4)
        if n < MAX_CALLOUT_LABELS:
            # alternate above and below the point, further out each pair, so neighbours do not collide
            dy = (14 + 12 * (n // 2 % 3)) * (1 if n % 2 == 0 else -1)
            ax.annotate(f"{r['label']}: {r['figure']}", (r["day"], r["value"]), xytext=(-6, dy),
                        textcoords="offset points", fontsize=7, color=CALLOUT_COLOUR, ha="right",
                        va="center", arrowprops={"arrowstyle": "-", "color": CALLOUT_COLOUR, "lw": 0.6})
    ax.set_xlim(lo_x, hi_x)
    ax.set_ylim(0, ceiling * 1.04)
    loc = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: format_value(v)))
    ax.grid(alpha=0.3)
    note = "" if drew or party != "ukraine" else " (no official daily series: the claims are the story)"
    ax.set_title(f"{party} · {category} · {measure} · {period}{note}", fontsize=10, loc="left",
                 color=party_colour(party))
    ax.set_xlabel("day the figure describes (as_of)")
    ax.set_ylabel(f"{_unit(category)} ({measure})")
    return drew
