"""Load test of the web desk: 50 users browse, search and review while an ingest runs.

    .venv/bin/python bench/load.py                         # 50 users, 90 s
    .venv/bin/python bench/load.py --users 10 --run-time 20 --sources 500 --pages 1500  # short
    make load-short    # the short run as a test: tests/reliability/test_load_short.py (CI)

1. Builds a store of `--sources` synthetic sources (the generator of
   tests/web/bench_desk.py) in a temporary directory and adds two accounts.
2. Starts `rightsdesk serve` on 127.0.0.1 (a free port) and, at the same time,
   `rightsdesk ingest` of `--pages` generated news pages into the same store.
3. Runs locust headless (bench/locustfile.py) for `--run-time` seconds: viewers
   browse the dashboard, case lists, person and source pages; searchers search;
   analysts open the review queue and accept or reject facts with the CSRF token.
4. Prints the login times (argon2, counted apart), then throughput and p50/p95
   per kind of request once every user is logged in (the steady state), and the
   errors of the whole run; stops the server and the ingest, and exits 1 when
   the target (no errors, p95 under `--p95-ms` for every kind) is missed, or
   when the desk exited before the end. `--json FILE` also writes the figures
   (per kind, errors, pages ingested, how the desk and the ingest ended, the
   store's integrity problems).

The page texts come from sentence templates written for this benchmark.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "web"))

from bench_desk import build  # noqa: E402

from rightsdesk.store import open_store  # noqa: E402
from rightsdesk.web import add_user  # noqa: E402

PASSWORD = "load test password 2026"
LOGIN_KIND = "login"
START_TIMEOUT_S = 120  # the desk reads the store and builds its overviews at startup

FIRST_NAMES = ("Alina", "Pavel", "Nadia", "Ruslan", "Olga", "Timur", "Sofia", "Kamal", "Leyla")
SURNAME_PARTS = ("mar", "tel", "ves", "dor", "kan", "bel", "rush", "lom", "zar", "pet", "gor")
SURNAME_ENDS = ("ova", "ov", "enko", "ich", "yan", "li")
CITIES = (("Minsk", "Belarus"), ("Baku", "Azerbaijan"), ("Kazan", "Russia"), ("Hue", "Vietnam"))
OCCUPATIONS = ("journalist", "blogger", "lawyer", "trade unionist", "student", "teacher")
CHARGES = ("extremism", "organising mass riots", "insulting the president", "treason")
BODIES = ("The European Union", "The UN Working Group on Arbitrary Detention")
PAGE_SENTENCES = (
    "Security officers in {city}, {country}, detained the {occupation} {name} on {day}.",
    "Investigators charged {name} with {charge} after a post about the protests.",
    "On {day} a court in {city} sentenced {name} to {years} years in a penal colony for {charge}.",
    "Relatives said that {name} was released on {day} after serving the full term.",
)
CLOSING = "{body} called for the release of {name} and of all political prisoners."


# --- inputs ---


def page_text(number: int, rng: random.Random) -> tuple[str, str]:
    """A short news page about one person: a title and two or three sentences."""
    surname = "".join(rng.choice(SURNAME_PARTS) for _ in range(2)) + rng.choice(SURNAME_ENDS)
    name = f"{rng.choice(FIRST_NAMES)} {surname.capitalize()}"
    city, country = rng.choice(CITIES)
    day = date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))
    fields = {
        "name": name,
        "city": city,
        "country": country,
        "occupation": rng.choice(OCCUPATIONS),
        "charge": rng.choice(CHARGES),
        "day": f"{day.day} {day:%B %Y}",
        "years": rng.randint(2, 9),
        "body": rng.choice(BODIES),
    }
    sentences = [s.format(**fields) for s in rng.sample(PAGE_SENTENCES, 2)]
    sentences.append(CLOSING.format(**fields))
    return f"Report {number}: {name}", " ".join(sentences)


def write_pages(folder: Path, pages: int) -> None:
    """Plain-text pages with their sidecars, as `rightsdesk ingest` reads them."""
    rng = random.Random(11)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(pages):
        title, text = page_text(number, rng)
        (folder / f"page{number:05}.txt").write_text(f"{title}\n\n{text}\n")
        meta = {
            "url": f"https://news.example.org/load/{number}",
            "published": "2026-10-15",
            "title": title,
        }
        (folder / f"page{number:05}.meta.json").write_text(json.dumps(meta))


def prepare_store(db: Path, sources: int, users: int) -> int:
    """The synthetic store plus a viewer and an analyst account per simulated user
    (`load-viewer-N`, `load-analyst-N`); returns the person count."""
    started = time.perf_counter()
    with open_store(str(db)) as store:
        build(store, sources)
        for number in range(1, users + 1):
            add_user(store, f"load-viewer-{number}", PASSWORD, "viewer")
            add_user(store, f"load-analyst-{number}", PASSWORD, "analyst")
        counts = store.counts()
    print(f"store: {counts} built in {time.perf_counter() - started:.0f} s", flush=True)
    return sources // 3


# --- processes ---


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rightsdesk(*args: str, log: Path) -> subprocess.Popen:
    """A `rightsdesk` command in its own process group, output to `log`."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "rightsdesk.cli", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the desk exited with {server.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{base}/login", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the desk did not answer within {START_TIMEOUT_S} s")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL after ten seconds; only the processes this script started."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run_locust(
    base: str, args: argparse.Namespace, *, persons: int, prefix: Path, log: Path
) -> None:
    env = os.environ | {
        "LOAD_PASSWORD": PASSWORD,
        "LOAD_PERSONS": str(persons),
        "LOAD_SOURCES": str(args.sources),
        "LOAD_SUMMARY": str(prefix.with_suffix(".json")),
    }
    command = [
        sys.executable, "-m", "locust",
        "-f", str(ROOT / "bench" / "locustfile.py"),
        "--headless", "--only-summary", "--loglevel", "WARNING",
        "-u", str(args.users), "-r", str(args.spawn_rate),
        "--run-time", f"{args.run_time}s", "--stop-timeout", "5",
        "--host", base, "--csv", str(prefix),
    ]  # fmt: skip
    with log.open("wb") as out:
        subprocess.run(
            command, env=env, check=False, timeout=args.run_time + 60, stdout=out, stderr=out
        )


