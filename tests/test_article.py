"""helpers/article.py: every input format, publication dates, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
import warnings
from pathlib import Path

import pytest

from helpers.article import (
    Article,
    ArticleError,
    LoadWarning,
    article_from_text,
    iter_articles,
    load,
    load_many,
    parse_date,
)

from .conftest import ARTICLES, SEED, SHARED


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


# --- the bundled articles ---------------------------------------------------------------------


def test_seed_article_loads_with_front_matter():
    a = load(SEED)
    assert a.id == "lukashenko-belarusian-troops"
    assert a.title == "Lukashenko: Belarusian troops not partaking in Russian operation"
    assert a.published == dt.date(2022, 2, 24)
    assert a.text.startswith("Lukashenko: Belarusian troops")


@pytest.mark.skipif(not (SHARED / "articles").is_dir(), reason="../shared/articles not found")
def test_seed_text_is_the_shared_file_unchanged():
    original = (SHARED / "articles" / "lukashenko-belarusian-troops.txt").read_text(encoding="utf-8")
    assert load(SEED).text == original
    assert load(SHARED / "articles" / "lukashenko-belarusian-troops.txt").text == original


def test_every_bundled_article_loads_and_fictional_ones_say_so():
    articles, errors = load_many(ARTICLES)
    assert not errors
    assert len(articles) >= 4
    fictional = [a for a in articles if a.meta.get("fictional") is True]
    assert len(fictional) >= 3
    assert all(a.published for a in articles)


# --- text and Markdown ------------------------------------------------------------------------


def test_text_without_front_matter_is_the_file_content(tmp_path):
    content = "Title line\r\nBody with “curly” quotes — and a dash.\n"
    a = load(write(tmp_path, "x.txt", content))
    assert a.text == content and a.title == "Title line" and a.published is None


def test_bom_is_stripped(tmp_path):
    a = load(write(tmp_path, "bom.txt", b"\xef\xbb\xbfHeadline\nBody."))
    assert a.title == "Headline" and a.text == "Headline\nBody."


def test_markdown_heading_title(tmp_path):
    a = load(write(tmp_path, "m.md", "# A heading title\n\nSome text.\n"))
    assert a.title == "A heading title"


@pytest.mark.parametrize(
    "first_paragraph, expected",
    [
        ("MOSCOW, Feb 24, 2022 (Reuters) - Talks began.", dt.date(2022, 2, 24)),
        ("KESSIA CITY, June 12, 2024 (Lowland Courier) - It rained.", dt.date(2024, 6, 12)),
        ("LONDON, 3 March 2021 (AP) — Markets fell.", dt.date(2021, 3, 3)),
        ("VELMAR, Sept. 9 (Wire) - In 2019 the port grew.", dt.date(2019, 9, 9)),  # year from the text
        ("MOSCOW, Feb 24 (Reuters) - No year anywhere.", None),
        ("Talks began on Feb 24, 2022 in Moscow.", None),  # not a dateline
    ],
)
def test_published_from_dateline(first_paragraph, expected):
    a = article_from_text(f"Headline\n{first_paragraph}\n", id="d")
    assert a.published == expected


def test_front_matter_date_wins_over_dateline(tmp_path):
    p = write(tmp_path, "a.txt", "---\npublished: 2020-01-02\n---\nT\nMOSCOW, Feb 24, 2022 (Reuters) - x.\n")
    assert load(p).published == dt.date(2020, 1, 2)


@pytest.mark.parametrize("value", ["2022-02-24", "2022-02-24T10:30:00Z", dt.date(2022, 2, 24)])
def test_parse_date(value):
    assert parse_date(value) == dt.date(2022, 2, 24)


# --- records --------------------------------------------------------------------------------


def test_jsonl_broken_line_is_reported_and_others_load(tmp_path):
    lines = [
        json.dumps({"text": "First\nOne.", "published": "2022-01-01", "source": "Wire"}),
        '{"text": "broken',
        json.dumps({"id": "third", "title": "T3", "text": "Third article."}),
        json.dumps({"title": "no text"}),
    ]
    p = write(tmp_path, "c.jsonl", "\n".join(lines) + "\n")
    found = list(iter_articles(p))
    arts = [x for x in found if isinstance(x, Article)]
    errs = [x for x in found if isinstance(x, ArticleError)]
    assert [a.id for a in arts] == ["c-1", "third"]
    assert arts[0].published == dt.date(2022, 1, 1) and arts[0].source == "Wire"
    assert [(e.line, str(e)) for e in errs] == [
        (2, f"{p}:2: invalid JSON (Unterminated string starting at at column 10)"),
        (4, f"{p}:4: missing or empty 'text'"),
    ]


def test_csv_rows_and_missing_text_column(tmp_path):
    good = write(tmp_path, "good.csv", 'id,title,text,published\na1,T,"Body, with comma.",2022-02-24\na2,U,,\n')
    found = list(iter_articles(good))
    assert isinstance(found[0], Article) and found[0].id == "a1" and found[0].published == dt.date(2022, 2, 24)
    assert isinstance(found[1], ArticleError) and found[1].line == 3 and "text" in found[1].reason
    bad = write(tmp_path, "bad.csv", "title,body\nT,B\n")
    with pytest.raises(ArticleError, match=r"bad\.csv:1: no 'text' column"):
        load(bad)


def test_json_array(tmp_path):
    p = write(tmp_path, "arr.json", json.dumps([{"text": "One."}, {"text": "Two."}]))
    arts, errs = load_many(p)
    assert [a.text for a in arts] == ["One.", "Two."] and not errs


# --- HTML and URLs ----------------------------------------------------------------------------

PAGE = """<html><head><title>Harbour talks resume</title>
<meta property="article:published_time" content="2023-03-06T09:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Harbour talks resume</h1>
<p>Talks between the Velmar dockworkers and the harbour authority resumed on Monday morning,
both sides said, after a week-long pause in the negotiations.</p>
<p>"We are here to listen," union leader Marta Kovesi told reporters at the gates of the port,
adding that her members would vote on any new offer within days.</p>
<p>The authority said it would present its revised proposal in writing by Wednesday.</p>
</article><footer>Copyright Coastline Wire</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    a = load(write(tmp_path, "page.html", PAGE))
    assert a.title == "Harbour talks resume"
    assert "union leader Marta Kovesi" in a.text and "Copyright" not in a.text
    assert a.published == dt.date(2023, 3, 6)


