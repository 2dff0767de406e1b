"""Modules loaded on first use, so that `lossclaims --help` and `import lossclaims` do not load pandas.

This is the standard library's recipe (`importlib.util.LazyLoader`): the module object exists at
once, and its code runs when one of its attributes is first read.
"""
from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module `name`, whose code runs when one of its attributes is first read (now if already imported).

    >>> shlex = lazy_module("shlex")
    >>> shlex.quote("two words")
    "'two words'"
    """
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