# --- figures ---


def read_stats(prefix: Path) -> list[dict[str, str]]:
    with Path(f"{prefix}_stats.csv").open() as handle:
        return list(csv.DictReader(handle))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def report(rows: list[dict[str, str]], summary: dict, p95_target: float) -> bool:
    """Prints the table; True when there were no errors and every kind's p95 is on target."""
    logins = summary["logins_ms"]
    print(
        f"\nlogins: {len(logins)}, p50 {percentile(logins, 0.5):.0f} ms, "
        f"p95 {percentile(logins, 0.95):.0f} ms (argon2); steady state from "
        f"{summary['steady_after_s']} s after the start"
    )
    print(f"\n{'kind (steady state)':24} {'requests':>9} {'errors':>7} {'req/s':>7} "
          f"{'p50 ms':>7} {'p95 ms':>7}")  # fmt: skip
    met = True
    for row in rows:
        if row["Name"] == LOGIN_KIND:
            continue
        print(
            f"{row['Name']:24} {row['Request Count']:>9} {row['Failure Count']:>7} "
            f"{float(row['Requests/s']):7.1f} {row['50%']:>7} {row['95%']:>7}"
        )
        if row["Name"] != "Aggregated" and float(row["95%"]) >= p95_target:
            met = False
    total = next(r for r in rows if r["Name"] == "Aggregated")
    errors = summary["errors"]
    print(
        f"\nthroughput {float(total['Requests/s']):.1f} req/s, p95 {total['95%']} ms, "
        f"errors {errors} (whole run, logins included); target: 0 errors, "
        f"p95 under {p95_target:.0f} ms for every kind"
    )
    return met and errors == 0


def stored_sources(db: Path) -> tuple[int, list[str]]:
    """Sources in the store after the run, and its integrity problems (none, we hope)."""
    with open_store(str(db)) as store:
        return store.counts()["sources"], store.integrity_check()


def ingest_summary(log: Path, stored: int) -> str:
    last = log.read_text(errors="replace").strip().splitlines()[-1:] or ["(no output)"]
    return f"ingest: {stored} sources stored during the run; last line: {last[0]}"


def figures(rows: list[dict[str, str]], summary: dict, **run: object) -> dict:
    """What `--json` writes: the steady-state figures per kind and how the run ended."""
    kinds = {
        row["Name"]: {
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "p50_ms": float(row["50%"]),
            "p95_ms": float(row["95%"]),
        }
        for row in rows
        if row["Name"] != "Aggregated"
    }
    return {"kinds": kinds, "errors": summary["errors"], "logins": len(summary["logins_ms"]), **run}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=int, default=10)
    parser.add_argument("--run-time", type=int, default=90, help="seconds, logins included")
    parser.add_argument("--sources", type=int, default=5000, help="stored before the run")
    parser.add_argument("--pages", type=int, default=3000, help="ingested during the run")
    parser.add_argument("--no-ingest", action="store_true", help="the desk alone, for comparison")
    parser.add_argument("--p95-ms", type=float, default=300.0)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rightsdesk-load-") as tmp:
        folder = Path(tmp)
        db = folder / "cases.db"
        persons = prepare_store(db, args.sources, args.users)
        write_pages(folder / "pages", args.pages)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = rightsdesk(
            "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
            log=folder / "serve.log",
        )  # fmt: skip
        ingest = None
        try:
            wait_until_up(base, server)
            if not args.no_ingest:
                ingest = rightsdesk(
                    "ingest", str(folder / "pages"), "--db", str(db), log=folder / "ingest.log"
                )
            run_locust(
                base, args, persons=persons, prefix=folder / "locust", log=folder / "locust.log"
            )
            ingest_running = ingest is not None and ingest.poll() is None
            desk_exit = server.poll()  # None: still serving at the end, as it should be
        finally:
            for process in (ingest, server):
                if process is not None:
                    stop(process)
        summary = json.loads((folder / "locust.json").read_text())
        rows = read_stats(folder / "locust")
        met = report(rows, summary, args.p95_ms) and desk_exit is None
        if desk_exit is not None:
            print(f"the desk exited with {desk_exit} during the run")
        total, problems = stored_sources(db)
        stored = total - args.sources
        print(f"store integrity after the run: {'; '.join(problems) or 'ok'}")
        if ingest is not None:
            print(ingest_summary(folder / "ingest.log", stored))
            print(f"ingest still running when the load ended: {'yes' if ingest_running else 'no'}")
        if args.json:
            ingest_exit = None if ingest is None or ingest_running else ingest.returncode
            result = figures(
                rows,
                summary,
                desk_exit=desk_exit,
                ingested=stored,
                integrity_problems=problems,
                ingest_running=ingest_running,
                ingest_exit=ingest_exit,
                target_met=met,
            )
            args.json.write_text(json.dumps(result, indent=2))
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
