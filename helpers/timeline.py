"""The ``timeline`` table: every temporal expression with its value, who says it and what happened.

``timeline_step`` (in ``analyze()``'s STEPS) adds the table; ``timeline_table`` builds it from a Doc;
``plot_rows`` turns it into the dated events the timeline chart draws (``helpers.charts.timeline_chart``).

>>> import datetime as dt
>>> from helpers.article import Article
>>> from helpers.text import tokenize
>>> doc = tokenize(Article("x", "", "Talks resumed on Monday.", published=dt.date(2022, 2, 24)))
>>> timeline_table(doc)[["text", "type", "value", "granularity", "anchored", "event"]].values.tolist()
[['Monday', 'DATE', '2022-02-21', 'day', True, 'Talks resumed']]
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from .frames import Columns, Table, column
from .text import Doc, Token
from .timex import extract_timexes

if TYPE_CHECKING:
    from .analysis import Analysis

__all__ = ["COLUMNS", "timeline_step", "timeline_table", "event_label", "speaker_at", "value_span",
           "plot_rows", "PlotRow"]

#: The table's columns (team contract).
COLUMNS = ["article", "text", "start", "end", "type", "value", "granularity", "anchored", "sentence",
           "paragraph", "speaker", "event"]
#: The ``timeline`` table's dtypes (``helpers.frames``), in ``COLUMNS`` order.
SCHEMA = {"article": "str", "text": "str", "start": "int64", "end": "int64", "type": "str", "value": "str",
          "granularity": "str", "anchored": "bool", "sentence": "int64", "paragraph": "int64", "speaker": "object",
          "event": "str"}

_QUOTE_MARKS = frozenset("\"'“”‘’«»") | {"``", "''"}
_BREAKS = frozenset(",;:()[]—–-\"“”«»") | {"``", "''"}
_SUBORDINATORS = frozenset("that which who whom where when while because if although though whereas "
                           "whether so".split())
_SKIP_LEADING = frozenset("on in at by since until till during from for of to and but so or then also "
                          "the a an as around about".split())
_SKIP_TRAILING = frozenset("on in at by since until during from for of to and but or the a an as with "
                           "that which its their his her".split())
MAX_EVENT_WORDS = 8
_WORD = re.compile(r"\w")
_CLITIC = re.compile(r" ((?:'|’)(?:s|re|ve|ll|d|m)\b|n(?:'|’)t\b)", re.I)


def _segments(tokens: list[Token]) -> list[list[Token]]:
    """Clauses of a sentence: split at punctuation, quotation marks and subordinators."""
    out: list[list[Token]] = [[]]
    for t in tokens:
        if t.text in _BREAKS or t.text.lower() in _SUBORDINATORS or t.text in (".", "?", "!"):
            if out[-1]:
                out.append([])
            continue
        out[-1].append(t)
    return [s for s in out if s]


def _trim(words: list[str]) -> list[str]:
    while words and words[0].lower() in _SKIP_LEADING:
        words = words[1:]
    words = words[:MAX_EVENT_WORDS]
    while words and words[-1].lower() in _SKIP_TRAILING:
        words = words[:-1]
    return words


def event_label(doc: Doc, start: int, end: int, *, _cache: dict | None = None) -> str:
    """A short label for what happened at the expression ``doc.text[start:end]``: the clause
    around it without the expression, trimmed to a few words ("joint drills started").

    >>> from helpers.text import tokenize_text
    >>> d = tokenize_text("On February 10, the joint drills started on the ranges.")
    >>> event_label(d, 3, 14)
    'joint drills started'
    """
    k = doc.sentence_at(start)
    if k is None:
        return ""
    if _cache is not None and k in _cache:
        segs = _cache[k]
    else:
        segs = _segments(doc.sentence_tokens(k))
        if _cache is not None:
            _cache[k] = segs
    # the first clause the expression overlaps (a clause's tokens are contiguous: compare its ends)
    i = next((n for n, seg in enumerate(segs) if seg[0].start < end and start < seg[-1].end), None)
    order = []
    if i is not None:
        order = [i] + [j for d in range(1, len(segs)) for j in (i + d, i - d) if 0 <= j < len(segs)]
    for j in order:
        kept = [t for t in segs[j] if not (t.start < end and start < t.end)
                and _WORD.search(t.text) and t.text not in _QUOTE_MARKS]
        if j == order[0]:  # drop the preposition that introduced the expression ("signed on Wednesday")
            kept = [t for n, t in enumerate(kept) if not (t.text.lower() in _PREPOSITIONS and t.end <= start
                                                           and (n + 1 == len(kept) or kept[n + 1].start >= end))]
        before = [t for t in kept if t.end <= start]
        said = [n for n, t in enumerate(before) if t.text.lower() in _REPORTING]
        if said and len(before) - said[-1] > 3:  # "He said a representative had called ... last night"
            kept = kept[said[-1] + 1:]
        words = _trim([t.text for t in kept])
        if len(words) >= 2:
            return _CLITIC.sub(r"\1", " ".join(_verb_phrase(words)))
    return ""


def _verb_phrase(words: list[str]) -> list[str]:
    """Cut after the first verb-looking word and its next few words, at a preposition."""
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and (lw.endswith("ed") or lw in _VERBS):
            tail = []
            for x in words[i + 1:i + 5]:
                if x.lower() in _PREPOSITIONS:
                    break
                tail.append(x)
            while tail and tail[-1].lower() in _SKIP_TRAILING:
                tail.pop()
            return [x for x in words[:i + 1] if x.lower() not in ("the", "a", "an")] + tail
    return words


_PREPOSITIONS = frozenset("on in at by since until during from for of to with into over under after before "
                          "against about as like".split())
_REPORTING = frozenset("said says told added stressed revealed announced claimed reported noted".split())
_VERBS = frozenset("said says say told met began begun started took held made went came is was were are "
                   "will has had have said announced left won lost gave sent saw".split())


def quote_spans(quotes: Table | None) -> list[tuple[int, int, object]]:
    """``(start, end, speaker)`` of every row of a quotes table, read once per article."""
    if quotes is None or len(quotes) == 0 or "speaker" not in quotes.columns:
        return []
    return list(zip(column(quotes, "start"), column(quotes, "end"), column(quotes, "speaker")))


def speaker_at(quotes: pd.DataFrame | list | None, start: int, end: int) -> str | None:
    """The speaker of the innermost quote whose ``[start, end)`` contains ``[start, end)``.

    ``quotes`` is the quotes table or its :func:`quote_spans`.
    """
    spans = quotes if isinstance(quotes, list) else quote_spans(quotes)
    best: tuple[int, object] | None = None
    for s, e, sp in spans:
        if s <= start and e >= end and (best is None or e - s < best[0]):
            best = (e - s, sp)
    sp = best[1] if best else None
    return sp if isinstance(sp, str) and sp else None


def timeline_table(doc: Doc, *, published: dt.date | None = None, quotes: Table | None = None) -> pd.DataFrame:
    """One row per temporal expression in ``doc`` (columns :data:`COLUMNS`): see ``timeline_columns``."""
    return timeline_columns(doc, published=published, quotes=quotes).to_frame()


def timeline_columns(doc: Doc, *, published: dt.date | None = None, quotes: Table | None = None) -> Columns:
    """One row per temporal expression in ``doc`` (columns :data:`COLUMNS`, dtypes :data:`SCHEMA`).

    Args:
        doc: the tokenized article.
        published: the publication date the relative expressions resolve against
            (``doc.article.published`` when None).
        quotes: the quotes table, for the ``speaker`` column (None: no speakers).
    """
    cols: dict[str, list] = {c: [] for c in COLUMNS}
    segments: dict[int, list[list[Token]]] = {}
    spans = quote_spans(quotes)
    for tx in extract_timexes(doc, published=published):
        row = (doc.article.id, tx.text, tx.start, tx.end, tx.type, tx.value, tx.granularity, tx.anchored,
               tx.sentence, doc.sentences[tx.sentence].paragraph, speaker_at(spans, tx.start, tx.end),
               event_label(doc, tx.start, tx.end, _cache=segments))
        for c, v in zip(COLUMNS, row):
            cols[c].append(v)
    return Columns(cols, SCHEMA)  # speaker None: the narrator


def timeline_step(a: "Analysis") -> None:
    """Pipeline step: add the ``timeline`` table (after quotes/speakers, for the speaker column)."""
    a.tables["timeline"] = timeline_columns(a.doc, published=a.published, quotes=a.tables.raw("quotes"))


# --------------------------------------------------------------------------------------------
# values as calendar intervals (for charts)

_SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}


def _month_start(y: int, m: int) -> dt.date:
    return dt.date(y + (m - 1) // 12, (m - 1) % 12 + 1, 1)


def value_span(value: str) -> tuple[dt.date, dt.date] | None:
    """The calendar interval ``[start, end)`` a TimeML DATE/TIME value covers; None when it is not
    a resolved calendar value (PRESENT_REF, XXXX-XX-XX, P3D).

    >>> value_span("2022-02"), value_span("2022-W08")[0], value_span("2022-02-23TNI")
    ((datetime.date(2022, 2, 1), datetime.date(2022, 3, 1)), datetime.date(2022, 2, 21), (datetime.date(2022, 2, 23), datetime.date(2022, 2, 24)))
    """
    v = str(value or "")
    if "X" in v or not v[:2].isdigit():
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d + dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (monday + dt.timedelta(days=5), monday + dt.timedelta(days=7)) if m[3] else (monday, monday + dt.timedelta(days=7))
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            y, mo = int(m[1]), int(m[2])
            return _month_start(y, mo), _month_start(y, mo + 1)
        if m := re.fullmatch(r"(\d{4})-([QH])(\d)", v):
            size = 3 if m[2] == "Q" else 6
            first = (int(m[3]) - 1) * size + 1
            return _month_start(int(m[1]), first), _month_start(int(m[1]), first + size)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            a, b = _SEASON_MONTHS[m[2]]
            return _month_start(int(m[1]), a), _month_start(int(m[1]), b)
        for digits, years in ((4, 1), (3, 10), (2, 100)):
            if re.fullmatch(rf"\d{{{digits}}}", v):
                y = int(v) * years
                return dt.date(max(y, 1), 1, 1), dt.date(min(y + years, 9999), 1, 1)
    except (ValueError, OverflowError):
        return None
    return None


class PlotRow(NamedTuple):
    """One dated event as the timeline chart draws it."""

    start: dt.date
    end: dt.date
    point: bool  # day or finer: a point; longer: a span
    label: str
    text: str
    value: str
    speaker: str | None


def plot_rows(timeline: pd.DataFrame) -> tuple[list[PlotRow], pd.DataFrame]:
    """The DATE/TIME rows that can be placed on a calendar, sorted by their middle, and the rest
    (unresolved or not calendar values: PRESENT_REF, XXXX-WXX-4), which charts list instead."""
    placed: list[PlotRow] = []
    rest = []
    if timeline is None or timeline.empty:
        return placed, pd.DataFrame(columns=COLUMNS)
    for i, r in timeline[timeline["type"].isin(["DATE", "TIME"])].iterrows():
        span = value_span(r["value"])
        if span is None:
            rest.append(i)
            continue
        speaker = r["speaker"] if isinstance(r["speaker"], str) else None
        label = r["event"] or r["text"]
        placed.append(PlotRow(span[0], span[1], (span[1] - span[0]).days <= 1, label, r["text"], r["value"], speaker))
    placed.sort(key=lambda p: (p.start + (p.end - p.start) / 2, p.end))
    return placed, timeline.loc[rest]
