from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..caseless import caseless
from ..numbers import NumberSpan
from .cues import _MONTHS, _CIVIL_CONTEXT, _CUE_AFTER, _CUE_BEFORE, _SIDE_CUE_BEFORE, _CUMULATIVE, _DAILY, _DAILY_HINT, _DATELINE, _LOCAL_HINTS, _LOCAL_OFFICIAL, _LOCATION_BEFORE, _MILITARY_CONTEXT, _MILITARY_VOICE, _NATIONAL_OFFICIAL, _NATIONAL_WORDS, _OWNED_NOUN, _REGIONAL_FRAME, _REGIONAL_SINCE, _REPORTING, _RUSSIAN_PLACES, _SINCE_HINT, _SINCE_WAR, _SPEECH_DATE, _WINDOW, _WINDOW_HINT
from .lexicon import CONTEXT, Lexicon, _I, _lookup, _measure_spans, _rx, _scan
from .forms import _is_day
from .text import Sentence

if TYPE_CHECKING:
    from .state import _ArticleState


class _once:
    """`functools.cached_property` without the lock Python 3.11 takes on every first read (tens of
    thousands per corpus here): the value is computed once and then read from the instance."""

    def __init__(self, func) -> None:
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


# Reading one number in its sentence

@dataclass
class Reading:
    """What the words around one number say about it (filled step by step)."""

    num: NumberSpan
    sent: Sentence
    at: int      # its place among the sentence's readings
    before: str  # normalised text from the previous number (or sentence start) to this one
    after: str   # normalised text from this number to the next one (or sentence end)
    category: str = ""
    cat_end: int = -1     # article offset where the category noun ends (or -1)
    people_noun: bool = False
    measure: str = ""
    party: str = ""
    qualifier: str = "exact"
    period: str = ""
    source: str = ""
    reason: str = ""
    flags: list[str] = field(default_factory=list)
    inherited: bool = False
    inherit: "Reading | None" = None  # the figure whose party this one shares
    list_head: "Reading | None" = None  # first item of the list this figure is in
    partner: "Reading | None" = None    # the high end of the range this figure is the low end of
    period_explicit: bool = False        # the period came from words of its own sentence
    period_default: bool = False         # nothing gave the period: a running total by default
    carried_measure: str = ""            # the measure of the earlier figure this one continues
    why: list[tuple[str, str]] = field(default_factory=list)  # (attribute, rule) that decided it, for `explain`

    @_once
    def worded(self) -> bool:
        """Whether any word stands between this figure and its neighbours: every rule that reads a
        figure's own words needs one ('9 9 9 9' in a pasted table has none)."""
        return bool(_LETTER.search(self.before) or _LETTER.search(self.after))

    def decided(self, attribute: str, rule: str) -> None:
        """Record the named rule that set an attribute (read by `explain`)."""
        self.why.append((attribute, rule))


def _clause(norm: str, sent: Sentence, n: NumberSpan) -> str:
    """The clause around a number: from the last clause break before it to the next after it."""
    s = norm[max(sent.start, n.start - CONTEXT):n.start]
    e = norm[n.end:min(sent.end, n.end + CONTEXT)]
    cut_s = max(s.rfind(";"), s.rfind(", while"), s.rfind(", but"), s.rfind(", and "), s.rfind(". "))
    m = _rx(r";|, while|, but|, and |, which|, with ").search(e)
    return s[cut_s + 1 if cut_s >= 0 else 0:] + norm[n.start:n.end] + (e[:m.start()] if m else e)


_LETTER = re.compile(r"[^\W\d_]")


def readings_of(norm: str, sent: Sentence, snums: list[NumberSpan]) -> list[Reading]:
    """One `Reading` per number: the words from the previous figure to it and from it to the next.

    Model numbers, dates, times, years, days of a date, ages and calibres do not cut the words
    ("Leopard 2 tanks"). Neighbours are found by bisection, so a sentence of thousands of
    figures costs what its length does.
    """
    model_ends = {n.end for n in snums if n.form == "model_number"}
    cuts = [n for n in snums if n.form not in ("model_number", "date", "time")
            and not (n.start - 1 in model_ends and norm[n.start - 1] == "/")  # "Kh-59/69": one model's name
            and not (not n.words and _rx(r"(?:19|20)\d\d").fullmatch(n.text)) and not _is_day(norm, sent, n)
            and not _rx(r"-years?-old|\s?mm\b").match(norm[n.end:n.end + 10])]
    ends = sorted(m.end for m in cuts)
    starts = sorted(m.start for m in cuts)
    out = []
    for at, n in enumerate(snums):
        at = bisect_right(ends, n.start)
        prev_end = ends[at - 1] if at else sent.start
        at = bisect_left(starts, n.end)
        next_start = starts[at] if at < len(starts) else sent.end
        out.append(Reading(n, sent, at, norm[prev_end:n.start], norm[n.end:next_start]))
    return out


