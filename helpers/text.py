"""Tokenize an article into paragraphs, sentences and words, each with character spans.

Every span is a ``(start, end)`` offset pair into ``Article.text``; nothing here rewrites the
text. Sentences come from NLTK's Punkt with parameters shipped in this package (no NLTK data
download), words from NLTK's ``NLTKWordTokenizer``, aligned back onto the original characters.

>>> doc = tokenize_text('Mr. Smith met Gen. Lee in the U.S. on Feb. 10. "It went well," he said.')
>>> [doc.text[s.start:s.end] for s in doc.sentences]
['Mr. Smith met Gen. Lee in the U.S. on Feb. 10.', '"It went well," he said.']
>>> [t.text for t in doc.tokens][-9:]
['"', 'It', 'went', 'well', ',', '"', 'he', 'said', '.']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Container, Iterator, NamedTuple

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from .article import Article

__all__ = [
    "Doc",
    "Paragraph",
    "Sentence",
    "Token",
    "tokenize",
    "tokenize_text",
    "span_tokenize_paragraphs",
    "span_tokenize_sentences",
    "span_tokenize_words",
    "sent_tokenize",
    "word_tokenize",
]


class Token(NamedTuple):
    """One word or punctuation token; ``text`` is exactly ``Article.text[start:end]``."""

    i: int
    text: str
    start: int
    end: int
    sentence: int
    paragraph: int


class Sentence(NamedTuple):
    """A sentence; its tokens are ``doc.tokens[first_token:end_token]``."""

    i: int
    start: int
    end: int
    paragraph: int
    first_token: int
    end_token: int


class Paragraph(NamedTuple):
    """A paragraph; ``kind`` is ``title``, ``heading``, ``dateline``, ``related`` or ``body``.

    Every kind but ``body`` is boilerplate: kept in the text, flagged here so analyses can skip it.
    """

    i: int
    start: int
    end: int
    kind: str
    first_sentence: int
    end_sentence: int

    @property
    def boilerplate(self) -> bool:
        return self.kind != "body"


@dataclass
class Doc:
    """An article split into paragraphs, sentences and tokens (all spans into ``article.text``)."""

    article: Article
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    tokens: list[Token]
    dateline: tuple[int, int] | None = None
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _wordlike: list[bool] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.article.text[start:end]

    def sentence_tokens(self, i: int) -> list[Token]:
        """The tokens of sentence ``i``."""
        s = self.sentences[i]
        return self.tokens[s.first_token : s.end_token]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (or the nearest one before it)."""
        k = bisect.bisect_right(self._sentence_starts, offset) - 1
        return k if k >= 0 else (0 if self.sentences else None)

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the paragraph containing ``offset`` (or the nearest one before it)."""
        k = self.sentence_at(offset)
        return None if k is None else self.sentences[k].paragraph

    @property
    def wordlike(self) -> list[bool]:
        """For each token, whether it contains a letter or a digit (computed once; do not modify)."""
        if self._wordlike is None:
            search = _WORDLIKE.search
            self._wordlike = [search(t.text) is not None for t in self.tokens]
        return self._wordlike

    @property
    def word_count(self) -> int:
        """Number of tokens that contain a letter or a digit."""
        return sum(self.wordlike)


_WORDLIKE = re.compile(r"\w")
_new_tuple = tuple.__new__  # what a NamedTuple's own __new__ calls, without its Python frame

# --------------------------------------------------------------------------------------------
# Punkt with shipped parameters

_DATA = resources.files("helpers") / "data"


@lru_cache(maxsize=None)
def data_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of a list shipped in ``helpers/data``, stripped."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A shipped one-word-a-line list from ``helpers/data`` (lower case, final period dropped)."""
    return frozenset(ln.lower().rstrip(".") for ln in data_lines(name))


def abbreviations() -> frozenset[str]:
    """Abbreviations Punkt must not end a sentence on (lower case, without the final period)."""
    return word_list("abbreviations.txt")


# NLTK (3.10+) routes every pattern through ``nltk.redos``: the third-party ``regex`` engine under a
# wall-clock timeout, a guard against *caller-supplied* patterns. The patterns below are NLTK's own,
# fixed and linear, so they are recompiled with the standard library's ``re`` (same source, same
# flags): the tokens are identical (tests/test_text.py checks it on every PolNeAR text) and the
# tokenizers run about 1.7x faster.
_RE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE | re.ASCII


