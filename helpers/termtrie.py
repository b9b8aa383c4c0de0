"""One-pass matching of a whole lexicon over a token sequence (a token trie), and negation.

Every term is a path of token keys in one trie; ``*`` terms hang off their node by prefix. The
matcher walks the trie once from each token, so a 1,000-term lexicon costs about as much as a
10-term one: no regular expression per term, no match inside longer words (``war`` never matches
``warned``: tokens are compared whole).

>>> from helpers.lexicon import parse_lexicon
>>> from helpers.text import tokenize_text
>>> lex = parse_lexicon("categories: {w: {description: d, terms: [war, full-scale war, occup*]}}")
>>> doc = tokenize_text("He warned of a full-scale\\nwar. We are not going to occupy it.")
>>> trie = TermTrie.build([lex])
>>> [(doc.text[doc.tokens[m.first].start:doc.tokens[m.end - 1].end], m.term.text)
...  for m in resolve_overlaps(trie.match(doc.tokens))]
[('full-scale\\nwar', 'full-scale war'), ('occupy', 'occup*')]
>>> negated(doc.tokens, 11)
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Iterable, NamedTuple, Sequence

from .lexicon import Lexicon, Term, normalize_token
from .text import Token

__all__ = ["CLAUSE_BREAKS", "NEGATORS", "NEGATION_WINDOW", "Match", "TermTrie", "negated", "resolve_overlaps",
           "token_keys"]

#: Words that negate a term when they occur among the three words before it (as in VADER's
#: ``NEGATE`` list, which also counts every word ending in ``n't``).
NEGATORS = frozenset(
    """not no never without nor neither none nothing nobody nowhere cannot n't
    aint arent cant couldnt didnt doesnt dont hadnt hasnt havent isnt mightnt mustnt neednt
    shant shouldnt wasnt werent wont wouldnt""".split()
)
NEGATION_WINDOW = 3
#: Tokens that end the look-back for a negator: a negator before a clause break does not reach
#: across it ("He didn't," Lukashenko said -> "said" is not negated).
CLAUSE_BREAKS = frozenset(',;:()[]{}"\u201c\u201d\u00ab\u00bb\u2014\u2013-') | {"--", "``", "''"}
_WORDLIKE = re.compile(r"\w")


_HEAD = 3
_TOKEN_TEXT = attrgetter("text")
_MEMO_LIMIT = 200_000  # distinct token keys remembered per trie


_KEYS: dict[str, str] = {}  # token text -> its key (bounded like the trie memo)


def _key(text: str) -> str:
    """``token_keys`` of one token's text, remembered."""
    key = _KEYS.get(text)
    if key is None:
        if len(_KEYS) > _MEMO_LIMIT:
            _KEYS.clear()
        low = text.lower()
        key = _KEYS[text] = low if low.isascii() else normalize_token(low)
    return key


def token_keys(tokens: Sequence[Token]) -> list[str]:
    """``normalize_token`` of every token (the fast path for plain ASCII)."""
    return list(map(_key, map(_TOKEN_TEXT, tokens)))


class Match(NamedTuple):
    """A term found at tokens ``[first, end)``."""

    first: int
    end: int
    term: Term


class _Node:
    __slots__ = ("next", "wild", "wild_lengths", "terms")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.wild: dict[str, _Node] = {}
        self.wild_lengths: tuple[int, ...] = ()
        self.terms: list[Term] = []


