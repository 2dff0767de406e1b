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
    "period", "source", "quote", "start", "end", "flags", "as_of", "window_start", "date_basis",
]
#: The last columns a row may leave out, and what they hold then: a claim not yet placed in time
#: (the parser's own rows, a gold annotation) is undated until `lossclaims.dating` dates it.
DEFAULTS = {"claims": {"as_of": "", "window_start": "", "date_basis": "none"}}
MENTION_COLUMNS = ["article", "text", "value", "reason", "quote", "start", "end"]
ARTICLE_COLUMNS = [
    "id", "path", "headline", "outlet", "published", "published_source", "url", "encoding", "characters", "words",
]
PROBLEM_COLUMNS = ["path", "reason", "detail"]

# Parties are open-ended (any lower-case country name), so they are checked by shape.
_PARTY = pa.Check.str_matches(r"^[a-z]+(?:_[a-z]+)*$")
# A day, ISO YYYY-MM-DD, or empty where nothing tells.
_DAY = pa.Check.str_matches(r"^(?:\d{4}-\d{2}-\d{2})?$")
#: Where an article's `published` came from (empty when nothing gave it).
PUBLISHED_SOURCES = ("articles.csv", "html", "front_matter", "text", "")

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
        "as_of": pa.Column(str, _DAY),
        "window_start": pa.Column(str, _DAY),
        "date_basis": pa.Column(str, pa.Check.isin(vocab.DATE_BASES)),
    },
    checks=[
        pa.Check(lambda df: (df["end"] > df["start"]).all(), error="end must follow start"),
        pa.Check(lambda df: ((df["as_of"] == "") == (df["date_basis"] == "none")).all(),
                 error="a claim has an as_of exactly when its date_basis is not none"),
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
        "published": pa.Column(str, _DAY),
        "published_source": pa.Column(str, pa.Check.isin(PUBLISHED_SOURCES)),
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

    A row may stop short of the columns of `DEFAULTS` (a claim before dating), which take their defaults.

    >>> frame("problems", [("a.txt", "empty", "")]).shape
    (1, 3)
    >>> frame("claims", [("a", "russia", "tanks", "lost", 10980, "exact", "cumulative",
    ...                   "unattributed", "q", 0, 6, "")])[["as_of", "date_basis"]].values.tolist()
    [['', 'none']]
    """
    columns = COLUMNS[kind]
    defaults = DEFAULTS.get(kind, {})
    rows = rows or []
    if defaults and rows:
        full, tail = len(columns), tuple(defaults.values())
        rows = [r if len(r) == full else (*r, *tail[len(r) - full + len(tail):]) for r in rows]
    df = pd.DataFrame.from_records(rows, columns=columns)
    return validate(kind, df)


def validate(kind: str, df: pd.DataFrame) -> pd.DataFrame:
    """Validate `df` against the declared schema of `kind`; raise `pandera.errors.SchemaError` if it breaks it.

    Columns of `DEFAULTS` that `df` lacks (a claims file written before dating) are added with their defaults.
    """
    missing = {c: v for c, v in DEFAULTS.get(kind, {}).items() if c not in df.columns}
    if missing:
        df = df.assign(**missing)
        df = df[[c for c in COLUMNS[kind] if c in df.columns] + [c for c in df.columns if c not in COLUMNS[kind]]]
    return SCHEMAS[kind].validate(df)
