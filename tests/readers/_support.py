"""Helpers the reader tests share: fixture paths, in-memory sources, result checks."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from contextlib import nullcontext
from pathlib import Path

from claimgraph.model import Article, Rejection
from claimgraph.readers import ReadOptions, read_source
from claimgraph.readers.sources import Source

DATA = Path(__file__).resolve().parent.parent / "data" / "readers"

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?$")
CODE = re.compile(r"^[ES]\d{3}$")


def source(data: bytes, name: str) -> Source:
    """An in-memory stream named ``name`` (its suffix chooses the reader)."""
    return Source(name, name, lambda: nullcontext(io.BytesIO(data)))


def read_bytes(
    data: bytes, name: str, options: ReadOptions | None = None
) -> list[Article | Rejection]:
    """Everything ``read_source`` makes of ``data`` read as a file called ``name``."""
    return list(read_source(source(data, name), options or ReadOptions()))


def articles(items: Iterable[Article | Rejection]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def rejections(items: Iterable[Article | Rejection]) -> list[Rejection]:
    return [item for item in items if isinstance(item, Rejection)]


def check_items(items: Iterable[object]) -> list[Article | Rejection]:
    """Assert every item is a well-formed Article or Rejection; return them."""
    checked: list[Article | Rejection] = []
    for item in items:
        if isinstance(item, Article):
            assert isinstance(item.text, str)
            assert item.text.strip(), item
            assert item.body_offset >= 0
            assert re.fullmatch(r"[0-9a-f]{16}", item.id)
            assert item.published is None or ISO_DATE.match(item.published), item.published
            assert item.source_record is None or item.source_record >= 1
        elif isinstance(item, Rejection):
            assert item.path
            assert item.reason
            assert CODE.match(item.code), item.code
            assert item.level in {"error", "skip"}
            assert item.record is None or item.record >= 1
        else:
            raise AssertionError(f"reader yielded {type(item).__name__}: {item!r}")
        checked.append(item)
    return checked
