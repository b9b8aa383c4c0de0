"""Charts (matplotlib Figures) drawn from an ``Analysis``; used by notebooks, widgets and the report.

Each function takes the Analysis (or a table) first and returns a ``matplotlib.figure.Figure``;
none of them calls ``plt.show()``. Sections: speakers, stance, timeline.
"""

from __future__ import annotations

from matplotlib.figure import Figure  # Figures without pyplot: no backend or global state needed

__all__: list[str] = []

#: One colour per voice/kind, shared by every chart so the report reads consistently.
PALETTE = {
    "narrator": "#4d4d4d",
    "paraphrase": "#e08214",
    "quoted": "#2166ac",
    "direct": "#2166ac",
    "indirect": "#e08214",
    "mixed": "#8073ac",
}


def new_figure(width: float = 7.0, height: float = 3.5) -> Figure:
    """A Figure not attached to pyplot's global state (safe in threads and in tests)."""
    return Figure(figsize=(width, height), layout="constrained")


# --- speakers --------------------------------------------------------------------------------

__all__ += ["speakers_chart"]


def speakers_chart(analysis, *, top: int = 15, title: str | None = None) -> Figure:
    """Quotes per speaker: horizontal bars stacked by kind (direct, indirect, mixed).

    Args:
        analysis: an ``Analysis`` (its ``speakers`` table is used) or a speakers DataFrame.
        top: at most this many speakers, the most quoted first (the rest are summed in a note).
        title: the chart's title; "Who is quoted" when None.
    """
    import pandas as pd

    table = analysis if isinstance(analysis, pd.DataFrame) else getattr(analysis, "tables", {}).get("speakers")
    kinds = ("direct", "indirect", "mixed")
    rows = [] if table is None or len(table) == 0 else [
        (str(r["speaker"]), str(r.get("type") or ""), [int(r.get(k, 0) or 0) for k in kinds])
        for _, r in table.head(top).iterrows()
    ]
    fig = new_figure(7.0, max(2.0, 0.9 + 0.38 * len(rows)))
    ax = fig.add_subplot()
    ax.set_title(title or "Who is quoted", loc="left", fontsize=11)
    if not rows:
        ax.text(0.5, 0.5, "No quotations found in this article", ha="center", va="center",
                transform=ax.transAxes, color="#4d4d4d")
        ax.set_xticks([])
        ax.set_yticks([])
        return fig
    labels = [f"{name} ({kind})" if kind and kind != "person" else name for name, kind, _ in rows]
    labels = [lab if len(lab) <= 40 else lab[:39] + "\u2026" for lab in labels]
    y = list(range(len(rows)))[::-1]  # the most quoted on top
    left = [0] * len(rows)
    for k, kind in enumerate(kinds):
        values = [counts[k] for _, _, counts in rows]
        ax.barh(y, values, left=left, color=PALETTE[kind], label=kind, height=0.7)
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(y, labels)
    ax.set_xlabel("quotes")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    if len(table) > top:
        ax.text(1.0, -0.12, f"{len(table) - top} more speakers not shown", ha="right", transform=ax.transAxes,
                fontsize=8, color="#4d4d4d")
    return fig


# --- stance ----------------------------------------------------------------------------------

__all__ += ["stance_by_voice_chart", "stance_heatmap"]


def _stance_scores(analysis, lexicon: str | None):
    import pandas as pd

    table = analysis if isinstance(analysis, pd.DataFrame) else getattr(analysis, "tables", {}).get("stance_scores")
    if table is None or len(table) == 0:
        return None
    return table[table["lexicon"] == lexicon] if lexicon else table


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#4d4d4d")
    ax.set_xticks([])
    ax.set_yticks([])