@dataclass
class _Mention:
    start: int
    end: int
    party: str
    role: str  # 'location', 'supplier', 'plain'


_WAR_START_DATE = _rx(rf"(?:on|in)\s+(?:\d|{_MONTHS}|20\d\d)", _I)
# A side's air defence as the subject of its kills: the side's own report ("Russian air defense systems shot down")
_AIR_DEFENCE_CLAIM = _rx(r"\b(?P<side>ukraine|ukrainian|russia|russian)(?:'s)?\s+air\s+defen[cs]es?(?:\s+(?:systems|units|forces))?"
                         r"(?=\s+(?:have\s+|has\s+|had\s+)?(?:successfully\s+)?(?:shot\s+down|downed|destroyed|intercepted|"
                         r"neutrali[sz]ed)\b)", _I)
_LOSSES_OF = _rx(r"\b(?:losses|casualties|deaths|toll|dead|half|part|most|all|rest|bulk|share|size)\s+(?:of|among|in)\s+"
                 r"(?:the\s+)?$", _I)
_INSTITUTION_SPEAKS = _rx(r"\b(?:general\s+staff|armed\s+forces|ministry\s+of\s+defen[cs]e|air\s+force|navy|national\s+guard)"
                          r"\s+of\s+(?:the\s+)?$", _I)
_INSTITUTION_VERB = _rx(r"(?:\s*,[^,]{0,60},)?\s+(?:(?:has|have|had|also)\s+)?(?:said|says|announced|reported|reports|stated|"
                        r"claimed|claims|published|released|posted|updated|estimated|noted|added)\b", _I)
_TOPIC_OPENERS = ("for", "for the", "as for", "as for the", "as to")


def _party_mentions(stext: str, base: int, lex: Lexicon) -> list[_Mention]:
    out: list[_Mention] = []
    spans = _scan(stext, lex.party_first, (lex.party, lex.party_cs))
    spans.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    last_end = -1
    for s, e, word in spans:
        if s < last_end:
            continue
        last_end = e
        key = _lookup(lex.party_key, word)
        rest = stext[e:e + 12]
        role = "plain"
        if _rx(r"-(?:made|built|supplied|designed|produced|backed|provided|led|installed|appointed|controlled|occupied)\b", _I).match(rest):
            role = "supplier"
        elif _rx(r"\s*[-/]\s*(?:ukrain|russia)", _I).match(rest) or _rx(r"(?:russo|russia|russian|ukraine|ukrainian)\s*[-/]\s*$", _I).search(stext[max(0, s - 12):s]):
            role = "supplier"  # "Russia-Ukraine war": names both, owns nothing
        elif _WAR_NAMED.match(stext, e):
            role = "supplier"  # "since the start of Russia's special military operation": names the war, owns nothing
        elif _INSTITUTION_SPEAKS.search(stext, max(0, s - 50), s) and _INSTITUTION_VERB.match(stext, e):
            role = "supplier"  # "the General Staff of the Armed Forces of Ukraine announced": a voice's name, no side's loss
        elif _rx(r"\s+(?:side|ranks)\b", _I).match(rest):
            role = "plain"  # "on the Ukrainian side", "dead in the Russian ranks": whose, not where
        elif _rx(r"\s+(?:has|have|had|lost|loses|says|said|claims|claimed)\b", _I).match(rest) and _rx(
                r"\b(?:and|but|while|whereas)\s+$", _I).search(stext[max(0, s - 8):s]):
            role = "plain"  # "..., and Kiev has lost over 3,620 soldiers": a subject after a conjunction, not a place
        elif rest.startswith(",") and stext[:s].strip().lower() in _TOPIC_OPENERS:
            role = "plain"  # "For Ukraine, estimates put casualties at ...": the side the sentence is about
        elif _LOCATION_BEFORE.search(stext[max(0, s - 30):s]) and not _rx(r"\b(?:losses|casualties|toll|death\s+toll)\s+(?:of|for|to)\s+(?:the\s+)?$", _I).search(stext[max(0, s - 30):s]):
            if not _rx(r"\bby\s+(?:the\s+)?$", _I).search(stext[max(0, s - 8):s]):
                role = "location"
            else:
                role = "by"
        out.append(_Mention(base + s, base + e, key, role))
    return out


