"""Extraction: clean text -> victims, events, statements and occasions, with evidence.

Public API: `load_model()`, `Extractor`, `EXTRACTOR_VERSION`. spaCy types stay
inside this package; what leaves it is `rightsdesk.model` dataclasses.
"""

from __future__ import annotations

from rightsdesk.extract.core import EXTRACTOR_VERSION, Extractor, load_model

__all__ = ["EXTRACTOR_VERSION", "Extractor", "load_model"]
