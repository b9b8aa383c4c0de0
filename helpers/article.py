"""Load news articles from text, Markdown, HTML, JSON Lines, CSV, folders and URLs.

``load`` reads one article; ``iter_articles`` streams many, yielding an ``ArticleError`` in place
of each input (file, line or row) that could not be read, so one bad input never loses the rest.

>>> a = article_from_text("Talks resume\\nMINSK, Feb 24, 2022 (Reuters) - Talks resumed.", id="x")
>>> a.title, a.published
('Talks resume', datetime.date(2022, 2, 24))
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

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

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"]
    )
    for m in names.split()
}


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
        month = next((_MONTHS[p.lower()] for p in parts if p.lower() in _MONTHS), None)
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
# HTML and URLs


def article_from_html(html: str, *, id: str, path: str | Path | None = None, url: str | None = None) -> Article:
    """Extract the main text and metadata of a web page with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(re.findall(r"\w+", text)) < MIN_HTML_WORDS:
        raise ArticleError(path or url, "no main text found in the HTML page")
    title = (getattr(doc, "title", None) or "").strip()
    published = None
    if getattr(doc, "date", None):
        try:
            published = parse_date(str(doc.date)[:10])
        except ValueError:
            published = None
    body = f"{title}\n{text}" if title else text
    meta = {k: getattr(doc, k, None) for k in ("author", "sitename", "description") if getattr(doc, k, None)}
    art = article_from_text(body, id=id, path=path, meta=meta)
    art.source = getattr(doc, "sitename", None) or getattr(doc, "hostname", None)
    art.url = url or getattr(doc, "url", None)
    if published is not None:
        art.published = published
        art.meta["published_from"] = "metadata"
    return art


def _fetch_config():
    """trafilatura's settings with its SSRF guard off: presslens is a local tool fetching the URL
    its own user typed (an intranet page or a local server included), not a service fetching
    URLs for others."""
    from copy import deepcopy

    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config.set("DEFAULT", "SSRF_PROTECTION", "False")
    return config


def load_url(url: str) -> Article:
    """Fetch a web page with trafilatura and extract its article."""
    import trafilatura

    html = trafilatura.fetch_url(url, config=_fetch_config())
    if not html:
        raise ArticleError(url, "could not fetch the page")
    return article_from_html(html, id=_slug(url.split("://", 1)[-1].rstrip("/").rsplit("/", 1)[-1]), url=url)


# --------------------------------------------------------------------------------------------
# records (JSON, JSON Lines, CSV)

_RECORD_FIELDS = {"id", "title", "text", "published", "source", "url", "author"}


def article_from_record(rec: dict[str, Any], *, id: str, path: str | Path, line: int | None) -> Article:
    """One article from a JSON object or CSV row with a ``text`` field."""
    if not isinstance(rec, dict):
        raise ArticleError(path, "expected a JSON object with a 'text' field", line=line)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(path, "missing or empty 'text'", line=line)
    published = rec.get("published") or rec.get("date") or None
    if published is not None:
        try:
            published = parse_date(published)
        except ValueError as exc:
            raise ArticleError(path, str(exc), line=line) from None
    title = str(rec.get("title") or text.strip().split("\n", 1)[0]).strip()
    meta = {k: v for k, v in rec.items() if k not in _RECORD_FIELDS and k != "date"}
    if rec.get("author"):
        meta["author"] = rec["author"]
    if line is not None:
        meta["line"] = line
    art = Article(
        id=str(rec.get("id") or id),
        title=title,
        text=text,
        published=published,
        source=(str(rec["source"]) if rec.get("source") else None),
        url=(str(rec["url"]) if rec.get("url") else None),
        path=str(path),
        meta=meta,
    )
    if published is None:
        art.published, raw = _dateline_date(text, art.url)
        if raw:
            art.meta["dateline"] = raw
    return art


def _iter_jsonl(text: str | Iterable[str | ArticleError], path: Path) -> Iterator[Article | ArticleError]:
    stem = _slug(path.stem)
    lines = text.splitlines() if isinstance(text, str) else text
    for n, line in enumerate(lines, start=1):
        if isinstance(line, ArticleError):  # a line that could not be decoded (streamed files)
            line.line = n
            yield line
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ArticleError(path, f"invalid JSON ({exc.msg} at column {exc.colno})", line=n)
            continue
        try:
            yield article_from_record(rec, id=f"{stem}-{n}", path=path, line=n)
        except ArticleError as exc:
            yield exc


