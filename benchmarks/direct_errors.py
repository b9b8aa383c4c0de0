"""List the direct-quote errors on a PolNeAR split, grouped by cause, for gold contents that begin with
a quotation mark: misses, unmatched predictions, and matched quotes whose source is wrong or missing.

    python benchmarks/direct_errors.py --data ../shared/eval/polnear/train > /tmp/direct.txt

Uses ``quotes_eval``'s parse_ann / predict / match / overlap, so the counts agree with its "direct" scores.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_eval import MARKS, Spans, gold_files, match, overlap, parse_ann, predict  # noqa: E402


def source_cause(text: str, p: dict, g: dict) -> str:
    """Why a matched prediction's source misses the gold one."""
    if not p["source"]:
        cause = "source none"
    elif text[p["source"][0][0] : p["source"][0][1]] in ("Q", "A"):
        cause = "source Q/A"
    elif g["source"][0][0] < p["content"][0][0] < p["source"][0][0]:
        cause = "gold source before, pred after"
    elif p["source"][0][0] < p["content"][0][0] and g["source"][0][0] > p["content"][-1][1]:
        cause = "gold source after, pred before"
    else:
        cause = "source other"
    after = p["content"][-1][1]
    return cause + (" (according to)" if "according to" in text[after : after + 200] else "")


def direct_errors(data: Path) -> dict[str, list[str]]:
    """Cause -> one line per error (article, sources, content, context)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name, ann in sorted(gold_files(data).items()):
        path = data / "text" / f"{name}.txt"
        text = path.read_text(encoding="utf-8")

        def show(spans: Spans | None) -> str:
            return " | ".join(text[s:e] for s, e in spans or []).replace("\n", " / ")

        def ctx(spans: Spans, width: int = 120) -> str:
            s, e = spans[0][0], spans[-1][1]
            return (text[max(0, s - width) : s] + "[[" + text[s:e] + "]]" + text[e : e + width]).replace("\n", " / ")

        gold_all, pred_all = parse_ann(ann), predict(path)
        gold = [g for g in gold_all if text[g["content"][0][0]] in MARKS]
        pred = [p for p in pred_all if text[p["content"][0][0]] in MARKS]
        pairs = match(pred, gold)
        for i, j in pairs:
            p, g = pred[i], gold[j]
            if g["source"] and not (p["source"] and overlap(p["source"], g["source"])):
                groups[source_cause(text, p, g)].append(
                    f"{name}: gold[{show(g['source'])}] pred[{show(p['source'])}] cue[{show(p['cue'])}] :: {ctx(g['content'])[:500]}")
        got_g, got_p = {j for _, j in pairs}, {i for i, _ in pairs}
        for j, g in enumerate(gold):
            if j not in got_g:
                near = [p for p in pred_all if overlap(p["content"], g["content"])]
                cause = "miss, gold discontinuous" if near and len(g["content"]) > 1 else (
                    "miss, overlapped" if near else "miss, nothing overlaps")
                groups[cause].append(f"{name}: gold[{show(g['source'])}] {show(g['content'])[:200]} || pred: "
                                     + " ## ".join(show(p["content"])[:150] for p in near))
        for i, p in enumerate(pred):
            if i not in got_p:
                near = [g for g in gold_all if overlap(p["content"], g["content"])]
                cause = f"pred unmatched, {'overlaps gold' if near else 'no gold'} ({p['kind']})"
                groups[cause].append(f"{name}: pred[{show(p['source'])}] cue[{show(p['cue'])}] {show(p['content'])[:200]}"
                                     " || gold: " + " ## ".join(show(g["content"])[:150] for g in near))
    return groups


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="a PolNeAR split (attributions/ and text/)")
    args = ap.parse_args(argv)
    for cause, items in sorted(direct_errors(args.data).items(), key=lambda kv: -len(kv[1])):
        print(f"===== {cause}: {len(items)}")
        for item in items:
            print("  " + item)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
