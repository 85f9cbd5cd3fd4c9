"""Every command is documented: it has help, and the README shows it in use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer

from rightsdesk.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands() -> list[tuple[str, Any]]:
    """(full name, command) for every command, sub-commands included (typer's own click)."""
    root: Any = typer.main.get_command(app)
    found = []
    for name, command in root.commands.items():
        if hasattr(command, "commands"):
            found += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
        else:
            found.append((name, command))
    return found


@pytest.mark.parametrize(("name", "command"), commands(), ids=lambda v: str(v))
def test_command_has_help_and_appears_in_the_readme(name: str, command: Any) -> None:
    assert command.help and len(command.help.strip()) > 20
    assert f"rightsdesk {name}" in README
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{name} {param.opts[0]} has no help"
