"""Category: what a figure counts. First the noun after it or the label before it ("12 tanks",
"tanks - 10,980", "471,220 (+1,180) military personnel"); then, for a figure with no noun of its
own, a list of named rules tried in order (`BARE_RULES`): a linking phrase ("the death toll rose
to"), an anaphora ("6,000 of them"), the figure before it in the sentence, a people measure."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .. import vocabulary as vocab
from .cues import (_ANAPHORA, _ANOTHER_BEFORE, _ARMY_CONTEXT, _COMPARED, _DAILY_AFTER, _EQUIPMENT_FATE, _LINK_BEFORE, _MONTHS,
                   _MILITARY_CONTEXT, _PLUS, _SHARED_TRAPS, _TOTAL_BEFORE)
from .lexicon import OPPOSITE, Lexicon, _I, _dyn, _lookup, _measure_spans, _rx

if TYPE_CHECKING:
    from .tags import Reading, Tags


def _category_after(after: str, lex: Lexicon) -> tuple[str, int, bool]:
    """Category key of the noun right after a number (allowing a few modifiers), its end, people-measure noun."""
    d = _dyn()
    after = after[:160]  # a noun phrase is short
    m = d.cat_after.match(after)
    if m and not d.not_head.match(after, m.end()):
        return _lookup(lex.category_key, m.group("cat")), m.end(), False
    people = d.people_after.match(after)
    if people:
        return "personnel", people.end(), True
    models = None if m else _MODEL_LIST.match(after)
    if models:  # "99 Kh-101, Kalibr, and Kh-59/69 cruise missiles": the noun after the models' names
        rest = after[models.end():]
        m = d.cat_after.match(rest)
        if m and not d.not_head.match(rest, m.end()):
            return _lookup(lex.category_key, m.group("cat")), models.end() + m.end(), False
    return "", -1, False


# names of models, joined by commas and 'and'/'or', before the head noun they share
_MODEL_LIST = _rx(r"\s+(?:[A-Z][\w/-]*,?\s+(?:and\s+|or\s+)?){2,5}(?=[a-z])")


def _category_before(before: str, lex: Lexicon) -> str:
    """Category of a label just before a number: 'tanks - 10,980', 'personnel: about 1,020,010'."""
    m = _dyn().cat_label.search(before[-80:])
    return _lookup(lex.category_key, m.group("cat")) if m else ""


def _owned_before(before: str) -> bool:
    """Whether a measure verb sits right before a number ('killed 11,743', 'injuring at least 30')."""
    return bool(_dyn().measure_owned.search(before[-60:]))


# ---------------------------------------------------------------------------
# A figure with a noun of its own (or a label)

def noun_category(r: "Reading", i: int, t: "Tags", prev: "Reading | None") -> None:
    """Set the category a figure's own noun or label gives, and whose people a bare people noun
    counts. `prev` is the last figure before it with a category and no reason."""
    readings, lex = t.readings, t.lex
    n = r.num
    cat, cat_end, people_noun = _category_after(r.after, lex)
    if not cat and _PLUS.search(r.after) and i + 1 < len(readings) and _DAILY_AFTER.match(readings[i + 1].after):
        # "471,220 (+1,180) military personnel": the noun follows the day's increment.
        nxt = readings[i + 1]
        rest = nxt.after[_DAILY_AFTER.match(nxt.after).end():]
        cat2, end2, people2 = _category_after(rest, lex)
        if cat2:
            offset = nxt.num.end + _DAILY_AFTER.match(nxt.after).end() - n.end
            cat, cat_end, people_noun = cat2, offset + end2, people2
            r.decided("category", "noun after the day's increment")
    label = _category_before(r.before, lex)
    if label and (not cat or cat in ("civilians", "personnel") and label == "personnel"
                  or people_noun and label in vocab.PEOPLE_CATEGORIES):  # "Ukrainian civilians: more than 15,000 killed"
        cat, cat_end, people_noun = label, -1, False
        r.decided("category", "label before")
    if not cat and _PLUS.search(r.before) and _DAILY_AFTER.match(r.after) and i > 0 and readings[i - 1].category:
        # "10,980 (+4)": the day's increase of the figure before it.
        before = readings[i - 1]
        cat = before.category
        r.period = "daily"
        r.inherited, r.inherit = True, before
        r.decided("category", "the day's increase (+N) of the figure before")
    elif cat and not r.why:
        r.decided("category", "noun after")
    r.category = cat
    r.cat_end = n.end + cat_end if cat_end >= 0 else -1
    r.people_noun = people_noun
    _people_by_context(r, cat_end, t)
    parts_of_civilians = (prev is not None and prev.category == "civilians" and _PART_WORDS.search(r.before)) or (
        t.colon is not None and t.state.last_people is not None and t.state.last_people[1] == "civilians")
    if r.category == "personnel" and parts_of_civilians and cat_end > 0 and _rx(r"\bmen\W*$", _I).search(r.after[:cat_end]):
        r.category = "civilians"  # "11,327 people injured, including 2,472 men, 1,764 women": parts of the civilians
        r.decided("category", "men among civilians are civilians")
    if people_noun and not label:
        _whose_people(r, t, prev)
    _foreign_people(r, cat_end, lex)


_PART_WORDS = _rx(r"\b(?:including|among\s+them|of\s+whom|of\s+them)\b", _I)


def _people_by_context(r: "Reading", cat_end: int, t: "Tags") -> None:
    """'shelling had injured two men' are civilians; 'the regime has lost a million people' soldiers."""
    facts = t.facts
    if r.category == "personnel" and cat_end > 0 and _rx(r"\bmen\W*$", _I).search(r.after[:cat_end]) and facts.strike \
            and not facts.has(_ARMY_CONTEXT):
        r.category = "civilians"
        r.decided("category", "men hurt in a strike are civilians")
    if r.category == "civilians" and cat_end > 0 and _rx(r"\b(?:people|persons|lives)\W*$", _I).search(r.after[:cat_end]) \
            and _rx(r"^\s+(?:fighting|serving)\s+(?:in|for|with)\b", _I).match(r.after[cat_end:cat_end + 20]):
        r.category = "personnel"  # "70,000 people fighting in Russia's military have died"
        r.decided("category", "people fighting are personnel")
        side = t.sides.between(r.num.end + cat_end, r.num.end + cat_end + 40)
        if side:
            r.party = side[0].party  # for whom they fight
    if r.category == "civilians" and cat_end > 0 and _rx(r"\b(?:people|persons|lives)\W*$", _I).search(r.after[:cat_end]) \
            and (facts.has(_ARMY_CONTEXT) or _SIDE_LOST_PEOPLE.search(r.before)) and not facts.has(_rx(r"\bcivilian", _I)) \
            and not facts.strike:
        # "the Kyiv regime has lost almost a million people killed and wounded"; but in "two people were
        # killed as Russian troops shelled 14 settlements" the troops are who struck
        r.category = "personnel"
        r.decided("category", "people of an army are personnel")


# "Russia may have lost about 45,000 people", "the irretrievable losses amount to 23,367 people": a side's
# losses counted in people are its soldiers
_SIDE_LOST_PEOPLE = _rx(r"(?:\b(?:russia|ukraine|moscow|kyiv|kiev)\s+(?:\w+\s+){0,3}?(?:lost|loses|losing|has\s+lost|suffered|sustained|"
                        r"absorbed|incurred)|"
                        r"\b(?:our|(?:the\s+)?(?:russian|ukrainian)|russia's|ukraine's)\s+losses(?:\s+[\w,]+){0,5}?\s+(?:amount(?:ed)?\s+to|"
                        r"(?:are|were|is|was|stand|stood)(?:\s+at)?)|"
                        r"\blosses\s+of\s+(?:the\s+)?(?:russian\s+federation|russia|ukraine)(?:\s+[\w,]+){0,3}?\s+amount(?:ed)?\s+to"
                        r"(?:,\s*(?:allegedly|reportedly|officially),)?|"
                        r"\birretrievable\s+losses(?:\s+\w+){0,3}?)\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|"
                        r"at\s+least|up\s+to|to|an\s+estimated|an|a\s+total\s+of)\s+)*$", _I)


_NATIONALS = _rx(r"\s*(?:Russians|Ukrainians|North\s+Koreans)\b")


def _whose_people(r: "Reading", t: "Tags", prev: "Reading | None") -> None:
    """'1,146 injured', '11 others injured': people counted by a measure word alone."""
    facts, state = t.facts, t.state
    if prev is not None and prev.category in vocab.PEOPLE_CATEGORIES and len(r.before.split()) <= 6:
        r.category, r.inherited = prev.category, True
        if not _NATIONALS.match(r.after):
            r.inherit = prev  # (but "43,000 Russians and 17,500 Ukrainians" name their own side)
        r.decided("category", "people measure after a people figure")
    elif facts.has(_rx(r"\b(?:civilians?|residents?|children|women|passengers|people\s+were)\b", _I)) or (
            facts.strike and not facts.has(_MILITARY_CONTEXT)):
        r.category = "civilians"  # "two dead and 11 injured after Ukrainian drone attacks"
        r.decided("category", "people measure in a civilian sentence")
    elif _NATIONALS.match(r.after):
        r.category = "personnel"  # "about 350,000 Russians were killed in the war": a war's dead named by their nation
        r.decided("category", "a nation's war dead are its soldiers")
    elif _SIDE_LOST_PEOPLE.search(r.before):
        r.category = "personnel"  # "Russia has suffered an estimated 1.2 million casualties": a side's losses are its soldiers
        r.decided("category", "a side's losses are its soldiers")
    elif state.last_people:
        r.category = state.last_people[1]  # "accounted for only 612 confirmed deaths" in a count of soldiers
        r.decided("category", "people measure: the people counted last")
    elif state.strike_lead and not facts.has(_MILITARY_CONTEXT):
        r.category = "civilians"  # "As of now, 16 fatalities are known." under "Death toll rises after missile strikes"
        r.decided("category", "people measure in an article about a strike")
    elif facts.civilian_context:
        r.category = "civilians"
        r.decided("category", "people measure in a civilian sentence")


def _foreign_people(r: "Reading", cat_end: int, lex: Lexicon) -> None:
    """'two Azerbaijani citizens', 'three Colombian mercenaries': not a party of this war."""
    if r.category in vocab.PEOPLE_CATEGORIES and cat_end > 0:
        phrase = r.after[:cat_end]
        if not (lex.party.search(phrase) or lex.party_cs.search(phrase)) and _rx(
                r"\b[A-Z][a-z]+(?:i|ian|ean|ese|ish|ch|an)\b|(?<![\w.])(?:U\.S\.|US|U\.K\.|UK|NATO)(?![\w.])").search(phrase):
            r.party = "foreign"  # (and "2,461 U.S. troops died ... in Afghanistan")


# ---------------------------------------------------------------------------
# A figure with no noun of its own: named rules, tried in order

class Near:
    """The figures before the current one that the rules look back to, kept as the pass goes
    (so a sentence of thousands of figures is read in linear time)."""

    def __init__(self) -> None:
        self.prev: Reading | None = None    # last with a category and no reason
        self.near: Reading | None = None    # last with a category
        self.trap: Reading | None = None    # last not-a-loss figure that a comparison shares ("launched")
        self.first: Reading | None = None   # first with a category and no reason
        self.first_people: Reading | None = None

    def passed(self, r: "Reading") -> None:
        if r.category and not r.reason:
            self.prev = r
            self.first = self.first or r
            if r.category in vocab.PEOPLE_CATEGORIES and self.first_people is None:
                self.first_people = r
        if r.category:
            self.near = r
        if r.reason in _SHARED_TRAPS:
            self.trap = r


Rule = Callable[["Reading", int, "Tags", Near], bool]


def out_of_next(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'downed 25 of 26 cruise missiles': the noun of the figure after."""
    nxt = t.readings[i + 1] if i + 1 < len(t.readings) else None
    if nxt is not None and nxt.category and _rx(r"\s*(?:out\s+)?of\s+(?:the\s+)?", _I).fullmatch(r.after):
        r.category, r.people_noun, r.inherited = nxt.category, nxt.people_noun, True
        return True
    return False


