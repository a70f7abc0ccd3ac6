"""The seed article (UrduPoint, 2022-11-22): its times, and its gold expectations."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimgraph.times import TimeExpr, find_times

ANCHOR = date(2022, 11, 22)

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_times(seed_path: Path) -> tuple[str, list[TimeExpr]]:
    text = seed_path.read_text(encoding="utf-8")
    return text, find_times(text, anchor=ANCHOR)


def _value_of(found: list[TimeExpr], expression: str) -> str | None:
    matching = [t for t in found if expression.lower() in t.text.lower()]
    assert matching, f"{expression!r} not among {[t.text for t in found]}"
    return matching[0].value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("Tuesday", "2022-11-22"),
        ("Last week", "2022-W46"),
        ("October 21", "2022-10-21"),
        ("22nd November, 2022", "2022-11-22"),
        ("November 22, 2022", "2022-11-22"),
    ],
)
def test_seed_values(seed_times: tuple[str, list[TimeExpr]], expression: str, value: str) -> None:
    assert _value_of(seed_times[1], expression) == value


def test_within_several_months_is_a_duration(seed_times: tuple[str, list[TimeExpr]]) -> None:
    (found,) = [t for t in seed_times[1] if "several months" in t.text]
    assert (found.value, found.kind) in (("PXM", "duration"), ("FUTURE_REF", "ref"))


def test_yet_is_not_a_time(seed_times: tuple[str, list[TimeExpr]]) -> None:
    assert all("yet" not in t.text.lower() for t in seed_times[1])


def test_offsets(seed_times: tuple[str, list[TimeExpr]]) -> None:
    text, found = seed_times
    assert all(text[t.start : t.end] == t.text for t in found)


def test_gold_expectations(seed_path: Path, seed_times: tuple[str, list[TimeExpr]]) -> None:
    """``seed/*.gold.json`` "times": the text as a substring, the value among alternatives."""
    gold = json.loads(seed_path.with_name(seed_path.stem + ".gold.json").read_text("utf-8"))
    for expected in gold.get("times", []):
        values = expected["value"] if isinstance(expected["value"], list) else [expected["value"]]
        assert _value_of(seed_times[1], expected["text"]) in values, expected
