"""Articles from records: JSON (an object or an array), JSON Lines and CSV, one article per
object or row with a ``text`` field. JSON Lines and CSV files are streamed line by line, so a
corpus file of any size is read in flat memory; a bad line or row becomes an ``ArticleError``
with its line number and the others are still read.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

from .article import Article, ArticleError, _dateline_date, _slug, decode, parse_date

__all__ = ["STREAMED", "article_from_record", "decoded_lines", "iter_csv", "iter_json", "iter_jsonl", "stream_encoding"]

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


def iter_jsonl(text: str | Iterable[str | ArticleError], path: Path) -> Iterator[Article | ArticleError]:
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


def iter_json(text: str, path: Path) -> Iterator[Article | ArticleError]:
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


def iter_csv(text: str | Iterable[str], path: Path) -> Iterator[Article | ArticleError]:
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


#: Formats read line by line (any size, memory flat), not read whole into memory.
STREAMED = (".jsonl", ".ndjson", ".csv")
_SAMPLE = 65536


def stream_encoding(path: Path) -> str | None:
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


def decoded_lines(path: Path, encoding: str) -> Iterator[str | ArticleError]:
    """The lines of a file (split on newlines only), decoded one at a time."""
    with path.open("rb") as f:
        for raw in f:
            try:
                yield raw.decode(encoding).rstrip("\r\n")
            except UnicodeDecodeError as exc:
                yield ArticleError(path, f"not valid {encoding} text (byte {exc.start} of the line)")
