"""Every registered command has its section in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

from claimgraph.cli import cli

DOC = Path(__file__).parents[2] / "docs" / "cli.md"


def test_every_command_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"### `claimgraph {name}" not in text]
    assert missing == []
