"""Filters over the Finder's finished records, for ``helpers.attribution.Finder``.

A mixin: the methods read and rewrite the Finder's records (``self.records``).

>>> from helpers.text import tokenize_text
>>> from helpers.attribution import Finder
>>> doc = tokenize_text('She had to tell the mayor, who would surely recognize that the plan was dead.')
>>> [(r["kind"], doc.text[r["cue"][0]:r["cue"][1]]) for r in Finder(doc).run()]
[('indirect', 'recognize')]
"""

from __future__ import annotations

__all__ = ["RecordFilters"]


def _cue_distance(rec: dict) -> int:
    """Characters between a record's cue and its content; -1 when it has no cue or the cue lies inside
    the content ('X is expected to ...': a hedge)."""
    cue = rec.get("cue")
    if cue is None or rec["start"] < cue[1] and cue[0] < rec["end"]:
        return -1
    return max(rec["start"] - cue[1], cue[0] - rec["end"])


class RecordFilters:
    """Clean-ups of ``self.records`` once every rule has run (mixed into ``Finder``)."""

    def drop_repeats(self) -> None:
        """Two records over one content span ('hit back, saying X', 'told Y, who recognized that X'):
        one attribution with its nearest cue, the first of them in order on a tie. A record whose cue lies
        inside its content, or that has none, is left alone ('The levy is expected to pass, aides said'
        gives the hedge and the report)."""
        dist = [_cue_distance(r) for r in self.records]
        best: dict[tuple[int, int, int], tuple[int, int]] = {}  # span -> (distance, record index)
        for i, (r, d) in enumerate(zip(self.records, dist)):
            key = (r["start"], r["end"], r.get("level", 0))
            if d >= 0 and (key not in best or d < best[key][0]):
                best[key] = (d, i)
        keep = {i for _, i in best.values()}
        if len(keep) < sum(d >= 0 for d in dist):
            self.records = [r for i, (r, d) in enumerate(zip(self.records, dist)) if d < 0 or i in keep]
