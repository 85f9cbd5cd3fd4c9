"""What the REST API returns and accepts: separate from the stored records on purpose."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from rightsdesk.model import EventRecord, OccasionRecord, PersonRecord, SourceRecord
from rightsdesk.model import StatementRecord as StoredStatement
from rightsdesk.status import CaseStatus
from rightsdesk.web.deps import FIRST_DAY, LAST_DAY


class Me(BaseModel):
    username: str
    role: str
    csrf_token: str


class EvidenceOut(BaseModel):
    sentence: str
    start: int
    end: int
    page: int | None = None  # the PDF page the sentence starts on; null for web pages


class PersonOut(BaseModel):
    id: str
    name: str
    country: str | None
    aliases: list[str]
    confidential: bool
    stage: str | None = None
    in_custody: bool = False

    @classmethod
    def of(cls, person: PersonRecord, status: CaseStatus | None) -> PersonOut:
        return cls(
            id=person.id,
            name=person.name,
            country=person.country,
            aliases=person.aliases,
            confidential=person.confidential,
            stage=status.stage if status else None,
            in_custody=status.in_custody if status else False,
        )


class EventOut(BaseModel):
    id: int
    person_id: str
    source_id: int
    type: str
    date: str | None
    place: str | None
    charges: list[str]
    sentence_months: float | None
    confidence: float
    review: str
    evidence: EvidenceOut

    @classmethod
    def of(cls, event: EventRecord) -> EventOut:
        return cls.model_validate(event, from_attributes=True)


class PersonDetail(BaseModel):
    person: PersonOut
    charges: list[str]
    sentence_months: float | None
    expected_release: str | None
    events: list[EventOut]


class StatementOut(BaseModel):
    id: int
    source_id: int
    actor: str
    date: str | None
    sentence: str
    confidence: float

    @classmethod
    def of(cls, statement: StoredStatement) -> StatementOut:
        return cls(
            id=statement.id,
            source_id=statement.source_id,
            actor=statement.actor,
            date=statement.date,
            sentence=statement.evidence.sentence,
            confidence=statement.confidence,
        )


class OccasionOut(BaseModel):
    id: int
    source_id: int
    type: str
    description: str
    date: str | None
    person_ids: list[str]
    confidence: float

    @classmethod
    def of(cls, occasion: OccasionRecord) -> OccasionOut:
        return cls.model_validate(occasion, from_attributes=True)


class SourceOut(BaseModel):
    id: int
    doc_id: str
    title: str | None
    url: str | None
    published: date | None
    country: str | None
    language: str
    text: str

    @classmethod
    def of(cls, source: SourceRecord, text: str) -> SourceOut:
        return cls(
            id=source.id,
            doc_id=source.doc_id,
            title=source.title,
            url=source.url,
            published=source.published,
            country=source.country,
            language=source.language,
            text=text,
        )


class SearchHitOut(BaseModel):
    kind: str
    ref_id: int
    source_id: int
    title: str
    snippet: str


class BriefRequest(BaseModel):
    country: str = Field(pattern="^[A-Za-z]{2}$")
    occasion: str = Field(max_length=200)
    on: date = Field(ge=FIRST_DAY, le=LAST_DAY)
    format: str = Field(default="md", max_length=5)
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)


class ReviewRequest(BaseModel):
    decision: Literal["accepted", "rejected"]
