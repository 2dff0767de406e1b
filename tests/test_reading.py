"""Reading hostile folders: every good article intact, one problem row per bad file."""
from __future__ import annotations

import codecs
import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossclaims import reading, schema
from lossclaims.reading import (
    Article, Problem, ReadLimits, decode_text, exit_status, iter_articles, progress_wanted,
    split_front_matter, summarize_problems,
)

PARAGRAPH = "Russia has lost 10,980 tanks since February 2022, Ukraine's General Staff said on Tuesday."
CP1252 = "“Russia’s losses are heavy,” the ministry said — costs reached €2 billion, a “record”."
LATIN1 = "Le ministère a déclaré que la Russie a perdu 500 chars près de la frontière, selon les données."
CYRILLIC = "Росія втратила 500 танків, повідомив Генеральний штаб ЗСУ. Russia lost 500 tanks."

NEWS_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Russia has lost 500 tanks, says ministry | Kyiv Daily</title>
<meta property="og:title" content="Russia has lost 500 tanks, says ministry">
<meta property="og:site_name" content="Kyiv Daily">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.org/news/tanks">
<script>var tracker = "SCRIPT_BOILERPLATE";</script>
<style>body { color: red } /* STYLE_BOILERPLATE */</style>
</head><body>
<nav><ul><li><a href="/">Home NAV_BOILERPLATE</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Russia has lost 500 tanks, says ministry</h1>
<p>The General Staff of the Armed Forces of Ukraine said on Tuesday that Russia has lost
500 tanks since the start of the full-scale invasion, along with many other vehicles.</p>
<p>The figures could not be independently verified. Officials in Moscow did not comment
on the claims, which are published daily by the Ukrainian side.</p>
</article>
<footer>Copyright 2024 FOOTER_BOILERPLATE. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""

