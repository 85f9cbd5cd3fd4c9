"""Ingest on a Dask cluster with the same result as `Pipeline.ingest`.

Workers do the expensive part (read, clean, parse) partition by partition. The
client takes their outcomes back in input order and does what the single-process
path does with them: skip content seen before, resolve people batch by batch
against the people the store already knows, save one document per transaction.
Because the order and the batches are the same, so are the stored ids and facts;
because saving is idempotent per content hash, a retried task or a re-run adds
nothing twice.

The same code runs on a `LocalCluster` (`workers=N`) and on a real cluster
(`scheduler="tcp://host:8786"`); see docs/scaling.md.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from distributed import Client, Future, LocalCluster

from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.ingest import list_inputs
from rightsdesk.ingest.warc import WarcIndex, is_warc
from rightsdesk.pipeline import CaseStore, Failure, IngestReport, Progress, Recorder
from rightsdesk.scale.plan import (
    RECORDS_PER_TASK,
    Partition,
    plan_partitions,
    read_by_offsets,
)
from rightsdesk.scale.tasks import Failed, Outcome, Stored, extract_partition, scan_archive
from rightsdesk.store import open_store

TASKS_PER_THREAD = 2  # partitions queued per worker thread: enough to keep it busy, bounded
TASK_RETRIES = 2  # a task whose worker died is run again elsewhere


def run_dask_ingest(
    paths: Sequence[str | Path],
    store_url: str,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    published: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    records_per_task: int = RECORDS_PER_TASK,
) -> IngestReport:
    """Ingest files, directories and WARC archives on a Dask cluster into the store.

    `scheduler` is the address of a running cluster; without it a local cluster
    of `workers` processes is started for this run (default: one per core).
    Every worker must see the input paths (a shared file system) and reach the
    store's URL; `progress` is called with each input once it is done.
    """
    inputs = list_inputs(paths)
    with open_store(store_url) as store, dask_client(scheduler, workers) as client:
        saver = Saver(store, IngestReport(files=len(inputs)))
        indexes = scan_archives(client, inputs, saver.report)
        partitions = plan_partitions(inputs, indexes, records_per_task=records_per_task)
        for partition, outcomes in run_partitions(
            client, partitions, store_url=store_url, limits=limits, published=published
        ):
            for outcome in outcomes:
                saver.take(outcome)
            if progress:
                for finished in partition.finishes:
                    progress(finished)
        saver.flush()
    return saver.report


@contextmanager
def dask_client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the given scheduler, or of a local cluster that lives for the run.

    Local workers are processes with one thread each: spaCy holds the GIL, so
    threads would not parse in parallel.
    """
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, Client(cluster) as client:
        yield client


def scan_archives(
    client: Client, inputs: Sequence[Path], report: IngestReport
) -> dict[str, WarcIndex]:
    """Index every archive on the workers; damage found there goes in the report."""
    archives = [str(p) for p in inputs if is_warc(p)]
    futures = client.map(scan_archive, archives, retries=TASK_RETRIES)
    indexes: dict[str, WarcIndex] = {}
    for path, future in zip(archives, futures, strict=True):
        try:
            index = future.result()
        except Exception as exc:  # a worker-side error must not end the run
            report.failures.append(Failure(path, f"cannot index the archive ({exc})"))
            index = WarcIndex(path, seekable=False)
        if read_by_offsets(index):
            report.failures += [Failure(d.path, d.reason) for d in index.damage]
        indexes[path] = index
    return indexes


def run_partitions(
    client: Client,
    partitions: Sequence[Partition],
    *,
    store_url: str,
    limits: Limits,
    published: date | None,
) -> Iterator[tuple[Partition, list[Outcome]]]:
    """Each partition with its outcomes, in order; only a few are in flight at once."""
    threads = sum(client.nthreads().values()) or 1
    window = max(2, threads * TASKS_PER_THREAD)
    queue: deque[tuple[Partition, Future]] = deque()
    for partition in partitions:
        future = client.submit(
            extract_partition,
            partition,
            store_url=store_url,
            limits=limits,
            published=published,
            retries=TASK_RETRIES,
        )
        queue.append((partition, future))
        if len(queue) >= window:
            yield _result(*queue.popleft())
    while queue:
        yield _result(*queue.popleft())


def _result(partition: Partition, future: Future) -> tuple[Partition, list[Outcome]]:
    """The outcomes of one task; a task that failed for good fails its inputs, not the run."""
    try:
        outcomes = future.result()
    except Exception as exc:
        where = partition.archive or ", ".join(partition.files)
        outcomes = [Failed(where, f"task failed on the cluster ({type(exc).__name__}: {exc})")]
    finally:
        future.release()
    return partition, outcomes


@dataclass(slots=True)
class Saver:
    """The client's half of `Pipeline.ingest`: dedupe, resolve in batches, save."""

    store: CaseStore
    report: IngestReport
    seen: set[str] = field(default_factory=set)
    recorder: Recorder = field(init=False)

    def __post_init__(self) -> None:
        self.recorder = Recorder(self.store, self.report)

    def take(self, outcome: Outcome) -> None:
        if isinstance(outcome, Failed):
            if outcome.content_hash is None or self._first_time(outcome.content_hash):
                self.report.failures.append(Failure(outcome.path, outcome.reason))
        elif isinstance(outcome, Stored):
            self.seen.add(outcome.content_hash)
            self.report.unchanged += 1
        elif self._first_time(outcome.doc.source.content_hash):
            self.recorder.add(outcome)

    def flush(self) -> None:
        self.recorder.flush()

    def _first_time(self, content_hash: str) -> bool:
        """False (and counted unchanged) for content met earlier in this run."""
        if content_hash in self.seen:
            self.report.unchanged += 1
            return False
        self.seen.add(content_hash)
        return True
