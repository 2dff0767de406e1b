"""The vocabulary table: one source for the parser, the schema and the docs."""
from __future__ import annotations

from pathlib import Path

from lossclaims import vocabulary as vocab

ROOT = Path(__file__).resolve().parents[1]


def test_docs_page_is_generated_from_the_table() -> None:
    assert (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8") == vocab.to_markdown()


def test_taxonomy_matches_the_spec() -> None:
    spec = (ROOT / "docs" / "claims-spec.md").read_text(encoding="utf-8")
    for key, parent in vocab.taxonomy().items():
        assert f"`{key}`" in spec or f"| {key} |" in spec, key
        if parent:
            assert f"| {key} | {parent} |" in spec, (key, parent)


def test_every_key_of_the_table_is_a_known_value() -> None:
    for e in vocab.entries():
        if e.kind == "measure":
            assert e.key in vocab.PEOPLE_MEASURES, e
        elif e.kind == "qualifier":
            assert e.key in vocab.QUALIFIERS, e
        elif e.kind == "source":
            assert e.key in vocab.SOURCES, e
        elif e.kind == "period":
            assert e.key in vocab.PERIODS, e
        elif e.kind == "category":
            assert e.parent in ("",) + vocab.categories(), e
        elif e.kind == "date":
            assert e.key in vocab.DATE_ANCHORS, e
        elif e.kind == "context":
            assert e.key == "other_war", e


def test_no_phrase_is_listed_twice_for_different_keys() -> None:
    seen: dict[tuple[str, str], str] = {}
    for e in vocab.entries():
        if e.kind in ("category", "measure", "qualifier", "source", "party"):
            k = (e.kind, e.phrase.lower())
            assert seen.setdefault(k, e.key) == e.key, (e, seen[k])


def test_the_parser_reads_every_period_phrase_of_the_table_as_its_key() -> None:
    """The table is what the parser reads, not a list beside it: a figure next to each phrase takes its period."""
    from lossclaims.extraction import extract
    from lossclaims.reading import Article

    wrong = []
    for e in vocab.entries():
        if e.kind != "period":
            continue
        # (50 tanks: a day can cost that many; 500 could only be a running total)
        for text in (f"Russian forces lost 50 tanks {e.phrase}, the report said.",
                     f"{e.phrase[0].upper() + e.phrase[1:]}, Russian forces lost 50 tanks.",
                     f"Ukraine says Russia lost 500 troops {e.phrase}."):
            claims, _ = extract(Article(id="t", text=text))
            if [c[6] for c in claims] != [e.key]:
                wrong.append((text, [c[6] for c in claims]))
    assert not wrong, wrong


def test_a_row_with_an_unquoted_comma_is_a_clear_error() -> None:
    import pytest

    with pytest.raises(ValueError, match="line 2: 6 fields, expected 5"):
        vocab.parse_table("kind,key,phrase,parent,note\ncategory,artillery,artillery units,,pieces, not formations\n")
