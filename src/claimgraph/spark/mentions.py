"""Event mentions on Spark: which events of different articles report one event.

The rules are the single-machine ones (:mod:`claimgraph.events.mentions`). Two mentions can
only match with the same type, flags, actor codes and recipient codes, so those four columns
are an exact blocking key: Spark groups the linkable mentions by block (one shuffle), and
each block is resolved in one Python task (:func:`resolve_mentions`): the pairs within the
date window are compared on the project's own MinHash signatures (same permutations, so the
same estimate as ``same_event``), and the pairs that pass go through the store's greedy
order (:func:`claimgraph.spark.linking.resolve_block`).

An earlier version found the pairs with a Spark SQL self-join and counted equal signature
positions with ``zip_with``/``aggregate``: higher-order functions are interpreted, not
compiled, and on 2,000 articles (9,690 mentions, 15,444 pairs in a window, 754 passing)
that join took 4.5-9 s on two cores, against milliseconds for the same comparisons in
numpy inside each block. ``MinHashLSH`` was not used: its signatures are not the store's,
so a pair near the threshold could be decided differently, and the block key already cuts
the pairs to few per mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from claimgraph.spark import require_pyspark
from claimgraph.spark.linking import Mention, Pair, mention_id, resolve_block

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

BLOCK = ("type", "flags", "actors", "recipients")
CANONICAL_DDL = "`article_id` STRING, `event_id` STRING, `canonical_event` STRING"

BlockKey = tuple[str, int, str, str]


class Signed(NamedTuple):
    """A linkable mention with its MinHash signature."""

    mention: Mention
    signature: Sequence[int]


def block_pairs(signed: Sequence[Signed]) -> list[Pair]:
    """Every (earlier, later) pair of one block's mentions that ``same_event`` accepts:
    different articles, the earlier one first in input order, days at most
    ``DATE_WINDOW_DAYS`` apart, similarity at least ``SIMILARITY_THRESHOLD``."""
    import numpy as np

    from claimgraph.events.mentions import DATE_WINDOW_DAYS, NUM_PERM, SIMILARITY_THRESHOLD

    if len(signed) < 2:
        return []
    by_day = sorted(signed, key=lambda s: s.mention.day)
    days = [date.fromisoformat(s.mention.day).toordinal() for s in by_day]
    signatures = np.asarray([s.signature for s in by_day], dtype=np.int64)
    pairs = []
    start = 0
    for i, later in enumerate(by_day):
        while days[i] - days[start] > DATE_WINDOW_DAYS:
            start += 1
        end = i + 1
        while end < len(by_day) and days[end] - days[i] <= DATE_WINDOW_DAYS:
            end += 1
        # every mention within the window on either side, compared at once
        same = np.count_nonzero(signatures[start:end] == signatures[i], axis=1)
        for offset, equal in enumerate(same.tolist()):
            earlier = by_day[start + offset].mention
            if earlier.input_order >= later.mention.input_order:
                continue  # the same article, or a later one (its own turn as `later`)
            score = equal / NUM_PERM
            if score >= SIMILARITY_THRESHOLD:
                pairs.append(
                    Pair(
                        (earlier.article_id, earlier.event_id),
                        (later.mention.article_id, later.mention.event_id),
                        score,
                    )
                )
    return pairs


def resolve_mentions(item: tuple[BlockKey, Iterable[Signed]]) -> list[tuple[str, str, str]]:
    """``(article_id, event_id, canonical_event)`` for every mention of one block."""
    _key, members = item
    signed = list(members)
    return resolve_block([s.mention for s in signed], block_pairs(signed))


def _keyed(row: Any) -> tuple[BlockKey, Signed]:
    return (
        (row["type"], row["flags"], row["actors"], row["recipients"]),
        Signed(
            Mention(
                row["article_id"],
                row["event_id"],
                row["input_order"],
                row["event_index"],
                row["day"],
            ),
            row["signature"],
        ),
    )


def link_mentions(mentions: DataFrame) -> DataFrame:
    """``article_id, event_id, canonical_event`` for every mention (table ``MENTIONS``)."""
    require_pyspark()
    from pyspark.sql import functions as F

    spark = mentions.sparkSession
    blocks = (
        mentions.where(F.col("linkable"))
        .select(*BLOCK, "article_id", "event_id", "input_order", "event_index", "day", "signature")
        .rdd.map(_keyed)
        .groupByKey()
    )
    resolved = spark.createDataFrame(blocks.flatMap(resolve_mentions), CANONICAL_DDL)
    alone = mentions.where(~F.col("linkable")).select(
        "article_id",
        "event_id",
        F.concat_ws(":", "article_id", "event_id").alias("canonical_event"),
    )
    return resolved.unionByName(alone)


__all__ = ["block_pairs", "link_mentions", "mention_id", "resolve_mentions"]
