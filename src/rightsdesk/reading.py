"""Reading and cleaning inputs: the first two stages composed, without extraction.

`rightsdesk clean` needs only these, so it starts without loading the parser;
the pipeline reads its inputs the same way.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from rightsdesk.clean import clean_source
from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.ingest import is_warc, read_source, read_warc
from rightsdesk.model import CleanDoc, Source

Progress = Callable[[str], None]

PARALLEL_MIN_FILES = 32  # below this, starting worker processes costs more than it saves
FILES_PER_TASK = 8  # files a worker reads and cleans per task


@dataclass(slots=True)
class Failure:
    """One input that could not be processed, and why (printed as one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def clean_docs(
    paths: Iterable[Path],
    failures: list[Failure],
    *,
    limits: Limits = DEFAULT_LIMITS,
    published: date | None = None,
    skip: Callable[[str], bool] = lambda _hash: False,
    progress: Progress | None = None,
    metadata: bool = True,
) -> Iterator[CleanDoc]:
    """Read and clean each file; failures are collected, never raised.

    `skip` sees each content hash before cleaning, so stored pages cost one read.
    """
    sources = read_sources(paths, failures, limits=limits, skip=skip, progress=progress)
    return clean_sources(sources, failures, limits=limits, published=published,
                         metadata=metadata)


def clean_files(
    paths: list[Path],
    failures: list[Failure],
    *,
    workers: int,
    limits: Limits = DEFAULT_LIMITS,
    metadata: bool = True,
) -> Iterator[CleanDoc]:
    """`clean_docs` over `workers` forked processes, in input order, failures included.

    The processes are forked from this one, so they start with its imports done.
    The documents come back without their sources' raw bytes, which the caller
    has no use for once the text is clean (`rightsdesk clean`).
    """
    if workers < 2 or len(paths) < PARALLEL_MIN_FILES or "fork" not in _START_METHODS:
        yield from clean_docs(paths, failures, limits=limits, metadata=metadata)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        tasks = ((path, limits, metadata) for path in paths)
        for docs, failed in pool.imap(_clean_file, tasks, chunksize=FILES_PER_TASK):
            failures.extend(failed)
            yield from docs


_START_METHODS = multiprocessing.get_all_start_methods()


def _clean_file(task: tuple[Path, Limits, bool]) -> tuple[list[CleanDoc], list[Failure]]:
    """One file's clean documents (a web archive has many), raw bytes dropped."""
    path, limits, metadata = task
    failures: list[Failure] = []
    docs = clean_docs([path], failures, limits=limits, metadata=metadata)
    return [replace(doc, source=replace(doc.source, raw=b"")) for doc in docs], failures


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def read_sources(
    paths: Iterable[Path],
    failures: list[Failure],
    *,
    limits: Limits = DEFAULT_LIMITS,
    skip: Callable[[str], bool] = lambda _hash: False,
    progress: Progress | None = None,
) -> Iterator[Source]:
    """Each readable file (or archived page) whose content `skip` does not refuse."""
    for path in paths:
        for item in _read_path(path, limits):
            if isinstance(item, UnreadableSource):
                failures.append(Failure(item.path, item.reason))
            elif not skip(item.content_hash):
                yield item
        if progress:
            progress(str(path))


def _read_path(path: Path, limits: Limits) -> Iterator[Source | UnreadableSource]:
    """A file's one source, or every HTML page of a web archive; errors as items."""
    if is_warc(path):
        yield from read_warc(path, limits=limits)
        return
    try:
        yield read_source(path, limits=limits)
    except UnreadableSource as exc:
        yield exc


def clean_sources(
    sources: Iterable[Source],
    failures: list[Failure],
    *,
    limits: Limits = DEFAULT_LIMITS,
    published: date | None = None,
    metadata: bool = True,
) -> Iterator[CleanDoc]:
    """The main text of each source; `published` fills in a missing publication date;
    without `metadata`, pages' titles and dates are not read."""
    for source in sources:
        try:
            doc = clean_source(source, limits=limits, metadata=metadata)
        except UnreadableSource as exc:
            failures.append(Failure(exc.path, exc.reason))
            continue
        except Exception as exc:  # a parser's bug on hostile markup must not end the batch
            failures.append(unexpected(source.path, "cleaning", exc))
            continue
        if doc.published is None and published is not None:
            doc = replace(doc, published=published)
        yield doc


def unexpected(path: str, stage: str, exc: Exception) -> Failure:
    """An error no limit foresaw: named, summarised on one line, and worth a bug report."""
    summary = " ".join(str(exc).split())[:200]
    return Failure(path, f"{stage} failed ({type(exc).__name__}: {summary}); please report it")
