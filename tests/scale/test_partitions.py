"""Partitions cover every input once, in the order the single-process path reads them."""

from __future__ import annotations

from pathlib import Path

from rightsdesk.ingest.warc import WarcIndex
from rightsdesk.scale.plan import plan_partitions


def test_files_and_archive_records_keep_input_order() -> None:
    inputs = [Path("a.html"), Path("b.txt"), Path("crawl.warc.gz"), Path("c.html")]
    index = WarcIndex("crawl.warc.gz", offsets=[0, 310, 640, 980, 1300])
    parts = plan_partitions(inputs, {"crawl.warc.gz": index}, records_per_task=2, files_per_task=8)
    assert [(p.files, p.archive, p.offsets) for p in parts] == [
        (("a.html", "b.txt"), None, None),
        ((), "crawl.warc.gz", (0, 310)),
        ((), "crawl.warc.gz", (640, 980)),
        ((), "crawl.warc.gz", (1300,)),
        (("c.html",), None, None),
    ]


def test_an_input_is_finished_by_its_last_partition_only() -> None:
    index = WarcIndex("crawl.warc", offsets=list(range(0, 500, 100)))
    parts = plan_partitions([Path("crawl.warc")], {"crawl.warc": index}, records_per_task=2)
    assert [p.finishes for p in parts] == [(), (), ("crawl.warc",)]


def test_archive_without_record_boundaries_is_one_task() -> None:
    index = WarcIndex("whole.warc.gz", offsets=[0, 588, 588], seekable=False)
    [part] = plan_partitions([Path("whole.warc.gz")], {"whole.warc.gz": index})
    assert part.archive == "whole.warc.gz" and part.offsets is None


def test_plain_files_are_batched() -> None:
    inputs = [Path(f"{n}.html") for n in range(5)]
    parts = plan_partitions(inputs, {}, files_per_task=2)
    assert [len(p.files) for p in parts] == [2, 2, 1]
