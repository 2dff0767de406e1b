"""The parse cache: unchanged articles are parsed once, any change is parsed again, a broken cache never fails a parse."""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from lossclaims import Article, parse, parsecache, reports
from lossclaims.cli import main
from lossclaims.reading import default_articles_dir

ROOT = Path(__file__).resolve().parents[1]
TEXTS = {
    "k1.txt": "Russia has lost 10,980 tanks since the invasion began, Ukraine's General Staff said.\n",
    "k2.txt": "Ukraine has lost 1,200 tanks, according to Oryx.\n",
}


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A parse cache of this test's own, empty."""
    folder = tmp_path / "parse-cache"
    monkeypatch.setenv(parsecache.DIR_ENV, str(folder))
    monkeypatch.delenv(parsecache.NO_CACHE_ENV, raising=False)
    return folder


def corpus(folder: Path, texts: dict[str, str] = TEXTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def frames_equal(a, b) -> None:
    for kind in ("articles", "claims", "mentions", "problems"):
        pd.testing.assert_frame_equal(getattr(a, kind), getattr(b, kind))


def test_a_second_parse_reads_every_article_from_the_cache_with_the_same_frames(cache_dir):
    first = parse(default_articles_dir())
    n = len(first.articles)
    assert parsecache.stats() == {"hits": 0, "misses": n, "entries": n}
    second = parse(default_articles_dir())
    assert parsecache.stats() == {"hits": n, "misses": n, "entries": n}
    frames_equal(first, second)
    frames_equal(first, parse(default_articles_dir(), cache=False))
    assert parsecache.stats()["hits"] == n  # cache=False neither reads nor writes


def test_adding_one_article_parses_that_article_only(cache_dir, tmp_path):
    folder = corpus(tmp_path / "c")
    parse(folder)
    corpus(folder, {"k3.txt": "Russia has lost 420 aircraft, the General Staff said.\n"})
    parsecache.stats(reset=True)
    result = parse(folder)
    assert parsecache.stats()["misses"] == 1 and parsecache.stats()["hits"] == 2
    assert sorted(result.claims["value"]) == [420.0, 1200.0, 10980.0]


def test_a_changed_text_metadata_or_parser_is_parsed_again(cache_dir, monkeypatch):
    base = Article(id="a", text="Russia has lost 10 tanks.")
    parse([base])
    for changed in (Article(id="a", text="Russia has lost 11 tanks."), Article(id="b", text=base.text),
                    Article(id="a", text=base.text, published="2025-06-30")):
        parsecache.stats(reset=True)
        parse([changed])
        assert parsecache.stats()["misses"] == 1, changed
    monkeypatch.setattr(parsecache, "parser_version", lambda: "another parser")
    parsecache.stats(reset=True)
    parse([base])
    assert parsecache.stats()["misses"] == 1


def test_rows_dated_with_another_series_are_parsed_again(cache_dir, monkeypatch):
    """Dating reads the General Staff series in use: without it, or with another copy, the rows differ."""
    from lossclaims import reference

    article = Article(id="a", text="Russia has lost 10 tanks.")
    parse([article])
    parsecache.stats(reset=True)
    parse([article])
    assert parsecache.stats()["misses"] == 0
    monkeypatch.setenv(reference.CACHE_ENV, str(cache_dir.parent / "no-series"))
    monkeypatch.setattr(reference, "SNAPSHOT_FILE", "no-such-snapshot.parquet")
    parsecache.stats(reset=True)
    parse([article])
    assert parsecache.stats()["misses"] == 1


def test_the_version_changes_with_the_package_code(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    shutil.copytree(Path(parsecache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(parsecache, "__file__", str(package / "parsecache.py"))
    before = parsecache.package_fingerprint()
    (package / "extraction.py").write_text((package / "extraction.py").read_text() + "\n# a change\n")
    assert parsecache.package_fingerprint() != before


def test_the_switches_turn_the_cache_off(cache_dir, monkeypatch, tmp_path):
    folder = corpus(tmp_path / "c")
    assert main(["parse", str(folder), "--out", str(tmp_path / "c.csv"), "--no-cache"]) == 0
    parse(folder, cache=False)
    monkeypatch.setenv(parsecache.NO_CACHE_ENV, "1")
    parse(folder)
    assert not cache_dir.exists() or parsecache.stats()["entries"] == 0
    monkeypatch.setenv(parsecache.NO_CACHE_ENV, "0")
    parse(folder)
    assert parsecache.stats()["entries"] == 2


def test_worker_processes_share_the_cache(cache_dir, tmp_path):
    folder = corpus(tmp_path / "c", {f"w{i}.txt": f"Russia has lost {100 + i} tanks in the war, Kyiv said.\n" for i in range(6)})
    first = parse(folder, jobs=2, batch_articles=2)
    assert parsecache.stats() == {"hits": 0, "misses": 6, "entries": 6}
    frames_equal(first, parse(folder, jobs=2, batch_articles=2))
    assert parsecache.stats()["hits"] == 6


def test_a_cache_that_cannot_be_opened_is_passed_over_with_a_warning(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(parsecache.DIR_ENV, str(blocker / "parse-cache"))
    with pytest.warns(RuntimeWarning, match="cannot be opened"):
        result = parse([Article(id="a", text="Russia has lost 10 tanks.")])
    assert result.claims["value"].tolist() == [10.0]


def test_a_damaged_database_is_passed_over_with_a_warning(cache_dir):
    cache_dir.mkdir()
    (cache_dir / "cache.db").write_bytes(b"this is not an SQLite database" * 100)
    with pytest.warns(RuntimeWarning, match="parsing without it"):
        result = parse([Article(id="a", text="Russia has lost 12 tanks.")])
    assert result.claims["value"].tolist() == [12.0]


def test_a_corrupt_entry_is_parsed_again_and_rewritten(cache_dir):
    article = Article(id="a", text="Russia has lost 13 tanks.")
    good = parse([article])
    import diskcache

    with diskcache.Cache(str(cache_dir)) as raw:
        raw.set(parsecache.article_key(article), b"\x80garbage")
    with pytest.warns(RuntimeWarning, match="an entry cannot be read"):
        again = parse([article])
    frames_equal(good, again)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frames_equal(good, parse([article]))  # rewritten: read without a warning


@pytest.mark.slow
def test_rendering_reports_parses_the_corpus_once_and_a_new_article_alone(cache_dir, tmp_path):
    """Every notebook parses its corpus; with the cache only the first one's parse runs the parser."""
    folder = corpus(tmp_path / "c")
    notebooks = sorted((ROOT / "notebooks").glob("0[13]-*.ipynb"))
    assert len(notebooks) == 2
    reports.render_reports(folder, tmp_path / "r1", notebooks=notebooks, write_html=False)
    assert parsecache.stats() == {"hits": 2, "misses": 2, "entries": 2}
    corpus(folder, {"k3.txt": "Russia has lost 420 aircraft, the General Staff said.\n"})
    parsecache.stats(reset=True)
    reports.render_reports(folder, tmp_path / "r2", notebooks=notebooks, write_html=False)
    assert parsecache.stats() == {"hits": 5, "misses": 1, "entries": 3}
