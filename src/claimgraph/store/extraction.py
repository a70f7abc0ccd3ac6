"""Writing and reading what extraction found for an article (tables of m002).

A document is stored inside the same transaction as its article (``writer.add_article``) or
in one of its own (``replace_extraction``), so an article is never half-extracted either.
Rows keep the contract's ids, so :func:`load_document` rebuilds the stored document.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from claimgraph.store.claims import delete_claims, write_claims

EXTRACTION_TABLES = (
    "event_participants",
    "events",
    "attribution_cites",
    "attributions",
    "times",
    "entities",
)
FLAG_NAMES = ("negated", "hypothetical", "future", "historical", "alleged")


# Contract objects as flat columns; the Spark tables (spark/tables.py) use the same ones.


def actor_fields(obj: Mapping[str, Any] | None) -> tuple[Any, Any, Any, Any]:
    """An actor object as (code, sector, name, wikidata); all None for no actor."""
    if not obj:
        return (None, None, None, None)
    return (obj.get("code"), obj.get("sector"), obj.get("name"), obj.get("wikidata"))


def span_fields(obj: Mapping[str, Any] | None) -> tuple[Any, Any, Any]:
    """A span object as (text, start, end); all None for no span."""
    if not obj:
        return (None, None, None)
    return (obj.get("text"), obj.get("start"), obj.get("end"))


def entity_rows(article_id: str, document: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """The ``entities`` rows of a document: id, text, offsets, label and actor columns."""
    return [
        (
            article_id,
            e["id"],
            e["text"],
            e["start"],
            e["end"],
            e.get("label"),
            *actor_fields(e.get("actor")),
        )
        for e in document.get("entities") or []
    ]


def write_extraction(
    conn: sqlite3.Connection, article_id: str, document: Mapping[str, Any], *, extracted_at: str
) -> None:
    """Insert a document's rows (the caller holds the transaction)."""
    delete_claims(conn, article_id)
    for table in EXTRACTION_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    conn.executemany(
        'INSERT INTO entities (article_id, id, text, start, "end", label, actor_code, actor_sector, actor_name, actor_wikidata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        entity_rows(article_id, document),
    )
    conn.executemany(
        'INSERT INTO times (article_id, idx, text, start, "end", value, granularity, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (
                article_id,
                n,
                t["text"],
                t["start"],
                t["end"],
                t.get("value"),
                t.get("granularity"),
                t.get("anchor"),
            )
            for n, t in enumerate(document.get("times", []))
        ],
    )
    rows = []
    cites = []
    for a in document.get("attributions", []):
        source = a.get("source")
        content = a.get("content")
        time = a.get("time") or {}
        rows.append(
            (
                article_id,
                a["id"],
                *span_fields(source),
                *actor_fields(source.get("actor") if source else None),
                *span_fields(a.get("cue")),
                *span_fields(content),
                json.dumps(content["fragments"]) if content and content.get("fragments") else None,
                a.get("kind"),
                a.get("stance"),
                time.get("text"),
                time.get("value"),
                time.get("granularity"),
            )
        )
        cites += [(article_id, a["id"], cited) for cited in a.get("cites", [])]
    conn.executemany(
        "INSERT INTO attributions (article_id, id, source_text, source_start, source_end, source_actor_code, source_actor_sector, source_actor_name, source_actor_wikidata, cue_text, cue_start, cue_end, content_text, content_start, content_end, content_fragments, kind, stance, time_text, time_value, time_granularity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO attribution_cites (article_id, attribution_id, cited) VALUES (?, ?, ?)",
        cites,
    )
    _write_events(conn, article_id, document.get("events") or [])
    published = conn.execute(
        "SELECT published FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    write_claims(
        conn,
        article_id,
        document.get("claims") or [],
        published=published[0] if published else None,
    )
    conn.execute("UPDATE articles SET extracted_at = ? WHERE id = ?", (extracted_at, article_id))


def _write_events(
    conn: sqlite3.Connection, article_id: str, events: list[Mapping[str, Any]]
) -> None:
    for e in events:
        flags = e.get("flags") or {}
        sentence = e.get("sentence") or {}
        conn.execute(
            "INSERT INTO events (article_id, id, type, mode, context, cameo, goldstein, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end, date, date_granularity, negated, hypothetical, future, historical, alleged, attribution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                e["id"],
                e["type"],
                e.get("mode"),
                json.dumps(e.get("context") or []),
                e.get("cameo"),
                e.get("goldstein"),
                *span_fields(e.get("trigger")),
                sentence.get("start"),
                sentence.get("end"),
                e.get("date"),
                e.get("date_granularity"),
                *(int(bool(flags.get(name))) for name in FLAG_NAMES),
                e.get("attribution"),
            ),
        )
        for role in ("actor", "recipient"):
            for idx, p in enumerate(e.get(role) or []):
                conn.execute(
                    'INSERT INTO event_participants (article_id, event_id, role, idx, text, start, "end", code, sector, wikidata, inferred) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                    (
                        article_id,
                        e["id"],
                        role,
                        idx,
                        *span_fields(p),
                        p.get("code"),
                        p.get("sector"),
                        p.get("wikidata"),
                        p.get("inferred"),
                    ),
                )


