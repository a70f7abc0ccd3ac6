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

PROFILE_CLAIMS = 50  # claims per list on an actor page


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
    return store.threads(actor=actor, about=about, limit=limit, offset=offset)


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
