"""Time the speakers step against tokenization and the quotes step, and show how speakers resolve.

    .venv/bin/python benchmarks/speakers_bench.py --data ../shared/eval/polnear/train [--limit N]

Prints, over the articles in DATA/text: seconds and words per second for tokenization, the
quotes step and the speakers step; the share of quotes given a speaker; quotes by resolution rule;
speakers by type. The texts are only read here, never copied.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from helpers.analysis import Analysis
from helpers.article import load
from helpers.quotes import quotes_step
from helpers.speakers import speakers_step
from helpers.text import tokenize


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/polnear/train")
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles (0: all)")
    args = ap.parse_args(argv)
    files = sorted((args.data / "text").glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no articles in {args.data / 'text'}", file=sys.stderr)
        return 1
    t_tok = t_quotes = t_speakers = 0.0
    words = quotes = attributed = 0
    how: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for path in files:
        art = load(path)
        t0 = time.perf_counter()
        doc = tokenize(art)
        t1 = time.perf_counter()
        a = Analysis(art, doc, art.published, {})
        quotes_step(a)
        t2 = time.perf_counter()
        speakers_step(a)
        t3 = time.perf_counter()
        t_tok, t_quotes, t_speakers = t_tok + t1 - t0, t_quotes + t2 - t1, t_speakers + t3 - t2
        words += doc.word_count
        q = a.tables["quotes"]
        quotes += len(q)
        attributed += int(q["speaker"].notna().sum()) if len(q) else 0
        how.update(str(r) for r in q["resolution"]) if len(q) else None
        types.update(a.tables["speakers"]["type"])
    print(f"{len(files)} articles, {words:,} words, {quotes:,} quotes")
    for name, t in (("tokenize", t_tok), ("quotes step", t_quotes), ("speakers step", t_speakers)):
        print(f"{name:14} {t:8.2f} s  {words / t:12,.0f} words/s  ({t / t_tok:5.2f} x tokenize)")
    print(f"quotes given a speaker: {attributed / max(quotes, 1):.1%} ({attributed:,} of {quotes:,})")
    print("resolution:", ", ".join(f"{k} {v:,}" for k, v in how.most_common()))
    print("speaker types:", ", ".join(f"{k} {v:,}" for k, v in types.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