class TermTrie:
    """The terms of several lexicons compiled into one trie of token keys."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.root = _Node()
        self.size = 0
        self._memo: dict[str, tuple[_Node, ...]] = {}
        for term in terms:
            node = self.root
            for word, prefix in zip(term.words, term.prefix):
                table = node.wild if prefix else node.next
                node = table.setdefault(normalize_token(word), _Node())  # case terms: checked on match
            node.terms.append(term)
            self.size += 1
        self._finish(self.root)

    def _finish(self, node: _Node) -> None:
        node.wild_lengths = tuple(sorted({len(k) for k in node.wild}))
        for child in (*node.next.values(), *node.wild.values()):
            self._finish(child)
        if node is self.root:  # the root's wildcards, bucketed by their first letters
            self._heads: dict[str, list[tuple[str, _Node]]] = {}
            self._short: list[tuple[str, _Node]] = []
            for prefix, child in node.wild.items():
                if len(prefix) >= _HEAD:
                    self._heads.setdefault(prefix[:_HEAD], []).append((prefix, child))
                else:
                    self._short.append((prefix, child))

    def _start_nodes(self, texts: Iterable[str]) -> dict[str, tuple[_Node, ...]]:
        """For each token text of ``texts`` (and others seen before), the trie nodes a term starting there
        reaches: its exact child and the wildcards its prefix matches, empty when none. Decided
        once per distinct key; the memo is bounded so that a long corpus run does not grow it
        without end."""
        memo = self._memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        root_next, heads, short = self.root.next, self._heads, self._short
        for text in set(texts).difference(memo):
            key = _key(text)
            child = root_next.get(key)
            nodes = [] if child is None else [child]
            bucket = heads.get(key[:_HEAD])
            if bucket is not None:
                nodes += [node for prefix, node in bucket if key.startswith(prefix)]
            if short:
                nodes += [node for prefix, node in short if key.startswith(prefix)]
            memo[text] = tuple(nodes)
        return memo

    @staticmethod
    def build(lexicons: Iterable[Lexicon]) -> "TermTrie":
        """The trie of every term of ``lexicons`` (cached per set of lexicons)."""
        return _build(tuple(lexicons))

    def match(self, tokens: Sequence[Token], *, barriers: Sequence[bool] | None = None,
              keys: Sequence[str] | None = None) -> list[Match]:
        """Every (possibly overlapping) term occurrence, in token order.

        ``barriers[i]`` True means no term may run from token ``i - 1`` into token ``i``;
        ``keys`` are the tokens' ``token_keys`` when the caller has them already.
        """
        n = len(tokens)
        texts = list(map(_TOKEN_TEXT, tokens))
        out: list[Match] = []
        starts = self._start_nodes(texts).get
        for i in compress(range(n), map(starts, texts)):  # most tokens start nothing
            nodes = starts(texts[i], ())
            if len(nodes) == 1 and not (nodes[0].next or nodes[0].wild):
                # the common case: only one-word terms end here, nothing longer goes on
                for term in nodes[0].terms:
                    if not term.case or _case_ok(term, tokens, i):
                        out.append(_new_tuple(Match, (i, i + 1, term)))
                continue
            stack = [(node, i + 1) for node in nodes]
            while stack:
                node, j = stack.pop()
                for term in node.terms:
                    if not term.case or _case_ok(term, tokens, i):
                        out.append(_new_tuple(Match, (i, j, term)))
                if j >= n or not (node.next or node.wild) or (barriers is not None and barriers[j]):
                    continue
                k = keys[j] if keys is not None else _key(texts[j])
                child = node.next.get(k)
                if child is not None:
                    stack.append((child, j + 1))
                for length in node.wild_lengths:
                    if length > len(k):
                        break
                    child = node.wild.get(k[:length])
                    if child is not None:
                        stack.append((child, j + 1))
        out.sort(key=_FIRST_END)
        return out


@lru_cache(maxsize=32)
def _build(lexicons: tuple[Lexicon, ...]) -> TermTrie:
    return TermTrie(t for lex in lexicons for t in lex.terms)


def _case_ok(term: Term, tokens: Sequence[Token], first: int) -> bool:
    """Whether a case-sensitive term matches the tokens' exact spelling."""
    for k, (word, prefix) in enumerate(zip(term.words, term.prefix)):
        text = tokens[first + k].text
        if not (text.startswith(word) if prefix else text == word):
            return False
    return True


_FIRST_END = itemgetter(0, 1)
_new_tuple = tuple.__new__  # a Match without its NamedTuple __new__ frame


def _overlap_order(m: Match) -> tuple[int, int, int, int]:
    """Leftmost, then longest, then fewest wildcards, then first in the lexicon file."""
    return m.first, m.first - m.end, sum(m.term.prefix), m.term.line


def resolve_overlaps(matches: Iterable[Match]) -> list[Match]:
    """Keep, within each (lexicon, category), the leftmost-longest non-overlapping matches.

    Different categories may overlap ("special military operation" is a naming hit and contains
    the military-action term "military operation"), as in quanteda's ``nested_scope="key"``.
    Among equally long matches at one place an exact term beats a wildcard one.
    """
    by_cat: dict[tuple[str, str], list[Match]] = {}
    for m in matches:
        t = m.term
        by_cat.setdefault((t.lexicon, t.category), []).append(m)
    kept: list[Match] = []
    for group in by_cat.values():
        # each match starting at or after the end of the one before: nothing overlaps, all stay
        if all(b.first >= a.end for a, b in zip(group, group[1:])):
            kept += group
            continue
        group.sort(key=_overlap_order)
        last_end = -1
        for m in group:
            if m.first >= last_end:
                kept.append(m)
                last_end = m.end
    kept.sort(key=lambda m: (m.first, m.end, m.term.lexicon, m.term.category))
    return kept


def negated(tokens: Sequence[Token], first: int, *, window: int = NEGATION_WINDOW,
            keys: Sequence[str] | None = None) -> bool:
    """Whether a negator is among the ``window`` words before token ``first`` (same sentence,
    same clause: the look-back stops at a comma, colon, bracket, dash or quotation mark).

    ``n't`` counts in every spelling: ``didn't`` (tokens ``did`` ``n't``), ``didn’t`` (tokens
    ``didn`` ``’`` ``t``) and apostrophe-less ``didnt``.
    """
    if not 0 <= first < len(tokens):
        return False
    sentence = tokens[first].sentence
    seen = 0
    j = first - 1
    while j >= 0 and seen < window and tokens[j].sentence == sentence:
        text = keys[j] if keys is not None else _key(tokens[j].text)
        if text in CLAUSE_BREAKS:
            return False
        if text in NEGATORS or text.endswith("n't"):
            return True
        if text == "t" and j >= 2 and tokens[j - 1].text in ("'", "\u2019") and tokens[j - 2].text.lower().endswith("n"):
            return True
        if text.isalnum() or _WORDLIKE.search(text):
            seen += 1
        j -= 1
    return False
