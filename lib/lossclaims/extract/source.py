"""Source: who the article says made the claim, as a family. The nearest attributed voice of the
figure's sentence; else one carried from an earlier sentence ('the ministry also said', the same
paragraph, a voice that introduced a list); voices that depend on whom they speak for ('the
Defence Ministry', a governor) resolved by the figure's side."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..numbers import NumberSpan
from .cues import _BACK_REFERENCE
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
    return _voice(source, r.party, state)


def _source_for(n: NumberSpan, sources: list[tuple[int, int, str, bool]], sent_source: str | None, norm: str) -> str:
    attributed = [s for s in sources if s[3]]
    if not attributed:
        return sent_source or "unattributed"
    # The innermost voice ("the New York Times writes, citing data from European officials": the
    # officials), then the nearest attributed name not cut off by a clause break ("..., while US
    # officials say"), ties going to the one before the figure.
    def cut_off(src: tuple[int, int, str, bool]) -> bool:
        lo, hi = (src[1], n.start) if src[1] <= n.start else (n.end, src[0])
        return bool(_rx(r";|,\s*(?:while|whereas|but)\b").search(norm[lo:hi]))

    def relayed(src: tuple[int, int, str, bool]) -> bool:
        return not _CITED.search(norm, max(0, src[0] - 45), src[0])
    best = min(attributed, key=lambda s: (cut_off(s), relayed(s), min(abs(n.start - s[1]), abs(s[0] - n.end)), s[0] > n.start))
    return best[2]


_CITED = _rx(r"\b(?:citing|quoting|cited|quoted)\s+(?:(?:data|figures|estimates|information|sources)\s+(?:from|of|by)\s+)?"
             r"(?:the\s+|unnamed\s+|several\s+|two\s+|three\s+)?(?:[\w-]+\s+(?:and|or)\s+)?$", _I)


def _voice(family: str, party: str, state: "_ArticleState") -> str:
    """A source family, with the voices that depend on whom they speak for resolved."""
    own = f"{party}_official" if party in SPEAKER_PARTY.values() else ""
    if family == "national_official":
        # "the Defence Ministry" with no country: the official voice already named, else the
        # enemy's ministry (defence ministries count the other side's losses)
        enemy = f"{OPPOSITE[party]}_official" if party in OPPOSITE else ""
        return state.last_official or enemy or "unattributed"
    if family == "local_official":
        return own or "other_official"  # a governor, mayor or regional authority speaks for its own side
    if family == "own_official":
        return own or "unattributed"
    return family
