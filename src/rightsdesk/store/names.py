"""Name keys: how a name is stored for case- and accent-insensitive lookup."""

from __future__ import annotations

from unidecode import unidecode


def name_key(name: str) -> str:
    """ "Ales Bialiatski" and "Aleś BIALIATSKI" share a key; spacing does not matter."""
    return " ".join(unidecode(name).casefold().split())
