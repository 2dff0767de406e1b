"""Source: who the article says made the claim, as a family. The nearest attributed voice of the
figure's sentence; else one carried from an earlier sentence ('the ministry also said', the same
paragraph, a voice that introduced a list); voices that depend on whom they speak for ('the
Defence Ministry', a governor) resolved by the figure's side."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from .. import vocabulary as vocab
from ..numbers import NumberSpan
from .cues import _BACK_REFERENCE, _CLAUSE_BREAK
from .lexicon import OPPOSITE, SPEAKER_PARTY, _I, _rx

if TYPE_CHECKING:
    from .state import _ArticleState
    from .tags import Reading, Tags


def sentence_source(t: "Tags") -> str | None:
    """The voice of a sentence that names none (None when it names one): the voice referred back to
    ('the ministry also said'), else the paragraph's."""
    state = t.state
    if t.attributed:
        return None
    if _BACK_REFERENCE.search(t.stext) and state.last_named_source and not state.last_named_source == "unattributed":
        return state.last_named_source
    if state.last_source and state.last_source_para == t.sent.para:
        return state.last_source
    return "unattributed"


def carried_voice(r: "Reading", t: "Tags") -> str:
    """The figure's source after the article's carried voice and the side it speaks for."""
    state = t.state
    source = r.source
    if source == "unattributed" and state.carry and state.carry[1] in ("", r.party):
        source = state.carry[0]  # a voice named in an earlier paragraph about the same side
    if source == "local_official" and t.facts.russian_place:
        source = "russia_official"  # "drones shot down near Kursk, the governor says": a Russian region's governor
    return _voice(source, r.party, state, r.category)


class Voices:
    """The attributed voices of one sentence, indexed by position, for `source_for`.

    Which voice gave a figure: the innermost voice ("the New York Times writes, citing data from
    European officials": the officials), then the nearest attributed name not cut off by a clause
    break ("..., while US officials say"), ties going to the one before the figure. Clause breaks
    and cited voices are found once per sentence and the nearest voice by bisection, so a line of
    thousands of voices and figures is read in linear time.
    """

    def __init__(self, t: "Tags") -> None:
        self.voices = [s for s in t.sources if s[3]]  # sorted by start, not overlapping
        self.starts = [s[0] for s in self.voices]
        self.ends = [s[1] for s in self.voices]
        breaks = [(t.base + m.start(), t.base + m.end()) for m in _CLAUSE_BREAK.finditer(t.stext)] if self.voices else []
        self.break_starts = [b[0] for b in breaks]
        self.break_ends = [b[1] for b in breaks]
        self.cited = [i for i, s in enumerate(self.voices) if _CITED.search(t.norm[max(0, s[0] - 45):s[0]])]
        self.cited_starts = [self.starts[i] for i in self.cited]

    def source_for(self, n: NumberSpan, sent_source: str | None) -> str:
        """The family of the voice that gave the figure at `n` (the sentence's carried voice if none)."""
        if not self.voices:
            return sent_source or "unattributed"
        at = bisect_right(self.break_ends, n.start) - 1  # the last break before the figure
        left = self.break_starts[at] if at >= 0 else -1
        at = bisect_left(self.break_starts, n.end)  # the first break after it
        right = self.break_ends[at] if at < len(self.break_ends) else float("inf")
        lo, hi = bisect_right(self.ends, left), bisect_left(self.starts, right)  # the voices of its clause
        if lo >= hi:
            lo, hi = 0, len(self.voices)  # every voice is cut off: the nearest of them
        c_lo, c_hi = bisect_left(self.cited, lo), bisect_left(self.cited, hi)
        if c_lo < c_hi:  # a cited voice of the clause wins
            near = self._nearest(self.cited_starts, self.cited, c_lo, c_hi, n)
        else:
            near = self._nearest(self.starts, range(len(self.voices)), lo, hi, n)
        return self.voices[min(near, key=lambda i: self._distance(i, n))][2]

    def _nearest(self, starts: list[int], ids, lo: int, hi: int, n: NumberSpan) -> list[int]:
        """Of the voices ids[lo:hi] (their starts in `starts`), those that can be nearest the figure:
        the last before it, the first after it and any overlapping it."""
        at = bisect_left(starts, n.end, lo, hi)  # from here on they start after the figure ends
        first = at
        while first > lo and self.ends[ids[first - 1]] > n.start:
            first -= 1  # overlapping the figure
        return [ids[j] for j in range(max(first - 1, lo), min(at + 1, hi))]

    def _distance(self, i: int, n: NumberSpan) -> tuple[int, bool]:
        s = self.voices[i]
        return min(abs(n.start - s[1]), abs(s[0] - n.end)), s[0] > n.start


_CITED = _rx(r"\b(?:citing|quoting|cited|quoted)\s+(?:(?:data|figures|estimates|information|sources)\s+(?:from|of|by)\s+)?"
             r"(?:the\s+|unnamed\s+|several\s+|two\s+|three\s+)?(?:[\w-]+\s+(?:and|or)\s+)?$", _I)


def _voice(family: str, party: str, state: "_ArticleState", category: str = "") -> str:
    """A source family, with the voices that depend on whom they speak for resolved."""
    own = f"{party}_official" if party in SPEAKER_PARTY.values() else ""
    if family == "national_official":
        # "the Defence Ministry" with no country: the official voice already named, else the
        # enemy's ministry (defence ministries count the other side's losses)
        enemy = f"{OPPOSITE[party]}_official" if party in OPPOSITE else ""
        return state.last_official or enemy or "unattributed"
    if family == "local_official":
        if category and category not in vocab.PEOPLE_CATEGORIES and party in OPPOSITE:
            # "Ten Russian drones were intercepted above the capital", local officials said: the enemy's lost munitions
            return f"{OPPOSITE[party]}_official"
        return own or "other_official"  # a governor, mayor or regional authority speaks for its own side
    if family == "own_official":
        return own or "unattributed"
    return family
