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

One row per article: its headline and outlet where known, its length in words, and how many loss
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

NOTEBOOK_CELLS: dict[str, list[nbformat.NotebookNode]] = {
    "01-corpus": CORPUS,
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
