"""The one entry point: ``analyze(article) -> Analysis``, shared by notebooks, CLI, report and corpus.

>>> a = analyze(article_from_text("Talks\\nThe talks resumed on Monday.", id="demo"))
>>> list(a.tables)[:2], len(a.sentences)
(['sentences', 'tokens'], 2)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Collection, Sequence

import pandas as pd

from .article import Article, article_from_text, load, parse_date
from .frames import Columns, Tables
from .speakers import speakers_step
from .stance import stance_step
from .quotes import quotes_step
from .timeline import timeline_step
from .text import Doc, tokenize

__all__ = ["Analysis", "analyze", "sentences_table", "tokens_table", "STEPS", "TABLES"]


@dataclass
class Analysis:
    """Everything presslens found in one article; every table is a pandas DataFrame."""

    article: Article
    doc: Doc
    published: dt.date | None
    tables: Tables = field(default_factory=Tables)
    options: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.tables, Tables):
            self.tables = Tables(self.tables)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def table(self, name: str) -> pd.DataFrame:
        """One table by name; raises ``KeyError`` listing the available ones."""
        if name not in self.tables:
            raise KeyError(f"no table {name!r}; available: {', '.join(self.tables)}")
        return self.tables[name]

    @property
    def word_count(self) -> int:
        return self.doc.word_count


SENTENCE_SCHEMA = {"article": "str", "sentence": "int64", "paragraph": "int64", "kind": "str", "boilerplate": "bool",
                   "start": "int64", "end": "int64", "tokens": "int64", "text": "str"}
TOKEN_SCHEMA = {"article": "str", "token": "int64", "text": "str", "start": "int64", "end": "int64",
                "sentence": "int64", "paragraph": "int64"}


def sentence_columns(doc: Doc) -> Columns:
    """The ``sentences`` table as columns (see ``sentences_table``)."""
    kinds = [p.kind for p in doc.paragraphs]
    text, aid = doc.text, doc.article.id
    return Columns.from_rows([
        (aid, s.i, s.paragraph, kinds[s.paragraph], kinds[s.paragraph] != "body",
         s.start, s.end, s.end_token - s.first_token, text[s.start : s.end])
        for s in doc.sentences
    ], SENTENCE_SCHEMA)


def token_columns(doc: Doc) -> Columns:
    """The ``tokens`` table as columns (see ``tokens_table``)."""
    aid = doc.article.id
    return Columns.from_rows([(aid, t.i, t.text, t.start, t.end, t.sentence, t.paragraph) for t in doc.tokens],
                             TOKEN_SCHEMA)


def sentences_table(doc: Doc) -> pd.DataFrame:
    """One row per sentence: article, sentence, paragraph, paragraph kind, span, text."""
    return sentence_columns(doc).to_frame()


def tokens_table(doc: Doc) -> pd.DataFrame:
    """One row per token: article, token index, text, span, sentence, paragraph."""
    return token_columns(doc).to_frame()


def analyze(
    article: Article | str | Path,
    *,
    lexicon: str | Path | Sequence[str | Path] | None = None,
    published: dt.date | str | None = None,
    steps: Collection[str] | None = None,
) -> Analysis:
    """Analyse one article (an ``Article``, or a path or URL to load).

    Args:
        article: the article, or where to load it from.
        lexicon: stance lexicon file(s); the bundled lexicons when None.
        published: publication date overriding the article's own (for relative dates).
        steps: names of the ``STEPS`` to run (all when None); the corpus runner leaves out
            "text" (the per-sentence and per-token tables).
    """
    art = article if isinstance(article, Article) else load(article)
    pub = parse_date(published) if published is not None else art.published
    result = Analysis(art, tokenize(art), pub, Tables(), {"lexicon": lexicon})
    for _name, step in STEPS:
        if steps is None or _name in steps:
            step(result)
    return result


# --------------------------------------------------------------------------------------------
# The pipeline: each step reads the Doc and earlier tables and adds its own tables. Steps are
# pure functions of (Doc, options); benchmarks/throughput.py times them one by one. Steps store
# ``helpers.frames.Columns``: a DataFrame is built when a table is first read (``Analysis.tables``),
# and later steps read earlier tables' columns without building one (``tables.raw``).


def _text_step(a: Analysis) -> None:
    a.tables["sentences"] = sentence_columns(a.doc)
    a.tables["tokens"] = token_columns(a.doc)


#: (name, step) in order; a step adds tables to ``Analysis.tables``.
STEPS: list[tuple[str, Callable[[Analysis], None]]] = [
    ("text", _text_step),
    ("quotes", quotes_step),
    ("speakers", speakers_step),
    ("stance", stance_step),
    ("timeline", timeline_step),
]

#: Tables the CLI can print, in order.
TABLES = ("sentences", "tokens", "quotes", "speakers", "stance", "stance_scores", "tone", "timeline")
