"""Composition root: read -> clean -> extract -> resolve -> store.

The only module besides the CLI, the web desk and the scale runner that
knows every stage. It owns the loaded NLP model and hands it to the extractor,
so tests can pass a model of their own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from rightsdesk.clean import clean_source
from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.extract import Extractor, load_model
from rightsdesk.ingest import list_inputs, read_source
from rightsdesk.model import CleanDoc, Extraction, PersonRecord, PersonRef, Resolution
from rightsdesk.resolve import resolve_people

BATCH_SIZE = 32  # documents extracted and resolved together; bounds memory on big runs

Progress = Callable[[str], None]


class CaseStore(Protocol):
    """What ingestion needs from a store (see `rightsdesk.store.Store`)."""

    def has_source(self, content_hash: str) -> bool: ...
    def known_persons(self) -> list[PersonRecord]: ...
    def save(self, extraction: Extraction, resolution: Resolution) -> bool: ...


@dataclass(slots=True)
class Failure:
    """One input that could not be processed, and why (printed as one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    stored: int = 0
    unchanged: int = 0  # content already in the store
    failures: list[Failure] = field(default_factory=list)


def clean_docs(
    paths: Iterable[Path],
    failures: list[Failure],
    *,
    limits: Limits = DEFAULT_LIMITS,
    published: date | None = None,
    skip: Callable[[str], bool] = lambda _hash: False,
    progress: Progress | None = None,
) -> Iterator[CleanDoc]:
    """Read and clean each file; failures are collected, never raised.

    `skip` sees each content hash before cleaning, so stored pages cost one read.
    """
    for path in paths:
        if progress:
            progress(str(path))
        try:
            source = read_source(path, limits=limits)
            if skip(source.content_hash):
                continue
            doc = clean_source(source, limits=limits)
        except UnreadableSource as exc:
            failures.append(Failure(exc.path, exc.reason))
            continue
        if doc.published is None and published is not None:
            doc = replace(doc, published=published)
        yield doc


class Pipeline:
    """The stages wired together, with one loaded model."""

    def __init__(self, extractor: Extractor, *, limits: Limits = DEFAULT_LIMITS) -> None:
        self.extractor = extractor
        self.limits = limits

    @classmethod
    def load(cls, *, limits: Limits = DEFAULT_LIMITS) -> Pipeline:
        return cls(Extractor(load_model()), limits=limits)

    def extract(
        self,
        paths: Sequence[str | Path],
        *,
        published: date | None = None,
        progress: Progress | None = None,
    ) -> tuple[list[Extraction], Resolution, list[Failure]]:
        """Extract every input and resolve people across the whole run (no store)."""
        failures: list[Failure] = []
        docs = clean_docs(
            list_inputs(paths), failures, limits=self.limits, published=published, progress=progress
        )
        extractions = list(self.extractor.extract_many(docs))
        return extractions, resolve_people(extractions), failures

    def ingest(
        self,
        paths: Sequence[str | Path],
        store: CaseStore,
        *,
        published: date | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Store the facts of every new input; content already stored is skipped.

        Work goes in batches: each is resolved against the people the store
        already knows, then saved one document per transaction, so a crash
        loses at most the document being written.
        """
        files = list_inputs(paths)
        report = IngestReport(files=len(files))
        seen: set[str] = set()

        def already_stored(content_hash: str) -> bool:
            done = content_hash in seen or store.has_source(content_hash)
            seen.add(content_hash)
            if done:
                report.unchanged += 1
            return done

        docs = clean_docs(
            files,
            report.failures,
            limits=self.limits,
            published=published,
            skip=already_stored,
            progress=progress,
        )
        for batch in _batches(self.extractor.extract_many(docs), BATCH_SIZE):
            resolution = resolve_people(batch, store.known_persons())
            report.stored += sum(store.save(ex, resolution) for ex in batch)
        return report


def _batches(items: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def prediction_record(extraction: Extraction, resolution: Resolution) -> dict[str, Any]:
    """One line of the evaluation format (GUIDELINES.md): persons, events, statements."""
    content_hash = extraction.provenance.content_hash

    def global_id(key: str) -> str:
        return resolution.person_ids.get(PersonRef(content_hash, key), key)

    victims = {event.person for event in extraction.events}
    persons = [
        {"id": global_id(p.key), "name": p.name}
        for p in extraction.persons
        if p.key in victims
    ]
    events = [
        _drop_empty({
            "type": e.type,
            "persons": [global_id(e.person)],
            "date": e.date,
            "sentence_months": e.sentence_months,
            "charges": e.charges,
            "place": e.place,
            "also": e.also,
            "evidence": e.evidence.sentence,
        })
        for e in extraction.events
    ]
    statements = [
        _drop_empty({"actor": s.actor, "date": s.date, "evidence": s.evidence.sentence})
        for s in extraction.statements
    ]
    return {
        "doc_id": extraction.doc.source.doc_id,
        "persons": persons,
        "events": events,
        "statements": statements,
    }


def _drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, [], "")}


def write_predictions(
    path: Path, extractions: Iterable[Extraction], resolution: Resolution
) -> int:
    """Write the JSON Lines prediction file; returns the number of documents."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for extraction in extractions:
            out.write(json.dumps(prediction_record(extraction, resolution), ensure_ascii=False))
            out.write("\n")
            count += 1
    return count
