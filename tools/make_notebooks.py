"""Write the numbered notebooks 01-04 from the cell sources below (without outputs).

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

One row per article: the short label that tables and charts use for it, its headline and outlet where known, its length in words, and how many loss
claims and other numbers were read from it. Look for articles that gave no claim: either they state
none, or the parser missed one.
"""),
    code("reports.show_table(reports.articles_overview(setup.result, claims))"),
    md("""
## Claims, with the sentence each was read from

Every figure taken as a loss claim, in article order. `qualifier` tells whether the article wrote a
bare figure (`exact`), "about" (`approx`), "over" (`at_least`) or "nearly" (`at_most`); `source` is
who the article says made the claim; `flags` mark readings to double-check, such as a mistyped
thousands separator or a figure read from the headline.
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
figures can fairly be set side by side.
"""),
    parameters('["russia", "ukraine"]', '["personnel"]'),
    code("""
from lossclaims import analysis, plots, reports, spread

setup = reports.prepare(articles_dir, parties, categories, figures_dir, n_parties=2)
claims = setup.claims
setup.announce()
"""),
    md("""
## Reported losses by measure and source

Read the chart with its caveats. These are **claims**, not counts: each side's losses are mostly
reported by the other side's officials, who have every reason to inflate them, while a side's own
figures are rare and low. The measures differ (killed, wounded, casualties = killed and wounded
together, missing), so a bar of casualties is not comparable with a bar of deaths. Cumulative totals
grow every day and the claims carry no date, so two figures for the same measure may simply be from
different days. Figures are never added up across articles.

Look for rows where both parties have a bar from the **same source**: only those compare like with
like. The black line spans the lowest to the highest figure reported for a row.
"""),
    code("""
losses = analysis.party_losses(setup.result.claims, setup.parties, setup.categories)
reports.show_figure(plots.plot_losses(losses), "02-russia-vs-ukraine", setup)
"""),
    md("""
The figures behind the chart: every claim of each row, with the articles that make it.
"""),
    code("""
reports.show_table(
    losses[["party", "category", "measure", "period", "source", "claims", "figures"]],
    empty="No cumulative loss claims found for these parties and categories.",
)
"""),
    md("""
## Side by side, with what each row may be compared with

One row per measure and source; a dash where a side has no figure. `like_for_like` is true only when
both sides have figures of that measure from the same source family, and the note says why a row is
not a fair comparison.
"""),
    code("""
reports.show_table(
    analysis.side_by_side(setup.result.claims, tuple(setup.parties), setup.categories),
    empty="Neither side has a cumulative loss claim here.",
)
"""),
    md("""
## Deaths reported as casualties

A figure reported as deaths (killed) in one place and as casualties (killed and wounded) in another
is a sign that one of the two reports mislabelled it; quote it with care.
"""),
    code("""
reports.show_table(
    spread.conflations(setup.result.claims, setup.parties, setup.categories)[
        ["party", "category", "article", "source", "figure", "casualties_figures", "note"]
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

For each quantity (whose losses, of what, measured how, over what period), how far the reported
figures agree, which claims are outliers, and where deaths and casualties are confused.
"""),
    parameters(extra=(
        "# True shows a menu to pick one quantity (in JupyterLab); False draws every quantity, as reports do.\n"
        "interactive = False\n"
    )),
    code(SETUP),
    md("""
## Every claim as an interval

A qualifier turns a figure into a range of values: "nearly 11,000" admits 9,900 to 11,000, "over
22,000" anything above, a round "one million" a little either side. Claims **agree** when one value
fits them all (the grey band). Look for quantities with no grey band, and for the claims marked
OUTLIER that no other claim admits. Colours name who made the claim. Set `interactive = True` above to
pick one quantity from a menu instead.
"""),
    code("""
from lossclaims import plots, spread

intervals = spread.claim_intervals(setup.result.claims, setup.parties, setup.categories)
if interactive:
    reports.quantity_picker(intervals, setup)
else:
    reports.show_figure(plots.plot_spread(intervals), "04-claim-spread", setup)
"""),
    md("""
## The table to paste

One row per quantity: the figures with the articles that make them, who made them, whether they
agree, and a sentence for the reader.
"""),
    code("""
table = spread.spread_table(setup.result.claims, setup.parties, setup.categories)
reports.show_table(reports.paste_table(table), empty="No claims found for these parties and categories.")
"""),
    md("""
## Outliers

Claims that none of the other claims about their quantity admits (a quantity needs three claims
before one can stand apart).
"""),
    code("""
reports.show_table(
    spread.outliers(setup.result.claims, setup.parties, setup.categories)[
        ["party", "category", "measure", "period", "figure", "source", "others_figures"]
    ],
    empty="No outliers: every claim fits at least one other claim about its quantity.",
)
"""),
    md("""
## Deaths reported as casualties

A figure reported as deaths in one place and as casualties (killed and wounded) in another.
"""),
    code("""
reports.show_table(
    spread.conflations(setup.result.claims, setup.parties, setup.categories)[
        ["party", "category", "article", "source", "figure", "casualties_figures", "note"]
    ],
    empty="No figure is reported both as killed and as casualties.",
)
"""),
]

NOTEBOOK_CELLS: dict[str, list[nbformat.NotebookNode]] = {
    "01-corpus": CORPUS,
    "02-russia-vs-ukraine": SIDES,
    "03-equipment": EQUIPMENT,
    "04-claim-spread": SPREAD,
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
