"""Page layout: text runs placed on PDF pages -> body paragraphs and footnotes, in reading order.

A PDF says where each run of text is drawn, not in which order it is read, and a
report's pages carry text that is not the report: running headers and footers,
page numbers, footnote markers. Everything here is geometry on `Segment`s (one run
on one line, in top-down page coordinates), so it is tested without any PDF:

- the edges of a page (its top and bottom rows) are dropped when they are page
  numbers or repeat across the document's pages (running headers and footers);
- footnotes are the rows in a smaller type below the last row of body type;
- a page with a gutter that no wide run crosses has two columns: each band
  between full-width rows is read left column first, then right;
- lines become paragraphs at a wider line spacing, a change of type size, or a short
  line ending a sentence; a word hyphenated at a line end is joined again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

# --- Named thresholds (points are the page's own units; sizes relative to body type) ---
EDGE_ROWS = 2  # rows at the top and at the bottom of a page that may be running lines
RUNNING_SHARE = 0.3  # a row repeated on this share of pages (and at least two) is running
MARGIN_SHARE = 0.07  # rows in small type this near the top or foot of a page are running
ROW_HEIGHT_STEP = 10.0  # running lines sit at the same height on every page, give or take
NOTE_SIZE = 0.9  # type this much smaller than the body's, below the body, is a footnote
MARKER_SIZE = 0.85  # a number this much smaller than its line's type is a note marker
COLUMN_MIN_WIDTH = 0.25  # a column line spans at least this share of the page width
COLUMN_MIN_LINES = 4  # lines needed on each side of a gutter to call a page two-column
GUTTER_ZONE = (0.3, 0.7)  # a gutter lies in this middle part of the page width
SAME_ROW = 0.5  # runs overlapping by this share of the smaller height are on one row
CELL_GAP = 2.0  # a horizontal gap of this many type sizes separates table cells
TABLE_CELLS = 3  # runs on one row across a gutter that make it a table row, not two columns
PARAGRAPH_PITCH = 1.3  # a line this many times its column's usual spacing down starts one
SHORT_LINE = 0.85  # a line ending a sentence short of this share of its column ends a paragraph
SIZE_CHANGE = 0.15  # type size changing by this share (a heading) starts a paragraph

SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\]]$")
LINE_HYPHEN = re.compile(r"[\w][-\u2010\u00ad]$")
PAGE_NUMBER = re.compile(
    r"^(page\s+)?(\d{1,4}|[ivxlc]{1,7})(\s*(/|of)\s*\d{1,4})?$|^[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]$",
    re.IGNORECASE,
)
NOTE_START = re.compile(r"^[\d*\u2020\u2021]{1,3}[.)]?\s")  # each footnote, its own paragraph
MARKER = re.compile(r"^[\d*\u2020\u2021]{1,3}$")
DIGITS = re.compile(r"\d+")
# PDFium writes a hyphen it takes for hyphenation at a line end as U+0002
LIGATURES = str.maketrans({"\x02": "-", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl",
                           "\ufb03": "ffi",
                           "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text on one line of a page; `top` < `bottom` (measured down the page)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    size: float  # type size


@dataclass(frozen=True, slots=True)
class Line:
    """One line of one column, its runs joined; `column` orders columns within a band."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    size: float
    column: tuple[int, int]  # (band, column): a new column is no new paragraph by itself
    cells: bool = False  # several runs far apart: a table row, a paragraph of its own


@dataclass(slots=True)
class Page:
    """What one page contributes: its body paragraphs and its footnotes."""

    number: int  # 1-based
    body: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    continues: bool = False  # the last body paragraph runs on (no sentence end)


def running_keys(edges: Sequence[Sequence[str]]) -> set[str]:
    """Edge rows repeated across pages at the same height (digits ignored, so "Page 3"
    matches "Page 4"; the height keeps a footnote that happens to repeat)."""
    counts = Counter(key for page in edges for key in set(page))
    needed = max(2, RUNNING_SHARE * len(edges))
    return {key for key, count in counts.items() if count >= needed}


def row_key(row: Sequence[Segment]) -> str:
    """A row's text, digits as "#", and its height on the page to the nearest ten points."""
    text = DIGITS.sub("#", " ".join(row_text(row).lower().split()))
    return f"{text}@{round(row[0].top / ROW_HEIGHT_STEP)}"


def edge_rows(segments: Sequence[Segment]) -> list[str]:
    """The keys of the top and bottom rows of a page: the candidates for running lines."""
    rows = group_rows(segments)
    edges = rows[:EDGE_ROWS] + rows[-EDGE_ROWS:] if len(rows) > EDGE_ROWS else rows
    return [row_key(row) for row in edges]


