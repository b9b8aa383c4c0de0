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

# --- stance ----------------------------------------------------------------------------------

# --- timeline --------------------------------------------------------------------------------
