"""The bundled sample corpus: short reports, in our own words, on real public cases.

HTML pages with site chrome and text dumps with clutter, each with a
`NAME.meta.json` sidecar; `rightsdesk demo` and the end-to-end tests read them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def corpus_dir() -> Path:
    """The directory holding the sample documents (installed package data)."""
    return Path(str(resources.files("rightsdesk.sample").joinpath("corpus")))
