"""Reading and cleaning inputs: the first two stages composed, without extraction.

`rightsdesk clean` needs only these, so it starts without loading the parser;
the pipeline reads its inputs the same way.
"""

from __future__ import annotations

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
