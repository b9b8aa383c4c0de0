"""Hedged and expected states of affairs for ``helpers.attribution.Finder``: the ``[seem]`` cues.

``X seemed to ...``, ``X appears ready to ...``, ``X is expected to ...``, ``X reportedly ...``: the
narrator reports an impression or an expectation about X, so the content is the subject together with
what follows the cue (PolNeAR marks the subject and the complement as one content, and leaves the
source out unless one is named); ``It seems that ...`` reports the clause alone.

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text("The senator seemed unmoved by the protest. The vote is expected to pass easily.")
>>> [(doc.text[r["start"]:r["end"]], r["mention"]) for r in Finder(doc).run()]
[('The senator seemed unmoved by the protest', None), ('The vote is expected to pass easily', None)]
"""

from __future__ import annotations

from .cues import DASHES, HEDGE, STOP_WORDS, Cue, _is_word, _norm, mention_before
from .quotemarks import MARKS

__all__ = ["StanceRules"]

#: Words after "seem"/"appear" that open no complement of the subject ("appeared on TV", "seems to me").
_NOT_COMPLEMENT = frozenset("me us him her them you".split())
#: Words after "it seems" that open the reported clause.
_CLAUSE_OPENERS = frozenset("that like as".split())
#: Dummy subjects: "it seems ..." reports the clause after the cue.
_DUMMY = frozenset(("it",))
#: The adverb cue: "X reportedly ..." (the subject and the rest of its clause are the content).
_ADVERB = "reportedly"
#: Words that open the subject's clause when met walking back from the cue ("..., and the plan seems").
_SUBJECT_STOP = frozenset(
    "and but or so yet because although though while whereas if when since as after before until unless "
    "despite than whether".split()
)
#: Words after a comma that end the complement ("..., as the band played", "..., despite holdouts").
_COMPLEMENT_STOP = frozenset(
    "as and but despite even while whereas although though because since when if which who according "
    "including".split()
)
#: Words that open an adjunct clause after the complement ("seemed calm when asked", "... after the vote").
_CUT_WORDS = frozenset("even despite when after while because before since though although until whereas unless".split())
#: Words after a comma that open a new clause's subject ("..., they also ...").
_NEW_SUBJECT = frozenset("he she they we i it the this these those there".split())
_BE = frozenset("is are was were be been being 's 're".split())
_NEGATION = frozenset("not n't also still".split())
_SKIP = frozenset("has have had is are was were be been being 's 're also still now already not n't might may "
                  "could would should will can must".split())


