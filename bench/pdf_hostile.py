"""Hostile PDFs against the reader: what each gets, and in how long.

    python bench/pdf_hostile.py

Builds each hostile PDF of tests/fuzz/hostile_pdfs.py, writes it to a file and
reads it as `rightsdesk ingest` does (read_source, then clean_source); prints the
one-line refusal (or what was read) and the wall time, against the limit
`Limits.pdf_seconds`. Peak RSS of this process shows PDFium's allocations stay
in its sandboxed child.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

from hostile_pdfs import HOSTILE  # noqa: E402

from rightsdesk.clean import clean_source  # noqa: E402
from rightsdesk.config import DEFAULT_LIMITS  # noqa: E402
from rightsdesk.errors import UnreadableSource  # noqa: E402
from rightsdesk.ingest import read_source  # noqa: E402


def outcome(path: Path) -> str:
    try:
        doc = clean_source(read_source(path))
    except UnreadableSource as refused:
        return f"refused: {refused}"
    return f"read {len(doc.text)} characters from {len({s.page for s in doc.pages})} page(s)"


def main() -> int:
    print(f"limit: {DEFAULT_LIMITS.pdf_seconds:g} s per PDF, "
          f"{DEFAULT_LIMITS.pdf_memory_bytes // 2**20} MB for PDFium")
    with tempfile.TemporaryDirectory() as folder:
        for name, build in HOSTILE.items():
            path = Path(folder) / f"{name}.pdf"
            path.write_bytes(build())
            started = time.perf_counter()
            said = outcome(path).replace(folder + "/", "")
            seconds = time.perf_counter() - started
            print(f"{name:15s} {path.stat().st_size:>8d} B {seconds:6.2f} s  {said}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak RSS of this process: {peak} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
