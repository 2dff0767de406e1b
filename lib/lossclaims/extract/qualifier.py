from __future__ import annotations


from .lexicon import Lexicon, _I, _lookup, _rx


def _qualifier(before: str, after: str, lex: Lexicon) -> str:
    m = lex.qualifier_tail.search(before)
    if m:
        key = _lookup(lex.qualifier_key, m.group("q"))
        if key:
            return key
    if _rx(r"^\s*(?:or\s+more|plus|\+)(?![\w])", _I).match(after) or _rx(r"^\+").match(after):
        return "at_least"
    if _rx(r"^\s*or\s+so\b", _I).match(after):
        return "approx"
    return ""
