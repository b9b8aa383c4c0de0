"""Tone: VADER compound per quote and per narrator paragraph, from the shipped lexicon."""

from __future__ import annotations

import pandas as pd
import pytest

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
