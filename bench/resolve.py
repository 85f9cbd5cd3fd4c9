"""Resolution at archive scale: a batch of new documents against N known people.

    .venv/bin/python bench/resolve.py --people 1000000 --docs 32 --json
    .venv/bin/python bench/resolve.py --people 1000000 --backend postgresql --json

Prints one JSON line: {"people": N, "backend": ..., "seconds_per_batch": ...,
"peak_rss_mb": ...} and a few figures beside them.

* The store holds N synthetic people (bench/people.py: many naming traditions,
  other spellings, shared surnames), filed in the name index the way the
  writer files them, and filled by bulk inserts (a million in a few minutes).
  It is built once and reused: SQLite in ~/.cache/rightsdesk-bench/people-N.sqlite
  (--cache), PostgreSQL in the schema people_N of the database
  rightsdesk_bench_resolve on the server named by $RIGHTSDESK_TEST_PG (--pg).
* The batches are real documents: the corpus's training part (corpus/splits.json),
  --docs per batch, extracted once and cached beside the stores. Half the
  people they name are also among the known people (a store is built for the
  batches it is seeded from), so that batches join known people as well as
  adding new ones.
* Each batch is resolved as an ingest resolves it (`pipeline.resolve_batch`:
  ask the store for the candidates, resolve against them); nothing is saved, so
  every batch meets the same store. seconds_per_batch is the mean over
  --batches batches, each timed once, the first one included.

Building and extracting run in child processes, so peak_rss_mb is the memory
of resolving alone (this process, with the rightsdesk modules imported).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import resource
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from people import synthetic_people  # noqa: E402

from rightsdesk.extract import EXTRACTOR_VERSION  # noqa: E402
from rightsdesk.model import Extraction  # noqa: E402
from rightsdesk.names import name_keys, parse_name, surname_band  # noqa: E402
from rightsdesk.pipeline import resolve_batch  # noqa: E402
from rightsdesk.resolve import candidate_ids, slug_of  # noqa: E402
from rightsdesk.store import open_store  # noqa: E402
from rightsdesk.store.names import name_key  # noqa: E402

CACHE = Path.home() / ".cache" / "rightsdesk-bench"
PG_DATABASE = "rightsdesk_bench_resolve"
BUILD_VERSION = 2  # bump when the synthetic people change, so cached stores are rebuilt
KNOWN_SHARE = 0.5  # people of the batches also stored as known people
CHUNK = 20_000  # rows per bulk insert
COUNTRIES = ("KZ", "BY", "RU", "AZ", "TJ", "UZ", "KG", "EG", "SA", "CN", "VN", "IR", "TR", "NI")


# --- the batches ---


def batches(docs: int, count: int, cache: Path) -> list[list[Extraction]]:
    """`count` batches of `docs` training documents, extracted once (in a child process)."""
    path = cache / f"batches-{docs}x{count}-{EXTRACTOR_VERSION.replace('/', '-')}.pickle"
    if not path.exists():
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
            pool.submit(extract_batches, docs, count, path).result()
    return pickle.loads(path.read_bytes())


def extract_batches(docs: int, count: int, path: Path) -> None:
    from rightsdesk.extract import Extractor, load_model
    from rightsdesk.pipeline import Pipeline
    from rightsdesk.training.corpus import gold_docs, read_split

    train = gold_docs(ROOT / "corpus", read_split(ROOT / "corpus", "train"))
    chosen = random.Random(3).sample(train, min(len(train), docs * count))
    extractions, _, _ = Pipeline(Extractor(load_model()), workers=1).extract(
        [doc.path for doc in chosen]
    )
    split = [extractions[i : i + docs] for i in range(0, len(extractions), docs)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(split[:count]))


def batch_names(groups: list[list[Extraction]]) -> list[str]:
    """The names the batches give their people, in a stable order."""
    names = {p.name for group in groups for ex in group for p in ex.persons}
    return sorted(names)


# --- the known people ---


def person_rows(people: int, seeded: list[str]) -> Iterator[tuple[str, str, list[str]]]:
    """(id, name, aliases) of the synthetic people, with some of the batches' people."""
    rng = random.Random(29)
    ids: dict[str, int] = {}
    extra = [n for n in seeded if rng.random() < KNOWN_SHARE]
    people_left = people - len(extra)
    for name in extra:
        yield _identified(ids, name, [])
    for person in synthetic_people(people_left):
        yield _identified(ids, person.name, list(person.aliases))


def _identified(ids: dict[str, int], name: str, aliases: list[str]) -> tuple[str, str, list[str]]:
    """Slug ids as the resolver gives them: "kozlov-vladimir", then "kozlov-vladimir-2"."""
    parts = parse_name(name)
    slug = slug_of(parts) if parts else "person"
    ids[slug] = ids.get(slug, 0) + 1
    return (slug if ids[slug] == 1 else f"{slug}-{ids[slug]}", name, aliases)


def table_rows(people: int, seeded: list[str]) -> Iterator[dict[str, list[tuple]]]:
    """Rows for persons, person_aliases, person_name_keys and surname_keys, in chunks."""
    now = datetime.now(UTC).isoformat(sep=" ")
    surnames: set[str] = set()
    chunk: dict[str, list[tuple]] = _empty()
    for number, (person_id, name, aliases) in enumerate(person_rows(people, seeded)):
        country = COUNTRIES[number % len(COUNTRIES)]
        chunk["persons"].append((person_id, name, name_key(name), country, False, now))
        chunk["person_aliases"] += [(person_id, a, name_key(a)) for a in aliases]
        for key in name_keys([name, *aliases]):
            chunk["person_name_keys"].append((key.surname, key.initial, key.given, person_id))
            if key.surname not in surnames:
                surnames.add(key.surname)
                chunk["surname_keys"].append((key.surname, surname_band(key.surname)))
        if len(chunk["persons"]) >= CHUNK:
            yield chunk
            chunk = _empty()
    yield chunk


