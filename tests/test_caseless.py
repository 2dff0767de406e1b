"""Caseless patterns find exactly what their IGNORECASE originals find, only faster."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import importlib
import pkgutil

from lossclaims import extract as engine
from lossclaims.caseless import Caseless, Prefiltered, caseless, lower_pattern
from lossclaims.reading import default_articles_dir


def _extraction_patterns() -> dict[str, Caseless | Prefiltered]:
    found = {}
    for info in pkgutil.iter_modules(engine.__path__):
        module = importlib.import_module(f"{engine.__name__}.{info.name}")
        found.update({f"{info.name}.{name}": v for name, v in vars(module).items() if isinstance(v, (Caseless, Prefiltered))})
    lexicon = importlib.import_module(f"{engine.__name__}.lexicon")
    for space, prefix in ((vars(lexicon.lexicon()), "lex."), (vars(lexicon._dyn()), "dyn.")):
        found.update({prefix + name: v for name, v in space.items() if isinstance(v, (Caseless, Prefiltered))})
    return found


PATTERNS = _extraction_patterns()
SENTENCES = [s for p in sorted(default_articles_dir().glob("*.txt"))
             for s in re.split(r"(?<=[.!?])\s+|\n+", p.read_text(encoding="utf-8")) if s.strip()]


def _same(rx: Caseless | Prefiltered, text: str) -> None:
    ours = [(m.span(), m.group(), m.groups()) for m in rx.finditer(text)]
    theirs = [(m.span(), m.group(), m.groups()) for m in rx.original.finditer(text)]
    assert ours == theirs
    a, b = rx.search(text), rx.original.search(text)
    assert (a and (a.span(), a.group())) == (b and (b.span(), b.group()))
    a, b = rx.match(text), rx.original.match(text)
    assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_extraction_scans_with_caseless_patterns():
    assert len(PATTERNS) > 60  # module patterns, the vocabulary's and those built from it


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_each_pattern_finds_the_same_on_the_default_articles(name):
    rx = PATTERNS[name]
    for sentence in SENTENCES:
        _same(rx, sentence)
        _same(rx, sentence.upper())


WORDS = ["Russia", "UKRAINE", "killed", "Since", "February", "the", "General Staff", "over the past day",
         "tanks", "In Total", "İstanbul", "STRASSE", "ß", "K", "ſ", "said", "according to", "losses", "-", ",", ".",
         "1,020", "24", ":", "(", ")", "'s", "\u00a0",
         # the case-sensitive parts of `Prefiltered` patterns: capitals, named operations, local voices
         "Kursk", "kursk", "OMA", "oma", "Governor", "counteroffensive", "during", "start of", "and", "Zelensky"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from(sorted(PATTERNS)))
def test_same_matches_on_mixed_case_and_unusual_letters(words, name):
    _same(PATTERNS[name], " ".join(words))


def test_groups_read_the_original_letters_and_length_changes_fall_back():
    rx = caseless(re.compile(r"(?P<who>general\s+staff)", re.I))
    assert isinstance(rx, Caseless)
    assert rx.search("the GENERAL Staff said")["who"] == "GENERAL Staff"
    # "İ" lower-cases to two characters: positions would shift, so the original pattern runs
    text = "İ the General Staff"
    assert rx.search(text).span() == re.search(r"general\s+staff", text, re.I).span() == (6, 19)
    assert rx.sub(lambda m: "#" * len(m.group()), "Per General Staff.") == "Per #############."


def test_only_case_insensitive_patterns_change_and_escapes_keep_their_case():
    plain = re.compile(r"[A-Z]{2,4}")
    assert caseless(plain) is plain
    assert lower_pattern(r"\S\W\B\D (?P<Big>ABC)(?P=Big) \N{LATIN SMALL LETTER A}") == \
        r"\S\W\B\D (?P<Big>abc)(?P=Big) \N{LATIN SMALL LETTER A}"


def test_patterns_with_case_sensitive_parts_are_prefiltered_only_where_that_is_exact():
    assert sum(isinstance(rx, Prefiltered) for rx in PATTERNS.values()) >= 2  # the window and local-voice cues
    rx = caseless(re.compile(r"\bsince\s+the\s+(?-i:[A-Z])\w+\s+offensive", re.I))
    assert isinstance(rx, Prefiltered)
    assert rx.search("since the kursk offensive") is None
    assert rx.search("x SINCE THE Kursk offensive").span() == (2, 27)
    assert [m.span() for m in rx.finditer("since the Kursk offensive, since the Donbas offensive")] == [(0, 25), (27, 53)]
    # a case-sensitive part that a lower-cased text could fail where the original passes is left as it is
    for unsafe in (r"(?-i:[^A-Z])x", r"(?!(?-i:A))x", r"(?-i:\W)x", r"(?-i:[A-z])x", r"(?<!(?-i:A))b"):
        rx = re.compile(unsafe, re.I)
        assert caseless(rx) is rx


def test_needles_are_literals_every_match_contains():
    from lossclaims.caseless import _needles
    assert _needles(r"\bsince\s+(?:the\s+)?start", 0) == ("since",)  # the optional part gives none
    assert _needles(r"(?:killed|died)\b", 0) == ("died", "killed")
    assert _needles(r"(?:dead|a)\s+x", 0) is None  # a two-letter or shorter literal is not worth looking for
    assert _needles(r"(?i:Since)", 0) is None  # a part with flags of its own is not read
    assert _needles(r"(?:abc)?\d+", 0) is None
    rx = caseless(re.compile(r"\b(?:in\s+total|overall)\b", re.I))
    assert rx.needles == ("overall", "total")
    assert rx.search("IN TOTAL, 5") is not None and rx.search("in all, 5") is None
    assert [m.span() for m in rx.finditer("Overall, in  total")] == [(0, 7), (9, 18)]
