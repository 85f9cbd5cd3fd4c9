"""The brief as data: every renderer lays out the same typed document.

A `Fact` cannot exist without a citation, so a renderer has no way to print an
unsourced sentence: "every sentence of fact carries a footnote" holds by type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Citation:
    """A footnote: the source's number and the sentences it was read from."""

    number: int
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """One sentence of fact, composed from stored records, with its footnotes."""

    text: str
    citations: tuple[Citation, ...]

    def __post_init__(self) -> None:
        if not self.citations:
            raise ValueError(f"a fact without a source cannot be printed: {self.text!r}")


@dataclass(frozen=True, slots=True)
class Dispute:
    """Sources that disagree: each claim keeps its own footnotes."""

    about: str  # "the sentence", "the date of the arrest", "the charges"
    claims: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    when: str  # a date as written in the brief ("8 October 2012", "undated")
    fact: Fact


@dataclass(frozen=True, slots=True)
class Case:
    """One person to raise, as far as the record shows."""

    name: str  # the person's name, or a case code for confidential persons
    roles: tuple[str, ...]
    status: Fact
    urgency: Fact | None
    timeline: tuple[TimelineEntry, ...]
    charges: Fact | None
    sentence: Fact | None
    disputes: tuple[Dispute, ...]
    concerns: tuple[Fact, ...]
    asks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceEntry:
    number: int
    source_id: int  # the store's id, so a reader can open the source itself
    title: str
    url: str | None
    published: date | None
    evidence: tuple[str, ...]  # every sentence the brief rests on, in order of use
    pages: tuple[int | None, ...] = ()  # the PDF page of each evidence sentence, if paged
    language: str = "en"  # the source's language: its sentences are quoted as written

    def quotes(self) -> tuple[tuple[str, int | None], ...]:
        """Each evidence sentence with its page (None for an unpaged source); a sentence
        not in English is quoted as written and marked with its language ("(ru)")."""
        pages = self.pages or (None,) * len(self.evidence)
        mark = "" if self.language == "en" else f" ({self.language})"
        return tuple((sentence + mark, page)
                     for sentence, page in zip(self.evidence, pages, strict=True))

    def cited_pages(self) -> str | None:
        """"p. 4" or "pp. 4, 9": the pages the brief cites, for the source list."""
        pages = sorted({page for page in self.pages if page is not None})
        if not pages:
            return None
        return ("p. " if len(pages) == 1 else "pp. ") + ", ".join(map(str, pages))


@dataclass(frozen=True, slots=True)
class Header:
    occasion: str
    country: str
    on: date
    source_count: int
    first_published: date | None
    last_published: date | None
    left_out: str | None = None  # "4 machine-read facts under confidence 0.70 are left out."


@dataclass(frozen=True, slots=True)
class Brief:
    header: Header
    key_points: tuple[Fact, ...]
    rights: tuple[Fact, ...]
    cases: tuple[Case, ...]
    concern: tuple[Fact, ...]  # the record of international concern, oldest first
    occasions: tuple[Fact, ...]
    sources: tuple[SourceEntry, ...]
