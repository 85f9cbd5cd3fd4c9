"""Victims: named persons targeted by state action, with their events."""

from __future__ import annotations

from datetime import date

from rightsdesk.extract.sentences import SentenceView
from rightsdesk.model import Event, Person


def find_victims(
    sents: list[SentenceView], *, published: date | None
) -> tuple[list[Person], list[Event]]:
    """Victims and one event per (victim, type)."""
    return [], []
