"""Claims, holders and threads in the store (tables of m004).

Claims are written with their article's extraction (one transaction, see ``writer``) and
joined to a thread at once (:func:`link_claims`, rules in :mod:`claimgraph.claims.threads`);
the thread's counters and dates are kept up to date in the same transaction. Reads return the
contract's shapes: claims as in ``claimgraph.document/1``, threads as ``claimgraph.thread/1``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from claimgraph.claims import threads as rules
from claimgraph.errors import NotFoundError
from claimgraph.events.mentions import from_blob, to_blob

THREAD_SCHEMA = "claimgraph.thread/1"
# threads.<column> counting holders of each stance (m006)
STANCE_COLUMNS = {
    "assert": "asserts",
    "deny": "denies",
    "doubt": "doubts",
    "request": "requests",
    "question": "questions",
}
# Full-text queries matching more claims than this are answered by walking claims newest
# first and keeping the matching ones (a page fills after a few rows); rarer words drive the
# query from the full-text index and sort the few matches. Measured on a 500,000-claim
# database (docs/performance.md): each plan is under 20 ms on its side of the line.
FTS_DRIVE_MAX = 5000
# Holders listed per claim in list views: enough for any real article.
MAX_HOLDERS = 200


def _day(published: str | None) -> str | None:
    return published[:10] if published and len(published) >= 10 else None


def _actor(obj: Mapping[str, Any] | None) -> tuple[Any, Any, Any]:
    if not obj:
        return (None, None, None)
    return (obj.get("code"), obj.get("name"), obj.get("sector"))


def delete_claims(conn: sqlite3.Connection, article_id: str) -> None:
    """Remove an article's claims (before re-extraction) and repair the threads they were in."""
    touched = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT thread_id FROM claims WHERE article_id = ? AND thread_id IS NOT NULL",
            (article_id,),
        )
    ]
    conn.execute("DELETE FROM claim_holders WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
    for tid in touched:
        _refresh_thread(conn, tid)


def _refresh_thread(conn: sqlite3.Connection, tid: str) -> None:
    row = conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT article_id), MIN(published), MAX(published) "
        "FROM claims WHERE thread_id = ?",
        (tid,),
    ).fetchone()
    if row[0] == 0:
        conn.execute("DELETE FROM threads WHERE id = ?", (tid,))
        return
    conn.execute(
        "UPDATE threads SET claims = ?, articles = ?, first_seen = ?, last_seen = ? WHERE id = ?",
        (row[0], row[1], row[2], row[3], tid),
    )
    counts = dict(
        conn.execute(
            "SELECT h.stance, COUNT(*) FROM claims c JOIN claim_holders h "
            "ON h.article_id = c.article_id AND h.claim_id = c.id WHERE c.thread_id = ? "
            "GROUP BY h.stance",
            (tid,),
        ).fetchall()
    )
    conn.execute(
        "UPDATE threads SET "
        + ", ".join(f"{column} = ?" for column in STANCE_COLUMNS.values())
        + " WHERE id = ?",
        (*(counts.get(stance, 0) for stance in STANCE_COLUMNS), tid),
    )


def write_claims(
    conn: sqlite3.Connection,
    article_id: str,
    claims: Sequence[Mapping[str, Any]],
    *,
    published: str | None,
) -> None:
    """Insert an article's claims and holders (the caller holds the transaction)."""
    day = _day(published)
    for c in claims:
        conn.execute(
            'INSERT INTO claims (article_id, id, text, start, "end", subject_code, subject_name, '
            "subject_sector, predicate, object_code, object_name, object_sector, terms, events, "
            "contested, evidence, evidence_voice, evidence_start, evidence_end, published) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                c["id"],
                c["text"],
                c["start"],
                c["end"],
                *_actor(c.get("subject")),
                c.get("predicate"),
                *_actor(c.get("object")),
                json.dumps(c.get("terms") or []),
                json.dumps(c.get("events") or []),
                int(bool(c.get("contested"))),
                c.get("evidence"),
                c.get("evidence_voice"),
                *(c.get("evidence_span") or (None, None)),
                day,
            ),
        )
        conn.executemany(
            "INSERT INTO claim_holders (article_id, claim_id, idx, actor_code, actor_name, "
            "actor_sector, stance, attribution_id, event_id, published) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    c["id"],
                    n,
                    *_actor(h.get("actor")),
                    h["stance"],
                    h.get("attribution"),
                    h.get("event"),
                    day,
                )
                for n, h in enumerate(c.get("holders") or [])
            ],
        )


