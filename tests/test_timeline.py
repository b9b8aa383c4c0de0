"""Temporal expressions, the timeline table and chart (helpers/timex*.py, helpers/timeline.py)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis import analyze
from helpers.article import Article, article_from_text
from helpers.text import tokenize
from helpers.timeline import COLUMNS, plot_rows, speaker_at, timeline_table, value_span
from helpers.timex import extract_timexes, timexes_in_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "lukashenko-belarusian-troops.txt"
SHARED = ROOT.parent / "shared"
DCT = "2022-02-24"  # a Thursday


def found(text: str, published: str | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in timexes_in_text(text, published=published)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # weekdays and tense
        ("On Thursday, the minister said the border was calm.", ("Thursday", "DATE", "2022-02-24")),
        ("The convoy crossed the river on Monday.", ("Monday", "DATE", "2022-02-21")),
        ("The delegation will return to Geneva on Monday.", ("Monday", "DATE", "2022-02-28")),
        ("Officials met last Friday in the capital.", ("last Friday", "DATE", "2022-02-18")),
        ("Voting ends next Tuesday.", ("next Tuesday", "DATE", "2022-03-01")),
        ("The blast was heard on Wednesday night.", ("Wednesday night", "TIME", "2022-02-23TNI")),
        # deictic days and parts of day
        ("Prices rose sharply today.", ("today", "DATE", "2022-02-24")),
        ("The mayor resigned yesterday.", ("yesterday", "DATE", "2022-02-23")),
        ("The report will be published tomorrow.", ("tomorrow", "DATE", "2022-02-25")),
        ("Rescue teams will search again tonight.", ("tonight", "TIME", "2022-02-24TNI")),
        ("Shelling was reported last night near the airport.", ("last night", "TIME", "2022-02-23TNI")),
        ("The envoy landed this morning.", ("this morning", "TIME", "2022-02-24TMO")),
        ("Earlier today, the council voted to close the schools.", ("Earlier today", "DATE", "2022-02-24")),
        # relative periods
        ("Talks stalled last week.", ("last week", "DATE", "2022-W07")),
        ("The bank cut its forecast this month.", ("this month", "DATE", "2022-02")),
        ("The budget is due next month.", ("next month", "DATE", "2022-03")),
        ("Exports fell sharply last year.", ("last year", "DATE", "2021")),
        ("A vote is expected next year.", ("next year", "DATE", "2023")),
        ("Earlier this month, the two armies held exercises.", ("Earlier this month", "DATE", "2022-02")),
        ("Inflation began to climb late last year.", ("late last year", "DATE", "2021")),
        ("The ferry sank two days ago.", ("two days ago", "DATE", "2022-02-22")),
        ("The plant had closed a week earlier.", ("a week earlier", "DATE", "2022-W07")),
        ("Three people died in the past 24 hours.", ("the past 24 hours", "DURATION", "PT24H")),
        # calendar dates
        ("The ceasefire began on February 10.", ("February 10", "DATE", "2022-02-10")),
        ("The ceasefire began on Feb. 10.", ("Feb. 10", "DATE", "2022-02-10")),
        ("The treaty was signed on 10 February 2022 in Oslo.", ("10 February 2022", "DATE", "2022-02-10")),
        ("The decree is dated Feb 24, 2022.", ("Feb 24, 2022", "DATE", "2022-02-24")),
        ("The file was updated on 2022-02-24 at noon.", ("2022-02-24", "DATE", "2022-02-24")),
        ("The letter is dated 24/02/2022.", ("24/02/2022", "DATE", "2022-02-24")),
        ("The summit opens on March 3.", ("March 3", "DATE", "2022-03-03")),
        ("Elections are planned for December 2023.", ("December 2023", "DATE", "2023-12")),
        ("The parliament will meet again in March.", ("March", "DATE", "2022-03")),
        ("The factory closed in November.", ("November", "DATE", "2021-11")),
        # years, decades, centuries, seasons, quarters
        ("The peninsula was annexed in 2014.", ("2014", "DATE", "2014")),
        ("The town boomed in the 1990s.", ("the 1990s", "DATE", "199")),
        ("Such wars belong to the 20th century.", ("the 20th century", "DATE", "19")),
        ("The bridge was damaged last summer.", ("last summer", "DATE", "2021-SU")),
        ("Repairs are planned for the spring of 2023.", ("the spring of 2023", "DATE", "2023-SP")),
        ("Profits rose in the third quarter of 2021.", ("the third quarter of 2021", "DATE", "2021-Q3")),
        # times
        ("The sirens sounded at 5 a.m.", ("5 a.m.", "TIME", "2022-02-24T05:00")),
        ("The first explosions came around 5:00 am today.", ("5:00 am today", "TIME", "2022-02-24T05:00")),
        ("The talks resumed at 3:30 p.m. on Monday.", ("3:30 p.m. on Monday", "TIME", "2022-02-21T15:30")),
        # durations and sets
        ("The siege lasted three years.", ("three years", "DURATION", "P3Y")),
        ("The families have lived there for decades.", ("decades", "DURATION", "PXDE")),
        ("The committee meets every week.", ("every week", "SET", "P1W")),
        ("The ministry publishes casualty figures daily.", ("daily", "SET", "P1D")),
        ("The pass is closed for six months a year.", ("six months", "DURATION", "P6M")),
        # present / past / future references
        ("The situation is calm now.", ("now", "DATE", "PRESENT_REF")),
        ("No decision has been taken at the moment.", ("the moment", "DATE", "PRESENT_REF")),
        ("The two leaders spoke recently by phone.", ("recently", "DATE", "PAST_REF")),
        ("Both sides may return to the table in the future.", ("the future", "DATE", "FUTURE_REF")),
    ],
)
def test_expressions(sentence, expected):
    assert expected in found(sentence)


@pytest.mark.parametrize(
    "published, sentence, expected",
    [
        # "last <month>": the latest one before the DCT's month, unless that is the month just over
        ("2021-10-22", "Shareholders approved the merger last April.", ("last April", "DATE", "2021-04")),
        ("2022-03-04", "Two ferries collided last February.", ("last February", "DATE", "2021-02")),
        ("2021-10-22", "The dam failed last December.", ("last December", "DATE", "2020-12")),
        ("2022-02-03", "A general election is due this September.", ("this September", "DATE", "2022-09")),
        # tense: "as soon as" looks ahead; a distant infinitive does not make the sentence future
        ("2022-02-21", "The team could fly home as soon as Tuesday.", ("Tuesday", "DATE", "2022-02-22")),
        ("2022-02-21", "Two rival groups raised their bids to buy the Lyon-based drug maker Friday.",
         ("Friday", "DATE", "2022-02-18")),
        ("2022-02-21", "The ministers are set to resume talks Friday.", ("Friday", "DATE", "2022-02-25")),
        ("2022-02-18", "On Sunday, police and the coast guard said they had found the wreck.",
         ("Sunday", "DATE", "2022-02-13")),
        ("2022-02-18", "The unions planned a march in the capital on Saturday.", ("Saturday", "DATE", "2022-02-19")),
        ("2022-02-21", "Since the miners bought the port in January, prices rose.", ("January", "DATE", "2022-01")),
        ("2022-04-19", "The reporter was killed last Oct. 23 near his home.", ("last Oct. 23", "DATE", "2021-10-23")),
        # "the year": the DCT's year; "the year ended June 30" a twelve-month period
        ("2021-10-22", "The brewer expects higher sales for the full year.", ("the full year", "DATE", "2021")),
        ("2021-10-22", "For the year, volumes were flat.", ("the year", "DATE", "2021")),
        ("2021-10-22", "Revenue was $76 million for the year ended March 31.", ("the year", "DURATION", "P1Y")),
        ("2021-10-22", "Revenue was $76 million for the year ended March 31.", ("March 31", "DATE", "2021-03-31")),
        ("2021-11-01", "The offer had been due to expire Friday evening.", ("Friday evening", "TIME", "2021-10-29TEV")),
        # seasons: "this" is the DCT's year; alone, the nearest one unless tense says otherwise
        ("2022-03-22", "Both teams will tour Asia this summer.", ("this summer", "DATE", "2022-SU")),
        ("2021-10-26", "Sales slowed over the summer, the company says.", ("the summer", "DATE", "2021-SU")),
        # named days and weeks
        ("2022-01-07", "The boy was found Thanksgiving Day clinging to a tyre.", ("Thanksgiving Day", "DATE", "2021-11-25")),
        ("2022-10-24", "Crime will be the theme of the campaign from now to Election Day.",
         ("Election Day", "DATE", "2022-11-08")),
        ("2022-02-24", "The case may be heard the week of March 7.", ("the week of March 7", "DATE", "2022-W10")),
        # years and months in more contexts
        ("2022-02-24", "The mill lost money every year from 2009 to 2013.", ("2013", "DATE", "2013")),
        ("2022-02-24", "Orders for January beat the forecast.", ("January", "DATE", "2022-01")),
        ("2022-02-24", "Police reopened the October shooting case.", ("October", "DATE", "2021-10")),
        ("2022-02-24", "Deliveries stopped in late-November.", ("late-November", "DATE", "2021-11")),
        ("2022-02-24", "The post-2008 recovery was slow.", ("2008", "DATE", "2008")),
        ("2022-02-24", "The pre-1989 borders still matter.", ("1989", "DATE", "1989")),
        ("2022-02-24", "Many who led the 2011 protests have left the country.", ("2011", "DATE", "2011")),
        # tense: a quotation keeps its own tense; a plan told in the past is still ahead
        ("2022-02-24", '"The convoy leaves Friday," an officer said.', ("Friday", "DATE", "2022-02-25")),
        ("2022-02-24", "Farmers were planning a protest on Saturday.", ("Saturday", "DATE", "2022-02-26")),
        # ... but "was about to" is the moment of a past event, not a plan
        ("2022-02-25", "Police held him at the airport on Thursday as he was about to board a flight.",
         ("Thursday", "DATE", "2022-02-24")),
        # a date something is put off to is still ahead, whatever the tense of the putting off
        ("2022-02-24", "The judge postponed the hearing until Monday.", ("Monday", "DATE", "2022-02-28")),
        ("2022-02-24", "The union extended its deadline to 9 a.m. Tuesday.", ("9 a.m. Tuesday", "TIME", "2022-03-01T09:00")),
        ("2022-02-24", "The visitors stayed until Monday.", ("Monday", "DATE", "2022-02-21")),
        # a possessive weekday names an event already reported
        ("2022-02-25", "The court will review Wednesday's decision.", ("Wednesday", "DATE", "2022-02-23")),
        # "that day", "the following year": against the date named before
        ("2022-02-24", "The mine opened in 2015, and the following year it doubled output.",
         ("the following year", "DATE", "2016")),
        ("2022-02-24", "He landed on February 3. Later that day, he met the mayor.", ("Later that day", "DATE", "2022-02-03")),
        ("2022-02-24", "She was arrested on February 3 and freed the next morning.",
         ("the next morning", "TIME", "2022-02-04TMO")),
        ("2022-02-24", "Sales rose 5% in March 2019 and fell later that year.", ("later that year", "DATE", "2019")),
        # earnings reports: "last year" set against a quarter's figure is that quarter a year before
        ("2022-02-24", "In the fourth quarter of 2021, the bank earned $5 million, compared with $3 million last year.",
         ("last year", "DATE", "2020-Q4")),
        ("2022-02-24", "The bank earned $5 million in the fourth quarter of 2021. Its staff grew last year.",
         ("last year", "DATE", "2021")),
        # halves, "more", quarters as durations
        ("2022-02-24", "The trial lasted 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
        ("2022-02-24", "The storm lasted two and a half days.", ("two and a half days", "DURATION", "P2DT12H")),
        ("2022-02-24", "The applause went on for a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
        ("2022-02-24", "The crew waited half an hour.", ("half an hour", "DURATION", "PT30M")),
        ("2022-02-24", "The mine will stay shut for a couple of years.", ("a couple of years", "DURATION", "P2Y")),
        ("2022-02-24", "Prices may double over the next couple of years.", ("the next couple of years", "DURATION", "P2Y")),
        ("2022-02-24", "The strike will last at least two more weeks.", ("at least two more weeks", "DURATION", "P2W")),
        ("2022-02-24", "Margins shrank over the past two quarters.", ("the past two quarters", "DURATION", "P2Q")),
        # two days of one month: the second day is a date of its own, the year after it counts for both
        ("2022-02-24", "Ministers meet on March 14 and 15 in Riga.", ("15", "DATE", "2022-03-15")),
        ("2022-02-24", "The fair ran from May 3 to 5, 2019.", ("May 3", "DATE", "2019-05-03")),
        ("2022-02-24", "The fair ran from May 3 to 5, 2019.", ("5, 2019", "DATE", "2019-05-05")),
        # a part of a weekday with its date: the date decides the day
        ("2022-11-21", "The fire started on the night of Friday, Oct. 21, near the port.",
         ("night of Friday, Oct. 21", "TIME", "2022-10-21TNI")),
        # the day before or after a named day
        ("2022-02-24", "The convoy left the day before yesterday.", ("the day before yesterday", "DATE", "2022-02-22")),
        ("2022-02-24", "The verdict is due the day after tomorrow.", ("the day after tomorrow", "DATE", "2022-02-26")),
        ("2022-02-24", "On the day before last Monday's vote, the polls closed early.",
         ("the day before last Monday", "DATE", "2022-02-20")),
        ("2022-02-24", "The day after Tuesday's blast, the roads were shut.", ("The day after Tuesday", "DATE", "2022-02-23")),
        # "three days later": a span counted from an event of the story, not a date from the DCT
        ("2022-02-24", "The dam cracked in May. Two days later, the valley was flooded.", ("Two days", "DURATION", "P2D")),
        ("2022-02-24", "A few hours earlier, the guards had left the gate.", ("A few hours", "DURATION", "PTXH")),
        ("2022-02-24", "About an hour later the rescuers reached the mine.", ("About an hour", "DURATION", "PT1H")),
        # a time with its GMT equivalent in brackets, then its day
        ("2022-02-26", "The quake struck at 10:35 a.m. (0735 GMT) Friday.",
         ("10:35 a.m. (0735 GMT) Friday", "TIME", "2022-02-25T10:35")),
    ],
)
def test_normalization_conventions(published, sentence, expected):
    """TimeML conventions the annotated news follows (TimeBank/AQUAINT majority)."""
    assert expected in found(sentence, published)


@pytest.mark.parametrize(
    "sentence, not_a_date",
    [
        ("The 'Allied Resolve-2022' drills began near the border.", "2022"),
        ("Hospitals treated more COVID-19 patients than ever.", "19"),
        ("A loaf of bread now costs $27 in the capital.", "27"),
        ("Of the 48, only nine were released.", "48"),
        ("Officials fear the strike May spread to other ports.", "May"),
        ("Thousands joined the march through the city centre.", "march"),
        ("Veterans march on the ministry every year.", "march"),
        ("We will not give up, the union leader said.", "We"),
        ("The Sun reported that the minister had resigned.", "Sun"),
        ("Some 2000 soldiers were moved to the front.", "2000"),
        ("The fall of the city shocked the region.", "fall"),
        ("Prices are expected to fall further.", "fall"),
        ("The Sunday Times reported the deal.", "Sunday"),
        ("The form is dated 03/04/2022 in the scan.", "03/04/2022"),
        ("Voters will march to the square before they vote.", "march"),
        ("Paternity is easy to prove in today's world.", "today"),
        ("Now, the minister says, the border is calm.", "Now"),
        ("The crowd watched the Independence Day parade.", "Independence Day"),
        ("The army moved up to 2000 troops to the border.", "2000"),
        ("Traders lost heavily that day.", "that day"),  # no date named before it: nothing to resolve against
        ("She led the March of the Mothers through the city.", "March"),
        ("The ferry sank in the early hours of the morning.", "hours"),
    ],
)
def test_not_temporal(sentence, not_a_date):
    texts = [t for t, _, _ in found(sentence)]
    assert not any(not_a_date in t for t in texts), texts


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Talks resumed on Thursday.", ("Thursday", "DATE", "XXXX-WXX-4")),
        ("The plane landed last night.", ("last night", "TIME", "XXXX-XX-XXTNI")),
        ("Earlier this month, the army held drills.", ("Earlier this month", "DATE", "XXXX-XX")),
        ("The drills began on February 10.", ("February 10", "DATE", "XXXX-02-10")),
        ("The ferry sank two days ago.", ("two days ago", "DATE", "XXXX-XX-XX")),
        ("The treaty was signed on 10 February 2022.", ("10 February 2022", "DATE", "2022-02-10")),
    ],
)
def test_without_publication_date_nothing_is_guessed(sentence, expected):
    txs = timexes_in_text(sentence)
    assert expected in [(t.text, t.type, t.value) for t in txs]
    tx = next(t for t in txs if t.text == expected[0])
    assert tx.anchored is ("X" not in expected[2])


def test_weekday_on_the_publication_day_is_the_publication_day():
    assert ("Friday", "DATE", "2022-02-25") in found("The minister said on Friday that talks had failed.", "2022-02-25")


# --------------------------------------------------------------------------------------------
# the seed article (published Thursday 2022-02-24)


@pytest.fixture(scope="module")
def seed():
    return analyze(SEED)


def _row(a, text, nth=0):
    rows = a.timeline[a.timeline["text"] == text]
    assert len(rows) > nth, a.timeline[["text", "value"]].values.tolist()
    return rows.iloc[nth]


def test_seed_table_columns_and_spans(seed):
    t = seed.timeline
    assert list(t.columns) == COLUMNS
    assert (t["article"] == seed.article.id).all()
    for r in t.itertuples():
        assert seed.article.text[r.start : r.end] == r.text


def test_seed_values(seed):
    assert _row(seed, "Thursday")["value"] == "2022-02-24"
    night = _row(seed, "last night")
    assert (night["value"], night["granularity"]) == ("2022-02-23TNI", "partofday")
    assert _row(seed, "Earlier this month")["value"] == "2022-02"
    assert _row(seed, "the moment")["value"] == "PRESENT_REF"
    today = _row(seed, "today")
    assert today["value"] == "2022-02-24" and today["speaker"] == "Alexander Lukashenko"
    assert not seed.timeline["text"].str.contains("2022").any()  # 'Allied Resolve-2022'
    assert seed.timeline["anchored"].all()


def test_seed_february_10_speaker(seed):
    """Needs the quotes and speakers steps (landed): the date sits inside the ministry's quote."""
    feb = _row(seed, "February 10")
    assert feb["value"] == "2022-02-10"
    assert feb["speaker"] == "Russian Defense Ministry"
    assert "drills started" in feb["event"]


