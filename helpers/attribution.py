"""The rules behind ``helpers.quotes.extract_quotes``: cues and quotation marks -> attribution records.

Records are plain dicts (kind, start, end, cue, mention as char spans, flag, level, parent_span);
``extract_quotes`` turns them into ``Quote`` rows.

>>> from helpers.text import tokenize_text
>>> doc = tokenize_text('He said, "The Chinese - wise people - say: \\'Now is the time.\\'"')
>>> [(r["kind"], doc.text[r["mention"][0]:r["mention"][1]]) for r in Finder(doc).run()]
[('direct', 'He'), ('direct', 'The Chinese')]
"""

from __future__ import annotations

import bisect
import re

from .cues import (
    Cue, CueLexicon, RELATIVES, STOP_WORDS, _is_word, _norm, find_cues, load_cues, mention_after,
    mention_before, passive,
)
from .quotemarks import MARKS, scan_quotes
from .text import Doc

__all__ = ["Finder", "HEADLINE"]

#: A headline "Name: claim" (one to four capitalised words before the colon).
HEADLINE = re.compile(r"\s*([A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){0,3})\s*:\s+(\S(?:.*\S)?)\s*$")
_NOT_SPEAKERS = frozenset(
    "read more update updated watch breaking exclusive opinion analysis live video photos editorial "
    "review explainer factbox timeline q&a poll fact check".split()
)
_CLAUSE_PUNCT = frozenset(". ; ! ? ( )".split())
_DASHES = frozenset(("-", "\u2013", "\u2014", "--"))
_LEAD_CONJ = frozenset("and but so yet or".split())
_MIN_FLOATING_WORDS = 4
#: Words that, after a comma, start a clause outside the reported content.
_CUT_AFTER_COMMA = frozenset(
    "according which who whom whose while whereas saying adding noting citing referring compared "
    "arguing explaining insisting telling calling".split()
)
_COMMON_VERBS = frozenset(
    "began took went made met held ran won spoke wrote came got left sat stood saw knew thought felt found "
    "kept brought gave told said has had is was will would could can did does spent sent led became".split()
)
_SUBJECT_PRONOUNS = frozenset("he she they we i".split())
_ADJUNCT_START = frozenset("on in at during after before last earlier later this on yesterday today tonight "
                           "to with for about of by from via through over as "
                           "recently previously repeatedly privately publicly frequently often also again".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Cue classes that never introduce a direct quote (beliefs, wishes).
_QUIET = frozenset(("belief", "think", "want"))
_WH = frozenset("whether if how what why when where who which".split())
_SKIP_CUT = frozenset("also then later has had have never".split())
_PRONOUNS = frozenset("he she they we i you it who which that officials analysts experts critics residents".split())


class Finder:
    """One pass over a Doc: cues, quotation marks, then the records."""

    def __init__(self, doc: Doc, lexicon: CueLexicon | None = None) -> None:
        self.doc, self.text, self.toks, self.sents = doc, doc.text, doc.tokens, doc.sentences
        self.lex = lexicon or load_cues()
        self.tstarts = [t.start for t in self.toks]
        self.body = [p for p in doc.paragraphs if p.kind == "body" and p.end_sentence > p.first_sentence]
        self.cues: list[Cue] = []
        heads = [p for p in doc.paragraphs if p.kind in ("title", "heading") and p.end_sentence > p.first_sentence]
        for p in sorted(self.body + heads, key=lambda p: p.start):
            lo, hi = self.sents[p.first_sentence].first_token, self.sents[p.end_sentence - 1].end_token
            self.cues.extend(find_cues(self.text, self.toks, lexicon=self.lex, lo=lo, hi=hi))
        self.cue_first = {c.first: c for c in self.cues}
        self.cue_last = {c.last: c for c in self.cues}
        self.cue_last_tok = {c.last - 1 for c in self.cues}
        self.quotes = scan_quotes(self.text, paragraphs=[(p.start, p.end) for p in self.body])
        self.outer = [q for q in self.quotes if q.level == 0]
        self.outer_starts = [q.start for q in self.outer]
        self.outer_set = set(self.outer_starts)
        self.used: set[int] = set()  # first tokens of cues already given to a record
        self.records: list[dict] = []
        self.direct_by_start: dict[int, dict] = {}

    # -- helpers --------------------------------------------------------------------------------
    def tok(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.tstarts, offset)

    def tokens_of(self, span: tuple[int, int]) -> tuple[int, int]:
        """Token range covering a char span."""
        return self.tok(span[0]), bisect.bisect_right(self.tstarts, span[1] - 1)

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.toks[i].start, self.toks[j - 1].end

    def in_outer(self, offset: int) -> bool:
        k = bisect.bisect_right(self.outer_starts, offset) - 1
        return k >= 0 and self.outer[k].start < offset < self.outer[k].end

    def words(self, i: int, j: int) -> int:
        return sum(1 for t in self.toks[i:j] if _is_word(t.text))

    def run(self) -> list[dict]:
        """All records (unsorted)."""
        self.headline()
        for q in self.quotes:
            if q.level == 0:
                self.direct(q)
        for q in self.quotes:
            if q.level > 0:
                self.nested(q)
        for c in self.cues:
            if c.first not in self.used and not self.in_outer(c.start):
                self.indirect(c)
        self.mark_mixed()
        return self.records

    def add(self, kind: str, start: int, end: int, cue, mention, *, tokens: bool = True, **extra) -> dict:
        """Record a quote; ``cue`` is a Cue or a char span, ``mention`` a token range (char span if not ``tokens``)."""
        cue_span = (cue.start, cue.end) if isinstance(cue, Cue) else cue
        if isinstance(cue, Cue):
            self.used.add(cue.first)
        m = self.span(*mention) if (mention is not None and tokens) else mention
        rec = {"kind": kind, "start": start, "end": end, "cue": cue_span, "mention": m, **extra}
        self.records.append(rec)
        return rec

    # -- headline ---------------------------------------------------------------------------------
    def headline(self) -> None:
        for p in self.doc.paragraphs:
            if p.kind != "title":
                continue
            m = HEADLINE.match(self.text, p.start, p.end)
            if m and m.group(1).lower() not in _NOT_SPEAKERS and m.end(2) > m.start(2):
                colon = self.text.index(":", m.end(1), m.start(2))
                kind = "direct" if self.text[m.start(2)] in MARKS else "indirect"
                self.add(kind, m.start(2), m.end(2), (colon, colon + 1), m.span(1), tokens=False, flag="headline")

    # -- direct quotes ----------------------------------------------------------------------------
    def trailing(self, close_i: int, hi: int):
        """``(cue, mention tokens)`` right after a closing mark: ``," X said`` / ``," said X``."""
        j = close_i
        while j < hi and self.toks[j].text in (",", *_DASHES):
            j += 1
        for k in range(j, min(j + 26, hi)):
            c = self.cue_first.get(k)
            if c is None:
                if self.toks[k].text in _CLAUSE_PUNCT or self.toks[k].text in MARKS:
                    return None
                continue
            if c.cls in _QUIET or passive(self.toks, c):
                return None
            if k == j:
                return c, mention_after(self.toks, c.last, hi)
            m = mention_before(self.toks, c.first, j)
            if m is None or m[0] != j:
                return None
            return c, m
        return None

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
        after = max(cue.last, m[1] if m else 0)
        if after >= nxt.end_token:
            return found
        w = _norm(self.toks[after].text)
        return found if (not _is_word(w) or (w in STOP_WORDS and w != "that")) else None

    def leading(self, open_i: int, lo: int):
        """``(cue, mention tokens)`` right before an opening mark: ``X said: "``, ``X told them, "``."""
        k = open_i
        while k > lo and self.toks[k - 1].text in (":", ",", *_DASHES):
            k -= 1
        found = self._leading_cue(k, open_i, lo)
        if found is not None or k == open_i or self.toks[k].text != ":":
            return found
        return self._colon_cue(k, lo)

    def _colon_cue(self, k: int, lo: int):
        """A colon with no cue verb: 'Trump leaned in and boomed: "', 'Pew Research: "'."""
        if k - 1 < lo or k - 1 in self.cue_last_tok:
            return None
        w = self.toks[k - 1].text
        if w.islower() and w.endswith("ed"):
            m = mention_before(self.toks, k - 1, lo)
            return (Cue(k - 1, k, self.toks[k - 1].start, self.toks[k - 1].end, w, "say"), m) if m else None
        m = mention_before(self.toks, k, lo)
        if m and self.toks[m[0]].text[:1].isupper() and m[1] == k and not any(i in self.cue_last_tok for i in range(*m)):
            return Cue(k, k + 1, self.toks[k].start, self.toks[k].end, ":", "say"), m
        return None

    def _leading_cue(self, k: int, open_i: int, lo: int):
        for back in range(0, 9):
            c = self.cue_last.get(k - back)
            if c is not None and c.first >= lo:
                if back and (c.cls != "tell" or k == open_i):
                    return None
                if c.first in self.used:
                    prev = self.records[-1] if self.records else None
                    if prev is not None and prev["cue"] == (c.start, c.end) and prev["end"] <= c.start:
                        return c, self.tokens_of(prev["mention"]) if prev["mention"] else None
                    return None
                if c.cls in _QUIET or passive(self.toks, c):
                    return None
                if c.cls == "source-after" or (c.cls == "post" and self.toks[c.last].text != ":"):
                    return None
                return c, mention_before(self.toks, c.first, lo)
            if k - back - 1 < lo or not _is_word(self.toks[k - back - 1].text):
                return None
        return None

    def direct(self, q) -> None:
        s0, s1 = self.doc.sentence_at(q.start), self.doc.sentence_at(max(q.start, q.end - 1))
        if s0 is None:
            return
        open_i, close_i = self.tok(q.start), self.tok(q.end)
        lo, hi = self.sents[s0].first_token, self.sents[s1].end_token
        flag = q.flag
        found = self.trailing(close_i, hi) if close_i < hi and q.end > q.start else None
        if found is None and close_i == hi and s1 + 1 < len(self.sents) and q.end > q.start:
            found = self.next_sentence_cue(close_i, s1 + 1)
        start = q.start
        lead_words = self.words(lo, open_i)
        colon = open_i > lo and self.toks[open_i - 1].text == ":"
        cue_before = any(self.cue_first.get(k) is not None for k in range(lo, open_i))
        if found and lead_words and not colon and not cue_before:
            k = lo
            while k < open_i and _norm(self.toks[k].text) in _LEAD_CONJ:
                k += 1
            start = self.toks[k].start
        if found is None:
            found = self.leading(open_i, lo)
            if found is None and open_i == lo and s0 > 0:  # "X said:" ending the previous sentence
                prev = self.sents[s0 - 1]
                if prev.end_token > prev.first_token and self.toks[prev.end_token - 1].text == ":":
                    found = self.leading(prev.end_token, prev.first_token)
        if found is not None:
            cue, mention = found
            if cue.first in self.used:  # '"...," X said, "..."': the second half of a split quote
                flag = flag or "split"
            kind = "mixed" if start != q.start else "direct"
            end = q.end
            if cue.end < q.start and close_i < hi and self.words(close_i, hi) >= 2 and self.toks[close_i].text != ",":
                e = hi  # 'X says "the wind is at our backs" despite his loss': the paraphrase goes on
                while e > close_i and not _is_word(self.toks[e - 1].text) and self.toks[e - 1].start + 1 != q.end:
                    e -= 1
                kind, end = "mixed", self.toks[e - 1].end
            rec = self.add(kind, start, end, cue, mention, flag=flag, level=0)
            self.direct_by_start[q.start] = rec
            return
        if lead_words and cue_before:
            return  # a fragment inside a paraphrase: the indirect pass makes it a mixed quote
        if lead_words:
            return  # a title, a name or scare quotes inside a sentence
        prev = self.records[-1] if self.records else None
        if prev is not None and prev.get("level") == 0 and prev["cue"] and prev["kind"] == "direct":
            ps = self.doc.sentence_at(prev["cue"][0])
            if ps is not None and ps == s0 - 1 and self.sents[ps].paragraph == self.sents[s0].paragraph:
                self.add("direct", q.start, q.end, prev["cue"], prev["mention"], tokens=False,
                         flag=flag or "split", level=0)
                return
        if self.words(open_i, close_i) >= _MIN_FLOATING_WORDS:
            self.add("direct", q.start, q.end, None, None, flag=flag or "floating", level=0)

    def nested(self, q) -> None:
        """A quote inside a quote: a record only when it has its own cue (else a title or name)."""
        parent = self.quotes[q.parent]
        s0 = self.doc.sentence_at(q.start)
        open_i, close_i = self.tok(q.start), self.tok(q.end)
        lo = max(self.sents[s0].first_token, self.tok(parent.start) + 1)
        hi = min(self.sents[self.doc.sentence_at(max(q.start, q.end - 1))].end_token, self.tok(parent.end - 1))
        found = self.trailing(close_i, hi) if close_i < hi else None
        if found is None:
            k = open_i
            while k > lo and not _is_word(self.toks[k - 1].text):
                k -= 1
            dash = next((t.text for t in self.toks[k:open_i] if t.text in _DASHES), None)
            if dash is not None:  # "Putin said - and well done, I praised him, - 'We are ...'"
                d = k - 1
                while d > lo and self.toks[d].text != dash:
                    d -= 1
                if self.toks[d].text == dash:
                    k = d
            for j in range(k, lo, -1):  # last cue before the mark, a parenthetical allowed after it
                c = self.cue_last.get(j)
                if c is not None and c.cls not in (*_QUIET, "source-after", "post"):
                    after = self.toks[j].text if j < open_i else ":"
                    gap = self.toks[j:k]
                    told = c.cls == "tell" and len(gap) <= 3 and all(_is_word(t.text) for t in gap)
                    if j == k or told or after in (",", ":", *_DASHES):
                        found = (c, mention_before(self.toks, c.first, lo))
                    break
        if found is None:
            return
        cue, mention = found
        self.add("direct", q.start, q.end, cue, mention, flag=q.flag, level=q.level,
                 parent_span=(parent.start, parent.end))

    # -- indirect speech ------------------------------------------------------------------------
    def indirect(self, c: Cue) -> None:
        toks = self.toks
        s = toks[c.first].sentence
        lo, hi = self.sents[s].first_token, self.sents[s].end_token
        if passive(toks, c):
            return
        if c.cls == "source-after":
            m = mention_after(toks, c.last, hi)
            if m is None:
                return
            k = lo
            while k < c.first and (_norm(toks[k].text) in _LEAD_CONJ or not _is_word(toks[k].text)):
                k += 1
            if k == c.first:  # "According to X, ..." (X may run on: "a source who spoke ..., ")
                b = next((i for i in range(m[1], min(m[1] + 12, hi)) if toks[i].text == ","), m[1])
                while b < hi and toks[b].text in (",", ":"):
                    b += 1
                a, e = b, hi
            elif self.words(k, c.first) > 3:  # "..., according to X" / "X, according to Y, did"
                a, e = k, c.first
                if toks[c.first - 1].text in (",", *_DASHES) and m[1] < hi and toks[m[1]].text in (",", *_DASHES) and (
                    self.words(m[1], hi) > 3 and toks[c.first - 1].text == toks[m[1]].text
                ):
                    e = hi  # a parenthetical "according to X" inside the clause
            else:
                a, e = k, hi
            return self.indirect_record(c, m, a, e)
        after = self.cue_first.get(c.last)
        if (after is not None and after.cls not in ("phrase", "source-after")) or (c.first - 1 in self.cue_last_tok):
            return  # "the report said", "publish release schedules": one of the two is a noun
        m = mention_before(toks, c.first, lo)
        if m is not None and any(i in self.cue_last_tok for i in range(*m)):
            m = None
        if m is not None and m[1] - m[0] == 1 and toks[m[0]].text.islower() and _norm(toks[m[0]].text) not in _PRONOUNS:
            m = None  # "sudden releases", "long complained": not a source
        if m is not None and _norm(toks[m[0]].text) in RELATIVES and m[1] - m[0] == 1:
            m = self.antecedent(m[0], lo) or m
        ing = _norm(toks[c.last - 1].text).endswith("ing") and c.first > lo and toks[c.first - 1].text == ","
        if ing or (m is None and c.first > lo and _norm(toks[c.first - 1].text) in ("and", "but")):
            # "..., suggesting that" / "he stressed that ..., and suggested that": the same subject
            prior = [r for r in self.records if r["cue"] and r["mention"] and r["cue"][0] >= toks[lo].start
                     and r["cue"][0] < c.start and r.get("level") == 0]
            m = self.tokens_of(prior[-1]["mention"]) if prior else self.subject(lo, c.first)
            if m is None:
                return
        if m is None:  # "..., said X."
            if c.cls in ("say", "verb") and c.first > lo + 2 and toks[c.first - 1].text == ",":
                m2 = mention_after(toks, c.last, hi)
                if m2 and (m2[1] >= hi or toks[m2[1]].text in (".", ",", ";", "!", "?")):
                    return self.indirect_record(c, m2, lo, c.first - 1)
            return
        a = self.complement(c, hi) if c.cls != "post" else None
        if a is not None:
            e = hi
            if a < 0:  # "X criticized the plan, ...": the object up to the clause's end
                a = -a - 1
                e = next((k for k in range(a, hi) if toks[k].text in (",", ";", ".", ":", "(")), hi)
            return self.indirect_record(c, m, a, e)
        nxt = c.last
        while c.cls == "tell" and nxt < min(hi, c.last + 3) and _is_word(toks[nxt].text):
            nxt += 1  # "..., she told reporters."
        if c.cls not in _QUIET and (nxt >= hi or toks[nxt].text in (".", ",", ";", "!", "?")):
            if m[0] > lo + 1 and toks[m[0] - 1].text in (",", *_DASHES):  # "..., X said."
                return self.indirect_record(c, m, lo, m[0] - 1)

    def subject(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The sentence's subject for a second verb ("They met him and said ..."): a pronoun or a name."""
        toks = self.toks
        k = lo
        while k < hi and (_norm(toks[k].text) in _LEAD_CONJ or not _is_word(toks[k].text)):
            k += 1
        if k >= hi:
            return None
        comma = next((i for i in range(k, min(k + 7, hi)) if toks[i].text == ","), None)
        if comma is not None and comma + 1 < hi and _norm(toks[comma + 1].text) in _SUBJECT_PRONOUNS:
            k = comma + 1  # "However, he held his fire ..."
        if _norm(toks[k].text) in _SUBJECT_PRONOUNS:
            return (k, k + 1)
        if not toks[k].text[:1].isupper():
            return None
        for j in range(k + 1, min(k + 7, hi)):  # "The judge rubbed ...": up to the first verb-like word
            w = toks[j].text
            if not _is_word(w) or _norm(w) in STOP_WORDS:
                return None
            if w.islower() and (w.endswith("ed") or _norm(w) in _COMMON_VERBS):
                return (k, j)
        return None

    def adjunct_skip(self, c: Cue, hi: int) -> int | None:
        """After "said on Friday", "told ABC on Monday", "says in a statement": where the clause begins."""
        toks = self.toks
        first = _norm(toks[c.last].text) if c.last < hi else ""
        if not (first in _ADJUNCT_START or first in _DAYS) and c.cls != "tell":
            return None
        for k in range(c.last, min(c.last + 15, hi)):
            w = _norm(toks[k].text)
            if w == "that":
                return k if self.words(k, hi) >= 3 else None
            if w in (".", ";", ":", "?", "!") or toks[k].start in self.direct_by_start:
                return None
            if k > c.last and w in _SUBJECT_PRONOUNS and c.cls != "tell":
                return k if self.words(k, hi) >= 3 else None
        return None

    def complement(self, c: Cue, hi: int) -> int | None:
        """Token where the reported clause after the cue begins (``-k - 1`` for an object noun phrase)."""
        toks = self.toks
        if c.cls in ("say", "tell", "phrase", "verb", "think"):
            a = self.adjunct_skip(c, hi)
            if a is not None:
                return a
        reach = {"verb": 4, "belief": 3, "think": 3, "want": 4}.get(c.cls, 7)
        for k in range(c.last, min(c.last + reach, hi)):
            w = _norm(toks[k].text)
            if w == "that":
                return k if k + 1 < hi else None
            if w == ":" or toks[k].start in self.outer_set:
                q = toks[k + 1].start if w == ":" and k + 1 < hi else toks[k].start
                if q in self.direct_by_start or c.cls in _QUIET:
                    return None
                return k + 1 if w == ":" else k
            if w == "to" and c.cls == "tell" and k > c.last:
                return k
            if c.cls == "want" and _norm(toks[c.last - 1].text) == "to":  # "plans to", "hoped to"
                return c.last - 1 if self.words(k, hi) >= 1 else None
            if c.cls == "want" and w == "to":  # "declined to comment", "wants voters to know"
                return c.last if self.words(k, hi) >= 2 else None
            if c.cls == "tell" and k > c.last and w in _SUBJECT_PRONOUNS and _is_word(toks[k - 1].text):
                return k if self.words(k, hi) >= 3 else None  # "told him she worries ..."
            if w in _WH and c.cls != "source-after" and k > c.last - (c.cls != "verb"):
                return k if self.words(k, hi) >= 3 else None  # "asked them whether ...", "explained how ..."
            if not _is_word(toks[k].text) and w != ",":
                return None
            if c.cls in ("say", "phrase", "think") and k == c.last and w not in STOP_WORDS and w != ",":
                return k if self.words(k, hi) >= 3 else None
            if c.cls == "say" and k == c.last and w == "," and k + 1 < hi and _norm(toks[k + 1].text) not in STOP_WORDS:
                return k + 1 if self.words(k, hi) >= 4 and toks[k + 1].start not in self.outer_set else None
            if c.cls == "verb" and k == c.last and w not in STOP_WORDS and w != "," and _is_word(w):
                return -k - 1  # an object noun phrase, not a clause (encoded negative)
        if c.cls == "want" and c.last < hi and _is_word(toks[c.last].text) and _norm(toks[c.last].text) not in STOP_WORDS:
            return -c.last - 1  # "Palestinians want East Jerusalem": an object
        return None

    def antecedent(self, rel: int, lo: int) -> tuple[int, int] | None:
        """For "X's stance on Y, which urged": the possessor X, else the noun phrase before the comma."""
        toks = self.toks
        if rel - 1 <= lo or toks[rel - 1].text != ",":
            return None
        i = rel - 1
        while i > lo and i > rel - 12 and i not in self.cue_last and (
            _is_word(toks[i - 1].text) or toks[i - 1].text in ("'", "\u2019")
        ):
            i -= 1
        for k in range(i, rel - 1):
            if _norm(toks[k].text) == "'s" or (toks[k].text in ("'", "\u2019") and toks[k + 1].text == "s"):
                j = k
                while j > i and toks[j - 1].text[:1].isupper() and _norm(toks[j - 1].text) not in STOP_WORDS:
                    j -= 1
                return (j, k) if j < k else None
        return mention_before(toks, rel - 1, lo)

    def indirect_record(self, c: Cue, m: tuple[int, int], a: int, e: int) -> None:
        toks = self.toks
        while e > a and toks[e - 1].text in (".", ",", ";", ":"):
            e -= 1
        # stop before a direct quote introduced by a colon ("explained that ...: "Yes, ...," X said")
        for k in range(a, e):
            if toks[k].text == ":" and k + 1 < e and toks[k + 1].start in self.direct_by_start:
                e = k
                break
        e = self.clause_end(a, e, c)
        if self.words(a, e) < 2:
            return
        self.add("indirect", toks[a].start, toks[e - 1].end, c, m, level=0)

    def clause_end(self, a: int, e: int, c: Cue) -> int:
        """Where the reported clause ends: before ", which/who/while/according to ...", "and said"."""
        toks = self.toks
        depth = 0
        for k in range(a + 1, e):
            t = toks[k].text
            if t in MARKS:
                depth ^= 1
            if depth or k + 1 == c.first:
                continue
            w = _norm(t)
            if t == "," and k + 1 < e and _norm(toks[k + 1].text) in _CUT_AFTER_COMMA:
                return k
            if t == "," and k + 2 < e and _norm(toks[k + 1].text) == "and" and self.words(a, k) >= 4 and (
                _norm(toks[k + 2].text) in _SUBJECT_PRONOUNS
            ):
                return k
            if w in ("and", "but") and k + 1 < e and (k + 1 in self.cue_first or k + 2 in self.cue_first and
                                                       _norm(toks[k + 1].text) in _SKIP_CUT):
                return k - 1 if toks[k - 1].text == "," else k
            if w in ("and", "but") and toks[k - 1].text == "," and self.words(a, k) >= 4 and any(
                i in self.cue_first and self.cue_first[i].cls in ("say", "tell", "verb") for i in range(k + 2, min(k + 7, e))
            ):  # ", and three-quarters said ...": a second attribution
                return k - 1
            if t in _DASHES and k + 1 < e and _norm(toks[k + 1].text) in ("a", "an") and self.words(a, k) >= 4:
                return k  # "... — a proposal he has raised before"
            if t in _DASHES and k + 1 < e and _norm(toks[k + 1].text) in _CUT_AFTER_COMMA:
                return k
        return e

    def mark_mixed(self) -> None:
        """An indirect quote holding a quoted fragment (not a direct quote of its own) is mixed."""
        for r in self.records:
            if r["kind"] != "indirect" or r.get("flag") == "headline":
                continue
            k = bisect.bisect_left(self.outer_starts, r["start"])
            while k < len(self.outer) and self.outer[k].start < r["end"]:
                q = self.outer[k]
                if q.end <= r["end"] + 1 and q.start not in self.direct_by_start:
                    r["kind"] = "mixed"
                    if q.end > r["end"]:
                        r["end"] = q.end
                    break
                k += 1
