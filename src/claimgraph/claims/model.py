"""What the claim layer produces: propositions and who takes a stance on them."""

from __future__ import annotations

from typing import Any, NamedTuple

STANCES = ("assert", "deny", "doubt", "request", "question")


class ActorRef(NamedTuple):
    """An actor as a claim names it: a code when the actor layer resolved one."""

    code: str | None
    name: str
    sector: str | None = None

    def to_contract(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "sector": self.sector}


class Proposition(NamedTuple):
    """The normalized form of a claim: "IRN supply drone ... RUS"."""

    subject: ActorRef | None
    predicate: str | None  # lemma of the main verb (or of the event's trigger)
    object: ActorRef | None
    terms: tuple[str, ...]  # content lemmas that are not the actors, in text order


class Holder(NamedTuple):
    """An actor taking a stance on a claim, and the attribution or event that shows it."""

    actor: ActorRef
    stance: str
    attribution: str | None
    event: str | None

    def to_contract(self) -> dict[str, Any]:
        return {
            "actor": self.actor.to_contract(),
            "stance": self.stance,
            "attribution": self.attribution,
            "event": self.event,
        }


class Claim(NamedTuple):
    """One proposition of an article, its holders and what the text says of evidence."""

    id: str
    start: int  # the span stating the proposition (offsets into the article text)
    end: int
    text: str
    proposition: Proposition
    holders: tuple[Holder, ...]
    events: tuple[str, ...]  # ids of the events the proposition is (alleged, denied, ...)
    contested: bool  # someone is accused of it, or it is reported as alleged
    evidence: str | None
    evidence_voice: str | None  # "outlet", or the attribution id whose source says it
    evidence_span: tuple[int, int] | None

    def to_contract(self) -> dict[str, Any]:
        p = self.proposition
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "subject": p.subject.to_contract() if p.subject else None,
            "predicate": p.predicate,
            "object": p.object.to_contract() if p.object else None,
            "terms": list(p.terms),
            "events": list(self.events),
            "contested": self.contested,
            "evidence": self.evidence,
            "evidence_voice": self.evidence_voice,
            "evidence_span": list(self.evidence_span) if self.evidence_span else None,
            "holders": [h.to_contract() for h in self.holders],
        }
