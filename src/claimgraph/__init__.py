"""claimgraph: who claims what about whom, on whose authority, who denies it, and when.

Quick start::

    import claimgraph
    for article in claimgraph.read_articles(["news/"]):
        print(article.id, article.outlet, article.title)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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
    "ingest",
    "read",
    "read_articles",
]


def read_articles(paths: Sequence[str], options: ReadOptions | None = None) -> Iterator[Article]:
    """Only the articles from ``paths`` (rejections are dropped; use :func:`read` to see them)."""
    for item in read(paths, options):
        if isinstance(item, Article):
            yield item
