"""Find quotation marks and pair them, telling quote marks from apostrophes; never raises.

``quoted_spans`` gives the spans inside balanced quotation marks; ``scan_quotes`` gives every
quoted passage (marks included), nested ones with their parent, unbalanced ones flagged.

>>> t = 'He said: "We can\\'t wait. Putin said \\'no\\'." Russia\\'s \\u201cnew\\u201d plan.'
>>> [t[s:e] for s, e in quoted_spans(t)]
["We can't wait. Putin said 'no'.", 'no', 'new']
>>> [(t[q.start:q.end], q.level, q.parent, q.flag) for q in scan_quotes(t)]
[('"We can\\'t wait. Putin said \\'no\\'."', 0, None, None), ("'no'", 1, 0, None), ('\\u201cnew\\u201d', 0, None, None)]
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator, NamedTuple, Sequence

__all__ = ["QUOTE_PAIRS", "QuoteSpan", "quoted_spans", "scan_quotes"]

#: Opening quotation mark -> its closing mark.
QUOTE_PAIRS: dict[str, str] = {
    '"': '"',
    "\u201c": "\u201d",  # “ ”
    "\u201e": "\u201c",  # „ “ (German, Polish)
    "'": "'",
    "\u2018": "\u2019",  # ‘ ’
    "\u00ab": "\u00bb",  # « »
    "\u2039": "\u203a",  # ‹ ›
}

_DOUBLE = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
_SINGLE = frozenset("'\u2018\u2019\u2039\u203a")
MARKS = _DOUBLE | _SINGLE
_MARK_RE = re.compile("'''|''|``|[" + re.escape("".join(sorted(MARKS))) + "\n]")  # '' and ``: typewriter doubles
_END_PUNCT = frozenset(",.?!")
_OPEN_BEFORE = frozenset(" \t\r\n([{\u2014\u2013-/:;,\u00a0") | _DOUBLE | _SINGLE
_TAG_RE = re.compile(r"</?[A-Za-z][\w-]*(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s<>\"']+))*\s*/?>")
_YEAR_ABBREV = re.compile(r"\d\d(?:s\b|\b)")


class QuoteSpan(NamedTuple):
    """A quoted passage: ``text[start:end]`` includes its marks (unless flagged unbalanced).

    ``level`` is 0 for an outer quote, 1 for a quote inside it...; ``parent`` is the index (in the
    list ``scan_quotes`` returns) of the enclosing quote; ``flag`` is None or ``"unbalanced"``.
    """

    start: int
    end: int
    level: int
    parent: int | None
    flag: str | None
    mark: str


def _paragraph_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph spans of ``text[start:end]`` (blank-line or line based, as the tokenizer does)."""
    from .text import span_tokenize_paragraphs  # local: text.py is heavier (NLTK)

    return [(start + s, start + e) for s, e in span_tokenize_paragraphs(text[start:end])]


