"""``ActorKB.find_mentions``: longest match, word boundaries, the guard and prefix rules,
role phrases, and the seed article."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.actors import ActorKB, Mention

SEED_DATE = date(2022, 11, 22)


def found(kb: ActorKB, text: str, on: date | None = None) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.actor.code, m.actor.sector) for m in kb.find_mentions(text, on=on)]


# (text, expected mentions as (text, code, sector))
CASES = [
    ("Iranian drones", [("Iranian", "IRN", None)]),
    ("A woman in Oman.", [("Oman", "OMN", None)]),
    ("womanhood and Romania", [("Romania", "ROU", None)]),
    ("Tehran denied it.", [("Tehran", "IRN", "GOV")]),
    ("Moscow and Tehran agreed", [("Moscow", "RUS", "GOV"), ("Tehran", "IRN", "GOV")]),
    ("the United States and its allies", [("United States", "USA", None)]),
    ("the U.S. said", [("U.S.", "USA", None)]),
    ("the US said; tell us", [("US", "USA", None)]),
    ("Britain and Great Britain", [("Britain", "GBR", None), ("Great Britain", "GBR", None)]),
    ("the UN Security Council met", [("UN Security Council", "UNO", "GOV")]),
    ("The Washington Post reported", [("Washington Post", "USA", "MED")]),
    ("according to The Times of Israel", [("Times of Israel", "ISR", "MED")]),
    ("The Times reported", [("The Times", "GBR", "MED")]),
    (
        "the Islamic Republic news Agency (IRNA) reported",
        [("Islamic Republic news Agency", "IRN", "MED"), ("IRNA", "IRN", "MED")],
    ),
    ("Western countries accused Iran", [("Western countries", "WST", None), ("Iran", "IRN", None)]),
    ("The West warned", [("The West", "WST", None)]),
    ("in the West Bank", []),
    ("the E3 and the P5+1", [("E3", "E3", None), ("P5+1", "P5+1", None)]),
    (
        "Iran's permanent mission to the UN said",
        [("Iran's permanent mission to the UN", "IRN", "GOV")],
    ),
    ("the Russian foreign ministry said", [("Russian foreign ministry", "RUS", "GOV")]),
    ("the Iranian army", [("Iranian army", "IRN", "MIL")]),
    ("US intelligence data", [("US intelligence data", "USA", "SPY")]),
    (
        "the Ministry of Foreign Affairs of Ukraine",
        [("Ministry of Foreign Affairs of Ukraine", "UKR", "GOV")],
    ),
    ("Chinese state media", [("Chinese state media", "CHN", "MED")]),
    ("pro-Russian separatists", []),
    ("anti-American protests", []),
    ("Russia-Ukraine talks", [("Russia", "RUS", None), ("Ukraine", "UKR", None)]),
    # The name-neighbour rule (guarded names and capitals).
    ("Michael Jordan met Jordan Peterson", []),
    ("King Abdullah of Jordan", [("Jordan", "JOR", None)]),
    ("Amman, Jordan", [("Amman", "JOR", "GOV"), ("Jordan", "JOR", None)]),
    ("Chad Smith and Chad", [("Chad", "TCD", None)]),
    ("the Paris Agreement", []),
    ("Moscow Mayor Sergei Sobyanin", []),
    ("On Monday Moscow said", [("Moscow", "RUS", "GOV")]),
    ("Daniil Medvedev won", []),
    # Military ranks are roles; "general" alone is not ("general election").
    ("the Indian general election", [("Indian", "IND", None)]),
    ("a Haitian Lt. Gen. said", [("Haitian Lt. Gen.", "HTI", "MIL")]),
    # Blocked phrases.
    ("Washington state officials", []),
    ("Atlanta, Georgia", []),
    ("the state of Georgia", []),
    ("Georgia and Armenia", [("Georgia", "GEO", None), ("Armenia", "ARM", None)]),
    ("New Mexico and the South China Sea", []),
    ("Latin American leaders", []),
    ("Northern Ireland", []),
    # Case: common words are not names.
    ("turkey and china for dinner", []),
    ("TURKEY SAYS", [("TURKEY", "TUR", None)]),
    ("who knows; WHO says", [("WHO", "UNO", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_mentions(kb: ActorKB, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(kb, text) == expected


def test_role_phrase_with_date_names_the_holder(kb: ActorKB) -> None:
    mentions = kb.find_mentions("Russian Foreign Minister Sergey Lavrov said", on=SEED_DATE)
    assert [(m.text, m.actor.key, m.via) for m in mentions] == [
        ("Russian Foreign Minister", "sergey-lavrov", "role"),
        ("Sergey Lavrov", "sergey-lavrov", "alias"),
    ]


def test_via_says_how_the_mention_was_found(kb: ActorKB) -> None:
    vias = {
        m.text: m.via for m in kb.find_mentions("Iran, Iranian, Tehran, NATO and the Iranian army")
    }
    assert vias == {
        "Iran": "name",
        "Iranian": "demonym",
        "Tehran": "capital",
        "NATO": "alias",
        "Iranian army": "role",
    }


def test_offsets_index_the_original_text(kb: ActorKB) -> None:
    text = "Russia’s envoy — and Ukraine’s — spoke."
    for mention in kb.find_mentions(text):
        assert text[mention.start : mention.end] == mention.text


SEED_EXPECTED = [
    ("Tehran", "IRN", "GOV"),
    ("Moscow", "RUS", "GOV"),
    ("Ukraine", "UKR", None),
    ("United Kingdom", "GBR", None),
    ("Germany", "DEU", None),
    ("France", "FRA", None),
    ("United States", "USA", None),
    ("Sergey Lavrov", "RUS", "GOV"),
    ("Washington Post", "USA", "MED"),
    ("IRNA", "IRN", "MED"),
    ("Sputnik", "RUS", "MED"),
    ("Western countries", "WST", None),
    ("UN", "UNO", None),
    ("UN Security Council", "UNO", "GOV"),
]


@pytest.mark.shared
def test_seed_article(kb: ActorKB, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    mentions = kb.find_mentions(text, on=SEED_DATE)
    got = {(m.text, m.actor.code, m.actor.sector) for m in mentions}
    missing = [item for item in SEED_EXPECTED if item not in got]
    assert not missing
    lavrov = next(m for m in mentions if m.text == "Sergey Lavrov")
    assert lavrov.actor.to_contract() == {
        "code": "RUS",
        "sector": "GOV",
        "name": "Sergey Lavrov",
        "wikidata": None,
    }
    washington_post = next(m for m in mentions if m.text == "Washington Post")
    assert washington_post.actor.kind == "outlet"


@pytest.mark.shared
def test_seed_scanning_is_fast(kb: ActorKB, seed_path: Path) -> None:
    """A generous floor, not a benchmark: docs/actors.md has the measured rate."""
    text = seed_path.read_text(encoding="utf-8")
    start = time.perf_counter()
    for _ in range(200):
        kb.find_mentions(text, on=SEED_DATE)
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0, f"200 seed articles took {elapsed:.2f}s"


def _well_formed(text: str, mentions: list[Mention]) -> None:
    previous_end = 0
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end
        assert mention.end > mention.start
        previous_end = mention.end


_PIECES = st.sampled_from(
    [
        "Iran",
        "Iran's",
        "Tehran",
        " ",
        ", ",
        ". ",
        "the",
        "West",
        "Bank",
        "UN",
        "Security",
        "Council",
        "Russian",
        "foreign",
        "ministry",
        "woman",
        "pro-",
        "Jordan",
        "Michael",
        "’s",
        "—",
        "U.S.",
        "of",
        "Ukraine",
        "army",
        "Georgia",
        "state",
        "é",
        "\n",
        "NATO",
        "chief",
    ]  # fmt: skip
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_mentions_are_well_formed_on_any_text(kb: ActorKB, text: str) -> None:
    _well_formed(text, kb.find_mentions(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_mentions_never_fail_on_arbitrary_text(kb: ActorKB, text: str) -> None:
    _well_formed(text, kb.find_mentions(text, on=SEED_DATE))
