"""Flat rows for `rightsdesk export`: one row per event, ready for JSON Lines or CSV."""

from __future__ import annotations

from rightsdesk.model import CaseFile, EventRecord, PersonRecord, SourceRecord

EXPORT_FIELDS: tuple[str, ...] = (
    "event_id",
    "person_id",
    "person_name",
    "type",
    "date",
    "place",
    "charges",
    "sentence_months",
    "also",
    "confidence",
    "review",
    "source_id",
    "doc_id",
    "source_url",
    "published",
    "country",
    "evidence_start",
    "evidence_end",
    "evidence_page",
    "evidence_sentence",
)
ExportRow = dict[str, str | int | float | None]
LIST_SEPARATOR = "; "  # charges contain commas ("membership of an extremist group, ...")


def export_rows(case_file: CaseFile, *, include_confidential: bool = False) -> list[ExportRow]:
    """Events with their person and source spelled out, in case-file order.

    Events of persons marked confidential are left out unless asked for: an export
    is meant to leave the desk, a protected name is not. Rejected events never leave.
    """
    persons = {p.id: p for p in case_file.persons}
    sources = {s.id: s for s in case_file.sources}
    return [
        event_row(event, persons[event.person_id], sources[event.source_id])
        for event in case_file.events
        if event.review != "rejected"
        and (include_confidential or not persons[event.person_id].confidential)
    ]


def event_row(event: EventRecord, person: PersonRecord, source: SourceRecord) -> ExportRow:
    """One flat row; lists are joined so CSV cells stay single values."""
    return {
        "event_id": event.id,
        "person_id": person.id,
        "person_name": person.name,
        "type": event.type,
        "date": event.date,
        "place": event.place,
        "charges": LIST_SEPARATOR.join(event.charges),
        "sentence_months": event.sentence_months,
        "also": LIST_SEPARATOR.join(event.also),
        "confidence": event.confidence,
        "review": event.review,
        "source_id": source.id,
        "doc_id": source.doc_id,
        "source_url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "country": source.country,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_page": event.evidence.page,
        "evidence_sentence": event.evidence.sentence,
    }
