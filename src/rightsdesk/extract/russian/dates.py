"""Russian date expressions at the precision they give, resolved against publication.

"8 октября 2012 года" is a day, "в октябре 2012 года" a month, "в 2012 году" a
year; "8 октября" takes the year of publication (the last such day on or before
it), "вчера", "в понедельник", "в прошлом месяце", "в прошлом году" count back
from it. Regular expressions keep the precision a general parser would fill in
("октябрь 2012" must not become 2012-10-01). Without `published`, relative
expressions give nothing: no date rather than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from rightsdesk.model import PartialDate

# Month stems: genitive "октября", prepositional "октябре", nominative "октябрь".
MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
               "сентябр", "октябр", "ноябр", "декабр")
MONTH_ENDINGS = {"ма": "[яйе]"}  # "мая", "май", "мае": the stem alone is too short
WEEKDAYS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")
DEICTIC_DAYS = {"позавчера": 2, "вчера": 1, "накануне": 1, "сегодня": 0}
# counts before "дней/недель/месяцев/лет назад", by their first letters
COUNT_WORDS = {"один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
               "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10}
FUTURE_GRACE_DAYS = 31  # how far after publication a day without a year may lie


def _month_alternatives() -> str:
    parts = [f"{stem}{MONTH_ENDINGS.get(stem, '[а-я]*')}" for stem in MONTH_STEMS]
    return "(?P<month>" + "|".join(parts) + ")"


_MONTH = _month_alternatives()
# "шестого октября": a day as an ordinal word, in the genitive
ORDINALS = ("перв", "втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят",
            "десят", "одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат",
            "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат", "двадцат")
_ORDINALS = (r"(?:(?P<tens>двадцать|тридцать)\s+)?(?P<unit>"
             + "|".join(ORDINALS) + r"|тридцат)(?:ого|его|ьего)")
_YEAR = r"(?P<year>(?:19[5-9]|20\d)\d)"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"\b(?P<day>[0-3]?\d)\s+{_MONTH}\s+{_YEAR}\b", re.I)),
    ("dotted", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("my", re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I)),
    ("dm", re.compile(rf"\b(?P<day>[0-3]?\d)\s+{_MONTH}\b", re.I)),
    ("y", re.compile(rf"\b(?:в|во|с|до|к)\s+{_YEAR}\s*(?:г\.|год[ау]?\b)", re.I)),
    ("ordinal_dm", re.compile(rf"\b(?P<ordinal>{_ORDINALS})\s+{_MONTH}\b", re.I)),
    ("m_rel", re.compile(rf"\bв\s+(?:начале\s+|середине\s+|конце\s+)?{_MONTH}\b(?!\s+\d)",
                         re.I)),
    ("last_month", re.compile(r"\bв\s+прошлом\s+месяце\b", re.I)),
    ("this_month", re.compile(r"\bв\s+этом\s+месяце\b", re.I)),
    ("last_year", re.compile(r"\bв\s+прошлом\s+году\b", re.I)),
    ("this_year", re.compile(r"\bв\s+этом\s+году\b", re.I)),
    ("deictic", re.compile(r"\b(?P<word>позавчера|вчера|сегодня)\b", re.I)),
    # "Накануне суд ...", "накануне в ходе прений": the day before; "накануне выборов"
    # (on the eve of something) is no date
    ("deictic", re.compile(r"\b(?P<word>[Нн]акануне)\b(?=\s*(?:[,.;:–—]|[А-ЯЁA-Z0-9]|в\s|во\s"
                           r"|вечером|утром|днем|днём|ночью|$))")),
    # "десять дней назад", "неделю назад", "два месяца назад", "год назад"
    ("ago", re.compile(r"(?<![\w-])(?:(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS)
                       + r")\s+(?P<unit>дн(?:я|ей)|день|недел[иьюь]|месяц(?:а|ев)?|год(?:а)?"
                       r"|лет)|(?P<one>день|неделю|месяц|год))\s+назад\b", re.I)),
    ("weekday", re.compile(r"\bв(?:о)?\s+(?:ночь\s+на\s+)?(?:прошл\w+\s+)?(?P<weekday>"
                           + "|".join(WEEKDAYS) + r")[а-я]*\b", re.I)),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # character offset in the sentence
    end: int
    value: PartialDate


def find_dates(text: str, *, published: date | None, ahead: bool = False) -> list[DateMention]:
    """Every date expression of a sentence, most specific first where they overlap;
    `ahead`: the sentence speaks of what is to come, so a day without a year is the
    next such day ("состоится 2 апреля")."""
    found: list[DateMention] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(m.start <= match.start() < m.end for m in found):
                continue
            value = _resolve(kind, match, published, ahead)
            if value is not None:
                found.append(DateMention(match.start(), match.end(), value))
    return sorted(found, key=lambda m: m.start)


def _month_number(word: str) -> int:
    lower = word.lower()
    if lower.isdigit():
        return int(lower)
    return next(i for i, stem in enumerate(MONTH_STEMS, start=1) if lower.startswith(stem))


def _resolve(kind: str, match: re.Match[str], published: date | None,
             ahead: bool) -> PartialDate | None:
    groups = match.groupdict()
    if kind in ("dmy", "dotted"):
        return _day(int(groups["year"]), _month_number(groups["month"]), int(groups["day"]))
    if kind == "my":
        return f"{int(groups['year']):04d}-{_month_number(groups['month']):02d}"
    if kind == "y":
        return groups["year"]
    if published is None:
        return None
    return _relative(kind, groups, published, ahead)


def _relative(kind: str, groups: dict[str, str], published: date,
              ahead: bool) -> PartialDate | None:
    if kind in ("dm", "ordinal_dm"):
        month = _month_number(groups["month"])
        day = int(groups["day"]) if kind == "dm" else _ordinal_day(groups)
        if ahead:
            return _next_day(month, day, published)
        return _recent_day(month, day, published)
    if kind == "m_rel":
        month = _month_number(groups["month"])
        year = published.year if month <= published.month + 1 else published.year - 1
        return f"{year:04d}-{month:02d}"
    if kind in ("last_month", "this_month"):
        first = published.replace(day=1)
        when = first - timedelta(days=1) if kind == "last_month" else first
        return f"{when.year:04d}-{when.month:02d}"
    if kind in ("last_year", "this_year"):
        return str(published.year - (kind == "last_year"))
    if kind == "deictic":
        return (published - timedelta(days=DEICTIC_DAYS[groups["word"].lower()])).isoformat()
    if kind == "ago":
        return _ago(groups, published)
    return _recent_weekday(groups["weekday"].lower(), published)


def _ago(groups: dict[str, str], published: date) -> PartialDate:
    """"десять дней назад" is a day, "два месяца назад" a month, "год назад" a year,
    counted back from publication."""
    text = (groups.get("count") or "1").lower()
    count = int(text) if text.isdigit() else COUNT_WORDS[text]
    unit = (groups.get("unit") or groups["one"]).lower()
    if unit.startswith(("д", "н")):
        days = count * (7 if unit.startswith("н") else 1)
        return (published - timedelta(days=days)).isoformat()
    if unit.startswith("м"):
        months = published.year * 12 + published.month - 1 - count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return str(published.year - count)


def _ordinal_day(groups: dict[str, str]) -> int:
    """"шестого" -> 6, "двадцать первого" -> 21, "тридцатого" -> 30."""
    unit = groups["unit"].lower().replace("ё", "е")
    stems = [stem.replace("[её]", "е") for stem in ORDINALS] + ["тридцат"]
    value = next(i for i, stem in enumerate(stems, start=1) if unit == stem)
    value = 30 if value == len(stems) else value
    tens = {"двадцать": 20, "тридцать": 30}.get((groups.get("tens") or "").lower(), 0)
    return tens + value


def _day(year: int, month: int, day: int) -> PartialDate | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _recent_day(month: int, day: int, published: date) -> PartialDate | None:
    """A day without a year: this year's, unless that lies well after publication."""
    try:
        candidate = date(published.year, month, day)
    except ValueError:
        return None
    if candidate - published > timedelta(days=FUTURE_GRACE_DAYS):
        candidate = candidate.replace(year=published.year - 1)
    return candidate.isoformat()


def _next_day(month: int, day: int, published: date) -> PartialDate | None:
    """A day without a year that lies ahead: this year's, or next year's if past."""
    try:
        candidate = date(published.year, month, day)
    except ValueError:
        return None
    if candidate < published:
        candidate = candidate.replace(year=published.year + 1)
    return candidate.isoformat()


def _recent_weekday(weekday: str, published: date) -> PartialDate:
    """The last such weekday on or before the day of publication (a report of
    Monday's verdict published on Monday says "в понедельник")."""
    target = next(i for i, stem in enumerate(WEEKDAYS) if weekday.startswith(stem))
    back = (published.weekday() - target) % 7
    return (published - timedelta(days=back)).isoformat()
