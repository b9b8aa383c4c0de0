"""Stance lexicons: YAML files of categories and terms, validated and compiled into a token trie.

A lexicon file (after quanteda's YAML dictionaries and LIWC's categories) looks like::

    name: conflict-framing            # optional; the file name without .yml otherwise
    description: Framing vocabulary of wars and military crises.
    categories:
      de-escalation:
        description: Diplomacy and calls to stop the fighting.
        terms:
          - negotiation*              # a word; ``*`` is a word-final wildcard
          - sit down                  # a phrase matches across spaces and line breaks
          - term: NATO
            case: true                # match the case exactly (default: case-insensitive)
            weight: 2                 # counts twice in the scores (default 1)
            note: the alliance, not the word "nato" in other languages

Any other key is an error, as is a malformed file: ``LexiconError`` names the file, the line and
what is wrong. Reading uses PyYAML's safe loader (``compose`` with ``SafeLoader``, which keeps
line numbers; nothing but plain data is ever constructed).

>>> lex = parse_lexicon("categories:\\n  peace:\\n    description: d\\n    terms: [ceasefire, peace talk*]")
>>> [(t.text, t.words, t.wildcard) for t in lex.terms]
[('ceasefire', ('ceasefire',), False), ('peace talk*', ('peace', 'talk'), True)]
>>> parse_lexicon("categories: {x: {description: d, terms: [a], colour: red}}", source="my.yml")
Traceback (most recent call last):
...
helpers.lexicon.LexiconError: my.yml, line 1: unknown key 'colour' in category 'x' (allowed: description, label, terms)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

import yaml

from .text import span_tokenize_words

__all__ = [
    "BUNDLED_DIR",
    "Category",
    "Lexicon",
    "LexiconError",
    "Term",
    "bundled_lexicons",
    "load_lexicon",
    "load_lexicons",
    "make_term",
    "normalize_token",
    "parse_lexicon",
]

#: Where the bundled, editable lexicons live (the package is installed editable: one copy).
BUNDLED_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicons"

LEXICON_KEYS = ("name", "description", "version", "language", "source", "categories")
CATEGORY_KEYS = ("description", "label", "terms")
TERM_KEYS = ("term", "note", "weight", "case")

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-", "\u00ad": ""})


def normalize_token(text: str) -> str:
    """The key a token is matched on: lower case, curly apostrophes and odd hyphens folded.

    >>> normalize_token("Kyiv\u2019s"), normalize_token("Full\u2011Scale")
    ("kyiv's", 'full-scale')
    """
    return text.lower().translate(_FOLD)


class LexiconError(ValueError):
    """A lexicon that cannot be used; the message names the file and the line."""


class Term(NamedTuple):
    """One term of a category; ``words`` are its token keys, ``prefix`` marks those ending in ``*``."""

    text: str
    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    case: bool
    weight: float
    note: str | None
    category: str
    lexicon: str
    line: int

    @property
    def wildcard(self) -> bool:
        return any(self.prefix)


@dataclass(frozen=True)
class Category:
    """A category: its name, description, optional display label and terms."""

    name: str
    description: str
    label: str
    terms: tuple[Term, ...]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A parsed lexicon file (compared and hashed by identity: loading caches it per file)."""

    name: str
    description: str
    source: str
    categories: tuple[Category, ...]

    @property
    def terms(self) -> list[Term]:
        return [t for c in self.categories for t in c.terms]


def _fail(source: str, node: yaml.Node | int, msg: str) -> LexiconError:
    line = node if isinstance(node, int) else node.start_mark.line + 1
    return LexiconError(f"{source}, line {line}: {msg}")


def _mapping(node: yaml.Node, source: str, what: str, allowed: Sequence[str]) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(source, node, f"{what} must be a mapping of keys to values")
    out: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _fail(source, key, f"{what} has a key that is not a plain word")
        if key.value in out:
            raise _fail(source, key, f"duplicate key {key.value!r} in {what}")
        if allowed and key.value not in allowed:
            raise _fail(source, key, f"unknown key {key.value!r} in {what} (allowed: {', '.join(allowed)})")
        out[key.value] = value
    return out


