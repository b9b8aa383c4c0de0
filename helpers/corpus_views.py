"""Corpus-level views for ``notebooks/05-corpus``: many articles side by side.

Every view takes the corpus either as a list of ``Analysis`` objects (``analyze()`` results), as
the output folder of ``analyze_corpus``/``presslens corpus`` (Parquet tables), as a
``CorpusResult`` or as a dict of tables:

- ``corpus_tables(corpus)``: the corpus tables (``articles``, ``quotes``, ``speakers``, ...).
- ``speakers_across(corpus)``: one row per speaker over all articles: quotes, articles, sources.
- ``speakers_by_source(corpus)``: quotes per speaker (rows) and source (columns).
- ``stance_over_time(corpus, freq="M")``: stance scores per 1,000 words by source, voice, period.
- ``merged_timeline(corpus)``: every article's timeline in one table, sorted by date.

>>> from helpers.analysis import analyze
>>> from helpers.article import article_from_text
>>> a = analyze(article_from_text('T\\n"We will stay," Mayor Ann Bell said on Monday.', id="a"))
>>> speakers_across([a])[["speaker", "quotes", "articles"]].values.tolist()
[['Ann Bell', 1, 1]]
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Union

import pandas as pd

from .analysis import Analysis
from .corpus import CORPUS_TABLES, CorpusResult, article_tables, load_corpus
from .corpus_store import _to_arrow

__all__ = ["corpus_tables", "speakers_across", "speakers_by_source", "stance_over_time", "merged_timeline"]

Corpus = Union[str, Path, CorpusResult, dict, Iterable[Analysis]]

SPEAKER_COLUMNS = ["speaker", "type", "quotes", "direct", "indirect", "mixed", "words", "articles",
                   "sources", "source_list", "first", "last"]
STANCE_COLUMNS = ["source", "period", "voice", "lexicon", "category", "label", "articles", "hits",
                  "words", "per_1000"]
UNKNOWN_SOURCE = "(unknown source)"


def corpus_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The corpus tables, whatever form the corpus comes in (each of ``CORPUS_TABLES`` present)."""
    if isinstance(corpus, (str, Path)):
        return load_corpus(corpus)
    if isinstance(corpus, CorpusResult):
        return corpus.tables if corpus.tables or corpus.out is None else load_corpus(corpus.out)
    if isinstance(corpus, dict):
        return corpus
    frames: dict[str, list[pd.DataFrame]] = {}
    for seq, analysis in enumerate(corpus):
        for name, df in article_tables(analysis, seq=seq).items():
            frames.setdefault(name, []).append(df)
    return {name: _to_arrow(pd.concat(frames[name], ignore_index=True)).to_pandas() if frames.get(name)
            else pd.DataFrame() for name in list(CORPUS_TABLES) + [n for n in frames if n not in CORPUS_TABLES]}


def _with_article_info(df: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the source (publisher), published date and title of each row's article."""
    info = articles[["seq", "source", "published", "title"]] if len(articles) else pd.DataFrame(
        columns=["seq", "source", "published", "title"])
    out = df.merge(info, on="seq", how="left", suffixes=("", "_article"))
    out["source"] = out["source"].fillna(UNKNOWN_SOURCE) if len(out) else out.get("source")
    out["published"] = pd.to_datetime(out["published"], errors="coerce")
    return out


def speakers_across(corpus: Corpus) -> pd.DataFrame:
    """One row per speaker over the corpus, sorted by quotes: speaker, type, quotes, direct,
    indirect, mixed, words, articles (how many quote them), sources (how many outlets),
    source_list, first and last publication date."""
    t = corpus_tables(corpus)
    sp = t.get("speakers", pd.DataFrame())
    if not len(sp):
        return pd.DataFrame(columns=SPEAKER_COLUMNS)
    sp = _with_article_info(sp, t.get("articles", pd.DataFrame()))
    counts = [c for c in ("quotes", "direct", "indirect", "mixed", "words") if c in sp.columns]
    g = sp.groupby("speaker", sort=False)
    out = g[counts].sum()
    out["type"] = g["type"].agg(lambda s: s.mode().iat[0] if len(s.mode()) else None)
    out["articles"] = g["seq"].nunique()
    out["sources"] = g["source"].nunique()
    out["source_list"] = g["source"].agg(lambda s: sorted(set(s)))
    out["first"] = g["published"].min()
    out["last"] = g["published"].max()
    out = out.reset_index().sort_values(["quotes", "articles", "speaker"], ascending=[False, False, True],
                                        kind="mergesort", ignore_index=True)
    return out[[c for c in SPEAKER_COLUMNS if c in out.columns]]


def speakers_by_source(corpus: Corpus, *, top: int | None = 20) -> pd.DataFrame:
    """Quotes per speaker (rows, the ``top`` most quoted) and source (columns)."""
    t = corpus_tables(corpus)
    sp = t.get("speakers", pd.DataFrame())
    if not len(sp):
        return pd.DataFrame()
    sp = _with_article_info(sp, t.get("articles", pd.DataFrame()))
    table = sp.pivot_table(index="speaker", columns="source", values="quotes", aggfunc="sum", fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="mergesort").index]
    return table.head(top) if top else table


