"""Extraction: one article's text -> claim rows and mention rows (plain tuples).

Lines are split before sentences (a headline is its own sentence); every number read
(`numbers.find_numbers`) becomes either a claim -- party, category, measure, qualifier,
period and source read from the words around it -- or a mention with the reason it is
not one. The words come from the packaged vocabulary (`vocabulary.py`).
"""
from __future__ import annotations

import re
from types import SimpleNamespace
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from . import vocabulary as vocab
from .caseless import Caseless, caseless
from .numbers import NumberSpan, find_numbers
from .reading import Article

BELLIGERENTS = ("russia", "ukraine", "north_korea")
CONTEXT = 250  # characters of a sentence read on each side of a number
OPPOSITE = {"russia": "ukraine", "ukraine": "russia"}
SPEAKER_PARTY = {"ukraine_official": "ukraine", "russia_official": "russia"}

# Same-length normalisation so that offsets in the normalised text are offsets in the article.
_NORMALISE = tuple({
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}.items())


# "KYIV—Ukraine has lost": a wire dateline's dash glued to the first word is a space, not a hyphen
# ("Russia–Ukraine" keeps its dash: both sides named, neither the owner)
_DATELINE_DASH = re.compile(r"(?<=[A-Z]{3})\u2014(?=[A-Z])")


def _normalise(text: str) -> str:
    """Curly quotes straight, dashes hyphens, odd spaces plain: one spelling for every pattern."""
    if "\u2014" in text:
        text = _DATELINE_DASH.sub(" ", text)
    # str.replace per character: about 40 times faster than str.translate with a dict table
    for char, plain in _NORMALISE:
        if char in text:
            text = text.replace(char, plain)
    return text


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
    party_first: re.Pattern
    source_first: re.Pattern
    window: re.Pattern  # the table's window phrases; dates and other shapes are read by patterns below
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
    verbs = {k: [p for p, key in vocab.phrases("verb") if key == k] for k in ("loss", "destroy", "equipment_loss")}
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
        party_first=_first_words(p for p, _ in parties),
        source_first=_first_words(p for p, _ in sources),
        window=re.compile(rf"{b}(?:{_alt([p for p, k in vocab.phrases('period') if k == 'window'])}){e}", re.IGNORECASE),
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
        words.add(second.group().rstrip(".") if second and p[first.end()] in " -" else word)
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

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|"
    r"St|No|vs|etc|approx|Prof|Sen|Rep|Gov|Adm|Cmdr|Brig|Jr|Sr|Inc|Ltd|Co|e\.g|i\.e)\.|\b[A-Z]\.|"
    r"\b(?:U\.S|U\.K|U\.N|E\.U)\.)$"
)
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_AS_FOLLOWS = re.compile(r"\b(?:as\s+follows|the\s+following)\b[^.]{0,250}[.:]?\s*$", re.I)
_TITLE_END = frozenset(".!?:;,\"')")  # a line ending in one of these is prose, not a headline


class Sentence(NamedTuple):
    """A sentence of the article: offsets, paragraph number, and whether it is a title line."""

    start: int
    end: int
    para: int
    title: bool
    colon: bool  # ends with a colon: its subject carries into the next line


def split_sentences(text: str) -> list[Sentence]:
    """Split into lines (paragraphs), then sentences; title-like lines are marked.

    >>> text = "Big News Today\\nIt rose. Feb. 24 was cold."
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['Big News Today', 'It rose.', 'Feb. 24 was cold.']
    """
    out: list[Sentence] = []
    pos = 0
    para = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            offset = pos + lead
            seg = body.strip()
            bare = seg.strip("*# ")
            title = (bare.rstrip()[-1:] not in _TITLE_END and len(bare.split()) <= 25) or seg.startswith("#") or (
                seg.startswith("**") and seg.endswith("**"))
            start = 0
            for m in _BOUNDARY.finditer(seg):
                if _ABBREVIATIONS.search(seg, max(0, m.start() - 12), m.start() + 1):
                    continue
                end = m.end() - len(m.group()) + len(m.group().rstrip())
                out.append(Sentence(offset + start, offset + end, para, title, False))
                start = m.end()
            last = seg[start:]
            header = last.rstrip().endswith(":") or "follow" in last.lower() and bool(_AS_FOLLOWS.search(last))
            out.append(Sentence(offset + start, offset + start + len(last), para, title, header))
            para += 1
        pos += len(line)
    return out


# ---------------------------------------------------------------------------
# Local patterns of war reporting (not vocabulary: grammar)

_STOP = (
    r"in|on|at|for|to|from|by|and|or|with|as|that|which|who|whom|were|was|have|has|had|are|is|be|been|"
    r"per|than|since|during|after|before|while|but|of|out|into|a|an|the|this|these|those|it|its|their|"
    r"they|he|she|we|said|says|according|including|included|includes|among|amid|about|over|under|up|"
    r"less|nearly|almost|around|some|each|every|total|totaling|totalling|rose|risen|reached|new|"
    r"day|days|week|weeks|month|months|year|years|hours|per|cent|percent|times|kilometres|km|miles|"
    r"square|locations|positions|sites|targets|settlements|villages|towns|cities|attacks|strikes|shells|"
    r"rounds|missiles|launches|sorties|assaults|combat|clashes|battles"
)
# (a stop word ends the noun phrase, but not as the start of a hyphenated word: "A-50 planes")
_FILLER = rf"(?:units\s+of|pieces\s+of|items\s+of|(?!(?:{_STOP})(?![\w-]))[\w'.]+(?:-[\w'.]+)*)"
_NOT_HEAD = (
    r"crews?|battalions?|brigades?|regiments?|divisions?|compan(?:y|ies)|commanders?|factor(?:y|ies)|"
    r"plants?|ammunition|shells|rounds|production|repair|parts|engines|barrels|operators?|pilots?|"
    r"drivers?|attacks?|strikes?|units?|debris|sites?|bases?|launch(?:es)?|wreckage|warfare|fire|"
    r"shelling|barrage|positions?|depots?|makers?|manufacturers?|industry|programm?e?s?|forces?|troops?|"
    r"army|corps|platoons?|squads?|hits?|assaults?|raids?|columns?|convoys?|workshops?|storage|"
    r"coverage|umbrella|network|defen[cs]e|exports?|imports?|deliver(?:y|ies)|stocks?|reserves?|"
    r"officials?|sources?|analysts?|bloggers?|families|relatives|mothers|wives|graves|memorial|rockets?|missiles?|"
    r"munitions|projectiles"
)
# A day's increase beside its total: "10,980 (+4)", or a table cell "| 4,187 | +5".
_PLUS = re.compile(r"(?:^\s*\(|\|)\s*\+\s*$")
_DAILY_AFTER = re.compile(r"^\s*(?:\)|\||$)")
_WAR_WORDS = re.compile(
    r"\b(?:world\s+war|wwi+|ww\s?[12]|second\s+world\s+war|first\s+world\s+war|great\s+patriotic\s+war|"
    r"afghan(?:istan)?|chechnya|chechen\s+wars?|vietnam|korean\s+war|iraq|gaza|israel|hamas|sudan|syria|soviet\s+union|ussr|"
    r"red\s+army|battle\s+of\s+the\s+somme|verdun|stalingrad|"
    r"yemen|napoleon|soviet[\s-]afghan|falklands|civil\s+war)\b",
    re.IGNORECASE,
)
_LAUNCH = re.compile(r"\b(?:using|with\s+the\s+use\s+of|hits\s+by|impacts\s+(?:by|of)|struck\s+by|attacked\s+by|launch(?:ed|es|ing)|fired|fires|firing|attacked\s+with|sent|used|deployed|unleashed|"
                     r"released)\b", re.IGNORECASE)
_RATE_AFTER = re.compile(
    # ("in a day", "in just a week", "over a month" are a window, not a rate)
    r"^[^.;]{0,45}?\b(?:per\s+(?:square|sq|km|kilomet|day|week|month|year|hour)|"
    r"(?<!\bin\s)(?<!\bwithin\s)(?<!\bjust\s)(?<!\bonly\s)(?<!\bover\s)a\s+(?:day|week|month|year)\b|"
    r"each\s+(?:day|week|month)|every\s+(?:day|week|month|single)|for\s+every|for\s+each|an\s+hour|on\s+average|"
    r"a\s+square|daily\s+average)",
    re.IGNORECASE,
)
_RATE_BEFORE = re.compile(r"\b(?:average\s+of|averag(?:e|ed|ing)|rate\s+of|ratio\s+of|an\s+average)\s+(?:\w+\s+){0,2}$|\bper\s+$|"
                          r"\bfor\s+(?:every|each)\s+$|"
                          r"\brate\b[^.;,]{0,40}\b(?:was|is|of|at|stood\s+at|reached)\s+(?:\w+\s+){0,2}$",
                          re.IGNORECASE)
