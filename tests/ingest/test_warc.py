"""WARC reading: pages become Sources; damaged records are reported, never fatal."""

from __future__ import annotations

import base64
import gzip
import hashlib
from pathlib import Path

import pytest

from rightsdesk.config import Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.ingest.warc import doc_id_of_record, is_warc, read_warc, scan_warc

PAGE = b"<html><body><p>The lawyer Aset Nurova was detained on Monday.</p></body></html>"


def record(
    uri: str = "https://news.example.org/2024/05/nurova?ref=rss",
    body: bytes = PAGE,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    warc_type: str = "response",
    record_id: str = "<urn:uuid:0b7e8d1c-5f0a-4c59-9d0e-2f7a8f6c1a11>",
    extra_length: int = 0,
    digest: bool = True,
    http_headers: str = "",
) -> bytes:
    """One uncompressed WARC record; `extra_length` makes its Content-Length lie."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{http_headers}\r\n"
    ).encode() + body
    block = base64.b32encode(hashlib.sha1(http).digest()).decode()
    headers = (
        f"WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: {record_id}\r\n"
        f"WARC-Date: 2024-05-02T08:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        + (f"WARC-Block-Digest: sha1:{block}\r\n" if digest else "")
        + "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + extra_length}\r\n\r\n"
    )
    return headers.encode() + http + b"\r\n\r\n"


def page(number: int) -> bytes:
    return record(
        f"https://news.example.org/{number}",
        PAGE.replace(b"Monday", f"day {number}".encode()),
        record_id=f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
    )


def write(path: Path, records: list[bytes], *, per_record_gzip: bool = True) -> Path:
    if path.name.endswith(".gz"):
        data = (
            b"".join(gzip.compress(r, mtime=0) for r in records)
            if per_record_gzip
            else gzip.compress(b"".join(records), mtime=0)
        )
    else:
        data = b"".join(records)
    path.write_bytes(data)
    return path


def pages_and_errors(items: list) -> tuple[list, list[UnreadableSource]]:
    return (
        [i for i in items if not isinstance(i, UnreadableSource)],
        [i for i in items if isinstance(i, UnreadableSource)],
    )


def test_response_record_becomes_html_source_with_address_and_hash(tmp_path: Path) -> None:
    warc = write(tmp_path / "crawl.warc.gz", [record()])
    [source] = read_warc(warc)
    assert source.kind == "html"
    assert source.raw == PAGE
    assert source.content_hash == hashlib.sha256(PAGE).hexdigest()
    assert source.url == "https://news.example.org/2024/05/nurova?ref=rss"
    assert source.encoding == "utf-8"
    assert source.doc_id == (
        "news.example.org_2024_05_nurova_ref_rss--0b7e8d1c5f0a4c599d0e2f7a8f6c1a11"
    )
    assert source.path == f"{warc}@0"


def test_doc_id_is_file_name_safe_and_bounded() -> None:
    doc_id = doc_id_of_record("http://x.org/" + "a/../b c?" * 100, "<urn:other:1>")
    assert len(doc_id) < 300
    assert all(ch.isalnum() or ch in "._-" for ch in doc_id)


def test_requests_redirects_errors_and_images_are_skipped_silently(tmp_path: Path) -> None:
    warc = write(
        tmp_path / "crawl.warc",
        [
            record(warc_type="request"),
            record(status="301 Moved Permanently"),
            record(status="404 Not Found"),
            record(content_type="image/png", body=b"\x89PNG\r\n"),
            page(1),
        ],
    )
    pages, errors = pages_and_errors(list(read_warc(warc)))
    assert [p.url for p in pages] == ["https://news.example.org/1"]
    assert errors == []


@pytest.mark.parametrize("name", ["lying.warc.gz", "lying.warc"])
def test_record_whose_length_lies_is_reported_and_the_next_ones_read(
    tmp_path: Path, name: str
) -> None:
    liar = record("https://news.example.org/liar", extra_length=40)
    warc = write(tmp_path / name, [page(1), liar, page(2), page(3)])
    pages, errors = pages_and_errors(list(read_warc(warc)))
    assert [p.url for p in pages] == [f"https://news.example.org/{n}" for n in (1, 2, 3)]
    liar_offset = scan_warc(warc).offsets[1]
    assert any(e.path == f"{warc}@{liar_offset}" and "Digest" in e.reason for e in errors)


def test_index_offsets_read_the_same_pages_as_a_full_pass(tmp_path: Path) -> None:
    liar = record("https://news.example.org/liar", extra_length=40)
    warc = write(tmp_path / "crawl.warc.gz", [page(1), liar, page(2), page(3), page(4)])
    index = scan_warc(warc)
    assert index.seekable
    full, _ = pages_and_errors(list(read_warc(warc)))
    first, errors = pages_and_errors(list(read_warc(warc, offsets=index.offsets[:2])))
    rest, _ = pages_and_errors(list(read_warc(warc, offsets=index.offsets[2:])))
    assert [p.doc_id for p in first + rest] == [p.doc_id for p in full]
    assert [e.path for e in errors] == [f"{warc}@{index.offsets[1]}"]


def test_garbage_between_records_is_reported_once_and_skipped(tmp_path: Path) -> None:
    warc = tmp_path / "damaged.warc.gz"
    good = [gzip.compress(page(n), mtime=0) for n in (1, 2)]
    warc.write_bytes(good[0] + b"\x00garbage, not a record\x00" * 10 + good[1])
    index = scan_warc(warc)
    pages, errors = pages_and_errors(list(read_warc(warc)))
    assert [p.url for p in pages] == ["https://news.example.org/1", "https://news.example.org/2"]
    assert len(errors) == 1 and errors[0].path == f"{warc}@0"
    assert [d.path for d in index.damage] == [f"{warc}@0"]


def test_whole_file_gzip_cannot_be_entered_midway_but_reads_front_to_back(
    tmp_path: Path,
) -> None:
    warc = write(tmp_path / "one.warc.gz", [page(1), page(2), page(3)], per_record_gzip=False)
    assert not scan_warc(warc).seekable
    pages, errors = pages_and_errors(list(read_warc(warc)))
    assert len(pages) == 3 and errors == []


def test_oversized_record_is_refused_before_reading(tmp_path: Path) -> None:
    warc = write(tmp_path / "big.warc", [record(body=b"<p>" + b"x" * 5000 + b"</p>"), page(1)])
    items = list(read_warc(warc, limits=Limits(max_file_bytes=2000)))
    pages, errors = pages_and_errors(items)
    assert [p.url for p in pages] == ["https://news.example.org/1"]
    assert "over the 2000-byte limit" in errors[0].reason


def test_compressed_body_is_decoded_within_the_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 100_000 + b"</p>", mtime=0)
    warc = write(
        tmp_path / "bomb.warc",
        [record(body=bomb, http_headers="Content-Encoding: gzip\r\n"), page(1)],
    )
    small = list(read_warc(warc, limits=Limits(max_decompressed_bytes=10_000)))
    assert "decodes to over 10000 bytes" in pages_and_errors(small)[1][0].reason
    [decoded, _] = pages_and_errors(list(read_warc(warc)))[0]
    assert decoded.raw.startswith(b"<p>aaa")


def test_missing_digest_is_accepted(tmp_path: Path) -> None:
    warc = write(tmp_path / "plain.warc", [record(digest=False)])
    assert [s.raw for s in read_warc(warc)] == [PAGE]


def test_warc_suffixes_are_recognised() -> None:
    assert is_warc(Path("a/CC-MAIN-1.warc.gz")) and is_warc(Path("b.WARC"))
    assert not is_warc(Path("page.html.gz"))


def test_ingest_command_reads_archives_page_by_page_and_names_damage(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rightsdesk.cli import app
    from rightsdesk.store import open_store

    archive = write(tmp_path / "crawl.warc.gz", [page(1), page(2)])
    write(tmp_path / "broken.warc", [page(3)[:-40] + b"\r\n\r\n", page(4)])
    db = tmp_path / "crawl.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1 and "broken.warc@" in result.output
    with open_store(str(db)) as store:
        urls = {s.url for s in store.case_file().sources}
    assert {"https://news.example.org/1", "https://news.example.org/2"} <= urls
    again = CliRunner().invoke(app, ["ingest", str(archive), "--db", str(db)])
    assert again.exit_code == 0 and "0 stored" in again.output
