"""Hostile corpus end to end: a folder of broken and booby-trapped files parses cleanly and renders inert, offline reports.

Guards issue 6's "done when": the tests write their own corpus (good articles with known loss
claims; articles whose text, file name, headline and outlet carry `<script>`, `<img onerror>`,
`javascript:` links, remote images and bidi overrides; binary, empty, oversized, undecodable
files and a link out of the folder), then check that

* parsing it (the `lossclaims parse` command, with `--max-mb`) keeps every good article's claims
  and gives exactly one problem row per bad file;
* the rendered reports hold no live markup from the articles (no script element, no event-handler
  attribute, no `javascript:` URL) and nothing that would load from another host;
* headless Chromium opens every report and the index from `file://` with the network off: no request
  leaves the machine, no console error, no dialog, every figure decodes. A full-page screenshot of
  each page is saved under `reports/test-artifacts/` (or `$LOSSCLAIMS_TEST_ARTIFACTS`).

The browser tests need Debian's Chromium at /usr/bin/chromium (`.ci/run` installs it); they are
skipped where it is missing, except in CI, where a missing browser fails them.
"""
from __future__ import annotations

import csv
import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lossclaims import reports
from lossclaims.cli import main
from lossclaims.reading import REASONS

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "fixtures" / "reference" / "general-staff"
CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
ARTIFACTS = Path(os.environ.get("LOSSCLAIMS_TEST_ARTIFACTS") or ROOT / "reports" / "test-artifacts")

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = '<a href="javascript:alert(1)">read more</a>'
REMOTE = '<img src="https://tracker.invalid/pixel.png"> ![pixel](https://tracker.invalid/p.png)'
MD_LINK = "[click](javascript:alert(1)) <javascript:alert(1)> <https://tracker.invalid/x>"
RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"  # right-to-left override / isolate