_STOCK = re.compile(
    r"\b(?:suppl(?:y|ied|ies|ying)|deliver(?:ed|ies|y|ing)|provid(?:ed|es|ing)|donat(?:ed|es|ing)|pledg(?:ed|es)|"
    r"transferr?(?:ed|ing)|receiv(?:ed|es|ing)|ordered|bought|purchas(?:ed|es)|produc(?:ed|es|ing|tion)|"
    r"manufactur(?:ed|es|ing)|built|build|builds|building|stockpiles?|inventory|in\s+storage|from\s+storage|"
    r"in\s+service|arsenal|fleet\s+of|started\s+the\s+war\s+with|entered\s+the\s+war\s+with|before\s+the\s+war|"
    r"possess(?:es|ed)?|set\s+up|amass(?:ed|ing)|mass(?:ed|ing)|stationed|concentrat(?:ed|ing)|grouping|"
    r"refurbish(?:ed|ing)|modernis(?:ed|ing)|moderniz(?:ed|ing)|army\s+of|armed\s+forces\s+of|repair(?:ed|ing)|"
    r"restor(?:ed|ing)|has\s+some|has\s+about|operat(?:es|ing)|aid\s+package|package)\b",
    re.IGNORECASE,
)
_RECRUIT = re.compile(
    r"\b(?:recruit(?:ed|s|ing|ment)?|mobili[sz](?:ed|ation|ing|e)|conscript(?:ed|ion|s)?|enlist(?:ed|ing|s)?|"
    r"sign(?:ed|ing)?\s+(?:up|contracts?)|draft(?:ed)?|call(?:ed)?[\s-]up|volunteers?\s+join)\b",
    re.IGNORECASE,
)
_FORECAST = re.compile(
    r"\b(?:expected\s+to|(?:is|are|set)\s+to\s+(?:reach|rise|grow|increase)|(?:could|might|may|would)\s+(?:eventually\s+|soon\s+|potentially\s+|still\s+)?"
    r"(?:send|deploy|lose|suffer)|could\s+(?:reach|rise|climb|top|lose|hit|exceed|pass|surpass)|will\s+(?:likely\s+)?(?:reach|rise|climb|top|lose|hit|exceed|pass|surpass|cross|approach)|"
    r"would\s+(?:reach|rise|lose|be)|projected|forecasts?|forecasted|predict(?:ed|s|ion)?|on\s+track\s+to|"
    r"likely\s+to\s+(?:reach|rise|lose|exceed)|may\s+(?:reach|rise|lose|exceed))\b",
    re.IGNORECASE,
)
_EXCHANGE = re.compile(
    r"\b(?:exchang(?:e|ed|es|ing)|swap(?:s|ped)?|repatriat(?:ed|ion)|returned|return\s+of|released|freed|"
    r"handed\s+over|bodies\s+of|prisoner\s+swap)\b",
    re.IGNORECASE,
)
_POPULATION = re.compile(r"\b(?:home\s+to|population\s+of|a\s+city\s+of|a\s+town\s+of|inhabited\s+by|populated\s+by)\s+"
                         r"(?:\w+\s+){0,2}$", re.I)
_NOT_LOSS = re.compile(r"\b(?:survived|survivors?|rescued|evacuated|displaced|refugees?|treated|saved|trained|training)\b",
                       re.IGNORECASE)
_DURATION_AFTER = re.compile(
    r"^(?:-and-a-half|\s+and\s+a\s+half)?[\s-]*(?:(?:full|straight|long|more|consecutive|additional|calendar)\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?|minutes?|decades?|nights?)\b",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(r"(?:^|\b(?:on|since|by|of|as\s+of|marks?|marking|reached|entered|it\s+is|it's))\s*day\s+(?:no\.?\s+)?$",
                         re.IGNORECASE)
_AGE = re.compile(r"^(?:-years?-old|\s+years?\s+old|-year-old)", re.IGNORECASE)
# "aged 54", "the median age of the dead has risen to 36"
_AGE_BEFORE = re.compile(r"\baged\s+$|\bage\s+(?:of\s+)?$|\b(?:median|average|mean)\s+age\b[^.;]{0,60}$", re.IGNORECASE)
_MODEL_BEFORE = re.compile(r"\b(?:Leopard|Challenger|Marder|Gepard|Patriot|Tornado|Mirage|Gripen|Iskander|Kinzhal|Tochka|"
                           r"Zircon|Kalibr|Shahed|Geran|Lancet|Orlan|Bayraktar|Stryker|Piranha|Caesar|Krab|Zuzana|Project)\s$")
_UNIT_BEFORE = re.compile(r"\b(?:unit|brigade|regiment|battalion|division|no\.|number|corps|group|model|version)\s+#?$",
                          re.IGNORECASE)
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
_DATE_CONTEXT_BEFORE = re.compile(rf"\b{_MONTHS}\s+$|\b{_MONTHS}\s+\d{{1,2}},?\s+$", re.IGNORECASE)
_DATE_CONTEXT_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?![a-z])", re.IGNORECASE)
_LINK_BEFORE = re.compile(
    r"\b(?P<noun>death\s+toll|toll|casualt(?:y|ies)|causalities|losses|total|tally|number|figure|count|killed|dead|"
    r"wounded|injured|deaths|fatalities|personnel|troops|soldiers|servicemen)\b"
    # "the death toll of 500", "casualties at 1,000": the link word right after the noun ...
    r"(?:(?P<gap0>\s+(?:of|at|to)\s+(?:[\w']+\s+){0,3})$"
    # ... or a verb further on: "casualties in the war have passed the grim milestone of"
    # (a date may sit in the gap: "bringing the total since Feb. 24, 2022 to")
    r"|(?P<gap>(?:[^.;:,]|(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\.|,(?=\s*(?:19|20)\d\d\b)){0,70}?)"
    r"\b(?:to|reached|reach|reaches|surpassed|surpass|surpasses|passed|pass|passes|exceeded|exceed|exceeds|"
    r"topped|tops|top|is|was|are|were|hit|hits|crossed|stood|stands|than|approaching|nearing|near|now|past|"
    r"over|nearly|almost|around|about|some|includes|included|including|amounted\s+to|amount\s+to|at|"
    r"totall?ed|totals|numbered|came\s+to|rose\s+by|risen\s+by|increased\s+by|grew\s+by|climbed\s+by|jumped\s+by)\s+"
    # only determiners, bounds and milestone words between the link and the figure
    r"(?:(?:a|an|the|some|grim|milestone|mark|of|staggering|whopping|record|total|figure|at|least|more|than|over|"
    r"nearly|almost|about|around|close|to|up|just|short|well|upwards|approximately|roughly|estimated|beyond|"
    r"above|under|below|fewer|less)\s+){0,4}$)",
    re.IGNORECASE,
)
_TOTAL_BEFORE = re.compile(r"\b(?:total|overall|cumulative|in\s+all|altogether|bringing|taking|brings|takes|raising|"
                           r"raises|brought|took\s+the)\b[^.;]{0,60}$", re.IGNORECASE)
