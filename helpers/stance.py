"""Stance and framing vocabulary: lexicon hits with voice, speaker and negation; scores; KWIC.

Each hit has a ``voice``: ``quoted`` (inside the quotation marks of a quote: the speaker's own
words), ``paraphrase`` (inside an indirect or mixed quote but outside its quotation marks: the
journalist's wording of a speaker's claim) or ``narrator`` (everything else: the title, the
standfirst and headings included). ``speaker`` is the speaker of the innermost quote containing
the hit, so a nested quote belongs to its own speaker. "Read more:" paragraphs (kind ``related``)
are links to other articles and are skipped, both for hits and for word counts.

>>> from helpers.analysis import Analysis
>>> from helpers.article import article_from_text
>>> from helpers.text import tokenize
>>> art = article_from_text("Talks\\nThe invasion of Kyiv went on. No talks were held.", id="demo")
>>> a = Analysis(art, tokenize(art), None)
>>> stance_step(a)
>>> a.stance[["category", "match", "negated", "voice"]].values.tolist()
[['de-escalation', 'Talks', False, 'narrator'], ['naming-ukraine-west', 'invasion', False, 'narrator'], ['naming-ukraine-west', 'Kyiv', False, 'narrator'], ['de-escalation', 'talks', True, 'narrator']]
"""

from __future__ import annotations

import bisect
import numbers
from collections import Counter
import re
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple, Sequence

import pandas as pd

from .cues import HEDGE
from .frames import Columns, Table, column
from .lexicon import Lexicon, load_lexicons, make_term
from .quotemarks import quoted_spans
from .termtrie import TermTrie, negated, resolve_overlaps
from .text import Doc

if TYPE_CHECKING:
    from .analysis import Analysis

__all__ = [
    "SKIP_KINDS",
    "STANCE_COLUMNS",
    "SCORE_COLUMNS",
    "KWIC_COLUMNS",
    "VOICES",
    "StanceHit",
    "Voices",
    "attribution_framing",
    "find_stance",
    "kwic",
    "lexicons_for",
    "stance_scores",
    "stance_step",
    "token_voices",
]

VOICES = ("narrator", "paraphrase", "quoted")
#: Paragraph kinds left out of stance matching and word counts.
SKIP_KINDS = ("related",)
STANCE_COLUMNS = ["article", "category", "term", "match", "start", "end", "negated", "voice", "speaker",
                  "paragraph", "sentence", "lexicon", "weight", "quote"]
SCORE_COLUMNS = ["article", "level", "voice", "speaker", "lexicon", "category", "label", "hits", "negated",
                 "weight", "words", "per_1000"]
_new_tuple = tuple.__new__  # a NamedTuple without its Python __new__ frame
#: Dtypes of the ``stance`` and ``stance_scores`` tables (``helpers.frames``), in column order.
STANCE_SCHEMA = {"article": "str", "category": "str", "term": "str", "match": "str", "start": "int64", "end": "int64",
                 "negated": "bool", "voice": "str", "speaker": "str", "paragraph": "int64", "sentence": "int64",
                 "lexicon": "str", "weight": "float64", "quote": "Int64"}
SCORE_SCHEMA = {"article": "str", "level": "str", "voice": "str", "speaker": "str", "lexicon": "str", "category": "str",
                "label": "str", "hits": "int64", "negated": "int64", "weight": "float64", "words": "int64",
                "per_1000": "float64"}
KWIC_COLUMNS = ["left", "match", "right", "voice", "speaker", "sentence", "start", "end"]
_SPACES = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


class StanceHit(NamedTuple):
    """One lexicon term found in the article; ``match == Article.text[start:end]``."""

    category: str
    term: str
    match: str
    start: int
    end: int
    negated: bool
    voice: str
    speaker: str | None
    paragraph: int
    sentence: int
    lexicon: str
    weight: float
    quote: Any


