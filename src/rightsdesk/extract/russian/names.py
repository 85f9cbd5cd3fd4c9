"""A person's name in the nominative, from any case a sentence declines it in.

"Козлова", "Козлову" -> "Козлов"; "Розу Тулетаеву" -> "Роза Тулетаева". The
gender comes from the given name where there is one (the tagger alone often
reads a woman's surname as a man's in the accusative); each part is then put
into the nominative with pymorphy3's Name, Patr and Surn readings. A part
pymorphy3 does not know as a name part (foreign or indeclinable) is kept as
written.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

from rightsdesk.romanize import english_spelling

NAME_TAGS = ("Name", "Surn", "Patr")
# Surnames pymorphy3 does not know ("Калиева", "Досова"): the endings of the
# -ов/-ев/-ин type, by gender, oblique ending -> nominative ending (longest first).
SURNAME_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "masc": (("ового", "овый"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"),
             ("ова", "ов"), ("ову", "ов"), ("ове", "ов"), ("ева", "ев"), ("еву", "ев"),
             ("еве", "ев"), ("ина", "ин"), ("ину", "ин"), ("ине", "ин"),
             ("ского", "ский"), ("скому", "ский"), ("ским", "ский"),
             ("а", ""), ("у", "")),  # last: "Знака", "Знаку" of a man -> "Знак"
    "femn": (("овой", "ова"), ("ову", "ова"), ("евой", "ева"), ("еву", "ева"),
             ("иной", "ина"), ("ину", "ина"), ("ской", "ская"), ("скую", "ская")),
}
# Given names pymorphy3 does not know: (gender, case) -> oblique ending -> nominative one.
GIVEN_ENDINGS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("masc", "gent"): (("я", "й"), ("а", "")), ("masc", "accs"): (("я", "й"), ("а", "")),
    ("masc", "datv"): (("ю", "й"), ("у", "")), ("masc", "ablt"): (("ем", "й"), ("ом", "")),
    ("masc", "loct"): (("е", ""),),
    ("femn", "gent"): (("жи", "жа"), ("ди", "да"), ("ии", "ия"), ("и", "я"), ("ы", "а")),
    ("femn", "accs"): (("ю", "я"), ("у", "а")), ("femn", "datv"): (("е", "а"),),
    ("femn", "ablt"): (("ей", "я"), ("ой", "а")),
}
FEMININE_OBLIQUE = re.compile(r"(?:ов|ев|ин|ск)(?:ой|ую)$")  # "Исмайловой", "Беловую"
# "Андрееву" in the accusative is a woman's (a man's is "Андреева")
ACCUSATIVE_FEMININE = re.compile(r"(?:ов|ев|ёв|ин)у$")
NOMINATIVE_FEMININE = re.compile(r"(?:ова|ева|ёва|ина|ская|цкая)$")
CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
         "Loc": "loct"}


def nominative(morph: pymorphy3.MorphAnalyzer, words: list[str], case: str | None) -> str:
    """The nominative of a name written as `words` in the tagger's `case` ("Acc")."""
    return _nominative(morph, tuple(words), case)


@lru_cache(maxsize=1 << 14)
def _nominative(morph: pymorphy3.MorphAnalyzer, words: tuple[str, ...], case: str | None) -> str:
    """Cached: a document names its people again and again."""
    wanted = _given_case(morph, words, CASES.get(case or ""))
    if wanted == "nomn":
        return " ".join(words)  # already in the nominative ("Огулсапар Мурадова")
    gender = _gender(morph, words, wanted)
    last = len(words) - 1
    return " ".join(_part(morph, word, wanted, gender, given=i < last)
                    for i, word in enumerate(words))


def _given_case(morph: pymorphy3.MorphAnalyzer, words: tuple[str, ...],
                case: str | None) -> str | None:
    """The case the given name's own ending shows where the tagger's case is not one
    of its readings ("Катерину" read as a dative is an accusative)."""
    if len(words) < 2:
        return case
    given = [p.tag for p in morph.parse(words[0]) if "Name" in p.tag]
    cases = {str(t.case) for t in given if "Fixd" not in t and t.case}
    surname = [p.tag for p in morph.parse(words[-1])
               if ("Surn" in p.tag or "Patr" in p.tag) and "Fixd" not in p.tag and p.tag.case]
    if surname and all(t.case != "nomn" for t in surname):
        # "Валентина Стефановича": a surname that is no nominative declines the given
        # name with it, in its gender (Валентин's genitive, not the woman's Валентина)
        agreeing = {str(g.case) for g in given
                    if any(g.case == t.case and g.gender == t.gender for t in surname)}
        if agreeing:
            return case if case in agreeing else sorted(agreeing)[-1]
    if cases and case not in cases and len(cases) == 1:
        return cases.pop()
    return case


