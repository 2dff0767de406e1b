"""Figures: files written, titles and labelled axes, the source named, fixed colours per party."""
from __future__ import annotations


import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from lossclaims import plots  # noqa: E402
from lossclaims.analysis import equipment_coverage, equipment_totals, party_losses  # noqa: E402
from lossclaims.plots import (  # noqa: E402
    PARTY_COLOURS, SOURCE_COLOURS, party_colour, plot_coverage, plot_equipment, plot_losses,
    plot_spread, save_figure, source_colour,
)
from lossclaims.schema import frame  # noqa: E402
from lossclaims.spread import claim_intervals  # noqa: E402

R, U, CUM = "russia", "ukraine", "cumulative"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def texts(fig) -> list[str]:
    """Every text drawn on a figure: suptitle, footnotes, axis titles and labels."""
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [ax.get_title(), ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
    return [t for t in out if t]


def assert_labelled(fig, unit: str) -> None:
    """A title, labelled axes with the unit, and the source named."""
    assert fig.get_suptitle() or any(ax.get_title() or ax.get_title(loc="left") for ax in fig.axes)
    for ax in fig.axes:
        assert ax.get_xlabel() and ax.get_ylabel()
    assert any(unit in ax.get_xlabel() for ax in fig.axes)
    assert any(t.startswith("Source:") for t in texts(fig))


def bar_colours(ax) -> set[str]:
    return {to_hex(p.get_facecolor(), keep_alpha=False) for p in ax.patches}


def test_party_colours_are_fixed_and_distinct():
    assert PARTY_COLOURS["russia"] == "#c0392b" and PARTY_COLOURS["ukraine"] == "#1f5fbf"
    assert len(set(PARTY_COLOURS.values())) == len(PARTY_COLOURS)
    assert party_colour("belarus") == party_colour("belarus") not in PARTY_COLOURS.values()
    assert source_colour("isw") == SOURCE_COLOURS["isw"] and len(set(SOURCE_COLOURS.values())) == len(SOURCE_COLOURS)


def test_save_figure_writes_reproducible_png_and_svg(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    paths = save_figure(fig, "russia vs/ukraine", tmp_path)
    assert paths == {"png": tmp_path / "russia_vs_ukraine.png", "svg": tmp_path / "russia_vs_ukraine.svg"}
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    first = {k: p.read_bytes() for k, p in paths.items()}
    save_figure(fig, "russia vs/ukraine", tmp_path)
    assert {k: p.read_bytes() for k, p in paths.items()} == first
    assert b"<dc:date>" not in first["svg"]
    with pytest.raises(ValueError, match="no usable characters"):
        save_figure(fig, "//", tmp_path)


def test_plot_losses_colours_by_party(claims_of, tmp_path):
    c = claims_of(("001", R, "personnel", "casualties", 1020010, "exact", CUM, "ukraine_official"),
                  ("002", R, "personnel", "casualties", 1000000, "at_least", CUM, "ukraine_official"),
                  ("001", U, "personnel", "casualties", 400000, "at_least", CUM, "isw"))
    fig = plot_losses(party_losses(c))
    assert_labelled(fig, "people")
    ax = fig.axes[0]
    assert bar_colours(ax) == {PARTY_COLOURS[R], PARTY_COLOURS[U]}
    assert [t.get_text() for t in ax.get_yticklabels()] == ["casualties — Ukrainian officials", "casualties — ISW"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [R, U]
    # the same party keeps its colour when it is drawn alone
    assert bar_colours(plot_losses(party_losses(c, parties=U)).axes[0]) == {PARTY_COLOURS[U]}
    assert all(p.exists() for p in save_figure(fig, "losses", tmp_path).values())


def test_plot_equipment_stacks_children_on_parent(claims_of):
    c = claims_of(("002", R, "armoured_vehicles", "lost", 1149, "approx", "window", "csis"),
                  ("002", R, "ifv", "lost", 3098, "approx", "window", "csis"),
                  ("001", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"))
    fig = plot_equipment(equipment_totals(c))
    assert_labelled(fig, "items")
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["Ukrainian officials — cumulative", "CSIS — window"]
    window = fig.axes[1]
    widths = sorted(p.get_width() for p in window.patches if p.get_width() > 0)
    assert widths == [1149, 3098] and {to_hex(p.get_facecolor(), keep_alpha=False) for p in window.patches} == {PARTY_COLOURS[R]}
    assert [t.get_text() for t in window.get_yticklabels()] == ["armoured_vehicles (+ ifv)"]


def test_plot_coverage_marks_reported_cells(claims_of):
    c = claims_of(("000", R, "tanks", "lost", 11000, "at_most", CUM, "ukraine_official"),
                  ("001", R, "mlrs", "lost", 1427, "exact", CUM, "ukraine_official"))
    fig = plot_coverage(equipment_coverage(c, categories=["tanks", "mlrs"]))
    assert_labelled(fig, "category")
    reported = fig.axes[0].collections[1]
    assert to_hex(reported.get_facecolor()[0], keep_alpha=False) == PARTY_COLOURS[R]
    assert reported.get_offsets().tolist() == [[0, 0], [1, 1]]  # (tanks, 000) and (mlrs, 001)


def test_plot_spread_draws_each_claim_and_marks_outliers(claims_of):
    c = claims_of(("000", U, "personnel", "casualties", 400000, "approx", CUM, "independent"),
                  ("001", U, "personnel", "casualties", 400000, "at_least", CUM, "isw"),
                  ("003", U, "personnel", "casualties", 45000, "exact", CUM, "ukraine_official"),
                  ("001", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"))
    fig = plot_spread(claim_intervals(c))  # default: only quantities with two claims or more
    assert_labelled(fig, "people")
    (ax,) = fig.axes
    assert ax.get_title(loc="left") == "ukraine · personnel · casualties · cumulative: claims disagree"
    (title,) = [t for t in ax.get_children() if isinstance(t, Text) and t.get_text().startswith("ukraine ·")]
    assert to_hex(title.get_color()) == PARTY_COLOURS[U]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("OUTLIER 45,000") and not any(lab.startswith("OUTLIER") for lab in labels[1:])
    colours = {to_hex(line.get_color()) for line in ax.lines}
    assert {SOURCE_COLOURS["independent"], SOURCE_COLOURS["isw"], SOURCE_COLOURS["ukraine_official"]} <= colours
    with pytest.raises(ValueError, match="No claims for quantity"):
        plot_spread(claim_intervals(c), [(R, "ships", "lost", CUM)])


def test_empty_frames_give_labelled_empty_figures():
    empty = frame("claims", [])
    for fig in (plot_losses(party_losses(empty)), plot_equipment(equipment_totals(empty)),
                plot_coverage(equipment_coverage(empty)), plot_spread(claim_intervals(empty))):
        assert "no claims to show" in [t.get_text() for t in fig.axes[0].texts]
        assert fig.axes[0].get_title() and fig.axes[0].get_xlabel()


def test_gold_figures_are_written(gold_claims, tmp_path):
    figs = {
        "losses": plot_losses(party_losses(gold_claims, parties=[R, U])),
        "equipment": plot_equipment(equipment_totals(gold_claims)),
        "coverage": plot_coverage(equipment_coverage(gold_claims)),
        "spread": plot_spread(claim_intervals(gold_claims), [(R, "tanks", "lost", CUM), (R, "personnel", "casualties", CUM)]),
    }
    for name, fig in figs.items():
        paths = save_figure(fig, name, tmp_path)
        assert paths["png"].stat().st_size > 5000 and paths["svg"].stat().st_size > 5000
    assert [a.get_title(loc="left") for a in figs["equipment"].axes] == ["Ukrainian officials — cumulative", "CSIS — window"]


def test_spread_legend_sits_between_the_title_and_the_axes(claims_of):
    # a tall figure (90 claims, 30 inches): where a title placed as a share of the height drifts down
    sources = ["ukraine_official", "isw", "unattributed", "independent", "uk_official", "us_official"] * 15
    rows = [(f"a{i}", R, "tanks", "lost", 10980, "exact", CUM, s) for i, s in enumerate(sources)]
    fig = plot_spread(claim_intervals(claims_of(*rows)))
    assert fig.get_figheight() > 25
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    title = fig._suptitle.get_window_extent(renderer)
    legend = fig.legends[0].get_window_extent(renderer)
    axes_top = max(ax.get_window_extent(renderer).y1 for ax in fig.axes)
    first_title = fig.axes[0].title.get_window_extent(renderer) if fig.axes[0].get_title() else None
    assert legend.y1 <= title.y0 + 1  # below the figure's title (pixels, y grows upwards)
    assert legend.y0 >= axes_top
    left = fig.axes[0]._left_title.get_window_extent(renderer)
    assert not legend.overlaps(left) and (first_title is None or not legend.overlaps(first_title))


def test_spread_chart_draws_claims_of_one_time_together_and_leaves_lone_ones_to_the_table(claims_of):
    c = claims_of(("a", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"),
                  ("b", R, "tanks", "lost", 11000, "at_most", CUM, "isw"),
                  ("c", R, "tanks", "lost", 5000, "exact", CUM, "isw"),
                  ("d", R, "tanks", "lost", 6000, "exact", CUM, "isw"))
    c = c.assign(as_of=["2025-06-30", "2025-06-30", "2023-01-01", "2024-01-01"], date_basis="sentence")
    fig = plot_spread(claim_intervals(c))
    (ax,) = fig.axes
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 2 and all("2025-06-30" in x for x in labels)
    assert ax.get_title(loc="left").endswith("claims agree")
    # asked for by name, the quantity shows every claim, each year in its own group
    fig = plot_spread(claim_intervals(c), [(R, "tanks", "lost", CUM)])
    assert len(fig.axes[0].get_yticklabels()) == 4
    assert {t.get_text().split("\n")[0] for t in fig.axes[0].texts} == {"2023-01-01", "2024-01-01", "2025-06-30"}


def test_spread_chart_draws_at_most_six_times_of_a_quantity(claims_of):
    days = [f"2024-0{m}-01" for m in range(1, 9)]
    rows = [(f"{d}-{k}", R, "tanks", "lost", 5000 + m, "exact", CUM, "isw") for m, d in enumerate(days) for k in "ab"]
    c = claims_of(*rows).assign(as_of=[r[0][:10] for r in rows], date_basis="sentence")
    ax = plot_spread(claim_intervals(c)).axes[0]
    shown = {t.get_text().split("\n")[0] for t in ax.texts}
    assert len(ax.get_yticklabels()) == 12 and shown == set(days[2:])  # the latest six of eight equal times
