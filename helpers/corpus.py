"""Run ``analyze()`` over a corpus: lazily, in parallel (processes or Dask), in flat memory.

``analyze_corpus(inputs, out=...)`` streams articles from files, folders, globs, ``.jsonl`` and
``.csv`` files, analyses them in batches on a process pool (``engine="local"``) or a Dask cluster
(``engine="dask"``), and writes the tables as Parquet part files as results arrive (see
``helpers.corpus_store``). Corpus tables (``CORPUS_TABLES``): ``articles`` (one row per article),
``errors`` (one row per failed input: file, line, reason) and every table ``analyze()`` makes except
the per-token/per-sentence ones; every row carries ``article``, ``source_file`` and ``seq`` (input
index). Rows in ``articles`` plus rows in ``errors`` equal the inputs. A rerun into the same folder
skips the articles already there. Views for notebooks: ``helpers.corpus_views``.

>>> from helpers.article import Article
>>> arts = [Article(id="a1", title="T", text="T\\nThe talks resumed on Monday.", path="a1.txt")]
>>> result = analyze_corpus(arts, progress=False, workers=1)
>>> result.articles, result.errors, list(result.tables["articles"].article)
(1, 0, ['a1'])
"""

from __future__ import annotations

import datetime as dt
import gc
import glob
import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import pandas as pd

from . import article as _article
from .analysis import Analysis, analyze
from .article import Article, ArticleError
from .frames import Columns, as_columns
from .corpus_engines import dask_client, run_dask, run_local
from .corpus_store import CorpusWriter, _to_arrow, article_key, clean_incomplete, done_keys, read_table

__all__ = [
    "CORPUS_TABLES",
    "SKIP_TABLES",
    "CorpusResult",
    "iter_articles",
    "analyze_corpus",
    "article_tables",
    "batch_tables",
    "load_corpus",
]

#: Tables every corpus output holds (empty when the step that makes one is absent).
CORPUS_TABLES = ("articles", "quotes", "speakers", "stance", "stance_scores", "tone", "timeline", "errors")
#: ``analyze()`` tables left out of corpus output (one row per token or sentence: too big).
SKIP_TABLES = frozenset({"sentences", "tokens"})
#: Steps the corpus runner leaves out (they only make the per-sentence and per-token tables).
CORPUS_SKIP_STEPS = frozenset({"text"})
#: Columns of the ``articles`` and ``errors`` tables.
ARTICLE_COLUMNS = ("seq", "article", "source_file", "line", "title", "published", "source", "url",
                   "words", "sentences", "paragraphs", "quotes", "speakers", "stance", "timeline")
ERROR_COLUMNS = ("seq", "source_file", "line", "article", "stage", "reason")

_GLOB_CHARS = set("*?[")


@dataclass
class CorpusResult:
    """What a corpus run did; ``tables`` holds the DataFrames when no ``out`` folder was given."""

    articles: int = 0
    words: int = 0
    quotes: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    out: Path | None = None
    engine: str = "local"
    workers: int = 1
    tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def inputs(self) -> int:
        """Inputs seen: analysed now + failed + skipped (already done)."""
        return self.articles + self.errors + self.skipped

    def summary(self) -> str:
        """One closing line for the command line."""
        skipped = f", skipped {self.skipped:,} already done" if self.skipped else ""
        return (f"{self.articles:,} articles, {self.words:,} words, {self.quotes:,} quotes, "
                f"{self.errors:,} errors{skipped}; {self.seconds:.1f} s, "
                f"{self.words_per_second:,.0f} words/s ({self.engine}, {self.workers} workers)")


# --------------------------------------------------------------------------------------------
# input


