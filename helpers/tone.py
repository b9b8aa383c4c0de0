"""Tone beyond keywords: VADER compound scores per quote and per narrator paragraph.

NLTK's VADER wants its lexicon from ``nltk.download`` (unavailable here, and NLTK's path sandbox
refuses files outside its data folders), so the analyzer is built from the ``vader_lexicon.txt``
that the ``vaderSentiment`` package (MIT, a declared dependency) ships; nothing is downloaded.

>>> round(vader().polarity_scores("We must avoid bloodshed.")["compound"], 3) < 0
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import pandas as pd
from nltk.sentiment.vader import SentiText, SentimentIntensityAnalyzer, VaderConstants

from .frames import Columns
from .text import Doc

if TYPE_CHECKING:
    from .frames import Table
    from .stance import Voices

__all__ = ["TONE_COLUMNS", "TONE_SCHEMA", "VaderFromText", "tone_columns", "tone_table", "vader", "vader_lexicon_path"]

TONE_COLUMNS = ["article", "unit", "quote", "speaker", "kind", "paragraph", "start", "end", "words",
                "compound", "positive", "neutral", "negative", "text"]
#: Dtypes of the ``tone`` table (``helpers.frames``), in ``TONE_COLUMNS`` order.
TONE_SCHEMA = {"article": "str", "unit": "str", "quote": "float64", "speaker": "str", "kind": "str",
               "paragraph": "Int64", "start": "int64", "end": "int64", "words": "int64", "compound": "float64",
               "positive": "float64", "neutral": "float64", "negative": "float64", "text": "str"}
_WORD = re.compile(r"\w")
_SPACES = re.compile(r"\s+")


def vader_lexicon_path() -> str:
    """Path of the VADER lexicon shipped by the ``vaderSentiment`` package."""
    return str(resources.files("vaderSentiment") / "vader_lexicon.txt")


_REMOVE_PUNCTUATION = re.compile(VaderConstants.REGEX_REMOVE_PUNCTUATION.pattern)  # stdlib re, same class
_PUNC_FIRST = frozenset(p[0] for p in VaderConstants.PUNC_LIST)
_PUNC_LAST = frozenset(p[-1] for p in VaderConstants.PUNC_LIST)


class _SentiText(SentiText):
    """NLTK's ``SentiText`` with the same words in linear time.

    NLTK builds a dictionary of every (punctuation, word) pair of the text for each call, which
    made tone scoring cost more than tokenizing; stripping one punctuation item off each side and
    looking the rest up among the text's words gives the same list. The text's words without
    punctuation are only needed (and only computed) when some word starts or ends with it.
    """

    def _words_and_emoticons(self) -> list[str]:
        words = [w for w in self.text.split() if len(w) > 1]
        if not any(w[0] in _PUNC_FIRST or w[-1] in _PUNC_LAST for w in words):
            return words
        words_only = {w for w in _REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
        return [self._strip(w, words_only) if w not in words_only else w for w in words]

    def _strip(self, we: str, words_only: set[str]) -> str:
        for p in self.PUNC_LIST:
            if we.endswith(p) and we[: -len(p)] in words_only:
                return we[: -len(p)]
            if we.startswith(p) and we[len(p):] in words_only:
                return we[len(p):]
        return we


class VaderFromText(SentimentIntensityAnalyzer):
    """NLTK's VADER analyzer given the lexicon's text instead of an NLTK resource name."""

    def __init__(self, lexicon_text: str) -> None:  # noqa: D107 - no nltk.data.load here
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()

    def polarity_scores(self, text: str) -> dict[str, float]:
        """NLTK's ``polarity_scores`` (same rules, same result) over the linear-time words.

        A word outside the lexicon gets valence 0 without the call to ``sentiment_valence`` (which
        returns 0 for it too): most words of a news text are not in VADER's lexicon.
        """
        sentitext = _SentiText(text, self.constants.PUNC_LIST, _REMOVE_PUNCTUATION)
        words = sentitext.words_and_emoticons
        lexicon, boosters = self.lexicon, self.constants.BOOSTER_DICT
        lows = [w.lower() for w in words]
        sentiments: list[float] = [0] * len(words)
        # NLTK scores each word at the index of its first occurrence (``list.index``), so the
        # valence depends on the word alone: computed once per distinct word.
        valences: dict[str, float] = {}
        for k in [k for k, low in enumerate(lows) if low in lexicon]:
            item = words[k]
            if item not in valences:
                i = words.index(item)
                low = lows[k]
                if (i < len(words) - 1 and low == "kind" and lows[i + 1] == "of") or low in boosters:
                    valences[item] = 0
                else:
                    valences[item] = self.sentiment_valence(0, sentitext, item, i, [])[0]
            sentiments[k] = valences[item]
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)


@lru_cache(maxsize=1)
def vader() -> VaderFromText:
    """The (cached, read-only) VADER analyzer."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    return VaderFromText(text)


