"""The extraction engine's public names, kept where earlier versions had them.

The engine itself is the package `lossclaims.extract`, one module per stage.

>>> from lossclaims.extraction import extract
>>> from lossclaims import Article
>>> [c[1:4] for c in extract(Article(id="a", text="Russia lost 12 tanks."))[0]]
[('russia', 'tanks', 'lost')]
"""
from __future__ import annotations

from .extract import BELLIGERENTS, MUNITIONS, Lexicon, Sentence, extract, lexicon, split_sentences

__all__ = ["BELLIGERENTS", "MUNITIONS", "Lexicon", "Sentence", "extract", "lexicon", "split_sentences"]