class Voices(NamedTuple):
    """Per token: its voice, the innermost quote's speaker and that quote's row label."""

    voice: list[str]
    speaker: list[str | None]
    quote: list[Any]


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _quote_rows(quotes: Table | None, length: int) -> list[tuple[int, int, str, str | None, Any]]:
    """(start, end, kind, speaker, label) of usable quotes rows, in the order they apply."""
    if quotes is None or len(quotes) == 0 or not {"start", "end"} <= set(quotes.columns):
        return []
    kinds = column(quotes, "kind", "direct")
    speakers = column(quotes, "speaker")
    flags = column(quotes, "flag")
    labels = list(range(len(quotes))) if isinstance(quotes, Columns) else quotes.index.tolist()
    rows = []  # lists, not Series: iterating a pandas Series item by item is slow
    for label, s, e, kind, spk, flag in zip(labels, column(quotes, "start"), column(quotes, "end"), kinds, speakers, flags):
        if flag == HEDGE:
            continue  # "X seems ...", "reportedly": the narrator's own hedged statement, no speaker's words
        try:
            s, e = int(s), int(e)
        except (TypeError, ValueError):
            continue
        s, e = max(0, s), min(length, e)
        if e > s:
            rows.append((s, e, str(kind), _str_or_none(spk), label))
    rows.sort(key=lambda r: (r[0], -r[1]))  # a later-starting (inner, or overlapping) quote wins
    return rows


def token_voices(doc: Doc, quotes: Table | None = None) -> Voices:
    """The voice, speaker and quote of every token, from a quotes table (see module docstring)."""
    n = len(doc.tokens)
    speaker: list[str | None] = [None] * n
    quote: list[Any] = [None] * n
    rows = _quote_rows(quotes, len(doc.text))
    if not rows:  # no quotes: everything is the narrator's
        return Voices(["narrator"] * n, speaker, quote)
    marked = [False] * n
    starts = [t.start for t in doc.tokens]
    for s, e, kind, spk, label in rows:
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        for k in range(lo, hi):
            speaker[k], quote[k] = spk, label
        if kind == "direct":
            spans = [(s, e)]
        else:
            spans = quoted_spans(doc.text, s, e)
        for qs, qe in spans:
            for k in range(bisect.bisect_left(starts, qs), bisect.bisect_left(starts, qe)):
                marked[k] = True
    voice = ["quoted" if m else "narrator" if q is None else "paraphrase" for m, q in zip(marked, quote)]
    return Voices(voice, speaker, quote)


def _barriers(doc: Doc) -> list[bool]:
    """True before a token a term must not run into: a new paragraph after a blank line, or one
    next to a title or heading unless it goes on in lower case (a line break inside prose)."""
    toks, paras, text = doc.tokens, doc.paragraphs, doc.text
    out = [False] * len(toks)
    for s in doc.sentences:  # a paragraph changes only where a sentence starts
        i = s.first_token
        if i <= 0 or i >= s.end_token:
            continue
        p, q = toks[i - 1].paragraph, toks[i].paragraph
        if p != q and (_BLANK_LINE.search(text, toks[i - 1].end, toks[i].start) or (
                (paras[p].kind != "body" or paras[q].kind != "body") and not toks[i].text[:1].islower())):
            out[i] = True
    return out


def lexicons_for(option: Any) -> list[Lexicon]:
    """Lexicons from an ``analyze(lexicon=...)`` option: None (bundled), paths, or Lexicon objects."""
    if isinstance(option, Lexicon):
        return [option]
    if isinstance(option, (list, tuple)) and option and all(isinstance(x, Lexicon) for x in option):
        return list(option)
    return load_lexicons(option)


def find_stance(
    doc: Doc,
    lexicons: Sequence[Lexicon],
    *,
    quotes: Table | None = None,
    voices: Voices | None = None,
    skip: Sequence[str] = SKIP_KINDS,
) -> list[StanceHit]:
    """Every hit of ``lexicons`` in ``doc``, with voice and speaker from ``quotes``."""
    voices = voices or token_voices(doc, quotes)
    toks, text = doc.tokens, doc.text
    skipped = {p.i for p in doc.paragraphs if p.kind in skip}
    matches = resolve_overlaps(TermTrie.build(lexicons).match(toks, barriers=_barriers(doc)))
    hits = []
    voice, speaker, quote = voices.voice, voices.speaker, voices.quote
    for i, end, term in matches:
        first, last = toks[i], toks[end - 1]
        if first.paragraph in skipped:
            continue
        s, e = first.start, last.end
        hits.append(_new_tuple(StanceHit, (
            term.category, term.text, text[s:e], s, e, negated(toks, i), voice[i], speaker[i],
            first.paragraph, first.sentence, term.lexicon, term.weight, quote[i],
        )))
    return hits


