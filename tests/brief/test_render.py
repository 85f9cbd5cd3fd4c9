"""The four formats: footnotes on every fact, escaping, and no confidential name anywhere."""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO

import docx
import pytest
from brief_records import CONFIDENTIAL_NAME, OCCASION, ON, REJECTED_SENTENCE

from rightsdesk.brief import FORMATS, build_brief, render
from rightsdesk.model import SourceRecord

FOOTNOTES = re.compile(r"(\[\d+\])+\.?$")


@pytest.fixture
def brief(case_file):
    case_file.sources.append(
        SourceRecord(99, "doc-99", "hash-99", url="javascript:alert(1)", title="Trap", country="KZ")
    )
    case_file.statements[0] = replace(case_file.statements[0], source_id=99)  # cite the trap
    return build_brief(case_file, country="KZ", occasion=OCCASION, on=ON)


@pytest.fixture
def markdown(brief) -> str:
    return render(brief, "md")


@pytest.fixture
def html(brief) -> str:
    return render(brief, "html")


def fact_lines(markdown: str) -> list[str]:
    """Bullet lines of the sections that state facts (asks and sources are not facts)."""
    lines, in_facts, in_ask = [], True, False
    for line in markdown.splitlines():
        if line.startswith("## "):
            in_facts = line not in ("## Sources", "## Appendix: the evidence for each source")
        if line.startswith("**") and line.endswith("**"):
            in_ask = line == "**Ask**"
        elif line.startswith("### "):
            in_ask = False
        if in_facts and not in_ask and line.startswith("- "):
            lines.append(line)
    return lines


def test_every_fact_line_in_markdown_has_a_footnote(markdown):
    lines = fact_lines(markdown)
    assert len(lines) > 20
    assert [line for line in lines if not FOOTNOTES.search(line)] == []


def test_markdown_shows_both_claims_with_their_footnotes(markdown):
    line = next(x for x in markdown.splitlines() if "Sources differ on the length" in x)
    assert re.search(r"7 years and 6 months \[\d+\]; 7 years \[\d+\]", line)


def test_markdown_leaves_out_rejected_and_confidential_names(markdown):
    assert REJECTED_SENTENCE not in markdown
    assert "Ghostov" not in markdown
    assert CONFIDENTIAL_NAME not in markdown and "Yerlan" not in markdown
    assert "Case KZ-1" in markdown


def test_markdown_escapes_ingested_markup(markdown):
    assert "<script>" not in markdown
    assert r"\<script\>" in markdown


def test_html_escapes_hostile_evidence_and_refuses_script_links(html):
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html


def test_html_footnotes_carry_the_evidence_as_hover_title(html):
    assert re.search(r'<a href="#source-\d+" title="The trial of Kozlov opened in Aktau', html)
    assert html.count('id="source-') == html.count("<li id=")


def test_html_leaves_out_confidential_name(html):
    assert CONFIDENTIAL_NAME.lower() not in html.lower() and "Yerlan" not in html


def test_docx_opens_and_holds_the_brief_without_confidential_name(brief):
    document = docx.Document(BytesIO(render(brief, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for t in document.tables for row in t.rows for cell in row.cells)
    assert "Vladimir Kozlov" in text and "Sources differ on the length of the sentence" in text
    assert CONFIDENTIAL_NAME not in text and "Yerlan" not in text
    superscripts = [r for p in document.paragraphs for r in p.runs if r.font.superscript]
    assert superscripts


@pytest.mark.slow
def test_pdf_has_text_on_every_page_and_no_confidential_name(brief):
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(render(brief, "pdf")))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 2 and all(p.strip() for p in pages)
    text = "\n".join(pages)
    assert "Vladimir Kozlov" in text
    assert CONFIDENTIAL_NAME not in text and "Yerlan" not in text


def test_unknown_format_is_refused(brief):
    with pytest.raises(ValueError, match="md, html, docx, pdf"):
        render(brief, "rtf")
    assert FORMATS == ("md", "html", "docx", "pdf")
