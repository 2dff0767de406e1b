"""Parsing a corpus: read articles, extract claims and mentions, return validated frames.

Three ways in, one result. `parse` returns the frames in memory (rows are plain tuples
until the end, so a frame is built once). `iter_batches` yields those rows batch by batch,
and `parse_to_files` writes them as they come (Parquet row groups, CSV appended, a JSON
array or JSON Lines written record by record), so its memory stays flat however large the
folder. With `jobs` > 1, batches of articles are parsed in worker processes while the main
process reads the files; the output is the same, in the same order, as with one process.
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import warnings
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from . import parsecache
from ._lazy import lazy_module
from .reading import Article, Problem, ReadLimits, exit_status, iter_articles, summarize_problems

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

pd = lazy_module("pandas")  # loaded on first use: `lossclaims --help` needs neither pandas nor pandera
schema = lazy_module(f"{__package__}.schema")
extraction = lazy_module(f"{__package__}.extraction")  # the parser: `lossclaims --help` does not load it
dating = lazy_module(f"{__package__}.dating")

BATCH_ARTICLES = 64
"""Most articles sent to a worker (and written) as one batch."""
BATCH_CHARS = 1_000_000
"""Most characters of article text in one batch: a few long articles make a batch too."""
ROW_GROUP_ROWS = 25_000
"""Rows buffered before a Parquet row group (or a CSV/JSON block) is written."""


@dataclass
class ParseResult:
    """The frames of one parse: articles, claims, mentions and per-file problems."""

    articles: pd.DataFrame
    claims: pd.DataFrame
    mentions: pd.DataFrame
    problems: pd.DataFrame


@dataclass
class Batch:
    """The rows (tuples in `schema.COLUMNS` order) of consecutive articles, and the files skipped among them."""

    articles: list[tuple] = field(default_factory=list)
    claims: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    problems: list[tuple] = field(default_factory=list)


def article_row(article: Article) -> tuple:
    """The articles-frame row of one article."""
    return (
        article.id, article.path, article.headline, article.outlet, article.published,
        article.published_source, article.url, article.encoding, len(article.text), len(article.text.split()),
    )


def default_jobs() -> int:
    """The number of cores this process may use: the default of `lossclaims parse --jobs`.

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _items(source: str | Path | Iterable[str | Path | Article], limits: ReadLimits | None,
           progress: bool | None) -> Iterable[Article | Problem]:
    if isinstance(source, (str, Path)):
        return iter_articles(source, limits=limits, progress=progress)
    src = list(source)
    if all(isinstance(s, Article) for s in src):
        return src
    return iter_articles(src, limits=limits, progress=progress)


def _chunks(items: Iterable[Article | Problem], batch_articles: int,
            batch_chars: int) -> Iterator[tuple[list[Article], list[tuple]]]:
    """Consecutive articles grouped by count and size, with the problems met among them."""
    arts: list[Article] = []
    problems: list[tuple] = []
    chars = 0
    for item in items:
        if isinstance(item, Problem):
            problems.append((item.path, item.reason, item.detail))
            continue
        arts.append(item)
        chars += len(item.text)
        if len(arts) >= batch_articles or chars >= batch_chars:
            yield arts, problems
            arts, problems, chars = [], [], 0
    if arts or problems:
        yield arts, problems


def article_rows(article: Article) -> tuple[list[tuple], list[tuple]]:
    """Claim and mention rows of one article: the whole per-article path from text to rows."""
    claims, mentions = extraction.extract(article)
    return dating.date_claims(article, claims), mentions


