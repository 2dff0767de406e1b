"""Period: cumulative (a running total since the invasion), daily (the past day) or window (any
other bounded time). The nearest period marker of the figure's sentence first; for a figure whose
sentence says nothing, named rules (`CARRIED_RULES`) carry a period from the list header, the
paragraph, the article's lead; else it is a running total."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .cues import _DAILY, _SAME_PERIOD, _TOTAL_BEFORE, _WINDOW
from .lexicon import _I, _rx
from .text import Sentence

if TYPE_CHECKING:
    from .tags import Reading, Tags, _SentenceFacts


def _fits_period(r: "Reading", period: str) -> bool:
    """Whether a figure (and the list it heads or belongs to) is small enough to be one day's or
    one night's loss; a running total is not."""
    if period not in ("daily", "window"):
        return False
    scale = 1 if period == "daily" else 20  # a week or a battle can cost far more than a day
    for x in (r, r.list_head):
        if x is not None and x.num.value > scale * _ONE_DAY_CAP.get(x.category, 1000):
            return False
    return True


# More than these in one day is a running total, not a day's loss (aircraft, ships: dozens at most).
_ONE_DAY_CAP = {"personnel": 3000, "civilians": 3000, "aircraft": 30, "helicopters": 30, "ships": 10, "submarines": 3,
                # heavy equipment: the worst days of the war cost dozens, not thousands ("10,881 tanks" is a running total)
                "tanks": 150, "armoured_vehicles": 300, "ifv": 150, "apc": 150, "artillery": 300, "mlrs": 60,
                "self_propelled_artillery": 100, "air_defence": 40}


# "destroyed a total of 55 Ukrainian fixed-wing drones overnight": the night's total
_NIGHT_AFTER = _rx(r"[^.;\d]{0,45}?\b(?:overnight|during\s+the\s+night|last\s+night|over\s+the\s+night)\b", _I)


def _period_for(r: "Reading | None", norm: str, sent: Sentence, facts: "_SentenceFacts") -> str:
    """cumulative, daily or window: the figure's own markers first, then the sentence's ('' if none).

    With no figure (`r` None) it reads the sentence alone, e.g. a list header.
    """
    if r is None:
        if facts.since_war or _rx(r"\b(?:total|overall|cumulative|in\s+all)\b", _I).search(norm[sent.start:sent.end]):
            return "cumulative"
        return "daily" if facts.daily else ("window" if facts.window else "")
    total = _TOTAL_BEFORE.search(norm[max(sent.start, r.num.start - 45):r.num.start])
    if not total:  # "This takes the number of Russian tanks lost in Ukraine to 3363": further, with no figure between
        total = _TOTAL_BEFORE.search(norm[max(sent.start, r.num.start - 70):r.num.start])
        total = total if total and not any(ch.isdigit() for ch in total.group()) else None
    if total and not _DAILY.search(norm[r.num.end:min(sent.end, r.num.end + 30)]) and not _WINDOW.search(total.group()) \
            and not _NIGHT_AFTER.match(norm[r.num.end:min(sent.end, r.num.end + 60)]) \
            and not (facts.window and _LEADING_TOTAL.match(facts.text)) \
            and not any(k == "window" and facts.text[ms:ms + 6].lower() == "since " for ms, _, k in facts.markers):
        return "cumulative"  # (but "a total of 6,662 troops killed since Aug. 8" is the total of a window)
    ns, ne = r.num.start - sent.start, r.num.end - sent.start
    best: tuple[int, int, str] | None = None
    total_word = windowed = False
    for ms, me, kind in facts.markers:
        # A date before a reporting verb that precedes the figure dates the statement:
        # "In February 2023, UK Defence Intelligence assessed that Russia had suffered ..."
        if (kind == "window" and me <= ns and any(me <= v < ns for v in facts.reporting)
                and _rx(r"(?:in|on)\b", _I).match(facts.text[ms:me]) and r.category != "civilians"):
            continue
        if kind == "window" and any(k == "daily" for _, _, k in facts.markers) and _fits_period(r, "daily"):
            continue  # "in Russian attacks ... over the past 24 hours": the day is the period
        if kind == "daily" and not _fits_period(r, "daily"):
            continue  # "... over the past day, bringing the total since the fighting began to 24,100": no day's loss
        if any(ps <= ms < pe and not ps <= ns < pe for ps, pe in facts.parens):
            continue  # "about 39 870 people (170 more over the past day)": the aside's period is its own
        if ms >= ne and _TOTAL_LINK_AFTER.search(facts.text, ne, me):
            continue  # "another four destroyed, meaning Russia has lost 2,033 in total": the total's marker
        dist = ms - ne if ms >= ne else (ns - me if me <= ns else 0)
        rank = (dist, {"daily": 0, "cumulative": 1, "window": 2}[kind])
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], kind)
        windowed = windowed or kind == "window"
        total_word = total_word or kind == "cumulative" and me <= ns and bool(_TOTAL_WORD.fullmatch(facts.text[ms:me]))
    if best and best[2] == "cumulative" and total_word and windowed:
        return "window"  # "In all, 232 people were killed ... in June": the total of the month (a leading total word)
    return best[2] if best else ""


