"""The parser's benchmark: `python -m lossclaims.bench [--size-mb 50] [--runs 3] [--baseline REF]` (or `make bench`).

It writes a synthetic corpus (sentences of the default articles, their numbers varied, a fixed
seed) of SIZE and SIZE/10 megabytes, and a news-style corpus of SIZE megabytes (the invented
articles of `data/bench_news`, repeated with their numbers varied), to a temporary folder and
prints, as medians of RUNS runs:
the parser's MB/s, articles/s and peak resident memory in one process; its ratio to a bare
regular-expression number scan over the same bytes in the same run (the floor no parser beats);
how the cost grows from SIZE/10 to SIZE; the speed-up of `--jobs` worker processes and whether
their output is the same; the peak memory of the streaming `lossclaims parse --out claims.parquet`;
and the wall time of rendering every report on the default corpus. With `--baseline REF` it also
checks REF out into a temporary git worktree and measures that code's one-process parse of the
same corpora in the same run, beside this code's, with the speed-up. `--linearity` instead prints
what inputs built to be hard (runs of digits, long lists, deep parentheses ...) cost per byte,
relative to ordinary news, up to the default size limit.

Each parse runs in a child process so that its peak memory is its own, without the parse cache.
The one-time start (loading pandas, compiling the parser's patterns, some of them on first use)
is done before the clock starts by parsing the default corpus, so that growth is not flattered.
Figures are compared as ratios within one run, because shared machines are noisy.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import hashlib
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

SEED = 7
NEWS_DIR = Path(__file__).resolve().parent / "data" / "bench_news"
"""Invented articles in the styles of real war reporting (see its README), the news-style corpus's source."""
NO_CACHE = {"LOSSCLAIMS_NO_CACHE": "1"}
"""The environment of measured parses: every article parsed, none read from the parse cache."""
NUMBER_SCAN = re.compile(r"\d(?:[\d,.]*\d)?")
"""The floor: digits, with separators inside, and nothing else read."""
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])")

TARGETS = {
    "mb_per_s": 5.0,          # one process
    "regex_fraction": 1 / 8,  # of the regex floor, same run
    "growth": 11.0,           # cost of 10x the bytes
    "speedup": 1.7,           # on 2 cores
    "stream_rss_mb": 1000.0,  # streaming parse, any folder size
    "render_s": 15.0,         # every report on the default corpus
}


# --- the synthetic corpus ----------------------------------------------------------------

def _texts(folder: str | Path | None = None) -> list[str]:
    from .reading import Article, default_articles_dir, iter_articles

    return [a.text for a in iter_articles(folder or default_articles_dir(), progress=False) if isinstance(a, Article)]


def corpus_paragraphs(folder: str | Path | None = None) -> list[list[str]]:
    """The default articles (or `folder`'s) as paragraphs, each a list of its sentences.

    >>> paragraphs = corpus_paragraphs()
    >>> len(paragraphs) > 20 and all(paragraphs)
    True
    """
    return [
        [s for s in _SENTENCE_END.split(line.strip()) if s]
        for text in _texts(folder) for line in text.split("\n") if line.strip()
    ]


def vary_numbers(text: str, rng: random.Random) -> str:
    """`text` with each number replaced by another of as many digits and the same separators; years stay.

    >>> vary_numbers("lost 10,980 tanks and 3.5% in 2024", random.Random(1))
    'lost 39,141 tanks and 8.7% in 2024'
    """
    def new(m: re.Match) -> str:
        raw = m.group()
        if len(raw) == 4 and raw.isdigit() and raw[:2] in ("19", "20"):
            return raw
        out = []
        for i, ch in enumerate(raw):
            if ch.isdigit():
                out.append(str(rng.randint(1 if i == 0 else 0, 9)))
            else:
                out.append(ch)
        return "".join(out)

    return _NUMBER.sub(new, text)


def synthetic_article(rng: random.Random, paragraphs: list[list[str]], size: int) -> str:
    """An article of about `size` characters: a headline, then paragraphs of the corpus's sentences with new numbers."""
    short = [p[0] for p in paragraphs if len(p) == 1 and len(p[0]) < 120] or [paragraphs[0][0]]
    parts = [vary_numbers(rng.choice(short), rng)]
    length = len(parts[0])
    while length < size:
        para = rng.choice(paragraphs)
        k = rng.randint(1, len(para))
        start = rng.randint(0, len(para) - k)
        text = vary_numbers(" ".join(para[start:start + k]), rng)
        parts.append(text)
        length += len(text) + 1
    return "\n".join(parts) + "\n"


