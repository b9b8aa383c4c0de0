"""ipywidgets explorers for the notebooks; every callback is a plain function tests call directly.

Each ``*_explorer`` builds controls whose defaults reproduce the notebook's static output and
returns an :class:`Explorer` (display it in a cell; its ``controls`` and ``output`` are what tests
and the browser test drive). The work behind each control is a module-level function taking plain
values (``quote_list_html(analysis, speaker=..., kind=...)``), never a closure over widget state.
Article text reaches the page only through ``helpers.explore``'s escaping functions.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import ipywidgets as w
import pandas as pd
from IPython.display import Image, Markdown

from . import explore
from .analysis import Analysis, analyze
from .article import SUPPORTED, ArticleError

__all__ = [
    "Explorer",
    "figure_png",
    "as_image",
    "chart",
    "table",
    "upload_files",
    "article_explorer",
    "article_views",
    "speaker_options",
    "quote_list_html",
    "quote_browser",
    "kwic_html",
    "kwic_explorer",
    "lexicon_files",
    "save_lexicon",
    "rerun",
    "lexicon_editor",
    "lexicon_workbench",
    "timeline_view",
    "timeline_explorer",
    "reanchor_panel",
]


@dataclass
class Explorer:
    """A displayable panel: ``widget`` (the root box), its ``controls`` and its ``output`` widgets."""

    widget: w.Widget
    controls: dict[str, w.Widget] = field(default_factory=dict)
    output: dict[str, w.Widget] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)


def figure_png(fig) -> bytes:
    """A matplotlib Figure as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return buf.getvalue()


def as_image(fig) -> Image:
    """A Figure as an IPython Image, so a cell shows the chart under any matplotlib backend."""
    return Image(data=figure_png(fig), format="png")


def chart(analysis: Analysis, name: str):
    """``helpers.charts.<name>(analysis)`` as an image; a note instead when its step has not run."""
    from . import charts

    fn = getattr(charts, name, None)
    if fn is None:
        return Markdown(f"*`charts.{name}` is not available in this version of presslens.*")
    return as_image(fn(analysis))


def table(analysis: Analysis, name: str, columns: Sequence[str] | None = None):
    """One of the analysis's tables (optionally some columns), or a note when its step did not run."""
    df = analysis.tables.get(name)
    if df is None:
        return Markdown(f"*No `{name}` table: the step that makes it is not in `helpers.analysis.STEPS`.*")
    return df[[c for c in columns if c in df.columns]] if columns else df


def _html(value: str = "", css: str | None = None) -> w.HTML:
    out = w.HTML(value=value)
    if css:
        out.add_class(css)
    return out


# --------------------------------------------------------------------------------------------
# 01: pick, add and read an article


def upload_files(files: Sequence[dict], folder: str | Path, *, overwrite: bool = False) -> list[explore.SaveResult]:
    """Save FileUpload entries (dicts with ``name`` and ``content``) into ``folder``."""
    return [explore.save_article(bytes(f["content"]), f["name"], folder, overwrite=overwrite) for f in files]


def article_views(analysis: Analysis, *, n_words: int = 20, size: int = 2,
                  measure: str = "likelihood_ratio") -> dict[str, str]:
    """The HTML of notebook 01's views of one analysed article: text, counts, words, collocations."""
    return {
        "text": explore.paragraphs_html(analysis),
        "counts": explore.table_html(explore.token_counts(analysis)),
        "words": explore.table_html(explore.top_words(analysis, n=n_words)),
        "collocations": explore.table_html(explore.collocations(analysis, size=size, measure=measure)),
    }


def _status(results: Sequence[explore.SaveResult]) -> str:
    import html

    return "<br>".join(("✔ " if r.saved else "✘ ") + html.escape(r.message) for r in results)


