"""Boilerplate filter for plain-text dumps: keep prose lines, drop site clutter."""

from __future__ import annotations

MIN_WORDS = 8  # shorter lines are mostly menus, teasers and buttons


def clean_text(text: str) -> str:
    """The article lines of a text dump, in order."""
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if len(line.split()) >= MIN_WORDS)
