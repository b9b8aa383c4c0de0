"""Interview transcripts: a paragraph opening with a speaker's name and a colon is that speaker's turn.

``KATE LEE: Why not debate?`` or, in an article with two turns or more, ``Lee: Well, ...`` and
``Q: ...`` / ``A: ...``. ``transcript_turns`` gives (name span, colon offset, content span) per turn.

>>> t = "Talks\\n\\nANN ODE: We will not yield.\\n\\nThe talks went on."
>>> [(t[n[0]:n[1]], t[c[0]:c[1]]) for n, _, c in transcript_turns(t, [(7, 35), (37, 55)])]
[('ANN ODE', 'We will not yield.')]
"""

from __future__ import annotations

import re

__all__ = ["TURN", "transcript_turns"]

#: A turn: one to four capitalised words (or Q / A) and a colon opening the paragraph, then the words said.
TURN = re.compile(
    r"[\"\u201c]?([A-Z][\w.'\u2019\-]*(?:[ \t]+[A-Z][\w.'\u2019\-]*){0,3})[ \t]*:[ \t]+(\S(?:.*\S)?)\s*$", re.S
)
#: Openings that are labels, not speakers ('Note: ...', 'Photo: ...').
_LABELS = frozenset(
    "note|clarification|editor's note|editor\u2019s note|update|updated|correction|photo|photos|video|source|sources|"
    "credit|read more|"
    "related|see also|watch|breaking|exclusive|opinion|analysis|live|transcript|video transcript|warning|disclaimer|"
    "tags|topics|filed under|poll|the result|result|bottom line|why|what|how|when|where|who|email|e-mail|phone|fax|"
    "web|website|twitter|contact|address|location|date|time|price|cost|tickets|info|more".split("|")
)
_SMALL = frozenset("of the for and in on at to a an by".split())


def _label(name: str, said: str) -> bool:
    """'STAT OF THE WEEK: ...', 'Email: ...', 'Iowa: Ann Ode, Bo Lee, ...', 'Lee: 1,204.': a label, a
    list or a tally, no speaker."""
    if name.lower() in _LABELS or (" " in name and any(w.lower() in _SMALL for w in name.split())):
        return True
    if not any(ch.isalpha() for ch in said):
        return True
    parts = said.split(",")
    return len(parts) >= 5 and all(len(p.split()) <= 4 and p.strip()[:1].isupper() for p in parts[:-1])


Turn = tuple[tuple[int, int], int, tuple[int, int]]


def transcript_turns(text: str, paragraphs: list[tuple[int, int]]) -> list[Turn]:
    """Speaker turns among ``paragraphs`` (char spans of body paragraphs): a name in capitals
    ('JAKE LEE:'), or any capitalised name or Q / A when the article has two such turns or more."""
    found = []
    for s, e in paragraphs:
        if e - s < 6 or text[s] not in "\"\u201cABCDEFGHIJKLMNOPQRSTUVWXYZ" or text.find(": ", s, min(e, s + 80)) < 0:
            continue
        m = TURN.match(text, s, e)
        if m is None or m.end(2) <= m.start(2) or _label(m.group(1), m.group(2)):
            continue
        found.append(m)
    if not found:
        return []
    loud = [m for m in found if m.group(1).isupper() and (len(m.group(1)) > 1 or m.group(1) in "QA")]
    keep = found if len(found) >= 2 else loud
    colon = lambda m: text.index(":", m.end(1))  # noqa: E731
    return [(m.span(1), colon(m), m.span(2)) for m in keep]
