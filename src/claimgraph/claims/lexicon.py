"""The claim layer's data files (``claimgraph/data/lexicons``): anaphoric contents and
evidence statements, compiled once."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

LEXICON_PACKAGE = "claimgraph.data.lexicons"
ANAPHOR_KINDS = ("allegation", "statement", "negation")
EVIDENCE_STATUSES = ("none_presented", "presented", "disputed", "unverified")


class Pattern(NamedTuple):
    regex: re.Pattern[str]
    label: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(LEXICON_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def compile_patterns(
    rows: list[dict[str, str]], column: str, allowed: tuple[str, ...], *, whole: bool
) -> tuple[Pattern, ...]:
    """Rows of (``pattern``, ``column``) as compiled patterns, in file order. ``whole``
    anchors each pattern to the whole string."""
    out = []
    for row in rows:
        label = row[column].strip()
        if label not in allowed:
            raise ValueError(
                f"pattern {row['pattern']!r}: unknown {column} {label!r}; known: {', '.join(allowed)}"
            )
        source = row["pattern"].strip()
        regex = re.compile(rf"(?:{source})\Z" if whole else source, re.IGNORECASE)
        out.append(Pattern(regex, label))
    return tuple(out)


@lru_cache(maxsize=1)
def anaphor_patterns() -> tuple[Pattern, ...]:
    return compile_patterns(_rows("claim_anaphors.tsv"), "kind", ANAPHOR_KINDS, whole=True)


@lru_cache(maxsize=1)
def evidence_patterns() -> tuple[Pattern, ...]:
    return compile_patterns(_rows("evidence.tsv"), "status", EVIDENCE_STATUSES, whole=False)


IGNORED = "-"


@lru_cache(maxsize=1)
def canonical_words() -> dict[str, str]:
    """Word -> canonical predicate for threading; :data:`IGNORED` for meta words."""
    return {
        row["word"].strip().lower(): row["canonical"].strip()
        for row in _rows("claim_predicates.tsv")
    }
