"""Sets (recurrences): "daily" (P1D), "every week", "each Thursday" (XXXX-WXX-4), "each
July", "$5 a year" (P1Y)."""

from __future__ import annotations

import re

from claimgraph.times import model
from claimgraph.times import points as cal
from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import PARTS_OF_DAY, SET_WORDS, UNIT_FORMS, UNITS, alternation
from claimgraph.times.patterns import (
    COUNT,
    END,
    MONTH,
    START,
    UNIT,
    WEEKDAY,
    after,
    compile_pattern,
    month_number,
    weekday_number,
)
from claimgraph.times.resolve import count_and_unit, duration_value

SET_WORD = compile_pattern(START + rf"(?P<word>{alternation(SET_WORDS)})" + END)
#: Set words that are sets as adjectives too ("a daily rally"); the others only as adverbs
#: ("paid annually", but not "its quarterly dividend").
ADJECTIVE_SETS = frozenset({"daily", "weekly", "nightly", "hourly"})


def accept_set_word(m: re.Match[str], text: str) -> bool:
    if m["word"].lower() in ADJECTIVE_SETS or not after(text, m.end(), r"\s+[a-z]"):
        return True
    # Before a noun it is an adjective; before a preposition, an adverb ("rose annually by").
    return after(
        text,
        m.end(),
        r"\s+(?:and|or|in|on|at|by|for|from|since|until|through|to|as|with|over)\b",
    )


def resolve_set_word(m: re.Match[str], ctx: Context) -> Resolved:
    return Resolved(SET_WORDS[m["word"].lower()], cal.SET, model.SET)


EVERY = compile_pattern(
    START
    + r"(?P<q>every|each|per|once\s+a|twice\s+a|\w+\s+times\s+a)\s+(?:(?P<other>other)\s+)?"
    + rf"(?:(?P<num>{COUNT})\s+)?"
    + rf"(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})"
    + r"|(?P<pod>morning|afternoon|evening|night))"
    + END
)


def accept_every(m: re.Match[str], text: str) -> bool:
    if m["unit"]:
        return not (m["q"].lower() == "per" and m["num"])
    return bool(m["wd"] or m["pod"] or (m["mon"] and m["mon"][0].isupper()))


def resolve_every(m: re.Match[str], ctx: Context) -> Resolved:
    if m["wd"]:
        return Resolved(f"XXXX-WXX-{weekday_number(m['wd'])}", cal.SET, model.SET)
    if m["mon"]:
        return Resolved(f"XXXX-{month_number(m['mon']):02d}", cal.SET, model.SET)
    if m["pod"]:
        return Resolved(f"XXXX-XX-XX{PARTS_OF_DAY[m['pod'].lower()]}", cal.SET, model.SET)
    count, unit = count_and_unit(m["num"], m["unit"])
    count = (count or 1) * (2 if m["other"] else 1)
    return Resolved(duration_value(count, unit), cal.SET, model.SET)


RATE = compile_pattern(
    r"(?:\d|\b(?:million|billion|trillion|cents?|dollars?|percent|shares|tons|barrels|units))"
    + rf"%?\s+(?P<t>(?:a|an|per)\s+(?P<unit>{UNIT}))"
    + END
)


def resolve_rate(m: re.Match[str], ctx: Context) -> Resolved:
    unit = UNIT_FORMS[m["unit"].lower()]
    assert unit in UNITS
    return Resolved(duration_value(1, unit), cal.SET, model.SET)
