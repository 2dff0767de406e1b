"""Russia vs Ukraine and equipment: the comparisons the notebooks show, as tidy frames.

Every function takes a claims frame (`docs/claims-spec.md`), returns a DataFrame with
the columns its docstring lists (an empty frame with those columns for no claims), and
checks its `parties` / `categories` arguments with `check_parameters`, which raises a
one-sentence ValueError for an unknown name.

Reported figures are never added up across articles: two articles quoting the General
Staff's running total are the same claim twice, not twice the losses. A row therefore
summarises the claims it covers (how many, which articles, min / median / max) and
keeps who made them (`source`) and over what time (`period`) apart.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from . import timeline
from . import vocabulary as vocab
from .spread import (
    article_labels, check_parameters, conflations, empty, figures_text, select,
)
from .timeline import DEFAULT_DAYS

__all__ = [
    "LOSS_MEASURES", "SOURCE_NAMES", "check_parameters", "party_losses", "side_by_side",
    "equipment_totals", "equipment_coverage", "source_omissions",
]

LOSS_MEASURES = ("killed", "wounded", "casualties", "missing", "captured")
"""People measures that are losses (`deployed` is not, though analysts set losses against it)."""

SOURCE_NAMES = {
    "ukraine_official": "Ukrainian officials",
    "russia_official": "Russian officials",
    "us_official": "US officials",
    "uk_official": "UK officials",
    "other_official": "other governments",
    "un": "the UN",
    "isw": "ISW",
    "csis": "CSIS",
    "independent": "independent estimates",
    "unattributed": "unattributed",
}
"""How notes and charts name each source family."""

SOURCE_SIDE = {"ukraine_official": "ukraine", "russia_official": "russia"}
"""Source families that speak for one side: their figures for the other side are enemy claims."""

LOSSES_COLUMNS = [
    "party", "category", "measure", "period", "source", "as_of", "claims", "articles", "figures",
    "min", "median", "max", "left_out",
]
EQUIPMENT_COLUMNS = [
    "party", "period", "source", "category", "parent", "level", "includes", "claims",
    "articles", "figures", "min", "median", "max", "note",
]
COVERAGE_COLUMNS = [
    "party", "article", "category", "parent", "reported", "claims", "figures", "periods", "sources",
]
OMISSION_COLUMNS = ["party", "period", "source", "article", "category", "parent", "reported_by", "note"]


# --- helpers -------------------------------------------------------------------------

def _check_choice(kind: str, given: str | Iterable[str] | None, allowed: Sequence[str]) -> tuple[str, ...] | None:
    if given is None:
        return None
    items = (given,) if isinstance(given, str) else tuple(given)
    for item in items:
        if item not in allowed:
            raise ValueError(f"Unknown {kind} {item!r}: expected one of {', '.join(allowed)}.")
    return items


def _of_periods_and_measures(frame: "pd.DataFrame", periods, measures) -> "pd.DataFrame":
    """The rows of the chosen periods and measures (None: all); a wrong choice stops with one sentence."""
    per = _check_choice("period", periods, vocab.PERIODS)
    ms = _check_choice("measure", measures, vocab.MEASURES)
    if per is not None:
        frame = frame[frame["period"].isin(per)]
    if ms is not None:
        frame = frame[frame["measure"].isin(ms)]
    return frame


def _order(values: pd.Series, order: Sequence[str]) -> pd.Series:
    """Sort key putting known values in `order` first, then the rest alphabetically."""
    rank = {v: i for i, v in enumerate(order)}
    return values.map(lambda v: (rank.get(v, len(rank)), v))


def _sorted(df: pd.DataFrame, keys: dict[str, Sequence[str] | None]) -> pd.DataFrame:
    """Sort by several columns, each in a given vocabulary order (None = alphabetical)."""
    tmp = df.copy()
    cols = []
    for col, order in keys.items():
        name = f"_k_{col}"
        tmp[name] = _order(tmp[col], order) if order is not None else tmp[col]
        cols.append(name)
    return tmp.sort_values(cols, kind="stable").drop(columns=cols).reset_index(drop=True)


def _summary(g: pd.DataFrame, labels: dict[str, str]) -> tuple:
    v = g["value"].to_numpy(float)
    return (len(g), g["article"].nunique(), figures_text(g, labels),
            float(v.min()), float(np.median(v)), float(v.max()))


# --- Russia vs Ukraine -----------------------------------------------------------------

def in_window(claims: pd.DataFrame, since: object = None, until: object = None) -> pd.DataFrame:
    """The claims whose `as_of` day lies in [since, until] (ISO days, None = open); with no bound, every claim.

    A bound leaves out undated claims: nothing says they fall inside it.

    >>> c = pd.DataFrame({"as_of": ["2023-05-01", "2025-06-30", ""]})
    >>> in_window(c, "2025-01-01")["as_of"].tolist(), len(in_window(c))
    (['2025-06-30'], 3)
    """
    first, last = timeline.check_window(since, until)
    c = timeline.with_dates(claims)
    if first is None and last is None:
        return c
    day = timeline.to_day(c["as_of"]).to_numpy()
    keep = ~pd.isna(day)
    if first is not None:
        keep &= day >= first.to_datetime64()
    if last is not None:
        keep &= day <= last.to_datetime64()
    return c[keep]


def _latest(g: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The claims of a group's latest day (all of them when none is dated), and that day as text."""
    day = timeline.to_day(g["as_of"])
    if day.isna().all():
        return g, timeline.UNDATED
    keep = (day == day.max()).to_numpy()
    return g[keep], day.max().strftime("%Y-%m-%d")


