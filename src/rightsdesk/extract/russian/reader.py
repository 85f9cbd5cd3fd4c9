"""The Russian reader: a clean Russian document -> the same Extraction as English.

Parses with the loaded `RussianNLP` (natasha and pymorphy3, loaded once per
process by the composition root), then reads victims and events, statements
and occasions from the sentences. Evidence stays in Russian and carries its
language, so the desk and briefs quote it as written and mark it. Each fact's
confidence comes from the shipped models of `confidence.py`, over the features
the finders noted as they read it (`features.py`).
"""

from __future__ import annotations

from rightsdesk.extract.dates import published_at
from rightsdesk.extract.russian.confidence import RussianWeights, shipped_weights
from rightsdesk.extract.russian.events import find_events
from rightsdesk.extract.russian.features import (
    Notes,
    attribute_cues,
    dated_cues,
    person_cues,
)
from rightsdesk.extract.russian.occasions import find_occasions
from rightsdesk.extract.russian.parse import SURNAME_STEM, RussianNLP, Sentence
from rightsdesk.extract.russian.places import country_of
from rightsdesk.extract.russian.statements import find_statements
from rightsdesk.model import CleanDoc, Event, Extraction, Occasion, Person, Provenance, Statement


class RussianReader:
    """Reads facts from Russian documents with one loaded `RussianNLP`; `weights`
    give them their confidence (by default those shipped in the package)."""

    def __init__(self, nlp: RussianNLP, weights: RussianWeights | None = None) -> None:
        self.nlp = nlp
        self.weights = shipped_weights() if weights is None else weights

    def read(self, doc: CleanDoc, *, extractor: str) -> Extraction:
        """The facts of one document; `extractor` names the version in its provenance."""
        return self.read_parsed(doc, self.nlp.parse(doc), extractor=extractor)

    def read_parsed(self, doc: CleanDoc, sentences: list[Sentence], *,
                    extractor: str) -> Extraction:
        """The facts of a document already parsed (training reads one parse many times)."""
        published = published_at(doc.published, doc.published_precision)
        event_notes, statement_notes, occasion_notes = Notes(), Notes(), Notes()
        persons, events = find_events(sentences, published=published, morph=self.nlp.morph,
                                      notes=event_notes)
        victims = {name for p in persons for name in (p.name, *p.aliases)}
        statements = [s for s in find_statements(sentences, published=published,
                                                 notes=statement_notes)
                      if s.actor not in victims]  # a victim speaking is no statement
        occasions = find_occasions(sentences, published=published, persons=persons,
                                   notes=occasion_notes)
        events = self._weigh_events(events, persons, sentences, event_notes)
        kept = {e.person for e in events}
        self._weigh_said(statements, occasions, statement_notes, occasion_notes)
        return Extraction(
            doc=doc,
            provenance=Provenance(extractor, doc.source.content_hash),
            country=country_of(sentences),
            persons=[p for p in persons if p.key in kept],
            events=events,
            statements=statements,
            occasions=occasions,
        )

    def _weigh_events(self, events: list[Event], persons: list[Person],
                      sentences: list[Sentence], notes: Notes) -> list[Event]:
        """Each event's confidence; those under the weights' `keep` are left out."""
        model = self.weights.events
        if model is None:
            return events
        by_key = {p.key: p for p in persons}
        types: dict[str, int] = {}
        for event in events:
            types[event.person] = types.get(event.person, 0) + 1
        for event in events:
            person = by_key[event.person]
            features = {**notes.of((event.person, event.type)), **attribute_cues(event),
                        **person_cues(types[event.person], _named_in(sentences, person))}
            event.confidence = model.weigh("event", features, name=person.name,
                                           type=event.type)
        return [e for e in events if e.confidence >= self.weights.keep]

    def _weigh_said(self, statements: list[Statement], occasions: list[Occasion],
                    statement_notes: Notes, occasion_notes: Notes) -> None:
        """Each statement's and occasion's confidence."""
        if (model := self.weights.statements) is not None:
            for statement in statements:
                features = {**statement_notes.of(statement.actor), **dated_cues(statement)}
                statement.confidence = model.weigh("statement", features,
                                                   actor=statement.actor)
        if (model := self.weights.occasions) is not None:
            for occasion in occasions:
                features = {**occasion_notes.of((occasion.type, occasion.date)),
                            **dated_cues(occasion)}
                occasion.confidence = model.weigh("occasion", features, type=occasion.type,
                                                  date=occasion.date)


def _named_in(sentences: list[Sentence], person: Person) -> int:
    """How many sentences name the person (by the stem of their surname)."""
    stem = person.name.split()[-1].lower()[:SURNAME_STEM]
    return sum(1 for s in sentences
               if any(m.kind == "PER" and s.words[m.last].text.lower().startswith(stem)
                      for m in s.mentions))
