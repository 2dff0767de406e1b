"""Reading articles: files and folders in, `Article` records and `Problem` rows out.

Users point the workbook at folders they scraped, saved from a browser or got from
colleagues, so every per-file failure becomes a `Problem` and the batch goes on.

Accepted inputs
    ``.txt`` / ``.md``: UTF-8, UTF-8/UTF-16/UTF-32 with a byte-order mark, or a legacy
    single-byte encoding guessed by charset-normalizer (the guess is kept in
    `Article.encoding`). ``.md`` front matter (``title:``, ``published:``, ``source:`` ...)
    fills the metadata. ``.html`` / ``.htm``: a page saved from a browser; trafilatura
    extracts the main text and the title, date, URL and site name.
    Metadata from an ``articles.csv`` (inside the folder, else beside it) wins where filled.
    The publication date is taken from the first of articles.csv, the page's or front matter's
    metadata and a date line at the top of the text (`lossclaims.dating.publication`), as ISO
    YYYY-MM-DD, with where it came from in `Article.published_source`.

Problem reasons (the fixed vocabulary of `Problem.reason`, see `REASONS`)
    ``unreadable``      the file could not be opened or read (missing, permission, I/O error)
    ``empty``           zero bytes, or only whitespace once decoded
    ``binary``          an image, PDF, archive or other non-text bytes
    ``not_an_article``  too little text (`ReadLimits.min_chars`), or a page with no main text
    ``too_large``       above `ReadLimits.max_bytes` (text) or `max_html_bytes` (HTML); never read
    ``undecodable``     no text encoding fits the bytes
    ``outside_folder``  a symbolic link leading out of the folder walked; never followed
    ``unsupported``     not a .txt/.md/.html/.htm file, or not a regular file

Folder walk: recursive and sorted. Hidden entries, a saved page's ``<page>_files/`` assets
and the folder's own ``articles.csv`` are passed over silently; a link to a file inside the
folder is read once; links out of it are never followed. Text gets ``\n`` newlines and loses
control characters (an ANSI escape in a scraped file must not reach a terminal).

Paths: in a folder walk `Article.path` and `Problem.path` are POSIX paths relative to the
folder, and no detail names an absolute path; for a file or a list, the path as given.
A missing file or folder given as `source` raises FileNotFoundError when `iter_articles`
is called; a missing path inside a list is an ``unreadable`` problem; a folder with no
readable article yields only its problems (possibly none), and the caller decides.
"""
from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import re
import stat
import sys
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .dating import publication

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
METADATA_NAME = "articles.csv"

REASONS: dict[str, str] = {
    "unreadable": "could not be opened or read",
    "empty": "no text",
    "binary": "not a text file",
    "not_an_article": "too little text to be an article",
    "too_large": "above the size limit, not read",
    "undecodable": "no text encoding fits",
    "outside_folder": "a link leading outside the folder",
    "unsupported": "not a .txt, .md, .html or .htm file",
}

# Folder entries that are never articles and not worth a problem row.
_IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini"})

