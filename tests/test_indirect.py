"""Tests for the indirect-speech rules (helpers.indirect, helpers.cues): cue, source and content."""

from __future__ import annotations

import pytest

from helpers.cues import find_cues
from helpers.quotes import extract_quotes
from helpers.text import tokenize_text


def quotes_of(text: str) -> list:
    return [q for q in extract_quotes(tokenize_text(f"Headline\n{text}", title="Headline")) if q.flag != "headline"]


def find(text: str, content: str):
    """The quote whose text is ``content`` (fails listing every quote found)."""
    qs = quotes_of(text)
    hits = [q for q in qs if q.text == content]
    assert hits, [(q.text, q.mention, q.cue) for q in qs]
    return hits[0]


# --- cue words that are names -----------------------------------------------------------------

@pytest.mark.parametrize("text, cues", [
    ("Chief executive Ian Read said the plant would close.", ["said"]),
    ("The comedian Bob Hope once told reporters he liked golf.", ["told reporters"]),
    ("Read the statement, she said.", ["Read", "said"]),
    ("Mr. Van Hear said the vote was close.", ["said"]),
])
def test_capitalised_cue_inside_a_name_is_no_cue(text, cues):
    doc = tokenize_text(text)
    assert [c.text for c in find_cues(doc.text, doc.tokens)] == cues


@pytest.mark.parametrize("text, content, mention", [
    ("In a call on Monday, chief executive Ian Read said the board had weighed the offer carefully.",
     "the board had weighed the offer carefully", "chief executive Ian Read"),
])
def test_name_with_cue_word_is_a_source(text, content, mention):
    q = find(text, content)
    assert q.mention == mention and q.cue == "said"


# --- lower-case group nouns as sources ---------------------------------------------------------

@pytest.mark.parametrize("text, content, mention", [
    ("So the plan makes sense, strategists said, for the party to move early.",
     "So the plan makes sense, strategists said, for the party to move early", "strategists"),
    ("Aides said the senator would not attend the dinner.", "the senator would not attend the dinner", "Aides"),
    ("Most said the economy was getting worse.", "the economy was getting worse", "Most"),
    ("The harbour will reopen next week, economists said.", "The harbour will reopen next week", "economists"),
])
def test_group_nouns_as_sources(text, content, mention):
    q = find(text, content)
    assert q.mention == mention


# --- "..., said X" inverted, with an apposition -------------------------------------------------

@pytest.mark.parametrize("text, content, mention", [
    ("The firm lobbied for the hotel group in three states, said lobbyist Carl Denby, a former partner of the owner.",
     "The firm lobbied for the hotel group in three states", "lobbyist Carl Denby"),
    ("The talks will resume in May, said Mary Tolle, the mediator.", "The talks will resume in May", "Mary Tolle"),
])
def test_inverted_said_with_apposition(text, content, mention):
    q = find(text, content)
    assert q.mention == mention and q.cue == "said"


@pytest.mark.parametrize("text", [
    "The mayor paused, said a few words and left the stage.",
])
def test_comma_said_without_a_name_after_is_not_inverted(text):
    assert all(q.mention != "a few words" for q in quotes_of(text))


# --- "..., X said" followed by an adjunct --------------------------------------------------------

@pytest.mark.parametrize("text, content, mention", [
    ("Voters had put a crack in the wall, she said in a video message to the convention.",
     "Voters had put a crack in the wall", "she"),
    ("The bridge will stay closed until June, the council said on Friday.",
     "The bridge will stay closed until June", "the council"),
])
def test_cue_then_adjunct_ends_the_sentence(text, content, mention):
    q = find(text, content)
    assert q.mention == mention


def test_adjunct_with_a_clause_is_not_a_tail():
    qs = quotes_of("The bridge is safe, the council said on Friday that repairs would start soon.")
    assert not any(q.text == "The bridge is safe" for q in qs)


# --- the whole stretch before the verb as the source ---------------------------------------------

