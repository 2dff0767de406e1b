"""Placing claims in time: the day each figure describes, a window's first day, and where they came from.

A running total is only comparable with another of the same day, so every claim gets (spec, "Dates"):
`as_of` (ISO day or ""), `window_start` (for windows, when the text gives it) and `date_basis`:

    sentence   the claim's sentence or its paragraph names the day ("as of Jan. 15, 2026", "in May 2023")
    article    the article's publication date, or a day named relative to it ("on Monday", "over the past day")
    reference  the General Staff report whose figures the undated article's running totals equal
    none       nothing tells

The words before a date that say which day it is (anchors such as "as of", "since", "said") are the
`date` rows of the vocabulary table. This module also reads an article's own publication date from the
top of its text (a dateline, a "Published ..." line, a byline timestamp) for `lossclaims.reading`.

    rows = dating.date_claims(article, claims)    # claim tuples in, the same with the three columns added
"""
from __future__ import annotations

import re
import warnings
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from dateutil.parser import parserinfo
from dateutil.relativedelta import MO, relativedelta, weekday

from . import vocabulary as vocab

if TYPE_CHECKING:
    import pandas as pd

    from .reading import Article

_INFO = parserinfo()
#: Month and weekday names come from dateutil's own table; Title case and upper case are read.
_MONTH_NAMES = sorted({v for names in _INFO.MONTHS for n in names for v in (n, n.upper())}, key=len, reverse=True)
_WEEKDAY_NAMES = sorted({v for names in _INFO.WEEKDAYS for n in names for v in (n, n.upper())}, key=len, reverse=True)
_MON = "(?:" + "|".join(_MONTH_NAMES) + r")\b\.?"
_WD = "(?:" + "|".join(_WEEKDAY_NAMES) + r")\b\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"20(?:1[4-9]|[2-4]\d)"  # the war's years: "in 2000 strikes" is no date
# One pattern for every shape of date an article writes; each alternative names its own groups.
_DATE = re.compile(
    rf"(?<![\w.,/])(?<!\d-)(?:"
    rf"(?P<iy>{_YEAR})-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)"
    rf"|(?P<ay>{_YEAR})\.(?P<am>\d{{1,2}})\.(?P<ad>\d{{1,2}})(?![\d.]\d)"
    rf"|(?P<bd>\d{{1,2}})\.(?P<bm>\d{{1,2}})\.(?P<by>(?:20)?[0-4]\d)(?![\d]|\.\d)"
    rf"|(?P<cm>\d{{1,2}})/(?P<cd>\d{{1,2}})/(?P<cy>(?:20)?[0-4]\d)(?![\d/])"
    rf"|(?:{_WD},?\s+)?(?P<dm>{_MON})\s+(?P<dd>\d{{1,2}}){_ORD}(?![\d,]\d)(?:,?\s+(?P<dy>{_YEAR})(?!\d))?"
    rf"|(?:{_WD},?\s+)?(?P<ed>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<em>{_MON})(?:,?\s+(?P<ey>{_YEAR})(?!\d))?"
    rf"|(?P<fm>{_MON}),?\s+(?:of\s+)?(?P<fy>{_YEAR})(?!\d)"
    rf"|(?P<gm>{_MON})(?P<gprev>\s+(?:of\s+)?(?:last|the\s+previous|the\s+past)\s+year)?"
    rf"|(?P<hy>{_YEAR})(?!\d|,\d)"
    rf"|(?P<hw>{_WD})"
    rf")"
)
# Where a date can start: a digit, or the first letter of a month's or weekday's name (as `_DATE` writes them).
_DATE_START = re.compile(r"[\d%s]" % "".join(sorted({n[0] for n in _MONTH_NAMES + _WEEKDAY_NAMES})))


def _dates_in(text: str) -> Iterator[re.Match[str]]:
    """`_DATE.finditer(text)`, several times faster: `_DATE` begins with look-behinds, so re tries it at
    every character; here it is tried only where a date can start, left to right, after the last match.

    >>> [m.group() for m in _dates_in("On Monday, March 3, 2025 and 2024-01-09; in 2023")]
    ['Monday, March 3, 2025', '2024-01-09', '2023']
    """
    last = 0
    for c in _DATE_START.finditer(text):
        at = c.start()
        if at >= last and (m := _DATE.match(text, at)):
            last = m.end()
            yield m


