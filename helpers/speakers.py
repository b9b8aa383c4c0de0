"""Speaker resolution: every quote's mention -> one canonical speaker, and the ``speakers`` table.

Rules, in the order they apply to a quote's mention (``resolution`` records which one did):

- ``name``: name variants are one person ("Belarusian president Alexander Lukashenko",
  "Alexander Lukashenko", "Lukashenko"); the canonical name is the fullest one seen in the article,
  and the role before it is recorded. People sharing a surname stay apart when first names differ;
  a bare surname goes to the one mentioned most recently.
- ``role``: a role description ("the Belarusian president") -> the person introduced with it.
- ``short form``: an organisation's shorter name ("the Ministry") -> its full name.
- ``pronoun``: he/she/they/it/which/who -> the most recent compatible speaker or mention.
- ``media``, ``anonymous`` ("a source", "officials"), ``group`` ("The Chinese"): their own speakers.
- ``floating``: a quote with no cue inherits the previous quote's speaker; ``nested``: "I"/"we"
  in a quote inside a quote is the outer quote's speaker.

>>> import pandas as pd
>>> from helpers.text import tokenize_text
>>> doc = tokenize_text('Talks\\nFrench minister Jean Dupont said talks failed. "We tried," he added.')
>>> q = pd.DataFrame({"kind": ["indirect", "direct"], "start": [50, 67], "end": [62, 76],
...                   "text": ["talks failed", '"We tried,"'], "mention": ["French minister Jean Dupont", "he"],
...                   "mention_start": [6, 77], "mention_end": [33, 79], "nested_in": [None, None], "flag": [None, None]})
>>> speakers, resolution = resolve_speakers(doc, q)
>>> speakers, resolution
(['Jean Dupont', 'Jean Dupont'], ['name', 'pronoun'])
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from .entities import DETERMINERS, PRONOUNS, Mention, Parsed, find_mentions, parse_mention
from .frames import Columns, Table, column
from .text import Doc, word_list

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis

__all__ = ["Speaker", "display_names", "resolve_speakers", "speakers_table", "speakers_step", "SPEAKER_COLUMNS"]

SPEAKER_COLUMNS = ["article", "speaker", "type", "quotes", "direct", "indirect", "mixed", "words", "mentions", "role"]
_TYPES = {"person": "person", "role": "person", "organization": "organization", "place": "organization",
          "media": "media", "group": "group", "unknown": "unknown"}
SPEAKER_SCHEMA = {"article": "str", "speaker": "str", "type": "str", "quotes": "int64", "direct": "int64",
                  "indirect": "int64", "mixed": "int64", "words": "int64", "mentions": "object", "role": "str"}
_QUOTED_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
#: How many paragraphs back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 4
#: How many characters back a relative pronoun (which, who, that) may look.
RELATIVE_REACH = 60


@dataclass
class Speaker:
    """One referent: a person, organisation, medium, group or anonymous source."""

    id: int
    type: str
    names: list[str] = field(default_factory=list)
    role: str | None = None
    role_words: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None
    words: tuple[str, ...] = ()
    gender: str | None = None
    positions: list[int] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    evidence: bool = False  # a person by more than capitals: full name, title, honorific

    @property
    def name(self) -> str:
        """The fullest name seen (most words, then longest, then first seen)."""
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    def seen(self, pos: int) -> None:
        bisect.insort(self.positions, pos)

    def last_before(self, pos: int) -> int:
        k = bisect.bisect_left(self.positions, pos)
        return self.positions[k - 1] if k else -1


def _first_match(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _acronym(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "the", "and", "for") and w[:1].isalpha())


class _Registry:
    """The article's referents, built from every mention so later short forms find full names."""

    def __init__(self) -> None:
        self.speakers: list[Speaker] = []
        self._by_key: dict[tuple[str, str], Speaker] = {}
        self._by_last: dict[str, list[Speaker]] = {}

    def _new(self, type_: str, name: str, **kw: Any) -> Speaker:
        sp = Speaker(len(self.speakers), type_, [name], **kw)
        self.speakers.append(sp)
        return sp

    def _pick(self, cands: list[Speaker], pos: int) -> Speaker | None:
        if not cands:
            return None
        before = [c for c in cands if c.last_before(pos) >= 0]
        if before:
            return max(before, key=lambda c: c.last_before(pos))
        return min(cands, key=lambda c: c.positions[0] if c.positions else 1 << 60)

    def _salient(self, cands: list[Speaker], pos: int) -> Speaker | None:
        before = [(bisect.bisect_left(c.positions, pos), c.last_before(pos), c) for c in cands]
        before = [b for b in before if b[0]]
        if before:
            return max(before, key=lambda b: (b[0], b[1]))[2]
        return self._pick(cands, pos)

    def person(self, p: Parsed, pos: int, *, create: bool = True) -> Speaker | None:
        last = p.words[-1]
        first = p.words[0] if len(p.words) > 1 else None
        same = self._by_last.setdefault(last, [])
        if first is not None:
            match = [s for s in same if s.first is not None and _first_match(s.first, first)]
            sp = self._pick(match, pos) or (self._pick([s for s in same if s.first is None], pos))
        else:  # a bare surname: the most mentioned so far of those who bear it, then the most recent
            sp = self._salient(same, pos)
        if sp is None:
            if not create:
                return None
            sp = self._new("person", p.name, last=last)
            same.append(sp)
        if first is not None and sp.first is None:
            sp.first = first
        if p.name not in sp.names:
            sp.names.append(p.name)
        if p.role and not sp.role:
            sp.role, sp.role_words = p.role, set(p.role_words)
        sp.gender = sp.gender or p.gender
        sp.evidence = sp.evidence or len(p.words) > 1 or bool(p.role) or p.gender is not None
        sp.seen(pos)
        return sp

    def org(self, p: Parsed, pos: int) -> tuple[Speaker, bool]:
        """The organisation a name or short form refers to; True when it was a short form."""
        w = p.words
        cands = [s for s in self.speakers if s.type == "organization" and (
            s.words[-len(w):] == w or (len(w) == 1 and w[0] == _acronym(s.words)))]
        sp = self._pick(cands, pos)
        short = sp is not None and len(sp.words) > len(w)
        if sp is None:
            sp = self._new("organization", p.name, words=w)
        elif p.name not in sp.names:
            sp.names.append(p.name)
        sp.seen(pos)
        return sp, short

    def keyed(self, type_: str, p: Parsed, pos: int) -> Speaker:
        key = (type_, p.name.lower())
        sp = self._by_key.get(key)
        if sp is None:
            sp = self._by_key[key] = self._new(type_, p.name, words=p.words)
        sp.seen(pos)
        return sp

    def role(self, p: Parsed, pos: int) -> tuple[Speaker, bool]:
        want = set(p.role_words)
        cands = [s for s in self.speakers if s.type == "person" and s.last and want <= s.role_words]
        sp = self._pick(cands, pos)
        if sp is None:
            sp = self.keyed("person", p, pos)
            sp.role, sp.evidence = sp.role or p.role, True
            return sp, False
        sp.seen(pos)
        return sp, True

    def resolve(self, p: Parsed, pos: int) -> tuple[Speaker | None, str]:
        """A non-pronoun mention -> (speaker, resolution)."""
        if p.kind == "person":
            return self.person(p, pos), "name"
        if p.kind in ("organization", "place"):
            if p.kind == "place":
                return self.keyed("organization", p, pos), "name"
            sp, short = self.org(p, pos)
            return sp, "short form" if short else "name"
        if p.kind == "media":
            return self.keyed("media", p, pos), "media"
        if p.kind == "group":
            return self.keyed("group", p, pos), "group"
        if p.kind == "anonymous":
            return self.keyed("group" if p.plural else "unknown", p, pos), "anonymous"
        if p.kind == "role":
            sp, found = self.role(p, pos)
            return sp, "role"
        if p.kind == "unknown" and _speaker_like(p):
            return self.keyed("unknown", p, pos), "unknown"
        return None, "unresolved"


