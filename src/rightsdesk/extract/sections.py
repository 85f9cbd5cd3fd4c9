"""Long documents in sections: parse and read a section at a time, then merge.

A 500-page report parsed whole keeps every spaCy Doc of it alive until its facts
are read; read in sections of `SECTION_CHARS`, only one section's parses are
held, so memory no longer grows with the length of the report. Sections are cut
at paragraph ends. Their facts are merged into one extraction as a whole reading
would have grouped them: one person per surname (as within one reading), so a
prisoner named in full in one section and by surname in the next is one case.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from rightsdesk.extract.victims import surname_key
from rightsdesk.model import Extraction, Person

# Characters of clean text read at a time: a long chapter, a few dozen pages.
SECTION_CHARS = 100_000
T = TypeVar("T")


def sections(paragraphs: Sequence[T], lengths: Sequence[int],
             limit: int = SECTION_CHARS) -> Iterator[list[T]]:
    """The paragraphs in runs of at most `limit` characters (a longer one alone)."""
    run: list[T] = []
    size = 0
    for paragraph, length in zip(paragraphs, lengths, strict=True):
        if run and size + length > limit:
            yield run
            run, size = [], 0
        run.append(paragraph)
        size += length
    if run:
        yield run


def merge_sections(parts: Sequence[Extraction], *, country: str | None) -> Extraction:
    """One extraction from its sections' (same document, same provenance)."""
    merged = Extraction(doc=parts[0].doc, provenance=parts[0].provenance, country=country)
    by_surname: dict[str, Person] = {}
    for part in parts:
        keys = {person.key: _merge_person(merged, by_surname, person).key
                for person in part.persons}
        for event in part.events:
            event.person = keys[event.person]
            merged.events.append(event)
        for occasion in part.occasions:
            occasion.persons = [keys[key] for key in occasion.persons]
            merged.occasions.append(occasion)
        merged.statements.extend(part.statements)
    return merged


def _merge_person(merged: Extraction, by_surname: dict[str, Person], person: Person) -> Person:
    """The merged document's person for a section's: found by surname, or added."""
    surname = surname_key(person.name) or person.name
    known = by_surname.get(surname)
    if known is None:
        known = Person(f"p{len(merged.persons) + 1}", person.name, list(person.aliases),
                       list(person.roles), list(person.evidence))
        by_surname[surname] = known
        merged.persons.append(known)
        return known
    names = [known.name, *known.aliases, person.name, *person.aliases]
    known.name = max(names, key=lambda name: len(name.split()))
    known.aliases = [n for n in dict.fromkeys(names) if n != known.name]
    known.roles.extend(role for role in person.roles if role not in known.roles)
    known.evidence.extend(person.evidence)
    return known
