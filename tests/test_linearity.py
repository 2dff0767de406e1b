"""Linearity: four times the input costs about four times the time, for every shape of input, on the whole per-article path.

Each family of input (`lossclaims.bench.FAMILIES`: runs of digits, commas or qualifiers, one long
line, a sentence of many list items, deep parentheses and quotes; and ordinary news as one long
article) is timed at n and 4n characters with `pipeline.article_rows`, the least of two timings
each. Linear code gives a ratio near 4; the bound of 6 leaves room for noise, quadratic code gives
10 or more (the engine before issue 12's rebuild gave 7.5-20x on all but two families). n is
chosen so that the 4n run takes a fraction of a second; only the ratio is asserted. The speed
target itself (no input up to the size limit costs more than 3x per byte what news costs) is
measured by `python -m lossclaims.bench --linearity`.
"""
from __future__ import annotations

import pytest

from lossclaims.bench import FAMILIES, article_seconds, news_family

MAX_RATIO = 6.0

CASES = [
    pytest.param("digit_run", 800),                           # "Russia lost 9 9 9 ... tanks."
    pytest.param("comma_run", 6_000),                         # "1,2,1,2,..."
    pytest.param("number_list", 1_500),                       # "1, 2, 1, 2, ..."
    pytest.param("qualifier_run", 100_000),                   # "about about ... 5 tanks."
    pytest.param("long_line", 2_000),                         # one line, no sentence end
    pytest.param("list_items", 3_000),                        # "12 tanks, 12 tanks, ..."
    pytest.param("article_items", 3_000),                     # "a tank, a tank, ..." (one counted by "a")
    pytest.param("deep_parentheses", 1_500),                  # "(3 (3 (3 ..."
    pytest.param("deep_quotes", 1_500),                       # "“3 “3 “3 ..."
    pytest.param("straight_quotes", 1_500),                   # '"3 "3 "3 ...'
    pytest.param("news_one_article", 60_000),                 # the bench articles (57 KB) in one article
]


def growth(family: str, n: int, rounds: int = 2) -> float:
    """Least CPU time at 4n over least CPU time at n, timed in alternation."""
    fam = news_family() if family == "news_one_article" else FAMILIES[family]
    small, large = fam.text(n), fam.text(4 * n)
    assert 3.5 * len(small) <= len(large) <= 4.5 * len(small)
    article_seconds("Russia has lost 10 tanks.")  # patterns compiled before any timing
    best_small = best_large = float("inf")
    for _ in range(rounds):
        best_small = min(best_small, article_seconds(small, repeats=1))
        best_large = min(best_large, article_seconds(large, repeats=1))
    return best_large / best_small


@pytest.mark.parametrize(("family", "n"), CASES)
def test_four_times_the_input_costs_about_four_times_the_time(family: str, n: int) -> None:
    ratio = growth(family, n)
    assert ratio <= MAX_RATIO, f"{family}: {4 * n:,} characters cost {ratio:.1f}x what {n:,} cost"


def test_the_families_read_what_they_are_built_from() -> None:
    """The hard inputs are read, not skipped: each gives the figures it is built around."""
    from lossclaims.pipeline import article_rows
    from lossclaims.reading import Article

    claims, mentions = article_rows(Article(id="l", text=FAMILIES["list_items"].text(200)))
    assert {(c[2], c[4]) for c in claims} >= {("tanks", 12.0)}
    claims, mentions = article_rows(Article(id="q", text=FAMILIES["qualifier_run"].text(200)))
    assert [(c[2], c[4]) for c in claims] == [("tanks", 5.0)]
