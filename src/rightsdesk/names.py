"""Personal names as comparable parts: given names, patronymic, surname, initials.

Names of the same person reach us in several romanisations ("Tuletayeva",
"Tuletaeva"; "Aleksandr", "Alexander"; Cyrillic), with titles ("Mr Kozlov"),
initials ("A. Kharlamov", "Kharlamov A.M.") and patronymics ("Vladimir
Ivanovich Kozlov"). Cyrillic is romanised first (`rightsdesk.romanize`), so
"Владимир Козлов" and "Vladimir Kozlov" give the same keys. `NameParts` turns
each form into transliteration-normal keys so that comparison sees the person, not the spelling.

Shared by two stages: `resolve` compares these parts, and `store` files every
person under its `name_keys`, so that a batch of new documents is compared only
with the people its names could match (docs/scaling.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from rightsdesk.romanize import romanize

TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mme", "mister", "madame"]
)
PATRONYMIC = re.compile(r"(ovich|evich|ovych|evych|ich|ovna|evna|ichna|ivna|ogly|kyzy|uly)$")
# Words between given names and surname that name no one ("Antonio de Freitas",
# "Omar bin Ali"): part of a written name, never a given name or surname of its own
NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "abu", "al", "el", "ben", "de", "da", "dos",
                            "das", "del", "di", "van", "von", "der", "la", "le", "du"})
# Turkic patronymics written as a word of their own after the surname
PATRONYMIC_PARTICLES = frozenset({"kyzy", "uulu", "ogly", "oglu", "qizi", "kizi", "uly"})
# Endings of East Slavic surnames: a name whose first word alone has one is surname-first.
# (Not "-in": Martin, Galina; nor a short word: Dev, Lev.)
SURNAME_ENDING = re.compile(r"^.{3,}(?:ov|ova|ev|eva|sky|skiy|skii|skaya|enko)$")
VOWELS = "aeiou"
# "el-Fattah", "al-Hathloul": the Arabic article written onto a surname, or not
ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ul)[-‐‑’']", re.I)

# Spelling variants of one Cyrillic sound, rewritten to one form (order matters).
TRANSLIT_REWRITES: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("ch", "c"),
    ("kh", "h"),
    ("ks", "x"),
    ("yo", "e"),
    ("jo", "e"),
    ("ph", "f"),
    ("w", "v"),
    ("zh", "j"),
)
ENDING_REWRITES: tuple[tuple[str, str], ...] = (
    ("iy", "i"),
    ("yy", "i"),
    ("ij", "i"),
    ("ii", "i"),
    ("ey", "ei"),
    ("ay", "ai"),
    ("oy", "oi"),
)


# One given name in its Belarusian, Ukrainian and Russian forms, as each is romanised
# ("Uladzimir Labkovich" is "Владимир Лабкович" in Russian-language news): each
# group's names compare as its first.
GIVEN_NAME_FORMS: tuple[tuple[str, ...], ...] = (
    ("vladimir", "uladzimir", "volodymyr"),
    ("aleksandr", "aliaksandr", "oleksandr", "alyaksandr"),
    ("aleksei", "aliaksei", "oleksiy", "oleksii"),
    ("sergei", "siarhei", "serhiy", "serhii"),
    ("nikolai", "mikalai", "mykola"),
    ("valentin", "valiantsin"),
    ("igor", "ihar", "ihor"),
    ("viktor", "viktar"),
    ("dmitry", "dzmitry", "dmytro", "zmitser"),
    ("yuri", "yury", "yurii"),
    ("andrei", "andriy", "andrii"),
    ("pavel", "pavlo"),
    ("vladislav", "uladzislau", "vladyslav"),
    ("yevgeny", "yauhen", "yevhen"),
    ("leonid", "leanid"),
    ("nikita", "mikita", "mykyta"),
    ("konstantin", "kanstantsin", "kostiantyn"),
    ("georgy", "heorhi", "heorhiy"),
    ("grigory", "ryhor", "hryhoriy"),
    ("gleb", "hleb"),
    ("ilya", "illia"),
    ("roman", "raman"),
    ("anatoly", "anatol", "anatolii"),
    ("ekaterina", "katsiaryna", "kateryna"),
    ("tatiana", "tatsiana", "tetiana"),
    ("elena", "alena", "olena"),
    ("natalia", "natallia"),
    ("anna", "hanna"),
    ("irina", "iryna"),
    ("olga", "volha"),
    ("lyudmila", "liudmila"),
    ("polina", "palina"),
)


def translit_key(token: str) -> str:
    """One spelling for the romanisations of a name token ("Tuletayeva" -> "tuletaeva")."""
    key = re.sub(r"[^a-z]", "", unidecode(romanize(token)).lower())
    key = re.sub(r"^iu", "yu", key)  # passport (ICAO) "Iuliia" for "Yuliya"
    for old, new in TRANSLIT_REWRITES:
        key = key.replace(old, new)
    for old, new in ENDING_REWRITES:
        if key.endswith(old):
            key = key[: -len(old)] + new
            break
    key = _drop_glides(key)
    key = re.sub(r"([^aeiou])er$", r"\1r", key)  # Alexander / Aleksandr
    key = re.sub(r"(.)\1+", r"\1", key)  # doubled letters
    key = re.sub(r"(?<=[^aeiou])ia", "a", key)  # "Maria"/"Mariya"; Belarusian "Bialiatski"
    return key.replace("y", "i")


def _drop_glides(key: str) -> str:
    """`y`/`j` next to a vowel is only how one system writes the vowel ("aye" = "ae")."""
    out = []
    for i, ch in enumerate(key):
        if ch in "yj" and len(key) > 1 and _near_vowel(key, i):
            continue
        out.append(ch)
    return "".join(out) or key


def _near_vowel(key: str, i: int) -> bool:
    before = key[i - 1] if i > 0 else ""
    after = key[i + 1] if i + 1 < len(key) else ""
    return (before in VOWELS and before != "") or (after in VOWELS and after != "")


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name split into keys; `given` empty means only the surname was written."""

    surname: str
    given: tuple[str, ...] = ()
    initials: tuple[str, ...] = ()
    patronymic: str | None = None
    display: str = ""

    @property
    def full(self) -> bool:
        return bool(self.given)