def read_page(number: int, segments: Sequence[Segment], *, width: float, height: float,
              running: set[str], gutter: float | None = None) -> Page:
    """One page's body paragraphs in reading order, and its footnotes apart.

    `gutter` is the document's usual one, for a page with too few lines to show its own.
    """
    kept = strip_edges(segments, running, height=height)
    body, notes = split_notes(kept)
    lines = reading_order(body, width, gutter)
    paragraphs = join_lines(lines)
    continues = bool(paragraphs) and not SENTENCE_END.search(paragraphs[-1])
    note_lines = join_lines(reading_order(notes, width), starts=NOTE_START)
    return Page(number, paragraphs, note_lines, continues)


def group_rows(segments: Sequence[Segment]) -> list[list[Segment]]:
    """Segments on one horizontal row, rows from the top of the page down."""
    rows: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: (s.top, s.left)):
        if rows and _same_row(rows[-1], segment):
            rows[-1].append(segment)
        else:
            rows.append([segment])
    return [sorted(row, key=lambda s: s.left) for row in rows]


def row_text(row: Sequence[Segment]) -> str:
    return " ".join(segment.text for segment in row)


def strip_edges(segments: Sequence[Segment], running: set[str], *,
                height: float) -> list[Segment]:
    """Drop top and bottom rows that are page numbers or running headers and footers:
    repeated across pages, or (a one-page document) set small in the page's margin."""
    rows = group_rows(segments)
    size = body_size(segments) or 0.0
    top, bottom = MARGIN_SHARE * height, (1 - MARGIN_SHARE) * height

    def margin_line(row: list[Segment]) -> bool:
        small = max(s.size for s in row) < NOTE_SIZE * size
        return small and (row[-1].bottom <= top or row[0].top >= bottom)

    for _ in range(EDGE_ROWS):
        if rows and (_is_running(rows[0], running) or margin_line(rows[0])):
            rows.pop(0)
        if rows and (_is_running(rows[-1], running) or margin_line(rows[-1])):
            rows.pop()
    return [segment for row in rows for segment in row]


def split_notes(segments: Sequence[Segment]) -> tuple[list[Segment], list[Segment]]:
    """Body and footnotes: notes are the rows set smaller than the body, below its last
    line, from the first that starts with a note number (a small table is body)."""
    size = body_size(segments)
    if size is None:
        return list(segments), []
    body_bottom = max(s.bottom for s in segments if s.size >= size * NOTE_SIZE)
    below = [s for s in segments
             if s.top >= body_bottom - 1 and 0 < s.size < size * NOTE_SIZE]
    rows = group_rows(below)
    first = next((i for i, row in enumerate(rows) if NOTE_START.match(row_text(row) + " ")),
                 len(rows))
    noted = {id(segment) for row in rows[first:] for segment in row}
    return [s for s in segments if id(s) not in noted], [s for s in below if id(s) in noted]


def body_size(segments: Sequence[Segment]) -> float | None:
    """The type size most of the page's characters are set in."""
    weights: Counter[float] = Counter()
    for segment in segments:
        if segment.size > 0:  # 0.0: PDFium gave no size
            weights[round(segment.size, 1)] += len(segment.text)
    return weights.most_common(1)[0][0] if weights else None


def reading_order(segments: Sequence[Segment], width: float,
                  usual: float | None = None) -> list[Line]:
    """Lines in reading order: bands of full-width rows and of columns, top down."""
    gutter = find_gutter(segments, width)
    if gutter is None and usual is not None and _splits(segments, usual):
        gutter = usual
    bands: list[list[list[Segment]]] = []  # each band: its columns, each a list of runs
    for row in group_rows(segments):
        table = gutter is not None and _is_table_row(row, gutter)
        for segment in row:
            spans = gutter is None or table or segment.left < gutter < segment.right
            columns = 1 if spans else 2
            if not bands or len(bands[-1]) != columns:
                bands.append([[] for _ in range(columns)])
            column = 0 if spans or gutter is None or segment.right <= gutter else 1
            bands[-1][column].append(segment)
    return [
        line
        for band_index, band in enumerate(bands)
        for column_index, column in enumerate(band)
        for line in _lines(column, (band_index, column_index))
    ]


def find_gutter(segments: Sequence[Segment], width: float) -> float | None:
    """An x in the middle of the page that no column line crosses, with lines either side."""
    wide = [s for s in segments if s.right - s.left >= COLUMN_MIN_WIDTH * width]
    low, high = GUTTER_ZONE[0] * width, GUTTER_ZONE[1] * width
    best: tuple[int, int, float] | None = None
    for x in sorted({s.right + 1 for s in wide if low <= s.right + 1 <= high}):
        left = sum(s.right <= x for s in wide)
        right = sum(s.left >= x for s in wide)
        crossing = len(wide) - left - right
        if min(left, right) < COLUMN_MIN_LINES or crossing * 2 >= min(left, right):
            continue
        score = (-crossing, min(left, right), x)
        best = max(best, score) if best else score
    return best[2] if best else None


def usual_gutter(gutters: Sequence[float | None]) -> float | None:
    """The gutter most pages of a document share (to the point), if any page has one."""
    found = Counter(round(gutter) for gutter in gutters if gutter is not None)
    return float(found.most_common(1)[0][0]) if found else None


