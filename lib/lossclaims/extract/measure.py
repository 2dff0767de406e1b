"""Measure: killed, wounded, casualties, missing, captured or deployed for people ('lost' for
equipment). The measure word that belongs to the figure first, then named rules for a figure
that has none (`PEOPLE_RULES`): a range's other end, the list or total it is part of, the
sentence's single kind of loss."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .. import vocabulary as vocab
from .category import _owned_before
from .cues import _FORM_REASONS, _NOT_LOSS
from .lexicon import Lexicon, _I, _dyn, _lookup, _measure_spans, _rx

if TYPE_CHECKING:
    from .tags import Reading, Tags, _SentenceFacts


def _measure_for(r: "Reading", lex: Lexicon, next_owned_before: bool) -> str:
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
    if verb and _MEASURE_THEN_CLAUSE.search(r.after, 0, verb.start()):
        verb = None  # "three people died and dozens were injured": the later verb is another subject's
    if verb and _lookup(lex.measure_key, verb.group("m")) in after:
        return _lookup(lex.measure_key, verb.group("m"))
    found = after or [k for _, _, k in reversed(_measure_spans(r.before, lex))]  # nearest first
    return found[0] if found else ""


_MEASURE_THEN_CLAUSE = _rx(r"\b(?:died|were\s+killed|was\s+killed|killed|perished)\s*(?:,\s*|\s+)(?:and|while|but|whereas)\s+", _I)


def _measure_from_sentence(r: "Reading", others: set[str], facts: "_SentenceFacts") -> str:
    """A people figure without its own measure word: the sentence's single kind of loss, if any
    (`others`: the measures already given to the sentence's other figures)."""
    keys = set(facts.measure_keys)
    if r.people_noun and not keys:
        return "casualties"
    specific = keys - {"casualties", "lost"}
    if len(specific) == 1 and others <= specific:
        return specific.pop()
    if keys and not specific:
        return "casualties"
    if facts.loss_verb:
        return "casualties"
    return ""


class MeasureScope:
    """What the measure rules of one sentence look at beyond the figure: the next figure that
    counts something (an age or a date between does not), and the measures given so far."""

    def __init__(self, readings: list["Reading"]) -> None:
        self.next_counting: list[Reading | None] = [None] * len(readings)
        nxt = None
        for i in range(len(readings) - 1, -1, -1):
            self.next_counting[i] = nxt
            if readings[i].reason not in _FORM_REASONS:
                nxt = readings[i]
        self.given: set[str] = set()


PeopleRule = Callable[["Reading", int, "Tags", MeasureScope], str]


def own_measure_word(r: "Reading", i: int, t: "Tags", s: MeasureScope) -> str:
    """'killed 11,743', '1,000 troops killed', 'had lost 61,207 killed and ...'."""
    lex = t.lex
    nxt = s.next_counting[i]
    owned_next = bool(nxt and _owned_before(nxt.before))
    own = _dyn().measure_owned.search(r.before[-60:])
    measure = _lookup(lex.measure_key, own.group("m")) if own else _measure_for(r, lex, owned_next)
    if not measure and i and t.readings[i - 1].partner is r:
        low = t.readings[i - 1]  # "total casualties are ... in the range of 240,000-290,000": the words before the low end
        own = _dyn().measure_owned.search(low.before[-60:])
        measure = _lookup(lex.measure_key, own.group("m")) if own else _measure_for(low, lex, False)
    if r.carried_measure and "range_high" in r.flags and not r.cat_end >= 0:
        measure = r.carried_measure  # a bare high end measures what its low end does
    right_after = _rx(rf"\s*(?:[\w-]+\s+){{0,2}}?(?P<m>{lex.measure.pattern})", _I).match(r.after[:40]) if measure == "casualties" else None
    if right_after and _lookup(lex.measure_key, right_after.group("m")) not in ("casualties", "deployed"):
        measure = _lookup(lex.measure_key, right_after.group("m"))
    if r.partner is not None and r.partner.measure:
        measure = r.partner.measure  # the low end of a range measures what its high end does
    if measure == "captured" and _DIED_AFTER.match(r.after[:120]):
        measure = "killed"  # "more than 50 Ukrainian prisoners of war have died in the attack": their deaths
    return measure


_DIED_AFTER = _rx(r"[^.;]{0,60}?\b(?:died|have\s+been\s+killed|had\s+been\s+killed|were\s+killed|was\s+killed|were\s+executed|"
                 r"perished)\b", _I)


def part_of_the_figure_before(r: "Reading", i: int, t: "Tags", s: MeasureScope) -> str:
    """'..., including 1,200 ...', 'of whom 300': a part measures what its whole does."""
    if r.inherit is not None and r.inherit.measure and _rx(
            r"\b(?:including|among\s+them|of\s+whom|of\s+which|among)\s+$", _I).search(r.before):
        return r.inherit.measure
    return ""


def part_of_a_people_figure(r: "Reading", i: int, t: "Tags", s: MeasureScope) -> str:
    """'killed 20 people, including nine children'."""
    if _rx(r"\b(?:including|among\s+them|of\s+whom|among)\s+$", _I).search(r.before):
        for j in range(i - 1, -1, -1):
            ante = t.readings[j]
            if ante.measure and ante.category in vocab.PEOPLE_CATEGORIES:
                return ante.measure
    return ""


def verb_after_an_insertion(r: "Reading", i: int, t: "Tags", s: MeasureScope) -> str:
    """'245 civilians, including 17 children, had been killed': the verb after the insertion."""
    nxt = s.next_counting[i]
    if nxt is not None and _rx(r",\s*(?:including|among\s+them)\s+$", _I).search(nxt.before):
        past = t.norm[nxt.num.end:min(t.sent.end, nxt.num.end + 120)]
        v = _rx(rf"[^,;]{{0,40}},\s*(?:(?:had|have|has)\s+been|were|was)\s+(?P<m>{t.lex.measure.pattern})", _I).match(past)
        if v:
            return _lookup(t.lex.measure_key, v.group("m"))
    return ""


def measure_of_the_figure_continued(r: "Reading", i: int, t: "Tags", s: MeasureScope) -> str:
    """A figure that continues an earlier one measures what it does."""
    if r.inherit is not None and r.inherit.measure and r.inherited:
        return r.inherit.measure
    return r.carried_measure


def sentence_kind_of_loss(r: "Reading", i: int, t: "Tags", s: MeasureScope) -> str:
    """'... 5,000 troops in the fighting, Kyiv said, most of them killed'."""
    return _measure_from_sentence(r, s.given, t.facts)


def people_line_of_a_list(r: "Reading", i: int, t: "Tags", s: MeasureScope) -> str:
    """A people line of a list of losses ('personnel - about 1,020,010')."""
    if t.colon and t.colon[1]:
        return t.state.colon_measure or "casualties"
    return ""


PEOPLE_RULES: tuple[PeopleRule, ...] = (
    own_measure_word, part_of_the_figure_before, part_of_a_people_figure, verb_after_an_insertion,
    measure_of_the_figure_continued, sentence_kind_of_loss, people_line_of_a_list,
)


def resolve_measure(r: "Reading", i: int, t: "Tags", s: MeasureScope) -> None:
    """Set the figure's measure, or the reason it is not a loss ('trained 5,000 troops', '12 tanks
    delivered' in a sentence without a word of loss)."""
    if r.category in vocab.PEOPLE_CATEGORIES:
        for rule in PEOPLE_RULES:
            r.measure = rule(r, i, t, s)
            if r.measure:
                r.decided("measure", rule.__name__.replace("_", " "))
                break
        if r.measure:
            s.given.add(r.measure)
        if not r.measure:
            r.reason = "not_a_loss"
        elif _NOT_LOSS.search(t.clause(r)) and r.measure == "casualties":
            r.reason = "not_a_loss"  # "5,000 troops trained", "survivors"
        return
    r.measure = "lost"
    s.given.add("lost")
    if not (t.loss_in_sentence or (t.colon and t.colon[1]) or r.carried_measure == "lost"):
        r.reason = "not_a_loss"  # (a count of the losses named before is one: "the site counts eleven for the other side")
