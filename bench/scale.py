"""Scale benchmark: Dask ingest throughput, and store latency at archive size.

    .venv/bin/python bench/scale.py                       # everything, full size
    .venv/bin/python bench/scale.py --scale 0.05          # a 5% store for a quick run
    .venv/bin/python bench/scale.py --skip-store --pages 200

1. Throughput: a synthetic WARC of `--pages` news pages is ingested by
   `run_dask_ingest` on a local cluster of 1 and then 2 worker processes
   (models loaded before timing), and by the single-process `Pipeline.ingest`.
2. Store: a PostgreSQL store (the store's own migrations) is filled by COPY
   with 1,000,000 events, 200,000 persons and 500,000 sources times `--scale`,
   then full-text search and the person page (person, timeline, each event's
   source) are timed through the `Store` API: p50 and p95.

PostgreSQL: `--pg URL`, else $RIGHTSDESK_TEST_PG, else scripts/pg-test-cluster
is started. The filled schema is kept and reused by later runs of that scale.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa
from distributed import LocalCluster

from rightsdesk.extract import EXTRACTOR_VERSION, Extractor, load_model
from rightsdesk.ingest.warc import read_warc
from rightsdesk.model import EVENT_TYPES, Source
from rightsdesk.pipeline import Pipeline
from rightsdesk.scale import run_dask_ingest
from rightsdesk.scale.synthetic import CHARGES, CITIES, GIVEN, news_pages, write_warc
from rightsdesk.store import open_store
from rightsdesk.store.names import name_key

ROOT = Path(__file__).resolve().parents[1]
FULL = {"sources": 500_000, "persons": 200_000, "events": 1_000_000}
SYLLABLES = ("ka", "ra", "mo", "ten", "bek", "sa", "lin", "dor", "vi", "ush", "ne", "gul", "az")
SURNAME_ENDINGS = ("ov", "ova", "enko", "uly", "yeva", "in", "skaya", "bayev")
COUNTRIES = ("KZ", "BY", "RU", "AZ", "TJ", "UZ", "KG", "TM", "IR", "EG")
SEARCH_WORDS = ("arrested", "sentenced", "charged", "released", "journalist", "extremism")
SAMPLES = 200  # timed calls per measurement
WARM_UP = 10  # untimed calls first, so the figures are of a warm cache


# --- 1. ingest throughput ---


def throughput(pages: int, workers: list[int]) -> dict[str, float]:
    """Pages per second for each worker count, and for the single-process pipeline."""
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="rightsdesk-bench-") as tmp:
        work = Path(tmp)
        warc = write_warc(work / "crawl.warc.gz", news_pages(pages, seed=23))
        warm = write_warc(work / "warm.warc.gz", news_pages(8, seed=99))
        for count in workers:
            rate = dask_rate(warc, warm, work, count)
            results[f"dask_{count}_workers_pages_per_s"] = rate
            log(f"dask, {count} worker(s): {rate:.1f} pages/s")
        rate = pipeline_rate(warc, work)
        results["single_process_pages_per_s"] = rate
        log(f"single process: {rate:.1f} pages/s")
    return results


def dask_rate(warc: Path, warm: Path, work: Path, workers: int) -> float:
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        run_dask_ingest([warm], str(work / f"warm-{workers}.db"), scheduler=address)
        started = time.perf_counter()
        report = run_dask_ingest([warc], str(work / f"dask-{workers}.db"), scheduler=address)
        return report.stored / (time.perf_counter() - started)


def pipeline_rate(warc: Path, work: Path) -> float:
    """The single-process path, over the archive's pages written out as files."""
    files = []
    for source in read_warc(warc):
        if isinstance(source, Source):
            path = work / "pages" / f"{source.doc_id}.html"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(source.raw)
            files.append(path)
    pipeline = Pipeline(Extractor(load_model()))
    with open_store(str(work / "single.db")) as store:
        started = time.perf_counter()
        report = pipeline.ingest(files, store)
        return report.stored / (time.perf_counter() - started)


# --- 2. store latency at size ---


def sizes(scale: float) -> dict[str, int]:
    return {kind: max(10, int(count * scale)) for kind, count in FULL.items()}


