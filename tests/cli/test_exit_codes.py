"""The documented exit codes, checked on the real script as a child process.

0 ok, 1 some input failed or ``db check`` found problems, 2 usage error, 3 not found,
4 database error. Every failure is one clear line on stderr, never a traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimgraph.cli import EXIT_INPUT_ERRORS, EXIT_NOT_FOUND, EXIT_OK, EXIT_STORE, EXIT_USAGE
from claimgraph.model import Article, article_id
from claimgraph.store import Store

Run = Callable[..., Any]


def _sql(path: Path, statement: str) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Inputs and databases for every case; no case changes the ones others read."""
    tmp = tmp_path_factory.mktemp("exit_codes")
    news = tmp / "news.jsonl"
    news.write_text('{"text": "Both Moscow and Tehran denied the allegations as false."}\n')
    broken = tmp / "broken.jsonl"
    broken.write_text('{"text": "fine"}\n{broken\n')
    db = tmp / "filled.db"
    with Store(db) as store:
        store.add_article(Article("Both Moscow and Tehran denied the allegations as false."))
    newer = tmp / "newer.db"
    Store(newer).close()
    _sql(newer, "INSERT INTO _migrations VALUES ('m999_future', '2030-01-01')")
    tampered = tmp / "tampered.db"
    Store(tampered).close()
    _sql(
        tampered,
        "INSERT INTO articles (id, text, ingested_at) VALUES ('0123456789abcdef', 'x', 'now')",
    )
    text = tmp / "notes.db"
    text.write_text("shopping list: bread, milk\n" * 20)
    return {
        "news": news,
        "db": db,
        "new": tmp / "new.db",
        "missing": tmp / "missing.db",
        "broken": broken,
        "text": text,
        "newer": newer,
        "tampered": tampered,
        "nodir": tmp / "nowhere" / "x.db",
    }


CASES = [
    # (case, arguments, exit code, what stderr must say)
    ("help", "--help", EXIT_OK, None),
    ("version", "--version", EXIT_OK, None),
    ("ingest ok", "ingest {news} --db {new}", EXIT_OK, None),
    ("articles ok", "articles --db {db}", EXIT_OK, None),
    ("show ok", "show {id} --db {db}", EXIT_OK, None),
    ("stats ok", "stats --db {db}", EXIT_OK, None),
    ("db check ok", "db check --db {db}", EXIT_OK, None),
    ("bad input", "ingest {broken} --db {new}", EXIT_INPUT_ERRORS, "{broken}:2: [E112]"),
    ("db check problem", "db check --db {tampered}", EXIT_INPUT_ERRORS, None),
    ("no such command", "frobnicate", EXIT_USAGE, "No such command 'frobnicate'"),
    ("unknown option", "articles --db {db} --colour", EXIT_USAGE, "--colour"),
    ("bad --map", "ingest {news} --db {new} --map x=y", EXIT_USAGE, "allowed: id, url"),
    ("bad --since", "articles --db {db} --since soon", EXIT_USAGE, "use YYYY-MM-DD"),
    ("bad --limit", "articles --db {db} --limit -1", EXIT_USAGE, "--limit"),
    ("missing db: articles", "articles --db {missing}", EXIT_USAGE, "no database at"),
    ("missing db: show", "show abcd --db {missing}", EXIT_USAGE, "no database at"),
    ("missing db: stats", "stats --db {missing}", EXIT_USAGE, "no database at"),
    ("missing db: check", "db check --db {missing}", EXIT_USAGE, "no database at"),
    ("not found", "show ffffffff --db {db}", EXIT_NOT_FOUND, "no article with id"),
    ("not an id", "show xyz --db {db}", EXIT_NOT_FOUND, "not an article id"),
    ("text file: ingest", "ingest {news} --db {text}", EXIT_STORE, "file is not a database"),
    ("text file: articles", "articles --db {text}", EXIT_STORE, "file is not a database"),
    ("text file: show", "show abcd --db {text}", EXIT_STORE, "file is not a database"),
    ("text file: stats", "stats --db {text}", EXIT_STORE, "file is not a database"),
    ("text file: check", "db check --db {text}", EXIT_STORE, "file is not a database"),
    ("newer db: ingest", "ingest {news} --db {newer}", EXIT_STORE, "newer version"),
    ("newer db: articles", "articles --db {newer}", EXIT_STORE, "newer version"),
    ("no folder", "ingest {news} --db {nodir}", EXIT_STORE, "does not exist"),
]


# One case per exit code (and per way of failing to open a store) also runs as a real
# process: slower, but it is what a shell script sees.
IN_A_PROCESS = {
    "version",
    "ingest ok",
    "bad input",
    "bad --map",
    "not found",
    "text file: stats",
    "newer db: ingest",
}


@pytest.mark.parametrize(
    ("args", "code", "message", "process"),
    [
        *(pytest.param(*c[1:], False, id=c[0]) for c in CASES),
        *(pytest.param(*c[1:], True, id=f"process: {c[0]}") for c in CASES if c[0] in IN_A_PROCESS),
    ],
)
def test_exit_code(
    cg: Run,
    cg_process: Run,
    files: dict[str, Path],
    args: str,
    code: int,
    message: str | None,
    process: bool,
) -> None:
    values = {k: str(v) for k, v in files.items()}
    values["id"] = article_id("Both Moscow and Tehran denied the allegations as false.")[:8]
    text_before = files["text"].read_bytes()
    result = (cg_process if process else cg)(*args.format(**values).split())
    assert result.code == code, result.err
    assert "Traceback" not in result.err
    if message is not None:
        assert message.format(**values) in result.err
    if code in (EXIT_NOT_FOUND, EXIT_STORE):
        [line] = result.err.splitlines()  # one clear line
        assert line.startswith("claimgraph: error: [E2")
    assert not files["missing"].exists()  # read commands never create a database
    assert files["text"].read_bytes() == text_before  # nor touch a file that is not one


@pytest.mark.parametrize("command", [["articles"], ["show", "abcd"], ["stats"], ["db", "check"]])
def test_read_commands_do_not_create_the_default_database(
    cg: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cg(*command)
    assert result.code == EXIT_USAGE
    assert "no database at 'claimgraph.db'" in result.err
    assert list(tmp_path.iterdir()) == []