NAV_ONLY_PAGE = """<html><head><title>Index</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><footer>(c) 2024</footer></body></html>"""


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A folder as users bring them: every encoding, a saved page, and one of each bad file.

    Returns the folder, {relative path: expected text} and {relative path: expected reason}.
    """
    root = tmp_path / "scraped"
    (root / "sub").mkdir(parents=True)
    good = {
        "utf8.txt": PARAGRAPH + " Über naïve “quotes”.\n",
        "utf8_bom.txt": "With a BOM. " + PARAGRAPH,
        "utf16le.txt": CYRILLIC,
        "utf16be.txt": CYRILLIC + " (big-endian)",
        "cp1252.txt": CP1252,
        "latin1.txt": LATIN1,
        "crlf.md": "First line of the report.\nSecond line: " + PARAGRAPH + "\n",
        "sub/utf8.txt": "In a subfolder, same stem. " + PARAGRAPH,
    }
    (root / "utf8.txt").write_bytes(good["utf8.txt"].encode("utf-8"))
    (root / "utf8_bom.txt").write_bytes(codecs.BOM_UTF8 + good["utf8_bom.txt"].encode("utf-8"))
    (root / "utf16le.txt").write_bytes(codecs.BOM_UTF16_LE + good["utf16le.txt"].encode("utf-16-le"))
    (root / "utf16be.txt").write_bytes(codecs.BOM_UTF16_BE + good["utf16be.txt"].encode("utf-16-be"))
    (root / "cp1252.txt").write_bytes(CP1252.encode("cp1252"))
    (root / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (root / "crlf.md").write_bytes(good["crlf.md"].replace("\n", "\r\n").encode("utf-8"))
    (root / "sub" / "utf8.txt").write_text(good["sub/utf8.txt"], encoding="utf-8")
    (root / "page.html").write_text(NEWS_PAGE, encoding="utf-8")

    bad = {
        "empty.txt": "empty",
        "blank.md": "empty",
        "png.txt": "binary",
        "nul.txt": "binary",
        "big.txt": "too_large",
        "link_out.txt": "outside_folder",
        "linked_dir": "outside_folder",
        "undecodable.txt": "undecodable",
        "bad_utf16.txt": "undecodable",
        "tiny.txt": "not_an_article",
        "nav.htm": "not_an_article",
        "photo.png": "unsupported",
        "sub/fifo.txt": "unsupported",
    }
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_bytes(b"  \n\t\r\n ")
    (root / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"text after" * 10)
    (root / "nul.txt").write_bytes(b"looks like text\x00\x00\x01\x02 but is not" * 5)
    with (root / "big.txt").open("wb") as fh:  # sparse: one byte over the default limit, costs no disk
        fh.truncate(ReadLimits().max_bytes + 1)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("A secret outside the folder. " + PARAGRAPH, encoding="utf-8")
    (root / "link_out.txt").symlink_to(outside / "secret.txt")
    (root / "linked_dir").symlink_to(outside, target_is_directory=True)
    (root / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    (root / "bad_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "odd".encode("utf-16-le") + b"\x41")
    (root / "tiny.txt").write_text("Hi there.", encoding="utf-8")
    (root / "nav.htm").write_text(NAV_ONLY_PAGE, encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    os.mkfifo(root / "sub" / "fifo.txt")  # reading it would hang the batch

    # Read once (the link to a file inside), or never (hidden, a saved page's assets, metadata).
    (root / "link_in.txt").symlink_to(root / "utf8.txt")
    (root / ".hidden.txt").write_text(PARAGRAPH, encoding="utf-8")
    (root / "page_files").mkdir()
    (root / "page_files" / "app.html").write_text(NAV_ONLY_PAGE, encoding="utf-8")
    (root / "articles.csv").write_text(
        "id,headline,outlet,published,url\n"
        "utf8,Tanks lost,The Wire,,\n"
        "page,Headline from the CSV,,,\n",
        encoding="utf-8",
    )
    return root, good, bad


def read_all(source, **kwargs) -> tuple[dict[str, Article], dict[str, Problem]]:
    arts: dict[str, Article] = {}
    probs: dict[str, Problem] = {}
    for item in iter_articles(source, **kwargs):
        target = probs if isinstance(item, Problem) else arts
        assert item.path not in target, f"{item.path} reported twice"
        target[item.path] = item
    return arts, probs


def test_hostile_folder_one_problem_per_bad_file_and_every_article_intact(corpus):
    root, good, bad = corpus
    arts, probs = read_all(root)
    assert {p: pr.reason for p, pr in probs.items()} == bad
    assert set(arts) == set(good) | {"page.html"}
    for rel, text in good.items():
        assert arts[rel].text == text, rel
    assert {p.reason for p in probs.values()} <= set(reading.REASONS)
    assert all(p.detail for p in probs.values()), "every problem says why"


def test_encodings_are_recorded(corpus):
    root, _, _ = corpus
    arts, _ = read_all(root)
    got = {rel: a.encoding for rel, a in arts.items()}
    assert got["utf8.txt"] == "utf-8"
    assert got["utf8_bom.txt"] == "utf-8-sig"
    assert got["utf16le.txt"] == "utf-16-le"
    assert got["utf16be.txt"] == "utf-16-be"
    assert got["cp1252.txt"] == "cp1252"
    assert got["latin1.txt"] in ("cp1252", "latin_1", "iso8859-1")


def test_paths_are_relative_and_nothing_outside_leaks(corpus, tmp_path):
    root, _, _ = corpus
    items = list(iter_articles(root))
    for item in items:
        assert not Path(item.path).is_absolute()
        assert str(tmp_path) not in item.path
        assert str(tmp_path) not in getattr(item, "detail", "")
        assert "secret" not in getattr(item, "text", "")
    assert [i.path for i in items] == sorted(i.path for i in items), "walk order is deterministic"


def test_saved_page_main_text_without_boilerplate_and_csv_metadata_wins(corpus):
    root, _, _ = corpus
    arts, _ = read_all(root)
    page = arts["page.html"]
    assert "independently verified" in page.text
    assert "500 tanks since the start" in " ".join(page.text.split())
    for junk in ("SCRIPT_BOILERPLATE", "STYLE_BOILERPLATE", "NAV_BOILERPLATE", "FOOTER_BOILERPLATE", "<p>"):
        assert junk not in page.text
    assert page.headline == "Headline from the CSV"  # the CSV is filled: it wins
    assert page.outlet == "Kyiv Daily"  # the CSV is blank: the page's own metadata fills it
    assert page.published == "2024-03-05"
    assert page.url == "https://example.org/news/tanks"
    assert page.encoding == "utf-8"
    assert arts["utf8.txt"].outlet == "The Wire"


def test_duplicate_stems_get_distinct_deterministic_ids(corpus):
    root, _, _ = corpus
    (root / "utf8.md").write_text("Markdown twin. " + PARAGRAPH, encoding="utf-8")
    first, _ = read_all(root)
    second, _ = read_all(root)
    ids = {rel: a.id for rel, a in first.items()}
    assert ids == {rel: a.id for rel, a in second.items()}
    assert len(set(ids.values())) == len(ids)
    assert ids["sub/utf8.txt"] == "sub/utf8"
    assert {ids["utf8.txt"], ids["utf8.md"]} == {"utf8.txt", "utf8.md"}
    assert ids["cp1252.txt"] == "cp1252"
    # the articles frame declares ids unique: it accepts them
    schema.frame("articles", [(a.id, a.path, "", "", "", "", "", a.encoding, 1, 1) for a in first.values()])


def test_size_limit_checked_before_reading(corpus, monkeypatch):
    root, _, _ = corpus
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(reading.os, "open", lambda p, *a, **k: opened.append(os.fspath(p)) or real_open(p, *a, **k))
    _, probs = read_all(root)
    assert probs["big.txt"].reason == "too_large"
    assert opened and not any(p.endswith("big.txt") for p in opened)
    assert not any(p.endswith("fifo.txt") for p in opened)


def test_limits_can_be_changed(tmp_path):
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Short, but enough now.", encoding="utf-8")
    arts, probs = read_all(tmp_path, limits=ReadLimits(max_bytes=50, min_chars=5))
    assert probs["a.txt"].reason == "too_large" and "50" in probs["a.txt"].detail
    assert set(arts) == {"b.txt"}
    arts, probs = read_all(tmp_path)
    assert set(arts) == {"a.txt"} and probs["b.txt"].reason == "not_an_article"


def test_missing_source_raises_at_call_missing_list_entry_is_a_problem(tmp_path):
    with pytest.raises(FileNotFoundError):
        iter_articles(tmp_path / "nope")  # at the call, before any iteration
    good = tmp_path / "a.txt"
    good.write_text(PARAGRAPH, encoding="utf-8")
    items = list(iter_articles([str(tmp_path / "gone.txt"), good]))
    assert items[0] == Problem(str(tmp_path / "gone.txt"), "unreadable", "no such file")
    assert isinstance(items[1], Article) and items[1].path == str(good) and items[1].id == "a"
    assert list(iter_articles(tmp_path / "a.txt"))[0].path == str(tmp_path / "a.txt")
    empty = tmp_path / "empty_folder"
    empty.mkdir()
    assert list(iter_articles(empty)) == []


def test_single_file_with_unsupported_suffix_is_a_problem(tmp_path):
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"PK\x03\x04rest")
    assert [p.reason for p in iter_articles(doc)] == ["unsupported"]


def test_broken_metadata_csv_is_a_problem_and_articles_still_read(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "articles.csv").write_text("name,headline\na,Nope\n", encoding="utf-8")
    arts, probs = read_all(folder)
    assert probs["../articles.csv"].reason == "unreadable" and "id" in probs["../articles.csv"].detail
    assert arts["a.txt"].headline == ""


def test_metadata_csv_beside_the_folder_in_a_legacy_encoding(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "articles.csv").write_bytes("id,headline\na,“Café” losses\n".encode("cp1252"))
    arts, probs = read_all(folder)
    assert not probs and arts["a.txt"].headline == "“Café” losses"


def test_html_declared_legacy_charset_and_html_saved_as_txt(tmp_path):
    page = NEWS_PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        "Officials in Moscow", "Официальные лица в Москве")
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    (tmp_path / "saved.txt").write_text(NEWS_PAGE, encoding="utf-8")
    arts, probs = read_all(tmp_path)
    assert not probs
    assert arts["ru.html"].encoding == "cp1251" and "Официальные лица в Москве" in arts["ru.html"].text
    assert "FOOTER_BOILERPLATE" not in arts["saved.txt"].text and "independently" in arts["saved.txt"].text


def test_markdown_front_matter_fills_metadata(tmp_path):
    (tmp_path / "clip.md").write_text(
        "---\ntitle: \"Tanks lost\"\nsource: https://example.org/a\npublished: 2024-03-05\n---\n" + PARAGRAPH,
        encoding="utf-8",
    )
    (tmp_path / "rule.md").write_text("---\nNot front matter, a rule.\n---\n" + PARAGRAPH, encoding="utf-8")
    arts, _ = read_all(tmp_path)
    clip = arts["clip.md"]
    assert (clip.headline, clip.url, clip.published, clip.text) == (
        "Tanks lost", "https://example.org/a", "2024-03-05", PARAGRAPH)
    assert arts["rule.md"].text.startswith("---\nNot front matter") and arts["rule.md"].headline == ""
    assert split_front_matter("---\nsource: Reuters\n---\nx") == ({"outlet": "Reuters"}, "x")


def test_control_characters_are_dropped_and_mostly_control_is_binary(tmp_path):
    (tmp_path / "esc.txt").write_text("Red \x1b[31malert\x1b[0m: " + PARAGRAPH + "\x07", encoding="utf-8")
    (tmp_path / "ctl.txt").write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 40 + PARAGRAPH.encode())
    arts, probs = read_all(tmp_path)
    assert "\x1b" not in arts["esc.txt"].text and "\x07" not in arts["esc.txt"].text
    assert arts["esc.txt"].text.startswith("Red [31malert")
    assert probs["ctl.txt"].reason == "binary"


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le"]))
def test_bom_and_utf8_round_trip(text, encoding):
    bom = {"utf-8-sig": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE}.get(encoding, b"")
    if text.startswith("\x00") and encoding == "utf-16-le":
        return  # FF FE 00 00 is the UTF-32 mark: ambiguous by design
    data = bom + text.encode(encoding)
    if encoding == "utf-8" and (data.startswith((codecs.BOM_UTF8, b"\x89PNG", b"%PDF-", b"GIF8", b"PK\x03\x04"))
                                or b"\x00" in data or data[:2] == b"\x1f\x8b" or data[:4] == b"\x7fELF"):
        return  # such bytes are rightly taken for something else
    decoded, used = decode_text(data)
    assert decoded == text
    assert used == encoding


def test_utf16_that_looks_like_utf32_falls_back():
    data = codecs.BOM_UTF16_LE + "\x00 tanks".encode("utf-16-le")
    assert decode_text(data) == ("\x00 tanks", "utf-16-le")


def test_decode_text_names_the_reason():
    with pytest.raises(ValueError) as err:
        decode_text(bytes(range(0x80, 0x100)) * 3)
    assert err.value.args[0] == "undecodable"
    with pytest.raises(ValueError) as err:
        decode_text(b"%PDF-1.7 ...")
    assert err.value.args == ("binary", "PDF document")


def test_progress_bar_only_when_forced(tmp_path, capsys):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(PARAGRAPH, encoding="utf-8")
    assert len(list(iter_articles(tmp_path))) == 3
    assert capsys.readouterr().err == ""  # not a terminal: no bar
    assert len(list(iter_articles(tmp_path, progress=False))) == 3
    assert capsys.readouterr().err == ""
    assert len(list(iter_articles(tmp_path, progress=True))) == 3
    err = capsys.readouterr().err
    assert "reading" in err and "3/3" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_auto_shows_on_a_terminal_only_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert progress_wanted(None, _Terminal()) is True
    assert progress_wanted(None, io.StringIO()) is False
    monkeypatch.setenv("CI", "true")
    assert progress_wanted(None, _Terminal()) is False
    assert progress_wanted(True, io.StringIO()) is True
    monkeypatch.setenv("CI", "false")
    assert progress_wanted(None, _Terminal()) is True


def test_summary_and_exit_status_from_a_problems_frame():
    frame = schema.frame("problems", [("a.png", "binary", ""), ("b.txt", "empty", ""), ("c.txt", "binary", "")])
    assert summarize_problems(frame) == "3 files skipped: 2 binary, 1 empty"
    assert summarize_problems([Problem("x", "too_large")]) == "1 file skipped: 1 too_large"
    assert summarize_problems(schema.frame("problems", [])) == "no files skipped"
    assert exit_status(5, 3) == 0
    assert exit_status(5, 3, strict=True) == 1
    assert exit_status(5, 0, strict=True) == 0
    assert exit_status(0, 3) == 1


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_give_one_article_or_one_known_problem(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(data)
    items = list(iter_articles([path]))
    assert len(items) == 1
    item = items[0]
    # `unreadable` here could only come from an unexpected exception caught per file
    assert isinstance(item, Article) or item.reason in set(reading.REASONS) - {"unreadable"}, item
