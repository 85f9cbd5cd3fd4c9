"""`rightsdesk clean DIR --out F.json`, start-up included, against trafilatura warm.

    .venv/bin/python bench/clean_cli.py [--data DIR] [--runs 3]

Times the command as a user runs it (a new process: imports, reading the files,
cleaning, writing the JSON), and trafilatura's defaults over the same pages in
this process after it has cleaned them once (imports and first-call costs
already paid, the pages already in memory). Runs alternate, so both see the
same load; the medians and their ratio are printed, with the command's bare
start-up (`rightsdesk clean --help`) and its time in one process (`--workers 1`).
Issue 13 asks for a ratio of at most 0.5.
The package's modules are compiled first, as installing a wheel does (an editable
install under PYTHONDONTWRITEBYTECODE would compile them at every start).
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clean_bench import ROOT, SHARED_DATA, read_page

DEFAULT_DATA = SHARED_DATA / "article-extraction-benchmark"
RIGHTSDESK = Path(sys.executable).with_name("rightsdesk")


def timed_command(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([str(RIGHTSDESK), *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    import trafilatura  # dev-only, like the other benchmarks' libraries

    compileall.compile_dir(ROOT / "src", quiet=1)
    pages = sorted((args.data / "html").iterdir())
    htmls = [read_page(page) for page in pages]
    for html in htmls:  # warm: trafilatura's own first-call costs are not counted
        trafilatura.extract(html)
    command, library, startup, single = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "clean.json"
        for _ in range(args.runs):
            command.append(timed_command("clean", str(args.data / "html"), "--out", str(out)))
            start = time.perf_counter()
            for html in htmls:
                trafilatura.extract(html)
            library.append(time.perf_counter() - start)
            startup.append(timed_command("clean", "--help"))
            single.append(timed_command("clean", str(args.data / "html"), "--out", str(out),
                                        "--workers", "1"))
    cmd, lib = statistics.median(command), statistics.median(library)
    print(f"{len(pages)} pages, median of {args.runs} alternating runs")
    print(f"rightsdesk clean --out, start-up included  {cmd:6.2f} s")
    print(f"  of which start-up (clean --help)          {statistics.median(startup):6.2f} s")
    print(f"  in one process (--workers 1)              {statistics.median(single):6.2f} s")
    print(f"trafilatura.extract, warm process          {lib:6.2f} s")
    print(f"ratio                                      {cmd / lib:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
