"""Reading source files: kinds, sidecars, encodings, and one-line errors for bad input."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from rightsdesk.config import Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.ingest import doc_id_of, list_inputs, read_source

PAGE = "<html><body><p>Police detained the editor on Monday.</p></body></html>"


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_directory_listing_is_recursive_and_skips_sidecars(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "a.html", PAGE)
    write(tmp_path / "sub" / "b.txt", "text")
    write(tmp_path / "sub" / "c.txt.gz", gzip.compress(b"text"))
    write(tmp_path / "a.meta.json", "{}")
    write(tmp_path / "notes.md", "ignored")
    names = [p.name for p in list_inputs([tmp_path])]
    assert names == ["a.html", "b.txt", "c.txt.gz"]


def test_doc_id_strips_document_extensions_only() -> None:
    assert doc_id_of(Path("x/report.v2.html.gz")) == "report.v2"
    assert doc_id_of(Path("kz-news-2013.txt")) == "kz-news-2013"


def test_sidecar_gives_url_published_and_title(tmp_path: Path) -> None:
    page = write(tmp_path / "story.txt", "Judge sentenced the blogger.")
    meta = {"url": "https://example.org/1", "published": "2013-06-28", "title": None}
    write(tmp_path / "story.meta.json", json.dumps(meta))
    source = read_source(page)
    assert (source.url, source.published, source.title) == (
        "https://example.org/1", date(2013, 6, 28), None)
    assert source.kind == "text" and source.doc_id == "story"
    assert len(source.content_hash) == 64


def test_same_bytes_same_hash_whatever_the_name(tmp_path: Path) -> None:
    a = read_source(write(tmp_path / "a.html", PAGE))
    b = read_source(write(tmp_path / "b.html.gz", gzip.compress(PAGE.encode())))
    assert a.content_hash == b.content_hash and b.kind == "html"


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = "Журналиста задержали в Риддере и отправили на психиатрическую экспертизу."
    source = read_source(write(tmp_path / "ru.txt", text.encode("cp1251")))
    assert source.raw.decode(source.encoding or "") == text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"  \n", "empty file"),
        ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary content"),
        ("broken.txt", "Café owner jailed ".encode() + b"\xff\xfe\xfa", "mis-encoded"),
        ("bomb.txt.gz", b"not gzip at all", "corrupt gzip"),
        ("table.csv", b"a,b", "unsupported file type"),
    ],
)
def test_bad_input_raises_one_line_error_naming_the_file(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = write(tmp_path / name, data)
    with pytest.raises(UnreadableSource) as err:
        read_source(path)
    message = str(err.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


def test_gzip_bomb_is_stopped_at_the_decompressed_limit(tmp_path: Path) -> None:
    bomb = write(tmp_path / "bomb.html.gz", gzip.compress(b"<p>" + b"a" * 2_000_000))
    with pytest.raises(UnreadableSource, match="gzip bomb"):
        read_source(bomb, limits=Limits(max_decompressed_bytes=1_000_000))


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", "x" * 5000)
    with pytest.raises(UnreadableSource, match="over the 1000-byte limit"):
        read_source(big, limits=Limits(max_file_bytes=1000))


def test_invalid_sidecar_is_named(tmp_path: Path) -> None:
    page = write(tmp_path / "p.txt", "Activist arrested.")
    write(tmp_path / "p.meta.json", "{not json")
    with pytest.raises(UnreadableSource, match=r"p\.meta\.json"):
        read_source(page)


@pytest.mark.parametrize(
    ("published", "day", "precision"),
    [("2012-10-08", date(2012, 10, 8), "day"), ("2012-10", date(2012, 10, 1), "month"),
     ("2024", date(2024, 1, 1), "year")],
)
def test_sidecar_date_keeps_its_precision(
    tmp_path: Path, published: str, day: date, precision: str
) -> None:
    page = write(tmp_path / "p.txt", "Activist arrested.")
    write(tmp_path / "p.meta.json", json.dumps({"published": published}))
    source = read_source(page)
    assert (source.published, source.published_precision) == (day, precision)


def test_sidecar_date_in_another_format_is_named(tmp_path: Path) -> None:
    page = write(tmp_path / "p.txt", "Activist arrested.")
    write(tmp_path / "p.meta.json", json.dumps({"published": "28/06/2013"}))
    with pytest.raises(UnreadableSource, match="published must be"):
        read_source(page)
