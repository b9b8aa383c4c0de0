"""Where an indirect quote's content ends, for ``helpers.attribution.Finder`` (mixed into ``IndirectRules``).

A reported clause stops where a second attribution begins: after a comma, or after "and"/"but", comes
a new subject and its own reporting verb (``X said the deal was fair, and 40 percent said ...``,
``After Ode said that ..., Judge Lee proceeded to ...``). The stretch before the break must not open
with a subordinate clause of its own (``said that if the bill fails, the mayor will veto ...``).

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text("Most said they backed the plan and 40 percent said they opposed the tax.")
>>> [doc.text[r["start"]:r["end"]] for r in Finder(doc).run()]
['they backed the plan', 'they opposed the tax']

An object noun phrase stops before a closing adjunct that says where or when the statement was made:

>>> doc = tokenize_text("The governor criticized the senator in a radio interview.")
>>> [doc.text[r["start"]:r["end"]] for r in Finder(doc).run()]
['the senator']
"""

from __future__ import annotations

from .cues import DASHES, _is_word, _norm, passive

__all__ = ["ContentSpans"]

#: Words that open a subordinate clause inside the content, whose main clause follows a comma.
SUBORDINATE_OPENERS = frozenset(
    "if when while whether because although though after before since unless once as during despite until".split()
)
#: Lower-case words that can open the subject of a second attribution.
SUBJECT_OPENERS = frozenset("he she they we i the".split())
#: Cue classes of the second attribution's verb (speech and comment verbs, not beliefs or wishes).
SPEECH_CLASSES = frozenset(("say", "tell", "verb"))
#: Prepositions of an adjunct that places a statement ("on Twitter", "in an interview", "at a rally").
EVENT_PREPS = frozenset("in on at during".split())
#: Nouns of the occasion or medium of a statement that end such an adjunct.
EVENT_NOUNS = frozenset(
    "interview interviews tweet tweets twitter facebook instagram statement statements speech speeches rally "
    "rallies event events debate debates conference briefing appearance appearances show radio television tv "
    "broadcast podcast program programme op-ed column letter email emails hearing meeting town forum remarks "
    "address video call occasions occasion".split()
)
#: Words that show the phrase after the preposition says more than where or when ("on Monday over his stance").
NOT_IN_ADJUNCT = frozenset("over about for against that who which of".split())
#: Words after ", as" that open a clause ("..., as he left"), not a comparison or a role ("as a candidate").
AS_CLAUSE = frozenset("he she they it we i has have had was were is are did does".split())
#: The tokens at which ``narrator_break`` can end a content.
BREAK_WORDS = frozenset((",", "even", "and", "but"))
#: How far after the break the second cue may come (its subject's length plus one).
REACH = 6
#: Pronouns that open the narrator's clause after a subordinator.
NARRATOR_SUBJECTS = frozenset("he she they we i it".split())
#: Subordinators that, right after a cue (and its object), open a clause of the narrator's ("said as he left").
NARRATOR_TAIL = frozenset("as while when after before since because once until".split())
#: Relative pronouns that open a clause an "according to X" after it can report on its own.
REPORTED_RELATIVES = frozenset(("which", "who", "whose"))


