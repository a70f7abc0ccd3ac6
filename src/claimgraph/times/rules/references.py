"""References to the present, past or future without a date: "now", "currently",
"recently", "the future" (PRESENT_REF, PAST_REF, FUTURE_REF); "recent years"."""

from __future__ import annotations

import re

from claimgraph.times import model
from claimgraph.times import points as cal
from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import (
    REFERENCE_PHRASES,
    REFERENCE_UNIT_MODIFIERS,
    UNIT_FORMS,
    alternation,
)
from claimgraph.times.patterns import END, START, after, compile_pattern, squeeze
from claimgraph.times.resolve import duration_value

REFERENCE = compile_pattern(START + rf"(?P<phrase>{alternation(REFERENCE_PHRASES)})(?![\w-])")
#: Nouns after which "future" is counted as a time ("future generations"); before most nouns
#: it is a plain adjective ("future earnings"), which TimeBank leaves unmarked. ("future
#: quarters" is found by ``ref.units``.)
FUTURE_NOUNS = r"\s+(?:periods|generations)\b"
#: Nouns after which "current" is an accounting term, not a time ("current account").
NOT_CURRENT_BEFORE = (
    r"\s+(?:account|accounts|assets|liabilities|dollars|prices|events|affairs|flowing|"
    r"electric|density|source|yield|rate|ratio|model)\b"
)


def accept_reference(m: re.Match[str], text: str) -> bool:
    phrase = squeeze(m["phrase"])
    if phrase == "future":
        return after(text, m.end(), FUTURE_NOUNS)
    if phrase == "current":
        return not after(text, m.end(), NOT_CURRENT_BEFORE)
    if phrase == "now":
        return not after(text, m.end(), r"-\w")  # "now-defunct"
    return True


def resolve_reference(m: re.Match[str], ctx: Context) -> Resolved:
    return Resolved(REFERENCE_PHRASES[squeeze(m["phrase"])], cal.REF, model.REF, ctx.anchor_value)


#: "recent years" (PAST_REF), "coming months" (FUTURE_REF); "in recent years" is a stretch
#: of unknown length (PXY), as TimeBank mostly has it.
REFERENCE_UNITS = compile_pattern(
    START
    + r"(?:(?P<prep>in|over|for|during|within)\s+)?"
    + r"(?P<t>(?:the\s+)?(?:(?:most|more|very)\s+)?"
    + rf"(?P<mod>{alternation(REFERENCE_UNIT_MODIFIERS)})\s+"
    + r"(?:(?:weeks|days|months|years)\s+and\s+)?"
    + r"(?P<unit>days|weeks|months|quarters|years|decades|centuries|times))"
    + END
)


def resolve_reference_units(m: re.Match[str], ctx: Context) -> Resolved:
    unit = m["unit"].lower()
    if m["prep"] and unit != "times":
        return Resolved(duration_value(None, UNIT_FORMS[unit]), cal.DURATION, model.DURATION)
    value = REFERENCE_UNIT_MODIFIERS[m["mod"].lower()]
    return Resolved(value, cal.REF, model.REF, ctx.anchor_value)
