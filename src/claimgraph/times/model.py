"""What the time layer returns: :class:`TimeExpr`, one temporal expression in a text."""

from __future__ import annotations

from typing import NamedTuple

# Kinds of expression (TimeML types, with references split from dates).
DATE = "date"
TIME = "time"
DURATION = "duration"
SET = "set"
REF = "ref"

#: The TIMEX3 ``type`` each kind is written as in TimeML (a reference is a DATE there).
TIMEML_TYPES: dict[str, str] = {
    DATE: "DATE",
    TIME: "TIME",
    DURATION: "DURATION",
    SET: "SET",
    REF: "DATE",
}


class TimeExpr(NamedTuple):
    """A temporal expression, normalised against an anchor (the publication date).

    ``text == source[start:end]`` always holds. ``value`` is a TimeML value (``2022-11-22``,
    ``2022-W46``, ``P3M``, ``PAST_REF``...) or ``None`` when it cannot be resolved (a relative
    expression without an anchor). ``anchor`` is what a relative expression was resolved
    against: the anchor date, or the value of the earlier expression it refers back to
    ("a year earlier"); ``None`` for absolute expressions. ``rule`` names the rule that matched.
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: str
    kind: str
    anchor: str | None
    rule: str

    @property
    def timeml_type(self) -> str:
        """The TIMEX3 ``type``: DATE, TIME, DURATION or SET."""
        return TIMEML_TYPES[self.kind]

    def as_contract(self) -> dict[str, str | int | None]:
        """The ``times`` object of ``claimgraph.document/1`` (docs/output-contract.md)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "granularity": self.granularity,
        }
