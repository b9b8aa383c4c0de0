"""Score the quotes extractor against PolNeAR brat attributions; optionally time it against tokenizing.

    python benchmarks/quotes_eval.py --data ../shared/eval/polnear/dev
    python benchmarks/quotes_eval.py --data ../shared/eval/polnear/train --timing
    python benchmarks/quotes_eval.py --data ../shared/eval/polnear/train --errors 20
    python benchmarks/quotes_eval.py --data ../shared/eval/polnear/train --breakdown

Content: a prediction matches a gold attribution when their content spans overlap by at least half of
EACH one's length (one-to-one, greedy by overlap). Source: a matched pair whose mention overlaps the
gold Source. Cue: a matched pair whose cue overlaps the gold Cue. "direct" repeats the scores on gold
contents that begin with a quotation mark against predictions that do. The first annotator file in
sorted order is used per article; discontinuous spans ("12 40;52 60") are kept as pieces. Every
quotes record is scored, quotes inside quotes included (``--top-level`` leaves those out: PolNeAR
seldom marks them); split and floating parts of one quotation are joined as PolNeAR does (see
``predict``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.article import load  # noqa: E402
from helpers.quotemarks import MARKS  # noqa: E402
from helpers.quotes import extract_quotes  # noqa: E402
from helpers.text import tokenize  # noqa: E402

Spans = list[tuple[int, int]]


def parse_ann(path: Path) -> list[dict[str, Spans | None]]:
    """Attributions of one brat file: {"content", "source", "cue"} -> list of (start, end) pieces."""
    spans: dict[str, Spans] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _type, _, offsets = parts[1].partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                s, e = piece.split()
                pieces.append((int(s), int(e)))
            spans[parts[0]] = pieces
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        out.append({"content": content, "source": spans.get(roles.get("Source", "")), "cue": spans.get(roles.get("Cue", ""))})
    return out


def gold_files(data: Path) -> dict[str, Path]:
    """Article name -> its first annotator file."""
    by_article: dict[str, list[Path]] = defaultdict(list)
    for p in sorted((data / "attributions").glob("*.ann")):
        by_article[p.stem.rsplit("_", 1)[0]].append(p)
    return {name: sorted(files)[0] for name, files in by_article.items()}


def _length(a: Spans) -> int:
    return sum(e - s for s, e in a)


def overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) overlapping by half of each one's length."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = overlap(p["content"], g["content"])
            if ov and ov * 2 >= _length(p["content"]) and ov * 2 >= _length(g["content"]):
                cands.append((ov, i, j))
    cands.sort(reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _ov, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i), used_g.add(j), pairs.append((i, j))
    return pairs


def predict(text_path: Path, *, nested: bool = True) -> list[dict]:
    """Attributions from the quotes records.

    A quote inside a quote (``nested_in`` set) is left out when ``nested`` is False: PolNeAR's
    annotators seldom mark one (4 of the 100 the extractor gives on train match a gold attribution).
    The parts of one speaker's quotation that the extractor gives as separate rows (flag "split":
    '"A," X said. "B"'; flag "floating": a cue-less quote after another in the same paragraph, or
    opening the next paragraph after a '"...," X said.' quote) are joined into one attribution with
    a discontinuous content, as PolNeAR annotates them.
    """
    doc = tokenize(load(text_path))
    out: list[dict] = []
    for q in extract_quotes(doc):
        # the quote this one continues: the last direct or mixed one (an indirect record from a cue
        # between them, '"A," X said, referring to Y. "B"', does not break the chain)
        prev = next((o for o in reversed(out) if o["kind"] in ("direct", "mixed") and o["nested"] is None), None)
        if q.nested_in is not None and not nested:
            continue
        joins = prev is not None and q.nested_in is None and (
            q.flag == "split" and prev["cue"] == ([(q.cue_start, q.cue_end)] if q.cue_start is not None else None)
            or q.flag == "floating" and (
                prev["paragraph"] >= q.paragraph
                or prev["paragraph"] == q.paragraph - 1
                and prev["cue"] is not None
                and prev["cue"][0][0] > prev["content"][0][0]
            )
        )
        if joins:
            prev["content"].append((q.start, q.end))
            continue
        out.append({
            "content": [(q.start, q.end)],
            "source": [(q.mention_start, q.mention_end)] if q.mention_start is not None else None,
            "cue": [(q.cue_start, q.cue_end)] if q.cue_start is not None else None,
            "kind": q.kind,
            "paragraph": q.paragraph,
            "nested": q.nested_in,
        })
    return out


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(
    data: Path, *, limit: int | None = None, nested: bool = True
) -> dict[str, dict[str, tuple[float, float, float]]]:
    """Scores on one split: {"all"|"direct": {"content"|"source"|"cue": (P, R, F1)}}; ``nested=False``
    leaves quotes inside quotes out."""
    counts = {sub: defaultdict(int) for sub in ("all", "direct")}
    files = gold_files(data)
    for n, (name, ann) in enumerate(sorted(files.items())):
        if limit is not None and n >= limit:
            break
        text_path = data / "text" / f"{name}.txt"
        text = text_path.read_text(encoding="utf-8")
        gold_all = parse_ann(ann)
        pred_all = predict(text_path, nested=nested)
        for sub in ("all", "direct"):
            if sub == "direct":
                gold = [g for g in gold_all if text[g["content"][0][0] : g["content"][0][0] + 1] in MARKS]
                pred = [p for p in pred_all if text[p["content"][0][0] : p["content"][0][0] + 1] in MARKS]
            else:
                gold, pred = gold_all, pred_all
            c = counts[sub]
            c["pred"] += len(pred)
            c["gold"] += len(gold)
            c["pred_source"] += sum(1 for p in pred if p["source"])
            c["gold_source"] += sum(1 for g in gold if g["source"])
            c["pred_cue"] += sum(1 for p in pred if p["cue"])
            c["gold_cue"] += sum(1 for g in gold if g["cue"])
            for i, j in match(pred, gold):
                c["content"] += 1
                p, g = pred[i], gold[j]
                if p["source"] and g["source"] and overlap(p["source"], g["source"]):
                    c["source"] += 1
                if p["cue"] and g["cue"] and overlap(p["cue"], g["cue"]):
                    c["cue"] += 1
    return {
        sub: {
            "content": prf(c["content"], c["pred"], c["gold"]),
            "source": prf(c["source"], c["pred_source"], c["gold_source"]),
            "cue": prf(c["cue"], c["pred_cue"], c["gold_cue"]),
            "_counts": dict(c),
        }
        for sub, c in counts.items()
    }


def error_report(data: Path, n: int, *, limit: int | None = None, examples: int = 2) -> None:
    """Print the ``n`` biggest groups of missed gold attributions (by gold cue) and of false positives
    (predictions overlapping no gold content, by predicted cue), with a few examples each."""
    missed: dict[str, list[str]] = defaultdict(list)
    wrong: dict[str, list[str]] = defaultdict(list)
    for k, (name, ann) in enumerate(sorted(gold_files(data).items())):
        if limit is not None and k >= limit:
            break
        text_path = data / "text" / f"{name}.txt"
        text = text_path.read_text(encoding="utf-8")
        gold, pred = parse_ann(ann), predict(text_path)
        pairs = match(pred, gold)
        got_g, got_p = {j for _, j in pairs}, {i for i, _ in pairs}

        def show(spans: Spans | None) -> str:
            return " | ".join(text[s:e] for s, e in spans or []).replace("\n", " / ")

        for j, g in enumerate(gold):
            if j not in got_g:
                near = any(overlap(p["content"], g["content"]) for p in pred)
                missed[show(g["cue"]).lower() or "-"].append(
                    f"{name}: [{show(g['source'])}] {show(g['content'])[:160]}" + ("  (boundary)" if near else ""))
        for i, p in enumerate(pred):
            if i not in got_p and not any(overlap(p["content"], g["content"]) for g in gold):
                wrong[show(p["cue"]).lower() or "-"].append(f"{name}: [{show(p['source'])}] {show(p['content'])[:160]}")
    for title, groups in (("missed gold attributions, by gold cue", missed), ("false positives, by predicted cue", wrong)):
        print(f"== {title}: {sum(map(len, groups.values()))}")
        for cue, items in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:n]:
            print(f"{len(items):6d}  {cue!r}")
            for item in items[:examples]:
                print(f"          {item}")


def breakdown(data: Path, *, limit: int | None = None, nested: bool = True) -> dict[str, dict[str, int]]:
    """Error counts per subset ("all", "direct"): gold attributions matched exactly / on other
    boundaries / missed though a prediction overlaps them / missed outright; predictions unmatched
    though they overlap a gold content (by kind) / overlapping none (by kind); and, on matched
    pairs, the source right / wrong / not given / not in the gold."""
    out: dict[str, dict[str, int]] = {sub: defaultdict(int) for sub in ("all", "direct")}
    for n, (name, ann) in enumerate(sorted(gold_files(data).items())):
        if limit is not None and n >= limit:
            break
        text_path = data / "text" / f"{name}.txt"
        text = text_path.read_text(encoding="utf-8")
        gold_all, pred_all = parse_ann(ann), predict(text_path, nested=nested)
        for sub in ("all", "direct"):
            def keep(x: dict, sub: str = sub) -> bool:
                return sub != "direct" or text[x["content"][0][0] : x["content"][0][0] + 1] in MARKS

            gold, pred = [g for g in gold_all if keep(g)], [p for p in pred_all if keep(p)]
            c = out[sub]
            pairs = match(pred, gold)
            got_g, got_p = {j for _, j in pairs}, {i for i, _ in pairs}
            for i, j in pairs:
                p, g = pred[i], gold[j]
                exact = p["content"] == g["content"]
                c["gold matched, exact spans" if exact else "gold matched, other boundaries"] += 1
                if not g["source"]:
                    c["source: no gold source"] += 1
                elif not p["source"]:
                    c["source: none given"] += 1
                else:
                    c["source: right" if overlap(p["source"], g["source"]) else "source: wrong"] += 1
            for j, g in enumerate(gold):
                if j not in got_g:
                    near = any(overlap(p["content"], g["content"]) for p in pred_all)
                    c["gold missed, a prediction overlaps" if near else "gold missed, nothing overlaps"] += 1
            for i, p in enumerate(pred):
                if i not in got_p:
                    near = any(overlap(p["content"], g["content"]) for g in gold_all)
                    c[f"pred unmatched, {'overlaps a gold' if near else 'overlaps nothing'}: {p['kind']}"] += 1
    return {sub: dict(sorted(c.items())) for sub, c in out.items()}


def timing(data: Path) -> tuple[float, float, int]:
    """Seconds spent tokenizing and extracting quotes over every text of a split, and word count."""
    t_tok = t_q = 0.0
    words = 0
    for path in sorted((data / "text").glob("*.txt")):
        art = load(path)
        t0 = time.perf_counter()
        doc = tokenize(art)
        t1 = time.perf_counter()
        extract_quotes(doc)
        t2 = time.perf_counter()
        t_tok += t1 - t0
        t_q += t2 - t1
        words += doc.word_count
    return t_tok, t_q, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/polnear/dev")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--breakdown", action="store_true",
                    help="also count misses, boundary mismatches, stray predictions and source errors")
    ap.add_argument("--top-level", action="store_true",
                    help="leave quotes inside quotes out of the scores (PolNeAR seldom marks them)")
    ap.add_argument("--timing", action="store_true", help="also time tokenize vs extract_quotes")
    ap.add_argument("--errors", type=int, metavar="N", default=0,
                    help="also print the N biggest groups of misses and false positives (for error analysis)")
    args = ap.parse_args(argv)
    if not (args.data / "attributions").is_dir():
        print(f"{args.data}: no attributions/ folder (PolNeAR split expected)", file=sys.stderr)
        return 2
    scores = evaluate(args.data, limit=args.limit, nested=not args.top_level)
    print(f"PolNeAR {args.data}")
    for sub in ("all", "direct"):
        c = scores[sub]["_counts"]
        print(f"[{sub}] predicted {c.get('pred', 0)}, gold {c.get('gold', 0)}")
        for what in ("content", "source", "cue"):
            p, r, f = scores[sub][what]
            print(f"  {what:8s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.breakdown:
        for sub, counts in breakdown(args.data, limit=args.limit, nested=not args.top_level).items():
            print(f"[{sub}] breakdown")
            for what, k in counts.items():
                print(f"  {k:6d}  {what}")
    if args.errors:
        error_report(args.data, args.errors, limit=args.limit)
    if args.timing:
        t_tok, t_q, words = timing(args.data)
        print(f"timing: tokenize {t_tok:.2f}s ({words / t_tok:,.0f} words/s), "
              f"quotes {t_q:.2f}s ({words / t_q:,.0f} words/s), quotes/tokenize = {t_q / t_tok:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