def _stdlib(pattern) -> re.Pattern:
    """``pattern`` (an ``nltk.redos.TimedPattern`` or a ``re.Pattern``) compiled by ``re``."""
    if isinstance(pattern, re.Pattern):
        return pattern
    return re.compile(pattern.pattern, pattern.flags & _RE_FLAGS)


class _LanguageVars(PunktLanguageVars):
    """Punkt's English language variables with its three patterns compiled by ``re``."""

    re_boundary_realignment = _stdlib(PunktLanguageVars.re_boundary_realignment)

    def __init__(self) -> None:
        self._word_re = _stdlib(super()._word_tokenizer_re())
        self._context_re = _stdlib(super().period_context_re())

    def _word_tokenizer_re(self) -> re.Pattern:
        return self._word_re

    def period_context_re(self) -> re.Pattern:
        return self._context_re


class _WordTokenizer(NLTKWordTokenizer):
    """NLTK's Treebank-style word tokenizer with its own patterns compiled by ``re``."""

    STARTING_QUOTES = [(_stdlib(p), r) for p, r in NLTKWordTokenizer.STARTING_QUOTES]
    ENDING_QUOTES = [(_stdlib(p), r) for p, r in NLTKWordTokenizer.ENDING_QUOTES]
    PUNCTUATION = [(_stdlib(p), r) for p, r in NLTKWordTokenizer.PUNCTUATION]
    PARENS_BRACKETS = (_stdlib(NLTKWordTokenizer.PARENS_BRACKETS[0]), NLTKWordTokenizer.PARENS_BRACKETS[1])
    CONVERT_PARENTHESES = [(_stdlib(p), r) for p, r in NLTKWordTokenizer.CONVERT_PARENTHESES]
    DOUBLE_DASHES = (_stdlib(NLTKWordTokenizer.DOUBLE_DASHES[0]), NLTKWordTokenizer.DOUBLE_DASHES[1])
    CONTRACTIONS2 = [_stdlib(p) for p in NLTKWordTokenizer.CONTRACTIONS2]
    CONTRACTIONS3 = [_stdlib(p) for p in NLTKWordTokenizer.CONTRACTIONS3]
    #: Matches wherever any of the contraction patterns could (a superset): when it finds nothing,
    #: the ten contraction substitutions, a third of the tokenizer's time, are skipped. ASCII text
    #: is checked for the same letters with plain substring tests (much faster than the pattern).
    ANY_CONTRACTION = re.compile(r"(?i)cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna|'t(?:is|was)")
    CONTRACTION_LETTERS = ("cannot", "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n", "wanna", "'tis", "'twas")

    def _may_contract(self, text: str) -> bool:
        if text.isascii():  # no Unicode case folding ("\u017f" matches "s" under re.IGNORECASE)
            low = text.lower()
            return any(w in low for w in self.CONTRACTION_LETTERS)
        return self.ANY_CONTRACTION.search(text) is not None

    def tokenize(self, text: str, convert_parentheses: bool = False, return_str: bool = False) -> list[str]:
        """NLTK's ``NLTKWordTokenizer.tokenize`` step for step, with the contraction patterns
        run only when one of them can match (the same tokens: tests/test_text.py)."""
        if convert_parentheses or return_str or self._may_contract(text):
            return super().tokenize(text, convert_parentheses, return_str)
        for regexp, substitution in self.STARTING_QUOTES:
            text = regexp.sub(substitution, text)
        for regexp, substitution in self.PUNCTUATION:
            text = regexp.sub(substitution, text)
        regexp, substitution = self.PARENS_BRACKETS
        text = regexp.sub(substitution, text)
        regexp, substitution = self.DOUBLE_DASHES
        text = regexp.sub(substitution, text)
        text = " " + text + " "
        for regexp, substitution in self.ENDING_QUOTES:
            text = regexp.sub(substitution, text)
        return text.split()


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    params.sent_starters = set(word_list("sentence_starters.txt"))
    return PunktSentenceTokenizer(params, lang_vars=_LANG_VARS)


_LANG_VARS = _LanguageVars()
_WORDS = _WordTokenizer()

# --------------------------------------------------------------------------------------------
# paragraphs

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_BLANK = re.compile(r"\S")


