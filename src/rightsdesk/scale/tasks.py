"""What runs on a Dask worker: read, clean and extract one partition.

Workers never write to the store: resolution must see the whole run in input
order to give the same people as the single-process path, so the client does
that and saves. A worker only reads the store, to skip content already stored
(a re-run then costs one read per page, not one parse).

The model is loaded once per worker process and kept; a lock keeps two threads
of one worker from sharing the spaCy pipeline at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from rightsdesk.clean import clean_source
from rightsdesk.config import Limits
from rightsdesk.errors import RightsdeskError, UnreadableSource
from rightsdesk.extract import Extractor, load_model
from rightsdesk.extract.russian import RussianNLP, RussianReader
from rightsdesk.ingest import read_source
from rightsdesk.ingest.warc import WarcIndex, read_warc, scan_warc
from rightsdesk.model import CleanDoc, Extraction, Source
from rightsdesk.scale.plan import Partition
from rightsdesk.store import Store, open_store

PRIVATE_STORES = ("", ":memory:", "sqlite://", "sqlite:///:memory:")
_model_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Stored:
    """A page whose content the store already holds."""

    content_hash: str


@dataclass(frozen=True, slots=True)
class Failed:
    """A document or record that could not be read or cleaned; hash when it was read."""

    path: str
    reason: str
    content_hash: str | None = None


Outcome = Extraction | Stored | Failed


def scan_archive(path: str) -> WarcIndex:
    """Task: where the response records of one archive start."""
    return scan_warc(Path(path))


def extract_partition(
    partition: Partition, *, store_url: str, limits: Limits, published: date | None
) -> list[Outcome]:
    """Task: one outcome per document of the partition, in input order."""
    store = worker_store(store_url)
    outcomes: list[Outcome | None] = []
    docs: list[CleanDoc] = []
    for item in sources_of(partition, limits):
        outcome = _prepare(item, store, limits=limits, published=published)
        if isinstance(outcome, CleanDoc):
            docs.append(outcome)
            outcomes.append(None)
        else:
            outcomes.append(outcome)
    extractions = iter(_extract(docs))
    return [o if o is not None else next(extractions) for o in outcomes]


def sources_of(partition: Partition, limits: Limits) -> Iterator[Source | UnreadableSource]:
    """The partition's documents; unreadable ones come out as errors, in place."""
    if partition.archive is not None:
        yield from read_warc(Path(partition.archive), offsets=partition.offsets, limits=limits)
    for path in partition.files:
        try:
            yield read_source(Path(path), limits=limits)
        except UnreadableSource as exc:
            yield exc


def _prepare(
    item: Source | UnreadableSource,
    store: Store | None,
    *,
    limits: Limits,
    published: date | None,
) -> CleanDoc | Stored | Failed:
    if isinstance(item, UnreadableSource):
        return Failed(item.path, item.reason)
    if store is not None and store.has_source(item.content_hash):
        return Stored(item.content_hash)
    try:
        doc = clean_source(item, limits=limits)
    except UnreadableSource as exc:
        return Failed(exc.path, exc.reason, item.content_hash)
    if doc.published is None and published is not None:
        doc = replace(doc, published=published)
    # The raw bytes stay on the worker: the store keeps the clean text and the hash.
    return replace(doc, source=replace(doc.source, raw=b""))


def _extract(docs: list[CleanDoc]) -> list[Extraction]:
    with _model_lock:
        return list(worker_extractor().extract_many(docs))


@cache
def worker_extractor() -> Extractor:
    """The worker process's extractor; the models load on the first task only."""
    return Extractor(load_model(), russian=RussianReader(RussianNLP()))


@cache
def worker_store(url: str) -> Store | None:
    """The store as this worker sees it, for `has_source`; None if it cannot be shared.

    An in-memory store exists only in the client, and a worker that cannot reach
    the store still works: the client skips stored content anyway.
    """
    if url in PRIVATE_STORES:
        return None
    try:
        return open_store(url)
    except RightsdeskError:
        return None