def _gender(morph: pymorphy3.MorphAnalyzer, words: list[str], case: str | None) -> str | None:
    """"masc" or "femn" from the first word that reads as a given name or patronymic,
    in the sentence's case where it can ("Ерлана" in the genitive is Ерлан's)."""
    for word in words[:-1] or words:
        parses = [p for p in morph.parse(word)
                  if ("Name" in p.tag or "Patr" in p.tag) and p.tag.gender
                  and "Fixd" not in p.tag]
        parses.sort(key=lambda p: case is not None and p.tag.case != case)
        if parses:
            return str(parses[0].tag.gender)
    surnames = [p for p in morph.parse(words[-1]) if "Surn" in p.tag and p.tag.case == case]
    if surnames and surnames[0].tag.gender:
        return str(surnames[0].tag.gender)
    last = words[-1].lower()
    if FEMININE_OBLIQUE.search(last) or (case == "accs" and ACCUSATIVE_FEMININE.search(last)):
        return "femn"
    return None


def gender(morph: pymorphy3.MorphAnalyzer, name: str) -> str | None:
    """"masc" or "femn" of a name in the nominative, for the pronouns that refer
    to it ("её задержали" is about the last woman named)."""
    words = name.split()
    found = _gender(morph, words, "nomn")
    if found is None and NOMINATIVE_FEMININE.search(words[-1].lower()):
        return "femn"
    return found


def _part(morph: pymorphy3.MorphAnalyzer, word: str, case: str | None,
          gender: str | None, *, given: bool = False) -> str:
    if not word[:1].isalpha() or not word[:1].isupper():
        return word
    if "Fixd" in morph.parse(word)[0].tag:  # indeclinable, or a guess that it is
        return _given_by_ending(word, case, gender) if given else word
    if "-" in word:
        return "-".join(_part(morph, piece, case, gender, given=given)
                        for piece in word.split("-"))
    parses = [p for p in morph.parse(word) if any(t in p.tag for t in NAME_TAGS)
              and p.tag.number != "plur"  # one person: "Сефилян" is no plural "Сефиляны"
              and (case is None or p.tag.case in (case, "gent" if case == "accs" else case))]
    ranked = sorted(parses, key=lambda p: gender is not None and p.tag.gender != gender)
    for parse in ranked:
        form = parse.inflect({"nomn"})
        if form is not None:
            return _cased(form.word, word)
    if given:
        return _given_by_ending(word, case, gender)
    return _by_ending(word, case, gender)


def _given_by_ending(word: str, case: str | None, gender: str | None) -> str:
    """A given name pymorphy3 does not know ("Сервера", "Хадиджи"), by its case ending."""
    for oblique, ending in GIVEN_ENDINGS.get((gender or "masc", case or ""), ()):
        if word.lower().endswith(oblique) and len(word) > len(oblique) + 2:
            return word[: len(word) - len(oblique)] + ending
    return word


def _by_ending(word: str, case: str | None, gender: str | None) -> str:
    """An unknown surname put into the nominative by its ending, when the sentence's
    case says it is declined ("Калиева" in the genitive of a man -> "Калиев")."""
    if case in (None, "nomn") or gender is None:
        return word
    for oblique, nominative_ending in SURNAME_ENDINGS.get(gender, ()):
        if word.lower().endswith(oblique):
            return word[: -len(oblique)] + nominative_ending
    return word


def _cased(form: str, written: str) -> str:
    """The nominative with the written word's capitals ("тулетаева" -> "Тулетаева") and
    its spelling of ё: the dictionary's "Ахтёмов" is written "Ахтемов"."""
    if "ё" not in written.lower():
        form = form.replace("ё", "е").replace("Ё", "Е")
    return written[:1] + form[1:] if written[1:2].isupper() is False else form.upper()


def shown_name(name: str, text: str) -> str:
    """The name a record gives a person: the Cyrillic nominative where the document
    prints the surname so, else its Latin spelling (GUIDELINES names people in Latin
    letters and matches the forms a document uses; a nominative rebuilt from
    "Алеся Беляцкого" is neither)."""
    surname = re.escape(name.split()[-1])
    if re.search(rf"(?<!\w){surname}(?!\w)", text):
        return name
    return english_spelling(name)