def _military_voice(word: str) -> str:
    """The family of a side's own command named as a voice, or ''."""
    voice = _MILITARY_VOICE.fullmatch(word)
    if not voice:
        return ""
    return "ukraine_official" if voice.group("c").lower().startswith("ukrain") else "russia_official"


# "Russia has not given an update since it said on March 2 that ...": the side, named as 'it' or 'they'
_PRONOUN_SPEAKS = _rx(r"^[^.;:\"]{0,90}?\b(?:when|since|as|after|then|and|but|where)\s+(?:it|they)\s+(?:(?:\w+ly|last|first)\s+)?"
                      r"(?:said|claimed|reported|declared|announced|admitted|acknowledged|put\s+the)\b", _I)
_SIDE_SPEAKS = _rx(r"^\s*(?:,\s*(?:meanwhile|however|in\s+turn|for\s+its\s+part|for\s+their\s+part|too|separately)\s*,\s*)?"
                   r"(?:on\s+\w+\s+)?(?:also\s+|has\s+|had\s+)?(?:(?:officially|publicly|last|first|previously|once)\s+)?"
                   r"(?:said|says|claimed|claims|reported|reports|stated|announced|added|"
                   r"puts|estimates|estimated|believes)\b", _I)


def _sources_in(stext: str, base: int, lex: Lexicon) -> list[tuple[int, int, str, bool]]:
    """(start, end, family, attributed) for source names in a sentence, longest first."""
    found = [f for f in _scan(stext, lex.source_first, (lex.source, lex.source_cs))
             if not _DATELINE.match(stext[max(0, f[0] - 1):f[1] + 4])]
    low = stext.lower()
    local: set[tuple[int, int]] = set()
    if any(h in low for h in _LOCAL_HINTS):
        local = {m.span() for m in _LOCAL_OFFICIAL.finditer(stext)}
        found += [(a, b, stext[a:b]) for a, b in local]
    if "ministry" in low or "MoD" in stext or "air force" in low or "military said" in low or "military says" in low or "spokes" in low:
        found += [(m.start(), m.end(), m.group()) for m in _NATIONAL_OFFICIAL.finditer(stext)
                  if not _rx(r"(?:russia|ukrain|moscow|kyiv|british|uk|us|u\.s\.)\S*\s+$", _I).search(stext[max(0, m.start() - 12):m.start()])]
    if "group" in low or "command" in low:
        found += [(m.start(), m.end(), m.group()) for m in _MILITARY_VOICE.finditer(stext)]
    own_defence = {m.span(): m.group("side") for m in _AIR_DEFENCE_CLAIM.finditer(stext)} if "defen" in low else {}
    found += [(a, b, stext[a:b]) for a, b in own_defence]
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out = []
    weak: list[int] = []  # voices only because they are the subject of the kills
    last_end = -1
    party_words = set(lex.party_key)
    for s, e, word in found:
        if s < last_end:
            continue
        last_end = e
        if (s, e) in own_defence:  # "Ukraine's air defense shot down ...": the side reports its own kills
            out.append((base + s, base + e, "ukraine_official" if own_defence[(s, e)].lower().startswith("ukrain")
                        else "russia_official", True))
            continue
        fam = _lookup(lex.source_key, word) or ("local_official" if (s, e) in local else "") or (
            _military_voice(word)) or ("national_official" if _NATIONAL_WORDS.fullmatch(word) else "")
        if not fam:
            continue
        if fam == "national_official" and stext[max(0, s - 10):s].lower() == "country's ":
            fam = "own_official"  # "Ukraine has lost ..., the country's air force said": the side's own voice
        if fam == "local_official" and _rx(r"(?:\b(?:russian|russia|moscow|kremlin)[\s-](?:installed|appointed|backed)|\bpro-russian)"
                                           r"\b", _I).search(stext[max(0, s - 30):e]):
            fam = "russia_official"  # "the Russian-installed governor of occupied Zaporizhzhia said"
        if _OWNED_NOUN.match(stext[e:e + 40]) or _rx(
                r"'s\s+(?!(?:[\w-]+\s+){0,2}(?:figures?|data|reports?|update|statements?|estimates?|count|tally|assessment|"
                r"numbers|briefing|announcement|summary|bulletin|spokes\w+|press|own|latest|daily|official|telegram|website)\b)"
                r"(?:[\w-]+\s+){0,2}?(?:units?|forces|troops|brigades?|regiments?|battalions?|programm?e|contracts?|ranks)\b", _I).match(stext[e:e + 60]):
            continue  # "Russian military personnel", "the Defense Ministry's Storm-Z units": an owner, not a voice
        if _LOSSES_OF.search(stext, max(0, s - 40), s):
            continue  # "Losses of the Ukrainian Armed Forces", "half of the Ukrainian army": whose, not who speaks
        how = _attributed(stext, s, e, word, fam, lex, party_words)
        out.append((base + s, base + e, fam, bool(how)))
        if how == "weak":
            weak.append(len(out) - 1)
    if weak and len(weak) < sum(1 for o in out if o[3]):
        # "According to Russian authorities, attacks attributed to the armed forces of Ukraine killed 13":
        # a voice the sentence names as one outranks a side that is only the subject of the kills
        out = [o[:3] + (False,) if i in weak else o for i, o in enumerate(out)]
    return out


