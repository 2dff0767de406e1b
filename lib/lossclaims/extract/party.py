"""Party: whose loss a figure is. The owner named in its noun phrase ('12 Ukrainian tanks'), the
subject of a loss verb, the other side of whoever destroyed or shot it down, 'the enemy' read from
the speaker, the launcher of munitions shot down; civilians by where they were; else the side the
text has been talking about."""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Callable

from .cues import _CLAUSE_BREAK, _OCCUPIED, _RUSSIAN_PLACES
from .lexicon import BELLIGERENTS, CONTEXT, Lexicon, MUNITIONS, OPPOSITE, SPEAKER_PARTY, _I, _LAUNCH_REACH, _dyn, _lookup, _rx, lexicon
from .tags import _party_mentions

if TYPE_CHECKING:
    from .tags import Reading, Tags


def _resolve(party: str, speaker: str) -> str:
    if party == "enemy":
        return OPPOSITE.get(SPEAKER_PARTY.get(speaker, "ukraine"), "russia")
    return party


def _civilian_party(r: "Reading", t: "Tags", carried: str = "") -> str:
    """Civilians belong to their country: named with the noun, else where they were, else the
    other side of the attacker, else Ukraine (where almost all of this war's civilian toll is)."""
    np_end = r.cat_end if r.cat_end >= 0 else r.num.end
    inside = [p for p in t.sides.between(r.num.end, np_end) if p.role != "supplier"]
    if inside:
        return inside[-1].party
    left, right = _clause_bounds(r, t)
    if t.facts.russian_place and _RUSSIAN_PLACES.search(t.stext, left, right):
        return "russia"
    if t.facts.has(_OCCUPIED):
        return "ukraine"  # civilians of occupied Ukraine, whoever shelled them and whoever counts them
    return _struck_or_attacked(t, [p for p in t.parties if left <= p.start - t.base < right]) or carried or "ukraine"


def _clause_bounds(r: "Reading", t: "Tags") -> tuple[int, int]:
    """Where the figure's clause starts and ends in its sentence ('..., while officials in Russia said' is another's)."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(t.stext, 0, r.num.start - t.base)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(t.stext, r.num.end - t.base)), len(t.stext))
    return left, right


def _struck_or_attacked(t: "Tags", parties: list | None = None) -> str:
    """The country a sentence says was struck ('bombardment ... on Ukraine'), else the other side of
    the attacker it names as an adjective or possessive ('Russian shelling', "Russia's strike")."""
    stext, base = t.stext, t.base
    parties = t.parties if parties is None else parties
    struck = [p for p in parties if p.role == "location" and p.party in OPPOSITE
              and not _rx(r"(?:ian|ians|'s)$", _I).search(stext[p.start - base:p.end - base])]  # a country, not "Russian shelling"
    if struck:
        return struck[-1].party
    for p in parties:
        if not _rx(r"(?:ian|'s)$", _I).search(stext[p.start - base:p.end - base]):
            continue
        tail = stext[p.end - base:p.end - base + 30]
        if _rx(r"^\s*(?:(?!(?:with|by|from|on|in|at)\b)[\w-]+\s+){0,2}?(?:shells?|shelling|strikes?|attacks?|drones?|missiles?|bombs?|forces|troops|"
               r"army|artillery|airstrikes?|air\s+strikes?|glide\s+bombs?)\b", _I).match(tail) and p.party in OPPOSITE:
            return OPPOSITE[p.party]
    return ""


PartyRule = Callable[["Reading", "Tags"], str]

_COUNT_AFTER = _rx(r"\s+(?:(?:about|around|some|over|more\s+than|at\s+least|nearly|almost|up\s+to|another)\s+)?"
                   r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b)", _I)
_PART_BEFORE = _rx(r"\b(?:including|among\s+them|among\s+which|of\s+which|of\s+whom)\s+(?:\w+\s+){0,2}$", _I)


def part_of_the_figure_before(r: "Reading", t: "Tags") -> str:
    """'1,244 Ukrainian armoured vehicles, including 17 Leopard tanks': a part is the whole's side."""
    if not _PART_BEFORE.search(r.before[-60:]):
        return ""
    for whole in reversed(t.readings[max(0, r.at - 4):r.at]):  # the whole is a figure or two before
        if whole.party and not whole.reason:
            return whole.party
    return ""


