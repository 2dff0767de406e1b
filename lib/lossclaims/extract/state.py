"""Article state: what carries from one sentence to the next. The voice last named and the side
it speaks for, the list header a line belongs to, the article's time frame, the last figure and
the last people counted (for 'of them', 'the losses included', 'the death toll rose to')."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import vocabulary as vocab
from .cues import _INTRO, _LABELLED_LINE, _LIST_ITEM, _MILITARY_CONTEXT
from .lexicon import SPEAKER_PARTY, _I, _lookup, _rx
from .period import _period_for

if TYPE_CHECKING:
    from .tags import Tags


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
        self.strike_para = -1  # the paragraph of the last strike toll of civilians (a window)
        self.strike_lead = False  # the article opens on a strike (its title or first paragraph, no army named)
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


# "Among them", "The losses included", "According to the OHCHR, this included:": parts of the last figure
_PARTS_OPENER = _rx(r"\s*(?:(?:according\s+to|per)\s+[^,;.]{1,60},\s*)?(?:among\s+them|of\s+them|of\s+these|including|"
                    r"(?:among|of)\s+the\s+(?:\w+\s+)?(?:dead|killed|victims|casualties)|"
                    r"(?:(?:the|these|this|that|those)\s+(?:\w+\s+)?(?:figures?|numbers?|totals?|tally|count|losses|list|toll|dead)|"
                    r"it|they|this|that|these)\s+(?:also\s+)?(?:include|includes|included|comprise|comprises))\b", _I)


def list_context(t: "Tags") -> None:
    """Set the list header a sentence is an item of (`t.colon`: party, loss, qualifier, period),
    opening one where the sentence itself introduces parts of the figure before."""
    state, stext, sent = t.state, t.stext, t.sent
    # "Among them", "The losses included", "It includes": parts of the last figure.
    if _PARTS_OPENER.match(stext) and state.last_party:
        state.colon_context, state.colon_fresh = (state.last_party, True, "", ""), True
        state.colon_measure = state.last_people_measure  # parts of the dead are dead
        if t.sent_source == "unattributed" and state.last_named_source:
            t.sent_source = state.last_named_source  # and were counted by whoever counted the whole
    if state.last_figure and not sent.colon and _LABELLED_LINE.match(stext) and not (
            state.colon_context and (state.colon_fresh or _LIST_ITEM.match(stext))):
        # "Battlegroup South: up to 240 Ukrainian troops, two artillery pieces": a telegraphic line
        # of the losses the article is listing
        state.colon_context, state.colon_fresh = (state.last_figure[0], True, "", ""), True
    table_head = "|" in stext and not any(r.num.form == "count" for r in t.readings)  # "Category | Total | Past day"
    t.colon = state.colon_context if state.colon_context and (
        state.colon_fresh or _LIST_ITEM.match(stext) or sent.colon or table_head) else None
    state.colon_fresh = table_head and state.colon_fresh
    if state.colon_context and not t.colon:
        state.colon_context = None


def _lead_about_losses(t: "Tags") -> bool:
    """A sentence about losses that comes before the article's first figure."""
    return t.state.last_figure is None and bool(t.facts.loss_verb or t.facts.measure_keys or t.facts.has(t.lex.equipment_loss))


def remember(t: "Tags") -> None:
    """Update what carries from this sentence to the next ones: voices, sides, list headers."""
    state, sent, stext, readings, attributed = t.state, t.sent, t.stext, t.readings, t.attributed
    sent_source, facts = t.sent_source, t.facts
    taken = [r for r in readings if not r.reason]
    state.voice_here = attributed[-1][2] if attributed else ""
    if sent.para <= 1 and facts.strike and not facts.has(_MILITARY_CONTEXT):
        state.strike_lead = True
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
    elif not state.article_seen and state.strike_lead and sent.para <= 3 and not any(r.category for r in readings):
        # a strike story's figures come first, its time later ("The overnight barrage hit multiple regions")
        first = [k for _, _, k in facts.markers]
        if first and "cumulative" not in first:
            state.article_seen = True
            state.article_period = "daily" if "daily" in first else "window"
    elif not state.article_seen and _lead_about_losses(t):
        # so does a lead about one day's or one event's losses before any figure ("... issued a
        # statement on the losses of the Ukrainian army during the past 24 hours.")
        first = [k for _, _, k in facts.markers]
        if first and "cumulative" not in first:
            state.article_seen = True
            state.article_period = "daily" if "daily" in first else "window"
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
        _open_list_header(t, bool(taken))


def _open_list_header(t: "Tags", took: bool) -> None:
    """A sentence ending in a colon opens a list: whose losses, whether losses, the qualifier and period it gives."""
    state, sent, stext, attributed = t.state, t.sent, t.stext, t.attributed
    parties, lex, norm, facts = t.parties, t.lex, t.norm, t.facts
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
    parts = bool(_PARTS_OPENER.match(stext)) and bool(state.last_party) and not took
    if parts:  # "According to the OHCHR, this included:" then "3,584 men;": parts of the figure before
        loss, subj = True, []
        state.colon_measure = state.last_people_measure
    qm = lex.qualifier_tail.search(stext) or _rx(r"\b(?P<q>approximately|about|around|roughly)\s+(?:as\s+follows|the\s+following)", _I).search(stext)
    qual = _lookup(lex.qualifier_key, qm.group("q")) if qm and not took else ""
    party = subj[-1].party if subj else (state.last_party if parts else "")
    if not party and _rx(r"\b(?:enemy|adversary)\b", _I).search(stext):
        party = "enemy"
    state.colon_context = (party, loss, qual, _period_for(None, norm, sent, facts))
    state.colon_fresh = True
