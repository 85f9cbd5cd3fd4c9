"""Composition root: read -> clean -> extract -> resolve -> store.

The only module besides the CLI, the web desk and the scale runner that
knows every stage. It owns the loaded NLP model and hands it to the extractor,
so tests can pass a model of their own.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any, Protocol, TypeVar

from rightsdesk.clean.language import READ_LANGUAGES
from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.extract import EXTRACTOR_VERSION, Extractor, load_model
from rightsdesk.extract.russian import RussianNLP, RussianReader
from rightsdesk.extract.russian.names import shown_name
from rightsdesk.ingest import list_inputs
from rightsdesk.model import CleanDoc, Extraction, PersonRecord, PersonRef, Resolution, Source
from rightsdesk.names import KeyQuery, NameKey
from rightsdesk.reading import (
    Failure,
    Progress,
    available_cores,
    clean_sources,
    read_sources,
    unexpected,
)
from rightsdesk.resolve import candidate_ids, resolve_people

BATCH_SIZE = 32  # documents extracted and resolved together; bounds memory on big runs
CHUNK_DOCS = 16  # documents a worker cleans and extracts per task (one nlp.pipe batch)
CHUNKS_IN_FLIGHT = 2  # tasks queued per worker: keeps it busy, bounds memory
PARALLEL_MIN_DOCS = 2 * CHUNK_DOCS  # below this, starting workers costs more than it saves

Writer = Callable[[Extraction, Resolution], bool]  # stores one document; False if unchanged
T = TypeVar("T")


class CaseStore(Protocol):
    """What ingestion needs from a store (see `rightsdesk.store.Store`)."""

    def has_source(self, content_hash: str) -> bool: ...
    def surnames_in(self, bands: Collection[str]) -> list[str]: ...
    def filed_under(self, queries: Collection[KeyQuery]) -> list[tuple[str, NameKey]]: ...
    def named_under(self, surnames: Collection[str], limit: int | None) -> list[str]: ...
    def persons_by_id(self, person_ids: Collection[str]) -> list[PersonRecord]: ...
    def has_person(self, person_id: str) -> bool: ...
    def save(self, extraction: Extraction, resolution: Resolution) -> bool: ...


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    stored: int = 0
    unchanged: int = 0  # content already in the store
    failures: list[Failure] = field(default_factory=list)
    unread: Counter[str] = field(default_factory=Counter)  # stored unread, by language


class RefreshableStore(CaseStore, Protocol):
    """What re-extraction needs beyond ingestion."""

    def stale_sources(self, extractor: str) -> list[int]: ...
    def clean_doc(self, source_id: int) -> CleanDoc: ...
    def refresh(self, extraction: Extraction, resolution: Resolution) -> bool: ...


def _advancing(docs: Iterable[CleanDoc], progress: Progress | None) -> Iterator[CleanDoc]:
    for doc in docs:
        if progress:
            progress(doc.source.doc_id)
        yield doc


class Recorder:
    """Resolve extractions in batches against the people the store knows, then save them.

    Each batch asks the store only for the people filed under name keys its
    mentions could match (`candidate_ids`): the decisions are those a comparison
    with everyone would make, at a cost that grows with the batch, not the store.
    Shared by the single-process and the Dask paths, so both store the same.
    """

    def __init__(
        self, store: CaseStore, report: IngestReport, write: Writer | None = None
    ) -> None:
        self.store = store
        self.report = report
        self.write = write or store.save  # store.refresh when reading stored sources again
        self.batch: list[Extraction] = []

    def add(self, extraction: Extraction) -> None:
        self.batch.append(extraction)
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        resolution = resolve_batch(self.store, self.batch)
        self.report.stored += sum(self.write(ex, resolution) for ex in self.batch)
        self.batch = []


def resolve_batch(store: CaseStore, batch: Sequence[Extraction]) -> Resolution:
    """People of a batch matched with each other and with the store's candidates."""
    known = store.persons_by_id(candidate_ids(batch, store))
    return resolve_people(batch, known, taken=StoredIds(store))


class StoredIds:
    """The store's person ids as a container: a new person's id must be free there."""

    def __init__(self, store: CaseStore) -> None:
        self.store = store

    def __contains__(self, person_id: object) -> bool:
        return isinstance(person_id, str) and self.store.has_person(person_id)