_SINCE_WAR = re.compile(
    r"\bsince\s+(?:the\s+|its\s+|russia's\s+|moscow's\s+)?(?:(?:start|beginning|outset|onset)\s+of\s+(?:the\s+|its\s+|russia's\s+)?)?"
    r"(?:full[\s-]scale\s+)?(?:invasion|war|conflict|special\s+military\s+operation|aggression|hostilities|"
    r"conflict's\s+onset|war's\s+start|war's\s+outset|invasion's\s+start)|since\s+(?:the\s+)?(?:launching|starting|"
    r"launch\s+of)|since\s+(?:feb(?:ruary)?\.?\s+(?:of\s+)?(?:24,?\s+)?2022|(?:24\s+)?feb(?:ruary)?\.?\s+(?:of\s+)?2022|2022|2014)|"
    r"(?:from|between|since)\s+(?:24\.02\.(?:20)?22|feb(?:ruary)?\.?\s+24\b|24\s+feb(?:ruary)?\b)|"
    r"since\s+(?:russia|moscow|putin|the\s+kremlin|it|they)\s+(?:launched|began|started|invaded|unleashed)|"
    r"(?:back\s+)?in\s+feb(?:ruary)?,?\s+2022|"
    r"(?:start|beginning|outset|onset)\s+of\s+(?:the\s+|its\s+)?(?:full[\s-]scale\s+)?(?:invasion|war)",
    re.IGNORECASE,
)
_WINDOW = re.compile(
    rf"\b(?:since\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:{_MONTHS}\s+)?(?:\d{{1,2}},?\s+)?20(?:2[3-9])|"
    rf"since\s+(?:the\s+)?(?:start|beginning|launch)\s+of\s+(?:the|its|their|kyiv's|ukraine's|russia's)?\s*(?:counter-?offensive|"
    rf"offensive|incursion|operation\s+in|summer|year)|(?:over|during|in|for)\s+the\s+(?:period|month|year|week)\b|"
    rf"(?:over|during|in)\s+(?:the\s+)?(?:whole\s+)?(?:of\s+)?20(?:2[2-9])\b|\bmonthly\b|\bper\s+month\b|\blast\s+{_MONTHS}\b|"
    rf"since\s+(?:the\s+(?:start|beginning)\s+of\s+)?{_MONTHS}(?!\s+(?:of\s+)?(?:24,?\s+)?2022|\s+24\b)|"
    rf"(?:in|during|throughout|by)\s+(?:early\s+|late\s+|mid-?)?(?:the\s+)?(?:first|second|third|fourth|last)?\s*(?:half\s+of\s+|quarter\s+of\s+)?"
    rf"(?:{_MONTHS}|20\d\d|summer|winter|spring|autumn|fall)\b|between\s+{_MONTHS}|"
    rf"(?:over|in|during)\s+(?:the\s+)?(?:past|last|previous|first|next)\s+(?:\w+\s+){{0,2}}(?:days|weeks|months|years|nights|week|month|year)\b|"
    rf"\b(?:in|within|over)\s+(?:just\s+|only\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d{{1,2}})\s+(?:days|weeks|months)\b|"
    rf"\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bon\s+\d{{1,2}}\s+{_MONTHS}|\bon\s+{_MONTHS}\s+\d|\b(?:monday|tuesday|wednesday|thursday|"
    rf"friday|saturday|sunday)'s\b|\boverni(?:ght)\b|\bone\s+night\b|\bthis\s+(?:week|month|year)\b|\blast\s+(?:week|month|year)\b|"
    rf"\bin\s+(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:attack|strike|night|assault|battle|week|month|offensive|raid|airstrike|bombardment)\b|\bin\s+the\s+(?:attack|strike|"
    rf"shelling|assault|bombing|battle\s+(?:for|of))\b|\bduring\s+the\s+(?:attack|strike|shelling|assault|battle|offensive|"
    rf"counteroffensive|incursion|operation)\b|\bin\s+(?:the\s+)?(?:attack|strike|shelling|assault|bombing)\s+on\b|"
    rf"\bin\s+(?:\w+\s+)?(?:strikes|attacks|assaults|raids)\s+(?:on|near|in|against)\b)",
    re.IGNORECASE,
)
# Words without which the big period patterns cannot match: tested first, they are cheap.
_SINCE_HINT = re.compile(r"since|from|start|beginning|outset|onset|feb", re.I)
_DAILY_HINT = re.compile(r"day|hours|daily", re.I)
_WINDOW_HINT = re.compile(
    rf"since|between|{_MONTHS}|20\d\d|night|week|month|year|period|alone|summer|winter|spring|autumn|fall|"
    rf"past|last|previous|first|next|attack|strike|shelling|assault|bombing|battle|offensive|incursion|operation|"
    rf"raid|day|alone",
    re.I,
)
_REGIONAL_SINCE = re.compile(r"\bsince\s+the\s+(?:start|beginning|outset)\s+of\s+(?:the\s+)?(?:hostilities|fighting|incursion|"
                             r"offensive|operation|battle)\s+(?:in|for|near|around)\b", re.I)
_SAME_PERIOD = re.compile(r"\b(?:in|over|during|for)\s+the\s+same\s+(?:period|time|timeframe|months?)\b", re.I)
_CUMULATIVE = re.compile(r"\b(?:in\s+total|overall|so\s+far|to\s+date|cumulative|altogether|in\s+all(?=\s*,)|as\s+of)\b", re.I)
_REPORTING = re.compile(r"\b(?:said|says|told|announced|assessed|estimated|estimates|reported|reports|stated|claimed|"
                        r"claims|wrote|noted|added|confirmed|counted|documented|recorded|verified|put)\b", re.I)
# "said in February 2025 that": when it was said, not the period of the figure.
_SPEECH_DATE = re.compile(
    rf"\b(?:said|says|announced|reported|stated|claimed|told\s+\w+|wrote|estimated|noted|added|published|released|"
    rf"posted|updated|pledged|promised|delivered|supplied|sent|received|ordered|invaded|launched|began|started|admitted|"
    rf"acknowledged|conceded|revealed|disclosed|given\s+by\s+(?:[\w.-]+\s+){{0,4}}?)\s+(?:on|in|late\s+on|early\s+on)\s+(?:(?:early\s+|late\s+|mid-?)?{_MONTHS}(?:\s+\d{{1,2}})?,?(?:\s+20\d\d)?|"
    rf"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|evening|night))?)",
    re.IGNORECASE,
)
_DAILY = re.compile(
    r"\b(?:(?:over|in|during|within)\s+(?:the\s+)?(?:past|last|previous)\s+(?:day|24\s+hours)|past\s+24\s+hours|"
    r"(?:in|within|over)\s+24\s+hours|over\s+the\s+day|"
    r"last\s+24\s+hours|past\s+day|yesterday|in\s+a\s+single\s+day|on\s+the\s+previous\s+day|during\s+the\s+day|"
    r"daily\s+(?:losses|toll|update|report|figures?)|per\s+the\s+daily|in\s+one\s+day|in\s+a\s+day)\b",
    re.IGNORECASE,
)
_CIVIL_CONTEXT = re.compile(
    r"\b(?:civilians?|residents?|shell(?:ing|ed)|bomb(?:ing|ed)|glide\s+bomb|apartment|hospital|school|"
    r"playground|governor|mayor|people|person|children|woman|women|man|girl|boy|rescuers|passengers|injured\s+in|"
    r"killed\s+in\s+(?:a|an|the)\s+(?:\w+\s+){0,3}(?:strike|attack))\b",
    re.IGNORECASE,
)
_ARMY_CONTEXT = re.compile(r"\b(?:regime|army|armed\s+forces|troops|servicemen|soldiers|military\s+losses|combat\s+losses|"
                           r"the\s+enemy|personnel|units|brigades?|battalions?|regiments?|compan(?:y|ies)|north\s+korean)\b", re.I)
# (a city's or region's "Military Administration" is Ukraine's civil authority in wartime, not the army)
_MILITARY_CONTEXT = re.compile(r"\b(?:troops|soldiers|servicemen|personnel|military(?![\s-]+(?:civil(?:ian)?[\s-]+)?administrations?\b)|"
                               r"army|forces|fighters|combat|front|"
                               r"north\s+korean|brigades?|units)\b",
                               re.IGNORECASE)
_LOCATION_BEFORE = re.compile(
    r"\b(?:in|into|inside|across|on|throughout|against|invasion\s+of|invaded|invading|war\s+in|war\s+on|war\s+with|"
    r"from|near|to|toward|towards|with|between|and|assist|help|support|supporting|supported|for|attack\s+on|attacks\s+on|"
    r"fight\s+for|fighting\s+for|by)\s+(?:the\s+|its\s+)?$",
    re.IGNORECASE,
)
_OCCUPIED = re.compile(r"\b(?:occupied|russian[\s-](?:installed|appointed|controlled|occupied)|moscow[\s-](?:installed|appointed))\b", re.I)
_RUSSIAN_PLACES = re.compile(
    r"\b(?:belgorod|kursk|bryansk|voronezh|rostov|krasnodar|moscow\s+region|lipetsk|oryol|tula|kaluga|smolensk|"
    r"tatarstan|bashkortostan|novorossiysk|sevastopol|russian\s+(?:region|city|town|village|territory|border\s+region)|"
    r"in\s+russia(?!'s)|inside\s+russia(?!'s)|russian\s+civilians|russian\s+nationals|russian\s+citizens|(?:in|on|over)\s+moscow|"
    r"moscow\s+mayor|mayor\s+of\s+moscow|sobyanin|russian\s+capital)\b",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"^[\w'\s,().-]{0,50}?\b(?:said|says|say|told|tells|claimed|claims|claim|stated|states|reported|reports|report|"
    r"announced|announces|estimated|estimates|estimate|noted|notes|wrote|writes|tweeted|posted|added|adds|confirmed|"
    r"confirms|counted|counts|documented|documents|assessed|assesses|assessment|believes|believed|suggests|suggest|"
    r"suggested|indicated|indicates|puts|published|publishes|verified|recorded|figures|data|update|updates|statement|"
    r"briefing|calculated|calculates|tallied|tally|count|analysis|shows|showed|revealed|reveals|warned|stressed|"
    r"explained|put|evaluates|evaluated|concluded|saying|disclosed|announcing|reporting|claiming|counts|listed|lists|"
    r"recorded|registered|calculated|tallies|acknowledged|admitted|dismissed|denied|rejected|disputed|countered)\b",
    re.IGNORECASE,
)
_CUE_BEFORE = re.compile(
    r"\b(?:source\s*:|sources\s*:|with\s+reference\s+to|referring\s+to|according\s+to|given\s+by|provided\s+by|data\s+from|figures\s+from|cited\s+by|citing|per|reported\s+by|estimates?\s+(?:from|by)|"
    r"based\s+on(?:\s+data\s+from)?|quoted\s+by|statement\s+(?:by|from)|report\s+(?:by|from)|told|source\s+in|"
    r"sources\s+in|published\s+by|released\s+by|confirmed\s+by|tallied\s+by|counted\s+by|data\s+of|verified\s+by|"
    r"assessment\s+(?:by|from)|analysis\s+(?:by|from)|intelligence\s+from|"
    r"(?:by|in|under|on)\s+the\s+(?:latest\s+|own\s+)?(?:count|tally|reckoning|estimates?|figures|calculations?)\s+of)"
    r"\s+(?:the\s+)?(?:[\w'.]+\s+){0,4}$",
    re.IGNORECASE,
)
_LOCAL_OFFICIAL = re.compile(
    r"\b(?:(?:acting\s+)?(?:regional\s+|city\s+|oblast\s+|district\s+)?(?:governor|mayor|military\s+administration|"
    r"regional\s+administration|city\s+authorities|regional\s+authorities|local\s+authorities|city\s+council|"
    r"emergency\s+services?|police|prosecutor's\s+office)|[A-Z][a-z]+\s+(?:Governor|Mayor)|"
    # "Russian-installed officials in occupied Donetsk", "the Moscow-appointed head of the region"
    r"(?:russian|russia|moscow|kremlin)[\s-](?:installed|appointed|backed)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:officials?|head|leader|authorities|administration|chief))\b",
    re.IGNORECASE,
)
# A voice that introduces figures to come: "according to a new count by the BBC", "a study by CSIS".
_INTRO = re.compile(r"\b(?:count|tally|estimates?|data|figures|analysis|study|report|assessment|documents|database|list)\s+"
                    r"(?:\w+\s+){0,3}?(?:by|from|of|published\s+by|compiled\s+by)\b", re.I)