def stance_by_voice_chart(analysis, *, lexicon: str | None = "conflict-framing", title: str | None = None) -> Figure:
    """Category scores per 1,000 words by voice (narrator, paraphrase, quoted): grouped bars.

    Args:
        analysis: an ``Analysis`` (its ``stance_scores`` table is used) or that table.
        lexicon: the lexicon whose categories are shown (None: every lexicon).
        title: the chart's title; "Stance vocabulary by voice" when None.
    """
    scores = _stance_scores(analysis, lexicon)
    rows = None if scores is None else scores[scores["level"] == "voice"]
    labels = [] if rows is None else list(dict.fromkeys(rows["label"]))
    fig = new_figure(7.5, max(2.5, 0.9 + 0.42 * len(labels)))
    ax = fig.add_subplot()
    ax.set_title(title or "Stance vocabulary by voice", loc="left", fontsize=11)
    if rows is None or len(rows) == 0 or rows["hits"].sum() == 0:
        _empty(ax, "No stance vocabulary found in this article")
        return fig
    voices = [v for v in ("narrator", "paraphrase", "quoted") if v in set(rows["voice"])]
    height = 0.8 / len(voices)
    y = list(range(len(labels)))[::-1]
    for k, voice in enumerate(voices):
        sub = rows[rows["voice"] == voice].set_index("label")["per_1000"]
        ax.barh([v + 0.4 - (k + 0.5) * height for v in y], [float(sub.get(lab, 0.0)) for lab in labels],
                height=height, color=PALETTE[voice], label=voice)
    ax.set_yticks(y, labels)
    ax.set_xlabel("hits per 1,000 words of that voice")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    return fig


def stance_heatmap(analysis, *, lexicon: str | None = "conflict-framing", top: int = 12,
                   title: str | None = None) -> Figure:
    """Speaker x category heatmap of hits per 1,000 words (the narrator as the first row).

    Args:
        analysis: an ``Analysis`` (its ``stance_scores`` table is used) or that table.
        lexicon: the lexicon whose categories are shown (None: every lexicon).
        top: at most this many speakers, those with the most words first.
        title: the chart's title; "Who uses which vocabulary" when None.
    """
    scores = _stance_scores(analysis, lexicon)
    fig_rows: list[tuple[str, dict]] = []
    labels: list[str] = []
    if scores is not None and len(scores):
        labels = list(dict.fromkeys(scores["label"]))
        narr = scores[(scores["level"] == "voice") & (scores["voice"] == "narrator")]
        if len(narr):
            fig_rows.append(("(narrator)", dict(zip(narr["label"], narr["per_1000"]))))
        spk = scores[scores["level"] == "speaker"]
        for name in list(dict.fromkeys(spk["speaker"]))[:top]:
            sub = spk[spk["speaker"] == name]
            fig_rows.append((str(name), dict(zip(sub["label"], sub["per_1000"]))))
    fig = new_figure(max(6.0, 1.8 + 0.65 * len(labels)), max(2.5, 1.6 + 0.4 * len(fig_rows)))
    ax = fig.add_subplot()
    ax.set_title(title or "Who uses which vocabulary (hits per 1,000 words)", loc="left", fontsize=11)
    if not fig_rows or not labels or not any(any(values.values()) for _, values in fig_rows):
        _empty(ax, "No stance vocabulary found in this article")
        return fig
    matrix = [[float(values.get(lab, 0.0)) for lab in labels] for _, values in fig_rows]
    image = ax.imshow(matrix, cmap="Blues", aspect="auto", vmin=0)
    peak = max(max(r) for r in matrix) or 1.0
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, f"{value:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if value > peak / 2 else "#222222")
    ax.set_xticks(range(len(labels)), [lab if len(lab) <= 24 else lab[:23] + "\u2026" for lab in labels],
                  rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(len(fig_rows)), [name if len(name) <= 32 else name[:31] + "\u2026" for name, _ in fig_rows],
                  fontsize=8)
    fig.colorbar(image, ax=ax, shrink=0.8, label="per 1,000 words")
    return fig


# --- timeline --------------------------------------------------------------------------------

import textwrap  # noqa: E402

import pandas as pd  # noqa: E402

__all__ += ["timeline_chart"]

#: Colours for speakers on the timeline (the narrator keeps PALETTE["narrator"]).
SPEAKER_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4")


