"""Saving a document: round trip, idempotence, and all-or-nothing writes."""

from __future__ import annotations

from datetime import date

import pytest
from store_factories import IDS, resolve

from rightsdesk.errors import StoreError
from rightsdesk.model import Extraction, Resolution
from rightsdesk.store import Store, writer

EMPTY = {"sources": 0, "persons": 0, "events": 0, "statements": 0, "occasions": 0}


def test_save_then_case_file_returns_every_fact_with_its_evidence(
    store: Store, report_2021: Extraction
) -> None:
    assert store.save(report_2021, resolve(report_2021, ids=IDS))
    case = store.case_file()
    [source] = case.sources
    assert (source.doc_id, source.published, source.country) == (
        "report-2021",
        date(2021, 8, 1),
        "BY",
    )
    assert store.source_text(source.id) == report_2021.doc.text
    assert [p.id for p in case.persons] == ["navumcyk-ales", "ivanova-maria"]  # by name
    assert {(e.person_id, e.type, e.date) for e in case.events} == {
        ("ivanova-maria", "arrest", "2021-07-14"),
        ("ivanova-maria", "charge", "2021-07"),
        ("ivanova-maria", "ill_treatment", None),
        ("navumcyk-ales", "arrest", None),
    }
    stored = {(e.type, e.person_id): e for e in case.events}
    assert stored["charge", "ivanova-maria"].charges == [
        "organising mass riots",
        "insulting the president",
    ]
    for original, record in zip(
        report_2021.events, _by_sentence(case.events, report_2021), strict=True
    ):
        assert record.evidence == original.evidence
        assert report_2021.doc.text[record.evidence.start : record.evidence.end] == (
            record.evidence.sentence
        )
    assert stored["arrest", "navumcyk-ales"].confidence == 0.8
    assert all(e.review == "machine" for e in case.events)
    assert [s.actor for s in case.statements] == ["UN Special Rapporteur"]
    [occasion] = case.occasions
    assert (occasion.type, occasion.date, occasion.person_ids) == (
        "trial",
        "2022-01-20",
        ["ivanova-maria"],
    )


def _by_sentence(records: list, extraction: Extraction) -> list:
    by_sentence = {r.evidence.sentence: r for r in records}
    return [by_sentence[e.evidence.sentence] for e in extraction.events]


def test_save_of_a_stored_content_hash_is_refused_and_changes_nothing(
    store: Store, report_2021: Extraction
) -> None:
    resolution = resolve(report_2021, ids=IDS)
    assert store.save(report_2021, resolution) is True
    before = (store.counts(), store.case_file())
    report_2021.events = report_2021.events[:1]  # a re-extraction with other results
    assert store.save(report_2021, resolution) is False
    assert (store.counts(), store.case_file()) == before
    assert store.has_source(report_2021.doc.source.content_hash)


def test_failure_inside_the_save_leaves_nothing_behind(
    store: Store, report_2021: Extraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*_args: object) -> None:
        raise RuntimeError("killed while writing occasions")

    resolution = resolve(report_2021, ids=IDS)
    monkeypatch.setattr(writer, "insert_occasions", crash)
    with pytest.raises(RuntimeError):
        store.save(report_2021, resolution)
    assert store.counts() == EMPTY
    assert not store.has_source(report_2021.doc.source.content_hash)
    assert store.search("Grodno") == []
    assert store.integrity_check() == []
    monkeypatch.undo()
    assert store.save(report_2021, resolution)  # nothing half-written blocks a retry


def test_person_without_global_id_is_refused_before_anything_is_written(
    store: Store, report_2021: Extraction
) -> None:
    with pytest.raises(StoreError, match="p2"):
        store.save(report_2021, _without_p2(report_2021))
    assert store.counts() == EMPTY


def _without_p2(extraction: Extraction) -> Resolution:
    resolution = resolve(extraction, ids=IDS)
    resolution.person_ids = {r: i for r, i in resolution.person_ids.items() if r.key != "p2"}
    return resolution


def test_known_person_keeps_name_and_gains_aliases_and_roles(
    store: Store, both_reports: tuple[Extraction, Extraction]
) -> None:
    maria = store.person("ivanova-maria")
    assert maria.name == "Maria Ivanova"
    assert maria.aliases == ["M. Ivanova"]
    assert maria.roles == ["blogger", "prisoner"]
    assert maria.country == "BY"
    assert [p.id for p in store.known_persons()] == ["navumcyk-ales", "ivanova-maria"]


def test_two_persons_across_two_sources_share_one_timeline_each(
    store: Store, both_reports: tuple[Extraction, Extraction]
) -> None:
    assert store.counts() == {
        "sources": 2,
        "persons": 2,
        "events": 5,
        "statements": 2,
        "occasions": 1,
    }
    timeline = store.timeline("ivanova-maria")
    assert [(e.type, e.date) for e in timeline] == [
        ("charge", "2021-07"),  # 1 July: a month sorts as its first day
        ("arrest", "2021-07-14"),
        ("ill_treatment", None),  # undated: by its source's publication, 1 August 2021
        ("sentence", "2022-03"),
    ]
    assert len({e.source_id for e in timeline}) == 2
    sentence = timeline[-1]
    assert (sentence.sentence_months, sentence.also) == (72.0, ["trial"])
    assert [e.type for e in store.timeline("navumcyk-ales")] == ["arrest"]