@pytest.mark.parametrize("text, content, mention", [
    ("Thirty-one percent of those surveyed say they would be satisfied with the result.",
     "they would be satisfied with the result", "Thirty-one percent of those surveyed"),
    ("By big margins, those polled say the economy should come first.",
     "the economy should come first", "those polled"),
    ("Indeed, supporters of stricter rules here say there is a clear link to the attacks.",
     "there is a clear link to the attacks", "supporters of stricter rules here"),
])
def test_sentence_subject_as_source(text, content, mention):
    q = find(text, content)
    assert q.mention == mention


@pytest.mark.parametrize("text", [
    "It is said the castle was built in a year.",
    "There, the guides say nothing at all.",
])
def test_no_sentence_subject_for_expletives_or_no_clause(text):
    assert not any(q.mention in ("It", "There, the guides") for q in quotes_of(text))


@pytest.mark.parametrize("text, content", [
    ("Officials say there is no sign of a leak.", "there is no sign of a leak"),
    ("He said this was the last offer.", "this was the last offer"),
])
def test_bare_clause_opening_with_there_or_this(text, content):
    find(text, content)


# --- questions put to someone (helpers.indirect_frames) --------------------------------------------

@pytest.mark.parametrize("text, content, mention", [
    ("Asked whether the talks would resume, the envoy said he hoped so.", "whether the talks would resume", None),
    ("He smiled when asked how the campaign would pay for the ads.", "how the campaign would pay for the ads", None),
    ("Asked on the radio who leads the party, she named the governor.", "who leads the party", None),
    ("The mayor was asked by a reporter whether the budget would pass.", "whether the budget would pass", "a reporter"),
    ("When asked to leave the hall, he refused.", "to leave the hall", None),
])
def test_question_put_to_someone(text, content, mention):
    q = find(text, content)
    assert q.cue.lower() == "asked" and q.mention == mention


@pytest.mark.parametrize("text", [
    "She asked the court to delay the hearing.",
    "Asked, he shrugged.",
])
def test_not_a_reduced_question(text):
    assert not any(q.cue == "asked" and q.mention is None for q in quotes_of(text))


# --- where the content ends -----------------------------------------------------------------------

@pytest.mark.parametrize("text, content", [
    ("The senator criticized the plan after the vote in March.", "the plan"),
    ("The governor praised the rescue crews while touring the flooded town.", "the rescue crews"),
    ("The fishermen want the quota lifted before winter.", "the quota lifted before winter"),
])
def test_object_ends_before_a_time_clause(text, content):
    find(text, content)


@pytest.mark.parametrize("text, content", [
    ("She said some families would pay more in taxes, an admission her rivals seized on.",
     "some families would pay more in taxes"),
])
def test_content_ends_before_a_comment_on_it(text, content):
    find(text, content)


@pytest.mark.parametrize("text, mention", [
    ("Sen. Ann Ode, who faces a hard race at home, withdrew her support, saying the plan had failed.", "Sen. Ann Ode"),
])
def test_participle_takes_the_sentence_subject_before_an_apposition(text, mention):
    q = find(text, "the plan had failed")
    assert q.mention == mention


@pytest.mark.parametrize("text, content", [
    ("The district drew 30 applicants, which he said were evenly split between the two camps.",
     "were evenly split between the two camps"),
    ("They said she could.", "she could"),
])
def test_short_and_relative_clauses_after_said(text, content):
    find(text, content)


@pytest.mark.parametrize("text, content", [
    ("Voters rejected the proposal and handed the mayor a clear defeat.", "the proposal"),
])
def test_object_ends_before_a_second_verb(text, content):
    find(text, content)


@pytest.mark.parametrize("text", [
    "The agency did not respond to requests for comment.",
    "Sales figures for the quarter were flat.",
    "The finding surprised the panel.",
])
def test_nouns_dropped_from_the_cue_list(text):
    assert quotes_of(text) == []


# --- sources in the passive and long names -------------------------------------------------------

@pytest.mark.parametrize("text, content, mention", [
    ("The governor's plan was backed on Friday by the state teachers union.", "The governor's plan", "the state teachers union"),
    ("He is supported by most voters in the northern districts.", "He", "most voters"),
])
def test_passive_with_by_names_the_source(text, content, mention):
    q = find(text, content)
    assert q.mention == mention


def test_passive_without_by_is_no_quote():
    assert quotes_of("The bridge was criticized for years.") == []


