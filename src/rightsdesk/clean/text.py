"""Boilerplate filter for plain-text dumps: keep the article, drop the site around it.

A dump is a page flattened to one block per line. The article is the densest run
of long, sentence-like lines; menus, teaser lists and footers are runs of short,
title-like lines. Each line gets a score (prose earns its length, clutter costs),
the best-scoring run of lines is the article, and inside it the lines that rule
tables mark as clutter (share buttons, job ads, bylines) are dropped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Literal

from rightsdesk.clean.rules import classify_line

# --- Named thresholds (tuned on general signals, never on particular sites) ---
PROSE_MIN_UNITS = 10  # a sentence-like line this long is article prose
SHORT_LINE_PROSE_MIN_WORDS = 40  # prose in short lines: fewer words are a fragment or a menu
LONG_LINE_UNITS = 25  # this long is prose even without closing punctuation
MAX_LINE_CREDIT = 40.0  # one huge line (a legal footer) must not outweigh a run of paragraphs
CJK_CHARS_PER_UNIT = 2.0  # CJK scripts have no spaces: two characters count as a word
SHORT_PENALTY = 3.0  # a short line (menu item, headline) costs this many prose words
DROP_PENALTY = 6.0  # a clutter line (share, cookie, job ad) costs more than a short one
BARRIER_PENALTY = 40.0  # "Read next" / "Related": crossing it needs a paragraph's worth of prose
MIN_PUNCT_PER_UNIT = 1 / 40  # prose has a comma or stop every few dozen words; tag clouds none
TITLE_CASE_SHARE = 0.7  # lines where this share of words is Capitalised read as link text
LEAD_LINES = 2  # headline and standfirst, taken from just above the article
LEAD_WINDOW = 4  # how far above the article to look for them (dates, captions skipped)
LEAD_MIN_UNITS = 5  # shorter lines above the article are section names and dates
SIGNATORY_MIN_LINES = 3  # this many organisation names above a release are its signatories
SIGNATORY_GAP = 2  # lines (a date, a place) allowed between the signatories and the body
# Hard-wrapped dumps (mail, wire archives, cables) break every line near one width;
# their lines are fragments of paragraphs, which scored one by one look like clutter.
WRAP_MIN_LINES = 8  # too few lines say nothing about a wrap width
WRAP_WIDTHS = (40, 100)  # typical wrap widths in characters
WRAP_NEAR = 0.75  # a line this close to the width was broken by the wrap, not by its writer
WRAP_SHARE = 0.2  # this share of lines at the width (headers and lists are short) ...
WRAP_MIN_WRAPPED = 8  # ... and at least this many make a dump hard-wrapped

WORD = re.compile(r"\w+")
_CJK_CLASS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
CJK = re.compile(f"[{_CJK_CLASS}]")
LONG_IN_WORDS = re.compile(rf"(?:\W*+\w++){{{LONG_LINE_UNITS}}}")
LONG_IN_CJK = re.compile(
    rf"(?:[^{_CJK_CLASS}]*+[{_CJK_CLASS}]){{{math.ceil(LONG_LINE_UNITS * CJK_CHARS_PER_UNIT)}}}"
)
SENTENCE_END = re.compile(r"[.!?。！？:;\"'”’»)\]]$")
TRUNCATED = re.compile(r"(\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")  # teaser blurbs are cut short
PUNCT = re.compile(r"[.,;:!?。，、！？]")
# Head nouns of organisation names: a joint statement lists its signatories as short
# lines above its body, and those lines say who takes the position.
ORGANISATION_LINE = re.compile(
    r"^(?=.{3,120}$).*\b(International|Watch|Committee|Foundation|Coalition|Bureau|Partnership"
    r"|Organi[sz]ation|Council|Cent(re|er)|Association|Union|Federation|Network|Institute"
    r"|Helsinki|Defenders|Society|League|Alliance|Initiative|Movement|Commission|Forum"
    r"|Amnesty|Trust|Campaign|Front)\b"
)

LineClass = Literal["prose", "short", "drop", "barrier"]


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    kind: LineClass
    units: float


def clean_text(text: str) -> str:
    """The article of a text dump: headline, standfirst and body lines, in order."""
    lines = [_read_line(raw.strip()) for raw in unwrap(text).splitlines() if raw.strip()]
    if not lines:
        return ""
    start, end = _densest_run(lines)
    if start == end:
        return _short_line_prose(lines)
    if end < len(lines) and _continues_prose(lines[end]):
        end += 1
    body = _drop_clutter(lines[start:end])
    return "\n".join(line.text for line in _lead(lines, start) + body)


def _short_line_prose(lines: list[Line]) -> str:
    """A dump with no line of prose is prose broken into short lines at no steady
    width (a copy from a narrow column, a PDF's lines): its lines that are not clutter,
    joined back into paragraphs that end where a line ends a sentence. Too few words
    in paragraphs that end a sentence are no article (a menu, a list of links)."""
    paragraphs: list[str] = []
    open_paragraph = False
    for line in lines:
        if line.kind in ("drop", "barrier"):
            open_paragraph = False
            continue
        if open_paragraph:
            paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
        else:
            paragraphs.append(line.text)
        open_paragraph = not SENTENCE_END.search(line.text)
    sentences = [p for p in paragraphs if SENTENCE_END.search(p) and
                 _count(WORD, p) >= PROSE_MIN_UNITS]  # a menu ends no sentence
    words = sum(_count(WORD, paragraph) for paragraph in sentences)
    return "\n".join(paragraphs) if words >= SHORT_LINE_PROSE_MIN_WORDS else ""


# "Istanbul, 1 November 2024", "MINSK, March 3, 2021 - ...": a place and a full day
# heading a dump, which the line filter then drops as clutter.
STATED_DAY = re.compile(
    r"^(?:[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3},\s*)?"
    r"(?P<day>\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2})\s*(?:$|[-\u2013\u2014(|])")
TOP_LINES = 6  # a dump states its day, if at all, among its first lines


def stated_day(text: str) -> date | None:
    """The publication day a dump states at its top (used when no sidecar gives one)."""
    import dateparser  # here, not at the top: cleaning HTML never needs it (start-up)

    lines = (line.strip() for line in text[:4000].splitlines())
    for line in islice(filter(None, lines), TOP_LINES):
        match = STATED_DAY.match(line)
        if match is None:
            continue
        found = dateparser.parse(match.group("day"), languages=["en"], settings={
            "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
        if found is not None:
            return found.date()
    return None


def unwrap(text: str) -> str:
    """Paragraphs of a hard-wrapped dump joined back into lines; other dumps unchanged.

    A line as long as the wrap width continues on the next one; a shorter line, a
    blank line or the end of the text ends the paragraph.
    """
    lines = [line.rstrip() for line in text.splitlines()]
    width = _wrap_width([line for line in lines if line.strip()])
    if width is None:
        return text
    joined: list[str] = []
    carry = False
    for line in lines:
        if carry and line.strip():
            joined[-1] = f"{joined[-1]} {line.strip()}"
        else:
            joined.append(line)
        carry = len(line) >= WRAP_NEAR * width
    return "\n".join(joined)


def _wrap_width(lines: list[str]) -> int | None:
    """The width a dump's lines were wrapped at, if they were."""
    if len(lines) < WRAP_MIN_LINES:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(len(lengths) * 0.9) - 1]  # a few longer lines: URLs, unbroken words
    low, high = WRAP_WIDTHS
    if not low <= width <= high:
        return None
    near = sum(1 for n in lengths if WRAP_NEAR * width <= n <= width)
    wrapped = near >= WRAP_MIN_WRAPPED and near >= WRAP_SHARE * len(lengths)
    return width if wrapped else None


