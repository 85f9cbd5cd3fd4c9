"""The short load run in CI: `bench/load.py` with 10 users for 20 s (`make load` is 50 for 90 s).

The script builds a store of 500 sources, starts `rightsdesk serve` and an ingest
of 1,500 pages on loopback, and runs locust against the desk. Asserted: the script
and the desk ran to the end, no request of the whole run failed, every kind of
request was made in the steady state, the ingest stored pages meanwhile (it
is stopped at the end if still running), and the store passes its integrity check.

Latency: the 300 ms p95 target is not asserted here. A CI machine is shared and
the load of its other jobs moves the tail by seconds (docs/reliability.md), so
the target is checked by `make load` on a quiet machine. The script is given a
p95 bound of 10 s per kind instead: not a target, a guard against a request that
hangs (a reader stuck behind the ingest's write lock waits up to 30 s).
About a minute; deselect with `-m 'not slow and not load'`.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

# Not imported here: locust patches the standard library (gevent) when it is imported.
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("locust") is None,
    reason="locust comes with the bench extra (make test installs it)",
)

ROOT = Path(__file__).resolve().parents[2]
KINDS = {
    "login",
    "browse: dashboard",
    "browse: cases",
    "browse: person page",
    "browse: source page",
    "search",
    "review: queue",
    "review: decide",
}
STALL_BOUND_MS = 10_000


@pytest.mark.load
def test_short_load_run_has_no_errors_and_exercises_every_kind(tmp_path: Path) -> None:
    figures_file = tmp_path / "load.json"
    command = [
        sys.executable, str(ROOT / "bench" / "load.py"),
        "--users", "10", "--run-time", "20", "--sources", "500", "--pages", "1500",
        "--p95-ms", str(STALL_BOUND_MS), "--json", str(figures_file),
    ]  # fmt: skip
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    print(run.stdout)  # the table, for `make load-short` (pytest -s)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output

    figures = json.loads(figures_file.read_text())
    assert figures["desk_exit"] is None, "the desk was serving until the end"
    assert figures["errors"] == 0, output
    assert figures["logins"] == 10
    kinds = figures["kinds"]
    assert set(kinds) >= KINDS, output
    assert {name: k["failures"] for name, k in kinds.items() if k["failures"]} == {}
    assert {name for name, k in kinds.items() if k["requests"] == 0} == set(), output
    assert figures["ingested"] > 0, "the ingest stored pages during the run"
    assert figures["ingest_exit"] in (None, 0), output  # None: still running at the end
    assert figures["integrity_problems"] == [], "the store is healthy after the run"
