"""The cascade: named rules, most specific first.

Each :class:`Rule` is a compiled pattern (built from the lexicon), an optional ``accept``
test that can reject a match from its context ("May" the verb, "2000 troops"), and a
``resolve`` function that turns the match into a TimeML value. Where the spans of two rules
overlap the longer span wins; between equally long spans, the rule listed first. The kept
spans are resolved in reading order, so that "a year earlier" can refer back to the quarter
just mentioned. Rule names are public (``TimeExpr.rule``); docs/times.md lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from claimgraph.times.context import Context, Resolved
from claimgraph.times.lexicon import (
    HOLIDAYS,
    MONTHS,
    PARTS_OF_DAY,
    REFERENCE_PHRASES,
    REFERENCE_UNIT_MODIFIERS,
    SEASONS,
    SET_WORDS,
    UNIT_FORMS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from claimgraph.times.rules import (
    dates,
    days,
    durations,
    periods,
    references,
    relative,
    sets,
)

Resolver = Callable[[re.Match[str], Context], Resolved]
Acceptor = Callable[[re.Match[str], str], bool]
Spanner = Callable[[re.Match[str]], tuple[int, int]]


class Rule(NamedTuple):
    """A named pattern, and how to accept and resolve its matches.

    The expression is ``span(match)`` if given, else group ``t`` if the pattern has one,
    else the whole match: a pattern may look at context that is not part of the expression.
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    accept: Acceptor | None = None
    span: Spanner | None = None
    #: Lower-case words one of which every match contains (``#digit``: any word with a
    #: digit). A rule is tried only around these words, so most rules read little of a text.
    triggers: frozenset[str] = frozenset()


def words_of(*phrases: str) -> frozenset[str]:
    """The words (lower case, letters and digits) of the phrases: a rule's triggers."""
    return frozenset(w for phrase in phrases for w in re.findall(r"[a-z0-9]+", phrase.lower()))


def _distinctive(phrase: str) -> str:
    """A phrase's least common word ("thanksgiving" in "thanksgiving day"), as its trigger."""
    common = ("day", "the", "of", "new", "eve", "s", "st")
    words: list[str] = re.findall(r"[a-z]+", phrase)
    return max(words, key=lambda w: (w not in common, len(w)))


DIGIT = frozenset({"#digit"})
MONTH_WORDS = words_of(*MONTHS)
UNIT_WORDS = words_of(*UNIT_FORMS)

