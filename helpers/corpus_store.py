"""Corpus output on disk: one folder of Parquet part files per table, written as results arrive.

Layout of ``out/``::

    out/articles/part-<run>-<n>.parquet   one row per analysed article
    out/errors/part-<run>-<n>.parquet     one row per input that failed (file, line, reason)
    out/quotes/..., out/speakers/..., ...  the per-article tables of ``analyze()``

A *flush* writes one part file per table, the ``articles`` part last; a part is written under a
temporary name and renamed, so a crash leaves at most one incomplete flush, which ``open_store``
removes on the next run (its articles are then redone). Every row carries ``seq``, the index of its
input in the input stream, so ``read_table`` returns rows in input order whatever the engine.

>>> import tempfile, pandas as pd
>>> with tempfile.TemporaryDirectory() as d:
...     w = CorpusWriter(d, tables=("articles", "errors"))
...     w.add({"articles": pd.DataFrame({"seq": [1, 0], "article": ["b", "a"]})})
...     w.flush()
...     list(read_table(d, "articles").article)
['a', 'b']
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path
from typing import Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["CorpusWriter", "read_table", "read_corpus", "done_keys", "article_key", "clean_incomplete"]

_PART = re.compile(r"^part-(?P<flush>[0-9a-f]+-\d+)\.parquet$")


def article_key(source_file: object, line: object, article: object) -> str:
    """The identity of one input article across runs: source file (made absolute, so ``data/x``
    and ``./data/x`` agree), line (or ''), article id."""
    line = "" if line is None or (isinstance(line, float) and line != line) else int(line)
    src = str(source_file or "")
    if src and "://" not in src:
        src = os.path.abspath(src)
    return f"{src}\x1f{line}\x1f{article}"


def _to_arrow(df: pd.DataFrame) -> pa.Table:
    """A DataFrame as an Arrow table; object columns Arrow cannot type become strings."""
    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        df = df.copy()
        for col in df.columns:
            try:
                pa.array(df[col], from_pandas=True)
            except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
                df[col] = [None if v is None else str(v) for v in df[col]]
        return pa.Table.from_pandas(df, preserve_index=False)


class CorpusWriter:
    """Buffers per-batch tables and writes them to ``out/<table>/`` in part files.

    Args:
        out: the output folder (created).
        tables: the tables always written (an empty part when no rows), ``articles`` among them.
        flush_rows: write a part once this many rows are buffered (memory stays bounded).
    """

    def __init__(self, out: str | Path, *, tables: Iterable[str], flush_rows: int = 100_000) -> None:
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.tables = list(tables)
        self.flush_rows = flush_rows
        self.run = uuid.uuid4().hex[:12]
        self.parts = 0
        self._buffer: dict[str, list[pd.DataFrame]] = {}
        self._rows = 0

    def add(self, frames: dict[str, pd.DataFrame]) -> None:
        """Buffer some rows; writes a part when the buffer is full."""
        for name, df in frames.items():
            if df is not None and len(df):
                self._buffer.setdefault(name, []).append(df)
                self._rows += len(df)
        if self._rows >= self.flush_rows:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows: one part file per table, ``articles`` last."""
        if not self._buffer:
            return
        flush_id = f"{self.run}-{self.parts:06d}"
        names = [n for n in self._buffer if n != "articles"] + (["articles"] if "articles" in self._buffer else [])
        for name in names:
            df = pd.concat(self._buffer[name], ignore_index=True)
            folder = self.out / name
            folder.mkdir(exist_ok=True)
            tmp = folder / f".tmp-{flush_id}.parquet"
            pq.write_table(_to_arrow(df), tmp)
            os.replace(tmp, folder / f"part-{flush_id}.parquet")
        self.parts += 1
        self._buffer.clear()
        self._rows = 0

    def close(self) -> None:
        """Flush what is left and make sure every table has a folder."""
        self.flush()
        for name in self.tables:
            (self.out / name).mkdir(exist_ok=True)


def _parts(out: Path, name: str) -> list[Path]:
    folder = out / name
    return sorted(p for p in folder.glob("part-*.parquet")) if folder.is_dir() else []


def clean_incomplete(out: str | Path) -> int:
    """Remove temporary files and the parts of flushes whose ``articles`` part is missing.

    Returns the number of files removed.
    """
    out = Path(out)
    if not out.is_dir():
        return 0
    complete = {m["flush"] for p in _parts(out, "articles") if (m := _PART.match(p.name))}
    removed = 0
    for folder in (f for f in out.iterdir() if f.is_dir()):
        for p in folder.iterdir():
            m = _PART.match(p.name)
            if p.name.startswith(".tmp-") or (m and folder.name != "articles" and m["flush"] not in complete):
                p.unlink()
                removed += 1
    return removed


def done_keys(out: str | Path) -> set[str]:
    """The ``article_key`` of every article already in ``out/articles``."""
    keys: set[str] = set()
    for p in _parts(Path(out), "articles"):
        t = pq.read_table(p, columns=["source_file", "line", "article"]).to_pydict()
        keys.update(article_key(f, ln, a) for f, ln, a in zip(t["source_file"], t["line"], t["article"]))
    return keys


def read_table(out: str | Path, name: str, *, columns: list[str] | None = None) -> pd.DataFrame:
    """One corpus table from ``out/`` as a DataFrame, rows in input order (empty when absent)."""
    frames = [pq.read_table(p, columns=columns).to_pandas() for p in _parts(Path(out), name)]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=columns or [])
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if "seq" in df.columns:
        df = df.sort_values("seq", kind="mergesort", ignore_index=True)
    return df


def read_corpus(out: str | Path, tables: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Every table in ``out/`` (or those named) as DataFrames."""
    out = Path(out)
    if tables is None:
        tables = sorted(p.name for p in out.iterdir() if p.is_dir()) if out.is_dir() else []
    return {name: read_table(out, name) for name in tables}
