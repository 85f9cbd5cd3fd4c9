"""Coverage-guided fuzzing of read_source -> clean_source with atheris (optional).

Not collected by pytest. Run it for as long as you like, e.g.:
    .venv/bin/python tests/fuzz/atheris_readers.py -atheris_runs=20000
A crash prints the input and writes it as crash-<sha1>; put it in tests/fuzz/corpus/
with a document suffix (e.g. `.html`) and it becomes a regression case.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from contextlib import suppress
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["rightsdesk"]):
    from rightsdesk.clean import clean_source
    from rightsdesk.config import Limits
    from rightsdesk.errors import UnreadableSource
    from rightsdesk.ingest import read_source

LIMITS = Limits(max_file_bytes=256 * 1024, max_decompressed_bytes=1 << 20, max_html_depth=64)
SUFFIXES = (".html", ".txt", ".html.gz", ".txt.gz")
FOLDER = Path(tempfile.mkdtemp(prefix="rightsdesk-atheris-"))


def read_and_clean(data: bytes) -> None:
    """One input: the first byte picks the file kind, the rest is the file."""
    provider = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[provider.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    path = FOLDER / f"doc{suffix}"
    path.write_bytes(provider.ConsumeBytes(provider.remaining_bytes()))
    with suppress(UnreadableSource):
        clean_source(read_source(path, limits=LIMITS), limits=LIMITS)


if __name__ == "__main__":
    logging.disable(logging.CRITICAL)
    atheris.Setup(sys.argv, read_and_clean)
    atheris.Fuzz()