def _positions(quotes: Table) -> list[int | None]:
    """``nested_in`` as row positions (it holds index labels of the enclosing rows)."""
    if "nested_in" not in quotes.columns:
        return [None] * len(quotes)
    labels = range(len(quotes)) if isinstance(quotes, Columns) else quotes.index
    where = {label: k for k, label in enumerate(labels)}
    out = []
    for v in column(quotes, "nested_in"):
        v = _int(v)
        out.append(where.get(v, v if v is not None and 0 <= v < len(quotes) else None) if v is not None else None)
    return out


def display_names(speakers: list[Speaker | None]) -> dict[int, str]:
    """Speaker id -> the name shown; two referents with one canonical name get "Name (2)"."""
    out: dict[int, str] = {}
    count: dict[str, int] = {}
    for sp in speakers:
        if sp is None or sp.id in out:
            continue
        count[sp.name] = count.get(sp.name, 0) + 1
        out[sp.id] = sp.name if count[sp.name] == 1 else f"{sp.name} ({count[sp.name]})"
    return out


def _speaker_like(p: Parsed) -> bool:
    """An unlisted mention may be a speaker ("the report", "early results"), not a fragment
    ("the", "his", "sent out a call following the")."""
    words = [w for w in p.words if w not in DETERMINERS]
    return (0 < len(p.words) <= 5 and bool(words) and words[-1] not in word_list("stopwords.txt")
            and any(c.isalpha() for c in words[-1]) and len(words[-1]) > 1)


