from __future__ import annotations

from bisect import bisect_right


from ..numbers import NumberSpan, find_numbers
from ..reading import Article
from .cues import _ARTICLE_LOSS, _ARTICLE_LOSS_BEFORE, _ARTICLE_NUMBER, _LIST_LOSS, _TRAILING_VOICE
from .lexicon import _I, _dyn, _rx, lexicon
from .sentence import _read_sentence
from .source import _voice
from .state import _ArticleState
from .text import Sentence, _normalise, split_sentences


def extract(article: Article) -> tuple[list[tuple], list[tuple]]:
    """Claim rows and mention rows (tuples in the schema's column order) of one article.

    >>> claims, mentions = extract(Article(id="a", text="Russia has lost 10,980 tanks since Feb. 24, 2022."))
    >>> [c[1:8] for c in claims]
    [('russia', 'tanks', 'lost', 10980.0, 'exact', 'cumulative', 'unattributed')]
    >>> sorted(m[3] for m in mentions)
    ['date', 'year']
    """
    return _extract(article, None)


def explain(text: str | Article) -> dict[str, list[dict]]:
    """Every claim and mention of a text with the named rules that decided it: why the parser read
    a figure the way it did.

    >>> out = explain("Ukraine's air force said it shot down 41 of 56 Shahed drones overnight.")
    >>> c = out["claims"][0]; (c["text"], c["party"], c["category"], c["period"])
    ('41', 'russia', 'drones', 'window')
    >>> c["why"]["period"]
    'nearest marker in the sentence'
    >>> [(m["text"], m["reason"]) for m in out["mentions"]]
    [('56', 'launched')]
    """
    article = text if isinstance(text, Article) else Article(id="text", text=text)
    trace: dict[str, list] = {"claims": [], "mentions": []}
    claims, mentions = _extract(article, trace)
    fields = ("party", "category", "measure", "value", "qualifier", "period", "source")
    return {
        "claims": [{"text": article.text[c[9]:c[10]], **dict(zip(fields, c[1:8])), "flags": c[11], "why": dict(why)}
                   for c, why in zip(claims, trace["claims"])],
        "mentions": [{"text": m[1], "reason": m[3], "why": dict(why)} for m, why in zip(mentions, trace["mentions"])],
    }


def _extract(article: Article, trace: dict[str, list] | None) -> tuple[list[tuple], list[tuple]]:
    """`extract`, recording each row's deciding rules in `trace` when one is given."""
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
                if trace is not None:
                    trace["mentions"].append(r.why)
                continue
            flags = list(r.num.flags) + r.flags + (["headline"] if sent.title else [])
            key = (r.party, r.category, r.measure, r.num.value)
            if key in seen:
                idx = seen[key]
                row = claims[idx]
                if row[7] == "unattributed" and r.source != "unattributed" and not _in_quote(norm, sent, r.num):
                    row = claims[idx] = row[:7] + (r.source,) + row[8:]
                if idx in defaulted and (r.period_explicit or "headline" in row[11].split(";") and not sent.title
                                         and not r.period_default):
                    # the body says when (or reads the figure in its context); the headline did not
                    claims[idx] = row[:6] + (r.period,) + row[7:]
                    defaulted.discard(idx)
                mentions.append((article.id, text[r.num.start:r.num.end], r.num.value, "repeat", quote,
                                 r.num.start, r.num.end))
                if trace is not None:
                    trace["mentions"].append([("reason", "the same claim read before")])
                continue
            seen[key] = len(claims)
            if not r.period_explicit:
                defaulted.add(len(claims))
            claims.append((article.id, r.party, r.category, r.measure, r.num.value, r.qualifier, r.period,
                           r.source, quote, r.num.start, r.num.end, ";".join(dict.fromkeys(flags))))
            if trace is not None:
                trace["claims"].append(r.why)
        if state.voice_here:
            # A voice named after the figures it gave ("... The data are being updated, the General
            # Staff noted.") is their source.
            if all(r.reason for r in readings) and _TRAILING_VOICE.search(stext):
                for j in range(block, len(claims)):
                    if claims[j][7] == "unattributed":
                        voice = _voice(state.voice_here, claims[j][1], state, claims[j][2])
                        claims[j] = claims[j][:7] + (voice,) + claims[j][8:]
                        state.carry = (claims[j][7], claims[j][1])  # and it goes on giving the same side's figures
            block = len(claims)
    return _one_voice(claims), mentions


