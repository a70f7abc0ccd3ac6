"""The CAMEO codebook examples evaluation: which examples are kept, and how one is scored."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.evaluation import cameo_examples_eval as ce

CODEBOOK = (
    '"","eventtype_ID","name","code","goldstein","example"\n'
    '"1",1,"Make statement","010",0,"Iran said it was ready."\n'
    '"2",2,"Appeal","020",3,"Egypt urged Israel to talk. Note: coded once."\n'
    '"3",3,"Attack","190",-10,"NA"\n'
    '"4",4,"Threaten","130",-4.4,"Iraq threatened Kuwait with war over oil fields."\n'
    '"5",5,"Mobilize","151",-7,"NEED EXAMPLE."\n'
)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    (tmp_path / "plover").mkdir()
    (tmp_path / ce.CODEBOOK_FILE).write_bytes(CODEBOOK.encode("cp1252"))
    return tmp_path


def test_examples_with_a_plover_type_are_loaded_without_notes(shared: Path) -> None:
    examples = ce.load_examples(shared)
    # 010 has no PLOVER type, 190 no example, 151 only a placeholder
    assert [e["code"] for e in examples] == ["020", "130"]
    assert examples[0] == {
        "code": "020",
        "type": "REQUEST",
        "root": "02",
        "text": "Egypt urged Israel to talk.",
    }


def test_copies_of_test_records_are_dropped(shared: Path) -> None:
    examples = ce.load_examples(shared)
    gold = [
        {"text": "Something else entirely happened here."},  # position 0: dev
        {"text": "Iraq threatened Kuwait with war over the oil fields."},  # position 1: test
    ]
    groups, dropped = ce.grouped(examples, gold)
    assert dropped == 1
    assert [e["code"] for e in groups["independent"]] == ["020"]
    assert groups["dev_copy"] == []


def test_an_example_scores_its_type_and_root() -> None:
    example = {"code": "0232", "type": "REQUEST", "root": "02", "text": ""}
    demand = {"type": "REQUEST", "cameo": "1032"}
    row = ce.score_example(example, [demand])
    assert row["type_found"] and not row["root_found"]
    row = ce.score_example(example, [{"type": "REQUEST", "cameo": "0232"}])
    assert row["root_found"]
    assert not ce.score_example(example, [{"type": "AID", "cameo": "0232"}])["root_found"]


# Floors a little under the measured figures (docs/events.md); raise them as the coder improves.
CODEBOOK_FLOORS = {"type_accuracy": 0.845, "root_accuracy": 0.80}


def test_codebook_examples_quality_gate(shared_data: Path) -> None:
    report = ce.evaluate(shared_data)
    assert report["dropped_test_copies"] > 100  # the GSR's test records stay out
    for key, floor in CODEBOOK_FLOORS.items():
        assert report[key] >= floor, (key, report[key])
    assert "development set" in ce.markdown(report)
