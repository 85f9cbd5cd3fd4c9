"""Russian facts carry a confidence from the shipped models over the reader's features."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import pytest

from rightsdesk.extract.learned.decisions import FactWeights, LinearModel
from rightsdesk.extract.russian import RussianReader
from rightsdesk.extract.russian.confidence import KINDS, RussianWeights, shipped_weights
from rightsdesk.model import CleanDoc, Extraction, Source

PUBLISHED = date(2024, 3, 15)
PLAIN = "Полиция задержала журналиста Ивана Петрова в Москве 5 марта."
HEADLINE = "Задержан Петров"  # a headline, by surname alone
BYSTANDER = ("По словам Анны Смирновой, на акции был Иван Петров, после чего задержания "
             "продолжились, а судья Олег Козлов назначил арест.")  # the only name left


def _read(nlp, text: str, weights: RussianWeights | None = None) -> Extraction:
    raw = text.encode()
    source = Source("t", "t.txt", "text", raw, hashlib.sha256(raw).hexdigest(),
                    published=PUBLISHED)
    doc = CleanDoc(source, text, published=PUBLISHED, language="ru")
    return RussianReader(nlp, weights).read(doc, extractor="test")


def _traced(nlp, text: str) -> list[tuple[str, dict[str, Any]]]:
    """What the reader weighs in a text: (kind, record with its features)."""
    trace: list[tuple[str, dict[str, Any]]] = []
    _read(nlp, text, RussianWeights.tracing(dict.fromkeys(KINDS, LinearModel({}, 0.0)), trace))
    return trace


def _arrest(extraction: Extraction) -> float:
    return next(e.confidence for e in extraction.events if e.type == "arrest")


def test_the_shipped_weights_load_with_a_model_per_kind_and_their_figures() -> None:
    weights = shipped_weights()
    assert weights.events is not None and weights.events.model.weights
    assert weights.statements is not None and weights.occasions is not None
    assert 0.0 <= weights.keep < 1.0
    fitted, calibrated = (set(weights.meta[k]["parts"]) for k in ("fitted_on", "calibrated_on"))
    assert fitted == {"train", "fresh", "train2"}  # the parts the rules were written on
    assert not fitted & calibrated and "sealed" not in fitted | calibrated


def test_every_fact_read_carries_a_probability_not_the_default(russian_nlp) -> None:
    extraction = _read(russian_nlp, "Правозащитный центр «Мемориал» заявил, что Ивана "
                                    "Петрова задержали незаконно.")
    facts = [*extraction.events, *extraction.statements]
    assert facts and all(0.0 < f.confidence < 1.0 for f in facts)


def test_a_weaker_reading_of_an_arrest_is_less_sure_than_a_plain_one(russian_nlp) -> None:
    assert _arrest(_read(russian_nlp, HEADLINE)) < _arrest(_read(russian_nlp, PLAIN))
    # a person only left over in the sentence weighs less than one the rule linked; the
    # bystander's other features (three persons, a noun trigger) may still outweigh it
    events = shipped_weights().events
    assert events is not None
    assert events.model.weights["how:only"] < events.model.weights["how:linked"]


def test_features_say_how_the_person_was_found_and_named(russian_nlp) -> None:
    (_, plain), = _traced(russian_nlp, PLAIN)
    assert {"how:linked", "name:words2", "name:declined", "type:arrest",
            "rule:arrest-verb", "persons:1", "distance:near"} <= set(plain["features"])
    (_, headline), = _traced(russian_nlp, HEADLINE)
    assert {"headline", "name:words1"} <= set(headline["features"])
    assert "name:declined" not in headline["features"]
    (_, bystander), = _traced(russian_nlp, BYSTANDER)
    assert {"how:only", "persons:3+", "distance:far", "pos:NOUN"} <= set(bystander["features"])


def test_a_statement_is_weighed_by_how_its_actor_speaks(russian_nlp) -> None:
    (kind, record), = _traced(russian_nlp, "Amnesty International призвала освободить "
                                           "Ивана Петрова.")
    assert kind == "statement" and record["actor"] == "Amnesty International"
    assert {"how:speaks", "actor:ORG", "actor:latin", "undated"} <= set(record["features"])


def test_without_weights_the_rules_facts_keep_confidence_one(russian_nlp) -> None:
    extraction = _read(russian_nlp, PLAIN, RussianWeights())
    assert [e.confidence for e in extraction.events] == [1.0]


@pytest.mark.parametrize(("keep", "kept"), [(0.0, 1), (0.5, 0)])
def test_events_under_the_keep_threshold_are_left_out_with_their_person(
        russian_nlp, keep: float, kept: int) -> None:
    doubtful = FactWeights(LinearModel({"how:linked": -3.0}, 0.0))
    extraction = _read(russian_nlp, PLAIN, RussianWeights(events=doubtful, keep=keep))
    assert len(extraction.events) == kept and len(extraction.persons) == kept