_RELATIVE = re.compile(
    r"\b(?:(?P<yesterday>yesterday|the\s+previous\s+day|the\s+day\s+before)"
    r"|(?P<today>today|overnight|tonight|this\s+morning|last\s+night|during\s+the\s+night)"
    r"|(?P<pastday>(?:(?:over|in|during|for)\s+the\s+)?(?:past|last)\s+(?:day|24\s+hours))"
    r"|(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?P<n>[\w-]+)\s+(?P<units>days|weeks|months|years)"
    r"|(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?P<unit>week|month|year)"
    r"|this\s+(?P<this>week|month|year)"
    r"|(?:last|the\s+previous)\s+(?P<last>week|month|year))\b",
    re.I,
)
# "the invasion on Feb. 24, 2022", "since the war began in February 2022": when the war started, not a figure's day.
_WAR_START = re.compile(
    r"\b(?:invasion|war|operation|aggression|offensive)(?:\s+(?:began|started|was\s+launched|of\s+Ukraine))?"
    r"(?:\s+(?:on|in))?\s*,?\s*$",
    re.I,
)
_RANGE_JOIN = re.compile(r"\s*(?:to|and|until|till|through|[-–—])\s*", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:[ap]\.?m\.?))?(?!\d)|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)", re.I)
_ZONE = re.compile(r"\b(?:[A-Z]{1,4}T|UTC|GMT|Z|IST|MSK|KYIV|ET|PT|CT)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?(?![\w])")
_LABEL = re.compile(
    r"^\W*(?:(?P<pub>first\s+published|published|posted|date|dated|created)|(?P<upd>(?:last\s+)?updated|modified))"
    r"(?:\s+on)?\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?,\s+")
_DATELINE_END = re.compile(r"^\s*(?:\([^)]{1,30}\)\s*)?[—–-]")
#: How far into a text its publication date is looked for (lines, characters).
TOP_LINES = 15
TOP_CHARS = 3000
#: The most words a timestamp or byline line has besides its date, time and zone ("By Jane Doe").
BYLINE_WORDS = 4


@dataclass(frozen=True)
class Span:
    """The days a date phrase names, first to last (one day: first == last)."""

    first: date
    last: date


@dataclass(frozen=True)
class Base:
    """The day relative phrases count from ("on Monday", "over the past day"), and where it came from."""

    day: date
    basis: str


@dataclass(frozen=True)
class Phrase:
    """A date phrase found in a text: its anchor `kind` (a `date` key of the vocabulary, `relative`
    for "over the past day" and the like, `bare` for none), the days named, where it stands, whether
    it only says when something was said, and the basis of its days (`sentence`, or the base's)."""

    kind: str
    span: Span | None
    start: int
    end: int
    speech: bool = False
    basis: str = "sentence"
    unit: str = "day"


# --------------------------------------------------------------------------- the anchor words


@lru_cache(maxsize=1)
def _anchors() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The anchor pattern (matched at the end of the text before a date), the speech pattern, phrase -> key."""
    keys: dict[str, str] = {}
    for e in vocab.entries():
        if e.kind == "date":
            keys.setdefault(e.phrase.lower(), e.key)
    anchors = sorted((p for p, k in keys.items() if k != "speech"), key=len, reverse=True)
    speech = sorted((p for p, k in keys.items() if k == "speech"), key=len, reverse=True)
    alt = "|".join(re.escape(p) + ("" if p.endswith("-") else r"\s+") for p in anchors)
    anchor = re.compile(rf"(?:^|(?<=[^\w-]))(?P<a>{alt})(?:the\s+)?$", re.I)
    words = "|".join(re.escape(p) for p in speech)
    speech_re = re.compile(
        rf"\b(?:{words}|(?:in|during)\s+(?:a|an|his|her|its|their)\s+(?:\w+\s+)?(?:statement|briefing|interview|"
        rf"address|post|video))\b(?:[\s,]+[\w'’-]+){{0,2}}?[\s,]*$",
        re.I,
    )
    return anchor, speech_re, keys


# --------------------------------------------------------------------------- reading one date


def _month(name: str) -> int:
    return int(_INFO.month(name.rstrip(".")))


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_span(y: int, m: int) -> Span | None:
    if not 1 <= m <= 12:
        return None
    return Span(date(y, m, 1), date(y, m, monthrange(y, m)[1]))


def _year_before(base: date | None, month: int, day: int = 1) -> int | None:
    """The year of the latest month (and day) on or before `base`: 'Jan. 15' in an article of March is this year's."""
    if base is None:
        return None
    return base.year if (month, day) <= (base.month, base.day) else base.year - 1


