"""Hostile PDFs, built byte by byte at test time (no binaries in the repository).

Each builder returns a whole file that a reader must refuse by name, in bounded
time and memory: a page tree that claims or holds too many pages, or loops; a
content stream inflating to hundreds of megabytes; a form that draws itself; an
encrypted file; a truncated or garbled one; a scan with no text layer.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Police detained the journalist on 12 May.) Tj ET"
BOMB_BYTES = 300 * 1024 * 1024  # what the bomb's content stream inflates to
BOMB_CHUNK = 1 << 20


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF whose object N is `objects[N - 1]`; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, *, extra: bytes = b"", deflated: bool = False) -> bytes:
    body = zlib.compress(data) if deflated else data
    flate = b" /Filter /FlateDecode" if deflated else b""
    return b"<< /Length %d%s %s >>\nstream\n%s\nendstream" % (len(body), flate, extra, body)


def page(contents: int, *, parent: int = 2, resources: bytes = b"/Font << /F1 4 0 R >>") -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << %s >> >>" % (parent, contents, resources))


def one_page(content: bytes, *, deflated: bool = False) -> bytes:
    """A well-formed one-page PDF drawing `content`."""
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page(5),
        FONT,
        stream(content, deflated=deflated),
    ])


def many_pages(count: int = 5000) -> bytes:
    """A page tree really holding `count` pages (all the same page object)."""
    kids = b" ".join([b"3 0 R"] * count)
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        page(5),
        FONT,
        stream(TEXT),
    ])


def lying_page_count() -> bytes:
    """A page tree that claims a billion pages and holds one."""
    return one_page(TEXT).replace(b"/Count 1", b"/Count 1000000000")


def page_tree_cycle() -> bytes:
    """A page tree whose node lists itself among its kids."""
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        page(5),
        FONT,
        stream(TEXT),
    ])


def flate_bomb() -> bytes:
    """A content stream of a few hundred KB that inflates to `BOMB_BYTES` of text operators."""
    deflate = zlib.compressobj(9)
    body = io.BytesIO()
    body.write(deflate.compress(TEXT + b"\n"))
    chunk = b"(A) Tj " * (BOMB_CHUNK // 7)
    for _ in range(BOMB_BYTES // len(chunk)):
        body.write(deflate.compress(chunk))
    body.write(deflate.flush())
    data = body.getvalue()
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page(5),
        FONT,
        content,
    ])


def recursive_form() -> bytes:
    """A form XObject that draws itself, forever if a reader lets it."""
    form = stream(TEXT + b"\n/X1 Do",
                  extra=b"/Type /XObject /Subtype /Form /BBox [0 0 612 792]"
                        b" /Resources << /XObject << /X1 6 0 R >> /Font << /F1 4 0 R >> >>")
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page(5, resources=b"/Font << /F1 4 0 R >> /XObject << /X1 6 0 R >>"),
        FONT,
        stream(b"/X1 Do"),
        form,
    ])


def deep_nesting(depth: int = 200_000) -> bytes:
    """An object nested in arrays far deeper than any parser's stack."""
    nested = b"[" * depth + b"]" * depth
    return one_page(TEXT).replace(b"/Count 1 >>", b"/Count 1 /Junk %s >>" % nested)


def encrypted(plain: bytes) -> bytes:
    """`plain` encrypted with a user password (pypdf, a dev dependency)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated(plain: bytes) -> bytes:
    """The first few hundred bytes of a good PDF: no page survives."""
    return plain[:200]


def garbled() -> bytes:
    """A PDF header followed by noise."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 64


def scan() -> bytes:
    """A page with drawing but no text: what a scanner without OCR makes."""
    return one_page(b"0.5 g 72 72 468 648 re f 0 g 100 100 m 500 700 l S")


HOSTILE: dict[str, Callable[[], bytes]] = {
    "many-pages": many_pages,
    "lying-count": lying_page_count,
    "tree-cycle": page_tree_cycle,
    "flate-bomb": flate_bomb,
    "recursive-form": recursive_form,
    "deep-nesting": deep_nesting,
    "encrypted": lambda: encrypted(one_page(TEXT)),
    "truncated": lambda: truncated(one_page(TEXT)),
    "garbled": garbled,
    "scan": scan,
}