_TRAILING_VOICE = re.compile(r"\b(?:data|figures|numbers|statistics|information|losses|tally|count|column|table|update|"
                             r"these|this|the\s+report)\b", re.I)
_DATELINE = re.compile(r"\((?:Reuters|AP|AFP|Bloomberg|TASS|Interfax|Xinhua|dpa|Yonhap)\)\s*[-:]", re.I)
_NATIONAL_OFFICIAL = re.compile(r"\b(?:[Tt]he\s+)?(?:[Dd]efen[cs]e\s+[Mm]inistry|[Mm]inistry\s+of\s+[Dd]efen[cs]e|MoD|"
                                r"(?:(?<=[Tt]he )|(?<=country's ))[Aa]ir\s+[Ff]orce|(?<=[Tt]he )[Gg]eneral\s+[Ss]taff|"
                                r"(?:(?<=[Tt]he )|(?<=country's ))military(?=\s+(?:said|says|reported))|"
                                # '..." spokesman Viktor Trehubov told Anadolu': a spokesman of the side last heard
                                r"(?:(?<=[,\"'] )|(?<=[Mm]ilitary )|(?<=[Aa]rmy ))spokes(?:man|woman|person)(?=\s+[A-Z]))(?!\s+of)\b")
_OWNED_NOUN = re.compile(r"\s+(?:personnel|equipment|hardware|losses|casualties|vehicles|units|positions|targets|"
                         r"aircraft|bases?|convoys?|columns?|assets|deaths|dead|death\s+toll|servicemen|troops|"
                         r"installations|facilities|depots?)\b", re.I)
_NATIONAL_WORDS = re.compile(r"(?:the\s+)?(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|mod|air\s+force|general\s+staff|"
                            r"military|spokes(?:man|woman|person))", re.I)
# A side's own command speaking: "Ukraine's Khortytsia operational-strategic group", "Russia's Dnepr group of forces"
_MILITARY_VOICE = re.compile(
    r"\b(?P<c>Ukraine's|Ukrainian|Russia's|Russian)\s+(?:[A-Z][\w'-]*\s+){0,3}(?:operational[\s-]strategic\s+group(?:\s+of\s+forces)?|"
    r"operational\s+command|group\s+of\s+(?:forces|troops)|joint\s+forces\s+command)\b", re.I)


def _military_voice(word: str) -> str:
    """The family of a side's own command named as a voice, or ''."""
    voice = _MILITARY_VOICE.fullmatch(word)
    if not voice:
        return ""
    return "ukraine_official" if voice.group("c").lower().startswith("ukrain") else "russia_official"


_LOCAL_HINTS = ("governor", "mayor", "administration", "authorities", "council", "emergency", "police", "prosecutor",
                "installed", "appointed", "backed")
_BACK_REFERENCE = re.compile(
    r"\b(?:according\s+to\s+(?:the|its|their|this|that)\s+(?:same\s+)?(?:\w+\s+)?(?:report|data|figures|update|ministry|"
    r"statement|estimate|estimates|source|agency|military|tally|count|officials|authors|study|analysis|minister|mission|"
    r"researchers|analysts|assessment)|the\s+(?:\w+\s+){0,2}?(?:ministry|military|agency|report|statement|update|"
    r"general\s+staff|army|department|office|mission|spokesperson|spokesman|spokeswoman|official|officials|governor|"
    r"mayor|authors|count|study|analysis|minister|researchers|analysts|assessment|think\s+tank)\s+(?:also\s+|separately\s+)?"
    r"(?:said|says|added|reported|reports|noted|stated|claimed|claims|estimates?|estimated|shows|showed|found|finds|put)|"
    r"(?:he|she|they|it)\s+(?:also\s+)?(?:said|says|added|claimed|claims|noted|told|estimated|wrote))\b",
    re.IGNORECASE,
)
# A line of a list under a header ending with ':' ("471,220 (+1,180) military personnel;", "- tanks - 7,417").
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022|]\s*)?(?:\d|[A-Za-z][\w ,/-]{0,60}?\s(?:-|:|\|)\s*(?:about\s+|approximately\s+|around\s+)?\d)")
_LABELLED_LINE = re.compile(r"\s*[A-Z][\w ()'-]{0,40}:\s*(?:up\s+to|over|more\s+than|about|around|some|nearly|at\s+least)?\s*\d")
_RANGE_MID = re.compile(r"^\s*(?:-|to|and)\s*$", re.IGNORECASE)
_LIST_SEP = re.compile(r"^\s*(?:,|;|,?\s*and|,?\s*as\s+well\s+as|,?\s*plus|,?\s*along\s+with|,?\s*while|,?\s*with)?"
                       r"\s*(?:also\s+|even\s+|another\s+)?$", re.IGNORECASE)
_ANAPHORA = re.compile(r"^\s*(?:of\s+(?:them|those|these|whom|which)|more|others|other|additional)\b", re.IGNORECASE)
_FORM_REASONS = ("age", "date", "year", "time", "ordinal", "model_number", "measurement", "duration", "percentage", "money")
_SHARED_TRAPS = ("stock", "launched", "rate", "recruitment", "forecast", "exchange")  # a figure compared with one of these is one too
# "2,398 were destroyed", "five were \"lost\" to jamming": what happened to the items counted before
_EQUIPMENT_FATE = re.compile(r"^\s*(?:were|was|had\s+been|have\s+been)?\s*[\"']?"
                            r"(?:(?:locally|reportedly|also|later|successfully|then|likely|probably)\s+)?[\"']?(?:destroyed|captured|damaged|abandoned|shot\s+down|"
                            r"lost|downed|intercepted|suppressed|jammed)\b", re.I)
_COMPARED = re.compile(r"\b(?:up\s+from|down\s+from|compared\s+(?:with|to)|against|versus|vs\.?|after)\s+(?:\w+\s+){0,2}$"
                       r"|\b(?:with|for|and\s+for|in)\s+(?:[A-Z][\w-]*\s+){0,2}$", re.I)
_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+further|further|an\s+additional|additional|other)\s+$", re.IGNORECASE)
_ARTICLE_NUMBER = re.compile(
    r"\b(?P<a>[Aa]n?)\s+(?:(?:(?i:russian|ukrainian|north\s+korean|enemy|[\w.]+-made|[\w.]+-built|[\w-]+-year-old|young|elderly|"
    r"local|single|second|third|fourth|fifth|further|modern|western|soviet-era|american|german|british)|[A-Z][\w/.-]*\d[\w/.-]*|"
    r"[A-Z][a-z]+-?\d*|[A-Z]{2,}[\w-]*|\d+mm|(?i:attack|combat|strike|fpv|kamikaze|reconnaissance|military))\s+){0,3}"
    r"(?P<noun>(?i:tank|infantry\s+fighting\s+vehicle|armou?red\s+personnel\s+carrier|armou?red\s+vehicle|helicopter|"
    r"submarine|warship|ship|plane|jet|fighter\s+jet|aircraft|bomber|howitzer|self-propelled\s+gun|multiple\s+rocket\s+launcher|"
    r"air\s+defen[cs]e\s+system|radar|woman|man|child|girl|boy|teenager|civilian|pensioner|resident|person|soldier|"
    r"serviceman|drone|cruise\s+missile|self-propelled\s+howitzer|rocket\s+launcher|radar\s+station|"
    r"electronic[\s-]warfare\s+station|engineering\s+vehicle|pickup(?:\s+truck)?|truck|armou?red\s+combat\s+vehicle|"
    r"armou?red\s+fighting\s+vehicle|fighter-bomber|attack\s+aircraft|bomber|fighter|warplane|vessel|boat|"
    r"sailor|pilot|officer|crew\s+member|mercenary|conscript|"
    r"(?:surface-to-air\s+|anti-aircraft\s+)?missile\s+system))\b",
)
_LIST_LOSS = re.compile(r"\b(?:lost|losses|loses|destroyed|shot\s+down|downed|hit|struck|eliminated|amounted\s+to)\b",
                        re.IGNORECASE)
