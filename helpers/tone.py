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

from .text import Doc

if TYPE_CHECKING:
    from .stance import Voices

__all__ = ["TONE_COLUMNS", "VaderFromText", "tone_table", "vader", "vader_lexicon_path"]

TONE_COLUMNS = ["article", "unit", "quote", "speaker", "kind", "paragraph", "start", "end", "words",
                "compound", "positive", "neutral", "negative", "text"]
_WORD = re.compile(r"\w")
_SPACES = re.compile(r"\s+")


def vader_lexicon_path() -> str:
    """Path of the VADER lexicon shipped by the ``vaderSentiment`` package."""
    return str(resources.files("vaderSentiment") / "vader_lexicon.txt")


class _SentiText(SentiText):
    """NLTK's ``SentiText`` with the same words in linear time.

    NLTK builds a dictionary of every (punctuation, word) pair of the text for each call, which
    made tone scoring cost more than tokenizing; stripping one punctuation item off each side and
    looking the rest up among the text's words gives the same list.
    """

    def _words_and_emoticons(self) -> list[str]:
        words_only = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
        out = []
        for we in self.text.split():
            if len(we) <= 1:
                continue
            if we not in words_only:
                for p in self.PUNC_LIST:
                    if we.endswith(p) and we[: -len(p)] in words_only:
                        we = we[: -len(p)]
                        break
                    if we.startswith(p) and we[len(p):] in words_only:
                        we = we[len(p):]
                        break
            out.append(we)
        return out


class VaderFromText(SentimentIntensityAnalyzer):
    """NLTK's VADER analyzer given the lexicon's text instead of an NLTK resource name."""

    def __init__(self, lexicon_text: str) -> None:  # noqa: D107 - no nltk.data.load here
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()

    def polarity_scores(self, text: str) -> dict[str, float]:
        """NLTK's ``polarity_scores`` (same rules, same result) over the linear-time words."""
        sentitext = _SentiText(text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION)
        words = sentitext.words_and_emoticons
        first_index: dict[str, int] = {}
        for idx, token in enumerate(words):
            first_index.setdefault(token, idx)
        sentiments: list[float] = []
        for item in words:
            i = first_index[item]
            low = item.lower()
            if (i < len(words) - 1 and low == "kind" and words[i + 1].lower() == "of") or (
                low in self.constants.BOOSTER_DICT
            ):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
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


def tone_table(doc: Doc, quotes: pd.DataFrame | None = None, *, voices: "Voices | None" = None,
               skip: tuple[str, ...] = ("related",)) -> pd.DataFrame:
    """VADER scores per quote (``unit="quote"``) and per paragraph's narrator text (``"paragraph"``).

    A quote is scored on its content; a paragraph on its narrator tokens only (quotes removed,
    the pieces joined by spaces). ``start``/``end`` span the quote or the paragraph; ``kind`` is the
    quote's kind or the paragraph's kind (title, heading, body...).
    """
    from .stance import _quote_rows, token_voices

    voices = voices or token_voices(doc, quotes)
    text, rows = doc.text, []
    aid = doc.article.id
    for s, e, kind, spk, label in sorted(_quote_rows(quotes, len(text)), key=lambda r: r[0]):
        content = text[s:e]
        para = doc.paragraph_at(s)
        words = sum(1 for w in content.split() if _WORD.search(w))
        rows.append((aid, "quote", label, spk, kind, para, s, e, words, *_score(content),
                     _SPACES.sub(" ", content).strip()))
    for p in doc.paragraphs:
        if p.kind in skip or p.end_sentence <= p.first_sentence:
            continue
        lo = doc.sentences[p.first_sentence].first_token
        hi = doc.sentences[p.end_sentence - 1].end_token
        pieces: list[str] = []
        run: list[int] = []
        for k in range(lo, hi):
            if voices.voice[k] == "narrator" and voices.quote[k] is None:
                run.append(k)
            elif run:
                pieces.append(text[doc.tokens[run[0]].start : doc.tokens[run[-1]].end])
                run = []
        if run:
            pieces.append(text[doc.tokens[run[0]].start : doc.tokens[run[-1]].end])
        narration = _SPACES.sub(" ", " ".join(pieces)).strip()
        words = sum(1 for k in range(lo, hi) if voices.quote[k] is None and _WORD.search(doc.tokens[k].text))
        if not words:
            continue
        rows.append((aid, "paragraph", None, None, p.kind, p.i, p.start, p.end, words, *_score(narration), narration))
    return pd.DataFrame(rows, columns=TONE_COLUMNS)
