"""A source keeps its language; evidence read back carries it."""

from __future__ import annotations

from dataclasses import replace

from store_factories import IDS, resolve

from rightsdesk.model import Extraction
from rightsdesk.store import Store


def test_source_language_is_stored_and_given_to_its_evidence(
    store: Store, report_2021: Extraction
) -> None:
    report_2021.doc = replace(report_2021.doc, language="ru")
    store.save(report_2021, resolve(report_2021, ids=IDS))
    case = store.case_file()
    assert [s.language for s in case.sources] == ["ru"]
    assert {e.evidence.language for e in case.events} == {"ru"}
    assert {s.evidence.language for s in case.statements} == {"ru"}


def test_source_in_english_by_default(store: Store, report_2021: Extraction) -> None:
    store.save(report_2021, resolve(report_2021, ids=IDS))
    assert [s.language for s in store.case_file().sources] == ["en"]