_ARTICLE_LOSS = re.compile(
    r"^\s*(?:(?:was|were|is)\s+among\s+(?:those\s+|the\s+)?(?:killed|injured|wounded|dead)|"
    r"(?:was|were|has\s+been|had\s+been|is|got)\s+(?:also\s+|reportedly\s+)?(?:killed|injured|wounded|destroyed|"
    r"damaged|shot\s+down|downed|sunk|hit|captured|lost|struck)|died|(?:was\s+)?killed)\b",
    re.IGNORECASE,
)
_ARTICLE_LOSS_BEFORE = re.compile(
    r"\bamong\s+the\s+(?:injured|wounded|dead|killed|victims)\s+(?:is|was|were|are)\s+$|\b(?:destroyed|destroying|damaged|shot\s+down|shooting\s+down|downed|sank|sunk|hit|struck|captured|lost|killing|killed|"
    r"wounding|wounded|injuring|injured|eliminated|took\s+out|knocked\s+out)\s+(?:also\s+)?$",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------
# Reading one number in its sentence

@dataclass
class Reading:
    """What the words around one number say about it (filled step by step)."""

    num: NumberSpan
    sent: Sentence
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
    carried_measure: str = ""            # the measure of the earlier figure this one continues


@lru_cache(maxsize=1)
def _dyn() -> SimpleNamespace:
    """Patterns that embed the vocabulary, compiled once (building them per call costs more
    than matching them)."""
    lex = lexicon()
    cat, meas = lex.category.pattern, lex.measure.pattern
    quals = r"(?:(?:an?\s+)?(?:additional|further|another|at\s+least|about|around|some|nearly|almost|over|more\s+than|up\s+to|an\s+estimated|a\s+total\s+of)\s+)?"
    return SimpleNamespace(**{name: caseless(rx) for name, rx in dict(
        cat_after=re.compile(rf"^[\s\"']*(?:\(\s*\+?\s*[\d,. ]+\s*\)\s*)?(?:of\s+(?:the|these|those|its|their|them|which|his|her|our)\s+)?"
                             rf"(?:{_FILLER}\s+){{0,3}}?(?P<cat>{cat})", re.I),
        not_head=re.compile(rf"\s+(?:{_NOT_HEAD})\b", re.I),
        people_after=re.compile(
            rf"^\s*(?:of\s+(?:the|these|those)\s+)?(?:{_FILLER}\s+){{0,2}}?(?P<cat>casualt(?:y|ies)|causalities|deaths|"
            rf"fatalities|dead|killed|wounded|injured|losses|KIA|irrecoverable\s+losses|Russians|Ukrainians|North\s+Koreans)\b", re.I),
        cat_label=re.compile(rf"(?P<cat>{cat})\s*(?:-+|:|\|)\s*(?:[a-z]+\s+){{0,2}}$", re.I),
        measure_owned=re.compile(rf"(?P<m>{meas})\s+{quals}$", re.I),
        cat_before_noun=re.compile(rf"(?P<c>{cat})\s+$", re.I),
        cat_of=re.compile(rf"\s*of\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?P<c>{cat})", re.I),
        noun_before=re.compile(rf"(?:{cat}|people|persons)\s+$", re.I),
        # "..., while Ukraine has lost about 500": a side that is the subject of its own loss verb
        # "Russia attacked Ukraine with 298 drones": the side whose drones and missiles were then shot down
        launcher=re.compile(rf"(?P<p>{lex.party.pattern}|{lex.party_cs.pattern})\s+(?:\w+\s+){{0,3}}?"
                            rf"(?:attacked|launched|fired|unleashed|targeted|sent)\b", re.I),
        own_subject=re.compile(rf"(?P<p>{lex.party.pattern}|{lex.party_cs.pattern})\s+(?:\w+\s+){{0,2}}?(?:has|have|had)?\s*"
                               rf"(?:also\s+)?(?:lost|suffered)\s+(?:\w+\s+){{0,2}}$", re.I),
    ).items()})


def _category_after(after: str, lex: Lexicon) -> tuple[str, int, bool]:
    """Category key of the noun right after a number (allowing a few modifiers), its end, people-measure noun."""
    d = _dyn()
    after = after[:160]  # a noun phrase is short
    m = d.cat_after.match(after)
    if m and not d.not_head.match(after, m.end()):
        return _lookup(lex.category_key, m.group("cat")), m.end(), False
    m = d.people_after.match(after)
    if m:
        return "personnel", m.end(), True
    return "", -1, False


def _category_before(before: str, lex: Lexicon) -> str:
    """Category of a label just before a number: 'tanks - 10,980', 'personnel: about 1,020,010'."""
    m = _dyn().cat_label.search(before[-80:])
    return _lookup(lex.category_key, m.group("cat")) if m else ""


def _measure_spans(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _lookup(lex.measure_key, m.group())) for m in lex.measure.finditer(text)]


def _measure_for(r: Reading, lex: Lexicon, next_owned_before: bool) -> str:
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
    if verb and _lookup(lex.measure_key, verb.group("m")) in after:
        return _lookup(lex.measure_key, verb.group("m"))
    found = after or [k for _, _, k in reversed(_measure_spans(r.before, lex))]  # nearest first
    return found[0] if found else ""


def _owned_before(before: str, lex: Lexicon) -> bool:
    """Whether a measure verb sits right before a number ('killed 11,743', 'injuring at least 30')."""
    return bool(_dyn().measure_owned.search(before[-60:]))


def _qualifier(before: str, after: str, lex: Lexicon) -> str:
    m = lex.qualifier_tail.search(before)
    if m:
        key = _lookup(lex.qualifier_key, m.group("q"))
        if key:
            return key
    if _rx(r"^\s*(?:or\s+more|plus|\+)(?![\w])", _I).match(after) or _rx(r"^\+").match(after):
        return "at_least"
    if _rx(r"^\s*or\s+so\b", _I).match(after):
        return "approx"
    return ""


@dataclass
class _Mention:
    start: int
    end: int
    party: str
    role: str  # 'location', 'supplier', 'plain'


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
        elif _rx(r"\s+side\b", _I).match(rest):
            role = "plain"  # "on the Ukrainian side": whose, not where
        elif _LOCATION_BEFORE.search(stext[max(0, s - 30):s]) and not _rx(r"\b(?:losses|casualties|toll|death\s+toll)\s+(?:of|for|to)\s+(?:the\s+)?$", _I).search(stext[max(0, s - 30):s]):
            if not _rx(r"\bby\s+(?:the\s+)?$", _I).search(stext[max(0, s - 8):s]):
                role = "location"
            else:
                role = "by"
        out.append(_Mention(base + s, base + e, key, role))
    return out


def _resolve(party: str, speaker: str) -> str:
    if party == "enemy":
        return OPPOSITE.get(SPEAKER_PARTY.get(speaker, "ukraine"), "russia")
    return party


class _ArticleState:
    """What carries across sentences: the last source, the last party and claim context."""

    def __init__(self) -> None:
        self.last_source: str = ""
        self.last_source_para: int = -1
        self.last_named_source: str = ""
        self.last_party: str = ""
        self.last_party_para: int = -1
        self.colon_context: tuple[str, bool, str, str] | None = None  # (party, loss, qualifier, period) of a list header
        self.colon_fresh = False
        self.colon_measure = ""
        self.default_period = ""
        self.default_key: tuple[str, str] = ("", "")
        self.last_civilians = ""
        self.article_period = ""  # "daily"/"window" when the article's lead is about one day or event
        self.article_seen = False
        self.last_period = ""
        self.last_figure: tuple[str, str, str] | None = None
        self.last_category = ""  # category of the last figure read, taken or not ("launched 152 drones")
        self.para_period: tuple[int, str] | None = None  # the period of the article's first figure with a marker
        self.carry: tuple[str, str] | None = None  # (source, party or '') carried into later paragraphs
        self.speaker: str = ""  # the last official voice (ukraine_official / russia_official) heard
        self.last_official: str = ""  # the last government voice of any country named
        self.party_counts: dict[str, int] = {}  # sides named up to `counted_to`, read only when needed
        self.counted_to = 0
        self.voice_here = ""  # the voice the current sentence names
        self.last_people: tuple[str, str] | None = None      # (party, category) of the last people figure
        self.last_people_measure = ""


