"""Claims in time: which claims describe the same time, and the official figure of a claim's day.

A running total is only comparable with a running total of the same day. Every claim
carries `as_of` (the ISO day it describes, "" when nothing tells), `window_start` (the
first day of a window, or "") and `date_basis` (docs/claims-spec.md, Dates). This module
reads those columns and answers two questions the analyses share:

- `time_groups`: per quantity, which claims may be compared. Running totals whose days
  lie within `days` of the group's first day (a tolerance: an article of Tuesday may
  quote Monday's report); daily figures of the same day; windows with the same first and
  last day. Undated claims form one group of their own, compared only with each other.
  A window whose first day is not known is compared with nothing.
- `official_figures`: for Russian personnel and equipment, the General Staff's figure of
  a claim's `as_of` day (its running total, its increase over the day before for a daily
  figure, or its growth over the window), and how far the claim lies from it.

Frames without the date columns (made before claims were dated) are read as undated.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

DATE_COLUMNS = ("as_of", "window_start", "date_basis")
"""The claims columns that place a claim in time (docs/claims-spec.md)."""
DEFAULT_DAYS = 3
"""Running totals whose days lie this many days apart or less are compared with each other."""
QUANTITY = ["party", "category", "measure", "period"]
UNDATED = "undated"
"""The label of the time group of claims without a date."""
OFFICIAL_COLUMNS = ["official", "official_date", "official_gap", "official_low", "official_high"]


def with_dates(claims: pd.DataFrame) -> pd.DataFrame:
    """`claims` with the date columns present: those missing are added empty (`date_basis` 'none').

    >>> with_dates(pd.DataFrame({"value": [1.0]}))[["as_of", "date_basis"]].values.tolist()
    [['', 'none']]
    """
    out = claims.copy()
    for col in DATE_COLUMNS:
        if col not in out.columns:
            out[col] = "none" if col == "date_basis" else ""
        else:
            out[col] = out[col].fillna("none" if col == "date_basis" else "").astype(str)
    return out


def to_day(values: Iterable[object]) -> pd.Series:
    """ISO day strings as Timestamps (NaT for "" and anything that is not a day).

    >>> to_day(["2025-06-30", "", "soon"]).dt.strftime("%Y-%m-%d").fillna("").tolist()
    ['2025-06-30', '', '']
    """
    return pd.to_datetime(pd.Series(list(values), dtype=object).replace("", None), errors="coerce",
                          format="%Y-%m-%d")


def check_days(days: object) -> int:
    """The comparison tolerance in days, or a one-sentence ValueError.

    >>> check_days(3), check_days(0)
    (3, 0)
    >>> check_days(-1)
    Traceback (most recent call last):
    lossclaims.reports.ParameterError: days must be a whole number of days, 0 or more (got -1).
    """
    from .reports import ParameterError

    if isinstance(days, bool) or not isinstance(days, (int, np.integer)) or days < 0:
        raise ParameterError(f"days must be a whole number of days, 0 or more (got {days!r}).")
    return int(days)


def check_window(since: object = None, until: object = None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The reader's window as Timestamps (None = open), or a `ParameterError` in one sentence.

    >>> check_window("2024-01-01", None)
    (Timestamp('2024-01-01 00:00:00'), None)
    >>> check_window("2025-02-30")
    Traceback (most recent call last):
    lossclaims.reports.ParameterError: since must be a day written YYYY-MM-DD, e.g. "2025-01-31" (got '2025-02-30').
    """
    from .reports import ParameterError

    bounds = []
    for name, value in (("since", since), ("until", until)):
        if value is None or str(value).strip() == "":
            bounds.append(None)
            continue
        day = to_day([str(value).strip()]).iloc[0]
        if pd.isna(day):
            raise ParameterError(f'{name} must be a day written YYYY-MM-DD, e.g. "2025-01-31" (got {value!r}).')
        bounds.append(day)
    if bounds[0] is not None and bounds[1] is not None and bounds[0] > bounds[1]:
        raise ParameterError(f"since ({since}) must not be later than until ({until}).")
    return bounds[0], bounds[1]


def _day_text(day: pd.Timestamp) -> str:
    return day.strftime("%Y-%m-%d")


def _span_text(first: pd.Timestamp, last: pd.Timestamp) -> str:
    return _day_text(first) if first == last else f"{_day_text(first)} to {_day_text(last)}"


def _cluster(days: pd.Series, tolerance: int) -> list[int]:
    """Group ids for sorted days: a group holds the days within `tolerance` of its first day."""
    ids, start, gid = [], None, -1
    for d in days:
        if start is None or (d - start).days > tolerance:
            start, gid = d, gid + 1
        ids.append(gid)
    return ids


