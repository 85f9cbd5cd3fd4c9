"""The domain every stage speaks: sources, people, events, statements, occasions.

Stages exchange these plain dataclasses and nothing else: spaCy, trafilatura and
SQLAlchemy types never cross a stage boundary. Dates are ISO strings at the
precision a document gives them ("2012", "2012-10", "2012-10-08"), because
"in October 2012" must not become a made-up day.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

EventType = Literal[
    "arrest", "charge", "trial", "sentence", "release", "ill_treatment", "killing"
]
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)

SourceKind = Literal["html", "text", "pdf"]

DatePrecision = Literal["year", "month", "day"]

PartialDate = str
"""An ISO date at the document's precision: YYYY, YYYY-MM or YYYY-MM-DD."""


@dataclass(slots=True)
class Source:
    """A document as received: raw bytes plus what came with it (sidecar)."""

    doc_id: str  # file name without extensions; the eval format's key
    path: str
    kind: SourceKind
    raw: bytes = field(repr=False)
    content_hash: str  # sha256 of the raw bytes; identity for idempotent ingest
    url: str | None = None
    published: date | None = None
    title: str | None = None
    encoding: str | None = None  # detected encoding of the raw bytes
    # a sidecar may say only "2012-10": `published` is then its first day, at month precision
    published_precision: DatePrecision = "day"


@dataclass(frozen=True, slots=True)
class PageSpan:
    """From offset `start` of the clean text on, the text was read from page `page` (1-based).

    A paged source's spans, in offset order, are its page map: a footnote moved
    after the body keeps its own page, so pages need not rise with offsets.
    """

    start: int
    page: int


def page_at(pages: Sequence[PageSpan], offset: int) -> int | None:
    """The page the clean text's `offset` was read from; None for an unpaged source."""
    index = bisect_right(pages, offset, key=lambda span: span.start) - 1
    return pages[index].page if index >= 0 else None


@dataclass(slots=True)
class CleanDoc:
    """The main text of a source, boilerplate removed; offsets refer to `text`."""

    source: Source
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    published_precision: DatePrecision = "day"
    pages: tuple[PageSpan, ...] = ()  # the page map of a PDF; empty for unpaged sources
    language: str = "en"  # ISO 639-1; only "en" and "ru" are extracted (clean/language.py)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the sentence and its character span in the clean text,
    and for a PDF the page the sentence starts on (its offset in that page's text is
    `start` less the page's span start in the source's page map)."""

    content_hash: str
    start: int
    end: int
    sentence: str
    page: int | None = None
    language: str = "en"  # the sentence's language: quoted as written, marked when not English


@dataclass(frozen=True, slots=True)
class Provenance:
    """How a fact was made, so it can be audited and re-derived."""

    extractor: str  # e.g. "rightsdesk.extract/0.1.0"
    content_hash: str


@dataclass(slots=True)
class Person:
    """A named person targeted by state action, as seen in one document.

    `key` is local to the document ("p1"); resolution maps it to a global id.
    """

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """Something done to a person: arrest, charge, trial, sentence, release, ..."""

    type: EventType
    person: str  # Person.key within the same extraction
    evidence: Evidence
    date: PartialDate | None = None
    place: str | None = None
    charges: list[str] = field(default_factory=list)
    sentence_months: float | None = None
    also: list[EventType] = field(default_factory=list)
    confidence: float = 1.0
    proposed: bool = False  # read by the learned model where no reading rule did


@dataclass(slots=True)
class Statement:
    """A public position taken by a government, body or NGO."""

    actor: str  # normalised name, e.g. "UN High Commissioner for Human Rights"
    evidence: Evidence
    names: list[str] = field(default_factory=list)  # forms the document used
    date: PartialDate | None = None
    confidence: float = 1.0
    # the document's own name for the actor where it never writes the normalised one
    # ("UNPO", "U.S."): what the per-document export calls it; the store keys by `actor`
    written: str | None = None


@dataclass(slots=True)
class Occasion:
    """A dated engagement an advocate can use: visit, hearing, trial, review..."""

    type: str  # visit | hearing | trial | review | summit | election
    evidence: Evidence
    description: str
    date: PartialDate | None = None
    persons: list[str] = field(default_factory=list)  # Person.keys
    confidence: float = 1.0


@dataclass(slots=True)
class Extraction:
    """Everything read from one clean document."""

    doc: CleanDoc
    provenance: Provenance
    country: str | None = None  # ISO 3166-1 alpha-2 of the country reported on
    persons: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    occasions: list[Occasion] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A local person (document content hash + key) assigned to a global person id."""

    content_hash: str
    key: str


@dataclass(slots=True)
class Resolution:
    """Output of resolve: global person ids and canonical names."""

    person_ids: dict[PersonRef, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # global id -> canonical name


# --- The stored record: what the case store returns to brief, web and export ---

ReviewState = Literal["machine", "accepted", "edited", "rejected", "manual"]


@dataclass(slots=True)
class SourceRecord:
    """A stored source; `id` numbers it within the store."""

    id: int
    doc_id: str
    content_hash: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    country: str | None = None
    language: str = "en"  # ISO 639-1; sources in other languages than en/ru are not extracted


@dataclass(slots=True)
class PersonRecord:
    """A person across all sources, after resolution."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    confidential: bool = False


@dataclass(slots=True)
class EventRecord:
    id: int
    person_id: str
    source_id: int
    type: EventType
    evidence: Evidence
    date: PartialDate | None = None
    place: str | None = None
    charges: list[str] = field(default_factory=list)
    sentence_months: float | None = None
    also: list[EventType] = field(default_factory=list)
    confidence: float = 1.0
    review: ReviewState = "machine"


@dataclass(slots=True)
class StatementRecord:
    id: int
    source_id: int
    actor: str
    evidence: Evidence
    date: PartialDate | None = None
    review: ReviewState = "machine"
    confidence: float = 1.0


@dataclass(slots=True)
class OccasionRecord:
    id: int
    source_id: int
    type: str
    description: str
    evidence: Evidence
    date: PartialDate | None = None
    person_ids: list[str] = field(default_factory=list)
    confidence: float = 1.0


@dataclass(slots=True)
class CaseFile:
    """All stored facts about a country (or everything), as one read model."""

    country: str | None
    sources: list[SourceRecord] = field(default_factory=list)
    persons: list[PersonRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    statements: list[StatementRecord] = field(default_factory=list)
    occasions: list[OccasionRecord] = field(default_factory=list)
