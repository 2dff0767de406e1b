from __future__ import annotations


from ..numbers import NumberSpan, find_numbers
from .lexicon import OPPOSITE, SPEAKER_PARTY, _rx
from .state import _ArticleState


def _source_for(n: NumberSpan, sources: list[tuple[int, int, str, bool]], sent_source: str | None, norm: str) -> str:
    attributed = [s for s in sources if s[3]]
    if not attributed:
        return sent_source or "unattributed"
    # The nearest attributed name not cut off by a clause break ("..., while US officials say"),
    # ties going to the one before the figure.
    def cut_off(src: tuple[int, int, str, bool]) -> bool:
        lo, hi = (src[1], n.start) if src[1] <= n.start else (n.end, src[0])
        return bool(_rx(r";|,\s*(?:while|whereas|but)\b").search(norm[lo:hi]))
    best = min(attributed, key=lambda s: (cut_off(s), min(abs(n.start - s[1]), abs(s[0] - n.end)), s[0] > n.start))
    return best[2]


def _voice(family: str, party: str, state: _ArticleState) -> str:
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