def owner_in_the_noun_phrase(r: "Reading", t: "Tags") -> str:
    """'12 Ukrainian tanks', 'units of Russian equipment', 'tanks of the Russian army',
    'inflicted 14,090 casualties on the Ukrainian army'."""
    n, norm, sent = r.num, t.norm, t.sent
    np_end = r.cat_end if r.cat_end >= 0 else n.end  # no noun after the figure: no noun phrase to look in
    inside = [p for p in t.sides.between(n.end, np_end) if p.role != "supplier"]
    if inside:
        if {p.party for p in inside} == {"russia", "ukraine"}:
            return "both"  # "354,000 Russian and Ukrainian soldiers"
        return inside[-1].party
    if r.cat_end >= 0:
        tail = norm[r.cat_end:min(sent.end, r.cat_end + 40)]
        m = _rx(r"^\s*(?:of|from|belonging\s+to)\s+(?:the\s+)?", _I).match(tail) or (
            t.facts.first_end(_rx(r"\binflict", _I)) <= n.start - sent.start and _rx(r"^\s*on\s+(?:the\s+)?", _I).match(tail))
        if m:
            at = r.cat_end + m.end()
            owner = t.sides.between(at, at + 3)
            if owner:
                return owner[0].party
    return ""


_CAPTIVITY = _rx(r"^[^.;]{0,40}?\bin\s+(?:the\s+)?$", _I)


def captor_named(r: "Reading", t: "Tags") -> str:
    """'900 fighters remain in Russian captivity': the other side of the captor."""
    if r.measure != "captured" or "captivity" not in t.stext:
        return ""
    start = r.cat_end if r.cat_end >= 0 else r.num.end
    for p in t.sides.between(start, min(t.sent.end, start + CONTEXT)):
        if t.norm.startswith(" captivity", p.end) and _CAPTIVITY.match(t.norm[start:p.start]) and p.party in OPPOSITE:
            return OPPOSITE[p.party]
    return ""


def shot_down_over_russia(r: "Reading", t: "Tags") -> str:
    """'three UAVs were destroyed over the Voronezh region', 'two drones were downed as they approached
    Moscow': munitions shot down over Russia are Ukraine's."""
    if r.category in MUNITIONS and t.facts.russian_place and _SHOT_DOWN.search(t.stext) and not t.facts.has(_rx(
            r"\b(?:russia|russian|moscow)\s+(?:\w+\s+){0,3}?(?:launched|fired|attacked)\b", _I)):
        return "ukraine"
    return ""


_SHOT_DOWN = _rx(r"\b(?:shot\s+down|downed|intercepted|destroyed|neutrali[sz]ed|repelled|thwarted)\b", _I)


def agent_after_by(r: "Reading", t: "Tags") -> str:
    """'20 tanks destroyed by Ukrainian forces': the other side of the agent; 'lost by Russia': the agent."""
    n = r.num
    after_np = t.norm[(r.cat_end if r.cat_end >= 0 else n.end):min(t.sent.end, n.end + CONTEXT)]
    m_by = _rx(r"^[^.;]{0,40}?\b(?P<v>destroyed|killed|shot\s+down|downed|captured|hit|struck|damaged|eliminated|"
               r"wounded|injured|lost|suffered|sustained|held|held\s+captive|imprisoned)\s+by\s+(?:the\s+)?", _I).match(after_np)
    if m_by:
        pos = (r.cat_end if r.cat_end >= 0 else n.end) + m_by.end()
        agent = [p for p in t.sides.between(pos, pos + 26) if p.role != "supplier"]
        if agent:
            if m_by.group("v").lower() in ("lost", "suffered", "sustained"):
                return agent[0].party
            return OPPOSITE.get(_resolve(agent[0].party, r.source), "")
    return ""