def _one_voice(claims: list[tuple]) -> list[tuple]:
    """An article whose attributed claims all have one voice: the unattributed claims after its first one,
    about a side and kind (civilians or military) it gave figures for, are that voice's too."""
    voiced = [(i, c) for i, c in enumerate(claims) if c[7] != "unattributed"]
    if not voiced or len({c[7] for _, c in voiced}) != 1:
        return claims
    voice, first = voiced[0][1][7], voiced[0][0]
    kinds = {(c[1], c[2] == "civilians") for _, c in voiced}
    # (a strike's toll told before its voice is named is that voice's too: civilians reach back, soldiers do not)
    return [c[:7] + (voice,) + c[8:] if (i > first or c[2] == "civilians") and c[7] == "unattributed"
            and (c[1], c[2] == "civilians") in kinds else c for i, c in enumerate(claims)]


def _in_quote(norm: str, sent: Sentence, n: NumberSpan) -> bool:
    """Whether a figure stands inside a direct quotation of its paragraph line."""
    line_start = max(norm.rfind("\n", 0, sent.start) + 1, n.start - 2000)
    return norm.count('"', line_start, n.start) % 2 == 1


_ANOTHER_ONE = _rx(r"\b(?:killed|killing|wounded|wounding|injured|injuring)\s+(?P<a>another)(?=\s*(?:[,.;]|$|\s(?:in|on|at|near|and|"
                   r"while|when|as|after|during)\b))", _I)
_ARTICLE_REACH = 200  # characters of its sentence an article's words are read in, each side


def _first_loss_word(stext: str) -> int:
    """Where the sentence's first loss or kill word ends (past its end if none)."""
    loss_word = _LIST_LOSS.search(stext)
    kill_word = _rx(r"\b(?:killed|wounded|injured|died|killing|wounding|injuring)\b", _I).search(stext)
    # (a match ending before the article lies in the text before it: the article starts after a non-word)
    return min(m.end() for m in (loss_word, kill_word) if m) if loss_word or kill_word else len(stext) + 1


def _add_article_numbers(stext: str, base: int, snums: list[NumberSpan]) -> list[NumberSpan]:
    """'a tank was destroyed', 'killing a woman': an article that counts one lost item or person.

    Each article reads a window of its sentence, not all of it: a sentence of thousands of "a tank, "
    stays linear (a loss word anywhere before is looked up once per sentence).
    """
    extra = []
    last_end = -1
    first_loss = -1  # where the first loss word ends, read when the first article is found (most sentences have none)
    starts = [n.start for n in snums]
    for m in _ARTICLE_NUMBER.finditer(stext):
        if first_loss < 0:
            first_loss = _first_loss_word(stext)
        after = stext[m.end():m.end() + _ARTICLE_REACH]
        before = stext[max(0, m.start() - _ARTICLE_REACH):m.start()]
        coordinated = last_end >= 0 and _rx(r"\s*(?:,|and|,\s*and|as\s+well\s+as)\s*").fullmatch(stext[last_end:m.start()])
        # An item of a list of losses: "up to 400 servicemen, a tank and a US-made M777 howitzer".
        in_list = bool(_rx(r"(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten))\s+[\w\s.-]{2,60}?"
                                 r"(?:,|\band|,?\s*including|,?\s*among\s+them)\s*(?:and\s+)?$").search(before[-90:])) and \
            first_loss <= m.start()
        if not (_ARTICLE_LOSS.match(after) or _ARTICLE_LOSS_BEFORE.search(before) or coordinated or in_list):
            continue
        if _dyn().not_head.match(after):
            continue
        s, e = base + m.start("a"), base + m.end("a")
        at = bisect_right(starts, s) - 1  # the number starting at or before the article, if any
        if at >= 0 and s < snums[at].end:
            continue
        extra.append(NumberSpan(s, e, 1.0, m.group("a"), "count", True, ("article_number",)))
        last_end = m.end()
    if "nother" in stext:
        for m in _ANOTHER_ONE.finditer(stext):  # "killed a man and injured another": one more person
            s, e = base + m.start("a"), base + m.end("a")
            at = bisect_right(starts, s) - 1
            if not (at >= 0 and s < snums[at].end):
                extra.append(NumberSpan(s, e, 1.0, m.group("a"), "count", True, ("article_number",)))
    return sorted(snums + extra, key=lambda n: n.start) if extra else snums
