"""The learned layer over the rules: candidates, their features, and what models decide."""

from __future__ import annotations

import math

import pytest
from conftest import clean_doc

from rightsdesk.extract import Extractor
from rightsdesk.extract.learned.candidates import dependency_path, trigger_types
from rightsdesk.extract.learned.decisions import (
    Decisions,
    EventDecisions,
    LinearModel,
    shipped_decisions,
)
from rightsdesk.model import Extraction

# Never read by the rules: the person stands as the object of "put behind bars"
# under a verb they do not know ("saw X put behind bars").
MISSED = "Last week the court saw the poet Arman Dzhaksybekov put behind bars for six years."


def reading(nlp, events: EventDecisions, text: str) -> tuple[Extraction, list]:
    events.trace = []
    extraction = Extractor(nlp, Decisions(events=events)).extract(clean_doc(text))
    trace, events.trace = events.trace, None
    return extraction, trace


def test_trigger_words_name_their_event_types(nlp) -> None:
    doc = nlp("Police detained her and she was later jailed, then freed.")
    found = {t.text: trigger_types(t) for t in doc if trigger_types(t)}
    assert found == {"detained": ["arrest"], "jailed": ["sentence"], "freed": ["release"]}


def test_a_word_that_needs_its_second_word_is_no_trigger_without_it(nlp) -> None:
    assert trigger_types(nlp("He took the bus.")[1]) == []
    assert "arrest" in trigger_types(nlp("He was taken away by police.")[2])


def test_dependency_path_meets_at_the_common_head(nlp) -> None:
    doc = nlp("Police arrested the journalist Ivan Petrov.")
    up, down = dependency_path(doc[5], doc[1])  # Petrov -> arrested
    assert [t.text for t in up] == ["Petrov", "journalist"]
    assert down == []
    up, down = dependency_path(doc[0], doc[5])  # Police -> Petrov: up to "arrested", down
    assert [t.text for t in up] == ["Police"]
    assert [t.text for t in down] == ["Petrov", "journalist"]


def test_linear_model_round_trips_through_json() -> None:
    model = LinearModel({"a": 1.5, "b": -2.0}, 0.25, (0.8, 0.1))
    again = LinearModel.from_json(model.to_json())
    assert again.probability(["a"]) == pytest.approx(model.probability(["a"]))
    z = 0.8 * (0.25 + 1.5) + 0.1
    assert model.probability(["a", "unknown"]) == pytest.approx(1 / (1 + math.exp(-z)))
    assert model.probability({"b": 0.5}) == pytest.approx(1 / (1 + math.exp(-(0.8 * -0.75 + 0.1))))


def test_every_rule_event_becomes_a_candidate_described_without_the_rules(nlp) -> None:
    keep_all = EventDecisions(LinearModel({}, 0.0), LinearModel({}, 30.0), propose=2.0, keep=0.0)
    extraction, trace = reading(nlp, keep_all, "Police arrested the journalist Ivan Petrov.")
    candidates = [r for kind, r in trace if kind == "candidate"]
    arrests = [r for r in candidates if r["type"] == "arrest" and r["name"] == "Ivan Petrov"]
    assert arrests and not any(f.startswith(("rule=", "victim=")) for f in arrests[0]["features"])
    assert [e.type for e in extraction.events] == ["arrest"]


def test_a_candidate_the_rules_missed_is_proposed_and_read_with_its_attributes(nlp) -> None:
    rules = Extractor(nlp, Decisions()).extract(clean_doc(MISSED))
    assert not any(e.type == "sentence" for e in rules.events)
    believe_sentences = EventDecisions(
        LinearModel({"type=sentence": 10.0}, -5.0), LinearModel({}, 30.0), propose=0.5, keep=0.5)
    extraction, _ = reading(nlp, believe_sentences, MISSED)
    names = {p.key: p.name for p in extraction.persons}
    found = {(names[e.person], e.type): e for e in extraction.events}
    assert found[("Arman Dzhaksybekov", "sentence")].sentence_months == 72


