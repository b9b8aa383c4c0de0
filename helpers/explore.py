"""Plain functions behind the notebooks' widgets: article files, text views, words, quotes.

Every function here takes data (an ``Analysis``, a DataFrame, bytes) and returns data or an HTML
string; none touches ipywidgets, so tests call them directly and ``helpers.widgets`` wires them to
controls. Article text is untrusted input: every piece of it that goes into HTML is escaped.

>>> from helpers.analysis import analyze
>>> from helpers.article import article_from_text
>>> a = analyze(article_from_text("Talks\\nThe talks in Minsk resumed. The talks in Minsk ended.", id="x"))
>>> top_words(a, n=2).to_dict("records")
[{'word': 'talks', 'count': 2}, {'word': 'minsk', 'count': 2}]
>>> b = analyze(article_from_text("Note\\n<script>alert(1)</script> was in the text.", id="s"))
>>> "<script>" in paragraphs_html(b), "&lt;script&gt;" in paragraphs_html(b)
(False, True)
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Callable, NamedTuple

import pandas as pd

from .analysis import Analysis
from .article import SUPPORTED, ArticleError, load
from .timeline import COLUMNS as TIMELINE_COLUMNS  # the columns used when the timeline step has not run
from .text import word_list
from .timeline import value_span

__all__ = [
    "TIMELINE_COLUMNS",
    "SaveResult",
    "list_articles",
    "safe_filename",
    "save_article",
    "fetch_article",
    "article_info",
    "paragraphs_html",
    "token_counts",
    "stopwords",
    "content_words",
    "top_words",
    "collocations",
    "QUOTE_COLUMNS",
    "table_or_empty",
    "filter_quotes",
    "quotes_html",
]

#: Article file types the upload box accepts (the loader reads them all).
UPLOAD_TYPES = SUPPORTED
_ESC = html.escape


class SaveResult(NamedTuple):
    """What became of an uploaded or fetched article: ``saved`` is False when nothing was written."""

    path: Path
    saved: bool
    message: str


# --------------------------------------------------------------------------------------------
# article files


def list_articles(folder: str | Path) -> list[Path]:
    """The article files in ``folder`` (supported types, hidden files left out), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED)


def safe_filename(name: str, *, default_suffix: str = ".txt") -> str:
    """A file name that stays inside its folder: no directories, no odd characters.

    >>> safe_filename("../../etc/passwd"), safe_filename("My article (1).TXT"), safe_filename("x.exe")
    ('passwd.txt', 'My-article-1.txt', 'x.exe.txt')
    """
    base = Path(name.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    if suffix.lower() not in SUPPORTED:
        stem, suffix = base, default_suffix
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "article"
    return f"{stem}{suffix.lower()}"


def save_article(content: bytes | str, name: str, folder: str | Path, *, overwrite: bool = False) -> SaveResult:
    """Save an uploaded article into ``folder`` after checking that presslens can read it.

    Refuses (``saved=False``) when the file exists and ``overwrite`` is False, and when the
    content is not a readable article; the folder is left as it was in both cases.
    """
    folder = Path(folder)
    target = folder / safe_filename(name)
    if target.exists() and not overwrite:
        return SaveResult(target, False, f"{target.name} already exists; tick 'overwrite' to replace it")
    data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / target.name
        probe.write_bytes(data)
        try:
            art = load(probe)
        except ArticleError as exc:
            return SaveResult(target, False, f"not saved: {exc.reason}")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp_name, target)
    return SaveResult(target, True, f"saved {target.name}: {art.title!r}")


def _fetch(url: str) -> str:
    import trafilatura

    page = trafilatura.fetch_url(url)
    if not page:
        raise ArticleError(url, "could not fetch the page")
    return page


