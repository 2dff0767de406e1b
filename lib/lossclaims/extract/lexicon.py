from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from .. import vocabulary as vocab
from ..caseless import Caseless, caseless, caseless_module


BELLIGERENTS = ("russia", "ukraine", "north_korea")
CONTEXT = 250  # characters of a sentence read on each side of a number
OPPOSITE = {"russia": "ukraine", "ukraine": "russia"}
SPEAKER_PARTY = {"ukraine_official": "ukraine", "russia_official": "russia"}


_SEP = "\0"  # a run of spaces or hyphens in a phrase: "air defence" also matches "air-defence"


def _alt(phrases: list[str]) -> str:
    """A regex matching any of the phrases (the longest where several start at one place),
    spaces and hyphens interchangeable.

    Built as a trie rather than a flat alternation: the engine then tries each letter once
    per position instead of once per phrase, which keeps a 400-name vocabulary fast.

    >>> re.fullmatch(_alt(["air defence", "air defence systems", "aircraft"]), "air-defence systems") is not None
    True
    """
    trie: dict = {}
    for p in set(phrases):
        node = trie
        for tok in re.findall(r"[\s-]+|.", p):
            node = node.setdefault(_SEP if not tok.strip(" -\t") else tok, {})
        node[""] = {}

    def build(node: dict) -> str:
        kids = sorted(k for k in node if k != "")
        if not kids:
            return ""
        parts = [(r"[\s-]+" if k == _SEP else re.escape(k)) + build(node[k]) for k in kids]
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        # children first, so the longest phrase wins; the engine backtracks to a shorter one
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_I = int(re.IGNORECASE)  # a plain int: a cheap cache key, unlike the flag enum


@lru_cache(maxsize=None)
def _rx(pattern: str, flags: int = 0) -> re.Pattern | Caseless:
    """`pattern` compiled once per process, case-insensitive ones made `caseless` (faster to scan).

    >>> _rx(r"\\blosses\\b", _I).search("Heavy LOSSES").span()
    (6, 12)
    """
    return caseless(re.compile(pattern, flags))


def _is_case_sensitive(phrase: str) -> bool:
    # Acronyms and single capitalised names (UN, AP, Kim, Austin) match only as written.
    return " " not in phrase and any(c.isupper() for c in phrase)


@dataclass(frozen=True)
class Lexicon:
    """Compiled regular expressions built once from the vocabulary table."""

    category: re.Pattern
    category_key: dict[str, str]
    measure: re.Pattern
    measure_key: dict[str, str]
    qualifier_tail: re.Pattern
    qualifier_key: dict[str, str]
    party: re.Pattern
    party_cs: re.Pattern
    party_key: dict[str, str]
    source: re.Pattern
    source_cs: re.Pattern
    source_key: dict[str, str]
    loss_verb: re.Pattern
    destroy_verb: re.Pattern
    equipment_loss: re.Pattern
    shootdown_before: re.Pattern  # a shoot-down verb right before a figure ("intercepted 76")
    party_first: re.Pattern
    source_first: re.Pattern
    window: re.Pattern  # the table's window phrases; dates and other shapes are read by patterns below
    other_war: re.Pattern  # another war or place ("Afghanistan", "World War II"): figures beside it are its toll
    cue_only: frozenset  # source names that attribute only beside a verb of saying ("Britain said")

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if isinstance(value, re.Pattern):
                object.__setattr__(self, name, caseless(value))  # frozen: set once, here


