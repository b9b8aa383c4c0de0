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
    DASHES, Cue, CueLexicon, _adverb, _is_word, _norm, find_cues, load_cues, mention_after,
    mention_before, passive, source_like,
)
from .indirect import _ADJUNCT_START, _DAYS, _LEAD_CONJ, _QUIET, IndirectRules
from .indirect_subjects import SubjectRules
from .quote_filters import RecordFilters
from .quote_shapes import TITLE_TOKENS, QuoteShapes
from .quote_sources import QuoteSources
from .quotemarks import MARKS, scan_quotes
from .text import Doc
from .transcripts import transcript_turns

__all__ = ["Finder", "HEADLINE"]

#: A headline "Name: claim" (one to four capitalised words before the colon).
HEADLINE = re.compile(r"\s*([A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){0,3})\s*:\s+(\S(?:.*\S)?)\s*$")
_NOT_SPEAKERS = frozenset(
    "read more|update|updated|watch|breaking|exclusive|opinion|analysis|live|video|photos|editorial|review|"
    "explainer|factbox|timeline|q&a|fact check|the latest|byline|paid notice|delegate update|boom|look|"
    "revealed|breaking news|just in|must see|wow".split("|")
)
_CLAUSE_PUNCT = frozenset(". ; ! ? ( )".split())
_MIN_FLOATING_WORDS = 4
#: Cues that name what is quoted ('what they called "supermarkets"'): the quote is the whole content.
_NAMING = frozenset(
    "call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling labelling "
    "name names named naming term terms termed nickname nicknamed title titled brand branded".split()
)
#: Words that open an adjunct after a quote, outside the paraphrase ('chanting "no peace" after ...').
_ADJUNCT_AFTER = frozenset(
    "after before because while when whenever as since until unless although though during "
    "amid following if once whereas".split()
)
#: Words opening an introductory phrase before the subject ('Back in 1999, Mr. Lee ...').
_INTRO = frozenset("back before after later earlier then when while since once in on at".split())
_DETERMINERS = frozenset("a an the his her their its our this that".split())


