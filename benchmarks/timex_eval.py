"""Score presslens's temporal expressions against TimeML (TempEval-3 style), and time them.

    python benchmarks/timex_eval.py --data ../shared/eval/tempeval3/TimeBank
    python benchmarks/timex_eval.py --data ../shared/eval/tempeval3/AQUAINT
    python benchmarks/timex_eval.py --speed ../shared/eval/polnear/train/text

For each ``.tml`` file: text = the content of ``<TEXT>`` with every tag removed, DCT = the value of
the ``TIMEX3`` inside ``<DCT>``; an Article with that text and ``published = DCT`` is tokenized and
run through ``helpers.timex.extract_timexes``. Printed, overall and per gold/system type: strict
(identical span) and relaxed (overlapping span) precision/recall/F1, type and value accuracy on
relaxed matches, and value F1 (a relaxed match counts only with the identical value), as in
TempEval-3; gold values are compared in ISO form (a few AQUAINT weeks are written "2000-W6" for
2000-W06: ``--raw-values`` compares them as written). When ``dateparser`` is installed,
``dateparser.search.search_dates`` (with the DCT as ``RELATIVE_BASE``) is scored the same way, side
by side.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.article import Article  # noqa: E402
from helpers.text import tokenize  # noqa: E402
from helpers.timex import extract_timexes  # noqa: E402

_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>|<[^>]+>")
TYPES = ("DATE", "TIME", "DURATION", "SET")


class Expr(NamedTuple):
    start: int
    end: int
    type: str
    value: str


class Document(NamedTuple):
    id: str
    text: str
    dct: dt.date | None
    gold: list[Expr]


_SHORT_WEEK = re.compile(r"(?<=-W)(\d)(?!\d)")


def canonical_value(value: str) -> str:
    """A gold value in ISO 8601 form: a few AQUAINT files write weeks without their leading zero
    ("2000-W6" for 2000-W06, the same week); nothing else is changed.

    >>> canonical_value("2000-W6"), canonical_value("2000-W06"), canonical_value("XXXX-WXX-2")
    ('2000-W06', '2000-W06', 'XXXX-WXX-2')
    """
    return _SHORT_WEEK.sub(r"0\1", value) if "-W" in value else value


#: (document, tid) -> (gold type, gold value, corrected type, corrected value); "-" drops the tag.
Errata = dict[tuple[str, str], tuple[str, str, str, str]]

ERRATA = Path(__file__).resolve().parent / "data" / "aquaint_errata.tsv"


def load_errata(path: str | Path = ERRATA) -> Errata:
    """Gold corrections from a tab-separated file (see ``benchmarks/data/aquaint_errata.tsv``)."""
    out: Errata = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("document\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 6:
            raise ValueError(f"{path}, line {n}: expected 7 tab-separated columns, got {len(cols)}")
        out[(cols[0], cols[1])] = (cols[2], cols[3], cols[4], cols[5])
    return out


def read_timeml(path: str | Path, *, canonical: bool = True, errata: Errata | None = None) -> Document:
    """Text (tags removed, entities decoded), DCT and gold TIMEX3s of one TimeML file; gold values
    through :func:`canonical_value` unless ``canonical`` is False. ``errata`` corrects (or drops)
    gold tags by id; a correction whose recorded gold value no longer matches the file raises."""
    raw = Path(path).read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3\b([^>]*)>", raw)
    dct_value = dict(_ATTR.findall(dct_m.group(1))).get("value", "") if dct_m else ""
    dct = dt.date.fromisoformat(dct_value[:10]) if re.match(r"\d{4}-\d\d-\d\d", dct_value) else None
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = body_m.group(1) if body_m else ""
    parts: list[str] = []
    length = 0
    gold: list[Expr] = []
    open_: tuple[int, dict] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        if m.group(0).startswith("<TIMEX3"):
            open_ = (length, dict(_ATTR.findall(m.group(1))))
        elif m.group(0) == "</TIMEX3>" and open_ is not None:
            s, attrs = open_
            type_, value = attrs.get("type", ""), attrs.get("value", "")
            fix = errata.get((Path(path).stem, attrs.get("tid", ""))) if errata else None
            if fix is not None:
                if (type_, value) != fix[:2]:
                    raise ValueError(f"{path}: erratum for {attrs.get('tid')} expects {fix[0]} {fix[1]}, "
                                     f"the file has {type_} {value}")
                type_, value = fix[2:]
            if type_ != "-":
                gold.append(Expr(s, length, type_, canonical_value(value) if canonical else value))
            open_ = None
        pos = m.end()
    parts.append(html.unescape(body[pos:]))
    return Document(Path(path).stem, "".join(parts), dct, gold)


def presslens_system(doc: Document) -> list[Expr]:
    art = Article(id=doc.id, title="", text=doc.text, published=doc.dct)
    return [Expr(t.start, t.end, t.type, t.value) for t in extract_timexes(tokenize(art), skip_kinds=())]


def dateparser_system(doc: Document) -> list[Expr]:
    from dateparser.search import search_dates

    base = dt.datetime.combine(doc.dct, dt.time(12)) if doc.dct else None
    settings = {"RELATIVE_BASE": base} if base else {}
    out: list[Expr] = []
    pos = 0
    found = search_dates(doc.text, languages=["en"], settings=settings) or []
    for text, when in found:
        s = doc.text.find(text, pos)
        if s < 0:
            continue
        pos = s + len(text)
        out.append(Expr(s, s + len(text), "DATE", when.date().isoformat()))
    return out


def _match(gold: list[Expr], system: list[Expr], strict: bool) -> list[tuple[Expr, Expr]]:
    pairs, used = [], set()
    for g in gold:
        for j, s in enumerate(system):
            if j in used:
                continue
            if (s.start == g.start and s.end == g.end) if strict else (s.start < g.end and g.start < s.end):
                pairs.append((g, s))
                used.add(j)
                break
    return pairs


def _prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: Iterable[Document], system: Callable[[Document], list[Expr]]) -> dict[str, dict[str, float]]:
    """TempEval-3 figures, overall ("all") and per type: strict/relaxed P/R/F1, type and value
    accuracy on relaxed matches, value P/R/F1."""
    rows: dict[str, dict[str, int]] = {}

    def bump(key: str, name: str, k: int = 1) -> None:
        rows.setdefault(key, {}).setdefault(name, 0)
        rows[key][name] += k

    for doc in docs:
        sys_ = system(doc)
        strict = _match(doc.gold, sys_, True)
        relaxed = _match(doc.gold, sys_, False)
        for key_of in (lambda e: "all", lambda e: e.type):
            for g in doc.gold:
                bump(key_of(g), "gold")
            for s in sys_:
                bump(key_of(s), "system")
            for g, s in strict:
                bump(key_of(g), "strict_r")
                bump(key_of(s), "strict_p")
            for g, s in relaxed:
                bump(key_of(g), "relaxed_r")
                bump(key_of(s), "relaxed_p")
                bump(key_of(g), "pairs")
                bump(key_of(g), "type_ok", g.type == s.type)
                bump(key_of(g), "value_ok", g.value == s.value)
                bump(key_of(g), "value_r", g.value == s.value)
                bump(key_of(s), "value_p", g.value == s.value)
    out: dict[str, dict[str, float]] = {}
    for key, c in rows.items():
        g, s = c.get("gold", 0), c.get("system", 0)
        sp, sr, sf = _prf(c.get("strict_p", 0), s, c.get("strict_r", 0), g)
        rp, rr, rf = _prf(c.get("relaxed_p", 0), s, c.get("relaxed_r", 0), g)
        vp, vr, vf = _prf(c.get("value_p", 0), s, c.get("value_r", 0), g)
        pairs = c.get("pairs", 0)
        out[key] = {"gold": g, "system": s, "strict_p": sp, "strict_r": sr, "strict_f1": sf,
                    "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
                    "type_acc": c.get("type_ok", 0) / pairs if pairs else 0.0,
                    "value_acc": c.get("value_ok", 0) / pairs if pairs else 0.0,
                    "value_p": vp, "value_r": vr, "value_f1": vf}
    return out


_SHAPES = (
    (re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
                r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"), "MONTH"),
    (re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"), "WEEKDAY"),
    (re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
                r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-[a-z]+)?)\b", re.I), "NUM"),
    (re.compile(r"\b(?:first|second|third|fourth|\d(?:st|nd|rd|th))\b", re.I), "ORD"),
    (re.compile(r"\d"), "9"),
)


def shape(text: str) -> str:
    """A pattern that groups similar expressions: "last Friday" and "last Monday" -> "last WEEKDAY"."""
    out = re.sub(r"\s+", " ", text.strip())
    for rx, rep in _SHAPES:
        out = rx.sub(rep, out)
    out = re.sub(r"9+", "9", out)
    return out[:1].lower() + out[1:] if out[1:2].islower() else out


def _value_shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def errors(docs: Iterable[Document], system: Callable[[Document], list[Expr]]) -> dict[str, dict[str, list[str]]]:
    """Value errors grouped by kind ("wrong value", "missed", "spurious") and expression shape; each
    entry is one example line (document, text, gold and system values)."""
    out: dict[str, dict[str, list[str]]] = {"wrong value": {}, "missed": {}, "spurious": {}}
    for doc in docs:
        sys_ = system(doc)
        pairs = _match(doc.gold, sys_, False)
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {(s.start, s.end) for _, s in pairs}
        for g, s in pairs:
            if g.value != s.value:
                key = f"{shape(doc.text[g.start:g.end])}: {_value_shape(g.value)} <- {_value_shape(s.value)}"
                out["wrong value"].setdefault(key, []).append(
                    f"{doc.id} dct={doc.dct} gold {doc.text[g.start:g.end]!r}={g.type}:{g.value}"
                    f"  sys {doc.text[s.start:s.end]!r}={s.type}:{s.value}")
        for g in doc.gold:
            if id(g) not in matched_g:
                out["missed"].setdefault(f"{shape(doc.text[g.start:g.end])}: {_value_shape(g.value)}", []).append(
                    f"{doc.id} gold {doc.text[g.start:g.end]!r}={g.type}:{g.value}")
        for s in sys_:
            if (s.start, s.end) not in matched_s:
                out["spurious"].setdefault(f"{shape(doc.text[s.start:s.end])}: {_value_shape(s.value)}", []).append(
                    f"{doc.id} sys {doc.text[s.start:s.end]!r}={s.type}:{s.value}"
                    f"  ...{doc.text[max(0, s.start - 40):s.end + 30]!r}")
    return out


def print_errors(name: str, errs: dict[str, dict[str, list[str]]], *, examples: int = 3, top: int = 25) -> None:
    print(f"\nvalue errors on {name}, largest groups first (shape: gold value <- system value)")
    for kind, groups in errs.items():
        total = sum(len(v) for v in groups.values())
        print(f"  {kind}: {total}")
        for key, lines in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
            print(f"    {len(lines):4d}  {key}")
            for line in lines[:examples]:
                print(f"            {line}")


def evaluate(data: str | Path, system: str = "presslens", *, canonical: bool = True,
             errata: Errata | None = None) -> dict[str, dict[str, float]]:
    """Score one system ("presslens" or "dateparser") on every .tml file under ``data``."""
    docs = [read_timeml(p, canonical=canonical, errata=errata) for p in sorted(Path(data).glob("*.tml"))]
    return score(docs, presslens_system if system == "presslens" else dateparser_system)


def print_scores(name: str, scores: dict[str, dict[str, float]]) -> None:
    print(f"\n{name}  (per type: precision over system expressions of the type, recall over gold ones)")
    print(f"  {'type':9}{'gold':>6}{'sys':>6} | {'strict P':>8}{'R':>7}{'F1':>7} | {'relaxed P':>9}{'R':>7}{'F1':>7}"
          f" | {'type acc':>8}{'val acc':>8} | {'value P':>8}{'R':>7}{'F1':>7}")
    for key in ("all",) + TYPES:
        if key not in scores:
            continue
        c = scores[key]
        print(f"  {key:9}{c['gold']:>6}{c['system']:>6} | {c['strict_p']:8.3f}{c['strict_r']:7.3f}{c['strict_f1']:7.3f}"
              f" | {c['relaxed_p']:9.3f}{c['relaxed_r']:7.3f}{c['relaxed_f1']:7.3f}"
              f" | {c['type_acc']:8.3f}{c['value_acc']:8.3f} | {c['value_p']:8.3f}{c['value_r']:7.3f}{c['value_f1']:7.3f}")


def speed(folder: str | Path, *, limit: int | None = None) -> dict[str, float]:
    """CPU seconds spent tokenizing vs the timeline step over a folder of .txt files: the step as
    ``analyze()`` runs it (``timeline_columns``: expressions and event labels, the table's columns)
    and, apart, building the pandas DataFrame from them as ``timeline_table`` does. CPU time, not
    wall time: the machine may be shared."""
    from helpers.timeline import timeline_columns, timeline_table

    files = sorted(Path(folder).glob("*.txt"))[:limit]
    arts = [Article(id=f.stem, title="", text=f.read_text(encoding="utf-8", errors="replace"),
                    published=dt.date(2016, 11, 1)) for f in files]
    timeline_table(tokenize(Article("warm", "", "Talks resumed on Monday.")))  # compile the rules first
    t0 = time.process_time()
    docs = [tokenize(a) for a in arts]
    t1 = time.process_time()
    cols = [timeline_columns(d) for d in docs]
    t2 = time.process_time()
    n = sum(len(c.to_frame()) for c in cols)
    t3 = time.process_time()
    words = sum(d.word_count for d in docs)
    return {"articles": len(arts), "words": words, "timexes": n, "tokenize_s": t1 - t0, "timex_s": t2 - t1,
            "frame_s": t3 - t2}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", action="append", default=[], help="folder of TimeML .tml files (repeatable)")
    ap.add_argument("--speed", metavar="DIR", help="folder of .txt articles to time tokenization vs timeline on")
    ap.add_argument("--errors", type=int, nargs="?", const=25, metavar="N",
                    help="list value mismatches, misses and spurious expressions, N largest groups per kind")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--raw-values", action="store_true",
                    help="compare gold values exactly as written (no zero-padding of ISO weeks)")
    ap.add_argument("--errata", nargs="?", const=str(ERRATA), metavar="TSV",
                    help="also score against the gold with documented annotation errors corrected "
                         "(default list: benchmarks/data/aquaint_errata.tsv)")
    args = ap.parse_args(argv)
    errata = load_errata(args.errata) if args.errata else None
    if not args.data and not args.speed:
        ap.error("give --data and/or --speed")
    for folder in args.data:
        if not Path(folder).is_dir():
            print(f"timex_eval: no such folder {folder}", file=sys.stderr)
            return 2
        canonical = not args.raw_values
        print_scores(f"presslens on {folder}", evaluate(folder, canonical=canonical))
        if errata:
            docs = [read_timeml(p, canonical=canonical, errata=errata) for p in sorted(Path(folder).glob("*.tml"))]
            used = sum(1 for key in errata if key[0] in {d.id for d in docs})
            if used:
                print_scores(f"presslens on {folder}, {used} gold errata applied ({Path(args.errata).name})",
                             score(docs, presslens_system))
        if args.errors:
            docs = [read_timeml(p, canonical=canonical) for p in sorted(Path(folder).glob("*.tml"))]
            print_errors(folder, errors(docs, presslens_system), top=args.errors)
        if not args.no_dateparser:
            try:
                import dateparser  # noqa: F401
            except ImportError:
                print("  (dateparser not installed: pip install -e '.[dev]' for the baseline)")
            else:
                print_scores(f"dateparser.search.search_dates on {folder}", evaluate(folder, "dateparser", canonical=canonical))
    if args.speed:
        r = speed(args.speed)
        print(f"\nspeed on {args.speed}: {r['articles']} articles, {r['words']:,} words, {r['timexes']:,} expressions")
        print(f"  CPU time: tokenize {r['tokenize_s']:.2f} s ({r['words'] / r['tokenize_s']:,.0f} words/s); "
              f"timeline {r['timex_s']:.2f} s ({r['words'] / r['timex_s']:,.0f} words/s); "
              f"timeline adds {100 * r['timex_s'] / r['tokenize_s']:.1f}% to tokenization")
        print(f"  (building DataFrames from those columns, as timeline_table does: {r['frame_s']:.2f} s more, "
              f"{100 * (r['timex_s'] + r['frame_s']) / r['tokenize_s']:.1f}% in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