def span_tokenize_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs: each non-blank line, or each blank-line-separated block when the text
    is hard-wrapped (most lines short and joined into blocks by single newlines).

    >>> list(span_tokenize_paragraphs("Title\\nFirst line.\\n\\n  Second.  \\n"))
    [(0, 5), (6, 17), (21, 28)]
    """
    lines: list[tuple[int, int]] = []  # stripped spans of non-blank lines; (-1, -1) for blanks
    for m in _LINE.finditer(text):
        if m.start() == len(text) and not m.group():
            break
        raw = m.group().rstrip("\r\n")
        first = _BLANK.search(raw)
        if first is None:
            lines.append((-1, -1))
            continue
        lines.append((m.start() + first.start(), m.start() + len(raw.rstrip())))
    if _hard_wrapped(text, lines):
        start = end = -1
        for s, e in lines:
            if s < 0:
                if start >= 0:
                    yield start, end
                start = -1
            else:
                start = s if start < 0 else start
                end = e
        if start >= 0:
            yield start, end
    else:
        yield from ((s, e) for s, e in lines if s >= 0)


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when consecutive non-blank lines mostly continue a sentence (a wrapped text)."""
    joins = continued = 0
    for (s1, e1), (s2, _) in zip(lines, lines[1:]):
        if s1 < 0 or s2 < 0:
            continue
        joins += 1
        if text[e1 - 1] not in '.!?:"\u201d\'\u2019)' and text[s2].islower():
            continued += 1
    return joins >= 3 and continued / joins > 0.3


# --------------------------------------------------------------------------------------------
# sentences and words


def span_tokenize_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of the sentences in ``text[start:end]`` (offsets into ``text``).

    >>> t = 'He met the U.S. envoy on Feb. 10 in Minsk. "It went well." Then he left.'
    >>> [t[s:e] for s, e in span_tokenize_sentences(t)]
    ['He met the U.S. envoy on Feb. 10 in Minsk.', '"It went well."', 'Then he left.']
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    if _LANG_VARS.period_context_re().search(chunk) is None:
        # No candidate sentence break at all (a one-sentence paragraph): what Punkt would return,
        # without its per-call set-up, which costs more than the search.
        stop = len(chunk.rstrip())
        if stop:
            yield start, start + stop
        return
    for s, e in _punkt().span_tokenize(chunk):
        yield start + s, start + e


_QUOTE_TOKENS = {"``", "''", '"'}
_ORIGINAL_QUOTE = re.compile(r"``|''|\"")
_LOOKAHEAD = 256
_CLOSERS = "\"'\u201d\u2019\u00bb)]}"
_TRAILING_PERIOD = re.compile(r"^[^\W\d_]{2,}\.$")


def span_tokenize_words(
    text: str, start: int = 0, end: int | None = None, *, sentence_ends: Container[int] = ()
) -> Iterator[tuple[int, int]]:
    """Spans of NLTK word tokens in ``text[start:end]`` (offsets into ``text``).

    NLTK splits off only the final period of its input; a period it left attached is split off
    when it ends one of ``sentence_ends`` (so a paragraph can be tokenized in one call), or when
    it follows a plain word that is not a known abbreviation ("door." before a closing quote).

    >>> t = "He said: 'Now the door.' It's U.S. policy."
    >>> [t[s:e] for s, e in span_tokenize_words(t)]
    ['He', 'said', ':', "'", 'Now', 'the', 'door', '.', "'", 'It', "'s", 'U.S.', 'policy', '.']
    """
    return iter(_word_spans(text, start, len(text) if end is None else end, sentence_ends))


def _word_spans(text: str, start: int, end: int, sentence_ends: Container[int]) -> list[tuple[int, int]]:
    """``span_tokenize_words`` as a list (the tokenizer's inner loop: kept to local names)."""
    pos = start
    abbrev = abbreviations()
    find, quote_search, trailing = text.find, _ORIGINAL_QUOTE.search, _TRAILING_PERIOD.match
    out: list[tuple[int, int]] = []
    append = out.append
    for tok in _WORDS.tokenize(text[start:end]):
        # NLTK only rewrites quotes; look a bounded distance ahead so that a token it changed in
        # some other way is skipped without rescanning a huge sentence (keeps this linear).
        n = len(tok)
        limit = pos + n + _LOOKAHEAD
        if limit > end:
            limit = end
        if tok in _QUOTE_TOKENS:
            m = quote_search(text, pos, limit)
            if m is None:
                continue
            s, e = m.start(), m.end()
        else:
            s = find(tok, pos, limit)
            if s < 0:
                continue
            e = s + n
        pos = e
        if n > 1 and tok[-1] == "." and tok[-2] != "." and (
                e in sentence_ends or (trailing(tok) and tok[:-1].lower() not in abbrev)):
            append((s, e - 1))
            append((e - 1, e))
        else:
            append((s, e))
    return out


