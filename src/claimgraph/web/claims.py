"""Claims and threads for the web layer, behind one small adapter over the store's claim
layer (``Store.claims``, ``article_claims``, ``threads``, ``thread``, ``actor_profile``).

Pages and API routes call only these functions, so a change of shape in the claim layer is
fixed here. What they add: every claim dict has the keys the templates read (``outlet``
may be missing from the store's), and an actor the claim layer knows nothing about gets an
empty profile instead of an error (it may still be a source or an event participant).
"""

from __future__ import annotations

from typing import Any

from claimgraph.errors import NotFoundError
from claimgraph.store import Store
from claimgraph.store.claims import fts_query
from claimgraph.store.connection import sqlite_errors

# Claims per list on an actor page (four lists). Each claim costs the store one holder
# query (about 0.1 ms); 20, as many as the page's attribution and event lists, keeps the
# page under 30 ms for the most common actors of the 50,000-article load database.
PROFILE_CLAIMS = 20


def _claim(claim: dict[str, Any]) -> dict[str, Any]:
    claim.setdefault("outlet", None)
    claim.setdefault("published", None)
    claim.setdefault("evidence", None)
    claim.setdefault("thread_id", None)
    claim.setdefault("holders", [])
    return claim


def claims(
    store: Store,
    *,
    actor: str | None = None,
    about: str | None = None,
    since: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Claims, newest first: ``actor`` as subject, object or holder; ``about`` words."""
    found = store.claims(actor=actor, about=about, since=since, limit=limit, offset=offset)
    return [_claim(c) for c in found]


def article_claims(store: Store, article_id: str) -> list[dict[str, Any]]:
    return [_claim(c) for c in store.article_claims(article_id)]


def threads(
    store: Store,
    *,
    actor: str | None = None,
    about: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """``claimgraph.thread/1`` objects, most reported first."""
    if actor and not (about and fts_query(about)):
        found = []
        for tid in _actor_thread_ids(store, actor, limit=limit, offset=offset):
            try:
                found.append(store.thread(tid))
            except NotFoundError:
                continue  # deleted by a writer since its id was read
        return found
    # words drive the store's query (the actor filters the few threads they match)
    return store.threads(actor=actor, about=about, limit=limit, offset=offset)


# The store lists threads with at least this many articles by default; kept the same here.
MIN_THREAD_ARTICLES = 1
_THREAD_ORDER = "articles DESC, last_seen DESC, id"  # the store's order, and m005's indexes'
_ACTOR_THREADS_SQL = (
    "SELECT id FROM ("
    "SELECT id, articles, last_seen FROM (SELECT id, articles, last_seen FROM threads "
    f"WHERE subject_code = ? AND articles >= ? ORDER BY {_THREAD_ORDER} LIMIT ?) "
    "UNION "
    "SELECT id, articles, last_seen FROM (SELECT id, articles, last_seen FROM threads "
    f"WHERE object_code = ? AND articles >= ? ORDER BY {_THREAD_ORDER} LIMIT ?)"
    f") ORDER BY {_THREAD_ORDER} LIMIT ? OFFSET ?"
)


def _actor_thread_ids(store: Store, actor: str, *, limit: int, offset: int) -> list[str]:
    """Ids of the threads with ``actor`` as subject or object, a page of them in the
    store's order. The store's query (subject OR object, then sort) sorts every thread of a
    common actor; here each side is a range of an m005 index already in that order, cut to
    the page's depth, and only those (at most twice the depth) are merged and sorted. UNION
    drops a thread whose subject and object are both the actor from appearing twice."""
    depth = offset + limit
    with sqlite_errors(store.path):
        rows = store.conn.execute(
            _ACTOR_THREADS_SQL,
            (actor, MIN_THREAD_ARTICLES, depth, actor, MIN_THREAD_ARTICLES, depth, limit, offset),
        ).fetchall()
    return [r[0] for r in rows]


def thread(store: Store, thread_id: str) -> dict[str, Any]:
    """One ``claimgraph.thread/1`` object; :class:`NotFoundError` for an unknown id."""
    return store.thread(thread_id)


def empty_profile(code: str) -> dict[str, Any]:
    return {
        "code": code,
        "name": None,
        "asserts": [],
        "denies": [],
        "accused_of": [],
        "events_as_actor": 0,
        "events_as_recipient": 0,
    }


def actor_profile(store: Store, code: str) -> dict[str, Any]:
    """``{code, name, asserts, denies, accused_of, events_as_actor, events_as_recipient}``."""
    try:
        profile = store.actor_profile(code, limit=PROFILE_CLAIMS)
    except NotFoundError:
        # no claim or event involves the actor; the page still shows its attributions
        return empty_profile(code)
    for key in ("asserts", "denies", "accused_of"):
        profile[key] = [_claim(c) for c in profile.get(key, [])]
    return {**empty_profile(code), **profile}
