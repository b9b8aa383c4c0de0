"""Subjects and clause shapes for the indirect-speech rules of ``helpers.attribution.Finder``.

The subject of a reporting verb when no short noun phrase stands before it (``Ann Ode, a nurse from
Ely, Nev., said``; ``By big margins, those polled say``; ``They met him and said``), and the shapes
that tell where a reported clause begins: a relative clause missing its subject (``a probe the agency
said was over``), a bare clause after the object of "told", an adverbial clause opening the report,
a participle of the narrator's after ``..., X said,``.

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text("Ann Ode, a nurse from Ely, Nev., working nights, said the ward was full.")
>>> [(doc.text[r["start"]:r["end"]], doc.text[r["mention"][0]:r["mention"][1]]) for r in Finder(doc).run()]
[('the ward was full', 'Ann Ode, a nurse from Ely, Nev., working nights')]
"""

from __future__ import annotations

from .cues import DASHES, SKIP_BEFORE_VERB, STOP_WORDS, TIME_WORDS, _adverb, _is_word, _norm
from .indirect import (
    _AUX,
    _CLAUSE_OPENERS,
    _COMMON_VERBS,
    _DETERMINERS,
    _GAP,
    _IN_SUBJECT,
    _LEAD_CONJ,
    _NO_CLAUSE,
    _PRONOUNS,
    _SUBJECT_PRONOUNS,
    _ing,
)
from .quotemarks import MARKS

__all__ = ["SubjectRules"]

#: Determiners and possessives: a cue word after one is a noun ("the estimates", "Ode's tweet").
_DETERMINERS_ALL = frozenset("a an the his her its their our my your 's ' \u2019".split())
#: Words that open a clause (a relative's head after one is the clause's subject, "What he said was").
_CLAUSE_START = frozenset("and but or so while if because although though when whereas since unless as".split())
#: Most words in a subject that holds an aside ("X, a farmer from Y, who ..., said").
_LONG_SUBJECT = 32
#: Capitalised sentence openers that are no name ("The plan", "Some voters", "Former aides").
_NOT_NAMES = frozenset("the a an some any many most several all both each every no former absent".split())


