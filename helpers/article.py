"""Load news articles from text, Markdown, HTML, JSON Lines, CSV, folders and URLs.

``load`` reads one article; ``iter_articles`` streams many, yielding an ``ArticleError`` in place
of each input (file, line or row) that could not be read, so one bad input never loses the rest.

>>> a = article_from_text("Talks resume\\nMINSK, Feb 24, 2022 (Reuters) - Talks resumed.", id="x")
>>> a.title, a.published
('Talks resume', datetime.date(2022, 2, 24))
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from .timex_values import MONTHS

__all__ = [
    "Article",
    "ArticleError",
    "LoadWarning",
    "SUPPORTED",
    "load",
    "load_many",
    "iter_articles",
    "article_from_text",
    "parse_date",
]

#: File extensions presslens reads.
SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".csv")
FRONT_MATTER_KEYS = {"title", "published", "source", "url", "author", "id"}
#: Fewer words than this in a page's extracted main text means it has none (menus, cookie banners).
MIN_HTML_WORDS = 8
#: Files larger than this are refused with a clear message rather than read into memory.
MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Article:
    """One news article. ``text`` is what every span points into."""

    id: str
    title: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


class ArticleError(Exception):
    """An input that could not be loaded; names the file and, where it applies, the line."""

    def __init__(self, path: str | Path | None, reason: str, *, line: int | None = None) -> None:
        self.path = None if path is None else str(path)
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.reason}"


class LoadWarning(UserWarning):
    """Something odd but recoverable about an input (e.g. a non-UTF-8 encoding)."""


# --------------------------------------------------------------------------------------------
# dates

def parse_date(value: Any) -> dt.date:
    """Parse a publication date: a ``date``, ``datetime`` or an ISO string (``YYYY-MM-DD`` or a
    full timestamp). Raises ``ValueError`` with the offending value otherwise.

    >>> parse_date("2022-02-24T10:00:00Z")
    datetime.date(2022, 2, 24)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", s)
    if not m:
        raise ValueError(f"published date {s!r} is not YYYY-MM-DD")
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def _dateline_date(text: str, url: str | None) -> tuple[dt.date | None, str | None]:
    """The date in a wire dateline at the start of the body ("MOSCOW, Feb 24 (Reuters) -")."""
    from .text import DATELINE  # local: text imports this module

    for line in text.splitlines()[:4]:
        m = DATELINE.match(line.strip())
        if not m or not m.group("date"):
            continue
        raw = m.group("date")
        parts = re.findall(r"[A-Za-z]+|\d+", raw)
        month = next((MONTHS[p.lower()] for p in parts if p.lower() in MONTHS), None)
        nums = [int(p) for p in parts if p.isdigit()]
        day = next((n for n in nums if n <= 31), None)
        year = next((n for n in nums if n > 31), None)
        if year is None:
            year = _year_hint(text, url)
        if month and day and year:
            try:
                return dt.date(year, month, day), raw
            except ValueError:
                return None, raw
        return None, raw
    return None, None


def _year_hint(text: str, url: str | None) -> int | None:
    """A year for a dateline that lacks one: from the URL path, else the only year the text names."""
    if url:
        m = re.search(r"/((?:19|20)\d{2})/\d{1,2}/", url)
        if m:
            return int(m[1])
    years = set(re.findall(r"\b((?:19|20)\d{2})\b", text))
    return int(years.pop()) if len(years) == 1 else None


# --------------------------------------------------------------------------------------------
# decoding


