"""Scale-out: the pipeline's stages on a Dask cluster, for corpora beyond one machine.

Public API: `run_dask_ingest(paths, store_url, *, scheduler=None, workers=None, ...)`
returns the same `IngestReport` as `Pipeline.ingest`, and leaves the same store.
"""

from rightsdesk.scale.runner import run_dask_ingest

__all__ = ["run_dask_ingest"]