# Good articles: file name -> (text, [(party, category, value)] the parser must read from it).
GOOD: dict[str, tuple[str, list[tuple[str, str, float]]]] = {
    "gs_tanks.txt": (
        "Russia has lost 10,980 tanks, the General Staff said.\n\n"
        "Russia has lost 3,000 artillery systems, the General Staff said.\n",
        [("russia", "tanks", 10980.0), ("russia", "artillery", 3000.0)],
    ),
    "oryx.md": (
        "---\ntitle: Ukraine's tank losses\noutlet: Kyiv Daily\n---\n"
        "Ukraine has lost 1,200 tanks, according to Oryx.\n",
        [("ukraine", "tanks", 1200.0)],
    ),
    # Article text holding markup: it must reach the report as text, not as elements.
    "script_quote.txt": (
        f"Officials {SCRIPT} said Russia has lost 3,100 tanks.\n\nSee {JS_LINK} and {MD_LINK}.\n",
        [("russia", "tanks", 3100.0)],
    ),
    "img_quote.txt": (
        f"Russia has lost 5,555 tanks {IMG}, the General Staff said. {REMOTE}\n",
        [("russia", "tanks", 5555.0)],
    ),
    "bidi.txt": (
        f"The {RLO}ministry{PDF} said Russia has lost 4,321 tanks. {RLI}txt.exe{PDI}\n",
        [("russia", "tanks", 4321.0)],
    ),
    # A hostile file name: it becomes the article's id, shown in tables.
    '"><svg onload=alert(1)>.txt': (
        "Russia has lost 2,468 tanks, the General Staff said.\n",
        [("russia", "tanks", 2468.0)],
    ),
}
# A saved page whose markup is dropped by extraction, and whose escaped text comes back as markup.
PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Tanks {html.escape(SCRIPT)}</title>
<link rel="stylesheet" href="https://cdn.invalid/site.css">
<script src="https://cdn.invalid/tracker.js"></script>
<script>alert("page")</script>
</head><body onload="alert(2)">
<article><h1>Tanks</h1>
<p>Officials wrote {html.escape(SCRIPT + IMG)} in a post on Monday. Russia has lost 7,654 tanks,
the General Staff said, in a statement that could not be independently verified.</p>
<p><img src="https://cdn.invalid/photo.jpg" onerror="alert(3)"> <iframe src="javascript:alert(4)"></iframe></p>
</article></body></html>"""
GOOD_PAGE = ("saved_page.html", [("russia", "tanks", 7654.0)])

# Metadata with markup in every field shown (csv keys are article ids, i.e. file stems).
METADATA = [
    {"id": "gs_tanks", "headline": f"Tanks {SCRIPT}", "outlet": IMG, "published": "2022-05-02",
     "url": "javascript:alert(1)"},
    {"id": "script_quote", "headline": JS_LINK, "outlet": f"{RLO}swen{PDF} <b>Bold</b>",
     "published": "2022-05-03", "url": "https://tracker.invalid/a"},
    {"id": "img_quote", "headline": f"{MD_LINK} {REMOTE}", "outlet": "<style>@import url(https://x.invalid/a.css)</style>",
     "published": "2022-05-01", "url": ""},
    # An override left open would run on over the report's own words after the headline.
    {"id": "bidi", "headline": f"{RLO}sknat 1,234", "outlet": f"{PDI}{RLI}Outlet", "published": "", "url": ""},
]

# Bad files: relative path -> the problem reason expected for it.
BAD = {
    "binary.txt": "binary",
    "<img src=x onerror=alert(1)>.txt": "binary",
    "empty.md": "empty",
    "big.txt": "too_large",
    "undecodable.txt": "undecodable",
    "link_out.txt": "outside_folder",
}
MAX_MB = 0.01  # 10 kB: big.txt is above it, every good article far below
BIG_CLAIM = 77777.0


def write_corpus(root: Path) -> Path:
    """Write the hostile corpus into `root` (a folder named with markup too) and return it."""
    folder = root / f"corpus {IMG}"
    folder.mkdir(parents=True)
    for name, (text, _) in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / GOOD_PAGE[0]).write_text(PAGE, encoding="utf-8")
    with (folder / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "headline", "outlet", "published", "url"])
        writer.writeheader()
        writer.writerows(METADATA)

    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\xff" * 64)
    (folder / "<img src=x onerror=alert(1)>.txt").write_bytes(b"\x00\x01\x02 text? " * 20)
    (folder / "empty.md").write_bytes(b"")
    big = "Russia has lost 77,777 tanks, the General Staff said. " + "Filler words about the war. " * 500
    (folder / "big.txt").write_text(big, encoding="utf-8")
    assert len(big) > MAX_MB * 1_000_000
    (folder / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Russia has lost 99,999 tanks, a secret said.", encoding="utf-8")
    (folder / "link_out.txt").symlink_to(outside / "secret.txt")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("hostile"))


# --- parsing -------------------------------------------------------------------------------------

def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_hostile_corpus_parses_with_good_claims_intact_and_one_problem_per_bad_file(corpus, tmp_path, capsys):
    out = tmp_path / "claims.csv"
    code = main(["parse", str(corpus), "--out", str(out), "--max-mb", str(MAX_MB), "--no-progress"])
    assert code == 0
    err = capsys.readouterr().err
    assert f"{len(BAD)} files skipped" in err

    from lossclaims import parse
    from lossclaims.reading import ReadLimits

    result = parse(corpus, limits=ReadLimits(max_bytes=int(MAX_MB * 1_000_000)), progress=False)
    problems = dict(zip(result.problems["path"], result.problems["reason"]))
    assert len(result.problems) == len(BAD), result.problems
    assert problems == BAD
    assert set(problems.values()) <= set(REASONS)
    assert "secret" not in " ".join(result.problems["detail"]) and str(corpus.parent) not in " ".join(result.problems["detail"])

    # Every good article (the hostile ones included) is read, with every claim it states, and
    # the claims file written by the command line holds the same.
    expected = {Path(n).stem: claims for n, (_, claims) in GOOD.items()}
    expected[Path(GOOD_PAGE[0]).stem] = GOOD_PAGE[1]
    assert sorted(result.articles["id"]) == sorted(expected)
    written = read_csv(out)
    for article, claims in expected.items():
        got = result.claims[result.claims["article"] == article]
        got_set = {(p, c, float(v)) for p, c, v in zip(got["party"], got["category"], got["value"])}
        assert set(claims) <= got_set, (article, got_set)
        assert {(r["party"], r["category"], float(r["value"])) for r in written if r["article"] == article} == got_set
    values = set(result.claims["value"])
    assert BIG_CLAIM not in values and 99999.0 not in values  # too large, and outside: never read

    # The markup is kept as text (escaping is the report's job, not the reader's).
    quotes = " ".join(result.claims["quote"])
    assert SCRIPT in quotes and IMG in quotes
    arts = result.articles.set_index("id")
    assert arts.loc["gs_tanks", "headline"] == f"Tanks {SCRIPT}" and arts.loc["gs_tanks", "outlet"] == IMG
    assert RLO in arts.loc["bidi", "headline"]
    assert arts.loc["saved_page", "headline"].startswith("Tanks")  # the page's <title>, unescaped


# --- report HTML source --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rendered(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """Every numbered notebook rendered once on the hostile corpus (05 against the fixture series)."""
    out = tmp_path_factory.mktemp("reports")
    written = reports.render_reports(corpus, out, parameters={"reference": str(REFERENCE)})
    return out, written


URL_ATTRS = {"src", "href", "action", "formaction", "data", "poster", "background", "srcset", "xlink:href", "ping"}


class Audit(HTMLParser):
    """Collects what in a page could run or load: elements, attributes, style text, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.remote: list[str] = []
        self.images: list[str] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "frame", "base", "svg", "math", "form"):
            self.live.append(f"<{tag}>")
        if tag == "meta" and any(k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs):
            self.live.append("<meta refresh>")
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}=>")
            if name in URL_ATTRS or name == "style":
                low = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if "javascript:" in low or "vbscript:" in low:
                    self.live.append(f"<{tag} {name}={value[:40]}>")
                if re.search(r"(?:^|[\s,(])(?:https?:)?//", low) and not (tag == "a" and name == "href"):
                    self.remote.append(f"<{tag} {name}={value[:60]}>")
                if tag == "a" and name == "href" and re.match(r"(?:https?:)?//", low):
                    self.remote.append(f"<a href={value[:60]}> (a link to another host from article text)")
        if tag == "img":
            self.images.append(dict(attrs).get("src") or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            low = data.lower()
            if "@import" in low or re.search(r"url\(\s*[\"']?\s*(?:https?:)?//", low) or "@font-face" in low and "//" in low:
                self.remote.append(f"<style> {data[:60]}")
        else:
            self.text.append(data)


def audit(page: Path | str) -> Audit:
    a = Audit()
    a.feed(page if isinstance(page, str) else page.read_text(encoding="utf-8"))
    a.close()
    return a


def test_the_source_audit_finds_live_and_remote_markup():
    """The checker is not blind: each trick of the corpus, left live, is reported."""
    found = audit(
        '<script src="https://cdn.invalid/r.js"></script><img src=x onerror=alert(1)>'
        '<a href=" Java\tScript:alert(1)">x</a><a href="https://tracker.invalid/">y</a>'
        '<link rel=stylesheet href="//cdn.invalid/a.css"><style>@import url(https://x.invalid/a.css)</style>'
        '<iframe src="javascript:alert(4)"></iframe><p>&lt;script&gt; is text</p>')
    assert found.live == ["<script>", "<img onerror=>", '<a href=Java\tScript:alert(1)>', "<iframe>",
                          "<iframe src=javascript:alert(4)>"]
    assert len(found.remote) == 4 and found.images == ["x"]
    assert "<script> is text" in found.text


@pytest.mark.slow
def test_report_pages_hold_no_live_markup_and_load_nothing_remote(rendered):
    out, written = rendered
    notebooks = [p.with_suffix(".html").name for p in reports.find_notebooks()]
    assert [p.name for p in written] == notebooks + ["index.html"]  # every page is checked
    for page in written:
        found = audit(page)
        assert found.live == [], (page.name, found.live)
        assert found.remote == [], (page.name, found.remote)
        for src in found.images:
            assert src.startswith("data:image/"), (page.name, src[:60])


@pytest.mark.slow
def test_hostile_text_reaches_the_report_as_text(rendered):
    """Not hollow: the markup is on the page, as characters a reader sees, not as elements."""
    out, _ = rendered
    corpus_page = out / "01-corpus.html"
    text = " ".join(audit(corpus_page).text)
    for needle in (SCRIPT, IMG, 'href="javascript:alert(1)"', "https://tracker.invalid/pixel.png",
                   "<b>Bold</b>", '"><svg onload=alert(1)>', "<img src=x onerror=alert(1)>.txt"):
        assert needle in text, needle
    source = corpus_page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source


BIDI_OPEN = {"\u202a": PDF, "\u202b": PDF, "\u202d": PDF, "\u202e": PDF, "\u2066": PDI, "\u2067": PDI, "\u2068": PDI}
BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "header", "body",
          "table", "tr", "td", "th", "thead", "tbody", "section", "main", "br", "title", "head"}


