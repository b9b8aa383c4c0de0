"""A light-weight entity pass: names with their roles, organisations, media, places and groups.

No tagger or chunker models: capitalised token runs over the Doc, shipped word lists (titles,
organisation head words, media, places, nationalities, anonymous-source nouns) and the document
itself (a word that is capitalised only at sentence starts is not taken for a name).

>>> p = parse_mention("Belarusian president Alexander Lukashenko")
>>> p.kind, p.name, p.role
('person', 'Alexander Lukashenko', 'Belarusian president')
>>> [parse_mention(m)[:2] for m in ("the Ministry", "Belta", "officials", "The Chinese", "they")]
[('organization', 'Ministry'), ('media', 'Belta'), ('anonymous', 'officials'), ('group', 'The Chinese'), ('pronoun', 'they')]
>>> from helpers.text import tokenize_text
>>> doc = tokenize_text("Head\\nFrench president Jean Dupont met the Defense Ministry in Minsk, Reuters said.")
>>> [(m.text, m.parsed.kind) for m in find_mentions(doc)]
[('French president Jean Dupont', 'person'), ('the Defense Ministry', 'organization'), ('Minsk', 'place'), ('Reuters', 'media')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

from .text import Doc, data_lines, word_list

__all__ = ["Parsed", "Mention", "parse_mention", "find_mentions", "PRONOUNS", "word_list", "phrase_list"]

#: Pronouns a quote's mention may be, with what they can refer to.
PRONOUNS = {
    "he": ("person",), "him": ("person",), "she": ("person",), "her": ("person",),
    "they": ("organization", "group", "media"), "them": ("organization", "group", "media"),
    "it": ("organization", "media", "place"),
    "which": ("organization", "media", "place", "group"), "that": ("organization", "media", "place", "group"),
    "who": ("person", "group"), "whom": ("person", "group"),
    "i": ("speaker",), "me": ("speaker",), "we": ("speaker",), "us": ("speaker",),
}
GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
DETERMINERS = frozenset(
    "the a an one some several many two three four this that these those another his her its their our".split()
)
_DEFINITE = frozenset("the this that these those his her its their our".split())
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
              "madam": "f", "dr": None, "prof": None}
_PARTICLES = frozenset("de del della der van von bin ibn al el da di du dos la le".split())
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december god internet".split()
)
_PLACE_HEADS = frozenset(
    "square street avenue road park bridge river lake island islands mountain mountains valley bay coast "
    "airport station hall tower stadium arena plaza boulevard county province oblast".split()
)
_PLURAL_ORG_HEADS = frozenset({"forces", "services", "authorities"})

_WORD = re.compile(r"[^\W_](?:[\w\-.'\u2019]*[^\W_])?\.?")
_WEB = re.compile(r"\w\.(?:com|org|net|co\.uk|ru|by|ua|info|news)$")
_ACRONYM = re.compile(r"[A-Z][A-Z.&]+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@lru_cache(maxsize=None)
def phrase_list(name: str) -> dict[tuple[str, ...], str]:
    """A shipped list of phrases: lower-case word tuple -> the phrase as written."""
    return {tuple(w.lower().rstrip(".") for w in _words(ln)): ln for ln in data_lines(name)}


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    out = {}
    for ln in data_lines("first_names.txt"):
        g, _, n = ln.partition(" ")
        out[n.strip().lower()] = g
    return out


def _words(text: str) -> list[str]:
    out = []
    for m in _WORD.finditer(text):
        w = _POSSESSIVE.sub("", m.group()) if len(m.group()) > 2 else m.group()
        if w.endswith(".") and not re.fullmatch(r"(?:\w\.)+", w):
            w = w[:-1]
        if w:
            out.append(w)
    return out


class Parsed(NamedTuple):
    """What a mention says about its referent.

    ``kind`` is person, organization, media, place, group, role (a definite role without a name:
    "the Belarusian president"), anonymous ("a source", "officials"), pronoun or unknown.
    """

    kind: str
    name: str
    role: str | None = None
    words: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()
    gender: str | None = None
    plural: bool = False
    definite: bool = False


class Mention(NamedTuple):
    """An entity mention found in the Doc; ``text`` is ``Article.text[start:end]``."""

    text: str
    start: int
    end: int
    sentence: int
    parsed: Parsed


def _find_phrase(low: list[str], phrases: dict[tuple[str, ...], str]) -> tuple[int, int, str] | None:
    """The longest listed phrase inside ``low`` (ties: the rightmost)."""
    best = None
    for i in range(len(low)):
        for j in range(len(low), i, -1):
            key = tuple(low[i:j])
            if key in phrases and (best is None or j - i >= best[1] - best[0]):
                best = (i, j, phrases[key])
                break
    return best


def _is_name_word(word: str, low: str) -> bool:
    return (
        word[:1].isupper()
        and low not in word_list("speaker_titles.txt")
        and low not in word_list("org_heads.txt")
        and low not in word_list("demonyms.txt")
        and low not in HONORIFICS
        and low not in DETERMINERS
        and low not in _NOT_NAMES
        and low not in word_list("anonymous_sources.txt")
        and low not in word_list("stopwords.txt")  # "Guys Have All": a title, not a name
    )


def _plural(low: str) -> bool:
    return low.endswith("s") and not low.endswith("ss") or low in {"people", "police", "spokespeople", "staff"}


@lru_cache(maxsize=1)
def _proper_words() -> frozenset[str]:
    return word_list("demonyms.txt") | {k[0] for k in phrase_list("places.txt") if len(k) == 1}


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return (word_list("anonymous_sources.txt") | word_list("speaker_titles.txt") | word_list("role_modifiers.txt")
            | word_list("stopwords.txt") | word_list("org_heads.txt") | word_list("media_heads.txt") | DETERMINERS)


def _lower_phrase(words: list[str]) -> str:
    """Common words in lower case ("Officials" -> "officials"); names keep their capitals."""
    common = _common_words()
    return " ".join(w.lower() if w.lower() in common and w.lower() not in _proper_words() else w for w in words)


_POSTMODIFIER = re.compile(r"\s*(?:,|\b(?:close to|familiar with|with|from|at|in|for|on|who|which|of)\b)")


@lru_cache(maxsize=4096)
def parse_mention(text: str) -> Parsed:
    """Read a mention as written ("the Russian Defense Ministry", "he", "a source") into a ``Parsed``.

    A mention with words after its head ("a source close to the talks", "Okoro, who leads the
    union") is read by its head when the whole does not name anything.
    """
    whole = _parse(text)
    m = _POSTMODIFIER.search(text)
    if m is None or m.start() == 0:
        return whole if whole.kind != "unknown" else _leading_name(text, whole)
    head = _parse(text[: m.start()])
    clause = m.group().strip() in (",", "who", "which")
    if head.kind == "anonymous" or (head.kind == "role" and not clause):
        return head._replace(name=_lower_phrase(_strip_det(_words(text))))
    if head.kind in ("person", "media", "role", "pronoun") and clause or whole.kind == "unknown" and head.kind != "unknown":
        return head
    return whole if whole.kind != "unknown" else _leading_name(text, whole)


def _leading_name(text: str, whole: Parsed) -> Parsed:
    """A name at the start of an unreadable mention ("Senator Jo Ray pressing his" -> Jo Ray)."""
    words = _words(text)
    for k in range(len(words) - 1, 0, -1):
        if not words[k - 1][:1].isupper():
            continue
        head = _parse(" ".join(words[:k]))
        if head.kind in ("person", "organization", "media", "group") and (head.kind != "person" or len(head.words) > 1 or head.role):
            return head
    return whole


_LEADING_DET = re.compile(r"^\W*(?:(?:" + "|".join(sorted(DETERMINERS)) + r")\s+)+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(?:['\u2019]s?)?\W*$")


def _as_written(text: str) -> str:
    """A name as written, without leading determiners or a trailing possessive."""
    return _TRAILING_POSSESSIVE.sub("", _LEADING_DET.sub("", text.strip())) or text.strip()


def _strip_det(words: list[str]) -> list[str]:
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    return words


def _parse(text: str) -> Parsed:
    words = _words(text)
    low = [w.lower() for w in words]
    if not words:
        return Parsed("unknown", text.strip())
    if len(words) == 1 and low[0] in PRONOUNS:
        return Parsed("pronoun", low[0], words=(low[0],), gender=GENDER.get(low[0]), plural=low[0] in ("they", "them", "we", "us"))
    definite = False
    while len(low) > 1 and low[0] in DETERMINERS:
        definite |= low[0] in _DEFINITE
        words, low = words[1:], low[1:]
    gender = None
    if any(_WEB.search(w) for w in low):
        return Parsed("media", " ".join(words), words=tuple(low), definite=definite)
    media = _find_phrase(low, phrase_list("media.txt"))
    if media and media[1] == len(low):
        return Parsed("media", media[2], words=tuple(low[media[0]:]), definite=definite)
    # the name: a trailing run of capitalised words that are not titles, heads or nationalities
    j = len(words)
    while j > 0 and (_is_name_word(words[j - 1], low[j - 1]) or (
            low[j - 1] in _PARTICLES and j < len(words) and j - 1 > 0 and words[j - 2][:1].isupper())):
        j -= 1
    while j < len(words) and low[j] in _PARTICLES:
        j += 1
    name_w, role_w = words[j:], words[:j]
    role_low = [w for w in low[:j] if w not in HONORIFICS]
    for w in low[:j]:
        if w in HONORIFICS and HONORIFICS[w]:
            gender = HONORIFICS[w]
    titles = word_list("speaker_titles.txt")
    heads = word_list("org_heads.txt")
    demonyms = word_list("demonyms.txt")
    if name_w:
        nlow = tuple(w.lower() for w in name_w)
        has_title = any(w in titles for w in role_low)
        role = " ".join(w for w in role_w if w.lower() not in HONORIFICS) if has_title else None
        if "of" in low[:j] or (role_low and role_low[-1] in heads):
            return Parsed("organization", _as_written(text), words=tuple(low), definite=definite)
        if not has_title and not gender and (nlow in phrase_list("places.txt") or nlow[-1] in _PLACE_HEADS):
            return Parsed("place", phrase_list("places.txt").get(nlow, " ".join(name_w)), words=nlow, definite=definite)
        if len(nlow) > 1 and nlow[-1] in word_list("media_heads.txt") and not has_title:
            return Parsed("media", " ".join(name_w), words=nlow, definite=definite)
        if any(c.isdigit() for w in name_w for c in w):
            return Parsed("unknown", " ".join(words), words=tuple(low), definite=definite)
        if len(name_w) == 1 and _ACRONYM.fullmatch(name_w[0]) and not has_title and not gender:
            return Parsed("organization", name_w[0], words=nlow, definite=definite)
        gender = gender or (_first_names().get(nlow[0]) if len(nlow) > 1 else None)
        return Parsed("person", " ".join(name_w), role, nlow, tuple(role_low) if has_title else (), gender, definite=definite)
    last = low[-1]
    if last in word_list("media_heads.txt") and (last not in ("agency", "news", "service") or "news" in low[:-1]):
        return Parsed("media", _lower_phrase(words), words=tuple(low), definite=definite)
    if last in heads:
        caps = any(w[:1].isupper() for w in words)
        return Parsed("organization", _as_written(text) if caps else _as_written(text).lower(), words=tuple(low),
                      plural=last in _PLURAL_ORG_HEADS, definite=definite)
    if all(w in demonyms for w in low):
        name = " ".join(words)
        return Parsed("group", name if _plural(low[-1]) else f"The {name}", words=tuple(low), plural=True, definite=definite)
    if last in word_list("anonymous_sources.txt") and not (definite and last in titles):
        return Parsed("anonymous", _lower_phrase(words), words=tuple(low), plural=_plural(last), definite=definite)
    if last in titles:
        kind = "role" if definite else "anonymous"
        return Parsed(kind, _lower_phrase(words), _lower_phrase(words), tuple(low), tuple(low), definite=definite)
    return Parsed("unknown", _lower_phrase(words), words=tuple(low), plural=_plural(last), definite=definite)


# --------------------------------------------------------------------------------------------
# the entity pass over a Doc

_LOWER_DETS = frozenset({"the", "a", "an"})
_OPENERS = frozenset({'"', "\u201c", "\u2018", "'", "\u00ab", ":", "(", "[", "-", "\u2013", "\u2014", "``", ";"})


def _cap(tok: str) -> bool:
    return tok[:1].isupper()  # a cased first character: a letter


@lru_cache(maxsize=1)
def _mention_vocab() -> tuple:
    """The word lists ``find_mentions`` reads, built once."""
    known = (word_list("demonyms.txt") | word_list("speaker_titles.txt") | set(_first_names())
             | {k[0] for k in phrase_list("places.txt")} | {k[0] for k in phrase_list("media.txt")} | set(HONORIFICS))
    titles = word_list("speaker_titles.txt")
    heads = word_list("org_heads.txt")
    title_or_head = titles | heads
    of_heads = heads | {"republic", "kingdom", "state", "states"}
    lower_ok = title_or_head | word_list("role_modifiers.txt")
    return (frozenset(known), titles, title_or_head, of_heads, lower_ok, word_list("stopwords.txt"),
            word_list("demonyms.txt"), phrase_list("places.txt"))


def find_mentions(doc: Doc, *, body_only: bool = True) -> list[Mention]:
    """Names, organisations, media, places, groups and role descriptions in the Doc, in text order.

    A mention is a run of capitalised words, with the role words before it ("Belarusian president
    Alexander Lukashenko") and a determiner ("the Russian Defense Ministry"); lower-case role or
    organisation phrases count after a determiner ("the Belarusian president", "the ministry").
    """
    text = doc.text
    toks = doc.tokens
    body = {p.i for p in doc.paragraphs if not (body_only and p.boilerplate)}
    texts = [t.text for t in toks]
    cap_vocab: set[str] = set()  # capitalised words seen where a sentence does not start
    initial = [False] * len(toks)  # a sentence's first word, or the first after an opener
    for s in doc.sentences:
        if s.paragraph not in body or s.first_token >= s.end_token:
            continue
        initial[s.first_token] = True
        for k in range(s.first_token + 1, s.end_token):
            if texts[k - 1] in _OPENERS:
                initial[k] = True
            elif texts[k][:1].isupper():
                cap_vocab.add(texts[k])
    known, titles, title_or_head, of_heads, lower_ok, stop, demonyms, places = _mention_vocab()

    def _is_cap(t) -> bool:
        if not _cap(t.text) or t.text.lower() in _NOT_NAMES or t.text.lower() in PRONOUNS:
            return False
        if not initial[t.i]:
            return True
        low = t.text.lower().rstrip(".")
        if low in stop or low in DETERMINERS:
            return False
        return t.text in cap_vocab or low in known or (t.text.isupper() and len(t.text) > 1)

    capv: dict[int, bool] = {}

    def is_cap(t) -> bool:
        v = capv.get(t.i)
        if v is None:
            v = capv[t.i] = _is_cap(t)
        return v

    out: list[Mention] = []
    for s in doc.sentences:
        if s.paragraph not in body:
            continue
        stoks = toks[s.first_token : s.end_token]
        n = len(stoks)
        floor = -1  # the last token of the previous mention
        resume = 0  # where the scan goes on after a mention
        # only a capitalised word or a determiner can start a mention: visit just those
        for i in [k for k, tt in enumerate(texts[s.first_token : s.end_token]) if tt[:1].isupper() or tt in _LOWER_DETS]:
            if i < resume:
                continue
            t = stoks[i]
            det = t.text.lower() in _LOWER_DETS
            if not (det or is_cap(t)):
                continue
            j = i + 1 if det else i
            caps = 0
            last_ok = i
            while j < n:
                w = stoks[j]
                low = w.text.lower()
                if is_cap(w) or (caps and stoks[j - 1].text in ("'", "\u2019") and w.text[:1].isupper()):
                    caps += 1
                elif low in lower_ok and w.text.isalpha() and (caps or det):
                    pass
                elif low in _PARTICLES and caps and j + 1 < n and is_cap(stoks[j + 1]):
                    pass
                elif w.text in ("'", "\u2019") and caps and stoks[j - 1].text.endswith("s") and j + 1 < n and (
                        stoks[j + 1].text[:1].isupper() and stoks[j - 1].end == w.start):
                    pass  # "the Cardow Parents' Association"
                elif low == "of" and caps and j + 1 < n and is_cap(stoks[j + 1]) and stoks[j - 1].text.lower() in of_heads:
                    pass
                else:
                    break
                j += 1
                last_ok = j
            if det and caps == 0 and not (last_ok > i + 1 and stoks[last_ok - 1].text.lower() in title_or_head):
                continue
            # trim trailing lower-case words that are neither titles nor organisation heads
            while last_ok > i + 1 and stoks[last_ok - 1].text.islower() and stoks[last_ok - 1].text not in title_or_head:
                last_ok -= 1
            if last_ok <= i or (det and last_ok == i + 1):
                continue
            lo = i
            if not det:  # lower-case role words before a name: "police chief Tomas Lenz"
                while lo - 1 > floor and stoks[lo - 1].text.islower() and stoks[lo - 1].text in lower_ok:
                    lo -= 1
                if lo < i and not any(stoks[k].text in titles for k in range(lo, i)):
                    lo = i
            first, lastt = stoks[lo], stoks[last_ok - 1]
            nxt = stoks[last_ok] if last_ok < n else None
            parsed = parse_mention(text[first.start : lastt.end])
            modifier = nxt is not None and nxt.text.isalpha() and nxt.text.islower() and (
                lastt.text.lower() in demonyms
                or (parsed.kind == "place" and det and ("the",) + parsed.words not in places))
            if parsed.kind == "person" and lo > 0 and stoks[lo - 1].text[:1].isupper() and not initial[stoks[lo - 1].i]:
                modifier = True  # "Sunday Night Baseball": part of a longer capitalised name
            if parsed.kind not in ("pronoun", "unknown", "anonymous") and not modifier:
                out.append(Mention(text[first.start : lastt.end], first.start, lastt.end, s.i, parsed))
            floor = last_ok - 1
            resume = last_ok
    return out


def iter_kinds(mentions: Iterable[Mention], *kinds: str) -> Iterable[Mention]:
    """The mentions of the given kinds."""
    return (m for m in mentions if m.parsed.kind in kinds)