def fetch_article(url: str, folder: str | Path, *, overwrite: bool = False,
                  fetch: Callable[[str], str] | None = None) -> SaveResult:
    """Fetch a web page and save it (the raw HTML, as the input) into ``folder``.

    ``fetch`` (url -> HTML) defaults to trafilatura's downloader; network errors become a message.
    """
    url = url.strip()
    if not re.match(r"^https?://\S+$", url):
        return SaveResult(Path(folder), False, f"not an http(s) URL: {url!r}")
    slug = url.split("://", 1)[1].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    name = safe_filename(re.sub(r"\.[A-Za-z0-9]+$", "", slug) + ".html")
    target = Path(folder) / name
    if target.exists() and not overwrite:
        return SaveResult(target, False, f"{target.name} already exists; tick 'overwrite' to replace it")
    try:
        page = (fetch or _fetch)(url)
    except Exception as exc:  # network, TLS, HTTP errors: say so, never crash the widget
        return SaveResult(target, False, f"not saved: could not fetch {url}: {exc}")
    return save_article(page, name, folder, overwrite=overwrite)


# --------------------------------------------------------------------------------------------
# the text


def article_info(analysis: Analysis) -> pd.DataFrame:
    """One row per metadata field: id, title, published (and where from), source, url, path, words."""
    art = analysis.article
    published = analysis.published
    origin = art.meta.get("published_from") if published == art.published else "override"
    rows = [("id", art.id), ("title", art.title),
            ("published", f"{published} ({origin})" if published else "unknown (relative dates stay unresolved)"),
            ("source", art.source), ("url", art.url), ("path", art.path), ("words", analysis.word_count)]
    return pd.DataFrame([(k, "—" if v is None else str(v)) for k, v in rows], columns=["field", "value"])


def paragraphs_html(analysis: Analysis, *, show_boilerplate: bool = True) -> str:
    """The article as HTML: numbered paragraphs, each sentence prefixed with its number.

    Boilerplate paragraphs (title, dateline, headings, "Read more" lines) are greyed and labelled.
    """
    doc = analysis.doc
    parts = ['<div class="presslens-text">']
    for p in doc.paragraphs:
        if p.boilerplate and not show_boilerplate:
            continue
        style = "color:#777;font-style:italic" if p.boilerplate else ""
        label = f' <small>[{_ESC(p.kind)}]</small>' if p.boilerplate else ""
        sents = "".join(
            f'<sup style="color:#2166ac">{s.i}</sup>{_ESC(doc.text[s.start:s.end])} '
            for s in doc.sentences[p.first_sentence:p.end_sentence]
        ) or _ESC(doc.text[p.start:p.end])
        parts.append(f'<p style="{style}"><b>¶{p.i}</b>{label} {sents}</p>')
    parts.append("</div>")
    return "".join(parts)


def token_counts(analysis: Analysis) -> pd.DataFrame:
    """Counts of paragraphs (body and boilerplate), sentences, tokens, words and content words."""
    doc = analysis.doc
    words = [t.text.lower() for t in doc.tokens if re.search(r"\w", t.text)]
    content = content_words(analysis)
    rows = [
        ("paragraphs", len(doc.paragraphs)),
        ("boilerplate paragraphs", sum(p.boilerplate for p in doc.paragraphs)),
        ("sentences", len(doc.sentences)),
        ("tokens", len(doc.tokens)),
        ("words", len(words)),
        ("distinct words", len(set(words))),
        ("content words", len(content)),
    ]
    return pd.DataFrame(rows, columns=["measure", "count"])


def stopwords() -> frozenset[str]:
    """The English stopword list shipped in ``helpers/data/stopwords.txt`` (lower case).

    >>> "the" in stopwords(), "ukraine" in stopwords()
    (True, False)
    """
    return word_list("stopwords.txt")


