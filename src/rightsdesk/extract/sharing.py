"""What a report says once for several events: one verdict for co-defendants, a
group's charges, the court's seat, the dateline's city.

News names the court, the day and the charges once and then lists who got
what ("A court in Minsk on Friday sentenced four activists. A got ten years,
B nine ..."). Events read sentence by sentence leave those attributes empty.
This pass fills them from another sentence that states them for an event of
the same type, and never overwrites a value read from the event's own sentence.
Evidence stays the event's own sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from rightsdesk.extract.attributes import Attributes, place_rules
from rightsdesk.extract.country import country_only
from rightsdesk.extract.dates import find_dates
from rightsdesk.model import Event, EventType, Evidence

SHARED_ATTRIBUTES = ("date", "place", "charges")
COURT_EVENTS = frozenset({"trial", "sentence"})
# Co-defendants share a verdict's day, not a release's: one is freed on appeal, the
# others serve their term or are amnestied later.
OWN_DAY_EVENTS = frozenset({"release"})
# A sentence that opens a paragraph and points back at the last one's verdict.
BACK_REFERENCE = re.compile(
    r"\b(?:the\s+same\s+(?:day|court|hearing|trial)|on\s+the\s+same\s+day|the\s+court\s+also|"
    r"also\s+(?:sentenced|convicted|jailed|fined)|likewise|as\s+well)\b", re.I)
# A sentence that turns to another case: it shares no verdict with its neighbours.
SEPARATE_CASE = re.compile(
    r"^\W*(?:separately|in\s+(?:a\s+separate|another|an\s+unrelated)\s+case|elsewhere|"
    r"meanwhile|in\s+other\s+news)\b", re.I)
# The city a report was filed from: "MOSCOW -", "MINSK, March 3 (Reuters) -".
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,2})"
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?(?:,\s+[A-Za-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s+")
# A dateline that gives the day: "AUG. 19 2016 (The Bulletin) -", "Minsk, 3 March 2021 -",
# "Almaty, 12.03.2024. Civil activist ..." (a numeric day ended by a full stop).
DATED_LINE = re.compile(
    r"^(?P<day>[^-–—()]{6,40}?)"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[-–—]+|(?<=\d)\.)\s+")
CITY_PREFIX = re.compile(r"^(?:[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,2},\s*)?$")
DATELINE_DAYS = 7  # events this many days before publication happened where it was filed


@dataclass(slots=True)
class Report:
    """A merged event and the sentences (index, paragraph) its mentions came from."""

    event: Event
    positions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class GroupReport:
    """An event reported of persons the sentence does not name ("two activists were jailed")."""

    type: EventType
    sentence: int
    paragraph: int
    attributes: Attributes
    evidence: Evidence
    count: int | None = None  # "three activists": 3
    definite: bool = False  # "the human rights defenders", "the four women"
    also: tuple[EventType, ...] = ()


def share_verdicts(reports: list[Report], back_references: set[int]) -> None:
    """Co-defendants share one verdict: events of one type reported in one paragraph,
    in adjacent sentences, or in a paragraph that opens "on the same day, the court
    also ..." share the date, the place and the charges stated for any of them."""
    for cluster in clusters(reports, back_references):
        for report in cluster:
            for name in SHARED_ATTRIBUTES:
                if name == "date" and report.event.type in OWN_DAY_EVENTS:
                    continue
                if not getattr(report.event, name):
                    _fill_from_nearest(report, cluster, name)


def clusters(reports: list[Report], back_references: frozenset[int] | set[int] = frozenset()
             ) -> list[list[Report]]:
    """Events of one type told together (see `share_verdicts`), two or more each."""
    clusters: list[list[Report]] = []
    for report in reports:
        joined = [c for c in clusters if c[0].event.type == report.event.type
                  and any(_together(report, other, back_references) for other in c)]
        merged = [report] + [r for c in joined for r in c]
        clusters = [c for c in clusters if c not in joined] + [merged]
    return [c for c in clusters if len(c) > 1]


def _together(a: Report, b: Report, back_references: frozenset[int] | set[int]) -> bool:
    for sa, pa in a.positions:
        for sb, pb in b.positions:
            if pa == pb or abs(sa - sb) <= 1:
                return True
            later = max((sa, pa), (sb, pb))
            if abs(pa - pb) == 1 and later[0] in back_references:
                return True
    return False