def _is_table_row(row: Sequence[Segment], gutter: float) -> bool:
    """A row of table cells across the gutter: two column lines side by side are two runs."""
    cells = [s for s in row if not MARKER.match(s.text)]
    return len(cells) >= TABLE_CELLS and _splits(cells, gutter)


def _splits(segments: Sequence[Segment], gutter: float) -> bool:
    """Whether some runs lie wholly left of `gutter` and some wholly right of it."""
    return (any(s.right <= gutter for s in segments)
            and any(s.left >= gutter for s in segments))


def join_lines(lines: Sequence[Line], *, starts: re.Pattern[str] | None = None) -> list[str]:
    """Paragraphs from lines: broken where `_breaks` says (and before a line `starts`
    matches: a footnote's number), hyphenated words rejoined."""
    paragraphs: list[str] = []
    current = ""
    columns = _columns(lines)
    for previous, line in zip([None, *lines], lines, strict=False):
        starting = starts is not None and bool(starts.match(line.text))
        if previous is None or starting or _breaks(previous, line, columns[line.column]):
            if current:
                paragraphs.append(current)
            current = line.text
        else:
            current = join_words(current, line.text)
    if current:
        paragraphs.append(current)
    return paragraphs


def join_words(before: str, after: str) -> str:
    """Two lines of a paragraph as one. A line-end hyphen before a lowercase word is
    hyphenation and goes ("investi-gators"; "pre-trial" becomes "pretrial", the smaller
    loss); before a capital or a digit it is part of the word ("Abdul-Rahman")."""
    if not LINE_HYPHEN.search(before):
        return f"{before} {after}"
    if after[:1].islower():
        return before[:-1] + after
    return before[:-1] + "-" + after


def clean_run(text: str) -> str:
    """A run's text with ligatures spelled out and whitespace collapsed."""
    return " ".join(text.translate(LIGATURES).split())


def _same_row(row: Sequence[Segment], segment: Segment) -> bool:
    last = row[-1]
    overlap = min(last.bottom, segment.bottom) - max(last.top, segment.top)
    smaller = min(last.bottom - last.top, segment.bottom - segment.top)
    return smaller > 0 and overlap >= SAME_ROW * smaller


def _is_running(row: Sequence[Segment], running: set[str]) -> bool:
    return bool(PAGE_NUMBER.match(row_text(row).strip())) or row_key(row) in running


def _lines(segments: Sequence[Segment], column: tuple[int, int]) -> list[Line]:
    """The rows of one column as lines, note markers dropped, table cells marked."""
    lines = []
    for row in group_rows(segments):
        size = max(s.size for s in row)
        runs = [s for s in row if not (MARKER.match(s.text) and s.size < size * MARKER_SIZE)]
        if not runs:
            continue
        cells = any(b.left - a.right > CELL_GAP * size for a, b in pairwise(runs))
        text = (" | " if cells else " ").join(s.text for s in runs)
        lines.append(Line(text, runs[0].left, min(s.top for s in runs), runs[-1].right,
                          max(s.bottom for s in runs), size, column, cells))
    return lines


@dataclass(frozen=True, slots=True)
class _Column:
    """A column's edges, its usual type size and distance from one line's top to the next's."""

    left: float
    right: float
    pitch: float | None
    size: float


def _columns(lines: Sequence[Line]) -> dict[tuple[int, int], _Column]:
    """Each column's shape, which gaps and short lines are measured against."""
    by_column: dict[tuple[int, int], list[Line]] = {}
    for line in lines:
        by_column.setdefault(line.column, []).append(line)
    shapes = {}
    for key, members in by_column.items():
        pitches = sorted(b.top - a.top for a, b in pairwise(members) if b.top > a.top)
        sizes = sorted(line.size for line in members)
        shapes[key] = _Column(min(line.left for line in members),
                              max(line.right for line in members),
                              pitches[(len(pitches) - 1) // 2] if pitches else None,
                              sizes[len(sizes) // 2])
    return shapes


def _breaks(previous: Line, line: Line, column: _Column) -> bool:
    """Whether `line` starts a new paragraph after `previous`."""
    if previous.cells or line.cells:
        return True
    sized = line.size > 0 and previous.size > 0  # 0.0: PDFium gave no size
    if sized and abs(line.size - previous.size) > SIZE_CHANGE * previous.size:
        return True
    if line.column != previous.column:
        return False  # the paragraph runs on into the next column
    if column.pitch:  # a heading's lines are further apart, in proportion to its type
        scale = max(1.0, previous.size / column.size) if column.size else 1.0
        if line.top - previous.top > PARAGRAPH_PITCH * column.pitch * scale:
            return True
    left, right = column.left, column.right
    short = previous.right < left + SHORT_LINE * (right - left)
    return short and bool(SENTENCE_END.search(previous.text))
