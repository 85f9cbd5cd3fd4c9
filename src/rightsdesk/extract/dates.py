"""Dates as documents give them, at their precision, resolved against publication.

Reports date events three ways: absolutely ("8 October 2012", "October 2012",
"2012"), relative to the day of publication ("on Monday", "yesterday", "last
July", "in May") or not at all. Regular expressions read the expression and
keep its precision; a general date parser would fill in a missing day
("October 2012" -> 2012-10-01), which is a wrong fact. Relative expressions
need `published`; without it they give nothing. No date rather than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from rightsdesk.model import DatePrecision, PartialDate

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
FIRST_YEAR, LAST_YEAR = 1950, 2099  # a bare number outside is a count, not a year
FUTURE_GRACE_DAYS = 31  # how far ahead a day without a year may lie

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19[5-9]|20\d)\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
# "detained for three years now", "arrested two years ago", "held for the past four
# months": counted back from publication,
# only for an exact count (not "almost three years", "more than two years").
COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_COUNT_WORDS = "|".join(COUNTS)
_HEDGE = r"(?:almost|nearly|about|around|over|than|some|least|to|roughly|approximately)"

# Most specific first: a longer expression wins over the year or month inside it.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I)),
    # "17 February last year", "April 11 this year": a day of a year told relatively
    ("dm_year", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+(?P<rel>last|this)\s+year\b",
                           re.I)),
    ("md_year", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(?P<rel>last|this)\s+year\b", re.I)),
    ("my_rel", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<rel>last|this)\s+year\b", re.I)),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}\s*,?\s+{_YEAR}\b", re.I)),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dotted", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("my", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("dm", re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}\b(?!,?\s+\d)", re.I)),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d{{4}})(?!\s*(?:years?|months?))", re.I)),
    ("relative_month", re.compile(
        rf"\b(?P<mod>last|this|in|early|late|mid|since|from|until|by|of|on|during)"
        rf"(?:\s+|-)(?:(?:early|late|mid)(?:\s+|-))?{_MONTH}\b(?!\s+\d)", re.I)),
    ("weekday", re.compile(rf"\b(?P<mod>on|last|this|since|from|until|by)\s+{_WEEKDAY}\b", re.I)),
    # News drops the preposition: "was released late Monday", "Friday's verdict".
    ("weekday", re.compile(r"\b(?P<mod>late|early|)\s*(?P<weekday>" + "|".join(
        w.capitalize() for w in WEEKDAYS) + r")\b")),
    ("deictic", re.compile(
        r"\b(?P<word>yesterday|today|tonight|this\s+(?:morning|afternoon|evening|week|weekend|"
        r"month|year)|last\s+(?:night|week|month|year)|earlier\s+this\s+(?:week|month|year))\b",
        re.I)),
    ("year", re.compile(rf"(?<![\d.,/-]){_YEAR}(?![\d.,]\d|\s*(?:years?|months?|%|percent))")),
    ("elapsed", re.compile(
        rf"(?:\b(?P<hedge>{_HEDGE})\s+)?\b(?P<count>\d{{1,2}}|{_COUNT_WORDS})\s+(?P<unit>years?|months?)"
        r"\s+(?P<mod>now|ago)\b", re.I)),
    ("elapsed", re.compile(
        rf"\bfor\s+the\s+(?P<mod>past|last)\s+(?:(?P<hedge>{_HEDGE})\s+)?"
        rf"(?P<count>\d{{1,2}}|{_COUNT_WORDS})\s+(?P<unit>years?|months?)\b", re.I)),
]

# "in December of that year", "later that year", "the same year": the year the text
# gave last.
THAT_YEAR = re.compile(
    rf"\b(?:(?:in\s+)?{_MONTH}\s+of\s+|(?:later|earlier)\s+(?:in\s+)?)?"
    r"(?:that|the\s+same)\s+year\b", re.I)

ISO_LENGTH: dict[DatePrecision, int] = {"year": 4, "month": 7, "day": 10}
# How precisely a relative expression needs the publication date to be resolved.
NEEDS: dict[str, DatePrecision] = {"dm": "month", "md": "month", "relative_month": "month",
                                   "weekday": "day", "elapsed": "month", "dm_year": "year",
                                   "md_year": "year", "my_rel": "year"}
# Kinds that date the start of a state lasting until publication ("held for two years
# now"): they date an arrest, not the sentence of a person described as jailed.
ELAPSED_KINDS = frozenset({"elapsed"})
DEICTIC_NEEDS: dict[str, DatePrecision] = {
    "yesterday": "day", "last night": "day", "this week": "day", "this weekend": "day",
    "this month": "month", "earlier this month": "month", "last month": "month",
    "last week": "day", "earlier this week": "day",
}  # "today", "this year", "last year": any precision


class Published(date):
    """A publication date known only to a precision: a sidecar may say "2012-10".

    `isoformat()` gives it at that precision ("2012-10"), so a fact dated by its
    publication never carries an invented day; dates computed from it (minus a
    day) are ordinary days.
    """

    __slots__ = ("precision",)
    precision: DatePrecision

    def __new__(cls, year: int, month: int = 1, day: int = 1,
                precision: DatePrecision = "day") -> Published:
        self = super().__new__(cls, year, month, day)
        self.precision = precision
        return self

    def __reduce__(self) -> tuple:
        return (Published, (self.year, self.month, self.day, self.precision))

    def isoformat(self) -> str:
        return super().isoformat()[: ISO_LENGTH[self.precision]]


def published_at(day: date | None, precision: DatePrecision) -> Published | None:
    """The publication date with the precision its source gave."""
    return None if day is None else Published(day.year, day.month, day.day, precision)


def precision_of(published: date) -> DatePrecision:
    return getattr(published, "precision", "day")


def _precise_enough(published: date, needed: DatePrecision) -> bool:
    return ISO_LENGTH[precision_of(published)] >= ISO_LENGTH[needed]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text: its character span and resolved value."""

    start: int
    end: int
    value: PartialDate
    elapsed: bool = False  # counted back from publication ("for three years now")
    weekday: bool = False  # a day of the week ("on Friday")


