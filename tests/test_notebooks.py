"""The notebooks as committed: outputs stripped, the cookbook skeleton, a ``parameters`` cell, and a
``python3`` kernel that is this environment's Python. (nbmake executes them: see pyproject.toml.)"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
ALL = sorted(NOTEBOOKS.glob("*.ipynb"))
OURS = ["01-load-and-tokenize.ipynb", "02-speakers.ipynb", "03-stance-keywords.ipynb",
        "04-timeline.ipynb", "05-compare-articles.ipynb"]
#: The ProjectPythia cookbook skeleton, in order (the content sections sit between Imports and Summary).
SKELETON = ["Overview", "Prerequisites", "Imports", "Summary", "What's next"]


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _headings(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    return [(len(m[1]), m[2].strip())
            for c in nb.cells if c.cell_type == "markdown"
            for m in re.finditer(r"^(#{1,6})\s+(.*)$", c.source, re.M)]


def test_all_notebooks_present():
    names = {p.name for p in ALL}
    assert set(OURS) <= names, f"missing: {sorted(set(OURS) - names)}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_outputs_stripped(path):
    nb = _read(path)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {i} has outputs: strip them before committing"
            assert cell.execution_count is None, f"{path.name} cell {i} has an execution count"
    assert "widgets" not in nb.metadata, f"{path.name} stores widget state: strip it"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_valid_and_python3_kernel(path):
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("name", OURS)
def test_skeleton(name):
    nb = _read(NOTEBOOKS / name)
    heads = _headings(nb)
    assert heads and heads[0][0] == 1, f"{name}: the first heading must be the '# Title'"
    assert sum(level == 1 for level, _ in heads) == 1, f"{name}: exactly one '# Title'"
    level2 = [text for level, text in heads if level == 2]
    positions = [level2.index(h) if h in level2 else -1 for h in SKELETON]
    assert -1 not in positions, f"{name}: missing sections {[h for h, p in zip(SKELETON, positions) if p < 0]}"
    assert positions == sorted(positions), f"{name}: sections out of order: {level2}"
    content = level2[positions[2] + 1 : positions[3]]
    assert content, f"{name}: no content sections between Imports and Summary"


@pytest.mark.parametrize("name", OURS)
def test_first_code_cell_is_parameters(name):
    nb = _read(NOTEBOOKS / name)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), f"{name}: tag the first code cell 'parameters'"
    assert all("parameters" not in c.metadata.get("tags", []) for c in code[1:])
    for var in ("article_path", "published", "lexicon_paths"):
        assert re.search(rf"^{var}\s*=", code[0].source, re.M), f"{name}: parameters cell lacks {var}"
    compile(code[0].source, name, "exec")


@pytest.mark.parametrize("name", OURS)
def test_logic_stays_in_helpers(name):
    """Cells call helpers and show results: no loops, function or class definitions in cells."""
    for cell in _read(NOTEBOOKS / name).cells:
        if cell.cell_type == "code":
            assert not re.search(r"^\s*(for|while|def|class)\b", cell.source, re.M), cell.source
            assert "sys.path" not in cell.source


def test_python3_kernel_is_this_environment():
    """nbmake and `jupyter lab` (both started from the venv) must run notebooks in the venv's Python:
    the kernel name ``python3`` resolves to this interpreter, not to a python3 elsewhere on PATH."""
    from jupyter_client.manager import KernelManager

    seen: list[str] = []
    km = KernelManager(kernel_name="python3")
    km.start_kernel()
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        reply = kc.execute_interactive(
            "import sys; print(sys.prefix)", timeout=60,
            output_hook=lambda msg: seen.append(msg["content"]["text"]) if msg["msg_type"] == "stream" else None,
        )
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)
    assert reply["content"]["status"] == "ok"
    assert "".join(seen).strip() == sys.prefix

