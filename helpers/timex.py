"""Temporal expressions (TimeML TIMEX3) found by rules and normalized against the publication date.

``extract_timexes(doc)`` yields a :class:`Timex` per expression: its span, TimeML ``type`` (DATE,
TIME, DURATION, SET), normalized ``value`` and granularity. Relative expressions ("last night",
"Thursday", "earlier this month") are resolved against ``doc.article.published`` (the document
creation time, DCT), using the sentence's tense where it matters; without a DCT they keep an
unresolved value (``XXXX-XX-XX``) and ``anchored`` is False. The rules are the patterns in
:data:`RULES`; their normalizers are in :mod:`helpers.timex_rules` and :mod:`helpers.timex_periods`.

>>> import datetime as dt
>>> from helpers.text import tokenize
>>> from helpers.article import Article
>>> a = Article("x", "", "On Thursday, he said troops crossed last night.", published=dt.date(2022, 2, 24))
>>> [(t.text, t.type, t.value) for t in extract_timexes(tokenize(a))]
[('Thursday', 'DATE', '2022-02-24'), ('last night', 'TIME', '2022-02-23TNI')]
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Iterator, NamedTuple

from .text import Doc
from .timex_values import granularity, tense_around

__all__ = ["Timex", "RULES", "WINDOW", "extract_timexes", "timexes_in_text"]

#: tokens before and after an expression whose verbs decide its tense
WINDOW = (10, 6)


class Timex(NamedTuple):
    """One temporal expression; ``text`` is ``Article.text[start:end]``."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML value: 2022-02-24, 2022-W08, P3Y, PRESENT_REF, XXXX-XX-XX ...
    granularity: str
    anchored: bool  # value fully determined (resolved against the DCT where it needed one)
    mod: str | None  # START | MID | END | APPROX | None
    sentence: int
    rule: str


# --------------------------------------------------------------------------------------------
# building blocks (case-insensitive unless marked (?-i:...))

_MON_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MON_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
MON = rf"(?-i:{_MON_FULL}|{_MON_ABBR})(?![\w-])"
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Tues\.|Wed\.|Thurs?\.)"
_NUM_WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
)
NUM = rf"(?:\d+(?:\.\d+|\s1/2)?|{_NUM_WORD}|half\san?|a couple of|a few|a dozen|a hundred|a single|several|a|an|few|many|some)"
UNIT = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_APPROX = r"about|almost|nearly|some|more than|less than|over|at least|up to|around|roughly|approximately|just|only"
_MOD = r"early|late|mid-?|earlier|later|(?:the\s)?(?:end|beginning|start|middle|rest|remainder|first half|second half) of"
_POD = r"morning|afternoon|evening|night"
_DAYWORD = rf"today|tonight|yesterday|tomorrow|{WEEKDAY}"
_TIME_CORE = (
    r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s?(?P<ap>[ap]\.\s?m\.|[ap]m(?!\w))"
    r"|(?P<h24>[012]?\d):(?P<mi24>[0-5]\d)(?![\d:])"
    r"|(?P<named>noon|midnight|midday))"
)
_DAY_OFF = r"(?:the\s)?day\s(?P<off>before|after)\s"  # "the day before yesterday"
_ORD = (r"\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
        r"nineteenth|twentieth|twenty[- ]first")

