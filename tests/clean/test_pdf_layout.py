"""Page layout rules on hand-placed text runs: one test per rule, no PDF needed."""

from __future__ import annotations

from rightsdesk.clean.layout import (
    Page,
    Segment,
    edge_rows,
    join_words,
    read_page,
    running_keys,
)
from rightsdesk.clean.pdf import join_pages
from rightsdesk.model import page_at

WIDTH = 600.0
HEIGHT = 840.0
BODY = 10.0


def run(text: str, left: float, top: float, right: float, size: float = BODY) -> Segment:
    return Segment(text, left, top, right, top + size, size)


def column(lines: list[str], *, left: float, right: float, top: float = 100.0,
           pitch: float = 14.0) -> list[Segment]:
    return [run(text, left, top + i * pitch, right) for i, text in enumerate(lines)]


def body(segments: list[Segment], running: set[str] | None = None) -> list[str]:
    return read_page(1, segments, width=WIDTH, height=HEIGHT, running=running or set()).body


def test_two_columns_are_read_left_column_first() -> None:
    left = column([f"left line {i} of the first column text" for i in range(6)],
                  left=50, right=290)
    right = column([f"right line {i} of the second column text" for i in range(6)],
                   left=310, right=550)
    text = " ".join(body(left + right))
    assert text.index("left line 5") < text.index("right line 0")


def test_a_full_width_title_above_columns_is_read_first() -> None:
    title = [run("A title across the whole page of the report", 50, 40, 550, 20)]
    left = column([f"left {i} and more words to fill the column" for i in range(5)],
                  left=50, right=290)
    right = column([f"right {i} and more words to fill the column" for i in range(5)],
                   left=310, right=550)
    paragraphs = body(title + right + left)
    assert paragraphs[0].startswith("A title") and paragraphs[1].startswith("left 0")


def test_one_wide_column_has_no_gutter() -> None:
    lines = column([f"line {i} runs across the whole width of the page" for i in range(8)],
                   left=50, right=550)
    assert body(lines) == [" ".join(s.text for s in lines)]


def test_a_word_hyphenated_at_a_line_end_is_joined() -> None:
    assert join_words("the investi\u2010", "gators said") == "the investigators said"
    assert join_words("the investi-", "gators said") == "the investigators said"


def test_a_hyphen_before_a_capital_is_part_of_the_word() -> None:
    assert join_words("the lawyer Abdul-", "Rahman Saidov") == "the lawyer Abdul-Rahman Saidov"


def test_a_line_without_a_hyphen_joins_with_a_space() -> None:
    assert join_words("the journalist", "was detained") == "the journalist was detained"


def test_a_wider_line_spacing_starts_a_paragraph() -> None:
    first = column(["The first paragraph goes on here and", "ends here."], left=50, right=550)
    second = column(["The second paragraph starts lower."], left=50, right=550, top=140)
    assert body(first + second) == ["The first paragraph goes on here and ends here.",
                                    "The second paragraph starts lower."]


def test_a_bare_page_number_at_the_foot_is_dropped() -> None:
    lines = column(["Police detained the journalist on 12 May."], left=50, right=550)
    assert body(lines + [run("17", 295, 800, 305)]) == [lines[0].text]


def test_running_lines_repeated_across_pages_are_dropped() -> None:
    texts = ["Police detained Aset Nurova.", "A court tried her.", "She was released."]
    pages = [
        [run("Annual Report 2024", 200, 30, 400, 8), run(text, 50, 100, 550),
         run(f"Page {n} of 3", 270, 800, 330, 8)]
        for n, text in enumerate(texts, 1)
    ]
    running = running_keys([edge_rows(page) for page in pages])
    assert [body(page, running) for page in pages] == [[text] for text in texts]


def test_a_small_line_in_the_top_margin_of_a_lone_page_is_a_header() -> None:
    lines = column(["Police detained the journalist Aset Nurova in Almaty on", "12 May."],
                   left=50, right=550)
    header = run("Northern Lights Rights Centre | Press release", 200, 30, 400, 7)
    assert body([header, *lines]) == [f"{lines[0].text} {lines[1].text}"]


def test_a_heading_repeated_at_different_heights_is_not_running() -> None:
    pages = [[run("Findings", 50, 100 + 50 * n, 150), run("Body.", 50, 300, 550)]
             for n in range(3)]
    running = running_keys([edge_rows(page) for page in pages])
    assert all("Findings" in body(page, running) for page in pages)


def test_footnotes_are_kept_apart_and_their_markers_leave_the_body() -> None:
    segments = column(["The court sentenced him to five years in", "prison for extremism."],
                      left=50, right=550)
    segments.append(run("3", 552, 114, 556, 6))  # the note marker, raised and small
    segments += [run("3. Verdict of the city court, 2 May 2023.", 50, 760, 300, 7)]
    page = read_page(1, segments, width=WIDTH, height=HEIGHT, running=set())
    assert page.body == ["The court sentenced him to five years in prison for extremism."]
    assert page.notes == ["3. Verdict of the city court, 2 May 2023."]


def test_a_small_table_at_the_foot_is_body_not_footnotes() -> None:
    segments = column(["Police detained the journalist."], left=50, right=550)
    segments += [run("Name", 50, 700, 120, 7), run("Sentence", 300, 700, 380, 7),
                 run("Aset Nurova", 50, 712, 120, 7), run("five years", 300, 712, 380, 7)]
    page = read_page(1, segments, width=WIDTH, height=HEIGHT, running=set())
    assert page.notes == [] and "Aset Nurova | five years" in page.body


def test_a_paragraph_running_over_a_page_break_is_joined_and_paged() -> None:
    pages = [Page(1, ["Police detained the jour\u2010"], ["1. A note."], continues=True),
             Page(2, ["nalist on 12 May.", "A new paragraph."])]
    text, spans = join_pages(pages)
    assert text.splitlines() == ["Police detained the journalist on 12 May.",
                                 "A new paragraph.", "1. A note."]
    assert page_at(spans, text.index("nalist")) == 2
    assert page_at(spans, text.index("Police")) == 1
    assert page_at(spans, text.index("A new")) == 2
    assert page_at(spans, text.index("1. A note")) == 1
