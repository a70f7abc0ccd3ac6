"""Error classes found by reading the coder's output on 2022 war reporting (a development
sample of Guardian articles; docs/evaluation.md, "hand check"). Each case is a sentence of
our own that has the structure of the error, run through the real pipeline."""

from __future__ import annotations

from datetime import date

from claimgraph.events.coder import _date_bounds

from .helpers import codes, events_of


def flags_of(event: dict[str, object]) -> set[str]:
    return {k for k, v in event["flags"].items() if v}  # type: ignore[attr-defined]


def by_type(text: str, type_: str) -> list[dict[str, object]]:
    return [e for e in events_of(text) if e["type"] == type_]


def test_a_fronted_phrase_is_not_what_the_accusation_alleges() -> None:
    text = (
        "With the invasion of Ukraine entering its third month, the US accused Russia of "
        "blocking grain exports."
    )
    [invasion] = [e for e in events_of(text) if e["trigger"]["text"] == "invasion"]
    assert "alleged" not in flags_of(invasion)
    [accusation] = by_type(text, "ACCUSE")
    assert codes(accusation, "actor") == ["USA"] and not flags_of(accusation)


def test_a_main_clause_modal_does_not_reach_an_adverbial_participle() -> None:
    text = "France said it would check the rules, while accusing the Kremlin of lying."
    [accusation] = by_type(text, "ACCUSE")
    assert "hypothetical" not in flags_of(accusation)


def test_date_bounds_of_coarse_values() -> None:
    assert _date_bounds("2022") == (date(2022, 1, 1), date(2022, 12, 31))
    assert _date_bounds("2022-02") == (date(2022, 2, 1), date(2022, 2, 28))
    assert _date_bounds("2022-12") == (date(2022, 12, 1), date(2022, 12, 31))
    assert _date_bounds("2022-07-14") == (date(2022, 7, 14), date(2022, 7, 14))
    # a week is read to its year: never later than it may be
    assert _date_bounds("2022-W28") == (date(2022, 1, 1), date(2022, 12, 31))
    assert _date_bounds("PRESENT_REF") is None


def test_this_weeks_attack_is_not_future() -> None:
    text = "Ukraine accused Russia of this week's attack on Vinnytsia."
    for event in events_of(text, published="2022-07-15"):
        assert "future" not in flags_of(event), event


def test_the_patient_of_a_passive_relative_clause_is_not_the_doer() -> None:
    text = "Russia put on trial two Britons, who were captured in Mariupol."
    for event in events_of(text):
        assert "GBR" not in codes(event, "actor"), event


def test_a_strike_is_an_attack_unless_named_a_labour_strike() -> None:
    attacks = by_type("Russian strikes on Kharkiv killed ten people.", "ASSAULT")
    [strikes] = [e for e in attacks if e["trigger"]["text"] == "strikes"]
    assert codes(strikes, "actor") == ["RUS"]
    assert not by_type("Russian strikes on Kharkiv killed ten people.", "PROTEST")
    assert codes(by_type("Iranian miners went on strike.", "PROTEST")[0], "actor") == ["IRN"]
    assert by_type("French unions called a general strike.", "PROTEST")
    assert not by_type("French unions called a general strike.", "ASSAULT")


def test_under_attack_from_names_the_attacker() -> None:
    text = "Kharkiv, which is under attack from Russian troops, is Ukraine's second city."
    [attack] = by_type(text, "ASSAULT")
    assert codes(attack, "actor") == ["RUS"] and codes(attack, "recipient") == ["UKR"]


def test_releasing_a_list_frees_no_one() -> None:
    assert not by_type("Russia released a list of 963 Americans.", "RETREAT")
    [release] = by_type("Russia released two American prisoners.", "RETREAT")
    assert codes(release, "recipient") == ["USA"]


def test_an_outlet_spoken_to_is_no_party() -> None:
    assert not by_type("Zelenskiy was speaking with Reuters in an interview.", "CONSULT")
    [demand] = by_type("Zelenskiy told the BBC that Russia must withdraw its troops.", "REQUEST")
    assert codes(demand, "actor") == ["UKR"] and codes(demand, "recipient") == ["RUS"]


def test_an_obligation_is_no_intention_and_no_fact() -> None:
    events = events_of("Russia must withdraw its troops from Ukraine.")
    assert all(e["type"] != "AGREE" for e in events), events
    assert all("hypothetical" in flags_of(e) for e in events), events


def test_a_common_word_outlet_name_is_matched_as_written() -> None:
    [visit] = by_type("Taiwan's foreign minister visited Russia today.", "CONSULT")
    assert codes(visit, "recipient") == ["RUS"]
