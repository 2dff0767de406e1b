"""Declared schemas of the frames the library returns, checked with pandera.

The claims columns and vocabulary are the contract of `docs/claims-spec.md`;
a wrong category or a negative value fails loudly here rather than in a chart.
pandas and pandera load on first use: `plain_rows` checks rows without them, for a
writer that needs no frame (parsing one file to CSV starts in a fraction of the time).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable

from . import vocabulary as vocab
from ._lazy import lazy_module

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa
else:
    pd = lazy_module("pandas")

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

#: Where an article's `published` came from (empty when nothing gave it).
PUBLISHED_SOURCES = ("articles.csv", "html", "front_matter", "text", "")
#: A party's shape (parties are open-ended: any lower-case country name) and a day's (ISO, or empty).
PARTY_PATTERN = r"^[a-z]+(?:_[a-z]+)*$"
DAY_PATTERN = r"^(?:\d{4}-\d{2}-\d{2})?$"
COLUMNS = {"claims": CLAIM_COLUMNS, "mentions": MENTION_COLUMNS, "articles": ARTICLE_COLUMNS, "problems": PROBLEM_COLUMNS}
_SCHEMA_NAMES = {"CLAIMS": "claims", "MENTIONS": "mentions", "ARTICLES": "articles", "PROBLEMS": "problems"}


@lru_cache(maxsize=1)
def schemas() -> dict[str, pa.DataFrameSchema]:
    """The pandera schema of each frame kind, built on first use (importing pandera takes a while)."""
    import pandera.pandas as pa

    # Parties are open-ended (any lower-case country name), so they are checked by shape.
    # A day is ISO YYYY-MM-DD, or empty where nothing tells.
    party, day = pa.Check.str_matches(PARTY_PATTERN), pa.Check.str_matches(DAY_PATTERN)
    return {"claims": _claims_schema(pa, party, day), **_other_schemas(pa, day)}


def _claims_schema(pa: Any, party: Any, day: Any) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "article": pa.Column(str),
            "party": pa.Column(str, party),
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
            "as_of": pa.Column(str, day),
            "window_start": pa.Column(str, day),
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


def _other_schemas(pa: Any, day: Any) -> dict[str, pa.DataFrameSchema]:
    mentions = {
        "article": pa.Column(str),
        "text": pa.Column(str),
        "value": pa.Column(float, nullable=True),
        "reason": pa.Column(str, pa.Check.isin(vocab.MENTION_REASONS)),
        "quote": pa.Column(str),
        "start": pa.Column(int, pa.Check.ge(0)),
        "end": pa.Column(int, pa.Check.ge(0)),
    }
    articles = {
        "id": pa.Column(str, unique=True),
        "path": pa.Column(str),
        "headline": pa.Column(str),
        "outlet": pa.Column(str),
        "published": pa.Column(str, day),
        "published_source": pa.Column(str, pa.Check.isin(PUBLISHED_SOURCES)),
        "url": pa.Column(str),
        "encoding": pa.Column(str),
        "characters": pa.Column(int, pa.Check.ge(0)),
        "words": pa.Column(int, pa.Check.ge(0)),
    }
    problems = {"path": pa.Column(str), "reason": pa.Column(str), "detail": pa.Column(str)}
    return {kind: pa.DataFrameSchema(columns, strict=True, ordered=True, coerce=True, name=kind)
            for kind, columns in (("mentions", mentions), ("articles", articles), ("problems", problems))}


def __getattr__(name: str) -> Any:
    """`SCHEMAS` and `CLAIMS`, `MENTIONS`, ... as before, built when first read (PEP 562)."""
    if name == "SCHEMAS":
        return schemas()
    if name in _SCHEMA_NAMES:
        return schemas()[_SCHEMA_NAMES[name]]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def frame(kind: str, rows: list[tuple] | None = None) -> pd.DataFrame:
    """Build and validate a frame of `kind` ('claims', 'mentions', 'articles', 'problems') from row tuples.

    A row may stop short of the columns of `DEFAULTS` (a claim before dating), which take their defaults.

    >>> frame("problems", [("a.txt", "empty", "")]).shape
    (1, 3)
    >>> frame("claims", [("a", "russia", "tanks", "lost", 10980, "exact", "cumulative",
    ...                   "unattributed", "q", 0, 6, "")])[["as_of", "date_basis"]].values.tolist()
    [['', 'none']]
    """
    df = pd.DataFrame.from_records(_padded(kind, rows or []), columns=COLUMNS[kind])
    return validate(kind, df)


def _padded(kind: str, rows: list[tuple]) -> list[tuple]:
    """`rows` with the columns of `DEFAULTS` they stop short of filled in."""
    defaults = DEFAULTS.get(kind, {})
    if not defaults or not rows:
        return rows
    full, tail = len(COLUMNS[kind]), tuple(defaults.values())
    return [r if len(r) == full else (*r, *tail[len(r) - full + len(tail):]) for r in rows]


def validate(kind: str, df: pd.DataFrame) -> pd.DataFrame:
    """Validate `df` against the declared schema of `kind`; raise `pandera.errors.SchemaError` if it breaks it.

    Columns of `DEFAULTS` that `df` lacks (a claims file written before dating) are added with their defaults.
    """
    missing = {c: v for c, v in DEFAULTS.get(kind, {}).items() if c not in df.columns}
    if missing:
        df = df.assign(**missing)
        df = df[[c for c in COLUMNS[kind] if c in df.columns] + [c for c in df.columns if c not in COLUMNS[kind]]]
    return schemas()[kind].validate(df)


# --------------------------------------------------------------------------- rows checked without pandas

_FLOAT_EXACT = 2**53  # a whole number below this is the same as a float


def _text(v: Any) -> bool:
    return type(v) is str


def _among(values: Iterable[str]) -> Callable[[Any], bool]:
    allowed = frozenset(values)
    return lambda v: type(v) is str and v in allowed


def _shaped(pattern: str) -> Callable[[Any], bool]:
    rx = re.compile(pattern, re.ASCII)  # `\\d` is 0-9 only, as in pandas' pyarrow strings
    return lambda v: type(v) is str and rx.fullmatch(v) is not None


def _count(v: Any) -> bool:
    return type(v) is int and 0 <= v < _FLOAT_EXACT


def _amount(v: Any) -> bool:
    return type(v) is float and 0 <= v < math.inf or type(v) is int and 0 <= v < _FLOAT_EXACT


def _optional_number(v: Any) -> bool:
    return (v is None or type(v) is float and not math.isinf(v)
            or type(v) is int and -_FLOAT_EXACT < v < _FLOAT_EXACT)


@lru_cache(maxsize=1)
def _plain_checks() -> dict[str, tuple[Callable[[Any], bool], ...]]:
    """Per frame kind, a test per column at least as strict as its schema's, for values that need no coercion."""
    day = _shaped(DAY_PATTERN)
    return {
        "claims": (_text, _shaped(PARTY_PATTERN), _among(vocab.categories()), _among(vocab.MEASURES), _amount,
                   _among(vocab.QUALIFIERS), _among(vocab.PERIODS), _among(vocab.SOURCES), _text, _count, _count,
                   _text, day, day, _among(vocab.DATE_BASES)),
        "mentions": (_text, _text, _optional_number, _among(vocab.MENTION_REASONS), _text, _count, _count),
        "articles": (_text, _text, _text, _text, day, _among(PUBLISHED_SOURCES), _text, _text, _count, _count),
        "problems": (_text, _text, _text),
    }