def _role(text: str, i: int, lo: int, hi: int, width: int = 1) -> str:
    """``open``, ``close``, ``either`` or ``apostrophe`` for the mark at ``text[i:i + width]``."""
    c = text[i] if width == 1 else '"'
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    left = prev in _OPEN_BEFORE or prev.isspace()  # nothing glued before it
    right = nxt.isspace() or (not nxt.isalnum() and nxt not in MARKS and nxt not in "([{$\u00a3\u20ac")
    if c in "\u00ab\u2039\u201e":
        return "open"
    if c in "\u00bb\u203a":
        return "close"
    if c in "'\u2019\u2018":
        if prev.isalnum() and nxt.isalnum():
            return "apostrophe"  # don't, District’s
        if not prev.isalnum() and _YEAR_ABBREV.match(text, i + 1, hi):
            return "apostrophe"  # '90s
    if c == "\u201c":  # '"Yes,\u201c he said': a closing mark typed as an opening one after , . ? !
        return "close" if right and (not left or prev in _END_PUNCT) else "open"
    if c == "\u201d":
        return "open" if (left and not right and not nxt.isspace()) else "close"
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def scan_quotes(
    text: str, start: int = 0, end: int | None = None, *, paragraphs: Sequence[tuple[int, int]] | None = None
) -> list[QuoteSpan]:
    """Every quoted passage in ``text[start:end]``, in order of their opening marks.

    A quote may run over several paragraphs when each continued paragraph opens with a quotation
    mark. An opening double mark left open at the end of its paragraph yields a quote to that
    paragraph's end, and a closing mark with no opening one a quote from its paragraph's start,
    both flagged ``"unbalanced"``; stray single marks are taken as apostrophes.

    Args:
        text: the text.
        start, end: the part of ``text`` to scan.
        paragraphs: paragraph spans (e.g. from a ``Doc``); found like the tokenizer does when None.
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    paras = list(paragraphs) if paragraphs is not None else _paragraph_breaks(text, start, end)
    tags = [m.span() for m in _TAG_RE.finditer(text, start, end)]  # <tweet author="..."> is markup
    tag_starts = [t[0] for t in tags]
    found: list[list] = []  # [start, end, level, parent, flag, mark]
    stack: list[tuple[int, str, int]] = []  # (position, mark, index in found)
    skip = -1  # the mark reopening a continued paragraph of a multi-paragraph quote
    for p, (ps, pe) in enumerate(paras):
        ps, pe = max(ps, start), min(pe, end)
        if ps >= pe:
            continue
        for i, m_end, c, forced in _marks(text, ps, pe):
            if c == "\n" or i == skip:
                continue
            if tags:
                t = bisect.bisect_right(tag_starts, i) - 1
                if t >= 0 and i < tags[t][1]:
                    continue
            if forced is not None:
                role, c = forced, ('"' if len(c) == 2 else c)
            elif len(c) == 2:  # '' or `` standing for a double mark (typewriter style)
                role = _role(text, i, ps, pe, 2)
                role = "open" if c == "``" else role
                c = '"'
            else:
                role = _role(text, i, ps, pe)
            if role == "apostrophe":
                continue
            single = c in _SINGLE
            if role in ("close", "either") and stack:
                k = _match(stack, c, single)
                if k is not None:
                    for _pos, _mk, idx in stack[k + 1 :]:
                        found[idx] = None  # unclosed inner single marks: apostrophes after all
                    pos, mk, idx = stack[k]
                    del stack[k:]
                    found[idx][1] = m_end
                    continue
            if role == "close":
                if not single and not stack and not text[i - 1 : i].isdigit():
                    found.append([ps, m_end, 0, None, "unbalanced", c])
                continue
            if role == "open" or role == "either":
                if single and text[i - 1 : i].isalnum():
                    continue  # a glued apostrophe, not an opening mark
                parent = stack[-1][2] if stack else None
                found.append([i, None, len(stack), parent, None, c])
                stack.append((i, c, len(found) - 1))
        # paragraph end: a double quote continued on the next paragraph stays open
        nxt = paras[p + 1][0] if p + 1 < len(paras) else None
        cont = (
            nxt is not None
            and nxt < end
            and len(stack) == 1
            and stack[0][1] in _DOUBLE
            and (text[nxt] == stack[0][1] or text.startswith("''", nxt) or text.startswith("``", nxt))
            and _role(text, nxt, nxt, paras[p + 1][1], 2 if text[nxt : nxt + 1] in "'`" else 1) in ("open", "either")
        )
        if cont:
            skip = nxt
            continue
        for pos, mk, idx in stack:
            if mk in _DOUBLE and found[idx] is not None:
                found[idx][1], found[idx][4] = pe, "unbalanced"
            else:
                found[idx] = None
        stack = []
    return _finish(found, paras, start, end)


def _marks(text: str, ps: int, pe: int) -> Iterator[tuple[int, int, str, str | None]]:
    """``(start, end, mark, forced role or None)`` per mark in ``text[ps:pe]``. A typewriter triple is
    a double and a single mark: two then one where it opens a quote, one then two where it closes one."""
    for m in _MARK_RE.finditer(text, ps, pe):
        i, c = m.start(), m.group()
        if len(c) < 3:
            yield i, m.end(), c, None
        elif (r := _role(text, i, ps, pe, 3)) == "close" or r == "either" and i > ps and not text[i - 1].isspace():
            yield i, i + 1, "'", "close"
            yield i + 1, i + 3, "''", "close"
        else:
            yield i, i + 2, "''", "open"
            yield i + 2, i + 3, "'", "open"


def _match(stack: list[tuple[int, str, int]], c: str, single: bool) -> int | None:
    """Index in ``stack`` of the opening mark that ``c`` closes, or None."""
    for k in range(len(stack) - 1, -1, -1):
        opener = stack[k][1]
        if (opener in _SINGLE) == single:
            return k
        if single:
            return None  # a single mark never closes past an open double one
    return None


def _finish(found: list, paras: Sequence[tuple[int, int]], start: int, end: int) -> list[QuoteSpan]:
    keep = [f for f in found if f is not None and f[1] is not None and f[1] - f[0] > 1]
    keep.sort(key=lambda f: (f[0], -f[1]))
    out: list[QuoteSpan] = []
    for f in keep:
        parent = None
        for j in range(len(out) - 1, -1, -1):
            if out[j].start < f[0] and f[1] <= out[j].end:
                parent = j
                break
        level = 0 if parent is None else out[parent].level + 1
        out.append(QuoteSpan(f[0], f[1], level, parent, f[4], f[5]))
    return out


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans inside balanced quotation marks in ``text[start:end]`` (marks excluded), nested ones too.

    Apostrophes (don't, Russia's, '90s) are not quotation marks; unbalanced marks are skipped.

    >>> t = "\\u00abNon\\u00bb, dit-il. The 'Allied Resolve' drills; \\"open"
    >>> [t[s:e] for s, e in quoted_spans(t)]
    ['Non', 'Allied Resolve']
    >>> quoted_spans('He said "yes" and "no"', 9)
    [(19, 21)]
    """
    out = []
    for q in scan_quotes(text, start, end):
        if q.flag is None:
            a = 2 if text[q.start : q.start + 2] in ("''", "``") else 1
            b = 2 if text[q.end - 2 : q.end] == "''" and (a == 2 or text[q.start] == '"') else 1
            out.append((q.start + a, max(q.start + a, q.end - b)))
    return out
