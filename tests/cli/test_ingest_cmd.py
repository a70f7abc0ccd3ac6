"""``claimgraph ingest``: summary, JSON report, options, and bad input reported at the end."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.cli.ingest import MAX_LISTED_PROBLEMS
from claimgraph.model import article_id
from claimgraph.readers.options import RECORD_FIELDS, SETTABLE_FIELDS
from claimgraph.store import Store

Run = Callable[..., Any]
Records = list[dict[str, str]]
WriteJsonl = Callable[[Path, Records], Path]


def stored(db: Path, text: str) -> dict[str, object]:
    with Store(db, readonly=True) as store:
        return store.get_article(article_id(text)).to_dict()


def test_ingest_prints_a_summary(cg: Run, news: Path, db_path: Path) -> None:
    result = cg("ingest", news, "--db", db_path)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == (
        f"{db_path}: read 3 articles: 3 added, 0 new versions, 0 already stored; "
        "0 skipped, 0 errors (run 1)"
    )
    assert result.err == ""
    with Store(db_path, readonly=True) as store:
        assert store.stats()["articles"] == 3


def test_second_ingest_adds_nothing(cg: Run, news: Path, db_path: Path) -> None:
    cg("ingest", news, "--db", db_path)
    result = cg("ingest", news, "--db", db_path)
    assert result.code == 0
    assert "read 3 articles: 0 added, 0 new versions, 3 already stored" in result.out
    assert "(run 2)" in result.out


def test_new_text_at_a_known_url_is_a_version(
    cg: Run, news: Path, db_path: Path, tmp_path: Path, jsonl: WriteJsonl, news_records: Records
) -> None:
    cg("ingest", news, "--db", db_path)
    corrected = dict(news_records[1], text=news_records[1]["text"] + " A correction followed.")
    result = cg("ingest", jsonl(tmp_path / "later.jsonl", [corrected]), "--db", db_path)
    assert "0 added, 1 new versions" in result.out
    data = stored(db_path, corrected["text"])
    assert (data["version"], data["supersedes"]) == (2, article_id(news_records[1]["text"]))


@pytest.fixture
def bad_batch(tmp_path: Path, jsonl: WriteJsonl, news_records: Records) -> list[Path]:
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(
        json.dumps(news_records[0]) + "\n{broken json\n" + json.dumps({"title": "no text"}) + "\n"
    )
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    later = jsonl(tmp_path / "later.jsonl", news_records[1:])
    return [mixed, binary, tmp_path / "missing.jsonl", later]


def test_bad_input_is_listed_at_the_end_and_the_batch_goes_on(
    cg: Run, bad_batch: list[Path], db_path: Path
) -> None:
    mixed, binary, missing, _ = bad_batch
    result = cg("ingest", *bad_batch, "--db", db_path)
    assert result.code == 1
    problems = result.err.splitlines()
    assert problems[0] == "4 problem(s):"
    assert problems[1].startswith(f"  {mixed}:2: [E112] invalid JSON")
    assert problems[2].startswith(f"  {mixed}:3: [E100] no text field 'text'")
    assert problems[3].startswith(f"  {binary}: [")
    assert problems[4] == f"  {missing}: [E105] no such file or folder"
    assert "read 3 articles: 3 added" in result.out
    assert "4 errors" in result.out

    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT path, record, level FROM ingest_errors ORDER BY id").fetchall()
    conn.close()
    assert rows == [
        (str(mixed), 2, "error"),
        (str(mixed), 3, "error"),
        (str(binary), None, "error"),
        (str(missing), None, "error"),
    ]


def test_long_problem_lists_are_cut_short(cg: Run, tmp_path: Path, db_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text("not json\n" * (MAX_LISTED_PROBLEMS + 5))
    result = cg("ingest", broken, "--db", db_path)
    assert result.code == 1
    lines = result.err.splitlines()
    assert len(lines) == 1 + MAX_LISTED_PROBLEMS + 1
    assert lines[-1] == "  ... and 5 more (table ingest_errors, run 1)"


def test_json_report(cg: Run, bad_batch: list[Path], db_path: Path) -> None:
    result = cg("ingest", *bad_batch, "--db", db_path, "--json")
    assert result.code == 1
    report = result.json()
    assert isinstance(report, dict)
    assert report["run_id"] == 1
    assert report["counts"] == {
        "read": 3,
        "added": 3,
        "versions": 0,
        "duplicates": 0,
        "skipped": 0,
        "errors": 4,
    }
    assert [(r["path"], r["record"]) for r in report["rejections"]] == [
        (str(bad_batch[0]), 2),
        (str(bad_batch[0]), 3),
        (str(bad_batch[1]), None),
        (str(bad_batch[2]), None),
    ]
    assert all(r["reason"] and r["code"] for r in report["rejections"])
    assert result.err == ""  # the problems are in the JSON


def test_quiet_prints_nothing_when_all_is_well(cg: Run, news: Path, db_path: Path) -> None:
    result = cg("ingest", news, "--db", db_path, "--quiet")
    assert (result.code, result.out, result.err) == (0, "", "")


def test_quiet_still_lists_problems(cg: Run, bad_batch: list[Path], db_path: Path) -> None:
    result = cg("ingest", *bad_batch, "--db", db_path, "-q")
    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines()[0] == "4 problem(s):"


def test_map_reads_renamed_fields(
    cg: Run, tmp_path: Path, db_path: Path, jsonl: WriteJsonl
) -> None:
    path = jsonl(
        tmp_path / "renamed.jsonl",
        [
            {
                "body": "The ministry issued a statement on Tuesday.",
                "headline": "Statement",
                "link": "https://x.example/s",
            }
        ],
    )
    result = cg(
        "ingest", path, "--db", db_path, "--map", "text=body,title=headline", "--map", "url=link"
    )
    assert result.code == 0, result.err
    data = stored(db_path, "The ministry issued a statement on Tuesday.")
    assert (data["title"], data["url"]) == ("Statement", "https://x.example/s")


@pytest.mark.parametrize(
    ("option", "value", "allowed"),
    [
        ("--map", "headline=title", RECORD_FIELDS),
        ("--map", "text=body,colour=red", RECORD_FIELDS),
        ("--set", "text=hello", SETTABLE_FIELDS),
    ],
)
def test_unknown_field_is_a_usage_error_naming_the_allowed_fields(
    cg: Run, news: Path, db_path: Path, option: str, value: str, allowed: tuple[str, ...]
) -> None:
    result = cg("ingest", news, "--db", db_path, option, value)
    assert result.code == 2
    assert result.out == ""
    [line] = result.err.splitlines()
    assert line.startswith(f"claimgraph: error: [E301] {option}: unknown field")
    assert line.endswith("allowed: " + ", ".join(allowed))
    assert not db_path.exists()


@pytest.mark.parametrize("value", ["title", "=body", "title="])
def test_malformed_map_is_a_usage_error(cg: Run, news: Path, db_path: Path, value: str) -> None:
    result = cg("ingest", news, "--db", db_path, "--map", value)
    assert result.code == 2
    assert "--map expects FIELD=VALUE" in result.err


def test_set_fills_missing_values_only(
    cg: Run, news: Path, db_path: Path, news_records: Records
) -> None:
    result = cg(
        "ingest", news, "--db", db_path, "--set", "outlet=Wire, Inc", "--set", "language=en"
    )
    assert result.code == 0, result.err
    assert stored(db_path, news_records[0]["text"])["outlet"] == "UrduPoint"  # given: kept
    with Store(db_path, readonly=True) as store:
        languages = {
            store.get_article(article_id(r["text"])).article.language for r in news_records
        }
    assert languages == {"en"}


def test_set_outlet_where_none_is_given(
    cg: Run, tmp_path: Path, db_path: Path, jsonl: WriteJsonl
) -> None:
    path = jsonl(tmp_path / "bare.jsonl", [{"text": "Officials said the talks would resume."}])
    cg("ingest", path, "--db", db_path, "--set", "outlet=Wire, Inc")
    assert stored(db_path, "Officials said the talks would resume.")["outlet"] == "Wire, Inc"


def test_format_overrides_the_suffix(
    cg: Run, tmp_path: Path, db_path: Path, news_records: Records
) -> None:
    odd = tmp_path / "export.txt"
    odd.write_text(json.dumps(news_records[0]) + "\n")
    cg("ingest", odd, "--db", db_path, "--format", "jsonl")
    assert stored(db_path, news_records[0]["text"])["title"] == news_records[0]["title"]


def test_unknown_format_is_a_usage_error(cg: Run, news: Path, db_path: Path) -> None:
    result = cg("ingest", news, "--db", db_path, "--format", "docx")
    assert result.code == 2
    assert "'docx' is not one of" in result.err


SEED_LAYOUT = (
    " date 2022-11-22 UrduPoint.com\n\n"
    "Iran Requests Expert Meeting With Ukraine To Remove Confusion About Drones - Reports\n\n"
    "Fahad Shabbir (@FahadShabbir) Published November 22, 2022 | 03:30 PM\n\n"
    "MOSCOW (UrduPoint News / Sputnik - 22nd November, 2022) Iran's permanent mission to the "
    "UN has requested a joint expert meeting with Ukraine, the agency reported on Tuesday.\n"
)


@pytest.mark.parametrize("plain", [False, True])
def test_plain_keeps_the_header_in_the_body(
    cg: Run, tmp_path: Path, db_path: Path, plain: bool
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(SEED_LAYOUT)
    result = cg("ingest", path, "--db", db_path, "--json", *(["--plain"] if plain else []))
    assert result.code == 0, result.err
    with Store(db_path, readonly=True) as store:
        [row] = store.articles()
        article = store.get_article(str(row["id"])).article
    if plain:
        assert article.text == SEED_LAYOUT.rstrip()
        assert article.title is None
    else:
        assert article.title is not None
        assert article.title.startswith("Iran Requests Expert Meeting")
        assert article.text.startswith("Iran's permanent mission")


def test_stdin(cg: Run, db_path: Path, news_records: Records) -> None:
    lines = "".join(json.dumps(r) + "\n" for r in news_records)
    result = cg("ingest", "-", "--db", db_path, input=lines)
    assert result.code == 0, result.err
    assert "read 3 articles: 3 added" in result.out


def test_folder_and_several_paths(
    cg: Run, tmp_path: Path, db_path: Path, jsonl: WriteJsonl, news_records: Records
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    jsonl(folder / "a.jsonl", news_records[:1])
    jsonl(folder / "b.jsonl", news_records[1:2])
    single = jsonl(tmp_path / "c.jsonl", news_records[2:])
    result = cg("ingest", folder, single, "--db", db_path)
    assert result.code == 0
    assert "read 3 articles: 3 added" in result.out


def test_paths_are_required(cg: Run, db_path: Path) -> None:
    result = cg("ingest", "--db", db_path)
    assert result.code == 2
    assert "Missing argument 'PATHS...'" in result.err
    assert not db_path.exists()


def test_database_in_a_missing_folder(cg: Run, news: Path, tmp_path: Path) -> None:
    result = cg("ingest", news, "--db", tmp_path / "no" / "such" / "x.db")
    assert result.code == 4
    assert "does not exist" in result.err


def test_db_from_the_environment(
    cg: Run, news: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMGRAPH_DB", str(db_path))
    assert cg("ingest", news).code == 0
    assert db_path.exists()
