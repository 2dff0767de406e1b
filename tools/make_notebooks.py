"""Write the numbered notebooks 01-05 from the cell sources below (without outputs; 06-reconcile is kept by hand).

The sources live here so that a change to a notebook is a readable diff; the committed
notebooks carry outputs, so after running this re-execute them in place:

    .venv/bin/python tools/make_notebooks.py && .venv/bin/python -m lossclaims report --update-notebooks
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

PARAMETERS = '''\
# Folder of articles: .txt or .md files, with an optional articles.csv of headlines and outlets.
# None reads the default corpus that comes with lossclaims.
articles_dir = None
# Whose losses to show, e.g. ["russia"]; None shows every party found.
parties = {parties}
# Which categories, e.g. ["tanks", "artillery"]; None shows them all (keys: docs/claims-spec.md).
categories = {categories}
# Folder where each figure is also saved as PNG and SVG; None means reports/figures of the project.
figures_dir = None
'''

SETUP = '''\
from lossclaims import reports

setup = reports.prepare(articles_dir, parties, categories, figures_dir)
claims = setup.claims
setup.announce()
'''


def md(text: str) -> nbformat.NotebookNode:
    return new_markdown_cell(text.strip())


def code(text: str, *tags: str) -> nbformat.NotebookNode:
    cell = new_code_cell(text.strip())
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def parameters(parties: str = "None", categories: str = "None", extra: str = "") -> nbformat.NotebookNode:
    return code(PARAMETERS.format(parties=parties, categories=categories) + extra, "parameters")


CORPUS = [
    md("""
# 01 · The corpus

Which articles were read, how many loss claims each gave, and the sentence every claim and every
left-out number comes from: the provenance a fact-checker needs.

To read your own articles, set `articles_dir` below to their folder and run all cells.
"""),
    parameters(),
    code(SETUP),
    md("""
## Articles

One row per article: the short label that tables and charts use for it, its headline and outlet where
known, its publication date and where that date came from (`published_source`: the metadata of an
`articles.csv` or a saved page, or a dateline in the text), its length in words, and how many loss
claims and other numbers were read from it. Look for articles without a date: their claims can only
be placed in time by what their sentences say. Look also for articles that gave no claim: either they
state none, or the parser missed one.
"""),
    code("reports.show_table(reports.articles_overview(setup.result, claims))"),
    md("""
## Claims, with the sentence each was read from

Every figure taken as a loss claim, in article order. `qualifier` tells whether the article wrote a
bare figure (`exact`), "about" (`approx`), "over" (`at_least`) or "nearly" (`at_most`); `source` is
who the article says made the claim; `as_of` is the day the figure describes and `date_basis` where
that day came from (the `sentence`, the `article`'s date, the official `reference` report it copies,
or `none`); `flags` mark readings to double-check, such as a mistyped thousands separator or a figure
read from the headline.
"""),
    code("""
reports.show_table(
    reports.claims_with_quotes(claims),
    empty="No claims found in this corpus for these parameters.",
)
"""),
    md("""
## Numbers that were not taken

