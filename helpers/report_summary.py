"""The facts a report states about one article, as data: for the summary prose and the index.

>>> s = ReportSummary("a", "T", None, 3, [("Jane Roe", 2)], ["conflict"],
...                   [("quoted", "conflict", 2)], ("2022-02-10", "2022-02-24"), 4)
>>> summary_sentences(s)[0]
'Jane Roe speaks most: 2 of 3 quotes (67%).'
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, Sequence

import pandas as pd

from .analysis import Analysis, analyze
from .article import Article, ArticleError, iter_articles
from .report_index import SUMMARY_MIME

__all__ = ["ReportSummary", "summarize", "summary_sentences", "load_article", "run_analysis",
           "accuracy_records", "publish_summary", "SUMMARY_MIME"]


_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?")
#: Lexicons about how speech is attributed ("said", "claimed"), not framing: left out of "dominant framing".
ATTRIBUTION_LEXICONS = frozenset({"attribution-verbs"})
VOICE_NAMES = {"narrator": "the narrator's voice", "paraphrase": "paraphrase", "quoted": "quoted speech"}


class ReportSummary(NamedTuple):
    """What the summary paragraph and the index say about one article."""

    article: str
    title: str
    published: str | None
    quotes: int | None  # None: the quotes step is not in this version
    top_speakers: list[tuple[str, int]] | None
    top_categories: list[str] | None
    dominant_by_voice: list[tuple[str, str, int]] | None  # (voice, category, matches)
    date_range: tuple[str, str] | None
    dated: int | None  # timeline rows with a calendar value


def load_article(path: str | Path, *, article_id: str | None = None) -> Article:
    """The article at ``path`` (the one with ``article_id`` in a multi-article file)."""
    found = list(iter_articles([str(path)]))
    arts = [x for x in found if isinstance(x, Article)]
    if article_id is not None:
        arts = [x for x in arts if x.id == article_id]
    if not arts:
        errors = [x for x in found if isinstance(x, ArticleError)]
        raise errors[0] if errors else ArticleError(path, f"no article with id {article_id!r}")
    return arts[0]


def run_analysis(path: str | Path, *, article_id: str | None = None, published: Any = None,
                 lexicon: Sequence[str] | str | None = None) -> Analysis:
    """Load and analyse the report's article (the notebook's one call into the pipeline)."""
    return analyze(load_article(path, article_id=article_id), published=published, lexicon=lexicon or None)


def _date_part(value: Any) -> str | None:
    m = _DATE.match(str(value)) if isinstance(value, str) else None
    return m.group(0) if m else None


def framing_matches(a: Analysis) -> tuple[pd.DataFrame, dict[str, str]]:
    """Stance matches that count as framing (not negated, not attribution verbs), and category labels."""
    st = a.tables["stance"]
    if "negated" in st.columns:
        st = st[~st["negated"].fillna(False).astype(bool)]
    if "lexicon" in st.columns:
        st = st[~st["lexicon"].isin(ATTRIBUTION_LEXICONS)]
    if not {"voice", "category"} <= set(st.columns):
        st = st.iloc[0:0].reindex(columns=["voice", "category"])
    labels: dict[str, str] = {}
    sc = a.tables.get("stance_scores")
    if sc is not None and {"category", "label"} <= set(sc.columns):
        labels = {str(k): str(v) for k, v in zip(sc["category"], sc["label"]) if isinstance(v, str) and v}
    return st, labels


def summarize(a: Analysis, *, top: int = 3) -> ReportSummary:
    """Top speakers, dominant stance categories (overall and per voice) and the span of dates."""
    t = a.tables
    quotes = len(t["quotes"]) if "quotes" in t else None
    speakers = None
    if "speakers" in t:
        sp = t["speakers"]
        sp = sp[sp["speaker"].notna()] if "speaker" in sp.columns else sp.iloc[0:0]
        sp = sp.sort_values("quotes", ascending=False, kind="stable") if "quotes" in sp.columns else sp
        speakers = [(str(r.speaker), int(r.quotes)) for r in sp.head(top).itertuples(index=False)]
    cats = by_voice = None
    if "stance" in t:
        st, labels = framing_matches(a)
        cats = [labels.get(c, c) for c in st["category"].value_counts().head(top).index] if len(st) else []
        by_voice = []
        if len(st):
            counts = st.groupby(["voice", "category"]).size().reset_index(name="n")
            counts = counts.sort_values(["n", "category"], ascending=[False, True], kind="stable")
            for voice, grp in counts.groupby("voice", sort=True):
                cat = str(grp.iloc[0]["category"])
                by_voice.append((str(voice), labels.get(cat, cat), int(grp.iloc[0]["n"])))
            by_voice.sort(key=lambda x: -x[2])
    rng = dated = None
    if "timeline" in t:
        tl = t["timeline"]
        vals = sorted(d for d in map(_date_part, tl["value"] if "value" in tl.columns else []) if d)
        dated = len(vals)
        rng = (vals[0], vals[-1]) if vals else None
    return ReportSummary(a.article.id, a.article.title, str(a.published) if a.published else None,
                         quotes, speakers, cats, by_voice, rng, dated)


def summary_sentences(s: ReportSummary) -> list[str]:
    """The summary as plain sentences (escape them before putting them in HTML)."""
    out: list[str] = []
    if s.quotes is None:
        out.append("Quotations are not analysed by this version of presslens.")
    elif not s.quotes:
        out.append("No quotations were found in this article.")
    elif s.top_speakers:
        name, n = s.top_speakers[0]
        out.append(f"{name} speaks most: {n} of {s.quotes} quotes ({n / s.quotes:.0%}).")
        if len(s.top_speakers) > 1:
            out.append("Also quoted: " + ", ".join(f"{k} ({v})" for k, v in s.top_speakers[1:]) + ".")
    else:
        out.append(f"{s.quotes} quotations were found; none could be attributed to a speaker.")
    if s.dominant_by_voice is None:
        out.append("Stance vocabulary is not analysed by this version of presslens.")
    elif not s.dominant_by_voice:
        out.append("No stance vocabulary from the lexicons was found.")
    else:
        parts = [f"{cat} in {VOICE_NAMES.get(v, v)} ({n} matches)" for v, cat, n in s.dominant_by_voice]
        out.append("Dominant framing: " + "; ".join(parts) + ".")
    if s.date_range is None:
        out.append("No calendar dates were resolved." if s.dated is not None
                   else "Dates are not analysed by this version of presslens.")
    elif s.date_range[0] == s.date_range[1]:
        out.append(f"All {s.dated} resolved dates fall on {s.date_range[0]}.")
    else:
        out.append(f"The {s.dated} resolved dates span {s.date_range[0]} to {s.date_range[1]}.")
    return out


def publish_summary(a: Analysis) -> None:
    """Hand the summary to ``presslens report`` (an output the HTML export leaves out)."""
    from IPython.display import display

    display({SUMMARY_MIME: summarize(a)._asdict(), "text/plain": f"summary of {a.article.id}"}, raw=True)


def accuracy_records(path: str | Path | None = None) -> list[dict[str, Any]]:
    """The measured accuracy figures (``helpers/data/accuracy.json``: ``{"figures": [...]}``)."""
    if path is None:
        text = resources.files("helpers").joinpath("data/accuracy.json").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    figures = json.loads(text).get("figures", [])
    return [f for f in figures if isinstance(f, dict) and f.get("value") is not None]

