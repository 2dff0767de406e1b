"""Every example in the library's docstrings runs and gives what it shows."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import lossclaims

# walk_packages: the extraction engine's stage modules (lossclaims.extract.*) too
MODULES = sorted(m.name for m in pkgutil.walk_packages(lossclaims.__path__, "lossclaims.") if m.name != "lossclaims.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"


def test_the_modules_with_public_functions_have_examples() -> None:
    """The house rule: public functions show their use; these modules carry theirs as docstring examples."""
    finder = doctest.DocTestFinder()
    counts = {name: sum(len(t.examples) for t in finder.find(importlib.import_module(name))) for name in MODULES}
    for name in ("lossclaims.numbers", "lossclaims.extraction", "lossclaims.caseless", "lossclaims.reading",
                 "lossclaims.spread", "lossclaims.analysis", "lossclaims.plots", "lossclaims.reports"):
        assert counts[name] > 0, f"{name} shows no example"
