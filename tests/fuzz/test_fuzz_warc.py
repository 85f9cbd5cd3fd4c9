"""Fuzzing the WARC reader: records whose lengths, digests and headers lie.

Every damaged record must come out as an UnreadableSource item, never as an
exception, and reading by the scanned offsets must be as safe as a full pass.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
from contextlib import suppress
from pathlib import Path

import pytest
from hostile import FUZZ_LIMITS, PROFILES, Corpus, bounded_memory, fuzz_settings, no_hang
from hostile import page_text as page_texts
from hypothesis import given
from hypothesis import strategies as st

from rightsdesk.clean import clean_source
from rightsdesk.errors import UnreadableSource
from rightsdesk.ingest.warc import Damage, read_warc, scan_warc
from rightsdesk.model import Source

WARC_TYPES = ("response", "request", "metadata", "resource", "warcinfo", "revisit", "Response")
STATUSES = ("200 OK", "404 Not Found", "301 Moved", "200", "abc", "")
CONTENT_TYPES = (
    "text/html; charset=utf-8",
    "text/html; charset=nonsense",
    "text/html",
    "application/xhtml+xml",
    "image/png",
    "",
)
ENCODINGS = (
    "",
    "Content-Encoding: gzip\r\n",
    "Content-Encoding: br\r\n",
    "Transfer-Encoding: chunked\r\n",
    "Content-Encoding: deflate\r\n",
)


@st.composite
def http_block(draw: st.DrawFn) -> bytes:
    body = draw(page_texts()).encode("utf-8", errors="replace")[:50_000]
    encoding = draw(st.sampled_from(ENCODINGS))
    if "gzip" in encoding and draw(st.booleans()):
        body = gzip.compress(body)
    head = (
        f"HTTP/1.1 {draw(st.sampled_from(STATUSES))}\r\n"
        f"Content-Type: {draw(st.sampled_from(CONTENT_TYPES))}\r\n{encoding}\r\n"
    )
    if draw(st.integers(0, 9)) == 0:
        head = draw(st.binary(max_size=80)).decode("latin-1")  # headers that are garbage
    return head.encode("latin-1") + body


@st.composite
def warc_record(draw: st.DrawFn) -> bytes:
    """One record; its Content-Length may lie (short, long, negative, huge, not a number)."""
    block = draw(http_block())
    length = draw(st.sampled_from(("true", "short", "long", "huge", "negative", "word", "none")))
    declared = {
        "true": str(len(block)),
        "short": str(max(0, len(block) - draw(st.integers(1, 200)))),
        "long": str(len(block) + draw(st.integers(1, 5_000))),
        "huge": str(2**63 + draw(st.integers(0, 9))),
        "negative": "-5",
        "word": "twelve",
        "none": "",
    }[length]
    digest = base64.b32encode(hashlib.sha1(block).digest()).decode()
    if draw(st.booleans()):
        digest = digest[::-1]
    number = draw(st.integers(0, 10**12))
    headers = (
        f"WARC/{draw(st.sampled_from(('1.1', '1.0', '0.9')))}\r\n"
        f"WARC-Type: {draw(st.sampled_from(WARC_TYPES))}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>\r\n"
        f"WARC-Target-URI: https://news.example.org/{number}\r\n"
        + (f"WARC-Block-Digest: sha1:{digest}\r\n" if draw(st.booleans()) else "")
        + "Content-Type: application/http; msgtype=response\r\n"
        + (f"Content-Length: {declared}\r\n" if length != "none" else "")
        + "\r\n"
    )
    return headers.encode() + block + b"\r\n\r\n"


@st.composite
def warc_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """An archive: plain, gzip per record or gzip of the whole, with junk and truncation."""
    records = draw(st.lists(warc_record(), min_size=1, max_size=6))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(records)))
        records.insert(at, draw(st.binary(min_size=1, max_size=300)))
    layout = draw(st.sampled_from(("plain", "per-record", "whole")))
    if layout == "plain":
        name, data = ".warc", b"".join(records)
    elif layout == "per-record":
        name, data = ".warc.gz", b"".join(gzip.compress(r, mtime=0) for r in records)
    else:
        name, data = ".warc.gz", gzip.compress(b"".join(records), mtime=0)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return name, data


def read_everything(path: Path) -> None:
    """A full pass, the index, and a pass by offsets; each yields pages or refusals."""
    items = list(read_warc(path, limits=FUZZ_LIMITS))
    index = scan_warc(path)
    items += list(read_warc(path, offsets=index.offsets, limits=FUZZ_LIMITS))
    assert all(isinstance(i, Source | UnreadableSource) for i in items)
    assert all(isinstance(d, Damage) and d.reason for d in index.damage)
    for item in items:
        if isinstance(item, Source):
            assert len(item.raw) <= FUZZ_LIMITS.max_decompressed_bytes
            with suppress(UnreadableSource):
                clean_source(item, limits=FUZZ_LIMITS)


@pytest.mark.parametrize("examples", PROFILES)
def test_warc_reader_reports_damage_as_items_never_raises(
    examples: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("fuzz-warc")
    corpus = Corpus()

    @fuzz_settings(examples)
    @given(archive=warc_file())
    def check(archive: tuple[str, bytes]) -> None:
        suffix, data = archive
        path = folder / f"crawl{suffix}"
        path.write_bytes(data)
        with no_hang():
            corpus.run({suffix: data}, lambda: bounded_memory(lambda: read_everything(path)))

    with corpus.kept_on_failure():
        check()
