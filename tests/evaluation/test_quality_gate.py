"""The quality gate: measured accuracy may not fall below the pinned floors.

Floors live in ``tests/evaluation/eval_baseline.json``, a little under what ``make eval``
measured, so noise does not fail CI but a real drop does. Raise them when a change
improves the figures; never lower them to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.evaluation import expectations, polnear_eval
from claimgraph.extractor import Extractor
from claimgraph.model import Article
from claimgraph.readers import read

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def gold_files(shared: Path) -> list[Path]:
    return sorted((shared / "seed").glob("*.gold.json"))


def test_every_seed_expectation_is_met(shared_data: Path, extractor: Extractor) -> None:
    """Reads any ``claimgraph.expectations/1`` file in seed/: new ones are picked up."""
    files = gold_files(shared_data)
    assert files, "no expectation files found"
    unmet = []
    for gold_path in files:
        gold = expectations.load(gold_path)
        (article,) = [
            a for a in read([str(gold_path.parent / gold["file"])]) if isinstance(a, Article)
        ]
        document = extractor.extract(article)
        unmet += [
            f"{gold_path.name}: {c.part} {c.key}: {c.predicted!r}"
            for c in expectations.check_document(gold, document, article)
            if not c.ok
        ]
    assert unmet == []


@pytest.fixture(scope="module")
def polnear_report(shared_data: Path) -> dict[str, object]:
    return polnear_eval.evaluate(shared_data)


@pytest.mark.parametrize(
    ("level", "role"),
    [
        (level, role)
        for level in ("exact", "overlap")
        for role in ("source", "cue", "content", "relation")
    ],
)
def test_polnear_dev_f1_floor(
    polnear_report: dict[str, dict[str, dict[str, dict[str, float]]]], level: str, role: str
) -> None:
    floor = BASELINE["polnear_dev_f1"][level][role]
    measured = polnear_report["scores"][level][role]["f1"]
    assert measured >= floor, (
        f"PolNeAR dev {level} {role} F1 {measured:.3f} fell below the floor {floor}"
    )
