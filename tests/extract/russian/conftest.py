"""Russian extraction tests: the natasha models load once per session; texts are written here."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date

import pytest

from rightsdesk.extract.russian import RussianNLP, RussianReader
from rightsdesk.model import CleanDoc, Extraction, Source

PUBLISHED = date(2024, 3, 15)  # a Friday


@pytest.fixture(scope="session")
def russian_nlp() -> RussianNLP:
    return RussianNLP()


@pytest.fixture(scope="session")
def read_ru(russian_nlp: RussianNLP) -> Callable[..., Extraction]:
    reader = RussianReader(russian_nlp)

    def run(text: str, published: date | None = PUBLISHED) -> Extraction:
        raw = text.encode()
        source = Source("t", "t.txt", "text", raw, hashlib.sha256(raw).hexdigest())
        doc = CleanDoc(source, text, published=published, language="ru")
        return reader.read(doc, extractor="test")

    return run
