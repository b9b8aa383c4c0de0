"""How long ``presslens report`` takes: one report, every bundled article, and per article.

    python benchmarks/report_speed.py [ARTICLES_DIR] [--workers N] [--repeat R]

Prints the wall-clock seconds of the command as a user runs it (a fresh process each time, kernel
start-up included) for the seed article alone and for the whole folder, then the median seconds per
article inside one run (the notebook executed in the reused kernel plus the HTML export), and the
folder's total divided by its number of articles.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "lukashenko-belarusian-troops.txt"


def cli_seconds(paths: list[str], workers: int | None) -> float:
    """Wall-clock seconds of ``presslens report PATHS -o TMP`` in a new process."""
    code = ("import sys; from helpers.report import render_reports; "
            "sys.exit(render_reports(sys.argv[2:], output=sys.argv[1], workers=%r))" % workers)
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, out, *paths], check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t0


def per_article(folder: Path) -> list[tuple[str, float]]:
    """Seconds per article when one Renderer (one kernel) renders the whole folder."""
    from helpers.article import Article, iter_articles
    from helpers.report import Renderer, ReportJob

    jobs = [ReportJob(str(Path(a.path).resolve()), a.id, a.title) for a in iter_articles([str(folder)])
            if isinstance(a, Article)]
    r = Renderer()
    try:
        results = [r.render(j) for j in jobs]
    finally:
        r.close()
    bad = [f"{x.job.article_id}: {x.error}" for x in results if x.error]
    if bad:
        raise SystemExit("failed: " + "; ".join(bad))
    return [(x.job.article_id, x.seconds) for x in results]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "data" / "articles"))
    ap.add_argument("--workers", type=int, default=None, help="parallel renderers (default: presslens's choice)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each timing; the median is printed")
    args = ap.parse_args()
    folder = Path(args.folder)
    n = sum(1 for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))

    one = statistics.median(cli_seconds([str(SEED)], args.workers) for _ in range(args.repeat))
    full = statistics.median(cli_seconds([str(folder)], args.workers) for _ in range(args.repeat))
    times = per_article(folder)
    print(f"one report (seed article, fresh process):      {one:6.2f} s")
    print(f"all {n} articles in {folder.name}/ (fresh process): {full:6.2f} s  ({full / n:.2f} s per article)")
    print(f"median per article in a reused kernel:         {statistics.median(t for _, t in times):6.2f} s")
    for name, t in times:
        print(f"  {name:40s} {t:6.2f} s")


if __name__ == "__main__":
    main()
