"""Occasions: visits, hearings, trials, reviews, summits, elections, dated ahead."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from rightsdesk.extract.dates import published_at
from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.occasions import find_occasions
from rightsdesk.extract.sentences import SentenceView
from rightsdesk.model import Evidence, Occasion, Person

PUBLISHED = date(2013, 6, 28)  # a Friday


def views(nlp: Language, text: str) -> list[SentenceView]:
    out: list[SentenceView] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        for sent in nlp(line).sents:
            start = offset + sent.start_char
            evidence = Evidence("hash", start, start + len(sent.text), sent.text)
            out.append(SentenceView(sent, evidence, number, len(out)))
        offset += len(line) + 1
    return out


def occasions(nlp: Language, text: str, persons: list[Person] | None = None) -> list[Occasion]:
    return find_occasions(views(nlp, text), published=PUBLISHED, persons=persons or [])


def rule_cases(polarity: str) -> list[pytest.param]:
    cases = []
    for rule in load_table("occasions").rules:
        texts = rule.examples if polarity == "examples" else rule.counterexamples
        cases += [pytest.param(t, id=f"{rule.id}-{i}") for i, t in enumerate(texts)]
    return cases


@pytest.mark.parametrize("text", rule_cases("examples"))
def test_rule_example_is_an_occasion(nlp: Language, text: str) -> None:
    assert occasions(nlp, text), text


@pytest.mark.parametrize("text", rule_cases("counterexamples"))
def test_rule_counterexample_is_not_an_occasion(nlp: Language, text: str) -> None:
    assert not occasions(nlp, text), text


def test_visit_this_weekend_is_dated_by_publication(nlp: Language) -> None:
    (visit,) = occasions(nlp, "The minister's two-day visit to Tajikistan this weekend matters.")
    assert visit.type == "visit"
    assert visit.date is not None and visit.date.startswith("2013-06")
    assert "visit to Tajikistan" in visit.description


def test_day_and_month_ahead_resolve_to_the_coming_date(nlp: Language) -> None:
    (election,) = occasions(nlp, "The presidential election on 9 August will be closely watched.")
    assert (election.type, election.date) == ("election", "2013-08-09")
    (hearing,) = occasions(nlp, "The appeal hearing is scheduled for 2 May.")
    assert hearing.date == "2014-05-02"


def test_date_range_starts_the_visit(nlp: Language) -> None:
    text = "The Special Rapporteur will visit Turkmenistan from 19 to 27 January 2014."
    (visit,) = occasions(nlp, text)
    assert visit.date == "2014-01-19"


def test_review_in_a_years_time(nlp: Language) -> None:
    (review,) = occasions(nlp, "The rapporteur will present a report in a year's time.")
    assert (review.type, review.date) == ("review", "2014-06")


def test_trial_ahead_is_tied_to_the_person(nlp: Language) -> None:
    person = Person("p1", "Ivan Petrov", aliases=["Petrov"])
    text = (
        "Police arrested Ivan Petrov in March. "
        "After a month he was found sane, so his case will soon go to court."
    )
    found = occasions(nlp, text, [person])
    assert [(o.type, o.persons) for o in found] == [("trial", ["p1"])]


def test_past_hearing_is_an_event_not_an_occasion(nlp: Language) -> None:
    assert occasions(nlp, "The first hearing took place on 3 April 2012 in Minsk.") == []


def test_this_weekend_is_the_weekend_after_publication_not_next_year(nlp: Language) -> None:
    found = occasions(nlp, "The Chancellor's two-day visit to Uzbekistan this weekend matters.")
    assert [(o.type, o.date) for o in found] == [("visit", "2013-06")]


def test_a_trial_inside_a_hearings_phrase_describes_that_hearing(nlp: Language) -> None:
    text = ("The visit this weekend overlaps with a Supreme Court hearing on the conviction of "
            "an activist in a flawed and politically motivated trial.")
    assert [o.type for o in occasions(nlp, text)] == ["visit", "hearing"]


def test_a_hearing_on_a_described_person_is_about_the_person_named_next(nlp: Language) -> None:
    text = ("The visit this weekend overlaps with a Supreme Court hearing on the conviction of "
            "a prominent opposition leader. The jailed opposition leader, Timur Aliev, is ill.")
    aliev = Person("p1", "Timur Aliev")
    found = {o.type: o for o in occasions(nlp, text, [aliev])}
    assert found["hearing"].persons == ["p1"]
    assert found["visit"].persons == []


def test_one_sentence_tells_one_undated_hearing_of_a_kind(nlp: Language) -> None:
    found = occasions(nlp, "The prosecutor said his office would bring the acquittal verdict "
                           "before the Court of Appeal.")
    assert [(o.type, o.date) for o in found] == [("hearing", None)]


def test_an_election_told_twice_is_one_election_at_the_finer_date(nlp: Language) -> None:
    text = ("Voters in Norland go to the polls in the presidential election on 7 July. "
            "Observers said the 2013 election would not be free.")
    found = occasions(nlp, text)
    assert [(o.type, o.date) for o in found] == [("election", "2013-07-07")]


def test_elections_of_different_years_stay_apart(nlp: Language) -> None:
    text = ("The presidential election on 7 July follows the 2008 election, "
            "which observers said was rigged.")
    assert sorted(o.date for o in occasions(nlp, text)) == ["2008", "2013-07-07"]


def test_a_weekday_ahead_is_the_coming_one(nlp: Language) -> None:
    found = occasions(nlp, "The trial of the blogger is due to resume on Monday.")
    assert [(o.type, o.date) for o in found] == [("trial", "2013-07-01")]


def test_a_hearing_postponed_to_a_day_is_ahead(nlp: Language) -> None:
    found = occasions(nlp, "The hearing was postponed to 3 July after the judge fell ill.")
    assert [(o.type, o.date) for o in found] == [("hearing", "2013-07-03")]


def test_a_review_told_in_steps_is_one_review_on_its_first_day(nlp: Language) -> None:
    text = ("The Committee considered the second periodic report of Norland at its 1201st and "
            "1202nd meetings, held on 3 and 4 June 2013, and adopted the present concluding "
            "observations at its 1220th meeting, held on 14 June 2013.")
    assert [(o.type, o.date) for o in occasions(nlp, text)] == [("review", "2013-06-03")]


def test_a_day_within_a_publication_known_by_its_year_is_not_ahead(nlp: Language) -> None:
    text = "On 27 October 2013 the Supreme Court ruled on the appeal of the two editors."
    found = find_occasions(views(nlp, text), persons=[],
                           published=published_at(date(2013, 1, 1), "year"))
    assert found == []


def test_months_ahead_of_an_election_count_on_from_publication(nlp: Language) -> None:
    found = occasions(nlp, "The verdict comes just four months ahead of a general election.")
    assert [(o.type, o.date) for o in found] == [("election", "2013-10")]


def test_a_ruling_expected_in_days_is_dated_to_the_month(nlp: Language) -> None:
    found = occasions(nlp, "The court is expected to rule on the appeal in about ten days.")
    assert [(o.type, o.date) for o in found] == [("hearing", "2013-07")]


def test_a_session_told_with_a_review_is_the_reviews(nlp: Language) -> None:
    text = ("Norland's record will be reviewed by the Working Group on 3 July in a meeting "
            "that will be webcast live.")
    assert [(o.type, o.date) for o in occasions(nlp, text)] == [("review", "2013-07-03")]


def test_the_day_of_a_saying_is_no_date_of_the_election(nlp: Language) -> None:
    text = ("The observers on Wednesday said elections in Norland that kept the ruling party "
            "in power were rigged.")
    assert not occasions(nlp, text)


def test_a_weekday_ahead_in_a_paper_dated_to_the_month_is_that_month(nlp: Language) -> None:
    published = published_at(date(2013, 6, 1), "month")
    found = find_occasions(views(nlp, "Her appeal is due to be heard on Friday."),
                           published=published, persons=[])
    assert [(o.type, o.date) for o in found] == [("hearing", "2013-06")]
