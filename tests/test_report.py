"""HTML reports: the content helpers, the index, and rendering through papermill + nbconvert."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis import Analysis, analyze
from helpers.article import article_from_text
from helpers.cli import main
from helpers.text import tokenize
from helpers.report import _file_name, _kernel_manager, render_reports
from helpers.report_index import index_page
from helpers.report_sections import chart, header, kwic_html, quotes_html, table, unavailable
from helpers.report_summary import ReportSummary, accuracy_records, summarize, summary_sentences

from .conftest import SEED

SEED_TITLE = "Lukashenko: Belarusian troops not partaking in Russian operation"
#: "Thursday", "last night", "Earlier this month", "February 10" resolved against 2022-02-24.
SEED_DATES = ["2022-02-24", "2022-02-23", "2022-02", "2022-02-10"]
#: What a resource load from the network looks like in HTML/CSS.
REMOTE = re.compile(r"""(?:\bsrc|\bhref|\baction|\bposter|\bdata)\s*=\s*["']?\s*(?:https?:)?//"""
                    r"""|url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:url\()?\s*["']?(?:https?:)?//""", re.I)

HOSTILE = """---
title: "<script>alert(1)</script> Harbour <img src=x onerror=alert(1)> chief resigns"
published: 2023-05-02
source: "<b>Velmar Gazette</b>"
url: "javascript:alert(1)"
---
<script>alert(1)</script> Harbour chief resigns
VELMAR - The harbour chief resigned on Monday, officials said.
"<img src=x onerror=alert(1)> is not a picture," said Mara Voss, a spokeswoman for the port.
Critics posted <a href="javascript:alert(1)">this link</a> and [a second one](javascript:alert(1)) last week.
"""


def _analysis(text: str, **tables: pd.DataFrame) -> Analysis:
    """An Analysis holding only the given tables (as if those steps were all this version had)."""
    art = article_from_text(text, id="t")
    return Analysis(art, tokenize(art), art.published, dict(tables))


# --- summaries -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "summary, expected",
    [
        (ReportSummary("a", "T", None, 4, [("Jane Roe", 3), ("Port Authority", 1)], [], [], ("2023-03-01", "2023-03-03"), 3),
         ["Jane Roe speaks most: 3 of 4 quotes (75%).", "Also quoted: Port Authority (1).",
          "No stance vocabulary from the lexicons was found.", "The 3 resolved dates span 2023-03-01 to 2023-03-03."]),
        (ReportSummary("a", "T", None, None, None, None, None, None, None),
         ["Quotations are not analysed by this version of presslens.",
          "Stance vocabulary is not analysed by this version of presslens.",
          "Dates are not analysed by this version of presslens."]),
        (ReportSummary("a", "T", None, 0, [], ["blame"], [("quoted", "blame", 2), ("narrator", "military action", 1)],
                       ("2024-06-12", "2024-06-12"), 2),
         ["No quotations were found in this article.",
          "Dominant framing: blame in quoted speech (2 matches); military action in the narrator's voice (1 matches).",
          "All 2 resolved dates fall on 2024-06-12."]),
    ],
)
def test_summary_sentences(summary, expected):
    assert summary_sentences(summary) == expected


def test_summarize_from_tables():
    speakers = pd.DataFrame({"speaker": ["Mara Voss", "Ivo Penn", None], "quotes": [1, 3, 2]})
    stance = pd.DataFrame({
        "category": ["blame", "blame", "neutral", "neutral", "neutral", "peace"],
        "voice": ["quoted", "quoted", "narrator", "narrator", "narrator", "narrator"],
        "negated": [False, False, False, False, False, True],
        "lexicon": ["frames", "frames", "attribution-verbs", "attribution-verbs", "attribution-verbs", "frames"],
    })
    timeline = pd.DataFrame({"value": ["2023-03-03", "PRESENT_REF", "2023-02", "XXXX-XX-XX", "2023-W09"]})
    a = _analysis("Strike\nThe strike went on.", quotes=pd.DataFrame({"x": range(6)}), speakers=speakers,
                  stance=stance, timeline=timeline)
    s = summarize(a)
    assert s.top_speakers == [("Ivo Penn", 3), ("Mara Voss", 1)]  # sorted by quotes, no unnamed speaker
    assert s.quotes == 6
    assert s.dominant_by_voice == [("quoted", "blame", 2)]  # attribution verbs and negated matches are not framing
    assert s.date_range == ("2023-02", "2023-W09") and s.dated == 3


def test_summarize_without_tables():
    s = summarize(_analysis("Talks\nThe talks resumed."))
    assert (s.quotes, s.top_speakers, s.dominant_by_voice, s.date_range) == (None, None, None, None)


