"""Stance matching speed: how much a 1,000-term lexicon adds to the time of tokenizing the text.

    .venv/bin/python benchmarks/stance_speed.py [--limit N] [--terms 1000]

Reads ../shared/eval/polnear/train/text/*.txt (measuring only; nothing is copied), builds a
lexicon of ``--terms`` terms programmatically (content words, two-word phrases and ``*``
wildcards drawn from the texts' own vocabulary, so that many of them match), then times ``tokenize`` and the
stance matching (``find_stance``: trie pass, overlap resolution, negation, voices) on the same
articles. Target: matching adds less than 20% to tokenizing. ``measure()`` is importable, e.g. by
benchmarks/throughput.py.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path

from helpers.article import Article
from helpers.lexicon import Lexicon, parse_lexicon
from helpers.stance import find_stance
from helpers.text import tokenize, tokenize_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear" / "train" / "text"


def _stopwords() -> frozenset[str]:
    path = Path(__file__).resolve().parents[1] / "helpers" / "data" / "stopwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def synthetic_lexicon(docs, n_terms: int = 1000, *, seed: int = 0) -> Lexicon:
    """A lexicon of ``n_terms`` terms in 10 categories, drawn from the documents' own vocabulary.

    Like a real stance lexicon it holds content words, not function words: 50% single words,
    30% two-word phrases (both words content words) and 20% ``*`` wildcards, sampled uniformly
    from the words seen at least twice (stopwords excluded), so plenty of them match.
    """
    rng = random.Random(seed)
    stop = _stopwords()

    def content(w: str) -> bool:
        return w.isalpha() and len(w) > 3 and w not in stop

    words = collections.Counter(t.text.lower() for d in docs for t in d.tokens if content(t.text.lower()))
    pairs = collections.Counter(
        (a.text.lower(), b.text.lower()) for d in docs for a, b in zip(d.tokens, d.tokens[1:])
        if content(a.text.lower()) and content(b.text.lower()) and a.sentence == b.sentence
    )
    vocab = sorted(w for w, n in words.items() if n >= 2)
    bigrams = sorted(f"{a} {b}" for (a, b), n in pairs.items() if n >= 2)
    terms: set[str] = set()
    while len(terms) < n_terms:
        r = rng.random()
        if r < 0.5:
            terms.add(rng.choice(vocab))
        elif r < 0.8:
            terms.add(rng.choice(bigrams))
        else:
            w = rng.choice(vocab)
            terms.add(w[: max(4, len(w) - 3)] + "*")
    terms_list = sorted(terms)
    lines = ["name: synthetic", "categories:"]
    for c in range(10):
        lines += [f"  c{c}:", "    description: generated", "    terms:"]
        lines += [f"      - {t!r}" for t in terms_list[c::10]]
    return parse_lexicon("\n".join(lines), source="<synthetic>")


def measure(texts: list[str], *, n_terms: int = 1000, repeat: int = 5) -> dict[str, float]:
    """Seconds to tokenize ``texts`` and to match an ``n_terms`` lexicon on them.

    Each article is tokenized and then matched right away, so that both timings see the same
    machine load (the machine is shared); the best of ``repeat`` rounds is kept for each.
    """
    articles = [Article(id=f"a{i}", title=t.split("\n", 1)[0], text=t) for i, t in enumerate(texts)]
    lexicon = synthetic_lexicon([tokenize(a) for a in articles], n_terms)
    find_stance(tokenize_text("warm up"), [lexicon])  # builds and caches the trie (once per lexicon)
    tok_times, match_times = [], []
    hits = tokens = 0
    for _ in range(repeat):
        tok = match = 0.0
        hits = tokens = 0
        for a in articles:
            t0 = time.perf_counter()
            doc = tokenize(a)
            t1 = time.perf_counter()
            hits += len(find_stance(doc, [lexicon]))
            t2 = time.perf_counter()
            tok += t1 - t0
            match += t2 - t1
            tokens += len(doc.tokens)
        tok_times.append(tok)
        match_times.append(match)
    return {"articles": len(articles), "tokens": tokens, "terms": len(lexicon.terms), "hits": hits,
            "tokenize_s": min(tok_times), "match_s": min(match_times),
            "overhead_pct": 100.0 * min(match_times) / min(tok_times)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=200, help="articles to use (default: %(default)s)")
    parser.add_argument("--terms", type=int, default=1000, help="lexicon size (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="timing repeats, best taken (default: %(default)s)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent", file=sys.stderr)
        return 0
    files = sorted(SHARED.glob("*.txt"))[: args.limit]
    texts = [f.read_text(encoding="utf-8-sig") for f in files]
    r = measure(texts, n_terms=args.terms, repeat=args.repeat)
    print(f"articles {r['articles']}, tokens {r['tokens']:,}, lexicon terms {r['terms']}, hits {r['hits']:,} "
          f"({1000 * r['hits'] / max(1, r['tokens']):.0f} per 1,000 tokens)")
    print(f"tokenize      {r['tokenize_s']:.3f} s")
    print(f"stance match  {r['match_s']:.3f} s")
    print(f"matching adds {r['overhead_pct']:.1f}% to tokenizing (target < 20%): "
          f"{'OK' if r['overhead_pct'] < 20 else 'TOO SLOW'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