def _attributed(stext: str, s: int, e: int, word: str, fam: str, lex: Lexicon, party_words: set[str]) -> str:
    """Whether the source name at s:e gives the sentence's figures: 'yes' for a plain name or a name beside a
    verb of saying, 'weak' for a side's own command that is only the subject of its kills (a voice the
    sentence names as one outranks it), '' otherwise. (A plain name is decided first, without the cues.)"""
    wl = word.lower()
    if wl not in party_words and wl not in lex.cue_only and not _rx(r"[A-Z]{2,4}").fullmatch(word) and fam not in (
            "ukraine_official", "russia_official") and not _rx(r"\b(?:analysts?|experts|observers|researchers)$", _I).search(word):
        return "yes"  # plain
    if _cue(stext, s, e, word, fam, lex, party_words):
        return "yes"
    subject = fam in ("ukraine_official", "russia_official") and wl not in party_words and _rx(
        r"\s+(?:have\s+|has\s+|had\s+)?(?:destroyed|shot\s+down|downed|eliminated|killed|hit|struck|captured|intercepted)\b",
        _I).match(stext[e:e + 40])
    return "weak" if subject else ""


def _cue(stext: str, s: int, e: int, word: str, fam: str, lex: Lexicon, party_words: set[str]) -> bool:
    """Whether a verb of saying (or a cue such as 'according to') makes the name at s:e a voice."""
    wl = word.lower()
    before = stext[max(0, s - 60):s]
    after = stext[e:e + 70]
    if wl in party_words and wl in lex.cue_only:
        # a side named as the voice ("Russia, meanwhile, said"): only right before a verb of saying,
        # since "Russia's losses", "Ukraine's casualties are put at" name whose, not who speaks
        return bool(_SIDE_SPEAKS.match(after) or _SIDE_CUE_BEFORE.search(before) or _PRONOUN_SPEAKS.match(stext[e:e + 160])
                    # "14,700 Russian troops killed, says Ukraine": a side after the verb, ending the clause
                    or _SAYS_BEFORE.search(before) and _rx(r"\s*(?:[.;:!?\"'\u201d]|$)").match(after))
    if wl in lex.cue_only and _rx(r"\b(?:in|of|at|near|based\s+in)\s+$", _I).search(before):
        return False  # "the Center for Strategic and International Studies in Washington estimates": a place
    if wl in lex.cue_only or wl in party_words:
        # a country named as a voice speaks right there ("Britain said", "the UK also believes"),
        # not when it only qualifies a noun ("the Washington think tank says")
        return bool(_rx(r"^(?:'s\s+(?:\w+\s+){0,2}?|\s*,?\s*(?:\w+\s+)?)(?:said|says|say|believes|believed|estimates?|estimated|claims?|claimed|"
                        r"reported|reports|told|tells|assessed|assesses|thinks|put|puts|announced|announces|stated|states|"
                        r"wrote|writes|added|adds|tweeted|posted|admitted|acknowledged|confirmed|noted)\b", _I).match(after)
                    or _rx(r"^[^.;:\"]{0,40}:\s*[\"'\w]").match(after) or _CUE_BEFORE.search(before)
                    # "Russia, which denies targeting civilians, said"
                    or _rx(r"^\s*,\s*(?:which|who)\s+[^,.;]{0,80},\s*(?:also\s+)?(?:said|says|claimed|claims|reported|stated)\b", _I).match(
                        stext[e:e + 110]))
    return bool(_rx(r"\b(?:said|says|claims|claimed|reported|reports|estimates|estimated)$", _I).search(word)
                or fam in ("russia_official", "ukraine_official") and _PRONOUN_SPEAKS.match(stext[e:e + 160])
                or (_rx(r"\s-\s*$").search(before) and not stext[e:].strip(" .\"'"))
                or _CUE_AFTER.match(after) or _CUE_BEFORE.search(before)
                or _rx(r",\s*(?:said|says|added|wrote)\s+$", _I).search(before)  # "..., said Ukrainian military spokesman X"
                or _rx(r"^\s*(?:\([^)]{0,20}\))?\s*:").match(after)
                or _rx(r"^'s\s+(?:\w+\s+){0,3}(?:said|says|estimates?|figures|data|report|update|statement|count)", _I).match(after))


