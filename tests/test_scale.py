"""Scale paths give the rows `parse` gives: streaming files, worker processes, Dask; and the benchmark runs.

No test here is timed: the speed targets live in `python -m lossclaims.bench`.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from pandera.errors import SchemaError

from lossclaims import default_articles_dir, parse, write_frame
from lossclaims.pipeline import FrameWriter, arrow_schema, iter_batches, parse_to_files

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "dev" / "articles"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """About 40 articles in two folders (the default and development ones), a Markdown copy and two bad files."""
    folder = tmp_path_factory.mktemp("corpus")
    for src in (default_articles_dir(), DEV):
        for f in sorted(src.glob("*.txt")):
            shutil.copy(f, folder / f.name)
    (folder / "more").mkdir()
    first = sorted(default_articles_dir().glob("*.txt"))[0]
    (folder / "more" / "copy.md").write_text("---\ntitle: A copy\n---\n" + first.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "more" / first.name).write_bytes(first.read_bytes())  # a repeated stem: ids use the path
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def whole(corpus):
    return parse(corpus)


def test_the_corpus_has_rows_problems_and_several_batches(whole) -> None:
    assert len(whole.articles) >= 30 and len(whole.claims) > 200 and len(whole.mentions) > 50
    assert sorted(whole.problems["reason"]) == ["binary", "empty"]
    assert "more/000_07dbc9ab3df6b69a" in set(whole.articles["id"])


def test_batches_hold_the_same_rows_in_the_same_order(corpus, whole) -> None:
    batches = list(iter_batches(corpus, batch_articles=5, progress=False))
    assert len(batches) == -(-len(whole.articles) // 5)
    assert all(len(b.articles) == 5 for b in batches[:-1])
    claims = [row for b in batches for row in b.claims]
    pd.testing.assert_frame_equal(pd.DataFrame(claims, columns=whole.claims.columns).astype(whole.claims.dtypes), whole.claims)
    assert [r for b in batches for r in b.problems] == list(whole.problems.itertuples(index=False, name=None))


def test_worker_processes_give_identical_frames(corpus, whole) -> None:
    multi = parse(corpus, jobs=2, batch_articles=3)
    for kind in ("articles", "claims", "mentions", "problems"):
        pd.testing.assert_frame_equal(getattr(multi, kind), getattr(whole, kind))


def test_one_batch_is_parsed_without_workers(monkeypatch) -> None:
    import lossclaims.pipeline as pipeline

    def no_pool(jobs):
        raise AssertionError("a pool was started for one batch")

    monkeypatch.setattr(pipeline, "_pool", no_pool)
    assert len(parse(default_articles_dir(), jobs=4).claims) > 0


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".json", ".jsonl"])
def test_streamed_files_equal_the_whole_frame_written_at_once(corpus, whole, tmp_path, suffix) -> None:
    write_frame(whole.claims, tmp_path / f"at_once{suffix}")
    write_frame(whole.mentions, tmp_path / f"mentions_at_once{suffix}")
    result = parse_to_files(corpus, tmp_path / f"streamed{suffix}", tmp_path / f"mentions{suffix}",
                            jobs=2, batch_articles=4, block_rows=50, progress=False)
    assert (result.articles, result.claims, result.mentions) == (len(whole.articles), len(whole.claims), len(whole.mentions))
    pd.testing.assert_frame_equal(result.problems, whole.problems)
    for streamed, at_once in (("streamed", "at_once"), ("mentions", "mentions_at_once")):
        a, b = tmp_path / f"{streamed}{suffix}", tmp_path / f"{at_once}{suffix}"
        if suffix == ".parquet":
            assert pq.ParquetFile(a).num_row_groups > 1  # written in blocks, not at the end
            assert pq.read_schema(a).equals(pq.read_schema(b), check_metadata=False)
            pd.testing.assert_frame_equal(pd.read_parquet(a), pd.read_parquet(b))
        elif suffix == ".json":
            assert json.loads(a.read_text(encoding="utf-8")) == json.loads(b.read_text(encoding="utf-8"))
        else:  # CSV and JSON Lines: the very same bytes
            assert a.read_bytes() == b.read_bytes()
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".json", ".jsonl"])
def test_an_empty_stream_writes_a_readable_empty_file(tmp_path, suffix) -> None:
    path = tmp_path / f"none{suffix}"
    with FrameWriter("claims", path):
        pass
    if suffix == ".parquet":
        assert pq.read_schema(path).equals(arrow_schema("claims"), check_metadata=False)
        assert pq.read_table(path).num_rows == 0
    elif suffix == ".csv":
        assert path.read_text().strip().split(",")[:2] == ["article", "party"]
    elif suffix == ".json":
        assert json.loads(path.read_text()) == []
    else:
        assert path.read_text() == ""


def test_a_failed_stream_leaves_no_file(tmp_path) -> None:
    path = tmp_path / "claims.parquet"
    with pytest.raises(SchemaError):
        with FrameWriter("claims", path, block_rows=1) as w:
            w.write([("a", "russia", "not-a-category", "lost", 1.0, "exact", "cumulative", "unattributed", "q", 0, 1, "")])
    assert not path.exists() and not list(tmp_path.iterdir())


def test_cli_streams_with_jobs_and_keeps_its_exit_status(corpus, whole, tmp_path) -> None:
    cmd = [sys.executable, "-m", "lossclaims", "parse", str(corpus), "--out", str(tmp_path / "c.parquet"),
           "--mentions", str(tmp_path / "m.csv"), "--jobs", "2"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{len(whole.articles)} articles, {len(whole.claims)} claims" in done.stdout
    assert "2 files skipped" in done.stderr
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "c.parquet"), whole.claims)
    strict = subprocess.run(cmd + ["--strict"], capture_output=True, text=True)
    assert strict.returncode == 1
    bad = subprocess.run(cmd[:-2] + ["--jobs", "0"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--jobs" in bad.stderr


def test_dask_frame_on_fsspec_memory_equals_parse(whole, corpus) -> None:
    dask = pytest.importorskip("dask")
    fsspec = pytest.importorskip("fsspec")
    from lossclaims.dask import claims_dataframe

    fs = fsspec.filesystem("memory")
    for f in corpus.rglob("*"):
        if f.is_file():
            fs.pipe(f"/scale-test/{f.relative_to(corpus).as_posix()}", f.read_bytes())
    ddf = claims_dataframe("memory://scale-test", batch_files=7)
    assert ddf.npartitions == -(-(len(whole.articles) + len(whole.problems)) // 7)
    assert ddf.dtypes.equals(whole.claims.dtypes)
    with dask.config.set(scheduler="sync"):
        got = ddf.compute()
        mentions = claims_dataframe("memory://scale-test/*.txt", kind="mentions").compute()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), whole.claims)
    top_ids = whole.articles.loc[~whole.articles["path"].str.startswith("more/"), "id"]
    top = whole.mentions[whole.mentions["article"].isin(top_ids)].reset_index(drop=True)
    assert 0 < len(top) < len(whole.mentions)
    pd.testing.assert_frame_equal(mentions.reset_index(drop=True), top)


@pytest.mark.slow
def test_dask_on_a_two_process_local_cluster_equals_parse(whole, corpus) -> None:
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    from lossclaims.dask import claims_dataframe

    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        ddf = claims_dataframe(str(corpus / "**" / "*.*"), batch_files=10)
        got = client.compute(ddf).result()
        workers = set(client.run(lambda: 1))
    assert len(workers) == 2 and ddf.npartitions == -(-(len(whole.articles) + len(whole.problems)) // 10)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), whole.claims)


def test_bench_smoke_run_prints_every_figure() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lossclaims.bench", "--size-mb", "0.3", "--runs", "1", "--jobs", "2", "--no-render"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for figure in ("regex number scan, MB/s", "parser, MB/s", "parser, articles/s", "parser, peak memory MB",
                   "parser / regex scan", "cost of 10x the bytes", "--jobs 2 on", "same output: yes",
                   "streaming `lossclaims parse --out claims.parquet", "same rows as parse(): yes",
                   "peak memory of all its processes", "targets:"):
        assert figure in out, figure


def test_walking_a_large_folder_holds_a_few_hundred_bytes_per_file(tmp_path):
    """The walk is the one part of a streaming parse that grows with the folder: keep it small."""
    import tracemalloc

    from lossclaims.reading import iter_articles

    n = 20_000
    for i in range(n):
        sub = tmp_path / f"day{i % 20:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"report_{i:06d}.txt").write_text("Russia has lost 10 tanks, the General Staff said.", encoding="utf-8")
    (tmp_path / "day00" / "report_000000.md").write_text("# Same stem, another file\n\nUkraine lost 3 tanks.", encoding="utf-8")
    tracemalloc.start()
    try:
        articles = iter_articles(tmp_path, progress=False)
        first = next(articles)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak / n < 600, f"{peak / n:.0f} bytes per file"
    # the ids of the two files that share a stem still differ, everyone else's is the stem
    ids = [first.id] + [a.id for a in articles][:3]
    assert ids == ["day00/report_000000.md", "day00/report_000000.txt", "report_000020", "report_000040"]
