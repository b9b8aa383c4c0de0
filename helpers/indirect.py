"""Indirect speech for ``helpers.attribution.Finder``: a cue, its source and the clause it reports.

``X said (that) ...``, ``..., X said.``, ``X told Y that ...``, ``according to X, ...``, ``X criticized
the plan``, ``X declined to comment``, ``X thinks the deal is off``; the content stops where another
clause or attribution begins (``, which ...``, ``, according to ...``, ``, and N said ...``).

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text("Aides said on Friday he would run, according to two people. Ms. Ode declined to comment.")
>>> [(doc.text[r["start"]:r["end"]], doc.text[r["mention"][0]:r["mention"][1]]) for r in Finder(doc).run()]
[('he would run', 'Aides'), ('Aides said on Friday he would run', 'two people'), ('to comment', 'Ms. Ode')]
"""

from __future__ import annotations

from .content_spans import BREAK_WORDS, ContentSpans
from .cues import DASHES, RELATIVES, SKIP_BEFORE_VERB, STOP_WORDS, TIME_WORDS, Cue, _is_word, _norm, mention_after, mention_before, passive, quantity
from .indirect_frames import FrameRules
from .indirect_stance import StanceRules
from .quotemarks import MARKS

__all__ = ["IndirectRules"]

_LEAD_CONJ = frozenset("and but so yet or".split())
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
_QUIET = frozenset(("belief", "think", "want", "seem"))
_WH = frozenset("whether if how what why when where who which".split())
#: Stop words that can open a bare reported clause ("say there is", "said this was").
_OPENERS = frozenset("there this these those it's".split())
#: Words after which an object noun phrase has ended ("announced his bid in June", "... after the vote").
_OBJECT_END = frozenset("after when while because since before during".split())
#: Auxiliaries that carry on a clause whose subject was moved before the cue ("a probe they said was over").
_AUX = frozenset("is was were are will would could can should may might must has have had".split())
#: Words before "X said" that leave a gap for the subject after it ("which he said", "what many said").
_GAP = frozenset("which that what who whom".split())
#: Prepositions after a cue that introduce what it is about ("argued for", "warned against").
_OBJECT_PREPS = frozenset("for against about of".split())
#: Stop words that open an object noun phrase ("brushed off these concerns").
_DETERMINERS = frozenset("this these those".split())
#: Words after a comma that open a contrasting clause of the narrator's.
_CONTRAST = frozenset("although though".split())
#: One-word answers reported after "said".
_ANSWERS = frozenset("yes no so".split())
#: Function words that stay inside a subject noun phrase.
_IN_SUBJECT = frozenset(("of", "the", "'s", "'"))
#: Words after a cue that open an object or adjunct, no reported clause ('told them "...', 'said in May "...').
_NO_CLAUSE = frozenset("me us him them you in on at during after before from to for with by via over".split())
_NEW_CLAUSE = frozenset("even and but as though although while whereas".split())
_SKIP_CUT = frozenset("also then later has had have never".split())
_PRONOUNS = frozenset("he she they we i you it who which that".split())
#: Words that open a reported clause after the object of "told" ("told the AP his firm had ...").
_CLAUSE_OPENERS = frozenset("a an the his her their its our my this these those".split())
#: Words that open an adverbial clause fronted in a report ("said that because ..., ...", "says despite ...").
_SUBORDINATORS = frozenset("because despite although though while if when since unless once".split())
#: Cue forms that are never nouns: a cue word right after one is its object ("said comments from ...").
_ONLY_VERBS = frozenset("said says told tells wrote asked".split())
#: Lower-case words that stand alone as sources ("officials said", "most said yes", "aides say").
_GROUPS = frozenset(
    "officials analysts experts critics residents strategists aides advisers advisors sources observers "
    "economists democrats republicans voters supporters opponents organizers organisers lawmakers legislators "
    "investigators prosecutors police authorities witnesses scientists researchers historians diplomats "
    "activists members leaders people pollsters respondents participants insiders operatives donors "
    "delegates attendees protesters protestors officers spokesmen executives scholars others many most some "
    "several few both all half analyst expert official source aide spokesman spokeswoman spokesperson".split()
)


