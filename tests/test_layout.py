"""Data flows one way: a stage imports only the shared modules and itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "rightsdesk"
STAGES = ("ingest", "clean", "extract", "resolve", "store", "brief")
SHARED = {"model", "config", "errors", "status", "names", "romanize"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("stage", STAGES)
def test_stage_imports_only_shared_modules_and_itself(stage: str) -> None:
    allowed = SHARED | {stage}
    offending = {
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / stage).rglob("*.py")
        for name in imported_modules(path)
        if name.startswith("rightsdesk.") and name.split(".")[1] not in allowed
    }
    assert not offending


def test_shared_modules_import_no_stage() -> None:
    for name in SHARED:
        imports = imported_modules(PACKAGE / f"{name}.py")
        assert not {i for i in imports if i.startswith("rightsdesk.") and i.split(".")[1] in STAGES}
