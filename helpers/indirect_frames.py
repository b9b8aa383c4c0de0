"""Attributions framed without a speaking subject, for ``helpers.attribution.Finder``.

- questions put to someone: ``Asked whether ..., X said``, ``when asked how ...``, ``X was asked by Y if ...``
  (the question is the content; its source is the asker when named, else unknown);
- documents and occasions as sources: ``In a poll released Monday, 50 percent ...``;
- an indirect quote holding a quoted fragment is mixed (``mark_mixed``).

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text("Asked whether the talks would resume, the envoy said he hoped so.")
>>> [(doc.text[r["start"]:r["end"]], r["mention"]) for r in Finder(doc).run() if r["cue"] == (0, 5)]
[('whether the talks would resume', None)]
"""

from __future__ import annotations

import bisect

from .cues import DASHES, Cue, _is_word, _norm, mention_after, mention_before, passive
from .quotemarks import MARKS

__all__ = ["FrameRules", "past_form"]

#: Nouns of documents and occasions that stand as sources ("In a poll released Monday, ...").
_DOCUMENTS = frozenset(
    "poll polls survey surveys interview interviews statement report study letter memo op-ed email speech "
    "tweet post video filing analysis column book editorial testimony remarks address".split()
)
#: Verbs that put a question to someone.
_ASK = frozenset("asked".split())
#: Words before "asked" that make it a reduced clause ("when asked", "if asked").
_ASK_LEAD = frozenset("when after if once while before and but".split())
#: Words that open the question itself.
_QUESTION = frozenset("whether if how what why when where who whom which about to".split())

#: Subjects of a passive that are no content of their own ("it was said by", "which was backed by").
_NOT_SUBJECTS = frozenset("it this that which who there what".split())
#: Past forms that do not end in "-ed".
_IRREGULAR_PAST = frozenset(
    "said told thought wrote felt knew found saw gave made took went came got left held met ran won spoke "
    "brought kept sent spent led became began stood sat meant heard paid".split()
)

#: Words that open a subordinate clause ("After X announced that ..., Y did").
_SUBORDINATORS = frozenset("while although though as after since because when if despite before once until whereas unless".split())
#: Lower-case words that open the subject of a main clause ("..., the race was close", "..., he left").
_MAIN_SUBJECT = frozenset("he she they we i it there the his her their its this these those one some many most".split())

#: Words after a comma that carry an object noun phrase on ("cited three factors, including ...").
_OBJECT_GOES_ON = frozenset("including especially particularly notably such".split())

#: Relatives that open a clause set off by commas or dashes.
_RELATIVES_IN = frozenset("which who whom whose".split())
#: Words that, after the comma closing a relative clause, open no more of the content.
_NOT_GOING_ON = frozenset(
    "and but or so yet which who whom whose while whereas when where according although though even as because "
    "if since".split()
)

#: Nouns of attitude whose prepositional object is what a cue reports on ("voiced support for X").
_ATTITUDE_NOUNS = frozenset(
    "concern concerns support enthusiasm defense defenses assault attack attacks criticism praise opposition "
    "sympathy doubts doubt skepticism scepticism worries worry fears fear interest admiration contempt disdain "
    "frustration anger outrage confidence faith respect hopes hope desire sights disapproval approval dismay "
    "alarm regret gratitude appreciation optimism pessimism unease displeasure".split()
)
#: Adverbs between a subject and its verb ("he also said").
_ADVERBS = frozenset("also then later again still even never".split())
#: Possessors before an attitude noun ("his support for").
_POSSESSIVES = frozenset("his her their its my our your 's".split())
#: Prepositions after an attitude noun.
_ATTITUDE_PREPS = frozenset("about for of on at with toward towards over in".split())


def past_form(word: str) -> bool:
    """True for a past form ("argued", "said"), by its ending or the irregular list.

    >>> [past_form(w) for w in ("argued", "told", "supports", "want", "finding")]
    [True, True, False, False, False]
    """
    w = _norm(word)
    return w in _IRREGULAR_PAST or w.endswith("ed")


