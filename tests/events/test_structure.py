"""Which trigger is the event and who its participants are, decided by sentence structure
(docs/events.md): control in the passive, means and amounts, "for X to" complements,
reciprocal acts, the place of an act, acts that are a verb's subject. Each case is run through
the real pipeline and says what must and what must not be coded."""

from __future__ import annotations

import pytest

from claimgraph.actors.gazetteer import Place

from .helpers import Doc, codes, events_of


def only(text: str, type_: str) -> Doc:
    match = [e for e in events_of(text) if e["type"] == type_]
    assert len(match) == 1, events_of(text)
    return match[0]


# (sentence, type, actor, recipients that must be among the event's)
CASES = [
    # the passive subject controls the complement of a passive object-control verb
    ("Iraq was forced to withdraw from Kuwait.", "RETREAT", ["IRQ"], ["KWT"]),
    # ... also when the parser hangs "of attacking" on the "by" agent
    ("Angolan rebels were accused by Zambia of attacking civilians.", "ASSAULT", ["AGO"], []),
    # a noun act in a "with" phrase is the means of the verb's subject
    ("Israel retaliated with air strikes on Gaza.", "ASSAULT", ["ISR"], ["PSE"]),
    # an act measured by an amount ("dollars in loans") is done by the amount's doer
    (
        "Japan announced that it would extend 500 million dollars in loans to the Philippines.",
        "AGREE",
        ["JPN"],
        ["PHL"],
    ),
    # a generic group in a sentence naming several states: the state the act happens in
    ("Gunmen kidnapped two German aid workers in Yemen.", "ASSAULT", ["YEM"], ["DEU"]),
    # an arrest in an agentless passive: the authorities of the state it happens in
    ("Two British journalists were detained in Zimbabwe on Monday.", "COERCE", ["ZWE"], ["GBR"]),
    # ... also an investigation a clause's subject is put "under"
    (
        "A US national has been put under investigation in Italy.",
        "ACCUSE",
        ["ITA"],
        ["USA"],
    ),
    # the subject of a clause undergoes the act it is "under"
    ("Israeli positions in southern Lebanon came under attack.", "ASSAULT", [], ["ISR"]),
    # "between X and Y" names the parties of a reciprocal act
    ("Fighting erupted between Armenia and Azerbaijan on Sunday.", "ASSAULT", ["ARM"], ["AZE"]),
    (
        "An agreement between Ethiopia and Eritrea was signed in Algiers.",
        "SUPPORT",
        ["ETH"],
        ["ERI"],
    ),
    # "for X to ...": the content of a call, the party called on its subject
    ("Egypt called for Israel to halt settlement construction.", "REQUEST", ["EGY"], ["ISR"]),
    # a mandative subjunctive ("that Israel *halt*") is a demand
    ("Jordan insisted that Israel halt the demolitions.", "REQUEST", ["JOR"], ["ISR"]),
    # what one wants another to do is an appeal to them
    ("Iran wants the United States to lift sanctions.", "REQUEST", ["IRN"], ["USA"]),
    # a noun act's "from" phrase (or its verb's) is its source, the verb's subject receives it
    ("Uganda received military aid from Libya.", "AID", ["LBY"], ["UGA"]),
    ("Iran's arrest of two French journalists drew protests from Paris.", "PROTEST", ["FRA"], []),
    # the "by" agent of the verb a noun act is the passive subject of does the act
    (
        "The attack on the Israeli embassy was carried out by Hezbollah.",
        "ASSAULT",
        ["LBN"],
        ["ISR"],
    ),
    # an infinitive whose governor's object names no party is the subject's purpose
    ("Police used tear gas to disperse protesters in Nairobi, Kenya.", "COERCE", ["KEN"], []),
    # sending people to investigate is an investigation (complements.tsv), not aid
    (
        "The United Nations sent a team of experts to Bosnia to investigate the massacre.",
        "ACCUSE",
        ["UNO"],
        ["BIH"],
    ),
    # the place of an act's purpose clause is the act's
    ("NATO deployed troops to protect civilians in Kosovo.", "MOBILIZE", ["IGO"], ["KOS"]),
    # an apposition names the party a name the tables do not know stands for
    (
        "Egyptian President Hosni Mubarak met Sheikh Hamad, the emir of Qatar, in Cairo.",
        "CONSULT",
        ["EGY"],
        ["QAT"],
    ),
    # a group "belonging to" an actor is coded by it
    (
        "Militiamen belonging to the Hezbollah movement fired rockets into northern Israel.",
        "ASSAULT",
        ["LBN"],
        ["ISR"],
    ),
    # the possessor of the object is the party the act is done to
    ("The Arab League suspended Syria's membership.", "SANCTION", ["IGO"], ["SYR"]),
    # a participle the parser made the subject: the noun it modifies is the doer, not the
    # place in its phrase
    (
        "The Red Cross operating in Iraq said US and British forces must ensure security.",
        "REQUEST",
        ["NGO"],
        ["USA", "GBR"],
    ),
]


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), CASES)
def test_structure(text: str, type_: str, actor: list[str], recipient: list[str]) -> None:
    event = only(text, type_)
    assert codes(event, "actor") == actor, event
    assert set(recipient) <= set(codes(event, "recipient")), event


