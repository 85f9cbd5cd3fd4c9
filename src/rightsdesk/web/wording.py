"""How the desk writes dates, terms and stages: template filters."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

STAGE_LABELS = {
    "arrested": "Arrested",
    "charged": "Charged",
    "on trial": "On trial",
    "sentenced": "Sentenced",
    "on appeal": "On appeal",
    "detained": "Detained",
    "released": "Released",
    "killed": "Killed",
}
# Read once: `calendar.month_abbr` formats a date through the locale at every lookup.
MONTH_ABBR = tuple(calendar.month_abbr)


def partial_date(value: str | date | None) -> str:
    """ "2012-10-08" -> "8 Oct 2012", "2012-10" -> "Oct 2012", None -> "undated"."""
    if value is None or value == "":
        return "undated"
    if isinstance(value, date):
        value = value.isoformat()
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return parts[0]
        month = MONTH_ABBR[int(parts[1])]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
    except (ValueError, IndexError):
        return value


def term(months: float | None) -> str:
    """12 -> "1 year", 30 -> "2 years 6 months"."""
    if months is None:
        return ""
    years, rest = divmod(round(months), 12)
    words = []
    if years:
        words.append(f"{years} year{'s' if years != 1 else ''}")
    if rest:
        words.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(words) or "under a month"


def stage(value: str | None) -> str:
    return STAGE_LABELS.get(value or "", "Unknown")


def moment(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M UTC")


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def claim(value: Any, attribute: str) -> str:
    """What one source says of a disputed attribute, as words: charges quoted, a term in
    years and months, a date at its precision."""
    if attribute == "charges":
        return ", ".join(f"‘{charge}’" for charge in value) or "no charge"
    if attribute == "sentence_months":
        return term(value)
    return partial_date(value) if attribute == "date" else str(value)


def web_address(url: str | None) -> str | None:
    """Only http(s) addresses become links: a `javascript:` URL from a page stays text."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


FILTERS: dict[str, Callable[..., Any]] = {
    "partial_date": partial_date,
    "term": term,
    "stage": stage,
    "moment": moment,
    "percent": percent,
    "web_address": web_address,
    "claim": claim,
}
