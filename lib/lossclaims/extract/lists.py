"""Lists and ranges: '70,000-80,000 troops' and 'between 150,000 and 200,000' are two claims each;
the items of a list ('approximately 1,149 AFVs, 3,098 IFVs and 1,865 tanks') share a qualifier and
the side of their first item."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .cues import _LIST_SEP, _PLUS, _RANGE_MID
from .lexicon import Lexicon, _I, _rx

if TYPE_CHECKING:
    from .tags import Reading


_RANGE_OPEN = _rx(r"\b(?:range\s+of|interval\s+of|between|from)\s+$", _I)


_SCALED_END = _rx(r"(?:\s(?P<g>000)|\s+(?P<w>thousand|million))$", _I)


def _shared_scale(a: Reading, b: Reading) -> float:
    """The scale a range's high end gives its bare low end ('50-70 000', '70 or 80 thousand'), else 1."""
    m = _SCALED_END.search(b.num.text)
    if not m or _SCALED_END.search(a.num.text) or not _rx(r"\d{1,3}").fullmatch(a.num.text):
        return 1.0
    scale = 1e3 if m.group("g") or m.group("w").lower() == "thousand" else 1e6
    return scale if a.num.value * scale <= b.num.value < a.num.value * scale * 10 else 1.0


def _pair_ranges(readings: list[Reading]) -> None:
    """'70,000-80,000 troops', 'between 150,000 and 200,000': two claims, the low one at least,
    the high one at most; the low end takes the high end's noun (or, with neither, the figure before).
    A bare low end takes the high end's scale ('50-70 000', '70 or 80 thousand')."""
    for i in range(len(readings) - 1):
        a, b = readings[i], readings[i + 1]
        if a.reason or b.reason or "range_high" in b.flags or "range_low" in a.flags:
            continue
        scale = _shared_scale(a, b)
        if scale > 1 and not a.category and (_rx(r"\s*(?:-|to|or)\s*").fullmatch(a.after) or (
                a.after.strip() == "and" and _rx(r"\bbetween\s+$", _I).search(a.before))):
            a.num = replace(a.num, value=a.num.value * scale)
            after = "-"  # read on as a dashed range
        else:
            after = a.after
        if a.category and (b.category and b.inherit is not a or not (_rx(r"\s*(?:-|to)\s*").fullmatch(after) or _RANGE_OPEN.search(a.before))):
            continue  # a low end with a category pairs only with a bare high end: "at 124,500 to 131,000",
            # "casualties between 500,000 and 600,000"
        if not (_RANGE_MID.match(after) and (_rx(r"(?:-|to)\s*$").search(after)
                                                or _rx(r"\bbetween\s+(?:\w+\s+)?$", _I).search(a.before))):
            continue
        if after.strip() == "and" and not _rx(r"\bbetween\s+$", _I).search(a.before):
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
            prev = next((readings[j] for j in range(i - 1, -1, -1)
                         if readings[j].category and not readings[j].reason), None)
            # "between 150,000 and ...", or two bare figures joined by a dash: "of whom 150,000-250,000 have been killed"
            if prev is None or not (_RANGE_OPEN.search(a.before)
                                    or after == "-"):
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
