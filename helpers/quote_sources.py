"""Sources of direct quotes that the cue's own subject is not, for ``helpers.attribution.Finder``.

``'"...," X said, according to Y.'``: the quote reaches the reader through Y, and Y is its source
(as PolNeAR annotates it), with ``according to`` as the cue; the said-clause is part of what Y reports.

A mixin: the methods read the Finder's tokens (``self.toks``) and cues (``self.cue_first``).

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text('"We are done," Ann Lee said on Monday, according to the Daily Ledger.')
>>> [(r["kind"], doc.text[slice(*r["cue"])], doc.text[slice(*r["mention"])]) for r in Finder(doc).run()]
[('direct', 'according to', 'the Daily Ledger')]
"""

from __future__ import annotations

from .cues import Cue, _is_word, mention_after
from .quotemarks import MARKS

__all__ = ["QuoteSources", "RELAY_GAP"]

#: Most tokens between the end of the said-clause and a relaying ``according to``.
RELAY_GAP = 10
#: Tokens that end the said-clause: what follows them is no longer part of it.
_CLAUSE_ENDS = frozenset(". ; : ! ? ( ) \u2014 \u2013 --".split())


class QuoteSources:
    """Mixin: a relayed source after a direct quote's trailing cue."""

    def relayed_by(self, cue: Cue, mention: tuple[int, int] | None, hi: int) -> tuple[Cue, tuple[int, int]] | None:
        """``(cue, mention tokens)`` of ``according to Y`` closing the said-clause of ``cue`` (a cue
        after the quote), or None: ``'"...," X said in a statement, according to Y.'``."""
        k = max(cue.last, mention[1] if mention else 0)
        stop = min(hi, k + RELAY_GAP)
        while k < stop:
            c = self.cue_first.get(k)
            t = self.toks[k].text
            if c is not None:
                if c.cls != "source-after" or not t[:1].islower():
                    return None  # '..., he said, adding that ...': another report
                m = mention_after(self.toks, c.last, hi)
                return (c, m) if m is not None else None
            if t in _CLAUSE_ENDS or (t in MARKS and not _is_word(t)):
                return None
            k += 1
        return None