class SubjectRules:
    """Mixin of ``Finder`` (beside ``IndirectRules``, whose rules call these): uses its tokens and cues."""

    def participle(self, k: int, hi: int) -> bool:
        """``toks[k]`` opens a participle phrase of the narrator's (", wiping his brow"), not a gerund subject
        (", replacing her would be hard")."""
        toks = self.toks
        return _ing(toks[k].text) and not any(_norm(t.text) in _AUX for t in toks[k + 1 : min(k + 5, hi)])

    def day_adjunct(self, k: int, hi: int) -> bool:
        """``toks[k:hi]`` is a day and its adjunct, with no verb before a comma ("Tuesday in Paris, noting ...")."""
        toks = self.toks
        head = next((i for i in range(k, hi) if toks[i].text == ","), hi)
        return self.adjunct_tail(k, hi) and not any(_norm(t.text) in _AUX or t.text.endswith("'s") for t in toks[k:head])

    def sentence_subject(self, lo: int, b: int, *, long: bool = False) -> tuple[int, int] | None:
        """The whole stretch before the verb as its subject ("Thirty-one percent of those surveyed say",
        "By big margins, those polled say"), when it holds no clause break, quotation or other cue;
        ``long``: up to ``_LONG_SUBJECT`` words when it holds an aside ("Ann Ode, a farmer from Ely, said")."""
        toks = self.toks
        k = lo
        while k < b and (_norm(toks[k].text) in _LEAD_CONJ or not _is_word(toks[k].text)):
            k += 1
        comma = next((i for i in range(k, min(k + 6, b)) if toks[i].text == ","), None)
        if comma is not None and _norm(toks[k].text) in STOP_WORDS:
            k = comma + 1  # an opening adverbial: "Indeed,", "In New Hampshire,"
        e = b
        while e > k and toks[e - 1].text in (",", *DASHES):
            e -= 1  # "Sen. Ann Ode (D-Vt.), said"
        aside = long and self.aside_subject(k, e)
        b = e if aside else b
        if not 0 < b - k <= (_LONG_SUBJECT if aside else 16) or _norm(toks[k].text) in ("it", "there", "this", "that"):
            return None
        depth = 0
        for i in range(k, b):
            t = toks[i].text
            depth += (t == "(") - (t == ")")
            if t == "." and aside and toks[i - 1].end == toks[i].start:
                continue  # an abbreviation inside the sentence: "Jackson, Miss., a nurse"
            if i in self.cue_first and (not aside or i in self.used):
                return None  # another cue's record; "officers questioned on Monday, including X, said" has none
            if t in (".", ";", ":", "?", "!") or t in MARKS or depth < 0 or (depth and not aside):
                return None
        return (k, b) if depth == 0 else None

    def aside_subject(self, k: int, b: int) -> bool:
        """``toks[k:b]`` is a noun phrase with an aside ("Ann Ode, a farmer from Ely,", "Ode (R-Vt.)"): its
        head before the first comma, dash or parenthesis has no verb and it ends on a noun, not "the"."""
        toks = self.toks
        first = next((i for i in range(k, b) if toks[i].text in (",", "(", *DASHES)), None)
        last = _norm(toks[b - 1].text) if b > k else ""
        if first is None or first == k or last in STOP_WORDS | _DETERMINERS or last in ("a", "an", "the", "his", "her", "their", "its"):
            return toks[b - 1].text == ")" and first is not None and first > k
        if any(_norm(t.text) in _AUX | _COMMON_VERBS | _PRONOUNS for t in toks[k:first]):
            return False  # "The result is ...", "Ramos became ..., which": a clause, not a subject
        return not any(toks[i].text == "," and _norm(toks[i + 1].text) in _LEAD_CONJ for i in range(k, b - 1))

    def subject(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The sentence's subject for a second verb ("They met him and said ..."): a pronoun or a name."""
        toks = self.toks
        k = lo
        while k < hi and (_norm(toks[k].text) in _LEAD_CONJ or not _is_word(toks[k].text)):
            k += 1
        if k >= hi:
            return None
        comma = next((i for i in range(k, min(k + 10, hi)) if toks[i].text == ","), None)
        if comma is not None and comma + 1 < hi and (_norm(toks[comma + 1].text) in _SUBJECT_PRONOUNS or (
            toks[comma + 1].text[:1].isupper() and (_norm(toks[k].text) in STOP_WORDS or _norm(toks[k].text).endswith("ing"))
        )):
            k = comma + 1  # "However, he held his fire ...", "Walking to the door, Ode stopped and said"
        if _norm(toks[k].text) in _SUBJECT_PRONOUNS:
            return (k, k + 1)
        if not toks[k].text[:1].isupper():
            return None
        for j in range(k + 1, min(k + 7, hi)):  # "The judge rubbed ...": up to the first verb-like word
            w = toks[j].text
            if w == ",":
                return (k, j)  # "Sen. Ann Ode, who faces a hard race, withdrew ..., saying"
            if _norm(w) in _AUX and w.islower():
                return (k, j)  # "Carson has shown ..., slamming", "Black voters have formed ..."
            if _norm(w) in _IN_SUBJECT:
                continue  # "The attorney general of the state is suing ...", "Sanders' campaign launched"
            if not _is_word(w) or _norm(w) in STOP_WORDS:
                return None
            if w.islower() and (w.endswith("ed") or _norm(w) in _COMMON_VERBS or (
                w.endswith("s") and toks[j - 1].text[:1].isupper() and not w.endswith("ss")
                and _norm(toks[j - 1].text) not in ("the", "a", "an", "this", "these", "those", "his", "her", "their", "its")
            )):
                return (k, j)  # "... launched", "Wealth-X keeps"
            if w.islower() and not _adverb(w) and all(t.text[:1].isupper() for t in toks[k:j]) and (
                _norm(toks[k].text) not in STOP_WORDS | _NOT_NAMES
            ):
                return (k, j)  # "Ann Ode threw her support ...": a name, then an irregular verb
        return None

    def told_clause(self, obj: int, k: int, hi: int) -> bool:
        """After "told", ``toks[obj:k]`` is a name or pronoun object and a clause with a verb starts at ``k``."""
        toks = self.toks
        title = True  # lower-case words only before the name: "radio host Ann Ode"
        for i in range(obj, k):
            w = toks[i].text
            title = title and w.islower()
            if not (w[:1].isupper() or _norm(w) in _NO_CLAUSE or _norm(w) in ("'s", "the") and i > obj
                    or (title and _norm(w) not in STOP_WORDS) or (_norm(w) == "the" and i == obj)):
                return False  # the object: "the AP", "host Ann Ode", "Radio Ode's host", "me"
        if k + 1 < hi and _norm(toks[k + 1].text) in TIME_WORDS:
            return False  # "told them this week he ...": an adjunct, the clause comes later
        for i in range(k + 1, min(k + 8, hi)):
            w = toks[i].text
            if not _is_word(w) and w not in ("'s", "'", "\u2019"):
                return False
            if w.islower() and (_norm(w) in _AUX or (w.endswith("ed") and len(w) > 4)):
                return True
        return False

    def fronted_clause(self, k: int, hi: int) -> bool:
        """``toks[k:hi]`` is an adverbial clause, a comma and a main clause with a subject pronoun or name."""
        toks = self.toks
        comma = next((i for i in range(k + 2, min(k + 20, hi)) if toks[i].text in (",", ".", ";", ":") or toks[i].text in MARKS), None)
        if comma is None or toks[comma].text != "," or comma + 2 >= hi:
            return False
        nxt = toks[comma + 1].text
        return _norm(nxt) in _SUBJECT_PRONOUNS | {"it", "there"} or nxt in MARKS or (
            nxt[:1].isupper() and _norm(nxt) not in STOP_WORDS) or _norm(nxt) in _CLAUSE_OPENERS

    def gap_before(self, first: int) -> bool:
        """The subject before ``toks[first]`` sits in a relative clause that lacks its own subject: "which
        officials (said was)", "displaying what analysts", "a probe the agency", "a theme Ode"; not "What he
        (said was wrong)" or "not everything Ode (says is true)", where the clause is the sentence's subject."""
        toks = self.toks
        if first < 2 or _norm(toks[first - 1].text) in _DETERMINERS_ALL or _norm(toks[first - 1].text).endswith("'s"):
            return False  # "the estimates are", "Ode's tweet was": the cue is a noun
        i = first - 1
        while i > 0 and i > first - 7 and toks[i - 1].sentence == toks[first].sentence:
            w = _norm(toks[i - 1].text)
            if w in ("which", "who", "whom"):
                return True
            if w in _GAP:
                return self.inside_clause(i - 1)
            if not _is_word(w) and w not in ("'s", "'", "\u2019"):
                return i == first - 1  # "..., officials said will": a one-word subject after a break
            if w in STOP_WORDS and w not in SKIP_BEFORE_VERB:
                return False
            if toks[i - 1].text.islower() and not _adverb(w) and (
                toks[i].text[:1].isupper() or _norm(toks[i].text) in ("the", "a", "an")
            ):
                return self.inside_clause(i - 1)  # "a probe the agency said was": a noun and its relative
            i -= 1
        return False

    def inside_clause(self, i: int) -> bool:
        """``toks[i]`` (with its determiners) does not open the sentence or a clause ("What he said was")."""
        toks = self.toks
        while i > 0 and _norm(toks[i - 1].text) in _DETERMINERS_ALL | {"not", "every", "all"}:
            i -= 1
        return i > 0 and toks[i - 1].sentence == toks[i].sentence and toks[i - 1].text not in (":", ";") and (
            _norm(toks[i - 1].text) not in _CLAUSE_START
        )
