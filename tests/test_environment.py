"""The install files agree: environment.yml, pyproject.toml and the lock file."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_environment_yml_installs_the_project_on_the_same_python() -> None:
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    py = re.search(r"-\s*python\s*=\s*([\d.]+)", env).group(1)
    requires = _pyproject()["project"]["requires-python"]
    assert requires == f">={py}"
    extras = re.search(r"-e\s+\.\[([\w,]+)\]", env).group(1).split(",")
    assert set(extras) <= set(_pyproject()["project"]["optional-dependencies"])
    assert {"test", "dask"} <= set(extras)


def test_every_dependency_has_a_lower_bound() -> None:
    project = _pyproject()["project"]
    deps = project["dependencies"] + [d for ds in project["optional-dependencies"].values() for d in ds]
    assert all(">=" in d for d in deps), [d for d in deps if ">=" not in d]


def test_lock_pins_every_direct_dependency_within_its_bounds() -> None:
    from packaging.requirements import Requirement

    pins = dict(re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s]+)", (ROOT / "requirements.lock").read_text(), re.M))
    pins = {k.lower().replace("_", "-"): v for k, v in pins.items()}
    project = _pyproject()["project"]
    for dep in project["dependencies"] + project["optional-dependencies"]["test"] + project["optional-dependencies"]["dask"]:
        req = Requirement(dep)
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in requirements.lock"
        assert req.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} outside {req.specifier}"
