"""Reports: the numbered notebooks rendered with papermill into executed notebooks and offline HTML.

All notebooks run in one Python process and share one kernel (reset between notebooks), so a
report of every notebook costs one kernel start and one import of the library, not one per page.
The HTML pages load nothing from another host: no require.js, MathJax or fonts from a CDN, images
inline as data: URIs, and every text that comes from an article is HTML-escaped.

>>> render_reports(out_dir="reports")                 # doctest: +SKIP
[PosixPath('reports/01-corpus.html'), ...]
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from ._lazy import lazy_module
from .pipeline import ParseResult, parse
from .reading import ARTICLE_SUFFIXES, default_articles_dir

pd = lazy_module("pandas")  # loaded on first use (see `lossclaims._lazy`)

NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
KERNEL_NAME = "python3"
TEMPLATE_NAME = "lossclaims"
# Runs in the shared kernel before each notebook so that none sees another's variables or figures.
_RESET_KERNEL = (
    "get_ipython().run_line_magic('reset', '-f')\n"
    "import matplotlib.pyplot as _plt\n_plt.close('all')\ndel _plt\n"
    "get_ipython().execution_count = 1\n"
)


class ParameterError(ValueError):
    """A notebook parameter that cannot work, shown in a notebook as its one sentence, without a traceback.

    >>> ParameterError("The articles folder nowhere does not exist.")._render_traceback_()
    ['The articles folder nowhere does not exist.']
    """

    def _render_traceback_(self) -> list[str]:
        # IPython shows this list instead of the traceback (and papermill's error repeats it).
        return [str(self)]


# --- parameters --------------------------------------------------------------------------------

def project_root() -> Path | None:
    """The source checkout the package runs from (where `pyproject.toml` is), or None when installed.

    >>> (project_root() / "notebooks").is_dir()        # doctest: +SKIP
    True
    """
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() else None


def default_notebooks_dir() -> Path:
    """The folder of the numbered notebooks: `notebooks/` of the checkout, else the working directory."""
    root = project_root()
    return root / "notebooks" if root else Path.cwd()


def default_figures_dir() -> Path:
    """Where figures are saved when a notebook is run by hand: `reports/figures` of the checkout.

    >>> default_figures_dir().parts[-2:]
    ('reports', 'figures')
    """
    root = project_root()
    return (root if root else Path.cwd()) / "reports" / "figures"


def article_files(folder: Path) -> list[Path]:
    """The article files (`.txt`, `.md`) directly inside `folder`, sorted."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def check_articles_dir(path: str | Path | None) -> Path:
    """The articles folder to read (None or "" means the packaged default corpus), or a `ParameterError`.

    >>> check_articles_dir(None) == default_articles_dir()
    True
    >>> check_articles_dir("/no/such/folder")
    Traceback (most recent call last):
    lossclaims.reports.ParameterError: The articles folder /no/such/folder does not exist.
    """
    if path is None or str(path).strip() == "":
        folder = default_articles_dir()
    else:
        folder = Path(path).expanduser()
    if not folder.exists():
        raise ParameterError(f"The articles folder {path or folder} does not exist.")
    if not folder.is_dir():
        raise ParameterError(f"The articles folder {path or folder} is not a folder.")
    if not article_files(folder):
        suffixes = ", ".join(ARTICLE_SUFFIXES[:-1]) + " or " + ARTICLE_SUFFIXES[-1]
        raise ParameterError(f"The articles folder {path or folder} holds no article (no {suffixes} file).")
    return folder


def corpus_label(folder: Path) -> str:
    """How a report names its corpus: the default corpus by its place in the project, others by path.

    >>> corpus_label(default_articles_dir())
    'the default corpus (data/articles)'
    """
    if folder.resolve() == default_articles_dir().resolve():
        return "the default corpus (data/articles)"
    return str(folder)


