"""Extraction speed, model load included: `rightsdesk extract` over a folder, start to end.

    python bench/extract_speed.py --docs ../shared/eval/dev/docs [--baseline SRC] [--runs 3]

Each run is a fresh process (`python -m rightsdesk.cli extract ...`), timed from
start to exit, so imports and model load count. With `--baseline SRC` (the `src`
folder of another checkout) the two extractors run alternately in one session,
so the machine's load weighs on both alike. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed_run(docs: Path, src: Path | None) -> float:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "p.jsonl"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rightsdesk.cli", "extract", str(docs),
                        "--out", str(out)], check=True, env=env, capture_output=True)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--baseline", type=Path, help="src folder of the extractor to compare")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    count = sum(1 for p in args.docs.iterdir() if p.suffix in {".txt", ".html", ".htm"})
    times: dict[str, list[float]] = {"current": [], "baseline": []}
    for _ in range(args.runs):
        times["current"].append(timed_run(args.docs, None))
        if args.baseline:
            times["baseline"].append(timed_run(args.docs, args.baseline))
    result = {"documents": count, "load": os.getloadavg()[0]}
    for name, found in times.items():
        if found:
            best = statistics.median(found)
            result[name] = {"seconds": round(best, 2), "docs_per_second": round(count / best, 1)}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
