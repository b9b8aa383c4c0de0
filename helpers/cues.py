"""Reporting cues (said, told, according to, went on to explain, ...) found in one pass over tokens.

The verbs and phrases, with their inflections, live in ``helpers/data/reporting_verbs.txt``; each
belongs to a class that says how it introduces what is reported (see the file's header).

>>> from helpers.text import tokenize_text
>>> doc = tokenize_text("He went on to explain that it rained, according to Belta.")
>>> [(c.text, c.cls) for c in find_cues(doc.text, doc.tokens)]
[('went on to explain', 'phrase'), ('according to', 'source-after')]
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple, Sequence

from .text import Token

__all__ = ["Cue", "CueLexicon", "load_cues", "find_cues", "CUE_CLASSES", "HEDGE"]

#: How a cue introduces its content (the file's sections).
CUE_CLASSES = ("say", "verb", "tell", "belief", "think", "want", "phrase", "source-after", "post", "seem")
#: The ``flag`` of a record made by a ``[seem]`` cue ("X seems ...", "is expected to", "reportedly"):
#: the narrator's hedged statement, with no speaker; stance and tone keep it in the narrator's voice.
HEDGE = "hedge"


class CueLexicon(NamedTuple):
    """Cue phrases as lower-case token tuples -> class; ``longest`` by first token."""

    phrases: dict[tuple[str, ...], str]
    longest: dict[str, int]


class Cue(NamedTuple):
    """A cue: tokens ``first:last`` (exclusive) of the token list, with its character span."""

    first: int
    last: int
    start: int
    end: int
    text: str
    cls: str


def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'")


@lru_cache(maxsize=8)
def _load(path: str | None) -> CueLexicon:
    if path is None:
        raw = (resources.files("helpers") / "data" / "reporting_verbs.txt").read_text(encoding="utf-8")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    phrases: dict[tuple[str, ...], str] = {}
    cls = "say"
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            cls = line[1:-1]
            if cls not in CUE_CLASSES:
                raise ValueError(f"{path or 'reporting_verbs.txt'}: unknown section [{cls}]")
            continue
        for form in line.split("|"):
            key = tuple(_norm(form).split())
            if key:
                phrases.setdefault(key, cls)
    longest: dict[str, int] = {}
    for key in phrases:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return CueLexicon(phrases, longest)


def load_cues(path: str | Path | None = None) -> CueLexicon:
    """The cue lexicon: the shipped list when ``path`` is None.

    >>> lex = load_cues()
    >>> lex.phrases[("said",)], lex.phrases[("according", "to")], lex.phrases[("told",)]
    ('say', 'source-after', 'tell')
    """
    return _load(None if path is None else str(path))


def find_cues(
    text: str, tokens: Sequence[Token], *, lexicon: CueLexicon | None = None, lo: int = 0, hi: int | None = None
) -> list[Cue]:
    """Every cue in ``tokens[lo:hi]``, longest match first, never overlapping (one pass)."""
    lex = lexicon or load_cues()
    hi = len(tokens) if hi is None else hi
    out: list[Cue] = []
    low = [t.text.lower().replace("\u2019", "'") for t in tokens[lo:hi]]  # each token normalised once
    longest, phrases = lex.longest, lex.phrases
    i = lo
    while i < hi:
        n = longest.get(low[i - lo], 0)
        found = 0
        if n and _in_name(tokens, i, lo):
            n = 0  # "Ian Read said", "Bob Hope spoke": a capitalised word inside a sentence is a name
        if n:
            for k in range(min(n, hi - i), 0, -1):
                key = tuple(low[i - lo : i - lo + k])
                cls = phrases.get(key)
                if cls is not None and tokens[i + k - 1].sentence == tokens[i].sentence:
                    if _not_a_cue(tokens, i, i + k, cls):
                        break  # "the show", "showed up", "found itself": not reporting
                    s, e = tokens[i].start, tokens[i + k - 1].end
                    out.append(Cue(i, i + k, s, e, text[s:e], cls))
                    found = k
                    break
        i += found or 1
    return out


#: Words before a cue that make it a noun ("the show", "a call", "their support").
DETERMINERS = frozenset("a an the his her its their our my your".split())
#: Particles after a one-word cue that make another verb ("showed up", "called off", "backed down").
PARTICLES = frozenset("up off down away".split())
#: Reflexive objects: "found itself", "showed himself" are not reports.
REFLEXIVES = frozenset("itself himself herself themselves myself ourselves yourself".split())
#: Naming verbs: followed by a bare name they name or phone someone ("a group called Vote Now",
#: "Obama called Ann Ode on Monday"), not report them.
NAMING = frozenset("call calls called calling dub dubs dubbed dubbing".split())
#: Nouns that make a noun of a following "show" ("a talk show host", "the TV show"): a programme.
SHOW_KINDS = frozenset("talk tv television radio morning daily news game reality cable quiz chat tonight late-night".split())
#: Plural nouns of the [post] list ("his earlier comments", "comments from the public"): cues only with no
#: determiner, possessive or "of" among the three words before and no preposition after them.
POST_NOUNS = frozenset("comments remarks".split())
_NOUN_BEFORE = frozenset("'s s of several many some these those such".split())
_NOUN_AFTER = frozenset("about from on at by in to of during".split())
_NAME_END = frozenset(", . ; : ( ) - \u2013 \u2014 --".split())


def _not_a_cue(tokens: Sequence[Token], i: int, j: int, cls: str) -> bool:
    """True when the words around ``tokens[i:j]`` show a noun or another verb, not a report."""
    d = i - 1 if i > 1 and _adverb(tokens[i - 1].text) else i  # "a politically charged visit"
    if d > 0 and _norm(tokens[d - 1].text) in DETERMINERS and tokens[d - 1].sentence == tokens[i].sentence:
        return True
    if i > 0 and _norm(tokens[i].text) in ("show", "shows") and _norm(tokens[i - 1].text) in SHOW_KINDS:
        return True
    if _norm(tokens[i].text) in POST_NOUNS and j - i == 1 and (
        any(_norm(t.text) in DETERMINERS | _NOUN_BEFORE for t in tokens[max(0, i - 3) : i] if t.sentence == tokens[i].sentence)
        or j < len(tokens) and _norm(tokens[j].text) in _NOUN_AFTER
    ):
        return True  # "his previous comments", "Ode's remarks at the debate"
    if j < len(tokens) and j - i == 1:
        nxt = _norm(tokens[j].text)
        if nxt in PARTICLES and cls != "say":
            return True
        if nxt in REFLEXIVES and cls in ("think", "want"):
            return True
        if _norm(tokens[i].text) in NAMING:
            return _bare_name(tokens, j)
    return False


def _bare_name(tokens: Sequence[Token], j: int) -> bool:
    """Tokens from ``j`` are a capitalised name (time words after it) ending the clause, no quote."""
    k, names = j, 0
    while k < len(tokens) and tokens[k].sentence == tokens[j].sentence and tokens[k].text not in _NAME_END:
        w = tokens[k].text
        if w[:1].isupper() or w[:1].isdigit() or _norm(w) in ("'s", "of", "and", "&") or (k == j and w == "the"):
            names += 1
        elif _norm(w) not in TIME_WORDS:
            return False
        k += 1
    return 0 < names <= 8


#: Capitalised words after a cue word that name no one ('will Not', 'urges I').
_NOT_NAMES = frozenset("i i'm i've not no".split())


def _in_name(tokens: Sequence[Token], i: int, lo: int) -> bool:
    """A capitalised word mid-sentence after a capitalised word and before a lower-case one, or after a
    lower-case word and before a capitalised one ('spokeswoman Hope Lund')."""
    t = tokens[i].text
    if not (t[:1].isupper() and not t.isupper()) or i <= lo or i + 1 >= len(tokens):
        return False
    prev, nxt = tokens[i - 1], tokens[i + 1]
    if prev.sentence != tokens[i].sentence:
        return False
    if prev.text.islower() and len(prev.text) > 1 and nxt.text[:1].isupper() and _norm(nxt.text) not in _NOT_NAMES:
        return True  # "spokeswoman Hope Lund said", "told Will Doyle"
    return prev.text[:1].isupper() and nxt.text[:1].islower()


# --------------------------------------------------------------------------------------------
# the source noun phrase next to a cue (no tagger: word classes from small closed lists)

#: Words that end a source noun phrase when met walking away from the cue.
STOP_WORDS = frozenset(
    "that and but or nor because while whereas although though as if when where so since after before "
    "until unless than whether in on at for with from by to into about over under during against between "
    "among through without within via like upon toward towards despite is was were are be been being has "
    "have had will would could should may might must can did does do not n't then now later also "
    "furthermore moreover however meanwhile still yet instead again here there today yesterday tonight "
    "recently previously earlier finally separately additionally indeed thus hence what how why which who "
    "whom whose this these those it's adding saying noting".split()
)
#: Words skipped between a subject and its verb ("has repeatedly said", "also told").
SKIP_BEFORE_VERB = frozenset(
    "also later then again previously once has have had will would could should may might must can did "
    "does do not n't never still already often recently publicly privately earlier further first last just "
    "even only ever always yet now long is was were are am be been being 's 've 'd 'll".split()
)
#: Time words skipped between a subject and its verb ("X on Friday said", "X last week told").
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week month year night morning afternoon evening "
    "weekend today yesterday tonight last this on".split()
)
#: Dash tokens ("-", en and em dashes, "--") that set off an aside or end a clause.
DASHES = frozenset(("-", "\u2013", "\u2014", "--"))
BE_FORMS = frozenset("is was were are am be been being 's".split())
RELATIVES = frozenset(("who", "which", "that"))
#: Prepositions before a noun phrase that is their object, no subject ('in the primary, X, said').
PREPOSITIONS = frozenset("in on at of for with from by to into after before during about over under since".split())
_PARTICIPLES = frozenset("said told written shown known found thought held seen heard read put".split())
MAX_MENTION = 8
#: Number words that stand alone as a source ("three-quarters said", "one in four say").
QUANTITIES = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred dozen half third thirds quarter quarters one-third two-thirds three-quarters "
    "one-quarter one-half majority minority plurality none all".split()
)


def _is_word(tok: str) -> bool:
    return any(ch.isalnum() for ch in tok)


def quantity(word: str) -> bool:
    """A number as a noun: "three-quarters", "40", "42%", "half".

    >>> [quantity(w) for w in ("three-quarters", "42%", "10", "half", "people")]
    [True, True, True, True, False]
    """
    w = _norm(word).rstrip("%")
    return w in QUANTITIES or w.replace(",", "").replace(".", "").isdigit()


def _adverb(word: str) -> bool:
    return word.endswith("ly") and word.islower() and len(word) > 4


def passive(tokens: Sequence[Token], cue: Cue) -> bool:
    """True for "was told", "is said", "were asked" (the subject is not the source)."""
    word = _norm(tokens[cue.last - 1].text)
    if cue.last - cue.first > 1 or word.endswith("ing"):
        return False
    if not (word.endswith("ed") or word in _PARTICIPLES):
        return False
    j = cue.first - 1
    while j >= 0 and _norm(tokens[j].text) in SKIP_BEFORE_VERB and tokens[j].sentence == tokens[cue.first].sentence:
        if _norm(tokens[j].text) in BE_FORMS:
            return True
        j -= 1
    return False


def mention_before(tokens: Sequence[Token], cue_first: int, lo: int) -> tuple[int, int] | None:
    """Token range ``(i, j)`` of the subject noun phrase ending right before the cue (or None).

    Skips auxiliaries/adverbs ("has repeatedly said") and a parenthetical between commas or dashes
    ("Lukashenko, who ..., said", "The Chinese - wise people - say"). ``lo`` bounds the search.
    """
    j, aside = cue_first, False
    while j > lo and (_norm(tokens[j - 1].text) in SKIP_BEFORE_VERB or _adverb(tokens[j - 1].text)
                      or _norm(tokens[j - 1].text) in TIME_WORDS):
        j -= 1  # "has repeatedly said", "(D-Calif.) last week said", "on Friday said"
    if j > lo and tokens[j - 1].text in ("to",):
        return None
    inner = None  # the stretch between the parenthetical's marks
    if j > lo and tokens[j - 1].text in (",", "-", "\u2013", "\u2014"):  # parenthetical
        mark = tokens[j - 1].text
        k = j - 2
        while k > lo and tokens[k].text != mark and k > j - 40:
            k -= 1
        if k > lo and tokens[k].text == mark and k < j - 2:
            j, aside, inner = k, mark == ",", (k + 1, j - 1)
        else:
            return None
    if j > lo and _norm(tokens[j - 1].text) in RELATIVES:
        return (j - 1, j)
    i = j
    while i > lo:
        w = tokens[i - 1].text
        lw = _norm(w)
        if w == ")" and i < j + 1:  # "Sen. Marco Rubio (R-Fla.) said": the parenthesis belongs to the name
            k = i - 2
            while k > lo and k > i - 10 and tokens[k].text not in ("(", ")"):
                k -= 1
            if k > lo and tokens[k].text == "(":
                i = k
                continue
            break
        apostrophe = w in ("'", "\u2019") and i < j and (
            tokens[i].text in ("s", "S") or (i >= 2 and tokens[i - 2].text.endswith("s") and tokens[i - 2].end == tokens[i - 1].start)
        )
        if not apostrophe and lw != "'s" and w != "%" and (not _is_word(w) or lw in STOP_WORDS):
            if lw in ("in", "but") and i - 2 >= lo and i < j and quantity(tokens[i].text) and quantity(tokens[i - 2].text):
                i -= 2  # "one in four", "all but two"
            elif lw in ("these", "those") and i < j and not (i - 2 >= lo and _norm(tokens[i - 2].text) == "of"):
                i -= 1  # "these people", "those polled"
            break
        i -= 1
        if j - i > MAX_MENTION:  # too long for a name: keep its capitalised tail ("... Senator Ann Ode (D)")
            k = next((k for k in range(i + 1, j) if tokens[k].text[:1].isupper()), None)
            return (k, j) if k is not None else None
    while i < j and _norm(tokens[i].text) in ("of", "'s", "\u2019", "'"):
        i += 1
    if j - i == 1 and _norm(tokens[i].text) in TIME_WORDS:
        return None  # "X, interviewed on Monday, including Y, said": a date is no source
    if aside and i > lo + 1 and tokens[i - 1].text == "," and j - i == 1 and tokens[i].text.endswith("."):
        return None  # "Ann Ode, a nurse from Ely, Nev., who ..., said": a place inside an aside
    if inner is not None and i > lo and _norm(tokens[i - 1].text) in PREPOSITIONS:
        head = _head_before(tokens, i, lo)  # 'Ann Ode, facing a race in Lund, a port town, said'
        if head is not None or _name(tokens, *inner):
            return head or inner  # 'after winning in the primary, Gov. Ann Ode (R-Vt.), said': the name
    return (i, j) if i < j else None


def _head_before(tokens: Sequence[Token], k: int, lo: int) -> tuple[int, int] | None:
    """The name before the commas of an apposition that ends in a preposition's object ('Ann Ode, facing a
    race in Lund, a port, said' -> Ann Ode), when one opens the clause; else None."""
    for _ in range(3):
        c = next((c for c in range(k - 1, max(lo, k - 30), -1) if tokens[c].text in (",", ".", ";", ":")), None)
        if c is None or tokens[c].text != ",":
            return None
        m = mention_before(tokens, c, lo)
        if m is None:
            return None
        i = m[0]
        opens = i == lo or not _is_word(tokens[i - 1].text) or _norm(tokens[i - 1].text) in ("and", "but")
        if tokens[i].text[:1].isupper() and opens:
            return m
        if not (i > lo and _norm(tokens[i - 1].text) in PREPOSITIONS):
            return None
        k = i
    return None