def test_passive_without_control_keeps_its_agent() -> None:
    # "by NATO" is the teller; Serbia, the passive subject, is told
    event = only("Serbia was told by NATO to pull its forces out of Kosovo.", "REQUEST")
    assert codes(event, "actor") == ["IGO"] and "SRB" in codes(event, "recipient")


def test_an_international_body_is_no_sentence_country() -> None:
    # the gazetteer's "Red Cross" (NGO) does not make the rebels NGO rebels
    for event in events_of("The rebels freed 20 government soldiers, the Red Cross said."):
        assert "NGO" not in codes(event, "actor") + codes(event, "recipient"), event


def test_gazetteer_international_codes_are_no_states() -> None:
    assert Place("YEM", "CVL").is_state
    assert not Place("NGO", None).is_state and not Place("UNO", None).is_state


def test_agentless_passive_of_other_acts_takes_no_place_actor() -> None:
    # only the authorities arrest; who killed the soldiers is not said
    assert codes(only("Three Iranian diplomats were arrested.", "COERCE"), "actor") == []
    assert codes(only("Two soldiers were killed in Lebanon.", "ASSAULT"), "actor") == []


def test_mediation_parties_are_not_its_actors() -> None:
    event = only("Mediation between Ethiopia and Eritrea resumed on Monday.", "CONSULT")
    assert codes(event, "actor") == [] and codes(event, "recipient") == ["ETH", "ERI"]


def test_own_possession_is_no_recipient() -> None:
    event = only("Venezuela recalled its ambassador.", "SANCTION")
    assert codes(event, "actor") == ["VEN"] and codes(event, "recipient") == []


def test_an_act_that_is_a_verbs_subject_is_one_event() -> None:
    # the fighting did the killing: one ASSAULT, by the fighting's parties
    text = (
        "Fierce fighting between government forces and Tamil rebels killed 40 people in "
        "northern Sri Lanka."
    )
    event = only(text, "ASSAULT")
    assert codes(event, "actor") == ["LKA"]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt called for Israel to halt settlement construction.",
        "Egypt's call for Israel to halt settlement construction was rejected by Israel.",
        "Jordan insisted that Israel halt the demolitions.",
        "Iran wants the United States to lift sanctions.",
    ],
)
def test_a_wanted_act_is_not_done(text: str) -> None:
    # the halt, the lifting: asked for, not done by Israel or the United States
    assert {e["type"] for e in events_of(text)} <= {"REQUEST", "REJECT"}, events_of(text)


def test_a_reported_fact_after_insist_is_no_demand() -> None:
    # "had halted" is indicative: a claim about a fact, not a demand
    events = events_of("Jordan insisted that Israel had halted the demolitions.")
    assert "REQUEST" not in {e["type"] for e in events}


