"""Claims from real parses: propositions, holders, anaphoric denials, evidence."""

from __future__ import annotations

from typing import Any

import pytest

import claimgraph
from claimgraph.extractor import Extractor, default_extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def claims_of(extractor: Extractor, text: str) -> list[dict[str, Any]]:
    document = claimgraph.extract(text, published="2022-11-22")
    claims: list[dict[str, Any]] = document["claims"]
    for c in claims:  # provenance: every claim points at its text
        assert document["article"]["text"][c["start"] : c["end"]] == c["text"]
    return claims


def holders(claim: dict[str, Any]) -> set[tuple[str | None, str]]:
    return {(h["actor"]["code"], h["stance"]) for h in claim["holders"]}


def test_accusation_and_anaphoric_denial_share_one_claim(extractor: Extractor) -> None:
    (claim,) = [
        c
        for c in claims_of(
            extractor,
            "Western countries have accused Iran of supplying combat drones to Russia. "
            "Moscow and Tehran denied the allegations.",
        )
        if "drones" in c["text"]
    ]
    assert holders(claim) >= {("WST", "assert"), ("RUS", "deny"), ("IRN", "deny")}
    assert claim["contested"] is True
    assert (claim["subject"]["code"], claim["object"]["code"]) == ("IRN", "RUS")
    assert claim["predicate"] == "supply"
    assert "drone" in claim["terms"]


def test_negating_content_denies_the_previous_claim(extractor: Extractor) -> None:
    found = claims_of(
        extractor,
        "France and Germany believe that Iranian drones fall under this rule, "
        "but Tehran insists it is not the case.",
    )
    (claim,) = [c for c in found if "rule" in c["text"]]
    assert holders(claim) >= {("FRA", "assert"), ("DEU", "assert"), ("IRN", "deny")}
    assert not any(c["text"].strip() == "it is not the case" for c in found)


def test_outlet_voice_evidence_attaches_to_the_contested_claim(extractor: Extractor) -> None:
    found = claims_of(
        extractor,
        "Ukraine accused Belarus of sending troops to the border. No evidence has been presented.",
    )
    (claim,) = [c for c in found if c["contested"]]
    assert claim["evidence"] == "none_presented"
    assert claim["evidence_voice"] == "outlet"


def test_the_outlets_own_statements_are_not_claims(extractor: Extractor) -> None:
    assert claims_of(extractor, "Iran supplied drones to Russia in October.") == []


def test_first_person_subject_is_the_speaker(extractor: Extractor) -> None:
    (claim,) = claims_of(extractor, 'Russia said: "We will never attack Finland."')
    assert claim["subject"]["code"] == "RUS"


def test_a_transcript_turn_gives_one_claim_per_sentence(extractor: Extractor) -> None:
    found = claims_of(
        extractor,
        "The talks focused on energy. *** President of Russia Vladimir Putin: Thank you very "
        "much. Yes, I know. Russia has been a reliable energy supplier for decades. I would "
        "like to note "
        "that Germany is our partner. Vladimir Putin: Our gas deliveries have never stopped.",
    )
    texts = {c["text"]: holders(c) for c in found}
    assert texts["Russia has been a reliable energy supplier for decades"] == {("RUS", "assert")}
    assert texts["Our gas deliveries have never stopped"] == {("RUS", "assert")}
    # the report in a sentence of the turn is that report's claim, held by the speaker
    assert texts["that Germany is our partner"] == {("RUS", "assert")}
    assert not any("I would like to note" in t for t in texts)
    # no whole turn, and nothing from the talk around the propositions
    assert not any("Thank you" in t or "Yes, I know" in t for t in texts)


def test_an_asserted_topic_is_no_claim(extractor: Extractor) -> None:
    found = claims_of(
        extractor,
        "The presidents discussed bilateral trade and energy cooperation. Putin thanked "
        "Turkey for its assistance in hosting the talks. "
        "Ukraine accused Russia of war crimes. France called for new sanctions.",
    )
    texts = [c["text"] for c in found]
    # what was talked about is no claim; an accusation and a request of a noun phrase are
    assert not any("bilateral trade" in t or "hosting" in t for t in texts)
    assert any("war crimes" in t for t in texts)
    assert any("sanctions" in t for t in texts)