def _sources_in(stext: str, base: int, lex: Lexicon) -> list[tuple[int, int, str, bool]]:
    """(start, end, family, attributed) for source names in a sentence, longest first."""
    found = [f for f in _scan(stext, lex.source_first, (lex.source, lex.source_cs))
             if not _DATELINE.match(stext[max(0, f[0] - 1):f[1] + 4])]
    low = stext.lower()
    if any(h in low for h in _LOCAL_HINTS):
        found += [(m.start(), m.end(), m.group()) for m in _LOCAL_OFFICIAL.finditer(stext)]
    if "ministry" in low or "MoD" in stext or "air force" in low or "military said" in low or "military says" in low or "spokes" in low:
        found += [(m.start(), m.end(), m.group()) for m in _NATIONAL_OFFICIAL.finditer(stext)
                  if not _rx(r"(?:russia|ukrain|moscow|kyiv|british|uk|us|u\.s\.)\S*\s+$", _I).search(stext[max(0, m.start() - 12):m.start()])]
    if "group" in low or "command" in low:
        found += [(m.start(), m.end(), m.group()) for m in _MILITARY_VOICE.finditer(stext)]
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out = []
    last_end = -1
    party_words = set(lex.party_key)
    for s, e, word in found:
        if s < last_end:
            continue
        last_end = e
        fam = _lookup(lex.source_key, word) or ("local_official" if _LOCAL_OFFICIAL.fullmatch(word) else "") or (
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
        subject_claim = fam in ("ukraine_official", "russia_official") and _rx(r"\s+(?:have\s+|has\s+|had\s+)?(?:destroyed|shot\s+down|downed|eliminated|killed|hit|struck|captured|intercepted)\b", _I).match(stext[e:e + 40])
        before = stext[max(0, s - 60):s]
        after = stext[e:e + 70]
        cue = bool(_rx(r"\b(?:said|says|claims|claimed|reported|reports|estimates|estimated)$", _I).search(word)
                   or (_rx(r"\s-\s*$").search(before) and not stext[e:].strip(" .\"'"))
                   or _CUE_AFTER.match(after) or _CUE_BEFORE.search(before)
                   or _rx(r",\s*(?:said|says|added|wrote)\s+$", _I).search(before)  # "..., said Ukrainian military spokesman X"
                   or _rx(r"^\s*(?:\([^)]{0,20}\))?\s*:").match(after)
                   or _rx(r"^'s\s+(?:\w+\s+){0,3}(?:said|says|estimates?|figures|data|report|update|statement|count)", _I).match(after))
        if word.lower() in lex.cue_only or word.lower() in party_words:
            # a country named as a voice speaks right there ("Britain said", "the UK also believes"),
            # not when it only qualifies a noun ("the Washington think tank says")
            cue = bool(_rx(r"^(?:'s)?\s*,?\s*(?:\w+\s+)?(?:said|says|say|believes|believed|estimates?|estimated|claims?|claimed|"
                                r"reported|reports|told|tells|assessed|assesses|thinks|put|puts|announced|announces|stated|states|"
                                r"wrote|writes|added|adds|tweeted|posted|admitted|acknowledged|confirmed|noted)\b", _I).match(after)
                       or _rx(r"^[^.;:\"]{0,40}:\s*[\"'\w]").match(after) or _CUE_BEFORE.search(before)
                       # "Russia, which denies targeting civilians, said"
                       or _rx(r"^\s*,\s*(?:which|who)\s+[^,.;]{0,80},\s*(?:also\s+)?(?:said|says|claimed|claims|reported|stated)\b", _I).match(
                           stext[e:e + 110]))
        plain = word.lower() not in party_words and word.lower() not in lex.cue_only and not _rx(r"[A-Z]{2,4}").fullmatch(word) and fam not in (
            "ukraine_official", "russia_official") and not _rx(r"\b(?:analysts?|experts|observers|researchers)$", _I).search(word)
        out.append((base + s, base + e, fam, bool(cue or plain or subject_claim)))
    return out


def extract(article: Article) -> tuple[list[tuple], list[tuple]]:
    """Claim rows and mention rows (tuples in the schema's column order) of one article.

    >>> claims, mentions = extract(Article(id="a", text="Russia has lost 10,980 tanks since Feb. 24, 2022."))
    >>> [c[1:8] for c in claims]
    [('russia', 'tanks', 'lost', 10980.0, 'exact', 'cumulative', 'unattributed')]
    >>> sorted(m[3] for m in mentions)
    ['date', 'year']
    """
    lex = lexicon()
    text = article.text
    norm = _normalise(text)
    sentences = split_sentences(norm)
    numbers = find_numbers(norm)
    state = _ArticleState()
    claims: list[tuple] = []
    mentions: list[tuple] = []
    seen: dict[tuple, int] = {}
    defaulted: set[int] = set()  # claims whose period no word of their sentence gave
    block = 0  # first claim after the last sentence that named a voice
    ni = 0
    for sent in sentences:
        snums: list[NumberSpan] = []
        while ni < len(numbers) and numbers[ni].start < sent.end:
            if numbers[ni].start >= sent.start:
                snums.append(numbers[ni])
            ni += 1
        stext = norm[sent.start:sent.end]
        quote = text[sent.start:sent.end]
        snums = _add_article_numbers(stext, sent.start, snums)
        readings = _read_sentence(norm, sent, snums, lex, state)
        for r in readings:
            if r.reason:
                mentions.append((article.id, text[r.num.start:r.num.end], r.num.value, r.reason, quote,
                                 r.num.start, r.num.end))
                continue
            flags = list(r.num.flags) + r.flags + (["headline"] if sent.title else [])
            key = (r.party, r.category, r.measure, r.num.value)
            if key in seen:
                idx = seen[key]
                row = claims[idx]
                if row[7] == "unattributed" and r.source != "unattributed" and not _in_quote(norm, sent, r.num):
                    row = claims[idx] = row[:7] + (r.source,) + row[8:]
                if idx in defaulted and r.period_explicit:
                    claims[idx] = row[:6] + (r.period,) + row[7:]  # the body says when; the headline did not
                    defaulted.discard(idx)
                mentions.append((article.id, text[r.num.start:r.num.end], r.num.value, "repeat", quote,
                                 r.num.start, r.num.end))
                continue
            seen[key] = len(claims)
            if not r.period_explicit:
                defaulted.add(len(claims))
            claims.append((article.id, r.party, r.category, r.measure, r.num.value, r.qualifier, r.period,
                           r.source, quote, r.num.start, r.num.end, ";".join(dict.fromkeys(flags))))
        if state.voice_here:
            # A voice named after the figures it gave ("... The data are being updated, the General
            # Staff noted.") is their source.
            if all(r.reason for r in readings) and _TRAILING_VOICE.search(stext):
                for j in range(block, len(claims)):
                    if claims[j][7] == "unattributed":
                        claims[j] = claims[j][:7] + (_voice(state.voice_here, claims[j][1], state),) + claims[j][8:]
            block = len(claims)
    return claims, mentions


def _in_quote(norm: str, sent: Sentence, n: NumberSpan) -> bool:
    """Whether a figure stands inside a direct quotation of its paragraph line."""
    line_start = max(norm.rfind("\n", 0, sent.start) + 1, n.start - 2000)
    return norm.count('"', line_start, n.start) % 2 == 1


def _add_article_numbers(stext: str, base: int, snums: list[NumberSpan]) -> list[NumberSpan]:
    """'a tank was destroyed', 'killing a woman': an article that counts one lost item or person."""
    extra = []
    last_end = -1
    for m in _ARTICLE_NUMBER.finditer(stext):
        after = stext[m.end():]
        before = stext[:m.start()]
        coordinated = last_end >= 0 and _rx(r"\s*(?:,|and|,\s*and|as\s+well\s+as)\s*").fullmatch(stext[last_end:m.start()])
        # An item of a list of losses: "up to 400 servicemen, a tank and a US-made M777 howitzer".
        in_list = bool(_rx(r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten))\s+[\w\s.-]{2,60}?"
                                 r"(?:,|\band|,?\s*including|,?\s*among\s+them)\s*(?:and\s+)?$").search(before[-90:])) and bool(
            _LIST_LOSS.search(before) or _rx(r"\b(?:killed|wounded|injured|died)\b", _I).search(before))
        if not (_ARTICLE_LOSS.match(after) or _ARTICLE_LOSS_BEFORE.search(before) or coordinated or in_list):
            continue
        if _dyn().not_head.match(after):
            continue
        s, e = base + m.start("a"), base + m.end("a")
        if any(n.start <= s < n.end for n in snums):
            continue
        extra.append(NumberSpan(s, e, 1.0, m.group("a"), "count", True, ("article_number",)))
        last_end = m.end()
    return sorted(snums + extra, key=lambda n: n.start) if extra else snums


def _is_day(norm: str, sent: Sentence, n: NumberSpan) -> bool:
    """Whether a number is the day of a date ("Feb. 24, 2022", "24th of February"): neither a claim nor
    the end of the words around its neighbours ("bringing the total since Feb. 24, 2022 to 723,400")."""
    return not n.words and n.value <= 31 and bool(
        _DATE_CONTEXT_BEFORE.search(norm[max(sent.start, n.start - 40):n.start])
        or _DATE_CONTEXT_AFTER.match(norm[n.end:min(sent.end, n.end + 60)]))


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


