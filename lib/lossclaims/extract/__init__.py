"""The extraction engine: one article's text -> claim rows and mention rows (plain tuples).

The stages, in the order data flows (each a module):

1. `text`      normalise the text (same length, so offsets hold) and split lines, then sentences.
2. numbers     every number phrase with its value and form (`lossclaims.numbers`), once per article.
3. `tags`      per sentence, read once: source names, party words, period markers and other
               sentence-wide facts, and each figure's `Reading` (the words between its neighbours).
4. resolvers   one module per attribute, each a list of small named rules tried in order:
               `forms` (numbers that are not counts), `category`, `lists` (ranges, shared
               qualifiers), `qualifier`, `traps` (launched, rates, stocks, other wars ...),
               `measure`, `party`, `source`, `period`.
5. `state`     what carries from sentence to sentence: voices, speaker, list headers, the
               article's time frame, the last figure (for "of them", "the losses included").
6. `sentence`  runs the resolvers over one sentence's readings; `engine` runs the sentences
               of an article and turns readings into rows (one claim per distinct figure).

Grammar cues that are patterns, not words, live in `cues`; words live in the packaged vocabulary
table and are compiled once in `lexicon`. Names with a leading underscore are the package's own.
"""
from __future__ import annotations

from .engine import explain, extract
from .lexicon import BELLIGERENTS, MUNITIONS, Lexicon, lexicon
from .text import Sentence, split_sentences

__all__ = ["BELLIGERENTS", "MUNITIONS", "Lexicon", "Sentence", "explain", "extract", "lexicon", "split_sentences"]
