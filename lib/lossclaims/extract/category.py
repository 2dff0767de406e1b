from __future__ import annotations


from .lexicon import Lexicon, _dyn, _lookup


def _category_after(after: str, lex: Lexicon) -> tuple[str, int, bool]:
    """Category key of the noun right after a number (allowing a few modifiers), its end, people-measure noun."""
    d = _dyn()
    after = after[:160]  # a noun phrase is short
    m = d.cat_after.match(after)
    if m and not d.not_head.match(after, m.end()):
        return _lookup(lex.category_key, m.group("cat")), m.end(), False
    m = d.people_after.match(after)
    if m:
        return "personnel", m.end(), True
    return "", -1, False


def _category_before(before: str, lex: Lexicon) -> str:
    """Category of a label just before a number: 'tanks - 10,980', 'personnel: about 1,020,010'."""
    m = _dyn().cat_label.search(before[-80:])
    return _lookup(lex.category_key, m.group("cat")) if m else ""