def _ing(word: str) -> bool:
    """A lower-case participle ("wiping", "noting"), which after a comma opens the narrator's adjunct."""
    return word.islower() and word.endswith("ing") and len(word) > 4 and word not in ("nothing", "something", "everything", "anything", "including")


def _verb_like(word: str) -> bool:
    """A lower-case past form or auxiliary that starts a second verb phrase ("and handed", "and has")."""
    w = _norm(word)
    return word.islower() and (w in _AUX or w in _COMMON_VERBS or (w.endswith("ed") and len(w) > 4))


class IndirectRules(FrameRules, StanceRules, ContentSpans):
    """Mixin of ``Finder``: the indirect-speech rules (uses its tokens, cues, quotes and records)."""

    def indirect(self, c: Cue) -> None:
        toks = self.toks
        s = toks[c.first].sentence
        lo, hi = self.sents[s].first_token, self.sents[s].end_token
        if c.cls == "seem":
            return self.seeming(c, lo, hi)  # "X seemed to ...", "X is expected to ..."
        if self.question(c, lo, hi):
            return  # "Asked whether ..., X said", "X was asked by Y if ..."
        if passive(toks, c):
            return self.passive_by(c, lo, hi)  # "He is backed by 34% of voters"
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
            elif self.has_words(k, c.first, 4):  # "..., according to X" / "X, according to Y, did"
                a, e = self.reported_relative(k, c.first - 1), c.first
                if toks[c.first - 1].text in (",", *DASHES) and m[1] < hi and toks[m[1]].text in (",", *DASHES) and (
                    self.has_words(m[1], hi, 4) and toks[c.first - 1].text == toks[m[1]].text
                    and _norm(toks[m[1] + 1].text) not in _CUT_AFTER_COMMA | _NEW_CLAUSE
                ):
                    e = hi  # a parenthetical "according to X" inside the clause
            else:
                a, e = k, hi
            return self.indirect_record(c, self.document_agent(m, hi), a, e)
        after = self.cue_first.get(c.last)
        verb_first = after is not None and toks[c.last].text.islower() and (
            _norm(toks[c.last - 1].text).endswith(("ed", "ing")) or _norm(toks[c.last - 1].text) in _ONLY_VERBS)
        if (after is not None and after.cls not in ("phrase", "source-after") and not verb_first) or (c.first - 1 in self.cue_last_tok):
            return  # "the report said", "publish release schedules": one of the two is a noun
        if c.cls in ("say", "verb") and c.first > lo + 2 and toks[c.first - 1].text in (",", *DASHES):
            m2 = mention_after(toks, c.last, hi)  # "..., said lobbyist Ann Ode, a partner."
            if m2 and toks[m2[0]].text[:1].isupper() and (m2[1] >= hi or toks[m2[1]].text in (".", ";", "!", "?") or (
                toks[m2[1]].text == "," and not any(k in self.cue_first for k in range(m2[1], hi))
            )):
                return self.indirect_record(c, m2, lo, c.first - 1)
        m = self.sender(c, self.past_adjunct(mention_before(toks, c.first, lo), lo), lo)
        if m is not None and any(i in self.cue_last_tok for i in range(*m)):
            m = None
        if m is not None and m[1] - m[0] == 1 and toks[m[0]].text.islower() and _norm(toks[m[0]].text) not in _PRONOUNS | _GROUPS and not quantity(toks[m[0]].text):
            m = None  # "sudden releases", "long complained": not a source
        if m is not None and _norm(toks[m[0]].text) in RELATIVES and m[1] - m[0] == 1:
            m = self.antecedent(m[0], lo) or m
        ing = _norm(toks[c.first].text).endswith("ing") and c.first > lo + 1 and (toks[c.first - 1].text == "," or (
            toks[c.first - 1].text in MARKS and toks[c.first - 2].text == ","))  # also '... "New York values," saying'
        b = c.first
        while b > lo and _norm(toks[b - 1].text) in SKIP_BEFORE_VERB:
            b -= 1  # "... and then said", "but has since said"
        if ing or (m is None and b > lo and _norm(toks[b - 1].text) in ("and", "but")):
            # "..., suggesting that" / "he stressed that ..., and suggested that": the same subject
            prior = [r for r in self.records if r["cue"] and r["mention"] and r["cue"][0] >= toks[lo].start
                     and r["cue"][0] < c.start and r.get("level") == 0]
            m = self.tokens_of(prior[-1]["mention"]) if prior else self.opened_subject(lo, c.first)
            if m is None:
                return
        if m is None:  # "..., said X."
            if c.cls in ("say", "verb") and c.first > lo + 2 and toks[c.first - 1].text == ",":
                m2 = mention_after(toks, c.last, hi)
                if m2 and (m2[1] >= hi or toks[m2[1]].text in (".", ",", ";", "!", "?") or (
                    _norm(toks[m2[1]].text) in ("in", "at", "on") and self.adjunct_tail(m2[1], hi)
                    and not any(_verb_like(t.text) for t in toks[m2[0] : m2[1]])
                )):
                    return self.indirect_record(c, m2, lo, c.first - 1)  # also "..., says analyst Ann Ode in Riga."
            m = self.fronted_subject(c, lo, hi) or (
                self.sentence_subject(lo, b, long=c.cls in ("say", "tell"))
                if c.cls != "post" and self.complement(c, hi) is not None else None)
            if m is None:
                return
        a = self.complement(c, hi) if c.cls != "post" else None
        if a is not None:
            e, least = hi, 2
            if a < 0:  # "X criticized the plan, ...": the object up to the clause's end
                a, least = -a - 1, 1  # one word will do: "endorsed her", "attacked Clinton"
                e = next((k for k in range(a, hi) if toks[k].text in (";", ".", ":", "(")
                          or (toks[k].text == "," and not self.object_goes_on(k, hi))
                          or (k > a and c.cls == "verb" and _norm(toks[k].text) in _OBJECT_END)), hi)
                a = self.attitude_object(a, e)  # "expressed concern about X": X
                e = self.event_adjunct(a, e)  # "mocked him on Twitter": the adjunct is the narrator's
            if a > c.last and m[0] > lo and _norm(toks[m[0] - 1].text) in ("which", "whom") and toks[a].text in MARKS:
                a = m[0] - 1  # "which he described as "an open orchid"": the relative stands for the object
            return self.indirect_record(c, self.apposition_head(m, lo), a, e, min_words=least)
        nxt = c.last
        while c.cls == "tell" and nxt < min(hi, c.last + 3) and _is_word(toks[nxt].text) and (
            nxt == c.last or _norm(toks[nxt].text) not in _ADJUNCT_START and not self.narrator_tail(nxt, hi)
        ):
            nxt += 1  # "..., she told reporters.", "..., he told the court in a filing."
        if nxt < hi and c.cls not in _QUIET and self.adjunct_tail(nxt, hi):
            nxt = hi  # "..., she said in a message to the convention."
        if c.cls not in _QUIET and (nxt >= hi or toks[nxt].text in (".", ",", ";", "!", "?")):
            if m[0] > lo + 2 and _norm(toks[m[0] - 1].text) in ("and", "or"):  # "..., teachers and officials said."
                p = next((p for p in range(m[0] - 2, max(lo, m[0] - 6), -1) if not _is_word(toks[p].text)), None)
                if p is not None and toks[p].text == "," and p + 1 < m[0] - 1:
                    m = (p + 1, m[1])
            if m[0] > lo + 1 and toks[m[0] - 1].text in (",", *DASHES) and self.beside(m, b):  # "..., X said."
                if (nxt + 1 < hi and toks[nxt].text == "," and toks[nxt + 1].text[:1].islower()
                        and _norm(toks[nxt + 1].text) not in _CUT_AFTER_COMMA | _NEW_CLAUSE | _LEAD_CONJ and not self.participle(nxt + 1, hi)
                        and self.has_words(nxt + 1, hi, 2)):
                    return self.indirect_record(c, m, lo, hi)  # "Costs, he added, were rising": the cue sits inside
                return self.indirect_record(c, m, lo, m[0] - 1)

    def adjunct_tail(self, k: int, hi: int) -> bool:
        """True when ``toks[k:hi]`` is only an adjunct ("on Monday", "in an interview with ABC.")."""
        toks = self.toks
        first = _norm(toks[k].text)
        if self.narrator_tail(k, hi):
            return True  # "..., she said as she left the hall."
        if not (first in _ADJUNCT_START or first in _DAYS) or hi - k > 16:
            return False
        for i in range(k, hi):
            w = _norm(toks[i].text)
            if w in ("that", ",", ";", ":") or w in _SUBJECT_PRONOUNS or w in _WH or i in self.cue_first:
                if w == "," and i + 1 < hi and (_ing(toks[i + 1].text) or _norm(toks[i + 1].text) in _CUT_AFTER_COMMA):
                    return True  # "..., X said on Tuesday in Paris, noting that ...": a participle follows
                return all(not _is_word(t.text) for t in toks[i:hi]) if w in (",", ";", ":") else False
        return True

    def adjunct_skip(self, c: Cue, hi: int) -> int | None:
        """After "said on Friday", "told ABC on Monday", "says in a statement": where the clause begins."""
        toks = self.toks
        first = _norm(toks[c.last].text) if c.last < hi else ""
        if not (first in _ADJUNCT_START or first in _DAYS) and c.cls != "tell" or self.narrator_tail(c.last, hi):
            return None
        for k in range(c.last, min(c.last + 15, hi)):
            w = _norm(toks[k].text)
            if w == "that":
                return k if self.has_words(k, hi, 2) else None
            if w in (".", ";", ":", "?", "!") or toks[k].start in self.direct_by_start:
                return None
            if k > c.last and w in _SUBJECT_PRONOUNS and c.cls != "tell":
                return k if self.has_words(k, hi, 2) else None
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
            if w == "," and k + 1 in self.cue_first:
                return None  # "..., Ode said, noting that ...": the clause after the comma is the next cue's
            if w == "that":
                return k if k + 1 < hi else None
            if w == ":" or toks[k].start in self.outer_set:
                q = toks[k + 1].start if w == ":" and k + 1 < hi else toks[k].start
                if q in self.direct_by_start or c.cls in _QUIET:
                    return None
                if w != ":" and k > c.last and c.cls in ("say", "think") and all(_is_word(t.text) for t in toks[c.last : k]) and (
                    _norm(toks[c.last].text) not in _NO_CLAUSE
                    and not any(_norm(t.text) in ("which", "whom") for t in toks[max(0, c.first - 4) : c.first])
                ):
                    return c.last  # "reported the agency had "more than one" talk": the clause's subject first
                if w != ":" and k > c.last + 1 and toks[c.last].text == "," and c.first > 0 and toks[c.first - 1].text != "," and (
                    _norm(toks[c.last + 1].text) not in _CUT_AFTER_COMMA | _NEW_CLAUSE | _LEAD_CONJ
                ):
                    return None  # "Costs, he added, are "out of control"": the cue sits inside the clause
                return k + 1 if w == ":" else k
            if w == "to" and c.cls == "tell" and k > c.last:
                return c.last if all(_is_word(t.text) for t in toks[c.last : k]) else k  # "urged voters to go": with its object
            if c.cls == "want" and _norm(toks[c.last - 1].text) == "to":  # "plans to", "hoped to"
                return c.last - 1 if self.has_words(k, hi, 1) else None
            if c.cls == "want" and w == "to":  # "declined to comment", "wants voters to know"
                return c.last if self.has_words(k, hi, 2) else None
            if c.cls == "tell" and k > c.last and w == "about" and _norm(toks[c.last - 1].text) in ("asked", "asks") and (
                self.has_words(k, hi, 2) and all(_is_word(t.text) or t.text in ("'s", "\u2019", "'") for t in toks[c.last : k])
            ):
                return -k - 1  # "asked the mayor about the budget": what was asked is the object
            if c.cls == "tell" and k > c.last and w in _SUBJECT_PRONOUNS and _is_word(toks[k - 1].text) and (
                _norm(toks[k - 1].text) not in _OBJECT_END | _SUBORDINATORS | {"as"}  # not "told aides as he wrote"
            ):
                return k if self.has_words(k, hi, 3) else None  # "told him she worries ..."
            if c.cls == "tell" and k > c.last and w in _CLAUSE_OPENERS and _norm(toks[c.last - 1].text) in ("told", "tells") and (
                self.told_clause(c.last, k, hi)
            ):
                return k  # "told the AP her group had never met him", "told host Ann Ode a loss was likely"
            if w in _WH and c.cls != "source-after" and k >= c.last:
                return k if self.has_words(k, hi, 3) else None  # "asked them whether ...", "explained how ..."
            if not _is_word(toks[k].text) and w != ",":
                return None
            if c.cls == "say" and k == c.last and w in _ANSWERS and (k + 1 >= hi or not _is_word(toks[k + 1].text)):
                return -k - 1  # "most said yes", "he said no": a one-word answer
            if c.cls in ("say", "phrase", "think") and k == c.last and (w not in STOP_WORDS or w in _OPENERS) and w != "," and not (w in _DAYS and self.day_adjunct(k, hi)):
                return k if self.has_words(k, hi, 2) else None
            if c.cls in ("say", "think") and k == c.last and w in _SUBORDINATORS and self.fronted_clause(k, hi):
                return k  # "says despite the cost, the plan will go ahead": an adverbial clause opens the report
            if c.cls in ("say", "think") and k == c.last and w in _AUX and self.has_words(k, hi, 2) and self.gap_before(c.first) and (
                not any(t.start in self.outer_set for t in toks[k : min(k + reach, hi)])
            ):  # (a quotation ahead: the rule for 'which he said is "..."' below)
                return k  # "which officials said will take effect": the relative's clause goes on after the cue
            if c.cls == "say" and k == c.last and w == "," and k + 1 < hi and _norm(toks[k + 1].text) not in STOP_WORDS and not self.participle(k + 1, hi):
                return k + 1 if self.has_words(k, hi, 4) and toks[k + 1].start not in self.outer_set else None
            if c.cls in ("say", "verb", "tell") and k == c.last and w in _OBJECT_PREPS and k + 2 < hi and (
                _is_word(toks[k + 1].text) and _norm(toks[k + 1].text) not in TIME_WORDS | _DAYS | STOP_WORDS
            ):
                return -(k + 1) - 1  # "argued for the plan", "spoke against the bill": the object of the preposition
            if c.cls == "verb" and k == c.last and (w not in STOP_WORDS or w in _DETERMINERS) and w != "," and _is_word(w):
                return -k - 1  # an object noun phrase, not a clause (encoded negative)
        if c.cls == "want" and c.last < hi and _is_word(toks[c.last].text) and _norm(toks[c.last].text) not in STOP_WORDS:
            return -c.last - 1  # "Palestinians want East Jerusalem": an object
        return None

    def antecedent(self, rel: int, lo: int) -> tuple[int, int] | None:
        """For "X's stance on Y, which urged": the possessor X; else None (the relative is the source:
        PolNeAR marks "who"/"which" itself, not the noun phrase before it)."""
        toks = self.toks
        if rel - 1 <= lo or toks[rel - 1].text != "," or _norm(toks[rel].text) == "who":
            return None  # 'X's editor Ann Ode, who said': the person, not the possessor
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
        return None

    def indirect_record(self, c: Cue, m: tuple[int, int] | None, a: int, e: int, *, min_words: int = 2,
                        flag: str | None = None) -> None:
        toks = self.toks
        while e > a and toks[e - 1].text in (".", ",", ";", ":"):
            e -= 1
        # stop before a direct quote introduced by a colon ("explained that ...: "Yes, ...," X said")
        for k in range(a, e):
            if toks[k].text == ":" and k + 1 < e and toks[k + 1].start in self.direct_by_start:
                e = k
                break
        e = self.clause_end(a, e, c)
        if not self.has_words(a, e, min_words):
            return
        self.add("indirect", toks[a].start, toks[e - 1].end, c, m, level=0, **({"flag": flag} if flag else {}))

    def clause_end(self, a: int, e: int, c: Cue) -> int:
        """Where the reported clause ends: before ", which/who/while/according to ...", "and said"."""
        toks = self.toks
        depth = 0
        sub = None if a > c.first and c.cls != "source-after" else False  # looked up at the first comma
        for k in range(a + 1, e):
            t = toks[k].text
            if sub is not False and (t == "," or t in MARKS) and self.main_clause(a, k, e, depth):
                if sub is None:
                    sub = self.subordinate(c)
                if sub:
                    return k + 1 if t in MARKS else k  # "After X said that ..., Y did": the main clause follows
            if t in MARKS:
                depth ^= 1
                if not depth and k + 1 < e and k + 1 in self.cue_first and toks[k - 1].text == "," and self.ing_cue(k + 1):
                    return k + 1  # 'has "grown," claiming ...': the closing mark stays
            if depth or k + 1 == c.first:
                continue
            w = _norm(t)
            if t == "," and k + 1 < e and (_norm(toks[k + 1].text) in _CUT_AFTER_COMMA or (
                k + 1 in self.cue_first and self.ing_cue(k + 1)
            )) and not self.relative_inside(k, e):
                return k  # "..., according to", "..., claiming that ...": the narrator's clause
            if w in BREAK_WORDS and (cut := self.narrator_break(a, k, e)) is not None:
                return cut  # "..., even as he ...", "... and 40 percent said ..."
            if t == "," and k + 2 < e and _norm(toks[k + 1].text) in _CONTRAST and self.has_words(a, k, 4):
                return k  # "..., but not without controversy", "..., although it cost more"
            if t == "," and k + 2 < e and _norm(toks[k + 1].text) in ("a", "an") and self.has_words(a, k, 4):
                return k  # "..., an acknowledgment that ...": a comment on the clause
            if t == "," and k + 2 < e and _norm(toks[k + 1].text) == "and" and self.has_words(a, k, 4) and (
                _norm(toks[k + 2].text) in _SUBJECT_PRONOUNS
            ):
                return k
            if w in ("and", "but") and k + 2 < e and _norm(toks[k + 1].text) in _SUBJECT_PRONOUNS and self.narrator_verb(c, k + 2, e):
                return k - 1 if toks[k - 1].text == "," or toks[k - 1].text in DASHES else k  # "..., and he reiterated ..."
            if w in ("and", "but") and k + 1 < e and (k + 1 in self.cue_first or k + 2 in self.cue_first and
                                                       _norm(toks[k + 1].text) in _SKIP_CUT) and not self.content_verb(
                c, k + 1 if k + 1 in self.cue_first else k + 2
            ):
                return k - 1 if toks[k - 1].text == "," else k
            if w in ("and", "but") and toks[k - 1].text == "," and self.has_words(a, k, 4) and any(
                i in self.cue_first and self.cue_first[i].cls in ("say", "tell", "verb") for i in range(k + 2, min(k + 7, e))
            ):  # ", and three-quarters said ...": a second attribution
                return k - 1
            if w in ("and", "but") and c.cls in ("verb", "want") and k + 1 < e and self.has_words(a, k, 2) and (
                _verb_like(toks[k + 1].text) or k + 2 < e and _norm(toks[k + 1].text) in _SKIP_CUT and _verb_like(toks[k + 2].text)
            ):
                return k - 1 if toks[k - 1].text == "," else k  # "rejected the plan and handed ...": a second verb of the subject's, not the object
            if t in DASHES and k + 1 < e and _norm(toks[k + 1].text) in ("a", "an") and self.has_words(a, k, 4):
                return k  # "... — a proposal he has raised before"
            if t in DASHES and k + 1 < e and _norm(toks[k + 1].text) in _CUT_AFTER_COMMA and not self.relative_inside(k, e):
                return k
        return e