def article_explorer(folder: str | Path, *, value: str | Path | None = None) -> Explorer:
    """Dropdown over the articles in ``folder``, upload and URL boxes that add one, and tabs with
    the text, counts, frequent words and collocations of the chosen article."""
    folder = Path(folder)
    files = explore.list_articles(folder)
    pick = w.Dropdown(options=[(p.name, str(p)) for p in files], description="Article")
    pick.add_class("presslens-article-picker")
    if value is not None:
        wanted = Path(value).resolve()
        pick.value = next((v for _, v in pick.options if Path(v).resolve() == wanted), pick.value)
    upload = w.FileUpload(accept=",".join(SUPPORTED), multiple=False, description="Upload")
    url = w.Text(placeholder="https://…", description="URL")
    fetch = w.Button(description="Fetch")
    overwrite = w.Checkbox(value=False, description="overwrite an existing file")
    status = _html(css="presslens-status")
    n_words = w.IntSlider(value=20, min=5, max=60, description="words")
    size = w.ToggleButtons(options=[("pairs", 2), ("triples", 3)], value=2, description="n-grams")
    measure = w.Dropdown(options=list(explore._MEASURES), value="likelihood_ratio", description="measure")
    outs = {k: _html(css=f"presslens-{k}") for k in ("text", "counts", "words", "collocations")}
    tabs = w.Tab(children=[outs["text"], outs["counts"], w.VBox([n_words, outs["words"]]),
                           w.VBox([w.HBox([size, measure]), outs["collocations"]])])
    for i, title in enumerate(["Text", "Counts", "Frequent words", "Collocations"]):
        tabs.set_title(i, title)
    ex = Explorer(w.VBox([w.HBox([pick]), w.HBox([upload, url, fetch, overwrite]), status, tabs]),
                  {"pick": pick, "upload": upload, "url": url, "fetch": fetch, "overwrite": overwrite,
                   "n_words": n_words, "size": size, "measure": measure}, {**outs, "status": status})

    def refresh(*_):
        if not pick.value:
            return
        status.value = f"analysing {Path(pick.value).name}…"
        try:
            ex.state["analysis"] = analyze(pick.value)
        except ArticleError as exc:
            status.value = f"✘ {explore._ESC(str(exc))}"
            return
        views = article_views(ex.state["analysis"], n_words=n_words.value, size=size.value, measure=measure.value)
        for k, v in views.items():
            outs[k].value = v
        status.value = ""

    def added(results: list[explore.SaveResult]):
        pick.options = [(p.name, str(p)) for p in explore.list_articles(folder)]
        saved = [r for r in results if r.saved]
        if saved:
            pick.value = str(saved[-1].path)
        status.value = _status(results)

    def on_upload(change):
        if change["new"]:
            added(upload_files(change["new"], folder, overwrite=overwrite.value))
            upload.value = ()

    pick.observe(refresh, "value")
    for c in (n_words, size, measure):
        c.observe(refresh, "value")
    upload.observe(on_upload, "value")
    fetch.on_click(lambda _b: added([explore.fetch_article(url.value, folder, overwrite=overwrite.value)]))
    refresh()
    return ex


# --------------------------------------------------------------------------------------------
# 02: quote browser


def speaker_options(quotes: pd.DataFrame, speakers: pd.DataFrame | None = None) -> list[str]:
    """``"(all)"``, the speakers (speakers-table order, else by quote count), then
    ``"(unattributed)"`` when some quote has no speaker."""
    if speakers is not None and not speakers.empty:
        names = [s for s in speakers["speaker"] if isinstance(s, str)]
    else:
        names = [s for s in quotes["speaker"].value_counts().index if isinstance(s, str)]
    extra = ["(unattributed)"] if quotes["speaker"].isna().any() else []
    return ["(all)", *names, *extra]


def quote_list_html(analysis: Analysis, *, speaker: str | None = None, kind: str | None = None) -> str:
    """The quote browser's list for one speaker and kind (None/"(all)" for every one)."""
    quotes = explore.table_or_empty(analysis, "quotes", explore.QUOTE_COLUMNS)
    return explore.quotes_html(analysis, explore.filter_quotes(quotes, speaker=speaker, kind=kind))


def quote_browser(analysis: Analysis, *, speaker: str = "(all)", kind: str = "(all)") -> Explorer:
    """Filter the quotes by speaker and kind; each quote is shown highlighted in its paragraph."""
    quotes = explore.table_or_empty(analysis, "quotes", explore.QUOTE_COLUMNS)
    who = w.Dropdown(options=speaker_options(quotes, analysis.tables.get("speakers")), value=speaker,
                     description="Speaker")
    who.add_class("presslens-speaker-filter")
    kinds = w.Dropdown(options=["(all)", "direct", "indirect", "mixed"], value=kind, description="Kind")
    kinds.add_class("presslens-kind-filter")
    out = _html(css="presslens-quote-list")

    def refresh(*_):
        out.value = quote_list_html(analysis, speaker=who.value, kind=kinds.value)

    who.observe(refresh, "value")
    kinds.observe(refresh, "value")
    refresh()
    return Explorer(w.VBox([w.HBox([who, kinds]), out]), {"speaker": who, "kind": kinds}, {"quotes": out})


# --------------------------------------------------------------------------------------------
# 03: keyword in context


