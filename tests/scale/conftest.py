"""Scale fixtures: one local Dask cluster per module, corpora written as WARC and as files.

The cluster is started once and reached by its address, the way a real cluster
is; the slow test starts its own through `workers=2`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster
from scale_corpus import pg_schema

PG_ENV = "RIGHTSDESK_TEST_PG"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"pg: needs PostgreSQL at ${PG_ENV}")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a two-process local cluster."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def store_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two empty stores of one backend: one for the single-process path, one for Dask."""
    if request.param == "sqlite":
        yield str(tmp_path / "single.db"), str(tmp_path / "dask.db")
        return
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"set {PG_ENV} to a PostgreSQL URL to run the scale tests there")
    with pg_schema(url) as first, pg_schema(url) as second:
        yield first, second
