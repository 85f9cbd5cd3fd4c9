"""Fuzz runs feed parsers garbage on purpose: their error logs are noise, not news."""

from __future__ import annotations

import logging

import pytest


@pytest.fixture(autouse=True)
def quiet_parsers() -> None:
    for name in ("trafilatura", "htmldate", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
