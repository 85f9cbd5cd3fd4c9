"""The English of the brief: dates, terms, event phrases, asks.

Every phrase is a fixed template filled only with stored values, so the brief
says no more than the record does.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from rightsdesk.model import EventType, PartialDate

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

EVENT_PHRASES: dict[EventType, str] = {
    "arrest": "arrested",
    "charge": "charged",
    "trial": "court hearing",
    "sentence": "sentenced",
    "release": "released",
    "ill_treatment": "ill-treatment reported",
    "killing": "killed",
}
APPEAL_PHRASE = "appeal or review hearing"  # a court hearing after a sentence

EVENT_NOUNS: dict[EventType, str] = {
    "arrest": "arrest",
    "charge": "charge",
    "trial": "trial",
    "sentence": "sentence",
    "release": "release",
    "ill_treatment": "ill-treatment",
    "killing": "killing",
}

# The stage of a case, with its date where known ("{since}").
STAGE_PHRASES: dict[str, tuple[str, str]] = {
    "arrested": ("Arrested {since}", "Arrested"),
    "charged": ("Charged {since}", "Charged"),
    "on trial": ("On trial; last hearing {since}", "On trial"),
    "sentenced": ("Sentenced {since}", "Sentenced"),
    "on appeal": (
        "In appeal proceedings after sentence; last hearing {since}",
        "In appeal proceedings after sentence",
    ),
    "detained": (
        "Reported in detention or prison as of {since}",
        "Reported in detention or prison",
    ),
    "released": ("Released {since}", "Released"),
    "killed": ("Killed {since}", "Killed"),
}

NO_KEY_POINTS = (
    "No one is recorded as detained, recently sentenced, newly arrested or killed as of this date."
)

ASK_RELEASE = "Call for the immediate release of {name}."
ASK_APPEAL = "Call for a fair and public appeal hearing for {name}, open to observers."
ASK_DROP_CHARGES = "Call for the charges against {name} to be dropped."
ASK_INVESTIGATE = (
    "Call for a prompt, independent investigation of the allegations of torture "
    "or ill-treatment of {name}."
)
ASK_INVESTIGATE_KILLING = "Call for an independent investigation into the killing of {name}."


@lru_cache(maxsize=8192)
def format_date(value: PartialDate | date | None) -> str:
    """'2012-10-08' -> '8 October 2012'; '2012-10' -> 'October 2012'; None -> 'undated'."""
    if value is None:
        return "undated"
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def dated(value: PartialDate) -> str:
    """The date with its preposition: 'on 8 October 2012', 'in October 2012', 'in 2012'."""
    return ("on " if value.count("-") == 2 else "in ") + format_date(value)


def format_term(months: float) -> str:
    """90 -> '7 years and 6 months'; 0.5 -> '15 days'."""
    if months < 1:
        return _count(round(months * 30), "day")
    years, rest = divmod(round(months), 12)
    parts = [_count(years, "year")] if years else []
    if rest:
        parts.append(_count(rest, "month"))
    return " and ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def listing(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def quoted(items: list[str] | tuple[str, ...]) -> str:
    return listing([f"“{item}”" for item in items])


def left_out(count: int, min_confidence: float) -> str | None:
    """The header's line on facts left out for weak confidence, when a minimum was set."""
    if min_confidence <= 0:
        return None
    facts = "fact" if count == 1 else "facts"
    verb = "is" if count == 1 else "are"
    return (f"{count} machine-read {facts} weighed under confidence {min_confidence:.2f} "
            f"{verb} left out.")