def _isna(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v) or v is pd.NA


def _int(v: Any) -> int | None:
    return None if _isna(v) else int(v)


def resolve_speakers(doc: Doc, quotes: Table, *, mentions: list[Mention] | None = None) -> tuple[list[str | None], list[str | None]]:
    """Canonical speaker and resolution for each row of a quotes table (in row order)."""
    speakers, resolution, _ = _resolve(doc, quotes, mentions=mentions)
    names = display_names(speakers)
    return [names[s.id] if s else None for s in speakers], resolution


def _resolve(doc: Doc, quotes: Table, *, mentions: list[Mention] | None = None):
    n = len(quotes)
    col = lambda name: column(quotes, name)  # noqa: E731
    starts, ends = col("start"), col("end")
    mtext, mstart, flags = col("mention"), col("mention_start"), col("flag")
    nested = _positions(quotes)
    text = doc.text
    parsed_q: list[Parsed | None] = []
    qpos: list[int] = []
    for i in range(n):
        m = mtext[i] if isinstance(mtext[i], str) and mtext[i].strip() else None
        parsed_q.append(parse_mention(m) if m else None)
        qpos.append(_int(mstart[i]) if _int(mstart[i]) is not None else (_int(starts[i]) or 0))
    mentions = find_mentions(doc) if mentions is None else mentions
    reg = _Registry()
    # pass 1: full names (first + last) and organisation names, so short forms find them
    everything = sorted([(m.start, m.parsed) for m in mentions] + [(qpos[i], p) for i, p in enumerate(parsed_q) if p],
                        key=lambda x: x[0])
    for pos, p in everything:
        if p.kind == "person" and len(p.words) > 1:
            reg.person(p, pos)
        elif p.kind == "organization" and any(c.isupper() for c in p.name):
            reg.org(p, pos)
    # pass 2: narration mentions -> antecedent candidates for pronouns (outside quoted text)
    quoted = sorted((_int(starts[i]), _int(ends[i])) for i in range(n)
                    if _int(starts[i]) is not None and _int(ends[i]) is not None)

    def inside(pos: int) -> tuple[int, int] | None:
        """The innermost quoted span holding ``pos``."""
        best = None
        for s, e in quoted:
            if s > pos:
                break
            if pos < e and (best is None or s >= best[0]):
                best = (s, e)
        return best

    # (pos, seq, speaker, kind, role): role is "speaker" (a quote's source), "possessive" or ""
    cands: list[tuple[int, int, Speaker, str, str]] = []
    for m in mentions:
        if m.parsed.kind in ("pronoun", "unknown", "anonymous"):
            continue
        sp, _ = reg.resolve(m.parsed, m.start)
        if sp is not None:
            poss = text[m.end : m.end + 1] in ("'", "\u2019")
            cands.append((m.start, len(cands), sp, m.parsed.kind, "possessive" if poss else ""))
    cands.sort(key=lambda c: (c[0], c[1]))
    order = sorted(range(n), key=lambda i: (_int(starts[i]) if _int(starts[i]) is not None else 0, i))
    out: list[Speaker | None] = [None] * n
    res: list[str | None] = [None] * n
    prev_top: Speaker | None = None
    for i in order:
        p, pos = parsed_q[i], qpos[i]
        outer = nested[i]
        sp, how = None, "unattributed"
        if p is None:
            if outer is None and "floating" in str(flags[i] or ""):
                sp, how = prev_top, "floating" if prev_top else "unattributed"
        elif p.kind == "pronoun":
            if PRONOUNS[p.name] == ("speaker",):
                if outer is not None and 0 <= outer < n:
                    sp, how = out[outer], "nested"
                else:
                    how = "unresolved"
            else:
                sp = _antecedent(doc, p, pos, cands, inside(pos), inside)
                how = "pronoun" if sp else "unresolved"
                if sp is not None and p.gender and not sp.gender:
                    sp.gender = p.gender
        else:
            sp, how = reg.resolve(p, pos)
            if sp is not None and p.kind == "person":
                sp.evidence = True  # "Garcia said": one who speaks by name is a person
        out[i], res[i] = sp, how
        if sp is not None:
            sp.mentions.append(mtext[i])
            bisect.insort(cands, (pos, len(cands), sp, _TYPES.get(sp.type, sp.type), "speaker"))
        if outer is None:
            prev_top = sp
    return out, res, reg


