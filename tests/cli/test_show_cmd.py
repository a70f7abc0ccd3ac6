"""``claimgraph show ID``: one article by id or id prefix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.model import article_id

Run = Callable[..., Any]
Records = list[dict[str, str]]


@pytest.mark.parametrize("length", [4, 7, 16])
def test_show_by_prefix(cg: Run, filled_db: Path, news_records: Records, length: int) -> None:
    record = news_records[0]
    full = article_id(record["text"])
    result = cg("show", full[:length], "--db", filled_db)
    assert result.code == 0, result.err
    head, _, text = result.out.partition("\n\n")
    fields = dict(line.strip().split(": ", 1) for line in head.splitlines())
    assert fields["id"] == full
    assert fields["title"] == record["title"]
    assert fields["outlet"] == "UrduPoint"
    assert fields["published"] == "2022-11-22"
    assert fields["byline"] == "Fahad Shabbir"
    assert fields["dateline"] == "MOSCOW"
    assert fields["source"] == f"{filled_db.parent / 'news.jsonl'} (record 1)"
    assert fields["version"] == "1"
    assert text.strip() == record["text"]


def test_show_json(cg: Run, filled_db: Path, news_records: Records) -> None:
    record = news_records[1]
    data = cg("show", article_id(record["text"])[:6], "--db", filled_db, "--json").json()
    assert data["id"] == article_id(record["text"])
    assert data["text"] == record["text"]
    assert data["published"].startswith("2022-11-23T09:15")
    assert data["source_record"] == 2
    assert (data["version"], data["supersedes"], data["superseded_by"]) == (1, None, None)
    assert data["ingested_at"]


def test_show_versions(
    cg: Run, filled_db: Path, news_records: Records, tmp_path: Path, jsonl: Callable[..., Path]
) -> None:
    old = news_records[2]
    new = dict(old, text=old["text"] + " Talks ended on Monday.")
    cg("ingest", jsonl(tmp_path / "update.jsonl", [new]), "--db", filled_db)
    old_id, new_id = article_id(old["text"]), article_id(new["text"])
    assert f"version: 1, superseded by {new_id}" in cg("show", old_id, "--db", filled_db).out
    assert f"version: 2, supersedes {old_id}" in cg("show", new_id, "--db", filled_db).out


def test_article_without_source_shows_no_source_line(cg: Run, db_path: Path) -> None:
    from claimgraph.model import Article
    from claimgraph.store import Store

    with Store(db_path) as store:
        added = store.add_article(Article("A statement read from nowhere in particular."))
    result = cg("show", added.id, "--db", db_path)
    assert result.code == 0
    assert "None" not in result.out
    assert "source:" not in result.out


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("ffffffff", "no article with id 'ffffffff'"),
        ("abc", "at least 4 hex digits"),
        ("not-an-id", "is not an article id"),
    ],
)
def test_not_found_is_exit_3(cg: Run, filled_db: Path, key: str, message: str) -> None:
    result = cg("show", key, "--db", filled_db)
    assert result.code == 3
    assert result.out == ""
    [line] = result.err.splitlines()
    assert line.startswith("claimgraph: error: [E201]")
    assert message in line


def test_ambiguous_prefix_is_exit_3(cg: Run, tmp_path: Path, db_path: Path) -> None:
    from claimgraph.model import Article
    from claimgraph.store import Store

    seen: dict[str, str] = {}
    n = 0
    while True:
        text = f"Statement number {n} from the ministry."
        prefix = article_id(text)[:4]
        if prefix in seen:
            break
        seen[prefix] = text
        n += 1
    with Store(db_path) as store:
        store.add_article(Article(seen[prefix]))
        store.add_article(Article(text))
    result = cg("show", prefix, "--db", db_path)
    assert result.code == 3
    assert "matches several articles" in result.err


SEED = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "seed"
    / "urdupoint-2022-11-22-iran-drones.txt"
)


def test_show_lists_who_says_what_and_the_events(cg: Run, tmp_path: Path) -> None:
    """After an extracting ingest, ``show`` ends with the attributions and events: an
    accusation is shown with its alleged act flagged, never as a plain fact."""
    db = tmp_path / "seed.db"
    assert cg("ingest", SEED, "--db", db, "--quiet").code == 0
    result = cg(
        "show", article_id(SEED.read_text(encoding="utf-8").split("2022) ", 1)[1]), "--db", db
    )
    assert result.code == 0, result.err
    _, _, extraction = result.out.partition("\nWho says what:\n")
    lines = extraction.splitlines()
    assert any("IRNA" in line and "[IRN/MED]" in line and "reported" in line for line in lines)
    assert any(line.split()[1:2] == ["deny"] and "denying" in line for line in lines)
    events = extraction.partition("\nEvents:\n")[2].splitlines()
    assert any("ACCUSE" in line and "WST → IRN" in line for line in events)
    assert all("[alleged]" in line for line in events if "IRN → RUS" in line)
    data = cg("show", "0651", "--db", db, "--json").json()
    assert {"entities", "times", "attributions", "events"} <= set(data)