def drop_clutter_lines(text: str) -> str:
    """Remove short lines that the rule tables mark as clutter; keep everything else.

    For text that is already the article (an HTML extractor's output) but may
    still carry a share button, a byline or a lone menu word.
    """
    lines = (raw.strip() for raw in text.splitlines())
    kept = (line for line in lines if line and not is_clutter(line))
    return "\n".join(kept)


def is_clutter(line: str) -> bool:
    """Whether the rule tables mark this line as clutter (share, cookie, menu, byline...)."""
    return classify_line(line, long=_long(line)) is not None


def _long(text: str) -> bool:
    """_units(text) >= LONG_LINE_UNITS, counting no further than needed.

    n words need n word characters and n - 1 separators, n CJK units 2n characters,
    so shorter lines are not counted at all; the others by one match each (possessive
    repeats: a run of word characters is never split into two words).
    """
    if len(text) < 2 * LONG_LINE_UNITS - 1:
        return False
    return LONG_IN_WORDS.match(text) is not None or LONG_IN_CJK.match(text) is not None


def _read_line(text: str) -> Line:
    units = _units(text)
    kind = classify_line(text, long=units >= LONG_LINE_UNITS)
    return Line(text=text, kind=kind or _prose_or_short(text, units), units=units)


def _units(text: str) -> float:
    """Length in words; CJK characters count by CHARS_PER_UNIT since they have no spaces."""
    return max(_count(WORD, text), _count(CJK, text) / CJK_CHARS_PER_UNIT)


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Matches counted without a list of them: a 1 MB line would cost ~60 MB as a list."""
    return sum(1 for _ in pattern.finditer(text))


def _prose_or_short(text: str, units: float) -> LineClass:
    punct = _count(PUNCT, text)
    if TRUNCATED.search(text) or punct < max(1, units * MIN_PUNCT_PER_UNIT):
        return "short"
    if units >= LONG_LINE_UNITS:
        return "prose"
    if units >= PROSE_MIN_UNITS and SENTENCE_END.search(text) and not _title_case(text):
        return "prose"
    return "short"


def _continues_prose(line: Line) -> bool:
    """A line cut off mid-sentence (excerpts, truncated dumps) right after the article."""
    return (
        line.kind == "short"
        and line.units >= PROSE_MIN_UNITS
        and not TRUNCATED.search(line.text)
        and not _title_case(line.text)
    )


def _title_case(text: str) -> bool:
    """Headlines and link text Capitalise Most Words; prose capitalises few."""
    words = capitalised = 0
    for match in WORD.finditer(text):
        if not match.group().isdigit():
            words += 1
            capitalised += match.group()[0].isupper()
    return words >= 3 and capitalised / words >= TITLE_CASE_SHARE


def _score(line: Line) -> float:
    if line.kind == "prose":
        return min(line.units, MAX_LINE_CREDIT)
    if line.kind == "barrier":
        return -BARRIER_PENALTY
    if line.kind == "drop":
        return -DROP_PENALTY
    return -SHORT_PENALTY


def _densest_run(lines: list[Line]) -> tuple[int, int]:
    """[start, end) of the maximum-score run of lines (Kadane's algorithm)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += _score(line)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _drop_clutter(run: list[Line]) -> list[Line]:
    """Inside the article: drop clutter lines, and headline lists after a barrier."""
    kept: list[Line] = []
    in_list = False
    for line in run:
        if line.kind == "barrier":
            in_list = True
        elif line.kind == "prose":
            in_list = False
        if line.kind in ("prose", "short") and not in_list:
            kept.append(line)
    return kept


def _headline_like(line: Line) -> bool:
    letters = sum(ch.isalpha() for ch in line.text)
    return line.units >= LEAD_MIN_UNITS and letters > 2 * sum(ch.isdigit() for ch in line.text)


def _lead(lines: list[Line], start: int) -> list[Line]:
    """Headline and standfirst, with the signatory list of a joint statement if any."""
    block = _signatory_block(lines, start)
    if block is None:
        return _headlines(lines, start)
    return _headlines(lines, block) + [line for line in lines[block:start] if line.kind != "drop"]


def _signatory_block(lines: list[Line], start: int) -> int | None:
    """Start of a run of organisation-name lines just above the body, if long enough."""
    i = start
    while i > 0 and start - i < SIGNATORY_GAP and not _organisation(lines[i - 1]):
        i -= 1
    names = 0
    while i > 0 and _organisation(lines[i - 1]):
        i, names = i - 1, names + 1
        # one short name without a head noun ("Freedom Now") inside the list
        if i > 1 and lines[i - 1].kind == "short" and _organisation(lines[i - 2]):
            i -= 1
    return i if names >= SIGNATORY_MIN_LINES else None


def _organisation(line: Line) -> bool:
    return line.kind == "short" and ORGANISATION_LINE.match(line.text) is not None


def _headlines(lines: list[Line], start: int) -> list[Line]:
    """Headline and standfirst: headline-like lines right above the article."""
    lead: list[Line] = []
    for line in reversed(lines[max(0, start - LEAD_WINDOW) : start]):
        if line.kind in ("short", "prose") and _headline_like(line):
            lead.append(line)
        if len(lead) == LEAD_LINES:
            break
    return lead[::-1]
