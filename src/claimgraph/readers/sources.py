"""Inputs to byte streams: files, folders, globs, stdin, compressed files and tar archives.

``iter_sources`` yields one :class:`Source` per readable stream, in a stable order, or a
:class:`~claimgraph.model.Rejection` for an input that cannot be opened. Archives are read in
streaming mode, so a member must be consumed before the next one is asked for (the ingest
loop does exactly that).
"""

from __future__ import annotations

import bz2
import glob
import gzip
import lzma
import os
import sys
import tarfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import IO, NamedTuple, cast

from claimgraph.model import Rejection

STDIN = "-"
Decompressor = Callable[[IO[bytes]], IO[bytes]]


def _gunzip(raw: IO[bytes]) -> IO[bytes]:
    return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))


def _unxz(raw: IO[bytes]) -> IO[bytes]:
    return cast(IO[bytes], lzma.LZMAFile(raw, mode="rb"))


def _bunzip2(raw: IO[bytes]) -> IO[bytes]:
    return cast(IO[bytes], bz2.BZ2File(raw, mode="rb"))


COMPRESSION_SUFFIXES: dict[str, Decompressor] = {".gz": _gunzip, ".xz": _unxz, ".bz2": _bunzip2}
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tbz")
ARCHIVE_MEMBER_SEPARATOR = "!"
# Errors that mean "these bytes are not a valid archive/compressed stream".
STREAM_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    lzma.LZMAError,
    tarfile.TarError,
)

Opener = Callable[[], AbstractContextManager[IO[bytes]]]


class Source(NamedTuple):
    """One stream of bytes to read articles from."""

    name: str  # shown in messages and stored as source_path: a path, "a.tar.xz!member", or "-"
    format_name: str  # the name whose suffix chooses the reader (compression suffix removed)
    open: Opener


def is_tar(name: str) -> bool:
    return name.lower().endswith(TAR_SUFFIXES)


def strip_compression(name: str) -> tuple[str, Callable[[IO[bytes]], IO[bytes]] | None]:
    lower = name.lower()
    for suffix, wrap in COMPRESSION_SUFFIXES.items():
        if lower.endswith(suffix):
            return name[: -len(suffix)], wrap
    return name, None


def _file_opener(path: str) -> Opener:
    return lambda: open(path, "rb")  # the caller closes it through `with`


def _wrapped_opener(inner: Opener, wrap: Callable[[IO[bytes]], IO[bytes]]) -> Opener:
    class _Ctx:
        def __enter__(self) -> IO[bytes]:
            self._outer = inner()
            raw = self._outer.__enter__()
            self._stream = wrap(raw)
            return self._stream

        def __exit__(self, *exc: object) -> None:
            self._stream.close()
            self._outer.__exit__(None, None, None)

    return _Ctx


KnownFormat = Callable[[str], bool]


def _expand_stream(
    name: str, opener: Opener, is_known: KnownFormat | None, *, explicit: bool
) -> Iterator[Source | Rejection]:
    """A named stream, possibly compressed or a tar archive, as the sources it contains.

    ``is_known`` skips streams no reader knows, except those the user named (``explicit``).
    """
    if is_tar(name):
        yield from _tar_members(name, opener, is_known)
        return
    inner_name, wrap = strip_compression(name)
    if not explicit and is_known is not None and not is_known(inner_name):
        yield Rejection(name, "no reader for this kind of file", code="S100", level="skip")
        return
    if wrap is not None:
        opener = _wrapped_opener(opener, wrap)
    yield Source(name, inner_name, opener)


def _tar_members(
    name: str, opener: Opener, is_known: KnownFormat | None
) -> Iterator[Source | Rejection]:
    try:
        with opener() as raw, _open_tar(raw) as archive:
            for member in archive:
                if not member.isfile():
                    continue
                stream = archive.extractfile(member)
                if stream is None:
                    continue
                member_name = f"{name}{ARCHIVE_MEMBER_SEPARATOR}{member.name}"
                yield from _expand_stream(
                    member_name, _const_opener(stream), is_known, explicit=False
                )
            if _ended_early(archive):
                yield Rejection(
                    name, "archive ends inside a member header: the file is truncated", code="E104"
                )
    except STREAM_ERRORS as exc:
        yield Rejection(name, f"cannot read archive: {exc}", code="E104")


def _open_tar(raw: IO[bytes]) -> tarfile.TarFile:
    """A tar archive read as a stream (members in order, compression detected)."""
    try:
        return tarfile.open(fileobj=raw, mode="r|*")
    except TypeError as exc:
        # CPython's tarfile raises TypeError (ord() of b"") on a gzip header cut short.
        raise tarfile.ReadError("compressed archive header is truncated") from exc


def _ended_early(archive: tarfile.TarFile) -> bool:
    """True when the archive stopped at a cut-off header rather than its end-of-archive block.

    tarfile treats a header cut short (after the first) as the end of the archive, so a tar
    truncated between members would otherwise lose its last members without a word. At a
    proper end, tarfile has read one whole zero block past the last member.
    """
    return archive.fileobj.tell() - archive.offset < tarfile.BLOCKSIZE


def _const_opener(stream: IO[bytes]) -> Opener:
    return lambda: nullcontext(stream)


def _stdin_opener() -> Opener:
    return lambda: nullcontext(sys.stdin.buffer)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith("."):
                yield Path(root) / file


def expand_path(path: str) -> Iterator[str] | Rejection:
    """A path, folder or glob as the files it names (folders recursively, sorted)."""
    if path == STDIN:
        return iter([STDIN])
    candidate = Path(path)
    if candidate.is_dir():
        return (str(p) for p in _walk(candidate))
    if candidate.exists():
        return iter([path])
    if glob.has_magic(path):
        matches = sorted(glob.glob(path, recursive=True))
        files: list[str] = []
        for match in matches:
            files.extend(str(p) for p in _walk(Path(match))) if Path(
                match
            ).is_dir() else files.append(match)
        if files:
            return iter(files)
        return Rejection(path, "no file matches this pattern", code="E105")
    return Rejection(path, "no such file or folder", code="E105")


def iter_sources(
    paths: Sequence[str], *, is_known: KnownFormat | None = None
) -> Iterator[Source | Rejection]:
    """Every stream the given paths name.

    Inside folders, globs and archives, files whose suffix no reader knows are skipped
    (``is_known`` decides) and reported as skips; files named explicitly are always passed
    on, so that an unknown suffix gets a clear error from the reader registry.
    """
    for path in paths:
        expanded = expand_path(path)
        if isinstance(expanded, Rejection):
            yield expanded
            continue
        explicit = path == STDIN or Path(path).is_file()
        for name in expanded:
            if name == STDIN:
                yield Source(STDIN, STDIN, _stdin_opener())
                continue
            yield from _expand_stream(name, _file_opener(name), is_known, explicit=explicit)