def test_seed_chart_order(seed):
    rows, rest = plot_rows(seed.timeline)
    order = [(r.value, r.text) for r in rows]
    assert order[:4] == [("2022-02-10", "February 10"), ("2022-02", "Earlier this month"),
                         ("2022-02-23TNI", "last night"), ("2022-02-24", "Thursday")]
    assert "PRESENT_REF" in set(rest["value"])


def test_seed_chart_draws(seed):
    from helpers.charts import timeline_chart

    fig = timeline_chart(seed)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.texts]
    assert any("drills started" in s for s in labels)
    assert any(s.startswith("published 2022-02-24") for s in labels)
    assert "PRESENT_REF" in ax.get_xlabel()


def test_chart_lists_unresolved_expressions():
    from helpers.charts import timeline_chart

    a = analyze(article_from_text("Talks\nThe envoys met on Thursday and again last night.", id="nodate"))
    assert a.published is None and not a.timeline["anchored"].any()
    assert set(a.timeline["value"]) == {"XXXX-WXX-4", "XXXX-XX-XXTNI"}
    fig = timeline_chart(a)
    assert "XXXX-WXX-4" in fig.axes[0].get_xlabel()
    assert any("No dated events" in t.get_text() for t in fig.axes[0].texts)


@pytest.mark.parametrize("dates, marked", [
    (["2022-02-24", "2022-02-24"], "published 2022-02-24"),  # one article: its date is marked
    (["2022-02-24", "2022-03-02"], None),  # a merged table of several articles marks none
    ([None, None], None),
])
def test_chart_of_a_table_with_a_published_column(seed, dates, marked):
    """A timeline table with a ``published`` column (a merged corpus view) is drawn, not an error."""
    from helpers.charts import timeline_chart

    table = seed.timeline.head(2).assign(published=pd.to_datetime(pd.Series(dates, index=seed.timeline.index[:2])))
    labels = [t.get_text() for t in timeline_chart(table).axes[0].texts]
    published = [s for s in labels if s.startswith("published")]
    assert published == ([marked] if marked else [])


