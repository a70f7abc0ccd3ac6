"""Read queries the web layer needs beyond ``Store``'s: actors, attributions and events
across articles. Parameterized SQL only; every function takes a ``Store`` opened by the
pool and runs inside ``sqlite_errors`` so failures leave as ``StoreError``."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimgraph.errors import NotFoundError
from claimgraph.store import Store
from claimgraph.store.connection import sqlite_errors


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


def page_result(
    items: list[dict[str, Any]], page: Page, *, total: int | None = None
) -> dict[str, Any]:
    """A page of results. ``next_offset`` is set when there may be more (one extra row was
    asked for and came back)."""
    more = len(items) > page.limit
    body: dict[str, Any] = {
        "items": items[: page.limit],
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": page.offset + page.limit if more else None,
    }
    if total is not None:
        body["total"] = total
    return body


def _where(conditions: Sequence[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


# ---- actors


@dataclass(frozen=True, slots=True)
class ActorRow:
    code: str
    name: str | None
    sectors: tuple[str, ...]
    mentions: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "sectors": list(self.sectors),
            "mentions": self.mentions,
            "articles": self.articles,
        }


class ActorIndex:
    """Every actor the entities table knows, with counts, and the database's counts
    (``Store.stats``): both aggregate whole tables, so they are computed once per database
    state (its highest article key and article count) and reused."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one thread computes; the others wait for its result
        self._key: tuple[Any, ...] | None = None
        self._rows: list[ActorRow] = []
        self._stats: dict[str, Any] = {}

    def _fresh(self, store: Store) -> None:
        key = tuple(store.conn.execute("SELECT max(pk), count(*) FROM articles").fetchone())
        with self._lock:
            if self._key == key:
                return
            self._rows = [
                ActorRow(
                    code=r["code"],
                    name=r["name"],
                    sectors=tuple(sorted(s for s in (r["sectors"] or "").split(",") if s)),
                    mentions=r["mentions"],
                    articles=r["articles"],
                )
                for r in store.conn.execute(
                    "SELECT actor_code AS code, max(actor_name) AS name, "
                    "group_concat(DISTINCT actor_sector) AS sectors, count(*) AS mentions, "
                    "count(DISTINCT article_id) AS articles FROM entities "
                    "WHERE actor_code IS NOT NULL GROUP BY actor_code "
                    "ORDER BY articles DESC, mentions DESC, code"
                )
            ]
            self._stats = store.stats()
            self._key = key

    def rows(self, store: Store) -> list[ActorRow]:
        with sqlite_errors(store.path):
            self._fresh(store)
        return self._rows

    def stats(self, store: Store) -> dict[str, Any]:
        with sqlite_errors(store.path):
            self._fresh(store)
        return self._stats

    def get(self, store: Store, code: str) -> ActorRow | None:
        return next((r for r in self.rows(store) if r.code == code), None)

    def search(self, store: Store, query: str | None, page: Page) -> list[dict[str, Any]]:
        rows = self.rows(store)
        if query:
            needle = query.strip().casefold()
            rows = [
                r
                for r in rows
                if needle == r.code.casefold() or needle in (r.name or "").casefold()
            ]
        return [r.to_dict() for r in rows[page.offset : page.offset + page.limit + 1]]


def actor(store: Store, index: ActorIndex, code: str, *, recent: int) -> dict[str, Any]:
    """One actor: names and sectors seen, counts, recent attributions and events."""
    seen = index.get(store, code)
    with sqlite_errors(store.path):
        conn = store.conn
        sources = conn.execute(
            "SELECT count(*) FROM attributions WHERE source_actor_code = ?", (code,)
        ).fetchone()[0]
        roles = dict(
            conn.execute(
                "SELECT role, count(*) FROM event_participants WHERE code = ? GROUP BY role",
                (code,),
            ).fetchall()
        )
        if seen is None and not sources and not roles:
            raise NotFoundError(f"no actor with code {code!r}")
    return {
        "code": code,
        "name": seen.name if seen else None,
        "sectors": list(seen.sectors) if seen else [],
        "mentions": seen.mentions if seen else 0,
        "articles": seen.articles if seen else 0,
        "as_source": sources,
        "events_as_actor": roles.get("actor", 0),
        "events_as_recipient": roles.get("recipient", 0),
        "attributions": attributions(store, page=Page(recent, 0), actor=code)[:recent],
        "events": events(store, page=Page(recent, 0), actor=code)[:recent],
    }