def _publication_date(analysis, published):
    """The date to mark: ``published`` if given, an Analysis's own, or the single date of a
    table's ``published`` column (a merged table of several articles marks none)."""
    import datetime as dt

    if published is None and hasattr(analysis, "tables"):
        published = getattr(analysis, "published", None)
    elif published is None and isinstance(analysis, pd.DataFrame) and "published" in analysis.columns:
        dates = pd.to_datetime(analysis["published"], errors="coerce").dropna().unique()
        published = dates[0] if len(dates) == 1 else None
    if published is None or (not isinstance(published, dt.date) and pd.isna(published)):
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    return published if isinstance(published, dt.date) else pd.Timestamp(published).date()


def timeline_chart(analysis, *, title: str | None = None, max_label: int = 64, published=None) -> Figure:
    """Dated events on a horizontal time axis: day-level events as points, weeks, months and
    longer as spans, one row each (labels never overlap), coloured by who dates them (narrator or
    speaker); the publication date is a dashed line; expressions that cannot be placed on the
    calendar (unresolved, PRESENT_REF) are listed under the chart.

    Args:
        analysis: an Analysis, or a timeline table (also a merged one with a ``published`` column).
        published: the date to mark; by default the Analysis's, or the table's when it has one.
    """
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    from .timeline import plot_rows

    timeline = analysis.tables.get("timeline") if hasattr(analysis, "tables") else analysis
    rows, rest = plot_rows(timeline)
    published = _publication_date(analysis, published)
    fig = new_figure(8.0, 1.6 + 0.42 * max(len(rows), 2))
    ax = fig.add_subplot()
    ax.set_title(title or "Timeline of dated events", loc="left")
    if not rows:
        _empty(ax, "No dated events in this article.")
    colours: dict[str | None, str] = {None: PALETTE["narrator"]}
    for r in rows:
        if r.speaker not in colours:
            colours[r.speaker] = SPEAKER_COLOURS[(len(colours) - 1) % len(SPEAKER_COLOURS)]
    lo = min([r.start for r in rows] + ([published] if published and rows else []), default=None)
    hi = max([r.end for r in rows] + ([published] if published and rows else []), default=None)
    for y, r in enumerate(rows):
        c = colours[r.speaker]
        x0, x1 = mdates.date2num(r.start), mdates.date2num(r.end)
        if r.point:
            ax.plot([(x0 + x1) / 2], [y], "o", color=c, markersize=8, zorder=3)
        else:
            ax.barh(y, x1 - x0, left=x0, height=0.5, color=c, alpha=0.35, edgecolor=c, zorder=2)
        label = f"{r.label} ({r.text})"
        label = label if len(label) <= max_label else label[: max_label - 1] + "…"
        ax.annotate(label, (x1 if not r.point else (x0 + x1) / 2, y), xytext=(8, 0), textcoords="offset points",
                    va="center", fontsize=8.5, color=c, clip_on=False, annotation_clip=False)
    if rows:
        pad = max((hi - lo).days * 0.05, 1)
        ax.set_xlim(mdates.date2num(lo) - pad, mdates.date2num(hi) + pad + max((hi - lo).days * 0.9, 8))
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_yticks([])
        loc = mdates.AutoDateLocator(maxticks=7)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
        if published:
            ax.axvline(mdates.date2num(published) + 0.5, color="#b2182b", linestyle="--", linewidth=1)
            ax.annotate(f"published {published:%Y-%m-%d}", (mdates.date2num(published) + 0.5, 1.0),
                        xycoords=("data", "axes fraction"), xytext=(3, -10), textcoords="offset points",
                        fontsize=8, color="#b2182b")
        handles = [Line2D([], [], marker="o", linestyle="", color=c,
                                           label=who or "narrator") for who, c in colours.items()]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
    if rest is not None and len(rest):
        items = [f"“{t}” → {v}" for t, v in zip(rest["text"], rest["value"])][:8]
        more = f" (+{len(rest) - 8} more)" if len(rest) > 8 else ""
        text = "Not on the axis (unresolved or not a calendar date): " + "; ".join(items) + more
        ax.set_xlabel(textwrap.fill(text, 120), loc="left", fontsize=8, color=PALETTE["narrator"])
    return fig