def time_groups(claims: pd.DataFrame, days: int = DEFAULT_DAYS) -> pd.DataFrame:
    """For each claim (same index), the group of claims of its quantity it may be compared with.

    Columns: `group` (an id unique over the frame), `when` (the group's days, "2025-06-28 to
    2025-06-30", a window "2024-01-01 to 2024-12-31", or "undated"), `comparable` (False for a
    window whose first day is unknown: it is shown, never compared), and `day` (the claim's
    as_of as a Timestamp, NaT when undated).

    >>> c = pd.DataFrame({"party": "russia", "category": "tanks", "measure": "lost", "period": "cumulative",
    ...                   "as_of": ["2023-02-01", "2023-02-03", "2024-02-01", ""]})
    >>> time_groups(c)[["group", "when"]].values.tolist()
    [[0, '2023-02-01 to 2023-02-03'], [0, '2023-02-01 to 2023-02-03'], [1, '2024-02-01'], [2, 'undated']]
    """
    days = check_days(days)
    c = with_dates(claims)
    out = pd.DataFrame(index=c.index, columns=["group", "when", "comparable", "day"])
    out["day"] = to_day(c["as_of"]).to_numpy()
    first_day = pd.Series(to_day(c["window_start"]).to_numpy(), index=c.index)
    groups: list[tuple[pd.Index, str, bool]] = []
    for key, g in c.groupby(QUANTITY, sort=True):
        d = out.loc[g.index, "day"]
        dated = d.dropna().sort_values(kind="stable")
        if key[3] == "window":
            groups += _window_groups(dated, first_day.loc[dated.index])
        else:
            ids = _cluster(dated, days if key[3] == "cumulative" else 0)
            for k in sorted(set(ids)):
                idx = dated.index[[i == k for i in ids]]
                groups.append((idx, _span_text(dated[idx].min(), dated[idx].max()), True))
        undated = g.index[d.isna()]
        if key[3] == "window":  # a window with a first day but no last: known to differ from other windows
            opened = undated[first_day.loc[undated].notna().to_numpy()]
            groups += [(pd.Index([i]), f"window from {_day_text(first_day[i])}, end not given", False) for i in opened]
            undated = undated.difference(opened, sort=False)
        if len(undated):
            groups.append((undated, UNDATED, True))
    gids, whens, comparables = np.zeros(len(c), dtype=int), np.empty(len(c), dtype=object), np.ones(len(c), dtype=bool)
    for gid, (idx, when, comparable) in enumerate(groups):
        pos = c.index.get_indexer(idx)
        gids[pos], whens[pos], comparables[pos] = gid, when, comparable
    out["group"], out["when"], out["comparable"] = gids, whens, comparables
    out["day"] = pd.to_datetime(out["day"])
    return out


def _window_groups(last: pd.Series, first: pd.Series) -> list[tuple[pd.Index, str, bool]]:
    """Windows with the same first and last day; a window without a first day stands alone."""
    groups = []
    frame = pd.DataFrame({"first": first, "last": last})
    for (f, l), gw in frame.groupby(["first", "last"], sort=True, dropna=False):
        if pd.isna(f):
            groups += [(pd.Index([i]), f"window to {_day_text(l)}, start not given", False) for i in gw.index]
        else:
            groups.append((gw.index, _span_text(f, l), True))
    return groups


def same_time(a: pd.Series, b: pd.Series, days: int = DEFAULT_DAYS) -> bool:
    """Whether two claims (rows with period, as_of, window_start) describe the same time.

    Both undated counts as the same (nothing tells them apart); a dated and an undated claim never do,
    nor does a window whose first day is known but not its last.

    >>> r = lambda as_of, period="cumulative", start="": pd.Series({"period": period, "as_of": as_of, "window_start": start})
    >>> same_time(r("2025-06-30"), r("2025-06-28")), same_time(r("2023-06-30"), r("2025-06-30")), same_time(r(""), r(""))
    (True, False, True)
    """
    da, db = (to_day([x.get("as_of", "")]).iloc[0] for x in (a, b))
    sa, sb = (to_day([x.get("window_start", "")]).iloc[0] for x in (a, b))
    if pd.isna(da) or pd.isna(db):
        opened = any(x["period"] == "window" and not pd.isna(st) for x, st in ((a, sa), (b, sb)))
        return bool(pd.isna(da) and pd.isna(db) and not opened)
    if a["period"] == "window" or b["period"] == "window":
        return bool(a["period"] == b["period"] and not pd.isna(sa) and sa == sb and da == db)
    tolerance = days if a["period"] == b["period"] == "cumulative" else 0
    return abs((da - db).days) <= tolerance