def stance_over_time(corpus: Corpus, *, freq: str = "M", level: str = "voice") -> pd.DataFrame:
    """Stance scores per 1,000 words by source, period (``freq``: "D", "W", "M", "Y") and voice.

    Sums the per-article ``stance_scores`` rows of ``level`` ("voice": narrator, paraphrase,
    quoted; "article": all words) and divides the hits by the words of those voices. Articles
    without a publication date fall in period ``NaT``.
    """
    t = corpus_tables(corpus)
    sc = t.get("stance_scores", pd.DataFrame())
    if not len(sc):
        return pd.DataFrame(columns=STANCE_COLUMNS)
    sc = sc[sc["level"] == level] if "level" in sc.columns else sc
    sc = _with_article_info(sc, t.get("articles", pd.DataFrame()))
    sc["period"] = sc["published"].dt.to_period(freq)
    keys = ["source", "period", "voice", "lexicon", "category"]
    g = sc.groupby(keys, dropna=False, sort=True)
    out = g.agg(label=("label", "first"), articles=("seq", "nunique"), hits=("hits", "sum"),
                words=("words", "sum")).reset_index()
    out["per_1000"] = (1000 * out["hits"] / out["words"].where(out["words"] > 0)).round(3).fillna(0.0)
    return out[STANCE_COLUMNS]


def merged_timeline(corpus: Corpus) -> pd.DataFrame:
    """Every article's timeline rows in one table with the article's title, source and
    publication date, plus ``date`` (the calendar start of a DATE value such as 2022-02-24,
    2022-02 or 2022; NaT for times, durations and unresolved values), sorted by date."""
    t = corpus_tables(corpus)
    tl = t.get("timeline", pd.DataFrame())
    if not len(tl):
        return pd.DataFrame(columns=["date", "article", "source", "title", "published", "text", "type", "value"])
    tl = _with_article_info(tl, t.get("articles", pd.DataFrame()))
    tl.insert(0, "date", _value_dates(tl["value"]))
    return tl.sort_values(["date", "seq", "start"], kind="mergesort", na_position="last", ignore_index=True)


def _value_dates(values: pd.Series) -> pd.Series:
    """Calendar dates of TimeML values: 2022-02-24, 2022-02 and 2022 (first day); NaT otherwise.

    >>> _value_dates(pd.Series(["2022-02-24", "2022-02", "1999", "P3D", None])).dt.strftime("%Y-%m-%d").tolist()
    ['2022-02-24', '2022-02-01', '1999-01-01', nan, nan]
    """
    s = values.astype("string")
    day = pd.to_datetime(s.where(s.str.fullmatch(r"\d{4}-\d{2}-\d{2}")), format="%Y-%m-%d", errors="coerce")
    month = pd.to_datetime(s.where(s.str.fullmatch(r"\d{4}-\d{2}")), format="%Y-%m", errors="coerce")
    year = pd.to_datetime(s.where(s.str.fullmatch(r"\d{4}")), format="%Y", errors="coerce")
    return day.fillna(month).fillna(year)
