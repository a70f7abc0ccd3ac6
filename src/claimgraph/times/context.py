"""The state a rule resolves against: the anchor, the tense, and what was mentioned before."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from claimgraph.times import points as cal
from claimgraph.times.points import Point
from claimgraph.times.tense import tense_at


class Resolved(NamedTuple):
    """A rule's reading of its match.

    ``point`` (a date or time) becomes the new reference. A comparison ("a year earlier")
    has no ``point`` but names what it was ``compared_to``, which stays the previous mention.
    """

    value: str | None
    granularity: str
    kind: str
    anchor: str | None = None
    point: Point | None = None
    compared_to: Point | None = None


class Context:
    """One text being read: its anchor (publication date) and its discourse references.

    ``reference`` is the last date or time resolved so far: "two days later", "the next day"
    refer back to it, while deictic expressions ("last week", "yesterday") use the anchor.
    ``previous`` is the point of the expression just before (``None`` after a duration): "a
    year earlier" takes its granularity (the same quarter, or day, a year before).
    """

    def __init__(self, text: str, anchor: date | None) -> None:
        self.text = text
        self.anchor = anchor
        self.reference: Point | None = None
        self.last_by_granularity: dict[str, Point] = {}
        self.previous: Point | None = None
        self._tenses: dict[tuple[int, int], str] = {}

    @property
    def anchor_point(self) -> Point | None:
        return cal.day(self.anchor) if self.anchor is not None else None

    @property
    def anchor_value(self) -> str | None:
        return self.anchor.isoformat() if self.anchor is not None else None

    def tense(self, start: int, end: int) -> str:
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = tense_at(self.text, start, end)
        return self._tenses[key]

    def remember(self, resolved: Resolved) -> None:
        """Update the discourse state after an expression has been resolved."""
        if resolved.point is not None:
            self.reference = resolved.point
            self.last_by_granularity[resolved.point.granularity] = resolved.point
        self.previous = resolved.compared_to or resolved.point

    def point(self, point: Point, *, kind: str, anchor: str | None) -> Resolved:
        """A resolved point, written as its TimeML value."""
        return Resolved(cal.value(point), point.granularity, kind, anchor, point)
