"""Normalizers for durations, times, sets, present/past/future references, holidays and fiscal
periods ("the year ended March 31", "the third quarter"), and the
``NORMALIZERS`` table (rule name -> normalizer) that :func:`helpers.timex.extract_timexes` uses.

>>> sorted(NORMALIZERS) == sorted(name for name, _ in __import__("helpers.timex", fromlist=["RULES"]).RULES)
True
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from .timex_rules import (_FUNCTION, _SAME, CALENDAR_RULES, DATE_CONTEXT, PLACEHOLDER, Context, Result, _day_of,
                          _month, _month_day, _rel, _wd, mod_of)
from .timex_values import PARTS_OF_DAY, WEEKDAYS, duration, number, ordinal, shift

__all__ = ["NORMALIZERS"]


def _unit(word: str) -> str:
    w = word.lower()
    return "century" if w.startswith("centur") else w


_NARRATIVE_UNITS = frozenset("second minute hour day night".split())


def ago(m: re.Match, ctx: Context) -> Result | None:
    n, unit = number(m["n"]), _unit(m["unit"])
    sign = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
    if m["dir"].lower() in ("earlier", "later") and unit in _NARRATIVE_UNITS:
        # "three days later": counted from an event of the story, not from the DCT; TimeML marks the
        # measure ("three days") as a DURATION and "later" as its signal
        end = m.start("dir") - 1
        return "DURATION", duration(n, unit), mod_of(m["approx"]), True, (m.start(), end)
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, ctx.dct is not None, _SAME
    gran = unit if unit in PLACEHOLDER else "day"
    if ctx.dct is None:
        return "DATE", PLACEHOLDER[gran], mod_of(m["approx"]), False, _SAME
    if unit == "weekend":
        gran, n = "week", n
    days = {"hour": 1 / 24, "minute": 0, "second": 0}.get(unit)
    v = shift(ctx.dct, "day", round(sign * n * days)) if days is not None else shift(ctx.dct, gran, round(sign * n))
    return "DATE", v, mod_of(m["approx"]), True, _SAME


def span(m: re.Match, ctx: Context) -> Result | None:
    n = number(m["n"])
    return "DURATION", duration(n, _unit(m["unit"])), None, True, _SAME


def duration_(m: re.Match, ctx: Context) -> Result | None:
    word, unit = m["n"].lower(), _unit(m["unit"])
    plural = m.group(0).lower().endswith("s") and not m.group(0).lower().endswith("ss")
    n = number(m["n"])
    if word in ("a", "an", "one", "a single") and unit in ("second", "quarter"):
        return None  # "a second round", "a quarter of the vote"
    if m["unit"][:1].isupper() and m["n"][:1].isdigit():
        return None  # a title: CBS's "60 Minutes"
    if (n is not None and n >= 1000 and not plural) or (unit == "quarter" and "-" in m.group(0) and plural):
        return None  # "the 1988 quarter", "three-quarters"
    if n is None and not plural:
        return None  # "some day", "many a year"
    if word in ("a", "an"):
        before = ctx.text[max(0, m.start("n") - 30):m.start("n")]
        if re.search(r"(\d|[$£€%]|\bonce|\btwice|\btimes|\bmillion|\bbillion|\bthousand|\bhundred)"
                     r"(\s+[^\W\d]+)?\s*$", before):  # "$5 a year", "2 million ostras a day"
            return "SET", duration(1, unit), None, True, (m.start("n"), m.end())
    if m["half"] and n is not None:  # "a minute and a half"
        n += 0.5
    return "DURATION", duration(n, unit), mod_of(m["approx"]), True, _SAME


def plural(m: re.Match, ctx: Context) -> Result | None:
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    unit = _unit(m["unit"][:-1] if not m["unit"].lower().startswith("centur") else "century")
    if unit == "hour" and ctx.word_before(m.start()) in ("early", "small", "wee"):
        return None  # "in the early hours of Sunday": a part of the night, not a length of time
    if not pre and ctx.word_before(m.start()) not in ("for", "over", "within", "took", "lasted", "spent", "in") \
            and ctx.word_after(m.end()).lower() != "of":
        return None
    if pre == "recent" and unit in ("year", "decade"):  # "in recent years": some time before now
        return "DATE", "PAST_REF", None, ctx.dct is not None, _SAME
    return "DURATION", duration(None, unit), None, True, _SAME


def time(m: re.Match, ctx: Context) -> Result | None:
    if m["named"] and ctx.word_before(m.start()) == "high":
        return None  # "High Noon"
    if m["named"]:
        h, mi = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["named"].lower()]
    elif m["h24"] is not None:
        h, mi = int(m["h24"]), int(m["mi24"])
    else:
        h, mi = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= h <= 12:
            return None
        pm = m["ap"].lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    if h > 24 or mi > 59:
        return None
    day = m["day0"] or m["day"]
    if day:
        v, ok = _day_of(ctx, day)
    elif m["mon"]:
        r = _month_day(ctx, _month(m["mon"]), int(m["d"]), None)
        if r is None:
            return None
        v, ok = r
    else:
        v, ok = _rel(ctx, "day", 0)
    return "TIME", f"{v}T{h:02d}:{mi:02d}", None, ok, _SAME


_REFS = {"now": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
         "at present": "PRESENT_REF", "the moment": "PRESENT_REF", "these days": "PRESENT_REF",
         "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF"}


def ref(m: re.Match, ctx: Context) -> Result | None:
    word = re.sub(r"\s+", " ", m["ref"].lower())
    before, after = ctx.word_before(m.start()), ctx.word_after(m.end())
    if word == "the moment" and before not in ("at", "for"):
        return None
    if word == "now" and m.group(0)[:1] == "N" and ctx.text[m.end():m.end() + 1] == ",":
        return None  # "Now, he says ...": a discourse marker opening the sentence
    if word == "the past" and after[:1].islower() and after.lower() not in _FUNCTION:
        return None
    return "DATE", _REFS[word], None, ctx.dct is not None, _SAME


def set_(m: re.Match, ctx: Context) -> Result | None:
    what, n = m["unit"], m["n"]
    k = 2 if (n or "").lower() == "other" else (number(n) if n else 1)
    if what.lower().rstrip("s") in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what.lower().rstrip('s')]}", None, True, _SAME
    if what.lower().rstrip(".").rstrip("s") in WEEKDAYS:
        return "SET", f"XXXX-WXX-{_wd(what.rstrip('s')) + 1}", None, True, _SAME
    return "SET", duration(k, _unit(what)), None, True, _SAME


_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
            "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "fortnightly": "P2W"}


def set_adverb(m: re.Match, ctx: Context) -> Result | None:
    if ctx.word_after(m.end())[:1].isupper():
        return None  # "the party daily Granma"
    if m.group(0)[:1].isupper() and (ctx.word_before(m.start())[:1].isupper() or ctx.word_after(m.end())[:1].isupper()):
        if ctx.text[max(0, m.start() - 2):m.start()].strip() not in ("", ".", '"'):
            return None  # "China Daily", "the Daily Mail"
        if ctx.word_after(m.end())[:1].isupper():
            return None
    return "SET", _ADVERBS[m["adv"].lower()], None, True, _SAME


def set_freq(m: re.Match, ctx: Context) -> Result | None:
    return "SET", duration(1, _unit(m["unit"])), None, True, _SAME


def _nth_weekday(y: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(y, month, 1)
    d = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    if nth > 0:
        return d + dt.timedelta(weeks=nth - 1)
    while (d + dt.timedelta(weeks=1)).month == month:
        d += dt.timedelta(weeks=1)
    return d


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1), "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31), "valentine's day": lambda y: dt.date(y, 2, 14),
    "boxing day": lambda y: dt.date(y, 12, 26), "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4), "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),  # (US) Tuesday after the first Monday
}
#: nouns after "X Day" that make it a name, not a date ("the Independence Day parade")
_HOLIDAY_NOUNS = frozenset(
    "parade parades celebration celebrations sale sales weekend holiday holidays speech message address "
    "tree trees dinner dinners party parties card cards shopping special".split())


def holiday(m: re.Match, ctx: Context) -> Result | None:
    name = m["hol"].lower().replace("’", "'")
    named_day = name.endswith((" day", " eve"))
    if not m["y"] and ctx.word_before(m.start()) not in DATE_CONTEXT | {"on", "at", "over", "for"} and (
            not named_day or ctx.word_after(m.end()).lower() in _HOLIDAY_NOUNS):
        return None  # "Christmas tree", "Independence Day parade" named as a thing
    rule = _HOLIDAYS[name]
    if m["y"]:
        return "DATE", rule(int(m["y"])).isoformat(), None, True, _SAME
    if ctx.dct is None:
        return "DATE", "XXXX" + rule(2001).isoformat()[4:] if "thanks" not in name else "XXXX-11-XX", None, False, _SAME
    cands = [rule(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    past = [c for c in cands if c <= ctx.dct]
    fut = [c for c in cands if c >= ctx.dct]
    day = (past[-1] if ctx.tense == "past" and past else fut[0] if ctx.tense == "future" and fut
           else min(cands, key=lambda c: abs((c - ctx.dct).days)))
    return "DATE", day.isoformat(), None, True, _SAME


# --- fiscal periods: years and quarters of earnings reports ---------------------------------

_YEAR_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|that\s+ends|which\s+ended|through|to)\s+"
                         r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|last|next|this|"
                         r"yesterday|today|tomorrow)")


def the_year(m: re.Match, ctx: Context) -> Result | None:
    """"the year" (anaphoric: the DCT's year, as in "for the year"); "the year ended June 30" is a
    twelve-month DURATION (TimeBank's convention for fiscal years)."""
    if _YEAR_ENDED.match(ctx.text, m.end()):
        return "DURATION", "P1Y", None, True, _SAME
    if ctx.word_after(m.end()).lower() in ("before", "after", "earlier", "later", "ago", "of", "in", "when",
                                           "that", "which", "since", "he", "she", "they", "we", "i"):
        return None  # "the year before", "the year of the dragon", "the year when ...", "the year he left"
    v, ok = _rel(ctx, "year", 0)
    return "DATE", v, None, ok, _SAME


def quarter(m: re.Match, ctx: Context) -> Result | None:
    q, half = ordinal(m["q"]), m["unit"].lower() == "half"
    letter, size = ("H", 2) if half else ("Q", 4)
    if q is None or q > size:
        return None
    if m["y"] or m["yy"]:
        return "DATE", f"{m['y'] or m['yy']}-{letter}{q}", None, True, _SAME
    if ctx.dct is None:
        return "DATE", f"XXXX-{letter}{q}", None, False, _SAME
    if m["ry"] or m["ago"]:
        k = -1 if m["ago"] else {"last": -1, "next": 1}.get(m["ry"].lower(), 0)
        return "DATE", f"{ctx.dct.year + k}-{letter}{q}", None, True, _SAME
    cur = (ctx.dct.month - 1) // (12 // size) + 1
    y = ctx.dct.year
    if q > cur and ctx.tense != "future":  # results are reported for quarters already over
        y -= 1
    return "DATE", f"{y:04d}-{letter}{q}", None, True, _SAME


def the_quarter(m: re.Match, ctx: Context) -> Result | None:
    pre = (m["pre"] or "").lower()
    if m["what"].lower() == "period" and not pre:
        return None  # "the period" alone is not a date
    if ctx.dct is None:
        return "DATE", "XXXX-QX", None, False, _SAME
    ref = ctx.dct - dt.timedelta(days=45)  # the quarter last reported on
    return "DATE", f"{ref.year - ('year-' in pre)}-Q{(ref.month - 1) // 3 + 1}", None, True, _SAME


def q_code(m: re.Match, ctx: Context) -> Result | None:
    if m["y"]:
        return "DATE", f"{m['y']}-{m['q']}", None, True, _SAME
    if ctx.dct is None:
        return "DATE", f"XXXX-{m['q']}", None, False, _SAME
    return "DATE", f"{ctx.dct.year}-{m['q']}", None, True, _SAME


def anaphoric(m: re.Match, ctx: Context) -> Result | None:
    """"that day", "the following year": ``unit:step`` here; :func:`helpers.timex.extract_timexes`
    puts in the value from the date named before it."""
    det, unit = re.sub(r"\s+", " ", m["det"].lower()), m["unit"].lower()
    step = 1 if det in ("the following", "the next") else -1 if det == "the previous" else 0
    if det == "the next" and unit not in PARTS_OF_DAY and unit != "day":
        return None  # "the next year" is the DCT's next year (rule "relative")
    if det == "the same" and m["mod"] is None and ctx.word_after(m.end()).lower() in ("as", "that"):
        return None  # "the same day as ..."
    tx_type = "TIME" if unit in PARTS_OF_DAY else "DATE"
    return tx_type, f"{unit}:{step}", mod_of(m["mod"]), ctx.dct is not None, _SAME


NORMALIZERS: dict[str, Callable[[re.Match, Context], Result | None]] = {
    **CALENDAR_RULES,
    "ago": ago,
    "span": span,
    "duration": duration_,
    "plural": plural,
    "time": time,
    "ref": ref,
    "set": set_,
    "set_adverb": set_adverb,
    "set_freq": set_freq,
    "holiday": holiday,
    "the_year": the_year,
    "quarter": quarter,
    "the_quarter": the_quarter,
    "q_code": q_code,
    "anaphoric": anaphoric,
}