@dataclass
class Setup:
    """What a notebook derives from its parameters: the checked values and the parsed corpus."""

    articles_dir: Path
    corpus: str
    parties: list[str] | None
    categories: list[str] | None
    figures_dir: Path
    result: ParseResult = field(repr=False)

    @property
    def claims(self) -> pd.DataFrame:
        """The claims of the chosen parties and categories (all of them where None)."""
        from .spread import select

        return select(self.result.claims, self.parties, self.categories).reset_index(drop=True)

    @property
    def summary(self) -> str:
        """One sentence on what was read (plain text; escape it before putting it in HTML)."""
        r = self.result
        n_art, n_claims = len(r.articles), len(self.claims)
        text = f"Read {n_art} article{'s' * (n_art != 1)} from {self.corpus}: "
        text += f"{n_claims} claim{'s' * (n_claims != 1)}"
        if self.parties is not None or self.categories is not None:
            text += " for the chosen parties and categories"
        text += f", {len(r.mentions)} number{'s' * (len(r.mentions) != 1)} not taken as claims"
        if len(r.problems):
            text += f", {len(r.problems)} file{'s' * (len(r.problems) != 1)} that could not be read"
        return text + "."

    def announce(self) -> None:
        """Display `summary` as the notebook's first output."""
        say("{summary}", summary=self.summary)


def prepare(
    articles_dir: str | Path | None = None,
    parties: str | Iterable[str] | None = None,
    categories: str | Iterable[str] | None = None,
    figures_dir: str | Path | None = None,
    n_parties: int | None = None,
) -> Setup:
    """Check a notebook's parameters and parse its corpus: the one call of a notebook's second cell.

    A folder that does not exist or holds no article, an unknown party or category raises
    `ParameterError`, which a notebook shows as its one sentence (parties and categories are
    checked by `lossclaims.spread.check_parameters`); so does a number of parties other than
    `n_parties` for a notebook that compares exactly that many.

    >>> s = prepare(None, ["russia"], None)
    >>> s.corpus, s.parties
    ('the default corpus (data/articles)', ['russia'])
    >>> prepare(None, None, ["tankz"])
    Traceback (most recent call last):
    lossclaims.reports.ParameterError: Unknown category 'tankz': expected one of personnel, ...
    """
    from .spread import check_parameters

    folder = check_articles_dir(articles_dir)
    result = parse(folder)
    try:
        parties, categories = check_parameters(parties, categories, result.claims)
    except ValueError as exc:
        raise ParameterError(str(exc)) from None
    if n_parties is not None and (parties is None or len(parties) != n_parties):
        raise ParameterError(
            f"This notebook compares exactly {n_parties} parties: set parties to {n_parties} names, "
            f"e.g. {list(('russia', 'ukraine', 'north_korea')[:n_parties])}."
        )
    figures = Path(figures_dir).expanduser() if figures_dir else default_figures_dir()
    return Setup(
        folder, corpus_label(folder),
        list(parties) if parties is not None else None,
        list(categories) if categories is not None else None,
        figures, result,
    )


# --- text in notebooks ---------------------------------------------------------------------------

def say(template: str, **values: Any) -> None:
    """Display one Markdown sentence whose `{name}` fields are filled with HTML-escaped `values`.

    The sentence is also the plain-text output, so that nbval checks the numbers it states.

    >>> say("Read {n} articles from {where}.", n=5, where="<b>x</b>")    # doctest: +SKIP
    """
    from IPython.display import display

    plain = template.format(**values)
    escaped = {k: _md_escape(html.escape(close_bidi(str(v)))) for k, v in values.items()}
    display({"text/markdown": template.format(**escaped), "text/plain": plain}, raw=True)


_BIDI_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
                 "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}


