"""PDF reports made at test time with WeasyPrint: one or two columns, running headers and
footers, page numbers, footnotes and a table, so the PDF reader meets what NGO reports
look like without a binary in the repository.

The report text is written for these tests (fictional people in a fictional case
file); `render_text` renders any plain text, one paragraph a line, for benchmarks.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import weasyprint

RUNNING_HEADER = "Civic Space Monitor: Annual Report on Detention"
RUNNING_FOOTER = "Published by the Northern Lights Rights Centre"


@dataclass(frozen=True, slots=True)
class Prisoner:
    name: str
    city: str
    arrested: str  # "3 March 2023"
    charge: str
    sentence: str  # "seven years"
    role: str


PRISONERS = (
    Prisoner("Vladimir Kozlovsky", "Almaty", "3 March 2023", "inciting social discord",
             "seven years", "journalist"),
    Prisoner("Aigerim Tleuzhanova", "Shymkent", "14 April 2023", "organising an illegal rally",
             "four years", "trade unionist"),
    Prisoner("Marat Zhylanbayev", "Astana", "9 May 2023", "financing extremism",
             "five years", "opposition activist"),
    Prisoner("Dina Baidildayeva", "Karaganda", "21 June 2023", "spreading false information",
             "three years", "blogger"),
    Prisoner("Ruslan Abenov", "Aktobe", "2 August 2023", "participating in mass riots",
             "six years", "human rights lawyer"),
    Prisoner("Galym Nurpeissov", "Taraz", "17 September 2023", "insulting a state official",
             "two years", "poet"),
)

CONTEXT = (
    "Throughout the year the authorities continued to restrict the space for independent "
    "journalism and peaceful assembly. Several families told monitors that they had not "
    "been informed of the place of detention for days, and lawyers described repeated "
    "obstacles to confidential meetings with their clients in detention before trial."
)


def case_paragraphs(prisoner: Prisoner) -> list[str]:
    """What the report says about one prisoner: arrest and charge, then sentence."""
    return [
        f"On {prisoner.arrested} police in {prisoner.city} arrested the {prisoner.role} "
        f"{prisoner.name} and charged him with {prisoner.charge}. {CONTEXT}",
        f"In a trial that observers described as unfair, a court in {prisoner.city} "
        f"sentenced {prisoner.name} to {prisoner.sentence} in prison for {prisoner.charge}. "
        f"{CONTEXT}",
    ]


FIRST_NAMES = ("Arman", "Bolat", "Dauren", "Erlan", "Gulnara", "Khalida", "Murat", "Nurlan",
               "Saule", "Timur", "Yerzhan", "Zhanna", "Aidos", "Botagoz", "Daniyar", "Inkar")
# Surnames are a root and an ending: 27 x 27 distinct ones, since a surname alone names a
# person once the report has introduced them.
ROOTS = ("Abdra", "Baimu", "Dzhaks", "Ese", "Iska", "Kali", "Muka", "Nurga", "Oma", "Rakhi",
         "Sarse", "Toka", "Utep", "Zhaku", "Kenzhe", "Serik", "Aman", "Bek", "Dosa", "Erme",
         "Ibra", "Karim", "Mura", "Nazar", "Orma", "Sadyk", "Tule")
ENDINGS = ("nov", "khanov", "bekov", "sov", "kov", "yev", "galiyev", "rov", "mov", "shev",
           "tov", "pov", "lin", "baev", "zhanov", "tayev", "diyev", "bayev", "manov", "sin",
           "kulov", "tin", "baliyev", "galiev", "ryshev", "daulet", "nbayev")
CITIES = ("Almaty", "Shymkent", "Astana", "Karaganda", "Aktobe", "Taraz", "Pavlodar", "Oral")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ROLES = ("journalist", "blogger", "trade unionist", "lawyer", "activist", "poet")
CHARGES = ("inciting social discord", "organising an illegal rally", "financing extremism",
           "spreading false information", "participating in mass riots")
TERMS = ("two years", "three years", "four years", "five years", "six years", "seven years")


def many_prisoners(count: int) -> list[Prisoner]:
    """`count` (up to 729) distinct fictional prisoners, the same every time."""
    return [
        Prisoner(f"{FIRST_NAMES[i % 16]} {ROOTS[i % 27]}{ENDINGS[(i // 27) % 27]}", CITIES[i % 8],
                 f"{1 + i % 28} {MONTHS[i % 12]} {2020 + (i // 12) % 4}", CHARGES[i % 5],
                 TERMS[i % 6], ROLES[i % 6])
        for i in range(count)
    ]


def report_html(*, columns: int = 1, footnotes: bool = True, table: bool = True,
                prisoners: Sequence[Prisoner] = PRISONERS) -> str:
    """The test report: an introduction, two paragraphs per prisoner, footnotes, a table."""
    parts = [f"<h1>{html.escape(RUNNING_HEADER)}</h1>", f"<p>{html.escape(CONTEXT)}</p>"]
    for number, prisoner in enumerate(prisoners, 1):
        parts.append(f"<h2>{html.escape(prisoner.name)}</h2>")
        arrest, sentence = case_paragraphs(prisoner)
        note = (f'<span class="fn">Interview number {number * 7} with a relative of '
                f"{html.escape(prisoner.name)}, held in {html.escape(prisoner.city)}.</span>"
                if footnotes else "")
        parts.append(f"<p>{html.escape(arrest)}{note}</p><p>{html.escape(sentence)}</p>")
    return page_html("".join(parts), columns=columns,
                     after=prisoner_table(prisoners) if table else "")


def prisoner_table(prisoners: Sequence[Prisoner]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(p.name)}</td><td>{html.escape(p.arrested)}</td>"
        f"<td>{html.escape(p.charge)}</td><td>{html.escape(p.sentence)}</td></tr>"
        for p in prisoners
    )
    return ('<table class="prisoners"><tr><th>Name</th><th>Arrested</th><th>Charge</th>'
            f"<th>Sentence</th></tr>{rows}</table>")


def render_text(text: str, *, columns: int = 1, title: str | None = None) -> bytes:
    """Plain text (one paragraph a line) as a PDF with running header, footer and page numbers."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines()
                         if line.strip())
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    return render_pdf(page_html(heading + paragraphs, columns=columns))


