"""Shapes of a direct quote's sentence, for ``helpers.attribution.Finder``: is the quoted passage a
title, does the reported clause run on before or after it, does the quote have a cue of its own; and
is a cue part of what an indirect record already reports.

A mixin: the methods read the Finder's tokens (``self.toks``), cues (``self.cue_first``), records
(``self.records``) and word counts (``self.at_least``).

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text('She had a role in "Orange Is the New Black" last year.')
>>> f = Finder(doc)
>>> f.title(6, 11), f.title(0, 3)
(True, False)
"""

from __future__ import annotations

from .cues import DASHES, SKIP_BEFORE_VERB, STOP_WORDS, TIME_WORDS, Cue, _adverb, _is_word, _norm, mention_after, mention_before
from .indirect import _DAYS, _LEAD_CONJ, _QUIET, _SUBJECT_PRONOUNS, _verb_like
from .quotemarks import MARKS

__all__ = ["QuoteShapes", "TITLE_TOKENS"]

#: Longer quoted passages (in tokens) are never taken for titles.
TITLE_TOKENS = 16
#: Lower-case words inside a title ('Orange Is the New Black', 'Los Hijos de Trump').
_TITLE_SMALL = frozenset(
    "a an the and or of in on at to for from with by is are de la el los las del du le von van".split()
)
#: A capitalised first word that opens speech rather than a title ('We Will Win' is still a quote).
_PRONOUN_OPENERS = frozenset("i we you he she they it i'm we're you're it's don't no yes".split())
#: Subject pronouns opening a reported clause before a colon ('said she has one quality: "..."').
_SUBJECTS = frozenset("i we you he she they there".split())
#: Words before a cue (or its subject) that coordinate it with the clause before ("and praised").
_COORDINATORS = frozenset((",", ";", "and", "but", "or", *DASHES))
#: Words that open a clause of their own: a subject after one may be the subject of a later verb.
_CLAUSE_OPENERS = frozenset(
    "when while as because after before if that why whether since although though once until and but".split()
)
_BREAKS = frozenset((",", ";", ":", "(", "-", "\u2013", "\u2014"))
#: Words that may stand inside a source named between a quote and its cue ('Jeffrey Ode of the Martin
#: Center for Arms Studies', 'a spokesman for committee Democrats', 'the senator and candidate').
_IN_SOURCE = frozenset("of for and at in on with from".split())
_NAME_MARKS = frozenset(("-", "&", "'", "\u2019", ".", "(", ")"))
#: Most tokens between a closing mark and its cue that are taken for the source.
SOURCE_TOKENS = 14
#: Prepositions before a participle cue opening a sentence ('After thanking the crowd, he said ...').
_FRONTING = frozenset("after before by in on despite while when since without upon of".split())
#: Prepositions of an adjunct between a subject and its verb ('Ode at the time said', 'who in the past
#: has voiced').
_ADJUNCT_PREPS = frozenset("at in on during".split())
#: Pronouns that stand as a source before an adjunct.
_PRONOUN_SOURCES = frozenset("he she they we i who which".split())
#: Words linking a document to its author ('a report by X', 'a post from X', 'interviews with X').
_AGENT_LINKS = frozenset("by from with of".split())
#: Prepositions that open an adjunct at the start of a sentence, besides ``_FRONTING``.
_OPENING_PREPS = frozenset("outside inside like unlike among amid at for with from to under over".split())
#: Words that may open a subject noun phrase in lower case ('the Stanford graduate ended ...').
_NP_OPENERS = frozenset("the a an his her their its our".split())
#: Documents sent or shown with a participle cue after them ('sent a letter urging', 'carried signs saying').
_DOCUMENTS = frozenset(
    "email e-mail letter statement tweet ad advertisement video website petition sign banner message note memo "
    "release post mailer flyer commercial spot column op-ed editorial text report".split()
)
#: Stop words that open a subject, not an adverbial, before a comma ('That, he said, ...', 'Who, ...').
#: Determiners pointing back at someone named before: '"...," this official said', 'one aide told'.
_POINTING = frozenset("this these those another one".split())
_NOT_OPENERS = frozenset("this that these those what who which whom whose it's".split())
#: Adverbs outside ``STOP_WORDS`` that open an adverbial ('Even as shares fell, ...', 'Once again, ...').
_OPENING_ADVERBS = frozenset("even once first just only ever".split())