def same_time_mask(claim: pd.Series, others: pd.DataFrame, days: int = DEFAULT_DAYS) -> np.ndarray:
    """`same_time` of one claim against each row of `others`, at once (for pairings over many claims).

    >>> c = pd.DataFrame({"period": "cumulative", "as_of": ["2025-06-29", "2024-06-29", ""], "window_start": ""})
    >>> same_time_mask(c.iloc[0], c).tolist()
    [True, False, False]
    """
    o = with_dates(others)
    day = to_day([claim.get("as_of", "")]).iloc[0]
    start = to_day([claim.get("window_start", "")]).iloc[0]
    o_day = to_day(o["as_of"]).to_numpy(dtype="datetime64[ns]")
    o_start = to_day(o["window_start"]).to_numpy(dtype="datetime64[ns]")
    o_period = o["period"].to_numpy()
    if pd.isna(day):
        if claim["period"] == "window" and not pd.isna(start):
            return np.zeros(len(o), dtype=bool)
        return np.isnat(o_day) & ~((o_period == "window") & ~np.isnat(o_start))
    gap = np.abs((o_day - np.datetime64(day, "ns")) / np.timedelta64(1, "D"))
    if claim["period"] == "window":
        if pd.isna(start):
            return np.zeros(len(o), dtype=bool)
        return (o_period == "window") & (o_start == np.datetime64(start, "ns")) & (gap == 0)
    tolerance = np.where((o_period == "cumulative") & (claim["period"] == "cumulative"), days, 0)
    return (o_period != "window") & ~np.isnat(o_day) & (gap <= tolerance)


# --- the official series ---------------------------------------------------------------------------

def _lookup(col: pd.Series, days: np.ndarray, tolerance: int) -> tuple[np.ndarray, np.ndarray]:
    """For each day, the value and date of the latest report of `col` on it or up to `tolerance` days before (NaN, NaT if none)."""
    known = col.dropna()
    values = np.full(len(days), np.nan)
    dates = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[ns]")
    if known.empty or not len(days):
        return values, dates
    index = known.index.to_numpy(dtype="datetime64[ns]")
    pos = np.searchsorted(index, days, side="right") - 1
    ok = (pos >= 0) & ~np.isnat(days)
    found = index[np.clip(pos, 0, None)]
    ok &= (days - found) <= np.timedelta64(tolerance, "D")
    values[ok] = known.to_numpy(dtype=float)[pos[ok]]
    dates[ok] = found[ok]
    return values, dates


def _near_range(col: pd.Series, days: np.ndarray, tolerance: int) -> tuple[np.ndarray, np.ndarray]:
    """For each day, the lowest and highest value of `col` within `tolerance` days either side."""
    daily = col.dropna()
    if daily.empty or not len(days):
        return np.full(len(days), np.nan), np.full(len(days), np.nan)
    daily = daily.asfreq("D")
    width = 2 * tolerance + 1
    lo = daily.rolling(width, center=True, min_periods=1).min()
    hi = daily.rolling(width, center=True, min_periods=1).max()
    at = lambda r: r.reindex(pd.DatetimeIndex(days)).to_numpy(dtype=float)  # noqa: E731
    return at(lo), at(hi)


