"""Claim spread: how far the claims about one quantity agree, once qualifiers are read as intervals.

A *quantity* is (party, category, measure, period): every claim about it, from any
article or source, should describe the same number. This module reads each claim
as an interval of the values it admits, then tells per quantity whether the claims
have a common value (`spread_table`), which single claims no other claim admits
(`outliers`), and where a figure is reported as deaths in one place and as killed
and wounded in another (`conflations`).

How a claim is read as an interval (the tolerances are module constants):

- ``exact`` v: the point [v, v]; a round figure (a multiple of 1,000) may have been
  rounded, so it admits v ± half its rounding unit, at most ± ``ROUNDING_RTOL`` (5 %):
  10,980 -> [10,980, 10,980]; 35,000 -> [34,500, 35,500]; "one million" -> [950,000, 1,050,000].
- ``approx`` v: v ± ``APPROX_RTOL`` (5 %): "around 400,000" -> [380,000, 420,000].
- ``at_least`` v: [v, ∞): "over 22,000" -> [22,000, ∞).
- ``at_most`` v: [v (1 − ``NEARLY_RTOL``), v], 10 % deep, because the spec's at_most words
  are mostly "nearly / almost / approaching", which sit just under v: "nearly 11,000" ->
  [9,900, 11,000]. The high end of a range (flag ``range_high``) admits [0, v]. "Up to" and
  "fewer than" share the qualifier, so for them the interval is too narrow: a known limit.

Claims are compared only with claims that describe the same time (`lossclaims.timeline`):
running totals whose `as_of` days lie within ``days`` (default 3) of each other, daily
figures of the same day, windows with the same first and last day; undated claims only
with undated claims. Claims of other days are shown, never called disagreeing: a running
total of 2023 and one of 2024 are two figures of a growing count, not a dispute.

Claims of one time *agree* when all their intervals share a point. Two exact totals of
the same day that differ ("1,000,340" and "1,020,010") disagree; among undated claims the
note says "may be different dates" rather than calling either figure wrong.

An *outlier* is a claim whose interval meets none of the other claims' intervals of its
quantity and time; it takes at least three claims (of two disagreeing claims neither can
be blamed). A *conflation* is a killed claim whose value matches a casualties claim of
the same party, category, period and time within ``MATCH_RTOL`` (5 %): the same figure
read as deaths by one outlet and as killed and wounded by another.

Where the General Staff's series covers a claim (Russian personnel and equipment), pass
it as ``series`` and every claim shows the official figure of its day and its distance
from it (`lossclaims.timeline.official_figures`).

This module also holds the parameter checks and figure formatting that
`lossclaims.analysis` shares.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from . import timeline
from . import vocabulary as vocab
from .timeline import DEFAULT_DAYS

APPROX_RTOL = 0.05
"""Relative half-width of an `approx` claim: "around v" admits v ± 5 %."""
NEARLY_RTOL = 0.10
"""Depth of an `at_most` claim: "nearly v" admits [0.9 v, v]."""
ROUNDING_RTOL = 0.05
"""Largest relative rounding read into a bare round figure: "one million" admits ± 5 %."""
ROUND_FIGURE = 1000
"""A bare figure that is a multiple of this is read as possibly rounded."""
MATCH_RTOL = 0.05
"""Two stated values "match" (are the same figure, within rounding) when they differ by at most 5 %."""
MIN_CLAIMS_FOR_OUTLIER = 3
"""An outlier needs at least two other claims to stand apart from; with two claims neither can be blamed."""

QUANTITY = ["party", "category", "measure", "period"]
QUALIFIER_SIGNS = {"exact": "", "approx": "~", "at_least": "≥", "at_most": "≤"}
KNOWN_PARTIES = ("russia", "ukraine", "north_korea", "both")

INTERVAL_COLUMNS = [
    "article", "party", "category", "measure", "value", "qualifier", "period", "source",
    "quote", "start", "end", "flags", "as_of", "window_start", "date_basis",
    "low", "high", "figure", "label", "group", "when", "comparable",
    "official", "official_date", "official_gap",
]
SPREAD_COLUMNS = [
    "party", "category", "measure", "period", "when", "claims", "articles", "sources", "figures",
    "min", "median", "max", "relative_spread", "agree", "common_low", "common_high",
    "outliers", "conflated_with", "official", "note",
]
OUTLIER_COLUMNS = [
    "party", "category", "measure", "period", "when", "article", "source", "figure", "value",
    "low", "high", "others", "others_figures", "note",
]
CONFLATION_COLUMNS = [
    "party", "category", "period", "when", "article", "source", "figure", "value",
    "casualties_claims", "casualties_articles", "casualties_figures", "casualties_sources",
    "same_article", "relative_difference", "note",
]
OFFICIAL_TABLE_COLUMNS = [
    "party", "category", "measure", "period", "article", "source", "figure", "as_of", "date_basis",
    "official", "official_date", "gap", "within",
]


# --- parameters and selection ------------------------------------------------------------

def _as_tuple(items: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if items is None:
        return None
    if isinstance(items, str):
        return (items,)
    return tuple(items)


def check_parameters(
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
    claims: pd.DataFrame | None = None,
) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """Check `parties` and `categories` against the vocabulary; return them as tuples (None = all).

    Known parties are russia, ukraine, north_korea, both and any party present in
    `claims`, so that a typo fails loudly instead of filtering everything away.

    >>> check_parameters("russia", ["tanks", "ifv"])
    (('russia',), ('tanks', 'ifv'))
    >>> check_parameters(["rusia"])
    Traceback (most recent call last):
    ...
    ValueError: Unknown party 'rusia': expected one of both, north_korea, russia, ukraine.
    """
    ps, cs = _as_tuple(parties), _as_tuple(categories)
    if ps is not None:
        known = set(KNOWN_PARTIES)
        if claims is not None and "party" in claims:
            known |= set(claims["party"].astype(str))
        for p in ps:
            if p not in known:
                raise ValueError(f"Unknown party {p!r}: expected one of {', '.join(sorted(known))}.")
    if cs is not None:
        for c in cs:
            if c not in vocab.taxonomy():
                raise ValueError(
                    f"Unknown category {c!r}: expected one of {', '.join(vocab.categories())}."
                )
    return ps, cs


def select(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """The claims of the given parties and categories (None keeps all), after checking both.

    >>> select(pd.DataFrame({"party": ["russia", "ukraine"], "category": ["tanks"] * 2}), "ukraine")["party"].tolist()
    ['ukraine']
    """
    ps, cs = check_parameters(parties, categories, claims)
    keep = pd.Series(True, index=claims.index)
    if ps is not None:
        keep &= claims["party"].isin(ps)
    if cs is not None:
        keep &= claims["category"].isin(cs)
    return claims[keep]


def empty(columns: Sequence[str]) -> pd.DataFrame:
    """An empty frame with the given columns (what every function returns for no claims)."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