def schema_url(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


def prepare_store(url: str, scale: float) -> str:
    """A store of the given scale in its own schema; filled once, then reused."""
    schema = f"bench_scale_{str(scale).replace('.', '_')}"
    admin = sa.create_engine(sa.make_url(url).set(drivername="postgresql+psycopg"))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    admin.dispose()
    store_url = schema_url(url, schema)
    wanted = sizes(scale)
    with open_store(store_url) as store:
        counts = store.counts()
    if counts.get("events") == wanted["events"] and counts.get("sources") == wanted["sources"]:
        log(f"reusing the filled store in schema {schema}")
        return store_url
    started = time.perf_counter()
    fill(store_url, wanted)
    log(f"filled {wanted} in {time.perf_counter() - started:.0f} s")
    return store_url


def fill(store_url: str, wanted: dict[str, int]) -> None:
    """COPY synthetic rows into the store's tables (search index rebuilt at the end)."""
    engine = sa.create_engine(sa.make_url(store_url).set(drivername="postgresql+psycopg"))
    rng = random.Random(5)
    persons = [person_name(rng) for _ in range(wanted["persons"])]
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            cur.execute(
                "TRUNCATE search_index, event_charges, events, person_mentions, person_aliases,"
                " person_roles, occasion_persons, occasions, statements, sources, persons CASCADE"
            )
            cur.execute("DROP INDEX IF EXISTS ix_search_index_tsv")
            copy(cur, "persons (id, name, name_key, country, created_at)", person_rows(persons))
            copy(cur, "person_aliases (person_id, alias, alias_key)", alias_rows(persons))
            copy(cur, SOURCE_COLUMNS, source_rows(rng, wanted["sources"], persons))
            events = list(event_plan(rng, wanted, len(persons)))
            copy(cur, "person_mentions (person_id, source_id, person_key, name)",
                 mention_rows(events, persons))
            copy(cur, EVENT_COLUMNS, event_rows(rng, events, persons))
            copy(cur, "event_charges (event_id, position, charge)", charge_rows(events))
            log("indexing for search")
            cur.execute(
                "INSERT INTO search_index (kind, ref_id, source_id, body) "
                "SELECT 'source', id, id, coalesce(title, '') || ' ' || text FROM sources"
            )
            cur.execute(
                "INSERT INTO search_index (kind, ref_id, source_id, body) "
                "SELECT 'event', e.id, e.source_id, p.name || ' ' || e.type || ' ' || "
                "coalesce(e.place, '') || ' ' || e.evidence_sentence "
                "FROM events e JOIN persons p ON p.id = e.person_id"
            )
            cur.execute("CREATE INDEX ix_search_index_tsv ON search_index USING gin (tsv)")
            for table in ("sources", "events"):
                cur.execute(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
        raw.commit()
        with raw.cursor() as cur:
            cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
        engine.dispose()


def copy(cur, target: str, rows: Iterator[tuple]) -> None:
    started = time.perf_counter()
    count = 0
    with cur.copy(f"COPY {target} FROM STDIN") as stream:
        for row in rows:
            stream.write_row(row)
            count += 1
    log(f"  {target.split(' ')[0]}: {count} rows in {time.perf_counter() - started:.0f} s")


def person_name(rng: random.Random) -> str:
    surname = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))) + rng.choice(SURNAME_ENDINGS)
    return f"{rng.choice(GIVEN)} {surname.capitalize()}"


def person_id(number: int, name: str) -> str:
    given, surname = name.split(" ", 1)
    return f"{surname.lower()}-{given.lower()}-{number}"


def person_rows(persons: list[str]) -> Iterator[tuple]:
    now = datetime.now(UTC)
    for number, name in enumerate(persons):
        country = COUNTRIES[number % len(COUNTRIES)]
        yield (person_id(number, name), name, name_key(name), country, now)


def alias_rows(persons: list[str]) -> Iterator[tuple]:
    for number in range(0, len(persons), 4):  # one person in four is also written otherwise
        given, surname = persons[number].split(" ", 1)
        alias = f"{given[0]}. {surname}"
        yield (person_id(number, persons[number]), alias, name_key(alias))


SOURCE_COLUMNS = (
    "sources (id, content_hash, doc_id, path, url, title, published, country, kind,"
    " encoding, text, ingested_at, extractor)"
)


def source_rows(rng: random.Random, count: int, persons: list[str]) -> Iterator[tuple]:
    now = datetime.now(UTC)
    for number in range(1, count + 1):
        names = rng.sample(persons, 2)
        city, charge = rng.choice(CITIES), rng.choice(CHARGES)
        title = f"{names[0]} detained in {city}"
        text = (
            f"Police in {city} arrested {names[0]} on charges of {charge}. "
            f"{names[1]} was sentenced to {rng.randint(2, 9)} years in prison. "
            "Relatives were not allowed to visit and the hearing was closed to the press. "
            "Rights groups called the case politically motivated and urged a release."
        )
        published = date(2015, 1, 1) + timedelta(days=rng.randrange(4000))
        yield (
            number, hashlib.sha256(str(number).encode()).hexdigest(), f"bench-{number}",
            f"bench/{number}.html", f"https://news.example.org/{number}", title, published,
            rng.choice(COUNTRIES), "html", "utf-8", text, now, EXTRACTOR_VERSION,
        )


def event_plan(rng: random.Random, wanted: dict[str, int], persons: int) -> Iterator[tuple]:
    """(event id, person number, source id, type): events spread over sources in order,
    persons skewed so a few have long timelines, as in real monitoring."""
    per_source = wanted["events"] / wanted["sources"]
    for number in range(1, wanted["events"] + 1):
        if rng.random() < 0.2:  # a fifth of the events go to a long tail of well-known cases
            person = min(int(rng.paretovariate(0.6)) - 1, persons - 1)
        else:
            person = rng.randrange(persons)
        source = min(wanted["sources"], 1 + int((number - 1) / per_source))
        yield (number, person, source, rng.choice(EVENT_TYPES))