def left_open(text: str) -> list[str]:
    """The bidi embeddings, overrides and isolates still open at the end of `text`, as the UBA pairs them."""
    stack: list[str] = []
    for ch in text:
        if ch in BIDI_OPEN:
            stack.append(BIDI_OPEN[ch])
        elif ch == PDF and stack and stack[-1] == PDF:
            stack.pop()
        elif ch == PDI and PDI in stack:
            while stack.pop() != PDI:
                pass
    return stack


class Blocks(HTMLParser):
    """The text of each block of a page outside table cells (where a cell is one value, it cannot leak)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buf: list[str] = []
        self._cell = 0

    def _flush(self) -> None:
        if self._buf and not self._cell:
            self.blocks.append("".join(self._buf))
        self._buf = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._flush()
        self._cell += tag in ("td", "th")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._flush()
        self._cell -= tag in ("td", "th") and self._cell > 0

    def handle_data(self, data):
        self._buf.append(data)


def test_left_open_pairs_like_the_bidi_algorithm():
    assert left_open(f"a{RLO}b{PDF}c") == [] and left_open(f"{RLI}{RLO}x{PDI}") == []
    assert left_open(f"{RLO}x") == [PDF] and left_open(f"{PDI}{RLI}x") == [PDI]


@pytest.mark.slow
def test_bidi_overrides_from_articles_stop_where_the_article_text_ends(rendered):
    """A headline's right-to-left override must not reverse the sentence the report wraps around it."""
    out, written = rendered
    seen_bidi = False
    for page in written:
        parser = Blocks()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        for block in parser.blocks:
            seen_bidi |= RLO in block
            assert left_open(block) == [], (page.name, block[:120])
    assert seen_bidi, "the bidi headline reaches a sentence of some report"