Every other number read from the texts, with the reason it is not a loss claim (a date, a
percentage, drones launched rather than shot down, a historic war's toll), so that nothing is dropped
silently. First how many numbers each reason left out, then each number in its sentence.
"""),
    code("reports.show_table(reports.reasons_count(setup.result.mentions), empty=\"No other numbers were read.\")"),
    code("reports.show_table(reports.mentions_not_taken(setup.result.mentions), empty=\"No other numbers were read.\")"),
    md("""
## Files that could not be read
"""),
    code("reports.show_table(setup.result.problems, empty=\"Every file could be read.\")"),
]

SIDES = [
    md("""
# 02 · Russia vs Ukraine

What each side is reported to have lost, by measure and by who made the claim, and which of those
figures can fairly be set side by side: figures of the same period only.
"""),
    parameters('["russia", "ukraine"]', '["personnel"]', extra=(
        "# The window of days to compare, e.g. since = \"2023-01-01\", until = \"2023-12-31\"; None leaves it open.\n"
        "# Each side, measure and source shows its latest claim in the window.\n"
        "since = None\n"
        "until = None\n"
        "# Two sides' figures at most this many days apart count as the same period.\n"
        "days = 3\n"
    )),
    code("""
from lossclaims import analysis, plots, reports, spread, timeline

setup = reports.prepare(articles_dir, parties, categories, figures_dir, n_parties=2)
claims = setup.claims
window = timeline.check_window(since, until)
days = timeline.check_days(days)
setup.announce()
"""),
    md("""
## Reported losses by measure and source

A running total grows every day, so a figure of 2022 and one of 2025 are not two views of one number.
Each row therefore shows only the **latest** claim of its side, measure and source within the window
set above (`since`, `until`), and says its day; the sentence below names the days compared.

Read the chart with its caveats. These are **claims**, not counts: each side's losses are mostly
reported by the other side's officials, who have every reason to inflate them, while a side's own
figures are rare and low. The measures differ (killed, wounded, casualties = killed and wounded
together, missing), so a bar of casualties is not comparable with a bar of deaths. Figures are never
added up across articles.

Look for rows where both parties have a bar from the **same source** and of close days: only those
compare like with like. The black line spans the lowest to the highest figure of that day.
"""),
    code("""
losses = analysis.party_losses(setup.result.claims, setup.parties, setup.categories, since=since, until=until)
reports.say("{text}", text=analysis.compared_dates(losses))
reports.show_figure(plots.plot_losses(losses), "02-russia-vs-ukraine", setup)
"""),
    md("""
The figures behind the chart: the claims of each row's day, with the articles that make them, and how
many earlier (or undated) claims of the same row were left out.
"""),
    code("""
reports.show_table(
    losses[["party", "category", "measure", "period", "source", "as_of", "claims", "figures", "left_out"]],
    empty="No cumulative loss claims found for these parties and categories in this window.",
)
"""),
    md("""
## Side by side, with what each row may be compared with

One row per measure and source; a dash where a side has no figure. `like_for_like` is true only when
both sides have figures of that measure from the same source family, of days at most `days` apart;
the note says which days are compared and why a row is not a fair comparison.
"""),
    code("""
reports.show_table(
    analysis.side_by_side(setup.result.claims, tuple(setup.parties), setup.categories,
                          since=since, until=until, days=days),
    empty="Neither side has a cumulative loss claim in this window.",
)
"""),
    md("""
## Deaths reported as casualties

A figure reported as deaths (killed) in one place and as casualties (killed and wounded) in another,
of the same time, is a sign that one of the two reports mislabelled it; quote it with care.
"""),
    code("""
reports.show_table(
    spread.conflations(analysis.in_window(setup.result.claims, since, until), setup.parties,
                       setup.categories, days=days)[
        ["party", "category", "when", "article", "source", "figure", "casualties_figures", "note"]
    ],
    empty="No figure is reported both as killed and as casualties.",
)
"""),
]

EQUIPMENT = [
    md("""
# 03 · Equipment

Which equipment losses are reported for each side, how the finer categories roll up into their
parents, and which article reports which category.
"""),
    parameters(),
    code(SETUP),
    md("""
## Totals per category, with roll-ups

One row per category as reported, kept apart by party, period and source (a window such as "since
January 2024" never mixes with a running total). A `rollup` row adds up a parent and the finer
categories listed beside it in the same article, such as armoured vehicles plus infantry fighting
vehicles.
"""),
    code("""
from lossclaims import analysis, plots

totals = analysis.equipment_totals(setup.result.claims, setup.parties, setup.categories)
reports.show_table(
    totals[["party", "period", "source", "category", "level", "includes", "figures", "note"]],
    empty="No equipment claims found for these parties and categories.",
)
"""),
    md("""
In the chart, look at how much the hatched parts (finer categories rolled up) add to a parent's own
figure, and at how the panels (one per source and period) differ in scale.
"""),
    code("""
for party in totals["party"].unique():
    reports.show_figure(plots.plot_equipment(totals, party), f"03-equipment-{party}", setup)
if totals.empty:
    reports.say("{text}", text="No equipment chart: no equipment claims.")
"""),
    md("""
## Which article reports which category

A full grid of articles and categories, so absences show. Look for the gaps in a row: a category that
other articles report and this one leaves out, often because it quotes only part of a list.
"""),
    code("""
coverage = analysis.equipment_coverage(setup.result.claims, setup.parties, setup.categories)
reports.show_figure(plots.plot_coverage(coverage), "03-equipment-coverage", setup)
reports.show_table(reports.coverage_summary(coverage), empty="No article reports an equipment category.")
"""),
    md("""
The categories each article leaves out although another article quoting the same source reports them:
"""),
    code("""
reports.show_table(
    analysis.source_omissions(setup.result.claims, setup.parties, setup.categories)[
        ["party", "period", "source", "article", "category", "reported_by"]
    ],
    empty="No article leaves out a category that another article from the same source reports.",
)
"""),
]

SPREAD = [
    md("""
# 04 · Claim spread

For each quantity (whose losses, of what, measured how, over what period) and each time, how far the
reported figures agree, which claims are outliers, how far each lies from the official figure of its
day, and where deaths and casualties are confused.
"""),
    parameters(extra=(
        "# Running totals whose days lie at most this many days apart are compared with each other.\n"
        "days = 3\n"
        "# Folder holding the General Staff series; None uses the cache (`lossclaims reference update`).\n"
        "reference = None\n"
        "# True shows a menu to pick one quantity (in JupyterLab); False draws every quantity, as reports do.\n"
        "interactive = False\n"
    )),
    code("""
from lossclaims import plots, reports, spread, timeline

setup = reports.prepare(articles_dir, parties, categories, figures_dir)
claims = setup.claims
days = timeline.check_days(days)
series = timeline.official_series(reference)
setup.announce()
"""),
    md("""
## Every claim as an interval, beside the claims of its time

A running total is only comparable with a running total of the same day. Claims of a quantity are
therefore compared only with claims of the same time: running totals whose days lie at most `days`
apart, daily figures of the same day, windows with the same first and last day, and undated claims
only with undated claims. Claims of other days are listed in the table below, never called
disagreeing.

A qualifier turns a figure into a range of values: "nearly 11,000" admits 9,900 to 11,000, "over
22,000" anything above, a round "one million" a little either side. Claims of one time **agree** when
one value fits them all (the grey band). Look for times with no grey band, for the claims marked
OUTLIER that no other claim admits, and for claims far from the black bar, the General Staff's figure
of their day. Colours name who made the claim. Set `interactive = True` above to pick one quantity from
a menu instead.
"""),
    code("""
intervals = spread.claim_intervals(setup.result.claims, setup.parties, setup.categories, days, series)
if interactive:
    reports.quantity_picker(intervals, setup)
else:
    reports.show_figure(plots.plot_spread(intervals), "04-claim-spread", setup)
"""),
    md("""
## The table to paste

One row per quantity and time: the figures with the articles that make them, who made them, whether
they agree ("—" for a claim alone on its day), the official figure of those days where there is one,
and a sentence for the reader.
"""),
    code("""
table = spread.spread_table(setup.result.claims, setup.parties, setup.categories, days, series)
reports.show_table(reports.paste_table(table), empty="No claims found for these parties and categories.")
"""),
    md("""
## Each claim against the official figure of its day

For Russian personnel and equipment, the General Staff's figure of the day each claim describes, the
claim's distance from it, and whether the claim's interval admits it. Deaths are set against the
casualties the series counts (killed and wounded): a death toll equal to it is mislabelled.
"""),
    code("""
reports.say("{text}", text=timeline.series_sentence(series))
""", "nbval-ignore-output"),
    code("""
reports.show_table(
    spread.official_table(intervals),
    empty="No claim here has an official counterpart of its day (Russian personnel or equipment, dated).",
)
"""),
    md("""
## Outliers

Claims that none of the other claims of their quantity and time admits (a time needs three claims
before one can stand apart).
"""),
    code("""
reports.show_table(
    spread.outliers(setup.result.claims, setup.parties, setup.categories, days=days)[
        ["party", "category", "measure", "period", "when", "figure", "source", "others_figures"]
    ],
    empty="No outliers: every claim fits at least one other claim of its quantity and time.",
)
"""),
    md("""
## Deaths reported as casualties

A figure reported as deaths in one place and as casualties (killed and wounded) in another, of the
same time.
"""),
    code("""
reports.show_table(
    spread.conflations(setup.result.claims, setup.parties, setup.categories, days=days)[
        ["party", "category", "when", "article", "source", "figure", "casualties_figures", "note"]
    ],
    empty="No figure is reported both as killed and as casualties.",
)
"""),
]

OVER_TIME = [
    md("""
# 05 · Claims over time

Every claim about a quantity at the day it describes, coloured by who made it, over the General
Staff's daily series where there is one, with the claims that lie far from that line called out.

A claim that sits off the official line of its day is a stale copy of an older report, a typo, a
figure of another count, or deaths mislabelled as casualties; `06 · Reconcile` judges each one.
"""),
    parameters('["russia", "ukraine"]', '["personnel", "tanks"]', extra=(
        "# Which measures, e.g. [\"casualties\", \"killed\"]; None shows them all.\n"
        "measures = None\n"
        "# Which periods: \"cumulative\" (running totals), \"daily\", \"window\"; None shows them all.\n"
        "periods = [\"cumulative\"]\n"
        "# A claim whose interval admits an official figure of a report at most this many days away lies on the line.\n"
        "days = 3\n"
        "# At most this many panels (the quantities with most dated claims).\n"
        "max_panels = 6\n"
        "# Folder holding the General Staff series; None uses the cache (`lossclaims reference update`).\n"
        "reference = None\n"
    )),
    code("""
from lossclaims import analysis, plots, reconcile, reports, timeline

setup = reports.prepare(articles_dir, parties, categories, figures_dir)
days = timeline.check_days(days)
series = timeline.official_series(reference)
setup.announce()
"""),
    code("""
reports.say("{text}", text=timeline.series_sentence(series))
""", "nbval-ignore-output"),
    code("""
claims = setup.claims
published = dict(zip(setup.result.articles["id"], setup.result.articles["published"]))
verdicts = reconcile.reconcile(claims, series, published).verdicts if series is not None and len(claims) else None
over_time = analysis.claims_over_time(claims, measures=measures, periods=periods, series=series,
                                      verdicts=verdicts, days=days)
"""),
    md("""
## The claims on a time axis

One panel per quantity. Under Russian personnel and equipment the grey line is the official running
total (personnel counts killed and wounded together); each dot is a claim at its day, its bar the
values its qualifier admits. Look for dots off the line (ringed): a figure days or months older than
the article, a slipped digit, or another count; and for deaths ringed **on** the line, casualties
called deaths.

Ukraine's losses have no official daily series: no government publishes a running count of its own
dead and wounded. For them the claims by source over time are the story: who put a figure on them,
when, and how the estimates moved.
"""),
    code("""
reports.say("{text}", text=analysis.over_time_summary(over_time))
reports.show_figure(plots.plot_over_time(over_time, series, max_panels=max_panels), "05-over-time", setup)
"""),
    md("""
## The claims called out

Each claim far from the official line of its day, with how far and, where the reconciliation can
tell, why.
"""),
    code("""
reports.show_table(
    over_time.loc[over_time["callout"] != "", ["party", "category", "measure", "label", "source", "callout"]],
    empty="No claim lies far from the official line of its day.",
)
"""),
    md("""
## Every claim placed in time

The table behind the chart, by quantity and day: the figure, its interval, where its day came from,
and the official figure of that day.
"""),
    code("""
shown = over_time.assign(day=over_time["day"].dt.strftime("%Y-%m-%d").fillna("undated"),
                         gap=[timeline.gap_text(g) for g in over_time["official_gap"]])
reports.show_table(
    shown[["party", "category", "measure", "period", "day", "date_basis", "label", "source", "figure",
           "official", "gap"]],
    empty="No claims found for these parties, categories, measures and periods.",
)
"""),
]

NOTEBOOK_CELLS: dict[str, list[nbformat.NotebookNode]] = {
    "01-corpus": CORPUS,
    "02-russia-vs-ukraine": SIDES,
    "03-equipment": EQUIPMENT,
    "04-claim-spread": SPREAD,
    "05-over-time": OVER_TIME,
}


def build(name: str, cells: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """A notebook of `cells` with the venv's python3 kernel named in its metadata."""
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def main(names: list[str]) -> int:
    for name, cells in NOTEBOOK_CELLS.items():
        if names and name not in names:
            continue
        path = NOTEBOOKS / f"{name}.ipynb"
        nbformat.write(build(name, cells), path)
        print(f"wrote {path.relative_to(NOTEBOOKS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