def iter_articles(inputs: str | Path | Iterable[str | Path]) -> Iterator[Article | ArticleError]:
    """Stream articles from files, folders, globs (``data/**/*.jsonl``), ``.jsonl``/``.csv`` and URLs.

    Lazy: one input at a time, line by line in JSON Lines and CSV files. Yields an ``ArticleError``
    for each input, line or row that fails, and for a glob that matches nothing.

    >>> [str(x) for x in iter_articles("no/such/*.txt")]
    ['no/such/*.txt: no files match the pattern']
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        s = str(item)
        if _GLOB_CHARS & set(s) and not os.path.lexists(s) and "://" not in s:
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                yield ArticleError(s, "no files match the pattern")
            for m in matches:
                yield from _article.iter_articles([m])
        else:
            yield from _article.iter_articles([item])


# --------------------------------------------------------------------------------------------
# one article -> rows


def article_tables(result: Analysis, *, seq: int = 0, source_file: str | None = None) -> dict[str, pd.DataFrame]:
    """The corpus rows of one analysed article: its ``articles`` row and its other tables, each row
    with ``seq``, ``article`` and ``source_file``.

    >>> from helpers.analysis import analyze
    >>> from helpers.article import article_from_text
    >>> t = article_tables(analyze(article_from_text("T\\nIt rained.", id="x")), source_file="x.txt")
    >>> t["articles"][["article", "source_file", "words", "sentences"]].values.tolist()
    [['x', 'x.txt', 3, 2]]
    """
    return batch_tables([(seq, result, source_file)])


def batch_tables(results: Sequence[tuple[int, Analysis, str | None]]) -> dict[str, pd.DataFrame]:
    """The corpus rows of several analysed articles ``(seq, analysis, source_file)``: one
    DataFrame per table (columns ``seq``, ``article``, ``source_file`` first), built in one go from
    the articles' columns (``helpers.frames``), so a batch costs one DataFrame per table."""
    parts: dict[str, list[Columns]] = {}
    rows = []
    for seq, result, source_file in results:
        art = result.article
        src = source_file if source_file is not None else (art.path or "")
        for name in result.tables:
            table = result.tables.raw(name)
            if name in SKIP_TABLES or table is None or not len(table):
                continue
            cols = as_columns(table)
            n = len(cols)
            article = cols.column("article") if "article" in cols else [art.id] * n
            front = Columns({"seq": [seq] * n, "article": article, "source_file": [src] * n},
                            {"seq": "int64", "article": "str", "source_file": "str"})
            for c in cols.columns:
                if c not in ("seq", "article", "source_file"):
                    front.set(c, cols.column(c), cols.schema[c])
            parts.setdefault(name, []).append(front)
        line = art.meta.get("line")
        row = {
            "seq": seq, "article": art.id, "source_file": src, "line": line if isinstance(line, int) else None,
            "title": art.title, "published": result.published.isoformat() if result.published else None,
            "source": art.source, "url": art.url, "words": result.word_count,
            "sentences": len(result.doc.sentences), "paragraphs": len(result.doc.paragraphs),
        }
        for name in ("quotes", "speakers", "stance", "timeline"):
            row[name] = result.tables.rows(name)
        rows.append(row)
    out: dict[str, pd.DataFrame] = {}
    for name, items in parts.items():
        if len({tuple(c.columns) for c in items}) == 1:
            out[name] = Columns.concat(items).to_frame()
        else:  # tables someone stored with other columns: let pandas align them
            out[name] = pd.concat([c.to_frame() for c in items], ignore_index=True)
    out["articles"] = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    return out


def _error_row(seq: int, err: ArticleError, *, article: str | None = None, stage: str = "load") -> dict[str, Any]:
    return {"seq": seq, "source_file": err.path or "", "line": err.line, "article": article,
            "stage": stage, "reason": err.reason}


#: The garbage collector's first-generation threshold while a batch is analysed. The pipeline
#: allocates millions of small objects and frees them by reference counting; with Python's default
#: (700) the collector walks the live heap over and over for nothing (7% of the run time).
BATCH_GC_THRESHOLD = 50_000
_gc_lock = threading.Lock()
_gc_depth = 0
_gc_saved: tuple[int, ...] = ()


