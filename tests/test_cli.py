"""The command line: tables, formats, exit status and messages for bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers.cli import main

from .conftest import ARTICLES, ROOT, SEED


def test_sentences_table_prints_title_separately_and_flags_read_more(capsys):
    assert main(["analyze", str(SEED), "--table", "sentences"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "kind" in out[0] and "boilerplate" in out[0]
    assert " title " in out[1] and "Lukashenko: Belarusian troops not partaking" in out[1]
    assert " related " in out[-1] and "Read more: Belarus says" in out[-1]


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_formats(capsys, fmt):
    assert main(["analyze", str(SEED), "--table", "sentences", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        rows = json.loads(out)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    else:
        rows = out.splitlines()[1:]
    assert len(rows) == 33


def test_folder_with_bad_files_exits_1_and_names_each(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Good headline\nThe talks resumed on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "rows.jsonl").write_text('{"text": "Fine row."}\n{oops\n', encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert "empty.txt: empty file" in captured.err
    assert "blob.txt: binary file" in captured.err
    assert "rows.jsonl:2: invalid JSON" in captured.err
    assert "Traceback" not in captured.err
    articles = {json.loads(line)["article"] for line in captured.out.splitlines()}
    assert articles == {"good", "rows-1"}


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["analyze", str(SEED), "--table", "nope"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["analyze", str(SEED), "--published", "24/02/2022"])
    assert info.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_missing_file_no_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "analyze", "missing.txt"], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == "presslens: error: missing.txt: no such file or folder"


def test_every_bundled_article_analyzes(capsys):
    assert main(["analyze", str(ARTICLES), "--table", "tokens", "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") > 1500


def test_broken_lexicon_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "bad.yml"
    bad.write_text("categories:\n  x:\n    colour: red\n", encoding="utf-8")
    assert main(["analyze", str(SEED), "--lexicon", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.yml, line 3: unknown key 'colour'" in err