class Pipeline:
    """The stages wired together, with one loaded model.

    With `workers` > 1, cleaning and extraction run in that many forked
    processes, each using its copy of the loaded model; reading, resolving and
    storing stay in this process, in input order, so the result is the same.
    """

    def __init__(
        self, extractor: Extractor, *, limits: Limits = DEFAULT_LIMITS, workers: int = 1
    ) -> None:
        self.extractor = extractor
        self.limits = limits
        self.workers = workers if "fork" in multiprocessing.get_all_start_methods() else 1

    @classmethod
    def load(cls, *, limits: Limits = DEFAULT_LIMITS, workers: int | None = None) -> Pipeline:
        """The default model; one worker per available core unless `workers` says."""
        return cls(load_extractor(), limits=limits, workers=workers or available_cores())

    def extract(
        self,
        paths: Sequence[str | Path],
        *,
        published: date | None = None,
        progress: Progress | None = None,
    ) -> tuple[list[Extraction], Resolution, list[Failure]]:
        """Extract every input and resolve people across the whole run (no store)."""
        failures: list[Failure] = []
        files = list_inputs(paths)
        sources = read_sources(files, failures, limits=self.limits, progress=progress)
        extractions = list(self._extract(sources, failures, published))
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

        sources = read_sources(
            files, report.failures, limits=self.limits, skip=already_stored, progress=progress
        )
        extractions = self._extract(sources, report.failures, published)
        recorder = Recorder(store, report)
        for extraction in extractions:
            report.unread.update(unread_languages([extraction]))
            recorder.add(extraction)
        recorder.flush()
        return report

    def reextract(
        self, store: RefreshableStore, *, everything: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        """Read stored sources again with this extractor; analysts' decisions stay.

        Only sources read by another extractor version, unless `everything`.
        """
        ids = store.stale_sources("" if everything else EXTRACTOR_VERSION)
        report = IngestReport(files=len(ids))
        docs = (store.clean_doc(source_id) for source_id in ids)
        recorder = Recorder(store, report, write=store.refresh)
        for extraction in extract_each(self.extractor, _advancing(docs, progress), report.failures):
            recorder.add(extraction)
        recorder.flush()
        return report

    def _extract(
        self,
        sources: Iterable[Source],
        failures: list[Failure],
        published: date | None,
    ) -> Iterator[Extraction]:
        """Clean and extract in input order; in worker processes when the run is big enough.

        The first sources are read before deciding, so a web archive's pages
        count, not the number of files.
        """
        stream = iter(sources)
        first = list(islice(stream, PARALLEL_MIN_DOCS))
        if self.workers < 2 or len(first) < PARALLEL_MIN_DOCS:
            sources = chain(first, stream)
            docs = clean_sources(sources, failures, limits=self.limits, published=published)
            yield from extract_each(self.extractor, docs, failures)
            return
        context = multiprocessing.get_context("fork")
        setup = (self.extractor, self.limits, published)
        chunks = _batches(chain(first, stream), CHUNK_DOCS)
        with context.Pool(self.workers, initializer=_start_worker, initargs=setup) as pool:
            tasks = (pool.apply_async(_work, (chunk,)) for chunk in chunks)
            for extractions, failed in _in_order(tasks, self.workers * CHUNKS_IN_FLIGHT):
                failures.extend(failed)
                yield from extractions


def unread_languages(extractions: Iterable[Extraction]) -> Counter[str]:
    """How many documents of each language rightsdesk does not read (kept without facts)."""
    return Counter(e.doc.language for e in extractions if e.doc.language not in READ_LANGUAGES)


def load_extractor() -> Extractor:
    """The English model, loaded once for the process (forked workers share it), and
    the Russian reader, whose models load with the first Russian document."""
    return Extractor(load_model(), russian=RussianReader(RussianNLP()))


def extract_each(
    extractor: Extractor, docs: Iterable[CleanDoc], failures: list[Failure]
) -> Iterator[Extraction]:
    """Extract in batches; a batch that raises is redone one document at a time,
    so only the document that breaks the extractor fails, with one line."""
    for chunk in _batches(docs, CHUNK_DOCS):
        try:
            yield from list(extractor.extract_many(chunk))
        except Exception:
            for doc in chunk:
                try:
                    yield extractor.extract(doc)
                except Exception as exc:
                    failures.append(unexpected(doc.source.path, "extraction", exc))


WorkResult = tuple[list[Extraction], list[Failure]]
_worker: tuple[Extractor, Limits, date | None] | None = None  # set once per worker process


def _start_worker(extractor: Extractor, limits: Limits, published: date | None) -> None:
    """Keep the forked copy of the parent's model: nothing is loaded or pickled."""
    global _worker
    _worker = (extractor, limits, published)


def _work(sources: list[Source]) -> WorkResult:
    """Clean and extract one chunk inside a worker process."""
    assert _worker is not None, "worker not started"
    extractor, limits, published = _worker
    failures: list[Failure] = []
    docs = clean_sources(sources, failures, limits=limits, published=published)
    return list(extract_each(extractor, docs, failures)), failures


def _in_order(tasks: Iterable[AsyncResult], depth: int) -> Iterator[WorkResult]:
    """Results in submission order, with at most `depth` tasks submitted ahead."""
    pending: deque[AsyncResult] = deque()
    for task in tasks:
        pending.append(task)
        if len(pending) >= depth:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _record_name(extraction: Extraction, name: str) -> str:
    """A person's name in the evaluation format: a Russian document's by `shown_name`."""
    return shown_name(name, extraction.doc.text) if extraction.doc.language == "ru" else name


def prediction_record(extraction: Extraction, resolution: Resolution) -> dict[str, Any]:
    """One line of the evaluation format (GUIDELINES.md): persons, events, statements, occasions."""
    content_hash = extraction.provenance.content_hash

    def global_id(key: str) -> str:
        return resolution.person_ids.get(PersonRef(content_hash, key), key)

    victims = {event.person for event in extraction.events}
    persons = [
        {"id": global_id(p.key), "name": _record_name(extraction, p.name)}
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
            "confidence": e.confidence,
            "evidence": e.evidence.sentence,
        })
        for e in extraction.events
    ]
    statements = [
        _drop_empty({"actor": s.written or s.actor, "date": s.date, "confidence": s.confidence,
                     "evidence": s.evidence.sentence})
        for s in extraction.statements
    ]
    occasions = [
        _drop_empty({
            "type": o.type,
            "date": o.date,
            "persons": [global_id(key) for key in o.persons],
            "description": o.description,
            "confidence": o.confidence,
            "evidence": o.evidence.sentence,
        })
        for o in extraction.occasions
    ]
    return {
        "doc_id": extraction.doc.source.doc_id,
        "persons": persons,
        "events": events,
        "statements": statements,
        "occasions": occasions,
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