class _SentenceFacts:
    """What a sentence says as a whole, read once and only when a figure asks (most sentences
    have no figure that gets this far), so long sentences and long articles stay linear."""

    def __init__(self, stext: str, lex: Lexicon) -> None:
        self.text = stext
        self._lex = lex
        self._found: dict[int, int] = {}

    def first_end(self, pattern) -> float:
        """Where the pattern's first match in the sentence ends (inf if none): searched once per
        sentence, however many figures ask."""
        key = id(pattern)  # compiled patterns live as long as the process
        end = self._found.get(key)
        if end is None:
            m = pattern.search(self.text)
            end = self._found[key] = m.end() if m else -1
        return float("inf") if end < 0 else end

    def has(self, pattern) -> bool:
        """Whether the sentence matches the pattern anywhere (searched once per sentence)."""
        return self.first_end(pattern) != float("inf")

    @_once
    def measure_keys(self) -> set[str]:
        return {k for _, _, k in _measure_spans(self.text, self._lex)}

    @_once
    def loss_verb(self) -> bool:
        return bool(self._lex.loss_verb.search(self.text))

    @_once
    def civilian_context(self) -> bool:
        return bool(_CIVIL_CONTEXT.search(self.text) and not _MILITARY_CONTEXT.search(self.text))

    @_once
    def russian_place(self) -> bool:
        return bool(_RUSSIAN_PLACES.search(self.text))

    @_once
    def since_war(self) -> bool:
        return any(k == "cumulative" for _, _, k in self.markers) and bool(_SINCE_WAR.search(self.text))

    @_once
    def daily(self) -> bool:
        return any(k == "daily" for _, _, k in self.markers)

    @_once
    def window(self) -> bool:
        return any(k == "window" for _, _, k in self.markers)

    @_once
    def markers(self) -> list[tuple[int, int, str]]:
        """Period markers with their places, so each figure takes the nearest one."""
        stext = self.text
        found = [(m.start(), m.end(), "cumulative") for m in _CUMULATIVE.finditer(stext)]
        since_war: list[tuple[int, int]] = []
        if _SINCE_HINT.search(stext):
            # "the largest attack since the start of the war": a comparison, not the figures' period
            since_war = [m.span() for m in _SINCE_WAR.finditer(stext)
                         if not _SUPERLATIVE_BEFORE.search(stext, max(0, m.start() - 90), m.start())]
            found += [(s, e, "cumulative") for s, e in since_war]
        if _DAILY_HINT.search(stext):
            found += [(m.start(), m.end(), "daily") for m in _DAILY.finditer(stext)]
        regional = [(m.start(), m.end(), "window") for m in _REGIONAL_SINCE.finditer(stext)]
        if _FRAME_HINT.search(stext):
            regional += [(m.start(), m.end(), "window") for m in _REGIONAL_FRAME.finditer(stext)]
        if regional:
            # "Overall, Kiev lost over 20,650 soldiers since the Ukrainian troops entered the Kursk Region": the total of that window
            found = [f for f in found if not (f[2] == "cumulative" and _GENERIC_TOTAL_WORD.fullmatch(stext, f[0], f[1]))]
        found += regional
        as_of = [(s, e) for s, e, k in found if k == "cumulative" and stext[s:s + 5].lower() in ("as of", "as at", "as on")] \
            if _AS_OF_HINT.search(stext) else []
        unspoken = stext
        if _WINDOW_HINT.search(stext):
            # "said on Tuesday", "published in March": when it was said, not a period
            unspoken = _SPEECH_DATE.sub(lambda m: " " * len(m.group()), stext)
            opening = _SAID_WHEN_OPENING.match(unspoken)
            if opening:  # "In January, the NIS said about 300 ... had died": when it was said
                unspoken = " " * opening.end("when") + unspoken[opening.end("when"):]
            found += [(m.start(), m.end(), "window") for m in _WINDOW.finditer(unspoken)
                      if not any(s <= m.start() < e for s, e in as_of)]
        # The vocabulary table's window phrases ("over the weekend", "during the night") no pattern read.
        found += [(m.start(), m.end(), "window") for m in self._lex.window.finditer(unspoken)
                  if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in found)]
        if since_war:
            # "since the start of the special operation on February 24th, 2022": the war's first day, not a window
            tails = [(e, m.end()) for _, e in since_war if (m := _WAR_DATE_TAIL.match(stext, e))]
            found = [f for f in found if not (f[2] == "window" and (
                _WAR_START_DATE.match(stext, f[0]) and any(e <= f[0] <= e + 2 for _, e in since_war)
                or any(a <= f[0] < b for a, b in tails)))]
        return sorted(found)

    @_once
    def parens(self) -> list[tuple[int, int]]:
        return [m.span() for m in _rx(r"\([^()]{0,200}\)").finditer(self.text)]

    @_once
    def reporting(self) -> list[int]:
        return [m.start() for m in _REPORTING.finditer(self.text)]

    @_once
    def strike(self) -> bool:
        return bool(_rx(r"\b(?:strikes?|attacks?|shelling|struck|hit|bombing|shelled|barrages?|bombardments?|aerial\s+assaults?|"
                        r"air\s+raids?)\b", _I).search(self.text))


