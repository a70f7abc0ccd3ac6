"""Claim threads on Spark: the same threads as the store, from the same claims.

Threads never cross an actor signature (``claimgraph.claims.threads``, rule 1), so the
signature is an exact blocking key: claims are grouped by (subject code, object code), and
each group is replayed in input order (article, then claim) through
:class:`~claimgraph.claims.threads.ThreadBook`, the in-memory twin of the store's writer.
One task per signature; no pair of claims is compared across signatures. Claims naming no
coded actor are not threaded, as in the store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from claimgraph.spark import require_pyspark

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

THREADS_DDL = "`article_id` STRING, `id` STRING, `thread_id` STRING"

Item = tuple[int, int, str, str | None, str]  # input order, claim index, article, day, claim


def replay(
    group: tuple[tuple[bool, str, bool, str], Iterable[Item]],
) -> Iterator[tuple[str, str, str | None]]:
    """One signature's claims, in the order the store would see them, through a ThreadBook."""
    from claimgraph.claims.threads import ThreadBook

    _signature, items = group
    book = ThreadBook()
    for _order, _index, article_id, day, claim_json in sorted(items):
        claim = json.loads(claim_json)
        yield (article_id, claim["id"], book.assign(article_id, claim, day))


def assign_threads(claims: DataFrame) -> DataFrame:
    """``article_id, id, thread_id`` for every threadable claim of the claims table."""
    require_pyspark()
    from pyspark.sql import functions as F

    threadable = claims.where(F.col("subject_code").isNotNull() | F.col("object_code").isNotNull())
    grouped = threadable.select(
        "subject_code", "object_code", "input_order", "claim_index", "article_id", "day", "claim"
    ).rdd.map(_keyed)
    return claims.sparkSession.createDataFrame(grouped.groupByKey().flatMap(replay), THREADS_DDL)


def signature_key(subject: str | None, obj: str | None) -> tuple[bool, str, bool, str]:
    """A claim's signature as a key PySpark can sort: a group that outgrows
    ``spark.python.worker.memory`` is spilled in sorted key order, and ``None`` does not
    compare with a code."""
    return (subject is not None, subject or "", obj is not None, obj or "")


def _keyed(row: Any) -> tuple[tuple[bool, str, bool, str], Item]:
    return (
        signature_key(row["subject_code"], row["object_code"]),
        (row["input_order"], row["claim_index"], row["article_id"], row["day"], row["claim"]),
    )
