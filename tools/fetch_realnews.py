"""Fetch the texts of the real-news pool (tests/data/realnews/BATCH/articles/ID.txt) from each
batch's manifest.csv, on a machine with internet access.

The repository keeps only the manifests and the gold annotation, never an article's text. This
script downloads every address with urllib, extracts the main text with trafilatura (a project
dependency) and writes `articles/ID.txt`. A page that cannot be fetched or yields no text is
skipped and reported; it never stops the batch.

Note: the stored pool was annotated on the *excerpt* a page search returned (the page's
opening), while a fetched page is the whole article, usually longer, and sites change or vanish.
Scores on fetched texts can therefore differ from the first-contact figures in
tests/data/realnews/README.md, and gold rows may be missing for figures further down the page.
Batches fetched here are marked with `articles/.fetched`, and tests/test_realnews.py does not
hold them to the floors measured on the excerpts.

    python tools/fetch_realnews.py                 # every batch, keeping texts already present
    python tools/fetch_realnews.py --batch rn1 --force
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

POOL = Path(__file__).resolve().parent.parent / "tests" / "data" / "realnews"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) lossclaims-fetch/1.0 (+tests/data/realnews)"
MARKER = ".fetched"


def download(url: str, timeout: float) -> bytes:
    """The page's bytes; raises on any network or HTTP error."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (addresses come from the manifest)
        return resp.read()


def main_text(html: bytes, url: str) -> str:
    """The page's main text (trafilatura), or '' when it finds none."""
    import trafilatura

    return (trafilatura.extract(html, url=url, include_comments=False, include_tables=False) or "").strip()


def fetch_batch(folder: Path, *, force: bool = False, timeout: float = 30.0) -> tuple[int, list[tuple[str, str]]]:
    """Fetch one batch folder; returns (texts written, [(id, why) for every page skipped])."""
    with open(folder / "manifest.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = folder / "articles"
    out.mkdir(exist_ok=True)
    written, failed = 0, []
    for row in rows:
        target = out / f"{row['id']}.txt"
        if target.exists() and not force:
            continue
        try:
            text = main_text(download(row["url"], timeout), row["url"])
        except Exception as exc:  # one bad page never loses the rest of the batch
            failed.append((row["id"], f"{type(exc).__name__}: {exc}"))
            continue
        if not text:
            failed.append((row["id"], "no main text found"))
            continue
        target.write_text(text + "\n", encoding="utf-8")
        written += 1
    if written:
        stamp = {"fetched": datetime.now(timezone.utc).isoformat(timespec="seconds"), "skipped": dict(failed)}
        (out / MARKER).write_text(json.dumps(stamp, indent=1), encoding="utf-8")
    return written, failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pool", type=Path, default=POOL, help="folder holding the batch folders (default: %(default)s)")
    ap.add_argument("--batch", action="append", help="batch to fetch (repeatable; default: every batch)")
    ap.add_argument("--force", action="store_true", help="fetch again texts that are already present")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per page (default: %(default)s)")
    args = ap.parse_args(argv)
    folders = sorted(p.parent for p in args.pool.glob("*/manifest.csv"))
    if args.batch:
        folders = [f for f in folders if f.name in set(args.batch)]
    if not folders:
        print(f"no batch with a manifest.csv under {args.pool}", file=sys.stderr)
        return 1
    for folder in folders:
        written, failed = fetch_batch(folder, force=args.force, timeout=args.timeout)
        print(f"{folder.name}: {written} texts written, {len(failed)} skipped")
        for id_, why in failed:
            print(f"  skipped {id_}: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
