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
"""

from __future__ import annotations

from .cues import _is_word, _norm, passive

__all__ = ["ContentSpans"]

#: Words that open a subordinate clause inside the content, whose main clause follows a comma.
SUBORDINATE_OPENERS = frozenset(
    "if when while whether because although though after before since unless once as during despite until".split()
)
#: Lower-case words that can open the subject of a second attribution.
SUBJECT_OPENERS = frozenset("he she they we i the".split())
#: Cue classes of the second attribution's verb (speech and comment verbs, not beliefs or wishes).
SPEECH_CLASSES = frozenset(("say", "tell", "verb"))
#: How far after the break the second cue may come (its subject's length plus one).
REACH = 6


class ContentSpans:
    """Mixin: content boundaries (uses the Finder's ``toks`` and ``cue_first``)."""

    def second_attribution(self, a: int, k: int, e: int) -> bool:
        """Token ``k`` (a comma, "and" or "but") inside the content ``a:e`` is followed by a short subject
        (a name, a number, a pronoun or "the ...") and an active speech cue not set off by a comma: a
        second attribution begins there, unless the content opens with a subordinate clause."""
        toks = self.toks
        if any(_norm(toks[i].text) in SUBORDINATE_OPENERS for i in range(a, k)):
            return False
        for j in range(k + 1, min(k + REACH, e)):
            cue = self.cue_first.get(j)
            if cue is not None:
                if j == k + 1 or cue.cls not in SPEECH_CLASSES:
                    return False
                nxt = _norm(toks[cue.last].text) if cue.last < e else ","
                return nxt not in (",", "by") and not passive(toks, cue)  # not "X, Ode said, ...", "the fee set by"
            w = toks[j].text
            if not _is_word(w) or _norm(w) in ("and", "or"):
                return False
            if j == k + 1 and not (w[:1].isupper() or w[:1].isdigit() or _norm(w) in SUBJECT_OPENERS):
                return False
        return False
