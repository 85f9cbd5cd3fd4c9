"""Helpers for extraction tests: run the Extractor on a text written in the test."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from rightsdesk.extract import Extractor
from rightsdesk.extract.learned.decisions import Decisions
from rightsdesk.extract.russian import RussianNLP, RussianReader
from rightsdesk.model import CleanDoc, Event, Extraction, Source

PUBLISHED = date(2024, 3, 15)  # a Friday


def clean_doc(text: str, published: date | None = PUBLISHED) -> CleanDoc:
    raw = text.encode()
    source = Source("t", "t.txt", "text", raw, hashlib.sha256(raw).hexdigest(), published=published)
    return CleanDoc(source, text, published=published)


@pytest.fixture(scope="session")
def extractor(nlp) -> Extractor:
    """The reading rules alone: what they read is what the learned models weigh."""
    return Extractor(nlp, Decisions())


@pytest.fixture(scope="session")
def read(extractor: Extractor) -> Callable[..., Extraction]:
    def run(text: str, published: date | None = PUBLISHED) -> Extraction:
        return extractor.extract(clean_doc(text, published))

    return run


@pytest.fixture(scope="session")
def make_doc() -> Callable[..., CleanDoc]:
    return clean_doc


@pytest.fixture(scope="session")
def events(read) -> Callable[..., dict[tuple[str, str], Event]]:
    """(victim name, event type) -> event, for a text."""

    def run(text: str, published: date | None = PUBLISHED) -> dict[tuple[str, str], Event]:
        extraction = read(text, published)
        names = {p.key: p.name for p in extraction.persons}
        return {(names[e.person], e.type): e for e in extraction.events}

    return run


@pytest.fixture(scope="session")
def victims(read) -> Callable[[str], set[str]]:
    """Names of the victims read from a text."""
    return lambda text: {p.name for p in read(text).persons}


@pytest.fixture(scope="session")
def russian_nlp() -> RussianNLP:
    """The Russian models (natasha, pymorphy3), loaded once for the Russian tests."""
    return RussianNLP()


@pytest.fixture(scope="session")
def read_ru(russian_nlp: RussianNLP) -> Callable[..., Extraction]:
    """Read a Russian text written in the test."""
    reader = RussianReader(russian_nlp)

    def run(text: str, published: date | None = PUBLISHED) -> Extraction:
        doc = replace(clean_doc(text, published), language="ru")
        return reader.read(doc, extractor="test")

    return run
