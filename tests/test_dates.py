"""Publication dates in the forms sources write them, to ISO 8601 with their precision."""

from __future__ import annotations

import pytest

from claimgraph.dates import MAX_DATE_CHARS, PARSERS, parse_partial_date, parse_published

PUBLISHED = [
    # ISO 8601, as feeds, CSV exports and meta tags give it
    ("2022-11-22", "2022-11-22"),
    ("2022-11-22T15:30", "2022-11-22T15:30"),
    ("2022-06-24T17:30:00Z", "2022-06-24T17:30Z"),
    ("2022-08-01T16:23:25Z", "2022-08-01T16:23:25Z"),
    ("2022-11-22T15:30:00.123Z", "2022-11-22T15:30Z"),
    ("2022-11-22 15:30:45+05:00", "2022-11-22T15:30:45+05:00"),
    ("2022-11-22T15:30:00+0530", "2022-11-22T15:30+05:30"),
    ("2022-11-22T15:30:00-04:00", "2022-11-22T15:30-04:00"),
    ("2022-11-22T15:30:00+00:00", "2022-11-22T15:30Z"),
    ("2022-11-22 15:30:00 UTC", "2022-11-22T15:30Z"),
    ("  2022-11-22  ", "2022-11-22"),
    # slashed (NYT export)
    ("2022/06/23", "2022-06-23"),
    ("2022/6/3 09:05", "2022-06-03T09:05"),
    # month first, as in the seed's byline
    ("November 22, 2022 | 03:30 PM", "2022-11-22T15:30"),
    ("November 22, 2022 12:05 AM", "2022-11-22T00:05"),
    ("November 22, 2022 12:05 PM", "2022-11-22T12:05"),
    ("Nov. 22, 2022", "2022-11-22"),
    ("Sept 5, 2022", "2022-09-05"),
    ("Tuesday, November 22, 2022 at 3:30 p.m.", "2022-11-22T15:30"),
    # day first, as in the seed's dateline
    ("22nd November, 2022", "2022-11-22"),
    ("1st of May 2021", "2021-05-01"),
    ("24 May 2022 16:55", "2022-05-24T16:55"),
    # RSS (RFC 822)
    ("Tue, 22 Nov 2022 15:30:00 GMT", "2022-11-22T15:30Z"),
    ("Wed, 23 Mar 2022 16:35:00 +0000", "2022-03-23T16:35Z"),
    ("Wed, 23 Mar 2022 16:35:00 -0500", "2022-03-23T16:35-05:00"),
    # Reuters-21578
    ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"),
    ("26-FEB-1987", "1987-02-26"),
    # a broken time does not spoil a good date
    ("2022-11-22T25:00", "2022-11-22"),
    ("November 22, 2022 15:30 PM", "2022-11-22"),
    ("November 22, 2022 0:30 AM", "2022-11-22"),
    # nothing is invented
    ("2022-02-30", None),
    ("2022-13-01", None),
    ("February 30, 2022", None),
    ("26-XYZ-1987", None),
    ("next Tuesday", None),
    ("22/11/2022", None),
    ("November 2022", None),
    ("", None),
    (None, None),
    ("2022-11-22" + " " * MAX_DATE_CHARS, None),
]


@pytest.mark.parametrize(("value", "expected"), PUBLISHED)
def test_parse_published(value: str | None, expected: str | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", [e for _, e in PUBLISHED if e is not None])
def test_parse_published_reads_its_own_output_back(value: str) -> None:
    assert parse_published(value) == value


# (value, year, expected)
PARTIAL = [
    ("Feb 26", 1987, "1987-02-26"),
    ("26 February", 2022, "2022-02-26"),
    ("22nd November", 2022, "2022-11-22"),
    ("Sept. 5", 2022, "2022-09-05"),
    ("Feb 29", 2023, None),
    ("Feb 29", 2024, "2024-02-29"),
    ("Feb 26", None, None),
    ("22nd November, 2022", None, "2022-11-22"),
    ("22nd November, 2022", 1999, "2022-11-22"),
    ("Smarch 3", 2022, None),
    ("3", 2022, None),
]


@pytest.mark.parametrize(("value", "year", "expected"), PARTIAL)
def test_parse_partial_date(value: str, year: int | None, expected: str | None) -> None:
    assert parse_partial_date(value, year=year) == expected


def test_parsers_are_named_and_ordered() -> None:
    names = [name for name, _ in PARSERS]
    assert names[0] == "iso"
    assert len(names) == len(set(names))
    assert {"iso", "rfc822", "reuters"} <= set(names)