def _key_map(kind: str) -> dict[str, str]:
    return {p.lower(): k for p, k in vocab.phrases(kind)}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled vocabulary (cached: built once per process)."""
    cats = [p for p, _ in vocab.phrases("category")]
    meas = [p for p, _ in vocab.phrases("measure")]
    quals = [p for p, _ in vocab.phrases("qualifier")]
    parties = vocab.phrases("party")
    sources = vocab.phrases("source")
    verbs = {k: [p for p, key in vocab.phrases("verb") if key == k] for k in ("loss", "destroy", "equipment_loss", "shootdown")}
    b, e = r"(?<![\w-])", r"(?![\w-])"
    ci_party = [p for p, _ in parties if not _is_case_sensitive(p)]
    cs_party = [p for p, _ in parties if _is_case_sensitive(p)]
    ci_src = [p for p, _ in sources if not _is_case_sensitive(p)]
    cs_src = [p for p, _ in sources if _is_case_sensitive(p)]
    return Lexicon(
        category=re.compile(rf"{b}(?:{_alt(cats)}){e}", re.IGNORECASE),
        category_key=_key_map("category"),
        measure=re.compile(rf"{b}(?:{_alt(meas)}){e}", re.IGNORECASE),
        measure_key=_key_map("measure"),
        qualifier_tail=re.compile(
            rf"{b}(?P<q>{_alt(quals)})(?:\s+(?:a|an|the|some|staggering|whopping|total\s+of|record|grim|"
            rf"milestone|mark|of|figure|estimated|reported|confirmed|just|all|told|in\s+all)){{0,4}}\s*:?\s*[\"']?$",
            re.IGNORECASE,
        ),
        qualifier_key=_key_map("qualifier"),
        party=re.compile(rf"{b}(?:{_alt(ci_party)})(?:'s)?{e}", re.IGNORECASE),
        party_cs=re.compile(rf"{b}(?:{_alt(cs_party)})(?:'s)?{e}"),
        party_key={p.lower(): k for p, k in parties},
        source=re.compile(rf"{b}(?:{_alt(ci_src)}){e}", re.IGNORECASE),
        source_cs=re.compile(rf"{b}(?:{_alt(cs_src)}){e}"),
        source_key={p.lower(): k for p, k in sources},
        loss_verb=re.compile(rf"{b}(?:{_alt(verbs['loss'])}){e}", re.IGNORECASE),
        destroy_verb=re.compile(rf"{b}(?:{_alt(verbs['destroy'])}){e}", re.IGNORECASE),
        equipment_loss=re.compile(rf"{b}(?:{_alt(verbs['equipment_loss'])}){e}", re.IGNORECASE),
        shootdown_before=re.compile(rf"{b}(?:{_alt(verbs['shootdown'])})\s+(?:successfully\s+)?(?:(?:about|around|some|over|"
                                    rf"nearly|almost|more\s+than|at\s+least|up\s+to|another|a\s+further)\s+)?$", re.IGNORECASE),
        party_first=_first_words(p for p, _ in parties),
        source_first=_first_words(p for p, _ in sources),
        window=re.compile(rf"{b}(?:{_alt([p for p, k in vocab.phrases('period') if k == 'window'])}){e}", re.IGNORECASE),
        other_war=re.compile(rf"{b}(?:{_alt([p for p, k in vocab.phrases('context') if k == 'other_war'])}){e}", re.IGNORECASE),
        cue_only=frozenset(e.phrase.lower() for e in vocab.entries() if e.kind == "source" and e.note == "cue"),
    )


_WORD = re.compile(r"[A-Za-z][A-Za-z'.]*")


# Words too common to scan for ("the UK", "a Western official", "on both sides"): such a phrase is
# looked for at its second word, then matched from the lead word before it.
_LEADS = frozenset({"the", "a", "an", "on"})
_LEAD_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(_LEADS))})[\s-]+$", re.IGNORECASE)


def _first_words(phrases) -> re.Pattern:
    """A pattern finding the words a phrase may start with (or its second, after a lead word):
    a cheap scan for where to look."""
    words = set()
    for p in phrases:
        first = _WORD.match(p)
        if not first:
            continue
        word = first.group().rstrip(".")
        second = _WORD.match(p, first.end() + 1) if word.lower() in _LEADS else None
        if second and p[first.end()] == "-":
            words.add(f"{word}-{second.group().rstrip('.')}")  # "on-duty": one word, found whole
        else:
            words.add(second.group().rstrip(".") if second and p[first.end()] == " " else word)
    return re.compile(rf"(?<![\w-])(?:{_alt(sorted(words))})(?![A-Za-z])", re.IGNORECASE)


def _scan(text: str, first: re.Pattern, patterns: tuple[re.Pattern, ...]) -> list[tuple[int, int, str]]:
    """Matches of `patterns` that start where `first` finds a possible first word (or just before it,
    at a lead word).

    Equivalent to running the patterns over the whole text, but a 400-name alternation is
    tried at a handful of words instead of at every character.
    """
    out = []
    for w in first.finditer(text):
        at = w.start()
        lead = _LEAD_BEFORE.search(text, max(0, at - 6), at) if at else None
        for start in (lead.start(), at) if lead else (at,):
            for rx in patterns:
                m = rx.match(text, start)
                if m:
                    out.append((m.start(), m.end(), m.group()))
    return out


def _lookup(mapping: dict[str, str], phrase: str) -> str:
    """Key of a matched phrase whatever spaces or hyphens the article used."""
    p = phrase.lower()
    if p.endswith("'s"):
        p = p[:-2]
    if p in mapping:
        return mapping[p]
    return _flattened(id(mapping), mapping).get(_SPACES.sub(" ", p), "")


_SPACES = re.compile(r"[\s-]+")
_FLAT: dict[int, dict[str, str]] = {}


def _flattened(key: int, mapping: dict[str, str]) -> dict[str, str]:
    """The mapping keyed by phrases with every run of spaces or hyphens made one space (built once)."""
    if key not in _FLAT:
        flat: dict[str, str] = {}
        for cand, k in mapping.items():
            flat.setdefault(_SPACES.sub(" ", cand), k)
        _FLAT[key] = flat
    return _FLAT[key]


# ---------------------------------------------------------------------------
# Sentences


_STOP = (
    r"in|on|at|for|to|from|by|and|or|with|as|that|which|who|whom|were|was|have|has|had|are|is|be|been|"
    r"per|than|since|during|after|before|while|but|of|out|into|a|an|the|this|these|those|it|its|their|"
    r"they|he|she|we|said|says|according|including|included|includes|among|amid|about|over|under|up|"
    r"less|nearly|almost|around|some|each|every|total|totaling|totalling|rose|risen|reached|new|"
    r"day|days|week|weeks|month|months|year|years|hours|per|cent|percent|times|kilometres|km|miles|"
    r"square|locations|positions|sites|targets|settlements|villages|towns|cities|attacks|strikes|shells|"
    r"rounds|missiles|launches|sorties|assaults|clashes|battles"
)
# (a stop word ends the noun phrase, but not as the start of a hyphenated word: "A-50 planes")
_FILLER = rf"(?:units\s+of|pieces\s+of|items\s+of|(?!(?:{_STOP})(?![\w-]))[\w'.]+(?:-[\w'.]+)*)"
# Places, buildings and attacks a figure can count that are no loss: "13 Ukrainian oblasts", "72 counterattacks"
_PLACE_HEADS = (r"counter-?attacks?|settlements?|regions?|villages?|towns?|cities|localities|oblasts?|directions?|"
                r"districts?|buildings?|houses?|homes?|apartments?|high-rises?|locations?")
_NOT_HEAD = (
    r"crews?|battalions?|brigades?|regiments?|divisions?|compan(?:y|ies)|commanders?|factor(?:y|ies)|"
    r"plants?|ammunition|shells|rounds|production|repair|parts|engines|barrels|operators?|pilots?|"
    r"drivers?|attacks?|strikes?|units?|debris|sites?|bases?|launch(?:es)?|wreckage|warfare|fire|"
    r"shelling|barrage|positions?|depots?|makers?|manufacturers?|industry|programm?e?s?|forces?|troops?|"
    r"army|corps|platoons?|squads?|hits?|assaults?|raids?|columns?|convoys?|workshops?|storage|"
    r"coverage|umbrella|network|defen[cs]e|exports?|imports?|deliver(?:y|ies)|stocks?|reserves?|"
    r"officials?|sources?|analysts?|bloggers?|families|relatives|mothers|wives|graves|memorial|rockets?|missiles?|"
    r"munitions|projectiles|" + _PLACE_HEADS
)
# A day's increase beside its total: "10,980 (+4)", or a table cell "| 4,187 | +5".


@lru_cache(maxsize=1)
def _dyn() -> SimpleNamespace:
    """Patterns that embed the vocabulary, compiled once (building them per call costs more
    than matching them)."""
    lex = lexicon()
    cat, meas = lex.category.pattern, lex.measure.pattern
    quals = r"(?:(?:an?\s+)?(?:additional|further|another|at\s+least|about|around|some|nearly|almost|over|more\s+than|up\s+to|an\s+estimated|a\s+total\s+of)\s+)?"
    return SimpleNamespace(**{name: caseless(rx) for name, rx in dict(
        cat_after=re.compile(rf"^[\s\"']*(?:\(\s*\+?\s*[\d,. ]+\s*\)\s*)?(?:of\s+(?:the|these|those|its|their|them|which|his|her|our)\s+)?"
                             # "354,000 Russian and Ukrainian soldiers": two owners joined
                             rf"(?:(?-i:[A-Z][\w-]+)\s+(?:and|or)\s+(?=(?-i:[A-Z])))?"
                             rf"(?:{_FILLER}\s+){{0,3}}?(?P<cat>{cat})", re.I),
        not_head=re.compile(rf"\s+(?:{_NOT_HEAD})\b", re.I),
        # a bare figure's own head noun that counts no loss: "13 Ukrainian oblasts", "11 high-rise buildings"
        own_head=re.compile(rf"\s+(?:[\w-]+\s+)?(?:{_PLACE_HEADS})\b|"
                            # "over 5,000 shelling", "188 rockets": attacks counted (not "12 in strikes")
                            rf"\s+(?:(?!(?:in|on|at|by|from|after|during|of|with|and|as|or)\b)[\w-]+\s+)?"
                            rf"(?:shellings?|attacks?|strikes?|airstrikes?|air\s+strikes?|rockets|shells|sorties|bombardments?|assaults?)\b", re.I),
        people_after=re.compile(
            rf"^\s*(?:of\s+(?:the|these|those)\s+)?(?:{_FILLER}\s+){{0,2}}?(?P<cat>casualt(?:y|ies)|causalities|deaths|"
            rf"fatalities|dead|killed|wounded|injured|injuries|losses|KIA|irrecoverable\s+losses|Russians|Ukrainians|North\s+Koreans)\b", re.I),
        cat_label=re.compile(rf"(?P<cat>{cat})\s*(?:-+|:|\|)\s*(?:[a-z]+\s+){{0,2}}$", re.I),
        measure_owned=re.compile(rf"(?P<m>{meas})\s+{quals}$", re.I),
        cat_before_noun=re.compile(rf"(?P<c>{cat})\s+$", re.I),
        # "Russian tank losses have reached 3,363", "personnel losses, including the wounded, have
        # surpassed 1,214,500", "the month with the highest tank losses for Russia, totaling 428"
        cat_losses_linked=re.compile(
            rf"(?:(?P<p>{lex.party.pattern}|{lex.party_cs.pattern})\s+(?:[\w-]+\s+)?)?"
            rf"\b(?P<c>{cat}|tank|aircraft|helicopter|drone|ship|artillery|equipment|personnel)\s+"
            rf"(?:losses|casualties|toll|tally|count)\b[^.;:]{{0,120}}?\b(?:have\s+|has\s+|had\s+)?"
            rf"(?:reached|reach|surpassed|passed|exceeded|topped|hit|totall?ing|totall?ed|stood\s+at|stand\s+at|"
            rf"stands\s+at|was|were|is|are|at|amounted\s+to|amounting\s+to|rose\s+to|risen\s+to|climbed\s+to|"
            rf"grew\s+to|came\s+to|numbered|of|(?P<range>between|from|range\s+of))\s+(?:(?:a|an|the|some|nearly|almost|about|around|over|more|than|"
            rf"at|least|up|to|just|roughly|approximately|estimated|record|total)\s+){{0,4}}$", re.I),
        cat_of=re.compile(rf"\s*of\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?P<c>{cat})", re.I),
        noun_before=re.compile(rf"(?:{cat}|people|persons)\s+$", re.I),
        # "..., while Ukraine has lost about 500": a side that is the subject of its own loss verb
        # "Russia attacked Ukraine with 298 drones": the side whose drones and missiles were then shot down
        launcher=re.compile(rf"(?P<p>{lex.party.pattern}|{lex.party_cs.pattern})\s+(?:\w+\s+){{0,3}}?"
                            rf"(?:attacked|launched|fired|unleashed|targeted|sent|struck)\b", re.I),
        own_subject=re.compile(rf"(?P<p>{lex.party.pattern}|{lex.party_cs.pattern})\s+(?:\w+\s+){{0,2}}?(?:has|have|had)?\s*"
                               rf"(?:also\s+)?(?:lost|suffered)\s+(?:\w+\s+){{0,2}}$", re.I),
    ).items()})


def _measure_spans(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _lookup(lex.measure_key, m.group())) for m in lex.measure.finditer(text)]


MUNITIONS = ("drones", "cruise_missiles")
_LAUNCH_REACH = 2500  # characters back to look for who launched the drones and missiles an article counts


# Every case-insensitive pattern above scans lower-cased text case-sensitively: same matches,
# several times faster (see `caseless`).
caseless_module(globals())