def content_words(analysis: Analysis, *, include_boilerplate: bool = False) -> list[str]:
    """Lower-cased body words that contain a letter and are not stopwords, in text order."""
    stop = stopwords()
    skip = {p.i for p in analysis.doc.paragraphs if p.boilerplate and not include_boilerplate}
    out = []
    for t in analysis.doc.tokens:
        w = t.text.lower().replace("\u2019", "'")
        if t.paragraph in skip or w in stop or not re.search(r"[^\W\d_]", w):
            continue
        out.append(w)
    return out


def top_words(analysis: Analysis, *, n: int = 20, include_boilerplate: bool = False) -> pd.DataFrame:
    """The ``n`` most frequent content words (ties in order of first appearance)."""
    counts = Counter(content_words(analysis, include_boilerplate=include_boilerplate))
    return pd.DataFrame(counts.most_common(n), columns=["word", "count"])


_MEASURES = ("likelihood_ratio", "pmi", "chi_sq", "student_t", "raw_freq")


def collocations(analysis: Analysis, *, n: int = 10, size: int = 2, measure: str = "likelihood_ratio",
                 min_freq: int = 2) -> pd.DataFrame:
    """Word pairs (``size=2``) or triples (``size=3``) that occur together more than chance.

    Uses NLTK's collocation finders over the body's words (no stopwords, no punctuation, within
    sentences) and one of its association measures; columns ``ngram``, ``count``, ``score``.
    """
    from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder,
                                   TrigramAssocMeasures, TrigramCollocationFinder)

    if size not in (2, 3):
        raise ValueError(f"size must be 2 or 3, not {size!r}")
    if measure not in _MEASURES:
        raise ValueError(f"measure must be one of {', '.join(_MEASURES)}")
    stop = stopwords()
    skip = {p.i for p in analysis.doc.paragraphs if p.boilerplate}
    words: list[str] = []
    last_sentence = None
    for t in analysis.doc.tokens:  # a None between sentences keeps n-grams inside one sentence
        if t.paragraph in skip:
            continue
        if last_sentence is not None and t.sentence != last_sentence:
            words.append(None)  # type: ignore[arg-type]
        last_sentence = t.sentence
        w = t.text.lower()
        words.append(w if re.search(r"[^\W\d_]", w) and w not in stop else None)  # type: ignore[arg-type]
    finder_cls, measures = ((BigramCollocationFinder, BigramAssocMeasures()) if size == 2
                            else (TrigramCollocationFinder, TrigramAssocMeasures()))
    finder = finder_cls.from_words(words)
    finder.apply_ngram_filter(lambda *ws: any(w is None for w in ws))
    finder.apply_freq_filter(min_freq)
    scored = finder.score_ngrams(getattr(measures, measure))[:n]
    return pd.DataFrame(
        [(" ".join(g), finder.ngram_fd[g], round(s, 3)) for g, s in scored],
        columns=["ngram", "count", "score"],
    )


# --------------------------------------------------------------------------------------------
# quotes

#: The quotes table's columns (team contract), used when the quotes step has not run.
QUOTE_COLUMNS = ["article", "kind", "text", "start", "end", "cue", "cue_start", "cue_end", "speaker",
                 "mention", "mention_start", "mention_end", "paragraph", "sentence", "nested_in", "flag",
                 "resolution"]


def table_or_empty(analysis: Analysis, name: str, columns: list[str]) -> pd.DataFrame:
    """``analysis.tables[name]``, or an empty table with ``columns`` when that step did not run."""
    table = analysis.tables.get(name)
    return table if table is not None else pd.DataFrame(columns=columns)


def filter_quotes(quotes: pd.DataFrame, *, speaker: str | None = None, kind: str | None = None) -> pd.DataFrame:
    """The quotes by ``speaker`` (canonical name; ``"(unattributed)"`` for none) and of ``kind``.

    None (or ``"all"``) means no filter on that column.
    """
    keep = pd.Series(True, index=quotes.index)
    if speaker not in (None, "all", "(all)"):
        who = quotes["speaker"]
        keep &= who.isna() if speaker == "(unattributed)" else (who == speaker)
    if kind not in (None, "all", "(all)"):
        keep &= quotes["kind"] == kind
    return quotes[keep]


