from __future__ import annotations


from .. import vocabulary as vocab
from ..numbers import NumberSpan, find_numbers
from .category import _category_after, _category_before
from .cues import _AGE, _AGE_BEFORE, _ANAPHORA, _ANOTHER_BEFORE, _ARMY_CONTEXT, _BACK_REFERENCE, _COMPARED, _DAILY_AFTER, _DATE_CONTEXT_BEFORE, _DAY_BEFORE, _DURATION_AFTER, _EQUIPMENT_FATE, _EXCHANGE, _FORECAST, _FORM_REASONS, _LABELLED_LINE, _LINK_BEFORE, _LIST_ITEM, _MILITARY_CONTEXT, _MODEL_BEFORE, _NOT_LOSS, _PLUS, _POPULATION, _RATE_AFTER, _RATE_BEFORE, _RECRUIT, _SAME_PERIOD, _SHARED_TRAPS, _STOCK, _TOTAL_BEFORE, _UNIT_BEFORE, _WAR_WORDS
from .forms import _is_day
from .lexicon import BELLIGERENTS, Lexicon, SPEAKER_PARTY, _I, _dyn, _lookup, _measure_spans, _rx
from .lists import _pair_ranges, _share_list_qualifier
from .measure import _measure_for, _measure_from_sentence, _owned_before
from .party import _civilian_party, _party_for, _resolve
from .period import _fits_period, _period_for
from .qualifier import _qualifier
from .source import _source_for, _voice
from .state import _ArticleState, _remember
from .tags import Reading, _SentenceFacts, _party_mentions, _sources_in
from .text import Sentence
from .traps import _clause, _launched, _other_war


