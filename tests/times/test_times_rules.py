"""Every rule of the cascade, as (text, anchor, expression, value, granularity) tables."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.times import RULE_NAMES, TimeExpr, find_times, normalize

# Tuesday 22 November 2022, ISO week 47: the seed article's publication date.
SEED = date(2022, 11, 22)
WSJ = date(1989, 10, 26)  # a Thursday in a season of third-quarter results

# (rule, text, anchor, expression found, value, granularity)
CASES: list[tuple[str, str, date, str, str, str]] = [
    # --- absolute dates
    ("date.iso", "Updated 2021-03-05 by the desk.", SEED, "2021-03-05", "2021-03-05", "day"),
    (
        "date.iso",
        "published 2022-11-22T15:30",
        SEED,
        "2022-11-22T15:30",
        "2022-11-22T15:30",
        "time",
    ),
    ("date.numeric", "signed on 11/22/2022 in Kyiv", SEED, "11/22/2022", "2022-11-22", "day"),
    ("date.numeric", "signed on 22.11.2022 in Kyiv", SEED, "22.11.2022", "2022-11-22", "day"),
    (
        "date.month_day_year",
        "on October 21, 2022, France",
        SEED,
        "October 21, 2022",
        "2022-10-21",
        "day",
    ),
    (
        "date.month_day_year",
        "(Sputnik - 22nd November, 2022) Iran",
        SEED,
        "22nd November, 2022",
        "2022-11-22",
        "day",
    ),
    (
        "date.month_day_year",
        "said on Monday, Oct. 26, 1998:",
        SEED,
        "Monday, Oct. 26, 1998",
        "1998-10-26",
        "day",
    ),
    (
        "date.month_day_year",
        "on the 5th of May, 2021 it",
        SEED,
        "the 5th of May, 2021",
        "2021-05-05",
        "day",
    ),
    # yearless: the anchor's year, the year before in a past-tense sentence when the month
    # is later than the anchor's (unless at most two months ahead), the coming one in a
    # future-tense sentence
    (
        "date.month_day",
        "Nevertheless, on October 21, France asked",
        SEED,
        "October 21",
        "2022-10-21",
        "day",
    ),
    (
        "date.month_day",
        "Iran said it struck them on March 3.",
        SEED,
        "March 3",
        "2022-03-03",
        "day",
    ),
    ("date.month_day", "The envoys will meet on March 3.", SEED, "March 3", "2023-03-03", "day"),
    ("date.month_day", "The offer was extended to Dec. 5.", SEED, "Dec. 5", "2022-12-05", "day"),
    ("date.month_day", "The dividend is payable Jan. 2.", SEED, "Jan. 2", "2023-01-02", "day"),
    (
        "date.month_day",
        "the editorial on Monday, Oct. 26:",
        date(1998, 10, 25),
        "Monday, Oct. 26",
        "1998-10-26",
        "day",
    ),
    ("date.month_year", "agreed in March 1998.", SEED, "March 1998", "1998-03", "month"),
    ("date.month_year", "until mid-November 1989", SEED, "mid-November 1989", "1989-11", "month"),
    ("date.holiday", "arrived on Thanksgiving Day", SEED, "Thanksgiving Day", "2022-11-24", "day"),
    ("date.holiday", "since last Christmas", SEED, "last Christmas", "2021-12-25", "day"),
    ("date.holiday", "by Easter 2023", SEED, "Easter 2023", "2023-04-09", "day"),
    ("date.holiday", "before Election Day", date(2020, 10, 1), "Election Day", "2020-11-03", "day"),
    ("date.half", "in the first half of 2021", SEED, "the first half of 2021", "2021-H1", "half"),
    ("date.half", "sales in the second half", SEED, "the second half", "2022-H2", "half"),
    (
        "date.quarter",
        "Net fell in the third quarter.",
        WSJ,
        "the third quarter",
        "1989-Q3",
        "quarter",
    ),
    ("date.quarter", "a third-quarter loss", WSJ, "third-quarter", "1989-Q3", "quarter"),
    (
        "date.quarter",
        "expects to report third-quarter results",
        WSJ,
        "third-quarter",
        "1989-Q3",
        "quarter",
    ),
    (
        "date.quarter",
        "a dividend in the third quarter of 1984",
        WSJ,
        "the third quarter of 1984",
        "1984-Q3",
        "quarter",
    ),
    ("date.quarter", "sales rose in Q3 2022", SEED, "Q3 2022", "2022-Q3", "quarter"),
    (
        "date.quarter",
        "It posted a loss in the fourth quarter.",
        date(1998, 2, 6),
        "the fourth quarter",
        "1997-Q4",
        "quarter",
    ),
    (
        "date.quarter",
        "done in the second and fourth quarters",
        WSJ,
        "fourth quarters",
        "XXXX-Q4",
        "set",
    ),
    (
        "date.quarter_reference",
        "Net fell in the third quarter. In the year-earlier quarter, it rose.",
        WSJ,
        "the year-earlier quarter",
        "1988-Q3",
        "quarter",
    ),
    (
        "date.quarter_reference",
        "Revenue in the latest quarter was flat.",
        WSJ,
        "the latest quarter",
        "1989-Q3",
        "quarter",
    ),
    (
        "date.quarter_reference",
        "Net fell in the third quarter. Sales in the quarter rose.",
        WSJ,
        "the quarter",
        "1989-Q3",
        "quarter",
    ),
    (
        "date.quarter_reference",
        "It earned $5 in the 1988 period.",
        WSJ,
        "the 1988 period",
        "1988",
        "year",
    ),
    ("date.season", "was killed last fall.", date(1999, 4, 10), "last fall", "1998-FA", "season"),
    ("date.season", "protests this summer", SEED, "this summer", "2022-SU", "season"),
    ("date.season", "in the winter of 1994", SEED, "the winter of 1994", "1994-WI", "season"),
    ("date.month", "Iran said in October that", SEED, "October", "2022-10", "month"),
    (
        "date.month",
        "helicopters crashed last February.",
        date(1998, 3, 1),
        "last February",
        "1997-02",
        "month",
    ),
    ("date.month", "approved the plan last April.", WSJ, "last April", "1989-04", "month"),
    (
        "date.month",
        "In June last year, the leaders fell out.",
        date(1998, 2, 19),
        "June last year",
        "1997-06",
        "month",
    ),
    ("date.month", "results in mid-November.", WSJ, "mid-November", "1989-11", "month"),
    ("date.month", "It will open in May.", SEED, "May", "2023-05", "month"),
    ("date.year_end", "to close the deal by year-end.", SEED, "year-end", "2022", "year"),
    ("date.century", "events of the 20th century", SEED, "the 20th century", "19", "century"),
    ("date.decade", "growth throughout the 1990s.", SEED, "the 1990s", "199X", "decade"),
    ("date.decade", "as in the early '80s", SEED, "the early '80s", "198X", "decade"),
    ("date.decade", "dropping through the nineties", SEED, "the nineties", "199X", "decade"),
    ("date.spelled_year", "in nineteen ninety-four", SEED, "nineteen ninety-four", "1994", "year"),
    (
        "date.spelled_year",
        "January nineteen ninety-seven.",
        SEED,
        "January nineteen ninety-seven",
        "1997-01",
        "month",
    ),
    ("date.year", "Crimea, annexed in 2014.", SEED, "2014", "2014", "year"),
    ("date.year", "a pact signed in mid-2021", SEED, "mid-2021", "2021", "year"),
    ("date.year", "In fiscal 1989, Elco earned", SEED, "fiscal 1989", "1989", "year"),
    # --- days and times of day
    (
        "time.clock",
        "exploded at about 10:35 a.m. Friday",
        date(1998, 8, 8),
        "10:35 a.m. Friday",
        "1998-08-07T10:35",
        "time",
    ),
    (
        "time.clock",
        "Published November 22, 2022 | 03:30 PM",
        SEED,
        "03:30 PM",
        "2022-11-22T15:30",
        "time",
    ),
    ("time.clock", "The offer expires at 14:30.", SEED, "14:30", "2022-11-22T14:30", "time"),
    ("time.clock", "until 5 p.m. EST Nov. 9", WSJ, "5 p.m. EST Nov. 9", "1989-11-09T17:00", "time"),
    (
        "time.clock",
        "deadline until 9 a.m. Tuesday.",
        date(2000, 4, 3),
        "9 a.m. Tuesday",
        "2000-04-04T09:00",
        "time",
    ),
    ("time.clock", "the talks resumed at noon", SEED, "noon", "2022-11-22T12:00", "time"),
    ("date.deictic_day", "Iran said yesterday.", SEED, "yesterday", "2022-11-21", "day"),
    (
        "date.deictic_day",
        "They meet tomorrow morning.",
        SEED,
        "tomorrow morning",
        "2022-11-23TMO",
        "part_of_day",
    ),
    ("date.deictic_day", "a rally tonight", SEED, "tonight", "2022-11-22TNI", "part_of_day"),
    ("date.deictic_day", "closed late yesterday", SEED, "late yesterday", "2022-11-21", "day"),
    (
        "time.part_of_day",
        "will be disclosed this morning",
        SEED,
        "this morning",
        "2022-11-22TMO",
        "part_of_day",
    ),
    ("time.part_of_day", "shelling last night", SEED, "last night", "2022-11-21TNI", "part_of_day"),
    # a weekday is the nearest past one (the anchor itself on that weekday); future cues
    # make it the coming one
    ("date.weekday", "the IRNA reported on Tuesday", SEED, "Tuesday", "2022-11-22", "day"),
    ("date.weekday", "the ministry said on Friday", SEED, "Friday", "2022-11-18", "day"),
    ("date.weekday", "the envoys will meet on Friday", SEED, "Friday", "2022-11-25", "day"),
    (
        "date.weekday",
        "around Wednesday's ruling, they would look",
        SEED,
        "Wednesday",
        "2022-11-16",
        "day",
    ),
    ("date.weekday", "since last Friday", SEED, "last Friday", "2022-11-18", "day"),
    ("date.weekday", "talks next Monday", SEED, "next Monday", "2022-11-28", "day"),
    (
        "date.weekday",
        "killed Friday morning",
        SEED,
        "Friday morning",
        "2022-11-18TMO",
        "part_of_day",
    ),
    ("date.weekday", "flights on Mondays", SEED, "Mondays", "XXXX-WXX-1", "set"),
    # --- relative to the anchor or to the date under discussion
    (
        "date.relative_unit",
        "Last week, The Washington Post reported",
        SEED,
        "Last week",
        "2022-W46",
        "week",
    ),
    ("date.relative_unit", "sales this year", SEED, "this year", "2022", "year"),
    ("date.relative_unit", "a vote next month", SEED, "next month", "2022-12", "month"),
    (
        "date.relative_unit",
        "said earlier this month",
        SEED,
        "earlier this month",
        "2022-11",
        "month",
    ),
    ("date.relative_unit", "fell late last year", SEED, "late last year", "2021", "year"),
    ("date.relative_unit", "over the past year", SEED, "the past year", "P1Y", "duration"),
    ("date.relative_unit", "protests last weekend", SEED, "last weekend", "2022-W46-WE", "weekend"),
    ("date.relative_unit", "last quarter", SEED, "last quarter", "2022-Q3", "quarter"),
    ("date.offset", "It began two days ago.", SEED, "two days ago", "2022-11-20", "day"),
    (
        "date.offset",
        "about two years ago, the Journal",
        SEED,
        "about two years ago",
        "2020",
        "year",
    ),
    (
        "date.offset",
        "It was founded in 2014. Three years earlier, it",
        SEED,
        "Three years earlier",
        "2011",
        "year",
    ),
    (
        "date.offset",
        "Net rose in the third quarter from $5 a year earlier.",
        WSJ,
        "a year earlier",
        "1988-Q3",
        "quarter",
    ),
    ("date.offset", "Net rose 5% from a year ago.", WSJ, "a year ago", "1988", "year"),
    ("date.offset", "a vote two weeks from now", SEED, "two weeks from now", "2022-W49", "week"),
    ("date.offset", "He left several years ago.", SEED, "several years ago", "PAST_REF", "ref"),
    (
        "date.offset",
        "Talks began on March 5, 2020. Two days later, they",
        SEED,
        "Two days later",
        "2020-03-07",
        "day",
    ),
    (
        "date.anaphoric_unit",
        "It began on March 5, 2020. The next day, it",
        SEED,
        "The next day",
        "2020-03-06",
        "day",
    ),
    (
        "date.anaphoric_unit",
        "On May 1, 2019, he quit. That same day he left.",
        SEED,
        "That same day",
        "2019-05-01",
        "day",
    ),
    (
        "date.anaphoric_unit",
        "For the year ended June 30, it earned",
        SEED,
        "the year",
        "P1Y",
        "duration",
    ),
    ("date.anaphoric_unit", "a high for the year of $42", SEED, "the year", "2022", "year"),
    # a narrowed "the day" or part of the day is the anchor's (it once raised KeyError)
    (
        "date.anaphoric_unit",
        "done by the end of the day",
        SEED,
        "the end of the day",
        "2022-11-22",
        "day",
    ),
    (
        "date.anaphoric_unit",
        "talks until the end of the night",
        SEED,
        "the end of the night",
        "2022-11-22TNI",
        "part_of_day",
    ),
    (
        "date.anaphoric_unit",
        "troops by the end of the month",
        SEED,
        "the end of the month",
        "2022-11",
        "month",
    ),
    (
        "date.anaphoric_unit",
        "arrived over the weekend",
        SEED,
        "the weekend",
        "2022-W46-WE",
        "weekend",
    ),
    # --- sets, durations, references
    ("set.every", "patrols every week", SEED, "every week", "P1W", "set"),
    ("set.every", "departing each Thursday", SEED, "each Thursday", "XXXX-WXX-4", "set"),
    ("set.every", "march each July", SEED, "each July", "XXXX-07", "set"),
    ("set.word", "rallies almost daily.", SEED, "daily", "P1D", "set"),
    ("set.word", "C$17.9 million annually.", SEED, "annually", "P1Y", "set"),
    ("set.rate", "save $500 million a year in costs", SEED, "a year", "P1Y", "set"),
    ("ref.units", "kidnappings in recent years", SEED, "recent years", "PXY", "duration"),
    ("ref.units", "the growth of recent years", SEED, "recent years", "PAST_REF", "ref"),
    ("ref.units", "The coming months will be hard", SEED, "The coming months", "FUTURE_REF", "ref"),
    ("duration.count", "for three months", SEED, "three months", "P3M", "duration"),
    ("duration.count", "launched within several months", SEED, "several months", "PXM", "duration"),
    ("duration.count", "only five hours on the ground", SEED, "five hours", "PT5H", "duration"),
    ("duration.count", "for a year and a half", SEED, "a year and a half", "P1Y6M", "duration"),
    ("duration.count", "for 2 1/2 years", SEED, "2 1/2 years", "P2Y6M", "duration"),
    ("duration.count", "in the past two weeks", SEED, "the past two weeks", "P2W", "duration"),
    ("duration.count", "a five-year plan", SEED, "five-year", "P5Y", "duration"),
    (
        "duration.count",
        "signed for a three-year period",
        SEED,
        "a three-year period",
        "P3Y",
        "duration",
    ),
    (
        "date.relative_unit",
        "a decline over the past decade",
        SEED,
        "the past decade",
        "P10Y",
        "duration",
    ),
    (
        "date.relative_unit",
        "inflation in the last decade",
        SEED,
        "the last decade",
        "201X",
        "decade",
    ),
    ("duration.count", "within two to three weeks", SEED, "two to three weeks", "PXW", "duration"),
    ("duration.count", "for a couple of years", SEED, "a couple of years", "P2Y", "duration"),
    ("duration.count", "after more than two years", SEED, "more than two years", "P2Y", "duration"),
    ("duration.count", "Islam will one day be", SEED, "one day", "FUTURE_REF", "ref"),
    ("duration.bare_plural", "It has been troubled for years.", SEED, "years", "PXY", "duration"),
    ("duration.bare_plural", "which just months ago was", SEED, "months ago", "PAST_REF", "ref"),
    ("ref.phrase", "Tehran now insists", SEED, "now", "PRESENT_REF", "ref"),
    ("ref.phrase", "It currently holds 4%", SEED, "currently", "PRESENT_REF", "ref"),
    ("ref.phrase", "as was recently announced", SEED, "recently", "PAST_REF", "ref"),
    ("ref.phrase", "never in the future", SEED, "the future", "FUTURE_REF", "ref"),
    ("ref.phrase", "a debt for future generations", SEED, "future", "FUTURE_REF", "ref"),
    ("ref.units", "cut taxes in future quarters", SEED, "future quarters", "PXQ", "duration"),
]


def _find(text: str, anchor: date, expression: str) -> TimeExpr:
    found = find_times(text, anchor=anchor)
    matching = [t for t in found if t.text == expression]
    assert matching, f"{expression!r} not found in {[t.text for t in found]}"
    return matching[0]


@pytest.mark.parametrize(
    ("rule", "text", "anchor", "expression", "value", "granularity"),
    CASES,
    ids=[f"{c[0]}:{c[3]}" for c in CASES],
)
def test_rule(
    rule: str, text: str, anchor: date, expression: str, value: str, granularity: str
) -> None:
    found = _find(text, anchor, expression)
    assert (found.value, found.granularity) == (value, granularity)
    assert found.rule == rule


def test_every_rule_has_a_case() -> None:
    assert set(RULE_NAMES) <= {c[0] for c in CASES}


@pytest.mark.parametrize(
    "text",
    [
        "No concrete evidence has been presented yet.",
        "They may be right.",
        "Resolution 2231 endorsed the plan.",
        "It sent 2000 troops.",
        "Mr. Reupke, 52 years old, resigned.",
        "a 6-year-old boy",
        "according to USA Today,",
        "Iraq imports about three-quarters of its food.",
        "a quarter of the shares",
        "the March of the Combatant Mothers",
        "Jan Kavan of the Czech Republic",
        "a second group of directors",
        "the fall of Rome",
        "He will spring into action.",
        "the score was 2:1",
        "its current account deficit",
        "today's youth",
        "the film High Noon",
        "the people of tomorrow",
    ],
)
def test_not_a_time(text: str) -> None:
    assert find_times(text, anchor=SEED) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tuesday", "XXXX-WXX-2"),
        ("October 21", "XXXX-10-21"),
        ("in October", "XXXX-10"),
        ("the third quarter", "XXXX-Q3"),
        ("last week", None),
        ("yesterday", None),
        ("October 21, 2022", "2022-10-21"),
        ("three months", "P3M"),
        ("now", "PRESENT_REF"),
    ],
)
def test_without_an_anchor(text: str, value: str | None) -> None:
    found = find_times(text, anchor=None)
    assert len(found) == 1
    assert found[0].value == value


def test_expression_fields() -> None:
    (found,) = find_times("Iran said on Tuesday.", anchor=SEED)
    assert found == TimeExpr(
        text="Tuesday",
        start=13,
        end=20,
        value="2022-11-22",
        granularity="day",
        kind="date",
        anchor="2022-11-22",
        rule="date.weekday",
    )
    assert found.timeml_type == "DATE"
    assert found.as_contract() == {
        "text": "Tuesday",
        "start": 13,
        "end": 20,
        "value": "2022-11-22",
        "granularity": "day",
    }
    (absolute,) = find_times("on October 21, 2022", anchor=SEED)
    assert absolute.anchor is None


def test_reading_order_and_no_overlap() -> None:
    text = "Last week, on Tuesday, October 21 and for three months since 2014."
    found = find_times(text, anchor=SEED)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("last week", "2022-W46"),
        ("on Tuesday", "2022-11-22"),
        ("October 21", "2022-10-21"),
        ("within several months", "PXM"),
        ("two days ago", "2022-11-20"),
        ("the 1990s", "199X"),
        ("recently", "PAST_REF"),
        ("no time here", None),
    ],
)
def test_normalize(expression: str, value: str | None) -> None:
    assert normalize(expression, SEED) == value