class Finder(IndirectRules, SubjectRules, QuoteShapes, QuoteSources, RecordFilters):
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

    def at_least(self, i: int, j: int, n: int = 1) -> bool:
        """``toks[i:j]`` holds ``n`` words or more (stops counting there)."""
        for t in self.toks[i:j]:
            if _is_word(t.text):
                n -= 1
                if n <= 0:
                    return True
        return n <= 0

    def run(self) -> list[dict]:
        """All records (unsorted)."""
        self.headline()
        for name, colon, content in transcript_turns(self.text, [(p.start, p.end) for p in self.body]):
            self.add("direct", content[0], content[1], (colon, colon + 1), name, tokens=False, flag="transcript")
        for q in self.quotes:
            if q.level == 0:
                self.direct(q)
        for q in self.quotes:
            if q.level > 0:
                self.nested(q)
        for c in self.cues:
            if c.first not in self.used and not self.in_outer(c.start) and not self.inside_report(c):
                self.indirect(c)
        self.document_frames()
        self.mark_mixed()
        self.drop_repeats()
        return self.records

    def add(self, kind: str, start: int, end: int, cue, mention, *, tokens: bool = True, **extra) -> dict:
        """Record a quote; ``cue`` is a Cue or a char span, ``mention`` a token range (char span if not ``tokens``)."""
        cue_span = (cue.start, cue.end) if isinstance(cue, Cue) else cue
        if isinstance(cue, Cue):
            self.used.add(cue.first)
        m = (self.span(*mention) if source_like(self.toks, mention) else None) if tokens else mention
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
        while j < hi and self.toks[j].text in (",", *DASHES):
            j += 1
        k, stop = j - 1, min(j + 26, hi)
        # a spoken passage ends in punctuation ('"...," X said'; '"Cia" Price, the aide, shouted' is a nickname)
        spoken = close_i >= 2 and (self.toks[close_i - 2].text in (",", ".", "?", "!", "\u2026") or j > close_i)
        while k + 1 < stop:
            k += 1
            c = self.cue_first.get(k)
            if c is not None and k == j and self.toks[k].text[:1].isupper() and k + 1 in self.cue_first:
                c = None  # '"...," Read said': a name that is also a cue word
            if c is not None and k > j and self.toks[k].text[:1].isupper() and spoken:
                c = None  # '"...," spokeswoman Hope Ode said': a name inside the source
            appos = self.appositive(j, k) if c is not None and k > j and spoken else None
            if appos is not None and self.toks[k - 1].text != ",":
                c = None  # '"...," Ode, who has proposed a levy, said': a cue inside the apposition
            if c is None:
                t = self.toks[k].text
                if t == "(" and k > j and self.toks[k - 1].text[:1].isupper():  # 'Rep. Ann Lee (D-Ore.) said'
                    close = next((i for i in range(k + 1, min(k + 8, stop)) if self.toks[i].text in "()"), None)
                    if close is not None and self.toks[close].text == ")":
                        k = close
                        continue
                if t in _CLAUSE_PUNCT or (t in MARKS and not self.apostrophe(k)):
                    return None
                continue
            if c.cls in _QUIET and not (spoken and self.quiet_report(c, j, hi)) or passive(self.toks, c):
                return None
            if k == j:
                return c, mention_after(self.toks, c.last, hi, possessive=True)
            m = mention_before(self.toks, c.first, j)
            if m is None or m[0] != j:
                m = (appos or self.source_np(j, c.first)) if spoken else None
            return (c, m) if m is not None else None
        return None

    def leading(self, open_i: int, lo: int):
        """``(cue, mention tokens)`` right before an opening mark: ``X said: "``, ``X told them, "``."""
        k = open_i
        while k > lo and self.toks[k - 1].text in (":", ",", *DASHES):
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
        comma = False  # a comma passed on the way back: only the second half of a split quote may follow
        for back in range(0, 16):
            c = self.cue_last.get(k - back)
            if c is not None and comma and c.first not in self.used:
                return None
            if c is not None and back and k != open_i and c.first > lo and self.after_determiner(c.first):
                c = None  # 'in a written statement,': a participle inside the adjunct
            if c is not None and c.first >= lo:
                if c.first in self.used:  # '"A," said X, "B"', '"A," X said on Monday, "B"': split
                    prev = self.records[-1] if self.records else None
                    if prev is not None and prev["cue"] == (c.start, c.end) and prev["end"] <= c.start:
                        return c, self.tokens_of(prev["mention"]) if prev["mention"] else None
                    return None
                if back and (k == open_i or c.cls != "tell" and not self.adjunct_after(c, k)):
                    return None  # an adjunct may follow before ',' or ':' ('said on Monday, "...')
                if c.cls in _QUIET or passive(self.toks, c):
                    return None
                if c.cls == "source-after" or (c.cls == "post" and self.toks[c.last].text != ":"):
                    return None
                if c.first > lo + 1 and c.text.endswith("ing") and (self.toks[c.first - 1].text == "," or (
                    self.toks[c.first - 1].text in MARKS and self.toks[c.first - 2].text == ",")):  # 'a "breach," adding'
                    return c, self.participle_source(c, lo)
                m = self.sender(c, self.past_adjunct(mention_before(self.toks, c.first, lo), lo), lo)
                return c, m or (self.inverted_source(c, k) if back else None) or self.clause_subject(lo, c)
            if k - back - 1 < lo:
                return None
            if not _is_word(self.toks[k - back - 1].text):
                if self.toks[k - back - 1].text != "," or not back or k == open_i:
                    return None
                comma = True  # '"A," X said at a rally in Dover, Del., "B"'
        return None

    def adjunct_after(self, c: Cue, k: int) -> bool:
        """The words between the cue and token ``k`` are an adjunct: 'said on Monday', 'wrote in a
        statement', 'said Tuesday', 'replied evenly', or anything before a colon ('added a caveat:')."""
        first = _norm(self.toks[c.last].text)
        if self.toks[k].text == ":" or all(_adverb(t.text) for t in self.toks[c.last : k]):
            pass  # 'added a caveat: "', 'replied evenly, "'
        elif not (first in _ADJUNCT_START or first in _DAYS):
            return False
        return not any(i in self.cue_first and not self.after_determiner(i) for i in range(c.last, k))

    def after_determiner(self, i: int) -> bool:
        """Token ``i`` follows a determiner ('a written statement': no cue there)."""
        return i > 0 and _norm(self.toks[i - 1].text) in _DETERMINERS

    def participle_source(self, c: Cue, lo: int) -> tuple[int, int] | None:
        """The source of ', adding "..."' / ', saying "..."': the main clause's subject, not the noun
        before the comma ('"...," he said, adding, "..."' -> he; 'She praised the crew, saying' -> She)."""
        prev = self.records[-1] if self.records else None
        if prev is not None and prev["mention"] and prev["cue"] and self.toks[lo].start <= prev["cue"][0] < c.start:
            return self.tokens_of(prev["mention"])
        k = lo  # 'On Thursday, Warren endorsed Clinton, saying "..."': past the opening adjuncts
        for _ in range(3):
            if not (_norm(self.toks[k].text) in _ADJUNCT_START or _norm(self.toks[k].text) in _INTRO):
                break
            k = next((i + 1 for i in range(k, min(k + 10, c.first)) if self.toks[i].text == ","), k)
        for i in range(c.first - 1, k, -1):  # 'Spicer said, adding, "..."': the cue before it, not in an adjunct
            c2 = self.cue_last.get(i)
            if c2 is not None and c2.first >= k and c2.cls not in _QUIET and not self.after_determiner(c2.first):
                m = mention_before(self.toks, c2.first, k)
                if m is not None:
                    return m
                break
        return self.subject(k, c.first) or self.clause_subject(lo, c) or mention_before(self.toks, c.first, lo)

    def direct(self, q) -> None:
        s0, s1 = self.doc.sentence_at(q.start), self.doc.sentence_at(max(q.start, q.end - 1))
        if s0 is None:
            return
        open_i, close_i = self.tok(q.start), self.tok(q.end)
        lo, hi = self.sents[s0].first_token, self.sents[s1].end_token
        flag = q.flag
        lead_words = self.at_least(lo, open_i)
        if lead_words and close_i - open_i <= TITLE_TOKENS and self.title(open_i + 1, close_i - 1):
            return  # 'told "Morning Joe,"', 'a role in "Orange Is the New Black"': a name or title
        found = self.trailing(close_i, hi) if close_i < hi and q.end > q.start else None
        if found is not None and lead_words and self.participle_after(found[0], close_i):
            found = None  # 'He insisted he has "grown the party," claiming ...': the participle opens a new clause
        if found is None and close_i == hi and s1 + 1 < len(self.sents) and q.end > q.start:
            found = self.next_sentence_cue(close_i, s1 + 1)
            if found is not None and open_i > lo and self.toks[open_i - 1].text in (",", ":") and self.leading(open_i, lo):
                found = None  # 'Ode said, "A." He added ...': the quote's cue comes before it
        start = q.start
        colon = open_i > lo and self.toks[open_i - 1].text == ":"
        cue_before = any(self.cue_first.get(k) is not None for k in range(lo, open_i))
        if found and lead_words and not colon and (not cue_before or self.reported_after(found, close_i, hi)):
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
            elif cue.last < open_i - 1 and self.toks[open_i - 1].text == ":" and (
                _norm(self.toks[cue.last].text) == "that" or self.clause_before_colon(cue, open_i - 1)
            ):
                start = self.toks[cue.last].start  # 'He adds that voters have two choices: "..."'
            elif self.cue_inside_clause(cue, mention, lo, open_i):
                start = self.toks[lo].start  # 'Costs, he said, "are out of control."'
            kind = "mixed" if start != q.start else "direct"
            end = q.end
            if (
                cue.end < q.start and close_i < hi and self.at_least(close_i, hi, 2) and self.toks[close_i].text != ","
                and _norm(cue.text) not in _NAMING and _norm(self.toks[close_i].text) not in _ADJUNCT_AFTER
                and not self.second_predicate(close_i, hi)
            ):
                e = hi  # 'X says "the wind is at our backs" despite his loss': the paraphrase goes on
                while e > close_i and not _is_word(self.toks[e - 1].text) and self.toks[e - 1].start + 1 != q.end:
                    e -= 1
                kind, end = "mixed", self.toks[e - 1].end
            rec = self.add(kind, start, end, cue, mention, flag=flag, level=0)
            self.direct_by_start[q.start] = rec
            return
        abbr = (b := self.toks[open_i - 1].text if open_i > lo else "") == "," or len(b) > 1 and b.endswith(".")
        if lead_words and not abbr:  # '"A," said X of Dover, Del. "B"' / '..., director of Y, "B"': split, below
            return  # a title, a name or scare quotes; with a cue before, a fragment inside a paraphrase
        if self.own_cue_after(close_i, hi):
            return  # '"A" to get B, she said.': the indirect pass makes it a mixed quote
        prev = self.records[-1] if self.records else None
        if prev is not None and prev.get("level") == 0 and prev["cue"] and prev["kind"] == "direct":
            ps = self.doc.sentence_at(prev["cue"][0])
            if ps is not None and self.sents[ps].paragraph == self.sents[s0].paragraph and (ps == s0 - 1 and not lead_words or (
                    ps == s0 and abbr and not any(k in self.cue_first for k in range(self.tok(prev["cue"][1]), open_i)))):
                self.add("direct", q.start, q.end, prev["cue"], prev["mention"], tokens=False,
                         flag=flag or "split", level=0)
                return
        if not lead_words and self.at_least(open_i, close_i, _MIN_FLOATING_WORDS) and not (
            close_i - open_i <= TITLE_TOKENS and self.title(open_i + 1, close_i - 1)
        ):
            self.add("direct", q.start, q.end, None, None, flag=flag or "floating", level=0)

    def nested(self, q) -> None:
        """A quote inside a quote: a record only when it has its own cue (else a title or name)."""
        parent = self.quotes[q.parent]
        s0 = self.doc.sentence_at(q.start)
        open_i, close_i = self.tok(q.start), self.tok(q.end)
        if not self.at_least(open_i, close_i, 2) or (
            close_i - open_i <= TITLE_TOKENS and self.toks[close_i - 2].text not in ("!", "?")
            and self.title(open_i + 1, close_i - 1)
        ):
            return  # 'they told us "everything" was on the table', 'as "The Daily Ledger" wrote': no speech
        lo = max(self.sents[s0].first_token, self.tok(parent.start) + 1)
        hi = min(self.sents[self.doc.sentence_at(max(q.start, q.end - 1))].end_token, self.tok(parent.end - 1))
        found = self.trailing(close_i, hi) if close_i < hi else None
        if found is None:
            k = open_i
            while k > lo and not _is_word(self.toks[k - 1].text):
                k -= 1
            dash = next((t.text for t in self.toks[k:open_i] if t.text in DASHES), None)
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
                    if j == k or told or after in (",", ":", *DASHES):
                        found = (c, mention_before(self.toks, c.first, lo))
                    break
        if found is None:
            return
        cue, mention = found
        self.add("direct", q.start, q.end, cue, mention, flag=q.flag, level=q.level,
                 parent_span=(parent.start, parent.end))
