"""Extraction: one article's text -> claim rows and mention rows (plain tuples).

(placeholder while the parser is written)
"""
from __future__ import annotations

from .reading import Article


def extract(article: Article) -> tuple[list[tuple], list[tuple]]:
    """Claim rows and mention rows (tuples in the schema's column order) of one article."""
    return [], []
