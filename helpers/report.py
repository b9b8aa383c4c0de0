"""HTML reports for articles (a minimal static page per article plus an index).

The notebook-based report (``notebooks/report.ipynb`` run with papermill) replaces the page body
when it lands; the command line, output layout and error handling stay as they are here.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from .article import ArticleError, iter_articles

__all__ = ["render_reports", "write_atomic"]


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}}</style>
</head><body>
{body}
</body></html>
"""


def _article_page(result) -> str:
    art = result.article
    esc = html.escape
    rows = "".join(
        f"<tr><td>{r.sentence}</td><td>{r.paragraph}</td><td>{esc(r.kind)}</td><td>{esc(r.text)}</td></tr>"
        for r in result.sentences.itertuples()
    )
    body = (
        f"<h1>{esc(art.title)}</h1>"
        f"<p>Published: {esc(str(result.published or 'unknown'))} &middot; Source: {esc(art.source or 'unknown')}"
        f" &middot; {result.word_count} words</p>"
        f"<h2>Sentences</h2><table><tr><th>#</th><th>paragraph</th><th>kind</th><th>text</th></tr>{rows}</table>"
    )
    return _PAGE.format(title=esc(art.title), body=body)


def render_reports(
    paths: Sequence[str],
    *,
    output: str | Path = "reports",
    published: dt.date | None = None,
    lexicon: Sequence[str] | None = None,
    with_code: bool = False,
) -> int:
    """Render one HTML report per article and ``index.html``; returns the exit status."""
    from .analysis import analyze

    out = Path(output)
    entries: list[tuple[str, str, str]] = []  # (link or "", title, status)
    failed = 0
    for item in iter_articles(paths):
        if isinstance(item, ArticleError):
            print(f"presslens: error: {item}", file=sys.stderr)
            entries.append(("", str(item.path), f"failed: {item.reason}"))
            failed += 1
            continue
        try:
            result = analyze(item, lexicon=lexicon, published=published)
            name = f"{item.id}.html"
            write_atomic(out / name, _article_page(result))
        except Exception as exc:
            msg = f"{item.path or item.id}: report failed: {type(exc).__name__}: {exc}"
            print(f"presslens: error: {msg}", file=sys.stderr)
            entries.append(("", item.title, f"failed: {exc}"))
            failed += 1
            continue
        entries.append((name, item.title, str(result.published or "")))
    esc = html.escape
    rows = "".join(
        f"<tr><td>{f'<a href={esc(link)!r}>{esc(title)}</a>' if link else esc(title)}</td><td>{esc(status)}</td></tr>"
        for link, title, status in entries
    )
    index = out / "index.html"
    write_atomic(index, _PAGE.format(title="presslens reports",
                                     body=f"<h1>presslens reports</h1><table>{rows}</table>"))
    print(index)
    return 1 if failed or not entries else 0