class StanceRules:
    """Mixin of ``Finder``: the ``[seem]`` cues (uses its tokens, cues and ``indirect_record``)."""

    def seeming(self, c: Cue, lo: int, hi: int) -> None:
        """Record ``subject + cue + complement`` for a ``[seem]`` cue, with no source."""
        toks = self.toks
        k = c.last
        if k >= hi or c.first == lo and _norm(toks[c.first].text) != _ADVERB:
            return
        if _norm(toks[c.first].text) == "expected" and not self.be_before(c.first, lo):
            return  # "Analysts expected to ...": a wish of the subject's, not an expectation about it
        last = self.records[-1] if self.records else None
        if last is not None and last["kind"] == "indirect" and last["start"] <= c.start < last["end"]:
            return  # "X acknowledged that Y won and seems to ...": part of that report
        adverb = _norm(toks[c.last - 1].text) == _ADVERB
        if adverb and c.first > lo and toks[c.first - 1].text == ",":
            return  # "..., reportedly winning over ...": a participle clause of the narrator's
        w = _norm(toks[k].text)
        if not _is_word(w) or w in _NOT_COMPLEMENT:
            return
        if not adverb and not _norm(toks[c.last - 1].text) == "to":  # "seemed", "appears": what comes next?
            if w == "to" and (k + 1 >= hi or _norm(toks[k + 1].text) in _NOT_COMPLEMENT):
                return  # "seems to me"
            if w in STOP_WORDS and w != "to" and w not in _CLAUSE_OPENERS:
                return  # "appeared on television", "appears in the book"
        m = self.seeming_subject(c.first, lo) or mention_before(toks, c.first, lo)
        if m is None:
            j = c.first
            while j > lo and _norm(toks[j - 1].text) in _SKIP:
                j -= 1
            if j > lo and _norm(toks[j - 1].text) in ("and", "but") and not adverb:
                self.indirect_record(c, None, k, self.complement_end(k, hi), flag=HEDGE)  # "X won and seemed to ...": the complement
            return
        if _norm(toks[m[1] - 1].text) in _DUMMY and _norm(toks[k - 1].text) != "to":
            if w not in _CLAUSE_OPENERS:
                return  # "it seemed unlikely": no subject of its own
            a = k + 1 if w in ("that", "like") else k
            if w == "as" and k + 1 < hi and _norm(toks[k + 1].text) in ("if", "though"):
                a = k + 2  # "it seems as if ..."
            return self.indirect_record(c, None, a, hi, flag=HEDGE)
        if w in _CLAUSE_OPENERS and not adverb:
            return  # "X seemed like a fait accompli": a comparison
        relative = _norm(toks[m[0]].text) in ("who", "which") and m[0] > lo and toks[m[0] - 1].text == ","
        self.indirect_record(c, None, m[0], self.complement_end(k, hi, relative=relative), flag=HEDGE)

    def be_before(self, first: int, lo: int) -> bool:
        """A form of "be" before token ``first``, past adverbs and negation ("is not widely expected")."""
        toks = self.toks
        j = first
        while j > lo and (_norm(toks[j - 1].text) in _NEGATION or _norm(toks[j - 1].text).endswith("ly")):
            j -= 1
        return j > lo and _norm(toks[j - 1].text) in _BE

    def seeming_subject(self, first: int, lo: int) -> tuple[int, int] | None:
        """The whole subject before a ``[seem]`` cue ("the politician with the big personality"): back to
        the clause's edge (punctuation, a conjunction, a relative, which is kept), at most 14 words."""
        toks = self.toks
        j = first
        while j > lo and (_norm(toks[j - 1].text) in _SKIP or _norm(toks[j - 1].text).endswith("ly")):
            j -= 1  # "has appeared", "is reportedly", "clearly seems"
        i = j
        while i > lo and j - i < 14:
            w = _norm(toks[i - 1].text)
            if w in ("who", "which", "that", "there"):
                return (i - 1, j) if i == j else (i, j)  # "who seems", "there seems to be"
            if w in _SUBJECT_STOP or (not _is_word(w) and w not in ("'", "\u2019", "'s")):
                break
            i -= 1
        else:
            if i > lo:
                return None
        while i < j and _norm(toks[i].text) in STOP_WORDS:
            i += 1  # "With X reportedly ...": the preposition opens an adjunct, not the subject
        return (i, j) if i < j else None

    def complement_end(self, k: int, hi: int, *, relative: bool = False) -> int:
        """Where the complement from token ``k`` ends: before ", as ...", "even if", a dash or a semicolon
        (and at any comma for a relative clause set off by commas, ", who is expected to ..., ")."""
        toks = self.toks
        depth = 0
        for e in range(k + 1, hi):
            t = toks[e].text
            if t in MARKS:
                depth ^= 1
            if depth:
                continue
            w = _norm(toks[e + 1].text) if e + 1 < hi else ""
            if t == "," and (relative or w in _COMPLEMENT_STOP or w.endswith("ing") or w in _NEW_SUBJECT) or t in DASHES or t in (";", ":", "("):
                return e
            if t == "," and any(i in self.cue_first for i in range(e + 1, min(e + 5, hi))):
                return e  # "... is expected to pass, aides said": the narrator's attribution follows
            if _norm(t) in _CUT_WORDS and e > k + 2:
                return e
        return hi
