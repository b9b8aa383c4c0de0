"""Cues and sources of direct quotes found away from the quote's own clause, for ``helpers.attribution.Finder``.

``'"...," X said, according to Y.'``: the quote reaches the reader through Y, and Y is its source
(as PolNeAR annotates it), with ``according to`` as the cue; the said-clause is part of what Y reports.

``next_sentence_cue`` (moved here from ``attribution.py``) finds the cue of a quote that the sentence
tokenizer split from it (``'"... late." he said.'``).

A mixin: the methods read the Finder's tokens (``self.toks``), sentences (``self.sents``), cues
(``self.cue_first``) and its ``trailing`` rule.

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text('"We are done," Ann Lee said on Monday, according to the Daily Ledger.')
>>> [(r["kind"], doc.text[slice(*r["cue"])], doc.text[slice(*r["mention"])]) for r in Finder(doc).run()]
[('direct', 'according to', 'the Daily Ledger')]
"""

from __future__ import annotations

from .cues import STOP_WORDS, Cue, _is_word, _norm, mention_after
from .quotemarks import MARKS

__all__ = ["QuoteSources", "RELAY_GAP"]

#: Most tokens between the end of the said-clause and a relaying ``according to``.
RELAY_GAP = 10
#: Tokens that end the said-clause: what follows them is no longer part of it.
_CLAUSE_ENDS = frozenset(". ; : ! ? ( ) \u2014 \u2013 --".split())


class QuoteSources:
    """Mixin: the cue opening the sentence after a direct quote; a relayed source after its trailing cue."""

    def next_sentence_cue(self, close_i: int, s: int):
        """'"... boring." he tweeted.' split by the sentence tokenizer: the cue opening the next sentence."""
        nxt = self.sents[s]
        if nxt.paragraph != self.sents[s - 1].paragraph or nxt.first_token != close_i:
            return None
        found = self.trailing(close_i, nxt.end_token)
        if found is None:
            return None
        cue, m = found
        if self.toks[close_i].text[:1].islower():
            return found
        if cue.first == close_i and m is None:
            return None  # '"... quickly." Asked whether ...': a new sentence, not '"...." Said the mayor.'
        if self.toks[close_i - 2].text in ("?", "!") and m is not None:
            return found  # '"Who knows?" Ode told the ITV network.': a question ends the quote, not the sentence
        after = max(cue.last, m[1] if m else 0)
        if after >= nxt.end_token:
            return found
        w = _norm(self.toks[after].text)  # not '"B." Lee said: "C"': that cue introduces what follows its colon
        return found if (not _is_word(w) and w != ":" or (w in STOP_WORDS and w != "that")) else None

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
