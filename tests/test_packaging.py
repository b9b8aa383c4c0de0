"""The project's set-up files agree with each other and with the design's layout."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_pyproject_and_environment_list_the_same_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {_name(r) for r in extra}
    wanted = {"distributed" if w == "dask" else w for w in wanted} | ({"dask"} if "dask" in wanted else set())
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "conda-forge" in env["channels"] and "-e ." in pip
    assert conda == wanted


def test_layout_and_entry_points():
    for path in ["notebooks", "helpers", "data/articles", "data/lexicons", "tests", "benchmarks",
                 "environment.yml", "pyproject.toml", "Makefile", "README.md", ".ci/run"]:
        assert (ROOT / path).exists(), path
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["presslens"] == "helpers.cli:main"
    assert (ROOT / "helpers" / "__main__.py").exists()


def test_makefile_is_self_documenting():
    text = (ROOT / "Makefile").read_text()
    for target in ("help", "report", "test", "lab", "clean"):
        assert re.search(rf"^{target}:.*## ", text, re.M), target
