"""Group the quotes extractor's predictions by cue and by shape, with false and true positives side by side.

    python benchmarks/fp_groups.py --data ../shared/eval/polnear/train --top 25
    python benchmarks/fp_groups.py --data ../shared/eval/polnear/train --feature cue+next --show 3

Every prediction (quotes_eval's ``predict``) is one of: ``tp`` (matched to a gold content), ``near``
(unmatched, overlapping a gold content) or ``none`` (overlapping no gold content). The rows are grouped
by one feature or several joined by ``+``: ``cue`` (the cue's words), ``cls`` (its lexicon class),
``kind``, ``before`` (the word before the cue), ``next`` (the word after it), ``first`` (the content's
first word), ``words`` (the content's length in words, bucketed), ``verb`` (a verb-like word in the
content or none), ``place`` (the paragraph's kind; "body:lead" for a body paragraph's first sentence),
``order`` (the content before or after the cue), ``dup`` (another prediction has the same content),
``twin`` (another top-level prediction, not the same, overlaps it by half of each). ``--show N`` prints
N unmatched predictions per group with their sentence. Rows are sorted by ``none + near - 2 * tp``: a
group is worth cutting only where its unmatched rows outnumber its matched ones about two to one
(content F1 is near 0.67).
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.quotes_eval import gold_files, match, overlap, parse_ann, predict  # noqa: E402
from helpers.article import load  # noqa: E402
from helpers.cues import find_cues  # noqa: E402
from helpers.indirect import _verb_like  # noqa: E402
from helpers.text import tokenize  # noqa: E402

_WORD = re.compile(r"[\w'\u2019-]+")


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7+"


def rows(data: Path, limit: int | None = None):
    """Yield (features, outcome, example) for every prediction of a split."""
    for k, (name, ann) in enumerate(sorted(gold_files(data).items())):
        if limit is not None and k >= limit:
            break
        path = data / "text" / f"{name}.txt"
        doc = tokenize(load(path))
        text, toks = doc.text, doc.tokens
        starts = [t.start for t in toks]
        cls = {c.start: c.cls for c in find_cues(text, toks)}
        gold, pred = parse_ann(ann), predict(path)
        got = {i for i, _ in match(pred, gold)}
        seen: dict[tuple, int] = defaultdict(int)
        for p in pred:
            seen[tuple(p["content"])] += 1
        for i, p in enumerate(pred):
            outcome = "tp" if i in got else "near" if any(overlap(p["content"], g["content"]) for g in gold) else "none"
            cs, ce = p["content"][0][0], p["content"][-1][1]
            content = " ".join(text[s:e] for s, e in p["content"])
            words = _WORD.findall(content)
            f = {"kind": p["kind"], "first": words[0].lower() if words else "-", "words": _bucket(len(words)),
                 "verb": "verb" if any(_verb_like(w) for w in words) else "noverb",
                 "dup": "dup" if seen[tuple(p["content"])] > 1 else "single",
                 "twin": "twin" if any(j != i and p["nested"] is None and q["nested"] is None and match([p], [q])
                                       and tuple(q["content"]) != tuple(p["content"]) for j, q in enumerate(pred)) else "-"}
            if p["cue"]:
                a, b = p["cue"][0]
                ti = bisect.bisect_left(starts, a)
                tj = bisect.bisect_left(starts, b)
                f["cue"] = text[a:b].lower().replace("\n", " ")
                f["cls"] = cls.get(a, "?")
                f["before"] = toks[ti - 1].text.lower() if ti > 0 else "^"
                f["next"] = toks[tj].text.lower() if tj < len(toks) else "$"
                f["order"] = "content-first" if cs < a else "cue-first"
                sent = toks[ti].sentence
            else:
                f["cue"] = f["cls"] = f["before"] = f["next"] = f["order"] = "-"
                sent = toks[bisect.bisect_left(starts, cs)].sentence
            para = next((pp for pp in doc.paragraphs if pp.first_sentence <= sent < pp.end_sentence), None)
            f["place"] = "?" if para is None else para.kind + (":lead" if para.kind == "body" and sent == para.first_sentence else "")
            s = doc.sentences[sent]
            sent_text = text[toks[s.first_token].start : toks[s.end_token - 1].end].replace("\n", " ")
            cue = text[p["cue"][0][0] : p["cue"][0][1]] if p["cue"] else "-"
            yield f, outcome, f"{name}: {sent_text[:220]}  => {p['kind']} <{cue}> [{content[:120]}]"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--feature", default="cue", help="a feature or several joined by '+'")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--show", type=int, default=0, help="examples of unmatched predictions per group")
    ap.add_argument("--min-ratio", type=float, default=0.0, help="only groups with (none+near)/(tp+1) at least this")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    keys = args.feature.split("+")
    groups: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    examples: dict[str, list[str]] = defaultdict(list)
    for f, outcome, ex in rows(args.data, args.limit):
        g = " | ".join(f[k] for k in keys)
        groups[g][outcome] += 1
        if outcome != "tp":
            examples[g].append(ex)
    print(f"{'none':>6} {'near':>6} {'tp':>6}  {args.feature}")
    shown = 0
    # dropping a group helps content F1 (about 0.67) only where its unmatched rows outnumber its
    # matched ones about two to one: sort by that gain, none + near - 2 * tp
    for g, c in sorted(groups.items(), key=lambda kv: -(kv[1]["none"] + kv[1]["near"] - 2 * kv[1]["tp"])):
        if (c["none"] + c["near"]) / (c["tp"] + 1) < args.min_ratio:
            continue
        print(f"{c['none']:6d} {c['near']:6d} {c['tp']:6d}  {g}")
        for ex in examples[g][: args.show]:
            print(f"{'':22}{ex}")
        shown += 1
        if shown >= args.top:
            break


if __name__ == "__main__":
    main()
