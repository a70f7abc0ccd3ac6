"""The hand check of events on real news: its sample, its judgments file and its scores."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from claimgraph.evaluation import handcheck
from claimgraph.evaluation.handcheck import HandcheckError, Key, Verdict

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
HEADER = "\t".join(handcheck.COLUMNS)


def _tsv(*rows: str) -> str:
    return "\n".join(["# a comment", HEADER, *rows]) + "\n"


def test_parse_judgments_reads_keys_and_verdicts() -> None:
    text = _tsv(
        "3\t120\tattacked\tASSAULT\tRUS\tUKR\t\tY\tY\tN\tY\trecipient wrong",
        "3\t200\ttalking\tCONSULT\tRUS\t\t\tN\t\t\t\tno meeting",
        "4\t10\tclaimed\tASSAULT\tUKR\t\talleged\tY\tY\tY\tmissing\t",
    )
    judged = handcheck.parse_judgments(text, "j.tsv")
    assert judged[Key(3, 120, "ASSAULT", "RUS", "UKR", "")] == Verdict(
        type_ok=True, actor_ok=True, recipient_ok=False, flags="Y"
    )
    assert judged[Key(3, 200, "CONSULT", "RUS", "", "")] == Verdict(
        type_ok=False, actor_ok=None, recipient_ok=None, flags=None
    )
    assert judged[Key(4, 10, "ASSAULT", "UKR", "", "alleged")].flags == "missing"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("3\t120\tattacked\tASSAULT\tRUS\tUKR\t\tyes\tY\tY\tY\t", "type_ok must be Y or N"),
        ("3\t120\tattacked\tASSAULT\tRUS\tUKR\t\tY\tY\tY\tmaybe\t", "flags_ok must be one of"),
        ("3\t120\tattacked\tASSAULT\tRUS\tUKR\t\tY\t\tY\tY\t", "actor_ok and recipient_ok"),
        ("x\t120\tattacked\tASSAULT\tRUS\tUKR\t\tY\tY\tY\tY\t", "must be numbers"),
        ("3\t120\tattacked", "3 columns"),
    ],
)
def test_parse_judgments_names_the_line_and_the_problem(row: str, problem: str) -> None:
    with pytest.raises(HandcheckError, match=problem) as error:
        handcheck.parse_judgments(_tsv(row), "j.tsv")
    assert "j.tsv:3" in str(error.value)


def test_parse_judgments_needs_the_header() -> None:
    with pytest.raises(HandcheckError, match="header"):
        handcheck.parse_judgments("row\tstart\n", "j.tsv")


def test_the_packaged_judgments_parse() -> None:
    judged = handcheck.packaged_judgments()
    assert len(judged) >= 60
    assert all(v.type_ok or v.actor_ok is None for v in judged.values())


def test_score_counts_only_judged_events_and_type_correct_roles() -> None:
    a, b, c = (Key(1, n, "ASSAULT", "RUS", "", "") for n in (1, 2, 3))
    judgments = {
        a: Verdict(type_ok=True, actor_ok=True, recipient_ok=True, flags="Y"),
        b: Verdict(type_ok=True, actor_ok=False, recipient_ok=True, flags="missing"),
        Key(9, 9, "AID", "", "", ""): Verdict(
            type_ok=False, actor_ok=None, recipient_ok=None, flags=None
        ),
    }
    report = handcheck.score([a, b, c, Key(9, 9, "AID", "", "", "")], judgments)
    assert (report["events"], report["judged"], report["unjudged"]) == (4, 3, 1)
    assert report["type_precision"] == round(2 / 3, 4)
    assert report["actor_accuracy"] == 0.5 and report["recipient_accuracy"] == 1.0
    assert report["flags_missing"] == 1 and report["flags_accuracy"] == 0.5


def test_the_sample_depends_on_the_trigger_position_only() -> None:
    picks = [handcheck.in_sample(row, start) for row in range(40) for start in range(0, 500, 7)]
    share = sum(picks) / len(picks)
    assert abs(share - handcheck.SAMPLE_PERCENT / 100) < 0.05
    assert picks == [handcheck.in_sample(r, s) for r in range(40) for s in range(0, 500, 7)]


def test_dev_and_test_articles_are_disjoint() -> None:
    rows = handcheck.article_rows(188)
    assert len(rows["dev"]) == handcheck.DEV_ARTICLES == 50
    assert len(rows["test"]) == handcheck.TEST_ARTICLES == 30
    assert not set(rows["dev"]) & set(rows["test"])
    # blocks are positions in one fixed shuffle: the first test block follows the first
    # development block, so adding blocks never moved an article between the two sets
    order = list(range(188))
    random.Random(handcheck.ARTICLE_SEED).shuffle(order)
    assert set(order[15:30]) <= set(rows["test"]) and set(order[:15]) <= set(rows["dev"])


@pytest.mark.skipif(
    not (SHARED / handcheck.CORPUS_FILE).is_file(),
    reason="../shared/data (the Guardian 2022 corpus) is not beside this checkout",
)
def test_hand_check_floor_on_the_test_articles() -> None:
    # pinned floors a little under the figures measured when the judgments were written
    # (type 84.2%, actors 83.8%, flags 94.9%, 30 articles); a change that alters judged
    # events shows up as unjudged, not as a score
    report = handcheck.evaluate(SHARED)
    assert report["judged"] >= 0.8 * report["events"], report
    assert report["type_precision"] >= 0.8, report
    assert report["actor_accuracy"] >= 0.78, report
    assert report["flags_accuracy"] >= 0.9, report