def _word_counts(doc: Doc, voices: Voices, skip: Sequence[str]) -> tuple[int, dict[str, int], dict[str, int]]:
    """Words in the article, per voice, and per speaker (quoted + paraphrase)."""
    skipped = {p.i for p in doc.paragraphs if p.kind in skip}
    toks, voice, speaker = doc.tokens, voices.voice, voices.speaker
    keep = [k for k, w in enumerate(doc.wordlike) if w and (not skipped or toks[k].paragraph not in skipped)]
    counts = Counter(voice[k] for k in keep)
    by_voice = {v: counts.get(v, 0) for v in VOICES}
    by_speaker = Counter(speaker[k] for k in keep if voice[k] != "narrator" and speaker[k] is not None)
    return len(keep), by_voice, dict(by_speaker)


def stance_scores(
    doc: Doc,
    hits: Sequence[StanceHit],
    lexicons: Sequence[Lexicon],
    *,
    voices: Voices,
    skip: Sequence[str] = SKIP_KINDS,
) -> pd.DataFrame:
    """Category scores per 1,000 words: see ``score_columns``."""
    return score_columns(doc, hits, lexicons, voices=voices, skip=skip).to_frame()


def score_columns(
    doc: Doc,
    hits: Sequence[StanceHit],
    lexicons: Sequence[Lexicon],
    *,
    voices: Voices,
    skip: Sequence[str] = SKIP_KINDS,
) -> Columns:
    """Category scores per 1,000 words: by article, by voice and by speaker (zeros included).

    ``hits`` counts matches, ``negated`` how many of them were negated, ``weight`` sums the terms'
    weights and ``per_1000 = weight / words * 1000``. A negated hit still counts: "not occupants"
    still frames the conflict as an occupation.
    """
    total, by_voice, by_speaker = _word_counts(doc, voices, skip)
    groups: list[tuple[str, str, str | None, int]] = [("article", "all", None, total)]
    groups += [("voice", v, None, by_voice[v]) for v in VOICES if by_voice[v]]
    groups += [("speaker", "all", s, w) for s, w in sorted(by_speaker.items(), key=lambda kv: (-kv[1], kv[0]))]
    cats = [(lex.name, c.name, c.label) for lex in lexicons for c in lex.categories]
    if not cats:
        return Columns.empty(SCORE_SCHEMA)
    # One pass over the hits, tallied per group key: ("article", "all", None), ("voice", v, None)
    # and ("speaker", "all", s) for a quoted or paraphrased hit (sums in hit order, as before).
    tallies: dict[tuple[str, str, str | None], dict[tuple[str, str], list[float]]] = {}
    for h in hits:
        keys = [("article", "all", None), ("voice", h.voice, None)]
        if h.voice != "narrator":
            keys.append(("speaker", "all", h.speaker))
        for key in keys:
            t = tallies.setdefault(key, {}).setdefault((h.lexicon, h.category), [0, 0, 0.0])
            t[0] += 1
            t[1] += int(h.negated)
            t[2] += h.weight
    aid = doc.article.id
    zero = (0, 0, 0.0)
    rows = []
    for level, voice, spk, words in groups:
        tally = tallies.get((level, voice, spk), {})
        for lex_name, cat, label in cats:
            n, neg, weight = tally.get((lex_name, cat), zero)
            rows.append((aid, level, voice, spk, lex_name, cat, label, n, neg, weight, words,
                         round(1000.0 * weight / words, 3) if words and weight else 0.0))
    return Columns.from_rows(rows, SCORE_SCHEMA)  # SCORE_SCHEMA is in SCORE_COLUMNS order


def _stance_columns(article_id: str, hits: Sequence[StanceHit]) -> Columns:
    """The ``stance`` table as columns (``STANCE_COLUMNS`` order)."""
    if not hits:
        return Columns.empty(STANCE_SCHEMA)
    col = dict(zip(StanceHit._fields, map(list, zip(*hits))))  # one list per StanceHit field
    labels = col["quote"]
    int_labels = all(q is None or isinstance(q, numbers.Integral) for q in labels)
    return Columns({**col, "article": [article_id] * len(hits)},
                   STANCE_SCHEMA if int_labels else {**STANCE_SCHEMA, "quote": "object"})


def _stance_frame(article_id: str, hits: Sequence[StanceHit]) -> pd.DataFrame:
    """The ``stance`` table (``STANCE_COLUMNS`` order)."""
    return _stance_columns(article_id, hits).to_frame()


