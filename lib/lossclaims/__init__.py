"""lossclaims: read war-loss figures out of news articles into tidy, traceable pandas frames.

>>> from lossclaims import parse
>>> result = parse(default_articles_dir())      # doctest: +SKIP
>>> result.claims.head()                        # doctest: +SKIP
"""
from .pipeline import ParseResult, parse, write_frame
from .reading import Article, Problem, default_articles_dir, iter_articles

__all__ = [
    "Article", "ParseResult", "Problem", "default_articles_dir", "iter_articles",
    "parse", "write_frame",
]
__version__ = "0.1.0"
