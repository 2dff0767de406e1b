"""Claims of a corpus too large for one machine, as a Dask DataFrame (`pip install lossclaims[dask]`).

`claims_dataframe("s3://bucket/news/**/*.txt")` lists the files (a folder, a glob or a list of
paths, local or on any fsspec filesystem), splits them into batches of `batch_files` and makes one
partition per batch: a task reads its files, builds `Article`s as `reading` does, and returns the
validated claims frame of the batch. Nothing runs until `.compute()`, `.to_parquet()` ..., on
whatever scheduler is active: a `dask.distributed.Client` to a cluster, or local processes.
Rows, columns, dtypes and order are those of `parse(...).claims`; only the index restarts in
each partition. Files that cannot be read are passed over (`parse` reports them as problems),
and an `articles.csv` is not read: an article dated only there is dated from its text or the
General Staff series instead.

    >>> from dask.distributed import Client                               # doctest: +SKIP
    >>> client = Client("tcp://scheduler:8786")                           # doctest: +SKIP
    >>> claims = claims_dataframe("s3://bucket/news/*.txt", storage_options={"anon": False})  # doctest: +SKIP
    >>> claims.groupby("category")["value"].max().compute()              # doctest: +SKIP
"""
from __future__ import annotations

import posixpath
import re
from typing import Any, Sequence

import pandas as pd

from . import schema
from .reading import ARTICLE_SUFFIXES, HTML_SUFFIXES, Article, ReadLimits, article_from_bytes

BATCH_FILES = 100
"""Files per partition: about 0.5 MB of news, a few seconds of parsing per task."""

_GLOB = re.compile(r"[*?\[]")


def list_articles(
    paths: str | Sequence[str], storage_options: dict[str, Any] | None = None,
) -> tuple[Any, list[tuple[str, str, str]]]:
    """The filesystem and the sorted (path, relative path, id) of every article file a folder, glob or list names.

    Ids are given as `iter_articles` gives them over a folder: the file's stem, or its relative
    path where stems repeat.

    >>> fs, files = list_articles(str(__import__("lossclaims").default_articles_dir()))
    >>> files[0][1:]
    ('000_07dbc9ab3df6b69a.txt', '000_07dbc9ab3df6b69a')
    """
    from fsspec.core import url_to_fs

    from .reading import assign_ids  # the one id rule, shared with folder walks

    first = paths if isinstance(paths, str) else (list(paths) or [""])[0]
    fs, _ = url_to_fs(first, **(storage_options or {}))
    found: list[str] = []
    roots: list[str] = []
    for p in [paths] if isinstance(paths, str) else list(paths):
        path = fs._strip_protocol(p)
        if _GLOB.search(path):
            found.extend(fs.glob(path))
            roots.append(_GLOB.split(path, 1)[0].rsplit("/", 1)[0])
        elif fs.isdir(path):
            found.extend(fs.find(path))
            roots.append(path.rstrip("/"))
        else:
            found.append(path)
            roots.append(posixpath.dirname(path))
    root = posixpath.commonpath(roots) if roots and all(r.startswith("/") == roots[0].startswith("/") for r in roots) else ""
    files = sorted({f for f in found if posixpath.splitext(f)[1].lower() in ARTICLE_SUFFIXES})
    rels = [posixpath.relpath(f, root) if root else f for f in files]
    keep = [(f, r) for f, r in zip(files, rels) if not any(part.startswith(".") for part in r.split("/"))]
    ids = assign_ids([r for _, r in keep])
    return fs, [(f, r, ids[r]) for f, r in keep]


def _batch_frame(files: list[tuple[str, str, str]], fs: Any, kind: str, limits: ReadLimits | None) -> pd.DataFrame:
    """The validated `kind` frame ('claims' or 'mentions') of one batch of files: one partition."""
    from .pipeline import article_rows

    limits = limits or ReadLimits()
    rows: list[tuple] = []
    for path, rel, id_ in files:
        html = posixpath.splitext(path)[1].lower() in HTML_SUFFIXES
        limit = limits.max_html_bytes if html else limits.max_bytes
        try:
            with fs.open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except OSError:
            continue  # unreadable: `parse` would report it; no claims either way
        item = article_from_bytes(data, rel, id_, limits)
        if isinstance(item, Article):
            claims, mentions = article_rows(item)  # the same per-article path as `parse`: claims dated
            rows.extend(claims if kind == "claims" else mentions)
    return schema.frame(kind, rows)


def claims_dataframe(
    paths: str | Sequence[str],
    *,
    batch_files: int = BATCH_FILES,
    storage_options: dict[str, Any] | None = None,
    limits: ReadLimits | None = None,
    kind: str = "claims",
) -> Any:
    """A lazy Dask DataFrame of the claims (`kind="mentions"`: mentions) of a folder, glob or list of paths.

    One partition per `batch_files` files; `storage_options` go to fsspec (credentials, endpoint).
    The rows equal `parse(...).claims` (tests/test_scale.py checks it on a two-worker LocalCluster).

    >>> ddf = claims_dataframe(str(__import__("lossclaims").default_articles_dir()), batch_files=2)
    >>> ddf.npartitions, list(ddf.columns[:3])
    (3, ['article', 'party', 'category'])
    """
    import dask
    import dask.dataframe as dd

    if kind not in ("claims", "mentions"):
        raise ValueError(f"kind is 'claims' or 'mentions', not {kind!r}")
    fs, files = list_articles(paths, storage_options)
    size = max(1, int(batch_files))
    batches: list[list[tuple[str, str, str]]] = [files[i:i + size] for i in range(0, len(files), size)] or [[]]
    # Keep pandas' own `str` columns: Dask would otherwise recast them as `string[pyarrow]` (NA-valued).
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_map(
            _batch_frame, batches, fs=fs, kind=kind, limits=limits,
            meta=schema.frame(kind, []), label=f"lossclaims-{kind}", enforce_metadata=False,
        )

