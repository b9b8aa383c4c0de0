"""Lexicon files: format, validation errors naming file and line, loading several together."""

from __future__ import annotations

import textwrap

import pytest

from helpers.lexicon import BUNDLED_DIR, LexiconError, load_lexicons, make_term, parse_lexicon


def test_bundled_lexicons_load_with_the_expected_categories():
    lexicons = {lex.name: lex for lex in load_lexicons()}
    assert set(lexicons) == {"conflict-framing", "attribution-verbs"}
    cats = [c.name for c in lexicons["conflict-framing"].categories]
    for name in ("de-escalation", "military-action", "blame-aggression", "sovereignty-legitimacy",
                 "humanitarian-cost", "kinship-identity", "naming-kremlin", "naming-ukraine-west"):
        assert name in cats
    assert [c.name for c in lexicons["attribution-verbs"].categories] == ["neutral", "distancing", "endorsing"]
    naming = {c.name: {t.text for t in c.terms} for c in lexicons["conflict-framing"].categories}
    assert {"special military operation", "Kiev", "Donbass", "Lugansk"} <= naming["naming-kremlin"]
    assert {"invasion", "Kyiv", "Donbas", "Luhansk", "Lukashenka"} <= naming["naming-ukraine-west"]


GOOD = """\
name: mine
description: test lexicon
categories:
  peace:
    description: calls for peace
    label: peace & talks
    terms:
      - ceasefire
      - peace talk*
      - term: NATO
        case: true
        weight: 2.5
        note: the alliance
"""


def test_a_well_formed_lexicon_parses():
    lex = parse_lexicon(GOOD, source="mine.yml")
    assert lex.name == "mine" and lex.categories[0].label == "peace & talks"
    terms = {t.text: t for t in lex.terms}
    assert terms["peace talk*"].words == ("peace", "talk") and terms["peace talk*"].prefix == (False, True)
    assert terms["NATO"].case and terms["NATO"].weight == 2.5 and terms["NATO"].note == "the alliance"
    assert terms["NATO"].words == ("NATO",) and terms["NATO"].line == 10
    assert terms["ceasefire"].weight == 1.0 and not terms["ceasefire"].case


BAD = [
    # (yaml text, line, words the message must contain)
    ("colour: red\ncategories: {a: {description: d, terms: [x]}}", 1, "unknown key 'colour'"),
    ("categories:\n  a:\n    description: d\n    terms: [x]\n    colour: red", 5, "unknown key 'colour' in category 'a'"),
    ("categories:\n  a:\n    description: d\n    terms:\n      - term: x\n        colour: red", 6, "unknown key 'colour' in a term"),
    ("categories:\n  a:\n    terms: [x]", 3, "has no 'description'"),
    ("categories:\n  a:\n    description: d", 3, "has no 'terms'"),
    ("categories:\n  a:\n    description: d\n    terms: []", 4, "non-empty list"),
    ("categories:\n  a:\n    description: d\n    terms: ['*war']", 4, "'*' may only end a word"),
    ("categories:\n  a:\n    description: d\n    terms: ['oc*cupy']", 4, "'*' may only end a word"),
    ("categories:\n  a:\n    description: d\n    terms: ['*']", 4, "no word"),
    ("categories:\n  a:\n    description: d\n    terms:\n      - {term: x, weight: heavy}", 5, "weight must be a number"),
    ("categories:\n  a:\n    description: d\n    terms:\n      - {term: x, weight: -1}", 5, "positive"),
    ("categories:\n  a:\n    description: d\n    terms:\n      - {term: x, case: maybe}", 5, "case must be true or false"),
    ("categories:\n  a:\n    description: d\n    terms:\n      - {note: x}", 5, "no 'term' key"),
    ("categories:\n  a:\n    description: d\n    terms:\n      - peace\n      - Peace", 6, "repeats line 5"),
    ("categories:\n  a:\n    description: d\n    description: e\n    terms: [x]", 4, "duplicate key 'description'"),
    ("categories:\n  a:\n    description: d\n    terms: [x, [y]]", 4, "must be a text or a mapping"),
    ("categories:\n  a:\n    description: d\n    terms: [x\n  b: c", 5, "not valid YAML"),
    ("categories: [a, b]", 1, "must be a mapping"),
    ("name: x", 1, "no 'categories'"),
    ("", 1, "empty"),
    ("categories:\n  a:\n    description: d\n    terms: ['...']", 4, "no word"),
]


@pytest.mark.parametrize("text, line, words", BAD)
def test_a_malformed_lexicon_names_file_line_and_problem(text, line, words):
    with pytest.raises(LexiconError) as info:
        parse_lexicon(text, source="bad.yml")
    message = str(info.value)
    assert message.startswith(f"bad.yml, line {line}:"), message
    assert words in message


def test_several_lexicons_load_together_and_errors_name_the_file(tmp_path):
    one = tmp_path / "one.yml"
    one.write_text("categories: {a: {description: d, terms: [x]}}", encoding="utf-8")
    two = tmp_path / "two.yml"
    two.write_text("name: two\ncategories: {b: {description: d, terms: [y]}}", encoding="utf-8")
    lexicons = load_lexicons([one, two, "attribution-verbs"])
    assert [lex.name for lex in lexicons] == ["one", "two", "attribution-verbs"]
    assert [lex.name for lex in load_lexicons(tmp_path)] == ["one", "two"]
    bad = tmp_path / "bad.yml"
    bad.write_text(textwrap.dedent("""\
        categories:
          a:
            description: d
            terms: [x]
            weight: 3
        """), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.yml, line 5: unknown key 'weight'"):
        load_lexicons([one, bad])
    with pytest.raises(LexiconError, match="no such lexicon"):
        load_lexicons([tmp_path / "missing.yml"])
    clash = tmp_path / "clash.yml"
    clash.write_text("name: one\ncategories: {b: {description: d, terms: [y]}}", encoding="utf-8")
    with pytest.raises(LexiconError, match="already used"):
        load_lexicons([one, clash])


def test_bundled_folder_is_the_repository_data_folder():
    assert BUNDLED_DIR.name == "lexicons" and (BUNDLED_DIR / "conflict-framing.yml").is_file()


@pytest.mark.parametrize("pattern, words, prefix", [
    ("occup*", ("occup",), (True,)),
    ("pump* up", ("pump", "up"), (True, False)),
    ("Russia's war", ("russia", "'s", "war"), (False, False, False)),
    ("surface-to-air missile*", ("surface-to-air", "missile"), (False, True)),
])
def test_terms_are_tokenized_like_articles(pattern, words, prefix):
    term = make_term(pattern)
    assert term.words == words and term.prefix == prefix


def test_default_lexicons_follow_edits_and_new_files_in_the_bundled_folder(tmp_path, monkeypatch):
    import os

    import helpers.lexicon as lexicon_module

    folder = tmp_path / "lexicons"
    folder.mkdir()
    path = folder / "mine.yml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(lexicon_module, "BUNDLED_DIR", folder)
    first = load_lexicons()
    assert [lex.name for lex in first] == ["mine"]
    assert load_lexicons()[0] is first[0]  # unchanged file: the cached Lexicon
    path.write_text(GOOD.replace("calls for peace", "calls for a truce"), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # an edit, even within one clock tick
    edited = load_lexicons()
    assert edited[0] is not first[0]
    assert edited[0].categories[0].description == "calls for a truce"
    extra = folder / "zz-other.yml"
    extra.write_text(GOOD.replace("name: mine", "name: other"), encoding="utf-8")
    st = folder.stat()
    os.utime(folder, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert [lex.name for lex in load_lexicons()] == ["mine", "other"]
