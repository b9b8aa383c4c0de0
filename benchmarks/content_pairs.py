"""List and classify the content spans that overlap but do not match (PolNeAR, quotes_eval's matching).

    python benchmarks/content_pairs.py --data ../shared/eval/polnear/train            # counts per class
    python benchmarks/content_pairs.py --data ../shared/eval/polnear/train --show 20  # and 20 pairs per class

Every (gold, prediction) pair whose contents overlap, where neither is matched to the other, is one row:
the overlap as a share of the gold and of the prediction, the cues, and its classes:

- ``too long`` / ``too short`` / ``shifted``: the prediction holds the gold's half but not the other way
  round, the reverse, or neither;
- ``covers several golds``: the prediction overlaps more than one gold content;
- ``gold split over predictions``: more than one prediction overlaps the gold;
- ``gold over sentences``: the gold runs over a sentence end;
- ``gold includes its cue`` / ``gold discontinuous``: PolNeAR's joined pieces (quote plus continuation);
- ``pred discontinuous``: the prediction joins split or floating parts of a quotation.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.quotes_eval import _length, gold_files, match, overlap, parse_ann, predict  # noqa: E402

_SENTENCE_END = re.compile(r"[.?!][\"\u201d\u2019']?\s+[A-Z\"\u201c]")


def classes(text: str, g: dict, p: dict, gold: list[dict], pred: list[dict]) -> list[str]:
    """The classes of one overlapping pair (see the module docstring)."""
    ov, lg, lp = overlap(p["content"], g["content"]), _length(g["content"]), _length(p["content"])
    out = ["too long" if ov * 2 >= lg else "too short" if ov * 2 >= lp else "shifted"]
    if sum(1 for x in gold if overlap(p["content"], x["content"])) > 1:
        out.append("covers several golds")
    if sum(1 for x in pred if overlap(x["content"], g["content"])) > 1:
        out.append("gold split over predictions")
    gs, ge = g["content"][0][0], g["content"][-1][1]
    if _SENTENCE_END.search(text[gs:ge]):
        out.append("gold over sentences")
    if g["cue"] and gs <= g["cue"][0][0] < ge:
        out.append("gold includes its cue")
    if len(g["content"]) > 1:
        out.append("gold discontinuous")
    if len(p["content"]) > 1:
        out.append("pred discontinuous")
    return out


def pairs(data: Path):
    """Yield (article, gold, prediction, text, classes) for every overlapping pair matched to neither."""
    for name, ann in sorted(gold_files(data).items()):
        path = data / "text" / f"{name}.txt"
        text = path.read_text(encoding="utf-8")
        gold, pred = parse_ann(ann), predict(path)
        matched = match(pred, gold)
        got_p, got_g = {i for i, _ in matched}, {j for _, j in matched}
        for j, g in enumerate(gold):
            for i, p in enumerate(pred):
                if i in got_p or j in got_g or not overlap(p["content"], g["content"]):
                    continue
                yield name, g, p, text, classes(text, g, p, gold, pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/polnear/dev")
    ap.add_argument("--show", type=int, default=0, help="print this many pairs per (kind, first class)")
    args = ap.parse_args(argv)
    counts: Counter = Counter()
    shown: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, g, p, text, cls in pairs(args.data):
        def show(spans):
            return " | ".join(text[s:e] for s, e in spans or []).replace("\n", " / ")

        ov = overlap(p["content"], g["content"])
        for c in cls:
            counts[(p["kind"], c)] += 1
        key = (p["kind"], cls[0])
        if args.show and len(shown[key]) < args.show:
            shown[key].append(f"{name} gold {ov / _length(g['content']):.2f} pred {ov / _length(p['content']):.2f} "
                              f"cue {show(g['cue'])!r}/{show(p['cue'])!r} {cls}\n    G: {show(g['content'])[:200]}"
                              f"\n    P: {show(p['content'])[:200]}")
    for (kind, c), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{n:6d}  {kind:8s} {c}")
    for (kind, c), rows in sorted(shown.items()):
        print(f"== {kind} {c}")
        print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