def link_claims(
    conn: sqlite3.Connection, article_id: str, claims: Sequence[Mapping[str, Any]]
) -> int:
    """Join each threadable claim of an article to its thread, or start one; returns how many
    joined an existing thread (the caller holds the transaction)."""
    joined = 0
    day = conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
    day_iso = _day(day[0]) if day else None
    for c in claims:
        key = rules.thread_key(c)
        if key is None:
            continue
        # the signature's most recently seen threads (undated ones last: NULL sorts last in
        # DESC), the newest first among equals: the order ThreadBook replays on Spark
        candidates = [
            rules.Candidate(r[0], from_blob(r[1]), r[2])
            for r in conn.execute(
                "SELECT id, minhash, last_seen FROM threads WHERE subject_code IS ? "
                "AND object_code IS ? ORDER BY last_seen DESC, rowid DESC LIMIT ?",
                (key.subject, key.object, rules.MAX_CANDIDATES),
            )
        ]
        chosen = rules.choose(key, candidates, day_iso)
        if chosen is not None:
            tid = chosen
            joined += 1
        else:
            tid = rules.thread_id(article_id, c["id"])
            subject, obj = c.get("subject") or {}, c.get("object") or {}
            conn.execute(
                "INSERT OR IGNORE INTO threads (id, claim, subject_code, subject_name, predicate, "
                "object_code, object_name, terms, minhash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    tid,
                    c["text"],
                    subject.get("code"),
                    subject.get("name"),
                    rules.canonical_predicate(c),
                    obj.get("code"),
                    obj.get("name"),
                    json.dumps(c.get("terms") or []),
                    to_blob(key.signature),
                ),
            )
        stances = [h["stance"] for h in c.get("holders") or ()]
        _join_thread(conn, tid, article_id, c["id"], day_iso, stances)
    return joined


def _join_thread(
    conn: sqlite3.Connection,
    tid: str,
    article_id: str,
    claim_id: str,
    day: str | None,
    stances: list[str],
) -> None:
    """Put a claim in a thread and update the thread's counters in place (O(1): recounting a
    thread of thousands of articles for every new claim would make ingest quadratic)."""
    new_article = (
        conn.execute(
            "SELECT 1 FROM claims WHERE thread_id = ? AND article_id = ? LIMIT 1",
            (tid, article_id),
        ).fetchone()
        is None
    )
    conn.execute(
        "UPDATE claims SET thread_id = ? WHERE article_id = ? AND id = ?",
        (tid, article_id, claim_id),
    )
    conn.execute(
        "UPDATE threads SET claims = claims + 1, articles = articles + ?, "
        "first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen THEN ? ELSE first_seen END, "
        "last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen THEN ? ELSE last_seen END "
        "WHERE id = ?",
        (int(new_article), day, day, day, day, tid),
    )
    counts = rules.balance(s for s in stances if s in STANCE_COLUMNS)
    if counts:
        conn.execute(
            "UPDATE threads SET "
            + ", ".join(f"{STANCE_COLUMNS[s]} = {STANCE_COLUMNS[s]} + ?" for s in counts)
            + " WHERE id = ?",
            (*counts.values(), tid),
        )


# ---------------------------------------------------------------------------- reads


