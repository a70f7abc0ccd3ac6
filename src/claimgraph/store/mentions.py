"""Linking stored event mentions to canonical events (table ``event_mentions`` of m003).

Every linked event gets ``events.canonical_event``: ``"<article id>:<event id>"`` of the first
stored mention of the same event (itself when it is the first). The matching rules are in
:mod:`claimgraph.events.mentions`. Counting events means counting distinct canonical events;
an event not linked yet (stored before m003) counts as its own canonical event.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from claimgraph.store.extraction import load_events

# A canonical event id for any event row, linked or not (SQL expression over events e).
CANONICAL_SQL = "coalesce(e.canonical_event, e.article_id || ':' || e.id)"

_CANDIDATES = """
SELECT m.article_id, m.event_id, m.day, m.minhash, e.canonical_event
FROM event_mentions m JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id
WHERE m.type = ? AND m.flags = ? AND m.actors = ? AND m.recipients = ?
  AND m.day BETWEEN ? AND ? AND m.article_id != ?
"""


def link_article(conn: sqlite3.Connection, article_id: str) -> int:
    """Link the article's events that are not linked yet (the caller holds the
    transaction); returns how many joined an earlier canonical event. Idempotent."""
    from claimgraph.events import mentions as m  # the events package loads spaCy: only now

    row = conn.execute(
        "SELECT text, published FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return 0
    done = {
        r[0]
        for r in conn.execute(
            "SELECT event_id FROM event_mentions WHERE article_id = ?", (article_id,)
        )
    }
    # one mention per article and canonical event: a second event of this article that
    # resembles the same report is a different event (or the coder's double), not a mention
    taken = {
        r[0]
        for r in conn.execute(
            "SELECT canonical_event FROM events WHERE article_id = ? AND canonical_event IS NOT NULL",
            (article_id,),
        )
    }
    joined = 0
    for event in load_events(conn, article_id):
        if event["id"] in done:
            continue
        key = m.mention_key(event, row["text"], published=row["published"])
        canonical = f"{article_id}:{event['id']}"
        if m.linkable(key) and key.day is not None:
            best = 0.0
            lo, hi = m.day_window(key.day)
            for cand in conn.execute(
                _CANDIDATES,
                (key.type, key.flags, key.actors, key.recipients, lo, hi, article_id),
            ):
                other_canonical = cand["canonical_event"] or f"{cand[0]}:{cand[1]}"
                if other_canonical in taken:
                    continue
                other = key._replace(
                    day=date.fromisoformat(cand["day"]), signature=m.from_blob(cand["minhash"])
                )
                score = m.similarity(key.signature, other.signature)
                if m.same_event(key, other) and score > best:
                    best, canonical = score, other_canonical
            if best:
                joined += 1
        taken.add(canonical)
        conn.execute(
            "INSERT INTO event_mentions (article_id, event_id, type, flags, actors, recipients, day, minhash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                event["id"],
                key.type,
                key.flags,
                key.actors,
                key.recipients,
                key.day.isoformat() if key.day else None,
                m.to_blob(key.signature),
            ),
        )
        conn.execute(
            "UPDATE events SET canonical_event = ? WHERE article_id = ? AND id = ?",
            (canonical, article_id, event["id"]),
        )
    return joined


def unlinked_articles(conn: sqlite3.Connection) -> list[str]:
    """Articles with events not linked yet (stored before m003, or by an interrupted run),
    in storage order."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM events e "
            "LEFT JOIN event_mentions m ON m.article_id = e.article_id AND m.event_id = e.id "
            "WHERE e.article_id = a.id AND m.event_id IS NULL) ORDER BY a.pk"
        )
    ]


def event_counts(conn: sqlite3.Connection) -> dict[str, Any]:
    """Canonical events (what "events" counts) and their mentions."""
    row = conn.execute(
        f"SELECT count(DISTINCT {CANONICAL_SQL}) AS events, count(*) AS mentions FROM events e"
    ).fetchone()
    return {"events": row["events"], "mentions": row["mentions"]}
