"""The extraction engine's output, held fixed: the rows of the default corpus and of every
hand-written evaluation set hash to the digests recorded in tests/data/fingerprints.json.

A refactor or speed change must keep them; a deliberate change of output updates the file
(`python tools/fingerprints.py`) in the same commit,
with its effect on every set in the message.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossclaims.evaluation import fingerprint

ROOT = Path(__file__).resolve().parents[1]
RECORDED = json.loads((ROOT / "tests" / "data" / "fingerprints.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", sorted(RECORDED))
def test_extraction_rows_are_unchanged(folder: str) -> None:
    assert fingerprint(ROOT / folder) == RECORDED[folder], f"extraction output changed on {folder}"