def _read_sentence(norm: str, sent: Sentence, snums: list[NumberSpan], lex: Lexicon,
                   state: _ArticleState) -> list[Reading]:
    stext = norm[sent.start:sent.end]
    base = sent.start
    readings: list[Reading] = []
    # Model numbers (Shahed-136, M777) belong to the noun phrase: they do not end a figure's context.
    cuts = [n for n in snums if n.form not in ("model_number", "date", "time")
            and not (not n.words and _rx(r"(?:19|20)\d\d").fullmatch(n.text)) and not _is_day(norm, sent, n)
            and not _rx(r"-years?-old|\s?mm\b").match(norm[n.end:n.end + 10])]
    for n in snums:
        prev_end = max([m.end for m in cuts if m.end <= n.start], default=sent.start)
        next_start = min([m.start for m in cuts if m.start >= n.end], default=sent.end)
        readings.append(Reading(n, sent, norm[prev_end:n.start], norm[n.end:next_start]))

    sources = _sources_in(stext, base, lex)
    # Party words are read only where a figure or a list header needs them.
    busy = sent.colon or any(n.form == "count" for n in snums)
    parties = _party_mentions(stext, base, lex) if busy else []
    attributed = [s for s in sources if s[3]]
    facts = _SentenceFacts(stext, lex)
    if not busy:
        # No figure to read: keep the voices and list headers, file the numbers by their form.
        for r in readings:
            r.reason = r.num.form
        _remember(state, sent, stext, readings, attributed, None, parties, lex, norm, facts)
        return readings
    if attributed:
        sent_source = None
    elif _BACK_REFERENCE.search(stext) and state.last_named_source and not state.last_named_source == "unattributed":
        sent_source = state.last_named_source
    elif state.last_source and state.last_source_para == sent.para:
        sent_source = state.last_source
    else:
        sent_source = "unattributed"

    war_mentions = [m.start() for m in _WAR_WORDS.finditer(stext)]
    loss_in_sentence = bool(lex.equipment_loss.search(stext) or _rx(r"\blosses\b", _I).search(stext))
    # A header ending with ':' governs the next line, and the lines after it that are list items.
    if _rx(r"\s*(?:among\s+them|of\s+them|of\s+these|including|(?:among|of)\s+the\s+(?:\w+\s+)?(?:dead|killed|victims|casualties)|"
                r"(?:(?:the|these|this|that|those)\s+(?:\w+\s+)?(?:figures?|numbers?|totals?|tally|count|losses|list|toll|dead)|it|they)\s+"
                r"(?:also\s+)?(?:include|includes|included|comprise|comprises))\b", _I).match(stext) and state.last_party:
        state.colon_context, state.colon_fresh = (state.last_party, True, "", ""), True
        state.colon_measure = state.last_people_measure  # parts of the dead are dead
        if sent_source == "unattributed" and state.last_named_source:
            sent_source = state.last_named_source  # and were counted by whoever counted the whole
    if state.last_figure and not sent.colon and _LABELLED_LINE.match(stext) and not (
            state.colon_context and (state.colon_fresh or _LIST_ITEM.match(stext))):
        # "Battlegroup South: up to 240 Ukrainian troops, two artillery pieces": a telegraphic line
        # of the losses the article is listing
        state.colon_context, state.colon_fresh = (state.last_figure[0], True, "", ""), True
    table_head = "|" in stext and not any(n.form == "count" for n in snums)  # "Category | Total | Past day"
    colon = state.colon_context if state.colon_context and (
        state.colon_fresh or _LIST_ITEM.match(stext) or sent.colon or table_head) else None
    state.colon_fresh = table_head and state.colon_fresh
    if state.colon_context and not colon:
        state.colon_context = None

    # First pass: form-based reasons and traps, category.
    for i, r in enumerate(readings):
        n = r.num
        if n.form != "count":
            r.reason = n.form
            continue
        if n.value == 0:
            r.reason = "zero"
            continue
        before_local = norm[max(sent.start, n.start - 40):n.start]
        after_local = norm[n.end:min(sent.end, n.end + 60)]
        if not n.words and 1800 <= n.value <= 2100 and _rx(r"\d{4}").fullmatch(n.text):
            cat, _, _ = _category_after(r.after, lex)
            if not cat or _DATE_CONTEXT_BEFORE.search(before_local):
                r.reason = "year"
                continue
        if _is_day(norm, sent, n):
            r.reason = "date"
            continue
        if _AGE.match(after_local) or _AGE_BEFORE.search(before_local):
            r.reason = "age"
            continue
        if _DURATION_AFTER.match(after_local):
            r.reason = "duration"
            continue
        if _DAY_BEFORE.search(before_local):
            r.reason = "day_of_war"
            continue
        if _AGE.match(after_local) or _AGE_BEFORE.search(before_local):
            r.reason = "age"
            continue
        if _UNIT_BEFORE.search(before_local):
            r.reason = "unit_number"
            continue
        if _MODEL_BEFORE.search(before_local) or _rx(r"[A-Za-z]-?\d+/$").search(before_local):
            r.reason = "model_number"  # "Leopard 2 tanks", "Shahed-136/131"
            continue
        cat, cat_end, people_noun = _category_after(r.after, lex)
        if not cat and _PLUS.search(r.after) and i + 1 < len(readings) and _DAILY_AFTER.match(readings[i + 1].after):
            # "471,220 (+1,180) military personnel": the noun follows the day's increment.
            nxt = readings[i + 1]
            rest = nxt.after[_DAILY_AFTER.match(nxt.after).end():]
            cat2, end2, people2 = _category_after(rest, lex)
            if cat2:
                offset = nxt.num.end + _DAILY_AFTER.match(nxt.after).end() - n.end
                cat, cat_end, people_noun = cat2, offset + end2, people2
        label = _category_before(r.before, lex)
        if label and (not cat or cat in ("civilians", "personnel") and label == "personnel"):
            cat, cat_end, people_noun = label, -1, False
        if not cat and _PLUS.search(r.before) and _DAILY_AFTER.match(r.after) and i > 0 and readings[i - 1].category:
            # "10,980 (+4)": the day's increase of the figure before it.
            prev = readings[i - 1]
            cat = prev.category
            r.period = "daily"
            r.inherited, r.inherit = True, prev
        r.category = cat
        r.cat_end = n.end + cat_end if cat_end >= 0 else -1
        r.people_noun = people_noun
        if cat == "personnel" and cat_end > 0 and _rx(r"\bmen\W*$", _I).search(r.after[:cat_end]) and facts.strike \
                and not _ARMY_CONTEXT.search(stext):
            cat = r.category = "civilians"  # "shelling had injured two men"
        if cat == "civilians" and cat_end > 0 and _rx(r"\b(?:people|persons|lives)\W*$", _I).search(r.after[:cat_end]) \
                and _ARMY_CONTEXT.search(stext) and not _rx(r"\bcivilian", _I).search(stext) and not facts.strike:
            # "the Kyiv regime has lost almost a million people killed and wounded"; but in "two people were
            # killed as Russian troops shelled 14 settlements" the troops are who struck
            r.category = "personnel"
        if people_noun and not label:
            # "1,146 injured", "11 others injured": whose people the sentence decides below.
            prev = next((x for x in reversed(readings[:i]) if x.category and not x.reason), None)
            if prev is not None and prev.category in vocab.PEOPLE_CATEGORIES and len(r.before.split()) <= 6:
                r.category, r.inherit, r.inherited = prev.category, prev, True
            elif _rx(r"\b(?:civilians?|residents?|children|women|passengers|people\s+were)\b", _I).search(stext) or (
                    facts.strike and not _MILITARY_CONTEXT.search(stext)):
                r.category = "civilians"  # "two dead and 11 injured after Ukrainian drone attacks"
            elif state.last_people:
                r.category = state.last_people[1]  # "accounted for only 612 confirmed deaths" in a count of soldiers
            elif facts.civilian_context:
                r.category = "civilians"
        if cat in vocab.PEOPLE_CATEGORIES and cat_end > 0:
            phrase = r.after[:cat_end]
            # "two Azerbaijani citizens", "three Colombian mercenaries": not a party of this war.
            if not (lex.party.search(phrase) or lex.party_cs.search(phrase)) and _rx(r"\b[A-Z][a-z]+(?:i|ian|ean|ese|ish|ch|an)\b").search(phrase):
                r.party = "foreign"

    _pair_ranges(readings)

    # Numbers with no noun of their own: a linking phrase ("the death toll rose to"), an
    # anaphora ("6,000 of them"), the figure before in the sentence, or a people measure.
    for i, r in enumerate(readings):
        if r.reason or r.category:
            continue
        prev = next((x for x in reversed(readings[:i]) if x.category and not x.reason), None)
        nxt = readings[i + 1] if i + 1 < len(readings) else None
        if nxt is not None and nxt.category and _rx(r"\s*(?:out\s+)?of\s+(?:the\s+)?", _I).fullmatch(r.after):
            r.category, r.people_noun, r.inherited = nxt.category, nxt.people_noun, True  # "downed 25 of 26 cruise missiles"
            continue
        of_the = _rx(rf"\bof\s+(?:the|these|those)\s+(?P<c>{lex.category.pattern})\s*,\s*$", _I).search(r.before[-60:])
        if of_the:
            r.category, r.inherited = _lookup(lex.category_key, of_the.group("c")), True  # "Of the tanks, 3,689 were knocked out"
            continue
        if _rx(r"\s*of\s+the\s+(?:\w+\s+)?(?:dead|killed|fallen|casualties)\b", _I).match(r.after) and state.last_people:
            r.party, r.category = state.last_people  # "More than 2,300 of the confirmed dead were killed in Kursk"
            r.carried_measure, r.inherited = state.last_people_measure, True
            continue
        head = _rx(r"\s*(?:of|among)\s+the\s+(?:\w+\s+)?(?P<m>dead|killed|fallen|casualties|wounded|injured)\s*,", _I).match(stext)
        if head and state.last_people and _rx(r"^\s+(?:were|was|had\s+been|have\s+been|are)\b", _I).match(r.after):
            # "Of the confirmed dead, 20,104 were volunteers, 15,932 had been recruited from prisons"
            measure = _lookup(lex.measure_key, head.group("m"))
            r.party, r.category = state.last_people
            r.carried_measure, r.inherited = measure or state.last_people_measure, True
            continue
        if _rx(r"\b(?:of|among)\s+(?:those|these)\s*,?\s*$", _I).search(r.before) and state.last_figure and not prev:
            r.party, r.category, r.carried_measure = state.last_figure  # "Of those 3,000, 1,980 were destroyed"
            r.inherited = True
            continue
        near = next((x for x in reversed(readings[:i]) if x.category), None)
        if _ANAPHORA.match(r.after) and near is not None and near.category not in vocab.PEOPLE_CATEGORIES:
            r.category, r.inherited = near.category, True  # "launched 21 drones, 16 of which were shot down"
            continue
        if _ANAPHORA.match(r.after) and state.last_category and not prev and state.last_category != (
                state.last_figure or ("", "", ""))[1] and lex.equipment_loss.search(stext):
            r.category, r.inherited = state.last_category, True  # "launched 152 drones ... shot down 124 of them"
            continue
        if _ANAPHORA.match(r.after) and state.last_figure and not prev and (
                facts.measure_keys or lex.equipment_loss.search(stext)):
            # "6,000 of them", "124 of them": the figure the previous sentence counted
            r.party, r.category, r.carried_measure = state.last_figure
            r.inherited = True
            continue
        if _ANAPHORA.match(r.after) and state.last_people and not (prev and prev.category in vocab.PEOPLE_CATEGORIES) and (
                facts.measure_keys or lex.equipment_loss.search(stext)):
            r.party, r.category = state.last_people
            r.carried_measure = state.last_people_measure
            r.inherited = True
            continue
        trap = next((x for x in reversed(readings[:i]) if x.reason in _SHARED_TRAPS), None)
        if trap is not None and (_TOTAL_BEFORE.search(r.before) or _COMPARED.search(r.before)) and (
                prev is None or prev.num.start < trap.num.start):
            r.category, r.reason = trap.category or "personnel", trap.reason  # "delivered four more ..., bringing the total to 10"
            continue
        if prev and _rx(r"\s*to\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?", _I).fullmatch(r.before) and _rx(r"\b(?:rose|risen|increased|grew|climbed|jumped)\s+by\s+$", _I).search(prev.before):
            r.category, r.inherit, r.inherited = prev.category, prev, True  # "rose by 1,200 to 650,000"
            r.carried_measure = prev.carried_measure
            continue
        if prev and _TOTAL_BEFORE.search(r.before):
            first = [x for x in readings[:i] if x.category and not x.reason]
            people = [x for x in first if x.category in vocab.PEOPLE_CATEGORIES]
            src = people[0] if people and not _rx(r"\b(?:equipment|hardware|tanks|vehicles)\b", _I).search(r.before) else first[0]
            r.category, r.inherit, r.inherited = src.category, src, True
            continue
        if prev:
            # Signs that this figure continues the one before: some share its noun whatever it
            # counts, the weaker ones only when it counts people.
            strong = (_ANOTHER_BEFORE.search(r.before) or _owned_before(r.before, lex) or _COMPARED.search(r.before)
                      or _rx(r"^\s*more\b", _I).match(r.after)
                      or _rx(r"^\s*(?:over|near|around|across|from|in)\s+(?:the\s+)?[A-Z]").match(r.after)
                      or _rx(r"\b(?:including|of\s+which|among\s+them)\s+(?:\w+\s+){0,2}$", _I).search(r.before)
                      or _EQUIPMENT_FATE.match(r.after))
            weak = ((_rx(r"^\s*(?:,|and\b|\.|$)").match(r.after) and _rx(r",\s*(?:and\s+)?(?:the\s+)?[A-Z][\w()\s-]{0,40}?$").search(r.before))
                    or _rx(r"\bof\s+whom\s+(?:\w+\s+){0,2}$", _I).search(r.before)
                    or _rx(r"^\s*(?:in|during|on)\s+(?:[A-Z][a-z]+)").match(r.after) or _measure_spans(r.after[:40], lex))
            if (strong or weak) and (strong or prev.category in vocab.PEOPLE_CATEGORIES or _TOTAL_BEFORE.search(r.before)):
                r.category, r.inherit, r.inherited = prev.category, prev, True
                continue
        m = _LINK_BEFORE.search(r.before)
        if m:
            noun = " ".join(m.group("noun").lower().split())
            if noun in ("total", "tally", "number", "figure", "count"):
                # "the tank figure includes eight", "the total number of Russian soldiers killed ... at about"
                named = _dyn().cat_before_noun.search(r.before[max(0, m.start() - 40):m.start()])
                inner = None if named else lex.category.search(r.before, m.end("noun"))
                if named or inner:
                    word = named.group("c") if named else inner.group()
                    r.category = _lookup(lex.category_key, word)
                    r.people_noun = r.category in vocab.PEOPLE_CATEGORIES
                    if inner:
                        at = r.num.start - len(r.before) + inner.start()  # article offset of the noun
                        owner = [p for p in parties if at - 30 <= p.start < at and p.role == "plain"]
                        if owner:
                            r.party = owner[-1].party
                    continue
                if prev and prev.category:
                    r.category, r.inherit, r.inherited = prev.category, prev, True
                    continue
                if state.last_people and not lex.category.search(stext):
                    # "the count stood at 106,745", "the figure for October was 41,980": the article's running count
                    r.party, r.category, r.inherited = state.last_people[0], state.last_people[1], True
                    r.carried_measure = state.last_people_measure
                    continue
                gap_measure = _measure_spans(m.group("gap") or "", lex) or _measure_spans(r.before[max(0, m.start() - 30):m.start()], lex)
                if gap_measure or _rx(r"\b(?:troops|soldiers|personnel|servicemen)\b", _I).search(r.before):
                    r.category = "civilians" if (_rx(r"\bcivilian", _I).search(r.before) or facts.civilian_context or (
                        state.last_people and state.last_people[1] == "civilians" and not _MILITARY_CONTEXT.search(stext))) else "personnel"
                    r.people_noun = True
                continue
            # "Russian strike on Zaporizhzhia: death toll rises to 13": a strike's toll, with no soldier named, is civilians'
            r.category = "civilians" if (_rx(r"\bcivilian", _I).search(r.before) or facts.civilian_context or (
                (facts.strike and noun in ("death toll", "toll", "dead", "deaths", "fatalities", "killed", "injured", "wounded")
                 or state.last_people and state.last_people[1] == "civilians")
                and not _MILITARY_CONTEXT.search(stext))) else "personnel"
            r.people_noun = True
            r.carried_measure = _lookup(lex.measure_key, m.group("noun"))  # "casualties at", "death toll of"
            if prev is not None and prev.category == r.category:
                r.inherit = prev  # "... 4,000 North Koreans ..., while HUR put the dead alone at 1,000": the same side
            continue
        if not prev and _owned_before(r.before, lex) and _rx(r"^\s*(?:,|\.|and\b|$|in\b|on\b)").match(r.after):
            verb = _rx(r"(\w+)\s+(?:\w+\s+)?$").search(r.before)
            if verb and verb.group(1).lower() in ("lost", "losing", "suffered", "lose", "loses") and state.last_people:
                r.party, r.category = state.last_people  # "during the battle for Avdiivka, Russia lost 28,120."
                r.carried_measure, r.inherited = state.last_people_measure, True
                continue
            # "the strike on Chernihiv killed 17 and wounded 61": people, whose by the context
            if (facts.strike or facts.civilian_context or not _MILITARY_CONTEXT.search(stext)) and verb and \
                    verb.group(1).lower() not in ("lost", "losing", "suffered", "lose", "loses"):
                r.category, r.people_noun = "civilians", True
                continue
        if (_measure_spans(r.after[:40], lex) and _rx(r"^\s*(?:were|was|have\s+been|had\s+been|has\s+been|are|"
                                                                r"had|have|died|more|others|people)\b", _I).match(r.after)):
            r.category = "civilians" if facts.civilian_context else (
                prev.category if prev and prev.category in vocab.PEOPLE_CATEGORIES else "personnel")
            r.people_noun = True

    _pair_ranges(readings)

    # Qualifiers, with a list sharing one qualifier when no item has its own.
    for r in readings:
        if r.reason or not r.category or r.qualifier != "exact":
            continue
        q = _qualifier(r.before, r.after, lex)
        if q:
            r.qualifier = q
    _share_list_qualifier(readings, lex)
    if colon and colon[2]:
        for r in readings:
            if not r.reason and r.category and r.qualifier == "exact" and not r.inherited:
                r.qualifier = colon[2]

    # Traps that need the category: launched, rates, stocks, other wars, forecasts, exchanges.
    for i, r in enumerate(readings):
        if r.reason:
            continue
        if i and readings[i - 1].num.form == "count" and _rx(r"\s*(?:out\s+)?of\s+(?:the\s+)?", _I).fullmatch(r.before):
            # "shot down 10 of 12 drones", "93 of 120 men": the second figure is how many there were
            r.reason = "launched" if r.category in ("drones", "cruise_missiles", "aircraft", "helicopters") else "not_a_loss"
            continue
        if not r.category:
            r.reason = "no_category"
            continue
        n = r.num
        clause = _clause(norm, sent, n)
        after_local = norm[n.end:min(sent.end, n.end + 70)]
        before_local = norm[max(sent.start, n.start - 60):n.start]
        if war_mentions and _other_war(stext, n.start - base, parties, war_mentions):
            r.reason = "other_war"
        elif r.category in vocab.PEOPLE_CATEGORIES and _POPULATION.search(r.before[-40:]):
            r.reason = "population"
        # (a recruiting word before an "and" or a comma belongs to the figure before: "17,300 convicts recruited
        # from penal colonies and 5,102 officers")
        elif r.category in vocab.PEOPLE_CATEGORIES and (_RECRUIT.search(_rx(r",|\band\b").split(r.before[-50:])[-1]) or _rx(rf"^[^,;.]{{0,40}}?\b(?:were|was|have\s+been|had\s+been|are|being|is)\s+(?:\w+\s+)?{_RECRUIT.pattern}", _I).match(r.after)) \
                and not _rx(r"\b(?:dead|killed|died|deaths|wounded)\b", _I).search(r.before[-50:] + r.after[:40]) \
                and not (r.inherited and r.carried_measure in ("killed", "wounded", "casualties", "missing")):
            r.reason = "recruitment"  # (but not "of the dead, 15,932 had been recruited from prisons")
        elif (_RATE_AFTER.match(r.after if r.after else after_local) or _RATE_BEFORE.search(before_local)
              or _rx(r"\bper\s*$").search(r.after)):
            r.reason = "rate"
        elif _FORECAST.search(clause):
            r.reason = "forecast"
        elif r.category in ("drones", "cruise_missiles", "aircraft") and _launched(r.before, r.after):
            r.reason = "launched"
        elif _EXCHANGE.search(local := r.before[-60:] + _rx(r"[,;]").split(r.after, maxsplit=1)[0]) and not _rx(r"\b(?:killed|died|wounded|injured)\b", _I).search(local):
            r.reason = "exchange"
        elif _STOCK.search(local := r.before[-60:] + _rx(r"[,;]").split(r.after, maxsplit=1)[0]) and not (
                lex.equipment_loss.search(local) or lex.loss_verb.search(local)):
            r.reason = "stock"

    for i, r in enumerate(readings):
        if r.partner is not None and r.partner.reason and not r.reason:
            r.reason = r.partner.reason  # "losing between 1,000 and 1,500 a day"
        prev = readings[i - 1] if i else None
        if prev is not None and prev.reason in _SHARED_TRAPS and not r.reason and _rx(r"\bby\s+$", _I).search(prev.before) \
                and _rx(r"\s*(?:[\w-]+\s+){0,2}to\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?", _I).fullmatch(r.before):
            r.reason = prev.reason  # "ordered the army to grow by 180,000 troops to 1.5 million": the new size, not a loss

    # Source, party, measure and period of every remaining figure (a range's high end first:
    # its low end shares its measure).
    order = sorted(range(len(readings)), key=lambda k: k + 1.5 if readings[k].partner is not None else k)
    for i in order:
        r = readings[i]
        if r.reason:
            continue
        n = r.num
        r.source = _source_for(n, sources, sent_source, norm)
        if r.category in vocab.PEOPLE_CATEGORIES:
            # the next figure that counts something (an age or a date between does not)
            nxt = next((x for x in readings[i + 1:] if x.reason not in _FORM_REASONS), None)
            owned_next = bool(nxt and _owned_before(nxt.before, lex))
            own = _dyn().measure_owned.search(r.before[-60:])
            r.measure = _lookup(lex.measure_key, own.group("m")) if own else _measure_for(r, lex, owned_next)
            if r.carried_measure and "range_high" in r.flags and not r.cat_end >= 0:
                r.measure = r.carried_measure  # a bare high end measures what its low end does
            right_after = _rx(rf"\s*(?:[\w-]+\s+){{0,2}}?(?P<m>{lex.measure.pattern})", _I).match(r.after[:40]) if r.measure == "casualties" else None
            if right_after and _lookup(lex.measure_key, right_after.group("m")) not in ("casualties", "deployed"):
                r.measure = _lookup(lex.measure_key, right_after.group("m"))  # "had lost 61,207 killed and ..."
            if r.partner is not None and r.partner.measure:
                r.measure = r.partner.measure
            if not r.measure and r.inherit is not None and r.inherit.measure and _rx(r"\b(?:including|among\s+them|of\s+whom|of\s+which|among)\s+$", _I).search(r.before):
                r.measure = r.inherit.measure
            if not r.measure and _rx(r"\b(?:including|among\s+them|of\s+whom|among)\s+$", _I).search(r.before):
                ante = next((x for x in reversed(readings[:i]) if x.measure and x.category in vocab.PEOPLE_CATEGORIES), None)
                if ante is not None:
                    r.measure = ante.measure  # "killed 20 people, including nine children"
            if not r.measure and nxt is not None and _rx(r",\s*(?:including|among\s+them)\s+$", _I).search(nxt.before):
                # "245 civilians, including 17 children, had been killed": the verb after the insertion
                past = norm[nxt.num.end:min(sent.end, nxt.num.end + 120)]
                v = _rx(rf"[^,;]{{0,40}},\s*(?:(?:had|have|has)\s+been|were|was)\s+(?P<m>{lex.measure.pattern})", _I).match(past)
                if v:
                    r.measure = _lookup(lex.measure_key, v.group("m"))
            if not r.measure and r.inherit is not None and r.inherit.measure and r.inherited:
                r.measure = r.inherit.measure
            if not r.measure and r.carried_measure:
                r.measure = r.carried_measure
            if not r.measure:
                r.measure = _measure_from_sentence(r, readings, facts)
            if not r.measure and colon and colon[1]:
                r.measure = state.colon_measure or "casualties"  # a people line of a list of losses
            if not r.measure:
                r.reason = "not_a_loss"
                continue
            if _NOT_LOSS.search(_clause(norm, sent, n)) and r.measure == "casualties":
                r.reason = "not_a_loss"
                continue
        else:
            r.measure = "lost"
            if not (loss_in_sentence or (colon and colon[1])):
                r.reason = "not_a_loss"
                continue
        if not r.party and r.inherit is not None and r.inherit.party:
            own = _dyn().own_subject.search(r.before[-80:])
            # "Russia has lost 2,000 tanks, while Ukraine has lost about 500": the second has its own side
            r.party = _lookup(lex.party_key, own.group("p")) if own else r.inherit.party
        if not r.party and r.category == "civilians":
            r.party = _civilian_party(r, stext, base, parties, facts, state.last_civilians)
        if not r.party and r.list_head is not None and r.list_head.party:
            np_end = r.cat_end if r.cat_end >= 0 else r.num.end
            own = [p for p in parties if r.num.end <= p.start < np_end and p.role != "supplier"]
            r.party = own[-1].party if own else r.list_head.party
        if not r.party:
            r.party = _party_for(r, norm, sent, parties, lex, state, colon, readings)
        r.party = _resolve(r.party, r.source if r.source in SPEAKER_PARTY else state.speaker)
        if not r.party:
            r.reason = "no_party"
            continue
        if r.party not in BELLIGERENTS + ("both",):
            r.reason = "no_party"
            continue
        if r.source == "unattributed" and state.carry and state.carry[1] in ("", r.party):
            r.source = state.carry[0]
        r.source = _voice(r.source, r.party, state)
        if r.period:
            r.period_explicit = True
        if not r.period and colon and colon[3] and not r.inherited:
            r.period = colon[3]  # an item of a list whose header gave the period
        if not r.period:
            r.period = _period_for(r, norm, sent, facts)
            r.period_explicit = bool(r.period)
            if r.period and not state.default_period and r.period in ("daily", "cumulative") and not r.inherited:
                state.default_period, state.default_key = r.period, (r.party, r.source)
            if not r.period and _SAME_PERIOD.search(stext) and state.last_period:
                r.period = state.last_period  # "in the same period"
            if not r.period and colon and colon[3]:
                r.period = colon[3]
            if not r.period and state.para_period and state.para_period[0] == sent.para and (
                    r.category == "civilians" or _fits_period(r, state.para_period[1])):
                r.period = state.para_period[1]  # the same night or attack, told over two sentences
            if not r.period:
                # The lead's period holds for the same voice on the same side ("up to 510 servicemen" in a
                # daily MoD report); other figures are running totals unless they say otherwise.
                same = state.default_key[0] == r.party and "unattributed" in (state.default_key[1], r.source) or \
                    state.default_key == (r.party, r.source)
                # civilians killed in a strike, or in an event told in the simple past ("three people were
                # killed in Kharkiv"), not a running toll ("12,000 civilians have been killed")
                told = r.category == "civilians" and _fits_period(r, "daily") and bool(
                    _rx(r"\b(?:were|was)\s+(?:\w+\s+)?(?:killed|injured|wounded|hurt)\b|\bdied\b", _I).search(stext)
                    # "drones killed two civilians", not "attacks have killed 12,000"
                    or _rx(r"(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)\b(?:killed|injured|wounded)\s+(?:(?:at\s+least|more\s+than|about|around|some|nearly|almost|over|up\s+to)\s+)?$", _I)
                    .search(r.before))
                r.period = "window" if r.category == "civilians" and facts.strike else (
                    state.default_period if same and state.default_period else ("window" if told else ""))
            if not r.period and state.article_period and _fits_period(r, state.article_period) and (
                    r.category not in ("aircraft", "helicopters", "ships", "submarines") or _fits_period(r, "daily")):
                # an article about one night, week or attack: its small figures belong to it (not the
                # 664 warplanes Moscow claims in all, quoted in a story about one air raid)
                r.period = state.article_period
            if not r.period:
                r.period = "cumulative"

    _remember(state, sent, stext, readings, attributed, sent_source, parties, lex, norm, facts)
    return readings
