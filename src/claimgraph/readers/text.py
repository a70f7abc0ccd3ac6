"""Plain text in the seed's layout (see :mod:`claimgraph.header`), or bare text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from claimgraph.decoding import decode_bytes
from claimgraph.errors import InputError
from claimgraph.header import parse_header
from claimgraph.model import Article, Rejection
from claimgraph.readers.common import MAX_TEXT_CHARS, empty_body, finish
from claimgraph.readers.options import ReadOptions


def article_from_text(
    file_text: str, *, path: str, options: ReadOptions, encoding: str | None = None
) -> Article | Rejection:
    """One article from a whole decoded file. ``text`` is always a slice of ``file_text``."""
    if options.plain:
        body = file_text.rstrip()
        if not body.strip():
            return empty_body(path)
        return finish(
            Article(text=body, source_path=path, body_offset=0, encoding=encoding), options
        )
    header = parse_header(file_text)
    body = file_text[header.body_offset :].rstrip()
    if not body:
        return empty_body(path)
    article = Article(
        text=body,
        source_path=path,
        body_offset=header.body_offset,
        outlet=header.outlet,
        published=header.published,
        title=header.title,
        byline=header.byline,
        dateline=header.dateline,
        encoding=encoding,
    )
    return finish(article, options)


def read_text(stream: IO[bytes], path: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    data = stream.read(MAX_TEXT_CHARS * 4 + 1)
    if len(data) > MAX_TEXT_CHARS * 4:
        raise InputError(path, f"file larger than {MAX_TEXT_CHARS * 4:,} bytes")
    decoded = decode_bytes(data, path)
    yield article_from_text(decoded.text, path=path, options=options, encoding=decoded.encoding)
