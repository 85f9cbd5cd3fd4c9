"""Documents go to the reader of their language; other languages are kept, unread."""

from __future__ import annotations

from dataclasses import replace

from rightsdesk.extract import Extractor


def test_document_in_another_language_is_kept_with_no_facts(extractor: Extractor,
                                                            make_doc) -> None:
    doc = replace(make_doc("Die Polizei hat Anna Weber in Berlin festgenommen."), language="de")
    extraction = extractor.extract(doc)
    assert extraction.doc is doc
    assert (extraction.persons, extraction.events, extraction.statements) == ([], [], [])


def test_russian_document_without_a_russian_reader_is_not_read(extractor: Extractor,
                                                               make_doc) -> None:
    doc = replace(make_doc("Полиция задержала Анну Белову."), language="ru")
    assert extractor.extract(doc).events == []
