"""The functions behind the notebooks' widgets, called directly (no browser, no kernel)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import compare, explore, widgets
from helpers.analysis import analyze
from helpers.article import article_from_text

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted(p for p in (ROOT / "data" / "articles").iterdir() if p.is_file())

STORY = """Port talks stall
VELMAR, May 3 - Dock workers and the port authority ended a second day of talks without a deal.
"We are not going back until the night shifts are safe," said Ana Ruiz, a crane operator.
The authority's director, Karl Osten, said the offer on the table was final.
"Our offer is fair," Osten added. "The strike hurts every family in Velmar."
Ruiz said the workers would meet again on Friday.
"""


@pytest.fixture(scope="module")
def story():
    return analyze(article_from_text(STORY, id="port-talks"))


def _quotes_frame(a) -> pd.DataFrame:
    """A quotes table written by hand (contract columns), independent of the quotes step."""
    text = a.article.text

    def row(kind, quote, cue, speaker, resolution):
        s = text.index(quote)
        c = text.find(cue, s + len(quote))
        c = c if c >= 0 else text.rindex(cue, 0, s)  # indirect: "X said the offer ..."
        return dict(article=a.article.id, kind=kind, text=quote, start=s, end=s + len(quote), cue=cue,
                    cue_start=c, cue_end=c + len(cue), speaker=speaker, mention=None, mention_start=None,
                    mention_end=None, paragraph=a.doc.paragraph_at(s), sentence=a.doc.sentence_at(s),
                    nested_in=None, flag=None, resolution=resolution)

    return pd.DataFrame([
        row("direct", '"We are not going back until the night shifts are safe,"', "said", "Ana Ruiz", "name"),
        row("indirect", "the offer on the table was final", "said", "Karl Osten", "name"),
        row("direct", '"Our offer is fair,"', "added", "Karl Osten", "short form"),
        row("indirect", "the workers would meet again on Friday", "said", None, None),
    ], columns=explore.QUOTE_COLUMNS)


# --------------------------------------------------------------------------------------------
# quote browser


@pytest.mark.parametrize("speaker, kind, expected", [
    ("Karl Osten", None, ["Karl Osten", "Karl Osten"]),
    ("Ana Ruiz", "(all)", ["Ana Ruiz"]),
    ("Karl Osten", "direct", ["Karl Osten"]),
    ("(unattributed)", None, [None]),
    ("(all)", "indirect", ["Karl Osten", None]),
    ("Nobody", None, []),
])
def test_filter_by_speaker_and_kind(story, speaker, kind, expected):
    got = explore.filter_quotes(_quotes_frame(story), speaker=speaker, kind=kind)
    assert [s if isinstance(s, str) else None for s in got["speaker"]] == expected


def test_quote_browser_widget_follows_the_speaker_filter(story):
    a = explore.with_table(story, "quotes", _quotes_frame(story))
    a = explore.with_table(a, "speakers", pd.DataFrame({"speaker": ["Karl Osten", "Ana Ruiz"]}))
    ex = widgets.quote_browser(a)
    who, out = ex.controls["speaker"], ex.output["quotes"]
    assert list(who.options) == ["(all)", "Karl Osten", "Ana Ruiz", "(unattributed)"]
    assert "4 quote(s)" in out.value
    who.value = "Ana Ruiz"
    assert "1 quote(s)" in out.value and "Ana Ruiz" in out.value and "Karl Osten" not in out.value
    assert out.value == widgets.quote_list_html(a, speaker="Ana Ruiz")
    ex.controls["kind"].value = "indirect"
    assert "No quotes match" in out.value


def test_quote_is_marked_inside_its_paragraph(story):
    a = explore.with_table(story, "quotes", _quotes_frame(story))
    page = widgets.quote_list_html(a, speaker="Ana Ruiz")
    assert '<mark style="background:#fde68a">&quot;We are not going back' in page
    assert "said" in page and "resolved by: name" in page
    assert "a crane operator." in page  # the rest of the paragraph is shown around the quote


def test_quotes_table_from_the_pipeline_feeds_the_browser(story):
    if "quotes" not in story.tables:
        pytest.skip("the quotes step is not in helpers.analysis.STEPS")
    ex = widgets.quote_browser(story)
    assert f"{len(story.quotes)} quote(s)" in ex.output["quotes"].value
    speaker = ex.controls["speaker"].options[1]
    ex.controls["speaker"].value = speaker
    assert set(explore.filter_quotes(story.quotes, speaker=speaker)["speaker"]) == {speaker}


# --------------------------------------------------------------------------------------------
# escaping: article text is untrusted

HOSTILE = ('Markup\n"Never run <script>alert(1)</script> here," said Ann Bell.\n'
           'She said <img src=x onerror=alert(1)> was in the page & the "<b>" tag too.\n')


def test_article_markup_is_escaped_everywhere():
    a = analyze(article_from_text(HOSTILE, id="hostile"))
    a = explore.with_table(a, "quotes", pd.DataFrame([dict(
        article="hostile", kind="direct", text=a.article.text[7:52], start=7, end=52, cue="said",
        cue_start=53, cue_end=57, speaker="<i>Ann</i>", mention=None, mention_start=None, mention_end=None,
        paragraph=1, sentence=1, nested_in=None, flag=None, resolution="name")], columns=explore.QUOTE_COLUMNS))
    pages = [explore.paragraphs_html(a), widgets.quote_list_html(a), explore.table_html(a.sentences),
             widgets.article_views(a)["text"]]
    for page in pages:
        assert "<script" not in page and "<img" not in page and "<b>&quot;" not in page and "<i>Ann" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[0]
    assert "&lt;i&gt;Ann&lt;/i&gt;" in pages[1]


_OUR_TAGS = re.compile(r"</?(div|p|b|small|sup|mark|ol|li|i)\b[^>]*>")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300))
def test_any_text_renders_without_raw_markup(body):
    try:
        art = article_from_text("Title\n" + body, id="h")
    except Exception:
        return  # the loader refuses some inputs (e.g. malformed front matter); not ours to test
    a = analyze(art)
    page = explore.paragraphs_html(a)
    assert "<" not in _OUR_TAGS.sub("", page)
    explore.top_words(a)
    explore.collocations(a, size=2)
    explore.collocations(a, size=3, min_freq=1)
    explore.token_counts(a)


# --------------------------------------------------------------------------------------------
# 01: words, collocations, saving articles


def test_top_words_skip_stopwords_and_boilerplate(story):
    words = explore.top_words(story, n=50)
    assert "the" not in set(words["word"]) and "velmar" in set(words["word"])
    assert "stall" not in set(words["word"])  # only in the title, which is boilerplate
    assert words["count"].is_monotonic_decreasing


@pytest.mark.parametrize("size, min_freq, expected", [(2, 1, "night shifts"), (2, 2, "port authority"),
                                                      (3, 1, "port authority met")])
def test_collocations(size, min_freq, expected):
    text = ("Talks\nThe port authority met unions. The port authority said no. Unions said the night shifts "
            "were unsafe after a second day of talks.")
    got = explore.collocations(analyze(article_from_text(text, id="c")), size=size, min_freq=min_freq, n=50)
    assert expected in set(got["ngram"])
    assert all(len(g.split()) == size for g in got["ngram"])


def test_collocations_reject_unknown_options(story):
    with pytest.raises(ValueError):
        explore.collocations(story, size=4)
    with pytest.raises(ValueError):
        explore.collocations(story, measure="magic")


def test_upload_refuses_to_overwrite(tmp_path):
    first = explore.save_article(STORY, "port.txt", tmp_path)
    assert first.saved and first.path == tmp_path / "port.txt"
    again = widgets.upload_files([{"name": "port.txt", "content": memoryview(b"Other\nNew text here.")}], tmp_path)
    assert [r.saved for r in again] == [False] and "overwrite" in again[0].message
    assert (tmp_path / "port.txt").read_text() == STORY
    forced = explore.save_article(b"Other\nNew text here.", "port.txt", tmp_path, overwrite=True)
    assert forced.saved and (tmp_path / "port.txt").read_text() == "Other\nNew text here."


@pytest.mark.parametrize("name, content, saved_as", [
    ("../../outside.txt", STORY, "outside.txt"),
    ("notes.exe", STORY, "notes.exe.txt"),
    ("empty.txt", b"   \n", None),
    ("binary.txt", b"\x00\x01\x02", None),
])
def test_upload_names_and_bad_content(tmp_path, name, content, saved_as):
    folder = tmp_path / "articles"
    folder.mkdir()
    result = explore.save_article(content, name, folder)
    assert result.saved == (saved_as is not None)
    assert sorted(p.name for p in folder.iterdir()) == ([saved_as] if saved_as else [])
    assert not (tmp_path / "outside.txt").exists()


def test_fetch_saves_the_page_and_refuses_bad_urls(tmp_path):
    page = ("<html><head><title>Dock strike ends</title></head><body><article><h1>Dock strike ends</h1>"
            "<p>Workers in Velmar voted on Tuesday to end the strike after the port authority agreed to "
            "safer night shifts, union leaders said.</p></article></body></html>")
    got = explore.fetch_article("https://news.example/2024/05/dock-strike-ends", tmp_path, fetch=lambda u: page)
    assert got.saved and got.path.name == "dock-strike-ends.html"
    assert not explore.fetch_article("https://news.example/2024/05/dock-strike-ends", tmp_path,
                                     fetch=lambda u: page).saved
    assert not explore.fetch_article("file:///etc/passwd", tmp_path).saved

    def offline(url):
        raise OSError("network unreachable")

    assert "could not fetch" in explore.fetch_article("https://x.example/a", tmp_path, fetch=offline).message


def test_article_explorer_defaults_match_the_static_views(tmp_path):
    shutil.copy(ARTICLES[0], tmp_path / ARTICLES[0].name)
    ex = widgets.article_explorer(tmp_path)
    a = analyze(tmp_path / ARTICLES[0].name)
    assert ex.output["text"].value == explore.paragraphs_html(a)
    assert ex.output["words"].value == explore.table_html(explore.top_words(a, n=20))
    ex.controls["upload"].value = ({"name": "port.txt", "content": memoryview(STORY.encode()), "type": "text/plain",
                                    "size": len(STORY), "last_modified": dt.datetime.now(dt.timezone.utc)},)
    assert ex.controls["pick"].value == str(tmp_path / "port.txt")
    assert "Velmar" in ex.output["text"].value and "✔" in ex.output["status"].value


# --------------------------------------------------------------------------------------------
# 03: KWIC and lexicons


@pytest.mark.parametrize("pattern, matches", [("offer", ["offer", "offer"]), ("strik*", ["strike"]),
                                              ("night shifts", ["night shifts"]), ("zebra", [])])
def test_kwic(story, pattern, matches):
    got = explore.kwic_table(story, pattern)
    assert [m.lower() for m in got["match"]] == matches
    for row in got.itertuples():
        assert story.article.text[row.start:row.end] == row.match
    assert ("<table" in widgets.kwic_html(story, pattern)) == bool(matches)


def test_kwic_explorer_updates(story):
    ex = widgets.kwic_explorer(story, pattern="offer")
    assert ex.output["kwic"].value.count("<tr") == 3  # header + 2 lines
    ex.controls["pattern"].value = "strik*"
    assert "strike" in ex.output["kwic"].value and ex.output["kwic"].value.count("<tr") == 2


@pytest.fixture
def lexicon_dir(tmp_path):
    for p in (ROOT / "data" / "lexicons").glob("*.yml"):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


def test_lexicon_reload_rejects_an_invalid_file(lexicon_dir):
    path = sorted(lexicon_dir.glob("*.yml"))[0]
    before = path.read_text(encoding="utf-8")
    for bad in ("categories: [unclosed", "categories: {}", "name: x\n", "categories:\n  c:\n    terms: [a]\n    colour: red\n"):
        result = widgets.save_lexicon(path, bad)
        assert not result.saved and result.message.startswith("not saved")
        assert path.read_text(encoding="utf-8") == before


def test_lexicon_edit_and_reload_changes_the_scores(lexicon_dir, story):
    extra = "categories:\n  labour:\n    description: words of labour disputes\n    terms: [strike, offer, deal]\n"
    path = lexicon_dir / "attribution-verbs.yml"
    ex = widgets.lexicon_workbench(story, lexicon_dir, selected=[path])
    assert "labour" not in ex.output["scores"].value
    ex.controls["editor_pick"].value = str(path)
    ex.controls["editor_text"].value = extra
    ex.state["save"]()
    assert "✔" in ex.output["editor_status"].value and path.read_text(encoding="utf-8") == extra
    assert "labour" in ex.output["scores"].value  # reloaded without a new kernel
    ex.controls["editor_text"].value = "categories: [broken"
    ex.state["save"]()
    assert "✘" in ex.output["editor_status"].value and path.read_text(encoding="utf-8") == extra


# --------------------------------------------------------------------------------------------
# 04: timeline


def _timeline() -> pd.DataFrame:
    rows = [("Monday", "2024-05-06", None), ("May", "2024-05", "Ana Ruiz"), ("last year", "2023", None),
            ("three days", "P3D", "Karl Osten"), ("week 20", "2024-W20", None)]
    return pd.DataFrame([dict(zip(explore.TIMELINE_COLUMNS, ("x", t, 0, 1, "DATE", v, "DAY", True, 0, 0, s, None)))
                         for t, v, s in rows])


def test_timeline_filters():
    tl = _timeline()
    assert explore.timeline_dates(tl) == [dt.date(2023, 1, 1), dt.date(2024, 5, 1), dt.date(2024, 5, 6),
                                          dt.date(2024, 5, 13)]
    got = explore.filter_timeline(tl, start=dt.date(2024, 5, 1), end=dt.date(2024, 5, 10))
    assert list(got["text"]) == ["Monday", "May"]
    assert list(explore.filter_timeline(tl, speakers=["(narrator)"])["text"]) == ["Monday", "last year", "week 20"]
    assert list(explore.filter_timeline(tl, speakers=["Karl Osten"])["text"]) == ["three days"]
    assert len(explore.filter_timeline(tl)) == len(tl)


def test_timeline_explorer_and_reanchor():
    text = "Port talks\nDock workers walked out on Monday, the union said.\n"
    a = analyze(article_from_text(text, id="t"), published="2024-05-08")
    ex = widgets.timeline_explorer(a)
    assert ex.output["chart"].value[:4] == b"\x89PNG"
    panel = widgets.reanchor_panel(a)
    panel.controls["date"].value = dt.date(2024, 6, 14)
    panel.state["reanchor"]()
    assert panel.state["analysis"].published == dt.date(2024, 6, 14)
    values = set(panel.state["analysis"].timeline["value"])
    if set(a.timeline["value"]) != {"2024-05-06"}:
        pytest.skip("the timeline step does not resolve 'on Monday' here")
    assert values == {"2024-06-10"}
    assert "2024-06-10" in panel.output["table"].value


# --------------------------------------------------------------------------------------------
# every bundled article through every notebook's helper calls (nbmake runs the notebooks on one)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_notebook_helpers_on_every_bundled_article(path):
    a = analyze(path)
    explore.article_info(a)
    assert widgets.article_views(a)["text"].count("¶") == len(a.doc.paragraphs)
    explore.collocations(a, size=3, min_freq=1)
    for name, chart in (("speakers", "speakers_chart"), ("stance", "stance_heatmap"),
                        ("stance", "stance_by_voice_chart"), ("timeline", "timeline_chart")):
        assert name in a.tables, f"step {name} missing"
        assert widgets.chart(a, chart).data[:4] == b"\x89PNG"
    widgets.quote_browser(a)
    explore.resolution_counts(a)
    explore.scores_by(a, "voice")
    explore.scores_by(a, "speaker")
    widgets.kwic_explorer(a, pattern="said")
    widgets.timeline_explorer(a)
    widgets.reanchor_panel(a)


def test_compare_views_cover_every_article():
    analyses = compare.analyze_articles(ROOT / "data" / "articles", progress=False)
    ids = {a.article.id for a in analyses}
    assert set(compare.articles_table(analyses)["article"]) == ids
    assert set(compare.quoted_by_article(analyses)["article"]) <= ids
    assert set(compare.stance_by_article(analyses)["voice"]) <= {"narrator", "paraphrase", "quoted"}
    ex = compare.compare_explorer(analyses)
    ex.controls["articles"].value = [sorted(ids)[0]]
    assert sorted(ids)[-1] not in ex.output["table"].value
