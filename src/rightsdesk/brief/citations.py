"""Footnotes: sources numbered in order of first citation, with their evidence.

A fact is made only through `Citations.fact`, which refuses records without an
evidence sentence; so nothing the record cannot show reaches the brief.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from rightsdesk.brief.document import Citation, Fact, SourceEntry
from rightsdesk.brief.names import Names
from rightsdesk.model import Evidence, SourceRecord

# A quoted sentence longer than this is cut: a run-on "sentence" from a bad page
# would otherwise swamp the brief.
MAX_QUOTE_CHARS = 600


class Sourced(Protocol):
    @property
    def source_id(self) -> int: ...

    @property
    def evidence(self) -> Evidence: ...


class Citations:
    def __init__(self, sources: dict[int, SourceRecord], names: Names) -> None:
        self._sources = sources
        self._names = names
        self._numbers: dict[int, int] = {}
        self._evidence: dict[int, dict[str, None]] = {}
        self._pages: dict[tuple[int, str], int | None] = {}  # (source, quote): its page
        self._quotes: dict[str, str] = {}

    def quote(self, record: Sourced) -> str:
        """The evidence sentence as printed: cleaned, names withheld, length capped."""
        raw = record.evidence.sentence
        if raw not in self._quotes:
            sentence = self._names.text(raw)
            if len(sentence) > MAX_QUOTE_CHARS:
                sentence = sentence[: MAX_QUOTE_CHARS - 1].rstrip() + "…"
            self._quotes[raw] = sentence
        return self._quotes[raw]

    def fact(self, text: str, records: Iterable[Sourced]) -> Fact | None:
        """A sentence with footnotes to every record it rests on; None if none has evidence."""
        citations = self.cite(records)
        return Fact(text, citations) if citations else None

    def cite(self, records: Iterable[Sourced]) -> tuple[Citation, ...]:
        by_source: dict[int, dict[str, None]] = {}
        for record in records:
            if record.source_id in self._sources and record.evidence.sentence.strip():
                quote = self.quote(record)
                by_source.setdefault(record.source_id, {})[quote] = None
                self._pages.setdefault((record.source_id, quote), record.evidence.page)
        citations = []
        for source_id, sentences in by_source.items():
            number = self._numbers.setdefault(source_id, len(self._numbers) + 1)
            self._evidence.setdefault(source_id, {}).update(sentences)
            citations.append(Citation(number, tuple(sentences)))
        return tuple(sorted(citations, key=lambda c: c.number))

    def entries(self) -> tuple[SourceEntry, ...]:
        """The cited sources, by number, each with the sentences the brief used."""
        return tuple(
            self._entry(number, self._sources[source_id])
            for source_id, number in sorted(self._numbers.items(), key=lambda kv: kv[1])
        )

    def _entry(self, number: int, source: SourceRecord) -> SourceEntry:
        url = source.url and self._names.text(source.url)
        return SourceEntry(
            number=number,
            source_id=source.id,
            title=self._names.text(source.title or source.doc_id),
            # An address that names a confidential person is withheld, not rewritten.
            url=url if url == source.url else None,
            published=source.published,
            evidence=tuple(self._evidence[source.id]),
            pages=tuple(self._pages[source.id, quote] for quote in self._evidence[source.id]),
            language=source.language,
        )
