"""Split the inputs into tasks: batches of plain files, batches of WARC records.

A task is the unit Dask schedules, retries and returns. It should be big enough
to fill an `nlp.pipe` batch and small enough that one lost task costs little and
a worker's results fit in memory: a few dozen documents.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TypeVar

from rightsdesk.ingest.warc import WarcIndex, is_warc

RECORDS_PER_TASK = 64  # WARC records (most of them pages) per task
FILES_PER_TASK = 32  # plain documents per task

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Partition:
    """One task's share of the input, in input order.

    Either plain document files, or records of one archive: those starting at
    `offsets`, or the whole archive front to back when `offsets` is None (an
    archive gzipped as one stream has no record boundaries to seek to).
    """

    files: tuple[str, ...] = ()
    archive: str | None = None
    offsets: tuple[int, ...] | None = None
    finishes: tuple[str, ...] = ()  # inputs whose last part this is (for progress)


def plan_partitions(
    inputs: Sequence[Path],
    indexes: Mapping[str, WarcIndex],
    *,
    records_per_task: int = RECORDS_PER_TASK,
    files_per_task: int = FILES_PER_TASK,
) -> list[Partition]:
    """Partitions covering every input once, in the order the single-process path reads."""
    partitions: list[Partition] = []
    plain: list[str] = []
    for path in inputs:
        if not is_warc(path):
            plain.append(str(path))
            continue
        partitions += _file_batches(plain, files_per_task)
        plain = []
        partitions += _archive_batches(indexes[str(path)], records_per_task)
    partitions += _file_batches(plain, files_per_task)
    return partitions


def _file_batches(paths: list[str], size: int) -> list[Partition]:
    return [Partition(files=batch, finishes=batch) for batch in _chunks(paths, size)]


def read_by_offsets(index: WarcIndex) -> bool:
    """Whether tasks enter the archive at record offsets; if not, one task reads it all
    and meets the damaged stretches itself (so the scan's damage is not reported twice)."""
    return index.seekable and bool(index.offsets)


def _archive_batches(index: WarcIndex, size: int) -> list[Partition]:
    if not read_by_offsets(index):
        return [Partition(archive=index.path, finishes=(index.path,))]
    batches = list(_chunks(index.offsets, size))
    return [
        Partition(
            archive=index.path,
            offsets=batch,
            finishes=(index.path,) if number == len(batches) - 1 else (),
        )
        for number, batch in enumerate(batches)
    ]


def _chunks(items: Sequence[T], size: int) -> Iterator[tuple[T, ...]]:
    iterator = iter(items)
    while batch := tuple(islice(iterator, size)):
        yield batch