def sent_tokenize(text: str) -> list[str]:
    """The sentences of ``text`` as strings (no paragraph handling)."""
    return [text[s:e] for s, e in span_tokenize_sentences(text)]


def word_tokenize(text: str) -> list[str]:
    """The word tokens of ``text`` as they appear in it (quotes are not rewritten)."""
    return [text[s:e] for s, e in span_tokenize_words(text)]


# --------------------------------------------------------------------------------------------
# boilerplate paragraphs

_RELATED = re.compile(
    r"^\W{0,3}(read more|related|see also|also read|read also|more on this|watch|listen|"
    r"click here|sign up|subscribe|follow us)\b\s*[:\-\u2013\u2014]?",
    re.IGNORECASE,
)
_SENTENCE_END = tuple('.!?"\u201d\'\u2019)\u00bb:;')
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A wire-style dateline: "MOSCOW, Feb 24 (Reuters) -", "KYIV, Ukraine (AP) —", "LONDON —".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?)"
    r"(?:,\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z .&]{2,30})\))?"
    r"\s*[\-\u2013\u2014]{1,2}\s*"
)


def paragraph_kind(text: str, start: int, end: int, *, index: int, title: str | None, last: bool) -> str:
    """Classify one paragraph: ``title``, ``related``, ``dateline``, ``heading`` or ``body``."""
    para = text[start:end]
    if index == 0 and title and para.strip().lstrip("#").strip() == title.strip():
        return "title"
    if _RELATED.match(para):
        return "related"
    m = DATELINE.match(para)
    if m and m.end() >= len(para.rstrip()) and _is_dateline(m):
        return "dateline"
    words = para.split()
    if (
        not last
        and index > 0
        and 0 < len(words) <= 10
        and not para.rstrip().endswith(_SENTENCE_END)
        and (para.lstrip().startswith("#") or para[:1].isupper())
    ):
        return "heading"
    return "body"


def find_dateline(text: str, paragraphs: list[tuple[int, int]], kinds: list[str]) -> tuple[int, int] | None:
    """The dateline at the start of the first body or dateline paragraph, if any."""
    for (s, e), kind in zip(paragraphs, kinds):
        if kind in ("body", "dateline"):
            m = DATELINE.match(text[s:e])
            if m and _is_dateline(m):
                return s + m.start(), s + m.end()
            return None
    return None


def _is_dateline(m: re.Match) -> bool:
    place = m.group("place").strip()
    return place.split(",")[0].isupper() and sum(c.isalpha() for c in place) >= 3


# --------------------------------------------------------------------------------------------


def tokenize(article: Article) -> Doc:
    """Split ``article.text`` into paragraphs, sentences and word tokens.

    A sentence never crosses a paragraph; headings, datelines and "Read more:" lines are
    flagged through ``Paragraph.kind``.
    """
    text = article.text
    para_spans = list(span_tokenize_paragraphs(text))
    kinds = [
        paragraph_kind(text, s, e, index=i, title=article.title, last=i == len(para_spans) - 1)
        for i, (s, e) in enumerate(para_spans)
    ]
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for p, ((ps, pe), kind) in enumerate(zip(para_spans, kinds)):
        first_sentence = len(sentences)
        sent_spans = [(ps, pe)] if kind != "body" else list(span_tokenize_sentences(text, ps, pe))
        # One NLTK call per paragraph (much faster than one per sentence); tokens are then
        # dealt out to sentences by position: no token contains white space, so none straddles.
        ends = {se for _, se in sent_spans} | {len(text[ss:se].rstrip(_CLOSERS)) + ss for ss, se in sent_spans}
        words = _word_spans(text, ps, pe, ends)
        j = 0
        for ss, se in sent_spans:
            k = len(sentences)
            first_token = len(tokens)
            j0 = j
            while j < len(words) and words[j][0] < se:
                j += 1
            tokens += [_new_tuple(Token, (first_token + m, text[ws:we], ws, we, k, p))
                       for m, (ws, we) in enumerate(words[j0:j])]
            sentences.append(Sentence(k, ss, se, p, first_token, len(tokens)))
        paragraphs.append(Paragraph(p, ps, pe, kind, first_sentence, len(sentences)))
    return Doc(article, paragraphs, sentences, tokens, dateline=find_dateline(text, para_spans, kinds))


def tokenize_text(text: str, *, title: str | None = None) -> Doc:
    """Tokenize a bare string (an ``Article`` with no metadata)."""
    return tokenize(Article(id="text", title=title or "", text=text))
