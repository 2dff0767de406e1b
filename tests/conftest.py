"""Shared fixtures. Add your own fixture functions; keep the ones here stable."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from lossclaims import reference
from lossclaims.schema import frame

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold" / "seed_gold.csv"


def gold_claims_frame(path: Path = GOLD) -> pd.DataFrame:
    """The hand annotation as a claims frame: first of each `|`-separated alternative.

    quote is the annotator's note (or a placeholder), start/end are placeholder offsets,
    flags mark headline readings and the mistyped separator the note mentions.
    """
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            first = {k: (v or "").split("|")[0].strip() for k, v in r.items()}
            note = (r.get("note") or "").strip()
            flags = []
            if note.startswith("headline"):
                flags.append("headline")
            if "1020.010" in note:
                flags.append("separator_typo")
            rows.append((
                first["article"], first["party"], first["category"], first["measure"],
                float(first["value"]), first["qualifier"], first["period"], first["source"],
                note or "(gold annotation)", i * 100, i * 100 + 10, ";".join(flags),
            ))
    return frame("claims", rows)


@pytest.fixture(scope="session")
def gold_claims() -> pd.DataFrame:
    """The gold-derived claims frame of the default corpus (what the parser should produce)."""
    return gold_claims_frame()


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
    """The General Staff series from the cache, or a skip that says how to get it."""
    folder = reference.find_series()
    if folder is None:
        pytest.skip(
            "no General Staff series in the cache: run `lossclaims reference update` or set "
            "LOSSCLAIMS_CACHE to a cache holding general-staff/ (CI copies it there)"
        )
    return reference.load_series(folder)
