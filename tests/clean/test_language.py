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


ENGLISH_REPORT = (
    "Police detained the blogger at his home on Monday and took him to the station, where "
    "he was questioned for six hours. His lawyer said that the charges were baseless and "
    "that the case had been opened after he wrote about the governor. The court is expected "
    "to rule on his detention by the end of the week, and rights groups have called for his "
    "release. The blogger was held in the same cell as two other activists from the region."
)


def test_plain_english_is_told_without_the_model() -> None:
    from rightsdesk.clean.language import plainly_english

    assert plainly_english(ENGLISH_REPORT)
    spanish = ("La policía detuvo al bloguero en su casa el lunes y lo llevó a la comisaría, "
               "donde fue interrogado durante seis horas. Su abogado dijo que los cargos eran "
               "infundados y que el caso se abrió después de que escribiera sobre el gobernador. "
               "Read more: the latest news and the top stories of the day.")
    assert not plainly_english(spanish)
    assert detect_language(spanish) == "es"
