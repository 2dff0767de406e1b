"""Reconcile article claims against the General Staff's daily series: which report each
article copied (its as-of date), how stale it is, and a verdict for every claim.

Verdicts, in `VERDICTS`:

- `exact`: the figure of the article's as-of report;
- `rounded`: consistent once the qualifier and rounding are read ("nearly 11,000" vs 10,980);
- `stale`: the figure of an earlier report than the article's as-of date;
- `typo`: a digit or separator slip that lands on the as-of figure ("1,020.010");
- `mislabelled`: the casualties figure (killed and wounded) reported as deaths;
- `window`: another period than the running total or the past day ("since January 2024");
- `not_comparable`: no official counterpart (another party, source, category or measure);
- `mismatch`: none of the above.

    series = reference.load_series()
    result = reconcile(parse("data/articles").claims, series)
    result.asof, result.verdicts
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from . import reference
from ._lazy import lazy_module
from .evaluation import read_claims

np = lazy_module("numpy")  # loaded on first use (see `lossclaims._lazy`)
pd = lazy_module("pandas")
schema = lazy_module(f"{__package__}.schema")

if TYPE_CHECKING:  # imported lazily at run time: the CLI need not load matplotlib or the reports
    from matplotlib.figure import Figure

    from .reports import Setup

VERDICTS = (
    "exact", "rounded", "stale", "typo", "mislabelled", "window", "not_comparable", "mismatch",
)
#: Sources whose Russian-loss figures are taken to copy the General Staff's series.
SERIES_SOURCES = ("ukraine_official", "unattributed")
#: Numbers with fewer trailing zeros than this are read as precise ("10,980", "420").
ROUND_ZEROS = 2
#: Smallest tolerance of a bounded or approximate figure, as a share of its value.
MIN_RELATIVE_SPAN = 0.01
#: Weight, in dating, of a claim that only narrows the date (bounded or rounded).
NARROWING_WEIGHT = 0.5

ASOF_COLUMNS = [
    "article", "asof", "last", "reports", "dates", "score", "support", "claims",
    "published", "days_stale",
]
VERDICT_COLUMNS = [
    "article", "party", "category", "measure", "value", "qualifier", "period", "source",
    "flags", "quote", "verdict", "asof", "official", "matched", "days_behind", "note",
]


@dataclass
class Reconciliation:
    """The result of `reconcile`: one row per article (`asof`) and one per claim (`verdicts`)."""

    asof: pd.DataFrame
    verdicts: pd.DataFrame

    def counts(self) -> pd.DataFrame:
        """Verdict counts per article (see `verdict_counts`)."""
        return verdict_counts(self.verdicts)


# --------------------------------------------------------------------------- reading figures


def rounding_step(value: float) -> float:
    """The place value a figure was rounded to: 10 ** (its trailing zeros), 1 for a non-integer.

    >>> rounding_step(11000), rounding_step(10980), rounding_step(1020010), rounding_step(7)
    (1000.0, 10.0, 10.0, 1.0)
    """
    if value != value or value <= 0 or value != int(value):
        return 1.0
    n, zeros = int(value), 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return float(10**zeros)


def is_round(value: float) -> bool:
    """True when a figure looks rounded (at least `ROUND_ZEROS` trailing zeros).

    >>> is_round(1_000_000), is_round(11_000), is_round(10_980), is_round(420)
    (True, True, False, False)
    """
    return rounding_step(value) >= 10**ROUND_ZEROS


def bounds(value: float, qualifier: str) -> tuple[float, float]:
    """The official values (low, high, inclusive) a claim agrees with once its qualifier and
    rounding are read.

    "nearly 11,000" (`at_most`) admits 10,000 to 11,000; "over 22,000" (`at_least`) 22,000 to
    23,000; "around 400,000" (`approx`) 350,000 to 450,000; a bare round "1,000,000" (`exact`)
    500,000 to 1,500,000; a bare precise "10,980" only itself.

    >>> bounds(11000, "at_most"), bounds(22000, "at_least"), bounds(10980, "exact")
    ((10000.0, 11000.0), (22000.0, 23000.0), (10980.0, 10980.0))
    """
    step = rounding_step(value)
    span = max(step, MIN_RELATIVE_SPAN * value)
    if qualifier == "exact":
        return (value - step / 2, value + step / 2) if is_round(value) else (float(value), float(value))
    if qualifier == "approx":
        return value - span / 2, value + span / 2
    if qualifier == "at_least":
        return float(value), value + span
    if qualifier == "at_most":
        return value - span, float(value)
    raise ValueError(f"unknown qualifier {qualifier!r}: expected exact, approx, at_least or at_most")


def is_precise(value: float, qualifier: str) -> bool:
    """True for a bare figure that is not round: it can only match one official value.

    >>> is_precise(10980, "exact"), is_precise(11000, "exact"), is_precise(10980, "approx")
    (True, False, False)
    """
    return qualifier == "exact" and not is_round(value)


def is_digit_slip(written: float, official: float) -> bool:
    """True when `written` is `official` with one digit changed, dropped, doubled or swapped with
    its neighbour, or with a thousands separator read as a decimal point (1,020.010 -> 1020.01).
    Figures under 100 are too short to tell a slip from another number.

    >>> is_digit_slip(1020.01, 1020010), is_digit_slip(1030020, 1020010), is_digit_slip(10890, 10980)
    (True, False, True)
    >>> is_digit_slip(28, 29), is_digit_slip(1000340, 1020010)
    (False, False)
    """
    if not (official == official and written == written) or official < 100 or written <= 0:
        return False
    for k in (3, 6):
        if written != int(written) and round(written * 10**k) == official:
            return True
    if written != int(written):
        return False
    a, b = str(int(written)), str(int(official))
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# --------------------------------------------------------------------------- the series by date


def _increments(w: pd.DataFrame) -> pd.DataFrame:
    """Each report's daily figure: its total minus the previous day's (NaN across a gap)."""
    inc = w.diff()
    gap = pd.Series(w.index, index=w.index).diff() != pd.Timedelta(days=1)
    inc[gap.to_numpy()] = np.nan
    return inc


def _column(w: pd.DataFrame, category: str) -> np.ndarray:
    return w[category].to_numpy(dtype=float) if category in w.columns else np.full(len(w), np.nan)


def _official_category(claim: Mapping) -> str | None:
    """The series column a claim is measured against, or None when it has none."""
    cat, measure = claim["category"], claim["measure"]
    if cat not in reference.SERIES_CATEGORIES:
        return None
    if cat == "personnel":
        return "personnel" if measure in ("casualties", "killed") else None
    return cat if measure == "lost" else None


def official_category(claim: Mapping) -> str | None:
    """The series column a claim (its category and measure; the party is the caller's to check) is measured
    against: `personnel` for casualties and for deaths (the series counts only casualties), an equipment
    category for `lost`, else None.

    >>> official_category({"category": "personnel", "measure": "killed"}), official_category({"category": "tanks", "measure": "lost"})
    ('personnel', 'tanks')
    """
    return _official_category(claim)


def _dates_text(dates: pd.DatetimeIndex) -> str:
    """'2025-06-30' or '2025-06-30..2025-07-02; 2025-07-09': runs of consecutive dates."""
    if len(dates) == 0:
        return ""
    runs, start, prev = [], dates[0], dates[0]
    for d in list(dates[1:]) + [None]:
        if d is not None and d - prev == pd.Timedelta(days=1):
            prev = d
            continue
        runs.append(start.date().isoformat() + ("" if start == prev else ".." + prev.date().isoformat()))
        if d is not None:
            start = prev = d
    return "; ".join(runs)


# --------------------------------------------------------------------------- dating


def dating_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims that date an article: Russian running totals attributed to Ukraine's officials
    or to no one, in a category of the series. A `killed` figure dates only when it is a precise
    one (a copied casualties figure called deaths).

    >>> c = gold_example()
    >>> dating_claims(c)["category"].tolist()
    ['personnel', 'tanks']
    """
    mask = (
        (claims["party"] == "russia")
        & (claims["period"] == "cumulative")
        & claims["source"].isin(SERIES_SOURCES)
    )
    keep = [i for i, row in claims[mask].iterrows()
            if _dating_column(row["category"], row["measure"], row["value"], row["qualifier"]) is not None]
    return claims.loc[keep]


def _dating_column(category: str, measure: str, value: float, qualifier: str) -> str | None:
    """The series column a Russian running total is dated by, or None when it dates nothing (no column,
    or deaths that are not a precise, copied figure)."""
    cat = _official_category({"category": category, "measure": measure})
    if cat is None or measure == "killed" and not is_precise(value, qualifier):
        return None
    return cat


def _scores(figures: Sequence[tuple[str | None, float, str]], column: Callable[[str | None], np.ndarray],
            n: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Per report date (n of them): the weighted share of the figures ((series column, value, qualifier))
    it explains, and how many it explains; `column` gives a category's values by date."""
    score = np.zeros(n)
    support = np.zeros(n, dtype=int)
    total = 0.0
    for cat, value, qualifier in figures:
        col = column(cat)
        with np.errstate(invalid="ignore"):
            if is_precise(value, qualifier):
                weight, match = 1.0, col == value
            else:
                lo, hi = bounds(value, qualifier)
                weight, match = NARROWING_WEIGHT, (col >= lo) & (col <= hi)
        total += weight
        score += weight * match
        support += match
    return (score / total if total else score), support, total


def _best(score: np.ndarray) -> np.ndarray:
    """The report dates that explain the most, as a mask (none when nothing is explained)."""
    return np.isclose(score, score.max()) & (score > 0)


def dating_figures(figures: Iterable[tuple[str, str, float, str]]) -> list[tuple[str, float, str]]:
    """(series column, value, qualifier) of the (category, measure, value, qualifier) Russian running totals
    that date an article: the rule of `dating_claims` on plain tuples.

    >>> dating_figures([("tanks", "lost", 10980.0, "exact"), ("personnel", "killed", 1000000.0, "approx")])
    [('tanks', 10980.0, 'exact')]
    """
    out = []
    for category, measure, value, qualifier in figures:
        cat = _dating_column(category, measure, value, qualifier)
        if cat is not None:
            out.append((cat, float(value), qualifier))
    return out


def single_report(figures: Sequence[tuple[str, float, str]], columns: Mapping[str, np.ndarray],
                  index: pd.DatetimeIndex) -> pd.Timestamp | None:
    """The report date that alone best explains `dating_figures` output, or None (no date or a tie):
    what `date_articles` gives an article with no publication date and `reports == 1`.

    >>> s = example_series(); w = reference.wide(s)
    >>> single_report([("tanks", 10980.0, "exact")], {c: w[c].to_numpy(dtype=float) for c in w}, w.index)
    Timestamp('2025-06-30 00:00:00')
    """
    if not figures or len(index) == 0:
        return None
    missing = np.full(len(index), np.nan)
    score, _, _ = _scores(figures, lambda c: columns.get(c, missing), len(index))
    best = _best(score)
    return index[best][0] if int(best.sum()) == 1 else None


def _published(value: object) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value) if value not in (None, "") else pd.NaT
    except (ValueError, TypeError):
        return pd.NaT
    if ts is pd.NaT or pd.isna(ts):
        return pd.NaT
    return ts.tz_localize(None).normalize() if ts.tzinfo else ts.normalize()


def date_articles(
    claims: pd.DataFrame, series: pd.DataFrame, published: Mapping[str, object] | None = None,
    wide: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per article, the report dates whose figures best explain its Russian running totals.

    Precise figures pin a date (weight 1); bounded and rounded ones narrow it (weight 0.5).
    `score` is the weighted share of the dating claims the best dates explain, `support` how
    many claims agree at `asof` (the earliest best date), `claims` how many dating claims there
    were; `dates` lists every best date. A known publication date (`published`: id -> date)
    bounds the candidates and gives `days_stale`. `wide` is `reference.wide(series)` when the caller
    already has it (`lossclaims.dating` dates one article at a time). Tested in tests/test_reconcile.py.
    """
    w = reference.wide(series) if wide is None else wide
    published = dict(published or {})
    rows = []
    for article in pd.unique(claims["article"]):
        pub = _published(published.get(article))
        dating = dating_claims(claims[claims["article"] == article])
        row = {"article": article, "asof": pd.NaT, "last": pd.NaT, "reports": 0, "dates": "",
               "score": np.nan, "support": 0, "claims": len(dating), "published": pub,
               "days_stale": pd.NA}
        if len(dating) and len(w):
            cand = w if pd.isna(pub) or not (w.index <= pub).any() else w[w.index <= pub]
            figures = dating_figures(dating[["category", "measure", "value", "qualifier"]].itertuples(index=False))
            score, support, _ = _scores(figures, lambda c: _column(cand, c), len(cand))
            best = _best(score)
            if best.any():
                dates = cand.index[best]
                row.update(asof=dates[0], last=dates[-1], reports=int(best.sum()),
                           dates=_dates_text(dates), score=round(float(score.max()), 3),
                           support=int(support[best][0]))
                if not pd.isna(pub):
                    row["days_stale"] = int((pub - dates[-1]).days)
        rows.append(row)
    out = pd.DataFrame(rows, columns=ASOF_COLUMNS)
    for col in ("asof", "last", "published"):
        out[col] = pd.to_datetime(out[col])
    out["reports"] = out["reports"].astype(int)
    out["support"] = out["support"].astype(int)
    out["claims"] = out["claims"].astype(int)
    out["days_stale"] = out["days_stale"].astype("Int64")
    return out


# --------------------------------------------------------------------------- verdicts


def _judge(row: Mapping, w: pd.DataFrame, inc: pd.DataFrame, best: np.ndarray, asof: pd.Timestamp) -> dict:
    """The verdict of one claim given the article's best report dates (`best`, a mask of w)."""
    out = {"verdict": "not_comparable", "official": np.nan, "matched": pd.NaT, "days_behind": pd.NA, "note": ""}
    cat = _official_category(row)
    value, qualifier, flags = float(row["value"]), row["qualifier"], str(row.get("flags") or "")
    if row["party"] != "russia":
        out["note"] = f"no official series for {row['party']}"
        return out
    if cat is None:
        out["note"] = f"no official series for {row['category']} {row['measure']}"
        return out
    if row["period"] == "window":
        out.update(verdict="window", note="another period than the running total or the past day")
        return out
    if row["source"] not in SERIES_SOURCES:
        out["note"] = f"another source: {row['source']}"
        return out
    if not best.any():
        out["note"] = "the article could not be dated against the series"
        return out
    frame = inc if row["period"] == "daily" else w
    col = _column(frame, cat)
    dates = frame.index
    first_best = int(np.argmax(best))
    at = dates.get_loc(asof) if asof in dates else first_best
    out["official"] = col[at]
    lo, hi = bounds(value, qualifier)
    with np.errstate(invalid="ignore"):
        equal = col == value
        consistent = (col >= lo) & (col <= hi)
    what = "daily figure" if row["period"] == "daily" else "figure"

    if row["measure"] == "killed":
        hits = np.flatnonzero(equal)
        if len(hits):
            before = hits[hits <= np.flatnonzero(best)[-1]]
            i = before[-1] if len(before) else hits[0]
            out.update(verdict="mislabelled", matched=dates[i],
                       note=f"the casualties {what} of the report of {dates[i].date()} called deaths")
        elif (consistent & best).any():
            out.update(verdict="mislabelled", matched=dates[np.flatnonzero(consistent & best)[0]],
                       note=f"agrees with the casualties {what} ({col[at]:,.0f}), called deaths")
        else:
            out["note"] = "the series counts casualties, not deaths"
        return out

    if (equal & best).any():
        i = np.flatnonzero(equal & best)[0]
        if "separator_typo" in flags:
            out.update(verdict="typo", matched=dates[i], note=f"a separator slip for the {what} {col[i]:,.0f}")
        else:
            out.update(verdict="exact", matched=dates[i])
        return out
    if (consistent & best).any():
        i = np.flatnonzero(consistent & best)[0]
        phrase = {"exact": "round figure", "approx": "about"}.get(qualifier, qualifier.replace("_", " "))
        out.update(verdict="rounded", matched=dates[i],
                   note=f"{phrase} {value:,.0f}; the report says {col[i]:,.0f}")
        return out
    earlier = np.flatnonzero((equal | consistent) & (np.arange(len(dates)) < first_best))
    if len(earlier):
        i = earlier[-1]
        behind = int((dates[first_best] - dates[i]).days)
        out.update(verdict="stale", matched=dates[i], days_behind=behind,
                   note=f"the {what} of the report of {dates[i].date()}, {behind} days earlier")
        return out
    slips = [j for j in np.flatnonzero(best) if is_digit_slip(value, col[j])]
    if slips:
        out.update(verdict="typo", matched=dates[slips[0]],
                   note=f"a digit slip for the {what} {col[slips[0]]:,.0f}")
        return out
    later = np.flatnonzero(equal & (np.arange(len(dates)) > np.flatnonzero(best)[-1]))
    if len(later):
        out["note"] = f"the {what} of a later report ({dates[later[0]].date()})"
    elif not np.isnan(col[at]):
        out["note"] = f"the report of {dates[at].date()} says {col[at]:,.0f}"
    else:
        out["note"] = f"{cat} was not yet tracked on {dates[at].date()}"
    out["verdict"] = "mismatch"
    return out


def judge_claims(claims: pd.DataFrame, series: pd.DataFrame, asof: pd.DataFrame) -> pd.DataFrame:
    """A verdict for every claim against its article's best report dates (from `date_articles`).

    Daily figures are compared with the report's daily increase. Tested per verdict in
    tests/test_reconcile.py.
    """
    w = reference.wide(series)
    inc = _increments(w)
    best_of: dict[str, tuple[np.ndarray, pd.Timestamp]] = {}
    for _, art in asof.iterrows():
        best = np.zeros(len(w), dtype=bool)
        if not pd.isna(art["asof"]) and art["dates"]:
            for run in art["dates"].split("; "):
                a, _, b = run.partition("..")
                best |= (w.index >= pd.Timestamp(a)) & (w.index <= pd.Timestamp(b or a))
        best_of[art["article"]] = (best, art["asof"] if best.any() else pd.NaT)
    undated = (np.zeros(len(w), dtype=bool), pd.NaT)
    rows = []
    for _, row in claims.iterrows():
        best, at = best_of.get(row["article"], undated)
        judged = _judge(row, w, inc, best, at)
        rows.append({**{c: row.get(c, "") for c in VERDICT_COLUMNS[:10]}, "asof": at, **judged})
    out = pd.DataFrame(rows, columns=VERDICT_COLUMNS)
    out["asof"] = pd.to_datetime(out["asof"])
    out["matched"] = pd.to_datetime(out["matched"])
    out["official"] = out["official"].astype(float)
    out["days_behind"] = out["days_behind"].astype("Int64")
    out["verdict"] = pd.Categorical(out["verdict"], categories=VERDICTS)
    return out


def reconcile(
    claims: pd.DataFrame, series: pd.DataFrame, published: Mapping[str, object] | None = None
) -> Reconciliation:
    """Date every article against the series, then give every claim a verdict.

    >>> r = reconcile(gold_example(), example_series())
    >>> r.asof["asof"].dt.date.astype(str).tolist(), r.verdicts["verdict"].tolist()
    (['2025-06-30'], ['exact', 'exact', 'mislabelled'])
    """
    if claims is None or not {"article", "party", "category", "measure", "value"} <= set(claims.columns):
        raise ValueError("claims must be a claims frame (see docs/claims-spec.md)")
    if series is None or series.empty:
        raise ValueError("the series is empty: load it with lossclaims.reference.load_series()")
    asof = date_articles(claims, series, published)
    return Reconciliation(asof=asof, verdicts=judge_claims(claims, series, asof))


def verdict_counts(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Claims per article and verdict (one column per verdict, zeros included).

    >>> verdict_counts(reconcile(gold_example(), example_series()).verdicts).loc["a", "exact"]
    np.int64(2)
    """
    counts = pd.crosstab(verdicts["article"], verdicts["verdict"].astype(str))
    return counts.reindex(columns=list(VERDICTS), fill_value=0).rename_axis(index="article", columns=None)


def summary(result: Reconciliation, max_runs: int = 3) -> pd.DataFrame:
    """One line per article: its best report dates, how many, score, support, days stale (when
    the publication date is known) and verdict counts. This is what `lossclaims reconcile` prints.

    >>> summary(reconcile(gold_example(), example_series())).loc["a", "as of"]
    '2025-06-30'
    """
    a = result.asof.set_index("article")
    out = pd.DataFrame(index=a.index)

    def when(row: pd.Series) -> str:
        runs = row["dates"].split("; ") if row["dates"] else []
        if not runs:
            return "undated"
        return "; ".join(runs[:max_runs]) + (f"; +{len(runs) - max_runs} more" if len(runs) > max_runs else "")

    out["as of"] = a.apply(when, axis=1) if len(a) else pd.Series(dtype=str)
    out["reports"] = a["reports"]
    out["score"] = a["score"]
    out["support"] = a["support"].astype(str) + "/" + a["claims"].astype(str)
    if a["days_stale"].notna().any():
        out["days stale"] = a["days_stale"]
    counts = verdict_counts(result.verdicts).reindex(out.index, fill_value=0)
    return out.join(counts)


# --------------------------------------------------------------------------- inputs


def example_series() -> pd.DataFrame:
    """A three-day series (2025-06-29..07-01: personnel, tanks) for examples and doctests."""
    dates = pd.to_datetime(["2025-06-29", "2025-06-30", "2025-07-01"] * 2)
    return pd.DataFrame({
        "date": dates,
        "category": ["personnel"] * 3 + ["tanks"] * 3,
        "value": [1018940, 1020010, 1020980, 10976, 10980, 10983],
    })


def gold_example() -> pd.DataFrame:
    """Three claims of one article 'a' (two copied, one mislabelled) for examples and doctests."""
    return schema.frame("claims", [
        ("a", "russia", "personnel", "casualties", 1020010, "exact", "cumulative", "ukraine_official", "q", 0, 9, ""),
        ("a", "russia", "tanks", "lost", 10980, "exact", "cumulative", "ukraine_official", "q", 10, 16, ""),
        ("a", "russia", "personnel", "killed", 1000000, "at_least", "cumulative", "unattributed", "q", 20, 29, ""),
    ])


# --------------------------------------------------------------------------- chart

SOURCE_NOTE = ("Source: General Staff of the Armed Forces of Ukraine, daily reports, "
               "via the 2022-Ukraine-Russia-War-Dataset (MIT); claims: lossclaims")
UNITS = {"personnel": "people (killed and wounded)"}
CATEGORY_TITLES = {
    "personnel": "personnel",
    "armoured_vehicles": "armoured fighting vehicles",
    "mlrs": "multiple rocket launchers",
    "air_defence": "air defence systems",
    "vehicles_fuel_tanks": "vehicles and fuel tanks",
    "special_equipment": "special equipment",
    "cruise_missiles": "cruise missiles",
}
MARKERS = {"exact": "o", "rounded": "s", "stale": "v", "typo": "X", "mislabelled": "D", "mismatch": "*"}


def placed_claims(result: Reconciliation) -> pd.DataFrame:
    """The claims that can be placed on the series: Russian running totals of a series category
    with an as-of date (x = the article's as-of date, y = the figure as printed)."""
    v = result.verdicts
    keep = v["verdict"].isin(list(MARKERS)) & (v["period"] == "cumulative") & v["asof"].notna()
    return v[keep].assign(category=lambda d: d["category"].astype(str)).reset_index(drop=True)


def plot_reconciliation(
    series: pd.DataFrame, result: Reconciliation | None = None, categories: list[str] | None = None,
    around_days: int | None = None, max_panels: int = 6,
) -> Figure:
    """A chart of the official series, one panel per category, with each article's claims placed
    at its as-of date, coloured by article and shaped by verdict. `around_days` zooms on the
    claims' dates; without `categories`, the (at most `max_panels`) categories with most claims.

    Returns a matplotlib Figure (tested in tests/test_reconcile.py).
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    placed = placed_claims(result) if result is not None else pd.DataFrame(columns=VERDICT_COLUMNS)
    if categories is None:
        counts = placed["category"].value_counts()
        order = {c: i for i, c in enumerate(reference.SERIES_CATEGORIES)}
        top = sorted(counts.index, key=lambda c: (c != "personnel", -counts[c], order[c]))[:max_panels]
        categories = sorted(top, key=order.get) or ["personnel"]
    unknown = [c for c in categories if c not in reference.SERIES_CATEGORIES]
    if unknown:
        raise ValueError(f"no series for {', '.join(unknown)}: use {', '.join(reference.SERIES_CATEGORIES)}")
    w = reference.wide(series)
    zoomed = around_days is not None and len(placed) > 0
    if zoomed:
        lo = placed["asof"].min() - pd.Timedelta(days=around_days)
        hi = placed["asof"].max() + pd.Timedelta(days=around_days)
        w = w[(w.index >= lo) & (w.index <= hi)]
    ncols = 2 if len(categories) > 1 else 1
    nrows = -(-len(categories) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(6.2 * ncols, 2.9 * nrows + 1.3), squeeze=False)
    articles = sorted(placed["article"].unique()) if len(placed) else []
    colours = {a: plt.get_cmap("tab10")(i % 10) for i, a in enumerate(articles)}
    # articles that copied the same report would hide each other: set them a little apart
    span_days = max((w.index.max() - w.index.min()).days, 1) if len(w) else 1
    step = max(span_days / 400, 0.8)
    dodge = {a: pd.Timedelta(days=(i - (len(articles) - 1) / 2) * step) for i, a in enumerate(articles)}
    for ax, cat in zip(axes.flat, categories):
        ax.plot(w.index, w[cat] if cat in w else np.full(len(w), np.nan), color="0.35", lw=1.2)
        for _, c in placed[placed["category"] == cat].iterrows():
            ax.scatter(c["asof"] + dodge[c["article"]], c["value"], marker=MARKERS[c["verdict"]], s=46,
                       zorder=3, color=colours[c["article"]], edgecolor="black", linewidth=0.5)
        ax.set_title(CATEGORY_TITLES.get(cat, cat.replace("_", " ")))
        ax.set_xlabel("report date")
        ax.set_ylabel(UNITS.get(cat, "units lost"))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:,.0f}"))
        dates = mdates.AutoDateLocator(minticks=3, maxticks=6)
        ax.xaxis.set_major_locator(dates)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(dates))
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(categories):]:
        ax.set_visible(False)
    handles = [plt.Line2D([], [], color="0.35", label="General Staff total")]
    handles += [plt.Line2D([], [], ls="", marker="o", color=colours[a], label=f"article {a[:3]}") for a in articles]
    used = sorted(set(placed["verdict"].astype(str)), key=list(MARKERS).index) if len(placed) else []
    handles += [plt.Line2D([], [], ls="", marker=MARKERS[v], color="white", markeredgecolor="black", label=v)
                for v in used]
    zoom = f" ({around_days} days around the articles' as-of dates)" if zoomed else ""
    fig.suptitle(f"Russian losses in the General Staff's daily reports, with the articles' claims{zoom}",
                 fontsize=11)
    top = 1 - 0.75 / fig.get_figheight()
    fig.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, top), ncol=min(len(handles), 7),
               frameon=False, fontsize=8)
    fig.text(0.01, 0.005, SOURCE_NOTE, fontsize=7, color="0.3")
    fig.tight_layout(rect=(0, 0.35 / fig.get_figheight(), 1, top - 0.3 / fig.get_figheight()))
    return fig


# --------------------------------------------------------------------------- notebook 05


@dataclass
class NotebookSetup:
    """What notebook 05 derives from its parameters: the parsed corpus (`setup`, see
    `lossclaims.reports.prepare`), the series (None when there is none) and the reconciliation."""

    setup: Setup
    series: pd.DataFrame | None
    result: Reconciliation | None
    folder: Path | None = None

    @property
    def claims(self) -> pd.DataFrame:
        """The claims of the corpus, as parsed."""
        return self.setup.result.claims

    def announce_series(self) -> None:
        """Say in one sentence which series the claims are checked against, or how to get one."""
        from .reports import say

        if self.series is None:
            say("{text}", text=(
                "There is no General Staff series in the cache, so nothing can be dated: run "
                "`lossclaims reference update` to download it, or `lossclaims reference import DIR` "
                "for a local copy of its JSON files, then run this notebook again. The verdicts "
                "section lists the claims that would be reconciled."))
            return
        first, last = self.series["date"].min().date(), self.series["date"].max().date()
        say("The claims are checked against the General Staff series of {n} daily reports, "
            "{first} to {last}.", n=self.series["date"].nunique(), first=first, last=last)


def prepare_notebook(
    articles_dir: str | Path | None = None, reference_dir: str | Path | None = None,
    figures_dir: str | Path | None = None,
) -> NotebookSetup:
    """Check notebook 05's parameters, parse the corpus, load the series and reconcile.

    `reference_dir` None means the cache, or the packaged snapshot when the cache is older or missing;
    without either the result is None (the notebook says how to get one). A given folder without the series raises `reports.ParameterError`.

    >>> prepare_notebook(None, "/no/such/folder")
    Traceback (most recent call last):
    lossclaims.reports.ParameterError: The reference folder /no/such/folder holds no General Staff series (russia_losses_personnel.json and russia_losses_equipment.json).
    """
    from .reports import ParameterError, prepare

    if reference_dir not in (None, "") and reference.find_series(reference_dir) is None:
        raise ParameterError(
            f"The reference folder {reference_dir} holds no General Staff series "
            f"({' and '.join(reference.REQUIRED_FILES)})."
        )
    setup = prepare(articles_dir, None, None, figures_dir)
    try:  # a given folder, else the cache when it reaches as far as the packaged snapshot, else the snapshot
        origin = reference.series_origin(reference_dir or None)
        series = reference.load_series(reference_dir or None)
    except reference.SeriesNotFound:
        return NotebookSetup(setup, None, None)
    folder = origin.folder
    claims = setup.result.claims
    published = dict(zip(setup.result.articles["id"], setup.result.articles["published"]))
    result = reconcile(claims, series, published) if len(claims) else None
    return NotebookSetup(setup, series, result, folder)


def show_asof(nb: NotebookSetup) -> None:
    """Display the as-of table (one line per article, see `summary`), or why there is none."""
    from .reports import say, show_table

    if nb.result is None:
        say("{text}", text="No article can be dated without the series." if nb.series is None
            else "No claims were read, so no article can be dated.")
        return
    show_table(summary(nb.result).reset_index())


def claims_to_reconcile(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims the series can check: Russian running totals and daily figures that copy it."""
    keep = (claims["party"] == "russia") & claims["period"].isin(["cumulative", "daily"])
    keep &= claims.apply(lambda r: _official_category(r) is not None, axis=1) if len(claims) else keep
    cols = ["article", "category", "measure", "value", "qualifier", "period", "source", "flags"]
    return claims.loc[keep, cols].reset_index(drop=True)


def verdict_table(verdicts: pd.DataFrame, article: str) -> pd.DataFrame:
    """One article's claims with their verdicts, the official figure and the report matched.

    >>> verdict_table(reconcile(gold_example(), example_series()).verdicts, "a")["verdict"].tolist()
    ['exact', 'exact', 'mislabelled']
    """
    v = verdicts[verdicts["article"] == article]
    out = v[["party", "category", "measure", "value", "qualifier", "period", "source", "verdict",
             "official", "matched", "note"]].copy()
    out["verdict"] = out["verdict"].astype(str)
    out["matched"] = out["matched"].dt.strftime("%Y-%m-%d").fillna("")
    return out.reset_index(drop=True)


def show_verdicts(nb: NotebookSetup) -> None:
    """Per article, a sentence on its as-of date and the table of its claims' verdicts."""
    from .reports import say, show_table

    if nb.result is None:
        show_table(claims_to_reconcile(nb.claims), empty="No claims were read.")
        return
    heads = dict(zip(nb.setup.result.articles["id"], nb.setup.result.articles["headline"]))
    for _, a in nb.result.asof.iterrows():
        art = a["article"]
        head = f" ({heads[art]})" if heads.get(art) else ""
        if pd.isna(a["asof"]):
            say("**{art}**{head}: no Russian running total to date it by.", art=art, head=head)
        else:
            n = a["reports"]
            when = a["dates"] if n <= 3 else f"{a['asof'].date()} to {a['last'].date()} ({n} reports)"
            say("**{art}**{head}: as of {when}; {support} of its {claims} running totals agree with it.",
                art=art, head=head, when=when, support=a["support"], claims=a["claims"])
        show_table(verdict_table(nb.result.verdicts, art))


def show_falls(nb: NotebookSetup) -> None:
    """The days where a total of the series falls, with the correction that explains it."""
    from .reports import say, show_table

    if nb.series is None:
        say("{text}", text="Without the series its quirks cannot be shown.")
        return
    corrections = reference.load_corrections(nb.folder)  # None: the snapshot's, or the cache's
    f = reference.falls(nb.series, corrections)
    f = f.assign(date=pd.to_datetime(f["date"]).dt.strftime("%Y-%m-%d"))  # an empty frame has no datetime dtype
    show_table(f, empty="No total falls in this series.")


def show_chart(nb: NotebookSetup, name: str, around_days: int | None = None) -> None:
    """Draw `plot_reconciliation`, save it as PNG and SVG in the notebook's figures folder, show it."""
    from .reports import say, show_figure

    if nb.series is None:
        say("{text}", text="No chart without the series: get it with `lossclaims reference update` "
            "or `lossclaims reference import DIR`.")
        return
    fig = plot_reconciliation(nb.series, nb.result, around_days=around_days)
    show_figure(fig, name, nb.setup)


# --------------------------------------------------------------------------- command line


def _cmd_reconcile(args: argparse.Namespace) -> int:
    from .pipeline import parse, write_frame

    try:
        series = reference.load_series(args.reference or (reference.series_dir(args.cache) if args.cache else None))
    except reference.SeriesNotFound as exc:
        print(f"lossclaims reconcile: {exc}")
        return 1
    parsed = parse(args.path)
    claims = read_claims(args.claims) if args.claims else parsed.claims
    published = dict(zip(parsed.articles["id"], parsed.articles["published"]))
    if claims.empty:
        print(f"no claims in {args.path}: nothing to reconcile")
        return 1
    result = reconcile(claims, series, published)
    with pd.option_context("display.width", 200, "display.max_columns", 30):
        print(summary(result).to_string())
    total = verdict_counts(result.verdicts).sum()
    print("all: " + ", ".join(f"{v} {int(total[v])}" for v in VERDICTS if total[v]))
    if args.out:
        write_frame(result.verdicts.assign(verdict=result.verdicts["verdict"].astype(str)), args.out)
        print(f"verdicts -> {args.out}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `lossclaims reconcile PATH [--claims FILE] [--out FILE] [--cache DIR | --reference DIR]`."""
    p = sub.add_parser("reconcile", help="date articles against the General Staff series and judge each claim")
    p.add_argument("path", help="a folder of articles or one article file")
    p.add_argument("--claims", help="use this claims file (or gold annotation CSV) instead of parsing")
    p.add_argument("--out", help="write the per-claim verdicts here (.csv, .parquet or .json)")
    p.add_argument("--cache", help=f"cache folder (default: ${reference.CACHE_ENV} or the per-user cache)")
    p.add_argument("--reference", help="a folder holding the series' JSON files (instead of the cache)")
    p.set_defaults(func=_cmd_reconcile)
