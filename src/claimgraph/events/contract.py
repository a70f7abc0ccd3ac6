"""Events as the ``events`` objects of ``claimgraph.document/1`` (docs/output-contract.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from claimgraph.events.coder import Event, Participant
from claimgraph.nlp import extensions as ext


def participant_object(p: Participant) -> dict[str, Any]:
    """A participant object; one coded from context rather than named (a generic group:
    "police", "rebels") also says where its country came from: ``"inferred": "sentence"``
    or ``"dateline"`` (an added field, present only then; docs/events.md)."""
    out: dict[str, Any] = {
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "code": p.code,
        "sector": p.sector,
        "wikidata": p.wikidata,
    }
    if p.inferred is not None:
        out["inferred"] = p.inferred
    return out


def event_object(n: int, event: Event, text: str) -> dict[str, Any]:
    return {
        "id": f"v{n}",
        "type": event.type,
        "mode": event.mode or None,
        "context": list(event.context),
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "actor": [participant_object(p) for p in event.actor],
        "recipient": [participant_object(p) for p in event.recipient],
        "trigger": {
            "text": text[event.trigger.start : event.trigger.end],
            "start": event.trigger.start,
            "end": event.trigger.end,
        },
        "sentence": {"start": event.sentence.start, "end": event.sentence.end},
        "date": event.date,
        "date_granularity": event.date_granularity,
        "flags": event.flags._asdict(),
        "attribution": None if event.attribution is None else f"a{event.attribution}",
        "rule": event.rule,
    }


def event_objects(doc: Doc) -> list[dict[str, Any]]:
    """The ``events`` list for a Doc the ``claimgraph_events`` component has processed
    (empty when it has not run)."""
    found: Sequence[Event] = (doc._.get(ext.EVENTS) or []) if Doc.has_extension(ext.EVENTS) else []
    text = doc.text  # spaCy rebuilds this string on every access: once, not per event
    return [event_object(n, e, text) for n, e in enumerate(found)]
