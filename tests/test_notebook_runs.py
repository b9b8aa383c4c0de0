"""Every walk-through notebook runs top to bottom, through papermill, on every bundled article and
on a new article dropped into the articles folder (nbmake already runs them on the seed article)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ARTICLES, ROOT, SEED

papermill = pytest.importorskip("papermill")

NOTEBOOKS = ["01-load-and-tokenize", "02-speakers", "03-stance-keywords", "04-timeline"]

#: A new article as a user would drop it in: no front matter, no publication date, a quote whose
#: closing mark is missing, markup in the text. Fictional (invented people and places).
DROPPED = """Ferry service to Hollin Island suspended after storm
Ferries between Port Ardley and Hollin Island were suspended on Tuesday after a storm damaged the
harbour wall, the island council said.
"We expect to reopen the route by the weekend, council chair Ida Brenn told reporters.
She added that supplies would be flown in <b>if needed</b> and that the school would stay open.
"""


@pytest.fixture(scope="module")
def articles_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for f in ARTICLES.iterdir():
        shutil.copy(f, folder / f.name)
    (folder / "ferry-storm-hollin.txt").write_text(DROPPED, encoding="utf-8")
    return folder


def _article_names() -> list[str]:
    return sorted(f.name for f in ARTICLES.iterdir() if f != SEED) + ["ferry-storm-hollin.txt"]


@pytest.mark.parametrize("article", _article_names())
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_on_article(notebook, article, articles_dir, tmp_path):
    out = tmp_path / f"{notebook}.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / f"{notebook}.ipynb"),
        str(out),
        parameters={"articles_dir": str(articles_dir), "article_path": str(articles_dir / article)},
        cwd=str(ROOT / "notebooks"),
        kernel_name="python3",
        progress_bar=False,
    )
    assert out.exists()


def test_compare_notebook_includes_the_dropped_article(articles_dir, tmp_path):
    out = tmp_path / "05.ipynb"
    nb = papermill.execute_notebook(
        str(ROOT / "notebooks" / "05-compare-articles.ipynb"),
        str(out),
        parameters={"articles_dir": str(articles_dir)},
        cwd=str(ROOT / "notebooks"),
        kernel_name="python3",
        progress_bar=False,
    )
    text = "".join(
        str(o.get("data", {}).get("text/html", "")) + str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", ""))
        for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )
    assert "Ferry service to Hollin Island" in text or "ferry-storm-hollin" in text
