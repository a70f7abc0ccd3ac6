"""Calendar arithmetic, value formatting, numbers and the tense guess."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.times import points as cal
from claimgraph.times.lexicon import HOLIDAYS, number_value
from claimgraph.times.tense import FUTURE, PAST, UNKNOWN, tense_at


@pytest.mark.parametrize(
    ("point", "value"),
    [
        (cal.day(date(2022, 11, 22)), "2022-11-22"),
        (cal.week(date(2022, 11, 22)), "2022-W47"),
        (cal.week(date(2021, 1, 3)), "2020-W53"),  # ISO week-numbering year
        (cal.weekend(date(2022, 11, 19)), "2022-W46-WE"),
        (cal.month(2022, 3), "2022-03"),
        (cal.quarter(1989, 3), "1989-Q3"),
        (cal.half(2021, 2), "2021-H2"),
        (cal.season(1998, "FA"), "1998-FA"),
        (cal.year(2014), "2014"),
        (cal.decade(1994), "199X"),
        (cal.century(1900), "19"),
        (cal.clock(date(1998, 8, 7), 10, 35), "1998-08-07T10:35"),
        (cal.part_of_day(date(2022, 11, 22), "TMO"), "2022-11-22TMO"),
    ],
)
def test_values(point: cal.Point, value: str) -> None:
    assert cal.value(point) == value


@pytest.mark.parametrize(
    ("point", "count", "unit", "value"),
    [
        (cal.week(date(2022, 11, 22)), -1, "week", "2022-W46"),
        (cal.week(date(2022, 1, 4)), -1, "week", "2021-W52"),
        (cal.month(2022, 1), -1, "month", "2021-12"),
        (cal.quarter(1989, 3), -1, "year", "1988-Q3"),
        (cal.quarter(1989, 1), -1, "quarter", "1988-Q4"),
        (cal.day(date(2020, 2, 29)), 1, "year", "2021-02-28"),
        (cal.day(date(2022, 3, 31)), -1, "month", "2022-02-28"),
    ],
)
def test_shift(point: cal.Point, count: int, unit: str, value: str) -> None:
    assert cal.value(cal.shift(point, count, unit)) == value


@pytest.mark.parametrize(
    ("name", "year", "day"),
    [
        ("easter", 2000, date(2000, 4, 23)),
        ("easter", 2023, date(2023, 4, 9)),
        ("good friday", 2022, date(2022, 4, 15)),
        ("thanksgiving", 1999, date(1999, 11, 25)),
        ("memorial day", 2022, date(2022, 5, 30)),
        ("election day", 2020, date(2020, 11, 3)),
        ("election day", 2022, date(2022, 11, 8)),
        ("christmas", 2022, date(2022, 12, 25)),
    ],
)
def test_holidays(name: str, year: int, day: date) -> None:
    assert cal.holiday(HOLIDAYS[name], year) == day


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three", 3),
        ("twenty-four", 24),
        ("twenty four", 24),
        ("a", 1),
        ("a couple of", 2),
        ("a hundred", 100),
        ("two thousand", 2000),
        ("1,500", 1500),
        ("2 1/2", 2.5),
        ("half an", 0.5),
        ("several", None),
    ],
)
def test_number_value(words: str, value: float | None) -> None:
    assert number_value(words) == value


@pytest.mark.parametrize(
    ("text", "expression", "tense"),
    [
        ("The IRNA reported on Tuesday.", "Tuesday", PAST),
        ("Talks will resume on Tuesday.", "Tuesday", FUTURE),
        ("The dividend will be paid Dec. 14.", "Dec. 14", FUTURE),
        ("complete the sale by Dec. 15, it said", "Dec. 15", FUTURE),
        ("``He will leave Thursday,'' Castro said.", "Thursday", FUTURE),
        ("Production is expected to be launched in May.", "May", FUTURE),
        ("Tuesday", "Tuesday", UNKNOWN),
        # "since" marks a starting point, behind, whatever the other cues
        ("aid to Ukraine since Russia's February invasion, including a tranche", "February", PAST),
        ("Prices will keep rising since the March rally.", "March", PAST),
    ],
)
def test_tense(text: str, expression: str, tense: str) -> None:
    start = text.index(expression)
    assert tense_at(text, start, start + len(expression)) == tense
