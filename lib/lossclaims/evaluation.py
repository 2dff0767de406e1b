"""Evaluation: score a claims frame against a gold annotation.

A claim matches a gold row on (article, party, category, measure, value); a gold field may
list alternatives separated by `|`, any of which counts. Matching is one-to-one.
"""
from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

from ._lazy import lazy_module
from .pipeline import parse

pd = lazy_module("pandas")  # loaded on first use (see `lossclaims._lazy`)
schema = lazy_module(f"{__package__}.schema")

KEY = ("party", "category", "measure", "value")
ATTRIBUTES = ("qualifier", "period", "source")


@dataclass
class Score:
    """Precision, recall and F1 on the key, and attribute accuracy over matched claims."""

    predicted: int
    gold: int
    matched: int
    attributes: dict[str, float]
    all_attributes: float
    missed: pd.DataFrame
    extra: pd.DataFrame
    non_loss: int = 0  # extras whose value no gold row of their article has: numbers that are no loss at all

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        """A few printable lines."""
        lines = [
            f"claims {self.predicted}, gold {self.gold}, matched {self.matched}",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
        ]
        lines += [f"{a} right: {v:.3f}" for a, v in self.attributes.items()]
        lines.append(f"qualifier, period and source all right: {self.all_attributes:.3f}")
        lines.append(f"non-loss numbers taken as claims: {self.non_loss}")
        return "\n".join(lines)


def _alts(value: object) -> set[str]:
    return {_norm(v) for v in str(value).split("|")}


def _norm(v: object) -> str:
    s = str(v).strip()
    try:
        f = float(s)
        return str(int(f)) if f == int(f) else repr(f)
    except ValueError:
        return s.lower()


