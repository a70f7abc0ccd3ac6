"""The time layer: temporal expressions found in text and normalised to TimeML values.

>>> from datetime import date
>>> [(t.text, t.value) for t in find_times("Last week, Iran said on Tuesday", anchor=date(2022, 11, 22))]
[('Last week', '2022-W46'), ('Tuesday', '2022-11-22')]

Pure functions over strings; a spaCy component can wrap them. See docs/times.md.
"""

from __future__ import annotations

from claimgraph.times.extract import find_times, normalize
from claimgraph.times.model import TimeExpr
from claimgraph.times.rules import RULE_NAMES

__all__ = ["RULE_NAMES", "TimeExpr", "find_times", "normalize"]
