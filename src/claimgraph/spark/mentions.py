"""Event mentions on Spark: which events of different articles report one event.

The rules are the single-machine ones (:mod:`claimgraph.events.mentions`). Candidates come
from an exact blocking join: two mentions can only match with the same type, flags, actor
codes and recipient codes, so the join is an equi-join on those four columns plus the date
window, and the similarity is counted in Spark SQL over the project's own MinHash
signatures (same permutations, so the same estimate as ``same_event``). ``MinHashLSH`` was
not used: its signatures differ from the store's, so a pair near the threshold could be
decided differently, and the blocking key already cuts the pairs to few per mention.

The pairs then go, block by block, through the store's greedy order
(:func:`claimgraph.spark.linking.resolve_block`), one task per block.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from claimgraph.spark import require_pyspark
from claimgraph.spark.linking import Mention, Pair, mention_id, resolve_block

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

# the same constants the single-machine path uses (imported lazily there; plain here)
BLOCK = ("type", "flags", "actors", "recipients")
CANONICAL_DDL = "`article_id` STRING, `event_id` STRING, `canonical_event` STRING"
# Equal positions of two signatures, counted without leaving the JVM.
_SAME_POSITIONS = "aggregate(zip_with(a.signature, b.signature, (x, y) -> IF(x = y, 1, 0)), 0, (acc, v) -> acc + v)"


def candidate_pairs(mentions: DataFrame) -> DataFrame:
    """Every (earlier, later) pair of linkable mentions that passes ``same_event``, with
    its block, ``same`` (equal signature positions)."""
    require_pyspark()
    from pyspark.sql import functions as F

    from claimgraph.events.mentions import DATE_WINDOW_DAYS, NUM_PERM, SIMILARITY_THRESHOLD

    linkable = mentions.where(F.col("linkable")).withColumn("day_date", F.to_date("day"))
    a, b = linkable.alias("a"), linkable.alias("b")
    joined = a.join(
        b,
        [F.col(f"a.{c}") == F.col(f"b.{c}") for c in BLOCK]
        + [
            F.col("a.input_order") < F.col("b.input_order"),  # different, earlier article
            F.abs(F.datediff(F.col("a.day_date"), F.col("b.day_date"))) <= DATE_WINDOW_DAYS,
        ],
    )
    pairs = joined.select(
        *[F.col(f"b.{c}").alias(c) for c in BLOCK],
        F.col("a.article_id").alias("earlier_article"),
        F.col("a.event_id").alias("earlier_event"),
        F.col("b.article_id").alias("later_article"),
        F.col("b.event_id").alias("later_event"),
        F.expr(_SAME_POSITIONS).alias("same"),
    )
    return pairs.where(F.col("same") / F.lit(float(NUM_PERM)) >= F.lit(SIMILARITY_THRESHOLD))


def _block(row: Any) -> tuple[str, int, str, str]:
    return (row["type"], row["flags"], row["actors"], row["recipients"])


def _resolve(
    item: tuple[tuple[str, int, str, str], tuple[Iterable[Mention], Iterable[Pair]]],
) -> Iterator[tuple[str, str, str]]:
    _block_key, (mentions, pairs) = item
    yield from resolve_block(mentions, pairs)


def link_mentions(mentions: DataFrame) -> DataFrame:
    """``article_id, event_id, canonical_event`` for every mention (table ``MENTIONS``)."""
    require_pyspark()
    from pyspark.sql import functions as F

    from claimgraph.events.mentions import NUM_PERM

    spark = mentions.sparkSession
    pairs = candidate_pairs(mentions).rdd.map(
        lambda r: (
            _block(r),
            Pair(
                (r["earlier_article"], r["earlier_event"]),
                (r["later_article"], r["later_event"]),
                r["same"] / NUM_PERM,
            ),
        )
    )
    linkable = (
        mentions.where(F.col("linkable"))
        .select(*BLOCK, "article_id", "event_id", "input_order", "event_index", "day")
        .rdd.map(
            lambda r: (
                _block(r),
                Mention(
                    r["article_id"], r["event_id"], r["input_order"], r["event_index"], r["day"]
                ),
            )
        )
    )
    resolved = spark.createDataFrame(linkable.cogroup(pairs).flatMap(_resolve), CANONICAL_DDL)
    alone = mentions.where(~F.col("linkable")).select(
        "article_id",
        "event_id",
        F.concat_ws(":", "article_id", "event_id").alias("canonical_event"),
    )
    return resolved.unionByName(alone)


__all__ = ["candidate_pairs", "link_mentions", "mention_id"]
