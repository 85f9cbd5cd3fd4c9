"""Prison terms and charges as Russian reports word them.

Terms: a count and a unit ("к семи с половиной годам", "7,5 года колонии",
"к 3 годам и 6 месяцам", "два года условно") in months; the numerals and units
are the `numbers` table, read by lemma so every case of a numeral counts.
Charges: code articles ("ч. 2 ст. 280 УК РФ", "статьи 174 Уголовного кодекса")
and the accusation as worded ("по обвинению в разжигании розни").
"""

from __future__ import annotations

import re
from functools import cache

import pymorphy3

from rightsdesk.extract.lexicon import load_table
from rightsdesk.extract.russian.parse import Sentence, Word

RULES = "rightsdesk.extract.russian.rules"
MAX_COUNT = 99  # a larger number before "лет" is an age or a year, not a term
YEAR_MIN = 1900
TENS = 10  # "двадцать" and the like combine with a unit numeral after them

ARTICLE = re.compile(
    r"(?:(?:ч\.|част[ьиею]+)\s*\d+(?:\s*(?:и|,)\s*\d+)*\s*)?"
    r"(?:п\.\s*«?[а-я0-9]+»?\s*)?"
    r"(?:ст\.|стать[яиейю]+)\s*\d+(?:[.-]\d+)?"
    r"(?:\s+(?:УК|КоАП|Уголовного\s+кодекса|Кодекса\s+об\s+административных"
    r"\s+правонарушениях)(?:\s+(?:РФ|РК|РБ|КР|РУз|РТ|Республики\s+\w+|России|Казахстана"
    r"|Беларуси|Кыргызстана|Узбекистана|Таджикистана))?)?",
    re.I,
)
ACCUSATION = re.compile(
    r"\b(?:по\s+|с\s+)?(?:обвинени(?:ем|[юяе])|подозрени(?:ем|[юяе])|обвиняемого|обвиняемой|"
    r"обвиняемую|обвиняется|обвиняются|обвинялись|обвинялась|обвинялся|обвиняют|обвиняет|"
    r"обвиняли|обвиняла|обвинял|обвинили|обвинила|обвинило|обвинил|обвинены|обвинена?|"
    r"виновн(?:ым|ой|ыми|ого|ая|ый))"
    r"(?:\s+[^\s,.;]+){0,6}?\s+в\s+\"?(?P<charge>[^,.;:()\"]{4,120}?)"
    r"(?=\s*(?:[,.;:()\"]|$|\s+и\s+приговор|\s+к\s+\d|\s+к\s+[а-я]+\s+(?:год|лет)|"
    r"\s+по\s+(?:ч\.|ст\.|стать|част)))",
    re.I,
)
# "по делу о «фейках»", "по статье о «возбуждении ненависти»"
CASE_ABOUT = re.compile(r"\b(?:дел[оау]?|стать[еяи])\s+об?\s+(?P<charge>[^,.;:()\"]{4,100}?)"
                        r"(?=\s*[,.;:()]|$)", re.I)
# "по «митинговой» статье": an article known by its quoted nickname
ARTICLE_NAMED = re.compile(r"\bпо\s+«(?P<charge>[^«»]{3,40}»\s+стать(?:е|ям|и))", re.I)
# "по делу «Хизб ут-Тахрир»": a case known by its quoted name
CASE_NAMED = re.compile(r"\bпо\s+(?P<charge>делу\s+«[^«»]{3,60}»)", re.I)
QUOTES = str.maketrans("", "", "«»“”„")
QUOTE_MARKS = str.maketrans("«»“”„", "     ")  # the same length: offsets stay
# "ч. 1 ст. 212.1 УК РФ (неоднократное нарушение ...)": the article's wording after it
ARTICLE_WORDED = re.compile(ARTICLE.pattern + r"\s*\((?P<charge>[а-яё][^()]{3,150})\)", re.I)
# "ему вменяют организацию сообщества": what is imputed, in the accusative
IMPUTED = re.compile(r"\b(?:вменя\w*|инкриминиру\w*|инкриминирова\w*)\s+(?:(?:ему|ей|им)\s+)?"
                     r"(?P<charge>[а-яё][^,.;:()\"]{3,120}?)(?=\s*(?:[,.;:()\"]|$))", re.I)
DASHES = frozenset({"—", "–", "-"})
# parts of speech that end a charge: a finite verb, short participle, infinitive, gerund
CLAUSE_VERBS = frozenset({"VERB", "PRTS", "INFN", "GRND"})