_WAR_NAMED = _rx(r"(?:'s)?\s+(?:full[\s-]scale\s+)?(?:invasion|war|special\s+(?:military\s+)?operation|aggression)\b"
                 r"(?!\s+(?:dead|losses|casualties|toll|death|has\s+cost|had\s+cost|cost|costs)\b)", _I)
# (an attack compared with all of the war's: "one of its fiercest aerial assaults on Ukraine since the invasion")
# "since the start of the full-scale invasion of Ukraine on February 24 last year": the war's first day
_WAR_DATE_TAIL = _rx(r"(?:\s+(?:of|in|against|on)\s+ukraine)?\s*,?\s+(?:on|in)\s+(?:(?:feb(?:ruary)?\.?\s+24(?:th)?|"
                     r"24(?:th)?\s+(?:of\s+)?feb(?:ruary)?\.?)(?:,?\s+(?:2022|last\s+year|that\s+year))?|(?:feb(?:ruary)?\.?\s+)?2022)", _I)
_SAYS_BEFORE = _rx(r",\s*(?:says|said|claims|claimed|reports|reported)\s+$", _I)
_SAID_WHEN_OPENING = _rx(rf"\s*(?P<when>(?:in|on|earlier\s+in|late\s+in|early\s+in)\s+(?:early\s+|late\s+|mid-?)?(?:{_MONTHS}"
                         rf"(?:\s+\d{{1,2}})?(?:,?\s+20\d\d)?|20\d\d))\s*,\s*(?:[^,.;:\d]{{1,60}}?,\s*){{0,2}}[^,.;:\d]{{0,60}}?"
                         rf"\b(?:said|says|estimated|reported|announced|claimed|told|wrote|stated|admitted|acknowledged)\b", _I)