def _claim_fits(r: tuple) -> bool:
    """The claims schema's checks across columns (see `_claims_schema`)."""
    return (r[10] > r[9] and (r[12] == "") == (r[14] == "none")
            and (r[2] in vocab.PEOPLE_CATEGORIES) != (r[3] == "lost"))


def plain_rows(kind: str, rows: list[tuple]) -> list[tuple] | None:
    """`rows` as the validated frame holds them (defaults filled in, the float columns' numbers as floats and
    missing ones NaN) when each plainly passes the schema of `kind`, else None: then `frame` must judge them.

    "Plainly": text is `str`, numbers plain `int` or `float`, nothing to coerce, and every check of
    the schema holds (`tests/test_schema.py` holds the two to the same answers). This lets a writer
    format the rows itself without loading pandas and pandera.

    >>> plain_rows("claims", [("a", "russia", "tanks", "lost", 10980, "exact", "cumulative",
    ...                        "unattributed", "q", 0, 6, "")])
    [('a', 'russia', 'tanks', 'lost', 10980.0, 'exact', 'cumulative', 'unattributed', 'q', 0, 6, '', '', '', 'none')]
    >>> plain_rows("claims", [("a", "Russia", "tanks", "lost", 10980, "exact", "cumulative",
    ...                        "unattributed", "q", 0, 6, "")]) is None
    True
    """
    checks = _plain_checks()[kind]
    width = len(checks)
    rows = _padded(kind, rows)
    for r in rows:
        if len(r) != width or not all(check(v) for check, v in zip(checks, r)):
            return None
        if kind == "claims" and not _claim_fits(r):
            return None
    if kind == "articles" and len({r[0] for r in rows}) != len(rows):
        return None
    if kind in ("claims", "mentions"):  # `value`, the 5th and 3rd column, is a float column
        i = 4 if kind == "claims" else 2
        rows = [r if type(r[i]) is float else (*r[:i], math.nan if r[i] is None else float(r[i]), *r[i + 1:])
                for r in rows]
    return rows