def _claim_object(row: sqlite3.Row, holders: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "article_id": row["article_id"],
        "id": row["id"],
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "subject": {"code": row["subject_code"], "name": row["subject_name"]}
        if row["subject_code"] or row["subject_name"]
        else None,
        "predicate": row["predicate"],
        "object": {"code": row["object_code"], "name": row["object_name"]}
        if row["object_code"] or row["object_name"]
        else None,
        "terms": json.loads(row["terms"]),
        "events": json.loads(row["events"]),
        "contested": bool(row["contested"]),
        "evidence": row["evidence"],
        "evidence_voice": row["evidence_voice"],
        "thread_id": row["thread_id"],
        "published": row["published"],
        "holders": holders,
    }


def _holder_object(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "actor": {
            "code": row["actor_code"],
            "name": row["actor_name"],
            "sector": row["actor_sector"],
        },
        "stance": row["stance"],
        "attribution": row["attribution_id"],
        "event": row["event_id"],
    }


def _with_holders(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        holders = [
            _holder_object(h)
            for h in conn.execute(
                "SELECT * FROM claim_holders WHERE article_id = ? AND claim_id = ? "
                "ORDER BY idx LIMIT ?",
                (r["article_id"], r["id"], MAX_HOLDERS),
            )
        ]
        out.append(_claim_object(r, holders))
    return out


def article_claims(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT claims.*, articles.outlet FROM claims JOIN articles ON articles.id = claims.article_id "
        "WHERE article_id = ? ORDER BY start, CAST(substr(claims.id, 2) AS INTEGER)",
        (article_id,),
    ).fetchall()
    return _with_holders(conn, rows)


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query matching all of them (quoted: no operator injection)."""
    tokens = [t for t in text.replace('"', " ").split() if t]
    return " ".join(f'"{t}"' for t in tokens)


def find_claims(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    about: str | None = None,
    since: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Claims, newest first, filtered by an actor (as subject, object or holder), by words
    in the claim, and by publication date."""
    where: list[str] = []
    params: list[Any] = []
    source = "claims c"
    if about and fts_query(about):
        query = fts_query(about)
        if _fts_matches(conn, query) > FTS_DRIVE_MAX:
            # common words: walk claims newest first, keep those in the (materialized) match
            # set; the unary + keeps SQLite from driving the query by that set instead
            source = "claims c INDEXED BY claims_published"
            where.append("+c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
        else:  # rare words: the few matches drive the query
            where.append("c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
        params.append(query)
        if actor:
            where.append(
                "(c.subject_code = ? OR c.object_code = ? OR EXISTS (SELECT 1 FROM claim_holders "
                "h WHERE h.article_id = c.article_id AND h.claim_id = c.id AND h.actor_code = ?))"
            )
            params += [actor, actor, actor]
    elif actor:
        # three index range scans, each cut to the page's depth, newest first
        depth = offset + limit
        since_sql = " AND published >= ?" if since else ""
        since_arg = [since] if since else []
        where.append(
            "c.rowid IN ("
            f"SELECT rowid FROM (SELECT rowid FROM claims WHERE subject_code = ?{since_sql} "
            "ORDER BY published DESC LIMIT ?) "
            f"UNION SELECT rowid FROM (SELECT rowid FROM claims WHERE object_code = ?{since_sql} "
            "ORDER BY published DESC LIMIT ?) "
            "UNION SELECT c2.rowid FROM (SELECT article_id, claim_id FROM claim_holders "
            f"WHERE actor_code = ?{since_sql} ORDER BY published DESC LIMIT ?) h "
            "JOIN claims c2 ON c2.article_id = h.article_id AND c2.id = h.claim_id)"
        )
        for _ in range(3):
            params += [actor, *since_arg, depth]
    if since:
        where.append("c.published >= ?")
        params.append(since)
    sql = f"SELECT c.* FROM {source}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.published DESC, c.rowid DESC LIMIT ? OFFSET ?"
    rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    return _with_holders(conn, rows)


def _fts_matches(conn: sqlite3.Connection, query: str) -> int:
    """How many claims match, counted up to ``FTS_DRIVE_MAX + 1`` (enough to choose a plan)."""
    row = conn.execute(
        "SELECT COUNT(*) FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?)",
        (query, FTS_DRIVE_MAX + 1),
    ).fetchone()
    return int(row[0])


def _thread_header(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "schema": THREAD_SCHEMA,
        "id": row["id"],
        "claim": row["claim"],
        "subject": {"code": row["subject_code"], "name": row["subject_name"]}
        if row["subject_code"]
        else None,
        "predicate": row["predicate"],
        "object": {"code": row["object_code"], "name": row["object_name"]}
        if row["object_code"]
        else None,
        "terms": json.loads(row["terms"]),
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
    }


def thread(conn: sqlite3.Connection, tid: str) -> dict[str, Any]:
    """One thread as a ``claimgraph.thread/1`` object."""
    row = conn.execute("SELECT * FROM threads WHERE id = ?", (tid,)).fetchone()
    if row is None:
        raise NotFoundError(f"no thread with id {tid!r}")
    return _full_thread(conn, row)


def _full_thread(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    obj = _thread_header(row)
    by_article: dict[str, dict[str, Any]] = {}
    seen: set[tuple[Any, ...]] = set()
    # plain tuples: a large thread has thousands of rows, and named access costs
    cursor = conn.cursor()
    cursor.row_factory = None
    for (
        article_id,
        claim_id,
        source_path,
        outlet,
        published,
        url,
        credits,
        code,
        name,
        stance,
        attribution,
        event,
    ) in cursor.execute(
        "SELECT c.article_id, c.id, a.source_path, a.outlet, a.published, a.url, "
        "a.dateline_credits, h.actor_code, h.actor_name, h.stance, h.attribution_id, h.event_id "
        "FROM claims c JOIN articles a ON a.id = c.article_id "
        "LEFT JOIN claim_holders h ON h.article_id = c.article_id AND h.claim_id = c.id "
        "WHERE c.thread_id = ? ORDER BY c.published, c.article_id, c.rowid, h.idx",
        (row["id"],),
    ):
        entry = by_article.get(article_id)
        if entry is None:
            entry = {
                "article_id": article_id,
                "source_path": source_path,
                "url": url,
                "outlet": outlet,
                "published": published,
                "credits": json.loads(credits),
                "claims": [],
                "holders": [],
            }
            by_article[article_id] = entry
        if claim_id not in entry["claims"]:
            entry["claims"].append(claim_id)
        key = (article_id, code, name, stance, attribution, event)
        if stance is None or key in seen:
            continue
        seen.add(key)
        entry["holders"].append(
            {
                "actor": {"code": code, "name": name},
                "stance": stance,
                "attribution": attribution,
                "event": event,
            }
        )
    cited = _thread_cites(conn, row["id"])
    for entry in by_article.values():
        for holder in entry["holders"]:
            holder["cites"] = cited.get((entry["article_id"], holder["attribution"]), [])
    obj["articles"] = list(by_article.values())
    obj["balance"] = _balance(row)
    return obj


def _balance(row: sqlite3.Row) -> dict[str, int]:
    """Holders by stance across the thread, from the thread's counters (m006)."""
    return {stance: row[column] for stance, column in STANCE_COLUMNS.items() if row[column]}


def _thread_summary(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    """A thread's header with counts instead of its article list: what a listing needs."""
    obj = _thread_header(row)
    obj["article_count"] = row["articles"]
    obj["claim_count"] = row["claims"]
    obj["balance"] = _balance(row)
    return obj


def _thread_cites(
    conn: sqlite3.Connection, tid: str
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Whom each holder's attribution in a thread cites ("IRNA ..., citing the mission"):
    (article id, attribution id) -> the cited attributions' sources, in id order. One query
    for the whole thread."""
    cited: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in conn.execute(
        "SELECT DISTINCT h.article_id, h.attribution_id, t.id, t.source_text, "
        "t.source_actor_code, t.source_actor_name "
        "FROM claims c JOIN claim_holders h ON h.article_id = c.article_id AND h.claim_id = c.id "
        "JOIN attribution_cites ac ON ac.article_id = h.article_id "
        "AND ac.attribution_id = h.attribution_id "
        "JOIN attributions t ON t.article_id = ac.article_id AND t.id = ac.cited "
        "WHERE c.thread_id = ? AND t.source_text IS NOT NULL ORDER BY t.id",
        (tid,),
    ):
        cited.setdefault((r[0], r[1]), []).append(
            {"attribution": r[2], "text": r[3], "code": r[4], "name": r[5]}
        )
    return cited


def list_threads(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    about: str | None = None,
    min_articles: int = 1,
    limit: int = 100,
    offset: int = 0,
    full: bool = True,
) -> list[dict[str, Any]]:
    """Threads, most reported first: ``claimgraph.thread/1`` objects, or with ``full=False``
    summaries (the header, ``article_count``, ``claim_count`` and ``balance``)."""
    where = ["t.articles >= ?"]
    params: list[Any] = [min_articles]
    if actor:
        where.append("(t.subject_code = ? OR t.object_code = ?)")
        params += [actor, actor]
    if about:
        query = fts_query(about)
        if query:  # words in the thread's claim or key terms
            where.append("t.rowid IN (SELECT rowid FROM threads_fts WHERE threads_fts MATCH ?)")
            params.append(query)
    sql = (
        "SELECT t.* FROM threads t WHERE "
        + " AND ".join(where)
        + " ORDER BY t.articles DESC, t.last_seen DESC, t.id LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    return [_full_thread(conn, r) if full else _thread_summary(conn, r) for r in rows]


def actor_profile(conn: sqlite3.Connection, code: str, *, limit: int = 50) -> dict[str, Any]:
    """What an actor asserts, denies, and is accused of, and how often it is in events."""
    name_row = (
        conn.execute(
            "SELECT actor_name FROM claim_holders WHERE actor_code = ? LIMIT 1", (code,)
        ).fetchone()
        or conn.execute(
            "SELECT subject_name FROM claims WHERE subject_code = ? LIMIT 1", (code,)
        ).fetchone()
    )

    def held(stances: tuple[str, ...]) -> list[dict[str, Any]]:
        marks = ",".join("?" * len(stances))
        rows = conn.execute(
            "SELECT DISTINCT c.* FROM (SELECT article_id, claim_id, published FROM claim_holders "
            f"WHERE actor_code = ? AND stance IN ({marks}) ORDER BY published DESC LIMIT ?) h "
            "JOIN claims c ON c.article_id = h.article_id AND c.id = h.claim_id "
            "ORDER BY c.published DESC, c.rowid DESC",
            (code, *stances, limit * 4),
        ).fetchall()
        return _with_holders(conn, rows[:limit])

    accused = conn.execute(
        "SELECT c.* FROM claims c WHERE c.subject_code = ? AND c.contested = 1 "
        "ORDER BY c.published DESC, c.rowid DESC LIMIT ?",
        (code, limit),
    ).fetchall()
    counts = {
        role: conn.execute(
            "SELECT COUNT(*) FROM event_participants WHERE code = ? AND role = ?", (code, role)
        ).fetchone()[0]
        for role in ("actor", "recipient")
    }
    if name_row is None and not any(counts.values()):
        raise NotFoundError(f"no claims or events involve actor {code!r}")
    return {
        "code": code,
        "name": name_row[0] if name_row else None,
        "asserts": held(("assert",)),
        "denies": held(("deny",)),
        "doubts": held(("doubt",)),
        "requests": held(("request",)),
        "accused_of": _with_holders(conn, accused),
        "events_as_actor": counts["actor"],
        "events_as_recipient": counts["recipient"],
    }
