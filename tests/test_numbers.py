"""Reading numbers as articles write them."""
from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossclaims import numbers
from lossclaims.numbers import find_numbers


def one(text: str):
    spans = [n for n in find_numbers(text) if n.form == "count"]
    assert len(spans) == 1, spans
    return spans[0]


@pytest.mark.parametrize("text,value", [
    ("1,020,010 troops", 1020010), ("173.990 soldiers", 173990), ("7 905 guns", 7905),
    ("1 101 units", 1101), ("1.25 million", 1250000), ("1 MILLION", 1000000), ("half a million", 500000),
    ("one submarine", 1), ("three helicopters", 3), ("twenty-three tanks", 23),
    ("one hundred and five drones", 105), ("a million casualties", 1000000), ("400k troops", 400000),
    ("1.2m people", 1200000), ("one and a half million", 1500000), ("a quarter of a million", 250000),
    ("2,500 people", 2500), ("2,500.5 tanks", 2500.5),
])
def test_values(text: str, value: float) -> None:
    assert one(text).value == value


def test_mistyped_separator_is_flagged_not_guessed_silently() -> None:
    n = one("lost 1,020.010 troops")
    assert n.value == 1020010 and n.flags == ("separator_typo",)


@pytest.mark.parametrize("text,form", [
    ("on 2024-01-09", "date"), ("from 24.02.22", "date"), ("at 10:30", "time"), ("the 47th brigade", "ordinal"),
    ("a 400 per cent rise", "percentage"), ("40% of", "percentage"), ("$61 billion", "money"),
    ("300 million euros", "money"), ("155mm shells", "measurement"), ("4,168 square kilometres", "measurement"),
    ("Su-34 jets", "model_number"), ("M777 howitzers", "model_number"),
])
def test_forms_that_are_never_counts(text: str, form: str) -> None:
    assert [n.form for n in find_numbers(text)] == [form]


def test_commas_between_a_date_and_a_year_do_not_join_them() -> None:
    assert [n.value for n in find_numbers("Feb. 24, 2022")] == [24, 2022]


def test_no_one_and_one_of_are_not_numbers() -> None:
    assert find_numbers("no one was hurt and one of them fled") == []


def test_spans_cover_the_text_read() -> None:
    text = "Russia lost 1.25 million men and one submarine"
    assert [text[n.start:n.end] for n in find_numbers(text)] == ["1.25 million", "one"]


@pytest.mark.parametrize("text,found", [
    ("1.2.2024-01-05", [("2024-01-05", "date")]),  # an ISO date wins over the day.month.year it overlaps
    ("1,24.02.2022", [("24.02.2022", "date")]),
    ("2024-01-09:30", [("2024-01-09", "date"), ("30", "count")]),
    ("1:23:45:67", [("1:23:45", "time"), ("67", "count")]),
    ("from 24.02 to 25.07.", [("24.02", "date"), ("25.07", "date")]),
    ("on 24/02/22 at 9:05", [("24/02/22", "date"), ("9:05", "time")]),
    ("to 31.13 from 12.05.2020", [("31.13", "count"), ("12.05.2020", "date")]),
])
def test_dates_and_times_take_their_place_first(text: str, found: list) -> None:
    assert [(n.text, n.form) for n in find_numbers(text)] == found


# The scans in `numbers` are written to start with a character class so that re can skip ahead;
# these are the plain `\b` forms they replace, which they must match exactly.
_WORD_START_PLAIN = re.compile(
    rf"\b(?:half\s+a|an?\s+(?:{numbers._SCALEWORD}|quarter|and\s+a\s+half)|{'|'.join(numbers._TENS + numbers._UNITS)})\b",
    re.IGNORECASE)
_PLAIN = [
    (numbers._WORD_START, _WORD_START_PLAIN, None),
    (numbers.DIGITS_RE, re.compile(r"\d+(?:(?:[.,]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+){0,6}"), None),
    (numbers.ISO_DATE_RE, re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"), None),
    (numbers.NUM_DATE_RE, re.compile(r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b"), None),
    (numbers.SHORT_DATE_RE,
     re.compile(r"\b(?:from|to|till|until|since) (?P<d>\d{1,2}\.(?:0[1-9]|1[0-2]))\b(?!\.\d)"), "d"),
    (numbers.TIME_RE, re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"), None),
]
_PIECES = st.one_of(
    st.sampled_from("one One ONE ſix twenty-three half a an and million quarter from to till since no 1990s Su 7 905".split()),
    st.text(alphabet="0123456789", min_size=1, max_size=5),
    st.text(alphabet="0123456789 .,:/-_%$é\u00a0ſKı", min_size=1, max_size=12),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_fast_scans_match_their_plain_forms(text: str) -> None:
    for fast, plain, group in _PLAIN:
        assert [m.span(group or 0) for m in fast.finditer(text)] == [m.span(group or 0) for m in plain.finditer(text)]
    starts = [m.start() for m in numbers._DATE_OR_TIME_START.finditer(text)]
    for _, plain, group in _PLAIN[2:]:
        assert all(m.start(group or 0) in starts for m in plain.finditer(text))


def test_case_extras_are_every_character_ignorecase_matches_to_an_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    matched = [c for c in map(chr, range(sys.maxunicode + 1)) if letter.fullmatch(c)]
    for a in string.ascii_lowercase:
        same = {c for c in matched if re.fullmatch(a, c, re.IGNORECASE)}
        assert same == set(a + a.upper() + numbers._CASE_EXTRAS.get(a, "")), a


@pytest.mark.parametrize("text, form", [
    ("the Su-34.", "model_number"), ("(T-90)", "model_number"), ("cost $40,", "money"),
    ("cost USD 40;", "money"), ("worth €5.", "money"), ("lost 40,", "count"), ("lost 40", "count"),
    ("lost 40:", "count"), ("lost 40\u201d", "count"), ("lost 40%.", "percentage"), ("lost 40k.", "count"),
])
def test_a_number_before_punctuation_takes_its_form_from_the_words_before(text, form):
    """After a digit run, a punctuation mark ends it: only what comes before can make it a model number or money."""
    (n,) = [n for n in find_numbers(text) if n.text[0].isdigit()]
    assert n.form == form


@pytest.mark.parametrize("text,value", [
    ("roughly two dozen people were unaccounted for", 24.0), ("a dozen drones", 12.0), ("half a dozen tanks", 6.0),
    ("three dozen tanks", 36.0),
])
def test_dozens_of_a_number_word_are_counted(text: str, value: float) -> None:
    assert [n.value for n in find_numbers(text)] == [value]


def test_plural_dozens_is_no_number() -> None:
    assert find_numbers("dozens of people were injured") == []