# "осуждён за клевету", "арестована за распространение": what the punishment is for
FOR_DEED = re.compile(r"\bза\s+(?P<charge>[^,.;:()«»\"]{4,120}?)(?=\s*(?:[,.;:()—–-]|$|"
                      r"\s+и\s+(?:приговор|осужд|назнач)|\s+к\s+\d|\s+на\s+\d))", re.I)
NOT_DEEDS = frozenset({"решётка", "решетка", "граница", "рубеж", "год", "время", "день",
                       "месяц", "неделя", "счёт", "счет", "что", "это", "который", "свой"})
PREPOSITIONS = frozenset({"в", "во", "на", "о", "об", "к", "с", "со", "по", "против", "для",
                          "от", "из", "при", "под", "над", "за", "через", "с целью"})


def _deed(morph: pymorphy3.MorphAnalyzer, phrase: str) -> bool:
    """"за клевету", "за неоднократное участие": an inanimate noun in the accusative
    (after its adjectives), not a time or a place."""
    for word in phrase.lower().split()[:3]:
        parses = morph.parse(word)
        for parse in parses:
            if {"NOUN", "accs"} <= parse.tag.grammemes and "anim" not in parse.tag:
                return parse.normal_form not in NOT_DEEDS
        if not any({"ADJF", "accs"} <= p.tag.grammemes for p in parses):
            return False
    return False


def _before_verb(morph: pymorphy3.MorphAnalyzer, phrase: str) -> str:
    """A charge is a noun phrase: it ends before the verb of the clause it stands in
    ("в шпионаже предъявлено X" -> "в шпионаже"; "обвиняют в X, признанном ..." keeps
    the full participle)."""
    words = phrase.split()
    for at, word in enumerate(words[1:], start=1):
        if morph.parse(word.lower())[0].tag.POS in CLAUSE_VERBS:
            return " ".join(words[:at])
    return phrase


def _nominative(morph: pymorphy3.MorphAnalyzer, phrase: str) -> str:
    """Each coordinated head (and the adjectives before it) in the nominative:
    "распространение ложной информации и оскорбление" keeps its genitives; "участии
    в террористической организации" -> "участие в ...": after a preposition words
    keep their case."""
    words = phrase.split()
    case = _case_of(morph, words[:3])
    if case in (None, "nomn"):
        return phrase
    out, converting = [], True
    for word in words:
        bare = word.lower().strip(",")
        if bare in ("и", "или") or word.endswith(","):
            out.append(_inflected(morph, word, case) if converting and word.endswith(",")
                       else word)
            converting = True
            continue
        if bare in PREPOSITIONS or not converting:
            converting = False
            out.append(word)
            continue
        pos = _pos_in_case(morph, word, case)
        out.append(_inflected(morph, word, case) if pos else word)
        converting = pos in ("ADJF", "PRTF")  # the noun ends the head
    return " ".join(out)


def _pos_in_case(morph: pymorphy3.MorphAnalyzer, word: str, case: str) -> str | None:
    """The part of speech of a reading of the word in `case` (None: it has none)."""
    for parse in morph.parse(word.lower()):
        if parse.tag.case == case and parse.tag.POS in ("NOUN", "ADJF", "PRTF"):
            return str(parse.tag.POS)
    return None


def _case_of(morph: pymorphy3.MorphAnalyzer, words: list[str]) -> str | None:
    """The case of the phrase's first word, one its noun shares when adjectives lead
    ("экономических преступлениях": the locative, not the genitive)."""
    cases = [p.tag.case for p in morph.parse(words[0].lower())
             if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case]
    if not cases:
        return None
    for word in words[1:]:
        nouns = [p.tag.case for p in morph.parse(word.lower()) if p.tag.POS == "NOUN"]
        if shared := [c for c in nouns if c in cases]:
            return str(shared[0])
        if nouns:
            break
    return str(cases[0])


def _inflected(morph: pymorphy3.MorphAnalyzer, word: str, case: str) -> str:
    for parse in morph.parse(word.lower()):
        if parse.tag.case == case and parse.tag.POS in ("NOUN", "ADJF", "PRTF"):
            form = parse.inflect({"nomn"})
            if form is not None:
                return form.word
    return word


@cache
def _numbers() -> tuple[dict[str, float], dict[str, float]]:
    table = load_table("numbers", RULES)
    rules = {rule.id: dict(zip(rule.terms, rule.get("values"), strict=True))
             for rule in table.rules}
    return rules["numerals"], rules["units"]


