"""Read queries the web layer needs beyond ``Store``'s: actors, attributions and events
across articles. Parameterized SQL only; every function takes a ``Store`` opened by the
pool and runs inside ``sqlite_errors`` so failures leave as ``StoreError``."""

from __future__ import annotations

import json
import string
import threading
import weakref
from collections.abc import Mapping, Sequence
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
        self._outlets: dict[str, int] = {}
        # PRAGMA data_version each pooled store last showed when its key was checked. The
        # key counts articles (milliseconds at 50,000); data_version (microseconds) changes
        # only when another connection commits, so the key is recounted only then.
        self._seen: weakref.WeakKeyDictionary[Store, int] = weakref.WeakKeyDictionary()

    def _fresh(self, store: Store) -> None:
        version = store.conn.execute("PRAGMA data_version").fetchone()[0]
        with self._lock:
            if self._key is not None and self._seen.get(store) == version:
                return
        key = tuple(store.conn.execute("SELECT max(pk), count(*) FROM articles").fetchone())
        with self._lock:
            self._seen[store] = version
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
            self._outlets = {
                r["outlet"]: r["articles"]
                for r in store.conn.execute(
                    "SELECT outlet, count(*) AS articles FROM articles "
                    "WHERE outlet IS NOT NULL GROUP BY outlet"
                )
            }
            self._key = key

    def rows(self, store: Store) -> list[ActorRow]:
        with sqlite_errors(store.path):
            self._fresh(store)
        return self._rows

    def stats(self, store: Store) -> dict[str, Any]:
        with sqlite_errors(store.path):
            self._fresh(store)
        return self._stats

    def outlets(self, store: Store) -> dict[str, int]:
        """Every stored outlet name with its article count (articles without one left out)."""
        with sqlite_errors(store.path):
            self._fresh(store)
        return self._outlets

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
        # one count per role: each is a range of the covering (code, role) index
        roles = {
            role: _count(
                store,
                "SELECT count(*) FROM event_participants WHERE code = ? AND role = ?",
                (code, role),
            )
            for role in ROLES
        }
        if seen is None and not sources and not any(roles.values()):
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
        "attributions": attributions(store, page=Page(recent, 0), actor=code, actor_rows=sources)[
            :recent
        ],
        "events": events(
            store, page=Page(recent, 0), actor=code, role_rows={"actor": roles["actor"]}
        )[:recent],
    }


# ---- choosing how to read a filtered list, newest article first

# Attributions and events carry no publication date, so "newest article first" comes from
# the articles' published index. A filtered page is then read one of two ways:
#   walk: step over articles newest first and keep the matching rows until the page is full
#         (cheap when matches are common: few articles are stepped over);
#   seek: read every matching row through an index on the filter, then sort them (cheap when
#         matches are rare: the walk would step over most of the table to fill a page).
# Each costs about linearly in what it reads. Measured on the 50,000-article load database
# (benchmarks/load_bench.py), warm, relative to one article stepped over on the walk
# (10-30 µs: its attributions or events are read too):
#   SEEK_KEY_COST: a match whose sort key comes from m005's covering indexes alone (the
#     actor or role is the only filter): about 0.6 µs;
#   SEEK_ROW_COST: a match read from the tables to test other filters: 2.5-7 µs.
# Both are rounded up from the measured ratios on purpose: the walk's estimate assumes
# matches spread evenly in time, and an actor seen only in old articles makes it step over
# far more than estimated, while the seek's cost does not depend on where matches are.
SEEK_KEY_COST = 0.05
SEEK_ROW_COST = 0.3


def _walk_is_cheaper(
    *, driver_rows: int, expected_matches: float, depth: int, articles: int, keys_only: bool
) -> bool:
    """Whether walking ``articles`` newest first fills ``depth`` rows faster than sorting the
    ``driver_rows`` the most selective index yields (``keys_only``: from indexes alone).
    Matches are assumed spread evenly in time: the walk steps over
    ``depth * articles / expected_matches`` articles."""
    if expected_matches < 1:
        return False  # nothing (or almost nothing) matches: the walk would read every article
    walked = depth * articles / expected_matches
    return walked < (SEEK_KEY_COST if keys_only else SEEK_ROW_COST) * driver_rows


def _count(store: Store, sql: str, params: Sequence[Any]) -> int:
    found: int = store.conn.execute(sql, params).fetchone()[0]
    return found


def _table_rows(store: Store, table: str) -> int:
    """About how many rows ``table`` holds: its highest rowid, one B-tree descent instead of
    the full count (deletions leave gaps, which only make the estimate high)."""
    return _count(store, f"SELECT coalesce(max(rowid), 0) FROM {table}", ())


def _expected(total: int, counts: Sequence[int]) -> float:
    """Rows matching every filter whose count is known, assuming the filters independent."""
    expected = float(total)
    for n in counts:
        expected *= n / total if total else 0.0
    return expected


# ---- articles

ARTICLE_COLUMNS = (
    "a.id, a.published, a.outlet, a.title, a.url, a.source_path, length(a.text) AS chars, a.version"
)