#: (rule name, pattern); every rule has a normalizer of the same name (``helpers.timex_periods.NORMALIZERS``).
RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T(?P<H>\d\d):(?P<M>\d\d))?(?![\w-])"),
    ("numeric", r"(?<![\w/.,:-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\w/-])"),
    ("month_day", rf"(?:(?P<week>the\sweek\sof)\s)?(?:(?P<mod>{_MOD})\s)?(?:(?P<last>last)\s)?(?:(?P<wd>{WEEKDAY}),?\s)?(?P<mon>{MON})\s?(?P<d>\d{{1,2}})"
                  r"(?:st|nd|rd|th)?(?![\d%])(?!,\d)(?:,?\s(?P<y>\d{4})(?![\w-]))?"),
    ("second_day", rf"(?P<mon>{MON})\s?\d{{1,2}}\s(?:and|or|to|through)\s(?P<d>\d{{1,2}})(?![\d%:])(?!,\d)"
                   r"(?:,?\s(?P<y>\d{4})(?![\w-]))?"),
    ("day_month", rf"(?<![\w.,$-])(?:the\s)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<mon>{MON})"
                  r"(?:,?\s(?P<y>\d{4})(?![\w-]))?"),
    ("month_year", rf"(?:(?P<mod>{_MOD})[\s-]?)?(?P<mon>{MON}),?\s(?:of\s)?(?:(?P<y>\d{{4}})(?![\w-])"
                   r"|(?P<rel>this|last|next)\syear)"),
    ("month", rf"(?:(?P<mod>{_MOD})[\s-]?)?(?:(?P<rel>this|last|next|past|coming)\s)?(?P<mon>(?-i:{_MON_FULL}))(?![\w-])"),
    ("weekday", rf"(?:{_DAY_OFF})?(?:(?P<mod>early|late)\s)?(?:(?P<rel>last|next|this|coming|past)\s)?(?P<wd>{WEEKDAY})"
                rf"(?:\s(?P<pod>{_POD}))?(?![\w-])"),
    ("deictic", rf"(?:{_DAY_OFF})?(?:(?P<mod>early|late|earlier|later)\s)?(?P<day>today|tonight|yesterday|tomorrow)"
                rf"(?:\s(?P<pod>{_POD}))?(?![\w-])"),
    ("part_of_day", rf"(?:(?P<mod>early|late|earlier|later)\s)?(?P<rel>this|last)\s(?P<pod>{_POD})(?![\w-])"),
    ("relative", rf"(?:(?P<mod>{_MOD})\s?)?(?:the\s)?(?P<rel>this|last|next|past|coming|previous|current)\s"
                 r"(?:fiscal\s)?(?P<unit>week|weekend|month|year|quarter|decade|century)(?![\w-])"),
    ("end_of_the", r"(?P<mod>(?:the\s)?(?:end|beginning|start|middle|rest|remainder)\sof)\sthe\s"
                   r"(?P<unit>week|month|year|quarter)(?![\w-])"),
    ("year_end", r"(?:(?P<rel>this|last|next)\s)?year(?:-|\s|['’]s\s)end(?![\w-])"),
    ("year_ago", r"(?<![\w-])year-(?:ago|earlier)(?![\w-])"),
    ("the_quarter", r"the\s(?:(?P<pre>latest|current|fiscal|comparable|latest\sfiscal|(?:comparable\s)?year-"
                    r"(?:ago|earlier))\s)?(?P<what>quarter|period)(?![\w-])"),
    ("spelled_year", r"(?:the\syear\s)?(?:(?P<a>nineteen|eighteen)\s(?P<b>(?:twenty|thirty|forty|fifty|sixty|"
                     r"seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|"
                     r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?P<k>two\sthousand"
                     r"(?:\sand\s(?:one|two|three|four|five|six|seven|eight|nine))?))(?![\w-])"),
    ("the_weekend", r"(?<!\w)the\sweekend(?![\w-])"),
    ("anaphoric", r"(?:(?P<mod>earlier|later|early|late)\s)?(?P<det>that(?:\ssame)?|the\ssame|the\sfollowing|"
                  r"the\sprevious|the\snext)\s(?P<unit>day|morning|afternoon|evening|night|week|month|year|quarter)"
                  r"(?![\w'’-])"),
    ("the_year", r"(?<![\w-])the\s(?:(?P<pre>full|fiscal|entire|whole)\s)?year(?![\w'’-])"),
    ("ago", rf"(?:(?P<approx>{_APPROX})\s)?(?P<n>{NUM})[\s-](?P<unit>{UNIT})s?\s"
            r"(?P<dir>ago|earlier|later|from now|hence)(?![\w-])"),
    ("span", rf"(?:the\s)?(?P<rel>past|last|next|coming|previous|first|final|latest|following)\s"
             rf"(?P<n>{NUM}|few|several|couple\sof)\s(?P<unit>{UNIT})s?(?![\w-])"),
    ("duration", rf"(?:(?P<approx>{_APPROX})\s)?(?<![\w$£€.,-])(?P<n>{NUM}(?:\sand\sa\shalf)?)"
                 rf"(?:\s(?:more|additional|further|straight|consecutive))?[\s-](?P<unit>{UNIT})s?(?P<half>\sand\sa\shalf)?(?![\w-])(?!\sold\b)"),
    ("plural", r"(?:(?P<pre>recent|coming|the\spast\sfew|the\slast\sfew|the\spast\sseveral|the\scoming|"
               r"the\snext\sfew|the\sfollowing)\s)?(?P<unit>seconds|minutes|hours|days|weeks|months|years"
               r"|decades|centuries)(?![\w-])"),
    ("year", rf"(?:(?P<mod>{_MOD}|fiscal|the\syear)\s?|(?<=\bpost-)|(?<=\bpre-)|(?<![\w$£€#.,/:'’-]))(?P<y>1[5-9]\d\d|20\d\d)"
             r"(?![\w%'’-]|[.,/:]\d)"),
    ("decade", r"(?:the\s)?(?:(?P<mod>early|late|mid-?)\s?)?(?P<dec>1\d\d0|20\d0|['’]\d0)['’]?s(?![\w-])"),
    ("decade_word", r"(?<!\w)the\s(?:(?P<mod>early|late|mid-?)\s?)?(?P<dec>twenties|thirties|forties|"
                    r"fifties|sixties|seventies|eighties|nineties)(?![\w-])"),
    ("century", rf"(?:the\s)?(?:(?P<mod>early|late|mid-?)\s?)?(?P<ord>{_ORD})[\s-]century(?![\w-])"),
    ("season", r"(?:(?P<mod>early|late|mid-?)\s?)?(?:(?P<rel>this|last|next|past|coming)\s|(?P<the>the)\s)?"
               r"(?P<season>spring|summer|fall|autumn|winter)(?:\s(?:of\s)?(?P<y>\d{4})(?![\w-]))?(?![\w-])"),
    ("quarter", r"(?:the\s)?(?:(?P<ry>this|last|next)\syear['’]s\s|(?P<yy>\d{4})\s|(?P<ago>(?:comparable\s)?"
                r"year-(?:ago|earlier))\s)?(?:(?P<rel>this|last|next|past|current|latest|previous)\s)?(?:fiscal\s)?"
                r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-](?:fiscal\s)?(?P<unit>quarter|half)"
                r"(?:\s(?:of\s)?(?:fiscal\s)?(?P<y>\d{4})(?![\w-]))?(?![\w-])"),
    ("q_code", r"(?<![\w-])(?-i:(?P<q>Q[1-4]|H[12]))(?:\s(?P<y>\d{4}))?(?![\w-])"),
    ("time", rf"(?:(?P<day0>{_DAYWORD})(?:\s(?:at|,))?\s)?{_TIME_CORE}"
             rf"(?:\s(?P<tz>(?-i:[A-Z]{{1,3}}T|GMT|UTC)))?(?:\s\(\d{{1,2}}:?\d\d\s?(?-i:[A-Z]{{1,3}}T|GMT|UTC)\))?"
             rf"(?:,?\s(?:on\s)?(?:(?P<day>{_DAYWORD})|(?P<mon>{MON})\s?"
             r"(?P<d>\d{1,2})(?![\d%])))?(?![\w-])"),
    ("pod_day", rf"(?:(?P<mod>early|late|mid-?)\s?)?(?P<pod>{_POD})\s(?:of\s)?(?P<day>today|yesterday|tomorrow|"
                rf"{WEEKDAY})(?:,?\s(?P<mon>{MON})\s?(?P<d>\d{{1,2}})(?![\d%]))?(?![\w-])"),
    ("ref", r"(?<![\w-])(?P<ref>now|nowadays|currently|current|at present|the moment|these days|"
            r"recently|lately|the past|the future)(?![\w-])"),
    ("set", rf"(?P<every>every|each|per)\s(?:(?P<n>other|{NUM})\s)?(?P<unit>{UNIT}|{WEEKDAY}|{_POD})s?(?![\w-])"),
    ("set_adverb", r"(?<![\w-])(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|"
                   r"biweekly|fortnightly)(?![\w-])"),
    ("set_freq", rf"(?P<freq>once|twice|thrice|{NUM}\stimes)\s(?:a|an|per|each|every)\s(?P<unit>{UNIT})(?![\w-])"),
    ("holiday", r"(?-i:(?P<hol>Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|"
                r"New Year’s Eve|New Year’s Day|Thanksgiving Day|Thanksgiving|Independence Day|Halloween|"
                r"Valentine's Day|Valentine’s Day|Boxing Day|Labor Day|Memorial Day|Election Day))"
                r"(?:,?\s(?P<y>\d{4})(?![\w-]))?(?![\w-])"),
)