def test_wanting_to_act_is_an_intention() -> None:
    # CAMEO codes an act one wants to do as the intent to do it (03x)
    event = only("Iran wants to resume talks with the European Union.", "AGREE")
    assert event["cameo"] == "036" and codes(event, "actor") == ["IRN"]


def test_an_acts_phrase_names_its_doer_by_its_agent() -> None:
    # the arrest's "by" phrase, not its "of" phrase, is whom the condemnation is of
    event = only("Britain condemned the expulsion of British diplomats by Russia.", "ACCUSE")
    assert codes(event, "recipient") == ["RUS"], event


def test_from_is_no_source_of_a_movement() -> None:
    # "from Lebanon" is the place left, not who withdraws
    event = only("Israel pulled its troops from Lebanon.", "RETREAT")
    assert codes(event, "actor") == ["ISR"] and codes(event, "recipient") == ["LBN"]


def test_a_light_verbs_negation_negates_its_act() -> None:
    event = only("Iran did not hold talks with the European Union.", "CONSULT")
    assert event["flags"]["negated"] and codes(event, "recipient") == ["EUR"]


def test_refusing_to_return_to_talks_is_a_rejection() -> None:
    # "return to" the talks: the subject's act; "would not": a stated refusal (12x)
    event = only("North Korea said it would not return to the six-party talks.", "REJECT")
    assert codes(event, "actor") == ["PRK"] and event["cameo"] == "125"


def test_a_denied_claim_was_still_made() -> None:
    # denying US allegations rejects them; it does not make them a negated ACCUSE by Iran
    text = "Iran denied US allegations that it was developing nuclear weapons."
    [event] = events_of(text)
    assert event["type"] == "REJECT" and codes(event, "recipient") == ["USA"]


def test_an_act_told_from_its_receiving_end_is_one_event() -> None:
    # "were wounded" (no actor) is the ambush the guerrillas did: one ASSAULT
    events = events_of(
        "Two Israeli soldiers were wounded when Hezbollah guerrillas ambushed their patrol."
    )
    assaults = [e for e in events if e["type"] == "ASSAULT"]
    assert len(assaults) == 1, events
    assert codes(assaults[0], "actor") == ["LBN"] and "ISR" in codes(assaults[0], "recipient")


def test_an_actorless_act_against_someone_else_is_kept() -> None:
    events = events_of("Israeli jets bombed Gaza and three Egyptians were killed in Cairo.")
    assert len([e for e in events if e["type"] == "ASSAULT"]) == 2, events


def test_a_conjunct_no_name_covers_is_coded_from_context() -> None:
    event = only(
        "Soviet Foreign Minister Eduard Shevardnadze and Secretary of State George Shultz "
        "ended two days of talks in Geneva.",
        "CONSULT",
    )
    assert "USA" in codes(event, "actor"), event


def test_a_doerless_nominal_inside_an_accusation_is_no_event() -> None:
    events = events_of(
        "Zimbabwe accused the United States of sabotage in the negotiations on Namibia."
    )
    assert [e["type"] for e in events] == ["ACCUSE"], events


def test_what_an_accusation_says_someone_did_is_kept_flagged() -> None:
    events = events_of("Ukraine accused Iran of supplying drones to Russia.")
    aid = [e for e in events if e["type"] == "AID"]
    assert len(aid) == 1 and aid[0]["flags"]["alleged"], events


def test_a_threats_condition_is_part_of_the_threat() -> None:
    # what a threat depends on ("if ...") belongs to it, as its "unless" clause does
    events = events_of("Russia threatened to walk out if the United States deployed new missiles.")
    assert [e["type"] for e in events] == ["THREATEN"], events


def test_an_offers_condition_is_a_hypothetical_event() -> None:
    events = events_of("Iran said it would complain if Iraq attacked Kuwait.")
    attack = [e for e in events if e["type"] == "ASSAULT"]
    assert len(attack) == 1 and attack[0]["flags"]["hypothetical"], events
