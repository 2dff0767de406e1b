"""Numbers that are not counts of anything lost, told by their form and the words right beside them:
years, days of a date, ages, durations, days of the war, unit and model numbers."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..numbers import NumberSpan
from .category import _category_after
from .cues import (_AGE, _AGE_BEFORE, _DATE_CONTEXT_AFTER, _DATE_CONTEXT_BEFORE, _DAY_BEFORE, _DURATION_AFTER,
                   _MODEL_BEFORE, _UNIT_BEFORE)
from .lexicon import _I, _rx

_LETTER = re.compile(r"[^\W\d_]")
from .text import Sentence

if TYPE_CHECKING:
    from .tags import Reading, Tags


def _is_day(norm: str, sent: Sentence, n: NumberSpan) -> bool:
    """Whether a number is the day of a date ("Feb. 24, 2022", "24th of February"): neither a claim nor
    the end of the words around its neighbours ("bringing the total since Feb. 24, 2022 to 723,400")."""
    return not n.words and n.value <= 31 and bool(
        _DATE_CONTEXT_BEFORE.search(norm[max(sent.start, n.start - 40):n.start])
        or _DATE_CONTEXT_AFTER.match(norm[n.end:min(sent.end, n.end + 60)]))


_EVEN_SPLIT_AFTER = re.compile(r"\s*[-\u2013]\s*(?P<n>\d+)(?!\d|[,.]\d)")
_EVEN_SPLIT_BEFORE = re.compile(r"(?<![\d,.])(?P<n>\d+)\s*[-\u2013]\s*$")
_COUNT_AFTER = _rx(r"\s+(?:in\s+total|in\s+all|so\s+far|to\s+date)\b", _I)


def form_reason(r: "Reading", t: "Tags") -> str:
    """Why a count is not a figure of losses, by the words right beside it ('' when it may be one).

    >>> from lossclaims.extract.engine import explain
    >>> [(m["text"], m["reason"]) for m in explain("Three Russian soldiers aged 54 were killed in 2023.")["mentions"]]
    [('54', 'age'), ('2023', 'year')]
    """
    n, norm, sent = r.num, t.norm, t.sent
    before = norm[max(sent.start, n.start - 40):n.start]
    after = norm[n.end:min(sent.end, n.end + 60)]
    if not n.words and 1800 <= n.value <= 2100 and _rx(r"\d{4}").fullmatch(n.text):
        # (a year with a noun of its own is a count after all: "2022 tanks")
        if (not _category_after(r.after, t.lex)[0] or _DATE_CONTEXT_BEFORE.search(before)) and not _COUNT_AFTER.match(after):
            return "year"  # "in 2023", "since 2014" (but "has lost 2033 in total" is a count)
    split = _EVEN_SPLIT_AFTER.match(after) or _EVEN_SPLIT_BEFORE.search(before)
    if split and split.group("n") == n.text:
        return "rate"  # "the ratio of wounded to dead was about 50-50": a split, not two figures
    if not (_LETTER.search(before) or _LETTER.search(after)):
        return ""  # every reason below reads a word beside the number
    if _is_day(norm, sent, n):
        return "date"
    if _AGE.match(after) or _AGE_BEFORE.search(before):
        return "age"  # "a 54-year-old", "aged 54", "the median age of the dead has risen to 36"
    if _DURATION_AFTER.match(after):
        return "duration"  # "three years", "two and a half days"
    if _DAY_BEFORE.search(before):
        return "day_of_war"  # "on day 750 of the full-scale war"
    if _UNIT_BEFORE.search(before):
        return "unit_number"  # "brigade 47", "No. 3"
    if _MODEL_BEFORE.search(before) or _rx(r"[A-Za-z]-?\d+/$").search(before):
        return "model_number"  # "Leopard 2 tanks", "Shahed-136/131"
    return ""