def decode(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (with or without BOM), else a detected encoding with a warning.

    Raises ``ArticleError`` for binary data (NUL bytes) and undecodable bytes.
    """
    if b"\x00" in data[:65536] or (len(data) > 65536 and b"\x00" in data):
        if not (data.startswith((b"\xff\xfe", b"\xfe\xff"))):
            raise ArticleError(path, "binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ArticleError(path, f"not valid UTF-8 (byte {bad_at}) and no other encoding fits")
    enc = best.encoding
    warnings.warn(
        f"{path or '<input>'}: not valid UTF-8 (byte {bad_at}); decoded as {enc}",
        LoadWarning,
        stacklevel=3,
    )
    return str(best), enc


# --------------------------------------------------------------------------------------------
# text and Markdown

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def _slug(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", s).strip("-") or "article"


def article_from_text(
    content: str,
    *,
    id: str,
    path: str | Path | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """Build an Article from a text/Markdown document (optional YAML front matter, title line).

    Without front matter, ``Article.text`` is exactly ``content``.
    """
    meta = dict(meta or {})
    fields: dict[str, Any] = {}
    body = content
    fm = _FRONT.match(content)
    if fm:
        fields = _front_matter(fm.group(1), path)
        body = content[fm.end():]
    if not body.strip():
        raise ArticleError(path, "empty article (no text)" if not fm else "no text after the front matter")
    first_line = body.lstrip().split("\n", 1)[0].strip()
    title = str(fields.pop("title", "") or re.sub(r"^#+\s*", "", first_line)).strip()
    published = fields.pop("published", None)
    url = fields.pop("url", None)
    source = fields.pop("source", None)
    art_id = str(fields.pop("id", None) or id)
    meta.update(fields)
    if published is None:
        published, raw = _dateline_date(body, url)
        if raw:
            meta["dateline"] = raw
        if published is not None:
            meta["published_from"] = "dateline"
    else:
        meta["published_from"] = "metadata"
    return Article(
        id=art_id,
        title=title,
        text=body,
        published=published,
        source=source,
        url=url,
        path=None if path is None else str(path),
        meta=meta,
    )


def _front_matter(block: str, path: str | Path | None) -> dict[str, Any]:
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for the '---'
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(path, f"malformed front matter: {problem}", line=line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError(path, "malformed front matter: expected 'key: value' lines", line=2)
    lines = block.splitlines()
    out: dict[str, Any] = {}
    for key, value in data.items():
        line = next((i + 2 for i, ln in enumerate(lines) if ln.startswith(f"{key}:")), None)
        if key == "published" and value is not None:
            try:
                value = parse_date(value)
            except ValueError as exc:
                raise ArticleError(path, f"front matter: {exc}", line=line) from None
        elif key in FRONT_MATTER_KEYS and value is not None and not isinstance(value, (str, int, float)):
            raise ArticleError(path, f"front matter: {key!r} must be a single value", line=line)
        elif key in FRONT_MATTER_KEYS and value is not None:
            value = str(value)
        out[str(key)] = value
    return out


# --------------------------------------------------------------------------------------------
# files, folders, URLs


def _read(path: Path) -> str:
    if not path.exists():
        raise ArticleError(path, "broken symbolic link" if path.is_symlink() else "no such file or folder")
    if path.is_dir():
        raise ArticleError(path, "is a folder")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(path, f"file too large ({size / 2**20:.0f} MB; limit {MAX_BYTES / 2**20:.0f} MB)")
        data = path.read_bytes()
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except OSError as exc:
        raise ArticleError(path, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise ArticleError(path, "empty file")
    text, enc = decode(data, path)
    if not text.strip():
        raise ArticleError(path, "empty file (only white space)")
    return text


def _iter_file(path: Path) -> Iterator[Article | ArticleError]:
    from .records import STREAMED, decoded_lines, iter_csv, iter_json, iter_jsonl, stream_encoding
    from .webpage import article_from_html

    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        yield ArticleError(path, f"unsupported file type {ext or '(none)'!r}; expected one of {', '.join(SUPPORTED)}")
        return
    if ext in STREAMED:
        try:
            encoding = stream_encoding(path)
        except ArticleError as exc:
            yield exc
            return
        if encoding is not None:
            if ext == ".csv":
                with path.open(encoding=encoding, newline="") as f:
                    yield from iter_csv(f, path)
            else:
                yield from iter_jsonl(decoded_lines(path, encoding), path)
            return
    try:
        text = _read(path)
    except ArticleError as exc:
        yield exc
        return
    if ext in (".jsonl", ".ndjson"):
        yield from iter_jsonl(text, path)
    elif ext == ".json":
        yield from iter_json(text, path)
    elif ext == ".csv":
        yield from iter_csv(text, path)
    else:
        try:
            if ext in (".html", ".htm"):
                yield article_from_html(text, id=_slug(path.stem), path=path)
            else:
                yield article_from_text(text, id=_slug(path.stem), path=path)
        except ArticleError as exc:
            yield exc
        except Exception as exc:  # a parser failing on odd input must not lose the other files
            yield ArticleError(path, f"could not be read: {type(exc).__name__}: {exc}")


def iter_articles(inputs: str | Path | Iterable[str | Path]) -> Iterator[Article | ArticleError]:
    """Stream articles from files, folders (every supported file, sorted) and URLs.

    Yields an ``ArticleError`` for each input, line or row that fails; never raises for bad input.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:
        s = str(item)
        if re.match(r"^https?://", s):
            from .webpage import load_url

            try:
                yield load_url(s)
            except ArticleError as exc:
                yield exc
            except Exception as exc:
                yield ArticleError(s, f"could not be fetched: {type(exc).__name__}: {exc}")
            continue
        path = Path(s)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if (p.is_file() or (p.is_symlink() and not p.exists())) and not p.name.startswith("."))
            if not files:
                yield ArticleError(path, "folder holds no files")
            for f in files:
                if f.suffix.lower() in SUPPORTED:
                    yield from _iter_file(f)
                elif f.suffix.lower() not in (".ipynb", ".yml", ".yaml", ".ann"):
                    yield ArticleError(f, f"unsupported file type {f.suffix or '(none)'!r}, skipped")
        else:
            yield from _iter_file(path)


def load_many(inputs: str | Path | Iterable[str | Path]) -> tuple[list[Article], list[ArticleError]]:
    """Load every article from ``inputs``; returns ``(articles, errors)``."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for item in iter_articles(inputs):
        (errors if isinstance(item, ArticleError) else articles).append(item)
    return articles, errors


def load(source: str | Path) -> Article:
    """Load the one article in a file or at a URL; raises ``ArticleError`` when it cannot.

    >>> load("no/such/file.txt")
    Traceback (most recent call last):
    ...
    helpers.article.ArticleError: no/such/file.txt: no such file or folder
    """
    found = list(iter_articles([source]))
    articles = [a for a in found if isinstance(a, Article)]
    errors = [e for e in found if isinstance(e, ArticleError)]
    if len(articles) == 1 and not errors:
        return articles[0]
    if errors and not articles:
        raise errors[0]
    if errors:
        raise ArticleError(source, f"{len(errors)} of {len(found)} records failed; first: {errors[0]}")
    if not articles:
        raise ArticleError(source, "no articles found")
    raise ArticleError(source, f"holds {len(articles)} articles; use load_many() for several")