def close_bidi(text: str) -> str:
    r"""`text` with every bidi embedding, override and isolate it opens closed at its end, and stray closers dropped.

    An article's headline holding a right-to-left override (U+202E) would otherwise reverse the
    report's own words that follow it in the same sentence. Text without bidi controls is unchanged.

    >>> close_bidi("\u202eabc") == "\u202eabc\u202c", close_bidi("\u2069\u202cabc"), close_bidi("plain")
    (True, 'abc', 'plain')
    """
    if not any(c in text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"):
        return text
    out: list[str] = []
    stack: list[str] = []
    for ch in text:
        if ch in _BIDI_OPENERS:
            stack.append(_BIDI_OPENERS[ch])
        elif ch == "\u202c":
            if not stack or stack[-1] != ch:
                continue  # closes nothing of this text: it could close the page's own
            stack.pop()
        elif ch == "\u2069":
            if ch not in stack:
                continue
            while stack.pop() != ch:  # a closed isolate closes what was opened inside it
                pass
        out.append(ch)
    return "".join(out) + "".join(reversed(stack))


def _md_escape(text: str) -> str:
    r"""Backslash what Markdown would read as formatting or links in a headline (`*`, `_`, `[` ...),
    and the colon of `://`, else a bare `https://...` becomes a live link to another host.

    >>> print(_md_escape("*Big* https://x.org: 5"))
    \*Big\* https\://x.org: 5
    """
    return re.sub(r"([\\`*_\[\]{}#|!~])|:(?=//)", lambda m: "\\" + m.group(0), text)


# Left-aligned, top-aligned cells so that quotes read as text; the `.jp-RenderedHTMLCommon` rule
# outranks JupyterLab's right alignment, the plain one serves other viewers.
TABLE_STYLE = (
    "<style>"
    ".jp-RenderedHTMLCommon table.lossclaims-table td, .jp-RenderedHTMLCommon table.lossclaims-table th,"
    " table.lossclaims-table td, table.lossclaims-table th"
    " {text-align: left; vertical-align: top; max-width: 42em; padding: .25em .6em;}"
    "</style>"
)


def table_bundle(df: pd.DataFrame) -> dict[str, str]:
    """A table as HTML (every cell escaped) and plain text, numbers with thousands separators.

    >>> b = table_bundle(pd.DataFrame({"quote": ["<script>x</script>"], "value": [10980.0]}))
    >>> "&lt;script&gt;x&lt;/script&gt;" in b["text/html"], "<script>x" in b["text/html"]
    (True, False)
    >>> print(b["text/plain"])
                 quote  value
    <script>x</script> 10,980
    """
    from .spread import format_value

    shown = df.copy()
    for col in shown.columns:
        if pd.api.types.is_float_dtype(shown[col]):
            shown[col] = [("" if pd.isna(v) else format_value(v)) for v in shown[col]]
    html_table = shown.to_html(index=False, escape=True, border=0, classes="lossclaims-table", na_rep="")
    with pd.option_context("display.max_colwidth", None, "display.max_rows", 1000, "display.width", 250):
        plain = shown.to_string(index=False)
    return {"text/html": TABLE_STYLE + html_table, "text/plain": plain}


def show_table(df: pd.DataFrame, empty: str = "") -> None:
    """Display a whole table (every row, every character of a quote), or the sentence `empty` if it has no row.

    Cells are HTML-escaped, so a headline or quote holding markup shows as text (see `table_bundle`).

    >>> show_table(pd.DataFrame({"quote": ["<script>x</script>"]}))   # doctest: +SKIP
    """
    from IPython.display import display

    if df.empty and empty:
        say("{text}", text=empty)
        return
    display(table_bundle(df), raw=True)


def show_figure(fig: Any, name: str, setup: Setup) -> None:
    """Save a figure as PNG and SVG under the notebook's `figures_dir`, show the saved PNG, and free the figure.

    Showing the saved file rather than the figure spares a third drawing (figures are most
    of a render's time) and shows exactly what was saved. Nothing is returned, so that no
    machine-specific path lands in a notebook's outputs.
    """
    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    from .plots import save_figure

    paths = save_figure(fig, name, setup.figures_dir)
    plt.close(fig)  # else the inline backend draws it again at the end of the cell
    data = Path(paths["png"]).read_bytes()
    width = int.from_bytes(data[16:20], "big")  # the PNG header's pixel width, saved at 150 dpi
    display(Image(data=data, format="png", width=round(width * 100 / 150)))


# --- corpus views (notebook 01) -------------------------------------------------------------------

def articles_overview(result: ParseResult, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article: its short label (as charts name it), headline, outlet, published date and where that
    date came from (`published_source`, empty before articles were dated), words, claims and mentions.

    >>> from lossclaims import Article, parse
    >>> articles_overview(parse([Article(id="000_a", text="No figures.")]))[["label", "article", "claims"]].values.tolist()
    [['000', '000_a', 0]]
    """
    from .spread import article_labels

    claims = result.claims if claims is None else claims
    arts = result.articles
    labels = article_labels(arts["id"])
    out = pd.DataFrame({
        "label": arts["id"].map(labels),
        "article": arts["id"],
        "headline": arts["headline"],
        "outlet": arts["outlet"],
        "published": arts["published"],
        "published_source": arts["published_source"] if "published_source" in arts else "",
        "words": arts["words"],
    })
    out["claims"] = out["article"].map(claims["article"].value_counts()).fillna(0).astype(int)
    out["mentions"] = out["article"].map(result.mentions["article"].value_counts()).fillna(0).astype(int)
    return out.sort_values("article").reset_index(drop=True)


def claims_with_quotes(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims a fact-checker reads: who, what, how many, said by whom, and the sentence it came from.

    Articles are named by their short label (see `articles_overview`), the quote comes last.

    >>> claims_with_quotes(parse([]).claims).columns.tolist()[:4]
    ['article', 'party', 'category', 'measure']
    """
    from .spread import article_labels

    from .timeline import with_dates

    cols = ["article", "party", "category", "measure", "value", "qualifier", "period", "source",
            "as_of", "date_basis", "flags", "quote"]
    out = with_dates(claims).sort_values(["article", "start"], kind="stable")[cols].reset_index(drop=True)
    return out.assign(article=out["article"].map(article_labels(out["article"])))


def mentions_not_taken(mentions: pd.DataFrame) -> pd.DataFrame:
    """The numbers read but not taken as claims, with why, in article order (articles by short label)."""
    from .spread import article_labels

    cols = ["article", "text", "reason", "quote"]
    out = mentions.sort_values(["article", "start"], kind="stable")[cols].reset_index(drop=True)
    return out.assign(article=out["article"].map(article_labels(out["article"])))


def reasons_count(mentions: pd.DataFrame) -> pd.DataFrame:
    """How many numbers were left out for each reason, most frequent first.

    >>> reasons_count(pd.DataFrame({"reason": ["date", "date", "age"]})).values.tolist()
    [['date', 2], ['age', 1]]
    """
    counts = mentions["reason"].value_counts()
    return pd.DataFrame({"reason": counts.index.astype(str), "numbers": counts.to_numpy()}).reset_index(drop=True)


# --- equipment views (notebook 03) ---------------------------------------------------------------

def coverage_summary(coverage: pd.DataFrame) -> pd.DataFrame:
    """The coverage chart in words: per party and article, how many categories it reports and which.

    >>> cov = pd.DataFrame({"party": ["russia"] * 3, "article": ["000", "000", "001"],
    ...                     "category": ["tanks", "mlrs", "tanks"], "reported": [True, False, True]})
    >>> coverage_summary(cov).values.tolist()
    [['russia', '000', 1, 'tanks'], ['russia', '001', 1, 'tanks']]
    """
    cols = ["party", "article", "categories", "reported"]
    if coverage.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    rows = []
    for (party, article), g in coverage.groupby(["party", "article"], sort=False):
        cats = g.loc[g["reported"].astype(bool), "category"].tolist()
        rows.append((party, article, len(cats), ", ".join(cats)))
    return pd.DataFrame(rows, columns=cols)


# --- claim spread views (notebook 04) -------------------------------------------------------------

def paste_table(spread: pd.DataFrame) -> pd.DataFrame:
    """The spread table as a journalist pastes it: one row per quantity and time, its figures, the verdict in words
    ("—" for a claim alone on its day) and the official figure of those days.

    >>> from lossclaims.spread import spread_table
    >>> from lossclaims.schema import frame
    >>> rows = [(a, "russia", "tanks", "lost", v, q, "cumulative", "ukraine_official", "", 0, 1, "")
    ...         for a, v, q in [("000", 11000, "at_most"), ("001", 10980, "exact")]]
    >>> t = paste_table(spread_table(frame("claims", rows)))
    >>> t.loc[0, "quantity"], t.loc[0, "figures (articles)"], t.loc[0, "agree"]
    ('Russia, tanks lost (cumulative)', '10,980 (001) · ≤11,000 (000)', 'yes')
    """
    cols = ["quantity", "when", "claims", "figures (articles)", "sources", "agree", "official", "note"]
    if spread.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    quantity = [
        f"{p.replace('_', ' ').title()}, {c.replace('_', ' ')} {m} ({per})"
        for p, c, m, per in zip(spread["party"], spread["category"], spread["measure"], spread["period"])
    ]
    out = pd.DataFrame({
        "quantity": quantity,
        "when": spread["when"],
        "claims": [int(n) for n in spread["claims"]],
        "figures (articles)": spread["figures"],
        "sources": spread["sources"],
        "agree": [("—" if n == 1 else "yes" if a else "no") for n, a in zip(spread["claims"], spread["agree"])],
        "official": spread["official"],
        "note": spread["note"],
    })
    return out.reset_index(drop=True)


def quantities(intervals: pd.DataFrame, min_claims: int = 1) -> list[tuple[str, str, str, str]]:
    """The (party, category, measure, period) quantities of a claim-intervals frame with at least `min_claims` claims."""
    from .spread import QUANTITY

    if intervals.empty:
        return []
    counts = intervals.groupby(QUANTITY).size()
    return [tuple(k) for k, n in counts.items() if n >= min_claims]


def quantity_picker(intervals: pd.DataFrame, setup: Setup | None = None) -> Any:
    """A menu of quantities and the chart of the one picked, for JupyterLab (reports draw them all instead).

    The option shown first is the quantity with the most claims. Returns the widget.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import display

    from .plots import plot_spread

    keys = quantities(intervals)
    if not keys:
        say("{text}", text="No claims to pick from.")
        return None
    counts = intervals.groupby(["party", "category", "measure", "period"]).size()
    keys.sort(key=lambda k: (-counts[k], k))
    menu = widgets.Dropdown(
        options=[(f"{' · '.join(k)} ({counts[k]} claims)", k) for k in keys],
        description="Quantity", layout=widgets.Layout(width="32rem"),
    )
    out = widgets.Output()

    def draw(_: Any = None) -> None:
        out.clear_output(wait=True)
        with out:
            fig = plot_spread(intervals, [menu.value])
            display(fig)
            plt.close(fig)

    menu.observe(draw, names="value")
    draw()
    box = widgets.VBox([menu, out])
    display(box)
    return box


# --- rendering ------------------------------------------------------------------------------------

def find_notebooks(notebooks_dir: str | Path | None = None) -> list[Path]:
    """The numbered notebooks (`NN-name.ipynb`) of a folder, in reading order.

    >>> [p.name[:3] for p in find_notebooks()][:2]                      # doctest: +SKIP
    ['01-', '02-']
    """
    folder = Path(notebooks_dir) if notebooks_dir else default_notebooks_dir()
    return sorted(folder.glob(NOTEBOOK_GLOB))


def describe_notebook(nb: Any) -> tuple[str, str]:
    """A notebook's title (its first heading) and the first sentence after it, for the index.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Corpus\\n\\nWhat was read. More.")])
    >>> describe_notebook(nb)
    ('Corpus', 'What was read.')
    """
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        title, rest = "", []
        for line in cell.source.splitlines():
            if not title and line.startswith("#"):
                title = line.lstrip("#").strip()
            elif line.strip():
                rest.append(line.strip())
        text = " ".join(rest)
        m = re.match(r"(.+?[.?!])(\s|$)", text)
        return title, (m.group(1) if m else text)
    return "", ""


def _template_dir() -> Path:
    return Path(__file__).resolve().parent / "templates"


def html_exporter() -> Any:
    """An nbconvert HTML exporter that hides code and loads nothing from another host."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(_template_dir())],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    return exporter


def to_html(nb: Any, rendered: str, corpus: str, n_articles: int, exporter: Any = None) -> str:
    """The HTML page of an executed notebook, headed by the date rendered and the corpus."""
    exporter = exporter or html_exporter()
    title, _ = describe_notebook(nb)
    nb.metadata["title"] = title or nb.metadata.get("title", "")
    resources = {
        "lossclaims": {
            "rendered": rendered,
            "corpus": corpus,
            "articles": f"{n_articles} article{'s' * (n_articles != 1)}",
        }
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


INDEX_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
p.meta { color: #555; margin-top: 0; }
ol { padding-left: 1.4rem; } li { margin: .7rem 0; }
li a.title { font-weight: 600; } span.what { display: block; color: #333; }
a.nb { font-size: .85rem; color: #555; }
"""


def write_index(out_dir: Path, entries: list[dict[str, str]], rendered: str, corpus: str, n_articles: int) -> Path:
    """Write `index.html`: one line per report on what it answers, with the date and corpus."""
    esc = html.escape
    items = "\n".join(
        f'<li><a class="title" href="{esc(e["html"])}">{esc(e["title"])}</a> '
        f'<a class="nb" href="{esc(e["ipynb"])}">(notebook)</a>'
        f'<span class="what">{esc(e["what"])}</span></li>'
        for e in entries
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lossclaims reports</title>
<style>{INDEX_STYLE}</style>
</head>
<body>
<h1>lossclaims reports</h1>
<p class="meta">Rendered {esc(rendered)} from {esc(corpus)}, {n_articles} article{'s' * (n_articles != 1)}.</p>
<ol>
{items}
</ol>
</body>
</html>
"""
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def _strip_volatile_metadata(nb: Any) -> None:
    """Drop papermill's timings and run metadata so that a re-executed committed notebook diffs cleanly."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)


class _SharedKernel:
    """One kernel for every notebook of a render, reset (and moved to the notebook's folder) before each."""

    def __init__(self, kernel_name: str = KERNEL_NAME) -> None:
        from jupyter_client.manager import AsyncKernelManager

        self.km = AsyncKernelManager(kernel_name=kernel_name)

    def prepare(self, cwd: Path) -> None:
        """Start the kernel in `cwd`, or clear what the previous notebook left and move to `cwd`."""
        from jupyter_core.utils import run_sync

        if not self.km.has_kernel:
            # The kernel's own stderr only carries ipykernel's start-up chatter; cell output
            # (errors included) travels over the kernel protocol and is kept in the notebook.
            run_sync(self.km.start_kernel)(
                cwd=str(cwd), stderr=subprocess.DEVNULL,
                extra_arguments=["--HistoryManager.hist_file=:memory:"],
            )
            return

        async def _reset() -> None:
            kc = self.km.client()
            kc.start_channels()
            try:
                await kc.wait_for_ready(timeout=60)
                code = _RESET_KERNEL + f"import os as _os\n_os.chdir({str(cwd)!r})\ndel _os\n"
                reply = await kc.execute_interactive(code, store_history=False, timeout=60)
                if reply["content"]["status"] != "ok":
                    raise RuntimeError(f"could not reset the kernel between notebooks: {reply['content']}")
            finally:
                kc.stop_channels()

        run_sync(_reset)()

    def shutdown(self) -> None:
        from jupyter_core.utils import run_sync

        if self.km.has_kernel:
            run_sync(self.km.shutdown_kernel)(now=True)


def _parse_value(text: str) -> Any:
    """A `-p NAME VALUE` value: JSON where it parses (lists, numbers, null), else the plain string."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def render_reports(
    articles_dir: str | Path | None = None,
    out_dir: str | Path = "reports",
    notebooks_dir: str | Path | None = None,
    parameters: dict[str, Any] | None = None,
    notebooks: Sequence[str | Path] | None = None,
    write_html: bool = True,
) -> list[Path]:
    """Execute every numbered notebook on a corpus and write it, its HTML page and `index.html`.

    Parameters `articles_dir` and `figures_dir` (out_dir/figures) are injected into each notebook,
    with any others in `parameters`. Returns the written HTML pages (or notebooks without `write_html`),
    then the index. A notebook that fails raises papermill's `PapermillExecutionError`.

    >>> pages = render_reports("tests/corpus", out_dir="/tmp/out")      # doctest: +SKIP
    """
    import nbformat
    import papermill as pm

    folder = check_articles_dir(articles_dir)
    if (parameters or {}).get("categories") is not None:
        from .spread import check_parameters

        try:  # a wrong category stops here, before a kernel starts (parties need the parse)
            check_parameters(None, parameters["categories"])
        except ValueError as exc:
            raise ParameterError(str(exc)) from None
    corpus = corpus_label(folder)
    n_articles = len(article_files(folder))
    out = Path(out_dir).expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    paths = [Path(p) for p in notebooks] if notebooks else find_notebooks(notebooks_dir)
    if not paths:
        raise FileNotFoundError(f"no numbered notebook (NN-name.ipynb) in {notebooks_dir or default_notebooks_dir()}")
    params: dict[str, Any] = {"figures_dir": str(out / "figures")}
    if articles_dir not in (None, ""):
        params["articles_dir"] = str(folder.resolve())
    params.update(parameters or {})
    rendered = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
    exporter = html_exporter() if write_html else None
    kernel = _SharedKernel()
    written, entries = [], []
    os.environ.pop("MPLBACKEND", None)  # with Agg the inline backend is lost and plots are dropped
    try:
        for path in paths:
            kernel.prepare(path.parent.resolve())
            executed = out / path.name
            nb = pm.execute_notebook(
                str(path), str(executed), parameters=params, kernel_name=KERNEL_NAME,
                cwd=str(path.parent.resolve()), progress_bar=False, log_output=False,
                km=kernel.km,
            )
            nb.metadata["lossclaims"] = {"rendered": rendered, "corpus": corpus, "articles": n_articles}
            nbformat.write(nb, str(executed))
            title, what = describe_notebook(nb)
            entry = {"title": title or path.stem, "what": what, "ipynb": executed.name, "html": executed.name}
            if exporter is not None:
                page = executed.with_suffix(".html")
                page.write_text(to_html(nb, rendered, corpus, n_articles, exporter), encoding="utf-8")
                entry["html"] = page.name
                written.append(page)
            else:
                written.append(executed)
            entries.append(entry)
    finally:
        kernel.shutdown()
    written.append(write_index(out, entries, rendered, corpus, n_articles))
    return written


def update_notebooks(
    notebooks_dir: str | Path | None = None, notebooks: Sequence[str | Path] | None = None,
) -> list[Path]:
    """Re-execute the committed notebooks (all, or `notebooks`) in place on the default corpus, without volatile metadata.

    Run it after a change to the parser or the notebooks so that nbval compares against fresh outputs.
    """
    import nbformat
    import papermill as pm

    paths = [Path(p) for p in notebooks] if notebooks else find_notebooks(notebooks_dir)
    kernel = _SharedKernel()
    os.environ.pop("MPLBACKEND", None)
    try:
        for path in paths:
            kernel.prepare(path.parent.resolve())
            nb = pm.execute_notebook(
                str(path), str(path), kernel_name=KERNEL_NAME, cwd=str(path.parent.resolve()),
                progress_bar=False, log_output=False, km=kernel.km,
            )
            _strip_volatile_metadata(nb)
            nbformat.write(nb, str(path))
    finally:
        kernel.shutdown()
    return paths


# --- command line ---------------------------------------------------------------------------------

def _cmd_report(args: argparse.Namespace) -> int:
    import time

    from papermill.exceptions import PapermillExecutionError

    start = time.perf_counter()
    try:
        if args.update_notebooks:
            done = update_notebooks(args.notebooks)
            print(f"re-executed {len(done)} notebooks in place in {time.perf_counter() - start:.1f} s")
            return 0
        if not args.cache:  # the kernels inherit it
            from .parsecache import NO_CACHE_ENV

            os.environ[NO_CACHE_ENV] = "1"
        params = {name: _parse_value(value) for name, value in (args.parameter or [])}
        written = render_reports(args.articles, args.out, args.notebooks, params)
    except PapermillExecutionError as exc:
        print(f"lossclaims report: {exc.evalue or exc.ename}", file=sys.stderr)
        return 1
    print(f"{len(written) - 1} reports and index.html in {args.out} ({time.perf_counter() - start:.1f} s)")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `lossclaims report [--articles DIR] [--out DIR] [-p NAME VALUE] [--update-notebooks]`."""
    p = sub.add_parser("report", help="render every notebook into executed notebooks and HTML pages")
    p.add_argument("--articles", help="folder of articles (default: the packaged default corpus)")
    p.add_argument("--out", default="reports", help="folder for the reports (default: reports)")
    p.add_argument("--notebooks", help="folder of the numbered notebooks (default: notebooks/ of the project)")
    p.add_argument(
        "-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
        help='a notebook parameter, VALUE as JSON where it parses: -p categories \'["tanks"]\'',
    )
    p.add_argument(
        "--update-notebooks", action="store_true",
        help="re-execute the committed notebooks in place on the default corpus instead",
    )
    p.add_argument("--no-cache", dest="cache", action="store_false",
                   help="parse every article again instead of reading unchanged ones from the parse cache")
    p.set_defaults(func=_cmd_report)