def sentence_months(sentence: Sentence, after: int | None = None) -> float | None:
    """The first prison term the sentence gives, in months (None when it gives none).
    Given the word after which a person is named, the first term told after the
    name, else the last before it: "X приговорили к 10 годам, Y назначили 12 лет, а
    Z — 14" gives each their own (Z's bare number takes the unit of the term before);
    where the sentence tells a term before its first name, the last term before."""
    terms = _terms(sentence)
    if after is None or len({months for _, months in terms}) <= 1:
        return terms[0][1] if terms else None
    names = [m.first for m in sentence.mentions if m.kind == "PER"]
    if names and terms[0][0] < names[0]:  # "к 5 годам приговорён X, к 7 годам — Y"
        earlier = [months for at, months in terms if at < after]
        return earlier[-1] if earlier else terms[0][1]
    later = [months for at, months in terms if at > after]
    return later[0] if later else terms[-1][1]


def _terms(sentence: Sentence) -> list[tuple[int, float]]:
    """Each term the sentence gives, by the word it ends at, in months."""
    numerals, units = _numbers()
    words = sentence.words
    found: list[tuple[int, float]] = []
    skip = -1  # the unit of "и 6 месяцам" was read with the years before it
    for i, word in enumerate(words):
        months_per = units.get(word.lemma)
        if months_per and 0 < i != skip and (
                count := _count_before(words, i, numerals)) is not None:
            extra = _extra(words, i, numerals, units)
            found.append((i + 3 if extra else i, count * months_per + extra))
            skip = i + 3 if extra else skip
        elif found and i > 1 and words[i - 1].text in DASHES and word.pos == "NUM" and (
                i + 1 == len(words) or words[i + 1].pos == "PUNCT") and (
                count := _number(word, numerals)) is not None:
            found.append((i, count * _unit_of(words, found[-1][0], units)))
    return found


def _unit_of(words: list[Word], at: int, units: dict[str, float]) -> float:
    return units.get(words[at].lemma, 0.0)


def _count_before(words: list[Word], i: int, numerals: dict[str, float]) -> float | None:
    """The count in front of unit word `i`: "7,5", "семи", "семи с половиной"."""
    half = 0.0
    j = i - 1
    if words[j].text.lower() in ("на", "к") and words[i].feats.get("Number") == "Sing":
        return 1.0  # "к году колонии", "на год и три месяца"
    if words[j].lemma == "половина" and j >= 2 and words[j - 1].lemma == "с":
        half, j = 0.5, j - 2
    value = _number(words[j], numerals)
    if value is not None and value < TENS and j >= 1:  # "двадцати одному году"
        tens = numerals.get(words[j - 1].lemma)
        if tens is not None and tens >= TENS and tens % TENS == 0:
            value, j = tens + value, j - 1
    if value is None or value > MAX_COUNT or value <= 0:
        return None
    if j >= 1 and words[j - 1].text.lower() in ("в", "во") and not (
            j >= 2 and words[j - 2].lemma == "срок"):
        return None  # "в два года": an age; "сроком в пять лет" is a term
    return value + half


def _number(word: Word, numerals: dict[str, float]) -> float | None:
    text = word.text.replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        value = float(text)
        return None if value >= YEAR_MIN else value
    return numerals.get(word.lemma)


def _extra(words: list[Word], i: int, numerals: dict[str, float],
           units: dict[str, float]) -> float:
    """"и 6 месяцам" after "3 годам": the months added to the years."""
    if i + 3 < len(words) and words[i + 1].lemma == "и":
        value = _number(words[i + 2], numerals)
        per = units.get(words[i + 3].lemma)
        if value is not None and per:
            return value * per
    return 0.0


def charges(text: str, morph: pymorphy3.MorphAnalyzer | None = None) -> list[str]:
    """Charges as worded, in reading order: code articles, and accusations with their
    head put into the nominative when `morph` is given ("в клевете" -> "клевета")."""
    found = [(m.start(), " ".join(m.group(0).split())) for m in ARTICLE.finditer(text)]
    found += [(m.start("charge"), " ".join(m.group("charge").split()))
              for m in ARTICLE_WORDED.finditer(text)]
    unquoted = text.translate(QUOTE_MARKS)  # "за «дискредитацию» армии"
    for pattern in (ACCUSATION, CASE_ABOUT, CASE_NAMED, ARTICLE_NAMED, FOR_DEED, IMPUTED):
        for match in pattern.finditer(unquoted if pattern in (FOR_DEED, IMPUTED) else text):
            phrase = " ".join(match.group("charge").translate(QUOTES).split())
            if pattern is FOR_DEED and (morph is None or not _deed(morph, phrase)):
                continue
            if morph is not None:
                phrase = _before_verb(morph, phrase)
            found.append((match.start("charge"), _nominative(morph, phrase) if morph else phrase))
    seen: list[str] = []
    for _, charge in sorted(found):
        if charge not in seen:
            seen.append(charge)
    return seen