def read_date(m: re.Match[str], base: Base | None, year_hint: int | None = None) -> tuple[Span | None, str, bool]:
    """The days one match of the date pattern names, its unit (day, month, year) and whether they are
    counted from `base` ("on Monday", "August of the previous year"; a year inferred for "Jan. 15" is not).

    >>> read_date(_DATE.search("as of Jan. 15, 2026"), None)
    (Span(first=datetime.date(2026, 1, 15), last=datetime.date(2026, 1, 15)), 'day', False)
    >>> read_date(_DATE.search("in May"), Base(date(2025, 7, 2), "article"))[0].last
    datetime.date(2025, 5, 31)
    """
    g = m.groupdict()
    day0 = base.day if base else None
    if g["iy"] or g["ay"] or g["bd"] or g["cm"]:
        if g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        elif g["ay"]:
            y, mo, d = int(g["ay"]), int(g["am"]), int(g["ad"])
        elif g["bd"]:
            y, mo, d = int(g["by"]), int(g["bm"]), int(g["bd"])
        else:
            y, mo, d = int(g["cy"]), int(g["cm"]), int(g["cd"])
        y = y + 2000 if y < 100 else y
        day = _day(y, mo, d)
        return (Span(day, day) if day else None), "day", False
    if g["dm"] or g["em"]:
        mo = _month(g["dm"] or g["em"])
        d = int(g["dd"] or g["ed"])
        written = g["dy"] or g["ey"]
        y = int(written) if written else (year_hint if year_hint else _year_before(day0, mo, d))
        day = _day(y, mo, d) if y else None
        return (Span(day, day) if day else None), "day", False  # the text names the day; its year is inferred
    if g["fm"]:
        return _month_span(int(g["fy"]), _month(g["fm"])), "month", False
    if g["gm"]:
        mo = _month(g["gm"])
        if g["gprev"]:
            y = day0.year - 1 if day0 else None
        else:
            y = year_hint if year_hint else _year_before(day0, mo)
        return (_month_span(y, mo) if y else None), "month", bool(g["gprev"])
    if g["hy"]:
        y = int(g["hy"])
        return Span(date(y, 1, 1), date(y, 12, 31)), "year", False
    if day0 is None:
        return None, "day", True
    wd = weekday(_INFO.weekday(g["hw"].rstrip(".")))
    day = day0 + relativedelta(weekday=wd(-1))
    return Span(day, day), "day", True


