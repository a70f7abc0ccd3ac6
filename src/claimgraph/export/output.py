"""Where exports are written: atomic files, stdout, and files inside one directory only."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from claimgraph.errors import ExportPathError, MissingDependencyError

__all__ = ["STDOUT", "ExportPathError", "MissingDependencyError"]

STDOUT = "-"


@contextmanager
def text_stream(output: str | Path) -> Iterator[IO[str]]:
    """A text stream to ``output``: stdout for ``-``; otherwise a temporary file beside it,
    renamed over it only when everything was written (no half file on an error)."""
    if str(output) == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(output)
    if path.is_dir():
        raise ExportPathError(f"{path}: is a directory; give a file name (or - for stdout)")
    if not path.parent.is_dir():
        raise ExportPathError(f"{path}: folder {path.parent} does not exist")
    with atomic(path, mode="w") as stream:
        yield stream


@contextmanager
def atomic(path: Path, *, mode: str = "w") -> Iterator[IO[str]]:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding="utf-8", newline="") as stream:
            yield stream
        publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish(tmp: str, path: Path) -> None:
    """Move a finished temporary file over ``path``, with the permissions a plain ``open``
    would have given it (mkstemp makes files private)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)


def directory(output: str | Path) -> Path:
    """The export directory (created when missing; its parent must exist)."""
    if str(output) == STDOUT:
        raise ExportPathError("this format writes one file per table: give --output DIRECTORY")
    path = Path(output)
    if path.exists() and not path.is_dir():
        raise ExportPathError(f"{path}: exists and is not a directory")
    if not path.parent.is_dir():
        raise ExportPathError(f"{path}: folder {path.parent} does not exist")
    path.mkdir(exist_ok=True)
    return path


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refused unless it stays inside ``folder`` (no ``..``, no absolute
    name, no symlink pointing elsewhere)."""
    base = folder.resolve()
    target = (base / name).resolve()
    if target.parent != base:
        raise ExportPathError(f"{name!r}: would be written outside {folder}")
    return target
