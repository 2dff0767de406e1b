"""Record the extraction output's digests (tests/data/fingerprints.json) after a deliberate change.

    .venv/bin/python tools/fingerprints.py            # rewrite the file
    .venv/bin/python tools/fingerprints.py --check    # list the sets whose output changed
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from lossclaims.evaluation import fingerprint

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "tests" / "data" / "fingerprints.json"
SETS = ["data/articles"] + [f"tests/data/{d}/articles" for d in
                            ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the recorded digests, write nothing")
    args = ap.parse_args()
    now = {s: fingerprint(ROOT / s) for s in SETS}
    if args.check:
        old = json.loads(FILE.read_text(encoding="utf-8"))
        changed = [s for s in SETS if old.get(s) != now[s]]
        print("\n".join(f"changed: {s}" for s in changed) or "unchanged")
        return 1 if changed else 0
    FILE.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
