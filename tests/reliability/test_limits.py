"""Input limits end to end: each over-limit file fails with one line, the batch goes on."""

from __future__ import annotations

import gzip
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rightsdesk.clean import clean_source
from rightsdesk.clean.limits import PageOverLimit, within_time
from rightsdesk.cli import app
from rightsdesk.config import Limits
from rightsdesk.errors import UnreadableSource
from rightsdesk.extract import Extractor
from rightsdesk.extract.core import MAX_PARAGRAPH_CHARS, split_paragraphs
from rightsdesk.ingest import read_source
from rightsdesk.model import CleanDoc, Source
from rightsdesk.pipeline import Pipeline
from rightsdesk.store import open_store

REPORT = (
    "<html><head><title>Reporter detained</title></head><body><article>"
    "<h1>Reporter detained in the capital</h1>"
    "<p>Police detained the reporter Tamerlan Issayev on 4 May 2022, his editor said.</p>"
    "<p>He was charged with inciting discord and faces up to ten years in prison.</p>"
    "</article></body></html>"
)
SENTENCE = "The court sentenced the blogger Rustam Dzhaksybekov to six years in prison. "


def write_over_limit_batch(folder: Path) -> None:
    """One good page and one file over each default limit (file size, gzip, depth, text)."""
    folder.mkdir()
    (folder / "good.html").write_text(REPORT, encoding="utf-8")
    with (folder / "big.html").open("wb") as big:
        big.truncate(Limits().max_file_bytes + 1)
        big.write(b"<p>")
    with gzip.open(folder / "bomb.html.gz", "wb") as bomb:
        for _ in range(Limits().max_decompressed_bytes // (1 << 20) + 1):
            bomb.write(b" " * (1 << 20))
    depth = Limits().max_html_depth + 10
    (folder / "deep.html").write_text("<div>" * depth + "x" + "</div>" * depth)
    lines = Limits().max_text_chars // len(SENTENCE) + 1
    (folder / "long.txt").write_text(SENTENCE * lines, encoding="utf-8")


def test_each_limit_fails_its_file_with_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    write_over_limit_batch(tmp_path / "batch")
    db = tmp_path / "cases.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "batch"), "--db", str(db)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error ")]
    reasons = {Path(line.split()[1].rstrip(":")).name: line for line in errors}
    assert set(reasons) == {"big.html", "bomb.html.gz", "deep.html", "long.txt"}
    assert "over the 20971520-byte limit" in reasons["big.html"]
    assert "gzip bomb" in reasons["bomb.html.gz"]
    assert f"nested deeper than {Limits().max_html_depth}" in reasons["deep.html"]
    assert "character limit for extraction" in reasons["long.txt"]
    with open_store(str(db)) as store:
        assert store.counts()["sources"] == 1
        assert store.integrity_check() == []


def slow_page() -> str:
    """A large page with many paragraphs: trafilatura needs well over a millisecond."""
    body = "".join(f"<p>Paragraph {i}. {SENTENCE}</p>" for i in range(4_000))
    return f"<html><body><article>{body}</article></body></html>"


def test_parse_time_budget_fails_the_page_and_the_batch_goes_on(tmp_path: Path, nlp) -> None:
    (tmp_path / "slow.html").write_text(slow_page(), encoding="utf-8")
    (tmp_path / "good.html").write_text(REPORT, encoding="utf-8")
    pipeline = Pipeline(Extractor(nlp), limits=Limits(parse_seconds=0.05))
    with open_store(":memory:") as store:
        report = pipeline.ingest([tmp_path], store)
        assert store.counts()["sources"] == 1
    [failure] = report.failures
    assert Path(failure.path).name == "slow.html"
    assert failure.reason == "cleaning took longer than 0.05 s"


def test_a_parser_that_swallows_the_alarm_still_fails_the_page() -> None:
    """trafilatura falls back on any exception: the alarm's must not become a success."""

    def swallowing() -> str:
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:
            try:
                time.sleep(0.01)
            except Exception:
                return "fallback text"
        return "finished"

    with pytest.raises(PageOverLimit, match="longer than 0.05 s"):
        within_time(0.05, swallowing)


def test_parse_time_budget_needs_the_main_thread() -> None:
    """Off the main thread (a Dask worker) the alarm cannot fire: the page is cleaned."""
    source = text_source(slow_page().encode(), kind="html")
    results: list[object] = []
    worker = threading.Thread(
        target=lambda: results.append(clean_source(source, limits=Limits(parse_seconds=0.05)))
    )
    worker.start()
    worker.join()
    assert isinstance(results[0], CleanDoc)


def text_source(raw: bytes, *, kind: str = "text") -> Source:
    return Source(doc_id="t", path="t.txt", kind=kind, raw=raw, content_hash="h", encoding="utf-8")


def test_text_over_the_nlp_bound_is_refused_with_its_length() -> None:
    source = text_source((SENTENCE * 20).encode())
    with pytest.raises(UnreadableSource, match=r"clean text is \d+ characters, over the 1000-"):
        clean_source(source, limits=Limits(max_text_chars=1000))


def test_giant_line_is_cut_into_bounded_paragraphs_with_true_offsets() -> None:
    text = "Intro.\n" + SENTENCE * 600 + "x" * (MAX_PARAGRAPH_CHARS + 5) + "\nEnd."
    paragraphs = split_paragraphs(text)
    assert all(0 < len(p.text) <= MAX_PARAGRAPH_CHARS for p in paragraphs)
    assert all(text[p.start : p.start + len(p.text)] == p.text for p in paragraphs)
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))
    assert all(p.text.endswith("prison.") for p in paragraphs[1:5])


def test_giant_line_is_extracted_in_paragraphs_spacy_accepts(nlp) -> None:
    assert nlp.max_length > MAX_PARAGRAPH_CHARS
    line = SENTENCE * (3 * MAX_PARAGRAPH_CHARS // len(SENTENCE))
    extraction = Extractor(nlp).extract(CleanDoc(source=text_source(b"-"), text=line))
    assert extraction.events
    assert all(
        line[e.evidence.start : e.evidence.end] == e.evidence.sentence for e in extraction.events
    )


@pytest.mark.slow
def test_line_longer_than_spacy_max_length_is_extracted(nlp) -> None:
    """Before paragraphs were bounded, spaCy raised E088 here and ended the batch."""
    line = SENTENCE * (nlp.max_length // len(SENTENCE) + 1)
    extraction = Extractor(nlp).extract(CleanDoc(source=text_source(b"-"), text=line))
    assert extraction.events


def test_read_source_refuses_a_file_over_the_size_limit(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(REPORT)
    with pytest.raises(UnreadableSource, match="over the 100-byte limit"):
        read_source(page, limits=Limits(max_file_bytes=100))


def test_text_dump_over_the_time_budget_is_refused() -> None:
    dump = "\n".join(f"Line {i}: {SENTENCE}" for i in range(50_000)).encode()
    with pytest.raises(UnreadableSource, match="cleaning took longer than 0.01 s"):
        clean_source(text_source(dump), limits=Limits(parse_seconds=0.01))
