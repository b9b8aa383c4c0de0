"""Cues of direct quotes found away from the quote's own sentence, for ``helpers.attribution.Finder``.

``next_sentence_cue`` finds the cue of a quote that the sentence tokenizer split from it
(``'"... late." he said.'``). In ``'"...," X said, according to Y.'`` the quote stays X's: PolNeAR
marks Y as the source, but who speaks is X, and the speakers table counts speakers.

A mixin: the methods read the Finder's tokens (``self.toks``), sentences (``self.sents``), cues
(``self.cue_first``) and its ``trailing`` rule.

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text('"We are done." he said on Monday, according to the Daily Ledger.')
>>> [(r["kind"], doc.text[slice(*r["cue"])], doc.text[slice(*r["mention"])]) for r in Finder(doc).run()][:1]
[('direct', 'said', 'he')]
"""

from __future__ import annotations

from .cues import STOP_WORDS, _is_word, _norm

__all__ = ["QuoteSources"]


class QuoteSources:
    """Mixin: the cue opening the sentence after a direct quote."""

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
