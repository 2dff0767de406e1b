"""lossclaims: read war-loss figures out of news articles into tidy, traceable pandas frames.

>>> from lossclaims import parse
>>> result = parse(default_articles_dir())      # doctest: +SKIP
>>> result.claims.head()                        # doctest: +SKIP

The names below are loaded on first use, so that `import lossclaims` (and the command line's
start) does not load the parser and pandas before they are needed.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "ParseResult": "pipeline", "parse": "pipeline", "write_frame": "pipeline",
    "Article": "reading", "Problem": "reading", "default_articles_dir": "reading", "iter_articles": "reading",
}

if TYPE_CHECKING:
    from .pipeline import ParseResult, parse, write_frame
    from .reading import Article, Problem, default_articles_dir, iter_articles

__all__ = [
    "Article", "ParseResult", "Problem", "default_articles_dir", "iter_articles",
    "parse", "write_frame",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import an exported name's module when the name is first read (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
