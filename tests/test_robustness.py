"""No input makes the parser fail or hang: property tests and pathological runs."""
from __future__ import annotations

import math
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lossclaims import Article
from lossclaims.extraction import extract
from lossclaims.numbers import find_numbers

WORDS = ["Russia", "lost", "over", "1,020,010", "troops", "nearly", "tanks", "killed", "and", "7 905", "one",
         "million", "half", "a", "the", "General", "Staff", "said", ".", ",", "(+12)", "-", "between", "\n", "UAVs",
         "shot", "down", "civilians", "injured", "2024-01-09", "per", "cent", "1.020.010", ":", "approximately"]
news_like = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)


def check(text: str) -> None:
    claims, mentions = extract(Article(id="x", text=text))
    for row in claims:
        start, end, value = row[9], row[10], row[4]
        assert 0 <= start < end <= len(text)
        assert math.isfinite(value) and value >= 0
        assert row[8] and text[start:end] in row[8]  # the quote holds the number
    for row in mentions:
        assert 0 <= row[5] < row[6] <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None)
@given(news_like)
def test_news_like_text_gives_sane_claims(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_any_grouped_integer_reads_back(n: int) -> None:
    [span] = [s for s in find_numbers(f"lost {n:,} tanks") if s.form == "count"]
    assert span.value == n


@pytest.mark.parametrize("run", [
    "1," * 5000, "1 " * 5000, "9" * 20000, ". " * 5000, "over " * 3000, "nearly more than about " * 1000,
    "one " * 3000, "- " * 5000, "1,000,000 tanks, " * 800, "\n" * 5000, "a tank and " * 2000,
])
def test_long_pathological_runs_finish_quickly(run: str) -> None:
    t0 = time.perf_counter()
    extract(Article(id="x", text="Russia lost " + run + " tanks."))
    # Generous bound: catastrophic backtracking takes minutes, not seconds.
    assert time.perf_counter() - t0 < 20