# ---- articles

ARTICLE_COLUMNS = (
    "a.id, a.published, a.outlet, a.title, a.url, a.source_path, length(a.text) AS chars, a.version"
)


def articles(
    store: Store,
    *,
    page: Page,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Article summaries, newest first (undated last), as ``Store.articles`` lists them;
    ordered by ``published DESC, pk DESC`` so SQLite walks the published index instead of
    sorting the table (``Store.articles`` puts ``published IS NULL`` first in its key)."""
    where: list[str] = []
    params: list[Any] = []
    for condition, value in (
        ("a.outlet = ? COLLATE NOCASE", outlet),
        ("a.published >= ?", since),
        ("a.published < ?", until + "\uffff" if until else None),
    ):
        if value is not None:
            where.append(condition)
            params.append(value)
    sql = (
        f"SELECT {ARTICLE_COLUMNS} FROM articles a"
        + _where(where)
        + " ORDER BY a.published DESC, a.pk DESC LIMIT ? OFFSET ?"
    )
    with sqlite_errors(store.path):
        rows = store.conn.execute(sql, [*params, page.limit + 1, page.offset]).fetchall()
    return [dict(r) for r in rows]


# ---- attributions

ATTRIBUTION_COLUMNS = (
    "t.article_id, t.id, t.source_text, t.source_actor_code, t.source_actor_sector, "
    "t.source_actor_name, t.cue_text, t.content_text, t.kind, t.stance, t.time_value, "
    "a.published, a.outlet, a.title"
)


def _attribution(r: Any, cites: list[str]) -> dict[str, Any]:
    return {
        "article_id": r["article_id"],
        "id": r["id"],
        "source": {
            "text": r["source_text"],
            "actor": {
                "code": r["source_actor_code"],
                "sector": r["source_actor_sector"],
                "name": r["source_actor_name"],
            }
            if r["source_actor_code"]
            else None,
        }
        if r["source_text"] is not None
        else None,
        "cue": r["cue_text"],
        "content": r["content_text"],
        "kind": r["kind"],
        "stance": r["stance"],
        "time": r["time_value"],
        "cites": cites,
        "published": r["published"],
        "outlet": r["outlet"],
        "title": r["title"],
    }


def attributions(
    store: Store,
    *,
    page: Page,
    actor: str | None = None,
    stance: str | None = None,
    kind: str | None = None,
    article: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Attributions, newest article first; ``page.limit + 1`` rows to tell if more exist."""
    where: list[str] = []
    params: list[Any] = []
    for condition, value in (
        # unary + keeps SQLite from probing the actor index once per article: the
        # article-outer walk looks attributions up by their primary key instead
        ("+t.source_actor_code = ?", actor),
        ("t.stance = ?", stance),
        ("t.kind = ?", kind),
        ("t.article_id = ?", article),
        ("a.published >= ?", since),
        ("a.published < ?", until + "\uffff" if until else None),
    ):
        if value is not None:
            where.append(condition)
            params.append(value)
    sql = (
        # CROSS JOIN keeps articles the outer loop: the published index yields the newest
        # first and LIMIT stops the walk, instead of sorting every matching attribution
        f"SELECT {ATTRIBUTION_COLUMNS} FROM articles a CROSS JOIN attributions t ON t.article_id = a.id"
        + _where(where)
        + " ORDER BY a.published DESC, a.pk DESC, CAST(substr(t.id, 2) AS INTEGER)"
        " LIMIT ? OFFSET ?"
    )
    with sqlite_errors(store.path):
        rows = store.conn.execute(sql, [*params, page.limit + 1, page.offset]).fetchall()
        cites = _cites(store, {r["article_id"] for r in rows})
    return [_attribution(r, cites.get((r["article_id"], r["id"]), [])) for r in rows]


def _cites(store: Store, article_ids: set[str]) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    if not article_ids:
        return found
    marks = ",".join("?" * len(article_ids))
    for r in store.conn.execute(
        f"SELECT article_id, attribution_id, cited FROM attribution_cites "
        f"WHERE article_id IN ({marks}) ORDER BY cited",
        sorted(article_ids),
    ):
        found.setdefault((r[0], r[1]), []).append(r[2])
    return found


# ---- events

FLAG_NAMES = ("negated", "hypothetical", "future", "historical", "alleged")


def events(
    store: Store,
    *,
    page: Page,
    type_: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
) -> list[dict[str, Any]]:
    """Event mentions with their participants, newest article first."""
    where: list[str] = []
    params: list[Any] = []
    for condition, value in (
        ("e.type = ?", type_),
        ("e.article_id = ?", article),
        ("coalesce(e.date, a.published) >= ?", since),
        ("coalesce(e.date, a.published) < ?", until + "\uffff" if until else None),
        (
            "EXISTS (SELECT 1 FROM event_participants p WHERE p.article_id = e.article_id "
            "AND p.event_id = e.id AND p.role = 'actor' AND p.code = ?)",
            actor,
        ),
        (
            "EXISTS (SELECT 1 FROM event_participants p WHERE p.article_id = e.article_id "
            "AND p.event_id = e.id AND p.role = 'recipient' AND p.code = ?)",
            recipient,
        ),
    ):
        if value is not None:
            where.append(condition)
            params.append(value)
    sql = (
        "SELECT e.article_id, e.id, e.type, e.mode, e.context, e.cameo, e.goldstein, "
        "e.trigger_text, e.date, e.attribution_id, e.canonical_event, "
        + ", ".join(f"e.{f}" for f in FLAG_NAMES)
        + ", a.published, a.outlet, a.title FROM articles a CROSS JOIN events e ON e.article_id = a.id"
        + _where(where)
        + " ORDER BY a.published DESC, a.pk DESC, CAST(substr(e.id, 2) AS INTEGER) LIMIT ? OFFSET ?"
    )
    with sqlite_errors(store.path):
        rows = store.conn.execute(sql, [*params, page.limit + 1, page.offset]).fetchall()
        participants = _participants(store, {r["article_id"] for r in rows})
    return [
        {
            "article_id": r["article_id"],
            "id": r["id"],
            "type": r["type"],
            "mode": r["mode"],
            "context": json.loads(r["context"] or "[]"),
            "cameo": r["cameo"],
            "goldstein": r["goldstein"],
            "trigger": r["trigger_text"],
            "date": r["date"],
            "attribution": r["attribution_id"],
            "canonical_event": r["canonical_event"],
            "flags": {name: bool(r[name]) for name in FLAG_NAMES},
            "actor": participants.get((r["article_id"], r["id"], "actor"), []),
            "recipient": participants.get((r["article_id"], r["id"], "recipient"), []),
            "published": r["published"],
            "outlet": r["outlet"],
            "title": r["title"],
        }
        for r in rows
    ]


def _participants(
    store: Store, article_ids: set[str]
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    if not article_ids:
        return found
    marks = ",".join("?" * len(article_ids))
    for r in store.conn.execute(
        f"SELECT article_id, event_id, role, text, code, sector FROM event_participants "
        f"WHERE article_id IN ({marks}) ORDER BY article_id, event_id, role, idx",
        sorted(article_ids),
    ):
        found.setdefault((r[0], r[1], r[2]), []).append(
            {"text": r["text"], "code": r["code"], "sector": r["sector"]}
        )
    return found
