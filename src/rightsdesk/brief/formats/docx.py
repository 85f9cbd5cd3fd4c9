"""DOCX for ministries and NGOs that work in Word; footnote numbers as superscripts."""

from __future__ import annotations

from io import BytesIO

import docx
from docx.document import Document
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from rightsdesk.brief import wording
from rightsdesk.brief.document import Brief, Case, Fact
from rightsdesk.brief.wording import format_date

ACCENT = RGBColor(0x8A, 0x1C, 0x1C)


def render(brief: Brief) -> bytes:
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10.5)
    _header(document, brief)
    _key_points(document, brief)
    document.add_heading("Cases to raise", level=1)
    for number, case in enumerate(brief.cases, start=1):
        _case(document, number, case)
    _list_section(document, "Record of international concern", brief.concern)
    _list_section(document, "Occasions ahead", brief.occasions)
    _sources(document, brief)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _header(document: Document, brief: Brief) -> None:
    header = brief.header
    kind = document.add_paragraph().add_run("HUMAN RIGHTS BRIEFING")
    kind.bold, kind.font.size, kind.font.color.rgb = True, Pt(8.5), ACCENT
    document.add_heading(header.occasion, level=0)
    sources = f"{header.source_count}"
    if header.first_published:
        sources += (
            f", published {format_date(header.first_published)} "
            f"to {format_date(header.last_published)}"
        )
    for label, value in (
        ("Country", header.country),
        ("As of", format_date(header.on)),
        ("Sources", sources),
    ):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    if header.left_out:
        document.add_paragraph().add_run(header.left_out).italic = True


def _key_points(document: Document, brief: Brief) -> None:
    document.add_heading("Key points", level=1)
    if not brief.key_points:
        document.add_paragraph(wording.NO_KEY_POINTS)
    for fact in brief.key_points:
        _say(document.add_paragraph(style="List Bullet"), fact)
    if brief.rights:
        document.add_heading("Rights at stake", level=2)
        for fact in brief.rights:
            _say(document.add_paragraph(style="List Bullet"), fact)


def _case(document: Document, number: int, case: Case) -> None:
    title = f"{number}. {case.name}" + (f" ({', '.join(case.roles)})" if case.roles else "")
    document.add_heading(title, level=2)
    if case.urgency:
        paragraph = document.add_paragraph()
        run = paragraph.add_run("Urgent: ")
        run.bold, run.font.color.rgb = True, ACCENT
        _say(paragraph, case.urgency)
    _labelled(document, "Status", [case.status])
    _labelled(document, "Sentence", [case.sentence] if case.sentence else [])
    _labelled(document, "Charges", [case.charges] if case.charges else [])
    for dispute in case.disputes:
        _labelled(document, f"Sources differ on {dispute.about}", list(dispute.claims), "; ")
    _labelled(document, "Concerns", list(case.concerns))
    _timeline(document, case)
    if case.asks:
        document.add_paragraph().add_run("Ask").bold = True
        for ask in case.asks:
            document.add_paragraph(ask, style="List Bullet")


def _labelled(document: Document, label: str, facts: list[Fact], between: str = " ") -> None:
    if not facts:
        return
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    for i, fact in enumerate(facts):
        if i:
            paragraph.add_run(between)
        _say(paragraph, fact)


def _timeline(document: Document, case: Case) -> None:
    if not case.timeline:
        return
    table = document.add_table(rows=0, cols=2)
    table.style = "Light List"
    for entry in case.timeline:
        when, what = table.add_row().cells
        when.text = entry.when
        _say(what.paragraphs[0], entry.fact)


def _list_section(document: Document, title: str, facts: tuple[Fact, ...]) -> None:
    if not facts:
        return
    document.add_heading(title, level=1)
    for fact in facts:
        _say(document.add_paragraph(style="List Bullet"), fact)


def _sources(document: Document, brief: Brief) -> None:
    document.add_heading("Sources", level=1)
    for source in brief.sources:
        text = f"[{source.number}] {source.title}"
        if source.cited_pages():
            text += f", {source.cited_pages()}"
        if source.published:
            text += f", published {format_date(source.published)}"
        if source.url:
            text += f". {source.url}"
        document.add_paragraph(text)
    document.add_page_break()
    document.add_heading("Appendix: the evidence for each source", level=1)
    for source in brief.sources:
        document.add_heading(f"[{source.number}] {source.title}", level=3)
        for sentence, page in source.quotes():
            document.add_paragraph(sentence + (f" (p. {page})" if page else ""), style="Quote")


def _say(paragraph: Paragraph, fact: Fact) -> None:
    """The sentence, then its footnote numbers as superscripts."""
    paragraph.add_run(fact.text)
    for citation in fact.citations:
        paragraph.add_run(f"[{citation.number}]").font.superscript = True