# --- formatting --------------------------------------------------------------------------

def format_value(value: float) -> str:
    """A value with thousands separators, without a spurious decimal part.

    >>> format_value(1020010.0), format_value(2.5), format_value(float("inf"))
    ('1,020,010', '2.5', '∞')
    """
    if math.isinf(value):
        return "∞"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def format_claim(value: float, qualifier: str) -> str:
    """A claim as a reader would write it: ≥ for at_least, ≤ for at_most, ~ for approx.

    >>> format_claim(11000, "at_most"), format_claim(10980, "exact"), format_claim(4e5, "approx")
    ('≤11,000', '10,980', '~400,000')
    """
    return QUALIFIER_SIGNS.get(qualifier, "") + format_value(value)


def article_labels(ids: Iterable[str]) -> dict[str, str]:
    """Short labels for article ids: "000_07dbc9ab3df6b69a" -> "000" when the prefixes stay unique.

    >>> article_labels(["000_07db", "001_5db2"])
    {'000_07db': '000', '001_5db2': '001'}
    """
    ids = sorted(set(ids))
    short = {i: (m.group(1) if (m := re.match(r"^(\d+)_", i)) else i) for i in ids}
    if len(set(short.values())) < len(short):
        return {i: i for i in ids}
    return short


def figures_text(group: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """The distinct claims of a group, lowest first, each with the articles that make it.

    >>> g = pd.DataFrame({"value": [10980.0, 11000.0, 10980.0], "qualifier": ["exact", "at_most", "exact"],
    ...                   "article": ["001_a", "000_b", "004_c"]})
    >>> figures_text(g)
    '10,980 (001, 004) · ≤11,000 (000)'
    """
    if group.empty:
        return ""
    labels = labels or article_labels(group["article"])
    keyed: dict[tuple[float, str], set[str]] = {}
    for v, q, a in zip(group["value"], group["qualifier"], group["article"]):
        keyed.setdefault((float(v), format_claim(v, q)), set()).add(a)
    return " · ".join(f"{fig} ({', '.join(labels.get(a, a) for a in sorted(arts))})"
                      for (_, fig), arts in sorted(keyed.items()))


# --- intervals ---------------------------------------------------------------------------

def rounding_unit(value: float) -> float:
    """The largest power of ten that divides a whole value (1 for other values).

    >>> rounding_unit(1_000_000), rounding_unit(35_000), rounding_unit(10_980), rounding_unit(2.5)
    (1000000.0, 1000.0, 10.0, 1.0)
    """
    if value <= 0 or not float(value).is_integer():
        return 1.0
    n, unit = int(value), 1
    while n % 10 == 0:
        n //= 10
        unit *= 10
    return float(unit)


def interval(value: float, qualifier: str, flags: str = "") -> tuple[float, float]:
    """The values a claim admits, as a closed interval (low, high); see the module docstring.

    >>> interval(11000, "at_most"), interval(10980, "exact"), interval(22000, "at_least")
    ((9900.0, 11000.0), (10980.0, 10980.0), (22000.0, inf))
    >>> interval(1_000_000, "exact"), interval(400_000, "approx")
    ((950000.0, 1050000.0), (380000.0, 420000.0))
    """
    v = float(value)
    if qualifier == "exact":
        if v > 0 and v % ROUND_FIGURE == 0:
            half = min(rounding_unit(v) / 2, ROUNDING_RTOL * v)
            return (v - half, v + half)
        return (v, v)
    if qualifier == "approx":
        return (v * (1 - APPROX_RTOL), v * (1 + APPROX_RTOL))
    if qualifier == "at_least":
        return (v, math.inf)
    if qualifier == "at_most":
        if "range_high" in str(flags).split(";"):
            return (0.0, v)
        return (v * (1 - NEARLY_RTOL), v)
    raise ValueError(f"Unknown qualifier {qualifier!r}: expected one of {', '.join(vocab.QUALIFIERS)}.")


def claim_intervals(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
    days: int = DEFAULT_DAYS,
    series: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The claims with the interval each admits, its time group and (given `series`) the official figure of its day.

    Adds to the claims columns: low, high; figure (the claim as written, ≥1,000,000); label
    (its article, source and day, "001 · ukraine_official · 2025-06-30", for charts that draw
    one claim per line); group, when, comparable (see `lossclaims.timeline.time_groups`:
    claims of one group may be compared); official, official_date, official_gap (see
    `lossclaims.timeline.official_figures`; NaN without a series or a counterpart).

    >>> from lossclaims.schema import frame
    >>> c = frame("claims", [("000_a", "russia", "tanks", "lost", 11000, "at_most", "cumulative",
    ...                       "ukraine_official", "nearly 11,000 tanks", 0, 6, "")]).assign(as_of="2025-06-30")
    >>> claim_intervals(c)[["low", "high", "figure", "when"]].values.tolist()
    [[9900.0, 11000.0, '≤11,000', '2025-06-30']]
    """
    c = timeline.with_dates(select(claims, parties, categories)).reset_index(drop=True)
    if c.empty:
        return empty(INTERVAL_COLUMNS)
    bounds = [interval(v, q, f) for v, q, f in zip(c["value"], c["qualifier"], c["flags"])]
    labels = article_labels(c["article"])
    groups = timeline.time_groups(c, days)
    out = c.assign(
        low=[b[0] for b in bounds],
        high=[b[1] for b in bounds],
        figure=[format_claim(v, q) for v, q in zip(c["value"], c["qualifier"])],
        label=[f"{labels[a]} · {s} · {d or 'undated'}" for a, s, d in zip(c["article"], c["source"], c["as_of"])],
        group=groups["group"], when=groups["when"], comparable=groups["comparable"],
    ).join(timeline.official_figures(c, series, days))
    order = QUANTITY + ["group", "value", "article"]
    return out[INTERVAL_COLUMNS].sort_values(order, kind="stable").reset_index(drop=True)


def official_table(intervals: pd.DataFrame) -> pd.DataFrame:
    """Each claim the official series covers, against the figure of its day (input: `claim_intervals` with a series).

    Columns: party, category, measure, period, article (short label), source, figure, as_of,
    date_basis, official, official_date, gap ("+0.09 %"), within (whether the claim's interval
    admits the official figure).

    >>> from lossclaims.reconcile import example_series
    >>> from lossclaims.schema import frame
    >>> c = frame("claims", [("001_a", "russia", "tanks", "lost", 11000, "at_most", "cumulative", "ukraine_official",
    ...                       "", 0, 1, "")]).assign(as_of="2025-06-30", date_basis="sentence")
    >>> official_table(claim_intervals(c, series=example_series()))[["figure", "official", "gap", "within"]].values.tolist()
    [['≤11,000', 10980.0, '+0.18 %', True]]
    """
    iv = intervals[intervals["official"].notna()] if len(intervals) else intervals
    if iv.empty:
        return empty(OFFICIAL_TABLE_COLUMNS)
    labels = article_labels(iv["article"])
    within = (iv["low"] <= iv["official"]) & (iv["official"] <= iv["high"])
    out = iv.assign(
        article=iv["article"].map(labels),
        official_date=iv["official_date"].dt.strftime("%Y-%m-%d"),
        gap=[timeline.gap_text(g) for g in iv["official_gap"]],
        within=within,
    )
    return out[OFFICIAL_TABLE_COLUMNS].reset_index(drop=True)


def common_interval(lows: Iterable[float], highs: Iterable[float]) -> tuple[float, float] | None:
    """The values every interval admits, or None when they have no common point.

    >>> common_interval([9900, 10980, 10980], [11000, 10980, 10980])
    (10980, 10980)
    >>> common_interval([1000340, 1020010], [1000340, 1020010]) is None
    True
    """
    lo, hi = max(lows), min(highs)
    return (lo, hi) if lo <= hi else None


def outlier_mask(g: pd.DataFrame, min_claims: int = MIN_CLAIMS_FOR_OUTLIER) -> np.ndarray:
    """For the claims (with low, high) of one quantity: which intersect none of the others' intervals.

    >>> outlier_mask(pd.DataFrame({"low": [380e3, 400e3, 44.5e3], "high": [420e3, math.inf, 45.5e3]})).tolist()
    [False, False, True]
    """
    n = len(g)
    if n < max(min_claims, 2):
        return np.zeros(n, dtype=bool)
    lows, highs = g["low"].to_numpy(float), g["high"].to_numpy(float)
    meets = (lows[:, None] <= highs[None, :]) & (highs[:, None] >= lows[None, :])
    np.fill_diagonal(meets, False)
    return ~meets.any(axis=1)


# --- outliers ----------------------------------------------------------------------------

def outliers(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
    min_claims: int = MIN_CLAIMS_FOR_OUTLIER,
    days: int = DEFAULT_DAYS,
) -> pd.DataFrame:
    """Claims that no interval of the other claims of their quantity and time admits (in groups of >= `min_claims`).

    Columns: party, category, measure, period, when (the claims' days), article, source,
    figure, value, low, high, others (how many other claims), others_figures (what they
    say), note. Claims of other days are never set against each other.

    >>> from lossclaims.schema import frame
    >>> rows = [("a", "ukraine", "personnel", "casualties", v, q, "cumulative", s, "", 0, 1, "")
    ...         for v, q, s in [(400000, "approx", "independent"), (400000, "at_least", "isw"),
    ...                         (45000, "exact", "ukraine_official")]]
    >>> outliers(frame("claims", rows).assign(as_of="2024-02-25"))[["figure", "source"]].values.tolist()
    [['45,000', 'ukraine_official']]
    """
    iv = claim_intervals(claims, parties, categories, days)
    rows = []
    labels = article_labels(iv["article"]) if len(iv) else {}
    for key, g in iv[iv["comparable"].astype(bool)].groupby(QUANTITY + ["group"], sort=True):
        mask = outlier_mask(g, min_claims)
        for i in np.flatnonzero(mask):
            r = g.iloc[i]
            other = g[np.arange(len(g)) != i]
            rows.append((
                *key[:4], r["when"], r["article"], r["source"], r["figure"], r["value"], r["low"], r["high"],
                len(other), figures_text(other, labels),
                f"{r['figure']} ({labels[r['article']]}, {r['source']}) is admitted by none of the "
                f"{len(other)} other claims of {r['when']}: {figures_text(other, labels)}",
            ))
    return pd.DataFrame(rows, columns=OUTLIER_COLUMNS) if rows else empty(OUTLIER_COLUMNS)


# --- conflations -------------------------------------------------------------------------

def values_match(a: float, b: float, rtol: float = MATCH_RTOL) -> bool:
    """Whether two stated values are the same figure within rounding (relative difference <= `rtol`).

    >>> values_match(1_000_340, 1_000_000), values_match(45_000, 400_000)
    (True, False)
    """
    top = max(abs(a), abs(b))
    return top == 0 or abs(a - b) <= rtol * top


def conflations(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
    rtol: float = MATCH_RTOL,
    days: int = DEFAULT_DAYS,
) -> pd.DataFrame:
    """Figures reported as deaths (killed) in one place and as casualties (killed and wounded) in another, of the same time.

    One row per killed claim whose value matches (within `rtol`) a casualties claim of the
    same party, category, period and time (see `lossclaims.timeline.same_time`), in the same
    or another article. Columns: party, category, period, when (the killed claim's day),
    article, source, figure, value (the killed claim), casualties_claims,
    casualties_articles, casualties_figures, casualties_sources, same_article (a matching
    casualties claim sits in the killed claim's own article), relative_difference (the
    smallest), note.

    >>> from lossclaims.schema import frame
    >>> rows = [("003_x", "russia", "personnel", "killed", 1000340, "exact", "cumulative", "unattributed", "", 0, 1, ""),
    ...         ("001_y", "russia", "personnel", "casualties", 1020010, "exact", "cumulative", "ukraine_official", "", 0, 1, "")]
    >>> conflations(frame("claims", rows))[["article", "figure", "casualties_figures"]].values.tolist()
    [['003_x', '1,000,340', '1,020,010 (001)']]
    """
    c = timeline.with_dates(select(claims, parties, categories)).reset_index(drop=True)
    killed = c[c["measure"] == "killed"]
    cas = c[c["measure"] == "casualties"]
    if killed.empty or cas.empty:
        return empty(CONFLATION_COLUMNS)
    labels = article_labels(c["article"])
    rows = []
    for _, k in killed.sort_values(["party", "category", "period", "as_of", "value", "article"]).iterrows():
        same_q = cas[(cas["party"] == k["party"]) & (cas["category"] == k["category"]) & (cas["period"] == k["period"])]
        close = np.array([values_match(k["value"], v, rtol) for v in same_q["value"]], dtype=bool)
        hits = same_q[close & timeline.same_time_mask(k, same_q, days)] if close.any() else same_q[close]
        if hits.empty:
            continue
        fig = format_claim(k["value"], k["qualifier"])
        rel = min(abs(k["value"] - v) / max(k["value"], v) if max(k["value"], v) else 0.0 for v in hits["value"])
        arts = sorted(set(hits["article"]))
        when = k["as_of"] or timeline.UNDATED
        rows.append((
            k["party"], k["category"], k["period"], when, k["article"], k["source"], fig, k["value"],
            len(hits), ", ".join(labels[a] for a in arts), figures_text(hits, labels),
            ", ".join(sorted(set(hits["source"]))), k["article"] in arts, rel,
            f"{fig} {k['party']} {k['category']} reported as killed in {labels[k['article']]} "
            f"({k['source']}, {when}); the same figure is reported as casualties (killed and wounded) in "
            f"{', '.join(labels[a] for a in arts)}: {figures_text(hits, labels)}",
        ))
    return pd.DataFrame(rows, columns=CONFLATION_COLUMNS) if rows else empty(CONFLATION_COLUMNS)


# --- the spread table --------------------------------------------------------------------

def _official_text(g: pd.DataFrame) -> str:
    """The official figures of a group's days: "1,020,010 (2025-06-30)", or a range over several reports."""
    official = g["official"].to_numpy(dtype=float)
    have = ~np.isnan(official)
    if not have.any():
        return ""
    lo, hi = official[have].min(), official[have].max()
    dates = g["official_date"].to_numpy()[have]
    first, last = pd.Timestamp(dates.min()), pd.Timestamp(dates.max())
    days = first.strftime("%Y-%m-%d") + ("" if first == last else " to " + last.strftime("%Y-%m-%d"))
    return format_value(lo) + ("" if lo == hi else "–" + format_value(hi)) + f" ({days})"


def _group_notes(g: pd.DataFrame, mask: np.ndarray, others: int, labels: dict[str, str]) -> list[str]:
    """The reader's sentence parts for one quantity at one time (see `spread_table`)."""
    when, common = g["when"].iloc[0], common_interval(g["low"], g["high"])
    undated = when == timeline.UNDATED
    notes = []
    if not bool(g["comparable"].iloc[0]):
        notes.append(f"a {when}: shown, not compared")
    elif len(g) == 1:
        notes.append("single claim " + ("without a date" if undated else f"of {when}"))
    elif common is not None:
        notes.append("claims agree once qualifiers are read as intervals")
    else:
        notes.append("claims disagree: no value is admitted by all of them")
        rest = g[~mask] if (~mask).sum() >= 2 else g
        pinned = rest.loc[rest["qualifier"].isin(["exact", "approx"]), "value"]
        if common_interval(rest["low"], rest["high"]) is None and pinned.nunique() > 1:
            if undated:
                notes.append(_DATE_NOTE[g["period"].iloc[0]])
            elif g["as_of"].nunique() > 1 and g["period"].iloc[0] == "cumulative":
                notes.append(f"the totals are of different days ({when}): a running total grows every day")
    if undated and len(g) > 1:
        notes.append("undated: compared only with other undated claims")
    if mask.any():
        notes.append("outlier: " + ", ".join(
            f"{f} ({labels[a]})" for f, a in zip(g["figure"][mask], g["article"][mask])))
    if others:
        notes.append(f"{others} other claim{'s' * (others != 1)} of this quantity "
                     f"describe{'s' * (others == 1)} other days, not compared with these")
    return notes


def _conflated_groups(iv: pd.DataFrame, days: int, rtol: float = MATCH_RTOL) -> dict[int, str]:
    """Time groups (of `claim_intervals`) holding a killed figure that a casualties claim of the same time repeats, and its partner's group: group -> the other measure."""
    out: dict[int, str] = {}
    killed, cas = iv[iv["measure"] == "killed"], iv[iv["measure"] == "casualties"]
    for _, k in killed.iterrows():
        same_q = cas[(cas["party"] == k["party"]) & (cas["category"] == k["category"]) & (cas["period"] == k["period"])]
        close = np.array([values_match(k["value"], v, rtol) for v in same_q["value"]], dtype=bool)
        if not close.any():
            continue
        for g in same_q.loc[close & timeline.same_time_mask(k, same_q, days), "group"]:
            out[k["group"]], out[g] = "casualties", "killed"
    return out


_DATE_NOTE = {
    "cumulative": "may be different dates: running totals grow every day and these claims carry no date",
    "daily": "may be different days: these claims carry no date",
    "window": "may be different windows: these claims do not say which",
}


def spread_table(
    claims: pd.DataFrame,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
    days: int = DEFAULT_DAYS,
    series: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per quantity (party, category, measure, period) and time: the claims across articles and sources, and whether they agree.

    One row per time group (see `lossclaims.timeline.time_groups`): claims of other days
    are other rows, never called disagreeing. Columns: party, category, measure, period,
    when (the days); claims, articles (counts); sources (families, comma-separated);
    figures (each distinct claim with its articles); min, median, max of the stated values;
    relative_spread = (max - min) / median; agree (all intervals share a point); common_low,
    common_high (that shared range, NaN if none); outliers (count, see `outliers`);
    conflated_with (the other measure when a figure of this quantity and time is reported
    under it, see `conflations`); official (the General Staff's figure of those days, given
    `series`); note (a sentence for the reader).

    >>> from lossclaims.schema import frame
    >>> rows = [(a, "russia", "tanks", "lost", v, q, "cumulative", "ukraine_official", "", 0, 1, "")
    ...         for a, v, q in [("000", 11000, "at_most"), ("001", 10980, "exact"), ("004", 10980, "exact")]]
    >>> spread_table(frame("claims", rows).assign(as_of="2025-06-30"))[["when", "figures", "agree"]].values.tolist()
    [['2025-06-30', '10,980 (001, 004) · ≤11,000 (000)', True]]
    """
    iv = claim_intervals(claims, parties, categories, days, series)
    if iv.empty:
        return empty(SPREAD_COLUMNS)
    labels = article_labels(iv["article"])
    conflated = _conflated_groups(iv, days)
    rows = []
    sizes = iv.groupby(QUANTITY).size()
    for key, g in iv.groupby(QUANTITY + ["group"], sort=True):
        quantity = key[:4]
        values = g["value"].to_numpy(float)
        med = float(np.median(values))
        comparable = bool(g["comparable"].iloc[0])
        common = common_interval(g["low"], g["high"]) if comparable else None
        mask = outlier_mask(g) if comparable else np.zeros(len(g), dtype=bool)
        other = conflated.get(key[4], "")
        notes = _group_notes(g, mask, int(sizes[quantity]) - len(g), labels)
        if other:
            notes.append(f"conflation: the same figure is also reported as {other}")
        rows.append((
            *quantity, g["when"].iloc[0], len(g), g["article"].nunique(), ", ".join(sorted(set(g["source"]))),
            figures_text(g, labels), float(values.min()), med, float(values.max()),
            (float(values.max() - values.min()) / med) if med else np.nan,
            common is not None,
            common[0] if common else np.nan, common[1] if common else np.nan,
            int(mask.sum()), other, _official_text(g), "; ".join(notes),
        ))
    return pd.DataFrame(rows, columns=SPREAD_COLUMNS)

