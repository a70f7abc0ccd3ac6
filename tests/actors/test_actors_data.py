"""The packaged actor tables: they are found as package data, parse, and are consistent."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from claimgraph.actors import SECTORS, ActorKB
from claimgraph.actors.tables import PACKAGED_FILES, TABLES, load_tables, split_list

ROOT = Path(__file__).resolve().parents[2]


def test_tables_are_package_resources() -> None:
    folder = resources.files("claimgraph").joinpath("data", "actors")
    for name, _table in PACKAGED_FILES:
        assert folder.joinpath(name).is_file(), name
    assert folder.joinpath("README.md").is_file()


def test_every_file_header_documents_its_columns() -> None:
    folder = resources.files("claimgraph").joinpath("data", "actors")
    for name, table in PACKAGED_FILES:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        assert text.startswith("#"), f"{name} has no header comment"
        header = next(line for line in text.splitlines() if line and not line.startswith("#"))
        assert set(header.split("\t")) <= set(TABLES[table].columns), name


def test_states() -> None:
    rows = load_tables().rows["states"]
    codes = [row["code"] for row in rows]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)
    assert len(codes) == len(set(codes)) == 197
    status = Counter(row["un_status"] for row in rows)
    assert status == {"member": 193, "observer": 2, "none": 2}
    observers = {row["code"] for row in rows if row["un_status"] == "observer"}
    assert observers == {"VAT", "PSE"}
    assert {row["code"] for row in rows if row["un_status"] == "none"} == {"TWN", "KOS"}
    qids = [row["wikidata"] for row in rows]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", qid) for qid in qids)
    assert len(set(qids)) == len(qids)
    iso2 = [row["iso2"] for row in rows if row["iso2"]]
    assert len(iso2) == len(set(iso2)) == 196


def test_known_un_members_are_present(kb: ActorKB) -> None:
    members = set(kb.group_members("un"))
    for code in (
        "SSD",
        "MNE",
        "TLS",
        "ERI",
        "USA",
        "RUS",
        "CHN",
        "IRN",
        "UKR",
        "ISR",
        "PRK",
        "KOR",
    ):
        assert code in members
    for code in ("VAT", "PSE", "TWN", "KOS"):
        assert code not in members


def test_no_alias_is_claimed_by_two_actors(kb: ActorKB) -> None:
    assert kb.collisions == []


def test_every_alias_resolves_to_its_own_actor() -> None:
    kb = ActorKB.load()
    tables = load_tables()
    for row in tables.rows["actors"]:
        for alias in [row["name"], *split_list(row.get("aliases", ""))]:
            actor = kb.lookup(alias)
            assert actor is not None and actor.key == row["key"], (alias, row["key"], actor)
    for row in tables.rows["states"]:
        for alias in split_list(row["aliases"]) + split_list(row["demonyms"]):
            actor = kb.lookup(alias)
            assert actor is not None and actor.key == row["code"], (alias, row["code"])
        for capital in split_list(row["capitals"]):
            actor = kb.lookup(capital)
            assert actor is not None and (actor.code, actor.sector) == (row["code"], "GOV"), capital


def test_sectors_and_kinds(kb: ActorKB) -> None:
    for actor in kb.actors():
        assert actor.sector is None or actor.sector in SECTORS, actor
        assert set(actor.other_sectors) <= SECTORS, actor
        if actor.kind == "outlet":
            assert actor.sector == "MED" and actor.state_affiliation is not None, actor
            assert actor.country is not None, actor


def test_terms_are_well_formed() -> None:
    kb = ActorKB.load()
    for person in kb.actors("person"):
        terms = kb.terms_of(person.key)
        assert terms, f"{person.key} has no term"
        for term in terms:
            assert term.end is None or term.start < term.end
    # No office is held by two people at once (acting holders included).
    by_office: dict[tuple[str, str], list[tuple[date, date | None, str]]] = {}
    for person in kb.actors("person"):
        for term in kb.terms_of(person.key):
            if term.office:
                by_office.setdefault((term.org, term.office), []).append(
                    (term.start, term.end, person.key)
                )
    for office, spans in by_office.items():
        spans.sort()
        for (_s1, end1, who1), (start2, _e2, who2) in zip(spans, spans[1:], strict=False):
            assert end1 is not None and end1 <= start2, f"{office}: {who1} and {who2} overlap"


_REQUIRED = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA UKR IRN ISR BLR SYR"
REQUIRED = _REQUIRED.split()
# Interregna where an acting minister is not recorded (a gap, not an error).
KNOWN_GAPS = {
    ("BRA", "foreign_minister", date(2017, 3, 1)),
    ("BRA", "foreign_minister", date(2021, 4, 1)),
    ("MEX", "foreign_minister", date(2023, 7, 1)),
    ("BLR", "foreign_minister", date(2022, 12, 1)),
}
# Data were reviewed up to this month; terms still open are unverified after it.
REVIEWED_UNTIL = date(2025, 11, 1)


def _months() -> list[date]:
    return [
        date(y, m, 1)
        for y in range(2015, 2027)
        for m in range(1, 13)
        if date(y, m, 1) <= REVIEWED_UNTIL
    ]


@pytest.mark.parametrize("country", REQUIRED)
def test_heads_and_foreign_ministers_cover_2015_onwards(kb: ActorKB, country: str) -> None:
    offices = ["@hog", "foreign_minister"]
    if country not in ("CAN", "AUS"):  # their head of state is the British monarch
        offices.append("@hos")
    for office in offices:
        gaps = [
            day
            for day in _months()
            if kb.holder(country, office, on=day) is None
            and (country, office, day) not in KNOWN_GAPS
        ]
        assert not gaps, f"{country} {office}: nobody on {gaps[:3]}"


@pytest.mark.parametrize(
    ("org", "office"),
    [
        ("un", "secretary_general"),
        ("nato", "secretary_general"),
        ("eu", "commission_president"),
        ("eu", "council_president"),
        ("eu", "high_representative"),
        ("iaea", "director_general"),
        ("who", "director_general"),
    ],
)
def test_international_leaders_cover_2015_onwards(kb: ActorKB, org: str, office: str) -> None:
    assert all(kb.holder(org, office, on=day) is not None for day in _months())


def test_wikidata_qids_are_well_formed_and_unique(kb: ActorKB) -> None:
    qids = [actor.wikidata for actor in kb.actors() if actor.wikidata]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", qid) for qid in qids)
    duplicates = [qid for qid, count in Counter(qids).items() if count > 1]
    assert duplicates == []


def test_confidence_marks_are_used_for_uncertain_terms(kb: ActorKB) -> None:
    levels = Counter(
        term.confidence for person in kb.actors("person") for term in kb.terms_of(person.key)
    )
    assert set(levels) <= {"high", "medium", "low"}
    assert levels["low"] > 0 and levels["medium"] > 0


@pytest.mark.shared
def test_generated_state_table_is_current(shared_data: Path) -> None:
    """states.tsv is what scripts/build_actor_tables.py makes from ../shared/data."""
    spec = importlib.util.spec_from_file_location(
        "build_actor_tables", ROOT / "scripts" / "build_actor_tables.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--shared", str(shared_data), "--check"]) == 0


def test_docs_name_every_table_and_group_code() -> None:
    docs = (ROOT / "docs" / "actors.md").read_text(encoding="utf-8")
    for name, table in PACKAGED_FILES:
        assert f"`{name}`" in docs, name
        assert table in docs, table
    for row in load_tables().rows["actors"]:
        if row["kind"] == "group":
            assert f"`{row['code']}`" in docs, row["code"]
