"""Knowledge the actor tables gained for news of earlier decades: former states coded as the
state that continues them, monarchs' titles and the Gulf and Jordanian monarchs, the Pope,
political parties, and organizations (docs/actors.md)."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.actors import ActorKB
from claimgraph.actors.gazetteer import default_gazetteer

D = date

# (phrase, expected code, expected sector): a former state is its continuator (Russia,
# Serbia, Germany) or, with none, the successor that kept its capital (Czechia).
FORMER_STATES = [
    ("the Soviet Union", "RUS", None),
    ("USSR", "RUS", None),
    ("Soviet troops", "RUS", "MIL"),
    ("Yugoslavia", "SRB", None),
    ("Serbia and Montenegro", "SRB", None),
    ("the Yugoslav army", "SRB", "MIL"),
    ("Czechoslovakia", "CZE", None),
    ("East Germany", "DEU", None),
    ("West German", "DEU", None),
    ("Zaire", "COD", None),
    ("Supreme Soviet", "RUS", "LEG"),
    ("South Vietnam", "VNM", None),
    ("North Yemen", "YEM", None),
    ("Kampuchea", "KHM", None),
    ("Upper Volta", "BFA", None),
    ("Rhodesian forces", "ZWE", "MIL"),
    ("Northern Rhodesia", "ZMB", None),
    ("Ceylon", "LKA", None),
]


@pytest.mark.parametrize(("phrase", "code", "sector"), FORMER_STATES)
def test_former_states_resolve_to_their_continuator(
    kb: ActorKB, phrase: str, code: str, sector: str | None
) -> None:
    actor = kb.lookup(phrase)
    assert actor is not None, phrase
    assert (actor.code, actor.sector) == (code, sector)


@pytest.mark.parametrize(
    "text",
    [
        "the war in the former Yugoslavia",
        "across the post-Soviet space",
        "the former Soviet republics",
        "the Soviet bloc",
    ],
)
def test_regions_of_successor_states_are_not_one_state(kb: ActorKB, text: str) -> None:
    assert kb.find_mentions(text) == []


def test_macedonia_keeps_its_former_name(kb: ActorKB) -> None:
    (mention,) = kb.find_mentions("Former Yugoslav Republic of Macedonia")
    assert mention.actor.code == "MKD"


def test_gazetteer_codes_east_german_and_soviet_entries_by_successor() -> None:
    gazetteer = default_gazetteer()
    honecker = gazetteer.find(["Erich", "Honecker"])
    assert honecker is not None and honecker.code == "DEU"
    politburo = gazetteer.find(["Communist", "Party", "of", "the", "Soviet", "Union"])
    assert politburo is not None and politburo.code == "RUS"


@pytest.mark.parametrize(
    ("phrase", "on", "key"),
    [
        ("Qatar's emir", D(2000, 1, 1), "hamad-bin-khalifa-al-thani"),
        ("the emir of Qatar", D(2020, 1, 1), "tamim-bin-hamad-al-thani"),
        ("the Kuwaiti emir", D(2010, 1, 1), "sabah-al-ahmad-al-sabah"),
        ("Oman's sultan", D(2010, 1, 1), "qaboos-bin-said"),
        ("Oman's sultan", D(2021, 1, 1), "haitham-bin-tariq"),
        ("the UAE president", D(2023, 1, 1), "mohamed-bin-zayed-al-nahyan"),
        ("Jordan's king", D(2005, 1, 1), "abdullah-ii-of-jordan"),
        ("the Pope", D(2000, 1, 1), "john-paul-ii"),
        ("the Pope", D(2020, 1, 1), "pope-francis"),
        ("the Pope", D(2025, 6, 1), "leo-xiv"),
    ],
)
def test_monarchs_and_popes_by_date(kb: ActorKB, phrase: str, on: date, key: str) -> None:
    actor = kb.lookup(phrase, on=on)
    assert actor is not None, phrase
    assert actor.key == key
    assert actor.sector == "GOV"


def test_the_pope_without_a_date_is_the_office(kb: ActorKB) -> None:
    actor = kb.lookup("the Pope")
    assert actor is not None
    assert (actor.code, actor.sector, actor.other_sectors) == ("VAT", "GOV", ("REL",))


def test_pope_as_a_surname_is_no_pope(kb: ActorKB) -> None:
    found = kb.find_mentions("Alexander Pope wrote; Pope Francis met the Pope.", on=D(2015, 1, 1))
    assert [m.text for m in found] == ["Pope Francis", "Pope"]


def test_a_named_person_in_a_misparsed_apposition(kb: ActorKB) -> None:
    (mention,) = kb.find_mentions("Sheikh Hamad bin Khalifa al-Thani launched", on=D(2000, 1, 1))
    assert mention.actor.code == "QAT"


def test_a_party_of_a_state(kb: ActorKB) -> None:
    party = kb.role_of("DZA", "party")
    assert party is not None and (party.code, party.sector) == ("DZA", "PTY")
    assert kb.role_of("DZA", "parties") is None  # the sides of a conflict, not parties


def test_world_water_forum_is_an_ngo(kb: ActorKB) -> None:
    (mention,) = kb.find_mentions("The Third World Water Forum concluded")
    assert mention.actor.code == "NGO"


# An ethnic group that lives in one state is coded by it (CAMEO's convention); a name that
# only starts with the group's word is not the group ("Tamil Nadu" is an Indian state).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tamil rebels attacked an army camp.", [("Tamil", "LKA")]),
        ("Sikh militants killed two policemen.", [("Sikh", "IND")]),
        ("Chechen fighters seized a hospital.", [("Chechen", "RUS")]),
        ("Police in Tamil Nadu arrested him.", []),
        ("Shona rebels attacked a village.", []),
    ],
)
def test_ethnic_groups_of_one_state(
    kb: ActorKB, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.actor.code) for m in kb.find_mentions(text)] == expected


def test_lower_case_the_west_is_the_west_but_not_a_direction(kb: ActorKB) -> None:
    # Guardian style writes "the west"; the geography around it is no actor
    (mention,) = kb.find_mentions("Russia accused the west of waging war.")[1:]
    assert mention.actor.code == "WST"
    for text in ("Fighting raged in the west of the country.", "He travelled west.",
                 "Troops moved to the west of the river."):  # fmt: skip
        assert all(m.actor.code != "WST" for m in kb.find_mentions(text)), text