class QuoteShapes:
    """Predicates on the tokens around a direct quote (mixed into ``Finder``)."""

    def title(self, i: int, j: int) -> bool:
        """Tokens ``i:j`` read as a title or name: two to seven words, each capitalised (or all in
        capitals) but for small function words ('Orange Is the New Black', 'Fox and Friends')."""
        words = [t.text for t in self.toks[i:j] if _is_word(t.text)]
        if not 2 <= len(words) <= 7 or not words[0][:1].isupper() or _norm(words[0]) in _PRONOUN_OPENERS:
            return False
        return all(w[:1].isupper() or w[:1].isdigit() or _norm(w) in _TITLE_SMALL for w in words)

    def clause_before_colon(self, cue: Cue, colon: int) -> bool:
        """'She said she has the one quality it takes: "..."': a clause opening with a subject pronoun
        between a say cue and the colon is part of what is reported."""
        if cue.cls not in ("say", "think") or not self.at_least(cue.last, colon, 2):
            return False
        if _norm(self.toks[cue.last].text) not in _SUBJECTS:
            return False  # 'added a caveat:', 'explained it this way:', 'said back in May:'
        return all(_is_word(t.text) or t.text == "," for t in self.toks[cue.last : colon])

    def cue_inside_clause(self, cue: Cue, mention, lo: int, open_i: int) -> bool:
        """'The streets were empty, he added, "but ..."', 'Costs, she said, "are rising."': a source and
        cue set off by commas after the sentence's first words, before a quote that goes on with them."""
        if mention is None or not lo < mention[0] - 1 < open_i or mention[1] != cue.first or cue.last >= open_i:
            return False
        if open_i + 1 >= len(self.toks) or not self.toks[open_i + 1].text[:1].islower():
            return False  # 'In a tweet, he said: "We won."': a new sentence in the quote, the opening is no part of it
        if self.toks[mention[0] - 1].text != "," or not self.at_least(lo, mention[0] - 1, 1):
            return False
        if any(t.text in MARKS for t in self.toks[lo : mention[0]]):
            return False  # '"A," he said, "B"': a quote split around its cue
        return all(self.toks[k].text in (",", ":") for k in range(cue.last, open_i))

    def second_predicate(self, i: int, hi: int) -> bool:
        """Tokens from ``i`` open a second verb of the subject ('wrote "..." and shared a link',
        'said "..." and vowing to ...'): the quote ends the first one's content."""
        if i + 1 >= hi or _norm(self.toks[i].text) not in ("and", "but"):
            return False
        j = i + 1
        if _adverb(self.toks[j].text) and j + 1 < hi:
            j += 1  # 'and specifically mentioned'
        w = self.toks[j].text
        return w.islower() and (w.endswith(("ed", "ing")) or j in self.cue_first)

    def own_cue_after(self, close_i: int, hi: int) -> bool:
        """The sentence goes on after the quote to a comma and a cue with its source ('"..." to cut
        costs, she said.'): the quote has a cue of its own, it is no split or floating part."""
        for k in range(close_i + 1, hi):
            c = self.cue_first.get(k)
            if c is not None and c.cls not in _QUIET and self.toks[k - 1].text != ",":
                m = mention_before(self.toks, c.first, close_i)
                if m is not None and m[1] == c.first and m[0] > close_i and self.toks[m[0] - 1].text == ",":
                    return True
        return False

    def reported_after(self, found, close_i: int, hi: int) -> bool:
        """The cue after the quote names its source ('..., know that "...," Ms. Lee said.'): the
        whole clause before it is the reported content, a cue inside it notwithstanding."""
        cue, m = found
        return m is not None and close_i <= cue.first < hi and not cue.text.endswith("ing")

    def inside_report(self, cue: Cue) -> bool:
        """The cue lies inside what the last indirect record reports ('X said that the judge refused
        to ...'): it is part of that report, unless it or its subject opens a coordinated clause
        ('criticized X and praised Y', 'While X said ..., he said ...')."""
        last = self.records[-1] if self.records else None
        if last is None or last["kind"] != "indirect" or "flag" in last or not last["start"] <= cue.start < last["end"]:
            return False
        if cue.first > 0 and _norm(self.toks[cue.first - 1].text) in _COORDINATORS:
            return False
        m = mention_before(self.toks, cue.first, self.sents[self.toks[cue.first].sentence].first_token)
        return m is None or m[0] == 0 or _norm(self.toks[m[0] - 1].text) not in _COORDINATORS

    def participle_after(self, cue: Cue, close_i: int) -> bool:
        """A participle cue right after a quote inside a sentence ('has "grown," claiming ...') opens a
        clause of its own: it is not the quote's cue."""
        return cue.text.endswith("ing") and all(t.text in (",", *DASHES) for t in self.toks[close_i : cue.first])

    def clause_subject(self, lo: int, cue: Cue) -> tuple[int, int] | None:
        """The subject of the clause a cue's verb joins when no noun phrase stands right before it ('Ms.
        Ode smiled and said, "..."', 'he began by saying "..."', 'When asked, she laughed and said'):
        the source of an earlier cue in the sentence, else the nearest clause opening before the cue
        (a comma, 'when', 'and', ...) that starts with a pronoun or a noun phrase and its verb."""
        toks = self.toks
        prev = self.records[-1] if self.records else None
        if prev is not None and prev["mention"] and prev["cue"] and toks[lo].start <= prev["cue"][0] < cue.start:
            return self.tokens_of(prev["mention"])  # '"A," Ode said before adding: "B"'
        for b in range(cue.first - 1, lo - 2, -1):
            if b >= lo and toks[b].text in MARKS:
                return None  # never into a quotation
            if b >= lo and not (toks[b].text in _BREAKS or _norm(toks[b].text) in _CLAUSE_OPENERS):
                continue
            k = b + 1
            while k < cue.first and (_norm(toks[k].text) in _LEAD_CONJ or _norm(toks[k].text) in _CLAUSE_OPENERS):
                k += 1
            if k >= cue.first - 1:
                continue
            m = self.subject_at(k, cue.first)
            if m is None and b < lo and toks[k].text[:1].isupper():  # 'Mr. Ode, channeling his roots, responded by saying'
                commas = [i for i in range(k + 1, cue.first) if toks[i].text == ","][:2]
                m = self.source_np(k, commas[0]) if len(commas) == 2 and commas[0] - k <= 6 else None
            if m is not None:
                return m
        return None

    def subject_at(self, k: int, end: int) -> tuple[int, int] | None:
        """A subject opening at token ``k`` (before token ``end``): a pronoun, or a noun phrase (a name,
        or a determiner and its words) and the verb after it ('Ms. Ode smiled', 'the young graduate
        ended'); None when none opens there."""
        toks = self.toks
        first = _norm(toks[k].text)
        if first in _SUBJECT_PRONOUNS:
            return (k, k + 1)
        if not (toks[k].text[:1].isupper() or first in _NP_OPENERS) or (first in STOP_WORDS and first not in _NP_OPENERS):
            return None
        named = toks[k].text[:1].isupper() and first not in _NP_OPENERS
        j = k + 1
        while j < end and j - k <= 12:
            if toks[j].text == "(" and named:  # 'Rep. Ann Ode (D-Vt.) reacted'
                j = next((i + 1 for i in range(j + 1, min(j + 8, end)) if toks[i].text == ")"), end)
                continue
            w = _norm(toks[j].text)
            if not _is_word(w) or w in _SUBJECT_PRONOUNS or not (w in ("of", "the", "'s") or toks[j].text[:1].isupper() or not named and not (
                _verb_like(w) or w in SKIP_BEFORE_VERB | STOP_WORDS or _adverb(toks[j].text)
            )):
                break
            j += 1
        if j < end - 1 and _norm(toks[j].text) in _SUBJECT_PRONOUNS:
            return (j, j + 1)  # 'After the vote he ended ...'
        if j < end and toks[j].text.islower() and _norm(toks[j].text) not in STOP_WORDS - SKIP_BEFORE_VERB:
            return (k, j)  # 'Ms. Ode smiled', 'the young graduate ended', 'he ... has'
        return None

    def past_openers(self, k: int, hi: int) -> int:
        """The token after the adverbials opening a clause at ``k`` ('However,', 'On Tuesday, even as
        shares fell,', 'Speaking in Salem, New Hampshire,', 'This week,'); ``k`` when none opens it."""
        toks = self.toks
        first = k
        for _ in range(4):
            comma = next((i for i in range(k + 1, min(k + 14, hi)) if toks[i].text in (",", *DASHES)), None)
            if comma is None or comma + 1 >= hi or any(t.text in MARKS for t in toks[k:comma]):
                break
            w = _norm(toks[k].text)
            opener = (w in STOP_WORDS and w not in _NOT_OPENERS or w in TIME_WORDS or w in _DAYS or w in _OPENING_ADVERBS or _adverb(w)
                      or k == first and w.endswith("ing") and len(w) > 4 and toks[k + 1].text.islower())
            place = k > first and comma - k <= 3 and toks[k - 2].text[:1].isupper() and all(
                t.text[:1].isupper() or t.text == "." for t in toks[k:comma]
            ) and _norm(toks[comma + 1].text) not in _NP_OPENERS  # 'in Salem, New Hampshire, X'
            if not (opener or place):
                break
            k = comma + 1
        return k

    def opened_subject(self, lo: int, hi: int) -> tuple[int, int] | None:
        """``subject`` past every adverbial opening the sentence ('On Tuesday, even as shares fell, Ode
        wrote ..., telling', 'Instead, the senator is ..., hoping'), where ``subject`` finds one."""
        m = self.subject(lo, hi)
        k = lo
        while k < hi and (_norm(self.toks[k].text) in _LEAD_CONJ or not _is_word(self.toks[k].text)):
            k += 1
        k2 = self.past_openers(k, hi) if m is not None else k
        if k2 == k or k2 == m[0]:
            return m
        return self.subject(k2, hi) or self.subject_at(k2, hi) or m

    def quiet_report(self, c: Cue, j: int, hi: int) -> bool:
        """A belief cue that reports the spoken passage before it ('"...," the statement read.', '"...," it
        reads.', '"...," read the email.'): the cue ends the sentence, right after its subject or before it."""
        toks = self.toks
        m = mention_after(toks, c.last, hi, possessive=True) if c.first == j else mention_before(toks, c.first, j)
        if m is None or (c.first != j and m[0] != j) or _norm(toks[m[1] - 1].text) in ("'s", "s"):
            return False  # 'the way it's heard': a passive
        end = m[1] if c.first == j else c.last
        return end >= hi or toks[end].text in (".", ",", ";", "!", "?")

    def beside(self, m: tuple[int, int], b: int) -> bool:
        """The mention ``m`` stands by the verb at ``b`` ('X said', 'X last week said', 'X, who ..., said'),
        not as the subject of an earlier verb ('In Lund, Ode stopped and said.')."""
        return m[1] >= b - 3 or self.toks[m[1]].text in (",", *DASHES)

    def possessive(self, i: int) -> bool:
        """The mark token ``i`` is a possessive apostrophe: "campaign\u2019s", "Jones' "."""
        toks = self.toks
        if i == 0 or toks[i - 1].end != toks[i].start or not toks[i - 1].text[-1:].isalpha():
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.start == toks[i].end:
            return nxt.text in ("s", "S")
        return toks[i - 1].text.endswith("s")

    def apostrophe(self, i: int) -> bool:
        """The mark token ``i`` is an apostrophe, no quotation mark: a possessive or one inside a word
        ("O\u2019Donnell", "D'Souza")."""
        toks = self.toks
        if self.possessive(i):
            return True
        return 0 < i < len(toks) - 1 and toks[i - 1].end == toks[i].start and toks[i].end == toks[i + 1].start and (
            toks[i - 1].text[-1:].isalpha() and toks[i + 1].text[:1].isalpha())

    def source_np(self, j: int, cue_first: int) -> tuple[int, int] | None:
        """Tokens ``j:cue_first`` as the source when they read as one noun phrase, a long one included
        ('"...," Jeffrey Ode of the Martin Center for Arms Studies wrote', '"...," a spokesman for the
        committee said'): a capitalised word or a determiner first, then words and name marks only."""
        toks = self.toks
        e = cue_first
        while e > j and (_norm(toks[e - 1].text) in SKIP_BEFORE_VERB or _adverb(toks[e - 1].text)
                         or _norm(toks[e - 1].text) in TIME_WORDS):
            e -= 1
        if not 0 < e - j <= SOURCE_TOKENS:
            return None
        first = _norm(toks[j].text)
        if not (toks[j].text[:1].isupper() and first not in STOP_WORDS or first in _NP_OPENERS or first in _POINTING):
            return None
        for t in toks[j + 1 : e]:
            w = _norm(t.text)
            if not (_is_word(t.text) or t.text in _NAME_MARKS) or (w in STOP_WORDS and w not in _IN_SOURCE):
                return None
        if _norm(toks[e - 1].text) in _IN_SOURCE or toks[e - 1].text in ("-", "&", "("):
            return None
        return (j, e)

    def appositive(self, j: int, k: int) -> tuple[int, int] | None:
        """'"...," Ann Ode, a driver from Lund, said': the name before the first comma after ``j`` when a
        comma opens an apposition before token ``k`` (no clause break or quotation mark on the way)."""
        toks = self.toks
        comma = next((i for i in range(j + 1, min(k, j + 9)) if toks[i].text == ","), None)
        if comma is None or k - comma > 24:
            return None
        if any(t.text in (".", ";", "!", "?", ":") or t.text in MARKS for t in toks[comma:k]):
            return None
        return self.source_np(j, comma)

    def fronted_subject(self, c: Cue, lo: int, hi: int) -> tuple[int, int] | None:
        """'After thanking the crowd, he said ...', 'In describing the plan, Ode wrote ...': a participle
        cue after a preposition opening the sentence: the source is the main clause's subject after
        the phrase's comma, not the preposition."""
        toks = self.toks
        if not c.text.endswith("ing") or c.first - lo not in (1, 2) or _norm(toks[c.first - 1].text) not in _FRONTING:
            return None
        for k in range(c.last, min(c.last + 25, hi - 1)):
            if toks[k].text == "," and _norm(toks[k + 1].text) not in ("which", "who", "whom", "whose", "and", "but"):
                return self.subject(k + 1, hi) or self.subject_at(k + 1, hi)
        return None

    def sender(self, c: Cue, m: tuple[int, int] | None, lo: int) -> tuple[int, int] | None:
        """'The campaign sent an email to supporters saying', 'X released a statement Tuesday urging': a
        participle cue after a document that a verb's subject sent: that subject, else ``m``."""
        toks = self.toks
        if not c.text.endswith("ing") or c.first - 1 <= lo or not _is_word(toks[c.first - 1].text):
            return m
        d = next((d for d in range(c.first - 1, max(lo, c.first - 8), -1)
                  if not _is_word(toks[d].text) or _norm(toks[d].text).rstrip("s") in _DOCUMENTS), None)
        if d is None or not _is_word(toks[d].text):
            return m
        v = d - 1  # back over 'out a fundraising', 'a short' to the verb
        while v > lo and v > d - 5 and _is_word(toks[v].text) and not _verb_like(toks[v].text) and not (
            toks[v].text.endswith("ing") and _norm(toks[v - 1].text) in SKIP_BEFORE_VERB
        ):
            v -= 1
        w = toks[v].text
        if not (w.islower() and (_verb_like(w) or w.endswith("ing"))) or _norm(w) in SKIP_BEFORE_VERB:
            return m  # 'the letter urging', 'in a statement saying': no verb sent it
        s = mention_before(toks, v, lo)
        return s if s is not None and (m is None or s != m) else m

    def past_adjunct(self, m: tuple[int, int] | None, lo: int) -> tuple[int, int] | None:
        """A noun phrase before the cue that is the object of an adjunct ('Ode at the time said', 'Ode
        in his first speech called', 'who in the past has voiced'): the subject before the adjunct
        instead, when one ends right before its preposition; a quantifier after an auxiliary ('X have
        both urged', 'who has both endorsed') gives way to the subject before it; else ``m`` unchanged."""
        toks = self.toks
        if m is not None and m[1] - m[0] == 1 and _norm(toks[m[0]].text) in ("both", "all", "each") and m[0] - 1 > lo and (
            _norm(toks[m[0] - 1].text) in SKIP_BEFORE_VERB
        ):
            return mention_before(toks, m[0], lo) or m
        if m is None or m[0] - 1 <= lo or _norm(toks[m[0] - 1].text) not in _ADJUNCT_PREPS or toks[m[0]].text[:1].isupper():
            return m
        m2 = mention_before(toks, m[0] - 1, lo)
        if m2 is None or not (toks[m2[0]].text[:1].isupper() or _norm(toks[m2[0]].text) in _PRONOUN_SOURCES | _NP_OPENERS):
            return m
        if any(_verb_like(t.text) or t.text.endswith("ing") for t in toks[m2[0] : m2[1]]):
            return m  # 'opponents of taking in migrants': a verb and its particle, no adjunct
        if m2[1] - m2[0] > 1 and _norm(toks[m2[0]].text) in _PRONOUN_SOURCES | {"it"}:
            return m  # 'It rests on a survey the office said was ...': a pronoun and its verb, no subject
        return m2

    def document_agent(self, m: tuple[int, int] | None, hi: int) -> tuple[int, int] | None:
        """'according to a report by the Pew Center', '... a post from Ann Ode', '... audio provided by
        X': the author named after the document (PolNeAR's source), else ``m`` unchanged."""
        toks = self.toks
        if m is None or m[1] + 1 >= hi or toks[m[0]].text[:1].isupper() and _norm(toks[m[0]].text) not in _NP_OPENERS:
            return m
        k = m[1]
        if toks[k].text.islower() and toks[k].text.endswith("ed") and _norm(toks[k + 1].text) == "by":
            k += 1  # 'audio provided by'
        if _norm(toks[k].text) not in _AGENT_LINKS:
            return m
        m2 = mention_after(toks, k + 1, hi)
        return m2 if m2 is not None and toks[m2[0] if _norm(toks[m2[0]].text) not in _NP_OPENERS else min(m2[0] + 1, m2[1] - 1)].text[:1].isupper() else m

    def apposition_head(self, m: tuple[int, int] | None, lo: int) -> tuple[int, int] | None:
        """'Ann Ode, 58, who lives in Lund, says ...': the name opening the sentence, not the last piece of
        its apposition (a number, or a noun phrase between commas) that stands before the cue; else ``m``."""
        toks = self.toks
        if m is None or m[1] >= len(toks) or toks[m[1]].text != "," or m[0] - 1 <= lo:
            return m
        if toks[m[0] - 1].text != "," and not toks[m[0]].text[:1].isdigit() or _norm(toks[m[0]].text) in _PRONOUN_SOURCES:
            return m  # 'X, who, after a row, said': the relative is the source
        k = lo
        while k < m[0] and (_norm(toks[k].text) in _LEAD_CONJ or not _is_word(toks[k].text)):
            k += 1
        first = _norm(toks[k].text)
        if first.endswith(("ing", "ly")) or first in _FRONTING or first in _OPENING_PREPS:
            return m  # 'Speaking in Lund, ...', 'Similarly, ...', 'Outside the hall, ...': no name opens the sentence
        comma = next((i for i in range(k + 1, m[0]) if toks[i].text == ","), None)
        return (self.source_np(k, comma) if comma is not None else None) or m

    def inverted_source(self, cue: Cue, k: int) -> tuple[int, int] | None:
        """'Continued Ode: "..."', 'In other words, explained moderator Ann Ode: "..."': a name between the
        cue and the punctuation (token ``k``) before the quote."""
        m = mention_after(self.toks, cue.last, k)
        if m is None or m[1] != k or not any(t.text[:1].isupper() for t in self.toks[m[0] : m[1]]):
            return None
        return m