_COMPILED = {name: re.compile(r"(?<![\w])" + pat if not pat.startswith("(?<!") else pat, re.I)
             for name, pat in RULES}

_UNIT_RULES = ("relative", "end_of_the", "ago", "duration", "set", "set_freq")  # "year", "day"
_UNITS_RULES = ("ago", "span", "duration", "plural", "set")  # "years", "days"
_MONTH_RULES = ("month_day", "second_day", "day_month", "month_year", "month", "time")
_WEEKDAY_RULES = ("weekday", "time", "pod_day", "month_day", "set")


def _words(names: str, rules: tuple[str, ...], before: int, after: int) -> dict[str, tuple]:
    return {w: (rules, before, after) for w in names.split()}


#: trigger word -> (rules to try around it, characters before and after it they may reach): a rule
#: only runs near one of its trigger tokens, so one pass over the Doc's tokens finds where the
#: rules can possibly match. Lower-case keys match any case; capitalised ones only as written.
TRIGGERS: dict[str, tuple[tuple[str, ...], int, int]] = {
    **_words("January February March April May June July August September October November December "
             "Jan Jan. Feb Feb. Mar Mar. Apr Apr. Jun Jun. Jul Jul. Aug Aug. Sep Sep. Sept Sept. Oct Oct. "
             "Nov Nov. Dec Dec.", _MONTH_RULES, 48, 24),
    **_words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays "
             "Thursdays Fridays Saturdays Sundays Tues Tues. Wed Wed. Thurs Thurs. Thur Thur.",
             _WEEKDAY_RULES, 40, 40),
    **_words("today tonight yesterday tomorrow", ("deictic", "time", "pod_day"), 40, 40),
    **_words("night", ("part_of_day", "set", "anaphoric") + _UNIT_RULES, 48, 24),
    **_words("nights", ("part_of_day", "set") + _UNITS_RULES, 48, 24),
    **_words("morning afternoon evening mornings afternoons evenings", ("part_of_day", "set", "pod_day", "anaphoric"), 24, 40),
    **_words("year", _UNIT_RULES + ("year_end", "year_ago", "the_year", "anaphoric"), 48, 24),
    **_words("quarter", _UNIT_RULES + ("the_quarter", "quarter", "anaphoric"), 64, 24),
    **_words("half", _UNIT_RULES + ("the_quarter", "quarter"), 64, 24),
    **_words("weekend", _UNIT_RULES + ("the_weekend",), 48, 24),
    **_words("century", _UNIT_RULES + ("century",), 48, 24),
    **_words("day week month", _UNIT_RULES + ("anaphoric",), 48, 24),
    **_words("second minute hour fortnight decade", _UNIT_RULES, 48, 24),
    **_words("seconds minutes hours days weeks fortnights months years decades centuries quarters weekends",
             _UNITS_RULES, 48, 24),
    **_words("period", ("the_quarter",), 40, 4),
    **_words("twenties thirties forties fifties sixties seventies eighties nineties", ("decade_word",), 24, 4),
    **_words("nineteen eighteen thousand", ("spelled_year",), 24, 40),
    **_words("spring summer fall autumn winter", ("season",), 24, 16),
    **_words("a.m. p.m. a.m p.m am pm noon midnight midday", ("time",), 40, 40),
    **_words("Q1 Q2 Q3 Q4 H1 H2", ("q_code",), 4, 8),
    **_words("now nowadays currently current present moment these recently lately past future", ("ref",), 12, 12),
    **_words("daily weekly monthly annually yearly hourly nightly biweekly fortnightly", ("set_adverb",), 4, 4),
    **_words("Christmas New Thanksgiving Independence Halloween Valentine Boxing Labor Memorial Election",
             ("holiday",), 4, 24),
}
_NUMERIC = (
    (re.compile(r"\d{4}-\d\d-\d\d"), ("iso",), 4, 12),
    (re.compile(r"\d{1,2}/\d{1,2}/\d{4}"), ("numeric",), 4, 4),
    (re.compile(r"(?:1[5-9]|20)\d\d"), ("year",), 40, 8),
    (re.compile(r"\d{1,2}:\d\d|\d{1,2}(?:[ap]\.?m\.?)", re.I), ("time",), 40, 40),
    (re.compile(r"\d\d\d0s|\d0s"), ("decade",), 24, 4),
)


