"""Long documents read in sections give the facts a whole reading gives."""

from __future__ import annotations

from pdf_reports import case_paragraphs, many_prisoners

from rightsdesk.extract import Extractor
from rightsdesk.extract.sections import sections
from rightsdesk.model import CleanDoc, Extraction, Source


def clean_doc(text: str) -> CleanDoc:
    source = Source(doc_id="long", path="long.pdf", kind="pdf", raw=b"", content_hash="h" * 64)
    return CleanDoc(source, text)


def facts(extraction: Extraction) -> set[tuple[str, str, int, str]]:
    names = {person.key: person.name for person in extraction.persons}
    return {(e.type, names[e.person], e.evidence.start, e.evidence.sentence)
            for e in extraction.events}


def test_sections_are_cut_at_paragraph_ends_within_the_limit() -> None:
    runs = list(sections(["a", "b", "c", "d"], [40, 50, 30, 120], limit=100))
    assert runs == [["a", "b"], ["c"], ["d"]]


def test_a_long_report_read_in_sections_gives_the_facts_of_a_whole_reading(nlp) -> None:
    text = "\n".join(p for prisoner in many_prisoners(12) for p in case_paragraphs(prisoner))
    doc = clean_doc(text)
    whole = Extractor(nlp, section_chars=len(text)).extract(doc)
    parts = Extractor(nlp, section_chars=len(text) // 5).extract(doc)
    assert facts(parts) == facts(whole) and len(facts(whole)) >= 24
    assert sorted(p.name for p in parts.persons) == sorted(p.name for p in whole.persons)
    assert parts.country == whole.country


def test_a_surname_in_a_later_section_is_the_person_named_before(nlp) -> None:
    first = ("On 3 March 2023 police in Almaty arrested the journalist Vladimir Kozlovsky "
             "and charged him with inciting social discord.")
    later = "A court in Almaty sentenced Kozlovsky to seven years in prison."
    doc = clean_doc(f"{first}\n{later}")
    extraction = Extractor(nlp, section_chars=len(first)).extract(doc)
    assert [p.name for p in extraction.persons] == ["Vladimir Kozlovsky"]
    assert {e.type for e in extraction.events} >= {"arrest", "sentence"}
