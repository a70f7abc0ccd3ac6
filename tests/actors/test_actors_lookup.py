"""``ActorKB.lookup`` and ``resolve_role``: names, aliases, demonyms, capitals, roles, dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from claimgraph.actors import ActorKB

D = date

# (phrase, date, expected key, code, sector)
NAMES = [
    ("Iran", None, "IRN", "IRN", None),
    ("the United States", None, "USA", "USA", None),
    ("the US", None, "USA", "USA", None),
    ("US", None, "USA", "USA", None),
    ("U.S.", None, "USA", "USA", None),
    ("the U.S.", None, "USA", "USA", None),
    ("America", None, "USA", "USA", None),
    ("United States of America", None, "USA", "USA", None),
    ("the UK", None, "GBR", "GBR", None),
    ("Britain", None, "GBR", "GBR", None),
    ("Great Britain", None, "GBR", "GBR", None),
    ("united  kingdom", None, "GBR", "GBR", None),
    ("Russian Federation", None, "RUS", "RUS", None),
    ("Türkiye", None, "TUR", "TUR", None),
    ("Turkey", None, "TUR", "TUR", None),
    ("Burma", None, "MMR", "MMR", None),
    ("DRC", None, "COD", "COD", None),
    ("the Holy See", None, "VAT", "VAT", None),
    ("the Vatican", None, "VAT", "VAT", None),
    ("Palestine", None, "PSE", "PSE", None),
    ("Taiwan", None, "TWN", "TWN", None),
    ("Kosovo", None, "KOS", "KOS", None),
    ("Iran's", None, "IRN", "IRN", None),
    ("Russia’s", None, "RUS", "RUS", None),
]
DEMONYMS = [
    ("Iranian", "IRN"),
    ("Russian", "RUS"),
    ("Ukrainian", "UKR"),
    ("Israelis", "ISR"),
    ("British", "GBR"),
    ("American", "USA"),
    ("Saudi", "SAU"),
    ("Emirati", "ARE"),
    ("Belarusian", "BLR"),
    ("Kosovar", "KOS"),
]
CAPITALS = [
    ("Tehran", "IRN"),
    ("Washington", "USA"),
    ("Moscow", "RUS"),
    ("Kyiv", "UKR"),
    ("Kiev", "UKR"),
    ("Beijing", "CHN"),
    ("London", "GBR"),
    ("Jerusalem", "ISR"),
    ("Ramallah", "PSE"),
    ("Taipei", "TWN"),
    ("New Delhi", "IND"),
]
ROLES = [
    ("Iran's permanent mission to the UN", None, "IRN", "GOV"),
    ("the Russian foreign ministry", None, "RUS", "GOV"),
    ("the Iranian army", None, "IRN", "MIL"),
    ("US intelligence", None, "USA", "SPY"),
    ("U.S. intelligence agencies", None, "USA", "SPY"),
    ("Israeli police", None, "ISR", "COP"),
    ("the Ukrainian parliament", None, "UKR", "LEG"),
    ("Turkish courts", None, "TUR", "JUD"),
    ("Chinese state media", None, "CHN", "MED"),
    ("the Iranian government", None, "IRN", "GOV"),
    ("the Ministry of Foreign Affairs of Iran", None, "IRN", "GOV"),
    ("the Iraqi colonel", None, "IRQ", "MIL"),
    ("Egyptian Islamists", None, "EGY", "REL"),
    ("the Russian defence ministry", None, "RUS", "GOV"),
    ("the Russian army's", None, "RUS", "MIL"),
    ("Russia's Security Council", None, "RUS", "GOV"),
    ("UN peacekeepers", None, "UNO", "MIL"),
    ("the Kremlin", None, "RUS", "GOV"),
    ("the Pentagon", None, "USA", "GOV"),
    ("the IRGC", None, "IRN", "MIL"),
    ("Mossad", None, "ISR", "SPY"),
]
# (phrase, date, expected person key)
OFFICE_HOLDERS = [
    ("the US president", D(2019, 6, 1), "donald-trump"),
    ("the US president", D(2022, 6, 1), "joe-biden"),
    ("the US president", D(2025, 6, 1), "donald-trump"),
    ("the US president", D(2016, 6, 1), "barack-obama"),
    ("the UK prime minister", D(2022, 9, 10), "liz-truss"),
    ("the UK prime minister", D(2023, 1, 1), "rishi-sunak"),
    ("the UK prime minister", D(2024, 8, 1), "keir-starmer"),
    ("the UK prime minister", D(2019, 1, 1), "theresa-may"),
    ("the Russian foreign minister", D(2022, 11, 22), "sergey-lavrov"),
    ("Russian Foreign Minister", D(2015, 1, 1), "sergey-lavrov"),
    ("the Ukrainian foreign minister", D(2023, 1, 1), "dmytro-kuleba"),
    ("the foreign minister of Ukraine", D(2025, 1, 1), "andrii-sybiha"),
    ("Iran's foreign minister", D(2022, 11, 22), "hossein-amir-abdollahian"),
    ("Iran's foreign minister", D(2024, 9, 1), "abbas-araghchi"),
    ("the Iranian president", D(2024, 6, 1), "mohammad-mokhber"),
    ("Iran's supreme leader", D(2020, 1, 1), "ali-khamenei"),
    ("the German chancellor", D(2020, 1, 1), "angela-merkel"),
    ("the German chancellor", D(2023, 1, 1), "olaf-scholz"),
    ("the German chancellor", D(2025, 6, 1), "friedrich-merz"),
    ("the Israeli prime minister", D(2021, 9, 1), "naftali-bennett"),
    ("the Israeli prime minister", D(2023, 9, 1), "benjamin-netanyahu"),
    ("Syrian president", D(2024, 1, 1), "bashar-al-assad"),
    ("Syrian president", D(2025, 3, 1), "ahmed-al-sharaa"),
    ("the Turkish president", D(2019, 1, 1), "recep-tayyip-erdogan"),
    ("the Saudi crown prince", D(2016, 1, 1), "mohammed-bin-nayef"),
    ("the Saudi crown prince", D(2020, 1, 1), "mohammed-bin-salman"),
    ("the Chinese premier", D(2024, 1, 1), "li-qiang"),
    ("the Chinese foreign minister", D(2023, 3, 1), "qin-gang"),
    ("US Secretary of State", D(2017, 6, 1), "rex-tillerson"),
    ("British foreign secretary", D(2019, 1, 1), "jeremy-hunt"),
    ("the Belarusian president", D(2020, 8, 9), "alexander-lukashenko"),
    ("the Israeli head of state", D(2022, 1, 1), "isaac-herzog"),
    ("the French head of government", D(2024, 10, 1), "michel-barnier"),
    ("the UN chief", D(2020, 1, 1), "antonio-guterres"),
    ("UN Secretary-General", D(2015, 1, 1), "ban-ki-moon"),
    ("NATO chief", D(2023, 1, 1), "jens-stoltenberg"),
    ("NATO chief", D(2025, 1, 1), "mark-rutte"),
    ("the EU foreign policy chief", D(2022, 1, 1), "josep-borrell"),
    ("IAEA chief", D(2022, 11, 22), "rafael-grossi"),
]
# (name, date, key, code, sector)
PEOPLE = [
    ("Sergey Lavrov", D(2022, 11, 22), "sergey-lavrov", "RUS", "GOV"),
    ("Sergei Lavrov", D(2022, 11, 22), "sergey-lavrov", "RUS", "GOV"),
    ("Lavrov", D(2022, 11, 22), "sergey-lavrov", "RUS", "GOV"),
    ("Zelensky", D(2022, 3, 1), "volodymyr-zelenskyy", "UKR", "GOV"),
    ("Zelenskyy", D(2018, 1, 1), "volodymyr-zelenskyy", "UKR", "CVL"),
    ("Trump", D(2023, 6, 1), "donald-trump", "USA", "ELI"),
    ("Antonio Guterres", D(2022, 1, 1), "antonio-guterres", "UNO", "GOV"),
    ("al-Sharaa", D(2023, 1, 1), "ahmed-al-sharaa", "SYR", "REB"),
    ("Jolani", D(2025, 6, 1), "ahmed-al-sharaa", "SYR", "GOV"),
    ("the Taliban", D(2020, 1, 1), "taliban", "AFG", "REB"),
    ("the Taliban", D(2022, 1, 1), "taliban", "AFG", "GOV"),
    # pre-2015 news: historical heads and armed-group leaders
    ("Kofi Annan", D(2000, 1, 1), "kofi-annan", "UNO", "GOV"),
    ("President Reagan", D(1985, 1, 1), "ronald-reagan", "USA", "GOV"),
    ("Radovan Karadzic", D(1995, 1, 1), "radovan-karadzic", "BIH", "REB"),
    ("Javier Solana", D(2005, 1, 1), "javier-solana", "EUR", "GOV"),
    ("Khmer Rouge", D(1990, 1, 1), "khmer-rouge", "KHM", "REB"),
    ("the OAU", D(1990, 1, 1), "oau", "IGO", None),
]
# Phrases that must not resolve.
NEGATIVE = [
    "us",
    "who",
    "western",
    "turkey",
    "Washington state",
    "the foreign ministry",
    "French secretary of state",
    "Congo",
    "Michael Jordan",
    "",
]


@pytest.mark.parametrize(("text", "on", "key", "code", "sector"), NAMES)
def test_names_and_aliases(
    kb: ActorKB, text: str, on: date | None, key: str, code: str, sector: str | None
) -> None:
    actor = kb.lookup(text, on=on)
    assert actor is not None, text
    assert (actor.key, actor.code, actor.sector) == (key, code, sector)


@pytest.mark.parametrize(("text", "code"), DEMONYMS)
def test_demonyms(kb: ActorKB, text: str, code: str) -> None:
    actor = kb.lookup(text)
    assert actor is not None and (actor.code, actor.kind, actor.sector) == (code, "state", None)


@pytest.mark.parametrize(("text", "code"), CAPITALS)
def test_capitals_are_the_government(kb: ActorKB, text: str, code: str) -> None:
    actor = kb.lookup(text)
    assert actor is not None and (actor.code, actor.sector) == (code, "GOV")
    # The contract's example: Tehran -> {"code": "IRN", "sector": "GOV", "name": "Iran", "wikidata": "Q794"}
    state = kb.get(code)
    assert state is not None and actor.name == state.name and actor.wikidata == state.wikidata


@pytest.mark.parametrize(("text", "on", "code", "sector"), ROLES)
def test_roles(kb: ActorKB, text: str, on: date | None, code: str, sector: str) -> None:
    actor = kb.lookup(text, on=on)
    assert actor is not None, text
    assert (actor.code, actor.sector) == (code, sector)


@pytest.mark.parametrize(("text", "on", "key"), OFFICE_HOLDERS)
def test_office_holders_on_a_date(kb: ActorKB, text: str, on: date, key: str) -> None:
    actor = kb.resolve_role(text, on=on) or kb.lookup(text, on=on)
    assert actor is not None, text
    assert actor.key == key
    assert actor.kind == "person" and actor.sector == "GOV"


@pytest.mark.parametrize(("text", "on", "key", "code", "sector"), PEOPLE)
def test_people_on_a_date(
    kb: ActorKB, text: str, on: date, key: str, code: str, sector: str
) -> None:
    actor = kb.lookup(text, on=on)
    assert actor is not None
    assert (actor.key, actor.code, actor.sector) == (key, code, sector)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_cases(kb: ActorKB, text: str) -> None:
    assert kb.lookup(text) is None


def test_role_without_date_is_the_office_not_a_person(kb: ActorKB) -> None:
    actor = kb.resolve_role("the Russian foreign minister")
    assert actor is not None
    assert (actor.kind, actor.code, actor.sector, actor.office) == (
        "role",
        "RUS",
        "GOV",
        "foreign_minister",
    )


def test_person_without_date_uses_latest_term(kb: ActorKB) -> None:
    actor = kb.lookup("Rishi Sunak")
    assert actor is not None and (actor.sector, actor.office) == ("GOV", "prime_minister")


def test_datetime_is_accepted(kb: ActorKB) -> None:
    actor = kb.lookup("the US president", on=datetime(2022, 6, 1, 12, 30))
    assert actor is not None and actor.key == "joe-biden"


def test_handover_day_belongs_to_the_successor(kb: ActorKB) -> None:
    before = kb.holder("GBR", "prime_minister", on=D(2022, 10, 24))
    after = kb.holder("GBR", "prime_minister", on=D(2022, 10, 25))
    assert before is not None and before.key == "liz-truss"
    assert after is not None and after.key == "rishi-sunak"


def test_contract_actor_object(kb: ActorKB) -> None:
    actor = kb.lookup("Tehran")
    assert actor is not None
    assert actor.to_contract() == {
        "code": "IRN",
        "sector": "GOV",
        "name": "Iran",
        "wikidata": "Q794",
    }


def test_outlets_are_media_with_affiliation(kb: ActorKB) -> None:
    cases = {
        "IRNA": ("IRN", "state"),
        "Sputnik": ("RUS", "state"),
        "TASS": ("RUS", "state"),
        "RT": ("RUS", "state"),
        "Xinhua": ("CHN", "state"),
        "Press TV": ("IRN", "state"),
        "Al Jazeera": ("QAT", "state"),
        "Anadolu Agency": ("TUR", "state"),
        "BBC": ("GBR", "independent"),
        "The Washington Post": ("USA", "independent"),
        "Kyiv Independent": ("UKR", "independent"),
        "UrduPoint": ("PAK", "independent"),
        "Deutsche Welle": ("DEU", "state-affiliated"),
        "Voice of America": ("USA", "state-affiliated"),
    }
    for name, (code, affiliation) in cases.items():
        actor = kb.lookup(name)
        assert actor is not None, name
        assert (actor.kind, actor.code, actor.sector, actor.state_affiliation) == (
            "outlet",
            code,
            "MED",
            affiliation,
        ), name


def test_igos_and_their_organs(kb: ActorKB) -> None:
    expected = {
        "UN": ("UNO", None),
        "UN Security Council": ("UNO", "GOV"),
        "UN General Assembly": ("UNO", "LEG"),
        "IAEA": ("UNO", None),
        "European Union": ("EUR", None),
        "European Commission": ("EUR", "GOV"),
        "NATO": ("IGO", None),
        "OSCE": ("IGO", None),
        "ICC": ("IGO", "JUD"),
        "ICJ": ("UNO", "JUD"),
        "World Bank": ("IGO", None),
    }
    for name, (code, sector) in expected.items():
        actor = kb.lookup(name)
        assert actor is not None and (actor.code, actor.sector) == (code, sector), name
    nato = kb.lookup("NATO")
    assert nato is not None and nato.wikidata == "Q7184"


def test_group_members(kb: ActorKB) -> None:
    assert kb.group_members("the E3") == ("FRA", "DEU", "GBR")
    assert set(kb.group_members("G7")) == {"USA", "GBR", "FRA", "DEU", "ITA", "JPN", "CAN", "eu"}
    assert set(kb.group_members("P5+1")) == {"CHN", "FRA", "RUS", "GBR", "DEU"}
    assert set(kb.group_members("p5-plus-1", on=D(2016, 1, 1))) == {
        "USA",
        "CHN",
        "FRA",
        "RUS",
        "GBR",
        "DEU",
    }
    assert set(kb.group_members("P4+1")) == {"CHN", "FRA", "RUS", "GBR", "DEU"}
    assert kb.group_members("the West") == ()
    assert len(kb.group_members("UN")) == 193


def test_dated_memberships(kb: ActorKB) -> None:
    assert len(kb.group_members("NATO", on=D(2022, 1, 1))) == 30
    assert len(kb.group_members("NATO", on=D(2023, 6, 1))) == 31
    assert len(kb.group_members("NATO")) == 32
    assert "GBR" in kb.group_members("EU", on=D(2019, 12, 31))
    assert "GBR" not in kb.group_members("EU", on=D(2020, 2, 1))
    assert "IRN" not in kb.group_members("BRICS", on=D(2023, 12, 31))
    assert "IRN" in kb.group_members("BRICS", on=D(2024, 1, 1))
    g20 = kb.lookup("G20", on=D(2024, 1, 1))
    assert g20 is not None and "african-union" in g20.members


def test_group_actor_carries_members(kb: ActorKB) -> None:
    e3 = kb.lookup("the E3")
    assert e3 is not None and (e3.code, e3.kind, e3.members) == (
        "E3",
        "group",
        ("FRA", "DEU", "GBR"),
    )
    west = kb.lookup("Western countries")
    assert west is not None and west.code == "WST"


def test_role_of_codes_a_bare_role_for_a_known_state(kb: ActorKB) -> None:
    police = kb.role_of("EGY", "riot police")
    assert police is not None and (police.code, police.sector) == ("EGY", "COP")
    landowners = kb.role_of("DZA", "landowners")
    assert landowners is not None and (landowners.code, landowners.sector) == ("DZA", "AGR")
    # a phrase that is not a whole role phrase, or a code that is not a state, names nobody
    assert kb.role_of("EGY", "riot police station") is None
    assert kb.role_of("EGY", "weather") is None
    assert kb.role_of("nato", "troops") is None  # an organization, not a state