def party_losses(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = ("personnel",),
    periods: str | Iterable[str] | None = ("cumulative",),
    measures: str | Iterable[str] | None = LOSS_MEASURES,
    since: object = None,
    until: object = None,
    latest: bool = True,
) -> pd.DataFrame:
    """Reported people losses per party, measure and source family, each at its latest date: the long frame behind `side_by_side` and its chart.

    A running total is only comparable with one of the same day, so by default a row keeps
    only the claims of the latest `as_of` day of its (party, category, measure, period,
    source) within the window [`since`, `until`] (ISO days; None = open; a bound leaves out
    undated claims). A group with no dated claim keeps all of them, as "undated";
    `latest=False` keeps every claim. Columns: party, category, measure, period, source;
    as_of (the day of the figures shown, "undated", or the first and last day when
    `latest=False`); claims, articles (counts); figures (each distinct claim with its
    articles, e.g. "≥1,000,000 (001, 002)"); min, median, max of the stated values; left_out
    (the group's earlier or undated claims not shown).

    >>> from lossclaims.schema import frame
    >>> c = frame("claims", [("001_a", "ukraine", "personnel", "casualties", v, "at_least", "cumulative",
    ...                       "isw", "", 0, 1, "") for v in (150000, 400000)]).assign(as_of=["2023-02-01", "2025-06-30"])
    >>> party_losses(c)[["party", "source", "as_of", "figures", "left_out"]].values.tolist()
    [['ukraine', 'isw', '2025-06-30', '≥400,000 (001)', 1]]
    >>> party_losses(c, until="2024-12-31")[["as_of", "figures"]].values.tolist()
    [['2023-02-01', '≥150,000 (001)']]
    """
    c = _of_periods_and_measures(in_window(select(claims, parties, categories), since, until), periods, measures)
    if c.empty:
        return empty(LOSSES_COLUMNS)
    labels = article_labels(c["article"])
    keys = ["party", "category", "measure", "period", "source"]
    rows = []
    for k, g in c.groupby(keys, sort=True):
        if latest:
            shown, when = _latest(g)
        else:
            shown, days = g, timeline.to_day(g["as_of"]).dropna()
            when = (timeline.UNDATED if days.empty else
                    " to ".join(dict.fromkeys(d.strftime("%Y-%m-%d") for d in (days.min(), days.max()))))
        rows.append((*k, when, *_summary(shown, labels), len(g) - len(shown)))
    out = pd.DataFrame(rows, columns=LOSSES_COLUMNS)
    ps, _ = check_parameters(parties)
    return _sorted(out, {"party": ps, "category": vocab.categories(),
                         "measure": vocab.MEASURES, "period": vocab.PERIODS, "source": vocab.SOURCES})


