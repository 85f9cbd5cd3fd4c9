"""Reading the store: as-of case files, person lookup, export rows."""

from __future__ import annotations

from datetime import date

import pytest

from rightsdesk.errors import StoreError, UnknownPerson
from rightsdesk.model import Extraction
from rightsdesk.store import EXPORT_FIELDS, Store, export_rows

pytestmark = pytest.mark.usefixtures("both_reports")


def test_as_of_leaves_out_later_sources_and_facts_dated_after_it(store: Store) -> None:
    case = store.case_file("BY", as_of=date(2021, 12, 31))
    assert [s.doc_id for s in case.sources] == ["report-2021"]
    assert {e.type for e in case.events} == {"arrest", "charge", "ill_treatment"}
    # the trial due in January 2022 was announced in 2021: on that day it lies ahead
    assert [o.date for o in case.occasions] == ["2022-01-20"]
    assert [s.actor for s in case.statements] == ["UN Special Rapporteur"]
    assert "M. Ivanova" in store.person("ivanova-maria").aliases  # person data is not dated


def test_as_of_counts_an_undated_fact_by_its_source_and_a_month_by_its_first_day(
    store: Store,
) -> None:
    case = store.case_file(as_of=date(2021, 7, 20))
    assert case.sources == []  # published 1 August
    assert case.events == [] and case.persons == []
    later = store.case_file(as_of=date(2022, 4, 2))
    assert {e.type for e in later.events} == {
        "arrest",
        "charge",
        "ill_treatment",
        "sentence",
    }
    assert len(later.occasions) == 1


def test_case_file_of_another_country_is_empty(store: Store) -> None:
    case = store.case_file("RU")
    assert (case.country, case.sources, case.events, case.persons) == ("RU", [], [], [])


def test_find_persons_ignores_case_accents_and_matches_aliases(store: Store) -> None:
    assert [p.id for p in store.find_persons("ales navumcyk")] == ["navumcyk-ales"]
    assert [p.id for p in store.find_persons("NAVUMČYK")] == ["navumcyk-ales"]
    assert [p.id for p in store.find_persons("m. ivanova")] == ["ivanova-maria"]
    assert store.find_persons("%") == []
    assert store.find_persons("  ") == []


def test_unknown_ids_raise_named_errors(store: Store) -> None:
    with pytest.raises(UnknownPerson):
        store.person("nobody")
    with pytest.raises(UnknownPerson):
        store.timeline("nobody")
    with pytest.raises(StoreError):
        store.source(999)


def test_source_record_carries_what_the_sidecar_said(store: Store, report_2022: Extraction) -> None:
    [later] = [s for s in store.case_file().sources if s.doc_id == "report-2022"]
    assert store.source(later.id) == later
    assert later.url == "https://example.org/report-2022"
    assert later.content_hash == report_2022.doc.source.content_hash


def test_export_has_one_flat_row_per_event_and_hides_confidential_persons(
    store: Store,
) -> None:
    rows = export_rows(store.case_file("BY"))
    assert len(rows) == 5
    assert all(list(row) == list(EXPORT_FIELDS) for row in rows)
    [charge] = [row for row in rows if row["type"] == "charge"]
    assert charge["person_name"] == "Maria Ivanova"
    assert charge["charges"] == "organising mass riots; insulting the president"
    assert charge["doc_id"] == "report-2021"
    assert charge["source_url"] == "https://example.org/report-2021"
    assert str(charge["evidence_sentence"]).startswith("She was charged")
    store.set_confidential("navumcyk-ales")
    assert {row["person_id"] for row in export_rows(store.case_file())} == {"ivanova-maria"}
    assert len(export_rows(store.case_file(), include_confidential=True)) == 5
    assert store.person("navumcyk-ales").confidential