def stance_step(a: "Analysis") -> None:
    """Pipeline step: tables ``stance`` and ``stance_scores`` (and ``tone``, see helpers.tone)."""
    from .tone import tone_columns

    lexicons = lexicons_for(a.options.get("lexicon"))
    quotes = a.tables.raw("quotes")
    voices = token_voices(a.doc, quotes)
    hits = find_stance(a.doc, lexicons, voices=voices)
    a.tables["stance"] = _stance_columns(a.article.id, hits)
    a.tables["stance_scores"] = score_columns(a.doc, hits, lexicons, voices=voices)
    a.tables["tone"] = tone_columns(a.doc, quotes, voices=voices)


def _context(doc: Doc, lo: int, hi: int) -> str:
    """Tokens ``[lo, hi)`` as one line of text (whitespace runs shown as one space)."""
    if hi <= lo:
        return ""
    return _SPACES.sub(" ", doc.text[doc.tokens[lo].start : doc.tokens[hi - 1].end])


def kwic(analysis: "Analysis", pattern: str, *, window: int = 8, case: bool = False) -> pd.DataFrame:
    """Keyword in context: every use of a word, phrase or wildcard pattern (``"occup*"``).

    Context is up to ``window`` tokens either side, not across a blank line or a heading;
    ``start``/``end`` locate the match in ``Article.text``.

    >>> from helpers.analysis import Analysis
    >>> from helpers.article import article_from_text
    >>> from helpers.text import tokenize
    >>> art = article_from_text("Talks\\n\\nThe special operation began at dawn on Monday. Officials said\\n"
    ...                         "the special\\noperation would end soon.", id="d")
    >>> kwic(Analysis(art, tokenize(art), None), "special operation", window=2)[["left", "match", "right"]].values.tolist()
    [['The', 'special operation', 'began at'], ['said the', 'special\\noperation', 'would end']]
    """
    doc = analysis.doc
    term = make_term(pattern, case=case)
    voices = token_voices(doc, analysis.tables.raw("quotes"))
    toks = doc.tokens
    rows = []
    barriers = _barriers(doc)
    for m in resolve_overlaps(TermTrie([term]).match(toks, barriers=barriers)):
        lo = m.first
        while lo > max(0, m.first - window) and not barriers[lo]:
            lo -= 1
        hi = m.end
        while hi < min(len(toks), m.end + window) and not barriers[hi]:
            hi += 1
        left, right = _context(doc, lo, m.first), _context(doc, m.end, hi)
        start, end = toks[m.first].start, toks[m.end - 1].end
        rows.append((left, doc.text[start:end], right, voices.voice[m.first], voices.speaker[m.first],
                     toks[m.first].sentence, start, end))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def attribution_framing(analysis: "Analysis", *, lexicon: str = "attribution-verbs") -> pd.DataFrame:
    """How each quote's cue frames its speaker: ``neutral``, ``distancing`` or ``endorsing``.

    One row per quote with a cue: quote (row label), speaker, kind, cue, framing (the
    attribution-verbs category of the cue, or None when the cue is not in the lexicon).
    """
    columns = ["quote", "speaker", "kind", "cue", "framing"]
    quotes = analysis.tables.get("quotes")
    if quotes is None or len(quotes) == 0 or not {"cue_start", "cue_end"} <= set(quotes.columns):
        return pd.DataFrame([], columns=columns)
    lexicons = [lex for lex in lexicons_for(analysis.options.get("lexicon")) if lex.name == lexicon]
    lexicons = lexicons or load_lexicons([lexicon])
    trie = TermTrie.build(lexicons)
    toks = analysis.doc.tokens
    starts = [t.start for t in toks]
    rows = []
    for label, row in quotes.iterrows():
        try:
            cs, ce = int(row["cue_start"]), int(row["cue_end"])
        except (TypeError, ValueError):
            continue
        cue_tokens = toks[bisect.bisect_left(starts, cs) : bisect.bisect_left(starts, ce)]
        found = resolve_overlaps(trie.match(cue_tokens))
        framing = found[0].term.category if found else None
        rows.append((label, _str_or_none(row.get("speaker")), row.get("kind"), analysis.doc.text[cs:ce], framing))
    return pd.DataFrame(rows, columns=columns)


def categories_of(lexicons: Iterable[Lexicon]) -> list[tuple[str, str, str]]:
    """(lexicon, category, label) of every category, in file order."""
    return [(lex.name, c.name, c.label) for lex in lexicons for c in lex.categories]