def test_html_without_main_text(tmp_path):
    with pytest.raises(ArticleError, match=r"empty\.html: no main text"):
        load(write(tmp_path, "empty.html", "<html><body><nav>Home</nav></body></html>"))


@pytest.fixture()
def local_server(tmp_path):
    (tmp_path / "story.html").write_text(PAGE, encoding="utf-8")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_fetched_from_local_server(local_server):
    a = load(f"{local_server}/story.html")
    assert a.title == "Harbour talks resume" and a.url.endswith("/story.html")
    assert "revised proposal" in a.text


def test_url_not_found_is_an_error(local_server):
    with pytest.raises(ArticleError, match="could not fetch"):
        load(f"{local_server}/missing.html")


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
        ("fm.txt", b"---\ntitle: [unclosed\n---\nBody\n", "fm.txt:2: malformed front matter"),
        ("date.txt", b"---\ntitle: T\npublished: 24/02/2022\n---\nBody\n", "date.txt:3: front matter: published date"),
        ("only-fm.md", b"---\ntitle: T\n---\n\n", "no text after the front matter"),
    ],
)
def test_bad_input_gets_a_clear_error(tmp_path, name, content, message):
    p = write(tmp_path, name, content)
    with pytest.raises(ArticleError) as info:
        load(p)
    assert message in str(info.value) and name in str(info.value)


def test_missing_file():
    with pytest.raises(ArticleError, match=r"nowhere\.txt: no such file"):
        load("nowhere.txt")


def test_invalid_utf8_decoded_with_warning(tmp_path):
    p = write(tmp_path, "latin.txt", "Caf\u00e9 talks\nThe minister\u2019s caf\u00e9 in M\u00fcnchen reopened on Friday, officials said.".encode("cp1252"))
    with pytest.warns(LoadWarning, match=r"latin\.txt: not valid UTF-8"):
        a = load(p)
    assert a.title == "Café talks" and "München" in a.text


def test_folder_mixing_good_and_bad(tmp_path):
    write(tmp_path, "a.txt", "Good one\nText.")
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.bin", b"\x00\x01")
    write(tmp_path, "d.md", "# Good two\nText.")
    arts, errs = load_many(tmp_path)
    assert sorted(a.id for a in arts) == ["a", "d"]
    assert sorted(Path(e.path).name for e in errs) == ["b.txt", "c.bin"]


def test_fifty_megabyte_file_loads_and_tokenizes(tmp_path):
    from helpers.text import tokenize

    para = "Officials said on Monday that the talks would resume in Velmar next week. " * 10 + "\n"
    p = tmp_path / "huge.txt"
    with p.open("w", encoding="utf-8") as fh:
        fh.write("A very long article\n")
        for _ in range(50 * 1024 * 1024 // len(para) + 1):
            fh.write(para)
    a = load(p)
    assert len(a.text) > 50 * 1024 * 1024
    doc = tokenize(a)
    assert len(doc.sentences) > 600_000
    for t in (doc.tokens[0], doc.tokens[len(doc.tokens) // 2], doc.tokens[-1]):
        assert a.text[t.start : t.end] == t.text