_TOLL_SO_FAR = _rx(r"\b(?:as\s+of\s+(?:now|this\s+moment|this\s+morning|this\s+evening|the\s+morning|the\s+evening|\d+)|so\s+far|"
                   r"(?:total\s+)?death\s+toll|"
                   r"at\s+the\s+moment|currently|a\s+total\s+of|in\s+total)\b", _I)
_IN_THE_WAR = _rx(r"\b(?:in|during|of|since)\s+the\s+(?:full-scale\s+)?(?:war|invasion|conflict)\b", _I)
_TOTAL_WORDS = r"in\s+total|in\s+all|overall|altogether"
_LEADING_TOTAL = _rx(rf"\W*(?:{_TOTAL_WORDS})\b", _I)
_TOTAL_WORD = _rx(_TOTAL_WORDS, _I)


PeriodRule = Callable[["Reading", "Tags"], str]


def same_period_as_before(r: "Reading", t: "Tags") -> str:
    """'in the same period': the period of the figure before."""
    return t.state.last_period if t.facts.has(_SAME_PERIOD) and t.state.last_period else ""


def list_header(r: "Reading", t: "Tags") -> str:
    """An item of a list whose header gave the period ('... over the past day:')."""
    return t.colon[3] if t.colon and t.colon[3] else ""


def same_night_in_the_paragraph(r: "Reading", t: "Tags") -> str:
    """The same night or attack, told over two sentences of a paragraph."""
    pp = t.state.para_period
    if pp and pp[0] == t.sent.para and (r.category == "civilians" or _fits_period(r, pp[1])):
        return pp[1]
    return ""


def civilians_in_a_strike(r: "Reading", t: "Tags") -> str:
    """'a missile strike on Dnipro killed 40 civilians': the strike's toll."""
    return "window" if r.category == "civilians" and t.facts.strike else ""


def the_leads_period_for_the_same_voice(r: "Reading", t: "Tags") -> str:
    """The lead's period holds for the same voice on the same side ('up to 510 servicemen' in a
    daily MoD report)."""
    state = t.state
    same = state.default_key[0] == r.party and "unattributed" in (state.default_key[1], r.source) or \
        state.default_key == (r.party, r.source)
    if state.default_period in ("daily", "window") and not _fits_period(r, state.default_period):
        return ""  # "640 killed in 24 hours" leads; "5,439 tanks" later is the running total
    return state.default_period if same and state.default_period else ""


def event_told_in_the_past(r: "Reading", t: "Tags") -> str:
    """Civilians killed in an event told in the simple past ('three people were killed in Kharkiv',
    'drones killed two civilians'), and soldiers killed in a strike so told ('a Ukrainian strike on a
    barracks killed 63 Russian troops'), not a running toll ('attacks have killed 12,000')."""
    if not (r.category == "civilians" or r.category == "personnel" and t.facts.strike) or not _fits_period(r, "daily"):
        return ""
    told = t.facts.has(_rx(r"\b(?:were|was)\s+(?:\w+\s+)?(?:killed|injured|wounded|hurt)\b|\bdied\b", _I)) or _KILLED_IN.match(
        r.after) or _rx(
        r"(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)\b(?:killed|injured|wounded)\s+(?:(?:at\s+least|more\s+than|about|around|"
        r"some|nearly|almost|over|up\s+to)\s+)?$", _I).search(r.before)
    return "window" if told else ""


# A strike's toll is dozens or hundreds; a larger civilian figure told after one is a running toll.
_STRIKE_TOLL_CAP = 1000


def the_strikes_toll_told_on(r: "Reading", t: "Tags") -> str:
    """Civilians counted in the sentences after a strike's toll ('52 have been hospitalized', '10 of them
    are in serious condition'), in its paragraph or the next two: the same strike's toll."""
    state = t.state
    if r.category == "civilians" and state.strike_para >= 0 and t.sent.para - state.strike_para <= 2 \
            and _a_small_toll(r, t):
        return "window"
    return ""


def a_strike_storys_civilians(r: "Reading", t: "Tags") -> str:
    """In a story that opens on a strike, a civilian toll no words date ('It is known about 4 killed and
    3 wounded', 'The number of injured rose to nine') is that strike's (up to 1,000)."""
    return "window" if r.category == "civilians" and t.state.strike_lead and _a_small_toll(r, t) else ""


