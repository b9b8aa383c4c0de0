"""Notebook 05's comparison of several articles: analyse a folder, then views over the analyses.

The corpus-level tables come from ``helpers.corpus_views`` (the same code ``presslens corpus``
output is read with); this module adds the per-article views and the explorer widget.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Sequence

import ipywidgets as w
import pandas as pd

from . import explore
from .analysis import Analysis, analyze
from .article import ArticleError
from .widgets import Explorer, _html, as_image

__all__ = ["analyze_articles", "quoted_by_article", "stance_by_article", "merged_timeline",
           "merged_timeline_chart", "articles_table", "COMPARE_VIEWS", "compare_html", "compare_explorer"]


def analyze_articles(folder: str | Path, *, published: dt.date | str | None = None,
                     lexicon: Sequence[str | Path] | None = None, progress: bool = True) -> list[Analysis]:
    """Analyse every article in ``folder`` (a progress bar while it runs); unreadable files are skipped
    with a warning naming them."""
    import warnings

    from tqdm.auto import tqdm

    paths = explore.list_articles(folder)
    out: list[Analysis] = []
    for path in tqdm(paths, desc="analysing", unit="article", disable=not progress):
        try:
            out.append(analyze(path, published=published, lexicon=lexicon))
        except ArticleError as exc:
            warnings.warn(f"skipped {exc}", stacklevel=2)
    return out


def quoted_by_article(analyses: Sequence[Analysis], *, top: int = 5) -> pd.DataFrame:
    """The ``top`` most quoted speakers of each article with their quote counts by kind."""
    from .corpus_views import corpus_tables

    speakers = corpus_tables(analyses).get("speakers")
    if speakers is None or speakers.empty:
        return pd.DataFrame(columns=["article", "speaker"])
    cols = [c for c in ("article", "speaker", "type", "quotes", "direct", "indirect", "mixed", "words")
            if c in speakers.columns]
    return speakers[cols].groupby("article", sort=False).head(top).reset_index(drop=True)


def stance_by_article(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """Stance scores per 1,000 words, one row per article and voice, one column per category."""
    from .corpus_views import corpus_tables

    scores = corpus_tables(analyses).get("stance_scores")
    if scores is None or scores.empty:
        return pd.DataFrame(columns=["article", "voice"])
    rows = scores[scores["level"] == "voice"] if "level" in scores.columns else scores
    table = rows.pivot_table(index=["article", "voice"], columns="category", values="per_1000",
                             aggfunc="sum", fill_value=0)
    return table.round(2).reset_index().rename_axis(columns=None)


def merged_timeline(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """Every article's timeline in one table, by date (``helpers.corpus_views.merged_timeline``)."""
    from .corpus_views import merged_timeline as merged

    return merged(analyses)


def merged_timeline_chart(analyses: Sequence[Analysis]):
    """The merged timeline drawn by ``charts.timeline_chart``, as an image."""
    from . import charts

    return as_image(charts.timeline_chart(merged_timeline(analyses), title="All articles"))


def articles_table(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per article: id, title, publication date, words, quotes, speakers, timeline rows."""
    def n(a: Analysis, name: str) -> int:
        return len(a.tables[name]) if name in a.tables else 0

    return pd.DataFrame(
        [(a.article.id, a.article.title, a.published, a.word_count, n(a, "quotes"), n(a, "speakers"),
          n(a, "timeline")) for a in analyses],
        columns=["article", "title", "published", "words", "quotes", "speakers", "timeline"],
    )


#: The views of the comparison explorer: label -> function of a list of analyses.
COMPARE_VIEWS = {
    "who is quoted": quoted_by_article,
    "stance by voice": stance_by_article,
    "timeline": merged_timeline,
    "articles": articles_table,
}


def compare_html(analyses: Sequence[Analysis], view: str, articles: Sequence[str] | None = None) -> str:
    """One comparison view (a key of ``COMPARE_VIEWS``) over the chosen articles, as escaped HTML."""
    chosen = [a for a in analyses if articles is None or a.article.id in set(articles)]
    return explore.table_html(COMPARE_VIEWS[view](chosen), max_rows=200)


def compare_explorer(analyses: Sequence[Analysis], *, view: str = "who is quoted") -> Explorer:
    """Pick articles (all at first) and a view: who is quoted, stance by voice, merged timeline."""
    ids = [a.article.id for a in analyses]
    pick = w.SelectMultiple(options=ids, value=ids, description="Articles", rows=min(8, max(2, len(ids))))
    which = w.ToggleButtons(options=list(COMPARE_VIEWS), value=view)
    out = _html(css="presslens-compare")

    def refresh(*_):
        out.value = compare_html(analyses, which.value, list(pick.value))

    pick.observe(refresh, "value")
    which.observe(refresh, "value")
    refresh()
    return Explorer(w.VBox([w.HBox([pick, which]), out]), {"articles": pick, "view": which}, {"table": out})