def official_figures(claims: pd.DataFrame, series: pd.DataFrame | None, days: int = DEFAULT_DAYS) -> pd.DataFrame:
    """For each claim (same index), the General Staff's figure of its `as_of` day and how far the claim lies from it.

    Columns: `official` (NaN where the series has no counterpart: another party, category or
    measure, no date, a window without a first day), `official_date` (the report used: the
    as_of day, or the latest report up to `days` before it), `official_gap` ((value -
    official) / official), `official_low` / `official_high` (the lowest and highest official
    figure within `days` either side of the day: what a claim dated a little off may show).
    A daily figure is set against the day's increase, a window against the growth of the
    total over it. Russian deaths are set against the casualties total, the only personnel
    figure the series has (a match there is a mislabelling).

    >>> from lossclaims.reconcile import example_series
    >>> c = pd.DataFrame({"party": ["russia", "ukraine"], "category": ["tanks", "tanks"], "measure": "lost",
    ...                   "period": "cumulative", "value": [10990.0, 5.0], "as_of": ["2025-06-30", "2025-06-30"]})
    >>> official_figures(c, example_series())[["official", "official_gap"]].round(4).values.tolist()
    [[10980.0, 0.0009], [nan, nan]]
    """
    from .reconcile import official_category
    from .reference import wide

    days = check_days(days)
    out = pd.DataFrame({col: np.nan for col in OFFICIAL_COLUMNS}, index=claims.index)
    out["official_date"] = pd.to_datetime(out["official_date"])
    if series is None or series.empty or claims.empty:
        return out
    w = wide(series)
    increments = w.diff().where(pd.Series(w.index, index=w.index).diff().eq(pd.Timedelta(days=1)), axis=0)
    c = with_dates(claims)
    as_of = to_day(c["as_of"]).to_numpy(dtype="datetime64[ns]")
    start = to_day(c["window_start"]).to_numpy(dtype="datetime64[ns]")
    cols = np.array([official_category(r) if p == "russia" else None
                     for p, r in zip(c["party"], c[["category", "measure"]].to_dict("records"))], dtype=object)
    period, value = c["period"].to_numpy(), c["value"].to_numpy(dtype=float)
    result = {k: np.full(len(c), np.nan) for k in ("official", "official_low", "official_high")}
    used = np.full(len(c), np.datetime64("NaT"), dtype="datetime64[ns]")
    one_day = np.timedelta64(1, "D")
    for name in sorted({x for x in cols if x in w.columns}):
        for kind in ("cumulative", "daily", "window"):
            m = (cols == name) & (period == kind) & ~np.isnat(as_of)
            if not m.any():
                continue
            line = (increments if kind == "daily" else w)[name]
            got, when = _lookup(line, as_of[m], days if kind != "daily" else 0)
            if kind == "window":
                before, _ = _lookup(w[name], start[m] - one_day, days)
                got = got - before  # NaN without a first day or a report before it
                lo = hi = got
            else:
                lo, hi = _near_range(line, as_of[m], days)
            result["official"][m], used[m] = got, when
            result["official_low"][m], result["official_high"][m] = lo, hi
    have = ~np.isnan(result["official"])
    out["official"] = result["official"]
    out["official_date"] = np.where(have, used, np.datetime64("NaT"))
    with np.errstate(divide="ignore", invalid="ignore"):
        out["official_gap"] = np.where(have & (result["official"] != 0), (value - result["official"]) / result["official"], np.nan)
    out["official_low"] = np.where(have, result["official_low"], np.nan)
    out["official_high"] = np.where(have, result["official_high"], np.nan)
    return out


def gap_text(gap: float) -> str:
    """A relative gap as a reader reads it: "+0.1 %", "−25 %", "" for none.

    >>> gap_text(0.00091), gap_text(-0.25), gap_text(0.0), gap_text(float("nan"))
    ('+0.09 %', '−25 %', '0', '')
    """
    if gap is None or pd.isna(gap):
        return ""
    if gap == 0:
        return "0"
    pct = abs(gap) * 100
    text = f"{pct:.2f}" if pct < 1 else f"{pct:.1f}" if pct < 10 else f"{pct:.0f}"
    return ("+" if gap > 0 else "−") + text + " %"


def official_series(reference_dir: object = None) -> pd.DataFrame | None:
    """The General Staff series from `reference_dir` (None: the cache), or None when the cache holds none.

    A folder that is given but holds no series is a `ParameterError` in one sentence.

    >>> official_series("/no/such/folder")
    Traceback (most recent call last):
    lossclaims.reports.ParameterError: The reference folder /no/such/folder holds no General Staff series (russia_losses_personnel.json and russia_losses_equipment.json).
    """
    from . import reference
    from .reports import ParameterError

    given = reference_dir not in (None, "")
    if given and reference.find_series(str(reference_dir)) is None:
        raise ParameterError(f"The reference folder {reference_dir} holds no General Staff series "
                             f"({' and '.join(reference.REQUIRED_FILES)}).")
    try:
        return reference.load_series(str(reference_dir) if given else None)
    except reference.SeriesNotFound:
        return None


def series_sentence(series: pd.DataFrame | None) -> str:
    """What a report says about the official series it draws: its span, or how to get it.

    >>> from lossclaims.reconcile import example_series
    >>> series_sentence(example_series())
    "The official line is the General Staff of Ukraine's daily series, 3 reports from 2025-06-29 to 2025-07-01."
    """
    if series is None or series.empty:
        return ("There is no General Staff series in the cache, so no official figure is shown: run "
                "`lossclaims reference update` to download it, or `lossclaims reference import DIR` for a "
                "local copy, then run this notebook again.")
    first, last = series["date"].min(), series["date"].max()
    return (f"The official line is the General Staff of Ukraine's daily series, {series['date'].nunique()} reports "
            f"from {first.strftime('%Y-%m-%d')} to {last.strftime('%Y-%m-%d')}.")
