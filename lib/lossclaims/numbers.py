"""Numbers: find every number phrase in a text and read its value.

Digits with comma, dot or space thousands (1,020,010 · 173.990 · 7 905), decimals with a
scale word (1.25 million, 1 MILLION), number words (one submarine, half a million; turned
into values by text2num), plus the forms that are numbers but never counts (dates, times,
ordinals, percentages, money, model numbers), marked so extraction can file them as mentions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    rf"\b(?:half\s+a\s+{_SCALEWORD}|a\s+quarter\s+of\s+a\s+{_SCALEWORD}"
    rf"|(?:(?:a|{_NUMWORD})\s+and\s+a\s+half\s+{_SCALEWORD})"
    rf"|(?:a|an)\s+{_SCALEWORD}(?:\s+(?:and\s+)?{_NUMWORD})?"
    rf"|{_NUMWORD}(?:[ \t]+(?:and[ \t]+)?(?:{_NUMWORD}|{_SCALEWORD})){{0,8}})\b",
    re.IGNORECASE,
)
_WORD_START = re.compile(
    rf"\b(?:half\s+a|an?\s+(?:{_SCALEWORD}|quarter|and\s+a\s+half)|{'|'.join(_TENS + _UNITS)})\b", re.IGNORECASE)
# Digit runs: groups joined by one separator each; interpretation happens in `_read_digits`.
# The space separator only joins a group of exactly three digits ("7 905", "1 101").
DIGITS_RE = re.compile(r"\d+(?:(?:[.,]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+){0,6}")
SCALE_AFTER_RE = re.compile(
    r"(?:[ \u00a0\u202f-]?(?P<word>thousand|million|billion|mln|bln|bn)\b|(?P<short>[km]|bn)\b)",
    re.IGNORECASE,
)
ISO_DATE_RE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")
NUM_DATE_RE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b")
# "from 24.02 to 25.07": day.month without a year, read as a date where a range word says so.
SHORT_DATE_RE = re.compile(r"\b(?:from|to|till|until|since) (?P<d>\d{1,2}\.(?:0[1-9]|1[0-2]))\b(?!\.\d)")
TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
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
_ONE_NOT_A_NUMBER = re.compile(r"(?:\bno|\bany|\bevery|\bsome|\bthe|\bthis|\bthat|\beach)\s+$", re.IGNORECASE)


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
    parts = re.split(r"([.,\u00a0\u202f ])", raw)
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


def _words_value(phrase: str) -> float | None:
    """Value of a number-word phrase, or None when text2num cannot read it."""
    p = re.sub(r"\s+", " ", phrase.lower().strip())
    m = re.fullmatch(r"half a (\w+)", p)
    if m:
        return 0.5 * _words_value("one " + m.group(1)) if _words_value("one " + m.group(1)) else None
    m = re.fullmatch(r"a quarter of a (\w+)", p)
    if m:
        v = _words_value("one " + m.group(1))
        return 0.25 * v if v else None
    m = re.fullmatch(r"(\S+(?:-\S+)?) and a half (\w+)", p)
    if m:
        head = 1.0 if m.group(1) in ("a", "an") else _words_value(m.group(1))
        scale = _words_value("one " + m.group(2))
        return (head + 0.5) * scale if head and scale else None
    p = re.sub(r"^an? ", "one ", p)
    try:
        return float(text2num(p, "en"))
    except ValueError:
        return None


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number phrase in `text`, in order, non-overlapping.

    >>> [(n.value, n.form) for n in find_numbers("On 2024-01-09, 1.25 million and one submarine; 40%")]
    [(20240109.0, 'date'), (1250000.0, 'count'), (1.0, 'count'), (40.0, 'percentage')]
    """
    spans: list[NumberSpan] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(span: NumberSpan) -> None:
        spans.append(span)
        taken.append((span.start, span.end))

    for rx, form in ((ISO_DATE_RE, "date"), (NUM_DATE_RE, "date"), (SHORT_DATE_RE, "date"), (TIME_RE, "time")):
        for m in rx.finditer(text):
            a, b = m.span("d") if "d" in rx.groupindex else m.span()
            if free(a, b):
                add(NumberSpan(a, b, float(re.sub(r"\D", "", text[a:b])), text[a:b], form))

    for m in DIGITS_RE.finditer(text):
        start = m.start()
        if not free(start, m.end()):
            continue
        value, length, flags = _read_digits(m.group())
        end = start + length
        before = text[max(0, start - 12):start]
        after = text[end:end + 40]
        form = "count"
        # Glued to letters: model or unit designations (Su-34, T-90M, M777, F-16s).
        if re.search(r"[A-Za-z]-?$", before) or re.match(r"-?[A-Za-z]{1,3}\d", after):
            form = "model_number"
            if re.match(r"[A-Za-z]", after) and not re.match(r"(?:s|M|K|MS|A|B)?\b", after):
                end = end
        elif re.match(r"s\b", after) and length in (2, 4):
            form = "year" if length == 4 else "age"  # "the 1990s", "in their early 20s"
            end += 1
        elif ORDINAL_SUFFIX_RE.match(after):
            form = "ordinal"
            end += 2
        elif PERCENT_RE.match(after):
            form = "percentage"
            end += PERCENT_RE.match(after).end()
        elif CURRENCY_BEFORE_RE.search(before) or CURRENCY_AFTER_RE.match(after):
            form = "money"
        elif UNIT_AFTER_RE.match(after):
            form = "measurement"
        else:
            sm = SCALE_AFTER_RE.match(after)
            if sm and not (sm.group("short") and re.match(r"[km]\w", after, re.IGNORECASE)):
                word = (sm.group("word") or sm.group("short")).lower()
                value *= SCALES[word]
                end += sm.end()
                # A scale after a three-digit dot group makes it a decimal ("1.250 million").
                if "." in m.group()[:length] and not flags and m.group()[:length].count(".") == 1:
                    value = float(m.group()[:length].replace(",", "")) * SCALES[word]
        if form == "count" and re.search(r"[$€£]\s?$", before):
            form = "money"
        add(NumberSpan(start, end, value, text[start:end], form, False, flags))

    words_end = -1
    for c in _WORD_START.finditer(text):
        # a cheap scan for where a number word may start, then the full pattern only there
        if c.start() < words_end:
            continue
        m = WORDS_RE.match(text, c.start())
        if not m:
            continue
        words_end = m.end()
        if not free(m.start(), m.end()):
            continue
        phrase = m.group()
        if phrase.lower() == "one" and (
            _ONE_NOT_A_NUMBER.search(text[max(0, m.start() - 8):m.start()])
            or re.match(r"\s+(?:of|another|thing|day,|way|side)\b", text[m.end():m.end() + 10], re.IGNORECASE)
            or re.match(r"[-'’]", text[m.end():m.end() + 1])
            and not re.match(r"-(?:day|week|month|year|hour|and)", text[m.end():m.end() + 8], re.IGNORECASE)
        ):
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
        add(NumberSpan(m.start(), m.end(), value, phrase, form, True))

    spans.sort(key=lambda s: s.start)
    return spans
