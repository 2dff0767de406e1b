"""The parse cache: each article's claim and mention rows kept on disk, so an unchanged article is parsed once.

An entry's key is a hash of the parser's version (its code and data files, hashed once per
process, so any change to the package starts afresh) and of every field of the `Article`
(its text, id and metadata). Rendering the five reports therefore parses the corpus once,
and re-rendering after adding one article parses that article only. The entries live in
`<cache>/parse-cache` (the cache folder of `lossclaims.reference`: `$LOSSCLAIMS_CACHE` or the
per-user cache folder), or in `$LOSSCLAIMS_PARSE_CACHE`; they are a diskcache `Cache` (SQLite,
size-limited, safe across processes). `parse(..., cache=False)`, `lossclaims parse --no-cache`
or `LOSSCLAIMS_NO_CACHE=1` turn it off. A cache that cannot be used (a read-only folder, a
corrupt entry) is passed over with a warning: the articles are parsed as without it.
"""
from __future__ import annotations

import hashlib
import os
import warnings
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from .reading import Article

NO_CACHE_ENV = "LOSSCLAIMS_NO_CACHE"
"""Set to 1 (or true, yes, on) to parse without the cache everywhere, reports' kernels included."""
DIR_ENV = "LOSSCLAIMS_PARSE_CACHE"
"""A folder for the parse cache alone (tests and the benchmark use it); else `<cache>/parse-cache`."""
SUBDIR = "parse-cache"
SIZE_LIMIT = 1_000_000_000
"""Bytes the cache may hold before the oldest entries are dropped."""

Rows = tuple[list[tuple], list[tuple]]

_handles: dict[tuple[int, str], Any] = {}  # (process id, folder) -> open Cache: a forked worker opens its own
_failed: set[str] = set()  # folders found unusable in this process: warned about once


def enabled(cache: bool = True) -> bool:
    """Whether to use the cache: `cache` is true and `LOSSCLAIMS_NO_CACHE` is not set.

    >>> enabled(False)
    False
    """
    off = os.environ.get(NO_CACHE_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")
    return bool(cache) and not off


def cache_folder() -> Path:
    """The parse cache's folder: `$LOSSCLAIMS_PARSE_CACHE`, else `parse-cache` in lossclaims's cache folder.

    >>> cache_folder().name in ("parse-cache", Path(os.environ.get(DIR_ENV, "x")).name)
    True
    """
    own = os.environ.get(DIR_ENV)
    if own:
        return Path(own).expanduser()
    from .reference import cache_dir

    return cache_dir() / SUBDIR


def package_fingerprint() -> str:
    """A hash of the package's Python sources and data files, read now (`parser_version` keeps one per process).

    >>> len(package_fingerprint())
    64
    """
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        if path.suffix == ".py" or "data" in path.relative_to(package).parts:
            data = path.read_bytes()
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def parser_version() -> str:
    """The parser's version as the cache knows it: `package_fingerprint()` of the first call in this process."""
    return package_fingerprint()


def article_key(article: Article, version: str | None = None) -> str:
    """The cache key of an article: a hash of `rows_version()` and every field of the article.

    >>> a = Article(id="a", text="Russia has lost 10 tanks.")
    >>> article_key(a) == article_key(Article(id="a", text="Russia has lost 10 tanks."))
    True
    >>> article_key(a) == article_key(Article(id="a", text="Russia has lost 11 tanks."))
    False
    """
    h = hashlib.sha256((version or rows_version()).encode())
    for f in fields(article):
        data = str(getattr(article, f.name)).encode("utf-8", "surrogatepass")
        h.update(f.name.encode() + b"\0" + len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def _warn(folder: str, what: str, exc: BaseException) -> None:
    warnings.warn(f"parse cache in {folder}: {what} ({type(exc).__name__}: {exc}); parsing without it",
                  RuntimeWarning, stacklevel=3)


def _open(folder: Path) -> Any:
    """This process's handle on the cache in `folder`, or None (with one warning) if it cannot be opened."""
    name = str(folder)
    if name in _failed:
        return None
    handle = _handles.get((os.getpid(), name))
    if handle is None:
        try:
            import diskcache

            handle = diskcache.Cache(name, size_limit=SIZE_LIMIT, statistics=1)
        except Exception as exc:  # a read-only or unreadable folder, a damaged database
            _failed.add(name)
            _warn(name, "cannot be opened", exc)
            return None
        _handles[(os.getpid(), name)] = handle
    return handle


def rows_version() -> str:
    """What the rows depend on besides the article: the parser's code and the series that dates them."""
    return parser_version() + _series_in_use()


def _series_in_use() -> str:
    """Which General Staff series dating would read now: rows dated by one are not rows dated by another."""
    from . import reference

    try:
        origin = reference.series_origin()
    except reference.SeriesNotFound:
        return "|no series"
    return f"|{origin.kind}|{origin.folder}|{origin.last}|{reference.SNAPSHOT_FILE}"


_MARK = "lossclaims-rows"
"""First item of every stored entry: what was read back is an entry this module wrote, whatever `compute` returns."""


def rows_of(articles: Iterable[Article], compute: Callable[[Article], Rows]) -> list[Rows]:
    """`compute(article)` of each article, taken from the cache where it holds them, computed and kept where not.

    The cache is only an aid: when it cannot be read or written, the rows are computed as without
    it and a warning says why. Errors of `compute` itself are not caught.

    >>> [len(c) for c, m in rows_of([Article(id="a", text="Russia has lost 10 tanks.")], lambda a: ([("row",)], []))]
    [1]
    """
    articles = list(articles)
    folder = cache_folder()
    cache = _open(folder)
    if cache is None:
        return [compute(a) for a in articles]
    version = rows_version()
    keys = [article_key(a, version) for a in articles]
    out: list[Rows | None] = []
    for key in keys:
        value = None
        try:
            entry = cache.get(key)
            if entry is not None:
                if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == _MARK):
                    raise ValueError("not an entry of the parse cache")
                value = entry[1]
        except Exception as exc:  # a corrupt entry or database: parse the article, its entry is rewritten
            _warn(str(folder), "an entry cannot be read", exc)
        out.append(value)
    new: dict[str, Rows] = {}
    for i, article in enumerate(articles):
        if out[i] is None:
            out[i] = new[keys[i]] = compute(article)
    if new:
        try:
            with cache.transact():
                for key, value in new.items():
                    cache.set(key, (_MARK, value))
        except Exception as exc:  # a read-only folder, a full disk
            _warn(str(folder), "cannot be written", exc)
    return out  # type: ignore[return-value]


def stats(reset: bool = False) -> dict[str, int]:
    """Hits and misses of the cache (all processes, since the last reset) and its number of entries.

    >>> sorted(stats())
    ['entries', 'hits', 'misses']
    """
    cache = _open(cache_folder())
    if cache is None:
        return {"hits": 0, "misses": 0, "entries": 0}
    hits, misses = cache.stats(enable=True, reset=reset)
    return {"hits": hits, "misses": misses, "entries": len(cache)}


def clear() -> int:
    """Remove every entry of the cache; returns how many there were."""
    cache = _open(cache_folder())
    return 0 if cache is None else cache.clear()
