"""A PDF report end to end: `rightsdesk ingest` of a folder holding a two-column report
and a scan, then the stored evidence's pages, the desk's source page and a brief.

The page each fact is stored with is checked against PDFium's own text of that
page, not against anything the reader produced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from desk_sample import FAST_HASHER, PASSWORD, login
from fastapi.testclient import TestClient
from pdf_reports import PRISONERS, render_pdf, report_html, scanned_page
from typer.testing import CliRunner

from rightsdesk.cli import app as cli
from rightsdesk.model import CaseFile
from rightsdesk.store import Store, open_store
from rightsdesk.web import WebSettings, create_app

PUBLISHED = "2024-01-15"
BRIEF_DATE = "2024-06-30"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "detention-report.pdf").write_bytes(render_pdf(report_html(columns=2)))
    meta = {"published": PUBLISHED, "title": "Annual Report on Detention"}
    (folder / "detention-report.meta.json").write_text(json.dumps(meta))
    (folder / "scan.pdf").write_bytes(scanned_page())
    return folder


@pytest.fixture
def ingested(reports: Path, store_url: str) -> Iterator[tuple[Store, str]]:
    result = CliRunner().invoke(cli, ["ingest", str(reports), "--db", store_url])
    assert result.exit_code == 1, result.output  # the scan failed, the report did not
    with open_store(store_url) as store:
        yield store, result.output


def page_texts(path: Path) -> list[str]:
    """Each page's text as PDFium gives it, line-end hyphens joined, spaces collapsed."""
    document = pdfium.PdfDocument(path)
    texts = []
    for page in document:
        raw = page.get_textpage().get_text_range()
        texts.append(" ".join(re.sub("\u2010\\s*\r?\n", "", raw).split()))
    return texts


def test_ingesting_a_pdf_stores_cases_with_the_page_of_their_evidence(
    ingested: tuple[Store, str], reports: Path
) -> None:
    store, output = ingested
    assert f"{reports / 'scan.pdf'}: no text layer: run OCR first" in output
    case_file = store.case_file()
    assert [s.doc_id for s in case_file.sources] == ["detention-report"]
    pages = page_texts(reports / "detention-report.pdf")
    assert case_file.events
    for event in case_file.events:
        page = event.evidence.page
        assert page is not None and 1 <= page <= len(pages)
        opening = " ".join(event.evidence.sentence.split())[:40]
        assert opening in pages[page - 1], (page, opening)


def test_a_report_on_many_people_yields_a_case_each(ingested: tuple[Store, str]) -> None:
    store, _ = ingested
    case_file = store.case_file()
    names = {person.id: person.name for person in case_file.persons}
    for prisoner in PRISONERS:
        surname = prisoner.name.split()[-1]
        own = [e for e in case_file.events if surname in names[e.person_id]]
        named = {e.type for e in own if surname in e.evidence.sentence}
        assert named >= {"arrest", "sentence"}, prisoner.name
        assert len({e.person_id for e in own}) == 1, "one case per prisoner"


def first_paged_event(case_file: CaseFile) -> tuple[int, int]:
    event = next(e for e in case_file.events if e.evidence.page)
    return event.source_id, event.evidence.page


def test_the_desk_shows_the_page_of_each_fact(ingested: tuple[Store, str]) -> None:
    store, _ = ingested
    source_id, page = first_paged_event(store.case_file())
    desk = create_app(store, WebSettings(secret_key="test", hasher=FAST_HASHER))
    desk.state.desk.accounts.add_user("viewer", PASSWORD, "viewer")
    client = login(TestClient(desk, base_url="https://desk.test"), "viewer")
    html = client.get(f"/sources/{source_id}").text
    shown = {int(n) for n in re.findall(r'class="muted page">p\. (\d+)<', html)}
    assert page in shown
    assert shown >= {e.evidence.page for e in store.case_file().events if e.review != "rejected"}
    served = {e["id"]: e["evidence"]["page"] for e in client.get("/api/v1/events").json()}
    assert served == {e.id: e.evidence.page for e in store.case_file().events}


def test_a_brief_cites_the_pages_of_a_pdf(ingested: tuple[Store, str], tmp_path: Path) -> None:
    store, _ = ingested
    country = store.case_file().sources[0].country
    assert country, "the report's country was read"
    out = tmp_path / "brief.md"
    args = ["brief", "--country", country, "--occasion", "Human rights dialogue",
            "--date", BRIEF_DATE, "--db", store.url, "--out", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    text = out.read_text()
    cited = {int(n) for n in re.findall(r"\(p\. (\d+)\)", text)}
    assert cited and cited <= {e.evidence.page for e in store.case_file().events}
    assert re.search(r"^- \[1\] .*, pp?\. \d", text, re.MULTILINE)
