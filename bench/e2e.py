"""One end-to-end run (read, clean, extract, resolve, store) or one dev-set score, as JSON.

    .venv/bin/python bench/e2e.py run rightsdesk CORPUS [--every N]
    .venv/bin/python bench/e2e.py score baseline

`run` ingests CORPUS into a new SQLite store in a temporary directory and
prints {"docs", "seconds", "cpu_seconds", ...}; with --every it also prints
{"read": n} each n documents read, for the memory sampler in bench/bench.py.
`score` extracts ../shared/eval/dev/docs and prints score.py's JSON summary.
Each run is its own process, so the two systems never share a warm model.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
SHARED = BENCH.parents[1] / "shared"

from baseline import BaselinePipeline  # noqa: E402

from rightsdesk.pipeline import Pipeline, write_predictions  # noqa: E402
from rightsdesk.store import open_store  # noqa: E402

SYSTEMS = {"rightsdesk": Pipeline, "baseline": BaselinePipeline}


def cpu_seconds() -> float:
    """User and system time of this process and of its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def run(system: str, corpus: Path, every: int, workers: int | None) -> dict:
    pipeline = SYSTEMS[system].load(workers=workers)
    count = 0

    def progress(_path: str) -> None:
        nonlocal count
        count += 1
        if every and count % every == 0:
            print(json.dumps({"read": count}), flush=True)

    with tempfile.TemporaryDirectory() as folder, open_store(f"{folder}/cases.db") as store:
        started, cpu = time.perf_counter(), cpu_seconds()
        report = pipeline.ingest([corpus], store, progress=progress)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    return {
        "system": system,
        "workers": pipeline.workers,
        "docs": report.files,
        "stored": report.stored,
        "failures": len(report.failures),
        "seconds": seconds,
        "cpu_seconds": cpu,
    }


def score(system: str) -> dict:
    extractions, resolution, failures = SYSTEMS[system].load().extract([SHARED / "eval/dev/docs"])
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    with tempfile.TemporaryDirectory() as folder:
        predictions = Path(folder) / "predictions.jsonl"
        write_predictions(predictions, extractions, resolution)
        summary = io.StringIO()
        with contextlib.redirect_stdout(summary):
            scorer.main(["--gold", str(SHARED / "eval/dev"), "--pred", str(predictions), "--json"])
    return {"system": system, "failures": len(failures), **json.loads(summary.getvalue())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["run", "score"])
    ap.add_argument("system", choices=sorted(SYSTEMS))
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument("--every", type=int, default=0)
    ap.add_argument("--workers", type=int, help="rightsdesk's worker processes (default: cores)")
    args = ap.parse_args(argv)
    if args.mode == "run":
        result = run(args.system, args.corpus, args.every, args.workers)
    else:
        result = score(args.system)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