def _name(tokens: Sequence[Token], i: int, j: int) -> bool:
    """``tokens[i:j]`` read as a name: capitalised words, a parenthesis after them ('Ann Ode (D-Vt.)')."""
    if not 0 < j - i <= MAX_MENTION + 4 or not tokens[i].text[:1].isupper():
        return False
    depth = 0
    for t in tokens[i:j]:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and _is_word(t.text) and not t.text[:1].isupper() and _norm(t.text) not in ("of", "'s"):
            return False
    return True


def _name_word(tokens: Sequence[Token], j: int, hi: int) -> bool:
    """A capitalised stop word before a capitalised word mid-sentence is a name ('said Will Doyle')."""
    return tokens[j].text[:1].isupper() and not tokens[j].text.isupper() and j + 1 < hi and tokens[j + 1].text[:1].isupper() and (
        j > 0 and tokens[j - 1].sentence == tokens[j].sentence)


#: Words that never open a source: prepositions, subordinators, adverbs ('In', 'Whenever asked', 'simply').
NOT_SOURCE_OPENERS = frozenset(
    "in on at to for from by with after before when whenever while as if because since though although during "
    "until upon about into over under without despite among simply even perhaps however there not no only just "
    "also instead meanwhile still yet thus".split()
)


def source_like(tokens: Sequence[Token], m: tuple[int, int] | None) -> bool:
    """The tokens ``m`` may name a source: not a lone preposition, subordinator or adverb ('In', 'simply')."""
    if m is None or m[1] <= m[0]:
        return False
    w = _norm(tokens[m[0]].text)
    return m[1] - m[0] > 1 or w not in NOT_SOURCE_OPENERS and not (_adverb(w) and tokens[m[0]].text.islower())


def mention_after(tokens: Sequence[Token], cue_last: int, hi: int, *, possessive: bool = False) -> tuple[int, int] | None:
    """Token range of the noun phrase right after the cue ("said the Russian Defense Ministry"); with
    ``possessive``, one with a possessive apostrophe too ("said the council\u2019s spokesman")."""
    i = j = cue_last
    while j < hi and j - i < MAX_MENTION:
        w = tokens[j].text
        lw = _norm(w)
        if j > i and (lw in ("'s", "s") or possessive and lw == "'" and j + 1 < hi and tokens[j + 1].text == "s" and (
            tokens[j - 1].end == tokens[j].start == tokens[j + 1].start - 1
        )):  # "said the council\u2019s spokesman" (``possessive``)
            j += 1
            continue
        if (not _is_word(w) and w not in ("-", "&")) or (lw in STOP_WORDS and lw not in ("of",) and not _name_word(tokens, j, hi)):
            break
        if lw == "of" and not (j + 1 < hi and (tokens[j + 1].text[:1].isupper() or tokens[j + 1].text == "the")):
            break
        j += 1
    while j > i and tokens[j - 1].text in ("-", "&", "of"):
        j -= 1
    return (i, j) if j > i else None
