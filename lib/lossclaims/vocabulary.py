"""The packaged vocabulary: taxonomy, measure, qualifier, source, party and period words.

All words live in `data/vocabulary.csv` (kind, key, phrase, parent, note), read by the
parser and by the docs alike, so a new word is one row, not a code change.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MEASURES = ("killed", "wounded", "casualties", "missing", "captured", "deployed", "lost")
PEOPLE_MEASURES = MEASURES[:-1]
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
PERIODS = ("cumulative", "daily", "window")
SOURCES = (
    "ukraine_official", "russia_official", "us_official", "uk_official",
    "other_official", "un", "isw", "csis", "independent", "unattributed",
)
PEOPLE_CATEGORIES = ("personnel", "civilians")
AIRBORNE_CATEGORIES = ("drones", "cruise_missiles", "aircraft", "helicopters")  # what is launched and shot down
# Where a claim's `as_of` came from (the claims frame's `date_basis`, see `lossclaims.dating`).
DATE_BASES = ("sentence", "article", "reference", "none")
# What a word before a date says about it (the `date` rows of the table, read by `lossclaims.dating`).
DATE_ANCHORS = ("as_of", "end_of", "mid", "start_of", "since", "in", "on", "from", "speech")
# Why a number read from the text is not a claim (the mentions frame's `reason`).
MENTION_REASONS = (
    "date", "year", "time", "ordinal", "percentage", "money", "duration", "day_of_war",
    "age", "measurement", "model_number", "unit_number", "launched", "other_war", "rate",
    "stock", "recruitment", "forecast", "exchange", "not_a_loss", "no_category", "zero",
    "no_party", "repeat", "part_of_number", "population",
)


@dataclass(frozen=True)
class Entry:
    """One row of the vocabulary table."""

    kind: str
    key: str
    phrase: str
    parent: str = ""
    note: str = ""


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """Every row of the packaged vocabulary table.

    >>> any(e.kind == "category" and e.phrase == "tanks" for e in entries())
    True
    """
    return parse_table(resources.files("lossclaims").joinpath("data/vocabulary.csv").read_text(encoding="utf-8"))


def parse_table(text: str) -> tuple[Entry, ...]:
    """The rows of a vocabulary table's text; a row with more fields than the header is an error.

    >>> parse_table("kind,key,phrase,parent,note\\ncategory,tanks,tanks,,")[0].key
    'tanks'
    """
    rows = csv.DictReader(text.splitlines())
    out = []
    for row in rows:
        if None in row:  # more fields than the header: an unquoted comma in a note
            raise ValueError(f"vocabulary.csv line {rows.line_num}: {len(row) + len(row[None]) - 1} fields, expected "
                             f"{len(rows.fieldnames or [])} (quote a note that holds a comma)")
        out.append(Entry(**{k: (v or "").strip() for k, v in row.items()}))
    return tuple(out)


def phrases(kind: str) -> list[tuple[str, str]]:
    """(phrase, key) pairs of one kind, longest phrase first so that longer names win.

    >>> phrases("qualifier")[0][1] in QUALIFIERS
    True
    """
    pairs = [(e.phrase, e.key) for e in entries() if e.kind == kind]
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, str]:
    """Category key -> parent key ('' for a top-level category), in table order.

    >>> taxonomy()["ifv"]
    'armoured_vehicles'
    """
    out: dict[str, str] = {}
    for e in entries():
        if e.kind == "category":
            out.setdefault(e.key, e.parent)
    return out


def categories() -> tuple[str, ...]:
    """All category keys: people first, then equipment.

    >>> categories()[:2]
    ('personnel', 'civilians')
    """
    return tuple(taxonomy())


def equipment_categories() -> tuple[str, ...]:
    """Category keys that count equipment (measured as `lost`)."""
    return tuple(c for c in taxonomy() if c not in PEOPLE_CATEGORIES)


def parent(category: str) -> str:
    """The category a finer key rolls up into, or the key itself at the top.

    >>> parent("self_propelled_artillery"), parent("tanks")
    ('artillery', 'tanks')
    """
    return taxonomy().get(category) or category


def words_for(kind: str, key: str) -> list[str]:
    """The phrases of one key, in table order (for docs and messages)."""
    return [e.phrase for e in entries() if e.kind == kind and e.key == key]


def to_markdown() -> str:
    """The vocabulary table as the markdown page `docs/vocabulary.md` (generated, never hand-edited).

    >>> "| tanks |" in to_markdown()
    True
    """
    kinds = {
        "category": "Categories (taxonomy keys; a parent is what a finer key rolls up into)",
        "measure": "Measures for people",
        "qualifier": "Qualifiers",
        "source": "Source families (names that attribute a claim)",
        "party": "Parties (words that name a side; `enemy` is the other side of the speaker)",
        "period": "Period markers (each read as its key; window phrases mark a window where no date pattern did; "
                  "'a day', 'per day' make a figure a rate, not a claim)",
        "scale": "Scale words",
        "verb": "Verbs (loss: the subject loses; destroy: the subject's enemy loses; equipment_loss: equipment is lost)",
        "context": "Context words (other_war: another war or place; a figure beside it is that war's toll, not this one's)",
        "date": "Date anchors (the words before a date that say which day of a claim it names; speech: when it "
                "was said, not the figure's day)",
    }
    out = [
        "# Vocabulary",
        "",
        "Generated from `lib/lossclaims/data/vocabulary.csv` by `lossclaims.vocabulary.to_markdown()`;",
        "edit the CSV, then run `python -m lossclaims vocabulary > docs/vocabulary.md`.",
        "",
    ]
    for kind, title in kinds.items():
        keys: dict[str, list[Entry]] = {}
        for e in entries():
            if e.kind == kind:
                keys.setdefault(e.key, []).append(e)
        out += [f"## {title}", "", "| key | parent | words |", "| --- | --- | --- |"]
        for key, rows in keys.items():
            words = " · ".join(r.phrase.replace("|", "\\|") for r in rows)
            out.append(f"| {key} | {rows[0].parent} | {words} |")
        out.append("")
    out += ["## Why a number is not a claim (mentions `reason`)", "", ", ".join(f"`{r}`" for r in MENTION_REASONS), ""]
    return "\n".join(out)


def _cmd_vocabulary(args) -> int:
    print(to_markdown(), end="")
    return 0


def register(sub) -> None:
    """Add `lossclaims vocabulary` (prints the vocabulary page)."""
    p = sub.add_parser("vocabulary", help="print the packaged vocabulary as markdown")
    p.set_defaults(func=_cmd_vocabulary)
