"""Running the ``claimgraph`` command in-process (fast) or as a real process (faithful).

Both go through :func:`claimgraph.cli.errors.run_cli`, the same path as the installed
script, so library errors become the documented exit codes in either case.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.cli.errors import run_cli
from claimgraph.ingest import ingest
from claimgraph.store import Store

SCRIPT = Path(sys.executable).with_name("claimgraph")


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


Run = Callable[..., Result]

NEWS = [
    {
        "url": "https://example.org/iran-drones",
        "outlet": "UrduPoint",
        "published": "2022-11-22",
        "title": "Iran requests expert meeting",
        "byline": "Fahad Shabbir",
        "place": "MOSCOW",
        "text": "Iran's mission to the UN requested a joint expert meeting with Ukraine "
        "about reports of drone production in Russia.",
    },
    {
        "url": "https://example.org/denial",
        "outlet": "Reuters",
        "published": "2022-11-23T09:15:00+00:00",
        "title": "Moscow and Tehran deny drone deal",
        "text": "Both Moscow and Tehran denied the allegations as false.",
    },
    {
        "url": "https://example.org/grain",
        "outlet": "Reuters",
        "published": "2022-11-20",
        "title": "Grain talks resume",
        "text": "Ankara hosted talks on grain exports from Odesa on Sunday.",
    },
]


def invoke(*args: str | Path, input: str | bytes | None = None) -> Result:
    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, _):
        code = run_cli(cli, [str(a) for a in args])
    return Result(code, out.getvalue().decode(), err.getvalue().decode())


def run_process(*args: str | Path, input: str | None = None) -> Result:
    command = (
        [str(SCRIPT)]
        if SCRIPT.exists()
        else [sys.executable, "-c", "from claimgraph.cli import main; main()"]
    )
    done = subprocess.run(
        [*command, *map(str, args)], input=input, capture_output=True, text=True, timeout=120
    )
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cg() -> Run:
    """``cg("articles", "--db", path)``: the command run in this process."""
    return invoke


@pytest.fixture
def cg_process() -> Run:
    """The installed ``claimgraph`` script run as a child process."""
    return run_process


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def news(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", NEWS)


@pytest.fixture
def filled_db(db_path: Path, news: Path) -> Path:
    with Store(db_path) as store:
        report = ingest([str(news)], store)
    assert report.counts["added"] == len(NEWS)
    return db_path


@pytest.fixture
def not_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("shopping list: bread, milk\n" * 20)
    return path


@pytest.fixture
def news_records() -> list[dict[str, str]]:
    return [dict(r) for r in NEWS]


@pytest.fixture
def jsonl() -> Callable[[Path, list[dict[str, str]]], Path]:
    """``jsonl(path, records)`` writes a JSON Lines file and returns its path."""
    return write_jsonl
