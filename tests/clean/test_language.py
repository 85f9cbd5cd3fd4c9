"""Language identification: English and Russian are told apart from other languages."""

from __future__ import annotations

import hashlib

import pytest

from rightsdesk.clean import clean_source
from rightsdesk.clean.language import detect_language
from rightsdesk.model import Source


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police detained the blogger at his home on Monday and took him to the station.", "en"),
        ("Полиция задержала блогера у его дома в понедельник и доставила в отдел.", "ru"),
        ("Die Polizei hat den Blogger am Montag in seiner Wohnung festgenommen.", "de"),
        ("Полиция блогерді дүйсенбі күні үйінен ұстап, бөлімшеге апарды.", "kk"),
    ],
)
def test_detect_language_names_the_language_of_a_sentence(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_text_too_short_to_tell_is_read_as_english() -> None:
    assert detect_language("OK 12") == "en"


def test_clean_source_records_the_language_of_the_main_text() -> None:
    text = (
        "Суд в областном центре приговорил независимого журналиста к пяти годам колонии "
        "общего режима. Защита намерена обжаловать приговор в апелляционной инстанции, "
        "а правозащитники называют дело политическим и требуют пересмотра.\n"
    ) * 3
    raw = text.encode()
    source = Source("r", "r.txt", "text", raw, hashlib.sha256(raw).hexdigest())
    assert clean_source(source).language == "ru"
    assert clean_source(source, metadata=False).language == "en"  # text alone: not read
