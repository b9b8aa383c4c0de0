"""``reports/index.html``: one row per report (title, date, top speakers, stance, dates, link).

Everything shown comes from articles, so everything is escaped; the page loads nothing.

>>> page = index_page([{"file": "a.html", "title": "<b>T</b>", "published": "2022-02-24",
...                     "top_speakers": [["Jane Roe", 2]], "top_categories": ["conflict"],
...                     "date_range": ["2022-02-10", "2022-02-24"]}], [("bad.txt", "empty article")])
>>> "&lt;b&gt;T&lt;/b&gt;" in page, 'href="a.html"' in page, "bad.txt" in page, "<script" in page
(True, True, True, False)
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any, Iterable, Sequence

__all__ = ["index_page", "SUMMARY_MIME"]

#: Mime type of the (invisible) output through which the notebook hands its summary to the index.
SUMMARY_MIME = "application/vnd.presslens.summary+json"

esc = html.escape

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f3f6}
td.failed{color:#8a1c1c}
td:nth-child(2),td:nth-child(5){white-space:nowrap}
.muted{color:#6e7781}
"""

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<title>presslens reports</title><style>{style}</style></head><body>
<h1>presslens reports</h1>
<p class="muted">{summary} Generated {when}.</p>
{body}
</body></html>
"""


def _join(items: Iterable[Any] | None, fmt=str) -> str:
    if items is None:
        return '<span class="muted">n/a</span>'
    parts = [esc(fmt(x)) for x in items]
    return ", ".join(parts) if parts else '<span class="muted">none</span>'


def _speaker(x: Any) -> str:
    return f"{x[0]} ({x[1]})" if isinstance(x, (list, tuple)) and len(x) == 2 else str(x)


def _range(r: Any) -> str:
    if not r:
        return '<span class="muted">none</span>'
    lo, hi = r
    return esc(lo) if lo == hi else f"{esc(lo)} &ndash; {esc(hi)}"


def index_page(entries: Sequence[dict[str, Any]], failures: Sequence[tuple[str, str]]) -> str:
    """The index page for rendered ``entries`` (summaries plus ``file``) and ``failures``."""
    rows = []
    for e in entries:
        link = f'<a href="{esc(e["file"], quote=True)}">{esc(str(e.get("title") or e["file"]))}</a>'
        rows.append(
            f"<tr><td>{link}</td><td>{esc(str(e.get('published') or 'unknown'))}</td>"
            f"<td>{_join(e.get('top_speakers'), _speaker)}</td><td>{_join(e.get('top_categories'))}</td>"
            f"<td>{_range(e.get('date_range'))}</td><td>{esc(str(e.get('quotes', '')) if e.get('quotes') is not None else '')}</td></tr>"
        )
    body = ""
    if rows:
        body += ("<table><thead><tr><th>Report</th><th>Published</th><th>Top speakers (quotes)</th>"
                 "<th>Dominant stance categories</th><th>Dates in the timeline</th><th>Quotes</th></tr></thead>"
                 "<tbody>" + "".join(rows) + "</tbody></table>")
    else:
        body += "<p>No report could be rendered.</p>"
    if failures:
        body += ("<h2>Failed</h2><table><thead><tr><th>Input</th><th>Reason</th></tr></thead><tbody>"
                 + "".join(f'<tr><td>{esc(w)}</td><td class="failed">{esc(r)}</td></tr>' for w, r in failures)
                 + "</tbody></table>")
    summary = f"{len(entries)} report{'s' if len(entries) != 1 else ''}"
    summary += f", {len(failures)} failed." if failures else "."
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
    return _PAGE.format(style=_STYLE, summary=esc(summary), when=esc(when), body=body)
