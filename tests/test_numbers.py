"""Reading numbers as articles write them."""
from __future__ import annotations

import pytest

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