def _empty() -> dict[str, list[tuple]]:
    return {"persons": [], "person_aliases": [], "person_name_keys": [], "surname_keys": []}


COLUMNS = {
    "persons": "id, name, name_key, country, confidential, created_at",
    "person_aliases": "person_id, alias, alias_key",
    "person_name_keys": "surname, initial, given, person_id",
    "surname_keys": "surname, band",
}


def build_sqlite(path: Path, people: int, seeded: list[str]) -> None:
    """The store's own migrations, then bulk inserts in one transaction."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    open_store(str(partial)).close()
    with sqlite3.connect(partial) as db:
        db.execute("PRAGMA synchronous = OFF")
        for chunk in table_rows(people, seeded):
            for table, rows in chunk.items():
                marks = ", ".join("?" * len(rows[0])) if rows else ""
                if rows:
                    db.executemany(f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})", rows)
        db.execute("CREATE TABLE bench_build (version INTEGER, people INTEGER, seeded TEXT)")
        db.execute("INSERT INTO bench_build VALUES (?, ?, ?)", build_mark(people, seeded))
        db.execute("ANALYZE")
    db.close()
    partial.rename(path)


def build_postgres(url: str, people: int, seeded: list[str]) -> None:
    """The store's own migrations in a fresh schema, then COPY."""
    schema = sa.make_url(url).query["options"].split("=", 1)[1]
    engine = sa.create_engine(sa.make_url(url).set(drivername="postgresql+psycopg"))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    open_store(url).close()
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur:
            for chunk in table_rows(people, seeded):
                for table, rows in chunk.items():
                    with cur.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
            cur.execute("CREATE TABLE bench_build (version INTEGER, people INTEGER, seeded TEXT)")
            cur.execute("INSERT INTO bench_build VALUES (%s, %s, %s)", build_mark(people, seeded))
        raw.commit()
        with raw.cursor() as cur:
            cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
        engine.dispose()


def build_mark(people: int, seeded: list[str]) -> tuple[int, int, str]:
    """What a finished build records: this version, its size, the batches' people."""
    return BUILD_VERSION, people, hashlib.sha256("\n".join(seeded).encode()).hexdigest()[:16]


def built(url: str, people: int, seeded: list[str]) -> bool:
    """Whether the store at `url` is a finished build of this version, size and seeding."""
    engine = sa.create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        with engine.connect() as conn:
            row = conn.execute(sa.text("SELECT version, people, seeded FROM bench_build")).first()
        return row is not None and tuple(row) == build_mark(people, seeded)
    except sa.exc.SQLAlchemyError:
        return False
    finally:
        engine.dispose()


def prepare_store(backend: str, people: int, seeded: list[str], args: argparse.Namespace) -> str:
    """The store's URL, building it first (in a child process) when it is not there."""
    if backend == "sqlite":
        path = args.cache / f"people-{people}.sqlite"
        target, build, url = path, build_sqlite, str(path)
        if path.exists() and built(str(path), people, seeded):
            return url
    else:
        url = pg_url(args.pg, people)
        target, build = url, build_postgres
        if built(url.replace("postgresql://", "postgresql+psycopg://", 1), people, seeded):
            return url
    started = time.perf_counter()
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        pool.submit(build, target, people, seeded).result()
    log(f"built {people} people ({backend}) in {time.perf_counter() - started:.0f} s")
    return url


def pg_url(given: str | None, people: int) -> str:
    """A schema of its own in the benchmark's database, which is created when missing."""
    server = sa.make_url(given or os.environ["RIGHTSDESK_TEST_PG"])
    server = server.set(drivername="postgresql+psycopg")
    admin = sa.create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": PG_DATABASE}
        ).first()
        if not exists:
            conn.exec_driver_sql(f"CREATE DATABASE {PG_DATABASE}")
    admin.dispose()
    base = server.set(database=PG_DATABASE).render_as_string(hide_password=False)
    return f"{base}?options={quote(f'-csearch_path=people_{people}')}"


# --- measuring ---


def measure(url: str, groups: list[list[Extraction]]) -> dict[str, float]:
    """Seconds for each batch, resolved against the store as an ingest would; then,
    untimed, how many known people each batch was compared with and how many joined."""
    timings, joined = [], []
    with open_store(url) as store:
        for group in groups:
            started = time.perf_counter()
            resolution = resolve_batch(store, group)
            timings.append(time.perf_counter() - started)
            joined.append(sum(store.has_person(i) for i in set(resolution.person_ids.values())))
        candidates = [len(candidate_ids(group, store)) for group in groups]
    return {
        "seconds_per_batch": round(statistics.mean(timings), 3),
        "max_seconds": round(max(timings), 3),
        "first_seconds": round(timings[0], 3),
        "candidates_per_batch": round(statistics.mean(candidates), 1),
        "known_joined_per_batch": round(statistics.mean(joined), 1),
    }


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000, help="known people in the store")
    parser.add_argument("--docs", type=int, default=32, help="documents per batch")
    parser.add_argument("--batches", type=int, default=5, help="batches timed")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg", help="PostgreSQL server URL (default: $RIGHTSDESK_TEST_PG)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where stores and batches stay")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()
    groups = batches(args.docs, args.batches, args.cache)
    url = prepare_store(args.backend, args.people, batch_names(groups), args)
    figures = {"people": args.people, "backend": args.backend, **measure(url, groups)}
    figures["peak_rss_mb"] = peak_rss_mb()
    figures["documents"] = sum(len(group) for group in groups)
    if not args.json:
        log(f"{args.people} people on {args.backend}: {figures['seconds_per_batch']} s per batch")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
