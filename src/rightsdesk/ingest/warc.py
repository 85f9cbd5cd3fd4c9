"""Read web archives (WARC, plain or gzipped) into one `Source` per HTML or PDF response.

A crawl holds millions of records, some damaged: a record whose digest does not
match, whose length lies, or whose HTTP headers are garbage. Such a record comes
out as an `UnreadableSource` naming `FILE@OFFSET`, and reading goes on with the
next record, so one bad record never costs the rest of the archive. Records that
are not pages (requests, images, redirects, 404s) are skipped without a word.

`scan_warc` lists where the response records start, so a cluster can split one
archive into batches; `read_warc(path, offsets=...)` reads just those records.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.ingest.files import SNIFF_BYTES, check_pdf_header, detect_encoding
from rightsdesk.model import Source, SourceKind

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf", "application/x-pdf")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
RESYNC_CHUNK = 1 << 20  # bytes read at a time while looking for the next record
MAX_URI_CHARS = 200  # doc ids stay well under the store's 300-character column
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

Item = Source | UnreadableSource


@dataclass(frozen=True, slots=True)
class Damage:
    """A stretch of an archive that could not be parsed (kept plain so it pickles)."""

    path: str  # FILE@OFFSET
    reason: str


@dataclass(slots=True)
class WarcIndex:
    """Where an archive's response records start, and whether they can be read alone.

    A whole-file gzip (one member for the archive) has no record boundaries to
    seek to: it is `seekable=False` and must be read front to back by one task.
    """

    path: str
    offsets: list[int] = field(default_factory=list)
    seekable: bool = True
    damage: list[Damage] = field(default_factory=list)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def scan_warc(path: Path) -> WarcIndex:
    """Offsets of the response records; headers only, payloads are not parsed."""
    index = WarcIndex(str(path))
    with _open(path) as stream:
        for item in _records(path, stream):
            if isinstance(item, UnreadableSource):
                index.damage.append(Damage(item.path, item.reason))
            elif item.record_type == WarcRecordType.response:
                index.offsets.append(item.stream_pos)
        index.seekable = _seekable(stream, index.offsets)
    return index


def read_warc(
    path: Path, *, offsets: Sequence[int] | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Item]:
    """The HTML pages and PDFs of an archive in file order (or those starting at `offsets`).

    Damaged records are yielded as `UnreadableSource`, never raised.
    """
    with _open(path) as stream:
        if offsets is None:
            records = _records(path, stream)
        else:
            records = (_record_at(path, stream, offset) for offset in offsets)
        for item in records:
            if isinstance(item, UnreadableSource):
                yield item
                continue
            try:
                source = source_of(item, path=path, limits=limits)
            except UnreadableSource as exc:
                yield exc
                continue
            if source is not None:
                yield source


def source_of(record: WarcRecord, *, path: Path, limits: Limits = DEFAULT_LIMITS) -> Source | None:
    """One response record as a Source; None for anything that is not an HTML page or a PDF."""
    where = f"{path}@{record.stream_pos}"
    if record.record_type != WarcRecordType.response:
        return None
    _check_block(record, where, limits)
    try:
        record.parse_http(auto_decode="all")
    except (OSError, ValueError) as exc:
        raise UnreadableSource(where, f"malformed HTTP response headers ({exc})") from exc
    kind = _document_kind(record)
    if kind is None:
        return None
    raw = _read_payload(record, where, limits, kind)
    uri = record.headers.get("WARC-Target-URI") or ""
    return Source(
        doc_id=doc_id_of_record(uri, record.record_id or where),
        path=where,
        kind=kind,
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        url=uri or None,
        encoding=None if kind == "pdf" else _encoding(record, raw, where),
    )


def _encoding(record: WarcRecord, raw: bytes, where: str) -> str:
    return record.http_charset or detect_encoding(raw, Path(where))


def doc_id_of_record(uri: str, record_id: str) -> str:
    """`example.org_news_2024_arrest--3f2a...`: readable address, unique record id."""
    address = uri.split("://", 1)[-1]
    safe = UNSAFE.sub("_", address).strip("._-")[:MAX_URI_CHARS] or "record"
    match = re.fullmatch(r"<?urn:uuid:([0-9a-fA-F-]{36})>?", record_id.strip())
    if match:
        unique = match.group(1).replace("-", "").lower()
    else:
        unique = hashlib.sha256(record_id.encode()).hexdigest()[:32]
    return f"{safe}--{unique}"


def _check_block(record: WarcRecord, where: str, limits: Limits) -> None:
    """Refuse oversized records before reading them, and records whose digest lies."""
    declared = record.headers.get("Content-Length") or "0"
    if not declared.isdigit():
        raise UnreadableSource(where, f"Content-Length is not a number: {declared!r}")
    if int(declared) > limits.max_file_bytes:
        raise UnreadableSource(
            where, f"record is {declared} bytes, over the {limits.max_file_bytes}-byte limit"
        )
    if record.headers.get("WARC-Block-Digest") and not record.verify_block_digest(consume=False):
        raise UnreadableSource(
            where, "WARC-Block-Digest does not match the record (truncated, or its length lies)"
        )


def _document_kind(record: WarcRecord) -> SourceKind | None:
    """A successful HTML or PDF response; redirects, errors and other media are not read."""
    status = record.http_headers.status_code if record.http_headers else None
    content_type = (record.http_content_type or "").lower()
    if status != 200:
        return None
    if content_type.startswith(HTML_TYPES):
        return "html"
    return "pdf" if content_type.startswith(PDF_TYPES) else None


def _read_payload(record: WarcRecord, where: str, limits: Limits, kind: SourceKind) -> bytes:
    """The decoded body, read no further than the limit (a compressed body can bomb)."""
    try:
        raw = record.reader.read(limits.max_decompressed_bytes + 1)
    except OSError as exc:
        raise UnreadableSource(where, f"cannot decode the HTTP body ({exc})") from exc
    if len(raw) > limits.max_decompressed_bytes:
        raise UnreadableSource(
            where, f"body decodes to over {limits.max_decompressed_bytes} bytes"
        )
    if not raw.strip():
        raise UnreadableSource(where, "empty page")
    if kind == "pdf":
        check_pdf_header(raw, where)
    elif b"\x00" in raw[:SNIFF_BYTES]:
        raise UnreadableSource(where, "binary content (NUL bytes) served as HTML")
    return raw


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise UnreadableSource(str(path), f"cannot read file ({exc.strerror or exc})") from exc


def _records(path: Path, stream: BinaryIO) -> Iterator[WarcRecord | UnreadableSource]:
    """Every record front to back; past a damaged stretch, go on at the next record start."""
    start = 0
    while True:
        stream.seek(start)
        last: int | None = None
        try:
            for record in _iterate(stream):
                last = record.stream_pos
                yield record
            return
        except OSError as exc:
            broken = last if last is not None else start
            resume = _next_record_start(stream, after=broken)
            if last is not None or start == 0:
                skipped = f"skipped to offset {resume}" if resume is not None else "rest skipped"
                yield UnreadableSource(
                    f"{path}@{broken}", f"unreadable WARC data after this offset ({exc}); {skipped}"
                )
            if resume is None:
                return
            start = resume


def _record_at(path: Path, stream: BinaryIO, offset: int) -> WarcRecord | UnreadableSource:
    stream.seek(offset)
    try:
        record = next(iter(_iterate(stream)), None)
    except OSError as exc:
        return UnreadableSource(f"{path}@{offset}", f"no readable WARC record here ({exc})")
    if record is None:
        return UnreadableSource(f"{path}@{offset}", "no WARC record at this offset")
    return record


def _iterate(stream: BinaryIO) -> ArchiveIterator:
    return ArchiveIterator(stream, record_types=WarcRecordType.any_type, parse_http=False)


def _next_record_start(stream: BinaryIO, *, after: int) -> int | None:
    """The next gzip member (or bare WARC header) after `after`, scanning in chunks."""
    stream.seek(0)
    magic = GZIP_MAGIC if stream.read(2) == GZIP_MAGIC[:2] else WARC_MAGIC
    position = after + 1
    while True:
        stream.seek(position)
        chunk = stream.read(RESYNC_CHUNK + len(magic))
        if len(chunk) < len(magic):
            return None
        found = chunk.find(magic)
        if found != -1:
            return position + found
        position += RESYNC_CHUNK


def _seekable(stream: BinaryIO, offsets: list[int]) -> bool:
    """Per-record gzip and plain WARC can be entered at any record; a whole-file gzip not."""
    if len(set(offsets)) != len(offsets):
        return False
    if len(offsets) < 2:
        return True
    record = _record_at(Path(""), stream, offsets[1])
    return isinstance(record, WarcRecord) and record.stream_pos == offsets[1]