def page_html(body: str, *, columns: int, after: str = "") -> str:
    """A whole document: A4 pages, running header and footer, page numbers, the body
    in `columns`, then `after` across the page (a table, as reports set them)."""
    style = f"""
    @page {{ size: A4; margin: 25mm 20mm;
      @top-center {{ content: "{RUNNING_HEADER}"; font-size: 8.5pt }}
      @bottom-left {{ content: "{RUNNING_FOOTER}"; font-size: 8.5pt }}
      @bottom-right {{ content: counter(page); font-size: 8.5pt }} }}
    body {{ font-family: "DejaVu Serif"; font-size: 10.5pt; line-height: 1.35;
            hyphens: auto; text-align: justify }}
    h1 {{ font-size: 17pt }} h2 {{ font-size: 12.5pt }}
    .text {{ columns: {columns}; column-gap: 9mm }}
    .fn {{ float: footnote; font-size: 8pt }}
    table.prisoners {{ font-size: 9pt; border-collapse: collapse; width: 100%;
                       break-inside: avoid; margin-top: 8mm }}
    table.prisoners td, table.prisoners th {{ padding: 1.5mm 3mm; text-align: left }}
    """
    return (f'<html lang="en"><head><style>{style}</style></head>'
            f'<body><div class="text">{body}</div>{after}</body></html>')


def render_pdf(document: str) -> bytes:
    return weasyprint.HTML(string=document).write_pdf()


def scanned_page() -> bytes:
    """A page with a grey box and no text at all: a scan nobody has OCRed."""
    return render_pdf('<div style="height: 120mm; background: #777"></div>')
