"""Fuzz runs feed parsers garbage on purpose: their error logs are noise, not news.

The fuzz tests need hypothesis (a dev dependency); without it they are left out
of collection with a warning rather than failing the whole suite on import.
"""

from __future__ import annotations

import importlib.util
import logging
import warnings

import pytest

if importlib.util.find_spec("hypothesis") is None:
    warnings.warn("hypothesis is not installed: tests/fuzz is skipped", stacklevel=1)
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(autouse=True)
def quiet_parsers() -> None:
    for name in ("trafilatura", "htmldate", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