@lru_cache(maxsize=1 << 16)
def _triggers(token: str) -> tuple[tuple[tuple[str, ...], int, int], ...]:
    """The (rules, before, after) a token triggers."""
    hit = TRIGGERS.get(token) or TRIGGERS.get(token.lower())
    out = [hit] if hit else []
    if token[:1].isdigit() or token[:1] in "'’":
        digits = token.lstrip("'’")
        out.extend((rules, b, a) for rx, rules, b, a in _NUMERIC if rx.fullmatch(digits))
    if "-" in token and not out:
        for part in token.split("-"):
            if part and part != token:
                out.extend(_triggers(part))
    return tuple(out)


#: a word some rules cannot match without (checked in the window first: cheaper than the rule)
_REQUIRES = {name: re.compile(rf"\b(?:{words})\b", re.I) for name, words in {
    "ago": "ago|earlier|later|now|hence", "set": "every|each|per", "set_freq": "once|twice|thrice|times",
    "end_of_the": "of", "relative": "this|last|next|past|coming|previous|current",
    "span": "past|last|next|coming|previous|first|final|latest|following",
    "anaphoric": "that|same|following|previous|next",
}.items()}


_TEXT = attrgetter("text")


def _candidates(doc: Doc) -> Iterator[tuple[int, int, str, re.Match]]:
    text = doc.text
    seen: set[tuple[str, int, int]] = set()
    n = len(text)
    toks = doc.tokens
    words = list(map(_TEXT, toks))
    hot = set(filter(_triggers, set(words)))  # the few distinct words that trigger rules
    for tok in compress(toks, map(hot.__contains__, words)) if hot else ():
        for rules, before, after in _triggers(tok.text):
            ts, te = tok.start, tok.end
            lo, hi = max(0, ts - before), min(n, te + after)
            for name in rules:
                need = _REQUIRES.get(name)
                if need is not None and need.search(text, lo, hi) is None:
                    continue
                for m in _COMPILED[name].finditer(text, lo, hi):
                    s, e = m.span()
                    if s < te and e > ts and e > s and (name, s, e) not in seen:
                        seen.add((name, s, e))
                        yield s, e, name, m