def relative_span(m: re.Match[str], base: date) -> tuple[Span, str]:
    """The days a relative phrase names counted from `base` (the article's or the statement's day).

    >>> relative_span(_RELATIVE.search("over the past nine months"), date(2025, 7, 2))
    (Span(first=datetime.date(2024, 10, 2), last=datetime.date(2025, 7, 2)), 'window')
    >>> relative_span(_RELATIVE.search("last month"), date(2025, 7, 2))[0]
    Span(first=datetime.date(2025, 6, 1), last=datetime.date(2025, 6, 30))
    """
    g = m.groupdict()
    if g["yesterday"]:
        day = base - timedelta(days=1)
        return Span(day, day), "day"
    if g["today"] or g["pastday"]:
        return Span(base, base), "day"
    if g["n"] or g["unit"]:
        n = _count(g["n"]) if g["n"] else 1
        if n is None:  # "over the past few days": a window to the base whose start is not told
            return Span(base, base), "open"
        unit = (g["units"] or g["unit"]).lower().rstrip("s") + "s"
        return Span(base - relativedelta(**{unit: n}), base), "window"
    this = (g["this"] or "").lower()
    if this:
        first = {"week": base + relativedelta(weekday=MO(-1)), "month": base.replace(day=1),
                 "year": base.replace(month=1, day=1)}[this]
        return Span(first, base), "window"
    last = g["last"].lower()
    if last == "week":
        first = base + relativedelta(weeks=-1, weekday=MO(-1))
        return Span(first, first + timedelta(days=6)), "window"
    if last == "month":
        first = (base.replace(day=1) - timedelta(days=1)).replace(day=1)
        return Span(first, base.replace(day=1) - timedelta(days=1)), "window"
    return Span(date(base.year - 1, 1, 1), date(base.year - 1, 12, 31)), "window"


def _count(word: str) -> int | None:
    """'9' or 'nine' as a number; None for 'few', 'several'."""
    if word.isdigit():
        return int(word)
    from text_to_num import text2num

    try:
        return int(text2num(word.lower().replace("-", " "), "en"))
    except ValueError:
        return None


# --------------------------------------------------------------------------- the phrases of a text


@lru_cache(maxsize=512)  # the claims of one sentence share its phrases
def find_phrases(text: str, base: Base | None) -> tuple[Phrase, ...]:
    """Every date phrase of `text` with its anchor, days and basis (days relative to `base` take its basis).

    >>> [(p.kind, str(p.span.last)) for p in find_phrases("Russia had lost 500 tanks as of Jan. 15, 2026.", None)]
    [('as_of', '2026-01-15')]
    >>> find_phrases("The ministry said on Monday that 20 tanks were lost.", Base(date(2025, 7, 2), "article"))[0].speech
    True
    """
    anchor_re, speech_re, keys = _anchors()
    found: list[Phrase] = []
    matches = [m for m in _dates_in(text) if m.group(0).strip()]
    skip: set[int] = set()
    for i, m in enumerate(matches):
        offset = max(0, m.start() - 40)
        before = text[offset:m.start()]
        if i in skip or _WAR_START.search(before):
            continue
        a = anchor_re.search(before)
        kind = keys.get(re.sub(r"\s+", " ", a.group("a").strip().lower()), "bare") if a else "bare"
        start = offset + a.start() if a else m.start()
        speech = bool(speech_re.search(before[:a.start()] if a else before))
        if kind == "from":
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            span = _range(text, m, nxt, base)
            if span is not None:  # "from 24.02.2022 to 15.01.2026", "between May and July 2023"
                last, unit, rel = read_date(nxt, base)
                found.append(Phrase("from", span, start, nxt.end(), speech, _basis(rel, base), unit))
                skip.add(i + 1)
                continue
            kind = "since"  # "from March" with no second date: a window from it
        span, unit, rel = read_date(m, base)
        found.append(Phrase(kind, span, start, m.end(), speech, _basis(rel, base), unit))
    if base is not None:
        for m in _RELATIVE.finditer(text):
            span, unit = relative_span(m, base.day)
            speech = bool(speech_re.search(text[max(0, m.start() - 40):m.start()]))
            found.append(Phrase("relative", span, m.start(), m.end(), speech, base.basis, unit))
    return tuple(sorted(found, key=lambda p: p.start))


def _range(text: str, m: re.Match[str], nxt: re.Match[str] | None, base: Base | None) -> Span | None:
    """The days from date `m` to date `nxt` when only 'to', 'and', 'until' or a dash stand between them."""
    if nxt is None or not _RANGE_JOIN.fullmatch(text[m.end():nxt.start()]):
        return None
    first, _, _ = read_date(m, base, _year_of(nxt))
    last, _, _ = read_date(nxt, base)
    return Span(first.first, last.last) if first and last and first.first <= last.last else None


