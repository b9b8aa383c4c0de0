"""Tone: VADER compound per quote and per narrator paragraph, from the shipped lexicon."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.article import Article
from helpers.text import tokenize
from helpers.tone import TONE_COLUMNS, tone_table, vader, vader_lexicon_path


@pytest.mark.parametrize("sentence, sign", [
    ("The talks were a great success and everyone was happy.", 1),
    ("The shelling killed dozens and the town is in ruins, a terrible tragedy.", -1),
    ("The meeting is on Tuesday.", 0),
])
def test_vader_scores_from_the_shipped_lexicon(sentence, sign):
    compound = vader().polarity_scores(sentence)["compound"]
    assert (compound > 0.05) - (compound < -0.05) == sign
    assert vader_lexicon_path().endswith("vader_lexicon.txt")


def test_tone_rows_per_quote_and_per_narrator_paragraph():
    text = ("Peace hopes\n\nThe ministers met in a calm and friendly mood. "
            '"This war is a horrible disaster," the envoy said.\n\nRead more: other news')
    s = text.index('"This war')
    e = text.index(' the envoy')
    quotes = pd.DataFrame([dict(kind="direct", start=s, end=e, speaker="the envoy")])
    doc = tokenize(Article(id="t", title="Peace hopes", text=text))
    table = tone_table(doc, quotes)
    assert list(table.columns) == TONE_COLUMNS
    quote = table[table.unit == "quote"].iloc[0]
    assert quote.speaker == "the envoy" and quote.compound < -0.5 and text[quote.start:quote.end] == quote.text
    paras = table[table.unit == "paragraph"]
    assert paras["kind"].tolist() == ["title", "body"]  # the "Read more" line is skipped
    body = paras.iloc[1]
    assert "horrible" not in body.text and "friendly" in body.text and body.compound > 0


def test_tone_on_empty_text():
    doc = tokenize(Article(id="t", title="", text=""))
    assert tone_table(doc, None).empty


@pytest.mark.parametrize(
    "text",
    [
        "Good!!! :) not bad, kind of great",
        "VERY good. But NOT great!!",
        "\"Happy,\" he said -- 'sad'.",
        "?!?cat cat?!? -x- !!! ,",
        "The talks were not a failure, officials said; they were a disaster.",
        "",
    ],
)
def test_fast_vader_matches_nltk(text):
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from helpers.tone import vader

    assert vader().polarity_scores(text) == SentimentIntensityAnalyzer.polarity_scores(vader(), text)


_VADER_WORDS = ["good", "GOOD", "bad", "Bad", "not", "never", "very", "kind", "of", "but", "BUT", "least", "at",
                "great", "the", "war", "killed", "hope", "without", "doubt", "sort", "extremely", "no", "cat",
                ":)", ":(", "!", "?", ",", ".", "'", '"', "-", "lol", "fail", "happy", "sad", "n't"]


@given(st.lists(st.tuples(st.sampled_from(_VADER_WORDS), st.sampled_from(["", ",", "!", ".", "?!", "'", "\""]),
                          st.sampled_from([" ", "  ", "\n", ""])), max_size=40))
@settings(max_examples=300, deadline=None)
def test_fast_vader_matches_nltk_on_generated_text(parts):
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from helpers.tone import vader

    text = "".join(w + p + sep for w, p, sep in parts)
    assert vader().polarity_scores(text) == SentimentIntensityAnalyzer.polarity_scores(vader(), text)


@pytest.mark.shared
def test_fast_vader_matches_nltk_on_polnear_paragraphs(shared):
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from helpers.tone import vader

    files = sorted((shared / "eval" / "polnear" / "dev" / "text").glob("*"))[:40]
    paragraphs = [p for f in files for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    assert len(paragraphs) > 200
    for p in paragraphs:
        assert vader().polarity_scores(p) == SentimentIntensityAnalyzer.polarity_scores(vader(), p), p[:60]
