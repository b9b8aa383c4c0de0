"""helpers/text.py: paragraphs, sentences and words with character spans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.article import ArticleError, article_from_text, load
from helpers.text import span_tokenize_paragraphs, span_tokenize_sentences, tokenize, tokenize_text, word_tokenize

from .conftest import SEED


def sentences(text: str) -> list[str]:
    doc = tokenize_text(text)
    return [doc.text[s.start : s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        ("Talks began on Feb. 10 in Minsk. They ended.", ["Talks began on Feb. 10 in Minsk.", "They ended."]),
        ("Mr. Smith and Mrs. Jones met Dr. Lee.", ["Mr. Smith and Mrs. Jones met Dr. Lee."]),
        ("Gen. Ivanov and Lt. Col. Petrov spoke. Sen. Hale did not.",
         ["Gen. Ivanov and Lt. Col. Petrov spoke.", "Sen. Hale did not."]),
        ("Rep. Anand and Gov. Marsh of St. Cardow arrived.", ["Rep. Anand and Gov. Marsh of St. Cardow arrived."]),
        ("Acme Inc. and Brandt Corp. merged. Shares rose.", ["Acme Inc. and Brandt Corp. merged.", "Shares rose."]),
        ("It starts at 5 a.m. on Sept. 9 at No. 10 Downing St. in London.",
         ["It starts at 5 a.m. on Sept. 9 at No. 10 Downing St. in London."]),
        ("Martin Luther King Jr. spoke. The crowd cheered.", ["Martin Luther King Jr. spoke.", "The crowd cheered."]),
        ('"We are ready." The minister left.', ['"We are ready."', "The minister left."]),
        ("\u201cWe are ready.\u201d The minister left.", ["\u201cWe are ready.\u201d", "The minister left."]),
        ("He said: \u2018Not yet.\u2019 Then he left.", ["He said: \u2018Not yet.\u2019", "Then he left."]),
        ("It grew in the U.K. The U.S. did not.", ["It grew in the U.K.", "The U.S. did not."]),
        ("Is it over? No! It is not.", ["Is it over?", "No!", "It is not."]),
        ("Sen. Ann Ode (D-Ore.) said the bill would fail. Others agreed.",
         ["Sen. Ann Ode (D-Ore.) said the bill would fail.", "Others agreed."]),
        ("Rep. Tom Vale (R-Mass.) and Sen. Ida Kerr (I-W.Va.) voted no.",
         ["Rep. Tom Vale (R-Mass.) and Sen. Ida Kerr (I-W.Va.) voted no."]),
        ("They mine iron ore. Prices fell. He fell ill. Doctors came.",
         ["They mine iron ore.", "Prices fell.", "He fell ill.", "Doctors came."]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Can't stop, won't stop.", ["Ca", "n't", "stop", ",", "wo", "n't", "stop", "."]),
        ('"Yes," she said.', ['"', "Yes", ",", '"', "she", "said", "."]),
        ("\u201cYes,\u201d she said.", ["\u201c", "Yes", ",", "\u201d", "she", "said", "."]),
        ("the 'Allied Resolve-2022' drills", ["the", "'", "Allied", "Resolve-2022", "'", "drills"]),
        ("It cost $27 in the U.S.", ["It", "cost", "$", "27", "in", "the", "U.S", "."]),
        ("He said: 'Now the door.'", ["He", "said", ":", "'", "Now", "the", "door", ".", "'"]),
    ],
)
def test_words_keep_original_characters(text, expected):
    assert word_tokenize(text) == expected


def test_paragraphs_one_per_line_or_blank_line_blocks():
    assert list(span_tokenize_paragraphs("A.\nB.\n\nC.")) == [(0, 2), (3, 5), (7, 9)]
    wrapped = (
        "The talks began on Monday and went on\nwell into the night, officials said,\nwith "
        "no sign of a deal.\n\nA second paragraph starts\nhere and continues\nhere.\n"
    )
    spans = list(span_tokenize_paragraphs(wrapped))
    assert len(spans) == 2 and wrapped[spans[1][0] : spans[1][1]].endswith("here.")


def test_seed_article_structure():
    doc = tokenize(load(SEED))
    kinds = [p.kind for p in doc.paragraphs]
    assert kinds[0] == "title" and kinds[-1] == "related"
    assert kinds.count("heading") == 1  # "Ongoing, joint military drills"
    heading = doc.paragraphs[kinds.index("heading")]
    assert doc.span(heading.start, heading.end) == "Ongoing, joint military drills"
    assert doc.text[doc.sentences[0].start : doc.sentences[0].end] == load(SEED).title
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert "Read more: Belarus says Russian forces to remain for more drills" in texts
    # a closing quotation mark after the full stop stays with its sentence
    assert any(t.endswith('"avoid bloodshed."') for t in texts)
    assert "This conflict can be prevented at the moment.'\"" in texts
    assert doc.dateline is None and 550 < doc.word_count < 600


def test_dateline_flagged():
    doc = tokenize(article_from_text("Headline\nMOSCOW, Feb 24 (Reuters) - Talks began.\nMore.", id="d"))
    assert doc.span(*doc.dateline) == "MOSCOW, Feb 24 (Reuters) - "


def test_sentence_and_paragraph_lookup():
    doc = tokenize_text("First one. Second one.\nThird one.")
    assert doc.sentence_at(0) == 0 and doc.sentence_at(12) == 1 and doc.paragraph_at(25) == 1
    assert [t.text for t in doc.sentence_tokens(2)] == ["Third", "one", "."]


def test_tokenize_never_crosses_paragraphs():
    doc = tokenize_text("No full stop here\nNor here\nLast line without one")
    assert len(doc.sentences) == 3


@pytest.mark.parametrize(
    "text",
    [
        "\u201cUnbalanced quote begins and never ends. Still fine.",
        "<script>alert(1)</script>\n<p>HTML in text</p>",
        "Президент заявил, что переговоры продолжатся. Это важно.",
        "日本の首相は水曜日に声明を発表した。",
        "...\n!!!\n???",
        "a" * 10_000,
        "\u200b\u00a0\ufeff mixed\u2028separators\u2029here",
    ],
)
def test_odd_text_tokenizes(text):
    doc = tokenize_text(text)
    for t in doc.tokens:
        assert doc.text[t.start : t.end] == t.text
    for s in doc.sentences:
        assert doc.paragraphs[s.paragraph].start <= s.start <= s.end <= doc.paragraphs[s.paragraph].end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_unicode_loads_tokenizes_and_spans_slice_back(text):
    try:
        article = article_from_text(text, id="prop")
    except ArticleError:
        assert not text.strip() or text.lstrip().startswith("---")
        return
    doc = tokenize(article)
    body = article.text
    last = 0
    for t in doc.tokens:
        assert body[t.start : t.end] == t.text and t.start >= last
        last = t.end
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= len(body)
        assert all(s.start <= t.start and t.end <= s.end for t in doc.sentence_tokens(s.i))
    for p in doc.paragraphs:
        assert body[p.start : p.end].strip() == body[p.start : p.end]


# NLTK's own tokenizers (patterns run by ``regex`` under nltk.redos) against ours (the same
# patterns compiled by ``re``): the tokens must be identical.
def _nltk_reference():
    from nltk.tokenize import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from helpers.text import _punkt

    return PunktSentenceTokenizer(_punkt()._params), NLTKWordTokenizer()


@given(st.text(alphabet=st.sampled_from(list("ab .,;:!?'\"()[]-\u201c\u201d\u2018\u2019\u00ab\u00bbU.S\n$%3")), max_size=120))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_stdlib_patterns_tokenize_like_nltk(text):
    from helpers.text import _WORDS, _punkt

    punkt, words = _nltk_reference()
    assert list(_punkt().span_tokenize(text)) == list(punkt.span_tokenize(text))
    assert list(span_tokenize_sentences(text)) == list(punkt.span_tokenize(text))
    assert _WORDS.tokenize(text) == words.tokenize(text)


_PIECES = ["cannot", "CanNot", "gonna", "Gimme", "lemme", "gotta", "wanna", "more'n", "d'ye", "'tis", "'Twas", "can",
           "not", "na", "'t", "is", "was", "don't", "I'm", "they'll", "U.S.", "Dr.", "said", "\"", "''", "``", "'", ",",
           ".", "?", "!", "(", ")", "--", "...", ";", ":", "\u201c", "\u201d", "\u2019", "\u00ab", "\u00bb", "$5", "3,000"]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  ", "\n"])), max_size=30))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_word_tokenizer_with_contractions_matches_nltk(parts):
    from helpers.text import _WORDS

    _, words = _nltk_reference()
    text = "".join(w + sep for w, sep in parts)
    assert _WORDS.tokenize(text) == words.tokenize(text)


@pytest.mark.shared
def test_stdlib_patterns_tokenize_polnear_like_nltk(shared):
    from helpers.text import _WORDS, _punkt

    punkt, words = _nltk_reference()
    files = sorted((shared / "eval" / "polnear" / "dev" / "text").glob("*"))
    assert len(files) > 50
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert list(_punkt().span_tokenize(text)) == list(punkt.span_tokenize(text)), f.name
        for para in text.split("\n"):
            assert list(span_tokenize_sentences(para)) == list(punkt.span_tokenize(para)), f.name
            assert _WORDS.tokenize(para) == words.tokenize(para), f.name
