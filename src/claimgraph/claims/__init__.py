"""Claims: each proposition an article reports, who asserts, denies or doubts it, what the
text says of evidence for it, and (in the store) its thread across articles.

The builder needs spaCy; the thread rules and the data model do not. ``find_claims`` is
imported on first use, so the store (which needs only the rules) does not load spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimgraph.claims.model import ActorRef, Claim, Holder, Proposition

if TYPE_CHECKING:
    from claimgraph.claims.builder import find_claims

__all__ = ["ActorRef", "Claim", "Holder", "Proposition", "find_claims"]


def __getattr__(name: str) -> Any:
    if name == "find_claims":
        from claimgraph.claims.builder import find_claims

        return find_claims
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
