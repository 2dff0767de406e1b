"""Party: whose loss a figure is. The owner named in its noun phrase ('12 Ukrainian tanks'), the
subject of a loss verb, the other side of whoever destroyed or shot it down, 'the enemy' read from
the speaker, the launcher of munitions shot down; civilians by where they were; else the side the
text has been talking about."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import _OCCUPIED
from .lexicon import BELLIGERENTS, CONTEXT, Lexicon, MUNITIONS, OPPOSITE, SPEAKER_PARTY, _I, _LAUNCH_REACH, _dyn, _lookup, _rx, lexicon
from .tags import _Mention, _party_mentions
from .text import Sentence

if TYPE_CHECKING:
    from .state import _ArticleState
    from .tags import Reading, Tags, _SentenceFacts


def _resolve(party: str, speaker: str) -> str:
    if party == "enemy":
        return OPPOSITE.get(SPEAKER_PARTY.get(speaker, "ukraine"), "russia")
    return party


def _civilian_party(r: "Reading", stext: str, base: int, parties: list[_Mention], facts: "_SentenceFacts",
                    carried: str = "") -> str:
    """Civilians belong to their country: named with the noun, else where they were, else the
    other side of the attacker, else Ukraine (where almost all of this war's civilian toll is)."""
    np_end = r.cat_end if r.cat_end >= 0 else r.num.end
    inside = [p for p in parties if r.num.end <= p.start < np_end and p.role != "supplier"]
    if inside:
        return inside[-1].party
    if facts.russian_place:
        return "russia"
    if _OCCUPIED.search(stext):
        return "ukraine"  # civilians of occupied Ukraine, whoever shelled them and whoever counts them
    struck = [p for p in parties if p.role == "location" and p.party in OPPOSITE
              and not _rx(r"(?:ian|ians|'s)$", _I).search(stext[p.start - base:p.end - base])]  # a country, not "Russian shelling" or "in Russia's strike"
    if struck:
        return struck[-1].party  # "bombardment ... on Ukraine, killing 39 civilians"
    for p in parties:
        if not _rx(r"(?:ian|'s)$", _I).search(stext[p.start - base:p.end - base]):
            continue  # the attacker is named as an adjective or possessive: "Russian shelling", "Russia's strike"
        tail = stext[p.end - base:p.end - base + 30]
        if _rx(r"^\s*(?:[\w-]+\s+){0,2}?(?:shells?|shelling|strikes?|attacks?|drones?|missiles?|bombs?|forces|troops|"
                    r"army|artillery|airstrikes?|air\s+strikes?|glide\s+bombs?)\b", _I).match(tail) and p.party in OPPOSITE:
            return OPPOSITE[p.party]
    return carried or "ukraine"


def _party_for(r: "Reading", norm: str, sent: Sentence, parties: list[_Mention], lex: Lexicon,
               state: "_ArticleState", colon: tuple | None, others: "list[Reading]" = ()) -> str:
    """Whose loss a figure is: the owner named in its noun phrase, the subject of a loss verb,
    the other side of whoever destroyed it, or the party the text has been talking about."""
    n = r.num
    speaker_party = SPEAKER_PARTY.get(r.source, "")
    # 1. Owner inside the noun phrase: "12 Ukrainian tanks", "units of Russian equipment".
    np_end = r.cat_end if r.cat_end >= 0 else n.end  # no noun after the figure: no noun phrase to look in
    inside = [p for p in parties if n.end <= p.start < np_end and p.role != "supplier"]
    if inside:
        return inside[-1].party
    if r.cat_end >= 0:
        tail = norm[r.cat_end:min(sent.end, r.cat_end + 40)]
        m = _rx(r"^\s*(?:of|from|belonging\s+to)\s+(?:the\s+)?", _I).match(tail) or (
            _rx(r"\binflict", _I).search(norm[sent.start:n.start]) and _rx(r"^\s*on\s+(?:the\s+)?", _I).match(tail))
        if m:
            owner = [p for p in parties if r.cat_end + m.end() <= p.start <= r.cat_end + m.end() + 2]
            if owner:
                return owner[0].party
    # 2. Label owner for lists that began with one: "losses of the enemy ... tanks - 10,980".
    before_start = max(sent.start, n.start - CONTEXT)
    before = norm[before_start:n.start]
    # 3. The verb nearest before the figure decides: loss -> its subject, destroy -> the other side.
    verbs = []
    for m in lex.loss_verb.finditer(before):
        # "inflicted losses of 14,090 on the Ukrainian army": the losses are the other side's
        inflicted = _rx(r"\b(?:inflicted|inflicting|caused|causing|dealt)\s+(?:\w+\s+)?$", _I).search(before[max(0, m.start() - 25):m.start()])
        verbs.append((m.start(), m.end(), "destroy" if inflicted else "loss"))
    for m in lex.destroy_verb.finditer(before):
        if _rx(r"\b(?:its|their|his|the|total|whose)\s+$", _I).search(before[max(0, m.start() - 8):m.start()]) or _rx(r"\s+(?:and|or)\s+(?:wounded|injured)", _I).match(before[m.end():m.end() + 14]):
            continue  # "its total killed and wounded": a noun, not a verb
        # "5,937 soldiers had been killed": a passive names the loser, not the side that destroyed.
        passive = _rx(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+)?$", _I).search(before[max(0, m.start() - 20):m.start()]) \
            or (_dyn().noun_before.search(before[max(0, m.start() - 40):m.start()])
                # "equipment destroyed, damaged or captured, along with 28 ships": a participle, unless
                # the figure is its object ("a drone destroyed a tank")
                and (len(before[m.end():].split()) > 3 or _rx(r"[,;]").search(before[m.end():])))
        verbs.append((m.start(), m.end(), "loss" if passive else "destroy"))
    after_np = norm[(r.cat_end if r.cat_end >= 0 else n.end):min(sent.end, n.end + CONTEXT)]
    m_by = _rx(r"^[^.;]{0,40}?\b(?P<v>destroyed|killed|shot\s+down|downed|captured|hit|struck|damaged|eliminated|"
                    r"wounded|injured|lost|suffered|sustained)\s+by\s+(?:the\s+)?", _I).match(after_np)
    if m_by:
        pos = (r.cat_end if r.cat_end >= 0 else n.end) + m_by.end()
        agent = [p for p in parties if pos <= p.start <= pos + 25 and p.role != "supplier"]
        if agent:
            if m_by.group("v").lower() in ("lost", "suffered", "sustained"):
                return agent[0].party
            opp = OPPOSITE.get(_resolve(agent[0].party, r.source))
            if opp:
                return opp
    if verbs:
        vs, ve, kind = max(verbs, key=lambda v: v[1])
        # "losses of Russian troops", "Russia's losses", "enemy losses": the owner sits by the noun.
        subj = [p for p in parties if p.start < before_start + vs and p.role in ("plain", "by")
                and not any(x is not r and x.num.end <= p.start < x.cat_end for x in others)]
        near = [p for p in parties if before_start + ve <= p.start < n.start and p.role == "plain"]
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
            if near:
                return near[0].party
        else:
            if _rx(r",\s*(?:while\s+|and\s+)?(?:also\s+)?\w+ing\s*$", _I).search(before[:ve]) and subj:
                # "Ukrainian defenders eliminated ..., while also destroying 12 tanks": the subject of the sentence
                subj = [p for p in subj if not _rx(r"(?:'s)?\s+(?:\w+\s+){0,2}losses", _I).match(norm[p.end:p.end + 30])] or subj
                agent = _resolve(subj[0].party, r.source)
                if agent in OPPOSITE:
                    return OPPOSITE[agent]
            if subj:
                agent = _resolve(subj[-1].party, r.source)
                if agent in OPPOSITE:
                    return OPPOSITE[agent]
            elif r.category in MUNITIONS and (launcher := _launcher(norm, n.start)):
                return launcher  # "Air defence neutralised 45 cruise missiles" after "Russia attacked"
            elif speaker_party:
                return OPPOSITE[speaker_party]
    # 4. A party named after the figure as the subject: "11,000 soldiers North Korea have sent".
    rest = [p for p in parties if p.start >= n.end and p.role == "plain"]
    plain_before = [p for p in parties if p.start < n.start and p.role == "plain"]
    if r.category in MUNITIONS:
        # "Ukraine's Air Force said 55 of the drones were shot down": the voice does not own what it downed
        plain_before = [p for p in plain_before if not _rx(
            r"(?:'s)?\s+(?:[\w-]+\s+){0,2}?(?:air\s+force|military|general\s+staff|(?:defen[cs]e\s+)?ministry|command|navy)"
            r"\s+(?:\w+\s+)?(?:said|says|reported|reports|stated|announced)\b", _I).match(norm, p.end)]
    if plain_before:
        return plain_before[-1].party
    if rest:
        return rest[0].party
    if colon and colon[0]:
        return _resolve(colon[0], r.source if r.source in SPEAKER_PARTY else state.speaker)
    if r.category in MUNITIONS and (launcher := _launcher(norm, n.start)):
        return launcher  # "19 drones were locally lost", "93 of the 112 cruise missiles were intercepted"
    if state.last_party and state.last_party_para >= sent.para - 2:
        return state.last_party
    if speaker_party and _rx(r"\b(?:shot\s+down|downed|intercepted|destroyed)\b", _I).search(before):
        return OPPOSITE[speaker_party]
    if r.category == "civilians":
        return ""
    # Last resort: the side the article has named most so far (counted once per sentence, not per figure).
    if state.counted_to < sent.end:
        for p in _party_mentions(norm[state.counted_to:sent.end], state.counted_to, lex):
            if p.role == "plain":
                state.party_counts[p.party] = state.party_counts.get(p.party, 0) + 1
        state.counted_to = sent.end
    counts = state.party_counts
    if counts:
        return max(counts.items(), key=lambda kv: kv[1])[0]
    return ""




