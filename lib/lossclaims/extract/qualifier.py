"""Qualifier: exact, approx, at_least or at_most, from the words before a figure ('nearly',
'more than', 'an estimated') or after it ('or more', '+'); a list shares one qualifier, and a
list header's ('approximately:') goes to every item."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Lexicon, _I, _lookup, _rx
from .lists import _share_list_qualifier

if TYPE_CHECKING:
    from .tags import Tags


def _qualifier(before: str, after: str, lex: Lexicon) -> str:
    """The qualifier the words beside a figure give, or ''.

    >>> from lossclaims.extract.lexicon import lexicon
    >>> _qualifier("Russia has lost more than ", " troops", lexicon()), _qualifier("", " or so", lexicon())
    ('at_least', 'approx')
    """
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


def resolve_qualifiers(t: "Tags") -> None:
    """Each figure's own qualifier, then the list's shared one, then its header's."""
    for r in t.readings:
        if r.reason or not r.category or r.qualifier != "exact":
            continue  # (a range's ends are at_least / at_most already)
        q = _qualifier(r.before, r.after, t.lex)
        if q:
            r.qualifier = q
    _share_list_qualifier(t.readings, t.lex)
    if t.colon and t.colon[2]:
        for r in t.readings:
            if not r.reason and r.category and r.qualifier == "exact" and not r.inherited:
                r.qualifier = t.colon[2]