def _year_of(m: re.Match[str]) -> int | None:
    y = next((m.group(k) for k in ("iy", "ay", "by", "cy", "dy", "ey", "fy", "hy") if m.group(k)), None)
    if y is None:
        return None
    return int(y) + 2000 if int(y) < 100 else int(y)


def _basis(relative: bool, base: Base | None) -> str:
    return (base.basis if base else "none") if relative else "sentence"


# --------------------------------------------------------------------------- one claim


#: The anchors that may date a figure of each period (the spec's `period`).
APPLIES = {
    "cumulative": ("as_of", "end_of", "mid", "start_of", "from"),
    "daily": ("as_of", "on", "bare", "relative", "in", "from"),
    "window": ("as_of", "end_of", "mid", "start_of", "from", "since", "in", "on", "bare", "relative"),
}
#: Anchors that date a figure from elsewhere in its paragraph: a named day ("As of Jan. 15, losses were:"),
#: not a passing window of another sentence.
PARAGRAPH_KINDS = ("as_of", "end_of", "mid", "start_of", "from")


def as_of_of(phrase: Phrase, period: str, base: Base | None) -> tuple[str, str, str] | None:
    """(as_of, window_start, date_basis) a phrase gives a figure of `period`, or None if it gives none.

    >>> p = find_phrases("Russia lost 1,200 tanks in May 2023.", None)[0]
    >>> as_of_of(p, "window", None)
    ('2023-05-31', '2023-05-01', 'sentence')
    >>> as_of_of(find_phrases("Russia lost 300 tanks since Aug. 6.", None)[0], "window", None) is None
    True
    """
    if phrase.speech or phrase.span is None or phrase.kind not in APPLIES.get(period, ()):
        return None
    span, kind = phrase.span, phrase.kind
    if kind in ("bare", "on", "in") and period == "daily" and span.first != span.last:
        return None
    if kind == "bare" and (phrase.unit != "day" or span.first != span.last):
        return None
    start = span.first.isoformat() if period == "window" else ""
    if kind == "relative" and phrase.unit in ("day", "open") and period == "window":
        start = span.first.isoformat() if span.first != (base.day if base else None) else ""
    if kind == "mid":
        day = date(span.first.year, 6, 30) if phrase.unit == "year" else span.first.replace(day=15)
        return day.isoformat(), "", phrase.basis
    if kind == "start_of":
        return span.first.isoformat(), "", phrase.basis
    if kind == "since":
        if base is None:
            return "", start, "none"
        return base.day.isoformat(), ("" if start > base.day.isoformat() else start), base.basis
    last, basis = span.last, phrase.basis
    if kind in ("as_of", "in") and base is not None and span.first <= base.day < last:
        last, basis = base.day, base.basis  # "in 2025" in an article of July 2025 runs to its day
    return last.isoformat(), start, basis


def _nearest(phrases: Sequence[Phrase], at: int) -> list[Phrase]:
    """Phrases by distance from the figure at offset `at`: the one before it first on a tie."""
    return sorted(phrases, key=lambda p: (min(abs(p.start - at), abs(p.end - at)), p.start > at))


def place(period: str, sentence: str, at: int, context: str, base: Base | None,
          context_at: int = 0) -> tuple[str, str, str]:
    """(as_of, window_start, date_basis) of one figure of `period` at offset `at` of `sentence`.

    `context` is the rest of its paragraph (the line, and the line that leads into a list), where the
    sentence stood at `context_at` (the nearest day named before it wins); `base` the article's day.
    A day said in the sentence ("said on Monday") is the base of its relative phrases ("over the
    past day") but never the figure's day.

    >>> place("cumulative", "By the end of 2024, Russia had lost 9,500 tanks.", 30, "", None)
    ('2024-12-31', '', 'sentence')
    >>> place("daily", "Russia lost 1,200 troops over the past day.", 12, "", Base(date(2025, 7, 2), "article"))
    ('2025-07-02', '', 'article')
    """
    phrases = find_phrases(sentence, base)
    said = [p for p in phrases if p.speech and p.span and p.unit == "day" and p.span.first == p.span.last]
    local = base
    if said:
        p = _nearest(said, at)[0]
        local = Base(p.span.last, p.basis)
        phrases = find_phrases(sentence, local)
    for p in _nearest(phrases, at):
        got = as_of_of(p, period, local)
        if got is not None:
            return got
    if any(p.span is None and not p.speech and p.kind in APPLIES.get(period, ()) and p.kind != "bare"
           for p in phrases):
        return "", "", "none"  # the sentence names a time ("in August of the previous year") nothing resolves
    if context:
        kinds = [p for p in find_phrases(context, base) if p.kind in PARAGRAPH_KINDS]
        for p in sorted(kinds, key=lambda p: (p.start > context_at, abs(p.start - context_at))):
            got = as_of_of(p, period, base)
            if got is not None:
                return got
    if base is None:
        return "", "", "none"
    return base.day.isoformat(), "", base.basis


