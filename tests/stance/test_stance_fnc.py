"""FNC-1 CSV files and scores (``claimgraph.stance.fnc``)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.stance.fnc import (
    LABELS,
    StanceRow,
    classification_report,
    fnc_percent,
    fnc_score,
    is_held_out,
    read_bodies,
    read_stances,
    write_stances,
)


@pytest.mark.parametrize(
    ("gold", "predicted", "score", "maximum"),
    [
        # right label of a related pair: 0.25 + 0.75; right "unrelated": 0.25
        (["agree", "unrelated"], ["agree", "unrelated"], 1.25, 1.25),
        # related, wrong label: 0.25 only; related called unrelated: 0
        (["discuss", "disagree"], ["agree", "unrelated"], 0.25, 2.0),
        # unrelated called related: 0
        (["unrelated", "unrelated"], ["discuss", "unrelated"], 0.25, 0.5),
        (
            ["agree", "unrelated", "discuss", "disagree"],
            ["agree", "unrelated", "agree", "unrelated"],
            1.5,
            3.25,
        ),
    ],
)
def test_fnc_score(gold: list[str], predicted: list[str], score: float, maximum: float) -> None:
    assert fnc_score(gold, predicted) == (pytest.approx(score), pytest.approx(maximum))
    assert fnc_percent(gold, predicted) == pytest.approx(100 * score / maximum)


def test_fnc_score_needs_equal_lengths() -> None:
    with pytest.raises(ValueError, match="2 gold labels but 1"):
        fnc_score(["agree", "agree"], ["agree"])


def test_classification_report() -> None:
    gold = ["agree", "agree", "disagree", "discuss", "unrelated"]
    predicted = ["agree", "discuss", "disagree", "discuss", "discuss"]
    report = classification_report(gold, predicted, LABELS)
    assert report["accuracy"] == pytest.approx(3 / 5)
    assert report["per_class"]["agree"] == {
        "p": 1.0,
        "r": 0.5,
        "f1": pytest.approx(2 / 3),
        "support": 2,
    }
    assert report["per_class"]["discuss"]["p"] == pytest.approx(1 / 3)
    assert report["per_class"]["unrelated"]["f1"] == 0.0
    # macro-F1: agree 2/3, disagree 1, discuss 1/2, unrelated 0
    assert report["macro_f1"] == pytest.approx((2 / 3 + 1 + 0.5 + 0) / 4)
    assert report["confusion"]["unrelated"]["discuss"] == 1


def test_held_out_split_is_stable_and_about_a_fifth() -> None:
    ids = [str(i) for i in range(2000)]
    held = [i for i in ids if is_held_out(i)]
    assert held == [i for i in ids if is_held_out(i)]
    assert 0.15 < len(held) / len(ids) < 0.25


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_read_stances_and_bodies(tmp_path: Path) -> None:
    stances = write(
        tmp_path / "s.csv",
        'Headline,Body ID,Stance\n"Shark, attack",7,agree\nRates rise,8,unrelated\n',
    )
    bodies = write(tmp_path / "b.csv", 'Body ID,articleBody\n7,"A long\nbody, with commas"\n8,x\n')
    rows = read_stances(stances)
    assert [(r.headline, r.body_id, r.stance) for r in rows] == [
        ("Shark, attack", "7", "agree"),
        ("Rates rise", "8", "unrelated"),
    ]
    assert read_bodies(bodies) == {"7": "A long\nbody, with commas", "8": "x"}


def test_unlabelled_stances_have_no_gold(tmp_path: Path) -> None:
    rows = read_stances(write(tmp_path / "s.csv", "Headline,Body ID\nA,1\n"))
    assert rows[0].stance is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Title,Body\nA,1\n", "missing columns Headline, Body ID"),
        ("Headline,Body ID,Stance\nA,1,maybe\n", "s.csv:2: Stance 'maybe' is not one of"),
        ("", "no header"),
    ],
)
def test_bad_stances_file_names_the_file(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read_stances(write(tmp_path / "s.csv", text))
    assert caught.value.path.endswith("s.csv")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing.csv"):
        read_bodies(tmp_path / "nothing.csv")


def test_undecodable_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(b"Body ID,articleBody\n1,\xff\xfe\xfa\n")
    with pytest.raises(InputError, match="b.csv"):
        read_bodies(path)


text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(text, st.integers(0, 10**6), st.sampled_from(LABELS)), max_size=8))
def test_write_then_read_round_trip(rows: list[tuple[str, int, str]]) -> None:
    source = [StanceRow(h, str(b), None, {"Headline": h, "Body ID": str(b)}) for h, b, _ in rows]
    handle = io.StringIO()
    assert write_stances(handle, source, [s for _, _, s in rows]) == len(rows)
    path = Path(tempfile.mkdtemp()) / "out.csv"
    path.write_text(handle.getvalue(), encoding="utf-8", newline="")
    back = read_stances(path)
    assert [(r.headline, r.body_id, r.stance) for r in back] == [(h, str(b), s) for h, b, s in rows]