RULES: tuple[Rule, ...] = (
    Rule(
        "date.iso",
        dates.ISO_DATE,
        dates.resolve_iso_date,
        dates.accept_iso_date,
        triggers=DIGIT,
    ),
    Rule(
        "date.numeric",
        dates.NUMERIC_DATE,
        dates.resolve_numeric_date,
        dates.accept_numeric_date,
        triggers=DIGIT,
    ),
    Rule(
        "date.month_day_year",
        dates.FULL_DATE,
        dates.resolve_full_date,
        dates.accept_full_date,
        triggers=MONTH_WORDS,
    ),
    Rule(
        "date.month_day",
        dates.MONTH_DAY,
        dates.resolve_month_day,
        dates.accept_month_day,
        triggers=MONTH_WORDS,
    ),
    Rule(
        "date.month_year",
        dates.MONTH_YEAR,
        dates.resolve_month_year,
        dates.accept_month_year,
        triggers=MONTH_WORDS,
    ),
    Rule(
        "date.holiday",
        dates.HOLIDAY,
        dates.resolve_holiday,
        dates.accept_holiday,
        triggers=frozenset(_distinctive(name) for name in HOLIDAYS),
    ),
    Rule("date.half", periods.HALF, periods.resolve_half, triggers=words_of("half")),
    Rule(
        "date.quarter",
        periods.QUARTER,
        periods.resolve_quarter,
        periods.accept_quarter,
        periods.quarter_span,
        triggers=words_of("quarter quarters q1 q2 q3 q4 1q 2q 3q 4q"),
    ),
    Rule(
        "date.quarter_reference",
        periods.QUARTER_REFERENCE,
        periods.resolve_quarter_reference,
        periods.accept_quarter_reference,
        triggers=words_of("quarter period earlier ago before prior"),
    ),
    Rule(
        "date.season",
        periods.SEASON_NAMED,
        periods.resolve_season,
        periods.accept_season,
        triggers=words_of(*SEASONS),
    ),
    Rule(
        "date.month",
        dates.MONTH_ALONE,
        dates.resolve_month,
        dates.accept_month,
        triggers=MONTH_WORDS,
    ),
    Rule("date.year_end", dates.YEAR_END, dates.resolve_year_end, triggers=words_of("end")),
    Rule("date.century", dates.CENTURY, dates.resolve_century, triggers=words_of("century")),
    Rule(
        "date.decade",
        dates.DECADE,
        dates.resolve_decade,
        dates.accept_decade,
        triggers=DIGIT | words_of(*dates.DECADE_WORDS),
    ),
    Rule(
        "date.spelled_year",
        dates.SPELLED_YEAR,
        dates.resolve_spelled_year,
        dates.accept_spelled_year,
        triggers=words_of("nineteen twenty"),
    ),
    Rule(
        "date.year",
        dates.YEAR_ALONE,
        dates.resolve_year,
        dates.accept_year,
        triggers=DIGIT,
    ),
    Rule(
        "time.clock",
        days.CLOCK,
        days.resolve_clock,
        days.accept_clock,
        triggers=DIGIT | words_of("noon midnight midday clock morning afternoon evening"),
    ),
    Rule(
        "date.deictic_day",
        days.DEICTIC_DAY,
        days.resolve_deictic_day,
        days.accept_deictic_day,
        triggers=words_of("today tonight yesterday tomorrow"),
    ),
    Rule(
        "time.part_of_day",
        days.PART_OF_DAY_DEICTIC,
        days.resolve_part_of_day,
        triggers=words_of(*PARTS_OF_DAY),
    ),
    Rule(
        "date.weekday",
        days.WEEKDAY_NAMED,
        days.resolve_weekday,
        days.accept_weekday,
        triggers=words_of(*WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *(day + "s" for day in WEEKDAYS)),
    ),
    Rule(
        "date.relative_unit",
        relative.RELATIVE_UNIT,
        relative.resolve_relative_unit,
        relative.accept_relative_unit,
        triggers=words_of(*relative.RELATIVE_UNITS),
    ),
    Rule(
        "date.offset",
        relative.OFFSET,
        relative.resolve_offset,
        relative.accept_offset,
        triggers=UNIT_WORDS,
    ),
    Rule(
        "date.anaphoric_unit",
        relative.ANAPHORIC_UNIT,
        relative.resolve_anaphoric_unit,
        relative.accept_anaphoric_unit,
        triggers=words_of("day week weekend month year morning afternoon evening night"),
    ),
    Rule(
        "set.every",
        sets.EVERY,
        sets.resolve_every,
        sets.accept_every,
        triggers=words_of("every each per once twice times"),
    ),
    Rule(
        "set.word",
        sets.SET_WORD,
        sets.resolve_set_word,
        sets.accept_set_word,
        triggers=words_of(*SET_WORDS),
    ),
    Rule("set.rate", sets.RATE, sets.resolve_rate, triggers=UNIT_WORDS),
    Rule(
        "ref.units",
        references.REFERENCE_UNITS,
        references.resolve_reference_units,
        triggers=words_of(*REFERENCE_UNIT_MODIFIERS),
    ),
    Rule(
        "duration.count",
        durations.DURATION,
        durations.resolve_duration,
        durations.accept_duration,
        durations.duration_span,
        triggers=UNIT_WORDS,
    ),
    Rule(
        "duration.bare_plural",
        durations.BARE_PLURAL,
        durations.resolve_bare_plural,
        durations.accept_bare_plural,
        triggers=UNIT_WORDS,
    ),
    Rule(
        "ref.phrase",
        references.REFERENCE,
        references.resolve_reference,
        references.accept_reference,
        # the last word of every phrase ("as soon as possible" -> "possible")
        triggers=frozenset(re.findall(r"[a-z0-9]+", p)[-1] for p in REFERENCE_PHRASES),
    ),
)

#: The public rule names, in cascade order.
RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in RULES)