def _fill_from_nearest(report: Report, cluster: list[Report], name: str) -> None:
    def distance(other: Report) -> int:
        return min(abs(s - t) for s, _ in report.positions for t, _ in other.positions)

    givers = [r for r in cluster if r is not report and getattr(r.event, name)]
    if givers:
        value = getattr(min(givers, key=distance).event, name)
        setattr(report.event, name, list(value) if isinstance(value, list) else value)


def lend(event: Event, attributes: Attributes) -> None:
    """Fill what the event's own sentence left empty from a report of the same event."""
    event.date = event.date or attributes.date
    event.place = event.place or attributes.place
    event.charges = event.charges or list(attributes.charges)
    if event.type == "sentence" and "release" not in event.also:  # not a suspended one
        event.sentence_months = event.sentence_months or attributes.months


def date_by_verdict(reports: list[Report], anchors: dict[int, int]) -> None:
    """"When the sentence was announced, ... More than 50 people were detained": a
    clause timed by the verdict dates the events told in its sentence and the rest of
    its paragraph. `anchors` maps a paragraph to the sentence index of that clause.
    Only when the document gives the verdict one date."""
    days = {r.event.date for r in reports if r.event.type == "sentence" and r.event.date}
    if len(days) != 1 or not anchors:
        return
    (day,) = days
    for report in reports:
        if report.event.date or report.event.type == "sentence":
            continue
        if any(p in anchors and s >= anchors[p] for s, p in report.positions):
            report.event.date = day


def story_date(reports: list[Report], unnamed: dict[str, set[str]] | None = None) -> None:
    """A report gives the day of its story's verdict or arrests once and tells the same
    event of others without it ("Police detained A at a rally on 2 May ... Police also
    detained B"): undated events of a kind the document dates on one day only happened
    that day. Releases keep their own: co-defendants go free on different days.
    Where no named event of a kind is dated, the days `unnamed` reports give it count
    ("A court on Saturday sentenced four journalists. ... The four are A, B, C and D")."""
    days: dict[str, set[str]] = {}
    for report in reports:
        if report.event.date and report.event.type not in OWN_DAY_EVENTS:
            days.setdefault(report.event.type, set()).add(report.event.date)
    for kind, told in (unnamed or {}).items():
        if kind not in OWN_DAY_EVENTS and kind not in days:
            days[kind] = set(told)
    for report in reports:
        known = days.get(report.event.type, set())
        if not report.event.date and len(known) == 1:
            report.event.date = next(iter(known))


def release_after_arrest(reports: list[Report], published: date | None) -> None:
    """"Police detained A at the rally on Monday. ... A was released": a release told
    without a day, of a person arrested in the days the report covers (a week before
    publication, or its month where the sidecar gives only the month), ends that
    detention within them; it is known to the arrest's precision at best."""
    if published is None:
        return
    arrests = {r.event.person: r.event.date for r in reports
               if r.event.type == "arrest" and r.event.date}
    for report in reports:
        day = arrests.get(report.event.person)
        if report.event.type == "release" and not report.event.date and day and (
                _recent(day, published)):
            report.event.date = day


def _recent(day: str, published: date) -> bool:
    """A date within the week before publication (within its month, if that is all
    the sidecar gives)."""
    told = published.isoformat()
    if len(day) == 7 or len(told) == 7:
        return day[:7] == told[:7]
    if len(day) != 10:
        return False
    return 0 <= (published - date.fromisoformat(day)).days <= DATELINE_DAYS


def court_seat(reports: list[Report], seats: list[str]) -> None:
    """A report about one court case names its city once ("Minsk district court");
    trials and sentences without a place of their own happened there. Only when the
    document names one seat: two cities may be two cases."""
    known = {r.event.place for r in reports if r.event.type in COURT_EVENTS and r.event.place}
    cities = {_seat_key(s): s for s in [*seats, *known]}
    if len(cities) != 1:
        return
    (seat,) = cities.values()
    for report in reports:
        if report.event.type in COURT_EVENTS and not report.event.place:
            report.event.place = seat


def _seat_key(place: str) -> str:
    words = re.sub(r"\b(?:city|region|regional|district|oblast)\b", " ", place.lower()).split()
    return " ".join(words)


