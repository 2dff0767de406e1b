"""Scoring claims against a gold annotation with alternatives."""
from __future__ import annotations

import pandas as pd

from lossclaims.evaluation import evaluate

G = dict(article="a", party="russia", category="tanks", measure="lost", value="100",
         qualifier="exact", period="cumulative", source="ukraine_official")


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([G | r for r in rows])


def test_alternatives_any_one_counts() -> None:
    gold = frame(dict(measure="casualties|killed", category="personnel", source="ukraine_official|unattributed"))
    pred = frame(dict(measure="killed", category="personnel", source="unattributed"))
    s = evaluate(pred, gold)
    assert (s.precision, s.recall, s.attributes["source"]) == (1.0, 1.0, 1.0)


def test_matching_is_one_to_one() -> None:
    s = evaluate(frame({}, {}), frame({}))
    assert (s.matched, s.precision, s.recall) == (1, 0.5, 1.0)
    assert round(s.f1, 3) == 0.667


def test_wrong_party_is_a_miss_and_an_extra() -> None:
    s = evaluate(frame(dict(party="ukraine")), frame({}))
    assert (s.matched, len(s.missed), len(s.extra)) == (0, 1, 1)


def test_attribute_share_counts_only_matched_claims() -> None:
    s = evaluate(frame(dict(qualifier="approx"), dict(value="7")), frame({}, dict(value="7")))
    assert s.attributes["qualifier"] == 0.5 and s.all_attributes == 0.5


def test_strict_gold_rows_are_served_before_rows_with_alternatives() -> None:
    gold = frame(dict(measure="casualties|killed", category="personnel"), dict(measure="killed", category="personnel"))
    pred = frame(dict(measure="killed", category="personnel"), dict(measure="casualties", category="personnel"))
    assert evaluate(pred, gold).matched == 2


def test_non_loss_counts_extras_whose_value_no_gold_row_of_the_article_has() -> None:
    """An extra with a wrong side is a misread loss; an extra whose number the gold never has is no loss at all."""
    import pandas as pd

    from lossclaims.evaluation import evaluate

    row = dict(article="a", party="russia", category="tanks", measure="lost", value="10980", qualifier="exact",
               period="cumulative", source="ukraine_official")
    gold = pd.DataFrame([row])
    claims = pd.DataFrame([row, {**row, "party": "ukraine"}, {**row, "value": "2023"}, {**row, "article": "b"}])
    score = evaluate(claims, gold)
    assert (score.matched, len(score.extra), score.non_loss) == (1, 3, 2)
    assert "non-loss numbers taken as claims: 2" in score.summary()
