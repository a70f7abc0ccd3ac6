"""Counts no calendar holds ("9999999 weeks ago", found in Reuters-21578 wire codes) are
left unresolved instead of crashing the whole article (an OverflowError escaped before)."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.times import find_times


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("it happened 9999999 weeks ago", date(1987, 3, 1)),
        ("3000000 months later", date(1987, 3, 1)),
        ("99999999999999999999 days ago", date(2022, 11, 22)),
        ("in 500000 years", date(1, 1, 1)),
        ("4000000 quarters earlier", date(9999, 12, 31)),
    ],
)
def test_huge_offsets_are_unresolved_not_errors(text: str, anchor: date) -> None:
    found = find_times(text, anchor=anchor)
    assert found
    assert all(
        t.value is None or not t.value[:4].isdigit() or 1 <= int(t.value[:4]) <= 9999 for t in found
    )


def test_ordinary_offsets_still_resolve() -> None:
    (found,) = find_times("two weeks ago", anchor=date(1987, 3, 1))
    assert found.value == "1987-W07"