# SQLite's NOCASE folds ASCII letters only; outlet names are matched the same way here.
_NOCASE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def articles(
    store: Store,
    *,
    page: Page,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlets: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """Article summaries, newest first (undated last), as ``Store.articles`` lists them;
    ordered by ``published DESC, pk DESC`` so SQLite reads an index in that order instead of
    sorting the table (``Store.articles`` puts ``published IS NULL`` first in its key).

    ``outlet`` matches without regard to ASCII case. ``outlets`` (every stored outlet name
    with its article count, from :class:`ActorIndex`) turns it into the exact names it
    matches, so the ``(outlet, published)`` index (binary collation) can be read; without
    them, the published index is walked and each article's outlet compared."""
    where: list[str] = []
    params: list[Any] = []
    if outlet is not None and outlets is not None:
        wanted = outlet.translate(_NOCASE)
        names = sorted(name for name in outlets if name.translate(_NOCASE) == wanted)
        if not names:
            return []
        depth = page.offset + page.limit + 1
        matches = sum(outlets[name] for name in names)
        # one name: its index range is already newest first, nothing to sort; several
        # (case variants): their ranges are merged by a sort, unless walking is cheaper
        if len(names) == 1 or not _walk_is_cheaper(
            driver_rows=matches,
            expected_matches=matches,
            depth=depth,
            articles=sum(outlets.values()),
            keys_only=False,
        ):
            where.append(f"a.outlet IN ({','.join('?' * len(names))})")
        else:
            where.append(f"+a.outlet IN ({','.join('?' * len(names))})")
        params.extend(names)
    elif outlet is not None:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    for condition, value in (
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


# The planner prefers the unique id index for "a.id = ?" (one row either way) but it lacks
# the date: m005's (id, published) index answers the lookup without reading the article.
_ARTICLE_DATES = "INDEXED BY articles_id_published"
# newest article first, then the attribution's number within it (ids are "a0", "a1", ...)
_ATTRIBUTION_ORDER = "a.published DESC, a.pk DESC, CAST(substr(t.id, 2) AS INTEGER)"


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
    actor_rows: int | None = None,
) -> list[dict[str, Any]]:
    """Attributions, newest article first; ``page.limit + 1`` rows to tell if more exist.
    ``actor_rows``: the actor's attribution count when the caller has it already."""
    with sqlite_errors(store.path):
        seek = article is not None or (
            actor is not None
            and _seek_attributions(
                store, actor, page, rows=actor_rows, keys_only=stance is None and kind is None
            )
        )
        where: list[str] = []
        params: list[Any] = []
        for condition, value in (
            # walking, unary + keeps SQLite from probing the actor index once per article
            # (each article's attributions are read by primary key instead); seeking, the
            # actor index is the one to read
            ("t.source_actor_code = ?" if seek else "+t.source_actor_code = ?", actor),
            ("t.stance = ?", stance),
            ("t.kind = ?", kind),
            ("t.article_id = ?", article),
            ("a.published >= ?", since),
            ("a.published < ?", until + "\uffff" if until else None),
        ):
            if value is not None:
                where.append(condition)
                params.append(value)
        # CROSS JOIN fixes the outer loop: articles for the walk (the published index yields
        # the newest first and LIMIT stops it), attributions for the seek
        if seek and article is None and stance is None and kind is None:
            # only the actor and dates filter: the page's keys are chosen from m005's
            # (source_actor_code, article_id, id) and (id, published) indexes alone, and
            # only the page's rows are read from the tables
            tables = (
                "(SELECT t.article_id AS article_id, t.id AS id FROM attributions t "
                f"CROSS JOIN articles a {_ARTICLE_DATES} ON a.id = t.article_id"
                + _where(where)
                + f" ORDER BY {_ATTRIBUTION_ORDER} LIMIT ?) k "
                "CROSS JOIN attributions t ON t.article_id = k.article_id AND t.id = k.id "
                "CROSS JOIN articles a ON a.id = t.article_id"
            )
            params.append(page.offset + page.limit + 1)
            where = []
        elif seek:
            tables = "attributions t CROSS JOIN articles a ON a.id = t.article_id"
        else:
            tables = "articles a CROSS JOIN attributions t ON t.article_id = a.id"
        sql = (
            f"SELECT {ATTRIBUTION_COLUMNS} FROM {tables}"
            + _where(where)
            + f" ORDER BY {_ATTRIBUTION_ORDER} LIMIT ? OFFSET ?"
        )
        rows = store.conn.execute(sql, [*params, page.limit + 1, page.offset]).fetchall()
        cites = _cites(store, {r["article_id"] for r in rows})
    return [_attribution(r, cites.get((r["article_id"], r["id"]), [])) for r in rows]


def _seek_attributions(
    store: Store, actor: str, page: Page, *, rows: int | None, keys_only: bool
) -> bool:
    """Whether an actor's attributions are cheaper to read through the actor index."""
    n = rows
    if n is None:
        # a range of the covering actor index: about 30 µs per thousand rows
        n = _count(store, "SELECT count(*) FROM attributions WHERE source_actor_code = ?", (actor,))
    return not _walk_is_cheaper(
        driver_rows=n,
        expected_matches=n,
        depth=page.offset + page.limit + 1,
        articles=_table_rows(store, "articles"),
        keys_only=keys_only,
    )


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


EVENT_COLUMNS = (
    "e.article_id, e.id, e.type, e.mode, e.context, e.cameo, e.goldstein, e.trigger_text, "
    "e.date, e.attribution_id, e.canonical_event, "
    + ", ".join(f"e.{f}" for f in FLAG_NAMES)
    + ", a.published, a.outlet, a.title"
)
ROLES = ("actor", "recipient")


def _role_filter(role: str) -> str:
    # role is one of ROLES (a literal here, never request text); the code is a parameter
    return (
        "EXISTS (SELECT 1 FROM event_participants p WHERE p.article_id = e.article_id "
        f"AND p.event_id = e.id AND p.role = '{role}' AND p.code = ?)"
    )


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
    role_rows: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """Event mentions with their participants, newest article first. ``role_rows``: how
    many participant rows the given ``actor`` / ``recipient`` codes have, by role, when the
    caller has counted them already."""
    with sqlite_errors(store.path):
        codes = {"actor": actor, "recipient": recipient}
        driver = (
            "article"
            if article is not None
            else _event_driver(
                store,
                page,
                type_=type_,
                codes=codes,
                known=role_rows or {},
                keys_only=since is None and until is None,
            )
        )
        where: list[str] = []
        params: list[Any] = []
        for condition, value in (
            # walking, unary + keeps the type index out of the per-article lookups
            ("e.type = ?" if driver == "type" else "+e.type = ?", type_),
            ("e.article_id = ?", article),
            ("coalesce(e.date, a.published) >= ?", since),
            ("coalesce(e.date, a.published) < ?", until + "\uffff" if until else None),
            *((_role_filter(role), codes[role]) for role in ROLES if role != driver),
        ):
            if value is not None:
                where.append(condition)
                params.append(value)
        if driver in ROLES and not where:
            # only the role filter: the page's keys are chosen from m005's (code, role,
            # article_id, event_id) and (id, published) indexes alone; DISTINCT because one
            # event may name the same code twice in a role ("Russia and Russian forces")
            tables = (
                "(SELECT DISTINCT p.article_id AS article_id, p.event_id AS event_id, "
                "a.published AS published, a.pk AS pk FROM event_participants p "
                f"CROSS JOIN articles a {_ARTICLE_DATES} ON a.id = p.article_id "
                "WHERE p.code = ? AND p.role = ? "
                "ORDER BY a.published DESC, a.pk DESC, CAST(substr(p.event_id, 2) AS INTEGER) "
                "LIMIT ?) p "
                "CROSS JOIN events e ON e.article_id = p.article_id AND e.id = p.event_id "
                "CROSS JOIN articles a ON a.id = e.article_id"
            )
            params = [codes[driver], driver, page.offset + page.limit + 1]
        elif driver in ROLES:
            # the participants index yields the role's events; DISTINCT as above
            tables = (
                "(SELECT DISTINCT article_id, event_id FROM event_participants "
                "WHERE code = ? AND role = ?) p "
                "CROSS JOIN events e ON e.article_id = p.article_id AND e.id = p.event_id "
                "CROSS JOIN articles a ON a.id = e.article_id"
            )
            params = [codes[driver], driver, *params]
        elif driver is not None:
            tables = "events e CROSS JOIN articles a ON a.id = e.article_id"
        else:
            # the walk: the published index yields articles newest first, LIMIT stops it
            tables = "articles a CROSS JOIN events e ON e.article_id = a.id"
        sql = (
            f"SELECT {EVENT_COLUMNS} FROM {tables}"
            + _where(where)
            + " ORDER BY a.published DESC, a.pk DESC, CAST(substr(e.id, 2) AS INTEGER)"
            " LIMIT ? OFFSET ?"
        )
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


def _event_driver(
    store: Store,
    page: Page,
    *,
    type_: str | None,
    codes: dict[str, str | None],
    known: Mapping[str, int],
    keys_only: bool,
) -> str | None:
    """The index to read a filtered event list through (``type``, ``actor`` or
    ``recipient``), or None to walk articles newest first. ``keys_only``: no filter but
    these needs the event row (the page's keys can come from indexes alone when a role is
    the one filter)."""
    counts: dict[str, int] = {}
    if type_ is not None:
        counts["type"] = _count(store, "SELECT count(*) FROM events WHERE type = ?", (type_,))
    for role in ROLES:
        code = codes[role]
        if code is not None and role in known:
            counts[role] = known[role]
        elif code is not None:
            counts[role] = _count(
                store,
                "SELECT count(*) FROM event_participants WHERE code = ? AND role = ?",
                (code, role),
            )
    if not counts:
        return None
    driver = min(counts, key=lambda name: counts[name])
    walk = _walk_is_cheaper(
        driver_rows=counts[driver],
        expected_matches=_expected(_table_rows(store, "events"), list(counts.values())),
        depth=page.offset + page.limit + 1,
        articles=_table_rows(store, "articles"),
        keys_only=keys_only and len(counts) == 1 and driver in ROLES,
    )
    return None if walk else driver


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