def news_texts() -> list[str]:
    """The invented news-style articles of `data/bench_news`, in file-name order.

    >>> texts = news_texts()
    >>> len(texts) >= 24 and max(len(t.split()) for t in texts) >= 1500
    True
    """
    return [p.read_text(encoding="utf-8") for p in sorted(NEWS_DIR.glob("*.txt"))]


@dataclass(frozen=True)
class Corpus:
    """A written synthetic corpus: its folder, number of files and bytes."""

    folder: Path
    files: int
    bytes: int

    @property
    def mb(self) -> float:
        return self.bytes / 1e6


def write_corpus(folder: str | Path, size_mb: float, seed: int = SEED) -> Corpus:
    """Write about `size_mb` megabytes of synthetic articles (`bench_000000.txt` ...) into `folder`.

    The same seed writes the same articles, so a smaller corpus is the start of a larger one.

    >>> c = write_corpus(tempfile.mkdtemp(), 0.05)
    >>> c.files > 3 and 50_000 <= c.bytes < 70_000
    True
    """
    rng = random.Random(seed)
    paragraphs = corpus_paragraphs()
    texts = _texts()
    mean = max(1000, sum(map(len, texts)) // max(1, len(texts)))  # the default articles' mean size
    return _write_articles(folder, size_mb, "bench",
                           lambda: synthetic_article(rng, paragraphs, int(rng.uniform(0.3, 1.7) * mean)))


def write_news_corpus(folder: str | Path, size_mb: float, seed: int = SEED) -> Corpus:
    """Write about `size_mb` megabytes of the news-style articles (`news_000000.txt` ...), drawn in a seeded order, numbers varied.

    >>> c = write_news_corpus(tempfile.mkdtemp(), 0.05)
    >>> c.files > 3 and 50_000 <= c.bytes < 70_000
    True
    """
    rng = random.Random(seed)
    texts = news_texts()
    return _write_articles(folder, size_mb, "news", lambda: vary_numbers(rng.choice(texts), rng))


def _write_articles(folder: str | Path, size_mb: float, prefix: str, make: Callable[[], str]) -> Corpus:
    """Write `make()` articles as `PREFIX_000000.txt` ... until about `size_mb` megabytes are written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = int(size_mb * 1e6)
    written = files = 0
    while written < target:
        data = make().encode("utf-8")
        (folder / f"{prefix}_{files:06d}.txt").write_bytes(data)
        written += len(data)
        files += 1
    return Corpus(folder, files, written)


# --- measurements ------------------------------------------------------------------------

def regex_scan(folder: str | Path) -> dict[str, float]:
    """Time the floor: read every file of `folder`, decode it and find its numbers with one regular expression.

    >>> regex_scan(write_corpus(tempfile.mkdtemp(), 0.01).folder)["numbers"] > 0
    True
    """
    start = time.perf_counter()
    n = size = 0
    for path in sorted(Path(folder).iterdir()):
        data = path.read_bytes()
        size += len(data)
        n += len(NUMBER_SCAN.findall(data.decode("utf-8")))
    return {"seconds": time.perf_counter() - start, "bytes": size, "numbers": n}


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of the largest of its finished children."""
    try:
        import resource
    except ImportError:  # Windows
        return float("nan"), float("nan")
    scale = 1e6 if sys.platform == "darwin" else 1e3  # bytes on macOS, kilobytes on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / scale / 1e3
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / scale / 1e3
    return own, kids


def _digest(*frames: Any) -> str:
    """A fingerprint of frames' values, to tell whether two parses gave the same rows."""
    import pandas as pd

    h = hashlib.sha256()
    for df in frames:
        h.update(pd.util.hash_pandas_object(df.reset_index(drop=True), index=False).to_numpy().tobytes())
    return h.hexdigest()[:16]


def _child(mode: str, folder: str, jobs: int, out: str | None) -> dict[str, Any]:
    """One measured parse in this (child) process: `memory` (frames) or `stream` (Parquet files)."""
    from . import pipeline
    from .reading import default_articles_dir

    size = sum(p.stat().st_size for p in Path(folder).iterdir())
    # Fixed costs, not timed: compiling the patterns (some on first use), loading pandas and the schemas.
    pipeline.parse(default_articles_dir(), progress=False)
    memory = GroupMemory()
    start = time.perf_counter()
    if mode == "memory":
        with memory:
            result = pipeline.parse(folder, jobs=jobs, progress=False)
        seconds = time.perf_counter() - start
        own, kids = _peak_mb()
        articles, claims, mentions = len(result.articles), result.claims, result.mentions
    else:
        assert out is not None
        claims_path, mentions_path = Path(out) / "claims.parquet", Path(out) / "mentions.parquet"
        with memory:
            stream = pipeline.parse_to_files(folder, claims_path, mentions_path, jobs=jobs, progress=False)
        seconds = time.perf_counter() - start
        own, kids = _peak_mb()  # before the files are read back for the fingerprint
        import pandas as pd

        articles, claims, mentions = stream.articles, pd.read_parquet(claims_path), pd.read_parquet(mentions_path)
    return {
        "seconds": seconds, "bytes": size, "articles": articles, "claims": len(claims),
        "mentions": len(mentions), "rss_mb": own, "workers_rss_mb": kids, "pss_mb": memory.peak_mb, "digest": _digest(claims, mentions),
    }


def _group_pss_mb(pgid: int) -> float:
    """Proportional set size (MB) of every process in a process group: shared pages counted once (Linux)."""
    total = 0.0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) != pgid:  # state, ppid, pgrp
                continue
            with open(f"/proc/{entry.name}/smaps_rollup", "rb") as fh:
                for line in fh:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1]) / 1e3
                        break
        except (OSError, IndexError, ValueError):
            continue  # a process that ended meanwhile
    return total