def extract_timexes(doc: Doc, *, published: dt.date | None = None, skip_kinds: tuple[str, ...] = ("related",)) -> Iterator[Timex]:
    """The temporal expressions of ``doc``, in text order.

    Args:
        doc: the tokenized article.
        published: the DCT; ``doc.article.published`` when None.
        skip_kinds: paragraph kinds to ignore ("Read more:" lines name other articles' dates).
    """
    from .timex_periods import NORMALIZERS
    from .timex_rules import Context

    dct = published if published is not None else doc.article.published
    text = doc.text
    if not doc.sentences:
        return
    kinds = [p.kind for p in doc.paragraphs]

    def tense_at(k: int, start: int, end: int) -> str:
        toks = doc.sentence_tokens(k)
        i = next((j for j, t in enumerate(toks) if t.end > start), len(toks))
        j = next((j for j, t in enumerate(toks) if t.start >= end), len(toks))
        lo = max(0, i - WINDOW[0])
        return tense_around([t.text for t in toks[lo:j + WINDOW[1]]], i - lo, j - lo)

    found: list[tuple[int, int, Timex]] = []
    for start, end, name, m in _candidates(doc):
        k = doc.sentence_at(start)
        if k is None:
            continue
        para = doc.paragraphs[doc.sentences[k].paragraph]
        if end > para.end or start < para.start or kinds[para.i] in skip_kinds:
            continue  # (a sentence split inside "Feb. 10" must not lose the date)
        ctx = Context(text, dct, lambda k=k, s=start, e=end: tense_at(k, s, e))
        try:
            res = NORMALIZERS[name](m, ctx)
        except (ValueError, OverflowError):  # a date beyond the calendar (DCT near year 1 or 9999)
            res = None
        if res is None:
            continue
        tx_type, value, mod, anchored, (s, e) = res
        s, e = s if s is not None else start, e if e is not None else end
        found.append((s, e, Timex(text[s:e], s, e, tx_type, value, "", anchored, mod, k, name)))
    # longest first; ties go to the earlier rule in RULES (the order found)
    order = {name: i for i, (name, _) in enumerate(RULES)}
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0], order[f[2].rule]))
    taken: list[tuple[int, int]] = []
    chosen: list[Timex] = []
    for s, e, tx in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append(tx._replace(granularity=granularity(tx.type, tx.value)))
    yield from _follow_quarters(_resolve_anaphora(sorted(chosen, key=lambda t: t.start)), text)


