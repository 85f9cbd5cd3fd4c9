"""One person across scripts and romanisations: Cyrillic, BGN/PCGN, scholarly, passport."""

from __future__ import annotations

import hashlib

import pytest

from rightsdesk.model import CleanDoc, Extraction, Person, PersonRef, Provenance, Source
from rightsdesk.names import parse_name
from rightsdesk.resolve import resolve_people
from rightsdesk.romanize import romanize


def _doc(n: int, *names: str) -> Extraction:
    raw = f"doc {n}".encode()
    source = Source(f"d{n}", f"d{n}.txt", "text", raw, hashlib.sha256(raw).hexdigest())
    extraction = Extraction(CleanDoc(source, f"doc {n}"), Provenance("t", source.content_hash))
    extraction.persons = [Person(f"p{i}", name) for i, name in enumerate(names)]
    return extraction


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Козлов", "Kozlov"), ("Тулетаева", "Tuletayeva"), ("Алексей", "Aleksey"),
     ("Евгений", "Yevgeniy"), ("Щербаков", "Shcherbakov"), ("Жанболат", "Zhanbolat"),
     ("Қасымов", "Qasymov")],
)
def test_romanize_writes_bgn_pcgn(cyrillic: str, latin: str) -> None:
    assert romanize(cyrillic) == latin


@pytest.mark.parametrize(
    "forms",
    [
        ("Владимир Козлов", "Vladimir Kozlov", "Kozlov Vladimir", "Козлов Владимир"),
        ("Роза Тулетаева", "Roza Tuletaeva", "Roza Tuletayeva"),
        ("Алексей Навальный", "Alexey Navalny", "Aleksei Navalnyi", "Aleksey Navalnyy"),
        ("Юлия Соколова", "Yulia Sokolova", "Yuliya Sokolova", "Iuliia Sokolova"),
    ],
)
def test_spellings_of_one_name_resolve_to_one_person(forms: tuple[str, ...]) -> None:
    extractions = [_doc(i, form) for i, form in enumerate(forms)]
    resolution = resolve_people(extractions)
    ids = {resolution.person_ids[PersonRef(e.doc.source.content_hash, "p0")]
           for e in extractions}
    assert len(ids) == 1


def test_person_written_in_both_scripts_is_named_in_latin() -> None:
    extractions = [_doc(0, "Владимир Козлов"), _doc(1, "Владимир Козлов"),
                   _doc(2, "Vladimir Kozlov")]
    resolution = resolve_people(extractions)
    assert list(resolution.names.values()) == ["Vladimir Kozlov"]
    assert list(resolution.names) == ["kozlov-vladimir"]


def test_surname_first_only_when_the_first_word_alone_has_a_surname_ending() -> None:
    assert parse_name("Kozlov Vladimir").surname == "kozlov"
    assert parse_name("Martin Smith").surname == "smith"
    assert parse_name("Lev Ponomarev").surname == "ponomarev"
