"""Personal names as comparable parts: given names, patronymic, surname, initials.

Names of the same person reach us in several romanisations ("Tuletayeva",
"Tuletaeva"; "Aleksandr", "Alexander"; Cyrillic), with titles ("Mr Kozlov"),
initials ("A. Kharlamov", "Kharlamov A.M.") and patronymics ("Vladimir
Ivanovich Kozlov"). `NameParts` turns each form into transliteration-normal
keys so that comparison sees the person, not the spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from unidecode import unidecode

TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mme", "mister", "madame"]
)
PATRONYMIC = re.compile(r"(ovich|evich|ovych|evych|ich|ovna|evna|ichna|ivna|ogly|kyzy|uly)$")
# Turkic patronymics written as a word of their own after the surname
PATRONYMIC_PARTICLES = frozenset({"kyzy", "uulu", "ogly", "oglu", "qizi", "kizi", "uly"})
SURNAME_MIN_RATIO = 80  # "Kalesnikava"/"Kolesnikova" score 82; unrelated names far lower
GIVEN_MIN_RATIO = 75  # "Roza"/"Rosa" score 75, "Viktar"/"Viktor" 83
VOWELS = "aeiou"
# "el-Fattah", "al-Hathloul": the Arabic article written onto a surname, or not
ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ul)[-‐‑’']", re.I)
SKELETON_MIN = 3  # consonants a given name needs for its skeleton to identify it

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


def translit_key(token: str) -> str:
    """One spelling for the romanisations of a name token ("Tuletayeva" -> "tuletaeva")."""
    key = re.sub(r"[^a-z]", "", unidecode(token).lower())
    for old, new in TRANSLIT_REWRITES:
        key = key.replace(old, new)
    for old, new in ENDING_REWRITES:
        if key.endswith(old):
            key = key[: -len(old)] + new
            break
    key = _drop_glides(key)
    key = re.sub(r"([^aeiou])er$", r"\1r", key)  # Alexander / Aleksandr
    key = re.sub(r"(.)\1+", r"\1", key)  # doubled letters
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

    Cached: every batch of an ingest compares against all the people the store
    knows, and parsing their names again each time would cost more than matching.
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
    given = tuple(translit_key(w) for w in rest if translit_key(w) != patronymic)
    return NameParts(surname, given, tuple(i.lower() for i in initials), patronymic, _display(name))


def _name_tokens(name: str) -> list[str]:
    """Words and initials, titles dropped; "V.Putin" splits at the dot."""
    spaced = re.sub(r"\.(?=\S)", ". ", unidecode(name))
    tokens = [t.strip(",;:()\"'") for t in spaced.split()]
    return [t for t in tokens if t and t.rstrip(".").lower() not in TITLES and _wordlike(t)]


def _wordlike(token: str) -> bool:
    return any(c.isalpha() for c in token)


def _is_initial(token: str) -> bool:
    bare = token.rstrip(".")
    return len(bare) == 1 or (token.endswith(".") and len(bare) <= 2 and bare[:1].isupper())


def _surname_index(tokens: list[str], words: list[str]) -> int:
    """The surname is the last word, unless the name is written "Kharlamov A.M." or
    ends in a patronymic particle ("Makhabat Tazhibek kyzy")."""
    if len(words) > 1 and _is_initial(tokens[-1]) and tokens[0] == words[0]:
        return 0
    if len(words) > 1 and words[-1].lower() in PATRONYMIC_PARTICLES:
        return len(words) - 2
    return len(words) - 1


def _display(name: str) -> str:
    tokens = [t for t in name.split() if t.rstrip(".").lower() not in TITLES]
    return " ".join(tokens).strip(" ,;:")


def same_surname(a: NameParts, b: NameParts) -> bool:
    """Romanisations of one surname; "-ov"/"-ova" (husband, wife) stay apart."""
    if a.surname == b.surname:
        return True
    if a.surname[:1] != b.surname[:1] or a.surname.endswith("a") != b.surname.endswith("a"):
        return False
    return fuzz.ratio(a.surname, b.surname) >= SURNAME_MIN_RATIO


def given_score(a: NameParts, b: NameParts) -> float:
    """How well the given names agree: 100 equal, 0 incompatible, 50 nothing to compare."""
    if a.patronymic and b.patronymic and not _similar(a.patronymic, b.patronymic):
        return 0.0
    if a.given and b.given:
        return _given_pair(a.given[0], b.given[0])
    first_a = a.given[0][0] if a.given else (a.initials[0] if a.initials else None)
    first_b = b.given[0][0] if b.given else (b.initials[0] if b.initials else None)
    if first_a and first_b:
        return 80.0 if first_a == first_b else 0.0
    return 50.0


def _given_pair(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if a[0] != b[0]:
        return 0.0
    ratio = fuzz.ratio(a, b)
    if ratio < GIVEN_MIN_RATIO and _skeleton(a) == _skeleton(b):
        return float(GIVEN_MIN_RATIO)  # "Muhammad", "Mohammed", "Mohamed": one name, vowels apart
    return ratio if ratio >= GIVEN_MIN_RATIO else 0.0


def _skeleton(key: str) -> str | None:
    """The consonants of a name: romanisations of Arabic and Persian names differ in
    their vowels ("Ahmad"/"Ahmed"), rarely in their consonants."""
    consonants = re.sub(f"[{VOWELS}]", "", key)
    return consonants if len(consonants) >= SKELETON_MIN else None


def _similar(a: str, b: str) -> bool:
    return a == b or fuzz.ratio(a, b) >= GIVEN_MIN_RATIO
