"""Quotations and attributions: direct, indirect and mixed quotes with their cue and source mention.

``extract_quotes(doc)`` walks the Doc once: quotation marks (``helpers.quotemarks``) give the direct
quotes, the cue lexicon (``helpers.cues``) gives the reporting verbs; a direct quote takes the cue
right after it (``"...," X said``) or right before it (``X said: "..."``), any other cue with a
clause after it (``X said that ...``) or before it (``..., X said.``) gives an indirect quote, mixed
when a quoted fragment sits inside it. Speakers are resolved later (``helpers.speakers``).

>>> from helpers.text import tokenize_text
>>> doc = tokenize_text('Talks\\n"We will not yield," the minister said. Officials said the talks failed.', title="Talks")
>>> [(q.kind, q.text, q.cue, q.mention) for q in extract_quotes(doc)]
[('direct', '"We will not yield,"', 'said', 'the minister'), ('indirect', 'the talks failed', 'said', 'Officials')]
>>> t = 'Officials said "talks" would resume. He didn\\'t say \\u201cwhen\\u201d.'
>>> [t[s:e] for s, e in quoted_spans(t)]
['talks', 'when']
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from .attribution import Finder
from .cues import CueLexicon, load_cues
from .frames import Columns
from .quotemarks import QUOTE_PAIRS, QuoteSpan, quoted_spans, scan_quotes
from .text import Doc

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis

__all__ = [
    "COLUMNS",
    "QUOTE_PAIRS",
    "Quote",
    "QuoteSpan",
    "extract_quotes",
    "quoted_spans",
    "quotes_step",
    "quotes_table",
    "scan_quotes",
]

#: Columns of the ``quotes`` table, in order.
COLUMNS = [
    "article", "kind", "text", "start", "end", "cue", "cue_start", "cue_end", "speaker", "mention",
    "mention_start", "mention_end", "paragraph", "sentence", "nested_in", "flag", "resolution",
]


class Quote(NamedTuple):
    """One attribution; ``text == doc.text[start:end]`` (quotation marks included when direct)."""

    kind: str
    text: str
    start: int
    end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    mention: str | None
    mention_start: int | None
    mention_end: int | None
    paragraph: int
    sentence: int
    nested_in: int | None
    flag: str | None


def extract_quotes(doc: Doc, *, lexicon: CueLexicon | None = None) -> list[Quote]:
    """All direct, indirect and mixed quotes of a Doc, in text order.

    Args:
        doc: the tokenized article.
        lexicon: cue verbs and phrases; the shipped ``reporting_verbs.txt`` when None.
    """
    finder = Finder(doc, lexicon or load_cues())
    found = finder.run()
    found.sort(key=lambda r: (r["start"], -r["end"], r.get("level", 0)))
    starts = [(r["start"], r["end"]) for r in found]
    out: list[Quote] = []
    text = doc.text
    for r in found:
        parent = r.get("parent_span")
        nested_in = None
        if parent is not None:
            k = bisect.bisect_left(starts, (parent[0], -1))
            while k < len(found) and found[k]["start"] == parent[0]:
                if found[k]["end"] == parent[1]:
                    nested_in = k
                    break
                k += 1
            if nested_in is None:  # the enclosing record: the last one whose span holds it
                for k in range(len(found) - 1, -1, -1):
                    f = found[k]
                    if f is not r and f["start"] <= r["start"] and r["end"] <= f["end"] and f["start"] < r["start"]:
                        nested_in = k
                        break
        own = r["kind"] != "indirect" and r.get("cue") and r.get("flag") not in ("split", "floating", "headline")
        if nested_in is None and own:
            nested_in = _container(found, starts, r)
        cue, mention = r.get("cue"), r.get("mention")
        sent = doc.sentence_at(r["start"])
        out.append(
            Quote(
                r["kind"], text[r["start"] : r["end"]], r["start"], r["end"],
                text[cue[0] : cue[1]] if cue else None, cue[0] if cue else None, cue[1] if cue else None,
                text[mention[0] : mention[1]] if mention else None,
                mention[0] if mention else None, mention[1] if mention else None,
                doc.sentences[sent].paragraph if sent is not None else 0, sent if sent is not None else 0,
                nested_in, r.get("flag"),
            )
        )
    return out


def _container(found: list[dict], starts: list[tuple[int, int]], r: dict) -> int | None:
    """Index of a record whose content holds ``r`` and its cue ('He said that she sees "two sides"':
    the inner attribution is nested in the outer one), or None."""
    lo = min(r["start"], r["cue"][0])
    hi = max(r["end"], r["cue"][1])
    k = bisect.bisect_right(starts, (lo, 1 << 62)) - 1
    best = None
    for j in range(k, max(-1, k - 40), -1):  # records starting at or before lo, nearest first
        f = found[j]
        if f is r or f["start"] > lo:
            continue
        if f["end"] >= hi and (f["start"], f["end"]) != (r["start"], r["end"]) and f["cue"] and f["cue"][1] <= r["start"]:
            best = j
            break
    return best


#: The ``quotes`` table's dtypes (``helpers.frames``), in ``COLUMNS`` order.
SCHEMA = {
    "article": "str", "kind": "str", "text": "str", "start": "int64", "end": "int64", "cue": "str",
    "cue_start": "Int64", "cue_end": "Int64", "speaker": "object", "mention": "str", "mention_start": "Int64",
    "mention_end": "Int64", "paragraph": "int64", "sentence": "int64", "nested_in": "Int64", "flag": "str",
    "resolution": "object",
}


def quote_columns(doc: Doc, *, lexicon: CueLexicon | None = None) -> Columns:
    """The ``quotes`` table as ``helpers.frames.Columns`` (what the pipeline step stores)."""
    quotes = extract_quotes(doc, lexicon=lexicon)
    n = len(quotes)
    data = dict(zip(Quote._fields, map(list, zip(*quotes)))) if quotes else {f: [] for f in Quote._fields}
    data.update(article=[doc.article.id] * n, speaker=[None] * n, resolution=[None] * n)
    return Columns(data, SCHEMA)


def quotes_table(doc: Doc, *, lexicon: CueLexicon | None = None) -> pd.DataFrame:
    """The ``quotes`` table: one row per quote, columns ``COLUMNS`` (speaker/resolution left None)."""
    return quote_columns(doc, lexicon=lexicon).to_frame()


def quotes_step(a: Analysis) -> None:
    """Pipeline step: add the ``quotes`` table to the Analysis."""
    a.tables["quotes"] = quote_columns(a.doc)
