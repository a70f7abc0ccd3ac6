"""Canonical events from candidate pairs: the store's greedy linking, replayed (pure).

``Store.link_mentions`` (``store/mentions.py``) links each article's events, in storage order,
to the best earlier mention that passes :func:`claimgraph.events.mentions.same_event`, skipping
canonical events the article already mentions. It is order-dependent (not a transitive
closure), so the Spark path does the expensive part, finding the pairs that pass the rules
(:mod:`claimgraph.spark.mentions`), and then replays that loop here over one block of
mentions: a block holds the mentions with the same type, flags, actors and recipients, and
a pair never crosses blocks, so blocks are resolved independently (one Spark task each).

Candidates are visited in the order SQLite's index returns them (day, then insertion
order); a later candidate wins only with a strictly higher score, as in the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple


class Mention(NamedTuple):
    article_id: str
    event_id: str
    input_order: int
    event_index: int
    day: str  # ISO day: every linkable mention has one


class Pair(NamedTuple):
    """``earlier`` (a stored candidate) and ``later`` (the mention being linked) pass the
    rules; ``score`` is their estimated Jaccard similarity."""

    earlier: tuple[str, str]  # (article_id, event_id)
    later: tuple[str, str]
    score: float


def mention_id(article_id: str, event_id: str) -> str:
    """The canonical event id format of ``events.canonical_event``."""
    return f"{article_id}:{event_id}"


def resolve_block(mentions: Iterable[Mention], pairs: Iterable[Pair]) -> list[tuple[str, str, str]]:
    """``(article_id, event_id, canonical_event)`` for every mention of one block."""
    ordered = sorted(mentions, key=lambda m: (m.input_order, m.event_index))
    by_key = {(m.article_id, m.event_id): m for m in ordered}
    candidates: dict[tuple[str, str], list[Pair]] = defaultdict(list)
    for pair in pairs:
        candidates[pair.later].append(pair)
    canonical: dict[tuple[str, str], str] = {}
    taken: dict[str, set[str]] = defaultdict(set)  # canonical events each article mentions
    out = []
    for m in ordered:
        key = (m.article_id, m.event_id)
        chosen = mention_id(*key)
        best = 0.0
        found = candidates.get(key, [])
        found.sort(
            key=lambda p: (
                by_key[p.earlier].day,
                by_key[p.earlier].input_order,
                by_key[p.earlier].event_index,
            )
        )
        for pair in found:
            other = canonical[pair.earlier]  # earlier in storage order: already resolved
            if other in taken[m.article_id]:
                continue
            if pair.score > best:
                best, chosen = pair.score, other
        taken[m.article_id].add(chosen)
        canonical[key] = chosen
        out.append((m.article_id, m.event_id, chosen))
    return out