def test_chart_without_dates():
    from helpers.charts import timeline_chart

    a = analyze(article_from_text("Quiet day\nNothing happened at all in the village.", id="none"))
    assert a.timeline.empty and list(a.timeline.columns) == COLUMNS
    fig = timeline_chart(a)
    assert any("No dated events" in t.get_text() for t in fig.axes[0].texts)


@pytest.mark.parametrize(
    "sentence, start_text, label",
    [
        ("On February 10, the joint drills started on the ranges.", "February 10", "joint drills started"),
        ("Talks collapsed on Monday after a long night.", "Monday", "Talks collapsed"),
        ("He said a representative had called the ministry last night, officials said.", "last night",
         "representative had called the ministry"),
        ("\"Let's sit down in the future,\" he said.", "the future", "Let's sit down"),
    ],
)
def test_event_labels(sentence, start_text, label):
    from helpers.text import tokenize_text
    from helpers.timeline import event_label

    doc = tokenize_text(sentence)
    s = sentence.index(start_text)
    assert event_label(doc, s, s + len(start_text)) == label


def test_cli_prints_the_timeline(capsys):
    from helpers.cli import main

    assert main(["analyze", str(SEED), "--table", "timeline", "--format", "csv", "--published", "2022-03-03"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ",".join(COLUMNS)
    assert "Thursday,225,233,DATE,2022-03-03" in out


def test_speaker_is_innermost_quote():
    quotes = pd.DataFrame({"start": [0, 10], "end": [100, 40], "speaker": ["Outer", "Inner"]})
    assert speaker_at(quotes, 20, 25) == "Inner"
    assert speaker_at(quotes, 50, 55) == "Outer"
    assert speaker_at(quotes, 120, 125) is None
    assert speaker_at(None, 1, 2) is None


def test_publication_override():
    a = analyze(SEED, published="2022-03-03")
    assert _row(a, "Thursday")["value"] == "2022-03-03"


@pytest.mark.parametrize(
    "value, start, end",
    [("2022-02-24", "2022-02-24", "2022-02-25"), ("2022-W08", "2022-02-21", "2022-02-28"),
     ("2022-02", "2022-02-01", "2022-03-01"), ("2021-Q4", "2021-10-01", "2022-01-01"),
     ("2021-WI", "2021-12-01", "2022-03-01"), ("199", "1990-01-01", "2000-01-01")],
)
def test_value_span(value, start, end):
    assert value_span(value) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize("value", ["PRESENT_REF", "XXXX-WXX-4", "P3Y", "", "2022-13-45"])
def test_value_span_unplaceable(value):
    assert value_span(value) is None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_property_any_text(text, published):
    doc = tokenize(Article("p", "", text, published=published))
    table = timeline_table(doc)
    for r in table.itertuples():
        assert 0 <= r.start < r.end <= len(text) and text[r.start : r.end] == r.text
    assert list(table.columns) == COLUMNS


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["On", "Thursday", "May", "march", "the", "1990s", "last", "night", "2022",
                                 "Feb.", "10", ",", "5", "a.m.", "every", "week", "ago", "two", "days",
                                 "\"", "'", "\n", "Sun", "today", "-", "/", "24/02/2022", "Q1", "quarter",
                                 "year-ago", "Christmas", "noon", "12:30", "next", "year"]), max_size=40),
       st.sampled_from([dt.date(2022, 2, 24), dt.date(1, 1, 1), dt.date(9999, 12, 31), None]))