def load_events(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """The events of a stored article, in the contract's shape (ordered by id)."""
    participants: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in conn.execute(
        "SELECT * FROM event_participants WHERE article_id = ? ORDER BY event_id, role, idx",
        (article_id,),
    ):
        participant = {
            "text": r["text"],
            "start": r["start"],
            "end": r["end"],
            "code": r["code"],
            "sector": r["sector"],
            "wikidata": r["wikidata"],
        }
        if r["inferred"] is not None:  # present only then, as in the contract object
            participant["inferred"] = r["inferred"]
        participants.setdefault((r["event_id"], r["role"]), []).append(participant)
    return [
        {
            "id": r["id"],
            "type": r["type"],
            "mode": r["mode"],
            "context": json.loads(r["context"]),
            "cameo": r["cameo"],
            "goldstein": r["goldstein"],
            "actor": participants.get((r["id"], "actor"), []),
            "recipient": participants.get((r["id"], "recipient"), []),
            "trigger": {
                "text": r["trigger_text"],
                "start": r["trigger_start"],
                "end": r["trigger_end"],
            },
            "sentence": {"start": r["sentence_start"], "end": r["sentence_end"]},
            "date": r["date"],
            "date_granularity": r["date_granularity"],
            "flags": {name: bool(r[name]) for name in FLAG_NAMES},
            "attribution": r["attribution_id"],
        }
        for r in conn.execute(
            "SELECT * FROM events WHERE article_id = ? ORDER BY CAST(substr(id, 2) AS INTEGER)",
            (article_id,),
        )
    ]


def load_extraction(conn: sqlite3.Connection, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """Entities, times and attributions of a stored article, in the contract's shape."""
    entities = [
        {
            "id": r["id"],
            "text": r["text"],
            "start": r["start"],
            "end": r["end"],
            "label": r["label"],
            "actor": {
                "code": r["actor_code"],
                "sector": r["actor_sector"],
                "name": r["actor_name"],
                "wikidata": r["actor_wikidata"],
            }
            if r["actor_code"]
            else None,
        }
        for r in conn.execute(
            "SELECT * FROM entities WHERE article_id = ? ORDER BY start, id", (article_id,)
        )
    ]
    times = [
        {
            "text": r["text"],
            "start": r["start"],
            "end": r["end"],
            "value": r["value"],
            "granularity": r["granularity"],
            "anchor": r["anchor"],
        }
        for r in conn.execute(
            "SELECT * FROM times WHERE article_id = ? ORDER BY idx", (article_id,)
        )
    ]
    cites: dict[str, list[str]] = {}
    for r in conn.execute(
        "SELECT attribution_id, cited FROM attribution_cites WHERE article_id = ?", (article_id,)
    ):
        cites.setdefault(r[0], []).append(r[1])
    attributions = []
    for r in conn.execute(
        "SELECT * FROM attributions WHERE article_id = ? ORDER BY CAST(substr(id, 2) AS INTEGER)",
        (article_id,),
    ):
        source = None
        if r["source_text"] is not None:
            source = {
                "text": r["source_text"],
                "start": r["source_start"],
                "end": r["source_end"],
                "actor": {
                    "code": r["source_actor_code"],
                    "sector": r["source_actor_sector"],
                    "name": r["source_actor_name"],
                    "wikidata": r["source_actor_wikidata"],
                }
                if r["source_actor_code"]
                else None,
            }
        content = None
        if r["content_text"] is not None:
            content = {
                "text": r["content_text"],
                "start": r["content_start"],
                "end": r["content_end"],
            }
            if r["content_fragments"]:
                content["fragments"] = json.loads(r["content_fragments"])
        attributions.append(
            {
                "id": r["id"],
                "source": source,
                "cue": {"text": r["cue_text"], "start": r["cue_start"], "end": r["cue_end"]},
                "content": content,
                "kind": r["kind"],
                "stance": r["stance"],
                "cites": sorted(cites.get(r["id"], [])),
                "time": {
                    "text": r["time_text"],
                    "value": r["time_value"],
                    "granularity": r["time_granularity"],
                }
                if r["time_text"]
                else None,
            }
        )
    return {"entities": entities, "times": times, "attributions": attributions}