# --------------------------------------------------------------------------- one article


def _sentence_start(text: str, quote: str, start: int, end: int) -> int:
    """Where the claim's sentence starts in the text (-1 when the quote is not found around the figure)."""
    lo = max(0, end - len(quote))
    i = text.find(quote, lo, start + len(quote) + 1) if quote else -1
    return i if 0 <= i <= start else -1


def paragraph_context(text: str, start: int, end: int) -> str:
    """The claim's paragraph (its line), after the line that leads into a list when it is a list item.

    A list item ("tanks – 10,980 (+4)") is dated by the line ending in ':' above it.

    >>> paragraph_context("As of Jan. 15, 2026, losses were:\\ntanks - 10,980\\nAPCs - 22,922", 40, 46)
    'As of Jan. 15, 2026, losses were:\\ntanks - 10,980'
    """
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    lead = ""
    pos, steps = ls - 1, 0
    while pos > 0 and steps < 40 and not line.rstrip().endswith(":"):
        ps = text.rfind("\n", 0, pos) + 1
        prev = text[ps:pos].strip()
        if prev.endswith(":"):
            lead = text[ps:pos] + "\n"
            break
        if not prev or prev.endswith((".", "!", "?", "”", '"')) or len(prev) > 160:
            break
        pos, steps = ps - 1, steps + 1
    return lead + line