def of_the_noun(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'Of the tanks, 3,689 were knocked out'."""
    of_the = _rx(rf"\bof\s+(?:the|these|those)\s+(?P<c>{t.lex.category.pattern})\s*,\s*$", _I).search(r.before[-60:])
    if of_the:
        r.category, r.inherited = _lookup(t.lex.category_key, of_the.group("c")), True
        return True
    return False


def of_the_dead(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'More than 2,300 of the confirmed dead were killed in Kursk': the people counted last."""
    state = t.state
    if _rx(r"\s*of\s+the\s+(?:\w+\s+)?(?:dead|killed|fallen|casualties)\b", _I).match(r.after) and state.last_people:
        r.party, r.category = state.last_people
        r.carried_measure, r.inherited = state.last_people_measure, True
        return True
    return False


def parts_of_the_dead(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'Of the confirmed dead, 20,104 were volunteers, 15,932 had been recruited from prisons'."""
    state = t.state
    head = _rx(r"\s*(?:of|among)\s+the\s+(?:\w+\s+)?(?P<m>dead|killed|fallen|casualties|wounded|injured|victims)\s*,", _I).match(t.stext)
    if head and state.last_people and _rx(r"^\s+(?:were|was|had\s+been|have\s+been|are|died)\b", _I).match(r.after):
        # ("Of the known victims, 14 died in Kherson Oblast": the victims counted before)
        measure = _lookup(t.lex.measure_key, head.group("m")) if head.group("m").lower() != "victims" else ""
        r.party, r.category = state.last_people
        r.carried_measure, r.inherited = measure or state.last_people_measure, True
        return True
    return False


def of_those(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'Of those 3,000, 1,980 were destroyed': the figure the sentence before counted."""
    state = t.state
    if _rx(r"\b(?:of|among)\s+(?:those|these)\s*,?\s*$", _I).search(r.before) and state.last_figure and not k.prev:
        r.party, r.category, r.carried_measure = state.last_figure
        r.inherited = True
        return True
    return False


def _bare_anaphora(after: str) -> bool:
    """'124 of them', '12 more': a figure that refers back; not '4 additional missiles' (a noun of its own)."""
    m = _ANAPHORA.match(after)
    return bool(m) and not _dyn().not_head.match(after[m.end():])


def anaphora_of_equipment(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'launched 21 drones, 16 of which were shot down'."""
    if _bare_anaphora(r.after) and k.near is not None and k.near.category not in vocab.PEOPLE_CATEGORIES:
        r.category, r.inherited = k.near.category, True
        return True
    return False


def anaphora_of_last_category(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'launched 152 drones ... shot down 124 of them': the last thing counted, taken or not."""
    state = t.state
    if _bare_anaphora(r.after) and state.last_category and not k.prev and state.last_category != (
            state.last_figure or ("", "", ""))[1] and t.facts.has(t.lex.equipment_loss):
        r.category, r.inherited = state.last_category, True
        return True
    return False


# what may follow the bare object of a shoot-down: the clause ends or goes on to where
_SHOOTDOWN_OBJECT_END = _rx(r"^\s*(?:[,.;:]|$|and\b|while\b|but\b|across\b|in\b|over\b|on\b|overnight\b)", _I)
_FATE_AUX = _rx(r"\s*(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:(?:\w+ly|also)\s+)?", _I)


def object_of_a_shootdown(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'Of the 188 drones launched, the air force intercepted 76 across 17 regions', 'Air defences
    intercepted 89, while another 51 disappeared from radars': what was launched, named just before."""
    shot = t.lex.shootdown_before.search(r.before) and _SHOOTDOWN_OBJECT_END.match(r.after)
    if not shot:
        aux = _FATE_AUX.match(r.after)
        shot = k.near is not None and k.near.category in vocab.AIRBORNE_CATEGORIES and t.lex.equipment_loss.match(r.after, aux.end())
    if not shot:
        return False
    near = k.near.category if k.near is not None else ""
    airborne = vocab.AIRBORNE_CATEGORIES
    category = near if near in airborne else (t.state.last_category if t.state.last_category in airborne else "")
    if category:
        r.category, r.inherited = category, True
    return bool(category)


def part_of_the_people_before(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'Eight people are in a serious condition, and four of them ...': a part of the people figure
    before it in the sentence."""
    prev = k.prev
    if prev is not None and prev.category in vocab.PEOPLE_CATEGORIES and _rx(
            r"^\s*of\s+(?:them|those|these|whom)\b", _I).match(r.after):
        r.category, r.inherit, r.inherited = prev.category, prev, True
        return True
    return False


def anaphora_of_last_figure(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'6,000 of them', '124 of them': the figure the previous sentence counted."""
    state = t.state
    if _bare_anaphora(r.after) and state.last_figure and not k.prev and (
            t.facts.measure_keys or t.facts.has(t.lex.equipment_loss)):
        r.party, r.category, r.carried_measure = state.last_figure
        r.inherited = True
        return True
    return False


def anaphora_of_last_people(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'of them' after a people figure of an earlier sentence."""
    state = t.state
    if _bare_anaphora(r.after) and state.last_people and not (k.prev and k.prev.category in vocab.PEOPLE_CATEGORIES) and (
            t.facts.measure_keys or t.facts.has(t.lex.equipment_loss)):
        r.party, r.category = state.last_people
        r.carried_measure = state.last_people_measure
        r.inherited = True
        return True
    return False


def total_of_a_trap(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'delivered four more ..., bringing the total to 10': a total of what is not a loss is not one."""
    trap, prev = k.trap, k.prev
    if trap is not None and (_TOTAL_BEFORE.search(r.before) or _COMPARED.search(r.before)) and (
            prev is None or prev.num.start < trap.num.start):
        r.category, r.reason = trap.category or "personnel", trap.reason
        return True
    return False


def rose_by_to(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'rose by 1,200 to 650,000': the new level of the figure before."""
    prev = k.prev
    if prev and _rx(r"\s*to\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?", _I).fullmatch(r.before) and _rx(
            r"\b(?:rose|risen|increased|grew|climbed|jumped)\s+by\s+$", _I).search(prev.before):
        r.category, r.inherit, r.inherited = prev.category, prev, True
        r.carried_measure = prev.carried_measure
        return True
    return False


def total_of_the_sentence(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'..., bringing the total to 1,020,010': the sentence's first figure (its first people figure)."""
    if k.prev and _TOTAL_BEFORE.search(r.before):
        people = k.first_people
        src = people if people is not None and not _rx(r"\b(?:equipment|hardware|tanks|vehicles)\b", _I).search(
            r.before) else k.first
        r.category, r.inherit, r.inherited = src.category, src, True
        return True
    return False


def continues_the_figure_before(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """Signs that this figure continues the one before: some share its noun whatever it counts
    ('another 12', 'killed 40, wounded 120', '2,398 were destroyed'), the weaker ones only when it counts people."""
    prev = k.prev
    if not prev:
        return False
    strong = (_ANOTHER_BEFORE.search(r.before) or _owned_before(r.before) or _COMPARED.search(r.before)
              or _rx(r"^\s*more\b", _I).match(r.after)
              or _rx(r"^\s*(?:over|near|around|across|from|in)\s+(?:the\s+)?[A-Z]").match(r.after)
              or _rx(r"\b(?:including|of\s+which|among\s+them)\s+(?:\w+\s+){0,2}$", _I).search(r.before)
              or _EQUIPMENT_FATE.match(r.after))
    weak = ((_rx(r"^\s*(?:,|and\b|\.|$)").match(r.after) and _rx(r",\s*(?:and\s+)?(?:the\s+)?[A-Z][\w()\s-]{0,40}?$").search(r.before))
            or _rx(r"\bof\s+whom\s+(?:\w+\s+){0,2}$", _I).search(r.before)
            or _rx(r"^\s*(?:in|during|on)\s+(?:[A-Z][a-z]+)").match(r.after) or _measure_spans(r.after[:40], t.lex)
            or _UNITS_SHARE_AFTER.match(r.after) or _UNITS_SHARE_BEFORE.search(r.before))
    if (strong or weak) and (strong or prev.category in vocab.PEOPLE_CATEGORIES or _TOTAL_BEFORE.search(r.before)):
        r.category, r.inherit, r.inherited = prev.category, prev, True
        return True
    return False


# A unit's share in a list of units: "over 255 by the Sever battlegroup", "the 'West' grouping over 240"
_UNIT_WORD = r"(?:battle\s*group|group(?:ing)?(?:\s+of\s+(?:forces|troops))?)"
_UNITS_SHARE_AFTER = _rx(rf"\s*by\s+(?:the\s+|russia's\s+)?(?:[\w'\u2018\u2019-]+\s+){{0,2}}{_UNIT_WORD}\b", _I)
_UNITS_SHARE_BEFORE = _rx(rf",\s*(?:and\s+)?(?:the\s+)?[\w'\u2018\u2019-]+\s+{_UNIT_WORD}\s+"
                          rf"(?:(?:over|up\s+to|more\s+than|about|around|some|nearly|almost)\s+)?$", _I)
_LOSS_NOUN = _rx(r"\b(?:losses|casualties|toll|tally|count)\b", _I)


def category_losses_linked(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'Russian tank losses have reached 3,363', 'personnel losses ... have surpassed 1,214,500':
    the category named before the losses the figure totals."""
    before = r.before[-200:]
    if not _LOSS_NOUN.search(before):
        return False  # (a cheap look for the noun first: the full pattern is the whole taxonomy)
    m = _dyn().cat_losses_linked.search(before)
    if not m or m.group("range") and not _BARE_END.match(r.after):
        return False
    word = m.group("c")
    key = _lookup(t.lex.category_key, word) or _lookup(t.lex.category_key, word + "s")
    if not key:
        return False
    r.category = key
    r.people_noun = key in vocab.PEOPLE_CATEGORIES
    if r.people_noun:
        r.carried_measure = "casualties"  # "personnel losses": killed and wounded together
    if m.group("p"):
        r.party = _lookup(t.lex.party_key, m.group("p"))  # "Russian military personnel losses"
    return True


_BARE_END = _rx(r"\s*(?:$|[.,;:)]|(?:and|or|to)\s|[-\u2013\u2014]\s*(?:\d|$))", _I)


def linking_phrase(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'the death toll rose to 13', 'casualties at 1,000', 'the tank figure includes eight'."""
    m = _LINK_BEFORE.search(r.before)
    if not m:
        return False
    if (m.group("range") or m.group("dash")) and not _BARE_END.match(r.after):
        return False  # "casualties from 12 regions": a range or dash links only a figure that ends there
    noun = " ".join(m.group("noun").lower().split())
    if noun in ("total", "tally", "number", "figure", "count"):
        _count_link(r, t, k, m)
    else:
        _people_link(r, t, k, m, noun)
    return True


def _count_link(r: "Reading", t: "Tags", k: Near, m) -> None:
    """'the tank figure includes eight', 'the total number of Russian soldiers killed ... at about'."""
    lex, state, facts, prev = t.lex, t.state, t.facts, k.prev
    named = _dyn().cat_before_noun.search(r.before[max(0, m.start() - 40):m.start()])
    inner = None if named else lex.category.search(r.before, m.end("noun"))
    if named or inner:
        word = named.group("c") if named else inner.group()
        r.category = _lookup(lex.category_key, word)
        r.people_noun = r.category in vocab.PEOPLE_CATEGORIES
        if inner:
            at = r.num.start - len(r.before) + inner.start()  # article offset of the noun
            owner = [p for p in t.parties if at - 30 <= p.start < at and p.role == "plain"]
            if owner:
                r.party = owner[-1].party
        return
    if prev and prev.category:
        r.category, r.inherit, r.inherited = prev.category, prev, True
        return
    if state.last_people and not facts.has(lex.category):
        # "the count stood at 106,745", "the figure for October was 41,980": the article's running count
        r.party, r.category, r.inherited = state.last_people[0], state.last_people[1], True
        r.carried_measure = state.last_people_measure
        return
    gap_measure = _measure_spans(m.group("gap") or "", lex) or _measure_spans(r.before[max(0, m.start() - 30):m.start()], lex)
    if gap_measure or _rx(r"\b(?:troops|soldiers|personnel|servicemen)\b", _I).search(r.before):
        r.category = "civilians" if (_rx(r"\bcivilian", _I).search(r.before) or facts.civilian_context or (
            state.last_people and state.last_people[1] == "civilians" and not facts.has(_MILITARY_CONTEXT))) else "personnel"
        r.people_noun = True
        if m.group("gap"):  # "the number of Russians killed in the war so far -- 15,000": whose dead
            at = r.num.start - len(r.before)
            owner = t.sides.plain_between(at + m.start("gap"), at + m.end("gap"))
            if owner:
                r.party = owner[0].party


def _people_link(r: "Reading", t: "Tags", k: Near, m, noun: str) -> None:
    """'Russian strike on Zaporizhzhia: death toll rises to 13': a strike's toll, with no soldier named, is civilians'."""
    state, facts, prev = t.state, t.facts, k.prev
    r.category = "civilians" if (_rx(r"\bcivilian", _I).search(r.before) or facts.civilian_context or (
        ((facts.strike or state.strike_lead) and noun in ("death toll", "toll", "dead", "deaths", "fatalities", "killed", "injured", "wounded")
         or state.last_people and state.last_people[1] == "civilians")
        and not facts.has(_MILITARY_CONTEXT))) else "personnel"
    r.people_noun = True
    r.carried_measure = _lookup(t.lex.measure_key, m.group("noun"))  # "casualties at", "death toll of"
    if prev is not None and prev.category == r.category:
        r.inherit = prev  # "... 4,000 North Koreans ..., while HUR put the dead alone at 1,000": the same side


_LOSS_VERBS = ("lost", "losing", "suffered", "lose", "loses")


def object_of_a_verb(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'during the battle for Avdiivka, Russia lost 28,120.': the people counted last;
    'the strike on Chernihiv killed 17 and wounded 61': people, whose by the context."""
    if k.prev or not _owned_before(r.before) or not _rx(r"^\s*(?:,|\.|and\b|$|in\b|on\b)").match(r.after):
        return False
    state, facts = t.state, t.facts
    # (the verb, then at most a bound: "lost about 500"; not the word before the verb)
    verb = _rx(r"(\w+)\s+(?:(?:about|around|some|over|nearly|almost|more\s+than|at\s+least|up\s+to|another|a\s+further)\s+)?$",
               _I).search(r.before)
    if verb and verb.group(1).lower() in _LOSS_VERBS and state.last_people:
        subject = _dyn().own_subject.search(r.before[-80:])
        if subject:  # "in November 2023, during the battle for Avdiivka, Russia lost 28,120": its soldiers
            r.party, r.category = _lookup(t.lex.party_key, subject.group("p")), "personnel"
        else:
            r.party, r.category = state.last_people
        r.carried_measure, r.inherited = state.last_people_measure, True
        return True
    if (facts.strike or facts.civilian_context or not facts.has(_MILITARY_CONTEXT)) and verb and \
            verb.group(1).lower() not in _LOSS_VERBS:
        r.category, r.people_noun = "civilians", True
        return True
    return False


_COUNTED_FOR = _rx(r"^\s+for\s+(?:(?P<other>the\s+other\s+side)|the\s+(?P<adj>ukrainian|russian)\s+side|"
                   r"(?P<side>ukraine|russia|kyiv|moscow))\b", _I)


def counted_for_a_side(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'Oryx counts 310 Russian aircraft lost. The site counts eleven for the other side.': the thing
    counted before, for the side named (or the other side)."""
    m = _COUNTED_FOR.match(r.after)
    last = t.state.last_figure
    if not m or not last or not _rx(r"\b(?:counts|counted|lists|listed|records|recorded|tallies|tallied|puts|put)\s+"
                                    r"(?:(?:about|around|some|only|just|another)\s+)?$", _I).search(r.before):
        return False
    if m.group("other"):
        party = OPPOSITE.get(last[0], "")
    else:
        word = (m.group("adj") or m.group("side")).lower()
        party = "ukraine" if word in ("ukrainian", "ukraine", "kyiv") else "russia"
    r.party, r.category, r.inherited = party, last[1], True
    r.carried_measure = last[2] or "lost"  # (equipment counted is equipment lost)
    return True


_IN_A_MONTH = _rx(rf"^\s*(?:(?:in|during|for|by)\s+(?:{_MONTHS}|the\s+month\s+of)|alone\b)", _I)
_LOSS_NAMED = _rx(r"\b(?:loss(?:es)?|casualt(?:y|ies)|killed|destroyed|lost|dead|deaths)\b", _I)


def losses_named_before_a_month(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'the highest losses of Russian military personnel so far, with 35,680 in July, 36,810 in August':
    month-by-month figures count the one kind of loss the sentence names before them."""
    if k.prev is not None or not _IN_A_MONTH.match(r.after):
        return False
    head = t.norm[t.sent.start:r.num.start]
    if not _LOSS_NAMED.search(head):
        return False
    kinds = {_lookup(t.lex.category_key, m.group()) for m in t.lex.category.finditer(head)}
    if len(kinds) != 1:
        return False
    r.category, r.inherited = kinds.pop(), True
    r.people_noun = r.category in vocab.PEOPLE_CATEGORIES
    return True


def people_by_measure(r: "Reading", i: int, t: "Tags", k: Near) -> bool:
    """'120 were killed', '40 died': people, civilians where the sentence is about civilians."""
    prev = k.prev
    if _measure_spans(r.after[:40], t.lex) and _rx(r"^\s*(?:were|was|have\s+been|had\s+been|has\s+been|are|"
                                                   r"had|have|died|more|others|people)\b", _I).match(r.after):
        facts = t.facts
        # "18 were wounded during the drone attacks": people hurt in a strike with no soldier named are civilians
        r.category = "civilians" if facts.civilian_context or facts.strike and not facts.has(_MILITARY_CONTEXT) else (
            prev.category if prev and prev.category in vocab.PEOPLE_CATEGORIES else "personnel")
        r.people_noun = True
        return True
    return False


BARE_RULES: tuple[Rule, ...] = (
    out_of_next, of_the_noun, of_the_dead, parts_of_the_dead, of_those, anaphora_of_equipment, part_of_the_people_before,
    anaphora_of_last_category, anaphora_of_last_figure, anaphora_of_last_people, object_of_a_shootdown, total_of_a_trap, rose_by_to,
    total_of_the_sentence, continues_the_figure_before, category_losses_linked, linking_phrase, object_of_a_verb,
    counted_for_a_side, people_by_measure, losses_named_before_a_month,
)


def bare_categories(t: "Tags") -> None:
    """Give each figure with no noun of its own the category of the first rule that reads it."""
    k = Near()
    for i, r in enumerate(t.readings):
        if not (r.reason or r.category) and r.worded and not _dyn().own_head.match(r.after):
            # (every rule reads a word before or after the figure; one with a head noun of its own counts that)
            for rule in BARE_RULES:
                if rule(r, i, t, k):
                    r.decided("category", rule.__name__.replace("_", " "))
                    break
        k.passed(r)