# --- the reports in a real browser, offline -----------------------------------------------------

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # A second lock on the door: no host name resolves, so even a request the route missed fails.
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and not IN_CI,
    reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run installs it, and in CI these tests never skip)",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """Debian's Chromium, headless, with a fresh profile; never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            offline=True, viewport={"width": 1280, "height": 900}, java_script_enabled=True,
        )
        try:
            yield context
        finally:
            context.close()


def visit(context, page_path: Path, shot: Path) -> dict:
    """Open one page from file://, with every request outside file: and data: recorded and aborted."""
    remote: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []

    def route(r) -> None:
        url = r.request.url
        if url.startswith(("file://", "data:")):
            r.continue_()
        else:
            remote.append(url)
            r.abort()

    page = context.new_page()
    page.route("**/*", route)
    page.on("request", lambda req: None if req.url.startswith(("file://", "data:")) else remote.append(req.url))
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    try:
        page.goto(page_path.as_uri(), wait_until="load")
        page.wait_for_load_state("networkidle")
        images = page.eval_on_selector_all(
            "img", "els => els.map(e => ({src: e.currentSrc.slice(0, 30), w: e.naturalWidth, done: e.complete}))")
        scripts = page.eval_on_selector_all("script", "els => els.length")
        body = page.inner_text("body")
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=True)
    finally:
        page.close()
    return {"remote": remote, "errors": errors, "dialogs": dialogs, "images": images,
            "scripts": scripts, "body": body}


@pytest.fixture(scope="module")
def visits(rendered, browser) -> dict[str, dict]:
    out, written = rendered
    shots = ARTIFACTS / "hostile"
    return {page.name: visit(browser, page, shots / f"{page.stem}.png") for page in written}


def expected_figures(out: Path, page: Path) -> int:
    """How many figures the notebook behind `page` saved (PNG files named after it)."""
    prefix = page.stem.split("-", 1)[0] + "-"
    return len(list((out / "figures").glob(prefix + "*.png"))) if page.name != "index.html" else 0


@pytest.mark.slow
@needs_chromium
def test_reports_open_offline_in_chromium_inert_and_with_their_figures(rendered, visits):
    out, written = rendered
    assert set(visits) == {p.name for p in written}
    with_figures = 0
    for page in written:
        seen = visits[page.name]
        assert seen["remote"] == [], (page.name, seen["remote"])
        assert seen["errors"] == [], (page.name, seen["errors"])
        assert seen["dialogs"] == [], (page.name, seen["dialogs"])
        assert seen["scripts"] == 0, page.name
        broken = [i for i in seen["images"] if not (i["done"] and i["w"] > 0)]
        assert broken == [], (page.name, broken)
        n = expected_figures(out, page)
        assert len(seen["images"]) >= n, (page.name, len(seen["images"]), n)
        with_figures += n > 0
        assert (ARTIFACTS / "hostile" / f"{page.stem}.png").stat().st_size > 1000
    assert with_figures >= 3  # 02, 03 and 04 (and 05 with the fixture series) draw figures


@pytest.mark.slow
@needs_chromium
def test_chromium_shows_the_hostile_text_as_text(visits):
    body = visits["01-corpus.html"]["body"]
    assert SCRIPT in body and IMG in body and "<b>Bold</b>" in body
    assert "javascript:alert(1)" in body
    assert "Rendered" in visits["index.html"]["body"]


@pytest.mark.slow
@needs_chromium
def test_the_browser_checks_can_fail(browser, tmp_path):
    """The same checks on a page that is live and remote report what it does: they are not blind."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><script src="https://cdn.invalid/x.js"></script></head><body>'
        '<img src="missing.png"><img src=x onerror="alert(1)"><script>console.error("boom")</script>'
        '</body></html>', encoding="utf-8")
    seen = visit(browser, bad, tmp_path / "bad.png")
    assert any("cdn.invalid" in u for u in seen["remote"])
    assert seen["dialogs"] and any("boom" in e for e in seen["errors"])
    assert any(not i["w"] for i in seen["images"])
