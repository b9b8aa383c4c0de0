"""Corpus runner: lazy input, nothing lost, resume, local vs Dask identical, views, CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import article as article_mod
from helpers.article import Article
from helpers.cli import main
from helpers.corpus import CORPUS_TABLES, analyze_corpus, iter_articles, load_corpus
from helpers.corpus_store import CorpusWriter, clean_incomplete, read_table
from helpers.corpus_views import merged_timeline, speakers_across, speakers_by_source, stance_over_time

from .conftest import ARTICLES

SOURCES = ["Harbour Gazette", "Valley Courier", "Northern Wire"]
PEOPLE = [("Mayor Ann Bell", "Bell"), ("Finance Minister Tomas Greer", "Greer"),
          ("union leader Rosa Lind", "Lind"), ("Police Chief Omar Haddad", "Haddad")]
PARAGRAPHS = [
    '"We will not accept cuts to the ferry service," {full} said on Tuesday.',
    "{short} said the council had ignored the harbour workers for years.",
    "The strike began on March 3, 2024, and talks are due to resume next week.",
    '"This is a threat to the whole region," {short} told reporters, calling the plan reckless.',
    "Officials said the budget would be published by the end of the month.",
    "According to {full}, the deal collapsed after two days of talks in the capital.",
]


def generated_records(n: int) -> list[dict]:
    """``n`` article records built from the sentences above, varying source, date and speakers."""
    records = []
    for i in range(n):
        full, short = PEOPLE[i % len(PEOPLE)]
        other_full, other_short = PEOPLE[(i + 1) % len(PEOPLE)]
        paras = [p.format(full=full if k % 2 == 0 else other_full, short=short if k % 2 == 0 else other_short)
                 for k, p in enumerate(PARAGRAPHS[i % 3:] + PARAGRAPHS[: i % 3])]
        title = f"Harbour dispute, day {i + 1}"
        records.append({
            "id": f"gen-{i:04d}", "title": title, "text": title + "\n\n" + "\n\n".join(paras),
            "published": f"2024-{(i % 6) + 1:02d}-{(i % 27) + 1:02d}", "source": SOURCES[i % len(SOURCES)],
        })
    return records


def write_jsonl(path: Path, records: list, extra_lines: tuple[str, ...] = ()) -> Path:
    path.write_text("\n".join([json.dumps(r) for r in records] + list(extra_lines)) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def mixed(tmp_path: Path) -> tuple[list[str], int, int]:
    """A corpus mixing good files, empty, blank and binary files, broken JSONL lines, a CSV row
    without text, an unsupported file and unreadable inputs; returns (inputs, articles, errors).

    Tests run as root, where ``chmod 000`` does not stop a read, so the unreadable inputs are a
    broken symbolic link and a folder named like a file (``x.txt``)."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good1.txt").write_text('Bridge reopens\n"It is safe," Mayor Ann Bell said on Monday.\n', encoding="utf-8")
    (d / "good2.md").write_text("---\ntitle: Dam talks\npublished: 2024-05-02\nsource: Valley Courier\n---\n"
                                "Dam talks\nThe talks ended on Friday without a deal.\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("   \n\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    write_jsonl(d / "feed.jsonl", generated_records(3), ('{"text": "broken', json.dumps({"title": "no text"})))
    (d / "rows.csv").write_text('id,text,source\nr1,"Rates rise\nThe bank raised rates.",Wire\nr2,,Wire\n'
                                'r3,"Port closes\nThe port closed on Sunday.",Wire\n', encoding="utf-8")
    (d / "notes.xyz").write_text("not an article", encoding="utf-8")
    os.symlink(d / "missing-target.txt", d / "gone.txt")
    folder_like_file = tmp_path / "x.txt"
    folder_like_file.mkdir()
    return [str(d), str(folder_like_file)], 2 + 3 + 2, 3 + 2 + 1 + 1 + 1 + 1


# --- input -----------------------------------------------------------------------------------


def test_iter_articles_expands_globs_in_sorted_order(tmp_path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text(f"{name}\nThe ferry left at noon.\n", encoding="utf-8")
    found = list(iter_articles([str(tmp_path / "*.txt"), str(tmp_path / "nothing-*.csv")]))
    assert [x.id for x in found[:2]] == ["a", "b"]
    assert str(found[2]).endswith("nothing-*.csv: no files match the pattern")


def test_jsonl_and_csv_are_streamed_not_read_whole(tmp_path, monkeypatch):
    p = write_jsonl(tmp_path / "big.jsonl", generated_records(5))
    c = tmp_path / "rows.csv"
    c.write_text('text\n"A\nThe mill closed."\n', encoding="utf-8")

    def refuse(path):
        raise AssertionError(f"{path} was read whole")

    monkeypatch.setattr(article_mod, "_read", refuse)
    stream = iter_articles([p, c])
    first = next(stream)
    assert isinstance(first, Article) and first.id == "gen-0000" and first.meta["line"] == 1
    assert [x.id for x in stream] == ["gen-0001", "gen-0002", "gen-0003", "gen-0004", "rows-3"]


# --- nothing lost, errors, resume --------------------------------------------------------------


def test_every_input_is_an_article_row_or_an_error_row(mixed, tmp_path):
    inputs, n_articles, n_errors = mixed
    result = analyze_corpus(inputs, out=tmp_path / "out", workers=2, batch_size=2, progress=False)
    arts, errs = read_table(tmp_path / "out", "articles"), read_table(tmp_path / "out", "errors")
    assert (result.articles, result.errors) == (len(arts), len(errs)) == (n_articles, n_errors)
    reasons = {Path(f).name + (f":{int(ln)}" if ln == ln and ln is not None else ""): r
               for f, ln, r in zip(errs.source_file, errs.line, errs.reason)}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["feed.jsonl:4"].startswith("invalid JSON")
    assert reasons["feed.jsonl:5"] == "missing or empty 'text'"
    assert reasons["rows.csv:4"] == "missing or empty 'text'"
    assert reasons["gone.txt"] == "broken symbolic link"
    assert reasons["x.txt"] == "folder holds no files"
    assert reasons["notes.xyz"].startswith("unsupported file type")
    assert sorted(arts.article) == sorted(["good1", "good2", "gen-0000", "gen-0001", "gen-0002", "r1", "r3"])
    assert sorted(arts.seq.tolist() + errs.seq.tolist()) == list(range(n_articles + n_errors))
    for name in CORPUS_TABLES:
        assert (tmp_path / "out" / name).is_dir()


def test_rerun_skips_done_articles_and_keeps_counts(mixed, tmp_path):
    inputs, n_articles, n_errors = mixed
    out = tmp_path / "out"
    first = analyze_corpus([inputs[0] + "/../in/good1.txt"], out=out, workers=1, progress=False)  # other spelling
    assert (first.articles, first.skipped) == (1, 0)
    second = analyze_corpus(inputs, out=out, workers=1, progress=False)
    assert (second.articles, second.skipped, second.errors) == (n_articles - 1, 1, n_errors)
    third = analyze_corpus(inputs, out=out, workers=1, progress=False)
    assert (third.articles, third.skipped, third.errors) == (0, n_articles, n_errors)
    assert len(read_table(out, "articles")) == n_articles and len(read_table(out, "errors")) == n_errors
    assert read_table(out, "quotes").groupby("article").size().to_dict() == (
        analyze_corpus(inputs, workers=1, progress=False).tables["quotes"].groupby("article").size().to_dict())


def test_incomplete_flush_is_removed_before_resuming(tmp_path):
    w = CorpusWriter(tmp_path, tables=("articles", "quotes"))
    w.add({"quotes": pd.DataFrame({"seq": [0], "article": ["a"]}),
           "articles": pd.DataFrame({"seq": [0], "article": ["a"], "source_file": ["a.txt"], "line": [None]})})
    w.flush()
    orphan = tmp_path / "quotes" / "part-0123456789ab-000000.parquet"
    orphan.write_bytes((tmp_path / "quotes").joinpath(next((tmp_path / "quotes").iterdir()).name).read_bytes())
    (tmp_path / "quotes" / ".tmp-x.parquet").write_bytes(b"half")
    assert clean_incomplete(tmp_path) == 2
    assert not orphan.exists() and len(read_table(tmp_path, "quotes")) == 1


def test_an_article_whose_analysis_fails_becomes_an_error_row(monkeypatch):
    import helpers.corpus as corpus

    def explode(article, **_):
        if article.id == "bad":
            raise RuntimeError("boom")
        return real(article, **_)

    real = corpus.analyze
    monkeypatch.setattr(corpus, "analyze", explode)
    arts = [Article(id=i, title="T", text="T\nThe ferry left.", path=f"{i}.txt") for i in ("ok", "bad")]
    result = analyze_corpus(arts, workers=1, progress=False)
    errs = result.tables["errors"]
    assert (result.articles, result.errors) == (1, 1)
    assert errs.iloc[0][["article", "stage", "reason"]].tolist() == ["bad", "analyze",
                                                                    "analysis failed: RuntimeError: boom"]


# --- engines -----------------------------------------------------------------------------------


def _assert_same(a: dict, b: dict) -> None:
    for name in CORPUS_TABLES:
        x, y = a[name].reset_index(drop=True), b[name].reset_index(drop=True)
        if len(x) or len(y):
            pd.testing.assert_frame_equal(x, y, check_dtype=False, obj=name)


def test_every_row_carries_article_and_source_file(tmp_path):
    result = analyze_corpus([ARTICLES], workers=1, progress=False)
    assert result.articles == len(list(ARTICLES.iterdir()))
    for name, df in result.tables.items():
        if len(df) and name != "errors":
            assert df[["article", "source_file", "seq"]].notna().all().all(), name
    assert result.quotes == len(result.tables["quotes"]) > 0
    assert result.words == result.tables["articles"].words.sum() > 0


def test_local_pool_memory_and_parquet_give_identical_tables(tmp_path):
    src = write_jsonl(tmp_path / "gen.jsonl", generated_records(40))
    inputs = [str(ARTICLES), str(src)]
    in_memory = analyze_corpus(inputs, workers=1, progress=False).tables
    analyze_corpus(inputs, out=tmp_path / "pool", workers=2, batch_size=3, progress=False)
    _assert_same(in_memory, load_corpus(tmp_path / "pool"))


def test_dask_engine_matches_local_engine(tmp_path):
    pytest.importorskip("distributed", reason="the Dask engine needs presslens[dask]")
    src = write_jsonl(tmp_path / "gen.jsonl", generated_records(30), ("{broken",))
    inputs = [str(ARTICLES), str(src)]
    local = analyze_corpus(inputs, out=tmp_path / "local", workers=2, batch_size=4, progress=False)
    dask = analyze_corpus(inputs, out=tmp_path / "dask", engine="dask", workers=2, batch_size=4, progress=False)
    assert (dask.articles, dask.errors, dask.words) == (local.articles, local.errors, local.words)
    _assert_same(load_corpus(tmp_path / "local"), load_corpus(tmp_path / "dask"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=300), min_size=1, max_size=5))
def test_any_text_is_accounted_for(texts):
    arts = [Article(id=f"h{i}", title="", text=t, path="h.jsonl", meta={"line": i + 1}) for i, t in enumerate(texts)]
    result = analyze_corpus(arts, workers=1, progress=False)
    assert result.articles + result.errors == len(texts)
    for name in ("quotes", "timeline"):
        for row in result.tables[name].itertuples():
            assert texts[int(row.article[1:])][row.start:row.end] == row.text, name
    for row in result.tables["stance"].itertuples():
        assert texts[int(row.article[1:])][row.start:row.end] == row.match


# --- views and command line -------------------------------------------------------------------


def test_views_agree_for_analyses_and_output_folder(tmp_path):
    from helpers.analysis import analyze

    src = write_jsonl(tmp_path / "gen.jsonl", generated_records(12))
    analyses = [analyze(a) for a in iter_articles([src])]
    analyze_corpus([src], out=tmp_path / "out", workers=1, progress=False)
    for view in (speakers_across, stance_over_time, merged_timeline):
        pd.testing.assert_frame_equal(view(analyses), view(tmp_path / "out"), check_dtype=False)
    sp = speakers_across(analyses)
    bell = sp[sp.speaker.str.contains("Bell")].iloc[0]
    assert bell.sources == 3 and bell.articles >= 6
    by_source = speakers_by_source(tmp_path / "out")
    assert set(by_source.columns) == set(SOURCES)


def test_stance_over_time_divides_hits_by_words():
    tables = {
        "articles": pd.DataFrame({"seq": [0, 1], "source": ["A", "A"], "published": ["2024-01-05", "2024-01-20"],
                                  "title": ["t0", "t1"]}),
        "stance_scores": pd.DataFrame({
            "seq": [0, 1], "article": ["a0", "a1"], "level": ["voice", "voice"], "voice": ["quoted", "quoted"],
            "lexicon": ["l", "l"], "category": ["threat", "threat"], "label": ["threat", "threat"],
            "hits": [3, 1], "words": [100, 300]}),
    }
    row = stance_over_time(tables).iloc[0]
    assert (row.source, str(row.period), row.articles, row.hits, row.words, row.per_1000) == (
        "A", "2024-01", 2, 4, 400, 10.0)


def test_merged_timeline_sorts_by_date_across_articles():
    tables = {
        "articles": pd.DataFrame({"seq": [0, 1], "source": ["A", "B"], "published": ["2024-03-01", None],
                                  "title": ["t0", "t1"]}),
        "timeline": pd.DataFrame({"seq": [0, 0, 1], "article": ["a0", "a0", "a1"], "text": ["May 2", "Monday", "2019"],
                                  "start": [10, 20, 5], "value": ["2024-05-02", "P1D", "2019"]}),
    }
    tl = merged_timeline(tables)
    assert tl.text.tolist() == ["2019", "May 2", "Monday"]
    assert tl.source.tolist() == ["B", "A", "A"]


def test_cli_corpus_summary_errors_and_exit_status(mixed, tmp_path, capsys):
    inputs, n_articles, n_errors = mixed
    assert main(["corpus", *inputs, "-o", str(tmp_path / "out"), "--workers", "1", "--no-progress"]) == 1
    out, err = capsys.readouterr()
    assert f"{n_articles} articles" in out and f"{n_errors} errors" in out and "words/s" in out
    assert "empty.txt: empty file" in err
    assert main(["corpus", str(ARTICLES), "-o", str(tmp_path / "ok"), "--no-progress"]) == 0
    assert main(["corpus", str(ARTICLES), "-o", str(tmp_path / "ok"), "--no-progress"]) == 0
    assert f"skipped {len(list(ARTICLES.iterdir()))} already done" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["corpus", str(ARTICLES), "-o", str(tmp_path / "x"), "--workers", "0"])
    assert exc.value.code == 2