def test_events_under_the_threshold_are_dropped_with_their_person(nlp) -> None:
    doubt_everything = EventDecisions(
        LinearModel({}, 0.0), LinearModel({}, -3.0), propose=2.0, keep=0.5)
    text = "Police arrested the journalist Ivan Petrov."
    extraction, trace = reading(nlp, doubt_everything, text)
    assert extraction.events == [] and extraction.persons == []
    scores = [r["score"] for kind, r in trace if kind == "event"]
    assert scores == [pytest.approx(0.0474, abs=1e-3)]


def test_kept_events_carry_the_event_models_probability(nlp) -> None:
    sure = EventDecisions(LinearModel({}, 0.0), LinearModel({"type=arrest": 2.0}, 0.0),
                          propose=2.0, keep=0.5)
    extraction, _ = reading(nlp, sure, "Police arrested the journalist Ivan Petrov.")
    assert [e.confidence for e in extraction.events] == [pytest.approx(0.8808, abs=1e-4)]


def test_shipped_weights_load_and_decide_events() -> None:
    decisions = shipped_decisions()
    assert decisions.events is not None, "make train writes extract/learned/weights.json"
    assert 0 < decisions.events.keep < 1 and decisions.meta["documents"] > 0


def test_a_proposed_state_takes_no_day_from_the_verb_of_another_event(nlp) -> None:
    believe_arrests = EventDecisions(
        LinearModel({"type=arrest": 10.0}, -5.0), LinearModel({}, 30.0), propose=0.5, keep=0.5)
    text = "Anna Berg was released on Tuesday after four years in custody."
    extraction, _ = reading(nlp, believe_arrests, text)
    found = {e.type: e for e in extraction.events}
    assert found["release"].date == "2024-03-12"
    assert found["arrest"].proposed and found["arrest"].date is None


def test_the_head_of_a_party_is_no_candidate_of_the_events_around_it(nlp) -> None:
    keep_all = EventDecisions(LinearModel({}, 0.0), LinearModel({}, 30.0), propose=2.0, keep=0.0)
    text = ("Ivan Petrov was arrested after the polls, which gave President Nazarbayev's party "
            "most of the vote.")
    _, trace = reading(nlp, keep_all, text)
    named = {r["name"] for kind, r in trace if kind == "candidate"}
    assert "Ivan Petrov" in named and not any("Nazarbayev" in n for n in named)


def test_a_trigger_asked_for_or_hypothetical_is_never_proposed(nlp) -> None:
    believe_releases = EventDecisions(
        LinearModel({"type=release": 10.0}, -5.0), LinearModel({}, 30.0), propose=0.5, keep=0.5)
    text = ("Ivan Petrov was arrested in May. Rights groups believe the charges are baseless "
            "and that Petrov should be released.")
    extraction, trace = reading(nlp, believe_releases, text)
    assert [e.type for e in extraction.events] == ["arrest"]
    candidates = [r for kind, r in trace if kind == "candidate" and r["type"] == "release"]
    assert candidates and all("blocked=release" in r["features"] for r in candidates)


def test_the_last_part_of_a_hyphenated_word_is_no_trigger_word(nlp) -> None:
    keep_all = EventDecisions(LinearModel({}, 0.0), LinearModel({}, 30.0), propose=2.0, keep=0.0)
    text = "Ivan Petrov has been held in pre-trial detention since he was arrested in May."
    _, trace = reading(nlp, keep_all, text)
    types = {r["type"] for kind, r in trace if kind == "candidate"}
    assert "arrest" in types and "trial" not in types


def test_a_group_word_after_people_named_in_its_sentence_stands_for_them(nlp) -> None:
    keep_all = EventDecisions(LinearModel({}, 0.0), LinearModel({}, 30.0), propose=2.0, keep=0.0)
    text = ("Singers including Anna Berg and Oleg Sokolov condemned the trial. "
            "Ivan Petrov and Lev Orlov were arrested in March after they sang in a church.")
    _, trace = reading(nlp, keep_all, text)
    grouped = {r["name"] for kind, r in trace if kind == "candidate" and "group" in r["features"]}
    assert not grouped & {"Anna Berg", "Oleg Sokolov"}
