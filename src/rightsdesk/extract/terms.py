"""Prison terms in months, from how reports word them.

"seven and a half years" = 90, "7.5 years" = 90, "two years and six months" = 30,
"15 days of administrative detention" = 0.5. A number of years is a term only in
the company of a sentence ("to", "for", "a N-year", "in prison"); "faces up to
ten years" is a charge, "the 52-year-old" an age, "two years ago" a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rightsdesk.extract.lexicon import load_table

SUSPENDED = re.compile(r"\b(?:suspended|probation|conditional)\b", re.I)
FINE = re.compile(r"\bfined?\b", re.I)


@dataclass(frozen=True, slots=True)
class TermMention:
    """A prison term found in a text: character span, length in months, suspended?"""

    start: int
    end: int
    months: float


@cache
def _vocabulary() -> tuple[dict[str, float], dict[str, float]]:
    table = load_table("numbers")
    rules = {rule.id: rule for rule in table.rules}
    return dict(rules["number-words"].get("values")), dict(rules["term-units"].get("months"))


@cache
def _term_pattern() -> re.Pattern[str]:
    words, units = _vocabulary()
    counted = (w for w in words if w not in {"a", "an", "half"})
    word = "|".join(sorted(counted, key=len, reverse=True))
    single = r"(?:year|month|week|day)\b"  # "to a year and three months"
    number = rf"(?:\d+(?:[.,]\d+)?|(?:{word})(?:[\s-](?:{word}))?|an?(?=[\s-]+{single}))"
    half = r"(?:[\s-]+and[\s-]+a[\s-]+half|-1/2|\s1/2|\s?½)?"
    unit = "|".join(sorted(units, key=len, reverse=True))
    part = rf"{number}{half}[\s-]+(?:{unit})\b{half}"
    # "4 years and 6 months", "4 years 6 months"
    return re.compile(rf"\b(?P<term>(?:{part})(?:(?:,?\s+and)?\s+(?:{part}))?)", re.I)


# Context that makes "N years" a term of imprisonment rather than an age or a duration.
BEFORE_TERM = re.compile(
    r"(?:\bto|\bsentenced|\bfor|\bgot|\bgets|\breceived?|\bserving|\bserve|\bgave|\bgiven|\ba|\ban|\bof|\bthe|"
    r"\beach|\brespectively|\badditional|\bfurther|\banother|\bextra|,)\s*$", re.I)
AFTER_TERM = re.compile(
    r"^[\s-]*(?:(?:suspended\s+)?(?:prison\s+|jail\s+)?(?:sentence|term|jail|prison|imprisonment)|"
    r"in\s+(?:a\s+|the\s+)?(?:\w+[\s-]+){0,3}?(?:prison|jail|colony|camp|custody)|"
    r"of\s+(?:\w+\s+){0,2}(?:imprisonment|detention|prison|jail|arrest|restricted|corrective|"
    r"forced|compulsory)|behind\s+bars|(?:of\s+)?suspended|,?\s+suspended|each|respectively)",
    re.I)
# "faces up to ten years"; "has spent (marks) seven years behind bars", "had been held
# for eight months": time served, no term
NOT_TERM_BEFORE = re.compile(
    r"(?:up\s+to|at\s+least|over\s+the\s+past|past|last|next|\bspent|\bspend|\bspending|"
    r"\bafter|\bmarks?|\bmarking|"
    r"\b(?:held|kept|detained|remanded|custody|detention)\s+(?:\w+\s+)?for)\s*$", re.I)
# "two years ago", "1979 year of birth"
NOT_TERM_AFTER = re.compile(
    r"^[\s-]*(?:old|ago|later|after|before|earlier|since|of\s+birth)\b", re.I)
MAX_TERM_MONTHS = 12 * 100  # longer is no term ("1979 year": a year, not 1,979 of them)


def months_in(text: str) -> float | None:
    """The length in months of a term phrase like "seven and a half years"."""
    words, units = _vocabulary()
    total = 0.0
    text = _amount_after_unit().sub(r"\1 and ", text)  # "4 years 6 months": two amounts
    for chunk in re.split(r",?\s+and\s+(?!a[\s-]+half)", text, flags=re.I):
        chunk = re.sub(r"-1/2|\s1/2|\s?½", " and a half", chunk)
        tokens = re.findall(r"\d+(?:[.,]\d+)?|[a-z]+", chunk.lower())
        unit = next((units[t] for t in tokens if t in units), None)
        if unit is None:
            return None
        amount = _amount(tokens, words)
        if amount is None:
            return None
        total += amount * unit
    return round(total, 1) if total % 1 else int(total)


@cache
def _amount_after_unit() -> re.Pattern[str]:
    """A unit followed by a new amount ("years 6"), read as "years and 6"."""
    _, units = _vocabulary()
    unit_words = "|".join(sorted(units, key=len, reverse=True))
    return re.compile(rf"\b({unit_words})\s+(?=\d)", re.I)


def count_of(word: str) -> float | None:
    """A counted word's number: "two" -> 2, "a" -> 1, "3" -> 3."""
    word = word.lower()
    if word.isdigit():
        return float(word)
    return _vocabulary()[0].get(word)


def _amount(tokens: list[str], words: dict[str, float]) -> float | None:
    amount = 0.0
    for token in tokens:
        if token[0].isdigit():
            amount += float(token.replace(",", "."))
        elif token == "half":
            amount += 0.5
        elif token in words and token not in {"a", "an"}:
            amount += words[token]
    if not amount and tokens and tokens[0] in {"a", "an"}:
        return 1.0  # "a year"
    return amount or None


@cache
def _series_pattern() -> re.Pattern[str]:
    words, units = _vocabulary()
    counted = (w for w in words if w not in {"a", "an", "half"})
    number = rf"(?:\d+(?:[.,]\d+)?|{'|'.join(sorted(counted, key=len, reverse=True))})"
    unit = "|".join(sorted(units, key=len, reverse=True))
    return re.compile(
        rf"\b(?P<numbers>{number}(?:\s*,\s*{number})*,?\s+and\s+{number})[\s-]+(?P<unit>{unit})\b",
        re.I,
    )


def find_series(text: str) -> list[float]:
    """"to 20 and 19 years (respectively)": one term per person listed, in order."""
    words, units = _vocabulary()
    match = _series_pattern().search(text)
    if match is None:
        return []
    numbers = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", match.group("numbers"))
    unit = units[match.group("unit").lower()]
    values = [float(n) if n[0].isdigit() else words[n.lower()] for n in numbers]
    return [round(v * unit, 1) if (v * unit) % 1 else int(v * unit) for v in values]


def find_terms(text: str) -> list[TermMention]:
    """Prison terms in `text` with their spans, in reading order."""
    mentions: list[TermMention] = []
    for match in _term_pattern().finditer(text):
        before, after = text[: match.start()], text[match.end():]
        if NOT_TERM_BEFORE.search(before) or NOT_TERM_AFTER.match(after):
            continue
        if not (BEFORE_TERM.search(before) or AFTER_TERM.match(after)):
            continue
        short = re.search(r"(?:day|week)s?$", match.group("term"), re.I)
        if short and not (AFTER_TERM.match(after) or re.search(r"\bto\s*$", before)):
            continue  # "held for 471 days" is a duration; "15 days of detention" a term
        months = months_in(match.group("term"))
        if months and months <= MAX_TERM_MONTHS:
            mentions.append(TermMention(match.start(), match.end(), months))
    return mentions


def is_suspended(text: str) -> bool:
    return bool(SUSPENDED.search(text))
