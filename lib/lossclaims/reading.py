"""Reading articles: files and folders in, `Article` records and a problems list out.

Every per-file failure becomes a `Problem` so that one bad file never loses the batch.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Article:
    """One article's text with the metadata known about it (blank where unknown)."""

    id: str
    text: str
    path: str = ""
    headline: str = ""
    outlet: str = ""
    published: str = ""
    url: str = ""
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Problem:
    """A file that could not be read as an article, and why."""

    path: str
    reason: str
    detail: str = ""


def default_articles_dir() -> Path:
    """The embedded default corpus (`data/articles/` of the project)."""
    return Path(__file__).resolve().parents[2] / "data" / "articles"


def read_metadata(csv_path: str | Path) -> dict[str, dict[str, str]]:
    """Read an `articles.csv` (id, headline, outlet, published, url) keyed by id."""
    path = Path(csv_path)
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["id"]: {k: (v or "") for k, v in row.items()} for row in csv.DictReader(fh)}


def iter_articles(source: str | Path | Iterable[str | Path]) -> Iterator[Article | Problem]:
    """Yield an `Article` or a `Problem` for each file of a folder, a file or a list of paths."""
    paths: list[Path]
    meta: dict[str, dict[str, str]] = {}
    if isinstance(source, (str, Path)):
        root = Path(source)
        if root.is_dir():
            paths = sorted(p for p in root.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
            meta = read_metadata(root.parent / "articles.csv") or read_metadata(root / "articles.csv")
        else:
            paths = [root]
    else:
        paths = [Path(p) for p in source]
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            yield Problem(str(path), "unreadable", str(exc))
            continue
        m = meta.get(path.stem, {})
        yield Article(
            id=path.stem,
            text=text,
            path=str(path),
            headline=m.get("headline", ""),
            outlet=m.get("outlet", ""),
            published=m.get("published", ""),
            url=m.get("url", ""),
        )
