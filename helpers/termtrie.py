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
from typing import Iterable, NamedTuple, Sequence

from .lexicon import Lexicon, Term, normalize_token
from .text import Token

__all__ = ["CLAUSE_BREAKS", "NEGATORS", "NEGATION_WINDOW", "Match", "TermTrie", "negated", "resolve_overlaps"]

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

    @staticmethod
    def build(lexicons: Iterable[Lexicon]) -> "TermTrie":
        """The trie of every term of ``lexicons`` (cached per set of lexicons)."""
        return _build(tuple(lexicons))

    def match(self, tokens: Sequence[Token], *, barriers: Sequence[bool] | None = None) -> list[Match]:
        """Every (possibly overlapping) term occurrence, in token order.

        ``barriers[i]`` True means no term may run from token ``i - 1`` into token ``i``.
        """
        keys = [normalize_token(t.text) for t in tokens]
        n = len(keys)
        root = self.root
        root_next, root_wild, root_lengths = root.next, root.wild, root.wild_lengths
        out: list[Match] = []
        for i, key in enumerate(keys):
            starts: list[_Node] = []
            child = root_next.get(key)
            if child is not None:
                starts.append(child)
            if root_lengths:
                lk = len(key)
                for length in root_lengths:
                    if length > lk:
                        break
                    child = root_wild.get(key[:length])
                    if child is not None:
                        starts.append(child)
            if not starts:
                continue
            stack = [(node, i + 1) for node in starts]
            while stack:
                node, j = stack.pop()
                for term in node.terms:
                    if not term.case or _case_ok(term, tokens, i):
                        out.append(Match(i, j, term))
                if j >= n or (barriers is not None and barriers[j]):
                    continue
                k = keys[j]
                child = node.next.get(k)
                if child is not None:
                    stack.append((child, j + 1))
                for length in node.wild_lengths:
                    if length > len(k):
                        break
                    child = node.wild.get(k[:length])
                    if child is not None:
                        stack.append((child, j + 1))
        out.sort(key=lambda m: (m.first, m.end))
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


def resolve_overlaps(matches: Iterable[Match]) -> list[Match]:
    """Keep, within each (lexicon, category), the leftmost-longest non-overlapping matches.

    Different categories may overlap ("special military operation" is a naming hit and contains
    the military-action term "military operation"), as in quanteda's ``nested_scope="key"``.
    Among equally long matches at one place an exact term beats a wildcard one.
    """
    by_cat: dict[tuple[str, str], list[Match]] = {}
    for m in matches:
        by_cat.setdefault((m.term.lexicon, m.term.category), []).append(m)
    kept: list[Match] = []
    for group in by_cat.values():
        group.sort(key=lambda m: (m.first, -(m.end - m.first), sum(m.term.prefix), m.term.line))
        last_end = -1
        for m in group:
            if m.first >= last_end:
                kept.append(m)
                last_end = m.end
    kept.sort(key=lambda m: (m.first, m.end, m.term.lexicon, m.term.category))
    return kept


def negated(tokens: Sequence[Token], first: int, *, window: int = NEGATION_WINDOW) -> bool:
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
        text = normalize_token(tokens[j].text)
        if text in CLAUSE_BREAKS:
            return False
        if text in NEGATORS or text.endswith("n't"):
            return True
        if text == "t" and j >= 2 and tokens[j - 1].text in ("'", "\u2019") and tokens[j - 2].text.lower().endswith("n"):
            return True
        if _WORDLIKE.search(text):
            seen += 1
        j -= 1
    return False