def test_cli_points_the_same_command_at_a_running_scheduler(tmp_path, capsys):
    distributed = pytest.importorskip("distributed", reason="the Dask engine needs presslens[dask]")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as cluster:
        code = main(["corpus", str(ARTICLES), "-o", str(tmp_path / "remote"), "--scheduler",
                     cluster.scheduler_address, "--no-progress"])
    assert code == 0 and "(dask, " in capsys.readouterr().out
    analyze_corpus([ARTICLES], out=tmp_path / "local", workers=1, progress=False)
    _assert_same(load_corpus(tmp_path / "local"), load_corpus(tmp_path / "remote"))


def test_interrupted_run_keeps_finished_articles_and_resumes(tmp_path, monkeypatch):
    import helpers.corpus as corpus

    src = write_jsonl(tmp_path / "gen.jsonl", generated_records(6))
    real = corpus.analyze

    def interrupt_at_fourth(article, **kw):
        if article.id == "gen-0003":
            raise KeyboardInterrupt
        return real(article, **kw)

    monkeypatch.setattr(corpus, "analyze", interrupt_at_fourth)
    with pytest.raises(KeyboardInterrupt):
        analyze_corpus([src], out=tmp_path / "out", workers=1, batch_size=1, progress=False)
    assert read_table(tmp_path / "out", "articles").article.tolist() == ["gen-0000", "gen-0001", "gen-0002"]
    monkeypatch.setattr(corpus, "analyze", real)
    again = analyze_corpus([src], out=tmp_path / "out", workers=1, batch_size=1, progress=False)
    assert (again.skipped, again.articles) == (3, 3)
    assert read_table(tmp_path / "out", "articles").article.tolist() == [f"gen-{i:04d}" for i in range(6)]


def test_batches_run_with_fewer_gc_passes_and_restore_the_threshold():
    import gc

    from helpers import corpus as corpus_mod

    before = gc.get_threshold()
    seen = []
    with corpus_mod._fewer_gc_passes():
        seen.append(gc.get_threshold()[0])
        with corpus_mod._fewer_gc_passes():  # nested: only the outermost restores
            seen.append(gc.get_threshold()[0])
        seen.append(gc.get_threshold()[0])
    assert seen == [max(before[0], corpus_mod.BATCH_GC_THRESHOLD)] * 3
    assert gc.get_threshold() == before
