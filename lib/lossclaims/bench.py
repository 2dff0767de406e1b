"""The parser's benchmark: `python -m lossclaims.bench [--size-mb 50] [--runs 3]` (or `make bench`).

It writes a synthetic corpus (sentences of the default articles, their numbers varied, a fixed
seed) of SIZE and SIZE/10 megabytes to a temporary folder and prints, as medians of RUNS runs:
the parser's MB/s, articles/s and peak resident memory in one process; its ratio to a bare
regular-expression number scan over the same bytes in the same run (the floor no parser beats);
how the cost grows from SIZE/10 to SIZE; the speed-up of `--jobs` worker processes and whether
their output is the same; the peak memory of the streaming `lossclaims parse --out claims.parquet`;
and the wall time of rendering every report on the default corpus. Each parse runs in a child
process so that its peak memory is its own; the parser's one-time start (compiling its vocabulary,
well under a second) is done before the clock starts, so that growth is not flattered. Figures are compared as ratios within one run,
because shared machines are noisy.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
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
from typing import Any, Callable

SEED = 7
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
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paragraphs = corpus_paragraphs()
    texts = _texts()
    mean = max(1000, sum(map(len, texts)) // max(1, len(texts)))  # the default articles' mean size
    target = int(size_mb * 1e6)
    written = files = 0
    while written < target:
        size = int(rng.uniform(0.3, 1.7) * mean)
        data = synthetic_article(rng, paragraphs, size).encode("utf-8")
        (folder / f"bench_{files:06d}.txt").write_bytes(data)
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
    from .extraction import extract
    from .reading import Article

    size = sum(p.stat().st_size for p in Path(folder).iterdir())
    extract(Article(id="warm", text="Russia has lost 10 tanks."))  # compile the vocabulary: a fixed cost, not timed
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
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=group)
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
    """Wall time of `lossclaims report` on the default corpus, interpreter start included."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lossclaims", "report", "--out", str(out)],
                          capture_output=True, text=True)
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
        render: bool = True, keep: bool = False, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Run the benchmark and print its figures with `say`; returns them (see the module's docstring).

    >>> figures = run(0.05, runs=1, render=False, say=lambda line: None)   # doctest: +SKIP
    """
    from .pipeline import default_jobs

    jobs = jobs or default_jobs()
    small_mb = size_mb / 10
    stream_mb = stream_mb or size_mb
    root = Path(tempfile.mkdtemp(prefix="lossclaims-bench-"))
    figures: dict[str, Any] = {}
    version = source_fingerprint()
    try:
        say(f"lossclaims bench, {dt.date.today().isoformat()}: {_machine()}; medians of {runs} run(s); "
            f"code {version} in {Path(__file__).resolve().parent}")
        small = write_corpus(root / "small", small_mb)
        large = write_corpus(root / "large", size_mb)
        say(f"synthetic corpus (seed {SEED}): {small.mb:.3g} MB = {small.files:,} articles, "
            f"{large.mb:.3g} MB = {large.files:,} articles, in {root}")
        rows = []
        for name, corpus in (("small", small), ("large", large)):
            regex = _median(runs, lambda c=corpus: regex_scan(c.folder))
            parser = _median(runs, lambda c=corpus: measure("memory", c.folder, 1))
            regex_mbs = regex["bytes"] / 1e6 / regex["seconds"]
            mbs = parser["bytes"] / 1e6 / parser["seconds"]
            figures[name] = {"regex_mb_s": regex_mbs, "mb_s": mbs, "articles_s": parser["articles"] / parser["seconds"],
                             "rss_mb": parser["rss_mb"], "seconds": parser["seconds"], "ratio": mbs / regex_mbs,
                             "claims": parser["claims"], "digest": parser["digest"]}
            rows.append((f"{corpus.mb:.3g} MB", figures[name]))
        say("")
        say(f"{'one process':<34}" + "".join(f"{label:>14}" for label, _ in rows))
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
            say(f"  {label:<32}" + "".join(f"{c:>14}" for c in cells))
        growth = figures["large"]["seconds"] / figures["small"]["seconds"]
        figures["growth"] = growth
        say(f"  {'cost of 10x the bytes':<32}{growth:>14.2f}x   (target <= {TARGETS['growth']:.0f}x: "
            f"{_mark(growth <= TARGETS['growth'])})")

        say("")
        if jobs > 1:
            multi = _median(runs, lambda: measure("memory", large.folder, jobs))
            speedup = figures["large"]["seconds"] / multi["seconds"]
            same = multi["digest"] == figures["large"]["digest"]
            figures["speedup"], figures["jobs_same"] = speedup, same
            say(f"--jobs {jobs} on {large.mb:.3g} MB: {multi['bytes'] / 1e6 / multi['seconds']:.2f} MB/s, "
                f"{speedup:.2f}x one process (target >= {TARGETS['speedup']}x on 2 cores: "
                f"{_mark(speedup >= TARGETS['speedup'])}); same output: {'yes' if same else 'NO'}")
        else:
            say("--jobs: one core only, no speed-up to measure")

        big = large if stream_mb == size_mb else write_corpus(root / "stream", stream_mb)
        stream = measure("stream", big.folder, jobs, out=root / "out")
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

        if render:
            seconds = statistics.median(render_seconds(root / f"reports{i}") for i in range(max(1, runs)))
            figures["render_s"] = seconds
            say(f"rendering every report on the default corpus (`lossclaims report`): {seconds:.1f} s "
                f"(target <= {TARGETS['render_s']:.0f} s: {_mark(seconds <= TARGETS['render_s'])})")

        say("")
        one = figures["large"]
        say(f"targets: one process {one['mb_s']:.2f} MB/s (>= {TARGETS['mb_per_s']:.0f}: "
            f"{_mark(one['mb_s'] >= TARGETS['mb_per_s'])}), {one['ratio']:.3f} of the regex floor "
            f"(>= 1/8: {_mark(one['ratio'] >= TARGETS['regex_fraction'])})")
        if source_fingerprint() != version:
            figures["code_changed"] = True
            say("WARNING: the package's code changed during the run, so its figures mix parser versions: run again")
    finally:
        if keep:
            say(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    """`python -m lossclaims.bench [--size-mb 50] [--runs 3] [--jobs N] [--stream-mb MB] [--no-render] [--quick]`."""
    p = argparse.ArgumentParser(prog="python -m lossclaims.bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--size-mb", type=float, default=50.0, help="the larger corpus; the smaller is a tenth (default: 50)")
    p.add_argument("--runs", type=int, default=3, help="runs per figure, the median is printed (default: 3)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes for the speed-up (default: all cores)")
    p.add_argument("--stream-mb", type=float, default=None,
                   help="size of the corpus for the streaming memory figure (default: --size-mb; try 500)")
    p.add_argument("--no-render", dest="render", action="store_false", help="skip rendering the reports")
    p.add_argument("--quick", action="store_true", help="5 MB, one run: a first look")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    p.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    p.add_argument("--child-out", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        mode, folder = args.child
        print(json.dumps(_child(mode, folder, args.jobs or 1, args.child_out)))
        return 0
    if args.quick:
        args.size_mb, args.runs = 5.0, 1
    run(args.size_mb, args.runs, args.jobs, args.stream_mb, args.render, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
