"""A long PDF report through `rightsdesk ingest`: seconds and peak memory.

    python bench/pdf_long.py [--pages 200] [--work DIR]

Renders a two-column report with running header, footer, page numbers and
footnotes on some hundreds of fictional prisoners (tests/pdf_reports.py), grown
until it has at least `--pages` pages, then times `rightsdesk ingest` of it into
a new SQLite store in a child process. Peak RSS is the largest resident set of
that process and of the sandboxed PDF reader it forks (RUSAGE_CHILDREN).
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pdf_reports import many_prisoners, render_pdf, report_html  # noqa: E402

PRISONERS_PER_PAGE = 3.2  # two paragraphs each, about this many to a two-column page


def long_report(pages: int, path: Path) -> int:
    """Render reports with more prisoners until one has `pages` pages; its page count."""
    count = int(pages * PRISONERS_PER_PAGE)
    while True:
        path.write_bytes(render_pdf(report_html(columns=2, table=False,
                                                prisoners=many_prisoners(count))))
        rendered = len(pdfium.PdfDocument(path))
        if rendered >= pages:
            return rendered
        count = int(count * pages / rendered) + 1


def ingest(path: Path, db: Path) -> tuple[float, int]:
    """Seconds and peak RSS (bytes) of `rightsdesk ingest PATH --db DB`."""
    command = [str(Path(sys.executable).parent / "rightsdesk"), "ingest", str(path),
               "--db", str(db)]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--work", type=Path, default=Path("/tmp/rightsdesk-pdf-long"))
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    report, db = args.work / "long-report.pdf", args.work / "cases.db"
    db.unlink(missing_ok=True)
    pages = long_report(args.pages, report)
    seconds, peak = ingest(report, db)
    with sqlite3.connect(db) as conn:
        persons, events = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                           for t in ("persons", "events"))
        paged = conn.execute("SELECT count(DISTINCT evidence_page) FROM events").fetchone()[0]
    print(f"{pages} pages, {report.stat().st_size // 1024} KB: ingested in {seconds:.1f} s, "
          f"peak RSS {peak / 2**20:.0f} MB; {persons} persons, {events} events "
          f"citing {paged} different pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
