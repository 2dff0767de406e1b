from __future__ import annotations


from .cues import _DAILY, _TOTAL_BEFORE, _WINDOW
from .lexicon import _I, _rx
from .tags import Reading, _SentenceFacts
from .text import Sentence


def _fits_period(r: Reading, period: str) -> bool:
    """Whether a figure (and the list it heads or belongs to) is small enough to be one day's or
    one night's loss; a running total is not."""
    if period not in ("daily", "window"):
        return False
    scale = 1 if period == "daily" else 20  # a week or a battle can cost far more than a day
    for x in (r, r.list_head):
        if x is not None and x.num.value > scale * _ONE_DAY_CAP.get(x.category, 1000):
            return False
    return True


# More than these in one day is a running total, not a day's loss (aircraft, ships: dozens at most).
_ONE_DAY_CAP = {"personnel": 3000, "civilians": 3000, "aircraft": 30, "helicopters": 30, "ships": 10, "submarines": 3}


def _period_for(r: Reading | None, norm: str, sent: Sentence, facts: _SentenceFacts) -> str:
    """cumulative, daily or window: the figure's own markers first, then the sentence's ('' if none).

    With no figure (`r` None) it reads the sentence alone, e.g. a list header.
    """
    if r is None:
        if facts.since_war or _rx(r"\b(?:total|overall|cumulative|in\s+all)\b", _I).search(norm[sent.start:sent.end]):
            return "cumulative"
        return "daily" if facts.daily else ("window" if facts.window else "")
    total = _TOTAL_BEFORE.search(norm[max(sent.start, r.num.start - 45):r.num.start])
    if total and not _DAILY.search(norm[r.num.end:min(sent.end, r.num.end + 30)]) and not _WINDOW.search(total.group()):
        return "cumulative"
    ns, ne = r.num.start - sent.start, r.num.end - sent.start
    best: tuple[int, int, str] | None = None
    for ms, me, kind in facts.markers:
        # A date before a reporting verb that precedes the figure dates the statement:
        # "In February 2023, UK Defence Intelligence assessed that Russia had suffered ..."
        if (kind == "window" and me <= ns and any(me <= v < ns for v in facts.reporting)
                and _rx(r"(?:in|on)\b", _I).match(facts.text[ms:me]) and r.category != "civilians"):
            continue
        if kind == "window" and any(k == "daily" for _, _, k in facts.markers):
            continue  # "in Russian attacks ... over the past 24 hours": the day is the period
        if any(ps <= ms < pe and not ps <= ns < pe for ps, pe in facts.parens):
            continue  # "about 39 870 people (170 more over the past day)": the aside's period is its own
        dist = ms - ne if ms >= ne else (ns - me if me <= ns else 0)
        rank = (dist, {"daily": 0, "cumulative": 1, "window": 2}[kind])
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], kind)
    return best[2] if best else ""
