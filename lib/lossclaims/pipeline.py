"""Parsing a corpus: read articles, extract claims and mentions, return validated frames."""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import schema
from .extraction import extract
from .reading import Article, Problem, ReadLimits, exit_status, iter_articles, summarize_problems


@dataclass
class ParseResult:
    """The frames of one parse: articles, claims, mentions and per-file problems."""

    articles: pd.DataFrame
    claims: pd.DataFrame
    mentions: pd.DataFrame
    problems: pd.DataFrame


def article_row(article: Article) -> tuple:
    """The articles-frame row of one article."""
    return (
        article.id, article.path, article.headline, article.outlet, article.published,
        article.url, article.encoding, len(article.text), len(article.text.split()),
    )


def parse(
    source: str | Path | Iterable[str | Path | Article],
    *,
    limits: ReadLimits | None = None,
    progress: bool | None = None,
) -> ParseResult:
    """Parse a folder, a file, a list of paths or of `Article`s into validated frames.

    >>> r = parse([Article(id="a", text="Russia has lost 10,980 tanks.")])
    >>> r.claims[["party", "category", "value"]].values.tolist()
    [['russia', 'tanks', 10980.0]]
    """
    items: Iterable[Article | Problem]
    if isinstance(source, (str, Path)):
        items = iter_articles(source, limits=limits, progress=progress)
    else:
        src = list(source)
        items = src if all(isinstance(s, Article) for s in src) else iter_articles(
            src, limits=limits, progress=progress)
    arts, claims, mentions, problems = [], [], [], []
    for item in items:
        if isinstance(item, Problem):
            problems.append((item.path, item.reason, item.detail))
            continue
        arts.append(article_row(item))
        c, m = extract(item)
        claims.extend(c)
        mentions.extend(m)
    return ParseResult(
        articles=schema.frame("articles", arts),
        claims=schema.frame("claims", claims),
        mentions=schema.frame("mentions", mentions),
        problems=schema.frame("problems", problems),
    )


def write_frame(df: pd.DataFrame, path: str | Path) -> None:
    """Write a frame as CSV, Parquet or JSON, chosen by the file's extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        df.to_csv(path, index=False)
    elif suffix in (".parquet", ".pq"):
        df.to_parquet(path, index=False)
    elif suffix == ".json":
        df.to_json(path, orient="records", indent=1, force_ascii=False)
    else:
        raise ValueError(f"cannot tell the format of {path.name}: use .csv, .parquet or .json")


def _cmd_parse(args: argparse.Namespace) -> int:
    limits = ReadLimits(max_bytes=int(args.max_mb * 1_000_000))
    result = parse(args.path, limits=limits, progress=args.progress)
    write_frame(result.claims, args.out)
    if args.mentions:
        write_frame(result.mentions, args.mentions)
    print(
        f"{len(result.articles)} articles, {len(result.claims)} claims, "
        f"{len(result.mentions)} mentions -> {args.out}"
    )
    if len(result.problems):
        print(summarize_problems(result.problems), file=sys.stderr)
    return exit_status(len(result.articles), len(result.problems), strict=args.strict)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `lossclaims parse PATH --out FILE [--mentions FILE]`."""
    p = sub.add_parser("parse", help="read articles and write the claims frame")
    p.add_argument("path", help="a folder of articles or one article file")
    p.add_argument("--out", required=True, help="claims file: .csv, .parquet or .json")
    p.add_argument("--mentions", help="also write the mentions frame here")
    p.add_argument("--strict", action="store_true", help="exit non-zero if any file was skipped")
    p.add_argument("--max-mb", type=float, default=ReadLimits().max_bytes / 1_000_000,
                   help="skip text files larger than this many megabytes (default: %(default)s)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: only on a terminal outside CI)")
    p.set_defaults(func=_cmd_parse)