def _text(node: yaml.Node, source: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise _fail(source, node, f"{what} must be a non-empty text")
    return str(node.value).strip()


_WORD_STAR = re.compile(r"^[^*]+\*?$")


def _term_words(text: str, case: bool, source: str, node: yaml.Node) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """Token keys of a term (tokenized like the article) and which of them are prefixes (``*``)."""
    words: list[str] = []
    prefix: list[bool] = []
    if not re.search(r"\w", text):
        raise _fail(source, node, f"term {text!r} has no word in it")
    for part in text.split():
        if not _WORD_STAR.match(part):
            raise _fail(source, node, f"term {text!r}: '*' may only end a word (as in occup*)")
        star = part.endswith("*")
        body = part[:-1] if star else part
        toks = [body[s:e] for s, e in span_tokenize_words(body)]
        if not toks:
            raise _fail(source, node, f"term {text!r} has no word in it")
        words.extend(toks)
        prefix.extend([False] * (len(toks) - 1) + [star])
    return tuple(w if case else normalize_token(w) for w in words), tuple(prefix)


def _term(node: yaml.Node, source: str, category: str, lexicon: str) -> Term:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        text, note, weight, case = _text(node, source, "a term"), None, 1.0, False
    elif not isinstance(node, yaml.MappingNode):
        raise _fail(source, node, f"a term of category {category!r} must be a text or a mapping with 'term'")
    else:
        fields = _mapping(node, source, f"a term of category {category!r}", TERM_KEYS)
        if "term" not in fields:
            raise _fail(source, node, f"a term of category {category!r} has no 'term' key")
        text = _text(fields["term"], source, "'term'")
        note = _text(fields["note"], source, "'note'") if "note" in fields else None
        weight = 1.0
        if "weight" in fields:
            try:
                weight = float(_text(fields["weight"], source, "'weight'"))
            except ValueError:
                raise _fail(source, fields["weight"], f"term {text!r}: weight must be a number") from None
            if not weight > 0 or weight == float("inf"):
                raise _fail(source, fields["weight"], f"term {text!r}: weight must be a positive number")
        case = False
        if "case" in fields:
            value = _text(fields["case"], source, "'case'").lower()
            if value not in ("true", "false", "yes", "no"):
                raise _fail(source, fields["case"], f"term {text!r}: case must be true or false")
            case = value in ("true", "yes")
    words, prefix = _term_words(text, case, source, node)
    return Term(text, words, prefix, case, weight, note, category, lexicon, line)


def make_term(text: str, *, case: bool = False, category: str = "pattern", lexicon: str = "pattern") -> Term:
    """A term from its text alone (for ``kwic`` patterns): ``"occup*"``, ``"special operation"``.

    >>> make_term("pump* UP").words
    ('pump', 'up')
    """
    node = yaml.ScalarNode("tag:yaml.org,2002:str", text, yaml.Mark("<pattern>", 0, 0, 0, None, None))
    words, prefix = _term_words(text, case, "<pattern>", node)
    return Term(text, words, prefix, case, 1.0, None, category, lexicon, 0)


def parse_lexicon(text: str, *, source: str = "<lexicon>", name: str | None = None) -> Lexicon:
    """Parse and validate the YAML text of one lexicon; raises ``LexiconError``."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise LexiconError(f"{source}, line {line}: not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{source}: not valid YAML: {exc}") from None
    if root is None:
        raise LexiconError(f"{source}, line 1: the lexicon is empty")
    top = _mapping(root, source, "the lexicon", LEXICON_KEYS)
    lex_name = _text(top["name"], source, "'name'") if "name" in top else (name or "lexicon")
    if "categories" not in top:
        raise _fail(source, root, "the lexicon has no 'categories'")
    cats_node = top["categories"]
    cats = _mapping(cats_node, source, "'categories'", ())
    if not cats:
        raise _fail(source, cats_node, "'categories' is empty")
    categories = []
    for cat_name, node in cats.items():
        fields = _mapping(node, source, f"category {cat_name!r}", CATEGORY_KEYS)
        for required in ("description", "terms"):
            if required not in fields:
                raise _fail(source, node, f"category {cat_name!r} has no {required!r}")
        terms_node = fields["terms"]
        if not isinstance(terms_node, yaml.SequenceNode) or not terms_node.value:
            raise _fail(source, terms_node, f"'terms' of category {cat_name!r} must be a non-empty list")
        terms: list[Term] = []
        seen: dict[tuple, int] = {}
        for tnode in terms_node.value:
            term = _term(tnode, source, cat_name, lex_name)
            key = (term.words, term.prefix, term.case)
            if key in seen:
                raise _fail(source, tnode, f"term {term.text!r} repeats line {seen[key]} in category {cat_name!r}")
            seen[key] = term.line
            terms.append(term)
        label = _text(fields["label"], source, "'label'") if "label" in fields else cat_name
        categories.append(Category(cat_name, _text(fields["description"], source, "'description'"), label, tuple(terms)))
    description = _text(top["description"], source, "'description'") if "description" in top else ""
    return Lexicon(lex_name, description, source, tuple(categories))


@lru_cache(maxsize=64)
def _load_cached(path: str, mtime: float, size: int) -> Lexicon:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read the lexicon: {exc}") from None
    return parse_lexicon(text, source=str(path), name=p.stem)


def load_lexicon(path: str | Path) -> Lexicon:
    """Read one lexicon file (cached while the file is unchanged)."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    return _load_cached(str(p), st.st_mtime, st.st_size)


def bundled_lexicons() -> list[Path]:
    """The bundled lexicon files, sorted by name."""
    if not BUNDLED_DIR.is_dir():
        raise LexiconError(f"{BUNDLED_DIR}: the bundled lexicon folder is missing")
    return sorted(BUNDLED_DIR.glob("*.yml"))


def _resolve(item: str | Path) -> list[Path]:
    p = Path(item)
    if p.exists():
        return sorted(p.glob("*.yml")) if p.is_dir() else [p]
    if str(item) in ("bundled", "default"):
        return bundled_lexicons()
    named = BUNDLED_DIR / f"{item}.yml"
    if named.is_file():
        return [named]
    raise LexiconError(f"{item}: no such lexicon file (nor a bundled lexicon of that name)")


def _unique_files(items: Sequence[str | Path]) -> list[Path]:
    files: list[Path] = []
    for item in items:
        for f in _resolve(item):
            if f.resolve() not in [g.resolve() for g in files]:
                files.append(f)
    return files


@lru_cache(maxsize=8)
def _bundled_files_at(folder: str, mtime_ns: int) -> tuple[Path, ...]:
    return tuple(_unique_files(["bundled"]))


def _bundled_files() -> tuple[Path, ...]:
    """The bundled lexicon files, resolved once per state of the folder (a file added, removed
    or renamed changes the folder's mtime; edits inside a file are caught by ``load_lexicon``)."""
    try:
        mtime_ns = BUNDLED_DIR.stat().st_mtime_ns
    except OSError:
        return tuple(_unique_files(["bundled"]))  # raises LexiconError: the folder is missing
    if Path("bundled").exists():  # a local path named "bundled" wins, as in ``_resolve``
        return tuple(_unique_files(["bundled"]))
    return _bundled_files_at(str(BUNDLED_DIR), mtime_ns)


def load_lexicons(paths: str | Path | Iterable[str | Path] | None = None) -> list[Lexicon]:
    """Load several lexicons together: files, folders of ``*.yml``, bundled names, or "bundled".

    None means every bundled lexicon (``data/lexicons/*.yml``).

    >>> sorted(lex.name for lex in load_lexicons())
    ['attribution-verbs', 'conflict-framing']
    >>> [lex.name for lex in load_lexicons(["conflict-framing"])]
    ['conflict-framing']
    """
    if paths is None:
        files = list(_bundled_files())
    else:
        files = _unique_files([paths] if isinstance(paths, (str, Path)) else list(paths))
    lexicons = [load_lexicon(f) for f in files]  # stat()s each file: an edited one is reloaded
    names: dict[str, str] = {}
    for lex in lexicons:
        if lex.name in names:
            raise LexiconError(f"{lex.source}: lexicon name {lex.name!r} is already used by {names[lex.name]}")
        names[lex.name] = lex.source
    return lexicons
