"""PDF reports read into clean text: reading order, running lines, footnotes, page map.

The reports are rendered at test time (tests/pdf_reports.py) and cached per session;
what the reader gives is compared with the report's own paragraphs and with PDFium's
text of each page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdf_reports import (
    CONTEXT,
    PRISONERS,
    RUNNING_FOOTER,
    RUNNING_HEADER,
    case_paragraphs,
    render_pdf,
    report_html,
    scanned_page,
)
from test_warc import record

from rightsdesk.clean import clean_source
from rightsdesk.errors import UnreadableSource
from rightsdesk.ingest import list_inputs, read_source, read_warc
from rightsdesk.model import CleanDoc, page_at
from rightsdesk.reading import Failure, clean_docs


@pytest.fixture(scope="session")
def report_files(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The test report in one and in two columns, rendered once per session."""
    folder = tmp_path_factory.mktemp("pdf-reports")
    files = {}
    for columns in (1, 2):
        files[columns] = folder / f"report-{columns}col.pdf"
        files[columns].write_bytes(render_pdf(report_html(columns=columns)))
    return files


def clean(path: Path) -> CleanDoc:
    return clean_source(read_source(path))


@pytest.mark.parametrize("columns", [1, 2])
def test_every_paragraph_is_read_whole_in_order(report_files: dict[int, Path],
                                                columns: int) -> None:
    lines = clean(report_files[columns]).text.splitlines()
    expected = [p for prisoner in PRISONERS for p in case_paragraphs(prisoner)]
    found = [line for line in lines if line in expected]
    assert found == expected  # whole (columns, pages and hyphens joined) and in order


@pytest.mark.parametrize("columns", [1, 2])
def test_running_headers_footers_and_page_numbers_are_dropped(
    report_files: dict[int, Path], columns: int
) -> None:
    lines = clean(report_files[columns]).text.splitlines()
    assert RUNNING_FOOTER not in "\n".join(lines)
    assert lines.count(RUNNING_HEADER) == 1  # the title on page 1, not the running header
    assert not [line for line in lines if line.strip().isdigit()]


@pytest.mark.parametrize("columns", [1, 2])
def test_footnotes_stay_apart_from_the_body(report_files: dict[int, Path], columns: int) -> None:
    lines = clean(report_files[columns]).text.splitlines()
    notes = [line for line in lines if "Interview number" in line]
    assert len(notes) == len(PRISONERS)
    assert all(line.startswith(f"{n}. Interview number") for n, line in enumerate(notes, 1))
    assert all(CONTEXT not in line for line in notes)


def test_a_table_row_is_a_line_of_cells(report_files: dict[int, Path]) -> None:
    lines = clean(report_files[2]).text.splitlines()
    first = PRISONERS[0]
    row = f"{first.name} | {first.arrested} | {first.charge} | {first.sentence}"
    assert row in lines


@pytest.mark.parametrize("columns", [1, 2])
def test_the_page_map_gives_the_page_each_sentence_is_on(
    report_files: dict[int, Path], columns: int
) -> None:
    import pypdfium2 as pdfium

    doc = clean(report_files[columns])
    pages = [" ".join(p.get_textpage().get_text_range().replace("\u2010\r\n", "").split())
             for p in pdfium.PdfDocument(report_files[columns])]
    assert {span.page for span in doc.pages} == set(range(1, len(pages) + 1))
    for prisoner in PRISONERS:
        for paragraph in case_paragraphs(prisoner):
            start = doc.text.index(paragraph)
            assert paragraph[:30] in pages[page_at(doc.pages, start) - 1]


def test_a_report_and_its_sidecar_become_a_pdf_source(report_files: dict[int, Path],
                                                      tmp_path: Path) -> None:
    path = tmp_path / "annual.pdf"
    path.write_bytes(report_files[1].read_bytes())
    (tmp_path / "annual.meta.json").write_text(json.dumps({"published": "2024-01"}))
    assert list_inputs([tmp_path]) == [path]
    source = read_source(path)
    assert (source.doc_id, source.kind, source.encoding) == ("annual", "pdf", None)
    assert str(source.published) == "2024-01-01" and source.published_precision == "month"


def test_a_scan_is_refused_until_it_is_ocred(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_page())
    failures: list[Failure] = []
    assert list(clean_docs([path], failures)) == []
    assert [str(f) for f in failures] == [f"{path}: no text layer: run OCR first"]


def test_a_file_named_pdf_that_is_not_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("<html>not a PDF</html>")
    with pytest.raises(UnreadableSource, match="not a PDF"):
        read_source(path)


def test_a_pdf_in_a_web_archive_is_read_with_its_pages(report_files: dict[int, Path],
                                                       tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    pdf = report_files[1].read_bytes()
    archive.write_bytes(record("https://ngo.example.org/report.pdf", pdf,
                               content_type="application/pdf"))
    sources = list(read_warc(archive))
    assert [s.kind for s in sources] == ["pdf"] and sources[0].raw == pdf
    doc = clean_source(sources[0])
    assert case_paragraphs(PRISONERS[0])[0] in doc.text and len(doc.pages) > 1