def dateline_city(text: str) -> str | None:
    """The city a dateline names ("MOSCOW -" -> "Moscow"), from the first lines."""
    for line in text.splitlines()[:8]:
        match = DATELINE.match(line.strip())
        if match and match.group("city").lower() not in place_rules()["markers"]:  # "FILE -"
            words = match.group("city").title().split()
            return " ".join(words)
    return None


# A photo caption's credit line: "Melekhovo, Vladimir Oblast, Russia, 4 August 2023".
CREDIT_PLACES = re.compile(r"^(?:[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3},\s*){1,4}$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The day a dateline gives, and the text it takes up at the head of the paragraph;
    a caption's credit line also gives the place."""

    day: str
    text: str
    place: str | None = None
    past: frozenset[int] = frozenset()  # triggers (token indices) of the line it leaves undated


def dateline_date(paragraph: str, published: date | None) -> Dateline | None:
    """The day a dateline opening the paragraph gives, when it is a full date not after
    publication ("AUG. 19 2016 (The Bulletin) -", "MINSK, March 3, 2021 -")."""
    match = DATED_LINE.match(paragraph.lstrip())
    if match is None:
        return None
    text = match.group("day").strip()
    found = find_dates(text, published=published)
    if len(found) != 1 or found[0].end != len(text) or not CITY_PREFIX.match(
            text[: found[0].start]):
        return None  # the segment is the date, after the city at most
    day = found[0].value
    if len(day) != 10:
        return None
    latest = published.isoformat() if published else day
    return Dateline(day, match.group(0)) if day[: len(latest)] <= latest else None


def caption_credit(sentence: str, published: date | None) -> Dateline | None:
    """"..., shakes hands with X in the court room. Melekhovo, Vladimir Oblast, Russia,
    4 August 2023": a caption's credit line gives the place and day of what it shows."""
    text = sentence.strip().rstrip(".")
    found = find_dates(text, published=published)
    if len(found) != 1 or found[0].end != len(text) or len(found[0].value) != 10:
        return None
    places = text[: found[0].start]
    if not CREDIT_PLACES.match(places):
        return None
    first = places.split(",")[0].strip()
    place = None if country_only().fullmatch(first) else first
    return Dateline(found[0].value, text, place) if _not_after(found[0].value, published) else None


def _not_after(day: str, published: date | None) -> bool:
    latest = published.isoformat() if published else day
    return day[: len(latest)] <= latest


def story_place(reports: list[Report], named: list[str]) -> None:
    """A report whose events name one place tells a story of that place: its events
    told without a place happened there; where they name several, the place the first
    of them names, unless another is named more often. Where no event names one, the story
    happened where the text first places it (the headline's or the lede's town, most
    often)."""
    told = [report.event.place for report in reports if report.event.place]
    places = set(told)
    if len(places) == 1:
        place: str | None = next(iter(places))
    else:
        place = _first_and_most_named(named if not places else told)
    if place is None:
        return
    for report in reports:
        report.event.place = report.event.place or place


def _first_and_most_named(named: list[str]) -> str | None:
    """The place a text names first, unless another is named more often ("Shymkent" of
    a story that names Shymkent twice and Taraz once, and of a Shymkent-Taraz story:
    the headline's or the lede's town is the story's)."""
    if not named:
        return None
    counts = Counter(named)
    first = named[0]
    return first if all(counts[first] >= n for p, n in counts.items() if p != first) else None


def dateline_place(reports: list[Report], city: str | None, published: date | None) -> None:
    """Events of the days before publication, without a place, happened where the
    report was filed."""
    if city is None or published is None:
        return
    for report in reports:
        day = report.event.date
        if report.event.place or not day or len(day) != 10:
            continue
        if 0 <= (published - date.fromisoformat(day)).days <= DATELINE_DAYS:
            report.event.place = city


def story_charges(reports: list[Report], unnamed: list[list[str]]) -> None:
    """"Seven activists were convicted of treason ... The seven are A, B and C": a
    story of one verdict names its charges once; sentences told without charges took
    them, when the document's verdicts (named or not) give one set of charges only."""
    told = {tuple(r.event.charges) for r in reports
            if r.event.type == "sentence" and r.event.charges}
    told |= {tuple(charges) for charges in unnamed if charges}
    if len(told) != 1:
        return
    (charges,) = told
    for report in reports:
        if report.event.type == "sentence" and not report.event.charges:
            report.event.charges = list(charges)
