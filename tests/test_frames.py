"""helpers.frames: tables kept as columns until read, same dtypes with or without rows, and the
corpus runner's batch tables equal to the articles' own tables."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import TABLES, analyze
from helpers.article import article_from_text
from helpers.corpus import batch_tables
from helpers.frames import Columns, Tables, as_columns, column

from .conftest import ARTICLES, SEED


def test_columns_build_a_frame_with_the_schema_dtypes():
    cols = Columns(
        {"s": ["a", None], "i": [1, 2], "n": [None, 3], "f": [0.5, None], "b": [True, False], "o": [["x"], None]},
        {"s": "str", "i": "int64", "n": "Int64", "f": "float64", "b": "bool", "o": "object"},
    )
    df = cols.to_frame()
    assert dict(df.dtypes.astype(str)) == {"s": "str", "i": "int64", "n": "Int64", "f": "float64", "b": "bool",
                                           "o": "object"}
    assert df["o"].tolist() == [["x"], None]  # lists stay lists, None stays None
    assert df["n"].isna().tolist() == [True, False] and pd.isna(df["s"][1])
    assert dict(Columns.empty(cols.schema).to_frame().dtypes.astype(str)) == dict(df.dtypes.astype(str))


def test_columns_reject_bad_input():
    with pytest.raises(ValueError, match="different lengths"):
        Columns({"a": [1], "b": [1, 2]}, {"a": "int64", "b": "int64"})
    with pytest.raises(ValueError, match="unknown dtype|missing"):
        Columns({"a": [1]}, {"a": "int32"})
    with pytest.raises(ValueError, match="missing"):
        Columns({"a": [1]}, {"a": "int64", "b": "str"})


def test_concat_keeps_order_and_widens_a_disagreeing_dtype():
    a = Columns({"q": [1]}, {"q": "Int64"})
    b = Columns({"q": ["x"]}, {"q": "object"})
    both = Columns.concat([a, a, b])
    assert both.column("q") == [1, 1, "x"] and both.schema == {"q": "object"}


def test_tables_build_a_frame_once_on_first_read():
    t = Tables()
    t["x"] = Columns({"a": [1, 2]}, {"a": "int64"})
    assert isinstance(t.raw("x"), Columns) and t.rows("x") == 2 and t.rows("nope") == 0
    first = t["x"]
    assert isinstance(first, pd.DataFrame) and t["x"] is first and t.raw("x") is first
    assert list(t) == ["x"] and len(t) == 1 and "x" in t
    del t["x"]
    assert not t


def test_column_reads_frames_and_columns_alike():
    df = pd.DataFrame({"a": [1, 2]})
    assert column(df, "a") == [1, 2] == column(as_columns(df), "a")
    assert column(df, "missing", "z") == ["z", "z"] and column(None, "a") == []


@pytest.mark.parametrize("text", ["T\nNothing here.", "", '"Unbalanced, he said.', SEED.read_text(encoding="utf-8")])
def test_every_table_has_the_same_dtypes_with_or_without_rows(text):
    full = analyze(SEED)
    other = analyze(article_from_text(text or " ", id="t")) if text.strip() else None
    if other is None:
        return
    for name in TABLES:
        assert dict(other.tables[name].dtypes.astype(str)) == dict(full.tables[name].dtypes.astype(str)), name


def test_batch_tables_equal_each_articles_own_tables():
    results = [analyze(p) for p in sorted(ARTICLES.glob("*.*"))]
    batch = batch_tables([(i, r, f"f{i}") for i, r in enumerate(results)])
    for name in ("quotes", "speakers", "stance", "stance_scores", "tone", "timeline"):
        own = pd.concat([r.tables[name] for r in results], ignore_index=True)
        got = batch[name]
        assert list(got.columns[:3]) == ["seq", "article", "source_file"]
        assert got["seq"].tolist() == [i for i, r in enumerate(results) for _ in range(len(r.tables[name]))]
        pd.testing.assert_frame_equal(got[list(own.columns)], own, check_dtype=True)
    assert batch["articles"]["quotes"].tolist() == [len(r.tables["quotes"]) for r in results]