@contextmanager
def _fewer_gc_passes() -> Iterator[None]:
    """Raise the collector's first threshold for the duration (nested and thread-safe); restore it."""
    global _gc_depth, _gc_saved
    with _gc_lock:
        if _gc_depth == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(max(_gc_saved[0], BATCH_GC_THRESHOLD), *_gc_saved[1:])
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0:
                gc.set_threshold(*_gc_saved)


def _analyze_batch(batch: list[tuple[int, Article]], options: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Analyse a batch of (seq, Article); one concatenated DataFrame per table (runs in workers)."""
    with _fewer_gc_passes():
        return _analyze_batch_now(batch, options)


def _analyze_batch_now(batch: list[tuple[int, Article]], options: dict[str, Any]) -> dict[str, pd.DataFrame]:
    from .analysis import STEPS

    steps = [name for name, _ in STEPS if name not in CORPUS_SKIP_STEPS]
    results = []
    errors = []
    for seq, art in batch:
        try:
            results.append((seq, analyze(art, steps=steps, **options), None))
        except Exception as exc:  # one odd article must not lose the batch
            line = art.meta.get("line")
            err = ArticleError(art.path or art.id, f"analysis failed: {type(exc).__name__}: {exc}",
                               line=line if isinstance(line, int) else None)
            errors.append(_error_row(seq, err, article=art.id, stage="analyze"))
    out = batch_tables(results) if results else {}
    if errors:
        out["errors"] = pd.DataFrame(errors, columns=list(ERROR_COLUMNS))
    return out


# --------------------------------------------------------------------------------------------
# batching and engines


def _batches(
    items: Iterable[Article | ArticleError], *, size: int, skip: set[str], counts: dict[str, int],
) -> Iterator[tuple[list[tuple[int, Article]], list[dict[str, Any]]]]:
    """Group the input stream into (articles batch, load-error rows); skipped articles are counted."""
    batch: list[tuple[int, Article]] = []
    errors: list[dict[str, Any]] = []
    for seq, item in enumerate(items):
        if isinstance(item, ArticleError):
            errors.append(_error_row(seq, item))
        elif skip and article_key(item.path or "", item.meta.get("line"), item.id) in skip:
            counts["skipped"] += 1
        else:
            batch.append((seq, item))
        if len(batch) >= size or len(errors) >= size:
            yield batch, errors
            batch, errors = [], []
    if batch or errors:
        yield batch, errors


def analyze_corpus(
    inputs: str | Path | Iterable[str | Path | Article],
    *,
    out: str | Path | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    batch_size: int = 16,
    progress: bool = True,
    lexicon: str | Path | Sequence[str | Path] | None = None,
    published: dt.date | str | None = None,
    resume: bool = True,
) -> CorpusResult:
    """Analyse every article in ``inputs``; write the tables to ``out/`` or return them.

    Args:
        inputs: paths, folders, globs, URLs, or ``Article`` objects (or a mix).
        out: output folder for Parquet tables; None keeps the tables in ``CorpusResult.tables``.
        engine: ``"local"`` (process pool) or ``"dask"`` (``dask.bag`` on a ``distributed`` cluster).
        workers: processes (local) or workers of the local Dask cluster; the core count when None.
        scheduler: address of a running Dask scheduler (``tcp://host:8786``) instead of a local one.
        client: an existing ``distributed.Client`` (wins over ``scheduler``).
        batch_size: articles sent to a worker at a time.
        progress: show a tqdm progress bar (notebook-aware).
        lexicon, published: passed to ``analyze()``.
        resume: skip the articles already in ``out/articles``.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    workers = max(1, workers or os.cpu_count() or 1)
    options = {"lexicon": lexicon, "published": published}
    start = time.perf_counter()
    result = CorpusResult(out=Path(out) if out is not None else None, engine=engine, workers=workers)
    skip: set[str] = set()
    if out is not None:
        clean_incomplete(out)
        errors_dir = Path(out) / "errors"
        if errors_dir.is_dir():  # failed inputs are retried and re-reported on every run
            for p in errors_dir.glob("*.parquet"):
                p.unlink()
        skip = done_keys(out) if resume else set()
        writer: Any = CorpusWriter(out, tables=CORPUS_TABLES)
    else:
        writer = _MemoryWriter()
    counts = {"skipped": 0}
    stream = _mixed_inputs(inputs)
    batches = _batches(stream, size=batch_size, skip=skip, counts=counts)
    bar = _progress_bar(progress)
    owned = None
    seen_skipped = 0
    try:
        if engine == "dask":
            if client is None:
                client, owned = dask_client(scheduler, workers)
                owned = (client, owned)
            results = run_dask(_analyze_batch, batches, options, workers, client)
        else:
            results = run_local(_analyze_batch, batches, options, workers)
        for frames, load_errors in results:
            if load_errors:
                frames = dict(frames)
                extra = pd.DataFrame(load_errors, columns=list(ERROR_COLUMNS))
                frames["errors"] = pd.concat([frames["errors"], extra]) if "errors" in frames else extra
            arts = frames.get("articles")
            n_articles = 0 if arts is None else len(arts)
            n_errors = len(frames.get("errors", ()))
            result.articles += n_articles
            result.errors += n_errors
            if arts is not None and n_articles:
                result.words += int(arts["words"].sum())
                result.quotes += int(arts["quotes"].sum())
            writer.add(frames)
            if bar is not None:
                bar.update(n_articles + n_errors + counts["skipped"] - seen_skipped)
                seen_skipped = counts["skipped"]
                bar.set_postfix(words=f"{result.words:,}", errors=result.errors, refresh=False)
    except BaseException:  # Ctrl-C or a crash: keep what is done, so a rerun resumes after it
        try:
            writer.close()
        except Exception:
            pass
        raise
    else:
        writer.close()
    finally:
        if bar is not None:
            bar.close()
        if owned is not None:
            owned[0].close()
            if owned[1] is not None:
                owned[1].close()
    result.skipped = counts["skipped"]
    result.seconds = time.perf_counter() - start
    if out is None:
        result.tables = writer.tables()
    return result


def _mixed_inputs(inputs) -> Iterator[Article | ArticleError]:
    """``iter_articles`` over paths, passing ``Article`` objects through as they come."""
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    for item in inputs:
        if isinstance(item, (Article, ArticleError)):
            yield item
        else:
            yield from iter_articles([item])


def _progress_bar(progress: bool):
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(unit=" inputs", desc="presslens corpus", dynamic_ncols=True)


class _MemoryWriter:
    """Collects the tables in memory (``analyze_corpus`` without ``out``)."""

    def __init__(self) -> None:
        self._frames: dict[str, list[pd.DataFrame]] = {}

    def add(self, frames: dict[str, pd.DataFrame]) -> None:
        for name, df in frames.items():
            if df is not None and len(df):
                self._frames.setdefault(name, []).append(df)

    def close(self) -> None:
        pass

    def tables(self) -> dict[str, pd.DataFrame]:
        out = {}
        for name in list(CORPUS_TABLES) + [n for n in self._frames if n not in CORPUS_TABLES]:
            dfs = self._frames.get(name, [])
            df = pd.concat(dfs, ignore_index=True) if dfs else pd.DataFrame(
                columns=list(ARTICLE_COLUMNS if name == "articles" else ERROR_COLUMNS if name == "errors" else ()))
            if "seq" in df.columns and len(df):
                df = df.sort_values("seq", kind="mergesort", ignore_index=True)
            out[name] = _to_arrow(df).to_pandas() if len(df) else df  # same dtypes as read from Parquet
        return out


def load_corpus(out: str | Path) -> dict[str, pd.DataFrame]:
    """The corpus tables in ``out/`` (every one of ``CORPUS_TABLES``, empty when absent)."""
    out = Path(out)
    names = list(CORPUS_TABLES) + sorted(
        p.name for p in out.iterdir() if p.is_dir() and p.name not in CORPUS_TABLES) if out.is_dir() else []
    return {name: read_table(out, name) for name in names}
