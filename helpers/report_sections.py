"""What ``notebooks/report.ipynb`` shows: each function takes the Analysis and returns safe HTML.

Article text, titles and metadata are untrusted: every string that comes from an article goes
through :func:`html.escape` (or pandas' ``to_html(escape=True)``) before it reaches the page. A
section whose table is not produced by this version of presslens shows a short note instead, so
the report renders at every stage of the pipeline.

>>> from helpers.analysis import analyze
>>> from helpers.article import article_from_text
>>> a = analyze(article_from_text("<script>alert(1)</script>\\nTalks resumed on Monday.", id="t"))
>>> page = header(a).data
>>> "<script>" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page
(False, True)
"""

from __future__ import annotations

import base64
import html
import io
import sys
from typing import Any, Iterable

import pandas as pd
from IPython.display import HTML

from .analysis import Analysis
from .cues import HEDGE
from .report_summary import accuracy_records, framing_matches, summarize, summary_sentences

__all__ = [
    "header", "summary", "unavailable", "table", "chart", "figure_html", "quotes_html",
    "kwic_html", "stance_scores_html", "tone_html", "accuracy_html", "caveats_html", "summarize",
]

esc = html.escape

#: Chart function (in helpers.charts) -> the tables it needs.
CHART_NEEDS = {
    "speakers_chart": ("speakers",),
    "stance_by_voice_chart": ("stance",),
    "stance_heatmap": ("stance",),
    "timeline_chart": ("timeline",),
}


def unavailable(what: str, *, why: str = "not available in this version of presslens") -> HTML:
    """A visible note standing in for a section that cannot be shown."""
    return HTML(f'<p class="pl-note">{esc(what)}: {esc(why)}.</p>')


