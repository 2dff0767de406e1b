"""Declared schemas of the frames the library returns, checked with pandera.

The claims columns and vocabulary are the contract of `docs/claims-spec.md`;
a wrong category or a negative value fails loudly here rather than in a chart.
"""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from . import vocabulary as vocab

CLAIM_COLUMNS = [
    "article", "party", "category", "measure", "value", "qualifier",
    "period", "source", "quote", "start", "end", "flags",
]
MENTION_COLUMNS = ["article", "text", "value", "reason", "quote", "start", "end"]
ARTICLE_COLUMNS = [
    "id", "path", "headline", "outlet", "published", "url", "encoding", "characters", "words",
]
PROBLEM_COLUMNS = ["path", "reason", "detail"]

# Parties are open-ended (any lower-case country name), so they are checked by shape.
_PARTY = pa.Check.str_matches(r"^[a-z]+(?:_[a-z]+)*$")

CLAIMS = pa.DataFrameSchema(
    {
        "article": pa.Column(str),
        "party": pa.Column(str, _PARTY),
        "category": pa.Column(str, pa.Check.isin(vocab.categories())),
        "measure": pa.Column(str, pa.Check.isin(vocab.MEASURES)),
        "value": pa.Column(float, [pa.Check.ge(0), pa.Check(lambda s: s.map(pd.notna).all() & (s < float("inf")).all())]),
        "qualifier": pa.Column(str, pa.Check.isin(vocab.QUALIFIERS)),
        "period": pa.Column(str, pa.Check.isin(vocab.PERIODS)),
        "source": pa.Column(str, pa.Check.isin(vocab.SOURCES)),
        "quote": pa.Column(str),
        "start": pa.Column(int, pa.Check.ge(0)),
        "end": pa.Column(int, pa.Check.ge(0)),
        "flags": pa.Column(str),
    },
    checks=[
        pa.Check(lambda df: (df["end"] > df["start"]).all(), error="end must follow start"),
        # people are measured by the people measures, equipment only as `lost`
        pa.Check(
            lambda df: (df["category"].isin(vocab.PEOPLE_CATEGORIES) != (df["measure"] == "lost")).all(),
            error="people take killed/wounded/...; equipment takes lost",
        ),
    ],
    strict=True,
    ordered=True,
    coerce=True,
    name="claims",
)

MENTIONS = pa.DataFrameSchema(
    {
        "article": pa.Column(str),
        "text": pa.Column(str),
        "value": pa.Column(float, nullable=True),
        "reason": pa.Column(str, pa.Check.isin(vocab.MENTION_REASONS)),
        "quote": pa.Column(str),
        "start": pa.Column(int, pa.Check.ge(0)),
        "end": pa.Column(int, pa.Check.ge(0)),
    },
    strict=True,
    ordered=True,
    coerce=True,
    name="mentions",
)

ARTICLES = pa.DataFrameSchema(
    {
        "id": pa.Column(str, unique=True),
        "path": pa.Column(str),
        "headline": pa.Column(str),
        "outlet": pa.Column(str),
        "published": pa.Column(str),
        "url": pa.Column(str),
        "encoding": pa.Column(str),
        "characters": pa.Column(int, pa.Check.ge(0)),
        "words": pa.Column(int, pa.Check.ge(0)),
    },
    strict=True,
    ordered=True,
    coerce=True,
    name="articles",
)

PROBLEMS = pa.DataFrameSchema(
    {"path": pa.Column(str), "reason": pa.Column(str), "detail": pa.Column(str)},
    strict=True,
    ordered=True,
    coerce=True,
    name="problems",
)

SCHEMAS = {"claims": CLAIMS, "mentions": MENTIONS, "articles": ARTICLES, "problems": PROBLEMS}
COLUMNS = {"claims": CLAIM_COLUMNS, "mentions": MENTION_COLUMNS, "articles": ARTICLE_COLUMNS, "problems": PROBLEM_COLUMNS}


def frame(kind: str, rows: list[tuple] | None = None) -> pd.DataFrame:
    """Build and validate a frame of `kind` ('claims', 'mentions', 'articles', 'problems') from row tuples.

    >>> frame("problems", [("a.txt", "empty", "")]).shape
    (1, 3)
    """
    df = pd.DataFrame.from_records(rows or [], columns=COLUMNS[kind])
    return validate(kind, df)


def validate(kind: str, df: pd.DataFrame) -> pd.DataFrame:
    """Validate `df` against the declared schema of `kind`; raise `pandera.errors.SchemaError` if it breaks it."""
    return SCHEMAS[kind].validate(df)
