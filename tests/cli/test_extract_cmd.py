"""``claimgraph extract``: formats, ``--published``, stdin, and bad inputs.

The in-process runs share one extractor (the pipeline loads once for the module); one run
goes through the installed script in a real process.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph.extractor import Extractor

Run = Callable[..., Any]  # the ``cg`` fixtures of tests/cli/conftest.py
SCHEMA = "claimgraph.document/1"
DENIAL = "Moscow denied the allegations on Tuesday.\n"


@pytest.fixture(scope="module")
def shared_extractor() -> Extractor:
    return Extractor()


@pytest.fixture(autouse=True)
def _one_pipeline(monkeypatch: pytest.MonkeyPatch, shared_extractor: Extractor) -> None:
    """Every in-process run uses the module's extractor instead of loading its own."""

    def make_extractor(workers: int = 1, **_: Any) -> Extractor:
        return shared_extractor

    monkeypatch.setattr("claimgraph.parallel.make_extractor", make_extractor)


@pytest.fixture
def inputs(tmp_path: Path, news: Path) -> list[Path]:
    """A plain-text article (no date) and a JSON Lines file of three dated ones."""
    text = tmp_path / "denial.txt"
    text.write_text(DENIAL, encoding="utf-8")
    return [text, news]


@pytest.fixture
def expected_texts(news_records: list[dict[str, str]]) -> list[str]:
    return [DENIAL.strip()] + [r["text"] for r in news_records]


def jsonl_documents(result: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.out.splitlines() if line.strip()]


def pretty_documents(out: str) -> Iterator[dict[str, Any]]:
    decoder = json.JSONDecoder()
    at = 0
    while out[at:].strip():
        at += len(out[at:]) - len(out[at:].lstrip())
        document, at = decoder.raw_decode(out, at)
        yield document


def assert_documents(documents: list[dict[str, Any]], texts: list[str]) -> None:
    assert [d["schema"] for d in documents] == [SCHEMA] * len(texts)
    assert [d["article"]["text"] for d in documents] == texts
    for document in documents:
        text = document["article"]["text"]
        for a in document["attributions"]:
            for role in ("source", "cue", "content"):
                if a[role] is not None:
                    assert text[a[role]["start"] : a[role]["end"]] == a[role]["text"]


def test_jsonl_is_one_document_per_line(
    cg: Run, inputs: list[Path], expected_texts: list[str]
) -> None:
    result = cg("extract", *inputs, "-q")
    assert (result.code, result.err) == (0, "")
    assert len(result.out.splitlines()) == 4
    assert_documents(jsonl_documents(result), expected_texts)


def test_json_is_one_array(cg: Run, inputs: list[Path], expected_texts: list[str]) -> None:
    result = cg("extract", *inputs, "--format", "json", "-q")
    assert result.code == 0
    documents = result.json()
    assert isinstance(documents, list)
    assert_documents(documents, expected_texts)


def test_json_without_articles_is_an_empty_array(cg: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = cg("extract", empty, "--format", "json", "-q")
    assert result.code == 0  # nothing to read is a skip, not an error
    assert result.json() == []


def test_pretty_is_indented_documents(
    cg: Run, inputs: list[Path], expected_texts: list[str]
) -> None:
    result = cg("extract", *inputs, "--format", "pretty", "-q")
    assert result.code == 0
    assert result.out.startswith('{\n  "schema": ')
    assert_documents(list(pretty_documents(result.out)), expected_texts)


def test_published_fills_in_missing_dates(
    cg: Run, inputs: list[Path], news_records: list[dict[str, str]]
) -> None:
    documents = jsonl_documents(cg("extract", *inputs, "--published", "2022-11-23", "-q"))
    published = [d["article"]["published"][:10] for d in documents]
    # the text file gives no date; each record keeps its own
    assert published == ["2022-11-23"] + [r["published"][:10] for r in news_records]
    (denial,) = documents[0]["attributions"]
    assert denial["time"]["value"] == "2022-11-22"  # "on Tuesday" before 2022-11-23


def test_bad_published_is_a_usage_error(cg: Run, inputs: list[Path]) -> None:
    result = cg("extract", *inputs, "--published", "someday")
    assert result.code == 2
    assert "is not a date" in result.err
    assert result.out == ""


def test_stdin(cg: Run) -> None:
    result = cg("extract", "-", "--published", "2022-11-22", "-q", input=DENIAL)
    assert result.code == 0
    (document,) = jsonl_documents(result)
    assert document["article"]["source_path"] == "-"
    assert document["article"]["text"] == DENIAL.strip()
    (denial,) = document["attributions"]
    assert (denial["source"]["actor"]["code"], denial["stance"]) == ("RUS", "deny")
    assert denial["time"]["value"] == "2022-11-22"


@pytest.mark.parametrize("output_format", ["jsonl", "json", "pretty"])
def test_bad_input_is_reported_and_the_rest_goes_on(
    cg: Run, inputs: list[Path], expected_texts: list[str], tmp_path: Path, output_format: str
) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text \x00")
    missing = tmp_path / "missing.txt"
    result = cg("extract", binary, *inputs, missing, "--format", output_format, "-q")
    assert result.code == 1
    errors = result.err.splitlines()
    assert len(errors) == 2
    assert "binary.txt" in errors[0] and "[E101]" in errors[0]
    assert "missing.txt" in errors[1]
    parse: dict[str, Callable[[str], list[dict[str, Any]]]] = {
        "jsonl": lambda out: [json.loads(line) for line in out.splitlines()],
        "json": json.loads,
        "pretty": lambda out: list(pretty_documents(out)),
    }
    assert_documents(parse[output_format](result.out), expected_texts)


def test_paths_are_required(cg: Run) -> None:
    result = cg("extract")
    assert result.code == 2
    assert "PATHS" in result.err


def test_installed_script_reads_stdin(cg_process: Run) -> None:
    result = cg_process("extract", "-", "--format", "json", "-q", input=DENIAL)
    assert result.code == 0, result.err
    (document,) = result.json()
    assert document["article"]["text"] == DENIAL.strip()
    assert document["attributions"][0]["stance"] == "deny"