def _antecedent(doc: Doc, p: Parsed, pos: int, cands: list, span, inside) -> Speaker | None:
    allowed = PRONOUNS[p.name]
    para = doc.paragraph_at(pos)
    sentence = doc.sentence_at(pos)
    relative = p.name in ("which", "who", "whom", "that")
    fallback = None
    k = bisect.bisect_left(cands, (pos, -1))
    while k > 0:
        k -= 1
        cpos, _, sp, kind, how = cands[k]
        if relative and (pos - cpos > RELATIVE_REACH or doc.sentence_at(cpos) != sentence):
            break  # "China's stance on the crisis, which": the relative's noun sits right before it
        if para is not None and (doc.paragraph_at(cpos) or 0) < para - PRONOUN_WINDOW:
            break
        where = inside(cpos) if how != "speaker" else None
        if where is not None and where != span and not (relative and doc.sentence_at(cpos) == sentence):
            continue  # a name inside what someone said is not the narrator's subject
        if how == "possessive" and sp.type == "person" and not relative:
            continue  # "Ayn Rand's book": not the subject
        kind = "person" if sp.type == "person" else kind if kind in ("place",) else sp.type
        if kind not in allowed:
            continue
        if kind == "person":
            if not sp.evidence or (p.gender and sp.gender and sp.gender != p.gender):
                continue  # "Republicans", "World": capitalised, but not known to be a person
            if p.gender == "f" and sp.gender is None:
                fallback = fallback or sp  # "she": a known woman in the window beats an unknown
                continue
        return sp
    return fallback


def _words(text: Any) -> int:
    return len(_QUOTED_WORD.findall(text)) if isinstance(text, str) else 0


def speakers_table(quotes: Table, speakers: list[Speaker | None], *, article: str | None = None) -> pd.DataFrame:
    """One row per speaker with at least one quote, sorted by quotes (then words) descending.

    ``article`` defaults to the quotes table's own ``article`` column.
    """
    return speaker_columns(quotes, speakers, article=article).to_frame()


def speaker_columns(quotes: Table, speakers: list[Speaker | None], *, article: str | None = None) -> Columns:
    """The ``speakers`` table as ``Columns`` (see ``speakers_table``)."""
    n = len(quotes)
    if article is None and n and "article" in quotes.columns:
        article = column(quotes, "article")[0]
    kinds = column(quotes, "kind", "direct")
    texts = column(quotes, "text", "")
    nested = _positions(quotes)
    names = display_names(speakers)
    words = [_words(t) for t in texts]
    own = list(words)
    for i in range(n):
        o = nested[i]
        if o is not None and 0 <= o < n and o != i:
            own[o] = max(0, own[o] - words[i])
    rows: dict[int, dict[str, Any]] = {}
    first: dict[int, int] = {}
    for i, sp in enumerate(speakers):
        if sp is None:
            continue
        r = rows.setdefault(sp.id, {"article": article, "speaker": names[sp.id], "type": sp.type, "quotes": 0, "direct": 0, "indirect": 0,
                                    "mixed": 0, "words": 0, "mentions": [], "role": sp.role})
        first.setdefault(sp.id, i)
        r["quotes"] += 1
        if kinds[i] in ("direct", "indirect", "mixed"):
            r[kinds[i]] += 1
        r["words"] += own[i]
        for v in sp.names + sp.mentions:
            if isinstance(v, str) and v not in r["mentions"]:
                r["mentions"].append(v)
    ordered = sorted(rows, key=lambda k: (-rows[k]["quotes"], -rows[k]["words"], first[k]))
    return Columns.from_rows([[rows[k][c] for c in SPEAKER_COLUMNS] for k in ordered], SPEAKER_SCHEMA)


def speakers_step(a: "Analysis") -> None:
    """Pipeline step: fill ``quotes.speaker`` and ``quotes.resolution``; add the ``speakers`` table."""
    quotes = a.tables.raw("quotes")
    if quotes is None or len(quotes) == 0:
        a.tables["speakers"] = speaker_columns(Columns.empty({}), [], article=a.article.id)
        return
    speakers, resolution, _ = _resolve(a.doc, quotes)
    table = speaker_columns(quotes, speakers, article=a.article.id)
    names = display_names(speakers)
    named = [names[sp.id] if sp else None for sp in speakers]
    if isinstance(quotes, Columns):
        quotes.set("speaker", named, "object")
        quotes.set("resolution", resolution, "object")
    else:  # a DataFrame someone stored
        quotes["speaker"] = pd.Series(named, index=quotes.index, dtype=object)
        quotes["resolution"] = pd.Series(resolution, index=quotes.index, dtype=object)
    a.tables["quotes"] = quotes
    a.tables["speakers"] = table