def _marked(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> str:
    """Escaped ``text[start:end]`` with ``<mark>`` around each (s, e, css-style) range."""
    out, pos = [], start
    for s, e, style in sorted(m for m in marks if m[0] < end and m[1] > start and m[0] >= pos):
        s, e = max(s, pos), min(e, end)
        out.append(_ESC(text[pos:s]))
        out.append(f'<mark style="{style}">{_ESC(text[s:e])}</mark>')
        pos = e
    out.append(_ESC(text[pos:end]))
    return "".join(out)


def _missing(v: object) -> bool:
    """None, NaN, NaT or pd.NA (nullable integer columns hold pd.NA)."""
    return v is None or (pd.api.types.is_scalar(v) and bool(pd.isna(v)))


def _value(v: object) -> str:
    return "—" if _missing(v) else str(v)


def quotes_html(analysis: Analysis, quotes: pd.DataFrame, *, limit: int = 200) -> str:
    """Each quote highlighted (``<mark>``) in its paragraph, with its kind, speaker, cue and how the
    speaker was resolved. Everything from the article is escaped."""
    text, paragraphs = analysis.article.text, analysis.doc.paragraphs
    if quotes.empty:
        return '<div class="presslens-quotes"><p><i>No quotes match.</i></p></div>'
    items = []
    for i, q in enumerate(quotes.head(limit).itertuples(index=False)):
        start, end = int(q.start), int(q.end)
        para = (paragraphs[int(q.paragraph)]
                if not _missing(q.paragraph) and 0 <= int(q.paragraph) < len(paragraphs) else None)
        p0, p1 = (para.start, para.end) if para else (start, end)
        p0, p1 = min(p0, start), max(p1, end)
        marks = [(start, end, "background:#fde68a")]
        if not _missing(q.cue_start) and not _missing(q.cue_end):
            marks.append((int(q.cue_start), int(q.cue_end), "background:#c7d2fe"))
        if not _missing(getattr(q, "mention_start", None)) and not _missing(getattr(q, "mention_end", None)):
            marks.append((int(q.mention_start), int(q.mention_end), "background:#bbf7d0"))
        meta = (f"<b>{_ESC(_value(q.speaker))}</b> · {_ESC(_value(q.kind))} · cue: <i>{_ESC(_value(q.cue))}</i>"
                f" · resolved by: {_ESC(_value(getattr(q, 'resolution', None)))}"
                + (f" · flag: {_ESC(_value(q.flag))}" if _value(getattr(q, 'flag', None)) != "—" else ""))
        items.append(f'<li class="presslens-quote"><div>{meta} · ¶{_ESC(_value(q.paragraph))}</div>'
                     f'<div>{_marked(text, p0, p1, marks)}</div></li>')
    more = f"<p><i>… and {len(quotes) - limit} more</i></p>" if len(quotes) > limit else ""
    legend = ('<p><small><mark style="background:#fde68a">quote</mark> <mark style="background:#c7d2fe">cue</mark>'
              ' <mark style="background:#bbf7d0">speaker mention</mark></small></p>')
    return (f'<div class="presslens-quotes">{legend}<p>{len(quotes)} quote(s)</p>'
            f'<ol>{"".join(items)}</ol>{more}</div>')


# --------------------------------------------------------------------------------------------
# tables as HTML, stance, timeline


def table_html(df: pd.DataFrame, *, max_rows: int = 60, css: str = "presslens-table") -> str:
    """A DataFrame as an escaped HTML table (cell text is escaped: it may come from the article)."""
    if df is None or df.empty:
        return f'<div class="{css}"><p><i>No rows.</i></p></div>'
    return f'<div class="{css}">' + df.to_html(index=False, escape=True, max_rows=max_rows, na_rep="—") + "</div>"


def kwic_table(analysis: Analysis, pattern: str, *, window: int = 8) -> pd.DataFrame:
    """Keyword in context for a word, phrase or wildcard (``*``) pattern: ``stance.kwic``.

    An empty pattern gives an empty table; an invalid one raises ``ValueError``.
    """
    from .stance import kwic

    if not pattern.strip():
        return pd.DataFrame(columns=["left", "match", "right", "voice", "speaker", "sentence", "start", "end"])
    return kwic(analysis, pattern.strip(), window=window)


def parse_timeml_date(value: object):
    """The first day a TimeML value covers, or None for values that name no calendar date
    (the start of :func:`helpers.timeline.value_span`).

    >>> [parse_timeml_date(v) for v in ("2022-02-24", "2022-02", "2022", "2022-W08", "P3D", None)]
    [datetime.date(2022, 2, 24), datetime.date(2022, 2, 1), datetime.date(2022, 1, 1), datetime.date(2022, 2, 21), None, None]
    """
    span = value_span(value) if isinstance(value, str) else None
    return span[0] if span else None


def timeline_dates(timeline: pd.DataFrame) -> list:
    """The distinct calendar dates the timeline's values point at, sorted."""
    if timeline.empty:
        return []
    return sorted({d for d in timeline["value"].map(parse_timeml_date) if d is not None})


def filter_timeline(timeline: pd.DataFrame, *, start=None, end=None, speakers=None) -> pd.DataFrame:
    """Rows whose date lies in ``[start, end]`` (rows without a calendar date are kept only when
    no range is given) and whose speaker is in ``speakers`` (``"(narrator)"`` = no speaker)."""
    keep = pd.Series(True, index=timeline.index)
    if start is not None or end is not None:
        dates = timeline["value"].map(parse_timeml_date)
        keep &= dates.map(lambda d: d is not None and (start is None or d >= start) and (end is None or d <= end))
    if speakers:
        who = timeline["speaker"].map(lambda s: "(narrator)" if s is None or s != s else s)
        keep &= who.isin(list(speakers))
    return timeline[keep.astype(bool)]


def with_table(analysis: Analysis, name: str, table: pd.DataFrame) -> Analysis:
    """A copy of ``analysis`` with one table replaced (for drawing a chart of a filtered table)."""
    import dataclasses

    return dataclasses.replace(analysis, tables={**analysis.tables, name: table})


def resolution_counts(analysis: Analysis) -> pd.DataFrame:
    """How the quotes' speakers were found (``quotes.resolution``): count per method."""
    quotes = table_or_empty(analysis, "quotes", QUOTE_COLUMNS)
    counts = quotes["resolution"].fillna("(unresolved)").value_counts()
    return pd.DataFrame({"resolution": counts.index, "quotes": counts.to_numpy()})


_SCORE_VALUE = ("per_1000", "per_1000_words", "per_1k", "score", "rate")


def scores_by(analysis: Analysis | pd.DataFrame, by: str = "voice") -> pd.DataFrame:
    """Stance scores per 1,000 words as a table: one row per ``by`` value (voice, speaker or
    article), one column per category, from the ``stance_scores`` table."""
    scores = analysis if isinstance(analysis, pd.DataFrame) else analysis.tables.get("stance_scores")
    if scores is None or scores.empty or by not in scores.columns:
        return pd.DataFrame(columns=[by])
    value = next((c for c in _SCORE_VALUE if c in scores.columns), None)
    if value is None:
        raise KeyError(f"stance_scores has no score column (looked for {', '.join(_SCORE_VALUE)})")
    rows = scores[scores[by].notna()]
    if "level" in rows.columns:  # stance_scores holds article-, voice- and speaker-level rows
        rows = rows[rows["level"] == by]
    table = rows.pivot_table(index=by, columns="category", values=value, aggfunc="sum", fill_value=0)
    return table.round(2).reset_index().rename_axis(columns=None)
