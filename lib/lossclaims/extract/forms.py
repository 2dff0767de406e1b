from __future__ import annotations


from ..numbers import NumberSpan, find_numbers
from .cues import _DATE_CONTEXT_AFTER, _DATE_CONTEXT_BEFORE
from .text import Sentence


def _is_day(norm: str, sent: Sentence, n: NumberSpan) -> bool:
    """Whether a number is the day of a date ("Feb. 24, 2022", "24th of February"): neither a claim nor
    the end of the words around its neighbours ("bringing the total since Feb. 24, 2022 to 723,400")."""
    return not n.words and n.value <= 31 and bool(
        _DATE_CONTEXT_BEFORE.search(norm[max(sent.start, n.start - 40):n.start])
        or _DATE_CONTEXT_AFTER.match(norm[n.end:min(sent.end, n.end + 60)]))
