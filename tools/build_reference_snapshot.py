"""Build the packaged snapshot of the General Staff series from the dataset's JSON files.

    python tools/build_reference_snapshot.py [FOLDER] [--out lib/lossclaims/data]

FOLDER holds russia_losses_personnel.json and russia_losses_equipment.json (and the corrections file
and LICENSE) of the 2022-Ukraine-Russia-War-Dataset, as `lossclaims reference update` keeps them in the
cache (the default). Writes, beside the vocabulary table, the tidy series (date, category, value) and
its corrections as zstd Parquet, the dataset's MIT licence notice, and a JSON note of what the snapshot
covers and where it was built from. `lossclaims.reference` loads it when no newer cache exists.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from lossclaims import reference  # noqa: E402


def build(folder: Path, out: Path) -> dict:
    """Write the snapshot files of the series in `folder` into `out`; return what the note says."""
    series = reference.load_series(folder)
    corrections = reference.load_corrections(folder)
    out.mkdir(parents=True, exist_ok=True)
    for frame, name in ((series, reference.SNAPSHOT_FILE), (corrections, reference.SNAPSHOT_CORRECTIONS_FILE)):
        # dates as ISO text: loading parses them exactly as `load_series` parses the JSON's
        tidy = frame.assign(date=frame["date"].dt.strftime("%Y-%m-%d"))
        tidy.to_parquet(out / name, index=False, compression="zstd", compression_level=19)
    licence = folder / "LICENSE"
    if not licence.is_file():
        raise SystemExit(f"{folder} has no LICENSE: the snapshot must ship with the dataset's licence notice")
    shutil.copyfile(licence, out / reference.SNAPSHOT_LICENSE_FILE)
    prov = reference.provenance(folder)
    note = {
        "dataset": "2022-Ukraine-Russia-War-Dataset (Petro Ivaniuk), MIT licence: see " + reference.SNAPSHOT_LICENSE_FILE,
        "home": reference.DEFAULT_BASE_URL,
        "from": (f"downloaded {prov['fetched']} from {prov.get('from', '?')}" if prov.get("fetched")
                 else "a local copy of the dataset's JSON files, with no download record"),
        "built": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "first": series["date"].min().date().isoformat(),
        "last": series["date"].max().date().isoformat(),
        "reports": int(series["date"].nunique()),
        "rows": len(series),
        "corrections": len(corrections),
        "rebuild": "python tools/build_reference_snapshot.py FOLDER (after `lossclaims reference update`)",
    }
    (out / reference.SNAPSHOT_INFO_FILE).write_text(json.dumps(note, indent=1) + "\n", encoding="utf-8")
    return note


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder", nargs="?", help="the dataset's JSON files (default: the cached series)")
    p.add_argument("--out", default=str(ROOT / "lib" / "lossclaims" / "data"), help="where to write the snapshot")
    args = p.parse_args(argv)
    folder = reference.find_series(args.folder) if args.folder else reference.find_series()
    if folder is None:
        print("no series found: give the folder of the JSON files, or run `lossclaims reference update` first")
        return 1
    note = build(folder, Path(args.out))
    print(f"snapshot of {note['reports']} reports, {note['first']} to {note['last']} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
