"""``claimgraph stance`` on small hand-written FNC-1 CSV files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.cli.errors import run_cli

BODIES = (
    "Body ID,articleBody\n"
    '1,"A shark attack reported in Sydney on Monday never happened. Police say the shark '
    'attack was a hoax staged by two students, and the beach reopened."\n'
    '2,"The central bank raised interest rates by a quarter point on Thursday. Markets in '
    'Tokyo closed slightly lower after the announcement."\n'
)
STANCES = (
    "Headline,Body ID,Stance\n"
    "Police say the Sydney shark attack was a hoax,1,agree\n"
    "Police say the Sydney shark attack was a hoax,2,unrelated\n"
    "Central bank raises interest rates,2,agree\n"
    "Central bank raises interest rates,1,unrelated\n"
)


def invoke(*args: str | Path) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        code = run_cli(cli, [str(a) for a in args])
    return code, out.getvalue().decode(), err.getvalue().decode()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    claims = tmp_path / "stances.csv"
    bodies = tmp_path / "bodies.csv"
    claims.write_text(STANCES, encoding="utf-8")
    bodies.write_text(BODIES, encoding="utf-8")
    return claims, bodies


def test_stance_writes_rows_with_predictions(files: tuple[Path, Path], tmp_path: Path) -> None:
    claims, bodies = files
    output = tmp_path / "pred.csv"
    code, out, err = invoke(
        "stance", "--claims", claims, "--bodies", bodies, "--output", output, "-q"
    )
    assert code == 0, err
    assert out == ""
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Headline"], r["Body ID"]) for r in rows] == [
        (r["Headline"], r["Body ID"]) for r in csv.DictReader(STANCES.splitlines())
    ]
    assert {r["Stance"] for r in rows} <= {"agree", "disagree", "discuss", "unrelated"}
    # the mismatched pairs share no words: the shipped model must call them unrelated
    assert rows[1]["Stance"] == rows[3]["Stance"] == "unrelated"
    assert rows[0]["Stance"] != "unrelated"
    assert "FNC score" in err and "macro-F1" in err


def test_stance_to_stdout_without_gold(tmp_path: Path, files: tuple[Path, Path]) -> None:
    _, bodies = files
    claims = tmp_path / "unlabelled.csv"
    claims.write_text("Headline,Body ID\nCentral bank raises interest rates,2\n", encoding="utf-8")
    code, out, err = invoke("stance", "--claims", claims, "--bodies", bodies, "--quiet")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Headline,Body ID,Stance"
    assert lines[1].startswith("Central bank raises interest rates,2,")
    assert "FNC score" not in err


def test_unknown_body_id_names_the_file(tmp_path: Path, files: tuple[Path, Path]) -> None:
    _, bodies = files
    claims = tmp_path / "orphans.csv"
    claims.write_text("Headline,Body ID\nA headline,99\n", encoding="utf-8")
    code, _, err = invoke("stance", "--claims", claims, "--bodies", bodies, "-q")
    assert code == 1
    assert "orphans.csv:2" in err and "'99'" in err and "[E100]" in err


def test_bad_bodies_file_names_the_file(tmp_path: Path, files: tuple[Path, Path]) -> None:
    claims, _ = files
    bodies = tmp_path / "wrong.csv"
    bodies.write_text("id,text\n1,x\n", encoding="utf-8")
    code, _, err = invoke("stance", "--claims", claims, "--bodies", bodies, "-q")
    assert code == 1
    assert "wrong.csv" in err and "articleBody" in err


def test_corrupt_model_is_reported(tmp_path: Path, files: tuple[Path, Path]) -> None:
    claims, bodies = files
    model = tmp_path / "model.npz"
    model.write_bytes(b"not a model")
    code, _, err = invoke("stance", "--claims", claims, "--bodies", bodies, "--model", model, "-q")
    assert code == 1
    assert "[E400]" in err and "model.npz" in err
