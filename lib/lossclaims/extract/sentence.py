"""One sentence: its figures' readings run through the resolvers in order, then the article state
learns what carries to the next sentence."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..numbers import NumberSpan
from .category import bare_categories, noun_category
from .forms import form_reason
from .lexicon import Lexicon
from .lists import _pair_ranges
from .measure import MeasureScope, resolve_measure
from .party import resolve_party
from .period import resolve_period
from .qualifier import resolve_qualifiers
from .source import Voices, carried_voice, sentence_source
from .state import list_context, remember
from .tags import Reading, Tags, _party_mentions, readings_of
from .text import Sentence
from .traps import resolve_traps

if TYPE_CHECKING:
    from .state import _ArticleState


def _read_sentence(norm: str, sent: Sentence, snums: list[NumberSpan], lex: Lexicon,
                   state: "_ArticleState") -> list[Reading]:
    """Every number of a sentence read: a claim's attributes, or the reason it is not one."""
    t = Tags(norm, sent, readings_of(norm, sent, snums), lex, state)
    # Party words are read only where a figure or a list header needs them.
    if not (sent.colon or any(n.form == "count" for n in snums)):
        # No figure to read: keep the voices and list headers, file the numbers by their form.
        for r in t.readings:
            r.reason = r.num.form
        remember(t)
        return t.readings
    t.parties = _party_mentions(t.stext, t.base, lex)
    t.sent_source = sentence_source(t)
    list_context(t)
    categories(t)
    _pair_ranges(t.readings)
    bare_categories(t)
    _pair_ranges(t.readings)
    resolve_qualifiers(t)
    resolve_traps(t)
    attributes(t)
    remember(t)
    return t.readings


def categories(t: Tags) -> None:
    """First pass: numbers that are not counts get their reason; counts the category of their noun."""
    prev = None  # the last figure with a category and no reason
    for i, r in enumerate(t.readings):
        if r.num.form != "count":
            r.reason = r.num.form
        elif r.num.value == 0:
            r.reason = "zero"
        else:
            r.reason = form_reason(r, t)
            if r.reason:
                r.decided("reason", f"{r.reason.replace('_', ' ')} by the words beside it")
            else:
                noun_category(r, i, t, prev)
        if r.category and not r.reason:
            prev = r


def attributes(t: Tags) -> None:
    """Source, measure, party and period of every figure still standing (a range's high end before
    its low end, which shares its measure)."""
    readings = t.readings
    scope = MeasureScope(readings)
    voices = Voices(t)
    order = sorted(range(len(readings)), key=lambda k: k + 1.5 if readings[k].partner is not None else k)
    for i in order:
        r = readings[i]
        if r.reason:
            continue
        r.source = voices.source_for(r.num, t.sent_source)
        resolve_measure(r, i, t, scope)
        if r.reason:
            continue
        resolve_party(r, t)
        if r.reason:
            continue
        r.source = carried_voice(r, t)
        resolve_period(r, t)
