"""Read source files from disk: find them, bound them, decode them, attach sidecars.

Everything here treats input as hostile: sizes are checked before reading,
gzip is decompressed in bounded chunks, and each failure raises
`UnreadableSource` naming the file so a batch can report it and go on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from rightsdesk.config import DEFAULT_LIMITS, Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.model import DatePrecision, Source, SourceKind

KIND_BY_SUFFIX: dict[str, SourceKind] = {
    ".html": "html", ".htm": "html", ".txt": "text", ".pdf": "pdf"
}
PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WITHIN = 1024  # readers accept the header this far in (after junk bytes)
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")  # read page by page by ingest/warc.py
SIDECAR_SUFFIX = ".meta.json"
SNIFF_BYTES = 8192
MAX_SIDECAR_BYTES = 64 * 1024  # url, published, title: a few hundred bytes in practice
GZIP_CHUNK = 1 << 16
PUBLISHED_FORMATS: tuple[tuple[str, DatePrecision], ...] = (
    ("%Y-%m-%d", "day"),
    ("%Y-%m", "month"),
    ("%Y", "year"),
)


def list_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into the documents to read.

    Inside a directory only known document suffixes are taken (sidecars never);
    a file named explicitly is always attempted, so a wrong suffix is reported.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and _is_document(p))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def read_source(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Read one document file into a Source, or raise UnreadableSource naming it."""
    kind = _kind_of(path)
    raw = _read_bounded(path, limits, kind)
    if not raw.strip():
        raise UnreadableSource(str(path), "empty file")
    if kind == "pdf":
        check_pdf_header(raw, str(path))
        encoding = None
    else:
        if b"\x00" in raw[:SNIFF_BYTES]:
            raise UnreadableSource(str(path), "binary content (NUL bytes), not a text or HTML page")
        encoding = detect_encoding(raw, path)
    meta = read_sidecar(path)
    published, precision = _parse_published(meta.get("published"), path)
    return Source(
        doc_id=doc_id_of(path),
        path=str(path),
        kind=kind,
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        url=meta.get("url"),
        published=published,
        title=meta.get("title"),
        encoding=encoding,
        published_precision=precision,
    )


def check_pdf_header(raw: bytes, where: str) -> None:
    """A PDF starts with `%PDF-`: anything else named .pdf is refused before parsing."""
    if PDF_MAGIC not in raw[:PDF_MAGIC_WITHIN]:
        raise UnreadableSource(where, "not a PDF (no %PDF- header)")


def doc_id_of(path: Path) -> str:
    """File name without its document extensions: `a.b.html.gz` -> `a.b`."""
    name = path.name
    for suffix in (".gz", *KIND_BY_SUFFIX):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def sidecar_of(path: Path) -> Path:
    return path.with_name(doc_id_of(path) + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, str | None]:
    """The `NAME.meta.json` beside a document: url, published, title (each may be null)."""
    sidecar = sidecar_of(path)
    if not sidecar.is_file():
        return {}
    if sidecar.stat().st_size > MAX_SIDECAR_BYTES:
        raise UnreadableSource(str(sidecar), f"sidecar is over {MAX_SIDECAR_BYTES} bytes")
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableSource(str(sidecar), f"sidecar is not valid JSON ({exc})") from exc
    except RecursionError as exc:  # "[[[[..." deeper than the JSON parser's stack
        raise UnreadableSource(str(sidecar), "sidecar JSON is nested too deep") from exc
    if not isinstance(meta, dict):
        raise UnreadableSource(str(sidecar), "sidecar must be a JSON object")
    return {k: (str(v) if v is not None else None) for k, v in meta.items()}


def detect_encoding(raw: bytes, path: Path) -> str:
    """UTF-8 when it decodes; otherwise a legacy encoding charset_normalizer is sure of.

    Bytes that are mostly valid UTF-8 with broken sequences are mis-encoded, not
    legacy text: guessing cp1252 there would silently corrupt names.
    """
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if _has_utf8_multibyte(raw):
            raise UnreadableSource(
                str(path), f"mis-encoded: invalid UTF-8 at byte {exc.start}; re-save it as UTF-8"
            ) from exc
    from charset_normalizer import from_bytes  # only for files that are not UTF-8 (start-up)

    best = from_bytes(raw[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise UnreadableSource(str(path), "cannot detect the text encoding; re-save it as UTF-8")
    return best.encoding


def _has_utf8_multibyte(raw: bytes) -> bool:
    """True when the bytes contain well-formed UTF-8 sequences of two or more bytes."""
    text = raw.decode("utf-8", errors="ignore")
    return any(ord(ch) > 0x7F for ch in text)


def _is_document(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(SIDECAR_SUFFIX):
        return False
    if name.endswith(ARCHIVE_SUFFIXES):
        return True
    name = name.removesuffix(".gz")
    return any(name.endswith(s) for s in KIND_BY_SUFFIX)


def _kind_of(path: Path) -> SourceKind:
    name = path.name.lower().removesuffix(".gz")
    for suffix, kind in KIND_BY_SUFFIX.items():
        if name.endswith(suffix):
            return kind
    raise UnreadableSource(
        str(path), "unsupported file type (expected .html, .htm, .txt, .pdf or .gz)"
    )


def _read_bounded(path: Path, limits: Limits, kind: SourceKind) -> bytes:
    limit = limits.max_pdf_bytes if kind == "pdf" else limits.max_file_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise UnreadableSource(str(path), f"file is {size} bytes, over the {limit}-byte limit")
        if path.name.lower().endswith(".gz"):
            return _gunzip_bounded(path, limits.max_decompressed_bytes)
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableSource(str(path), f"cannot read file ({exc.strerror or exc})") from exc


def _gunzip_bounded(path: Path, limit: int) -> bytes:
    """Decompress in chunks and stop past `limit`, so a gzip bomb costs nothing."""
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.open(path, "rb") as stream:
            while chunk := stream.read(GZIP_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise UnreadableSource(
                        str(path), f"decompresses to over {limit} bytes (possible gzip bomb)"
                    )
                chunks.append(chunk)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise UnreadableSource(str(path), f"corrupt gzip data ({exc})") from exc
    return b"".join(chunks)


def _parse_published(value: str | None, path: Path) -> tuple[date | None, DatePrecision]:
    """A sidecar date at its own precision: YYYY-MM-DD, YYYY-MM or YYYY."""
    if not value:
        return None, "day"
    for pattern, precision in PUBLISHED_FORMATS:
        try:
            return datetime.strptime(value.strip(), pattern).date(), precision
        except ValueError:
            continue
    raise UnreadableSource(
        str(sidecar_of(path)), f"published must be YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}"
    )
