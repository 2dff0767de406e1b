from __future__ import annotations


from .lexicon import Lexicon, _I, _dyn, _lookup, _measure_spans, _rx
from .tags import Reading, _SentenceFacts


def _measure_for(r: Reading, lex: Lexicon, next_owned_before: bool) -> str:
    """The people measure that belongs to this number: the nearest specific word after it
    ('1,000 troops killed'), else the nearest before it; plain 'lost'/'casualties' mean casualties."""
    after = []
    for _, e, key in _measure_spans(r.after, lex):
        # A verb right before the next number belongs to that number ("... and injured 24,614").
        if (next_owned_before and _rx(r"[\s,]*(?:(?:at\s+least|about|around|some|another|a\s+further|nearly|"
                                                r"almost|over|more\s+than|up\s+to|an\s+estimated)\s+)?", _I).fullmatch(r.after[e:])
                or _rx(r"\s+(?:at|of|to|was|were|is|are|stood\s+at|reached|totall?ed|numbered)\s+(?:about\s+|around\s+|some\s+)?", _I).fullmatch(r.after[e:])):
            continue
        after.append(key)
    # The clause's own verb wins over a participle on the noun: "soldiers sent to fight ... had been killed".
    verb = _rx(rf"\b(?:(?:had|have|has)\s+(?:\w+\s+)?been|were|was)\s+(?:\w+\s+)?(?P<m>{lex.measure.pattern})", _I).search(r.after[:160])
    if verb and _lookup(lex.measure_key, verb.group("m")) in after:
        return _lookup(lex.measure_key, verb.group("m"))
    found = after or [k for _, _, k in reversed(_measure_spans(r.before, lex))]  # nearest first
    return found[0] if found else ""


def _owned_before(before: str, lex: Lexicon) -> bool:
    """Whether a measure verb sits right before a number ('killed 11,743', 'injuring at least 30')."""
    return bool(_dyn().measure_owned.search(before[-60:]))


def _measure_from_sentence(r: Reading, readings: list[Reading], facts: _SentenceFacts) -> str:
    """A people figure without its own measure word: the sentence's single kind of loss, if any."""
    keys = set(facts.measure_keys)
    if r.people_noun and not keys:
        return "casualties"
    specific = keys - {"casualties", "lost"}
    others = {x.measure for x in readings if x is not r and x.measure}
    if len(specific) == 1 and others <= specific:
        return specific.pop()
    if keys and not specific:
        return "casualties"
    if facts.loss_verb:
        return "casualties"
    return ""
