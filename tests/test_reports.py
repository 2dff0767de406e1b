"""Rendering reports: notebooks on a small corpus written here, offline HTML, escaping, parameter checks."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

from lossclaims import Article, parse, reports
from lossclaims.cli import main

ROOT = Path(__file__).resolve().parents[1]
OUR_NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[1-5]-*.ipynb"))
SPREAD_NOTEBOOK = ROOT / "notebooks" / "04-claim-spread.ipynb"

HEADLINE = "Tanks <script>alert('headline')</script> & more"
ARTICLES = {
    "a1.txt": "Russia has lost 10,980 tanks since the invasion began, Ukraine's General Staff said.\n",
    "a2.txt": "Officials <script>alert('quote')</script> said Russia has lost 3,000 tanks.\n",
    "a3.md": "Ukraine has lost 1,200 tanks, according to Oryx.\n",
}
METADATA = (
    "id,headline,outlet,published,url\n"
    "a1,Tank count,Kyiv Daily,2025-01-02,\n"
    f"a2,\"{HEADLINE}\",<b>Bold</b> News,,\n"
    "a3,Ukraine's tanks,,,\n"
)
PARAMETERS = {"parties": ["russia", "ukraine"], "categories": ["tanks"]}


def write_corpus(folder: Path) -> Path:
    """The three-article corpus of these tests, with markup in a headline, an outlet and a quote."""
    folder.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "articles.csv").write_text(METADATA, encoding="utf-8")
    return folder


def parser_ready() -> bool:
    return len(parse([Article(id="a", text="Russia has lost 10,980 tanks.")]).claims) > 0


def outputs_text(nb: nbformat.NotebookNode) -> str:
    """Every text/plain, markdown and stream output of a notebook, joined."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            data = out.get("data", {})
            parts += [data.get("text/plain", ""), data.get("text/markdown", ""), data.get("text/html", "")]
    return "\n".join(p if isinstance(p, str) else "".join(p) for p in parts)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("small") / "corpus")


