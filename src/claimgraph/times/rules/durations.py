"""Durations: "three months" (P3M), "the past two weeks", "five hours" (PT5H), "a five-year
plan", "several months" (PXM), "a year and a half" (P1Y6M), "for years" (PXY)."""

from __future__ import annotations

import re

from claimgraph.times import model
from claimgraph.times import points as cal
from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import UNIT_FORMS
from claimgraph.times.patterns import (
    APPROXIMATOR,
    COUNT,
    START,
    UNIT,
    VAGUE_COUNT,
    after,
    compile_pattern,
    previous_word,
)
from claimgraph.times.resolve import count_and_unit, duration_value

_NOUNS = r"(?:period|term|span|stretch|stint|window)"
#: "eight trading days", "two more weeks"
_QUALIFIER = (
    r"(?:(?:trading|business|working|calendar|straight|consecutive|full|more|additional|"
    r"further|extra)\s+)?"
)
DURATION = compile_pattern(
    START
    + rf"(?P<t>(?:(?P<approx>{APPROXIMATOR})\s+(?!the\b|these\b|those\b|its\b|their\b))?"
    + r"(?:(?P<det>the|these|those|this|its|their|his|her|our|my|your"
    + rf"|an?(?=\s+[\w.]+-[\w-]+\s+{_NOUNS}\b))\s+)?"
    + r"(?:(?P<mod>past|last|next|first|coming|previous|following|latest|final|initial|"
    + r"remaining|ensuing|intervening|year-earlier|year-ago|prior|same|current|recent|"
    + r"better\s+part\s+of\s+the)\s+)?"
    + rf"(?P<num>{VAGUE_COUNT}|{COUNT})(?:\s*(?:to|-|or)\s*(?P<num2>{COUNT}))?"
    + rf"(?P<half>\s+and\s+a\s+half)?(?P<sep>\s+|-){_QUALIFIER}(?P<unit>{UNIT})"
    + r"(?P<half2>\s+and\s+a\s+half)?(?:\s+or\s+so\b)?"
    + rf"(?P<noun>\s+{_NOUNS})?)"
    + r"(?![\w-])"
)
#: After these, "one day" is a vague future ("Islam will one day be..."), not a duration.
MODALS = frozenset(["will", "would", "could", "may", "might", "should", "can", "must", "shall"])
#: Abbreviated units count only after digits ("5 hrs", not "some hrs").
_ABBREVIATED = frozenset(["sec", "secs", "min", "mins", "hr", "hrs", "yr", "yrs", "mos", "wks"])
#: A rate is a set, not a duration: "$5 a year", "twice a day", "358,000 a month".
_RATE_BEFORE = re.compile(r"(?:[\d%]|million|billion|cents?|dollars?|percent|shares)$")


def duration_span(m: re.Match[str]) -> tuple[int, int]:
    """ "the eight-year war", "its 52-week high": an adjective leaves out the determiner."""
    start, end = m.span("t")
    if m["det"] and m["sep"] == "-" and not m["noun"]:
        start = m.start("approx") if m["approx"] else m.start("num")
    return start, end


def accept_duration(m: re.Match[str], text: str) -> bool:
    num = m["num"].lower()
    unit = UNIT_FORMS[m["unit"].lower()]
    if m["noun"] and m["sep"] != "-":
        return False  # "a three-year period", but not "three years period"
    if after(text, m.end(), r"[\s-]+old\b"):
        return False  # "52 years old", "a 6-year-old boy": an age
    if m["unit"][0].isupper() and not m["num"][0].isupper():
        return False  # CBS's "60 Minutes": a title
    if unit == "quarter" and not (m["det"] or m["mod"]):
        # "three-quarters of its food", "a quarter of the shares": fractions.
        is_fraction = num in ("a", "an") or "-" in m["t"] or after(text, m.end(), r"\s+of\b")
        if num in ("a", "an", "one", "two", "three") and is_fraction:
            return False
    if num in ("a", "an") and unit == "second":
        return False  # "a second group": an ordinal
    if num in ("a", "an") and not m["det"] and not m["mod"]:
        if previous_word(text, m.start("num")) in ("per", "times", "once", "twice", "thrice"):
            return False
        if _RATE_BEFORE.search(text[max(0, m.start() - 12) : m.start()].rstrip()):
            return False
    return m["unit"].lower() not in _ABBREVIATED or re.fullmatch(r"[\d.,]+", num) is not None


def resolve_duration(m: re.Match[str], ctx: Context) -> Resolved:
    count, unit = count_and_unit(m["num"], m["unit"])
    if m["num2"]:
        count = None  # "two to three weeks", "12 to 18 months": PXW, PXM
    elif count is not None and (m["half"] or m["half2"]):
        count += 0.5
    if unit == "day" and m["num"].lower() == "one" and previous_word(ctx.text, m.start()) in MODALS:
        return Resolved("FUTURE_REF", cal.REF, model.REF, ctx.anchor_value)
    return Resolved(duration_value(count, unit), cal.DURATION, model.DURATION)


#: "for years", "months ago", "in the weeks before", "decades-long", "the days ahead"
BARE_PLURAL = compile_pattern(
    r"(?<![\w-])(?:(?P<the>the)\s+)?"
    + r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
    + r"(?:(?P<ago>\s+ago)|(?P<ahead>\s+ahead|\s+to\s+come)|(?P<long>-long))?(?![\w-])"
)
#: Words before a bare plural unit that make it a stretch of time ("for years").
BARE_PLURAL_BEFORE = frozenset(
    [
        "for",
        "in",
        "within",
        "over",
        "after",
        "take",
        "takes",
        "took",
        "taken",
        "taking",
        "spend",
        "spent",
        "lasted",
        "last",
        "lasting",
    ]
)
#: Words that make it part of a counted or described phrase found by other rules.
_NOT_BARE_BEFORE = frozenset(
    ["the", "of", "these", "those", "two", "three", "many", "several", "few", "some"]
)


def accept_bare_plural(m: re.Match[str], text: str) -> bool:
    previous = previous_word(text, m.start())
    if m["ago"] or m["long"] or m["ahead"]:
        return previous not in ("many", "several", "few", "two", "three", "some")
    if m["the"]:
        return after(text, m.end(), r"\s+(?:before|after|that\s+followed|following|since)\b")
    if previous in _NOT_BARE_BEFORE:
        return False
    if previous in BARE_PLURAL_BEFORE:
        return not after(text, m.end(), r"\s+(?:of|ago|earlier|later)\b")
    return after(text, m.end(), r"\s+(?:after|later|before|earlier|ago)\b")


def resolve_bare_plural(m: re.Match[str], ctx: Context) -> Resolved:
    if m["ago"]:
        return Resolved("PAST_REF", cal.REF, model.REF, ctx.anchor_value)
    return Resolved(
        duration_value(None, UNIT_FORMS[m["unit"].lower()]), cal.DURATION, model.DURATION
    )
