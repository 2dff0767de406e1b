"""Traps: counts that have a category but are not losses. Drones launched, rates ('a day'),
stocks and deliveries, recruitment, forecasts, prisoner exchanges, a city's population, another
war's toll. Each is a named rule (`TRAP_RULES`) giving the reason kept in the mentions frame."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Callable

from .. import vocabulary as vocab
from .cues import (_BEYOND_RECRUITMENT, _EXCHANGE, _FORECAST, _LAUNCH, _MILITARY_CONTEXT, _POPULATION, _RATE_AFTER,
                   _RATE_BEFORE, _RATIO_AFTER, _RATIO_BEFORE, _RECRUIT, _REFUGEES, _SHARED_TRAPS, _STOCK)
from .lexicon import _I, _rx

if TYPE_CHECKING:
    from .tags import Reading, Tags


def _other_war(stext: str, pos: int, wars: list[int]) -> bool:
    """Whether the nearest thing named before a figure is another war rather than this one's parties
    (`wars`: sorted offsets of war words in the sentence)."""
    at = bisect_left(wars, pos)
    if not at:
        later = bisect_right(wars, pos)
        after = wars[later] if later < len(wars) and wars[later] - pos < 60 else None
        return after is not None and not _rx(r"\b(?:than|since)\b", _I).search(stext[pos:after])
    between = stext[wars[at - 1]:pos]
    if _rx(r"\b(?:russian|ukrainian|russia|ukraine|north\s+korean)\b", _I).search(between):
        return bool(_rx(r"\b(?:which|that|where|when|claimed|killed|cost|saw)\b", _I).search(between)) and not _rx(
            r"\b(?:russian|ukrainian|russia|ukraine)\b[^,]*$", _I).search(between)
    return True


def _launched(before: str, after: str, reach: int = 60) -> bool:
    """Drones or missiles launched (not lost): a launch verb governs the figure, no shoot-down does."""
    before = before[-reach:]
    launch_b = list(_LAUNCH.finditer(before))
    shot_b = list(_rx(r"\b(?:shot\s+down|shoots?\s+down|downed|downs|destroyed|destroys|intercepted|intercepts|"
                              r"neutrali[sz]ed|suppressed|jammed|brought\s+down|eliminated|hit|struck)\b", _I).finditer(before))
    if launch_b and (not shot_b or launch_b[-1].start() >= shot_b[-1].start()):  # ("struck Kyiv with 40 drones")
        return True
    if shot_b:
        return False
    if _rx(r"^[\w\s-]{0,30}?(?<!-)\b(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:launched|fired|used|evaded|got\s+through|"
           r"penetrated|reached\s+their\s+targets?)\b", _I).match(after):  # ("five drones evaded defences and struck")
        return True
    return False


TrapRule = Callable[["Reading", "Tags"], bool]


_HISTORIC_YEAR = _rx(r"\b(?:1[6-8]\d\d|19[0-8]\d)\b")


def another_war(r: "Reading", t: "Tags") -> bool:
    """'the Soviet Union lost 15,000 soldiers in Afghanistan', 'tank losses at Kursk in 1943'."""
    if t.war_mentions and _other_war(t.stext, r.num.start - t.base, t.war_mentions):
        return True
    if t.war_mentions and t.war_mentions[0] < r.num.start - t.base and _FRAMED_BY.fullmatch(t.stext, 0, t.war_mentions[0]):
        return True  # "During the entire Second Chechen War, Russia lost 6,000 soldiers": the sentence is about that war
    # (the sentence is searched once; only a sentence with such a year reads the figure's clause)
    return t.facts.has(_HISTORIC_YEAR) and bool(_HISTORIC_YEAR.search(t.clause(r)))


_FRAMED_BY = _rx(r"\W*(?:during|in|throughout|over)\s+(?:the\s+)?(?:entire\s+|whole\s+|course\s+of\s+the\s+)?"
                 r"(?:(?:first|second|third)\s+)?", _I)


def population(r: "Reading", t: "Tags") -> bool:
    """'a city of 40,000 people', 'home to 300,000', 'some 82 people lived in the section'."""
    return r.category in vocab.PEOPLE_CATEGORIES and bool(_POPULATION.search(r.before[-40:]) or _LIVED_IN.match(r.after))


_LIVED_IN = _rx(r"\s+(?:[\w-]+\s+)?(?:lived|live|living|lives)\s+(?:in|there)\b", _I)
_RESCUED = _rx(r"\s+(?:[\w-]+\s+){0,2}?(?:have\s+been|has\s+been|had\s+been|were|was)\s+(?:\w+\s+)?"
               r"(?:rescued|evacuated|saved|pulled\s+out\s+alive)\b", _I)


_DETENTION = _rx(r"\b(?:arbitrary\s+(?:arrests?|detentions?)|enforced\s+disappearances?|arrests|detentions|detainees?|"
                 r"detained|abducted|deported)\b", _I)
_DEATH_OR_WOUND = _rx(r"\b(?:killed|dead|died|deaths?|wounded|injured|found\s+dead|executed)\b", _I)


def detained(r: "Reading", t: "Tags") -> bool:
    """'We have documented 327 cases (279 men, 47 women, 1 boy)' of detention; '39 arbitrary arrests': the
    detained and the disappeared are not counted as killed or wounded unless the words say so."""
    if r.category not in vocab.PEOPLE_CATEGORIES or not t.facts.has(_DETENTION):
        return False
    clause = t.clause(r)
    return bool(_DETENTION.search(clause) or _rx(r"\bcases\b", _I).search(clause)) and not _DEATH_OR_WOUND.search(clause)


def rescued(r: "Reading", t: "Tags") -> bool:
    """'39 people have been rescued and at least 75 were wounded': the saved are not lost."""
    return r.category in vocab.PEOPLE_CATEGORIES and bool(_RESCUED.match(r.after))


_ACCIDENT = _rx(r"^[^,;.]{0,40}?\b(?:in|after)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?accident\b", _I)


def accident(r: "Reading", t: "Tags") -> bool:
    """'38 people died in a car accident' (a news digest's other headlines): an accident is no war loss."""
    return r.category == "civilians" and bool(_ACCIDENT.match(r.after))


def recruitment(r: "Reading", t: "Tags") -> bool:
    """'recruited 30,000 convicts', '17,300 convicts recruited from penal colonies and 5,102 officers'
    (a recruiting word before an 'and' or a comma belongs to the figure before); not 'of the dead,
    15,932 had been recruited from prisons'."""
    if r.category not in vocab.PEOPLE_CATEGORIES:
        return False
    recruited = _RECRUIT.search(_rx(r",|\band\b").split(r.before[-50:])[-1]) or _rx(
        rf"^[^,;.]{{0,40}}?\b(?:were|was|have\s+been|had\s+been|are|being|is)\s+(?:\w+\s+)?{_RECRUIT.pattern}", _I).match(r.after)
    return bool(recruited) and not _rx(r"\b(?:dead|killed|died|deaths|wounded)\b", _I).search(
        r.before[-50:] + r.after[:40]) and not (r.inherited and r.carried_measure in ("killed", "wounded", "casualties", "missing"))


def rate(r: "Reading", t: "Tags") -> bool:
    """'losing 1,000 a day', 'an average of 30 per day', 'for every kilometre, Russia is losing 170',
    a ratio ('losses were 1 to 27 at one point', '4:1')."""
    n, norm, sent = r.num, t.norm, t.sent
    after_local = norm[n.end:min(sent.end, n.end + 70)]
    before_local = norm[max(sent.start, n.start - 60):n.start]
    if _RATIO_AFTER.match(after_local) or _RATIO_BEFORE.search(before_local) or _rx(r"^\s*times\b", _I).match(after_local):
        return True  # (and a multiple: "Russian deaths at more than two times that of Ukraine")
    return bool(_RATE_AFTER.match(r.after if r.after else after_local) or _RATE_BEFORE.search(before_local)
                or _rx(r"\bper\s*$").search(r.after) or _DAILY_ADVERB.match(after_local))


# "lost 1,262 people killed and wounded in May daily": each day, not one day (but "the daily report said" is not)
_DAILY_ADVERB = _rx(r"[^.;,]{0,60}?\b(?:daily|weekly)\b(?!\s+(?:reports?|updates?|losses|toll|figures?|tally|summary|bulletins?|"
                    r"briefings?))", _I)


_EVERY_DAY = _rx(r"\b(?:every|each|per)\s+(?:single\s+)?(?:day|week|month)\b|\b(?:practically|almost|nearly)\s+daily\b", _I)
_ONGOING = _rx(r"\b(?:are|is)\s+(?:\w+\s+)?(?:dying|being|losing|killed|wounded|taking|putting|eliminating|destroying)\b", _I)


def ongoing_rate(r: "Reading", t: "Tags") -> bool:
    """'Between 60 and 100 soldiers are dying on the battlefield every day': how fast, not a count."""
    clause = t.clause(r)
    return bool(_EVERY_DAY.search(clause) and _ONGOING.search(clause))


def refugees(r: "Reading", t: "Tags") -> bool:
    """'4.8 million Ukrainians have fled abroad', 'turned 15 million Ukrainians into refugees'."""
    if r.category not in vocab.PEOPLE_CATEGORIES:
        return False
    np_end = max(r.cat_end - r.num.end, 0)
    return bool(_REFUGEES.match(r.after[np_end:]))


def beyond_recruitment(r: "Reading", t: "Tags") -> bool:
    """'lost 9,000 more troops than it recruited': a difference, not a loss."""
    return r.category in vocab.PEOPLE_CATEGORIES and bool(_BEYOND_RECRUITMENT.match(r.after))


_THAN_THE = _rx(r"\bthan\s+the\s+(?:[\w-]+\s+)?$", _I)


def forecast(r: "Reading", t: "Tags") -> bool:
    """'could lose 50,000 more', 'is expected to reach': in the figure's own stretch of words between
    commas (not 'personnel expected to return to duty, total casualties are ... 240,000'), and not a
    known figure it is compared with ('higher than the 7,000 deaths US intelligence estimated')."""
    clause = t.clause(r)
    if not _FORECAST.search(clause) or _THAN_THE.search(r.before):
        return False
    head = r.before[r.before.rfind(",") + 1:]
    comma = r.after.find(",")
    return bool(_FORECAST.search(head + " " + (r.after if comma < 0 else r.after[:comma])))


def launched(r: "Reading", t: "Tags") -> bool:
    """'Russia launched 120 drones' (not lost; those shot down are), and the later items of that list
    ('struck Ukraine with 29 missiles and 480 drones'), so the words before the list's first item count."""
    if r.category not in ("drones", "cruise_missiles", "aircraft"):
        return False
    before, reach = r.before, 60
    if _LIST_ITEM_GAP.fullmatch(before) and not _OWN_FATE.match(r.after):  # ("..., 16 of which were shot down")
        wide = t.norm[max(t.sent.start, r.num.start - 160):r.num.start]
        before = wide[max(wide.rfind(";"), wide.rfind(". ")) + 1:]
        reach = len(before)  # (the verb before the list's first item governs its last)
    return _launched(before, r.after, reach)


_OWN_FATE = _rx(r"\s*(?:of\s+(?:which|whom|them|those|these)|were|was|have|had|are)\b", _I)
_LIST_ITEM_GAP = _rx(r"[\w\s-]{0,40}?(?:,|\band)\s*", _I)


def _local(r: "Reading") -> str:
    return r.before[-60:] + _rx(r"[,;]").split(r.after, maxsplit=1)[0]


def exchange(r: "Reading", t: "Tags") -> bool:
    """'returned 95 prisoners in an exchange', 'the bodies of 757 soldiers'."""
    local = _local(r)
    return bool(_EXCHANGE.search(local)) and not _rx(r"\b(?:killed|died|dead|wounded|injured)\b", _I).search(local)


_PROPERTY = _rx(r"\b(?:houses?|homes?|buildings?|apartment|high-rises?|garages?|shops?|cars|windows|schools?|"
                r"infrastructure|private)\b", _I)


def property_damage(r: "Reading", t: "Tags") -> bool:
    """'55 buildings and 40 vehicles were damaged': vehicles hit with homes in a strike are property, not losses."""
    if r.category != "vehicles_fuel_tanks":
        return False
    clause = t.clause(r)
    if _rx(r"\bdamaged\b", _I).search(clause) and _PROPERTY.search(clause):
        return True
    # "at least 80 cars were destroyed as a result of the attack": cars in a strike on a town, no army named
    cars = r.cat_end > r.num.end and _rx(r"\bcars?\b", _I).search(t.norm[r.num.end:r.cat_end])
    return bool(cars) and (t.facts.strike or t.facts.civilian_context or t.state.strike_lead) \
        and not t.facts.has(_MILITARY_CONTEXT) and not t.sides.between(r.num.end, r.cat_end)


def all_but(r: "Reading", t: "Tags") -> bool:
    """'downed all but one of the 40 drones': the one that got through, not a loss."""
    return bool(_rx(r"\ball\s+but\s+$", _I).search(r.before))


_ARMY_OF = _rx(r"\b(?:army|armed\s+forces|force|military|contingent|grouping)\s+of\s+(?:(?:just|slightly|some|about|around|nearly|"
              r"almost|roughly)\s+)?(?:(?:over|more\s+than|under|fewer\s+than|less\s+than|up\s+to)\s+)?$", _I)
_KILLED_OR_HURT = _rx(r"\b(?:killed|killing|died|dead|wounded|wounding|injured|injuring)\b", _I)


def stock(r: "Reading", t: "Tags") -> bool:
    """'delivered 31 Abrams tanks', 'entered the war with some 2,500 tanks'; 'an army of just over 200,000 men'
    (a force's size, whatever losses the sentence names)."""
    if _ARMY_OF.search(r.before):
        return True
    local = _local(r)
    return bool(_STOCK.search(local)) and not (t.lex.equipment_loss.search(local) or t.lex.loss_verb.search(local)) and not (
        r.category in vocab.PEOPLE_CATEGORIES and _KILLED_OR_HURT.search(local))  # "100 soldiers stationed in Russia were killed"


TRAP_RULES: tuple[tuple[str, TrapRule], ...] = (
    ("other_war", another_war), ("population", population), ("recruitment", recruitment),
    ("recruitment", beyond_recruitment), ("not_a_loss", refugees), ("rate", rate), ("rate", ongoing_rate),
    ("forecast", forecast), ("launched", launched), ("exchange", exchange), ("stock", stock),
    ("not_a_loss", property_damage), ("not_a_loss", all_but), ("not_a_loss", rescued), ("not_a_loss", detained), ("not_a_loss", accident),
)


_FROM_A_HIGH = _rx(r"\b(?:down|up)\s+from\s+(?:an?\s+|the\s+)?(?:(?:high|peak|low|record|average|maximum|minimum)\s+of\s+)?"
                   r"(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?$", _I)
_PARTS_AFTER = _rx(r"^\s*(?:[\w-]+\s+){0,3}?(?:[-\u2013\u2014:(]|,?\s*including|,?\s*among\s+them|,?\s*of\s+whom|and)\s*"
                   r"(?:\w+\s+)?$", _I)


def resolve_traps(t: "Tags") -> None:
    """Give each figure that is not a loss its reason; a figure compared with one shares it."""
    readings = t.readings
    for i, r in enumerate(readings):
        if r.reason:
            continue
        if i and readings[i - 1].num.form == "count" and _rx(r"\s*(?:out\s+)?of\s+(?:the\s+)?", _I).fullmatch(r.before):
            # "shot down 10 of 12 drones", "93 of 120 men": the second figure is how many there were
            r.reason = "launched" if r.category in vocab.AIRBORNE_CATEGORIES else "not_a_loss"
            continue
        if not r.category:
            r.reason = "no_category"
            continue
        for reason, rule in TRAP_RULES:
            if rule(r, t):
                r.reason = reason
                r.decided("reason", rule.__name__.replace("_", " "))
                break
    for i, r in enumerate(readings):
        if r.partner is not None and r.partner.reason and not r.reason:
            r.reason = r.partner.reason  # "losing between 1,000 and 1,500 a day"
        prev = readings[i - 1] if i else None
        if prev is not None and prev.reason == "rate" and not r.reason and _FROM_A_HIGH.search(r.before):
            r.reason = "rate"  # "an average of 1,140 a day in July, down from a high of 1,262 in May"
            r.decided("reason", "compared with a rate")
            continue
        if prev is not None and ("reason", "detained") in prev.why and not r.reason and (
                _PARTS_AFTER.match(r.before) or r.before.strip() in (",", "and", ", and")):
            r.reason = "not_a_loss"  # "327 cases (279 men, 47 women, 1 boy)": the detained, every part
            r.decided("reason", "part of a detained figure")
            continue
        if prev is not None and prev.reason == "exchange" and not r.reason and _PARTS_AFTER.match(r.before):
            r.reason = "exchange"  # "returned home 230 Ukrainians - 225 men and five women": parts of the exchanged
            r.decided("reason", "part of an exchanged figure")
            continue
        if prev is not None and prev.reason in _SHARED_TRAPS and not r.reason and _rx(r"\bby\s+$", _I).search(prev.before) \
                and _rx(r"\s*(?:[\w-]+\s+){0,2}to\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?", _I).fullmatch(r.before):
            r.reason = prev.reason  # "ordered the army to grow by 180,000 troops to 1.5 million": the new size, not a loss