def read_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold CSV (article, party, category, measure, value, qualifier, period, source, note)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def evaluate(claims: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Score `claims` against `gold`, matching one-to-one on (article, party, category, measure, value).

    >>> g = pd.DataFrame([dict(article="a", party="russia", category="tanks", measure="lost",
    ...                        value="10980", qualifier="exact", period="cumulative", source="ukraine_official|unattributed")])
    >>> evaluate(g.assign(source="unattributed"), g).f1
    1.0
    """
    pred = [
        {k: _norm(row[k]) for k in ("article", *KEY, *ATTRIBUTES)} for _, row in claims.iterrows()
    ]
    gold_rows = [{k: _alts(row[k]) for k in ("article", *KEY, *ATTRIBUTES)} for _, row in gold.iterrows()]
    # Most constrained gold rows first, so that a row with alternatives does not steal a
    # prediction that a strict row needs.
    order = sorted(range(len(gold_rows)), key=lambda i: sum(len(gold_rows[i][k]) for k in KEY))
    used: set[int] = set()
    matches: list[tuple[int, int]] = []
    for gi in order:
        g = gold_rows[gi]
        candidates = [
            pi for pi, p in enumerate(pred)
            if pi not in used and p["article"] in g["article"] and all(p[k] in g[k] for k in KEY)
        ]
        if candidates:
            # Prefer the candidate that also gets the attributes right.
            best = max(candidates, key=lambda pi: sum(pred[pi][a] in g[a] for a in ATTRIBUTES))
            used.add(best)
            matches.append((gi, best))
    attrs = {a: (sum(pred[p][a] in gold_rows[g][a] for g, p in matches) / len(matches) if matches else 0.0)
             for a in ATTRIBUTES}
    all_right = (sum(all(pred[p][a] in gold_rows[g][a] for a in ATTRIBUTES) for g, p in matches) / len(matches)
                 if matches else 0.0)
    matched_gold = {g for g, _ in matches}
    gold_values: dict[str, set[str]] = {}
    for g in gold_rows:
        for article in g["article"]:
            gold_values.setdefault(article, set()).update(g["value"])
    non_loss = sum(1 for pi, p in enumerate(pred) if pi not in used and p["value"] not in gold_values.get(p["article"], ()))
    return Score(
        predicted=len(pred),
        gold=len(gold_rows),
        matched=len(matches),
        attributes=attrs,
        all_attributes=all_right,
        missed=gold.iloc[[i for i in range(len(gold_rows)) if i not in matched_gold]],
        extra=claims.iloc[[i for i in range(len(pred)) if i not in used]],
        non_loss=non_loss,
    )


def gold_claims(path: str | Path) -> pd.DataFrame:
    """A hand annotation (`data/gold/seed_gold.csv`: fields may list alternatives `a|b`, the first
    is taken) as a claims frame. The note becomes the quote; a note quoting a figure with a
    misplaced separator ("writes 1020.010") sets the `separator_typo` flag the parser sets.

    >>> gold_claims("/nonexistent.csv")
    Traceback (most recent call last):
    ...
    FileNotFoundError: no gold annotation at /nonexistent.csv
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no gold annotation at {path}")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    need = {"article", "party", "category", "measure", "value", "qualifier", "period", "source"}
    if not need <= set(raw.columns):
        raise ValueError(f"{path.name}: a gold annotation needs the columns {', '.join(sorted(need))}")
    rows = []
    for _, r in raw.iterrows():
        first = {k: str(r[k]).split("|")[0].strip() for k in need}
        note = str(r.get("note", "") or "")
        flags = []
        if note.lower().startswith("headline"):
            flags.append("headline")
        if re.search(r"\b\d[\d,]*\.\d{3}\b", note) and first["category"] == "personnel":
            flags.append("separator_typo")
        rows.append((first["article"], first["party"], first["category"], first["measure"],
                     float(first["value"]), first["qualifier"], first["period"], first["source"],
                     note, 0, 1, ";".join(flags)))
    return schema.frame("claims", rows)


def read_claims(path: str | Path) -> pd.DataFrame:
    """A claims file (.csv, .parquet or .json, as `lossclaims parse` writes it) or a gold
    annotation CSV, as a validated claims frame."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no claims file at {path}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        head = pd.read_csv(path, nrows=0).columns
        if "quote" not in head and "note" in head:
            return gold_claims(path)
        df = pd.read_csv(path, dtype={"flags": str}, keep_default_na=False)
    elif suffix in (".parquet", ".pq"):
        df = pd.read_parquet(path)
    elif suffix == ".json":
        df = pd.read_json(path, orient="records")
    else:
        raise ValueError(f"cannot tell the format of {path.name}: use .csv, .parquet or .json")
    df["flags"] = df.get("flags", "").fillna("") if "flags" in df else ""
    return schema.validate("claims", df[schema.CLAIM_COLUMNS])


def score_articles(articles: str | Path | list, gold: str | Path) -> Score:
    """Parse `articles` (whatever `parse` takes) and score them against the gold rows of the
    articles that were read, so that a batch whose texts were only partly fetched is scored on
    what is there (the real-news pool, tests/data/realnews)."""
    result = parse(articles)
    rows = read_gold(gold)
    return evaluate(result.claims, rows[rows["article"].isin(set(result.articles["id"]))])


def _cmd_evaluate(args: argparse.Namespace) -> int:
    if Path(args.claims).is_dir():
        score = score_articles(args.claims, args.gold)
    else:
        score = evaluate(read_claims(args.claims), read_gold(args.gold))
    print(score.summary())
    if args.verbose:
        cols = ["article", *KEY, *ATTRIBUTES]
        if len(score.missed):
            print("\nmissed (in gold, not found):")
            print(score.missed[[c for c in cols if c in score.missed]].to_string(index=False))
        if len(score.extra):
            print("\nextra (found, not in gold):")
            print(score.extra[[c for c in cols if c in score.extra]].to_string(index=False))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `lossclaims evaluate CLAIMS GOLD`."""
    p = sub.add_parser("evaluate", help="score a claims file against a gold annotation")
    p.add_argument("claims", help="claims file (.csv, .parquet or .json) from `lossclaims parse`, "
                   "or a folder of articles to parse and score against the gold rows of the articles read")
    p.add_argument("gold", help="gold CSV: article, party, category, measure, value, qualifier, period, source")
    p.add_argument("-v", "--verbose", action="store_true", help="list missed and extra claims")
    p.set_defaults(func=_cmd_evaluate)


def fingerprint(folder: str | Path) -> dict[str, str]:
    """SHA-256 of the extraction rows (claims, then mentions) of every article in a folder.

    A change to the parser that should not change its output is checked against these: equal
    digests mean identical rows, spans, quotes and flags.
    """
    import hashlib

    from .extraction import extract
    from .reading import iter_articles

    claims, mentions = hashlib.sha256(), hashlib.sha256()
    for item in iter_articles(folder, progress=False):
        if not hasattr(item, "text"):
            continue
        c, m = extract(item)
        for digest, rows in ((claims, c), (mentions, m)):
            for row in rows:
                digest.update(repr(row).encode("utf-8"))
                digest.update(b"\n")
    return {"claims": claims.hexdigest(), "mentions": mentions.hexdigest()}
