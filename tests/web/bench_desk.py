"""Page latency of the desk over a store of N synthetic sources (default 10,000).

    .venv/bin/python tests/web/bench_desk.py --sources 10000 --db /tmp/bench.db

Builds the store once (reused when the file exists), then asks each main page
repeatedly in process (TestClient) as an analyst and as a viewer, and prints
cold (first) time, p50 and p95 per page. The texts are generated from a few
sentence patterns written for this benchmark.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from desk_sample import FAST_HASHER, PASSWORD, login  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from rightsdesk.model import (  # noqa: E402
    CleanDoc,
    Event,
    Evidence,
    Extraction,
    Occasion,
    Person,
    PersonRef,
    Provenance,
    Resolution,
    Source,
    Statement,
)
from rightsdesk.store import Store, open_store, review  # noqa: E402
from rightsdesk.web import WebSettings, create_app  # noqa: E402

COUNTRIES = ("BY", "RU", "AZ", "IR", "VN")
SYLLABLES = ("an", "to", "ver", "li", "da", "kar", "pen", "ko", "ma", "ri", "sa", "vo", "el")
EVENT_SENTENCES = {
    "arrest": "{name} was detained by police in {place} on {day}.",
    "charge": "Prosecutors charged {name} with {charge}.",
    "sentence": "A court in {place} sentenced {name} to {years} years in prison on {day}.",
    "release": "{name} was released from prison on {day}.",
}
CHARGES = ("organising mass riots", "extremism", "treason", "insulting the president")
PLACES = ("the capital", "Gomel", "Brest", "the north", "the port city")
TODAY = date(2026, 11, 2)


def person_name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def synthetic(n: int, rng: random.Random, people: list[tuple[str, str]]):
    """One document: one or two people, an event each, sometimes a statement or occasion."""
    country = COUNTRIES[n % len(COUNTRIES)]
    day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 1000))
    chosen = rng.sample(people[COUNTRIES.index(country) :: len(COUNTRIES)], rng.randint(1, 2))
    sentences, facts = [], []
    for key, (pid, name) in enumerate(chosen):
        kind = rng.choice(tuple(EVENT_SENTENCES))
        sentence = EVENT_SENTENCES[kind].format(
            name=name,
            place=rng.choice(PLACES),
            day=day.isoformat(),
            charge=rng.choice(CHARGES),
            years=rng.randint(1, 9),
        )
        facts.append((f"p{key}", pid, name, kind, sentence))
        sentences.append(sentence)
    statement = "The UN rapporteur called the case arbitrary." if n % 5 == 0 else ""
    occasion = f"A hearing is set for {TODAY + timedelta(days=n % 60)}." if n % 20 == 0 else ""
    text = " ".join([*sentences, statement, occasion, "Relatives were not allowed to attend."])
    return _extraction(n, text, country, day, facts, statement, occasion)


def _extraction(n, text, country, day, facts, statement, occasion):
    content_hash = hashlib.sha256(f"{n}:{text}".encode()).hexdigest()
    source = Source(
        doc_id=f"doc{n}",
        path=f"/bench/doc{n}.txt",
        kind="text",
        raw=text.encode(),
        content_hash=content_hash,
        url=f"https://news.example.org/{n}",
        published=day,
        title=f"Report {n}",
    )
    doc = CleanDoc(source=source, text=text, title=source.title, published=day, url=source.url)

    def ev(sentence: str) -> Evidence:
        start = text.index(sentence)
        return Evidence(content_hash, start, start + len(sentence), sentence)

    ex = Extraction(doc=doc, provenance=Provenance("bench/1", content_hash), country=country)
    resolution = Resolution()
    for key, pid, name, kind, sentence in facts:
        ex.persons.append(Person(key=key, name=name))
        ex.events.append(
            Event(
                type=kind,
                person=key,
                evidence=ev(sentence),
                date=day.isoformat(),
                confidence=round(0.3 + 0.7 * (n % 10) / 10, 2),
            )
        )
        resolution.person_ids[PersonRef(content_hash, key)] = pid
        resolution.names[pid] = name
    if statement:
        ex.statements.append(Statement(actor="UN Special Rapporteur", evidence=ev(statement)))
    if occasion:
        ex.occasions.append(
            Occasion(
                type="hearing",
                evidence=ev(occasion),
                description="Hearing",
                date=str(TODAY + timedelta(days=n % 60)),
                persons=[facts[0][0]],
            )
        )
    return ex, resolution


def build(store: Store, sources: int) -> None:
    rng = random.Random(7)
    people = [(f"person-{i}", person_name(rng)) for i in range(sources // 3)]
    for n in range(sources):
        store.save(*synthetic(n, rng, people))
    review.set_person_confidential(
        store.engine, actor="bench", person_id="person-5", confidential=True
    )


PAGES = (
    "/dashboard",
    "/dashboard?country=BY",
    "/cases",
    "/cases?country=RU&status=sentenced",
    "/cases?q=prison",
    "/persons/person-10",
    "/sources/100",
    "/statements?country=BY",
    "/occasions",
    "/api/v1/persons?country=AZ",
    "/api/v1/search?q=court",
    "/review",
)


def measure(client: TestClient, path: str, repeat: int) -> tuple[float, float, float]:
    """Cold time, p50 and p95 in milliseconds."""

    def once() -> float:
        start = time.perf_counter()
        response = client.get(path)
        assert response.status_code in (200, 403), (path, response.status_code)
        return (time.perf_counter() - start) * 1000

    cold = once()
    times = sorted(once() for _ in range(repeat))
    return cold, statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/rightsdesk-bench.db")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    fresh = not Path(args.db).exists()
    with open_store(args.db) as store:
        if fresh:
            started = time.perf_counter()
            build(store, args.sources)
            print(f"built {args.sources} sources in {time.perf_counter() - started:.0f} s")
        print(store.counts())
        app = create_app(store, WebSettings(hasher=FAST_HASHER, today=lambda: TODAY))
        for role in ("analyst", "viewer"):
            if not any(u.username == role for u in app.state.desk.accounts.users()):
                app.state.desk.accounts.add_user(role, PASSWORD, role)
        for role in ("analyst", "viewer"):
            client = login(TestClient(app, base_url="https://bench.test"), role)
            print(f"\n{role:8} {'page':40} {'cold':>8} {'p50':>8} {'p95':>8}  (ms)")
            for path in PAGES:
                cold, p50, p95 = measure(client, path, args.repeat)
                print(f"{'':8} {path:40} {cold:8.1f} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