def _a_small_toll(r: "Reading", t: "Tags") -> bool:
    """A figure, and every figure of its sentence, small enough for one strike's toll (not the parts of a
    running total: 'Among the 11,662 injured were 339 boys')."""
    return r.num.value <= _STRIKE_TOLL_CAP and t.largest_figure <= _STRIKE_TOLL_CAP


def an_increment_before_its_total(r: "Reading", t: "Tags") -> str:
    """'another 970 soldiers died, which has brought the total to 146,820', 'the loss of three MLRS, which
    takes the number destroyed to 474': the latest report's increment (a day's), before the total it feeds."""
    if not _fits_period(r, "daily"):
        return ""
    after = t.norm[r.num.end:min(t.sent.end, r.num.end + 120)]
    return "daily" if _TOTAL_LINK_AFTER.search(after) else ""


_TOTAL_LINK_AFTER = _rx(r"\b(?:bringing|brought|brings|taking|takes|took|raising|raises|meaning)\b[^.;]{0,80}?"
                        r"\b(?:total|number|tally|toll)\b|\b\d[\d,.]*\s+in\s+total\b", _I)


# "89 troops killed in Ukrainian attack on Makiivka": a participle with the event after it
_KILLED_IN = _rx(r"\s+(?:[\w-]+\s+){0,2}?(?:killed|died|wounded|injured)\s+(?:in|as|when|during|by)\b", _I)


def the_articles_night_or_raid(r: "Reading", t: "Tags") -> str:
    """An article about one night, week or attack: its small figures belong to it (not the 664
    warplanes Moscow claims in all, quoted in a story about one air raid)."""
    ap = t.state.article_period
    if ap and _fits_period(r, ap) and (
            r.category not in ("aircraft", "helicopters", "ships", "submarines") or _fits_period(r, "daily")):
        return ap
    return ""


CARRIED_RULES: tuple[PeriodRule, ...] = (
    same_period_as_before, list_header, same_night_in_the_paragraph, civilians_in_a_strike, an_increment_before_its_total,
    the_leads_period_for_the_same_voice, event_told_in_the_past, the_strikes_toll_told_on, a_strike_storys_civilians,
    the_articles_night_or_raid,
)


_GENERIC_TOTAL = _rx(r"\b(?:in\s+total|overall|altogether|in\s+all)\b", _I)
_RUNNING_TOTAL = _rx(r"\b(?:since|so\s+far|to\s+date|as\s+of|cumulative|throughout|war|invasion|began|start)\b", _I)


def resolve_period(r: "Reading", t: "Tags") -> None:
    """Set the figure's period (and whether words of its own sentence gave it)."""
    state = t.state
    if r.period:
        r.period_explicit = True  # "10,980 (+4)": the day's increase
        return
    if t.colon and t.colon[3] and not r.inherited:
        r.period = t.colon[3]
        r.decided("period", "list header")
        return
    r.period = _period_for(r, t.norm, t.sent, t.facts)
    r.period_explicit = bool(r.period)
    if r.period == "cumulative" and r.category == "civilians" and r.num.value <= _STRIKE_TOLL_CAP \
            and _TOLL_SO_FAR.search(t.stext) and not t.facts.since_war and not _IN_THE_WAR.search(t.stext) \
            and (t.facts.strike or state.strike_lead or 0 <= t.sent.para - state.strike_para <= 2):
        r.period = "window"  # "As of now, 16 fatalities are known" in a strike's story: its toll so far
        r.decided("period", "a strike's toll so far")
        return
    if r.period == "cumulative" and state.article_period and _fits_period(r, "daily") and _GENERIC_TOTAL.search(t.stext) \
            and not _RUNNING_TOTAL.search(t.stext):
        r.period = state.article_period  # "In total, 199 drones were shot down" in a story about one night: its total
        r.decided("period", "a night's total")
        return
    if r.period:
        r.decided("period", "nearest marker in the sentence")
        if not state.default_period and r.period in ("daily", "cumulative") and not r.inherited:
            state.default_period, state.default_key = r.period, (r.party, r.source)
        return
    for rule in CARRIED_RULES:
        r.period = rule(r, t)
        if r.period:
            r.decided("period", rule.__name__.replace("_", " "))
            if r.period == "window" and r.category == "civilians" and state.article_period == "daily" and _fits_period(r, "daily"):
                # "four killed across Ukraine over the past day", then region by region: each region's day
                r.period = "daily"
                r.decided("period", "a part of the day's toll the article leads with")
            if r.period == "window" and r.category == "civilians" and rule in (civilians_in_a_strike, event_told_in_the_past):
                state.strike_para = t.sent.para
            return
    r.period, r.period_default = "cumulative", True
    r.decided("period", "a running total when nothing says otherwise")