def _remember(state: _ArticleState, sent: Sentence, stext: str, readings: list[Reading],
              attributed: list[tuple[int, int, str, bool]], sent_source: str | None, parties: list[_Mention],
              lex: Lexicon, norm: str, facts: "_SentenceFacts") -> None:
    """Update what carries from this sentence to the next ones: voices, sides, list headers."""
    # Remember what carries to the next sentences.
    taken = [r for r in readings if not r.reason]
    state.voice_here = attributed[-1][2] if attributed else ""
    if any(r.num.form == "count" for r in readings):
        kinds = [k for _, _, k in facts.markers if k in ("daily", "window")]
        if kinds:
            state.para_period = (sent.para, "daily" if "daily" in kinds else "window")
    if not state.article_seen and any(r.category for r in readings):
        # the first figure-bearing sentence with a period marker sets the article's time frame
        first = [k for _, _, k in facts.markers]
        if first:
            state.article_seen = True
            state.article_period = "" if "cumulative" in first else ("daily" if "daily" in first else "window")
    read = [r for r in readings if r.category]
    if read:
        state.last_category = read[-1].category
    if attributed:
        fams = [s[2] for s in attributed]
        state.last_source = fams[-1]
        state.last_named_source = fams[-1]
        state.last_source_para = sent.para
        for f in fams:
            if f in SPEAKER_PARTY:
                state.speaker = f
            if f.endswith("_official") and f not in ("national_official", "local_official", "own_official"):
                state.last_official = f
    elif sent_source and sent_source != "unattributed":
        state.last_source, state.last_source_para = sent_source, sent.para
    # A voice carries into later paragraphs for figures about the same party; a new voice
    # with no figures ends it, unless it introduces what follows ("Source: ...", a colon).
    attributed_claims = [r for r in taken if r.source != "unattributed"]
    if attributed_claims:
        state.carry = (attributed_claims[-1].source, attributed_claims[-1].party)
    elif attributed:
        intro = sent.colon or sent.title or _rx(r"\s*(?:source|sources|data|figures)\s*:", _I).match(stext) or _INTRO.search(stext)
        if intro:
            state.carry = (attributed[-1][2], "")
        elif not (state.carry and all(a[2] == state.carry[0] for a in attributed)):
            state.carry = None  # another voice took over
    for r in taken:
        state.last_party, state.last_party_para = r.party, sent.para
        if r.category in vocab.PEOPLE_CATEGORIES:
            state.last_people = (r.party, r.category)
            state.last_people_measure = r.measure
        if r.category == "civilians":
            state.last_civilians = r.party
        state.last_period = r.period
        state.last_figure = (r.party, r.category, r.measure if r.category in vocab.PEOPLE_CATEGORIES else "")
    if sent.colon:
        # whose losses the header lists: "losses of the Russian Federation", "Russia's losses", else the
        # first side it names outside the attribution ("..., the General Staff of Ukraine reported")
        voices = [(a[0], a[1]) for a in attributed]
        subj = [p for p in parties if p.role == "plain" and not any(vs <= p.start < ve for vs, ve in voices)]
        owner = _rx(r"\blosses\s+of\s+(?:the\s+)?", _I).search(stext)
        if owner:
            at = sent.start + owner.end()
            subj = [p for p in parties if at <= p.start <= at + 2] or subj[:1]
        else:
            subj = subj[:1]
        loss = bool(lex.equipment_loss.search(stext) or lex.loss_verb.search(stext) or facts.measure_keys)
        kinds = facts.measure_keys - {"casualties", "deployed"}
        state.colon_measure = kinds.pop() if len(kinds) == 1 else ""  # "Among the dead identified so far are:"
        qm = lex.qualifier_tail.search(stext) or _rx(r"\b(?P<q>approximately|about|around|roughly)\s+(?:as\s+follows|the\s+following)", _I).search(stext)
        qual = _lookup(lex.qualifier_key, qm.group("q")) if qm and not taken else ""
        party = subj[-1].party if subj else ""
        if not party and _rx(r"\b(?:enemy|adversary)\b", _I).search(stext):
            party = "enemy"
        state.colon_context = (party, loss, qual, _period_for(None, norm, sent, facts))
        state.colon_fresh = True


def _pair_ranges(readings: list[Reading]) -> None:
    """'70,000-80,000 troops', 'between 150,000 and 200,000': two claims, the low one at least,
    the high one at most; the low end takes the high end's noun (or, with neither, the figure before)."""
    for i in range(len(readings) - 1):
        a, b = readings[i], readings[i + 1]
        if a.reason or b.reason or "range_high" in b.flags or "range_low" in a.flags:
            continue
        if a.category and (b.category or not _rx(r"\s*(?:-|to)\s*").fullmatch(a.after)):
            continue  # a low end with a noun of its own pairs only with a bare high end: "at 124,500 to 131,000"
        if not (_RANGE_MID.match(a.after) and (_rx(r"(?:-|to)\s*$").search(a.after)
                                                or _rx(r"\bbetween\s+(?:\w+\s+)?$", _I).search(a.before))):
            continue
        if a.after.strip() == "and" and not _rx(r"\bbetween\s+$", _I).search(a.before):
            continue
        if a.category:
            b.category, b.people_noun, b.cat_end, b.inherit = a.category, a.people_noun, a.cat_end, a.inherit
            b.carried_measure = a.carried_measure
            a.partner = b
            a.flags.append("range_low")
            b.flags.append("range_high")
            a.qualifier, b.qualifier = "at_least", "at_most"
            continue
        if not b.category:
            prev = next((x for x in reversed(readings[:i]) if x.category and not x.reason), None)
            # "between 150,000 and ...", or two bare figures joined by a dash: "of whom 150,000-250,000 have been killed"
            if prev is None or not (_rx(r"\b(?:range\s+of|interval\s+of|between|from)\s+$", _I).search(a.before)
                                    or a.after == "-"):
                continue
            b.category, b.inherit, b.inherited = prev.category, prev, True
        a.category, a.people_noun, a.cat_end, a.inherit = b.category, b.people_noun, b.cat_end, b.inherit
        a.partner = b
        a.flags.append("range_low")
        b.flags.append("range_high")
        a.qualifier, b.qualifier = "at_least", "at_most"


def _share_list_qualifier(readings: list[Reading], lex: Lexicon) -> None:
    """'approximately 1,149 AFVs, 3,098 IFVs and 1,865 tanks': one qualifier for the whole list.

    Shared from the list's first item when no other item has its own qualifier, or to every
    bare item when the qualifier heads the list with a colon ("approximately: ...").
    Also records each item's list head, whose party the other items share.
    """
    groups: list[list[Reading]] = []
    last: Reading | None = None
    for r in readings:
        if r.reason == "zero" and _PLUS.search(r.before):
            continue  # "(+0)" inside a list
        if r.reason or not r.category:
            groups.append([])
            last = None
            continue
        if r.inherited and r.period == "daily":
            continue  # a "(+12)" increment sits inside the list without breaking it
        if r.inherited:
            groups.append([])
            last = None
            continue
        if last is not None and groups and groups[-1] and groups[-1][-1] is last:
            gap = last.after
            if last.cat_end >= 0:
                gap = gap[last.cat_end - last.num.end:]
            gap = _rx(r"^\s*\(\s*\+?\s*[\d,. ]*\s*\)").sub("", gap)
            gap = lex.qualifier_tail.sub("", gap)  # the next item's own qualifier
            nxt_gap = r.before
            if (_LIST_SEP.match(gap) or _rx(r"\s*,?\s*(?:and\s+)?(?:[\w-]+\s*){0,4}(?:-|:)\s*(?:[a-z]+\s+){0,2}", _I).fullmatch(gap)
                    or _rx(r"[^.;:]{0,40}?,\s*(?:and\s+)?(?:[\w/-]+\s*){1,5}-\s*(?:[a-z]+\s+){0,2}", _I).fullmatch(nxt_gap)):
                groups[-1].append(r)
                last = r
                continue
        groups.append([r])
        last = r
    for items in groups:
        if len(items) < 2:
            continue
        head = items[0]
        for x in items[1:]:
            x.list_head = head
        if head.qualifier == "exact" or "range_low" in head.flags:
            continue
        colon_list = bool(_rx(r":\s*(?:[\w-]+\s*){0,3}(?:-\s*)?(?:[a-z]+\s+){0,2}$").search(head.before))
        # Without a colon only "approximately"-like words distribute over a list; "up to 400
        # servicemen, two tanks" bounds the head count alone.
        if not colon_list and (head.qualifier != "approx" or any(x.qualifier != "exact" for x in items[1:])):
            continue
        for x in items[1:]:
            if x.qualifier == "exact":
                x.qualifier = head.qualifier


def _clause(norm: str, sent: Sentence, n: NumberSpan) -> str:
    """The clause around a number: from the last clause break before it to the next after it."""
    s = norm[max(sent.start, n.start - CONTEXT):n.start]
    e = norm[n.end:min(sent.end, n.end + CONTEXT)]
    cut_s = max(s.rfind(";"), s.rfind(", while"), s.rfind(", but"), s.rfind(", and "), s.rfind(". "))
    m = _rx(r";|, while|, but|, and |, which|, with ").search(e)
    return s[cut_s + 1 if cut_s >= 0 else 0:] + norm[n.start:n.end] + (e[:m.start()] if m else e)


def _other_war(stext: str, pos: int, parties: list[_Mention], wars: list[int]) -> bool:
    """Whether the nearest thing named before a figure is another war rather than this one's parties."""
    before_wars = [w for w in wars if w < pos]
    if not before_wars:
        after_wars = [w for w in wars if w > pos and w - pos < 40]
        return bool(after_wars) and not _rx(r"\b(?:than|since)\b", _I).search(stext[pos:after_wars[0]])
    w = max(before_wars)
    between = stext[w:pos]
    if _rx(r"\b(?:russian|ukrainian|russia|ukraine|north\s+korean)\b", _I).search(between):
        return bool(_rx(r"\b(?:which|that|where|when|claimed|killed|cost|saw)\b", _I).search(between)) and not _rx(r"\b(?:russian|ukrainian|russia|ukraine)\b[^,]*$", _I).search(between)
    return True


