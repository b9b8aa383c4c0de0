"""Charts (matplotlib Figures) drawn from an ``Analysis``; used by notebooks, widgets and the report.

Each function takes the Analysis (or a table) first and returns a ``matplotlib.figure.Figure``;
none of them calls ``plt.show()``. Sections: speakers, stance, timeline.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg") if matplotlib.get_backend().lower() == "agg" else None  # keep notebooks' inline backend
from matplotlib.figure import Figure

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

# --- timeline --------------------------------------------------------------------------------
