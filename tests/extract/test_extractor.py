"""The Extractor's contract: provenance, country, batching, reading order."""

from __future__ import annotations

from rightsdesk.extract import EXTRACTOR_VERSION


def test_provenance_names_the_extractor_and_the_source(read) -> None:
    extraction = read("Kazakh police detained Dauren Abayev in Almaty, Kazakhstan.")
    assert extraction.provenance.extractor == EXTRACTOR_VERSION
    assert extraction.provenance.content_hash == extraction.doc.source.content_hash
    assert extraction.country == "KZ"


def test_extract_many_keeps_input_order_and_matches_extract(extractor, make_doc) -> None:
    texts = [f"Activist Nikita Orlov{i} was detained in Minsk." for i in range(20)]
    texts[7] = "Nothing happened today."
    docs = [make_doc(t) for t in texts]
    many = list(extractor.extract_many(docs))
    assert [m.doc.text for m in many] == texts
    assert many[7].events == []
    one = extractor.extract(docs[3])
    assert [(p.name, e.type) for p in one.persons for e in one.events] == [
        (p.name, e.type) for p in many[3].persons for e in many[3].events
    ]


def test_empty_text_gives_an_empty_extraction(read) -> None:
    extraction = read("")
    assert extraction.persons == [] and extraction.events == []