def mention_rows(events: list[tuple], persons: list[str]) -> Iterator[tuple]:
    seen: set[tuple[int, int]] = set()
    for _, person, source, _type in events:
        if (person, source) not in seen:
            seen.add((person, source))
            yield (person_id(person, persons[person]), source, f"p{person}", persons[person])


EVENT_COLUMNS = (
    "events (id, person_id, source_id, type, date, date_start, place, sentence_months, also,"
    " confidence, evidence_start, evidence_end, evidence_sentence, extractor)"
)


def event_rows(rng: random.Random, events: list[tuple], persons: list[str]) -> Iterator[tuple]:
    for number, person, source, kind in events:
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(4000))
        sentence = f"{persons[person]} was {kind.replace('_', ' ')} in {rng.choice(CITIES)}."
        months = float(rng.randint(12, 120)) if kind == "sentence" else None
        yield (
            number, person_id(person, persons[person]), source, kind, day.isoformat(), day,
            rng.choice(CITIES), months, "[]", 1.0, 0, len(sentence), sentence, EXTRACTOR_VERSION,
        )


def charge_rows(events: list[tuple]) -> Iterator[tuple]:
    for number, _person, _source, kind in events:
        if kind == "charge":
            yield (number, 0, CHARGES[number % len(CHARGES)])


def latencies(store_url: str, scale: float) -> dict[str, float]:
    """p50/p95 in milliseconds of search, person lookup by name, and the person page."""
    rng = random.Random(11)
    wanted = sizes(scale)
    with open_store(store_url) as store:
        ids = [row[0] for row in _person_ids(store_url, rng, SAMPLES + WARM_UP)]
        names = [store.person(i).name for i in ids]
        words = [f"{name.split()[1]} {rng.choice(SEARCH_WORDS)}" for name in names]

        def person_page(person: str) -> None:
            store.person(person)
            for event in store.timeline(person):
                store.source(event.source_id)

        results = {}
        for label, call, args in (
            ("search", store.search, words),
            ("find_person", store.find_persons, names),
            ("person_page", person_page, ids),
        ):
            results.update(percentiles(label, call, args))
    results["scale"] = scale
    results.update({f"rows_{k}": v for k, v in wanted.items()})
    return results


def _person_ids(store_url: str, rng: random.Random, count: int) -> list[tuple]:
    engine = sa.create_engine(sa.make_url(store_url).set(drivername="postgresql+psycopg"))
    with engine.connect() as conn:
        total = conn.exec_driver_sql("SELECT count(*) FROM persons").scalar_one()
        offsets = sorted(rng.randrange(total) for _ in range(count))
        rows = [
            conn.exec_driver_sql(f"SELECT id FROM persons ORDER BY id OFFSET {o} LIMIT 1").one()
            for o in offsets
        ]
    engine.dispose()
    rng.shuffle(rows)
    return rows


def percentiles(label: str, call: Callable[[str], object], args: list[str]) -> dict[str, float]:
    for arg in args[:WARM_UP]:
        call(arg)
    timings = []
    for arg in args[WARM_UP:]:
        started = time.perf_counter()
        call(arg)
        timings.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(timings, n=20)
    p50, p95 = statistics.median(timings), cuts[18]
    log(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(timings)} calls)")
    return {f"{label}_p50_ms": round(p50, 2), f"{label}_p95_ms": round(p95, 2)}


# --- running ---


def postgres_url(given: str | None) -> str:
    if given or os.environ.get("RIGHTSDESK_TEST_PG"):
        return given or os.environ["RIGHTSDESK_TEST_PG"]
    script = ROOT / "scripts" / "pg-test-cluster"
    return subprocess.run([str(script)], check=True, capture_output=True, text=True).stdout.strip()


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages in the throughput WARC")
    parser.add_argument("--workers", default="1,2", help="worker counts to time, e.g. 1,2")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full store")
    parser.add_argument("--pg", help="PostgreSQL URL (default: $RIGHTSDESK_TEST_PG)")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-store", action="store_true")
    parser.add_argument("--out", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    figures: dict[str, float] = {"cores": os.cpu_count() or 0, "load_1min": os.getloadavg()[0]}
    if not args.skip_throughput:
        figures.update(throughput(args.pages, [int(n) for n in args.workers.split(",")]))
        one = figures.get("dask_1_workers_pages_per_s")
        two = figures.get("dask_2_workers_pages_per_s")
        if one and two:
            figures["speedup_2_over_1"] = round(two / one, 2)
    if not args.skip_store:
        figures.update(latencies(prepare_store(postgres_url(args.pg), args.scale), args.scale))
    print(json.dumps(figures, indent=1))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