def _launcher(norm: str, pos: int) -> str:
    """The side named last as launching or attacking before `pos`, if any: whose shot-down munitions these are.

    >>> _launcher("Russia attacked Ukraine overnight with 298 drones. Air defence shot down 266.", 70)
    'russia'
    """
    found = ""
    for m in _dyn().launcher.finditer(norm, max(0, pos - _LAUNCH_REACH), pos):
        found = _lookup(lexicon().party_key, m.group("p"))
    return found if found in OPPOSITE else ""


def resolve_party(r: "Reading", t: "Tags") -> None:
    """Set the figure's side, or `no_party` as its reason when it is none of the war's sides."""
    state = t.state
    if not r.party and r.inherit is not None and r.inherit.party:
        own = _dyn().own_subject.search(r.before[-80:])
        # "Russia has lost 2,000 tanks, while Ukraine has lost about 500": the second has its own side
        r.party = _lookup(t.lex.party_key, own.group("p")) if own else r.inherit.party
        r.decided("party", "own subject" if own else "the side of the figure it continues")
    if not r.party and r.category == "civilians":
        r.party = _civilian_party(r, t.stext, t.base, t.parties, t.facts, state.last_civilians)
        r.decided("party", "civilians belong to their country")
    if not r.party and r.list_head is not None and r.list_head.party:
        np_end = r.cat_end if r.cat_end >= 0 else r.num.end
        own = [p for p in t.parties if r.num.end <= p.start < np_end and p.role != "supplier"]
        r.party = own[-1].party if own else r.list_head.party
        r.decided("party", "owner in the noun phrase" if own else "the side of the list's first item")
    if not r.party:
        r.party = _party_for(r, t.norm, t.sent, t.parties, t.lex, state, t.colon, t.readings)
        r.decided("party", "owner, verb or the side talked about")
    r.party = _resolve(r.party, r.source if r.source in SPEAKER_PARTY else state.speaker)
    if not r.party or r.party not in BELLIGERENTS + ("both",):
        r.reason = "no_party"
