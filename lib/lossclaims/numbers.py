"""Numbers: find every number phrase in a text and read its value.

Digits with comma, dot or space thousands (1,020,010 · 173.990 · 7 905), decimals with a
scale word (1.25 million, 1 MILLION), number words (one submarine, half a million; turned
into values by text2num), plus the forms that are numbers but never counts (dates, times,
ordinals, percentages, money, model numbers), marked so extraction can file them as mentions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from text_to_num import text2num

SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "mln": 1e6, "bn": 1e9, "bln": 1e9,
    "k": 1e3, "m": 1e6,
}
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMWORD = r"(?:%s)" % "|".join(
    [rf"(?:{t})(?:-(?:{'|'.join(_UNITS[1:10])}))?" for t in _TENS] + _UNITS
)
_SCALEWORD = r"(?:hundred|thousand|million|billion)"

# A run of number words: "one", "twenty-three", "one hundred and five", "a million",
# "half a million", "one and a half million". Bounded repetition keeps it linear.
WORDS_RE = re.compile(
    rf"\b(?:(?:half\s+a|an?|{_NUMWORD})\s+dozen\b(?!s)|half\s+a\s+{_SCALEWORD}|a\s+quarter\s+of\s+a\s+{_SCALEWORD}"
    rf"|(?:(?:a|{_NUMWORD})\s+and\s+a\s+half\s+{_SCALEWORD})"
    rf"|(?:a|an)\s+{_SCALEWORD}(?:\s+(?:and\s+)?{_NUMWORD})?"
    rf"|{_NUMWORD}(?:[ \t]+(?:and[ \t]+)?(?:{_NUMWORD}|{_SCALEWORD})){{0,8}})\b",
    re.IGNORECASE,
)


# The characters besides both cases that IGNORECASE matches to an ASCII letter.
_CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _initial_letter_first(alternatives: list[str]) -> re.Pattern[str]:
    r"""`\b(?:alternatives)\b` (IGNORECASE), written to begin with a plain class of their first letters.

    re's search skips ahead only when a pattern begins with a character (class), and neither `\b`
    nor an IGNORECASE letter counts as one; this form matches the same spans about 3x faster.
    """
    rests: dict[str, list[str]] = {}
    for a in alternatives:
        assert a[0] in "abcdefghijklmnopqrstuvwxyz", a
        rests.setdefault(a[0], []).append(a[1:])
    letters = "".join(f + f.upper() + _CASE_EXTRAS.get(f, "") for f in rests)
    # `(?<!\w.)` after the first letter is `\b` before it; `(?<=t)` picks the words of that letter.
    body = "|".join(rf"(?<={first})(?:{'|'.join(r)})" for first, r in rests.items())
    return re.compile(rf"(?-i:[{letters}])(?<!\w.)(?:{body})\b", re.IGNORECASE)


# Where a number word may start: a cheap scan, then WORDS_RE only there.
_WORD_START = _initial_letter_first(
    [r"half\s+a", rf"an?\s+(?:{_SCALEWORD}|quarter|and\s+a\s+half|dozen)", *_TENS, *_UNITS])
# Digit runs: groups joined by one separator each; interpretation happens in `_read_digits`.
# The space separator only joins a group of exactly three digits ("7 905", "1 101").
# (`\d\d*` rather than `\d+` so that re's search skips from digit to digit.)
DIGITS_RE = re.compile(r"\d\d*(?:(?:[.,]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+){0,6}")
SCALE_AFTER_RE = re.compile(
    r"(?:[ \u00a0\u202f-]?(?P<word>thousand|million|billion|mln|bln|bn)\b|(?P<short>[km]|bn)\b)",
    re.IGNORECASE,
)
# Dates and times start at a digit that starts a word: `\d(?<!\w\d)` is `\b\d`, written digit first.
ISO_DATE_RE = re.compile(r"\d(?<!\w\d)\d{3}-\d{1,2}-\d{1,2}\b")
NUM_DATE_RE = re.compile(r"\d(?<!\w\d)\d?[./]\d{1,2}[./](?:\d{4}|\d{2})\b")
# "from 24.02 to 25.07": day.month without a year, read as a date where a range word says so.
# The match is the date alone (group `d`); the range word is looked behind for.
SHORT_DATE_RE = re.compile(
    r"(?:(?<=\bfrom )|(?<=\bto )|(?<=\btill )|(?<=\buntil )|(?<=\bsince ))"
    r"(?P<d>\d{1,2}\.(?:0[1-9]|1[0-2]))\b(?!\.\d)")
TIME_RE = re.compile(r"\d(?<!\w\d)\d?:\d{2}(?::\d{2})?\b")
_DATES_AND_TIMES = ((ISO_DATE_RE, "date"), (NUM_DATE_RE, "date"), (SHORT_DATE_RE, "date"), (TIME_RE, "time"))
# Where one of them can start: a word-start digit, then at most three more before "-", ".", "/"
# or ":" and a digit. The four are matched only there, instead of each scanning the whole text.
_DATE_OR_TIME_START = re.compile(r"\d(?<!\w\d)(?=\d{3}-\d|\d?[./:]\d)")
ORDINAL_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
PERCENT_RE = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE)
CURRENCY_BEFORE_RE = re.compile(r"(?:[$€£₴₽]|US\$|USD|EUR|UAH|RUB|GBP)\s?$")
CURRENCY_AFTER_RE = re.compile(
    r"\s?(?:(?:thousand|million|billion|mln|bn)\s+)?(?:dollars?|euros?|pounds?|roubles?|rubles?|hryvnias?|hryvnia|UAH|USD|EUR)\b",
    re.IGNORECASE,
)
UNIT_AFTER_RE = re.compile(
    r"\s?(?:-)?(?:km²|km2|sq\.?\s?km|square\s+(?:kilomet(?:re|er)s?|miles?|metres?|meters?)|kilomet(?:re|er)s?|km|miles?"
    r"|metres?|meters?|mm|cm|tonnes?|tons?|kg|kilograms?|hectares?|acres?|litres?|liters?|knots?|mph|kph|°)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_ONE_NOT_A_NUMBER = re.compile(r"(?:\bno|\bany|\bevery|\bsome|\bthe|\bthis|\beach)\s+$", re.IGNORECASE)
# "that one" is a pronoun ("that one was destroyed") unless a counted noun follows ("reported that one person was wounded")
_ONE_AFTER_THAT_COUNTS = re.compile(
    r"\s+(?:person|man|woman|civilian|soldier|serviceman|child|boy|girl|resident|officer|pilot|sailor|"
    r"tank|drone|missile|aircraft|helicopter|ship|jet|vessel)\b", re.IGNORECASE)
_THAT = re.compile(r"\bthat\s+$", re.IGNORECASE)
_ONE_IN_A_PHRASE = re.compile(r"\s+(?:of|another|thing|day,|way|side)\b", re.IGNORECASE)
_ONE_GLUED = re.compile(r"[-'’]")
_ONE_BEFORE_A_UNIT = re.compile(r"-(?:day|week|month|year|hour|and)", re.IGNORECASE)
_MODEL_BEFORE = re.compile(r"[A-Za-z]-?$")
_MODEL_AFTER = re.compile(r"-?[A-Za-z]{1,3}\d")
_PLURAL_S = re.compile(r"s\b")
_SCALE_LETTER_IN_A_WORD = re.compile(r"[km]\w", re.IGNORECASE)
_MONEY_SIGN_BEFORE = re.compile(r"[$€£]\s?$")
_SEPARATOR = re.compile(r"([.,\u00a0\u202f ])")
_NON_DIGIT = re.compile(r"\D")
_WHITESPACE = re.compile(r"\s+")
_HALF = re.compile(r"half a (\w+)")
_QUARTER = re.compile(r"a quarter of a (\w+)")
_AND_A_HALF = re.compile(r"(\S+(?:-\S+)?) and a half (\w+)")
_ARTICLE = re.compile(r"^an? ")


@dataclass(frozen=True)
class NumberSpan:
    """A number phrase: its place in the text, its value, and what form it has.

    `form` is 'count' for a number that could be a count, otherwise the mention reason
    its form alone gives (date, time, ordinal, percentage, money, measurement, model_number).
    """

    start: int
    end: int
    value: float
    text: str
    form: str = "count"
    words: bool = False
    flags: tuple[str, ...] = field(default=())


def _read_digits(raw: str) -> tuple[float, int, tuple[str, ...]]:
    """Value of a digit run, how many characters of it are the number, and reading flags.

    >>> _read_digits("1,020,010")[0], _read_digits("173.990")[0], _read_digits("1,020.010")
    (1020010.0, 173990.0, (1020010.0, 9, ('separator_typo',)))
    """
    parts = _SEPARATOR.split(raw)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return float(groups[0]), len(raw), ()
    thousands = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    kinds = set(seps)
    if thousands:
        if len(kinds) == 1:
            return float("".join(groups)), len(raw), ()
        # Mixed separators over three-digit groups ("1,020.010"): the writer meant an integer.
        return float("".join(groups)), len(raw), ("separator_typo",)
    # One decimal point after a number ("1.25", "2,500.5"): read up to and including it.
    if seps[-1] == "." and all(s == "," for s in seps[:-1]) and all(len(g) == 3 for g in groups[1:-1]):
        return float("".join(groups[:-1]) + "." + groups[-1]), len(raw), ()
    if len(seps) == 1 and seps[0] == "," and len(groups[0]) <= 3 and len(groups[1]) in (1, 2):
        return float(groups[0] + "." + groups[1]), len(raw), ("decimal_comma",)
    # Not one number: keep the first group; the rest is read on its own.
    return float(groups[0]), len(groups[0]), ()


@lru_cache(maxsize=4096)
def _words_value(phrase: str) -> float | None:
    """Value of a number-word phrase, or None when text2num cannot read it (cached: few phrases recur)."""
    p = _WHITESPACE.sub(" ", phrase.lower().strip())
    if p.endswith(" dozen"):  # "two dozen", "a dozen", "half a dozen"
        head = p[:-len(" dozen")]
        v = 0.5 if head == "half a" else 1.0 if head in ("a", "an") else _words_value(head)
        return 12 * v if v else None
    m = _HALF.fullmatch(p)
    if m:
        return 0.5 * _words_value("one " + m.group(1)) if _words_value("one " + m.group(1)) else None
    m = _QUARTER.fullmatch(p)
    if m:
        v = _words_value("one " + m.group(1))
        return 0.25 * v if v else None
    m = _AND_A_HALF.fullmatch(p)
    if m:
        head = 1.0 if m.group(1) in ("a", "an") else _words_value(m.group(1))
        scale = _words_value("one " + m.group(2))
        return (head + 0.5) * scale if head and scale else None
    p = _ARTICLE.sub("one ", p)
    try:
        return float(text2num(p, "en"))
    except ValueError:
        return None


# The characters after a digit run that none of the patterns read after a number can start with
# (no letter, space, "-", "%" or "°"): the run's form is told by what comes before it alone.
_ENDS_A_NUMBER = frozenset({"", ",", ".", ";", ":", ")", "]", "!", "?", '"', "'", "”", "’", "/"})


class _Taken:
    """The spans found so far, and which characters they cover (a later step takes only free places)."""

    __slots__ = ("spans", "covered")

    def __init__(self, n: int) -> None:
        self.spans: list[NumberSpan] = []
        self.covered = bytearray(n)  # 1 under every character a span already covers

    def free(self, a: int, b: int) -> bool:
        return self.covered.find(1, a, b) < 0

    def add(self, span: NumberSpan) -> None:
        self.spans.append(span)
        self.covered[span.start:span.end] = b"\1" * (span.end - span.start)


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number phrase in `text`, in order, non-overlapping.

    Dates and times are taken first, then the digit runs they leave, then number words in what is left.

    >>> [(n.value, n.form) for n in find_numbers("On 2024-01-09, 1.25 million and one submarine; 40%")]
    [(20240109.0, 'date'), (1250000.0, 'count'), (1.0, 'count'), (40.0, 'percentage')]
    """
    taken = _Taken(len(text))
    runs = list(DIGITS_RE.finditer(text))  # every digit of the text is in one of them
    if runs:
        _add_dates_and_times(text, taken)
        covered = taken.covered
        for m in runs:
            if covered.find(1, m.start(), m.end()) < 0:
                taken.add(_digit_span(text, m))
    _add_number_words(text, taken)
    taken.spans.sort(key=lambda s: s.start)
    return taken.spans


