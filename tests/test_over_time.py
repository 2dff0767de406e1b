"""Claims over time: the data behind the over-time chart, its call-outs and the chart itself."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lossclaims import analysis, plots, reconcile  # noqa: E402
from lossclaims.analysis import OVER_TIME_COLUMNS, claims_over_time, over_time_summary  # noqa: E402

R, U, CUM = "russia", "ukraine", "cumulative"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def series() -> pd.DataFrame:
    """Three years of a made-up running total of tanks and personnel, one report a day."""
    days = pd.date_range("2023-01-01", "2025-12-31", freq="D")
    rows = [(d, "tanks", 3000 + i * 7) for i, d in enumerate(days)]
    rows += [(d, "personnel", 120_000 + i * 813) for i, d in enumerate(days)]
    return pd.DataFrame(rows, columns=["date", "category", "value"])


def official(category: str, day: str) -> int:
    s = series()
    return int(s[(s["category"] == category) & (s["date"] == day)]["value"].item())


@pytest.fixture
def corpus(claims_of) -> pd.DataFrame:
    rows = [
        ("a", R, "tanks", "lost", official("tanks", "2023-03-01"), "exact", CUM, "ukraine_official"),
        ("b", R, "tanks", "lost", official("tanks", "2024-03-01"), "exact", CUM, "ukraine_official"),
        ("c", R, "tanks", "lost", official("tanks", "2024-01-01"), "exact", CUM, "unattributed"),  # two months stale
        ("d", R, "personnel", "killed", official("personnel", "2025-02-01"), "exact", CUM, "unattributed"),
        ("e", R, "personnel", "killed", 150_000, "approx", CUM, "uk_official"),
        ("f", U, "personnel", "casualties", 400_000, "approx", CUM, "us_official"),
        ("g", R, "tanks", "lost", 9_999, "exact", CUM, "isw"),
    ]
    days = ["2023-03-01", "2024-03-01", "2024-03-02", "2025-02-01", "2025-02-01", "2025-06-29", ""]
    return claims_of(*rows).assign(as_of=days, window_start="", date_basis=["article"] * 6 + ["none"])


def test_over_time_places_each_claim_against_the_official_figure_of_its_day(corpus):
    t = claims_over_time(corpus, series=series()).set_index("article")
    assert list(claims_over_time(corpus, series=series()).columns) == OVER_TIME_COLUMNS
    assert t.loc["a", "on_line"] and t.loc["b", "on_line"] and t.loc["a", "callout"] == ""
    assert not t.loc["c", "on_line"]
    assert t.loc["c", "official"] == official("tanks", "2024-03-02")
    assert "−" in t.loc["c", "callout"]
    assert f"the official {official('tanks', '2024-03-02'):,} of 2024-03-02" in t.loc["c", "callout"]
    assert pd.isna(t.loc["f", "on_line"]) and t.loc["f", "callout"] == ""  # Ukraine: no official series
    assert pd.isna(t.loc["g", "day"]) and pd.isna(t.loc["g", "on_line"])  # undated: not placed


def test_deaths_on_the_casualties_line_are_called_out_and_deaths_below_it_are_not(corpus):
    t = claims_over_time(corpus, series=series()).set_index("article")
    assert "casualties called deaths" in t.loc["d", "callout"]
    assert not t.loc["e", "on_line"] and t.loc["e", "callout"] == ""


def test_reconcile_verdicts_explain_the_call_outs(corpus):
    verdicts = reconcile.reconcile(corpus, series()).verdicts
    t = claims_over_time(corpus, series=series(), verdicts=verdicts).set_index("article")
    assert t.loc["d", "verdict"].startswith("mislabelled")
    assert "reconcile: mislabelled" in t.loc["d", "callout"]


def test_over_time_filters_and_summarises(corpus):
    t = claims_over_time(corpus, parties=R, categories="tanks", series=series())
    assert set(t["article"]) == {"a", "b", "c", "g"}
    assert over_time_summary(t) == ("The charts place 3 claims in time; 3 have a General Staff figure of their day, "
                                    "2 of them on the line; 1 is called out; 1 claim carries no date and is not drawn.")
    assert claims_over_time(corpus, periods="daily").empty
    with pytest.raises(ValueError, match="Unknown measure 'dead'"):
        claims_over_time(corpus, measures="dead")


def test_over_time_chart_draws_the_line_under_russian_claims_and_rings_call_outs(corpus):
    t = claims_over_time(corpus, series=series())
    fig = plots.plot_over_time(t, series(), quantities=[(R, "tanks", "lost", CUM), (U, "personnel", "casualties", CUM)])
    tanks, ukraine = fig.axes
    lines = [ln for ln in tanks.get_lines() if len(ln.get_xdata()) > 30]
    assert len(lines) == 1  # the official series
    ringed = [ln for ln in tanks.get_lines() if ln.get_markersize() == 13]
    assert len(ringed) == 1  # article c, the stale copy
    assert any(f"c: {official('tanks', '2024-01-01'):,}" in t.get_text() for t in tanks.texts)
    assert not [ln for ln in ukraine.get_lines() if len(ln.get_xdata()) > 30]
    assert "no official daily series" in ukraine.get_title(loc="left")
    assert any(x.get_text().startswith("Source") for x in fig.texts)


def test_over_time_chart_without_claims_says_so():
    from lossclaims.schema import frame

    fig = plots.plot_over_time(claims_over_time(frame("claims", [])))
    assert any("no claims to show" in t.get_text() for ax in fig.axes for t in ax.texts)


def test_over_time_panels_share_one_time_axis_and_undated_quantities_draw_nothing(corpus):
    t = claims_over_time(corpus, series=series())
    fig = plots.plot_over_time(t, series(), quantities=[(R, "tanks", "lost", CUM), (U, "personnel", "casualties", CUM)])
    assert fig.axes[0].get_xlim() == fig.axes[1].get_xlim()
    undated = claims_over_time(corpus.assign(as_of="", date_basis="none"), series=series())
    fig = plots.plot_over_time(undated, series(), quantities=[(R, "tanks", "lost", CUM)])
    assert any("no claims to show" in x.get_text() for ax in fig.axes for x in ax.texts)
