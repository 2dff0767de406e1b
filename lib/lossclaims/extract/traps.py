from __future__ import annotations


from ..numbers import NumberSpan, find_numbers
from .cues import _LAUNCH
from .lexicon import CONTEXT, _I, _rx
from .tags import _Mention
from .text import Sentence


def _clause(norm: str, sent: Sentence, n: NumberSpan) -> str:
    """The clause around a number: from the last clause break before it to the next after it."""
    s = norm[max(sent.start, n.start - CONTEXT):n.start]
    e = norm[n.end:min(sent.end, n.end + CONTEXT)]
    cut_s = max(s.rfind(";"), s.rfind(", while"), s.rfind(", but"), s.rfind(", and "), s.rfind(". "))
    m = _rx(r";|, while|, but|, and |, which|, with ").search(e)
    return s[cut_s + 1 if cut_s >= 0 else 0:] + norm[n.start:n.end] + (e[:m.start()] if m else e)


def _other_war(stext: str, pos: int, parties: list[_Mention], wars: list[int]) -> bool:
    """Whether the nearest thing named before a figure is another war rather than this one's parties."""
    before_wars = [w for w in wars if w < pos]
    if not before_wars:
        after_wars = [w for w in wars if w > pos and w - pos < 40]
        return bool(after_wars) and not _rx(r"\b(?:than|since)\b", _I).search(stext[pos:after_wars[0]])
    w = max(before_wars)
    between = stext[w:pos]
    if _rx(r"\b(?:russian|ukrainian|russia|ukraine|north\s+korean)\b", _I).search(between):
        return bool(_rx(r"\b(?:which|that|where|when|claimed|killed|cost|saw)\b", _I).search(between)) and not _rx(r"\b(?:russian|ukrainian|russia|ukraine)\b[^,]*$", _I).search(between)
    return True


def _launched(before: str, after: str) -> bool:
    """Drones or missiles launched (not lost): a launch verb governs the figure, no shoot-down does."""
    before = before[-60:]
    launch_b = list(_LAUNCH.finditer(before))
    shot_b = list(_rx(r"\b(?:shot\s+down|downed|destroyed|intercepted|neutrali[sz]ed|suppressed|jammed|"
                              r"brought\s+down|eliminated|hit|struck)\b", _I).finditer(before))
    if launch_b and (not shot_b or launch_b[-1].start() > shot_b[-1].start()):
        return True
    if shot_b:
        return False
    if _rx(r"^[\w\s-]{0,30}?\b(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:launched|fired|used)\b", _I).match(after):
        return True
    return False
