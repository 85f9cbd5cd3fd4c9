"""The Dask path leaves the same store as the single-process path, and adds nothing twice."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

from scale_corpus import contents, explode

from rightsdesk.extract import Extractor
from rightsdesk.ingest.warc import scan_warc
from rightsdesk.pipeline import Pipeline
from rightsdesk.scale import run_dask_ingest
from rightsdesk.scale.synthetic import Page, news_pages, warc_record, warc_records
from rightsdesk.store import open_store


def archive(path: Path, pages: list[Page], *, damaged: bool = False) -> Path:
    """Pages as a per-record gzipped WARC; a copy of one page under a second address;
    optionally a record whose length lies, after the fifth page."""
    copy = Page(pages[0].url + "?amp", pages[0].html, pages[0].crawled)
    records = list(warc_records([*pages, copy]))
    if damaged:
        page = Page("https://news.example.org/liar", b"<p>x</p>", pages[0].crawled)
        liar = gzip.decompress(warc_record(page, rng=random.Random(1)))
        records.insert(5, gzip.compress(lie_about_length(liar), mtime=0))
    path.write_bytes(b"".join(records))
    return path


def lie_about_length(record: bytes) -> bytes:
    """The same record claiming 40 bytes more than it holds."""
    head, _, rest = record.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    lines = [
        b"Content-Length: %d" % (int(line.split(b":")[1]) + 40)
        if line.startswith(b"Content-Length:") else line
        for line in lines
    ]
    return b"\r\n".join(lines) + b"\r\n\r\n" + rest


def single_process(nlp, files: list[Path], url: str):
    with open_store(url) as store:
        return Pipeline(Extractor(nlp)).ingest(files, store)


def test_dask_over_a_warc_stores_what_the_single_process_path_stores(
    nlp, scheduler: str, store_urls: tuple[str, str], tmp_path: Path
) -> None:
    single_url, dask_url = store_urls
    warc = archive(tmp_path / "crawl.warc.gz", news_pages(30, seed=3), damaged=True)
    files = explode(warc, tmp_path / "pages")

    expected = single_process(nlp, files, single_url)
    report = run_dask_ingest([warc], dask_url, scheduler=scheduler, records_per_task=7)

    assert (report.stored, report.unchanged) == (expected.stored, expected.unchanged) == (30, 1)
    liar = scan_warc(warc).offsets[5]
    assert report.failures and {f.path for f in report.failures} == {f"{warc}@{liar}"}
    assert contents(dask_url) == contents(single_url)


def test_rerun_and_retry_add_nothing(
    scheduler: str, store_urls: tuple[str, str], tmp_path: Path
) -> None:
    _, dask_url = store_urls
    warc = archive(tmp_path / "crawl.warc.gz", news_pages(12, seed=5))
    first = run_dask_ingest([warc], dask_url, scheduler=scheduler, records_per_task=5)
    stored = contents(dask_url)
    again = run_dask_ingest([warc, warc], dask_url, scheduler=scheduler, records_per_task=5)
    assert first.stored == 12 and again.stored == 0
    assert again.unchanged == 13
    assert contents(dask_url) == stored


def test_plain_files_go_the_same_way_as_in_the_pipeline(
    nlp, scheduler: str, tmp_path: Path
) -> None:
    pages = explode(archive(tmp_path / "a.warc.gz", news_pages(10, seed=11)), tmp_path / "in")
    (tmp_path / "in" / "broken.html").write_bytes(b"\x00\x01binary")
    single, dask = str(tmp_path / "single.db"), str(tmp_path / "dask.db")
    expected = single_process(nlp, [tmp_path / "in"], single)
    seen: list[str] = []
    report = run_dask_ingest([tmp_path / "in"], dask, scheduler=scheduler, progress=seen.append)
    assert report.files == expected.files == len(pages) + 1
    assert [str(f) for f in report.failures] == [str(f) for f in expected.failures]
    assert contents(dask) == contents(single)
    assert sorted(seen) == sorted(str(p) for p in [*pages, tmp_path / "in" / "broken.html"])


def test_two_local_workers_over_three_hundred_pages(nlp, tmp_path: Path) -> None:
    warc = archive(tmp_path / "crawl.warc.gz", news_pages(300, seed=17))
    files = explode(warc, tmp_path / "pages")
    single, dask = str(tmp_path / "single.db"), str(tmp_path / "dask.db")
    expected = single_process(nlp, files, single)
    report = run_dask_ingest([warc], dask, workers=2)
    assert report.stored == expected.stored == 300
    assert contents(dask) == contents(single)