class ContentSpans:
    """Mixin: content boundaries (uses the Finder's ``toks`` and ``cue_first``)."""

    def narrator_break(self, a: int, k: int, e: int) -> int | None:
        """Where the content ``a:e`` ends at token ``k`` because the narrator takes over (``narrator_aside``,
        or a ``second_attribution`` after a comma or after "and"/"but" without one); None if it goes on."""
        toks = self.toks
        w = _norm(toks[k].text)
        if w not in BREAK_WORDS:
            return None  # the common case, decided at once
        if w in (",", "even") and self.narrator_aside(k, e) and self.has_words(a, k, 4):
            return k
        if w == "," and self.second_attribution(a, k, e) and self.has_words(a, k, 3):
            return k
        if w in ("and", "but") and toks[k - 1].text != "," and self.second_attribution(a, k, e) and (
            self.has_words(a, k, 3)
        ):
            return k - 1 if toks[k - 1].text in DASHES else k
        return None

    def reported_relative(self, a: int, e: int) -> int:
        """Where the content ``a:e`` of a closing "..., according to X" begins: at a relative clause set
        off by the last comma ("X said the fee rose, which the mayor opposed, according to ...") when the
        main clause before it is a report of its own; else at ``a``."""
        toks = self.toks
        if e - a < 6 or toks[e].text not in (",", *DASHES):
            return a
        j = next((i for i in range(e - 1, a, -1) if toks[i].text in (",", *DASHES)), None)
        if j is None or j + 3 > e or _norm(toks[j + 1].text) not in REPORTED_RELATIVES:
            return a
        if any(i in self.cue_first and self.cue_first[i].cls in SPEECH_CLASSES for i in range(a, j)):
            return j + 1
        return a

    def narrator_tail(self, k: int, hi: int) -> bool:
        """Token ``k`` after a cue opens the narrator's adverbial clause: a subordinator then a subject
        pronoun or a participle ("..., the mayor said as he left", "told aides while touring the docks")."""
        toks = self.toks
        if k + 2 >= hi or _norm(toks[k].text) not in NARRATOR_TAIL:
            return False
        nxt = toks[k + 1].text
        return _norm(nxt) in NARRATOR_SUBJECTS or nxt.islower() and nxt.endswith("ing") and len(nxt) > 4

    def event_adjunct(self, a: int, e: int) -> int:
        """Where an object noun phrase ``a:e`` ends before a closing adjunct that places the statement
        ("mocked him on Twitter", "defended Ode in a recent interview", "endorsed Lee at a rally")."""
        toks = self.toks
        for k in range(a + 1, max(a + 1, e - 1)):
            if _norm(toks[k].text) in EVENT_PREPS and e - k <= 8 and all(_is_word(t.text) for t in toks[k:e]):
                rest = [_norm(t.text) for t in toks[k + 1 : e]]
                if any(w in EVENT_NOUNS for w in rest) and not any(w in NOT_IN_ADJUNCT for w in rest):
                    return k
                return e
        return e

    def narrator_aside(self, k: int, e: int) -> bool:
        """Token ``k`` opens a clause of the narrator's set against the report: "even as"/"even though"
        (with or without a comma), or ", as" before a pronoun or an auxiliary ("..., as he left", "..., as
        has the mayor")."""
        toks = self.toks
        if k + 2 >= e:
            return False
        w, nxt = _norm(toks[k].text), _norm(toks[k + 1].text)
        if w == ",":
            w, nxt, k = nxt, _norm(toks[k + 2].text), k + 1
        if w == "even":  # not "even as a candidate": a role
            return nxt == "though" or nxt == "as" and k + 2 < e and _norm(toks[k + 2].text) not in ("a", "an")
        return w == "as" and toks[k - 1].text == "," and (nxt in AS_CLAUSE)

    def second_attribution(self, a: int, k: int, e: int) -> bool:
        """Token ``k`` (a comma, "and" or "but") inside the content ``a:e`` is followed by a short subject
        (a name, a number, a pronoun or "the ...") and an active speech cue not set off by a comma: a
        second attribution begins there, unless the content opens with a subordinate clause."""
        toks = self.toks
        for j in range(k + 1, min(k + REACH, e)):
            cue = self.cue_first.get(j)
            if cue is not None:
                if j == k + 1 or cue.cls not in SPEECH_CLASSES:
                    return False
                nxt = _norm(toks[cue.last].text) if cue.last < e else ","
                if nxt in (",", "by") or passive(toks, cue):
                    return False  # "X, Ode said, ...", "the fee set by"
                return not any(_norm(toks[i].text) in SUBORDINATE_OPENERS for i in range(a, k))
            w = toks[j].text
            if not _is_word(w) or _norm(w) in ("and", "or"):
                return False
            if j == k + 1 and not (w[:1].isupper() or w[:1].isdigit() or _norm(w) in SUBJECT_OPENERS):
                return False
        return False