def _iter_json(text: str, path: Path) -> Iterator[Article | ArticleError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ArticleError(path, f"invalid JSON ({exc.msg} at column {exc.colno})", line=exc.lineno)
        return
    records = data if isinstance(data, list) else [data]
    stem = _slug(path.stem)
    for n, rec in enumerate(records):
        try:
            yield article_from_record(rec, id=stem if len(records) == 1 else f"{stem}-{n + 1}", path=path, line=None)
        except ArticleError as exc:
            exc.reason = f"record {n + 1}: {exc.reason}" if len(records) > 1 else exc.reason
            yield exc


def _iter_csv(text: str | Iterable[str], path: Path) -> Iterator[Article | ArticleError]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline="") if isinstance(text, str) else text)
    try:
        reader.fieldnames
    except UnicodeDecodeError as exc:
        yield ArticleError(path, f"not valid text in the detected encoding ({exc.reason})", line=1)
        return
    if reader.fieldnames is None or "text" not in [f.strip() for f in reader.fieldnames]:
        yield ArticleError(path, f"no 'text' column (columns: {', '.join(reader.fieldnames or [])})", line=1)
        return
    stem = _slug(path.stem)
    try:
        for row in reader:
            line = reader.line_num
            row = {(k or "").strip(): v for k, v in row.items() if k is not None}
            try:
                yield article_from_record(row, id=f"{stem}-{line}", path=path, line=line)
            except ArticleError as exc:
                yield exc
    except csv.Error as exc:
        yield ArticleError(path, f"malformed CSV: {exc}", line=reader.line_num)
    except UnicodeDecodeError as exc:
        yield ArticleError(path, f"not valid text in the detected encoding ({exc.reason})", line=reader.line_num + 1)


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


#: Formats read line by line (any size, memory flat), not read whole into memory.
STREAMED = (".jsonl", ".ndjson", ".csv")
_SAMPLE = 65536


def _stream_encoding(path: Path) -> str | None:
    """Check a JSON Lines/CSV file from its first 64 KiB; its encoding, or None to read it whole
    (UTF-16). Raises ``ArticleError`` with the same messages as ``_read``."""
    if not path.exists():
        raise ArticleError(path, "broken symbolic link" if path.is_symlink() else "no such file or folder")
    if path.is_dir():
        raise ArticleError(path, "is a folder")
    try:
        with path.open("rb") as f:
            sample = f.read(_SAMPLE)
            more = bool(f.read(1))
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except OSError as exc:
        raise ArticleError(path, f"cannot read: {exc.strerror or exc}") from None
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    if not sample.strip() and not more:
        raise ArticleError(path, "empty file")
    if b"\x00" in sample:
        raise ArticleError(path, "binary file (contains NUL bytes), not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=not more)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    _text, enc = decode(sample, path)  # warns, or raises when no encoding fits
    return enc


def _decoded_lines(path: Path, encoding: str) -> Iterator[str | ArticleError]:
    """The lines of a file (split on newlines only), decoded one at a time."""
    with path.open("rb") as f:
        for raw in f:
            try:
                yield raw.decode(encoding).rstrip("\r\n")
            except UnicodeDecodeError as exc:
                yield ArticleError(path, f"not valid {encoding} text (byte {exc.start} of the line)")


def _iter_file(path: Path) -> Iterator[Article | ArticleError]:
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        yield ArticleError(path, f"unsupported file type {ext or '(none)'!r}; expected one of {', '.join(SUPPORTED)}")
        return
    if ext in STREAMED:
        try:
            encoding = _stream_encoding(path)
        except ArticleError as exc:
            yield exc
            return
        if encoding is not None:
            if ext == ".csv":
                with path.open(encoding=encoding, newline="") as f:
                    yield from _iter_csv(f, path)
            else:
                yield from _iter_jsonl(_decoded_lines(path, encoding), path)
            return
    try:
        text = _read(path)
    except ArticleError as exc:
        yield exc
        return
    if ext in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(text, path)
    elif ext == ".json":
        yield from _iter_json(text, path)
    elif ext == ".csv":
        yield from _iter_csv(text, path)
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