def header(a: Analysis) -> HTML:
    """The article's title and metadata (every value escaped; only http(s) URLs become links)."""
    art = a.article
    items: list[tuple[str, str]] = [
        ("Published", esc(str(a.published)) if a.published else "unknown"),
        ("Source", esc(str(art.source)) if art.source else "unknown"),
    ]
    if art.url:
        url = str(art.url)
        link = url.lower().startswith(("http://", "https://"))
        items.append(("URL", f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>' if link else esc(url)))
    if art.meta.get("author"):
        items.append(("Author", esc(str(art.meta["author"]))))
    items.append(("Article id", esc(art.id)))
    items.append(("Length", f"{a.word_count:,} words, {len(a.doc.sentences)} sentences, "
                            f"{len(a.doc.paragraphs)} paragraphs"))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items)
    return HTML(f'<h1 class="pl-title">{esc(art.title)}</h1><dl class="pl-meta">{dl}</dl>')


def summary(a: Analysis) -> HTML:
    """The short prose summary: who speaks most, dominant framing by voice, span of dates."""
    return HTML('<div class="pl-summary">' + "".join(f"<p>{esc(s)}</p>" for s in summary_sentences(summarize(a)))
                + "</div>")


def _cell(v: Any) -> Any:
    if isinstance(v, (list, tuple, set, frozenset)):
        return ", ".join(map(str, v))
    if isinstance(v, dict):
        return ", ".join(f"{k}: {x}" for k, x in v.items())
    return v


def table(a: Analysis, name: str, *, columns: Iterable[str] | None = None, sort: str | None = None,
          ascending: bool = True, max_rows: int = 40, title: str | None = None) -> HTML:
    """One of the Analysis tables as an escaped HTML table (or a note when it is missing/empty)."""
    if name not in a.tables:
        return unavailable(title or f"The {name} table")
    df = a.tables[name]
    if columns is not None:
        df = df[[c for c in columns if c in df.columns]]
    if df.empty:
        return unavailable(title or f"The {name} table", why="nothing found in this article")
    if sort is not None and sort in df.columns:
        df = df.sort_values(sort, ascending=ascending, kind="stable", key=lambda s: s.astype(str))
    more = len(df) - max_rows
    df = df.head(max_rows).map(_cell)
    out = df.to_html(index=False, escape=True, na_rep="", border=0, classes="pl-table",
                     float_format=lambda x: f"{x:.2f}")
    if more > 0:
        out += f'<p class="pl-note">{more} more rows not shown (see <code>presslens analyze --table {esc(name)}</code>).</p>'
    return HTML(out)


def figure_html(fig: Any, *, alt: str, caption: str | None = None, dpi: int = 96) -> str:
    """A matplotlib Figure as an ``<img>`` with an embedded PNG (base64 data URI)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    if "matplotlib.pyplot" in sys.modules:  # a pyplot figure would be shown a second time
        sys.modules["matplotlib.pyplot"].close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure class="pl-figure"><img alt="{esc(alt)}" src="data:image/png;base64,{data}">{cap}</figure>'


def chart(a: Analysis, name: str, *, alt: str, caption: str | None = None) -> HTML:
    """Draw ``helpers.charts.<name>(a)`` as an embedded PNG, or a note when it cannot be drawn."""
    from . import charts

    fn = getattr(charts, name, None)
    missing = [t for t in CHART_NEEDS.get(name, ()) if t not in a.tables]
    if fn is None or missing:
        return unavailable(f"Chart ({alt})")
    if all(a.tables[t].empty for t in CHART_NEEDS.get(name, ())):
        return unavailable(f"Chart ({alt})", why="nothing to plot in this article")
    return HTML(figure_html(fn(a), alt=alt, caption=caption))


# --- quotes with their speakers highlighted --------------------------------------------------


def _top_level(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes not inside another one, the narrator's hedged statements (flag ``hedge``) left out."""
    if "flag" in quotes.columns:
        quotes = quotes[quotes["flag"].ne(HEDGE) | quotes["flag"].isna()]
    if "nested_in" not in quotes.columns:
        return quotes
    return quotes[quotes["nested_in"].isna()]


def _paragraph_html(text: str, start: int, end: int, quotes: pd.DataFrame) -> str:
    """``text[start:end]`` with quote spans and speaker mentions marked, escaped segment by segment."""
    spans: list[tuple[int, int, str, Any]] = []
    for q in quotes.itertuples(index=False):
        spans.append((max(int(q.start), start), min(int(q.end), end), "quote", q))
        ms, me = getattr(q, "mention_start", None), getattr(q, "mention_end", None)
        if pd.notna(ms) and pd.notna(me) and start <= int(ms) < int(me) <= end:
            spans.append((int(ms), int(me), "mention", q))
    spans = [s for s in spans if s[0] < s[1]]
    cuts = sorted({start, end, *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[str] = []
    labelled: set[int] = set()
    for lo, hi in zip(cuts, cuts[1:]):
        seg = esc(text[lo:hi])
        quote = next((s for s in spans if s[2] == "quote" and s[0] <= lo and hi <= s[1]), None)
        if any(s[2] == "mention" and s[0] <= lo and hi <= s[1] for s in spans):
            seg = f'<span class="pl-speaker">{seg}</span>'
        if quote is not None:
            q = quote[3]
            who = q.speaker if isinstance(q.speaker, str) and q.speaker else "unattributed"
            if id(q) not in labelled and quote[0] == lo:
                labelled.add(id(q))
                out.append(f'<span class="pl-tag">{esc(who)}</span>')
            tip = f"{who} ({q.kind}; cue: {q.cue if isinstance(q.cue, str) else 'none'})"
            seg = f'<mark class="pl-quote pl-{esc(str(q.kind))}" title="{esc(tip)}">{seg}</mark>'
        out.append(seg)
    return "".join(out)


def quotes_html(a: Analysis, *, max_paragraphs: int = 60) -> HTML:
    """Each paragraph that holds quotes, with quotes shaded by kind and speakers labelled."""
    if "quotes" not in a.tables:
        return unavailable("Quotes")
    quotes = _top_level(a.tables["quotes"])
    if quotes.empty:
        return unavailable("Quotes", why="no quotations found in this article")
    text = a.article.text
    paras = []
    for p in a.doc.paragraphs:
        inside = quotes[(quotes["start"] < p.end) & (quotes["end"] > p.start)]
        if len(inside):
            paras.append(f"<p>{_paragraph_html(text, p.start, p.end, inside)}</p>")
    legend = ('<p class="pl-legend"><mark class="pl-quote pl-direct">direct</mark> '
              '<mark class="pl-quote pl-indirect">indirect</mark> <mark class="pl-quote pl-mixed">mixed</mark> '
              '<span class="pl-speaker">speaker mention</span></p>')
    more = (f'<p class="pl-note">{len(paras) - max_paragraphs} more paragraphs with quotes not shown.</p>'
            if len(paras) > max_paragraphs else "")
    return HTML(legend + '<div class="pl-quotes">' + "".join(paras[:max_paragraphs]) + "</div>" + more)


# --- stance ----------------------------------------------------------------------------------


def kwic_html(a: Analysis, *, terms: int = 6, per_term: int = 3, window: int = 6) -> HTML:
    """Keyword-in-context lines for the most frequent stance terms (``stance.kwic``)."""
    if "stance" not in a.tables:
        return unavailable("Keyword in context")
    try:
        from .stance import kwic
    except ImportError:
        return unavailable("Keyword in context")
    st, _ = framing_matches(a)  # framing words, not attribution verbs such as "said"
    if st.empty or "term" not in st.columns and "match" not in st.columns:
        return unavailable("Keyword in context", why="no stance words found in this article")
    key = "term" if "term" in st.columns else "match"
    top = st[key].astype(str).value_counts(sort=True).head(terms).index
    rows: list[str] = []
    seen: set[int] = set()
    for term in top:
        lines = kwic(a, term, window=window)
        for r in lines.head(per_term).itertuples(index=False):
            if int(r.start) in seen:
                continue
            seen.add(int(r.start))
            who = r.voice if not (isinstance(r.speaker, str) and r.speaker) else f"{r.voice}: {r.speaker}"
            rows.append(f'<tr><td>{esc(str(who))}</td><td class="pl-left">{esc(str(r.left))}</td>'
                        f'<td class="pl-match">{esc(str(r.match))}</td><td class="pl-right">{esc(str(r.right))}</td></tr>')
    if not rows:
        return unavailable("Keyword in context", why="no lines found")
    return HTML('<div class="pl-scroll"><table class="pl-table pl-kwic"><tr><th>voice</th><th>left</th><th>match</th>'
                '<th>right</th></tr>' + "".join(rows) + "</table></div>")


def stance_scores_html(a: Analysis) -> HTML:
    """Framing categories per 1,000 words, one column per voice (``stance_scores``, level "voice")."""
    sc = a.tables.get("stance_scores")
    if sc is None:
        return unavailable("Stance scores")
    need = {"level", "voice", "per_1000", "category"}
    if sc.empty or not need <= set(sc.columns):
        return unavailable("Stance scores", why="nothing scored in this article")
    v = sc[sc["level"] == "voice"]
    if "label" in v.columns:
        v = v.assign(category=v["label"].where(v["label"].notna(), v["category"]))
    index = [c for c in ("lexicon", "category") if c in v.columns]
    wide = v.pivot_table(index=index, columns="voice", values="per_1000", aggfunc="sum", fill_value=0.0)
    wide = wide[(wide > 0).any(axis=1)]
    if wide.empty:
        return unavailable("Stance scores", why="no stance words found in this article")
    wide.columns.name = None
    return HTML(wide.reset_index().to_html(index=False, escape=True, border=0, classes="pl-table",
                                           float_format=lambda x: f"{x:.1f}"))


def tone_html(a: Analysis) -> HTML:
    """Average VADER tone per voice: the narrator's paragraphs and each speaker's quotes."""
    tone = a.tables.get("tone")
    if tone is None:
        return unavailable("Tone")
    if tone.empty or not {"unit", "compound"} <= set(tone.columns):
        return unavailable("Tone", why="nothing scored in this article")
    who = tone["speaker"] if "speaker" in tone.columns else pd.Series(None, index=tone.index)
    who = who.where(who.notna() & (tone["unit"] == "quote"), None)
    voice = (tone["unit"].map({"paragraph": "narrator"}).fillna("quotes: ")
             + who.fillna("").astype(str)).str.replace(r"^quotes: $", "quotes: unattributed", regex=True)
    g = tone.assign(voice=voice).groupby("voice", sort=False)["compound"].agg(["count", "mean", "min", "max"])
    g = g.rename(columns={"count": "units", "mean": "mean tone", "min": "most negative", "max": "most positive"})
    return HTML(g.reset_index().to_html(index=False, escape=True, border=0, classes="pl-table",
                                        float_format=lambda x: f"{x:+.2f}"))


# --- method and caveats ----------------------------------------------------------------------


def accuracy_html(path: str | None = None) -> HTML:
    """The accuracy figures the benchmarks measured (``helpers/data/accuracy.json``)."""
    recs = accuracy_records(path)
    if not recs:
        return unavailable("Accuracy figures", why="no benchmark figures have been recorded yet")
    df = pd.DataFrame(recs)
    cols = [c for c in ("component", "metric", "value", "data", "command", "measured") if c in df.columns]
    return HTML(df[cols].to_html(index=False, escape=True, na_rep="", border=0, classes="pl-table",
                                 float_format=lambda x: f"{x:.3f}"))


def caveats_html(a: Analysis) -> HTML:
    """Caveats that depend on this article (missing date, unattributed or flagged quotes)."""
    notes: list[str] = []
    if a.published is None:
        notes.append("The publication date is unknown: relative dates (\"yesterday\", \"on Thursday\") "
                     "are left unresolved rather than guessed.")
    q = a.tables.get("quotes")
    if q is not None and not q.empty:
        hedged = q["flag"].eq(HEDGE) if "flag" in q.columns else pd.Series(False, index=q.index)
        if "speaker" in q.columns and (q["speaker"].isna() & ~hedged).any():
            notes.append(f"{int((q['speaker'].isna() & ~hedged).sum())} of {int((~hedged).sum())} quotes have "
                         "no resolved speaker.")
        if hedged.any():
            notes.append(f"{int(hedged.sum())} hedged statements of the narrator's (\"seems\", \"is expected to\", "
                         "\"reportedly\") are in the quotes table with flag hedge and no speaker; they are "
                         "not highlighted as quotes, and stance and tone count them in the narrator's voice.")
        if "flag" in q.columns and q["flag"][~hedged].notna().any():
            flags = q["flag"][~hedged].dropna().astype(str).value_counts()
            notes.append("Quotes flagged by the extractor: " + ", ".join(f"{k} ({v})" for k, v in flags.items()) + ".")
    missing = [t for t in ("quotes", "speakers", "stance", "timeline") if t not in a.tables]
    if missing:
        notes.append("Not computed by this version: " + ", ".join(missing) + ".")
    if not notes:
        return HTML("")
    return HTML("<ul>" + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>")