# --- escaping and missing tables -------------------------------------------------------------


def test_header_escapes_metadata_and_links_only_http():
    a = analyze(article_from_text(HOSTILE, id="h"))
    page = header(a).data
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Velmar Gazette&lt;/b&gt;" in page
    assert "href" not in page  # a javascript: URL is shown as text, never linked


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a & b \"c\""])
def test_tables_escape_cells(value):
    a = _analysis("T\nText.", speakers=pd.DataFrame({"speaker": [value], "mentions": [[value, "x"]], "quotes": [1]}))
    page = table(a, "speakers").data
    assert "<script" not in page and "<img" not in page
    assert html.escape(value, quote=False) in page  # what to_html(escape=True) writes


def test_missing_and_empty_tables_show_a_note():
    a = _analysis("T\nText.", timeline=pd.DataFrame(columns=["value"]))
    assert "not available in this version" in table(a, "speakers").data
    assert "nothing found" in table(a, "timeline").data
    assert "not available" in chart(a, "no_such_chart", alt="x").data
    assert "not available" in quotes_html(_analysis("T\nText.")).data
    assert "not available" in kwic_html(_analysis("T\nText.")).data
    assert unavailable("<b>").data == '<p class="pl-note">&lt;b&gt;: not available in this version of presslens.</p>'


def test_quotes_are_highlighted_with_speaker_and_escaped():
    text = 'Strike\nThe mayor said "<b>we will not yield</b>," and Mara Voss agreed.\n'
    start = text.index('"<b>')
    end = text.index(',"') + 2
    mention = text.index("The mayor")
    quotes = pd.DataFrame([{
        "kind": "direct", "text": text[start:end], "start": start, "end": end, "cue": "said",
        "speaker": "Ivo <Penn>", "mention": "The mayor", "mention_start": mention, "mention_end": mention + 9,
        "nested_in": None,
    }])
    page = quotes_html(_analysis(text, quotes=quotes)).data
    assert '<span class="pl-tag">Ivo &lt;Penn&gt;</span>' in page
    assert '<span class="pl-speaker">The mayor</span>' in page
    assert "&lt;b&gt;we will not yield&lt;/b&gt;" in page and "<b>" not in page
    assert re.search(r'<mark class="pl-quote pl-direct"[^>]*>&quot;&lt;b&gt;we will', page)
    assert "and Mara Voss agreed." in page  # text outside the quote is kept


def test_hedged_statements_are_noted_not_highlighted():
    from helpers.report_sections import caveats_html

    text = "Port\nThe ferry seems to be late again. Ode said the crews were tired.\n"
    a = analyze(article_from_text(text, id="port"))
    quotes = a.tables["quotes"]
    assert quotes["flag"].tolist()[:1] == ["hedge"] and quotes["speaker"].tolist()[1:] == ["Ode"]
    page = quotes_html(a).data
    assert "crews were tired" in page and "unattributed" not in page
    notes = caveats_html(a).data
    assert "1 hedged statements" in notes and "no resolved speaker" not in notes


# --- index and file names --------------------------------------------------------------------


@pytest.mark.parametrize(
    "article_id, taken, expected",
    [
        ("lukashenko-belarusian-troops", set(), "lukashenko-belarusian-troops.html"),
        ("../../etc/passwd", set(), "etc-passwd.html"),
        ("index", set(), "index-article.html"),
        ("a", {"a.html"}, "a-2.html"),
        ("...", set(), "article.html"),
    ],
)
def test_file_names_are_safe_and_unique(article_id, taken, expected):
    assert _file_name(article_id, set(taken)) == expected


def test_index_lists_reports_and_failures_escaped():
    page = index_page(
        [{"file": "a.html", "title": "<script>alert(1)</script>", "published": "2022-02-24",
          "top_speakers": [["Alexander Lukashenko", 16], ["Belta", 1]], "top_categories": ["military action"],
          "date_range": ["2022-02-10", "2022-02-24"], "quotes": 23}],
        [("bad/<x>.txt", "empty article (no text)")],
    )
    assert "<script" not in page and "&lt;script&gt;" in page
    assert 'href="a.html"' in page and "Alexander Lukashenko (16), Belta (1)" in page
    assert "2022-02-10 &ndash; 2022-02-24" in page and "military action" in page
    assert "bad/&lt;x&gt;.txt" in page and "empty article (no text)" in page
    assert not REMOTE.search(page)