def _add_dates_and_times(text: str, taken: _Taken) -> None:
    """Take each date/time pattern's matches as its own finditer gives them (left to right, not
    overlapping), found by matching it only where a date or time can start (`_DATE_OR_TIME_START`)."""
    found: list[list[re.Match[str]]] = [[] for _ in _DATES_AND_TIMES]
    ends = [0] * len(_DATES_AND_TIMES)
    for c in _DATE_OR_TIME_START.finditer(text):
        at = c.start()
        for i, (rx, _) in enumerate(_DATES_AND_TIMES):
            if at >= ends[i] and (m := rx.match(text, at)):
                found[i].append(m)
                ends[i] = m.end()
    for matches, (rx, form) in zip(found, _DATES_AND_TIMES):
        for m in matches:
            a, b = m.span("d") if "d" in rx.groupindex else m.span()
            if taken.free(a, b):
                taken.add(NumberSpan(a, b, float(_NON_DIGIT.sub("", text[a:b])), text[a:b], form))


def _digit_span(text: str, m: re.Match[str]) -> NumberSpan:
    """The number a digit run starts: its value (times a scale word after it) and its form, read from the
    characters around it (a model number, a decade, an ordinal, a percentage, money, a measurement)."""
    start = m.start()
    value, length, flags = _read_digits(m.group())
    end = start + length
    before = text[max(0, start - 12):start]
    after = text[end:end + 40]
    form = "count"
    if after[:1] in _ENDS_A_NUMBER:  # no suffix can follow: only the words before tell
        if _MODEL_BEFORE.search(before):
            form = "model_number"
        elif CURRENCY_BEFORE_RE.search(before) or _MONEY_SIGN_BEFORE.search(before):
            form = "money"
        return NumberSpan(start, end, value, text[start:end], form, False, flags)
    # Glued to letters: model or unit designations (Su-34, T-90M, M777, F-16s).
    if _MODEL_BEFORE.search(before) or _MODEL_AFTER.match(after):
        form = "model_number"
    elif length in (2, 4) and _PLURAL_S.match(after):
        form = "year" if length == 4 else "age"  # "the 1990s", "in their early 20s"
        end += 1
    elif ORDINAL_SUFFIX_RE.match(after):
        form = "ordinal"
        end += 2
    elif pm := PERCENT_RE.match(after):
        form = "percentage"
        end += pm.end()
    elif CURRENCY_BEFORE_RE.search(before) or CURRENCY_AFTER_RE.match(after):
        form = "money"
    elif UNIT_AFTER_RE.match(after):
        form = "measurement"
    else:
        value, end = _scaled(m, after, value, length, flags, end)
    if form == "count" and _MONEY_SIGN_BEFORE.search(before):
        form = "money"
    return NumberSpan(start, end, value, text[start:end], form, False, flags)


