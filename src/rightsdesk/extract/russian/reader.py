"""The Russian reader: a clean Russian document -> the same Extraction as English.

Parses with the loaded `RussianNLP` (natasha and pymorphy3, loaded once per
process by the composition root), then reads victims and events, statements
and occasions from the sentences. Evidence stays in Russian and carries its
language, so the desk and briefs quote it as written and mark it.
"""

from __future__ import annotations

from rightsdesk.extract.dates import published_at
from rightsdesk.extract.russian.events import find_events
from rightsdesk.extract.russian.occasions import find_occasions
from rightsdesk.extract.russian.parse import RussianNLP
from rightsdesk.extract.russian.places import country_of
from rightsdesk.extract.russian.statements import find_statements
from rightsdesk.model import CleanDoc, Extraction, Provenance


class RussianReader:
    """Reads facts from Russian documents with one loaded `RussianNLP`."""

    def __init__(self, nlp: RussianNLP) -> None:
        self.nlp = nlp

    def read(self, doc: CleanDoc, *, extractor: str) -> Extraction:
        """The facts of one document; `extractor` names the version in its provenance."""
        sentences = self.nlp.parse(doc)
        published = published_at(doc.published, doc.published_precision)
        persons, events = find_events(sentences, published=published, morph=self.nlp.morph)
        victims = {name for p in persons for name in (p.name, *p.aliases)}
        return Extraction(
            doc=doc,
            provenance=Provenance(extractor, doc.source.content_hash),
            country=country_of(sentences),
            persons=persons,
            events=events,
            statements=[s for s in find_statements(sentences, published=published)
                        if s.actor not in victims],  # a victim speaking is no statement
            occasions=find_occasions(sentences, published=published, persons=persons),
        )