def _date_note(a: str, b: str, day_a: str, day_b: str, days: int) -> tuple[bool, str]:
    """Whether two rows' days make them the same period, and what the note says about it."""
    if day_a == day_b == timeline.UNDATED:
        return True, "neither figure carries a date: they may be of different days"
    if timeline.UNDATED in (day_a, day_b):
        undated = a if day_a == timeline.UNDATED else b
        return False, f"{undated}'s figure carries no date: not known to be of the same period"
    apart = abs((pd.Timestamp(day_a) - pd.Timestamp(day_b)).days)
    if apart <= days:
        return True, f"{a} as of {day_a}, {b} as of {day_b}"
    return False, (f"{a} as of {day_a}, {b} as of {day_b}: {apart} days apart, not the same period "
                   f"(set since/until to compare an earlier window)")


def side_by_side(
    claims: pd.DataFrame,
    parties: Sequence[str] = ("russia", "ukraine"),
    categories: str | Iterable[str] | None = ("personnel",),
    period: str = "cumulative",
    measures: str | Iterable[str] | None = LOSS_MEASURES,
    since: object = None,
    until: object = None,
    days: int = DEFAULT_DAYS,
) -> pd.DataFrame:
    """Two parties' latest reported losses side by side, per measure and source family, saying where sources, measures or dates differ.

    One row per (category, measure, source) that either party has a claim for in the window
    [`since`, `until`] (see `party_losses`: each side's figures of its latest day there).
    Columns: category, measure, period, source; one column per party, named after it, with
    the figures and their day ("—" for none); like_for_like (both parties have figures of
    this measure from this source family, of days at most `days` apart); note (what the row
    may and may not be compared with: the days compared, a figure with no counterpart from
    the same source, a measure the other party lacks, a source speaking about its own side
    against the enemy's, a conflation).

    >>> from lossclaims.schema import frame
    >>> c = frame("claims", [
    ...     ("001_a", "russia", "personnel", "casualties", 1020010, "exact", "cumulative", "ukraine_official", "", 0, 1, ""),
    ...     ("001_a", "ukraine", "personnel", "casualties", 400000, "at_least", "cumulative", "isw", "", 2, 3, ""),
    ...     ("002_b", "russia", "personnel", "casualties", 90000, "at_least", "cumulative", "isw", "", 2, 3, "")])
    >>> t = side_by_side(c.assign(as_of=["2025-06-30", "2025-06-30", "2023-01-15"]))
    >>> t[["source", "russia", "ukraine", "like_for_like"]].values.tolist()
    [['ukraine_official', '1,020,010 (001) as of 2025-06-30', '—', False], ['isw', '≥90,000 (002) as of 2023-01-15', '≥400,000 (001) as of 2025-06-30', False]]
    >>> print(t.loc[1, "note"])
    both from ISW; russia as of 2023-01-15, ukraine as of 2025-06-30: 897 days apart, not the same period (set since/until to compare an earlier window)
    """
    if isinstance(parties, str) or len(parties) != 2:
        raise ValueError("side_by_side compares exactly two parties, e.g. parties=('russia', 'ukraine').")
    a, b = parties
    _check_choice("period", period, vocab.PERIODS)
    days = timeline.check_days(days)
    columns = ["category", "measure", "period", "source", a, b, "like_for_like", "note"]
    long = party_losses(claims, parties, categories, period, measures, since, until)
    if long.empty:
        return empty(columns)
    conf = conflations(in_window(select(claims, parties, categories), since, until), days=days)
    conflated = set()
    for _, r in conf.iterrows():
        conflated.add((r["party"], r["category"], "killed", r["period"], r["source"]))
        for s in r["casualties_sources"].split(", "):
            conflated.add((r["party"], r["category"], "casualties", r["period"], s))

    cell, day = {}, {}
    for _, r in long.iterrows():
        key = (r["party"], r["category"], r["measure"], r["source"])
        day[key] = r["as_of"]
        cell[key] = r["figures"] + ("" if r["as_of"] == timeline.UNDATED else f" as of {r['as_of']}")
    rows = []
    for (cat, measure, source), _ in long.groupby(["category", "measure", "source"], sort=False):
        have = {p: (p, cat, measure, source) in cell for p in parties}
        notes, same_period = [], False
        name = SOURCE_NAMES.get(source, source)
        if all(have.values()):
            side = SOURCE_SIDE.get(source)
            if side in parties:
                other = b if side == a else a
                notes.append(f"both from {name}: {side}'s own losses set against its claim about {other}'s")
            else:
                notes.append(f"both from {name}")
            same_period, note = _date_note(a, b, day[(a, cat, measure, source)], day[(b, cat, measure, source)], days)
            notes.append(note)
        else:
            notes.append(_missing_note(long, a, b, have, cat, measure, source, name))
        for p in parties:
            if (p, cat, measure, period, source) in conflated:
                notes.append(f"{p}'s figure is reported both as killed and as casualties (see conflations)")
        rows.append((cat, measure, period, source, cell.get((a, cat, measure, source), "—"),
                     cell.get((b, cat, measure, source), "—"), all(have.values()) and same_period, "; ".join(notes)))
    out = pd.DataFrame(rows, columns=columns)
    return _sorted(out, {"category": vocab.categories(), "measure": vocab.MEASURES, "source": vocab.SOURCES})


