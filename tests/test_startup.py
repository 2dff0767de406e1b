"""A fast start: `lossclaims --help` and `import lossclaims` load none of the heavy libraries; every export still resolves."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import lossclaims

HEAVY = ("pandas", "numpy", "pyarrow", "pandera", "matplotlib", "papermill", "trafilatura", "nbformat", "diskcache")


def modules_loaded_by(code: str) -> set[str]:
    """Top-level modules a fresh interpreter has run after `code` (a module set to load on first use has not run)."""
    probe = code + (
        "\nimport json, sys\n"  # type(), unlike .__class__, does not make a lazy module load
        "print(json.dumps(sorted({n.split('.')[0] for n, m in list(sys.modules.items())"
        " if type(m).__name__ != '_LazyModule'})))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_help_of_every_command_loads_no_heavy_library() -> None:
    code = (
        "import contextlib, io\n"
        "from lossclaims.cli import build_parser\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        build_parser().parse_args(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    assert modules_loaded_by(code).isdisjoint(HEAVY)


def test_importing_the_package_loads_neither_the_parser_nor_pandas() -> None:
    loaded = modules_loaded_by("import lossclaims")
    assert loaded.isdisjoint(HEAVY)
    assert "text_to_num" not in loaded


@pytest.mark.parametrize("name", lossclaims.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    value = getattr(lossclaims, name)
    module = {"Article": "reading", "Problem": "reading", "default_articles_dir": "reading",
              "iter_articles": "reading"}.get(name, "pipeline")
    assert value is getattr(__import__(f"lossclaims.{module}", fromlist=[name]), name)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'parze'"):
        lossclaims.parze  # noqa: B018


def test_the_lazily_loaded_pandas_is_the_real_one() -> None:
    import pandas

    from lossclaims import pipeline, reconcile

    assert pipeline.pd.DataFrame is pandas.DataFrame and reconcile.np.ndarray is __import__("numpy").ndarray


def test_parsing_one_undated_file_to_csv_loads_neither_pandas_nor_pandera(tmp_path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("Russia has lost 10,980 tanks and 1,020,010 troops, Ukraine's General Staff said.\n",
                       encoding="utf-8")
    out = tmp_path / "claims.csv"
    code = (
        "import contextlib, io\n"
        "from lossclaims.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['parse', {str(article)!r}, '--out', {str(out)!r}, '--no-cache', '--jobs', '1'])\n"
    )
    loaded = modules_loaded_by(code)
    assert loaded.isdisjoint({"pandas", "pandera", "matplotlib", "papermill", "diskcache"})
    from lossclaims import parse

    claims = parse([article], cache=False).claims
    assert set(claims["date_basis"]) == {"reference"}  # the series was read, without pandas
    assert out.read_text(encoding="utf-8") == claims.to_csv(index=False)