_MAGIC = (
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive (or .docx/.odt)"),
    (b"\x1f\x8b", "gzip archive"), (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"\x7fELF", "executable"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
)
# UTF-32 first: its little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Controls that carry no meaning in article text (tab and newline are kept).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A plain character class with a bounded quantifier: linear, no backtracking blow-up.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
# Where several legacy encodings fit about equally well, the Western one is the likelier for news.
_PREFERRED_LEGACY = ("cp1252",)
_SNIFF = 65536
_ALNUM_RUN = re.compile(r"[^\W_]+")  # exactly the characters str.isalnum() accepts
_ASCII_ALNUM = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _alnum_count(text: str) -> int:
    """How many characters of `text` are letters or digits (bytes.translate for ASCII text: fast).

    >>> _alnum_count("Kyiv, 2025: ok_"), _alnum_count("Київ, 2025")
    (10, 8)
    """
    if text.isascii():
        data = text.encode("ascii")
        return len(data) - len(data.translate(None, _ASCII_ALNUM))
    return sum(map(len, _ALNUM_RUN.findall(text)))


@dataclass(frozen=True)
class ReadLimits:
    """Limits a user can change; a file beyond them becomes a problem row, never an error.

    >>> ReadLimits(max_bytes=1_000).max_bytes
    1000
    """

    max_bytes: int = 5_000_000
    """Largest .txt/.md file read, in bytes (checked with stat, before reading)."""
    max_html_bytes: int = 20_000_000
    """Largest .html/.htm file read: saved pages carry scripts and styles."""
    min_chars: int = 25
    """Fewest letters and digits an article's text must have."""


@dataclass(frozen=True)
class Article:
    """One article's text with the metadata known about it (blank where unknown)."""

    id: str
    text: str
    path: str = ""
    headline: str = ""
    outlet: str = ""
    published: str = ""
    """The publication day, ISO YYYY-MM-DD, or blank."""
    url: str = ""
    encoding: str = "utf-8"
    published_source: str = ""
    """Where `published` came from: `articles.csv`, `html` metadata, `front_matter`, the `text` itself, or blank."""


class DateWarning(UserWarning):
    """A publication date in the metadata that names no day (the article is read, dated from elsewhere)."""


@dataclass(frozen=True)
class Problem:
    """A file that could not be read as an article, and why (`reason` is one of `REASONS`)."""

    path: str
    reason: str
    detail: str = ""


class _Skip(Exception):
    """Raised inside the reading of one file; becomes that file's `Problem`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason, self.detail = reason, detail


def default_articles_dir() -> Path:
    """The embedded default corpus (`data/articles/` of the project).

    >>> default_articles_dir().name
    'articles'
    """
    return Path(__file__).resolve().parents[2] / "data" / "articles"


# --- decoding ---------------------------------------------------------------------------

def decode_text(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode a file's bytes to text and name the encoding used; `ValueError` if impossible.

    BOMs first, then strict UTF-8, then (for HTML) a declared `<meta charset>`, then
    charset-normalizer's guess. The error's first argument is the problem reason.

    >>> decode_text("naïve".encode("utf-16"))[1]
    'utf-16-le'
    >>> decode_text("“Russia’s losses”, the ministry said, “are heavy.”".encode("cp1252"))
    ('“Russia’s losses”, the ministry said, “are heavy.”', 'cp1252')
    """
    try:
        return _decode(data, html)
    except _Skip as skip:
        raise ValueError(skip.reason, skip.detail) from None


def _decode(data: bytes, html: bool) -> tuple[str, str]:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _Skip("binary", kind)
    failed = ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding.replace("-sig", "")), encoding
            except UnicodeDecodeError as exc:  # FF FE 00 00 may be UTF-16 too: try the next mark
                failed = failed or f"invalid {encoding} at byte {exc.start + len(bom)}"
    if failed:
        raise _Skip("undecodable", failed)
    if b"\x00" in data:
        raise _Skip("binary", "NUL bytes (UTF-16 without a byte-order mark is not supported)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        found = _META_CHARSET.search(data[:4096])
        if found:
            declared = _codec_name(found.group(1).decode("ascii"))
            if declared:
                try:
                    return data.decode(declared), declared
                except UnicodeDecodeError:
                    pass  # the page lies about its encoding: guess instead
    return _guess(data)


def _codec_name(label: str) -> str:
    """Python's codec for an encoding label, with latin-1 read as cp1252 as browsers do."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ""
    return "cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _Skip("undecodable", "not UTF-8, and no single-byte encoding fits")
    # Short texts fit many code pages about equally (cp1252 quotes read as mac_iceland,
    # or as CJK): where a preferred one fits as well as the best, take it.
    for preferred in _PREFERRED_LEGACY:
        if best.encoding == preferred:
            break
        fit = from_bytes(data, cp_isolation=[preferred]).best()
        if fit is not None and fit.chaos <= best.chaos + 0.01 and fit.coherence >= best.coherence - 0.1:
            return str(fit), preferred
    return str(best), best.encoding


def _clean(text: str) -> str:
    """Unix newlines and no stray control characters, which mean nothing in an article."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --- HTML and front matter --------------------------------------------------------------

def extract_html(markup: str) -> tuple[str, dict[str, str]]:
    """The main text of a news page and its metadata (headline, published, url, outlet).

    Uses trafilatura, which drops navigation, footers, scripts and comments.

    >>> page = ("<html><head><title>Tanks</title></head><body><nav>Home</nav><article>"
    ...         "<p>Russia has lost 500 tanks, the General Staff of Ukraine said on Tuesday.</p>"
    ...         "</article><footer>Copyright</footer></body></html>")
    >>> text, meta = extract_html(page)
    >>> "500 tanks" in text, "Copyright" in text, meta["headline"]
    (True, False, 'Tanks')
    """
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return "", {}
    if not isinstance(doc, dict):
        doc = doc.as_dict()
    meta = {
        "headline": doc.get("title"), "published": doc.get("date"),
        "url": doc.get("url"), "outlet": doc.get("sitename"),
    }
    return doc.get("text") or "", {k: str(v).strip() for k, v in meta.items() if v}


_FRONT_KEYS = {
    "title": "headline", "headline": "headline", "date": "published", "published": "published",
    "url": "url", "link": "url", "outlet": "outlet", "site": "outlet", "publisher": "outlet",
    "source": "source",
}


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a Markdown file's `---` front matter into metadata and the body after it.

    Only a block whose every line is `key: value` counts, so a leading rule stays text.

    >>> split_front_matter('---\\ntitle: "Losses"\\nsource: https://x.org/a\\n---\\nBody')
    ({'headline': 'Losses', 'url': 'https://x.org/a'}, 'Body')
    >>> split_front_matter("---\\nJust a rule\\n---\\nBody")[0]
    {}
    """
    if not text.startswith("---\n"):
        return {}, text
    block, sep, body = text[4:4096].partition("\n---")
    if not sep or body[:1] not in ("\n", ""):
        return {}, text
    meta: dict[str, str] = {}
    for line in block.split("\n"):
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or not key.replace("_", "").replace("-", "").isalnum():
            return {}, text
        field_name = _FRONT_KEYS.get(key)
        value = value.strip().strip("\"'").strip()
        if field_name == "source":  # web clippers put the page's URL here
            field_name = "url" if value.startswith(("http://", "https://")) else "outlet"
        if field_name and value and field_name not in meta:
            meta[field_name] = value
    rest = text[4 + len(block) + len(sep):]
    return meta, rest[1:] if rest.startswith("\n") else rest


def _looks_like_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


# --- one file ---------------------------------------------------------------------------

def _read_bytes(path: Path, limit: int, *, follow: bool) -> bytes:
    """At most `limit` bytes of a regular file, checking the size with stat before reading."""
    try:
        st = os.stat(path, follow_symlinks=follow)
    except FileNotFoundError:
        raise _Skip("unreadable", "no such file") from None
    except OSError as exc:
        raise _Skip("unreadable", exc.strerror or type(exc).__name__) from None
    if not stat.S_ISREG(st.st_mode):
        raise _Skip("unsupported", "not a regular file")
    if st.st_size > limit:
        raise _Skip("too_large", f"{st.st_size:,} bytes, limit {limit:,}")
    if st.st_size == 0:
        raise _Skip("empty", "0 bytes")
    # NOFOLLOW: a file swapped for a link after the walk is not followed;
    # NONBLOCK: a file swapped for a FIFO cannot hang the batch.
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _Skip("unreadable", exc.strerror or type(exc).__name__) from None
    with io.FileIO(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _Skip("unsupported", "not a regular file")
        chunks, size = [], 0
        try:
            while size <= limit:  # a raw read may return less than asked
                chunk = fh.read(limit + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            raise _Skip("unreadable", exc.strerror or type(exc).__name__) from None
    data = b"".join(chunks)
    if len(data) > limit:
        raise _Skip("too_large", f"grew above the limit of {limit:,} bytes while read")
    return data


def _read_one(path: Path, rel: str, id_: str, meta: dict[str, str], limits: ReadLimits,
              follow: bool) -> Article:
    suffix = _suffix_checked(path.suffix)
    data = _read_bytes(path, limits.max_html_bytes if suffix in HTML_SUFFIXES else limits.max_bytes, follow=follow)
    return _article(data, suffix, rel, id_, meta, limits)


def _suffix_checked(suffix: str) -> str:
    suffix = suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise _Skip("unsupported", f"'{suffix or 'no'}' suffix; accepted: {', '.join(ARTICLE_SUFFIXES)}")
    return suffix


def article_from_bytes(data: bytes, path: str, id_: str, limits: ReadLimits | None = None,
                       meta: dict[str, str] | None = None) -> Article | Problem:
    """An `Article` built from a file's bytes exactly as a folder walk builds it, or the `Problem` why not.

    For bytes that come from elsewhere than a local path (object storage, an upload).

    >>> article_from_bytes("Russia has lost 10,980 tanks, Kyiv said.".encode("utf-16"), "a.txt", "a").encoding
    'utf-16-le'
    >>> article_from_bytes(b"%PDF-1.7 ...", "b.txt", "b").reason
    'binary'
    """
    limits = limits or ReadLimits()
    try:
        suffix = _suffix_checked(os.path.splitext(path)[1])
        limit = limits.max_html_bytes if suffix in HTML_SUFFIXES else limits.max_bytes
        if len(data) > limit:
            raise _Skip("too_large", f"{len(data):,} bytes, limit {limit:,}")
        if not data:
            raise _Skip("empty", "0 bytes")
        return _article(data, suffix, path, id_, meta or {}, limits)
    except _Skip as skip:
        return Problem(path, skip.reason, skip.detail)


def _article(data: bytes, suffix: str, rel: str, id_: str, meta: dict[str, str], limits: ReadLimits) -> Article:
    html = suffix in HTML_SUFFIXES
    text, encoding = _decode(data, html)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(_CONTROLS.findall(text[:_SNIFF])) > 0.05 * len(text[:_SNIFF]):
        raise _Skip("binary", "mostly control characters")
    text = _clean(text)
    if not text.strip():
        raise _Skip("empty", "only whitespace")
    found: dict[str, str] = {}
    found_in = ""
    if html or _looks_like_html(text):
        found_in = "html"
        try:
            text, found = extract_html(text)
        except Exception as exc:  # a parser crash on one hostile page must not stop the batch
            raise _Skip("not_an_article", f"HTML extraction failed: {type(exc).__name__}") from None
        text = _clean(text).strip()
        if not text:
            raise _Skip("not_an_article", "no main text found in the page")
    elif suffix == ".md":
        found, text = split_front_matter(text)
        found_in = "front_matter"
    letters = _alnum_count(text[:_SNIFF])
    if letters < limits.min_chars:
        raise _Skip("not_an_article", f"{letters} letters or digits, fewer than {limits.min_chars}")
    fields = {k: meta.get(k) or found.get(k, "") for k in ("headline", "outlet", "url")}
    published, source, notes = publication(
        [(METADATA_NAME, meta.get("published", "")), (found_in, found.get("published", ""))], text)
    for note in notes:
        warnings.warn(f"{rel}: {note}; the next source of the date was used", DateWarning, stacklevel=2)
    return Article(id=id_, text=text, path=rel, encoding=encoding, published=published,
                   published_source=source, **fields)


# --- metadata ---------------------------------------------------------------------------

def read_metadata(csv_path: str | Path) -> dict[str, dict[str, str]]:
    """Read an `articles.csv` (id, headline, outlet, published, url) keyed by id; {} if absent.

    Raises `ValueError` if the file has no `id` column or cannot be decoded.

    >>> read_metadata("/no/such/articles.csv")
    {}
    """
    path = Path(csv_path)
    if not path.is_file():
        return {}
    try:
        text, _ = _decode(path.read_bytes(), False)
    except _Skip as skip:
        raise ValueError(f"{skip.reason} ({skip.detail})") from None
    reader = csv.DictReader(io.StringIO(_clean(text), newline=""))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "id" not in fields:
        raise ValueError("no 'id' column")
    reader.fieldnames = fields
    return {
        (row.get("id") or "").strip(): {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        for row in reader
        if (row.get("id") or "").strip()
    }


def _metadata_for(meta: dict[str, dict[str, str]], id_: str, rel: str) -> dict[str, str]:
    stem = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
    return meta.get(id_) or meta.get(rel) or meta.get(stem) or {}


# --- walking ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Job:
    """A file to read (its path as a string: a Path per file would be held for the whole walk) or a problem."""

    rel: str
    path: str | None = None
    follow: bool = True
    problem: Problem | None = None


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _walk(root: Path) -> list[_Job]:
    """Every file under `root`, sorted, as jobs; links never lead out of it, nor read twice.

    A file's job holds only its relative path (a path string per file would double the
    walk's memory); a link's job holds its target.
    """
    real_root = os.path.realpath(root)
    jobs: list[_Job] = []
    links: list[tuple[str, str]] = []

    def visit(folder: str, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            rel = prefix.rstrip("/") or "."
            jobs.append(_Job(rel, problem=Problem(rel, "unreadable", exc.strerror or "cannot list the folder")))
            return
        names = {e.name.lower() for e in entries}
        for entry in entries:
            rel = prefix + entry.name
            low = entry.name.lower()
            if entry.name.startswith(".") or low in _IGNORED_NAMES or (not prefix and low == METADATA_NAME):
                continue
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if not _inside(target, real_root):
                    jobs.append(_Job(rel, problem=Problem(rel, "outside_folder", "symbolic link leading out of the folder; not followed")))
                elif not os.path.isdir(target):
                    links.append((rel, target))
                continue  # links to folders inside are walked there already
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                # A browser's "Save page as" puts the page's assets in `<page>_files/`.
                page = low[:-6] if low.endswith("_files") else ""
                if page and (page + ".html" in names or page + ".htm" in names):
                    continue
                visit(entry.path, rel + "/")
            else:
                jobs.append(_Job(rel, None, follow=False))  # read from the root and `rel`

    visit(str(root), "")
    if links:
        # No folder walked is a link, so a walked file's real path is the real root joined with
        # its relative path: a link to one of them would count it twice.
        seen = {os.path.join(real_root, *j.rel.split("/")) for j in jobs if j.problem is None}
        for rel, target in links:
            if target not in seen:
                seen.add(target)
                jobs.append(_Job(rel, target, follow=True))
    jobs.sort(key=lambda j: j.rel)
    return jobs


def assign_ids(rels: list[str]) -> dict[str, str]:
    """File stems as ids; stems that repeat use the relative path, never overwriting another.

    >>> assign_ids(["a.txt", "sub/a.txt", "b.md"])
    {'a.txt': 'a', 'sub/a.txt': 'sub/a', 'b.md': 'b'}
    """
    repeated = _repeated_ids(rels)
    return {rel: repeated.get(rel) or _stem(rel) for rel in rels}


def _suffix(rel: str) -> str:
    return os.path.splitext(rel)[1].lower()


def _stem(rel: str) -> str:
    name = rel.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name[1:] else name


def _repeated_ids(rels: list[str]) -> dict[str, str]:
    """The ids of the files whose stem is not theirs alone; every other file's id is its stem.

    Kept apart so that a walk of a million files holds ids only for the few that repeat.
    """
    counts = Counter(_stem(r) for r in rels)
    if len(counts) == len(rels):
        return {}
    no_suffix = Counter(r.rsplit(".", 1)[0] for r in rels)
    ids: dict[str, str] = {}
    used: set[str] = {s for s, n in counts.items() if n == 1}
    for rel in rels:
        if counts[_stem(rel)] == 1:
            continue
        candidate = rel.rsplit(".", 1)[0] if no_suffix[rel.rsplit(".", 1)[0]] == 1 else rel
        base, n = candidate, 2
        while candidate in used:
            candidate, n = f"{base}~{n}", n + 1
        used.add(candidate)
        ids[rel] = candidate
    return ids


# --- progress ---------------------------------------------------------------------------

def _in_notebook() -> bool:
    ipython = sys.modules.get("IPython")
    get = getattr(ipython, "get_ipython", None)
    shell = get() if callable(get) else None
    return getattr(shell, "kernel", None) is not None


def progress_wanted(progress: bool | None = None, stream: Any = None) -> bool:
    """Whether to draw a progress bar: forced by True/False, else only on a terminal outside CI and Jupyter.

    >>> progress_wanted(True), progress_wanted(False)
    (True, False)
    """
    if progress is not None:
        return bool(progress)
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    if _in_notebook():
        return False
    isatty = getattr(stream if stream is not None else sys.stderr, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


# --- the public entry point -------------------------------------------------------------

def iter_articles(
    source: str | Path | Iterable[str | Path],
    *,
    limits: ReadLimits | None = None,
    progress: bool | None = None,
    metadata: str | Path | None = None,
) -> Iterator[Article | Problem]:
    """Yield an `Article` or a `Problem` for each file of a folder (recursively), a file or a list.

    `limits` bounds what is read (`ReadLimits()` by default); `progress` draws a tqdm bar
    on stderr (None: only on a terminal, not in CI or Jupyter); `metadata` names an
    `articles.csv` instead of looking inside, then beside, a folder.
    Raises FileNotFoundError at once if `source` is a path that does not exist.

    >>> [a.id for a in iter_articles(default_articles_dir())][:1]
    ['000_07dbc9ab3df6b69a']
    """
    limits = limits or ReadLimits()
    jobs: list[_Job]
    base = ""
    meta_path: Path | None = Path(metadata) if metadata is not None else None
    meta_shown = str(metadata)
    if isinstance(source, (str, Path)):
        root = Path(source)
        if not root.exists():
            raise FileNotFoundError(f"no such file or folder: {source}")
        if root.is_dir():
            jobs, base = _walk(root), str(root)
            if meta_path is None:
                inside = root / METADATA_NAME
                meta_path = inside if inside.is_file() else root.parent / METADATA_NAME
                meta_shown = METADATA_NAME if inside.is_file() else "../" + METADATA_NAME
        else:
            jobs = [_Job(str(source), str(root))]
            if meta_path is None:
                meta_path = root.parent / METADATA_NAME
                meta_shown = str(meta_path)
    else:
        jobs = [_Job(str(p), os.fspath(p)) for p in source]
    return _generate(jobs, meta_path, meta_shown, limits, progress, base)


def _generate(jobs: list[_Job], meta_path: Path | None, meta_shown: str, limits: ReadLimits,
              progress: bool | None, base: str = "") -> Iterator[Article | Problem]:
    """Read the jobs in order; a job without a path is the file `rel` under `base`."""
    meta: dict[str, dict[str, str]] = {}
    if meta_path is not None:
        try:
            meta = read_metadata(meta_path)
        except OSError as exc:
            yield Problem(meta_shown, "unreadable", f"metadata ignored: {exc.strerror}")
        except (ValueError, csv.Error) as exc:
            yield Problem(meta_shown, "unreadable", f"metadata ignored: {exc}")
    repeated = _repeated_ids([j.rel for j in jobs if j.problem is None and _suffix(j.rel) in ARTICLE_SUFFIXES])
    stream = sys.stderr
    bar: Any = contextlib.nullcontext(jobs)  # no bar: tqdm is not even loaded (a faster start)
    if progress_wanted(progress, stream):
        from tqdm.auto import tqdm

        bar = tqdm(jobs, total=len(jobs), file=stream, unit="file",
                   desc="reading", delay=0 if progress else 0.5, dynamic_ncols=True)
    with bar as shown:
        for job in shown:
            if job.problem is not None:
                yield job.problem
                continue
            id_ = repeated.get(job.rel) or (_stem(job.rel) if _suffix(job.rel) in ARTICLE_SUFFIXES else job.rel)
            path = Path(job.path) if job.path is not None else Path(base, job.rel)
            try:
                yield _read_one(path, job.rel, id_, _metadata_for(meta, id_, job.rel), limits, job.follow)
            except _Skip as skip:
                yield Problem(job.rel, skip.reason, skip.detail)
            except Exception as exc:  # one file's surprise must never lose the batch
                yield Problem(job.rel, "unreadable", f"{type(exc).__name__}: {exc}"[:300])


# --- reporting ------------------------------------------------------------------------

def summarize_problems(problems: Any) -> str:
    """One line counting skipped files by reason, for the command line.

    `problems` is a problems frame (a `reason` column) or an iterable of `Problem`.

    >>> summarize_problems([Problem("a", "binary"), Problem("b", "empty"), Problem("c", "binary")])
    '3 files skipped: 2 binary, 1 empty'
    >>> summarize_problems([])
    'no files skipped'
    """
    if hasattr(problems, "columns"):
        reasons = [str(r) for r in problems["reason"]]
    else:
        reasons = [p.reason for p in problems]
    if not reasons:
        return "no files skipped"
    counts = sorted(Counter(reasons).items(), key=lambda kv: (-kv[1], kv[0]))
    n = len(reasons)
    return f"{n} file{'s' if n != 1 else ''} skipped: " + ", ".join(f"{c} {r}" for r, c in counts)


def exit_status(articles: int, problems: int, *, strict: bool = False) -> int:
    """The command line's exit code: 1 if nothing was read, or if `strict` and any file was skipped.

    >>> exit_status(3, 1), exit_status(3, 1, strict=True), exit_status(0, 0)
    (0, 1, 1)
    """
    return 1 if articles == 0 or (strict and problems > 0) else 0