def test_accuracy_file_is_valid_and_read(tmp_path):
    assert isinstance(accuracy_records(), list)  # the shipped file parses
    f = tmp_path / "acc.json"
    f.write_text('{"figures": [{"component": "quotes", "metric": "F1", "value": 0.8}, {"metric": "x", "value": null}]}')
    assert accuracy_records(f) == [{"component": "quotes", "metric": "F1", "value": 0.8}]


def test_kernel_is_this_python():
    """papermill never picks up a stray ``python3`` kernelspec: the kernel is this interpreter."""
    km = _kernel_manager()
    assert km.kernel_spec.argv[0] == sys.executable
    assert km.kernel_spec.argv[1:3] == ["-m", "ipykernel_launcher"]


# --- rendering (runs the notebook in a kernel) -----------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The seed article, a hostile article and an empty file rendered in one run."""
    src = tmp_path_factory.mktemp("articles")
    (src / SEED.name).write_bytes(SEED.read_bytes())
    (src / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path_factory.mktemp("reports")
    status = render_reports([str(src)], output=out)
    return status, out


def test_seed_report_content(rendered):
    status, out = rendered
    page = (out / "lukashenko-belarusian-troops.html").read_text(encoding="utf-8")
    assert SEED_TITLE in page
    assert f"<title>{SEED_TITLE}</title>" in page
    assert "Alexander Lukashenko speaks most" in page  # the top speaker, in the summary
    speakers = page[page.index('id="Speakers"'):page.index('id="Stance-and-framing"')]
    first_row = re.search(r"<tbody>\s*<tr>\s*<td>([^<]*)</td>", speakers)
    assert first_row and "Lukashenko" in first_row.group(1)
    timeline = page[page.index('id="Timeline"'):page.index('id="Method-and-caveats"')]
    for date in SEED_DATES:
        assert re.search(rf"<td>{date}(?:T[A-Z0-9:]+)?</td>", timeline), f"timeline table lacks {date}"
    assert "not available in this version" not in page, "a section of the report is missing"


def test_seed_report_is_self_contained_and_small(rendered):
    _, out = rendered
    path = out / "lukashenko-belarusian-troops.html"
    page = path.read_text(encoding="utf-8")
    assert path.stat().st_size < 2_000_000
    assert not REMOTE.search(page), REMOTE.search(page)
    assert "<script" not in page.lower()  # no require.js, MathJax, widgets, nor anything else
    assert "<link" not in page.lower()
    imgs = re.findall(r"<img\b[^>]*>", page)
    assert len(imgs) >= 4 and all('src="data:image/png;base64,' in i for i in imgs)
    assert "run_analysis(" not in page  # code cells left out by default


def test_hostile_article_is_escaped(rendered):
    _, out = rendered
    page = (out / "hostile.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not re.search(r"<img\b[^>]*\bsrc=[\"']?x\b", page)
    assert not re.search(r"<[^>]+\bon[a-z]+\s*=", page), "an event-handler attribute reached the page"
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", page, re.I)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_bad_input_is_listed_and_others_written(rendered, capsys):
    status, out = rendered
    assert status == 1
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="lukashenko-belarusian-troops.html"' in index and 'href="hostile.html"' in index
    assert "empty.txt" in index and "Failed" in index
    assert not REMOTE.search(index) and "<script" not in index


def test_analysis_failure_named_on_stderr(tmp_path, capsys):
    bad = tmp_path / "broken.yml"
    bad.write_text("categories: [unclosed\n", encoding="utf-8")
    status = render_reports([str(SEED)], output=tmp_path / "out", lexicon=[str(bad)])
    err = capsys.readouterr().err
    assert status == 1
    assert "lukashenko-belarusian-troops.txt: report failed:" in err and "broken.yml" in err
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "broken.yml" in index and not (tmp_path / "out" / "lukashenko-belarusian-troops.html").exists()


def test_cli_with_code_prints_index(tmp_path, capsys):
    out = tmp_path / "r"
    assert main(["report", str(SEED), "-o", str(out), "--with-code", "--published", "2022-02-24"]) == 0
    assert capsys.readouterr().out.strip() == str(out / "index.html")
    page = (out / "lukashenko-belarusian-troops.html").read_text(encoding="utf-8")
    assert "run_analysis" in page and "Parameters" in page  # code and the notebook's scaffolding kept
    assert "<script" not in page.lower()
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "lukashenko-belarusian-troops.html"]  # no temp files


def test_parallel_workers_write_every_report(tmp_path):
    out = tmp_path / "r"
    status = render_reports([str(SEED), str(SEED.parent / "river-dam-talks.md")], output=out, workers=2)
    assert status == 0
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "lukashenko-belarusian-troops.html",
                                                      "river-dam-talks.html"]
    assert "Alexander Lukashenko" in (out / "index.html").read_text(encoding="utf-8")