def measure(mode: str, folder: Path, jobs: int, out: Path | None = None) -> dict[str, Any]:
    """Run one parse of `folder` in a fresh Python process and return its figures (see `_child`).

    The child and its workers form their own process group, ended with the benchmark if it is interrupted.
    """
    cmd = [sys.executable, "-m", "lossclaims.bench", "--child", mode, str(folder), "--jobs", str(jobs)]
    if out is not None:
        cmd += ["--child-out", str(out)]
    group = hasattr(os, "killpg")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=group,
                            env={**os.environ, **NO_CACHE})
    try:
        stdout, stderr = proc.communicate()
    except BaseException:
        if group:
            import signal

            os.killpg(proc.pid, signal.SIGTERM)
        else:
            proc.kill()
        raise
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({' '.join(cmd)}):\n{stderr[-2000:]}")
    return json.loads(stdout.strip().splitlines()[-1])


class GroupMemory:
    """Sample, while in a `with` block, the memory of this process's group: this process and its workers.

    `peak_mb` is the largest proportional set size of all of them together (each page shared
    after a fork counted once), read from /proc every `interval` seconds; NaN where there is no
    /proc or this process does not lead its group. Adding up each process's peak resident memory
    instead would count the pages forked workers share with their parent several times.
    """

    def __init__(self, interval: float = 0.2) -> None:
        import threading

        self.interval, self.peak_mb = interval, float("nan")
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._on = (hasattr(os, "getpgid") and os.getpgid(0) == os.getpid()
                    and Path("/proc/self/smaps_rollup").exists())

    def __enter__(self) -> GroupMemory:
        if self._on:
            self._thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()
        if self._on:
            self._sample()

    def _run(self) -> None:
        while not self._done.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        pss = _group_pss_mb(os.getpid())
        if not pss <= self.peak_mb:  # also replaces NaN
            self.peak_mb = pss


def source_fingerprint() -> str:
    """A short hash of the package's code and vocabulary: the parser version a run measured.

    >>> len(source_fingerprint())
    12
    """
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def render_seconds(out: Path) -> float:
    """Wall time of `lossclaims report` on the default corpus, interpreter start included.

    The render gets an empty parse cache of its own: the first notebook parses the corpus and the
    others read it from the cache, as on a first render.
    """
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lossclaims", "report", "--out", str(out)],
                          capture_output=True, text=True,
                          env={**os.environ, "LOSSCLAIMS_PARSE_CACHE": str(out / "parse-cache")})
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"lossclaims report failed:\n{done.stderr[-2000:]}")
    return seconds