def _missing_note(long: pd.DataFrame, a: str, b: str, have: dict[str, bool], cat: str, measure: str,
                  source: str, name: str) -> str:
    """Why a row of `side_by_side` with one party's figure only is not a comparison."""
    present, missing = (a, b) if have[a] else (b, a)
    elsewhere = sorted(set(long.loc[(long["party"] == missing) & (long["category"] == cat)
                                    & (long["measure"] == measure), "source"]),
                       key=lambda s: vocab.SOURCES.index(s) if s in vocab.SOURCES else 99)
    if elsewhere:
        names = ", ".join(SOURCE_NAMES.get(s, s) for s in elsewhere)
        return (f"no {missing} {measure} figure from {name}; {missing}'s {measure} come from "
                f"{names}: a different source, not a like-for-like comparison")
    others = [m for m in LOSS_MEASURES if m != measure and ((long["party"] == missing)
              & (long["category"] == cat) & (long["measure"] == m)).any()]
    return (f"no {missing} {measure} figure from any source"
            + (f"; {missing} has {', '.join(others)} instead: the measures differ" if others else ""))


def compared_dates(losses: pd.DataFrame) -> str:
    """One sentence saying which days a `party_losses` frame shows, per party.

    >>> compared_dates(pd.DataFrame({"party": ["russia", "russia", "ukraine"],
    ...                              "as_of": ["2025-06-30", "2025-06-12", "undated"]}))
    'Figures compared: russia as of 2025-06-12 to 2025-06-30; ukraine undated.'
    """
    if losses.empty:
        return "No figures to compare."
    parts = []
    for party, g in losses.groupby("party", sort=False):
        dated = sorted(d for d in g["as_of"] if d != timeline.UNDATED)
        span = "" if not dated else "as of " + (dated[0] if dated[0] == dated[-1] else f"{dated[0]} to {dated[-1]}")
        undated = (g["as_of"] == timeline.UNDATED).any()
        parts.append(f"{party} " + " and ".join(x for x in (span, "undated" if undated else "") if x))
    return "Figures compared: " + "; ".join(parts) + "."


# --- equipment -----------------------------------------------------------------------