def _extract_chunk(articles: list[Article], cache: bool = False) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Article, claim and mention rows of a list of articles (what a worker process runs).

    With `cache`, each article's rows come from the parse cache where it has them (`lossclaims.parsecache`).
    """
    arts: list[tuple] = []
    claims: list[tuple] = []
    mentions: list[tuple] = []
    rows = parsecache.rows_of(articles, article_rows) if cache else map(article_rows, articles)
    for article, (c, m) in zip(articles, rows):
        arts.append(article_row(article))
        claims.extend(c)
        mentions.extend(m)
    return arts, claims, mentions


def _pool(jobs: int) -> ProcessPoolExecutor:
    """Worker processes: forked on Linux (instant, nothing re-imported, no `__main__` guard needed), spawned elsewhere.

    Forking is safe here because a worker runs only the pure-Python parser on the articles it is sent.
    """
    import multiprocessing as mp  # here: one process needs neither (a faster start)
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context(method))


def iter_batches(
    source: str | Path | Iterable[str | Path | Article],
    *,
    limits: ReadLimits | None = None,
    progress: bool | None = None,
    jobs: int | None = 1,
    batch_articles: int = BATCH_ARTICLES,
    batch_chars: int = BATCH_CHARS,
    cache: bool = True,
) -> Iterator[Batch]:
    """Yield the rows of `source` batch by batch, in article order, holding only a few batches at a time.

    `jobs` worker processes parse the batches (None: all cores; 1: in this process); at most
    two batches per worker are in flight, so memory does not grow with the corpus. A source
    that fits in one batch is parsed here without starting workers. With `cache` (and unless
    `LOSSCLAIMS_NO_CACHE` is set), an article parsed before by the same parser version is read
    from the parse cache instead (`lossclaims.parsecache`).

    >>> [len(b.claims) for b in iter_batches([Article(id="a", text="Russia has lost 10,980 tanks.")])]
    [1]
    """
    jobs = default_jobs() if jobs is None else max(1, int(jobs))
    cache = parsecache.enabled(cache)
    if cache:
        parsecache.parser_version()  # hashed once here, inherited by forked workers
    chunks = _chunks(_items(source, limits, progress), max(1, batch_articles), max(1, batch_chars))
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if jobs > 1 else None
    if second is None:  # one process: requested, or nothing to share out
        for arts, problems in _prepend(first, chunks):
            yield Batch(*_extract_chunk(arts, cache), problems)
        return
    pending: deque[tuple[Future, list[tuple]]] = deque()
    extraction.lexicon()  # compiled once here, inherited by forked workers
    dating.preload_series()  # likewise the General Staff series that dating reads
    pool = _pool(jobs)
    try:
        for arts, problems in _prepend(first, _prepend(second, chunks)):
            with warnings.catch_warnings():  # 3.12+ warns on fork in a threaded process (Jupyter); see `_pool`
                warnings.filterwarnings("ignore", r".*use of fork\(\) may lead to deadlocks", DeprecationWarning)
                pending.append((pool.submit(_extract_chunk, arts, cache), problems))
            if len(pending) >= 2 * jobs:
                fut, probs = pending.popleft()
                yield Batch(*fut.result(), probs)
        while pending:
            fut, probs = pending.popleft()
            yield Batch(*fut.result(), probs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _prepend(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def parse(
    source: str | Path | Iterable[str | Path | Article],
    *,
    limits: ReadLimits | None = None,
    progress: bool | None = None,
    jobs: int | None = 1,
    batch_articles: int = BATCH_ARTICLES,
    cache: bool = True,
) -> ParseResult:
    """Parse a folder, a file, a list of paths or of `Article`s into validated frames.

    `jobs` parses in that many worker processes (None: all cores), with the same result.
    `cache=False` parses every article even if the parse cache holds its rows (see `iter_batches`).

    >>> r = parse([Article(id="a", text="Russia has lost 10,980 tanks.")])
    >>> r.claims[["party", "category", "value"]].values.tolist()
    [['russia', 'tanks', 10980.0]]
    """
    arts: list[tuple] = []
    claims: list[tuple] = []
    mentions: list[tuple] = []
    problems: list[tuple] = []
    for batch in iter_batches(source, limits=limits, progress=progress, jobs=jobs, batch_articles=batch_articles,
                              cache=cache):
        arts.extend(batch.articles)
        claims.extend(batch.claims)
        mentions.extend(batch.mentions)
        problems.extend(batch.problems)
    return ParseResult(
        articles=schema.frame("articles", arts),
        claims=schema.frame("claims", claims),
        mentions=schema.frame("mentions", mentions),
        problems=schema.frame("problems", problems),
    )


# --- writing ------------------------------------------------------------------------------

FORMATS = (".csv", ".parquet", ".pq", ".json", ".jsonl")


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot tell the format of {path.name}: use .csv, .parquet, .json or .jsonl")
    return suffix


def write_frame(df: pd.DataFrame, path: str | Path) -> None:
    """Write a frame as CSV, Parquet, JSON (an array of records) or JSON Lines, chosen by the file's extension."""
    path = Path(path)
    suffix = _format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        df.to_csv(path, index=False)
    elif suffix in (".parquet", ".pq"):
        df.to_parquet(path, index=False)
    elif suffix == ".json":
        df.to_json(path, orient="records", indent=1, force_ascii=False)
    else:
        df.to_json(path, orient="records", lines=True, force_ascii=False)