def _score(text: str) -> tuple[float, float, float, float]:
    s = vader().polarity_scores(text)
    return s["compound"], s["pos"], s["neu"], s["neg"]


def tone_table(doc: Doc, quotes: "Table | None" = None, *, voices: "Voices | None" = None,
               skip: tuple[str, ...] = ("related",)) -> pd.DataFrame:
    """VADER scores per quote and per narrator paragraph: see ``tone_columns``."""
    return tone_columns(doc, quotes, voices=voices, skip=skip).to_frame()


def tone_columns(doc: Doc, quotes: "Table | None" = None, *, voices: "Voices | None" = None,
                 skip: tuple[str, ...] = ("related",)) -> Columns:
    """VADER scores per quote (``unit="quote"``) and per paragraph's narrator text (``"paragraph"``).

    A quote is scored on its content; a paragraph on its narrator tokens only (quotes removed,
    the pieces joined by spaces). ``start``/``end`` span the quote or the paragraph; ``kind`` is the
    quote's kind or the paragraph's kind (title, heading, body...).
    """
    from .stance import _quote_rows, token_voices

    voices = voices or token_voices(doc, quotes)
    text, tokens = doc.text, doc.tokens
    voice, quote = voices.voice, voices.quote
    wordlike = doc.wordlike
    rows: list[tuple] = []
    aid = doc.article.id
    for s, e, kind, spk, label in sorted(_quote_rows(quotes, len(text)), key=lambda r: r[0]):
        content = text[s:e]
        para = doc.paragraph_at(s)
        words = sum(1 for w in content.split() if _WORD.search(w))
        rows.append(("quote", label, spk, kind, para, s, e, words, *_score(content),
                     _SPACES.sub(" ", content).strip()))
    for p in doc.paragraphs:
        if p.kind in skip or p.end_sentence <= p.first_sentence:
            continue
        lo = doc.sentences[p.first_sentence].first_token
        hi = doc.sentences[p.end_sentence - 1].end_token
        pieces: list[str] = []
        run_start = run_end = -1  # the current run of narrator tokens, [run_start, run_end]
        words = 0
        for k in range(lo, hi):
            if quote[k] is None:
                if wordlike[k]:
                    words += 1
                if voice[k] == "narrator":
                    if run_start < 0:
                        run_start = k
                    run_end = k
                    continue
            if run_start >= 0:
                pieces.append(text[tokens[run_start].start : tokens[run_end].end])
                run_start = -1
        if run_start >= 0:
            pieces.append(text[tokens[run_start].start : tokens[run_end].end])
        if not words:
            continue
        narration = _SPACES.sub(" ", " ".join(pieces)).strip()
        rows.append(("paragraph", None, None, p.kind, p.i, p.start, p.end, words, *_score(narration), narration))
    return Columns.from_rows([(aid, *r) for r in rows], TONE_SCHEMA)
