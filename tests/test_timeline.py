"""Claims in time: time groups, the reader's window, and the official figure of a claim's day."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from lossclaims import timeline
from lossclaims.reconcile import example_series
from lossclaims.reports import ParameterError

R = "russia"


def claims(*rows: tuple) -> pd.DataFrame:
    """Rows of (party, category, measure, period, value, as_of[, window_start])."""
    return pd.DataFrame([(*r[:6], r[6] if len(r) > 6 else "") for r in rows],
                        columns=["party", "category", "measure", "period", "value", "as_of", "window_start"])


def test_frames_without_date_columns_read_as_undated():
    c = pd.DataFrame({"party": [R], "category": ["tanks"], "measure": ["lost"], "period": ["cumulative"]})
    assert timeline.time_groups(c)["when"].tolist() == ["undated"]
    assert timeline.with_dates(c)["date_basis"].tolist() == ["none"]


def test_a_group_never_spans_more_than_the_tolerance():
    # daily articles each a day apart: chaining them would compare the first with the last
    days = [f"2025-06-{d:02d}" for d in range(1, 11)]
    c = claims(*[(R, "tanks", "lost", "cumulative", 10_000 + i, d) for i, d in enumerate(days)])
    g = timeline.time_groups(c, days=3)
    assert g["when"].unique().tolist() == ["2025-06-01 to 2025-06-04", "2025-06-05 to 2025-06-08",
                                           "2025-06-09 to 2025-06-10"]
    for _, grp in g.groupby("group"):
        assert (grp["day"].max() - grp["day"].min()).days <= 3


def test_daily_figures_are_grouped_by_their_exact_day_and_quantities_apart():
    c = claims((R, "tanks", "lost", "daily", 4, "2025-06-30"), (R, "tanks", "lost", "daily", 5, "2025-07-01"),
               (R, "tanks", "lost", "cumulative", 10_980, "2025-06-30"))
    g = timeline.time_groups(c)
    assert g["group"].nunique() == 3


def test_check_days_and_window_reject_bad_values_in_one_sentence():
    for bad in (-1, 2.5, "3", True):
        with pytest.raises(ValueError, match="whole number of days"):
            timeline.check_days(bad)
    with pytest.raises(ParameterError, match=r"^until must be a day written YYYY-MM-DD"):
        timeline.check_window(None, "June 2025")
    with pytest.raises(ParameterError, match="must not be later"):
        timeline.check_window("2025-06-30", "2025-01-01")
    assert timeline.check_window("", None) == (None, None)


def test_official_figures_of_a_running_total_a_daily_figure_and_a_window():
    c = claims((R, "tanks", "lost", "cumulative", 10_980, "2025-06-30"),
               (R, "tanks", "lost", "daily", 3, "2025-07-01"),
               (R, "tanks", "lost", "window", 7, "2025-07-01", "2025-06-30"),
               (R, "tanks", "lost", "cumulative", 10_983, "2025-07-03"),   # no report that day: the latest before it
               (R, "tanks", "lost", "cumulative", 10_983, "2025-07-09"),   # over `days` after the last report
               (R, "personnel", "wounded", "cumulative", 5, "2025-06-30"))  # the series counts no wounded
    o = timeline.official_figures(c, example_series())
    assert o["official"].tolist()[:4] == [10_980, 3, 7, 10_983]
    assert o["official_date"].dt.strftime("%Y-%m-%d").tolist()[:4] == ["2025-06-30", "2025-07-01", "2025-07-01", "2025-07-01"]
    assert math.isnan(o["official"].iloc[4]) and math.isnan(o["official"].iloc[5])
    assert timeline.official_figures(c, None)["official"].isna().all()


def test_same_time_mask_agrees_with_same_time_pair_by_pair():
    rows = [(p, d, s) for p in ("cumulative", "daily", "window") for d in ("2025-06-30", "2025-06-28", "2023-06-30", "")
            for s in ("", "2025-06-01")]
    c = pd.DataFrame(rows, columns=["period", "as_of", "window_start"])
    for days in (0, 3):
        for i in range(len(c)):
            expected = [timeline.same_time(c.iloc[i], c.iloc[j], days) for j in range(len(c))]
            assert timeline.same_time_mask(c.iloc[i], c, days).tolist() == expected, (c.iloc[i].tolist(), days)