@pytest.mark.parametrize("text, mention", [
    ("Democratic presidential candidate Senator Ann Ode (I-VT) stated that the budget was balanced.",
     "Senator Ann Ode (I-VT)"),
    ("Senate Democrat Carl Denby (D-Wis.) last week said the budget was balanced.", "Senate Democrat Carl Denby (D-Wis.)"),
    ("The mayor on Friday said the budget was balanced.", "The mayor"),
])
def test_long_names_and_time_words_before_the_verb(text, mention):
    q = find(text, "the budget was balanced" if "that" not in text else "that the budget was balanced")
    assert q.mention == mention


@pytest.mark.parametrize("text, content", [
    ("The former attorney general publicly argued for a new inquiry into the payments.", "a new inquiry into the payments"),
    ("Residents complained about the noise from the building site.", "the noise from the building site"),
])
def test_object_of_a_preposition_after_the_cue(text, content):
    find(text, content)


def test_said_on_a_day_is_no_object():
    qs = quotes_of("The mayor said on Friday that the bridge would reopen.")
    assert [q.text for q in qs] == ["that the bridge would reopen"]


@pytest.mark.parametrize("text, content", [
    ("The minister brushed off these concerns.", "these concerns"),
    ("Some leaders are questioning whether the ban goes too far.", "whether the ban goes too far"),
    ("The two brothers were talking about why they had come to the rally.", "why they had come to the rally"),
])
def test_objects_opening_with_this_or_a_question_word(text, content):
    find(text, content)


@pytest.mark.parametrize("text, mention", [
    ("Ode has shown no sign of calming down, slamming the council for its delays.", "Ode"),
])
def test_participle_subject_before_an_auxiliary(text, mention):
    q = find(text, "the council for its delays")
    assert q.mention == mention


@pytest.mark.parametrize("text, content", [
    ("Doctors warned of the risk of an outbreak on the mainland.", "the risk of an outbreak on the mainland"),
])
def test_object_of_of_after_a_tell_cue(text, content):
    find(text, content)


def test_told_with_object_and_adjunct_ends_the_sentence():
    q = find("The state was only doing what forty others already do, he told the court in a filing.",
             "The state was only doing what forty others already do")
    assert q.mention == "he"


@pytest.mark.parametrize("text, cues", [
    ("The senator bragged about the vote and begged for time.", ["bragged", "begged"]),
])
def test_inflections_spelled_right(text, cues):
    doc = tokenize_text(text)
    assert [c.text for c in find_cues(doc.text, doc.tokens)] == cues


@pytest.mark.parametrize("text, content, mention", [
    ("A former staffer announced plans to sue the committee over his dismissal.",
     "plans to sue the committee over his dismissal", "A former staffer"),
    ("The minister cited reports of attacks on the border posts.", "reports of attacks on the border posts", "The minister"),
])
def test_verb_before_a_noun_that_is_also_a_cue(text, content, mention):
    q = find(text, content)
    assert q.mention == mention


def test_noun_cue_pair_is_still_no_quote():
    assert quotes_of("The release reports were late again.") == []


def test_content_ends_before_although():
    find("According to one report, the firm receives $20 million a year in contracts, although the audit is late.",
         "the firm receives $20 million a year in contracts")


@pytest.mark.parametrize("text, content, mention", [
    ("On Tuesday, Gov. Ann Ode endorsed her, citing her long experience.", "her", "Gov. Ann Ode"),
    ("As the mayor attacked Denby, the crowd cheered.", "Denby", "the mayor"),
    ("Asked whether the plan was fair, most said no.", "no", "most"),
])
def test_one_word_objects_and_answers(text, content, mention):
    q = find(text, content)
    assert q.mention == mention


def test_one_word_after_said_needs_an_answer_word():
    assert not any(q.text == "maybe" for q in quotes_of("Asked about the plan, she said maybe later."))


def test_long_parenthetical_after_the_source():
    text = ("Rita Ode, a veteran party organiser who ran the northern campaign in 2008 and now leads the "
            "early-vote drive in three of the largest counties in the state, said the absentee program was critical.")
    q = find(text, "the absentee program was critical")
    assert q.mention == "Rita Ode"