_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_YEAR_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?!\d))?")


def _anaphor_value(unit: str, step: int, ref: str) -> str | None:
    """``unit`` ``step`` units from the date ``ref`` ("the following year" after 1995 -> 1996), or None
    when ``ref`` is coarser than ``unit``."""
    from .timex_values import PARTS_OF_DAY, shift

    day = _DAY_VALUE.match(ref)
    if day:
        d = dt.date(int(day[1]), int(day[2]), int(day[3]))
        if unit in PARTS_OF_DAY:
            return f"{shift(d, 'day', step)}T{PARTS_OF_DAY[unit]}"
        return shift(d, unit, step)
    if unit == "quarter":
        q = _QUARTER_VALUE.match(ref)
        if not q:
            return None
        return shift(dt.date(int(q[1]), 3 * int(q[2]) - 2, 1), "quarter", step)
    ym = _YEAR_VALUE.match(ref)
    if ym and (unit == "year" or (unit == "month" and ym[2])):
        return shift(dt.date(int(ym[1]), int(ym[2] or 1), 1), unit, step)
    return None


def _resolve_anaphora(timexes: list[Timex], *, within: int = 3) -> list[Timex]:
    """Resolve "that day", "the following year", "the next morning" against the latest date named
    before them (within ``within`` sentences); drop them when there is none."""
    out: list[Timex] = []
    for tx in timexes:
        if tx.rule != "anaphoric":
            out.append(tx)
            continue
        unit, step = tx.value.split(":")
        ref = next((r for r in reversed(out) if tx.sentence - r.sentence <= within and r.anchored
                    and r.type in ("DATE", "TIME") and r.value[:1].isdigit()), None)
        value = _anaphor_value(unit, int(step), ref.value) if ref else None
        if value is not None:
            out.append(tx._replace(value=value, granularity=granularity(tx.type, value)))
    return out
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|from|versus|vs\.)\s[^.;]*$", re.I)  # "... from $3 million last year"
_A_YEAR = re.compile(r"(?:a|one)\s+year\s+(?:ago|earlier)|year-(?:ago|earlier)", re.I)


def _follow_quarters(timexes: list[Timex], text: str = "", *, within: int = 6) -> Iterator[Timex]:
    """Resolve against the quarter last named (earnings reports): "the quarter" is that quarter,
    "a year earlier" / "year-ago" the same quarter a year before."""
    last: tuple[int, int, int] | None = None  # year, quarter, sentence
    for tx in timexes:
        if last is not None and tx.sentence - last[2] <= within and tx.anchored:
            if tx.rule == "the_quarter" and not re.search(r"year-|latest|current", tx.text, re.I):
                tx = tx._replace(value=f"{last[0]}-Q{last[1]}")
            elif (tx.rule in ("the_quarter", "ago", "year_ago") and (_A_YEAR.fullmatch(tx.text) or "year-" in tx.text.lower())) \
                    or (tx.text.lower() == "last year" and _COMPARED.search(text, max(0, tx.start - 80), tx.start)):
                tx = tx._replace(value=f"{last[0] - 1}-Q{last[1]}", granularity="quarter")
        m = _QUARTER_VALUE.fullmatch(tx.value)
        if m and tx.rule in ("quarter", "q_code"):
            last = (int(m[1]), int(m[2]), tx.sentence)
        yield tx


def timexes_in_text(text: str, *, published: dt.date | str | None = None) -> list[Timex]:
    """Tokenize a bare string and return its temporal expressions (for quick checks).

    >>> [(t.text, t.value) for t in timexes_in_text("Talks are planned for next week.", published="2022-02-24")]
    [('next week', '2022-W09')]
    """
    from .article import Article, parse_date
    from .text import tokenize

    pub = parse_date(published) if published is not None else None
    return list(extract_timexes(tokenize(Article("text", "", text, published=pub))))