WEEKDAY_GAP = re.compile(r"[\s,]*(?:the\s+)?")  # "Friday, 3 May", "Friday the 3rd of May"


# "3 and 4 September 2021", "September 3-4, 2021": a span of days starts on the first.
DAY_SPAN = re.compile(
    r"(?<![\d./-])\b([0-3]?\d)(\s*(?:-|–|and|to|&)\s*[0-3]?\d)\b(?![\d./-])(?=,?\s+[A-Z]|,?\s+\d{4})")


def _first_days(text: str) -> str:
    """The text with day spans cut to their first day, padded so offsets stay put."""
    return DAY_SPAN.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def find_dates(text: str, *, published: date | None) -> list[DateMention]:
    """Every resolvable date expression in `text`, in reading order, none overlapping."""
    text = _first_days(text)
    anaphoric = list(THAT_YEAR.finditer(text))
    taken: list[tuple[int, int]] = [match.span() for match in anaphoric]
    mentions: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            value = _resolve(kind, match, published)
            taken.append(span)  # a matched but unresolvable span still hides its parts
            if value:
                mentions.append(DateMention(span[0], span[1], value, kind in ELAPSED_KINDS,
                                            kind == "weekday"))
    for match in anaphoric:
        year = next((m.value[:4] for m in sorted(mentions, key=lambda m: -m.end)
                     if m.end <= match.start()), None)
        if year:
            month = match.group("month")
            value = f"{year}-{_month(month):02d}" if month else year
            mentions.append(DateMention(match.start(), match.end(), value))
    mentions.sort(key=lambda m: m.start)
    following: list[DateMention | None] = [*mentions[1:], None]
    return [m for m, after in zip(mentions, following[: len(mentions)], strict=True)
            if not _named_by_the_next(text, m, after)]


def _named_by_the_next(text: str, mention: DateMention, after: DateMention | None) -> bool:
    """"On Wednesday, April 23": the weekday is the day the date after it gives, not
    the last Wednesday before publication."""
    return mention.weekday and after is not None and len(after.value) == 10 and (
        WEEKDAY_GAP.fullmatch(text[mention.end : after.start]) is not None)


def resolve_date(text: str, *, published: date | None) -> PartialDate | None:
    """An ISO date at the precision `text` gives ("2012", "2012-10", "2012-10-08").

    Relative expressions ("last July", "on Monday", "yesterday", "in May") are
    resolved against `published`; without it they give None. When `text` holds
    several dates the first is returned.
    """
    mentions = find_dates(text, published=published)
    return mentions[0].value if mentions else None


