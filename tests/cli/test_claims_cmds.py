"""``claimgraph claims``, ``threads``, ``thread`` and ``actor`` on a database ingested with
extraction from three reports of one story by three outlets."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.ingest import ingest
from claimgraph.store import Store

Run = Callable[..., Any]

STORY = [
    {
        "outlet": "Kyiv Post",
        "published": "2022-10-17",
        "title": "Drones hit Kyiv",
        "text": "Ukraine accused Iran of supplying combat drones to Russia. "
        "No evidence has been presented by Moscow to the contrary.",
    },
    {
        "outlet": "IRNA",
        "published": "2022-10-18",
        "title": "Tehran rejects claims",
        "text": "Western countries have accused Iran of supplying drones to Russia. "
        "Tehran denied the allegations.",
    },
    {
        "outlet": "Reuters",
        "published": "2022-10-20",
        "title": "Sanctions",
        "text": "The United States accused Iran of supplying Russia with combat drones for "
        "the war. Iran and Russia denied the allegations.",
    },
]


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from claimgraph.extractor import default_extractor

    folder = tmp_path_factory.mktemp("story")
    source = folder / "story.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in STORY), encoding="utf-8")
    with Store(folder / "story.db") as store:
        report = ingest([str(source)], store, extractor=default_extractor())
    assert report.counts["added"] == len(STORY)
    return folder / "story.db"


def supply_thread(cg: Run, db: Path) -> dict[str, Any]:
    result = cg("threads", "--db", db, "--format", "jsonl", "--actor", "irn")
    assert result.code == 0, result.err
    threads = [json.loads(line) for line in result.out.splitlines()]
    assert all(t["schema"] == "claimgraph.thread/1" for t in threads)
    (thread,) = [t for t in threads if t["predicate"] == "supply"]
    return thread


def test_threads_jsonl_follows_the_story(cg: Run, story_db: Path) -> None:
    thread = supply_thread(cg, story_db)
    assert [a["outlet"] for a in thread["articles"]] == ["Kyiv Post", "IRNA", "Reuters"]
    assert (thread["first_seen"], thread["last_seen"]) == ("2022-10-17", "2022-10-20")
    assert (thread["subject"]["code"], thread["object"]["code"]) == ("IRN", "RUS")
    assert thread["balance"]["assert"] >= 3 and thread["balance"]["deny"] >= 2


def test_thread_table_and_json(cg: Run, story_db: Path) -> None:
    thread = supply_thread(cg, story_db)
    table = cg("thread", thread["id"], "--db", story_db)
    assert table.code == 0, table.err
    assert "IRN supply RUS" in table.out
    assert "IRNA" in table.out and "deny" in table.out
    as_json = cg("thread", thread["id"], "--db", story_db, "--format", "json")
    assert json.loads(as_json.out) == thread
    missing = cg("thread", "0000000000000000", "--db", story_db)
    assert missing.code == 3 and "no thread" in missing.err


def test_claims_filters(cg: Run, story_db: Path) -> None:
    result = cg("claims", "--db", story_db, "--actor", "IRN", "--about", "drones", "--json")
    rows = result.json()
    assert len(rows) == 3 and all(r["subject"]["code"] == "IRN" for r in rows)
    later = cg("claims", "--db", story_db, "--since", "2022-10-19", "--json").json()
    assert {r["published"] for r in later} == {"2022-10-20"}
    bad = cg("claims", "--db", story_db, "--since", "last week")
    assert bad.code == 2 and "YYYY-MM-DD" in bad.err
    table = cg("claims", "--db", story_db, "--actor", "IRN")
    assert "IRN supply RUS" in table.out and "none_presented" in table.out


def test_actor_profile(cg: Run, story_db: Path) -> None:
    profile = cg("actor", "IRN", "--db", story_db, "--json").json()
    assert profile["code"] == "IRN"
    assert {c["predicate"] for c in profile["denies"]} == {"supply"}
    assert len(profile["accused_of"]) == 3
    text = cg("actor", "irn", "--db", story_db)
    assert "is accused of (3)" in text.out
    assert cg("actor", "XYZ", "--db", story_db).code == 3


def test_thread_article_stance(cg: Run, story_db: Path) -> None:
    thread = supply_thread(cg, story_db)
    result = cg("thread", thread["id"], "--db", story_db, "--format", "json", "--article-stance")
    assert result.code == 0, result.err
    stances = [a["article_stance"] for a in json.loads(result.out)["articles"]]
    assert len(stances) == 3
    assert set(stances) <= {"for", "against", "observing", "unrelated"}
    assert "unrelated" not in stances  # every article is about the claim
