"""Shared fixtures. Add your own fixture functions; keep the ones here stable."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lossclaims import reference
from lossclaims.evaluation import gold_claims as read_gold_claims
from lossclaims.schema import frame

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold" / "seed_gold.csv"


@pytest.fixture(scope="session")
def gold_claims() -> pd.DataFrame:
    """The gold-derived claims frame of the default corpus (what the parser should produce)."""
    return read_gold_claims(GOLD)


@pytest.fixture
def claims_of():
    """Build a validated claims frame from short tuples
    (article, party, category, measure, value, qualifier, period, source[, flags])."""

    def build(*rows: tuple) -> pd.DataFrame:
        full = []
        for i, r in enumerate(rows):
            flags = r[8] if len(r) > 8 else ""
            full.append((*r[:8], f"quote {i}", i * 10, i * 10 + 5, flags))
        return frame("claims", full)

    return build


@pytest.fixture(scope="session")
def real_series() -> pd.DataFrame:
    """The General Staff series (the cache when it reaches as far, else the packaged snapshot), or a skip."""
    try:
        return reference.load_series()
    except reference.SeriesNotFound:
        pytest.skip(
            "no General Staff series: no packaged snapshot and nothing in the cache; run "
            "`lossclaims reference update` or set LOSSCLAIMS_CACHE to a cache holding general-staff/"
        )