def _resolve(kind: str, match: re.Match[str], published: date | None) -> PartialDate | None:
    parts = match.groupdict()
    month_word = parts.get("month") or ""
    if month_word.isalpha() and not month_word[0].isupper():
        return None  # "may" the verb, "march" the walk: months are capitalised
    if kind in {"dmy", "mdy", "iso", "dotted"}:
        return _day(int(parts["year"]), _month(parts["month"]), int(parts["day"]))
    if kind == "my":
        return _month_iso(int(parts["year"]), _month(parts["month"]))
    if kind == "year":
        return parts["year"]
    if published is None or not _precise_enough(published, NEEDS.get(kind, "year")):
        return None
    if kind in {"dm", "md"}:
        return _recent_day(_month(parts["month"]), int(parts["day"]), published)
    if kind in {"dm_year", "md_year", "my_rel"}:
        year = published.year - (parts["rel"].lower() == "last")
        if kind == "my_rel":
            return _month_iso(year, _month(parts["month"]))
        return _day(year, _month(parts["month"]), int(parts["day"]))
    if kind == "relative_month":
        return _relative_month(parts["mod"].lower(), _month(parts["month"]), published)
    if kind == "weekday":
        return _recent_weekday(parts["weekday"].lower(), (parts["mod"] or "").lower(), published)
    if kind == "elapsed":
        if parts["hedge"]:
            return None
        return _counted_back(parts["count"].lower(), parts["unit"].lower(), published)
    return _deictic(" ".join(parts["word"].lower().split()), published)


def _month(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def _day(year: int, month: int, day: int) -> PartialDate | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_iso(year: int, month: int) -> PartialDate | None:
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None


def _recent_day(month: int, day: int, published: date) -> PartialDate | None:
    """"8 October" without a year: the year that puts it at most a month after publication.

    Reports name days of the past year and, now and then, of the weeks ahead
    ("the appeal is set for 19 November"); a month's grace covers the latter.
    """
    horizon = (published + timedelta(days=FUTURE_GRACE_DAYS)).isoformat()
    for year in (published.year + 1, published.year, published.year - 1):
        value = _day(year, month, day)
        if value and value <= horizon:
            return value
    return None


def _relative_month(mod: str, month: int, published: date) -> PartialDate | None:
    """"in May" is the most recent May not after publication; "last May" is before it."""
    year = published.year
    if month > published.month or (mod == "last" and month == published.month):
        year -= 1
    if mod == "this":
        year = published.year
    return _month_iso(year, month)


def _counted_back(count: str, unit: str, published: date) -> PartialDate | None:
    """"three years now" from July 2024: July 2021, to the month (the day is unknown)."""
    number = int(count) if count.isdigit() else COUNTS[count]
    months = published.year * 12 + published.month - 1 - number * (12 if unit[0] == "y" else 1)
    return _month_iso(months // 12, months % 12 + 1) if number else None


def _recent_weekday(weekday: str, mod: str, published: date) -> PartialDate:
    """"on Monday": the most recent Monday not after publication ("last": before it)."""
    back = (published.weekday() - WEEKDAYS.index(weekday)) % 7
    if back == 0 and mod == "last":
        back = 7
    return (published - timedelta(days=back)).isoformat()


def _deictic(word: str, published: date) -> PartialDate | None:
    if not _precise_enough(published, DEICTIC_NEEDS.get(word, "year")):
        return None
    if word in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
        return published.isoformat()
    if word in {"yesterday", "last night"}:
        return (published - timedelta(days=1)).isoformat()
    if word in {"this month", "earlier this month"}:
        return published.strftime("%Y-%m")
    if word == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.strftime("%Y-%m")
    if word in {"this year", "earlier this year"}:
        return str(published.year)
    if word == "last year":
        return str(published.year - 1)
    if word in {"this week", "this weekend", "earlier this week"}:
        return _week_month(published, weekend=word.endswith("weekend"))
    if word == "last week":
        return _week_month(published - timedelta(days=7), weekend=False)
    return None


def _week_month(published: date, *, weekend: bool) -> PartialDate | None:
    """A week is known to the month only when it does not straddle two months."""
    monday = published - timedelta(days=published.weekday())
    first = monday + timedelta(days=5) if weekend else monday
    last = monday + timedelta(days=6)
    if first.month != last.month:
        return None
    return first.strftime("%Y-%m")