@lru_cache(maxsize=1 << 20)
def parse_name(name: str) -> NameParts | None:
    """The parts of a written name; None when nothing name-like is left.

    Cached: the people a batch is compared with come back batch after batch, and
    parsing their names again each time would cost more than matching.
    """
    tokens = _name_tokens(name)
    if not tokens:
        return None
    initials = tuple(t[0] for t in tokens if _is_initial(t))
    words = [t for t in tokens if not _is_initial(t)]
    if not words:
        return None
    surname_at = _surname_index(tokens, words)
    surname = translit_key(ARTICLE.sub("", words[surname_at]))
    rest = [w for i, w in enumerate(words) if i != surname_at]
    patronymic = next((translit_key(w) for w in rest if PATRONYMIC.search(w.lower())), None)
    given = tuple(_given_key(w) for w in rest if translit_key(w) != patronymic)
    return NameParts(surname, given, tuple(i.lower() for i in initials), patronymic, _display(name))


def _given_key(word: str) -> str:
    key = translit_key(word)
    return _given_forms().get(key, key)


@lru_cache(maxsize=1)
def _given_forms() -> dict[str, str]:
    """Each form's key -> its group's first form's key (`GIVEN_NAME_FORMS`)."""
    return {translit_key(form): translit_key(group[0])
            for group in GIVEN_NAME_FORMS for form in group}


def _name_tokens(name: str) -> list[str]:
    """Words and initials, titles dropped; "V.Putin" splits at the dot."""
    spaced = re.sub(r"\.(?=\S)", ". ", unidecode(romanize(name)))
    tokens = [t.strip(",;:()\"'") for t in spaced.split()]
    return [t for t in tokens if t and t.rstrip(".").lower() not in TITLES and _wordlike(t)]


def _wordlike(token: str) -> bool:
    return any(c.isalpha() for c in token)


def _is_initial(token: str) -> bool:
    bare = token.rstrip(".")
    return len(bare) == 1 or (token.endswith(".") and len(bare) <= 2 and bare[:1].isupper())


def _surname_index(tokens: list[str], words: list[str]) -> int:
    """The surname is the last word, unless the name is written "Kharlamov A.M.",
    ends in a patronymic particle ("Makhabat Tazhibek kyzy"), or is written surname
    first as Russian lists do ("Kozlov Vladimir": only the first word has a
    surname's ending)."""
    if len(words) > 1 and _is_initial(tokens[-1]) and tokens[0] == words[0]:
        return 0
    if len(words) > 1 and words[-1].lower() in PATRONYMIC_PARTICLES:
        return len(words) - 2
    if (len(words) == 2 and SURNAME_ENDING.search(words[0].lower())
            and not SURNAME_ENDING.search(words[1].lower())):
        return 0
    return len(words) - 1


def _display(name: str) -> str:
    tokens = [t for t in name.split() if t.rstrip(".").lower() not in TITLES]
    return " ".join(tokens).strip(" ,;:")



def best_form(forms: Iterable[NameParts]) -> NameParts:
    """The fullest form: given names beat initials beat a bare surname (first of equals)."""
    return max(forms, key=_fullness)


def _fullness(parts: NameParts) -> tuple[int, int, int]:
    return (len(parts.given), len(parts.initials), len(parts.display))


def first_initial(parts: NameParts) -> str:
    """The letter a given name or initial starts with; "" when the form has neither."""
    if parts.given:
        return parts.given[0][:1]
    return parts.initials[0] if parts.initials else ""


@dataclass(frozen=True, slots=True, order=True)
class NameKey:
    """One heading a person is filed under: a surname it is written with, and the first
    initial and first given name of its fullest name ("" where that has none)."""

    surname: str
    initial: str
    given: str


@dataclass(frozen=True, slots=True, order=True)
class KeyQuery:
    """A lookup of the people filed under a surname: with this initial ("": with neither
    given name nor initial), or with None, every one filed without a given name."""

    surname: str
    initial: str | None


def name_keys(names: Iterable[str]) -> set[NameKey]:
    """Every heading a person with these names (name and aliases) is filed under.

    Resolution pairs two people only when one of their surnames match and their
    fullest names' given names (or initials) can be one; so these keys find
    everyone a new name could join. Forms that tie for fullest each give their
    given name, since which of them counts as fullest depends on their order.
    """
    forms = [p for p in (parse_name(n) for n in names) if p is not None]
    if not forms:
        return set()
    fullest = max(_fullness(f) for f in forms)
    firsts = {(first_initial(f), f.given[0] if f.given else "") for f in forms
              if _fullness(f) == fullest}
    return {NameKey(f.surname, initial, given) for f in forms for initial, given in firsts}


def surname_band(surname: str) -> str:
    """First letter, whether it ends in "a", and length ("k-6" for "kozlov"): the
    surnames a fuzzy match can pair lie in a few neighbouring bands."""
    return f"{surname[:1]}{'a' if surname.endswith('a') else '-'}{len(surname)}"
