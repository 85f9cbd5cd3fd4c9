"""`make bench`: one table from one run on this machine.

    .venv/bin/python bench/bench.py                    # the full run (make bench)
    .venv/bin/python bench/bench.py --docs 200 --stream-docs 400 --skip-clean   # quick

1. Main-content extraction on the article-extraction benchmark and on the tuning
   part of the WCXB development articles (bench/clean_bench.py).
2. The same pages as text dumps, for the text-dump cleaner (bench/clean_bench.py);
   then what the cleaners return for 79 real pages that are not articles (home pages,
   listings, forum indexes: bench/nonarticle.py), when that folder has been built.
3. End to end (read, clean, extract, resolve, store into a temporary SQLite file)
   on the dev set repeated to --docs documents (bench/corpus.py: each copy gets
   one unique comment line, so no copy is skipped as already stored), for
   rightsdesk and for the baseline of bench/baseline.py, each in its own
   process, with each one's dev-set overall score (score.py).
4. Peak memory of a streaming rightsdesk ingest of --stream-docs documents:
   the resident memory of all its processes together, sampled from /proc,
   after a quarter of the input and at the end, and the largest single process
   (getrusage RUSAGE_CHILDREN).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import clean_bench  # noqa: E402

from corpus import repeat_corpus  # noqa: E402

SHARED = BENCH.parents[1] / "shared"
DEV_DOCS = SHARED / "eval" / "dev" / "docs"
SAMPLE_SECONDS = 0.5
MB = 1 << 20
SUMMED = ("docs", "seconds", "cpu_seconds", "failures")  # added up over a system's runs


def e2e(*args: str | Path) -> list[dict]:
    """Run bench/e2e.py in a fresh process; its JSON lines."""
    command = [sys.executable, str(BENCH / "e2e.py"), *map(str, args)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def end_to_end(docs: int, folder: Path) -> Iterator[str]:
    """Each system ingests the corpus twice (half each time), in the order B R R B.

    The machine's load drifts while the bench runs; the mirrored order gives
    both systems the same share of early and late minutes.
    """
    corpus = folder / "e2e"
    repeat_corpus(DEV_DOCS, corpus, docs // 2)
    results: dict[str, dict] = {}
    for system in ("baseline", "rightsdesk", "rightsdesk", "baseline"):
        run = e2e("run", system, corpus)[-1]
        total = results.setdefault(system, {**run, **dict.fromkeys(SUMMED, 0)})
        for key in SUMMED:
            total[key] += run[key]
    for system, total in results.items():
        total["overall"] = e2e("score", system)[-1]["overall"]
    yield f"{'system':36} {'workers':>7} {'docs/s':>8} {'CPU ms/doc':>11} {'dev overall':>12}"
    for system, run in results.items():
        rate = run["docs"] / run["seconds"]
        cpu = 1000 * run["cpu_seconds"] / run["docs"]
        yield f"{system:36} {run['workers']:7d} {rate:8.2f} {cpu:11.1f} {run['overall']:12.4f}"
    base, ours = results["baseline"], results["rightsdesk"]
    wall = base["seconds"] / ours["seconds"]
    cpu = base["cpu_seconds"] / ours["cpu_seconds"]
    yield f"{'rightsdesk / baseline':36} {'':7} {wall:7.2f}x {cpu:10.2f}x"
    if ours["failures"] or base["failures"]:
        yield f"failures: rightsdesk {ours['failures']}, baseline {base['failures']}"


def non_articles() -> Iterator[str]:
    """bench/nonarticle.py in its own process, or how to fetch its pages."""
    from nonarticle import DEFAULT_PAGES

    if not (DEFAULT_PAGES / "sources.tsv").is_file():
        yield f"not run: no pages in {DEFAULT_PAGES} (bench/nonarticle.py --build fetches them)"
        return
    command = [sys.executable, str(BENCH / "nonarticle.py")]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    yield from done.stdout.splitlines()


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (shared pages counted in each)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += next(int(line.split()[1]) * 1024 for line in status.splitlines()
                      if line.startswith("VmRSS:"))
        for task in tasks:
            with_children = (task / "children").read_text().split()
            stack.extend(int(child) for child in with_children)
    return total


def streaming_memory(docs: int, folder: Path) -> Iterator[str]:
    """Peak resident memory of one streaming ingest, read at each quarter of the input."""
    corpus = folder / "stream"
    repeat_corpus(DEV_DOCS, corpus, docs)
    quarter = max(docs // 4, 1)
    command = [sys.executable, str(BENCH / "e2e.py"), "run", "rightsdesk", str(corpus),
               "--every", str(quarter)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in child.stdout], daemon=True).start()
    peak, peaks, result = 0, {}, None
    while child.poll() is None or not lines.empty():
        if child.poll() is None:
            peak = max(peak, tree_rss(child.pid))
        while not lines.empty():
            record = json.loads(lines.get())
            if "read" in record:
                peaks[record["read"]] = peak
            result = record if "seconds" in record else result
        time.sleep(SAMPLE_SECONDS)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert result is not None, "the streaming run printed no result"
    peaks[docs] = peak
    by_quarter = ", ".join(f"{n:,}: {rss / MB:,.0f} MB" for n, rss in sorted(peaks.items()))
    yield f"peak RSS of all processes together, after documents read: {by_quarter}"
    yield (
        f"largest single process {largest / MB:,.0f} MB; {result['workers']} workers; "
        f"{result['docs'] / result['seconds']:.2f} docs/s; {result['failures']} failures"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="end-to-end corpus size")
    ap.add_argument("--stream-docs", type=int, default=10_000, help="streaming-memory corpus")
    ap.add_argument("--data", type=Path, action="append", help="a cleaner benchmark folder")
    ap.add_argument("--skip-clean", action="store_true", help="leave out sections 1 and 2")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    print(f"rightsdesk bench: {os.cpu_count()} cores, load average {load()} at start", flush=True)
    with tempfile.TemporaryDirectory(prefix="rightsdesk-bench-") as tmp:
        sections = [
            ("3. End to end", lambda: end_to_end(args.docs, Path(tmp))),
            ("4. Streaming memory", lambda: streaming_memory(args.stream_docs, Path(tmp))),
        ]
        if not args.skip_clean:
            sections.insert(0, ("1-2. Main content (HTML) and text dumps", lambda: (
                line for data in args.data or clean_bench.DEFAULT_DATA
                for line in clean_bench.table(data))))
            sections.insert(1, ("Non-article pages", non_articles))
        for title, section in sections:
            print(f"\n{title}", flush=True)
            for line in section():
                print(line, flush=True)
    minutes = (time.perf_counter() - started) / 60
    print(f"\nload average {load()} at the end; {minutes:.0f} minutes", flush=True)
    return 0


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
