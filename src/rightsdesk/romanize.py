"""Cyrillic names in Latin letters, as English-language media write them.

BGN/PCGN-like for Russian ("Козлов" -> "Kozlov", "Тулетаева" -> "Tuletayeva",
"Алексей" -> "Aleksey"), with the letters Kazakh, Kyrgyz, Ukrainian and
Belarusian add. Other romanisations (scholarly, passport, "Tuletaeva",
"Alexey") are not produced here: `rightsdesk.names.translit_key` folds them
all into one key, so any of them meets this one.
"""

from __future__ import annotations

import re

LETTERS: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Kazakh, Kyrgyz, Ukrainian, Belarusian letters
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w",
}
VOWELS = frozenset("аеёиоуыэюяәөұүіїє")
SOFTENERS = frozenset("ъь")


def is_cyrillic(text: str) -> bool:
    """Whether the text has any Cyrillic letter."""
    return any("\u0400" <= c <= "\u04ff" for c in text)


def romanize(text: str) -> str:
    """Latin letters for the Cyrillic ones; other characters are kept.

    "е" is "ye" at the start of a word and after a vowel or a soft or hard sign
    ("Евгений" -> "Yevgeniy", "Тулетаева" -> "Tuletayeva"), as BGN/PCGN writes it.
    """
    out: list[str] = []
    previous = ""
    for char in text:
        lower = char.lower()
        latin = LETTERS.get(lower)
        if latin is None:
            out.append(char)
        else:
            if lower == "е" and (not previous.isalpha() or previous in VOWELS
                                 or previous in SOFTENERS):
                latin = "ye"
            out.append(latin.capitalize() if char != lower else latin)
        previous = lower
    return "".join(out)


# How English-language news spells what BGN/PCGN writes otherwise: a final "-ий"/"-ый"
# is "-y" ("Навальный" -> "Navalny", "Беляцкий" -> "Belyatsky"), and "е" after a
# vowel inside a word is "e" ("Мусаев" -> "Musaev", "Исаев" -> "Isaev").
MEDIA_ENDING = re.compile(r"(?:ий|ый)(?=\W|$)", re.IGNORECASE)
MEDIA_INNER_YE = re.compile(r"(?<=[аеёиоуыэюя])е", re.IGNORECASE)


def english_spelling(name: str) -> str:
    """A Cyrillic name as English-language media usually spell it ("Navalny", not "Navalnyy")."""
    name = MEDIA_ENDING.sub(lambda m: "Y" if m.group().isupper() else "y", name)
    name = MEDIA_INNER_YE.sub(lambda m: "Э" if m.group().isupper() else "э", name)
    return romanize(name)