def _median(runs: int, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Figures of `runs` runs of `fn`, each numeric one the median; digests must agree."""
    results = [fn() for _ in range(max(1, runs))]
    merged: dict[str, Any] = {}
    for key, value in results[0].items():
        if isinstance(value, (int, float)):
            merged[key] = statistics.median(r[key] for r in results)
        else:
            merged[key] = value if all(r[key] == value for r in results) else "differs between runs"
    return merged


# --- another version of the code, measured beside this one ---------------------------------

_TIMED_PARSE = r"""
import hashlib, json, sys, time
import pandas as pd
import lossclaims
from lossclaims import default_articles_dir, parse

parse(default_articles_dir(), progress=False)  # fixed costs, not timed: patterns compiled, pandas loaded
start, cpu = time.perf_counter(), time.process_time()
result = parse(sys.argv[1], progress=False)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
h = hashlib.sha256()
for df in (result.claims, result.mentions):
    h.update(pd.util.hash_pandas_object(df.reset_index(drop=True), index=False).to_numpy().tobytes())
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "articles": len(result.articles), "claims": len(result.claims),
                  "digest": h.hexdigest()[:16], "package": lossclaims.__file__}))
"""
"""A one-process parse of a folder using only the package's public API, so that any version of it can run it."""


def timed_parse(folder: str | Path, lib: str | Path | None = None) -> dict[str, Any]:
    """Wall and CPU seconds, articles, claims and a digest of the rows of `parse(folder)` in a fresh process.

    `lib` is the `lib` folder of another checkout whose package is imported instead of this one.
    The parse cache is off.
    """
    env = {**os.environ, **NO_CACHE}
    if lib is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(lib), *filter(None, [os.environ.get("PYTHONPATH")])])
    done = subprocess.run([sys.executable, "-c", _TIMED_PARSE, str(folder)], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"timed parse failed ({lib or 'this code'}):\n{done.stderr[-2000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    expected = Path(lib).resolve() if lib is not None else Path(__file__).resolve().parent.parent
    if not Path(figures["package"]).resolve().is_relative_to(expected):
        raise RuntimeError(f"the timed parse imported {figures['package']}, not the package in {expected}")
    return figures


@contextlib.contextmanager
def git_worktree(ref: str) -> Iterator[Path]:
    """Check `ref` out into a temporary git worktree of this package's repository; removed on leaving.

    >>> with git_worktree("HEAD") as tree:    # doctest: +SKIP
    ...     (tree / "lib" / "lossclaims").is_dir()
    True
    """
    here = Path(__file__).resolve().parent
    top = subprocess.run(["git", "-C", str(here), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if top.returncode != 0:
        raise RuntimeError(f"--baseline needs the package inside a git checkout ({here} is not)")
    repo = top.stdout.strip()
    tmp = Path(tempfile.mkdtemp(prefix="lossclaims-baseline-"))
    tree = tmp / "tree"
    added = subprocess.run(["git", "-C", repo, "worktree", "add", "--detach", str(tree), ref],
                           capture_output=True, text=True)
    if added.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        raise RuntimeError(f"cannot check out {ref!r}: {added.stderr.strip()}")
    try:
        yield tree
    finally:
        subprocess.run(["git", "-C", repo, "worktree", "remove", "--force", str(tree)], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
        subprocess.run(["git", "-C", repo, "worktree", "prune"], capture_output=True)


def compare_baseline(ref: str, corpora: dict[str, Corpus], runs: int, say: Callable[[str], None]) -> dict[str, Any]:
    """Time this code's and `ref`'s one-process parse of each corpus, alternating, and print them side by side.

    The figures are CPU time (one process, so about its wall time on a quiet machine), which other
    processes on a busy machine disturb far less than wall time.
    """
    figures: dict[str, Any] = {}
    with git_worktree(ref) as tree:
        lib = tree / "lib"
        commit = subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
        for name, corpus in corpora.items():
            ours, theirs = [], []
            for _ in range(max(1, runs)):  # alternating, so that a slow spell of the machine hits both
                ours.append(timed_parse(corpus.folder))
                theirs.append(timed_parse(corpus.folder, lib))
            mine = statistics.median(r["cpu_seconds"] for r in ours)
            base = statistics.median(r["cpu_seconds"] for r in theirs)
            figures[name] = {"mb_s": corpus.mb / mine, "baseline_mb_s": corpus.mb / base, "speedup": base / mine,
                             "claims": ours[0]["claims"], "baseline_claims": theirs[0]["claims"],
                             "same_rows": ours[0]["digest"] == theirs[0]["digest"]}
    say("")
    say(f"this code against --baseline {ref} ({commit}), one process, CPU time, medians of {runs} run(s), "
        f"parse cache off:")
    say(f"  {'corpus':<26}{'this code':>14}{'baseline':>14}{'speed-up':>11}{'claims':>18}  same rows")
    for name, f in figures.items():
        say(f"  {name:<26}{f['mb_s']:>9.2f} MB/s{f['baseline_mb_s']:>9.2f} MB/s{f['speedup']:>10.2f}x"
            f"{f['claims']:>9,} /{f['baseline_claims']:>7,}  {'yes' if f['same_rows'] else 'no'}")
    return figures


# --- linearity: inputs built to be hard, against ordinary news ---------------------------------------

@dataclass(frozen=True)
class Family:
    """Text of any size made of one unit repeated between a head and a tail: a shape of input that may cost more than its length."""

    unit: str
    head: str = ""
    tail: str = ""

    def text(self, size: int) -> str:
        """About `size` characters of this family.

        >>> FAMILIES["digit_run"].text(40)
        'Russia lost 9 9 9 9 9 9 9 9 9 9 9 tanks.'
        >>> FAMILIES["list_items"].text(60)
        'Russia has lost 12 tanks, 12 tanks, and 3 aircraft.'
        """
        room = size - len(self.head) - len(self.tail)
        if room >= len(self.unit):
            body = self.unit * (room // len(self.unit))
        else:  # a unit longer than the room (news): cut it at a line's or a word's end
            cut = self.unit[:max(1, room)]
            body = cut[:max(cut.rfind("\n"), cut.rfind(" ")) + 1] or cut
        return self.head + body + self.tail


FAMILIES: dict[str, Family] = {
    "digit_run": Family("9 ", "Russia lost ", "tanks."),
    "comma_run": Family("1,2,", "Russia lost ", "3 tanks."),
    "number_list": Family("1, 2, ", "Russia lost ", "3 tanks."),
    "qualifier_run": Family("about ", "Russia lost ", "5 tanks."),
    "long_line": Family("Russia lost 12 tanks and Ukraine said the enemy retreated near the river and "),
    "list_items": Family("12 tanks, ", "Russia has lost ", "and 3 aircraft."),
    "article_items": Family("a tank, ", "Ukrainian forces destroyed ", "and a jet."),
    "deep_parentheses": Family("(3 ", "Russia lost ", "tanks"),
    "deep_quotes": Family("\u201c3 ", "He said ", "tanks"),
    "straight_quotes": Family('"3 ', "He said ", "tanks"),
}
"""The families of hard input: each can be made as long as the size limit, in one article."""


def news_family() -> Family:
    """Ordinary news as a family: the bench articles one after another in one long article."""
    return Family("\n".join(news_texts()) + "\n")


def call_seconds(fn: Callable[[], Any], repeats: int = 3, min_time: float = 0.05) -> float:
    """The least time of one call of `fn` over `repeats` timings, each of enough calls to last `min_time`; garbage collection off.

    The time is this process's CPU time, which other processes on a busy machine inflate far less than wall time.

    >>> call_seconds(lambda: sum(range(1000))) < 0.01
    True
    """
    best = math.inf
    was_on = gc.isenabled()
    gc.disable()
    try:
        loops = 1
        for _ in range(max(1, repeats)):
            while True:
                start = time.process_time()
                for _ in range(loops):
                    fn()
                elapsed = time.process_time() - start
                if elapsed >= min_time or loops >= 1_000_000:
                    break
                loops = max(loops * 2, math.ceil(loops * min_time / max(elapsed, 1e-9)))
            best = min(best, elapsed / loops)
    finally:
        if was_on:
            gc.enable()
    return best


def article_seconds(text: str, repeats: int = 3) -> float:
    """Least seconds of the whole per-article path (`pipeline.article_rows`) on one article of `text`."""
    from .pipeline import article_rows
    from .reading import Article

    article = Article(id="linearity", text=text)
    return call_seconds(lambda: article_rows(article), repeats)


def news_seconds_per_byte(repeats: int = 3) -> float:
    """Seconds per UTF-8 byte of the per-article path on the news-style articles, each its own article."""
    texts = news_texts()
    size = sum(len(t.encode("utf-8")) for t in texts)
    return sum(article_seconds(t, repeats) for t in texts) / size


def linearity(limit: int | None = None, budget: float = 5.0, start: int = 4096,
              say: Callable[[str], None] = print) -> dict[str, dict[str, float]]:
    """Cost per byte of each family of hard input (and of news as one long article) relative to ordinary news.

    Each family is timed at `start` characters and four times more at each step up to `limit`
    (default: the reader's size limit), stopping after a step that took more than `budget`
    seconds or before one that would take more than four times that; beyond it the cost at the
    limit is extrapolated from the growth of the last step. Times are CPU seconds.
    """
    from .reading import ReadLimits

    limit = limit or ReadLimits().max_bytes
    article_seconds("Russia has lost 10 tanks.")  # compile the vocabulary: not timed
    news = news_seconds_per_byte()
    say(f"lossclaims bench --linearity, {dt.date.today().isoformat()}: {_machine()}; code {source_fingerprint()}")
    say(f"ordinary news (the {len(news_texts())} bench articles, one article each): {news * 1e6:.2f} µs per byte")
    say(f"target: no input up to the size limit ({limit / 1e6:g} MB) costs more than 3x per byte what news costs")
    say("")
    say(f"  {'family':<18}{'largest timed':>14}{'seconds':>10}{'x news/byte':>13}{'growth per 4x':>15}"
        f"{'x news/byte at limit':>22}")
    figures: dict[str, dict[str, float]] = {}
    for name, family in {**FAMILIES, "news_one_article": news_family()}.items():
        size, prev, seconds = start, None, 0.0
        while True:
            text = family.text(size)
            seconds = article_seconds(text, repeats=1 if size > start else 3)
            nbytes = len(text.encode("utf-8"))
            next_guess = seconds * (seconds / prev[1] if prev else 4.0)  # if the next step grows as the last did
            if size >= limit or seconds > budget or next_guess > 4 * budget:
                break
            prev = (nbytes, seconds)
            size = min(limit, size * 4)
        per_byte = seconds / nbytes
        exponent = math.log(seconds / prev[1]) / math.log(nbytes / prev[0]) if prev else 1.0  # time ~ bytes ** exponent
        growth = 4 ** exponent if prev else float("nan")
        at_limit = per_byte * (limit / nbytes) ** max(0.0, exponent - 1)
        reached = nbytes >= limit * 0.99
        figures[name] = {"bytes": nbytes, "seconds": seconds, "ratio": per_byte / news, "growth": growth,
                         "ratio_at_limit": at_limit / news, "extrapolated": not reached}
        say(f"  {name:<18}{nbytes:>14,}{seconds:>10.3f}{per_byte / news:>12.1f}x{growth:>14.1f}x"
            f"{at_limit / news:>20.1f}x{'' if reached else ' (est.)'}  {_mark(at_limit / news <= 3)}")
    return figures


# --- the report -------------------------------------------------------------------------------

def _machine() -> str:
    from .pipeline import default_jobs

    try:
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
        mem = f", {ram:.0f} GB RAM"
    except (ValueError, OSError, AttributeError):
        mem = ""
    return f"{default_jobs()} cores{mem}, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def run(size_mb: float = 50.0, runs: int = 3, jobs: int | None = None, stream_mb: float | None = None,
        render: bool = True, keep: bool = False, say: Callable[[str], None] = print,
        baseline: str | None = None) -> dict[str, Any]:
    """Run the benchmark and print its figures with `say`; returns them (see the module's docstring).

    `baseline` is a git ref whose code is measured beside this one's (`compare_baseline`).

    >>> figures = run(0.05, runs=1, render=False, say=lambda line: None)   # doctest: +SKIP
    """
    from .pipeline import default_jobs

    jobs = jobs or default_jobs()
    stream_mb = stream_mb or size_mb
    root = Path(tempfile.mkdtemp(prefix="lossclaims-bench-"))
    figures: dict[str, Any] = {}
    version = source_fingerprint()
    try:
        say(f"lossclaims bench, {dt.date.today().isoformat()}: {_machine()}; medians of {runs} run(s); "
            f"code {version} in {Path(__file__).resolve().parent}")
        small, large, news = _write_corpora(root, size_mb, say)
        _one_process({"small": small, "large": large, "news": news}, runs, figures, say)
        if baseline:
            figures["baseline"] = compare_baseline(
                baseline, {f"synthetic {large.mb:.3g} MB": large, f"news {news.mb:.3g} MB": news}, runs, say)
        say("")
        _jobs_speedup(large, jobs, runs, figures, say)
        big = large if stream_mb == size_mb else write_corpus(root / "stream", stream_mb)
        _streaming(big, large, jobs, root / "out", figures, say)
        if render:
            seconds = statistics.median(render_seconds(root / f"reports{i}") for i in range(max(1, runs)))
            figures["render_s"] = seconds
            say(f"rendering every report on the default corpus (`lossclaims report`): {seconds:.1f} s "
                f"(target <= {TARGETS['render_s']:.0f} s: {_mark(seconds <= TARGETS['render_s'])})")
        _targets(figures, version, say)
    finally:
        if keep:
            say(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return figures


def _write_corpora(root: Path, size_mb: float, say: Callable[[str], None]) -> tuple[Corpus, Corpus, Corpus]:
    """The synthetic corpora of a tenth of `size_mb` and of `size_mb`, and the news-style one, under `root`."""
    small = write_corpus(root / "small", size_mb / 10)
    large = write_corpus(root / "large", size_mb)
    news = write_news_corpus(root / "news", size_mb)
    say(f"synthetic corpus (seed {SEED}): {small.mb:.3g} MB = {small.files:,} articles, "
        f"{large.mb:.3g} MB = {large.files:,} articles; news-style corpus ({len(news_texts())} invented "
        f"articles, numbers varied): {news.mb:.3g} MB = {news.files:,} articles; in {root}")
    return small, large, news


def _one_process(corpora: dict[str, Corpus], runs: int, figures: dict[str, Any], say: Callable[[str], None]) -> None:
    """One process on each corpus: the regex floor and the parser (speed, memory), the table, the growth."""
    rows = []
    for name, corpus in corpora.items():
        regex = _median(runs, lambda c=corpus: regex_scan(c.folder))
        parser = _median(runs, lambda c=corpus: measure("memory", c.folder, 1))
        regex_mbs = regex["bytes"] / 1e6 / regex["seconds"]
        mbs = parser["bytes"] / 1e6 / parser["seconds"]
        figures[name] = {"regex_mb_s": regex_mbs, "mb_s": mbs, "articles_s": parser["articles"] / parser["seconds"],
                         "rss_mb": parser["rss_mb"], "seconds": parser["seconds"], "ratio": mbs / regex_mbs,
                         "claims": parser["claims"], "digest": parser["digest"]}
        rows.append((f"{'news' if name == 'news' else 'synthetic'} {corpus.mb:.3g} MB", figures[name]))
    say("")
    say(f"{'one process':<34}" + "".join(f"{label:>20}" for label, _ in rows))
    for label, key, fmt in (
        ("regex number scan, MB/s", "regex_mb_s", "{:.1f}"),
        ("parser, MB/s", "mb_s", "{:.2f}"),
        ("parser, articles/s", "articles_s", "{:,.0f}"),
        ("parser, peak memory MB", "rss_mb", "{:,.0f}"),
        ("parser / regex scan", "ratio", "1/{:.0f}"),
        ("parse time, s", "seconds", "{:.1f}"),
        ("claims", "claims", "{:,}"),
    ):
        cells = [fmt.format(1 / f[key] if key == "ratio" else f[key]) for _, f in rows]
        say(f"  {label:<32}" + "".join(f"{c:>20}" for c in cells))
    growth = figures["large"]["seconds"] / figures["small"]["seconds"]
    figures["growth"] = growth
    say(f"  {'cost of 10x the bytes':<32}{growth:>14.2f}x   (target <= {TARGETS['growth']:.0f}x: "
        f"{_mark(growth <= TARGETS['growth'])})")


def _jobs_speedup(large: Corpus, jobs: int, runs: int, figures: dict[str, Any], say: Callable[[str], None]) -> None:
    """`jobs` worker processes on the large corpus: the speed-up over one process, and whether the rows are the same."""
    if jobs <= 1:
        say("--jobs: one core only, no speed-up to measure")
        return
    multi = _median(runs, lambda: measure("memory", large.folder, jobs))
    speedup = figures["large"]["seconds"] / multi["seconds"]
    same = multi["digest"] == figures["large"]["digest"]
    figures["speedup"], figures["jobs_same"] = speedup, same
    say(f"--jobs {jobs} on {large.mb:.3g} MB: {multi['bytes'] / 1e6 / multi['seconds']:.2f} MB/s, "
        f"{speedup:.2f}x one process (target >= {TARGETS['speedup']}x on 2 cores: "
        f"{_mark(speedup >= TARGETS['speedup'])}); same output: {'yes' if same else 'NO'}")


def _streaming(big: Corpus, large: Corpus, jobs: int, out: Path, figures: dict[str, Any],
               say: Callable[[str], None]) -> None:
    """The streaming parse to Parquet of `big`: its speed and the peak memory of all its processes."""
    stream = measure("stream", big.folder, jobs, out=out)
    rss_sum = stream["rss_mb"] + (jobs * stream["workers_rss_mb"] if jobs > 1 else 0)
    total = stream["pss_mb"] if stream["pss_mb"] == stream["pss_mb"] else rss_sum
    figures["stream_rss_mb"] = total
    same_note = ""
    if big is large:
        same = stream["digest"] == figures["large"]["digest"]
        figures["stream_same"] = same
        same_note = f"; same rows as parse(): {'yes' if same else 'NO'}"
    say(f"streaming `lossclaims parse --out claims.parquet --mentions mentions.parquet --jobs {jobs}` on "
        f"{big.mb:.3g} MB ({big.files:,} articles): {stream['bytes'] / 1e6 / stream['seconds']:.2f} MB/s{same_note}")
    say(f"  peak memory of all its processes: {total:,.0f} MB (target < {TARGETS['stream_rss_mb']:,.0f} MB: "
        f"{_mark(total < TARGETS['stream_rss_mb'])}); peak RSS main {stream['rss_mb']:,.0f} MB, "
        f"largest worker {stream['workers_rss_mb']:,.0f} MB (pages shared after fork counted in each)")


def _targets(figures: dict[str, Any], version: str, say: Callable[[str], None]) -> None:
    """The one-process targets met or missed, and a warning if the code changed while it ran."""
    say("")
    one = figures["large"]
    say(f"targets: one process {one['mb_s']:.2f} MB/s (>= {TARGETS['mb_per_s']:.0f}: "
        f"{_mark(one['mb_s'] >= TARGETS['mb_per_s'])}), {one['ratio']:.3f} of the regex floor "
        f"(>= 1/8: {_mark(one['ratio'] >= TARGETS['regex_fraction'])})")
    if source_fingerprint() != version:
        figures["code_changed"] = True
        say("WARNING: the package's code changed during the run, so its figures mix parser versions: run again")


def main(argv: list[str] | None = None) -> int:
    """`python -m lossclaims.bench [--size-mb 50] [--runs 3] [--jobs N] [--stream-mb MB] [--no-render] [--quick] [--baseline REF] [--linearity]`."""
    p = argparse.ArgumentParser(prog="python -m lossclaims.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--size-mb", type=float, default=50.0, help="the larger corpus; the smaller is a tenth (default: 50)")
    p.add_argument("--runs", type=int, default=3, help="runs per figure, the median is printed (default: 3)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes for the speed-up (default: all cores)")
    p.add_argument("--stream-mb", type=float, default=None,
                   help="size of the corpus for the streaming memory figure (default: --size-mb; try 500)")
    p.add_argument("--no-render", dest="render", action="store_false", help="skip rendering the reports")
    p.add_argument("--quick", action="store_true", help="5 MB, one run: a first look")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    p.add_argument("--baseline", metavar="REF",
                   help="also measure the code of git ref REF (checked out into a temporary worktree) beside this code")
    p.add_argument("--linearity", action="store_true",
                   help="instead: cost per byte of hard inputs relative to news, up to the size limit")
    p.add_argument("--budget", type=float, default=5.0,
                   help="with --linearity: seconds a family's step may take before it is extrapolated (default: 5)")
    p.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    p.add_argument("--child-out", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        mode, folder = args.child
        print(json.dumps(_child(mode, folder, args.jobs or 1, args.child_out)))
        return 0
    if args.linearity:
        linearity(budget=args.budget)
        return 0
    if args.quick:
        args.size_mb, args.runs = 5.0, 1
    run(args.size_mb, args.runs, args.jobs, args.stream_mb, args.render, args.keep, baseline=args.baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
