"""Calendar arithmetic, number words and tense for TimeML TIMEX3 values.

The helpers behind :mod:`helpers.timex`: they turn pieces of an expression ("two", "last", a
month, a weekday) into TimeML values (``2022-02-24``, ``2022-W08``, ``2022-Q1``, ``P3Y``), relative
to the publication date (the document creation time, DCT) when one is known.

>>> import datetime as dt
>>> dct = dt.date(2022, 2, 24)
>>> week(dct), shift(dct, "month", -1), shift(dct, "week", -2), shift(dct, "year", 1)
('2022-W08', '2022-01', '2022-W06', '2023')
>>> number("twenty-four"), number("a couple of"), number("several"), number("3.5")
(24, 2, None, 3.5)
>>> nearest_weekday(dct, 3, "past"), nearest_weekday(dct, 0, "future")
(datetime.date(2022, 2, 24), datetime.date(2022, 2, 28))
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

__all__ = [
    "MONTHS", "WEEKDAYS", "UNITS", "PARTS_OF_DAY", "SEASONS",
    "number", "duration", "week", "shift", "nearest_weekday", "nearest_month_day",
    "nearest_month", "granularity", "tense", "tense_around",
]

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"]
    )
    for name in names.split()
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        ["monday mon", "tuesday tue tues", "wednesday wed", "thursday thu thur thurs", "friday fri",
         "saturday sat", "sunday sun"]
    )
    for name in names.split()
}
#: unit word -> (TimeML duration letter, calendar granularity)
UNITS = {
    "second": ("S", "second"), "minute": ("M", "minute"), "hour": ("H", "hour"),
    "day": ("D", "day"), "night": ("D", "day"), "week": ("W", "week"), "weekend": ("WE", "week"),
    "fortnight": ("W", "week"), "month": ("M", "month"), "quarter": ("Q", "quarter"),
    "year": ("Y", "year"), "decade": ("DE", "decade"), "century": ("CE", "century"),
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "overnight": "NI", "midday": "MI", "noon": "MI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_WORD_NUMBERS = {"a": 1, "an": 1, "a single": 1, "half a": 0.5, "half an": 0.5, "a half": 0.5, "a dozen": 12,
                 "a hundred": 100, "hundred": 100, "one hundred": 100, "a couple": 2,
                 "a couple of": 2, "couple of": 2}
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_ORDINALS.update({"twenty-first": 21, "twenty first": 21})


def number(word: str) -> float | int | None:
    """The value of a number written in digits or words; ``None`` for vague ones ("several")."""
    w = re.sub(r"\s+", " ", word.strip().lower().replace(",", ""))
    half = 0.5 if w.endswith(("and a half", " 1/2", "½")) else 0
    w = re.sub(r"(?: and a half| 1/2|½)$", "", w) if half else w
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        n = float(w) if "." in w else int(w)
    elif w in _SMALL:
        n = _SMALL[w]
    elif w in _WORD_NUMBERS:
        n = _WORD_NUMBERS[w]
    elif w in _TENS:
        n = _TENS[w]
    else:
        parts = re.split(r"[- ]", w)
        if len(parts) == 2 and parts[0] in _TENS and parts[1] in _SMALL:
            n = _TENS[parts[0]] + _SMALL[parts[1]]
        else:
            return None
    return n + half if half else n


def ordinal(word: str) -> int | None:
    """1 for "first" or "1st", 21 for "21st"; None otherwise."""
    w = word.strip().lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
    return int(m[1]) if m else _ORDINALS.get(w)


_HALVES = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}


def duration(n: float | int | None, unit: str) -> str:
    """TimeML duration: ``P3Y``, ``PT24H``, ``P2Q``, ``PXDE`` (vague number), ``P2Y6M`` (two and a half years).

    >>> duration(2.5, "year"), duration(0.5, "hour"), duration(2, "quarter"), duration(None, "week")
    ('P2Y6M', 'PT30M', 'P2Q', 'PXW')
    """
    letter, _ = UNITS[unit]
    if n is not None and unit == "decade":  # TimeML writes P20Y
        n, letter = n * 10, "Y"
    if n is not None and n % 1 == 0.5 and unit in _HALVES:  # "2 1/2 years": P2Y6M, "5 1/2 hours": PT5H30M
        whole = f"{int(n)}{letter}" if n >= 1 else ""
        return ("PT" if unit in ("second", "minute", "hour") else "P") + whole + _HALVES[unit]
    amount = "X" if n is None else (f"{n:g}" if isinstance(n, float) else str(n))
    return f"PT{amount}{letter}" if unit in ("second", "minute", "hour") else f"P{amount}{letter}"


def week(d: dt.date) -> str:
    """ISO week of a date, as TimeML writes it (``2022-W08``)."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def shift(dct: dt.date, unit: str, k: int | float) -> str:
    """The ``unit``-level value ``k`` units away from the DCT ("2022-01" for month, -1)."""
    k = int(k)
    if unit in ("day", "night", "hour", "minute", "second"):
        return (dct + dt.timedelta(days=k if unit in ("day", "night") else 0)).isoformat()
    if unit in ("week", "fortnight"):
        return week(dct + dt.timedelta(weeks=k * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return week(dct + dt.timedelta(weeks=k)) + "-WE"
    if unit == "month":
        y, m = _add_months(dct.year, dct.month, k)
        return f"{y}-{m:02d}"
    if unit == "quarter":
        y, m = _add_months(dct.year, dct.month, 3 * k)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "decade":
        return f"{(dct.year // 10 + k):03d}"
    if unit == "century":
        return f"{(dct.year // 100 + k):02d}"
    return f"{dct.year + k:04d}"


def _pick(dct: dt.date, candidates: Iterable[dt.date], tense: str, *, slack: int = 0) -> dt.date:
    """The candidate the tense allows (past: on or before the DCT; future: on or after), or the
    nearest one. With ``slack``, the nearest wins unless another is within ``slack`` days of it."""
    cands = sorted(candidates)
    if slack:
        best = min(cands, key=lambda c: abs((c - dct).days))
        close = [c for c in cands if abs((c - dct).days) - abs((best - dct).days) <= slack]
        if len(close) == 1:
            return best
        cands = close
    if tense == "past":
        before = [c for c in cands if c <= dct]
        if before:
            return before[-1]
    elif tense == "future":
        after = [c for c in cands if c >= dct]
        if after:
            return after[0]
    return min(cands, key=lambda c: (abs((c - dct).days), c > dct))


def nearest_weekday(dct: dt.date, weekday: int, tense: str, *, relation: str = "") -> dt.date:
    """The date of ``weekday`` (0 = Monday) seen from the DCT: the latest on or before it in a
    past-tense sentence, the next in a future one, else the nearest; ``relation`` "last"/"next"
    forces the direction and excludes the DCT itself."""
    diffs = range(-7, 8)
    days = [dct + dt.timedelta(days=k) for k in diffs if (dct.weekday() + k) % 7 == weekday]
    if relation == "last":
        return max(d for d in days if d < dct)
    if relation == "next":
        return min(d for d in days if d > dct)
    if tense == "present":  # news mostly reports the past: the next one only when it is close
        ahead = min(d for d in days if d >= dct)
        return ahead if (ahead - dct).days <= 1 else _pick(dct, days, "past")
    return _pick(dct, days, tense)


def nearest_month_day(dct: dt.date, month: int, day: int, tense: str) -> dt.date | None:
    """A month and day without a year, placed in the year nearest the DCT that tense allows."""
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            pass
    return _pick(dct, cands, tense, slack=SLACK) if cands else None


def nearest_month(dct: dt.date, month: int, tense: str) -> int:
    """The year of a month named alone ("in March"), by tense and proximity to the DCT."""
    first = dct.replace(day=1)
    cands = [dt.date(y, month, 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
    return _pick(first, cands, tense, slack=SLACK).year


def granularity(tx_type: str, value: str) -> str:
    """Granularity of a TimeML value: time, partofday, day, week, month, quarter, season, year,
    decade, century, duration, set, ref or unknown.

    >>> [granularity("DATE", v) for v in ("2022-02-24", "2022-W08", "199", "PRESENT_REF")]
    ['day', 'week', 'decade', 'ref']
    """
    if tx_type == "DURATION":
        return "duration"
    if tx_type == "SET":
        return "set"
    if value.endswith("_REF"):
        return "ref"
    if _TIME.search(value):
        return "time"
    if _POD_VALUE.search(value):
        return "partofday"
    for rx, gran in _GRANULARITIES:
        if rx.fullmatch(value):
            return gran
    return "unknown"


_TIME = re.compile(r"T\d")
_POD_VALUE = re.compile(r"T(MO|AF|EV|NI|MI|DT)$")
_GRANULARITIES = tuple((re.compile(p), g) for p, g in (
    (r"\w{4}-\w\w-\w\w", "day"), (r"\w{4}-W\w+(-WE)?", "week"), (r"\w{4}-Q\w", "quarter"),
    (r"\w{4}-H\w", "halfyear"), (r"\w{4}-(SP|SU|FA|WI)", "season"), (r"\w{4}-\w\w", "month"),
    (r"\w{4}", "year"), (r"\w{3}", "decade"), (r"\w{2}", "century")))


SLACK = 150  # days: a month (or date) without a year goes to the nearest year unless another is this close
_FUTURE = frozenset("will 'll wo shall would going scheduled upcoming tomorrow plan plans planned planning "
                    "expect expects expected".split())
_PAST = frozenset(
    "was were had did said told met took came went began saw made gave got left held "
    "ago earlier yesterday been knew thought brought fought found led lost paid ran sent "
    "spoke stood won wrote bought sold rose fell became grew struck fled felt heard kept spent sank "
    "withdrew broke chose drew flew shook shot stole threw tore woke built caught forgot froze hid "
    "meant rode sat slept taught understood arose fought overtook since".split()
)


def tense(words: Iterable[str]) -> str:
    """"future", "past" or "present": the first tense marker in ``words`` decides (pass the words
    nearest the expression first).

    >>> tense("He will meet them on Thursday".split()), tense("They met on Thursday".split())
    ('future', 'past')
    """
    for w in words:
        lw = w.lower()
        if lw in _FUTURE:
            return "future"
        if lw in _PAST or (len(lw) > 4 and lw.endswith("ed") and w[:1].islower()):
            return "past"
    return "present"


_NOT_VERBS = frozenset("the a an this that these those his her its their our my your some any all more "
                       "be been being".split())


def tense_around(words: list[str], i: int, j: int) -> str:
    """Tense of the expression ``words[i:j]``: the nearest marker decides, looking outward; "to"
    before a bare verb ("set to resume Monday") marks the future.

    >>> w = "He said the talks are set to resume Monday".split()
    >>> tense_around(w, 8, 9), tense_around("He said talks resumed Monday".split(), 4, 5)
    ('future', 'past')
    >>> tense_around("Meals would be served on September 2".split(), 5, 7)
    'future'
    """
    if [w.lower() for w in words[max(0, i - 3):i]] == ["as", "soon", "as"]:
        return "future"  # "as soon as Tuesday"
    if i > 0 and words[i - 1].lower() in ("until", "till", "to") and \
            any(w.lower() in _DEFERRED for w in words[max(0, i - 5):i - 1]):
        return "future"  # "postponed the vote until Tuesday": a new date still ahead
    # outward from the expression, each side stopping at a quotation mark: a reporting verb outside
    # a quote ("... will leave Thursday," he said) does not set the tense of what is said inside it
    left = next((k for k in range(i - 1, -1, -1) if words[k] in _QUOTES), -1)
    right = next((k for k in range(j, len(words)) if words[k] in _QUOTES), len(words))
    order = [k for d in range(1, len(words) + 1) for k in (i - d, j - 1 + d) if left < k < right]
    for k in order:
        if w_ := _was_planning(words, k):
            return w_
        w = words[k]
        if w.lower() == "to" and k + 1 < i <= k + 1 + _TO_REACH:
            nxt = words[k + 1]
            if nxt.isalpha() and nxt.islower() and nxt not in _NOT_VERBS and not nxt.endswith(("ing", "ed")):
                # "had been due to expire Friday": a plan told in the past perfect is over
                return "past" if "had" in (x.lower() for x in words[max(0, k - 4):k]) else "future"
        if k > 0 and words[k - 1].lower() in _BE and w.lower().endswith("ed"):
            continue  # a passive participle ("would be served"): its auxiliary decides
        t = tense([w])
        if t != "present":
            return t
    return "present"


_DEFERRED = frozenset("postponed postpones postpone delayed delays delay deferred defers defer adjourned adjourns "
                      "extended extends extend rescheduled reschedules moved pushed".split())
_BE = frozenset("be is are am being".split())
_QUOTES = frozenset(['"', "``", "''", "“", "”", "„", "«", "»"])
_PLANNED = frozenset("planning going scheduled expected due set slated poised".split())


def _was_planning(words: list[str], k: int) -> str:
    """"future" where ``words[k]`` is "was"/"were" before a word of plans ("were planning to march
    Saturday", "was scheduled to land Friday"): a plan still ahead, told in the past."""
    if words[k].lower() in ("was", "were") and k + 1 < len(words) and words[k + 1].lower() in _PLANNED:
        return "future"
    return ""
_TO_REACH = 4  # "set to resume talks Monday": the infinitive governs an expression this close; not
# "extended their offers to acquire the Toronto-based vaccine maker Friday"