def _verbs_before(before: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Loss verbs ('lost', 'losses') and destroy verbs ('destroyed', 'shot down') before a figure,
    a destroy verb in the passive counting as a loss ('had been killed')."""
    verbs = []
    for m in lex.loss_verb.finditer(before):
        # "inflicted losses of 14,090 on the Ukrainian army": the losses are the other side's
        inflicted = _rx(r"\b(?:inflicted|inflicting|caused|causing|dealt)\s+(?:\w+\s+)?$", _I).search(before[max(0, m.start() - 25):m.start()])
        verbs.append((m.start(), m.end(), "destroy" if inflicted else "loss"))
    for m in lex.destroy_verb.finditer(before):
        if _rx(r"\b(?:its|their|his|the|total|whose)\s+$", _I).search(before[max(0, m.start() - 8):m.start()]) or _rx(
                r"\s+(?:and|or)\s+(?:wounded|injured)", _I).match(before[m.end():m.end() + 14]) or _rx(
                r"\b(?:killed|dead)\s+(?:and|or)\s+$", _I).search(before[max(0, m.start() - 12):m.start()]):
            continue  # "its total killed and wounded", "1,990 soldiers killed and wounded": a noun, not a verb
        # "5,937 soldiers had been killed": a passive names the loser, not the side that destroyed.
        passive = _rx(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+)?$", _I).search(before[max(0, m.start() - 20):m.start()]) \
            or (_dyn().noun_before.search(before[max(0, m.start() - 40):m.start()])
                # "equipment destroyed, damaged or captured, along with 28 ships": a participle, unless
                # the figure is its object ("a drone destroyed a tank") or a count follows the verb
                # ("air defence systems shot down 176 shells, 27 missiles")
                and (len(before[m.end():].split()) > 3 or _rx(r"[,;]").search(before[m.end():]))
                and not _COUNT_AFTER.match(before, m.end()))
        verbs.append((m.start(), m.end(), "loss" if passive else "destroy"))
    return verbs


def verb_before_the_figure(r: "Reading", t: "Tags") -> str:
    """The verb nearest before the figure decides: a loss verb -> its subject ('Russia lost'), a
    destroy verb -> the other side of its subject ('Ukrainian forces destroyed')."""
    n, norm, state = r.num, t.norm, t.state
    before_start = max(t.sent.start, n.start - CONTEXT)
    before = norm[before_start:n.start]
    verbs = _verbs_before(before, t.lex)
    if not verbs:
        return ""
    vs, ve, kind = max(verbs, key=lambda v: v[1])
    limit = before_start + vs
    subj = t.subjects[:bisect_left([p.start for p in t.subjects], limit)]  # "losses of Russian troops", "Russia's losses"
    near = t.sides.plain_between(before_start + ve, n.start)
    if kind == "loss":
        word = before[vs:ve].lower()
        if word in ("losses", "loss", "casualties", "death toll") and near:
            return near[0].party
        if (word in ("losses", "casualties") and state.last_figure and state.last_figure[0]
                and _rx(r"\b(?:the|these|those|such)\s+$", _I).search(before[max(0, vs - 8):vs])
                and _rx(r"^\s+(?:included|include|includes|comprised|comprise|were|are)\b", _I).match(before[ve:ve + 14])):
            return state.last_figure[0]  # "the losses included up to 520 troops in ...": the figure before's side
        if subj:
            return subj[-1].party
        return near[0].party if near else ""
    if _rx(r",\s*(?:while\s+|and\s+)?(?:also\s+)?\w+ing\s*$", _I).search(before[:ve]) and subj:
        # "Ukrainian defenders eliminated ..., while also destroying 12 tanks": the subject of the sentence
        first = next((p for p in subj if not _rx(r"(?:'s)?\s+(?:\w+\s+){0,2}losses", _I).match(norm[p.end:p.end + 30])), subj[0])
        agent = _resolve(first.party, r.source)
        if agent in OPPOSITE:
            return OPPOSITE[agent]
    if subj:
        return OPPOSITE.get(_resolve(subj[-1].party, r.source), "")
    if r.category in MUNITIONS and (launcher := _launcher(norm, n.start)):
        return launcher  # "Air defence neutralised 45 cruise missiles" after "Russia attacked"
    speaker_party = SPEAKER_PARTY.get(r.source, "")
    return OPPOSITE[speaker_party] if speaker_party else ""


_SIDE_SAYS = _rx(r"\s+(?:also\s+|has\s+|had\s+)?(?:said|says|claimed|claims|reported|reports|stated|announced)\s+(?:that\s+)?(?=\d)", _I)


def side_named_in_the_sentence(r: "Reading", t: "Tags") -> str:
    """A side named before the figure, else after it ('11,000 soldiers North Korea has sent')."""
    n, norm = r.num, t.norm
    plain = t.sides.plain
    for j in range(t.sides.plain_before(n.start) - 1, -1, -1):
        p = plain[j]
        # "Ukraine's Air Force said 55 of the drones were shot down", "Ukraine's army said 450 tanks have been
        # destroyed": the voice does not own what it counts
        if _rx(r"(?:'s)?\s+(?:[\w-]+\s+){0,2}?(?:air\s+force|military|army|general\s+staff|(?:defen[cs]e\s+)?ministry|command|navy)"
                r"\s+(?:\w+\s+)?(?:said|says|reported|reports|stated|announced)\b", _I).match(norm[p.end:p.end + 120]) \
                or _SIDE_SAYS.match(norm[p.end:p.end + 80]):
            continue  # ("Ukraine also said that 236 aircraft ... were destroyed": the side speaks)
        return p.party
    at = t.sides.plain_before(n.end)
    return plain[at].party if at < len(plain) else ""


def list_header_side(r: "Reading", t: "Tags") -> str:
    """An item of a list whose header named the side ('losses of the enemy:')."""
    if t.colon and t.colon[0]:
        return _resolve(t.colon[0], r.source if r.source in SPEAKER_PARTY else t.state.speaker)
    return ""


def launcher_of_munitions(r: "Reading", t: "Tags") -> str:
    """'19 drones were locally lost', '93 of the 112 cruise missiles were intercepted': the launcher's."""
    return _launcher(t.norm, r.num.start) if r.category in MUNITIONS else ""


def side_last_talked_about(r: "Reading", t: "Tags") -> str:
    """The side of the figures of this or the two paragraphs before."""
    state = t.state
    return state.last_party if state.last_party and state.last_party_para >= t.sent.para - 2 else ""


def other_side_of_a_shootdown(r: "Reading", t: "Tags") -> str:
    """'shot down 12' in a side's own statement, '498 tanks ... have been destroyed' in its General
    Staff's report: the other side's."""
    source = r.source if r.source in SPEAKER_PARTY else (t.state.speaker if r.source == "national_official" else "")
    speaker_party = SPEAKER_PARTY.get(source, "")
    if not speaker_party:
        return ""
    before = t.norm[max(t.sent.start, r.num.start - CONTEXT):r.num.start]
    if _rx(r"\b(?:shot\s+down|downed|intercepted|destroyed)\b", _I).search(before):
        return OPPOSITE[speaker_party]
    after = t.norm[r.num.end:min(t.sent.end, r.num.end + CONTEXT)]
    if _rx(r"^[^.;]*?\b(?:have|has|had|were|was)\s+been\s+(?:shot\s+down|downed|intercepted|destroyed)\b", _I).match(after):
        return OPPOSITE[speaker_party]
    return ""


def side_named_most(r: "Reading", t: "Tags") -> str:
    """Last resort: the side the article has named most so far (civilians are Ukraine's instead,
    by `_civilian_party`). Counted once per sentence, not per figure."""
    if r.category == "civilians":
        return ""
    state, sent = t.state, t.sent
    if state.counted_to < sent.end:
        for p in _party_mentions(t.norm[state.counted_to:sent.end], state.counted_to, t.lex):
            if p.role == "plain":
                state.party_counts[p.party] = state.party_counts.get(p.party, 0) + 1
        state.counted_to = sent.end
    counts = state.party_counts
    return max(counts.items(), key=lambda kv: kv[1])[0] if counts else ""


_OUR_LOSSES = _rx(r"\bour\s+(?:\w+\s+)?(?:losses|casualties|dead)\b", _I)


def the_speakers_own_losses(r: "Reading", t: "Tags") -> str:
    """'"Our losses in the special operation amounted to 5,937 people," Shoygu said': the speaker's side."""
    # (a slice, not pos/endpos over the whole text: caseless patterns lower-case what they are given)
    if not _OUR_LOSSES.search(t.norm[max(t.sent.start, r.num.start - CONTEXT):r.num.start]):
        return ""
    return SPEAKER_PARTY.get(r.source if r.source in SPEAKER_PARTY else t.state.speaker, "")


PARTY_RULES: tuple[PartyRule, ...] = (
    owner_in_the_noun_phrase, part_of_the_figure_before, captor_named, shot_down_over_russia, agent_after_by,
    the_speakers_own_losses, verb_before_the_figure, side_named_in_the_sentence,
    list_header_side, launcher_of_munitions, side_last_talked_about, other_side_of_a_shootdown, side_named_most,
)

def _launcher(norm: str, pos: int) -> str:
    """The side named last as launching or attacking before `pos`, if any: whose shot-down munitions these are.

    >>> _launcher("Russia attacked Ukraine overnight with 298 drones. Air defence shot down 266.", 70)
    'russia'
    """
    found = ""
    # (a slice, not pos/endpos over the whole text: caseless patterns lower-case what they are given)
    for m in _dyn().launcher.finditer(norm[max(0, pos - _LAUNCH_REACH):pos]):
        found = _lookup(lexicon().party_key, m.group("p"))
    return found if found in OPPOSITE else ""


def resolve_party(r: "Reading", t: "Tags") -> None:
    """Set the figure's side, or `no_party` as its reason when it is none of the war's sides."""
    state = t.state
    if not r.party and r.inherit is not None and r.inherit.party and not (
            r.category == "civilians" and _CLAUSE_BREAK.search(t.norm[r.inherit.num.end:r.num.start])):
        # ("... killed two people in Kryvyi Rih, while officials in Russia said a drone had wounded 11": another clause's)
        own = _dyn().own_subject.search(r.before[-80:])
        # "Russia has lost 2,000 tanks, while Ukraine has lost about 500": the second has its own side
        r.party = _lookup(t.lex.party_key, own.group("p")) if own else r.inherit.party
        r.decided("party", "own subject" if own else "the side of the figure it continues")
    if not r.party and r.category == "civilians":
        r.party = _civilian_party(r, t, state.last_civilians)
        r.decided("party", "civilians belong to their country")
    if not r.party and r.list_head is not None and r.list_head.party:
        np_end = r.cat_end if r.cat_end >= 0 else r.num.end
        own = [p for p in t.sides.between(r.num.end, np_end) if p.role != "supplier"]
        r.party = own[-1].party if own else r.list_head.party
        r.decided("party", "owner in the noun phrase" if own else "the side of the list's first item")
    if not r.party:
        for rule in PARTY_RULES:
            r.party = rule(r, t)
            if r.party:
                r.decided("party", rule.__name__.replace("_", " "))
                break
    r.party = _resolve(r.party, r.source if r.source in SPEAKER_PARTY else state.speaker)
    if not r.party or r.party not in BELLIGERENTS + ("both",):
        r.reason = "no_party"