def date_claims(article: Article, claims: Iterable[tuple], series: pd.DataFrame | None = None) -> list[tuple]:
    """The claim rows of one article with `as_of`, `window_start` and `date_basis` added (spec, "Dates").

    `series` is the General Staff series that dates an undated article (None: `reference.load_series()`,
    the packaged snapshot or a newer cache; no reference dating if there is neither).

    >>> from lossclaims.reading import Article
    >>> a = Article(id="a", text="Russia has lost 10,980 tanks as of June 30, 2025.")
    >>> [c[12:] for c in date_claims(a, [("a", "russia", "tanks", "lost", 10980.0, "exact", "cumulative",
    ...     "unattributed", a.text, 16, 22, "")])]
    [('2025-06-30', '', 'sentence')]
    """
    rows = [tuple(c[:12]) for c in claims]
    if not rows:
        return []
    day = parse_day(article.published)
    base = Base(day, "article") if day else None
    if base is None:
        ref = reference_day(rows, series)
        base = Base(ref, "reference") if ref else None
    text = article.text
    out = []
    for row in rows:
        quote, start, end, period = row[8], int(row[9]), int(row[10]), row[6]
        s0 = _sentence_start(text, quote, start, end)
        at = start - s0 if s0 >= 0 else max(0, len(quote) // 2)
        context, context_at = "", 0
        if s0 >= 0:  # the paragraph around the sentence, the sentence blanked out
            context = paragraph_context(text, start, end)
            context_at = max(0, context.find(quote))
            context = context.replace(quote, " " * len(quote), 1)
        out.append((*row, *place(period, quote, at, context, base, context_at)))
    return out


# --------------------------------------------------------------------------- reference dating


def _default_columns() -> Any:
    """The series `reference.load_series()` would read now (snapshot or newer cache) as
    `reference.SeriesColumns`, or None without any copy (then a warning says so)."""
    from . import reference

    try:
        return reference.series_columns()
    except reference.SeriesNotFound as exc:  # no snapshot and no cache: no reference dating
        warnings.warn(f"claims are not dated by the General Staff series: {exc}", stacklevel=2)
        return None


def preload_series() -> None:
    """Load the series reference dating reads, once in this process, so that worker processes forked
    after it share it instead of each loading it. Nothing without a series.

    >>> preload_series()
    """
    from . import reference

    try:
        reference.series_columns()
    except reference.SeriesNotFound:
        pass


def _values_by_category(series: pd.DataFrame) -> dict[str, frozenset[float]]:
    return {c: frozenset(g.astype(float)) for c, g in series.groupby("category")["value"]}


def reference_day(rows: Sequence[tuple], series: pd.DataFrame | None = None) -> date | None:
    """The one General Staff report day whose figures the article's Russian running totals equal, or None.

    Uses `reconcile.date_articles`; a day counts only when it is the single best report and the
    article has a precise figure (not a round one) among its running totals.

    >>> from lossclaims.reconcile import example_series
    >>> reference_day([("a", "russia", "tanks", "lost", 10980.0, "exact", "cumulative", "unattributed",
    ...                 "q", 0, 6, "")], example_series())
    datetime.date(2025, 6, 30)
    """
    from . import reconcile

    candidates = [r for r in rows if r[1] == "russia" and r[6] == "cumulative" and r[7] in reconcile.SERIES_SOURCES]
    if not any(reconcile.is_precise(float(r[4]), r[5]) for r in candidates):  # cheap: most articles stop here
        return None
    light = None
    if series is None:
        light = _default_columns()
        if light is None or len(light.dates) == 0:
            return None
        values = light.values
    else:
        if len(series) == 0:
            return None
        values = _values_by_category(series)
    # only an article with a precise figure some report printed can equal a report (cheap, before pandas)
    keys = ("party", "category", "measure")
    if not any(reconcile.is_precise(float(r[4]), r[5])
               and float(r[4]) in values.get(reconcile._official_category(dict(zip(keys, r[1:4]))) or "", ())
               for r in candidates):
        return None
    figures = tuple(sorted((r[1], r[2], r[3], float(r[4]), r[5], r[7]) for r in candidates))
    if light is None:
        return _best_report(figures, series, None)
    return _best_report_cached(figures, light)


@lru_cache(maxsize=1024)  # articles that copy the same report are dated once
def _best_report_cached(figures: tuple, light: Any) -> date | None:
    return _best_report(figures, None, (light.columns, light.dates))


def _best_report(figures: tuple, series: pd.DataFrame | None,
                 columns: tuple[dict[str, Any], Any] | None = None) -> date | None:
    """The single best report date of `reconcile.date_articles` for these (party, category, measure,
    value, qualifier, source) running totals, or None; numpy over the series' columns, no frames."""
    from . import reconcile, reference

    if columns is None:
        wide = reference.wide(series)
        columns = {c: wide[c].to_numpy(dtype=float) for c in wide.columns}, wide.index
    dating = reconcile.dating_figures((c, m, v, q) for _, c, m, v, q, _ in figures)
    day = reconcile.single_report(dating, *columns)
    return day if day is None or type(day) is date else day.date()  # a `date` from `SeriesColumns`


# --------------------------------------------------------------------------- publication dates


def parse_day(value: object) -> date | None:
    """The day a metadata value names ('2024-03-05T10:00:00Z', 'March 5, 2024', '05.03.2024'), or None.

    The day is the one written, never moved across a time zone.

    >>> parse_day("2024-03-05T23:30:00-05:00"), parse_day("5 March 2024"), parse_day("soon")
    (datetime.date(2024, 3, 5), datetime.date(2024, 3, 5), None)
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    for m in _dates_in(text):
        span, unit, relative = read_date(m, None)
        if span is not None and unit == "day" and not relative:
            return span.first
    try:
        from dateutil.parser import isoparse

        return isoparse(text).date()
    except (ValueError, OverflowError):
        return None


def normalise_date(value: object) -> str:
    """A metadata date as ISO YYYY-MM-DD, or '' when it names no day.

    >>> normalise_date("Tue, 14 Jan 2025 05:12:00 GMT"), normalise_date("")
    ('2025-01-14', '')
    """
    day = parse_day(value)
    return day.isoformat() if day else ""


def _full_day(text: str) -> tuple[date, re.Match[str]] | None:
    for m in _dates_in(text):
        span, unit, relative = read_date(m, None)
        if span is not None and unit == "day" and not relative:
            return span.first, m
    return None


def _labelled(line: str) -> tuple[int, date] | None:
    """'Published: Feb. 13, 2025', 'Posted on ...', 'Last updated on: ...': (0 published, 1 updated; day)."""
    m = _LABEL.match(line)
    if not m:
        return None
    found = _full_day(m.group("rest"))
    return (0 if m.group("pub") else 1, found[0]) if found else None


def _dateline(line: str) -> date | None:
    """'KYIV, Feb. 24, 2023 —' or 'LONDON, March 3, 2024 (Reuters) -': the day after the place."""
    m = _DATELINE.match(line)
    if not m:
        return None
    found = _full_day(line[m.end():m.end() + 40])
    if not found or found[1].start() != 0:
        return None
    return found[0] if _DATELINE_END.match(line[m.end() + found[1].end():]) else None


def _timestamp(line: str) -> date | None:
    """A line that is a date with little else: '14 March, 2024 08:07', '19.05.2022 | 09:14', a byline."""
    if len(line) > 100 or line.rstrip().endswith((".", "?", "!")):
        return None
    found = _full_day(line)
    if not found:
        return None
    rest = line[:found[1].start()] + " " + line[found[1].end():]
    rest = _ZONE.sub(" ", _TIME.sub(" ", rest))
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", rest) if w.lower() not in ("at", "on", "by", "am", "pm")]
    return found[0] if len(words) <= BYLINE_WORDS else None


def published_in_text(text: str) -> str:
    """The publication day an article shows near its top, ISO, or '' (spec: a dateline or a 'published' line).

    Read: 'Published ...' / 'Posted ...' lines (before 'Updated ...' ones), datelines, and lines that
    are a date with a time, a zone or a byline. A date inside a sentence (a headline's) is not one.

    >>> published_in_text("Russia's losses mount\\nBy Ann Lee | 14 March, 2024 08:07\\nRussia lost 20 tanks.")
    '2024-03-14'
    >>> published_in_text("KYIV, Feb. 24, 2023 (AP) — Russia lost 20 tanks, the ministry said.")
    '2023-02-24'
    >>> published_in_text("Russia lost 20 tanks between Feb. 24, 2022 and today")
    ''
    """
    best: tuple[int, int, date] | None = None
    lines = [ln.strip() for ln in text[:TOP_CHARS].split("\n")]
    for i, line in enumerate([ln for ln in lines if ln][:TOP_LINES]):
        labelled = _labelled(line)
        if labelled:
            got = (labelled[0], i, labelled[1])
        else:
            day = _dateline(line) or _timestamp(line)
            got = (0, i, day) if day else None
        if got and (best is None or got[:2] < best[:2]):
            best = got
    return best[2].isoformat() if best else ""


def publication(candidates: Iterable[tuple[str, str]], text: str) -> tuple[str, str, list[str]]:
    """(published ISO, where it came from, warnings): the first metadata candidate (source, value) that
    names a day, else the text's own date line (`text`), else ('', '').

    >>> publication([("articles.csv", ""), ("html", "2024-03-05T10:00:00Z")], "Body")
    ('2024-03-05', 'html', [])
    >>> publication([("articles.csv", "last spring")], "Published: March 3, 2024\\nBody")
    ('2024-03-03', 'text', ["articles.csv published 'last spring' is not a date"])
    """
    problems = []
    for source, value in candidates:
        if not value or not str(value).strip():
            continue
        iso = normalise_date(value)
        if iso:
            return iso, source, problems
        problems.append(f"{source} published {value!r} is not a date")
    iso = published_in_text(text)
    return (iso, "text" if iso else "", problems)

