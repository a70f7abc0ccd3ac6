"""Trigger rows written from the CAMEO codebook's definitions (docs/events.md): each case is a
sentence written for the rule, run through the real pipeline, with the PLOVER type and CAMEO
code it must get, and what it must not become."""

from __future__ import annotations

from functools import partial

import pytest

from .helpers import codes
from .helpers import events_of as _events_of

# the codebook examples are about the 1990s and 2000s
events_of = partial(_events_of, published="2000-01-01")


# (sentence, type, CAMEO code, actor, recipients that must be among the event's)
CASES = [
    # weapons of mass destruction used against someone (204), not a plain "use"
    (
        "Iraqi forces used chemical weapons against Kurdish villagers.",
        "ASSAULT",
        "204",
        ["IRQ"],
        [],
    ),
    ("Syria used nerve gas against rebels in Homs.", "ASSAULT", "204", ["SYR"], []),
    # ethnic cleansing (203) and mass killings (202) are their own codes
    ("Serb forces carried out ethnic cleansing in Bosnia.", "ASSAULT", "203", ["SRB"], []),
    ("Sudan's army is responsible for mass killings in Darfur.", "ASSAULT", "202", ["SDN"], []),
    # a weapons test shows military force (150)
    ("North Korea conducted a nuclear test on Monday.", "MOBILIZE", "150", ["PRK"], []),
    # approving a loan is the aid, by the approver
    ("The World Bank approved a loan to Kenya.", "AID", "071", ["IGO"], ["KEN"]),
    # acceding to a demand is a concession to whoever made it
    ("Kenya agreed to the opposition's demands for elections.", "CONCEDE", "083", ["KEN"], []),
    # "X said Y needs to / has to ..." is a demand of Y, as "must" and "should" are
    ("Japan said Iran needs to enact economic reforms.", "REQUEST", "105", ["JPN"], ["IRN"]),
    ("Egypt said Israel has to withdraw its troops.", "REQUEST", "105", ["EGY"], ["ISR"]),
    # a petition is an appeal to whoever it is sent to
    (
        "Egyptian lawyers sent a petition to the Saudi government.",
        "REQUEST",
        "020",
        ["EGY"],
        ["SAU"],
    ),
    # proposing that others act is an appeal (here to meet: 026), not an offer
    ("Jordan proposed that Israel and Syria resume negotiations.", "REQUEST", "026", ["JOR"], []),
    # a stated willingness to act is an intention (AGREE)
    (
        "Iran expressed willingness to resume diplomatic relations with Britain.",
        "AGREE",
        "032",
        ["IRN"],
        ["GBR"],
    ),
    # trade relations resumed are economic cooperation (061), diplomatic ones 050
    ("Britain and Argentina resumed trade relations.", "COOPERATE", "061", ["GBR", "ARG"], []),
    # breaking a ceasefire is fighting (196); expelling thousands a mass expulsion (201)
    ("Israeli forces broke the ceasefire in southern Lebanon.", "ASSAULT", "196", ["ISR"], []),
    (
        "Serb forces expelled thousands of Muslims from eastern Bosnia.",
        "ASSAULT",
        "201",
        ["SRB"],
        ["BIH"],
    ),
    # a court finding someone guilty convicts them (the PLOVER manual's SANCTION convict)
    (
        "A Spanish court found two ETA members guilty of murder.",
        "SANCTION",
        "116",
        ["ESP"],
        ["ESP"],
    ),
    # leaving talks halts negotiations (164), also when the parser hangs "of" on "out"
    (
        "Palestinian negotiators walked out of the peace talks with Israel.",
        "SANCTION",
        "164",
        ["PSE"],
        ["ISR"],
    ),
    # a particle the parser takes for an adverb ("pulled *back*") is still the particle
    ("Rwandan troops pulled back from eastern Congo.", "RETREAT", "087", ["RWA"], []),
    # withdrawing observers ends their presence (1662); reducing representation, ties (161)
    ("The United Nations pulled its observers out of Angola.", "SANCTION", "1662", ["UNO"], []),
    ("Libya reduced its diplomatic representation in Tunisia.", "SANCTION", "161", ["LBY"], []),
    # letting relief agencies in allows humanitarian access (0863)
    ("Indonesia allowed international relief agencies into Aceh.", "RETREAT", "0863", ["IDN"], []),
    # an ethnic group that lives in one state is coded by it (the actor tables)
    ("Tamil rebels declared a unilateral ceasefire.", "RETREAT", "0871", ["LKA"], []),
    # expelling diplomats reduces relations (166); expelling other people deports them (174)
    ("Egypt expelled two Libyan diplomats on Monday.", "SANCTION", "166", ["EGY"], ["LBY"]),
    ("Indonesia expelled two Australian journalists.", "COERCE", "174", ["IDN"], ["AUS"]),
]


@pytest.mark.parametrize(("text", "type_", "cameo", "actor", "recipient"), CASES)
def test_codebook_rule(
    text: str, type_: str, cameo: str, actor: list[str], recipient: list[str]
) -> None:
    events = events_of(text)
    match = [e for e in events if e["type"] == type_]
    assert len(match) == 1, events
    event = match[0]
    assert event["cameo"] == cameo, event
    assert codes(event, "actor") == actor, event
    assert set(recipient) <= set(codes(event, "recipient")), event


def test_plain_use_is_no_event() -> None:
    assert events_of("Egypt used its influence with Libya.") == []


def test_approving_a_plan_stays_support() -> None:
    events = events_of("France approved the Egyptian peace plan.")
    assert [e["type"] for e in events] == ["SUPPORT"], events


def test_agreeing_to_talks_stays_an_agreement() -> None:
    events = events_of("Kenya agreed to talks with Uganda.")
    assert "CONCEDE" not in {e["type"] for e in events}, events


@pytest.mark.parametrize(
    "text", ["France said it needs to consult its allies.", "Egypt said it must leave Sudan."]
)
def test_what_a_speaker_must_do_itself_is_no_demand(text: str) -> None:
    assert "REQUEST" not in {e["type"] for e in events_of(text)}, events_of(text)


def test_proposing_ones_own_act_stays_an_offer() -> None:
    events = events_of("Jordan proposed to hold talks with Israel.")
    assert [e["type"] for e in events] == ["AGREE"], events


def test_resumed_diplomatic_relations_stay_diplomatic() -> None:
    events = events_of("Britain and Argentina resumed diplomatic relations.")
    assert [(e["type"], e["cameo"]) for e in events] == [("SUPPORT", "050")], events
