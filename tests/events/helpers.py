"""What the event tests share: the events of a text, and the codes of an event's role."""

from __future__ import annotations

from typing import Any

from claimgraph.extractor import extract

Doc = dict[str, Any]


def events_of(text: str, *, published: str = "2022-11-22") -> list[Doc]:
    events: list[Doc] = extract(text, published=published)["events"]
    return events


def codes(event: Doc, role: str) -> list[str]:
    return [p["code"] for p in event[role]]