def _scaled(m: re.Match[str], after: str, value: float, length: int, flags: tuple[str, ...],
            end: int) -> tuple[float, int]:
    """The value and end of a count with the scale word after it ("1.25 million", "40k"), if any."""
    sm = SCALE_AFTER_RE.match(after)
    if not sm or sm.group("short") and _SCALE_LETTER_IN_A_WORD.match(after):
        return value, end
    word = (sm.group("word") or sm.group("short")).lower()
    number = m.group()[:length]
    # A scale after a three-digit dot group makes it a decimal ("1.250 million").
    if "." in number and not flags and number.count(".") == 1:
        return float(number.replace(",", "")) * SCALES[word], end + sm.end()
    return value * SCALES[word], end + sm.end()


def _add_number_words(text: str, taken: _Taken) -> None:
    """Take the number-word phrases ("one", "half a million") in the free places, but not a pronoun "one"."""
    words_end = -1
    for c in _WORD_START.finditer(text):
        # a cheap scan for where a number word may start, then the full pattern only there
        if c.start() < words_end:
            continue
        m = WORDS_RE.match(text, c.start())
        if not m:
            continue
        words_end = m.end()
        if not taken.free(m.start(), m.end()):
            continue
        phrase = m.group()
        if phrase.lower() == "one" and _one_is_no_number(text, m.start(), m.end()):
            continue
        value = _words_value(phrase)
        if value is None:
            continue
        form = "count"
        after = text[m.end():m.end() + 20]
        if PERCENT_RE.match(after):
            form = "percentage"
        elif CURRENCY_AFTER_RE.match(after):
            form = "money"
        taken.add(NumberSpan(m.start(), m.end(), value, phrase, form, True))


def _one_is_no_number(text: str, start: int, end: int) -> bool:
    """Whether the word "one" at start:end is a pronoun or part of a phrase ("no one", "that one", "one of")."""
    before = text[max(0, start - 8):start]
    return bool(
        _ONE_NOT_A_NUMBER.search(before)
        or _THAT.search(before) and not _ONE_AFTER_THAT_COUNTS.match(text, end)
        or _ONE_IN_A_PHRASE.match(text[end:end + 10])
        or _ONE_GLUED.match(text[end:end + 1])
        and not _ONE_BEFORE_A_UNIT.match(text[end:end + 8])
    )
