"""Claims: each proposition an article reports, who asserts, denies or doubts it, what the
text says of evidence for it, and (in the store) its thread across articles."""

from claimgraph.claims.builder import find_claims
from claimgraph.claims.model import ActorRef, Claim, Holder, Proposition

__all__ = ["ActorRef", "Claim", "Holder", "Proposition", "find_claims"]
