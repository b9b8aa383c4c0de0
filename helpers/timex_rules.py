"""Normalizers for the calendar patterns in :data:`helpers.timex.RULES` (dates, weekdays, months,
relative periods, years, seasons); durations, times, sets, references and the fiscal periods of
earnings reports ("the year", quarters) are in :mod:`helpers.timex_periods`, which also holds the
full ``NORMALIZERS`` table.

Each takes the regex match and a :class:`Context` (the text, the DCT, the sentence's tense) and
returns ``(type, value, mod, anchored, (start, end))`` or ``None`` when the match is not temporal
after all ("May" as a verb, "2022" inside a name, "the Sun" newspaper). ``(None, None)`` keeps
the match's own span.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from .timex_values import (MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS, duration, nearest_month,
                           nearest_month_day, nearest_weekday, number, ordinal, shift, week)

__all__ = ["Context", "CALENDAR_RULES", "mod_of"]

Result = tuple[str, str, "str | None", bool, tuple["int | None", "int | None"]]
_SAME = (None, None)
PLACEHOLDER = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
               "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}
#: words before a bare month name or season that make it a date ("in March", not "March on")
DATE_CONTEXT = frozenset("in since until till by from through to during before after of early late "
                         "mid last next this and or between throughout around as for".split())
SEASON_CONTEXT = frozenset("in during since until till by through throughout before after of early late mid".split())
_NEWSPAPERS = frozenset("Times Telegraph Express Mirror Mail Herald Post Independent Star Sport Mercury".split())
_NAMED_DAYS = frozenset("Black Bloody Super Good Easter Ash Palm Cyber Holy Maundy Fat Giving".split())
_COUNT_WORDS = frozenset("about some nearly over than around approximately almost only just all another "
                         "least to".split())
_FUNCTION = frozenset("and or but that when it he she they we i you the a an to as is was has have had "
                      "been were are will would can could there this these those".split())


@dataclass
class Context:
    """What a normalizer needs besides the match."""

    text: str
    dct: dt.date | None
    tense_fn: Callable[[], str]

    @property
    def tense(self) -> str:
        return self.tense_fn()

    def word_before(self, pos: int) -> str:
        m = _LAST_WORD.search(self.text[max(0, pos - 40):pos])
        return m.group(1).lower().rstrip(".") if m else ""

    def word_after(self, pos: int) -> str:
        m = _NEXT_WORD.match(self.text, pos, pos + 40)
        return m.group(1) if m else ""


_LAST_WORD = re.compile(r"([\w'’.-]+)\W*$")
_NEXT_WORD = re.compile(r"\s*([\w'’-]+)")


def mod_of(word: str | None) -> str | None:
    """TimeML mod of a modifier: START, MID, END, APPROX or None."""
    w = (word or "").lower().replace("the ", "").strip()
    if not w:
        return None
    if w.startswith(("early", "beginning", "start", "first half")):
        return "START"
    if w.startswith(("late", "end", "second half")) and w != "later":
        return "END"
    if w.startswith(("mid", "middle")):
        return "MID"
    if w in ("about", "around", "roughly", "approximately", "some"):
        return "APPROX"
    return None


def _rel(ctx: Context, unit: str, k: int) -> tuple[str, bool]:
    return (shift(ctx.dct, unit, k), True) if ctx.dct else (PLACEHOLDER.get(unit, "XXXX-XX-XX"), False)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _wd(name: str) -> int:
    return WEEKDAYS[name.lower().rstrip(".")]


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_day(ctx: Context, mon: int, d: int, y: str | None) -> tuple[str, bool] | None:
    if not 1 <= d <= 31:
        return None
    if y:
        v = _date(int(y), mon, d)
        return (v, True) if v else None
    if ctx.dct is None:
        return (f"XXXX-{mon:02d}-{d:02d}", False) if _date(2000, mon, d) else None
    day = nearest_month_day(ctx.dct, mon, d, ctx.tense)
    return (day.isoformat(), True) if day else None


def _day_of(ctx: Context, word: str) -> tuple[str, bool]:
    """A day word (today, yesterday, tomorrow, tonight, a weekday) as a date value."""
    w = word.lower()
    if w in ("today", "tonight", "yesterday", "tomorrow"):
        return _rel(ctx, "day", {"yesterday": -1, "tomorrow": 1}.get(w, 0))
    n = _wd(word)
    if ctx.dct is None:
        return f"XXXX-WXX-{n + 1}", False
    return nearest_weekday(ctx.dct, n, ctx.tense).isoformat(), True


def _day_offset(value: str, off: str | None) -> str:
    """The day before or after the date ``value`` ("the day before yesterday"); an unresolved one is
    some day (``XXXX-XX-XX``)."""
    if not off:
        return value
    if not value[:1].isdigit():
        return "XXXX-XX-XX"
    return shift(dt.date.fromisoformat(value), "day", -1 if off.lower() == "before" else 1)


def iso(m: re.Match, ctx: Context) -> Result | None:
    v = _date(int(m["y"]), int(m["m"]), int(m["d"]))
    if v is None:
        return None
    if m["H"] and int(m["H"]) < 24 and int(m["M"]) < 60:
        return "TIME", f"{v}T{m['H']}:{m['M']}", None, True, _SAME
    return "DATE", v, None, True, _SAME


def numeric(m: re.Match, ctx: Context) -> Result | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a == b or (a > 12 >= b):
        v = _date(y, b, a)
    elif b > 12 >= a:
        v = _date(y, a, b)
    else:
        return None  # 03/04/2022: day-month or month-day? Not guessed.
    return ("DATE", v, None, True, _SAME) if v else None


_RANGE_YEAR = re.compile(r"\s(?:and|or|to|through)\s\d{1,2},?\s(\d{4})(?![\w-])")  # "March 3 to 5, 2021"


def month_day(m: re.Match, ctx: Context) -> Result | None:
    if m["last"]:  # "last Oct. 23": the latest one before the DCT
        ctx = Context(ctx.text, ctx.dct, lambda: "past")
    later = None if m["y"] else _RANGE_YEAR.match(ctx.text, m.end())
    r = _month_day(ctx, _month(m["mon"]), int(m["d"]), m["y"] or (later and later[1]))
    if r and m["week"]:  # "the week of March 6": that date's week
        return "DATE", (week(dt.date.fromisoformat(r[0])) if r[1] else "XXXX-WXX"), None, r[1], _SAME
    return ("DATE", r[0], mod_of(m["mod"]), r[1], _SAME) if r else None


def second_day(m: re.Match, ctx: Context) -> Result | None:
    """The second day of "April 24 and 25" (the first is a ``month_day`` of its own)."""
    r = _month_day(ctx, _month(m["mon"]), int(m["d"]), m["y"])
    return ("DATE", r[0], None, r[1], (m.start("d"), m.end())) if r else None


def day_month(m: re.Match, ctx: Context) -> Result | None:
    r = _month_day(ctx, _month(m["mon"]), int(m["d"]), m["y"])
    return ("DATE", r[0], None, r[1], _SAME) if r else None


def month_year(m: re.Match, ctx: Context) -> Result | None:
    mon = _month(m["mon"])
    if m["y"]:
        y, ok = int(m["y"]), True
    elif ctx.dct is None:
        return "DATE", f"XXXX-{mon:02d}", mod_of(m["mod"]), False, _SAME
    else:
        y, ok = ctx.dct.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0), True
    return "DATE", f"{y:04d}-{mon:02d}", mod_of(m["mod"]), ok, _SAME


def month(m: re.Match, ctx: Context) -> Result | None:
    after, before = ctx.word_after(m.end()), ctx.word_before(m.start())
    if not (m["mod"] or m["rel"]) and (before not in DATE_CONTEXT or after[:1].isupper()) and not (
            before in ("a", "the") and after[:1].islower() and after not in _FUNCTION and after != "of"):  # "the October slaying"
        return None
    mon = _month(m["mon"])
    if ctx.dct is None:
        return "DATE", f"XXXX-{mon:02d}", mod_of(m["mod"]), False, _SAME
    rel = (m["rel"] or "").lower()
    here = ctx.dct.replace(day=1)
    if rel in ("last", "past"):
        # the latest one before the DCT's month ("last April" said in October is this year's), but
        # not the month just over: that one is "last month" ("last February" said in March is a year ago)
        back = (here.month - mon) % 12
        y = here.year - (mon > here.month or back <= 1)
    elif rel in ("next", "coming"):
        y = here.year if mon > here.month else here.year + 1
    elif rel == "this":
        y = here.year  # "this September": the DCT's year
    else:
        y = nearest_month(ctx.dct, mon, ctx.tense)
    return "DATE", f"{y:04d}-{mon:02d}", mod_of(m["mod"]), True, _SAME


def weekday(m: re.Match, ctx: Context) -> Result | None:
    before = ctx.text[max(0, m.start() - 8):m.start()].split()
    if (before and before[-1] in _NAMED_DAYS) or ctx.word_after(m.end()) in _NEWSPAPERS:
        return None
    n, rel = _wd(m["wd"]), (m["rel"] or "").lower()
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    if ctx.dct is None:
        v, ok = f"XXXX-WXX-{n + 1}", False
    else:
        relation = {"last": "last", "past": "last", "next": "next"}.get(rel, "")
        tense = "future" if rel == "coming" else ("present" if rel == "this" else ctx.tense)
        if not rel and ctx.text[m.end():m.end() + 2] in ("'s", "’s"):
            tense = "past"  # "Wednesday's ruling", "Friday's close": an event already reported
        v, ok = nearest_weekday(ctx.dct, n, tense, relation=relation).isoformat(), True
    v = _day_offset(v, m["off"])
    if pod:
        return "TIME", f"{v}T{pod}", mod_of(m["mod"]), ok, _SAME
    return "DATE", v, mod_of(m["mod"]), ok, _SAME


_GENERIC_TODAY = re.compile(r"(?:in|of|for|to|with|among|from|on)\s+$", re.I)


def deictic(m: re.Match, ctx: Context) -> Result | None:
    if m["day"].lower() == "today" and not (m["mod"] or m["pod"]) and ctx.text[m.end():m.end() + 2] in ("'s", "’s") \
            and _GENERIC_TODAY.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "in today's world", "many of today's computers": the present age, not a day
    v, ok = _day_of(ctx, m["day"])
    v = _day_offset(v, m["off"])
    pod = PARTS_OF_DAY.get((m["pod"] or m["day"]).lower())
    if pod:
        return "TIME", f"{v}T{pod}", mod_of(m["mod"]), ok, _SAME
    return "DATE", v, mod_of(m["mod"]), ok, _SAME


def part_of_day(m: re.Match, ctx: Context) -> Result | None:
    pod = m["pod"].lower()
    k = -1 if m["rel"].lower() == "last" and pod in ("night", "evening") else 0
    if m["rel"].lower() == "last" and k == 0:
        return None
    v, ok = _rel(ctx, "day", k)
    return "TIME", f"{v}T{PARTS_OF_DAY[pod]}", mod_of(m["mod"]), ok, _SAME


def relative(m: re.Match, ctx: Context) -> Result | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if m["rel"][:1].isupper() and m["unit"][:1].isupper() and ctx.text[max(0, m.start() - 8):m.start()].rstrip()[-1:] not in ("", ".", "\n"):
        return None  # a title mid-sentence: ABC's "This Week"
    k = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel == "past" and unit in ("decade", "century"):
        return "DURATION", duration(1, unit), None, True, _SAME  # "the past decade"
    v, ok = _rel(ctx, unit, k)
    return "DATE", v, mod_of(m["mod"]), ok, _SAME


def end_of_the(m: re.Match, ctx: Context) -> Result | None:
    v, ok = _rel(ctx, m["unit"].lower(), 0)
    return "DATE", v, mod_of(m["mod"]), ok, _SAME


def year_end(m: re.Match, ctx: Context) -> Result | None:
    v, ok = _rel(ctx, "year", {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0))
    return "DATE", v, "END", ok, _SAME


def year_ago(m: re.Match, ctx: Context) -> Result | None:
    v, ok = _rel(ctx, "year", -1)
    return "DATE", v, None, ok, _SAME


def spelled_year(m: re.Match, ctx: Context) -> Result | None:
    if m["k"]:
        y = 2000 + (number(m["k"].split()[-1]) or 0 if " and " in m["k"] else 0)
    else:
        y = int(number(m["a"]) or 0) * 100 + int(number(m["b"]) or 0)
    return "DATE", f"{y:04d}", None, True, _SAME


def the_weekend(m: re.Match, ctx: Context) -> Result | None:
    if ctx.dct is None:
        return "DATE", PLACEHOLDER["weekend"], None, False, _SAME
    k = -1 if ctx.tense == "past" and ctx.dct.weekday() < 5 else 0
    return "DATE", shift(ctx.dct, "weekend", k), None, True, _SAME


_DETERMINERS = frozenset("the its their his her our this that these those".split())


def year(m: re.Match, ctx: Context) -> Result | None:
    y = int(m["y"])
    if ctx.dct is not None and y > ctx.dct.year + 30:
        return None
    before, after = ctx.word_before(m.start()), ctx.word_after(m.end())
    if before == "to" and not ctx.text[max(0, m.start() - 7):m.start()].lower().startswith("up"):
        before = ""  # "from 1991 to 1997", "dating to 1994"; but "up to 2000 troops"
    prefixed = ctx.text[max(0, m.start() - 5):m.start()].lower().endswith(("post-", "pre-"))  # "post-1959 politics"
    prefixed = prefixed or before in _DETERMINERS  # "the 1992 protests": counts this large are written "2,000"
    if not m["mod"] and not prefixed and (before in _COUNT_WORDS or (after[:1].islower() and after.endswith("s")
                                                     and (before not in DATE_CONTEXT or before == "for"))):
        return None  # "some 2000 troops", "2000 people"
    return "DATE", f"{y:04d}", mod_of(m["mod"]), True, _SAME


def decade(m: re.Match, ctx: Context) -> Result | None:
    d = m["dec"]
    if d[0] in "'’":
        cur = ctx.dct.year if ctx.dct else 1999
        full = 2000 + int(d[1:]) if 2000 + int(d[1:]) <= cur else 1900 + int(d[1:])
    else:
        full = int(d)
    return "DATE", f"{full // 10:03d}", mod_of(m["mod"]), True, _SAME


_DECADE_WORDS = {w: 1920 + 10 * i for i, w in enumerate(
    "twenties thirties forties fifties sixties seventies eighties nineties".split())}


def decade_word(m: re.Match, ctx: Context) -> Result | None:
    return "DATE", f"{_DECADE_WORDS[m['dec'].lower()] // 10:03d}", mod_of(m["mod"]), True, _SAME


def century(m: re.Match, ctx: Context) -> Result | None:
    n = ordinal(m["ord"].replace("-", " ") if "twenty" in m["ord"].lower() else m["ord"])
    return ("DATE", f"{n - 1:02d}", mod_of(m["mod"]), True, _SAME) if n else None


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season(m: re.Match, ctx: Context) -> Result | None:
    name, rel = m["season"].lower(), (m["rel"] or "").lower()
    if not (m["y"] or rel or m["mod"]):
        if (m["the"] and name == "fall") or (not m["the"] and ctx.word_before(m.start()) not in SEASON_CONTEXT):
            return None  # "the fall of the city", "spring water"
    code = SEASONS[name]
    if m["y"]:
        return "DATE", f"{m['y']}-{code}", mod_of(m["mod"]), True, _SAME
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}", mod_of(m["mod"]), False, _SAME
    cands = {y: dt.date(y, _SEASON_START[code], 21) for y in (ctx.dct.year - 2, ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)}
    now = {y: c for y, c in cands.items() if c <= ctx.dct < c + dt.timedelta(days=91)}
    if rel in ("last", "past"):
        y = max(y for y, c in cands.items() if c + dt.timedelta(days=91) <= ctx.dct)
    elif rel in ("next", "coming"):
        y = min(y for y, c in cands.items() if c > ctx.dct)
    elif rel == "this":
        y = ctx.dct.year  # "this summer", "this winter": the DCT's year
    elif now:
        y = next(iter(now))
    elif ctx.tense == "past":
        y = max(y for y, c in cands.items() if c <= ctx.dct)
    elif ctx.tense == "future":
        y = min(y for y, c in cands.items() if c > ctx.dct)
    else:  # the nearest one (the summer just over, said in October)
        y = min(cands, key=lambda y: min(abs((cands[y] - ctx.dct).days), abs((cands[y] + dt.timedelta(days=91) - ctx.dct).days)))
    return "DATE", f"{y}-{code}", mod_of(m["mod"]), True, _SAME


def pod_day(m: re.Match, ctx: Context) -> Result | None:
    r = _month_day(ctx, _month(m["mon"]), int(m["d"]), None) if m["mon"] else None
    v, ok = r or _day_of(ctx, m["day"])  # "the night of Friday, Oct. 23": the date decides
    return "TIME", f"{v}T{PARTS_OF_DAY[m['pod'].lower()]}", mod_of(m["mod"]), ok, _SAME


#: rule name -> normalizer, for the calendar rules
CALENDAR_RULES: dict[str, Callable[[re.Match, Context], Result | None]] = {
    "iso": iso,
    "numeric": numeric,
    "month_day": month_day,
    "second_day": second_day,
    "day_month": day_month,
    "month_year": month_year,
    "month": month,
    "weekday": weekday,
    "deictic": deictic,
    "part_of_day": part_of_day,
    "relative": relative,
    "end_of_the": end_of_the,
    "year_end": year_end,
    "year_ago": year_ago,
    "spelled_year": spelled_year,
    "pod_day": pod_day,
    "the_weekend": the_weekend,
    "year": year,
    "decade": decade,
    "decade_word": decade_word,
    "century": century,
    "season": season,
}