def test_property_date_words(words, published):
    text = " ".join(words)
    for tx in extract_timexes(tokenize(Article("p", "", text, published=published))):
        assert text[tx.start : tx.end] == tx.text
        assert tx.type in ("DATE", "TIME", "DURATION", "SET")


# --------------------------------------------------------------------------------------------
# accuracy on TempEval-3 (TimeBank, AQUAINT): guards the figures the README reports


def _bench():
    spec = importlib.util.spec_from_file_location("timex_eval", ROOT / "benchmarks" / "timex_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "eval" / "tempeval3").is_dir(), reason="../shared/eval/tempeval3 is absent")
@pytest.mark.parametrize("corpus, relaxed_f1, value_f1", [("TimeBank", 0.93, 0.82), ("AQUAINT", 0.93, 0.79)])
def test_tempeval3_accuracy(corpus, relaxed_f1, value_f1):
    scores = _bench().evaluate(SHARED / "eval" / "tempeval3" / corpus)["all"]
    assert scores["relaxed_f1"] >= relaxed_f1
    assert scores["value_f1"] >= value_f1


def test_benchmark_groups_value_errors_by_pattern():
    """``timex_eval --errors``: mismatches, misses and spurious expressions grouped by shape."""
    bench = _bench()
    text = "Talks resumed last Friday. Officials met on Monday. Output rose 5% now."
    doc = bench.Document("d", text, dt.date(2022, 2, 24), [
        bench.Expr(text.index("last"), text.index("last") + 11, "DATE", "2022-02-11"),  # wrong on purpose
        bench.Expr(text.index("Monday"), text.index("Monday") + 6, "DATE", "2022-02-21"),
        bench.Expr(0, 5, "DATE", "PAST_REF"),  # no system expression there: a miss
    ])
    errs = bench.errors([doc], bench.presslens_system)
    assert list(errs["wrong value"]) == ["last WEEKDAY: 9999-99-99 <- 9999-99-99"]
    assert list(errs["missed"]) == ["talks: PAST_REF"]
    assert list(errs["spurious"]) == ["now: PRESENT_REF"]
    assert bench.shape("Sept. 27, 1989") == "MONTH 9, 9"


def test_benchmark_errata_correct_or_drop_gold_tags(tmp_path):
    """``timex_eval --errata``: a listed tag gets its corrected type and value, or is dropped; a
    stale entry (the file no longer has the recorded gold value) raises, naming the file."""
    bench = _bench()
    tml = tmp_path / "doc1.tml"
    tml.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2022-02-24">Feb. 24</TIMEX3></DCT><TEXT>'
        'Talks began <TIMEX3 tid="t1" type="DATE" value="2022-02-22">Wednesday</TIMEX3> in the '
        '<TIMEX3 tid="t2" type="SET" value="P1D">daily</TIMEX3> paper.</TEXT></TimeML>', encoding="utf-8")
    errata = tmp_path / "errata.tsv"
    errata.write_text("# comment\ndocument\ttid\ttype\tgold\tcorrected type\tcorrected value\treason\n"
                      "doc1\tt1\tDATE\t2022-02-22\tDATE\t2022-02-23\tweekday\n"
                      "doc1\tt2\tSET\tP1D\t-\t-\ta name\n", encoding="utf-8")
    doc = bench.read_timeml(tml, errata=bench.load_errata(errata))
    assert [(doc.text[g.start:g.end], g.type, g.value) for g in doc.gold] == [("Wednesday", "DATE", "2022-02-23")]
    assert [g.value for g in bench.read_timeml(tml).gold] == ["2022-02-22", "P1D"]
    errata.write_text("doc1\tt1\tDATE\t2022-02-21\tDATE\t2022-02-23\tstale\n", encoding="utf-8")
    with pytest.raises(ValueError, match="doc1.tml"):
        bench.read_timeml(tml, errata=bench.load_errata(errata))


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "eval" / "tempeval3").is_dir(), reason="../shared/eval/tempeval3 is absent")
def test_aquaint_errata_match_the_gold():
    """Every shipped AQUAINT erratum names a tag whose gold type and value are as recorded."""
    bench = _bench()
    errata = bench.load_errata()
    folder = SHARED / "eval" / "tempeval3" / "AQUAINT"
    docs = {p.stem: bench.read_timeml(p, errata=errata) for p in sorted(folder.glob("*.tml"))}
    assert {doc for doc, _tid in errata} <= set(docs)
