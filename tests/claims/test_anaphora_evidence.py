"""Anaphoric contents and evidence statements: pure functions over strings and offsets."""

from __future__ import annotations

import pytest

from claimgraph.claims import anaphora
from claimgraph.claims.evidence import OUTLET_VOICE, find_evidence
from claimgraph.claims.lexicon import compile_patterns


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("the allegations", "allegation"),
        ("the allegations as false", "allegation"),
        ("these accusations", "allegation"),
        ("the reports", "statement"),
        ("it", "statement"),
        ("it is not the case", "negation"),
        ('"this is false"', "negation"),
        ("that it never happened", "negation"),
        ("Iran supplied drones to Russia", None),
        ("the allegations of torture were investigated", None),
        ("a joint expert meeting with Ukraine", None),
    ],
)
def test_classify(content: str, kind: str | None) -> None:
    assert anaphora.classify(content) == kind


def _c(position: int, start: int, sentence: int, *, contested: bool) -> anaphora.Candidate:
    return anaphora.Candidate(position, start, sentence, contested)


def test_allegation_prefers_the_contested_claim_over_a_nearer_one() -> None:
    candidates = [_c(0, 10, 0, contested=True), _c(1, 50, 1, contested=False)]
    assert anaphora.pick_antecedent(candidates, at=80, sentence=1, kind="allegation") == 0
    assert anaphora.pick_antecedent(candidates, at=80, sentence=1, kind="statement") == 1


def test_antecedent_must_precede_and_be_near() -> None:
    candidates = [_c(0, 100, 5, contested=True)]
    assert anaphora.pick_antecedent(candidates, at=90, sentence=5, kind="statement") is None
    far = anaphora.ANTECEDENT_WINDOW_SENTENCES + 5
    assert anaphora.pick_antecedent(candidates, at=500, sentence=far, kind="statement") is None
    assert anaphora.pick_antecedent(candidates, at=500, sentence=6, kind="statement") == 0


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for part in text.split(". "):
        out.append((start, start + len(part)))
        start += len(part) + 2
    return out


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("No concrete evidence has been presented yet", "none_presented"),
        ("Kyiv made the claim without providing any evidence", "none_presented"),
        ("The ministry has not provided evidence", "none_presented"),
        ("Evidence for the claim has not been made public", "none_presented"),
        ("The claim could not be independently verified", "unverified"),
        ("Reuters was unable to verify the report", "unverified"),
        ("Moscow said the evidence was fabricated", "disputed"),
        ("Ukraine has presented evidence of the strikes", "presented"),
        ("The talks went on for hours", None),
    ],
)
def test_evidence_status(sentence: str, status: str | None) -> None:
    found = find_evidence(sentence, [(0, len(sentence))], [])
    assert [f.status for f in found] == ([status] if status else [])


def test_evidence_voice_is_the_source_whose_content_holds_it() -> None:
    text = "Officials said no evidence was found. No evidence has been presented."
    sentences = _sentences(text)
    content_start = text.index("no evidence")
    contents = [("a0", content_start, text.index(". No"))]
    first, second = find_evidence(text, sentences, contents)
    assert (first.voice, second.voice) == ("a0", OUTLET_VOICE)
    assert text[second.start : second.end].lower().startswith("no evidence")
    assert (first.sentence, second.sentence) == (0, 1)


def test_unknown_labels_in_data_files_are_refused() -> None:
    rows = [{"pattern": "x", "status": "maybe"}]
    with pytest.raises(ValueError, match="unknown status 'maybe'"):
        compile_patterns(rows, "status", ("presented",), whole=False)
