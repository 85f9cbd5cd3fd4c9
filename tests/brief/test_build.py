"""What the brief says: order of cases, asks, as-of, disputes, rejected and confidential records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from brief_records import (
    CONFIDENTIAL_NAME,
    LATE_SENTENCE,
    OCCASION,
    ON,
    REJECTED_SENTENCE,
    REJECTED_STATEMENT,
    SCRIPT_SENTENCE,
    SOURCES,
)

from rightsdesk.brief import build_brief
from rightsdesk.brief.document import Brief, Case, Fact


@pytest.fixture
def brief(case_file) -> Brief:
    return build_brief(case_file, country="KZ", occasion=OCCASION, on=ON)


def case_named(brief: Brief, name: str) -> Case:
    return next(c for c in brief.cases if c.name == name)


def all_facts(brief: Brief) -> list[Fact]:
    facts = [*brief.key_points, *brief.rights, *brief.concern, *brief.occasions]
    for case in brief.cases:
        facts += [case.status, *case.concerns, *(e.fact for e in case.timeline)]
        facts += [f for f in (case.urgency, case.charges, case.sentence) if f]
        facts += [claim for d in case.disputes for claim in d.claims]
    return facts


def number_of(brief: Brief, source_id: int) -> int:
    title = next(s.title for s in SOURCES if s.id == source_id)
    return next(s.number for s in brief.sources if s.title == title)


def test_cases_most_urgent_first(brief):
    assert [c.name for c in brief.cases] == [
        "Vladimir Kozlov",  # Supreme Court hearing 10 days after the occasion
        "Case KZ-1",  # in custody, latest news 3 June
        "Aigul Serikova",  # in custody, latest news 16 May
        "Timur Nurlanov",  # arrested in the last 90 days, released, charged
        "Maksat Ibraimov",  # released
    ]


def test_hearing_near_the_occasion_is_flagged(brief):
    urgency = case_named(brief, "Vladimir Kozlov").urgency
    assert urgency is not None
    assert "10 July 2013" in urgency.text and "10 days after 30 June 2013" in urgency.text


@pytest.mark.parametrize(
    ("name", "asks"),
    [
        ("Vladimir Kozlov", ["fair and public appeal", "immediate release"]),
        ("Case KZ-1", ["immediate release", "investigation of the allegations of torture"]),
        ("Aigul Serikova", ["immediate release", "charges against Aigul Serikova to be dropped"]),
        ("Timur Nurlanov", ["charges against Timur Nurlanov to be dropped"]),
        ("Maksat Ibraimov", []),
    ],
)
def test_ask_follows_from_status(brief, name, asks):
    case = case_named(brief, name)
    assert len(case.asks) == len(asks)
    for ask, expected in zip(case.asks, asks, strict=True):
        assert expected in ask


def test_status_charges_and_term(brief):
    kozlov = case_named(brief, "Vladimir Kozlov")
    assert kozlov.status.text.startswith("In appeal proceedings after sentence")
    assert kozlov.charges is not None and "inciting social discord" in kozlov.charges.text
    ibraimov = case_named(brief, "Maksat Ibraimov")
    assert ibraimov.status.text == "Released on 1 March 2013."
    assert ibraimov.sentence is not None and ibraimov.sentence.text == "Sentenced to 3 years."


def test_term_served_and_expected_release_when_sources_agree(case_file):
    case_file.events = [e for e in case_file.events if e.sentence_months != 84]
    brief = build_brief(case_file, country="KZ", occasion=OCCASION, on=ON)
    sentence = case_named(brief, "Vladimir Kozlov").sentence
    assert sentence is not None
    assert sentence.text == (
        "Sentenced to 7 years and 6 months; counting from 23 January 2012, "
        "1 year and 5 months served by 30 June 2013; the term ends in 23 July 2019."
    )


def test_disputed_sentence_shows_both_claims_with_their_sources(brief):
    kozlov = case_named(brief, "Vladimir Kozlov")
    assert kozlov.sentence is None  # no length picked silently
    (dispute,) = kozlov.disputes
    assert dispute.about == "the length of the sentence"
    claims = {claim.text: [c.number for c in claim.citations] for claim in dispute.claims}
    assert claims == {
        "7 years and 6 months": [number_of(brief, 1)],
        "7 years": [number_of(brief, 3)],
    }


def test_facts_after_the_date_are_left_out(brief):
    texts = [f.text for f in all_facts(brief)] + [s.title for s in brief.sources]
    evidence = [e for s in brief.sources for e in s.evidence]
    assert not any(LATE_SENTENCE in t for t in evidence)
    assert "Supreme Court upholds verdict" not in texts
    assert all(s.published is None or s.published <= ON for s in brief.sources)


def test_an_earlier_date_knows_less(case_file):
    brief = build_brief(case_file, country="KZ", occasion=OCCASION, on=date(2012, 10, 31))
    assert [c.name for c in brief.cases] == ["Vladimir Kozlov"]  # the rest was reported later
    kozlov = case_named(brief, "Vladimir Kozlov")
    assert kozlov.urgency is None  # the hearing was announced only in June 2013
    assert kozlov.status.text == "Sentenced on 8 October 2012; in custody."
    assert brief.header.last_published == date(2012, 10, 12)


def test_rejected_records_are_not_printed(brief):
    quoted = [e for s in brief.sources for e in s.evidence] + [f.text for f in all_facts(brief)]
    assert not any(REJECTED_SENTENCE in t or REJECTED_STATEMENT in t for t in quoted)
    assert "Petr Ghostov" not in [c.name for c in brief.cases]
    assert "Released" not in case_named(brief, "Vladimir Kozlov").status.text


def test_other_countries_are_left_out(brief):
    assert "Ivan Orlov" not in [c.name for c in brief.cases]
    assert "Blogger detained in Moscow" not in [s.title for s in brief.sources]


def test_confidential_person_appears_only_by_case_code(brief):
    case = case_named(brief, "Case KZ-1")
    assert case.roles == ()
    every_text = [f.text for f in all_facts(brief)]
    every_text += [e for c in all_facts(brief) for cit in c.citations for e in cit.evidence]
    every_text += [s.title for s in brief.sources] + [s.url or "" for s in brief.sources]
    every_text += [e for s in brief.sources for e in s.evidence] + [
        a for c in brief.cases for a in c.asks
    ]
    assert not any(CONFIDENTIAL_NAME.lower() in t.lower() for t in every_text)
    assert not any("Yerlan" in t for t in every_text)
    titles = {s.title: s.url for s in brief.sources}
    assert titles["Union activist [Case KZ-1] detained in Zhanaozen"] is None


def test_every_fact_cites_a_source_holding_its_evidence(brief):
    by_number = {s.number: set(s.evidence) for s in brief.sources}
    for fact in all_facts(brief):
        assert fact.citations, fact.text
        for citation in fact.citations:
            assert set(citation.evidence) <= by_number[citation.number]


def test_fact_without_a_source_cannot_exist():
    with pytest.raises(ValueError):
        Fact("Made up.", ())


def test_event_without_evidence_sentence_is_not_printed(case_file):
    case_file.events = [
        replace(e, evidence=replace(e.evidence, sentence="  "))
        if e.person_id == "nurlanov-timur"
        else e
        for e in case_file.events
    ]
    brief = build_brief(case_file, country="KZ", occasion=OCCASION, on=ON)
    assert "Timur Nurlanov" not in [c.name for c in brief.cases]


def test_record_of_concern_is_oldest_first_and_header_counts_sources(brief):
    assert [f.text.split(",")[0] for f in brief.concern] == [
        "UN Special Rapporteur on freedom of expression",
        "European Union",
    ]
    assert brief.header.source_count == len(brief.sources) == 11
    assert brief.header.first_published == date(2012, 8, 17)
    assert brief.header.last_published == date(2013, 6, 20)


def test_key_points_and_rights(brief):
    texts = [f.text for f in brief.key_points]
    assert texts[0].startswith("3 people are held in detention or prison as of 30 June 2013")
    assert texts[1] == "1 person was sentenced in the 12 months to 30 June 2013: Vladimir Kozlov."
    assert not any("killed" in t for t in texts)  # nobody was: no line, not a zero
    rights = [f.text for f in brief.rights]
    assert "Freedom of expression, in the cases of Aigul Serikova and Vladimir Kozlov." in rights
    assert "Freedom from torture and ill-treatment, in the case of Case KZ-1." in rights


def test_occasions_ahead_are_near_the_date(brief):
    assert [f.text.split(",")[0] for f in brief.occasions] == ["10 July 2013"]


def test_confidential_person_without_a_printed_case_is_still_withheld(case_file):
    case_file.persons = [
        replace(p, confidential=True) if p.id == "nurlanov-timur" else p for p in case_file.persons
    ]
    case_file.events = [
        replace(e, review="rejected") if e.person_id == "nurlanov-timur" else e
        for e in case_file.events
    ]
    case_file.statements.append(
        replace(
            case_file.statements[0],
            id=500,
            evidence=replace(
                case_file.statements[0].evidence, sentence="The UN asked about Timur Nurlanov."
            ),
        )
    )
    brief = build_brief(case_file, country="KZ", occasion=OCCASION, on=ON)
    assert all("Nurlanov" not in f.text for f in all_facts(brief))
    assert any("[Case KZ-" in f.text for f in brief.concern)


def test_killing_is_counted_and_asks_for_an_investigation(case_file):
    killed = replace(
        case_file.events[0], id=600, person_id="ibraimov-maksat", type="killing", date="2013-04-02"
    )
    case_file.events.append(killed)
    brief = build_brief(case_file, country="KZ", occasion=OCCASION, on=ON)
    assert brief.key_points[-1].text == "1 person was reported killed: Maksat Ibraimov."
    case = case_named(brief, "Maksat Ibraimov")
    assert case.status.text == "Killed on 2 April 2013."
    assert case.asks == (
        "Call for an independent investigation into the killing of Maksat Ibraimov.",
    )



def _weighed(case_file, sentence: str, confidence: float, review: str = "machine"):
    """The case file with the event read from `sentence` weighed at `confidence`."""
    events = [replace(e, confidence=confidence, review=review)
              if e.evidence.sentence == sentence else e for e in case_file.events]
    return replace(case_file, events=events)


def quoted(brief: Brief) -> list[str]:
    return [e for s in brief.sources for e in s.evidence]


def test_min_confidence_leaves_weak_machine_facts_out_and_says_how_many(case_file):
    weak = _weighed(case_file, SCRIPT_SENTENCE, 0.3)
    full = build_brief(weak, country="KZ", occasion=OCCASION, on=ON)
    strict = build_brief(weak, country="KZ", occasion=OCCASION, on=ON, min_confidence=0.5)
    assert SCRIPT_SENTENCE in quoted(full)
    assert SCRIPT_SENTENCE not in quoted(strict)
    assert full.header.left_out is None
    assert strict.header.left_out == (
        "1 machine-read fact weighed under confidence 0.50 is left out."
    )


def test_facts_an_analyst_accepted_stand_whatever_their_confidence(case_file):
    accepted = _weighed(case_file, SCRIPT_SENTENCE, 0.3, review="accepted")
    brief = build_brief(accepted, country="KZ", occasion=OCCASION, on=ON, min_confidence=0.5)
    assert SCRIPT_SENTENCE in quoted(brief)
    assert brief.header.left_out == (
        "0 machine-read facts weighed under confidence 0.50 are left out.")