def _launched(before: str, after: str) -> bool:
    """Drones or missiles launched (not lost): a launch verb governs the figure, no shoot-down does."""
    before = before[-60:]
    launch_b = list(_LAUNCH.finditer(before))
    shot_b = list(_rx(r"\b(?:shot\s+down|downed|destroyed|intercepted|neutrali[sz]ed|suppressed|jammed|"
                              r"brought\s+down|eliminated|hit|struck)\b", _I).finditer(before))
    if launch_b and (not shot_b or launch_b[-1].start() > shot_b[-1].start()):
        return True
    if shot_b:
        return False
    if _rx(r"^[\w\s-]{0,30}?\b(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:launched|fired|used)\b", _I).match(after):
        return True
    return False


class _SentenceFacts:
    """What a sentence says as a whole, read once and only when a figure asks (most sentences
    have no figure that gets this far), so long sentences and long articles stay linear."""

    def __init__(self, stext: str, lex: Lexicon) -> None:
        self.text = stext
        self._lex = lex

    @cached_property
    def measure_keys(self) -> set[str]:
        return {k for _, _, k in _measure_spans(self.text, self._lex)}

    @cached_property
    def loss_verb(self) -> bool:
        return bool(self._lex.loss_verb.search(self.text))

    @cached_property
    def civilian_context(self) -> bool:
        return bool(_CIVIL_CONTEXT.search(self.text) and not _MILITARY_CONTEXT.search(self.text))

    @cached_property
    def russian_place(self) -> bool:
        return bool(_RUSSIAN_PLACES.search(self.text))

    @cached_property
    def since_war(self) -> bool:
        return any(k == "cumulative" for _, _, k in self.markers) and bool(_SINCE_WAR.search(self.text))

    @cached_property
    def daily(self) -> bool:
        return any(k == "daily" for _, _, k in self.markers)

    @cached_property
    def window(self) -> bool:
        return any(k == "window" for _, _, k in self.markers)

    @cached_property
    def markers(self) -> list[tuple[int, int, str]]:
        """Period markers with their places, so each figure takes the nearest one."""
        stext = self.text
        found = [(m.start(), m.end(), "cumulative") for m in _CUMULATIVE.finditer(stext)]
        if _SINCE_HINT.search(stext):
            found += [(m.start(), m.end(), "cumulative") for m in _SINCE_WAR.finditer(stext)]
        if _DAILY_HINT.search(stext):
            found += [(m.start(), m.end(), "daily") for m in _DAILY.finditer(stext)]
        found += [(m.start(), m.end(), "window") for m in _REGIONAL_SINCE.finditer(stext)]
        unspoken = stext
        if _WINDOW_HINT.search(stext):
            # "said on Tuesday", "published in March": when it was said, not a period
            unspoken = _SPEECH_DATE.sub(lambda m: " " * len(m.group()), stext)
            found += [(m.start(), m.end(), "window") for m in _WINDOW.finditer(unspoken)]
        # The vocabulary table's window phrases ("over the weekend", "during the night") no pattern read.
        found += [(m.start(), m.end(), "window") for m in self._lex.window.finditer(unspoken)
                  if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in found)]
        return sorted(found)

    @cached_property
    def parens(self) -> list[tuple[int, int]]:
        return [m.span() for m in _rx(r"\([^()]{0,200}\)").finditer(self.text)]

    @cached_property
    def reporting(self) -> list[int]:
        return [m.start() for m in _REPORTING.finditer(self.text)]

    @cached_property
    def strike(self) -> bool:
        return bool(_rx(r"\b(?:strikes?|attacks?|shelling|struck|hit|bombing|shelled)\b", _I).search(self.text))


def _measure_from_sentence(r: Reading, readings: list[Reading], facts: _SentenceFacts) -> str:
    """A people figure without its own measure word: the sentence's single kind of loss, if any."""
    keys = set(facts.measure_keys)
    if r.people_noun and not keys:
        return "casualties"
    specific = keys - {"casualties", "lost"}
    others = {x.measure for x in readings if x is not r and x.measure}
    if len(specific) == 1 and others <= specific:
        return specific.pop()
    if keys and not specific:
        return "casualties"
    if facts.loss_verb:
        return "casualties"
    return ""


def _source_for(n: NumberSpan, sources: list[tuple[int, int, str, bool]], sent_source: str | None, norm: str) -> str:
    attributed = [s for s in sources if s[3]]
    if not attributed:
        return sent_source or "unattributed"
    # The nearest attributed name not cut off by a clause break ("..., while US officials say"),
    # ties going to the one before the figure.
    def cut_off(src: tuple[int, int, str, bool]) -> bool:
        lo, hi = (src[1], n.start) if src[1] <= n.start else (n.end, src[0])
        return bool(_rx(r";|,\s*(?:while|whereas|but)\b").search(norm[lo:hi]))
    best = min(attributed, key=lambda s: (cut_off(s), min(abs(n.start - s[1]), abs(s[0] - n.end)), s[0] > n.start))
    return best[2]


def _civilian_party(r: Reading, stext: str, base: int, parties: list[_Mention], facts: _SentenceFacts,
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


def _party_for(r: Reading, norm: str, sent: Sentence, parties: list[_Mention], lex: Lexicon,
               state: _ArticleState, colon: tuple | None, others: list[Reading] = ()) -> str:
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


MUNITIONS = ("drones", "cruise_missiles")
_LAUNCH_REACH = 2500  # characters back to look for who launched the drones and missiles an article counts


def _launcher(norm: str, pos: int) -> str:
    """The side named last as launching or attacking before `pos`, if any: whose shot-down munitions these are.

    >>> _launcher("Russia attacked Ukraine overnight with 298 drones. Air defence shot down 266.", 70)
    'russia'
    """
    found = ""
    for m in _dyn().launcher.finditer(norm, max(0, pos - _LAUNCH_REACH), pos):
        found = _lookup(lexicon().party_key, m.group("p"))
    return found if found in OPPOSITE else ""


def _voice(family: str, party: str, state: _ArticleState) -> str:
    """A source family, with the voices that depend on whom they speak for resolved."""
    own = f"{party}_official" if party in SPEAKER_PARTY.values() else ""
    if family == "national_official":
        # "the Defence Ministry" with no country: the official voice already named, else the
        # enemy's ministry (defence ministries count the other side's losses)
        enemy = f"{OPPOSITE[party]}_official" if party in OPPOSITE else ""
        return state.last_official or enemy or "unattributed"
    if family == "local_official":
        return own or "other_official"  # a governor, mayor or regional authority speaks for its own side
    if family == "own_official":
        return own or "unattributed"
    return family


def _fits_period(r: Reading, period: str) -> bool:
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
_ONE_DAY_CAP = {"personnel": 3000, "civilians": 3000, "aircraft": 30, "helicopters": 30, "ships": 10, "submarines": 3}


def _period_for(r: Reading | None, norm: str, sent: Sentence, facts: _SentenceFacts) -> str:
    """cumulative, daily or window: the figure's own markers first, then the sentence's ('' if none).

    With no figure (`r` None) it reads the sentence alone, e.g. a list header.
    """
    if r is None:
        if facts.since_war or _rx(r"\b(?:total|overall|cumulative|in\s+all)\b", _I).search(norm[sent.start:sent.end]):
            return "cumulative"
        return "daily" if facts.daily else ("window" if facts.window else "")
    total = _TOTAL_BEFORE.search(norm[max(sent.start, r.num.start - 45):r.num.start])
    if total and not _DAILY.search(norm[r.num.end:min(sent.end, r.num.end + 30)]) and not _WINDOW.search(total.group()):
        return "cumulative"
    ns, ne = r.num.start - sent.start, r.num.end - sent.start
    best: tuple[int, int, str] | None = None
    for ms, me, kind in facts.markers:
        # A date before a reporting verb that precedes the figure dates the statement:
        # "In February 2023, UK Defence Intelligence assessed that Russia had suffered ..."
        if (kind == "window" and me <= ns and any(me <= v < ns for v in facts.reporting)
                and _rx(r"(?:in|on)\b", _I).match(facts.text[ms:me]) and r.category != "civilians"):
            continue
        if kind == "window" and any(k == "daily" for _, _, k in facts.markers):
            continue  # "in Russian attacks ... over the past 24 hours": the day is the period
        if any(ps <= ms < pe and not ps <= ns < pe for ps, pe in facts.parens):
            continue  # "about 39 870 people (170 more over the past day)": the aside's period is its own
        dist = ms - ne if ms >= ne else (ns - me if me <= ns else 0)
        rank = (dist, {"daily": 0, "cumulative": 1, "window": 2}[kind])
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], kind)
    return best[2] if best else ""


# Every case-insensitive pattern above scans lower-cased text case-sensitively: same matches,
# several times faster (see `caseless`).
for _name, _value in list(globals().items()):
    if isinstance(_value, re.Pattern):
        globals()[_name] = caseless(_value)
del _name, _value