def kwic_html(analysis: Analysis, pattern: str, *, window: int = 8) -> str:
    """KWIC lines for ``pattern`` as an escaped table, or the reason the pattern was refused."""
    try:
        table = explore.kwic_table(analysis, pattern, window=window)
    except (ValueError, KeyError) as exc:
        return f'<div class="presslens-kwic"><p>✘ {explore._ESC(str(exc))}</p></div>'
    return explore.table_html(table, css="presslens-kwic")


def kwic_explorer(analysis: Analysis, *, pattern: str = "", window: int = 8) -> Explorer:
    """A Text box (word, phrase or ``*`` wildcard) and a window slider over ``kwic_html``."""
    box = w.Text(value=pattern, description="Pattern", continuous_update=False)
    box.add_class("presslens-kwic-pattern")
    win = w.IntSlider(value=window, min=2, max=20, description="window")
    out = _html(css="presslens-kwic-out")

    def refresh(*_):
        out.value = kwic_html(analysis, box.value, window=win.value)

    box.observe(refresh, "value")
    win.observe(refresh, "value")
    refresh()
    return Explorer(w.VBox([w.HBox([box, win]), out]), {"pattern": box, "window": win}, {"kwic": out})


# --------------------------------------------------------------------------------------------
# 03: choose, edit and reload lexicons


def lexicon_files(folder: str | Path) -> list[Path]:
    """The lexicon YAML files in ``folder``, sorted by name."""
    folder = Path(folder)
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []


def save_lexicon(path: str | Path, text: str) -> explore.SaveResult:
    """Validate ``text`` as a lexicon and, only if it is valid, write it to ``path``.

    An invalid lexicon leaves the file untouched and the message says what is wrong and where.
    """
    from .lexicon import LexiconError, parse_lexicon

    path = Path(path)
    try:
        lex = parse_lexicon(text, source=path.name, name=path.stem)
    except LexiconError as exc:
        return explore.SaveResult(path, False, f"not saved: {exc}")
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    n_terms = len(lex.terms)
    return explore.SaveResult(path, True, f"saved {path.name}: {len(lex.categories)} categories, {n_terms} terms")


def rerun(analysis: Analysis, *, lexicon: Sequence[str | Path] | None = None,
          published: dt.date | str | None = None) -> Analysis:
    """The same article analysed again with other lexicons or another publication date.

    Lexicon files are read afresh when they changed on disk, so an edited lexicon is used at once.
    """
    lex = analysis.options.get("lexicon") if lexicon is None else [str(p) for p in lexicon]
    return analyze(analysis.article, lexicon=lex, published=published if published is not None else analysis.published)


def lexicon_editor(folder: str | Path, *, on_saved=None) -> Explorer:
    """Pick a lexicon file, edit it in a Textarea, **Save & reload**; invalid text is not saved.

    ``on_saved`` (no arguments) runs after a successful save, e.g. to redraw the scores.
    """
    files = lexicon_files(folder)
    pick = w.Dropdown(options=[(p.name, str(p)) for p in files], description="Lexicon")
    area = w.Textarea(layout=w.Layout(width="100%", height="18em"))
    area.add_class("presslens-lexicon-text")
    save = w.Button(description="Save & reload", button_style="primary")
    status = _html(css="presslens-status")

    def load_text(*_):
        area.value = Path(pick.value).read_text(encoding="utf-8") if pick.value else ""
        status.value = ""

    def on_save(_b=None):
        result = save_lexicon(pick.value, area.value)
        status.value = _status([result])
        if result.saved and on_saved is not None:
            on_saved()

    pick.observe(load_text, "value")
    save.on_click(on_save)
    load_text()
    return Explorer(w.VBox([w.HBox([pick, save]), area, status]),
                    {"pick": pick, "text": area, "save": save}, {"status": status},
                    {"save": on_save})


