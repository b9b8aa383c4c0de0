"""helpers/analysis.py: the one entry point, its tables, determinism, and spans on any text."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.analysis import STEPS, TABLES, analyze
from helpers.article import article_from_text, load

from .conftest import SEED

#: (table, start column, end column, text column) whose text must equal Article.text[start:end].
SPANS = [
    ("sentences", "start", "end", "text"),
    ("tokens", "start", "end", "text"),
    ("quotes", "start", "end", "text"),
    ("quotes", "cue_start", "cue_end", "cue"),
    ("quotes", "mention_start", "mention_end", "mention"),
    ("stance", "start", "end", "match"),
    ("timeline", "start", "end", "text"),
]


def check_spans(result) -> int:
    text, checked = result.article.text, 0
    for table, s_col, e_col, t_col in SPANS:
        df = result.tables[table]
        for s, e, value in zip(df[s_col].tolist(), df[e_col].tolist(), df[t_col].tolist()):
            if pd.isna(s) or not isinstance(value, str):
                continue
            assert 0 <= int(s) <= int(e) <= len(text), (table, s, e)
            assert text[int(s) : int(e)] == value, (table, t_col, value)
            checked += 1
    return checked


def test_pipeline_order_and_tables():
    assert [name for name, _ in STEPS] == ["text", "quotes", "speakers", "stance", "timeline"]
    result = analyze(SEED)
    assert set(TABLES) <= set(result.tables)
    assert result.published == dt.date(2022, 2, 24)
    assert check_spans(result) > 700


def test_path_and_article_give_the_same_tables():
    a, b = analyze(SEED), analyze(load(SEED))
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name])


def test_published_override_reanchors_relative_dates():
    later = analyze(SEED, published="2022-03-03")
    thursday = later.timeline[later.timeline["text"] == "Thursday"]
    assert later.published == dt.date(2022, 3, 3) and thursday["value"].tolist() == ["2022-03-03"]


def test_no_publication_date_leaves_relative_dates_unanchored():
    result = analyze(article_from_text("Talks\nThe talks ended yesterday, officials said.", id="x"))
    row = result.timeline[result.timeline["text"] == "yesterday"].iloc[0]
    assert not row["anchored"] and row["value"].startswith("XXXX")


def test_unknown_table_names_the_available_ones():
    with pytest.raises(KeyError, match="available: sentences, tokens"):
        analyze(SEED).table("nope")


NEWSY = st.lists(
    st.sampled_from(list("abcdefghij KLMNOP.,;:!?-\u2014\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]0123456789"))
    | st.sampled_from([" said ", " told ", " according to ", " Mr. ", " on Monday ", " last week ", " in 2014 ",
                       " he ", " they ", " the ministry ", " not ", " war ", " talks ", "\n\n", " Feb. 10 "]),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(NEWSY, st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)),
       st.sampled_from([None, dt.date(2022, 2, 24)]))
def test_any_text_analyzes_and_every_span_slices_back(body, published):
    if not body.strip() or body.lstrip().startswith("---"):
        return
    result = analyze(article_from_text(body, id="prop"), published=published)
    check_spans(result)