def _children(category: str) -> list[str]:
    return [c for c, p in vocab.taxonomy().items() if p == category]


def _combined_qualifier(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum: shared if all agree, a bound if all lean one way, else approx."""
    qs = set(qualifiers)
    if len(qs) == 1:
        return qs.pop()
    if qs <= {"exact", "at_least"}:
        return "at_least"
    if qs <= {"exact", "at_most"}:
        return "at_most"
    return "approx"


def equipment_totals(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
    periods: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Reported equipment losses per category, with parents rolled up from their children (ifv into armoured_vehicles).

    Rows are kept apart by party, period and source, so a window figure (CSIS since
    January 2024) never mixes with a cumulative total. `level` is "own" for a category's
    own claims and "rollup" for a parent plus the children reported beside it in the same
    article: the parent's own figure (when given) plus each child's, since articles list
    them as separate items (CSIS: 1,149 armoured vehicles and 3,098 IFVs). Columns: party,
    period, source, category, parent ('' at the top), level, includes (categories counted,
    "armoured_vehicles + ifv"), claims, articles, figures, min, median, max (of the per-claim
    values for "own", of the per-article sums for "rollup"), note.

    >>> from lossclaims.schema import frame
    >>> c = frame("claims", [(f"002_a", "russia", k, "lost", v, "approx", "window", "csis", "", i, i + 1, "")
    ...                      for i, (k, v) in enumerate([("armoured_vehicles", 1149), ("ifv", 3098)])])
    >>> t = equipment_totals(c)
    >>> t[["category", "level", "includes", "median"]].values.tolist()
    [['armoured_vehicles', 'own', 'armoured_vehicles', 1149.0], ['armoured_vehicles', 'rollup', 'armoured_vehicles + ifv', 4247.0], ['ifv', 'own', 'ifv', 3098.0]]
    """
    _, cats = check_parameters(parties, categories, claims)
    per = _check_choice("period", periods, vocab.PERIODS)
    c = select(claims, parties)
    c = c[c["category"].isin(vocab.equipment_categories())]
    if per is not None:
        c = c[c["period"].isin(per)]
    if c.empty:
        return empty(EQUIPMENT_COLUMNS)
    labels = article_labels(c["article"])
    tax = vocab.taxonomy()
    rows = []
    for (party, period, source), g in c.groupby(["party", "period", "source"], sort=True):
        for cat, gc in g.groupby("category", sort=True):
            kids = _children(cat)
            note = f"part of {tax[cat]}" if tax[cat] else ""
            if kids and g["category"].isin(kids).any():
                note = "own figure only; the rollup row adds its children"
            rows.append((party, period, source, cat, tax[cat], "own", cat, *_summary(gc, labels), note))
        # roll-up: per article, a parent's own figure plus its children's
        for parent in sorted({tax[k] for k in g["category"] if tax.get(k)}):
            parts = [parent, *_children(parent)]
            sums, missing_own = [], []
            for art, ga in g[g["category"].isin(parts)].groupby("article", sort=True):
                if not ga["category"].isin(parts[1:]).any():
                    continue  # the parent alone: its own row says it all
                per_cat = ga.groupby("category")["value"].median()
                qual = _combined_qualifier(ga["qualifier"])
                sums.append((art, float(per_cat.sum()), qual, [k for k in parts if k in per_cat.index]))
                if parent not in per_cat.index:
                    missing_own.append(labels[art])
            if not sums:
                continue
            values = np.array([s[1] for s in sums])
            figs = pd.DataFrame({"article": [s[0] for s in sums], "value": values, "qualifier": [s[2] for s in sums]})
            included = [k for k in parts if any(k in s[3] for s in sums)]
            note = "sum of the figures listed side by side in each article"
            if missing_own:
                note += f"; no own {parent} figure in {', '.join(missing_own)}: children only, a lower bound"
            rows.append((party, period, source, parent, tax[parent], "rollup", " + ".join(included),
                         len(sums), len(sums), figures_text(figs, labels),
                         float(values.min()), float(np.median(values)), float(values.max()), note))
    out = pd.DataFrame(rows, columns=EQUIPMENT_COLUMNS)
    if cats is not None:
        out = out[out["category"].isin(cats)]
    return _sorted(out, {"party": None, "period": vocab.PERIODS, "source": vocab.SOURCES,
                         "category": vocab.categories(), "level": ("own", "rollup")})


def equipment_coverage(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Which article reports which equipment category for each party: a full article x category grid.

    One row per (party, article, category) over every article in `claims` and every
    equipment category (or those asked for), so absences show. Parties default to those
    with any equipment claim. Columns: party, article, category, parent, reported (bool),
    claims (count), figures, periods, sources (comma-separated).

    >>> from lossclaims.schema import frame
    >>> c = frame("claims", [("000_a", "russia", "tanks", "lost", 11000, "at_most", "cumulative", "ukraine_official", "", 0, 1, ""),
    ...                      ("001_b", "russia", "mlrs", "lost", 1427, "exact", "cumulative", "ukraine_official", "", 0, 1, "")])
    >>> t = equipment_coverage(c, categories=["tanks", "mlrs"])
    >>> t[["article", "category", "reported"]].values.tolist()
    [['000_a', 'tanks', True], ['000_a', 'mlrs', False], ['001_b', 'tanks', False], ['001_b', 'mlrs', True]]
    """
    ps, cats = check_parameters(parties, categories, claims)
    cats = cats or vocab.equipment_categories()
    equip = claims[claims["category"].isin(vocab.equipment_categories())]
    if ps is None:
        ps = tuple(sorted(set(equip["party"])))
    articles = sorted(set(claims["article"]))
    if not ps or not articles:
        return empty(COVERAGE_COLUMNS)
    labels = article_labels(articles)
    tax = vocab.taxonomy()
    rows = []
    for party in ps:
        for art in articles:
            ga = equip[(equip["party"] == party) & (equip["article"] == art)]
            for cat in cats:
                g = ga[ga["category"] == cat]
                rows.append((party, art, cat, tax.get(cat, ""), not g.empty, len(g), figures_text(g, labels),
                             ", ".join(p for p in vocab.PERIODS if p in set(g["period"])),
                             ", ".join(sorted(set(g["source"])))))
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def source_omissions(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
    by: str = "article",
) -> pd.DataFrame:
    """Categories a source leaves out that comparable reports include.

    `by="article"`: for each article, the categories its source family reports elsewhere
    (same party and period) but this article does not (000 quotes the General Staff without
    MLRS and air defence). `by="source"`: for each source family, the categories other
    families report for the same party and period. Categories default to equipment.
    One row per omission. Columns: party, period, source, article ('' when by source),
    category, parent, reported_by (the articles or sources that do report it), note.

    >>> from lossclaims.schema import frame
    >>> c = frame("claims", [(a, "russia", k, "lost", 1, "exact", "cumulative", "ukraine_official", "", 0, 1, "")
    ...                      for a, k in [("000_a", "tanks"), ("001_b", "tanks"), ("001_b", "mlrs")]])
    >>> source_omissions(c)[["article", "category", "reported_by"]].values.tolist()
    [['000_a', 'mlrs', '001']]
    """
    if by not in ("article", "source"):
        raise ValueError(f"Unknown by={by!r}: expected 'article' or 'source'.")
    _, cats = check_parameters(parties, categories, claims)
    c = select(claims, parties, cats or vocab.equipment_categories())
    if c.empty:
        return empty(OMISSION_COLUMNS)
    labels = article_labels(c["article"])
    tax = vocab.taxonomy()
    unit, group_keys = ("article", ["party", "period", "source"]) if by == "article" else ("source", ["party", "period"])
    rows = []
    for key, g in c.groupby(group_keys, sort=True):
        reported = {u: set(gu["category"]) for u, gu in g.groupby(unit, sort=True)}
        everything = set().union(*reported.values())
        for u, cats_u in reported.items():
            for cat in sorted(everything - cats_u, key=vocab.categories().index):
                others = [o for o, co in reported.items() if cat in co]
                shown = ", ".join(labels[o] if by == "article" else o for o in others)
                source = key[2] if by == "article" else u
                who = f"{labels[u]} ({source})" if by == "article" else SOURCE_NAMES.get(u, u)
                rows.append((key[0], key[1], source, u if by == "article" else "", cat, tax.get(cat, ""), shown,
                             f"{who} does not report {cat}, which {shown} report(s) for {key[0]} ({key[1]})"))
    out = pd.DataFrame(rows, columns=OMISSION_COLUMNS) if rows else empty(OMISSION_COLUMNS)
    return out.reset_index(drop=True)


# --- claims over time --------------------------------------------------------------------

OVER_TIME_COLUMNS = [
    "article", "label", "party", "category", "measure", "period", "source", "value", "qualifier",
    "figure", "low", "high", "day", "first_day", "date_basis", "official", "official_date",
    "official_gap", "on_line", "verdict", "callout", "quote",
]
"""Columns of `claims_over_time`."""
CALLOUT_VERDICTS = ("stale", "typo", "mislabelled", "mismatch")
"""Reconciliation verdicts that explain why a claim lies off the official line."""
VERDICT_KEYS = ["article", "party", "category", "measure", "value", "qualifier", "period", "source"]


def claims_over_time(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
    measures: str | Iterable[str] | None = None,
    periods: str | Iterable[str] | None = ("cumulative",),
    series: pd.DataFrame | None = None,
    verdicts: pd.DataFrame | None = None,
    days: int = DEFAULT_DAYS,
) -> pd.DataFrame:
    """Every claim placed on a time axis, against the General Staff's line where there is one: the frame behind `plots.plot_over_time`.

    One row per claim, sorted by quantity and day. Columns: article, label (its short label),
    party, category, measure, period, source, value, qualifier, figure (as written), low, high
    (the interval it admits, see `lossclaims.spread.interval`), day (its `as_of`; NaT when
    undated, such a claim cannot be drawn), first_day (a window's first day), date_basis;
    official, official_date, official_gap (the series' figure of its day, see
    `lossclaims.timeline.official_figures`); on_line (its interval admits an official figure
    of a report within `days` of its day; NA without a counterpart); verdict (from
    `verdicts`, a `lossclaims.reconcile` verdicts frame, when given); callout (a sentence
    for a claim far from the line, else ""); quote.

    A claim is called out when it lies off the line (a stale copy, a typo, another count), or,
    for deaths, when it lies on it: the series counts casualties (killed and wounded), so deaths
    equal to it are casualties mislabelled.

    >>> from lossclaims.reconcile import example_series
    >>> from lossclaims.schema import frame
    >>> c = frame("claims", [(a, "russia", "tanks", "lost", v, "exact", "cumulative", "ukraine_official", "", 0, 1, "")
    ...                      for a, v in [("001_a", 10980), ("002_b", 10890)]]).assign(as_of="2025-06-30")
    >>> t = claims_over_time(c, series=example_series())
    >>> t[["label", "official", "on_line"]].values.tolist()
    [['002', 10980.0, False], ['001', 10980.0, True]]
    >>> t.loc[0, "callout"]
    '10,890 (002, Ukrainian officials, 2025-06-30): −0.82 % from the official 10,980 of 2025-06-30'
    """
    from .spread import claim_intervals

    iv = _of_periods_and_measures(claim_intervals(claims, parties, categories, days, series), periods, measures)
    if iv.empty:
        return empty(OVER_TIME_COLUMNS)
    near = timeline.official_figures(iv, series, days)
    has_line = iv["official"].notna()
    on_line = has_line & (iv["low"] <= near["official_high"]) & (iv["high"] >= near["official_low"])
    out = iv.assign(
        label=iv["article"].map(article_labels(iv["article"])),
        day=timeline.to_day(iv["as_of"]).to_numpy(),
        first_day=timeline.to_day(iv["window_start"]).to_numpy(),
        on_line=pd.array([bool(x) if h else pd.NA for x, h in zip(on_line, has_line)], dtype="boolean"),
        verdict=_verdicts_of(iv, verdicts),
    )
    out["callout"] = [_callout(r) for _, r in out.iterrows()]
    return out[OVER_TIME_COLUMNS].sort_values(["party", "category", "measure", "period", "day", "value"],
                                              kind="stable").reset_index(drop=True)


def _verdicts_of(claims: pd.DataFrame, verdicts: pd.DataFrame | None) -> list[str]:
    """Each claim's reconciliation verdict and note ("stale: the figure of ..."), "" where none was given."""
    if verdicts is None or verdicts.empty:
        return [""] * len(claims)
    v = verdicts.assign(verdict=verdicts["verdict"].astype(str), value=verdicts["value"].astype(float))
    found = {tuple(r[k] for k in VERDICT_KEYS): r for _, r in v.iterrows()}
    out = []
    for _, c in claims.iterrows():
        r = found.get(tuple(c[k] for k in VERDICT_KEYS))
        if r is None:
            out.append("")
            continue
        # the note reads the article's as-of date; it explains this claim only if that is the claim's day too
        day = timeline.to_day([c["as_of"]]).iloc[0]
        same_day = pd.notna(day) and pd.notna(r["asof"]) and abs((day - r["asof"]).days) <= DEFAULT_DAYS
        out.append(r["verdict"] + (f": {r['note']}" if r["note"] and same_day else ""))
    return out


def _callout(r: pd.Series) -> str:
    """The sentence for a claim far from the official line (see `claims_over_time`), else ""."""
    if pd.isna(r["on_line"]):
        return ""
    who = f"{r['figure']} ({r['label']}, {SOURCE_NAMES.get(r['source'], r['source'])}, {r['day'].strftime('%Y-%m-%d')})"
    official = f"the official {r['official']:,.0f} of {r['official_date'].strftime('%Y-%m-%d')}"
    why = f"; reconcile: {r['verdict']}" if r["verdict"].split(":")[0] in CALLOUT_VERDICTS else ""
    if r["measure"] == "killed":
        if not r["on_line"]:
            return ""  # deaths are a part of the casualties the line counts
        return f"{who}: deaths equal to {official}, which counts killed and wounded: casualties called deaths{why}"
    if r["on_line"]:
        return ""
    return f"{who}: {timeline.gap_text(r['official_gap'])} from {official}{why}"


def over_time_summary(over_time: pd.DataFrame) -> str:
    """One sentence on what an over-time chart shows: claims drawn, on and off the official line, undated ones left out.

    >>> over_time_summary(pd.DataFrame({"day": pd.to_datetime(["2025-06-30", None]), "on_line": pd.array([True, pd.NA]),
    ...                                 "callout": ["", ""]}))
    'The charts place 1 claim in time; 1 has a General Staff figure of its day, 1 of them on the line; 0 are called out; 1 claim carries no date and is not drawn.'
    """
    def n(count: int, one: str, many: str) -> str:
        return f"{count} {one if count == 1 else many}"

    drawn = over_time["day"].notna()
    line = over_time["on_line"].notna() & drawn
    on = int(over_time.loc[line, "on_line"].astype(bool).sum())
    called = int((over_time.loc[drawn, "callout"] != "").sum())
    undated = int((~drawn).sum())
    text = (f"The charts place {n(int(drawn.sum()), 'claim', 'claims')} in time; "
            f"{n(int(line.sum()), 'has a General Staff figure of its day', 'have a General Staff figure of their day')}, "
            f"{on} of them on the line; {n(called, 'is', 'are')} called out")
    if undated:
        text += f"; {n(undated, 'claim carries', 'claims carry')} no date and {'is' if undated == 1 else 'are'} not drawn"
    return text + "."
