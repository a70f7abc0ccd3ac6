"""Every coded exception is listed in docs/errors.md, and codes are unique."""

from __future__ import annotations

from pathlib import Path

import claimgraph.actors
import claimgraph.events.tables
import claimgraph.export.output
import claimgraph.spark
import claimgraph.web.errors  # noqa: F401  (imported for their exception classes)
from claimgraph.errors import ClaimgraphError

DOC = Path(__file__).parents[1] / "docs" / "errors.md"


def subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *subclasses(sub)}
    return found


def test_every_code_is_unique_and_documented() -> None:
    classes = subclasses(ClaimgraphError)
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), sorted(codes)
    text = DOC.read_text(encoding="utf-8")
    missing = [
        f"{c.code} {c.__name__}" for c in classes if f"| `{c.code}` | `{c.__name__}` |" not in text
    ]
    assert missing == []