class FrameRules:
    """Mixin of ``Finder``: attributions framed by a question or a document (uses its tokens and records)."""

    def has_words(self, i: int, j: int, n: int) -> bool:
        """True when ``toks[i:j]`` holds at least ``n`` words (stops as soon as it knows)."""
        toks = self.toks
        for k in range(i, min(j, len(toks))):
            if _is_word(toks[k].text):
                n -= 1
                if n <= 0:
                    return True
        return n <= 0

    def question(self, c: Cue, lo: int, hi: int) -> bool:
        """``Asked whether ..., X said`` / ``X was asked by Y if ...``: record the question; True if one was."""
        toks = self.toks
        if c.last - c.first != 1 or _norm(toks[c.first].text) not in _ASK:
            return False
        k = c.first
        while k > lo and not _is_word(toks[k - 1].text):
            k -= 1
        initial = k == lo
        reduced = initial or _norm(toks[k - 1].text) in _ASK_LEAD
        if not (reduced or passive(toks, c)):
            return False
        j, m = c.last, None
        if j < hi and _norm(toks[j].text) == "by":  # "asked by host Ann Ode whether ..."
            m = mention_after(toks, j + 1, hi)
            if m is None:
                return False
            j = m[1]
        start = None
        for i in range(j, min(j + 8, hi)):
            w = _norm(toks[i].text)
            if w in _QUESTION and (w != "to" or i == c.last):
                start = i + 1 if w == "about" else i
                break
            if w in (",", ".", ";", ":", "?", "!") or toks[i].text in MARKS:
                return False
        if start is None or start >= hi:
            return False
        end = hi
        if reduced:  # the main clause follows the question after a comma
            depth = 0
            for i in range(start, hi):
                if toks[i].text in MARKS:
                    depth ^= 1
                elif toks[i].text == "," and not depth:
                    end = i
                    break
        if not self.has_words(start, end, 2):
            return False
        self.indirect_record(c, m, start, end)
        return True

    def passive_by(self, c: Cue, lo: int, hi: int) -> None:
        """``Y was backed by X``, ``Y was criticized on Friday by X``: X is the source, the subject Y the content."""
        toks = self.toks
        by = next((k for k in range(c.last, min(c.last + 4, hi)) if _norm(toks[k].text) == "by"), None)
        if by is None or any(not _is_word(t.text) for t in toks[c.last:by]):
            return
        m = mention_after(toks, by + 1, hi)
        subj = mention_before(toks, c.first, lo)
        if m is None or subj is None or _norm(toks[subj[0]].text) in _NOT_SUBJECTS:
            return
        self.indirect_record(c, m, subj[0], subj[1], min_words=1)

    def document_frames(self) -> None:
        """"In a poll released Monday, 50 percent ...", "In an interview with X, she ...": the document or
        event named after a sentence-initial "In" is the source of the clause after the comma."""
        toks = self.toks
        for p in self.body:
            for s in range(p.first_sentence, p.end_sentence):
                lo, hi = self.sents[s].first_token, self.sents[s].end_token
                if hi - lo < 6 or _norm(toks[lo].text) != "in" or self.in_outer(toks[lo].start):
                    continue
                comma = next((k for k in range(lo + 1, min(lo + 14, hi)) if toks[k].text == ","), None)
                if comma is None or not any(_norm(t.text) in _DOCUMENTS for t in toks[lo + 1 : comma]):
                    continue
                if any(k in self.cue_first for k in range(lo, hi)):
                    continue  # "In an interview, she said ...": the verb's record covers it
                cue = Cue(lo, lo + 1, toks[lo].start, toks[lo].end, toks[lo].text, "source-after")
                self.indirect_record(cue, (lo + 1, comma), comma + 1, hi)

    def subordinate(self, c: Cue) -> bool:
        """The cue's clause is subordinate ("While X has said that ...", "Days after X announced ..."): a
        subordinator, then the subject, before the cue with no punctuation between."""
        toks = self.toks
        lo = self.sents[toks[c.first].sentence].first_token
        for i in range(c.first - 1, max(lo, c.first - 20) - 1, -1):
            w = _norm(toks[i].text)
            if w in _SUBORDINATORS:
                return i < c.first - 1
            if w in (",", ";", ":", "(", ")") or w in DASHES:
                return False
        return False

    def main_clause(self, a: int, k: int, e: int, depth: int) -> bool:
        """After a subordinate cue, token ``k`` (a comma, or a closing mark after one) ends the content:
        a main clause's subject follows ("After X said that ..., the union struck")."""
        toks = self.toks
        t = toks[k].text
        if not (t == "," and not depth or t in MARKS and depth and toks[k - 1].text == ","):
            return False
        if k + 1 >= e or not self.has_words(a, k, 2):
            return False
        nxt = toks[k + 1].text
        return _norm(nxt) in _MAIN_SUBJECT or (nxt[:1].isupper() and _norm(nxt) not in ("and", "but", "or", "so", "yet"))

    def object_goes_on(self, k: int, hi: int) -> bool:
        """The comma ``k`` inside an object noun phrase does not end it: "..., including ...", or a list
        ("attacked voters, lawmakers and donors") whose "and"/"or" comes before any other punctuation."""
        toks = self.toks
        if k + 1 >= hi:
            return False
        nxt = toks[k + 1].text
        if _norm(nxt) in _OBJECT_GOES_ON:
            return True
        if not (nxt[:1].isalpha() and _is_word(nxt)) or nxt.islower() and past_form(nxt):
            return False  # "rejected both objections, ruled ...": a second verb
        for i in range(k + 2, min(k + 7, hi)):
            w = toks[i].text
            if _norm(w) in ("and", "or"):
                return True
            if not _is_word(w) and w != ",":
                return False
        return False

    def relative_inside(self, k: int, e: int) -> bool:
        """``, which ...,`` / ``- who ... -`` at ``k`` sits inside the content: closed by the same mark after
        three or more words, with the clause going on after it ("the plan, which passed, will cost more")."""
        toks = self.toks
        if k + 1 >= e or _norm(toks[k + 1].text) not in _RELATIVES_IN:
            return False
        mark, depth = toks[k].text, 0
        for j in range(k + 2, e):
            t = toks[j].text
            if t in MARKS:
                depth ^= 1
            elif depth:
                continue
            elif t == mark or (mark in DASHES and t in DASHES):
                if j + 1 >= e or not self.has_words(k + 1, j, 3):
                    return False
                nxt = toks[j + 1].text
                return _is_word(nxt) and _norm(nxt) not in _NOT_GOING_ON and not nxt.endswith("ing") and self.has_words(j + 1, e, 2)
            elif t in (";", ":", ".", "?", "!", "(", ")"):
                return False
        return False

    def attitude_object(self, a: int, e: int) -> int:
        """Where an object "concern about X" / "an interest in X" really starts: at X (not after a possessor,
        "their support for X", which is the object itself)."""
        toks = self.toks
        for k in range(a, min(a + 4, e - 2)):
            w = _norm(toks[k].text)
            if not _is_word(w) or w in _POSSESSIVES or w in _ATTITUDE_PREPS:
                return a
            if w in _ATTITUDE_NOUNS and _norm(toks[k + 1].text) in _ATTITUDE_PREPS and _is_word(toks[k + 2].text):
                return k + 2
        return a

    def content_verb(self, c: Cue, v: int) -> bool:
        """The cue-like verb ``v`` after "and"/"but" inside ``c``'s content goes on that content: it is not
        past after a past cue ("said he is ... and supports"), or it is a belief ("said she wanted ..., but
        found")."""
        toks = self.toks
        if past_form(toks[c.first].text) and not past_form(toks[v].text):
            return True
        return self.cue_first[v].cls in ("think", "belief") and c.cls not in ("think", "belief")

    def narrator_verb(self, c: Cue, k: int, e: int) -> bool:
        """Token ``k`` (or the one after an adverb, "also") is a past form or a cue that is no
        ``content_verb``: a new clause of the narrator's ("..., and he reiterated ...", "but she also
        insisted"), not more of ``c``'s content ("says ... but she knows ...")."""
        toks = self.toks
        if k + 1 < e and _norm(toks[k].text) in _ADVERBS:
            k += 1
        if k in self.cue_first:
            return not self.content_verb(c, k)
        return past_form(toks[k].text)

    def ing_cue(self, k: int) -> bool:
        """Token ``k`` is a participle cue outside quotation marks ('..., claiming that ...')."""
        w = self.toks[k].text
        return k in self.cue_first and w.endswith("ing") and w.islower() and not self.in_outer(self.toks[k].start)

    def mark_mixed(self) -> None:
        """An indirect quote holding a quoted fragment (not a direct quote of its own) is mixed; a quotation
        opening inside it and running past its end ('said he would "act. Now we go."') ends it."""
        for r in self.records:
            if r["kind"] != "indirect" or r.get("flag") == "headline":
                continue
            k = bisect.bisect_left(self.outer_starts, r["start"])
            while k < len(self.outer) and self.outer[k].start < r["end"]:
                q = self.outer[k]
                if q.start not in self.direct_by_start:
                    r["kind"] = "mixed"
                    if q.end > r["end"]:
                        r["end"] = q.end
                    break
                k += 1