_GENERIC_TOTAL_WORD = _rx(r"in\s+total|overall|altogether|in\s+all", _I)
_AS_OF_HINT = re.compile(r"as (?:of|at|on)", re.I)
_SUPERLATIVE_BEFORE = _rx(r"\b(?:(?:large|bigg|fierc|deadli|heavi|great|strong|massiv|intens)est(?:-ever)?|most\s+\w+|worst|record)"
                          r"\s+(?:[\w-]+\s+){0,3}?(?:attacks?|assaults?|barrages?|strikes?|bombardments?|bombings?|shelling|raids?|"
                          r"offensives?|onslaughts?)\b[^.;:\d]{0,50}$", _I)
# Words without which the regional frame cannot match: tested first, it is cheap.
_FRAME_HINT = caseless(re.compile(r"fight|hostilit|battle|clash|combat|operation|offensive|incursion|campaign|siege", re.I))


class Sides:
    """A sentence's party words indexed by position: the resolvers ask for those in a span
    (bisection), not for a scan of every one."""

    def __init__(self, parties: list[_Mention]) -> None:
        self.all = parties  # sorted by start, non-overlapping
        self._starts = [p.start for p in parties]
        self.plain = [p for p in parties if p.role == "plain"]
        self._plain_starts = [p.start for p in self.plain]

    def between(self, lo: int, hi: int) -> list[_Mention]:
        """Party words starting at lo or later and before hi."""
        return self.all[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

    def plain_between(self, lo: int, hi: int) -> list[_Mention]:
        return self.plain[bisect_left(self._plain_starts, lo):bisect_left(self._plain_starts, hi)]

    def plain_before(self, pos: int) -> int:
        """How many plain party words start before `pos` (the index after the last of them)."""
        return bisect_left(self._plain_starts, pos)


class Tags:
    """One sentence as the resolvers see it: its text, its figures' readings and what was tagged in
    it (voices, sides, sentence-wide facts), each read once and then queried by position."""

    def __init__(self, norm: str, sent: Sentence, readings: list[Reading], lex: Lexicon,
                 state: "_ArticleState") -> None:
        self.norm, self.sent, self.readings, self.lex, self.state = norm, sent, readings, lex, state
        self.stext = norm[sent.start:sent.end]
        self.base = sent.start
        self.sources = _sources_in(self.stext, self.base, lex)
        self.attributed = [s for s in self.sources if s[3]]
        self.facts = _SentenceFacts(self.stext, lex)
        self.parties: list[_Mention] = []
        self.sent_source: str | None = None  # the voice of a sentence that names none (carried), or None
        self.colon: tuple[str, bool, str, str] | None = None  # the list header this sentence is an item of
        self._clauses: dict[int, str] = {}

    def clause(self, r: Reading) -> str:
        """The clause around a figure (`_clause`), read once however many rules ask."""
        found = self._clauses.get(r.at)
        if found is None:
            found = self._clauses[r.at] = _clause(self.norm, self.sent, r.num)
        return found

    @_once
    def sides(self) -> Sides:
        return Sides(self.parties)

    @_once
    def subjects(self) -> list[_Mention]:
        """Party words that can be the subject of a verb: plain or after 'by', and not the owner inside
        another figure's noun phrase ('... 12 Russian tanks'). Read once the categories are final."""
        spans = sorted((x.num.end, x.cat_end) for x in self.readings if x.cat_end > x.num.end)
        covered, reach = [], -1
        for s, e in spans:  # merged, so one bisection tells whether a word is inside any of them
            if covered and s <= reach:
                reach = max(reach, e)
                covered[-1] = (covered[-1][0], reach)
            else:
                covered.append((s, e))
                reach = e
        starts = [s for s, _ in covered]
        out = []
        for p in self.parties:
            if p.role not in ("plain", "by"):
                continue
            at = bisect_right(starts, p.start) - 1
            if at >= 0 and p.start < covered[at][1]:
                continue
            out.append(p)
        return out

    @_once
    def largest_figure(self) -> float:
        """The largest figure of the sentence still read as a loss (asked once its attributes are being read)."""
        return max((x.num.value for x in self.readings if x.category and not x.reason), default=0.0)

    @_once
    def war_mentions(self) -> list[int]:
        return [m.start() for m in self.lex.other_war.finditer(self.stext)]

    @_once
    def loss_in_sentence(self) -> bool:
        return bool(self.lex.equipment_loss.search(self.stext) or _rx(r"\blosses\b", _I).search(self.stext))