@pytest.mark.parametrize("text", [
    "The senator maintained her lead in the polls.",
    "The company continued to grow last year.",
    "The party pledged $2 million to the campaign.",
    "Voters who preferred the incumbent stayed home.",
])
def test_low_precision_forms_are_no_cues(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, content, mention", [
    ("Walking to the next house, Ebbe reminisced about the old days and said the town had changed.",
     "the town had changed", "Ebbe"),
    ("However, he held his fire and said the report was fair.", "the report was fair", "he"),
])
def test_second_verb_subject_after_an_opening_phrase(text, content, mention):
    q = find(text, content)
    assert q.mention == mention


def test_coordinated_source_at_the_end():
    q = find("Support for the strike is strongest among younger staff, teachers and union officials told the paper.",
             "Support for the strike is strongest among younger staff")
    assert q.mention == "teachers and union officials"


@pytest.mark.parametrize("text, content, mention", [
    ("The attorney general of the state is suing the school, claiming the courses were a fraud.",
     "the courses were a fraud", "The attorney general of the state"),
    ("Wealth-Y keeps its own finances a secret but says its business has tripled.",
     "its business has tripled", "Wealth-Y"),
])
def test_second_verb_subject_with_of_and_present_tense(text, content, mention):
    q = find(text, content)
    assert q.mention == mention


def test_plural_noun_after_a_determiner_is_no_verb():
    q = find("The drivers blocked the bridge and said they would stay until dawn.", "they would stay until dawn")
    assert q.mention == "The drivers"


@pytest.mark.parametrize("text, content, mention", [
    ('"The port was sold off cheaply," Ode said in May, referring to the harbour authority.',
     "the harbour authority", "Ode"),
    ("The senator spoke for an hour on Friday, talking about the new rail tunnel.", "the new rail tunnel", "The senator"),
    ("The mayor made a joke at the dinner, alluding to the budget crisis.", "the budget crisis", "The mayor"),
])
def test_a_participle_phrase_takes_the_subject_not_its_object(text, content, mention):
    q = find(text, content)
    assert q.mention == mention


@pytest.mark.parametrize("text, content, mention", [
    ('Young voters, he said, can "change the whole race" this year.',
     'Young voters, he said, can "change the whole race" this year', "he"),
    ('The new tunnel, the mayor added, would be "a disaster for the town."',
     'The new tunnel, the mayor added, would be "a disaster for the town."', "the mayor"),
    ('Many of the buyers were young, she said, and "they all wanted gardens."', '"they all wanted gardens."', "she"),
])
def test_a_cue_inside_the_clause_before_a_quoted_fragment(text, content, mention):
    q = find(text, content)
    assert q.mention == mention and q.kind == "mixed"


@pytest.mark.parametrize("text, content, mention", [
    ('Two papers reported the agency had "more than one meeting" with the firm.',
     'the agency had "more than one meeting" with the firm', "Two papers"),
    ('She argued the ferry "would never pay for itself" without new fares.',
     'the ferry "would never pay for itself" without new fares', "She"),
    ('The mayor conceded in a radio debate "it will be very hard to win" this year.',
     '"it will be very hard to win" this year', "The mayor"),
])
def test_the_clause_subject_before_a_quoted_fragment_is_content(text, content, mention):
    q = find(text, content)
    assert q.mention == mention and q.kind == "mixed"


@pytest.mark.parametrize("text, content", [
    ('The board approved cuts the mayor said are needed to "keep the lights on."',
     'are needed to "keep the lights on."'),
    ('The levy, which the senator said is meant to "calm the market," passed on Monday.',
     'which the senator said is meant to "calm the market," passed on Monday'),
])
def test_words_between_the_cue_and_a_quoted_fragment_are_content(text, content):
    assert find(text, content).kind == "mixed"


@pytest.mark.parametrize("text, content, mention", [
    ('The mayor insisted that the port has "never been busier," claiming the new berth paid off.',
     'that the port has "never been busier,"', "The mayor"),
    ("The mayor said the port was busy, claiming the new berth paid off.", "the port was busy", "The mayor"),
])
def test_a_participle_cue_after_a_comma_ends_the_reported_clause(text, content, mention):
    q = find(text, content)
    assert q.mention == mention
    assert not [r for r in quotes_of(text) if r.text == '"never been busier,"']
