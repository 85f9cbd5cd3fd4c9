"""Where it happened (a city or region) and which country a Russian document is about.

A place is a location the sentence puts something "в" or "во" ("в Алматы",
"во Владивостоке"), in the nominative; a country is not a place (GUIDELINES:
city or region) but tells which country the document reports on, by the
`places` table (lemmas of names and short forms: "Казахстан", "РК").
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pymorphy3

from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.russian.parse import Sentence

RULES = "rightsdesk.extract.russian.rules"
LOCATIVE = frozenset({"в", "во"})
# "суд Фрунзенского района Минска", "в городе Бахарден": the noun a city's name follows
PLACE_HOLDERS = frozenset({"суд", "райсуд", "горсуд", "облсуд", "район", "город", "посёлок",
                           "поселок", "село"})

CITY_COURTS = frozenset({"суд", "горсуд", "облсуд"})  # a city's adjective names its city
# courts whose one word names their city or region ("Мосгорсуд приговорил ...")
COMPOUND_COURTS = {"мосгорсуд": "Москва", "мособлсуд": "Московская область"}


@cache
def countries() -> dict[str, str]:
    """Lower-case country name -> ISO 3166-1 alpha-2."""
    return {term: rule.id for rule in load_table("places", RULES).rules for term in rule.terms}


def place_of(sentence: Sentence) -> str | None:
    """The first city or region the sentence says something happened in."""
    for mention in sentence.mentions:
        if mention.kind != "LOC" or mention.first == 0:
            continue
        if sentence.words[mention.first - 1].text.lower() not in LOCATIVE:
            continue
        if mention.normal.lower() not in countries():
            return _hyphenated(mention.text) if "-" in mention.text else mention.normal
    # "Тбилисский городской суд Грузии": the court's own city before the region after it
    return (_court_city(sentence) or _held_place(sentence)
            or _court_city(sentence, guess=True) or _agency_region(sentence))


def _agency_region(sentence: Sentence) -> str | None:
    """The region an agency serves ("УФСИН по Ямало-Ненецкому автономному округу",
    "МВД по Республике Дагестан"): its staff act there."""
    ends = {m.last for m in sentence.mentions if m.kind == "ORG"}
    words = sentence.words
    for mention in sentence.mentions:
        if mention.kind != "LOC" or mention.first < 2 or mention.normal.lower() in countries():
            continue
        before = mention.first - 2
        if words[before + 1].text.lower() == "по" and (
                before in ends or words[before].text == ")"):
            return mention.normal
    return None


def _held_place(sentence: Sentence) -> str | None:
    """A city or region named after a court or a district ("Мещанский суд Москвы",
    "суд оккупированного Крыма"), not a district itself ("суд Ленинского района")."""
    for mention in sentence.mentions:
        if mention.kind != "LOC" or mention.normal.lower() in countries():
            continue
        if any(w.lemma in ("район", "округ")
               for w in sentence.words[mention.first:mention.last + 1]):
            continue
        before = mention.first - 1
        while before >= 0 and _adjectival(sentence.words[before].text):
            before -= 1
        if before >= 0 and sentence.words[before].lemma in PLACE_HOLDERS:
            return _hyphenated(mention.text) if "-" in mention.text else mention.normal
    return None


def _adjectival(word: str) -> bool:
    """An adjective or participle ("суд оккупированного Крыма"), whatever the tagger said."""
    return any(p.tag.POS in ("ADJF", "PRTF") for p in _morph().parse(word)[:1])


def _court_city(sentence: Sentence, *, guess: bool = False) -> str | None:
    """"Минский областной суд", "Тбилисского городского суда", "Тбилисский горсуд": the
    city a court is named after, when the dictionary knows a place of that stem; with
    `guess`, the -ск town a city court's adjective makes where it knows none."""
    words = sentence.words
    for word in words:
        if word.lemma in COMPOUND_COURTS:
            return COMPOUND_COURTS[word.lemma]
        if (word.pos == "ADJ" and word.text[:1].isupper() and word.lemma.endswith("ский")
                and word.head >= 0 and words[word.head].lemma in CITY_COURTS
                and not any(words[c].lemma == "районный" for c in sentence.children(word.head))):
            # ("Ленинский районный суд" is named after a district, not a city)
            stem = word.lemma.removesuffix("ский")
            city = _city_of(stem) or (_town_of(stem) if guess and any(
                words[c].lemma == "городской" for c in sentence.children(word.head)) else None)
            if city:
                return city
    return None


def _town_of(stem: str) -> str | None:
    """A town the dictionary does not know, named by its city court ("Армянский
    городской суд" sits in Армянск): the usual -ск town whose adjective is -ский."""
    town = f"{stem}ск"
    return town.capitalize() if any("Geox" in p.tag for p in _morph().parse(town)) else None


@cache
def _city_of(stem: str) -> str | None:
    morph = _morph()
    candidates = (f"{stem}ск", stem, f"{stem}и", stem.removesuffix("с") + "и",
                  stem.removesuffix("ов") + "ва",
                  stem.removesuffix("ен") + "на")  # минский, актауский, тбилисский, московский,
    # коломенский
    for candidate in candidates:
        if any("Geox" in p.tag and p.is_known and p.normal_form == candidate
               for p in morph.parse(candidate)):
            return candidate.capitalize()
    return None


@cache
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def _hyphenated(text: str) -> str:
    """"Ростове-на-Дону" -> "Ростов-на-Дону": only the first part declines."""
    first, rest = text.split("-", 1)
    for ending in ("е", "а", "у"):
        if first.endswith(ending) and len(first) > 4:
            return f"{first[:-1]}-{rest}"
    return text


def common_place(sentences: list[Sentence]) -> str | None:
    """The city or region the document puts things in most often (first of equals)."""
    counts = Counter(p for s in sentences if (p := place_of(s)))
    return counts.most_common(1)[0][0] if counts else None


def country_of(sentences: list[Sentence]) -> str | None:
    """The country named most often (None when none is)."""
    table = countries()
    counts = Counter(
        table[m.normal.lower()] for s in sentences for m in s.mentions
        if m.kind == "LOC" and m.normal.lower() in table
    )
    return counts.most_common(1)[0][0] if counts else None
