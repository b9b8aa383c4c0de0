"""Command line: ``presslens analyze|report ...`` (also ``python -m helpers``).

Exit status 0 on success, 1 when some inputs failed (each named on stderr, the rest still
written), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from typing import Sequence

from .article import ArticleError, LoadWarning, iter_articles, parse_date

__all__ = ["main", "build_parser"]

FORMATS = ("table", "csv", "json", "jsonl")


def _date(value: str):
    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    from .analysis import TABLES

    parser = argparse.ArgumentParser(
        prog="presslens",
        description="Who is quoted, which stance words each voice uses, and when things happened.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    an = sub.add_parser("analyze", help="analyse articles and print one table")
    an.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or URLs")
    an.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (overrides the article's)")
    an.add_argument("--table", default=TABLES[0], choices=TABLES, help="which table to print (default: %(default)s)")
    an.add_argument("--format", default="table", choices=FORMATS, help="output format (default: %(default)s)")
    an.add_argument("--lexicon", action="append", metavar="FILE", help="stance lexicon YAML (repeatable)")

    rp = sub.add_parser("report", help="render self-contained HTML reports")
    rp.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or URLs")
    rp.add_argument("-o", "--output", default="reports", metavar="DIR", help="output folder (default: %(default)s)")
    rp.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (overrides the article's)")
    rp.add_argument("--lexicon", action="append", metavar="FILE", help="stance lexicon YAML (repeatable)")
    rp.add_argument("--with-code", action="store_true", help="keep the code cells in the report")

    co = sub.add_parser("corpus", help="analyse a whole corpus in parallel into Parquet tables")
    co.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders, globs, .jsonl/.csv files")
    co.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder for the Parquet tables")
    co.add_argument("--engine", default="local", choices=("local", "dask"), help="process pool or Dask (default: %(default)s)")
    co.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786 (implies --engine dask)")
    co.add_argument("--workers", type=_positive, metavar="N", help="worker processes (default: the number of cores)")
    co.add_argument("--batch-size", type=_positive, default=16, metavar="N", help="articles per task (default: %(default)s)")
    co.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (overrides the articles')")
    co.add_argument("--lexicon", action="append", metavar="FILE", help="stance lexicon YAML (repeatable)")
    co.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {value!r}")
    return n


def _error(msg: str) -> None:
    print(f"presslens: error: {msg}", file=sys.stderr)


def _articles(paths: Sequence[str], failures: list[str]):
    """Articles from ``paths``; each failure is printed at once and counted."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LoadWarning)
        for item in iter_articles(paths):
            for w in caught:
                print(f"presslens: warning: {w.message}", file=sys.stderr)
            caught.clear()
            if isinstance(item, ArticleError):
                _error(str(item))
                failures.append(str(item))
            else:
                yield item


def write_table(df, fmt: str, out=None) -> None:
    """Write a DataFrame as an aligned table, CSV, a JSON array or JSON Lines."""
    out = sys.stdout if out is None else out
    if fmt == "csv":
        df.to_csv(out, index=False)
    elif fmt == "json":
        out.write(df.to_json(orient="records", force_ascii=False, indent=1, date_format="iso"))
        out.write("\n")
    elif fmt == "jsonl":
        for rec in json.loads(df.to_json(orient="records", force_ascii=False, date_format="iso")):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        import pandas as pd

        shown = df.copy()
        for col in shown.columns:
            if pd.api.types.is_object_dtype(shown[col]) or pd.api.types.is_string_dtype(shown[col]):
                shown[col] = shown[col].map(_cell).astype(object)
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250):
            out.write((shown.to_string(index=False) if len(shown) else "(no rows)") + "\n")


def _cell(value, width: int = 60) -> str:
    """One table cell on one line, cut to ``width`` characters."""
    import pandas as pd

    missing = value is None or (pd.api.types.is_scalar(value) and pd.isna(value))
    s = "" if missing else " ".join(str(value).split())
    return s if len(s) <= width else s[: width - 1] + "\u2026"


def _lexicons_ok(paths: Sequence[str] | None) -> bool:
    """Load the ``--lexicon`` files once up front: a broken lexicon is a usage error (exit 2)."""
    if not paths:
        return True
    from .lexicon import LexiconError, load_lexicons

    try:
        load_lexicons(paths)
    except LexiconError as exc:
        _error(str(exc))
        return False
    return True


def cmd_analyze(args: argparse.Namespace) -> int:
    import pandas as pd

    from .analysis import analyze

    if not _lexicons_ok(args.lexicon):
        return 2
    failures: list[str] = []
    frames = []
    for art in _articles(args.paths, failures):
        try:
            result = analyze(art, lexicon=args.lexicon, published=args.published)
        except Exception as exc:  # report and go on with the other articles
            msg = f"{art.path or art.id}: analysis failed: {type(exc).__name__}: {exc}"
            _error(msg)
            failures.append(msg)
            continue
        frames.append(result.table(args.table))
    if frames:
        write_table(pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0], args.format)
    return 1 if failures or not frames else 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import render_reports

    if not _lexicons_ok(args.lexicon):
        return 2
    return render_reports(args.paths, output=args.output, published=args.published,
                          lexicon=args.lexicon, with_code=args.with_code)


def cmd_corpus(args: argparse.Namespace, *, shown: int = 20) -> int:
    from .corpus import analyze_corpus
    from .corpus_store import read_table

    engine = "dask" if args.scheduler else args.engine
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)
        result = analyze_corpus(args.paths, out=args.output, engine=engine, workers=args.workers,
                                scheduler=args.scheduler, batch_size=args.batch_size,
                                progress=not args.no_progress, lexicon=args.lexicon, published=args.published)
    if result.errors:
        errors = read_table(args.output, "errors")
        for row in errors.head(shown).itertuples():
            line = f":{int(row.line)}" if row.line == row.line and row.line is not None else ""
            _error(f"{row.source_file}{line}: {row.reason}")
        if len(errors) > shown:
            _error(f"... and {len(errors) - shown:,} more in {args.output}/errors")
    print(result.summary())
    return 1 if result.errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "report":
            return cmd_report(args)
        if args.command == "corpus":
            return cmd_corpus(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    parser.error(f"unknown command {args.command!r}")
    return 2
