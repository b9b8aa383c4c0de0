"""Articles from saved web pages and URLs: main text and metadata extracted with trafilatura."""

from __future__ import annotations

import re
from pathlib import Path

from .article import Article, ArticleError, MIN_HTML_WORDS, _slug, article_from_text, parse_date

__all__ = ["article_from_html", "load_url"]


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