def lexicon_workbench(analysis: Analysis, folder: str | Path, *, selected: Sequence[str | Path] | None = None) -> Explorer:
    """Choose lexicons (SelectMultiple) and see the stance scores they give; edit a lexicon below and
    **Save & reload** to rerun the scores with the edited file, without restarting the kernel."""
    files = lexicon_files(folder)
    chosen = [str(p) for p in files] if selected is None else [str(Path(p)) for p in selected]
    pick = w.SelectMultiple(options=[(p.name, str(p)) for p in files], value=[c for c in chosen if c in map(str, files)],
                            description="Lexicons", rows=min(6, max(2, len(files))))
    status = _html(css="presslens-status")
    scores = _html(css="presslens-scores")
    ex = Explorer(w.VBox(), {"lexicons": pick}, {"scores": scores, "status": status}, {"analysis": analysis})

    def refresh(*_):
        if not pick.value:
            scores.value = "<p><i>Choose at least one lexicon.</i></p>"
            return
        status.value = "analysing…"
        try:
            ex.state["analysis"] = rerun(analysis, lexicon=list(pick.value))
        except ValueError as exc:  # LexiconError is a ValueError
            status.value = f"✘ {explore._ESC(str(exc))}"
            return
        scores.value = explore.table_html(explore.scores_by(ex.state["analysis"], "voice"))
        status.value = ""

    editor = lexicon_editor(folder, on_saved=refresh)
    pick.observe(refresh, "value")
    refresh()
    ex.widget.children = [pick, status, scores, w.HTML("<b>Edit a lexicon</b>"), editor.widget]
    ex.controls.update({f"editor_{k}": v for k, v in editor.controls.items()})
    ex.output["editor_status"] = editor.output["status"]
    ex.state["save"] = editor.state["save"]
    return ex


# --------------------------------------------------------------------------------------------
# 04: timeline


def timeline_view(analysis: Analysis, *, start: dt.date | None = None, end: dt.date | None = None,
                  speakers: Sequence[str] | None = None) -> tuple[Analysis, pd.DataFrame]:
    """The analysis with its timeline filtered by date range and speakers, and that table."""
    table = explore.filter_timeline(explore.table_or_empty(analysis, "timeline", explore.TIMELINE_COLUMNS),
                                    start=start, end=end, speakers=speakers)
    return explore.with_table(analysis, "timeline", table), table


def timeline_explorer(analysis: Analysis) -> Explorer:
    """The timeline chart and table, filtered by a date-range slider and a speaker selection.

    By default the whole range and every voice are selected, which reproduces the static chart.
    """
    from . import charts

    timeline = explore.table_or_empty(analysis, "timeline", explore.TIMELINE_COLUMNS)
    dates = explore.timeline_dates(timeline)
    who = sorted({"(narrator)" if not isinstance(s, str) else s for s in timeline["speaker"]})
    rng = w.SelectionRangeSlider(options=[(d.isoformat(), d) for d in dates] or [("—", None)],
                                 index=(0, max(0, len(dates) - 1)), description="Dates",
                                 layout=w.Layout(width="90%"), disabled=len(dates) < 2)
    rng.add_class("presslens-date-range")
    pick = w.SelectMultiple(options=who, value=who, description="Voices", rows=min(6, max(2, len(who))))
    image = w.Image(format="png")
    image.add_class("presslens-timeline-chart")
    table = _html(css="presslens-timeline-table")

    def refresh(*_):
        full = rng.index == (0, max(0, len(dates) - 1))
        start, end = (None, None) if full or not dates else rng.value
        filtered, rows = timeline_view(analysis, start=start, end=end,
                                       speakers=None if set(pick.value) == set(who) else list(pick.value))
        draw = getattr(charts, "timeline_chart", None)
        if draw is not None:
            image.value = figure_png(draw(filtered))
        table.value = explore.table_html(rows[[c for c in ("text", "type", "value", "anchored", "speaker", "event",
                                                           "sentence") if c in rows.columns]])

    rng.observe(refresh, "value")
    pick.observe(refresh, "value")
    refresh()
    return Explorer(w.VBox([rng, pick, image, table]), {"dates": rng, "speakers": pick},
                    {"chart": image, "table": table})


def reanchor_panel(analysis: Analysis) -> Explorer:
    """A DatePicker set to the publication date; **Re-anchor** reruns the analysis with the picked
    date, so relative expressions ("on Thursday", "last night") are resolved against it."""
    date = w.DatePicker(value=analysis.published, description="Published")
    go = w.Button(description="Re-anchor")
    status = _html(css="presslens-status")
    table = _html(css="presslens-reanchored")
    ex = Explorer(w.VBox([w.HBox([date, go]), status, table]), {"date": date, "go": go},
                  {"table": table, "status": status}, {"analysis": analysis})

    def show(a: Analysis):
        rows = explore.table_or_empty(a, "timeline", explore.TIMELINE_COLUMNS)
        table.value = explore.table_html(rows[[c for c in ("text", "type", "value", "anchored", "sentence")
                                               if c in rows.columns]])

    def on_go(_b=None):
        status.value = f"re-anchoring on {date.value}…" if date.value else "no date: relative expressions stay unresolved"
        ex.state["analysis"] = rerun(analysis, published=date.value) if date.value else analysis
        show(ex.state["analysis"])

    go.on_click(on_go)
    ex.state["reanchor"] = on_go
    show(analysis)
    return ex
