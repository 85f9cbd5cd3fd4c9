"""A synthetic news archive: reproducible pages about invented people, written as WARC.

The scale tests and the benchmark need hundreds of realistic pages that no one
has to fetch. Pages are built from a handful of report sentences and names
drawn from a seeded generator, so the same seed always gives the same bytes.
People recur across pages, sometimes by surname alone, so resolution has
real work to do.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import random
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path

GIVEN = (
    "Arman", "Dinara", "Yerlan", "Saule", "Timur", "Aigerim", "Ruslan", "Madina",
    "Oleg", "Natalia", "Pavel", "Irina", "Bakyt", "Gulnara", "Nurlan", "Zarina",
)
SURNAMES = (
    "Sadykov", "Omarova", "Kuanyshev", "Baimukhanova", "Tokayev", "Seitkali",
    "Zhunusov", "Abenova", "Rakhimov", "Ismailova", "Petrenko", "Volkova",
    "Dzhaksybekov", "Nurpeisova", "Kassymov", "Yesenova",
)
CITIES = ("Almaty", "Astana", "Shymkent", "Aktobe", "Karaganda", "Taraz")
CHARGES = (
    "spreading false information", "inciting social discord",
    "participating in an unlawful assembly", "financing extremism",
)
ACTORS = (
    "The UN Special Rapporteur on human rights defenders",
    "The European Union's spokesperson",
    "Amnesty International",
)
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)

LEADS = (
    "Police in {city} detained the journalist {name} on {day}.",
    "Security officers arrested the activist {name} at her home in {city} on {day}.",
    "On {day}, the blogger {name} was detained in {city} after a protest.",
)
FOLLOW_UPS = (
    "{surname} was charged with {charge}.",
    "A court in {city} sentenced {name} to {years} years in prison on {day}.",
    "Prosecutors accuse {surname} of {charge}.",
    "{name} was released on {day} after {months} months in custody.",
)
COMMENTS = (
    "{actor} called for the immediate release of {name}.",
    "{actor} said the case against {surname} was politically motivated.",
)
FILLER = (
    "The hearing was closed to the press.",
    "Relatives said they had not been allowed to visit.",
    "The authorities did not respond to a request for comment.",
    "Lawyers for the defence plan to appeal.",
)


@dataclass(frozen=True, slots=True)
class Page:
    """One generated article: its address, HTML bytes and crawl time."""

    url: str
    html: bytes
    crawled: date


def people(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """`count` distinct (given, surname) pairs."""
    pairs = [(g, s) for g in GIVEN for s in SURNAMES]
    return rng.sample(pairs, count)


def news_pages(count: int, *, seed: int = 7, persons: int | None = None) -> list[Page]:
    """`count` pages about a pool of recurring people (about one person per five pages)."""
    rng = random.Random(seed)
    pool = people(rng, persons or max(4, count // 5))
    start = date(2023, 1, 1)
    pages = []
    for number in range(count):
        given, surname = rng.choice(pool)
        published = start + timedelta(days=rng.randrange(700))
        pages.append(_page(rng, number, f"{given} {surname}", surname, published))
    return pages


def _page(rng: random.Random, number: int, name: str, surname: str, published: date) -> Page:
    def day() -> str:
        when = published - timedelta(days=rng.randrange(1, 60))
        return f"{when.day} {MONTHS[when.month - 1]} {when.year}"

    slots = {
        "name": name, "surname": surname, "city": rng.choice(CITIES),
        "charge": rng.choice(CHARGES), "actor": rng.choice(ACTORS),
        "years": rng.randrange(2, 9), "months": rng.randrange(2, 14),
    }
    sentences = [rng.choice(LEADS), *rng.sample(FOLLOW_UPS, 2), rng.choice(COMMENTS)]
    paragraphs = [s.format(**slots, day=day()) for s in sentences]
    paragraphs.insert(2, " ".join(rng.sample(FILLER, 2)))
    title = f"{name} detained in {slots['city']}"
    url = f"https://news.example.org/{published:%Y/%m}/{number:05d}-{surname.lower()}"
    return Page(url, _html(title, published, paragraphs), published + timedelta(days=1))


def _html(title: str, published: date, paragraphs: list[str]) -> bytes:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)} | Example News</title>"
        f"<meta property='article:published_time' content='{published.isoformat()}'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1><time datetime='{published.isoformat()}'>"
        f"{published.isoformat()}</time>\n{body}\n</article>"
        "<footer>Example News. All rights reserved.</footer></body></html>"
    ).encode()


def warc_record(page: Page, *, rng: random.Random, status: str = "200 OK",
                content_type: str = "text/html; charset=utf-8") -> bytes:
    """One gzipped WARC/1.1 response record with a true block digest."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(page.html)}\r\n\r\n"
    ).encode() + page.html
    digest = base64.b32encode(hashlib.sha1(http).digest()).decode()
    record_id = uuid.UUID(int=rng.getrandbits(128), version=4)
    headers = (
        "WARC/1.1\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Date: {page.crawled.isoformat()}T08:00:00Z\r\n"
        f"WARC-Target-URI: {page.url}\r\nWARC-Block-Digest: sha1:{digest}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return gzip.compress(headers + http + b"\r\n\r\n", mtime=0)


def warc_records(pages: Iterable[Page], *, seed: int = 7) -> Iterator[bytes]:
    rng = random.Random(seed)
    for page in pages:
        yield warc_record(page, rng=rng)


def write_warc(path: Path, pages: Iterable[Page], *, seed: int = 7) -> Path:
    """Write pages as a per-record gzipped WARC (the layout crawlers produce)."""
    with path.open("wb") as out:
        for record in warc_records(pages, seed=seed):
            out.write(record)
    return path