def arrow_schema(kind: str) -> Any:
    """The fixed Arrow schema of a frame kind, as `write_frame` would write it, for row groups written one by one.

    >>> arrow_schema("claims").field("value").type
    DataType(double)
    """
    import pyarrow as pa

    return pa.Schema.from_pandas(schema.frame(kind, []), preserve_index=False)


def _csv_field(value: Any) -> str:
    """A value of a `schema.plain_rows` row as pandas writes it to CSV."""
    if type(value) is str:
        return value
    if type(value) is float:
        return "" if value != value else repr(value)  # numpy's str of a float64 is its repr
    return str(value)


class FrameWriter:
    """Write one frame kind to a file in blocks as rows arrive; the file appears complete on `close()`.

    Rows are validated block by block (`schema.frame`). Parquet gets one row group per block
    under a fixed schema, CSV one header and appended blocks, JSON an array written record by
    record (`.jsonl`: one record a line). Until closed the rows go to `<name>.partial`.

    >>> import tempfile; out = Path(tempfile.mkdtemp()) / "p.csv"
    >>> with FrameWriter("problems", out) as w: w.write([("a.txt", "empty", "")])
    >>> out.read_text().splitlines()
    ['path,reason,detail', 'a.txt,empty,']
    """

    def __init__(self, kind: str, path: str | Path, block_rows: int = ROW_GROUP_ROWS) -> None:
        self.kind, self.path, self.block_rows = kind, Path(path), max(1, block_rows)
        self.suffix = _format(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.rows = 0
        self._records = 0
        self._buffer: list[tuple] = []
        self._started = False
        self._parquet: Any = None
        self._fh: Any = None
        if self.suffix in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            self._schema = arrow_schema(kind)
            self._parquet = pq.ParquetWriter(self.partial, self._schema)
        else:
            self._fh = open(self.partial, "w", encoding="utf-8", newline="")

    def __enter__(self) -> FrameWriter:
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def write(self, rows: list[tuple]) -> None:
        """Add rows (tuples in `schema.COLUMNS[kind]` order); a full block is written at once."""
        self._buffer.extend(rows)
        if len(self._buffer) >= self.block_rows:
            self._flush()

    def _flush(self) -> None:
        if not self._buffer and self._started:
            return
        rows = self._buffer
        plain = schema.plain_rows(self.kind, rows) if self.suffix == ".csv" else None
        if plain is not None:  # valid as they stand: written as pandas would, without a frame
            self._write_plain_csv(plain)
        else:
            self._write_frame(schema.frame(self.kind, rows))
        self._buffer = []
        self.rows += len(rows)
        self._started = True

    def _write_plain_csv(self, rows: list[tuple]) -> None:
        """Rows of `schema.plain_rows` as `DataFrame.to_csv` writes them: the csv module's minimal quoting,
        floats as their repr (NaN empty), the header before the first block."""
        out = csv.writer(self._fh, lineterminator=os.linesep)
        if not self._started:
            out.writerow(schema.COLUMNS[self.kind])
        out.writerows([_csv_field(v) for v in r] for r in rows)

    def _write_frame(self, df: pd.DataFrame) -> None:
        if self._parquet is not None:
            import pyarrow as pa

            if len(df) or not self._started:
                self._parquet.write_table(pa.Table.from_pandas(df, schema=self._schema, preserve_index=False))
        elif self.suffix == ".csv":
            df.to_csv(self._fh, index=False, header=not self._started)
        else:
            if self.suffix == ".json":
                self._fh.write("," if self._started and self._records else "[" if not self._started else "")
            if len(df):
                lines = df.to_json(orient="records", lines=True, force_ascii=False)
                if self.suffix == ".json":  # one record a line, as an array
                    lines = "\n" + lines.rstrip("\n").replace("\n", ",\n")
                self._fh.write(lines)
                self._records += len(df)

    def close(self) -> None:
        """Write what is buffered and put the file in place."""
        self._flush()
        if self._parquet is not None:
            self._parquet.close()
        else:
            if self.suffix == ".json":
                self._fh.write("\n]\n")
            self._fh.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        """Stop writing and remove the partial file."""
        try:
            if self._parquet is not None:
                self._parquet.close()
            else:
                self._fh.close()
        finally:
            self.partial.unlink(missing_ok=True)


@dataclass
class StreamResult:
    """What `parse_to_files` wrote: counts of rows, and the files skipped (`problems`, a frame)."""

    articles: int
    claims: int
    mentions: int
    problem_rows: list[tuple] = field(default_factory=list, repr=False)

    @cached_property
    def problems(self) -> pd.DataFrame:
        """The files skipped, as a problems frame (built when read: the command line needs no pandas)."""
        return schema.frame("problems", self.problem_rows)


def parse_to_files(
    source: str | Path | Iterable[str | Path | Article],
    claims_path: str | Path,
    mentions_path: str | Path | None = None,
    *,
    limits: ReadLimits | None = None,
    progress: bool | None = None,
    jobs: int | None = 1,
    batch_articles: int = BATCH_ARTICLES,
    block_rows: int = ROW_GROUP_ROWS,
    cache: bool = True,
) -> StreamResult:
    """Parse `source` and write its claims (and mentions) as they come: memory stays flat for any corpus size.

    The files hold the rows `parse` returns, in its order (formats as in `FrameWriter`); `cache` as in `parse`.

    >>> import tempfile; out = Path(tempfile.mkdtemp()) / "c.parquet"
    >>> parse_to_files([Article(id="a", text="Russia has lost 10,980 tanks.")], out).claims
    1
    """
    problems: list[tuple] = []
    articles = 0
    writers = [FrameWriter("claims", claims_path, block_rows)]
    if mentions_path is not None:
        writers.append(FrameWriter("mentions", mentions_path, block_rows))
    try:
        for batch in iter_batches(source, limits=limits, progress=progress, jobs=jobs,
                                  batch_articles=batch_articles, cache=cache):
            articles += len(batch.articles)
            problems.extend(batch.problems)
            writers[0].write(batch.claims)
            if mentions_path is not None:
                writers[1].write(batch.mentions)
        for w in writers:
            w.close()
    except BaseException:
        for w in writers:
            if w.partial.exists():
                w.abort()
        raise
    return StreamResult(
        articles=articles,
        claims=writers[0].rows,
        mentions=writers[1].rows if mentions_path is not None else 0,
        problem_rows=problems,
    )


# --- command line ---------------------------------------------------------------------------

def _cmd_parse(args: argparse.Namespace) -> int:
    limits = ReadLimits(max_bytes=int(args.max_mb * 1_000_000))
    result = parse_to_files(args.path, args.out, args.mentions, limits=limits, progress=args.progress,
                            jobs=args.jobs, cache=args.cache)
    print(f"{result.articles} articles, {result.claims} claims, {result.mentions} mentions -> {args.out}")
    if result.problem_rows:
        print(summarize_problems(result.problems), file=sys.stderr)
    return exit_status(result.articles, len(result.problem_rows), strict=args.strict)


def _positive(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def register(sub: argparse._SubParsersAction) -> None:
    """Add `lossclaims parse PATH --out FILE [--mentions FILE] [--jobs N]`."""
    p = sub.add_parser("parse", help="read articles and write the claims frame")
    p.add_argument("path", help="a folder of articles or one article file")
    p.add_argument("--out", required=True, help="claims file: .csv, .parquet, .json or .jsonl (written as parsed)")
    p.add_argument("--mentions", help="also write the mentions frame here")
    p.add_argument("--strict", action="store_true", help="exit non-zero if any file was skipped")
    p.add_argument("--max-mb", type=float, default=ReadLimits().max_bytes / 1_000_000,
                   help="skip text files larger than this many megabytes (default: %(default)s)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: only on a terminal outside CI)")
    p.add_argument("--jobs", "-j", type=_positive, default=None,
                   help=f"worker processes (default: all cores, here {default_jobs()}; 1: no workers)")
    p.add_argument("--no-cache", dest="cache", action="store_false",
                   help="parse every article again instead of reading unchanged ones from the parse cache")
    p.set_defaults(func=_cmd_parse)