@pytest.fixture(scope="module")
def rendered(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("reports")
    return out, reports.render_reports(corpus, out, parameters=PARAMETERS, notebooks=OUR_NOTEBOOKS)


# --- rendering (one render of notebooks 01-05 shared by these tests) ------------------------------

@pytest.mark.slow
def test_each_notebook_gives_an_executed_notebook_and_a_page(rendered):
    out, written = rendered
    names = [p.stem for p in OUR_NOTEBOOKS]
    assert [p.name for p in written] == [f"{n}.html" for n in names] + ["index.html"]
    for n in names:
        assert (out / f"{n}.ipynb").is_file() and (out / f"{n}.html").stat().st_size > 1000


@pytest.mark.slow
def test_parameters_are_injected_into_every_notebook(rendered):
    out, _ = rendered
    for path in OUR_NOTEBOOKS:
        nb = nbformat.read(out / path.name, as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1
        assert "categories = [\"tanks\"]" in injected[0].source
        assert nb.metadata["lossclaims"]["articles"] == 3


@pytest.mark.slow
def test_index_links_every_report_with_what_it_answers(rendered):
    out, _ = rendered
    index = (out / "index.html").read_text(encoding="utf-8")
    for path in OUR_NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        title, what = reports.describe_notebook(nb)
        assert f'href="{path.stem}.html"' in index
        assert f'href="{path.name}"' in index
        assert what and reports.html.escape(what) in index
        assert reports.html.escape(title) in index


@pytest.mark.slow
def test_pages_load_nothing_from_another_host(rendered):
    out, _ = rendered
    for page in sorted(out.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text, page.name  # no require.js, MathJax, widgets, nor article text
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text), page.name
        assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", text), page.name
        assert "@import" not in text and "cdnjs" not in text and "cdn.jsdelivr" not in text
        for src in re.findall(r"""<img[^>]*\ssrc=["']([^"']*)""", text):
            assert src.startswith("data:image/"), (page.name, src[:40])


@pytest.mark.slow
def test_article_text_is_escaped_in_pages(rendered):
    out, _ = rendered
    page = (out / "01-corpus.html").read_text(encoding="utf-8")
    assert "alert('headline')" in page.replace("&#x27;", "'").replace("&#39;", "'")
    assert "&lt;script&gt;" in page
    assert "<b>Bold</b>" not in page and "&lt;b&gt;Bold&lt;/b&gt;" in page


@pytest.mark.slow
def test_pages_carry_the_date_rendered_and_the_corpus(rendered, corpus):
    out, _ = rendered
    for page in [out / f"{p.stem}.html" for p in OUR_NOTEBOOKS] + [out / "index.html"]:
        text = page.read_text(encoding="utf-8")
        assert re.search(r"Rendered (?:<time>)?\d{4}-\d{2}-\d{2} \d{2}:\d{2}", text), page.name
        assert str(corpus) in text and "3 articles" in text, page.name


@pytest.mark.slow
def test_corpus_report_counts_the_small_corpus(rendered, corpus):
    out, _ = rendered
    text = outputs_text(nbformat.read(out / "01-corpus.ipynb", as_version=4))
    assert f"Read 3 articles from {corpus}" in text
    for article in ("a1", "a2", "a3"):
        assert article in text


@pytest.mark.slow
@pytest.mark.skipif(not parser_ready(), reason="the parser does not read claims yet")
def test_reports_show_the_expected_figures(rendered):
    out, _ = rendered
    corpus_text = outputs_text(nbformat.read(out / "01-corpus.ipynb", as_version=4))
    for figure in ("10980", "3000", "1200"):
        assert re.search(figure[:-3] + r",?" + figure[-3:], corpus_text), figure
    assert "3 claims" in corpus_text
    spread_text = outputs_text(nbformat.read(out / "04-claim-spread.ipynb", as_version=4))
    assert "10,980" in spread_text and "3,000" in spread_text
    figures = sorted(p.suffix for p in (out / "figures").iterdir())
    assert figures.count(".png") >= 3 and figures.count(".png") == figures.count(".svg")


# --- bad parameters stop a notebook at the top with one sentence ---------------------------------

def run_notebook(name: str, tmp_path: Path, **parameters) -> None:
    import papermill as pm

    pm.execute_notebook(
        str(ROOT / "notebooks" / name), str(tmp_path / name), parameters=parameters,
        kernel_name="python3", cwd=str(ROOT / "notebooks"), progress_bar=False,
    )


@pytest.mark.slow
def test_missing_folder_stops_the_notebook_with_one_sentence(tmp_path):
    from papermill.exceptions import PapermillExecutionError

    missing = tmp_path / "nowhere"
    with pytest.raises(PapermillExecutionError) as err:
        run_notebook("01-corpus.ipynb", tmp_path, articles_dir=str(missing))
    assert err.value.ename == "ParameterError"
    assert err.value.evalue == f"The articles folder {missing} does not exist."
    assert err.value.traceback == [err.value.evalue]  # the sentence, no traceback
    nb = nbformat.read(tmp_path / "01-corpus.ipynb", as_version=4)
    failed = [i for i, c in enumerate(nb.cells) if c.get("outputs") and c.outputs[-1].output_type == "error"]
    assert len(failed) == 1 and "reports.prepare" in nb.cells[failed[0]].source


@pytest.mark.slow
def test_unknown_category_stops_the_notebook_with_one_sentence(tmp_path):
    from papermill.exceptions import PapermillExecutionError

    name = SPREAD_NOTEBOOK.name
    with pytest.raises(PapermillExecutionError) as err:
        run_notebook(name, tmp_path, categories=["tankz"])
    assert err.value.evalue.startswith("Unknown category 'tankz': expected one of personnel")
    assert err.value.traceback == [err.value.evalue]


def test_report_command_stops_on_an_empty_folder_before_starting_a_kernel(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("not an article")
    assert main(["report", "--articles", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "holds no article" in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_check_articles_dir_names_what_is_wrong(tmp_path):
    (tmp_path / "a.txt").write_text("Russia has lost 10 tanks.")
    assert reports.check_articles_dir(tmp_path) == tmp_path
    assert reports.check_articles_dir("") == reports.default_articles_dir()
    with pytest.raises(reports.ParameterError, match="is not a folder"):
        reports.check_articles_dir(tmp_path / "a.txt")
    (tmp_path / "empty").mkdir()
    with pytest.raises(reports.ParameterError, match=r"holds no article \(no \.txt, .* file\)\.$"):
        reports.check_articles_dir(tmp_path / "empty")


def test_unknown_party_is_a_parameter_error():
    with pytest.raises(reports.ParameterError, match="Unknown party 'rusia'"):
        reports.prepare(None, ["rusia"], None)


# --- pieces ---------------------------------------------------------------------------------------

def test_say_escapes_article_text_but_keeps_the_plain_sentence(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append(obj))
    reports.say("Headline: {h}.", h="<script>x</script> *bold*")
    assert shown[0]["text/plain"] == "Headline: <script>x</script> *bold*."
    assert shown[0]["text/markdown"] == r"Headline: &lt;script&gt;x&lt;/script&gt; \*bold\*."


def test_index_escapes_titles_and_corpus(tmp_path):
    entries = [{"title": "<b>T</b>", "what": "What <script>?", "html": "01-x.html", "ipynb": "01-x.ipynb"}]
    page = reports.write_index(tmp_path, entries, "2025-01-01 10:00 UTC", "/data/<evil>", 2).read_text()
    assert "<b>T</b>" not in page and "&lt;b&gt;T&lt;/b&gt;" in page
    assert "<script" not in page and "/data/&lt;evil&gt;" in page and "2 articles" in page


def test_html_page_hides_code_and_escapes_output_text():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title\n\nWhat it answers."),
        nbformat.v4.new_code_cell("secret_code_line = 1", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="<script>alert(1)</script>\n"),
        ]),
    ])
    page = reports.to_html(nb, "2025-01-01 10:00 UTC", "<corpus>", 1)
    assert "secret_code_line" not in page
    assert "<script" not in page and "&lt;script&gt;alert(1)" in page
    assert "&lt;corpus&gt;, 1 article." in page and "<title>Title</title>" in page


def test_describe_notebook_takes_the_first_sentence_after_the_title():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 02 · Sides\n\nWho lost what? Then more.")])
    assert reports.describe_notebook(nb) == ("02 · Sides", "Who lost what?")


def test_parameter_values_on_the_command_line_are_json_where_they_parse():
    assert reports._parse_value('["tanks"]') == ["tanks"]
    assert reports._parse_value("null") is None
    assert reports._parse_value("data/x") == "data/x"


def test_python3_kernel_is_this_python():
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    assert km.format_kernel_cmd()[0] == sys.executable


@pytest.mark.parametrize("path", OUR_NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_starts_with_a_title_a_sentence_and_plain_parameters(path):
    nb = nbformat.read(path, as_version=4)
    first, params = nb.cells[0], nb.cells[1]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert reports.describe_notebook(nb)[1].endswith((".", "?"))
    assert params.cell_type == "code" and "parameters" in params.metadata.get("tags", [])
    for name in ("articles_dir", "parties", "categories", "figures_dir"):
        assert re.search(rf"^{name} = ", params.source, re.M), name
    assert "reports.prepare(" in nb.cells[2].source
    for cell in nb.cells:
        assert "sys.path" not in cell.source and "/work/" not in cell.source


@pytest.mark.slow
def test_interactive_spread_shows_a_quantity_menu_and_its_page_stays_script_free(corpus, tmp_path):
    name = SPREAD_NOTEBOOK.name
    run_notebook(name, tmp_path, articles_dir=str(corpus), interactive=True, figures_dir=str(tmp_path / "f"))
    nb = nbformat.read(tmp_path / name, as_version=4)
    views = [o for c in nb.cells for o in c.get("outputs", [])
             if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(views) == 1
    page = reports.to_html(nb, "2025-01-01 10:00 UTC", str(corpus), 3)
    assert "<script" not in page and "</html>" in page


def test_report_command_stops_on_an_unknown_category_before_starting_a_kernel(tmp_path, capsys):
    code = main(["report", "--out", str(tmp_path / "out"), "-p", "categories", '["tankz"]'])
    assert code == 2
    assert capsys.readouterr().err.startswith("lossclaims report: Unknown category 'tankz'")
    assert not (tmp_path / "out").exists()
