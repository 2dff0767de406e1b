"""Reports on a corpus of several years: every notebook renders, and claims are compared in time.

The corpus and the General Staff series are written here: four articles published from 2022 to 2025
that copy the series of their day (one of them a month late), and a made-up daily series in the
dataset's own format, so the test needs no cache and no network.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from lossclaims import Article, parse, reports
from test_reports import outputs_text  # (pytest puts tests/ on the path)

ROOT = Path(__file__).resolve().parents[1]
START = pd.Timestamp("2022-02-25")


def personnel(day: str) -> int:
    return 2_800 + 1_013 * (pd.Timestamp(day) - START).days


def tanks(day: str) -> int:
    return 80 + 3 * (pd.Timestamp(day) - START).days


def write_series(folder: Path) -> Path:
    """A daily series from 2022-02-25 to 2025-12-31 in the 2022-Ukraine-Russia-War-Dataset's shape."""
    folder.mkdir(parents=True)
    days = [d.strftime("%Y-%m-%d") for d in pd.date_range(START, "2025-12-31", freq="D")]
    core = {"aircraft": 10, "helicopter": 10, "APC": 500, "field artillery": 100, "MRL": 20, "drone": 5,
            "naval ship": 2, "anti-aircraft warfare": 10}
    (folder / "russia_losses_personnel.json").write_text(json.dumps(
        [{"date": d, "day": i + 2, "personnel": personnel(d)} for i, d in enumerate(days)]))
    (folder / "russia_losses_equipment.json").write_text(json.dumps(
        [{"date": d, "day": i + 2, "tank": tanks(d), **core} for i, d in enumerate(days)]))
    return folder


# article id, published, the day its Russian figures were copied from, Ukraine's casualties by US officials
ARTICLES = [
    ("a2022", "2022-05-02", "2022-05-02", 10_000),
    ("b2023", "2023-06-01", "2023-06-01", 100_000),
    ("c2024", "2024-06-03", "2024-06-03", 300_000),
    ("d2025", "2025-06-30", "2025-06-30", 400_000),
    ("e2025", "2025-07-01", "2025-05-30", 400_000),  # a month-old copy: far from the line of its day
]


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    rows = ["id,headline,outlet,published,url"]
    for art, published, copied, ukraine in ARTICLES:
        text = (f"Losses update\n"
                f"Russia has lost {personnel(copied):,} troops and {tanks(copied):,} tanks since the full-scale "
                f"invasion began, Ukraine's General Staff said.\n"
                f"Ukraine has lost about {ukraine:,} soldiers, according to US officials.\n")
        (folder / f"{art}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{art},Losses update,Daily Test,{published},")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def claims_are_dated() -> bool:
    claims = parse([Article(id="a", text="As of June 30, 2025, Russia has lost 10,980 tanks.")]).claims
    return "as_of" in claims and (claims["as_of"] != "").any()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("years")
    corpus, series = write_corpus(base / "corpus"), write_series(base / "series")
    out = base / "reports"
    reports.render_reports(corpus, out, parameters={"reference": str(series), "categories": ["personnel", "tanks"]})
    return out


@pytest.mark.slow
@pytest.mark.skipif(not claims_are_dated(), reason="the parser does not date claims yet (lossclaims.dating)")
def test_every_notebook_renders_on_a_corpus_of_several_years(rendered):
    pages = sorted(p.name for p in rendered.glob("*.html"))
    assert pages == sorted([p.with_suffix(".html").name for p in reports.find_notebooks()] + ["index.html"])
    corpus = outputs_text(nbformat.read(rendered / "01-corpus.ipynb", as_version=4))
    assert "2022-05-02" in corpus and "articles.csv" in corpus  # the published date and where it came from


@pytest.mark.slow
@pytest.mark.skipif(not claims_are_dated(), reason="the parser does not date claims yet (lossclaims.dating)")
def test_over_time_draws_the_series_line_with_the_claims_on_it(rendered):
    text = outputs_text(nbformat.read(rendered / "05-over-time.ipynb", as_version=4))
    m = re.search(r"The charts place (\d+) claims in time; (\d+) have a General Staff figure of their day, "
                  r"(\d+) of them on the line; (\d+) (?:is|are) called out", text)
    assert m, text[:2000]
    placed, official, on_line, called = map(int, m.groups())
    assert placed >= 15 and official == 10 and on_line == 8 and called == 2  # e2025's two month-old figures
    assert "e2025" in text and "from the official" in text
    assert (rendered / "figures" / "05-over-time.png").stat().st_size > 10_000


@pytest.mark.slow
@pytest.mark.skipif(not claims_are_dated(), reason="the parser does not date claims yet (lossclaims.dating)")
def test_spread_never_calls_claims_of_other_years_disagreeing(rendered):
    nb = nbformat.read(rendered / "04-claim-spread.ipynb", as_version=4)
    table = next(c for c in nb.cells if "paste_table" in c.source).outputs[0]["data"]["text/plain"]
    disagree = [line for line in table.splitlines() if "claims disagree" in line]
    # only e2025's month-old copy, published a day after d2025's figures of the day, disagrees
    assert len(disagree) == 2 and all("2025-06-30 to 2025-07-01" in line for line in disagree), table
    assert "describe other days" in table and "2022-05-02" in table and "2024-06-03" in table
    sides = outputs_text(nbformat.read(rendered / "02-russia-vs-ukraine.ipynb", as_version=4))
    assert "Figures compared: russia as of 2025-07-01; ukraine as of 2025-07-01" in sides


@pytest.mark.slow
@pytest.mark.parametrize("notebook, parameters, sentence", [
    ("02-russia-vs-ukraine.ipynb", {"since": "last year"},
     "since must be a day written YYYY-MM-DD, e.g. \"2025-01-31\" (got 'last year')."),
    ("05-over-time.ipynb", {"days": -2}, "days must be a whole number of days, 0 or more (got -2)."),
])
def test_a_wrong_date_parameter_stops_the_notebook_with_one_sentence(tmp_path, notebook, parameters, sentence):
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as err:
        pm.execute_notebook(str(ROOT / "notebooks" / notebook), str(tmp_path / notebook), parameters=parameters,
                            kernel_name="python3", cwd=str(ROOT / "notebooks"), progress_bar=False)
    assert err.value.ename == "ParameterError" and err.value.evalue == sentence
    assert err.value.traceback == [sentence]
