"""The parser reproduces the hand annotation of the default corpus (the project's own copy)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lossclaims import default_articles_dir, parse
from lossclaims.evaluation import evaluate, read_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold" / "seed_gold.csv"


@pytest.fixture(scope="module")
def result():
    return parse(default_articles_dir())


def test_seed_gold_is_reproduced_exactly(result) -> None:
    score = evaluate(result.claims, read_gold(GOLD))
    assert (score.precision, score.recall) == (1.0, 1.0), score.summary() + "\n" + score.extra.to_string()
    assert score.all_attributes == 1.0, score.summary()


def test_every_claim_span_holds_its_number(result) -> None:
    texts = {a.id: (default_articles_dir() / a.path).read_text(encoding="utf-8") for a in result.articles.itertuples()}
    for c in result.claims.itertuples():
        assert texts[c.article][c.start:c.end].strip(), c
        assert texts[c.article][c.start:c.end] in c.quote


def test_cli_parse_then_evaluate_prints_f1_one(tmp_path) -> None:
    out = tmp_path / "claims.csv"
    run = lambda *a: subprocess.run([sys.executable, "-m", "lossclaims", *a], capture_output=True, text=True, check=True)
    run("parse", str(default_articles_dir()), "--out", str(out), "--mentions", str(tmp_path / "m.parquet"))
    printed = run("evaluate", str(out), str(GOLD)).stdout
    assert "F1 1.000" in printed
    assert len(pd.read_parquet(tmp_path / "m.parquet")) > 0


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json"])
def test_claims_written_in_each_format_score_the_same(result, tmp_path, suffix) -> None:
    from lossclaims.evaluation import read_claims
    from lossclaims import write_frame
    path = tmp_path / f"claims{suffix}"
    write_frame(result.claims, path)
    assert evaluate(read_claims(path), read_gold(GOLD)).f1 == 1.0
