"""claimgraph: who claims what about whom, on whose authority, who denies it, and when.

Quick start::

    import claimgraph
    for article in claimgraph.read_articles(["news/"]):
        print(article.id, article.outlet, article.title)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claimgraph.errors import ClaimgraphError, InputError, NotFoundError, StoreError
from claimgraph.ingest import IngestReport, ingest
from claimgraph.model import Article, Dateline, Rejection
from claimgraph.readers import ReadOptions, read
from claimgraph.store import Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ClaimgraphError",
    "Dateline",
    "IngestReport",
    "InputError",
    "NotFoundError",
    "ReadOptions",
    "Rejection",
    "Store",
    "StoreError",
    "__version__",
    "extract",
    "extract_many",
    "ingest",
    "read",
    "read_articles",
]


def extract(
    text_or_article: str | Article, *, published: str | None = None, model: str | None = None
) -> dict[str, Any]:
    """One ``claimgraph.document/1`` object (see :mod:`claimgraph.extractor`; loads spaCy lazily)."""
    from claimgraph.extractor import extract as _extract

    return _extract(text_or_article, published=published, model=model)


def extract_many(
    items: Iterable[str | Article], *, published: str | None = None, model: str | None = None
) -> Iterator[dict[str, Any]]:
    """Documents for many texts or articles, streamed, in input order."""
    from claimgraph.extractor import extract_many as _extract_many

    return _extract_many(items, published=published, model=model)


def read_articles(paths: Sequence[str], options: ReadOptions | None = None) -> Iterator[Article]:
    """Only the articles from ``paths`` (rejections are dropped; use :func:`read` to see them)."""
    for item in read(paths, options):
        if isinstance(item, Article):
            yield item
