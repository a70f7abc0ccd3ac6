"""``claimgraph stance``: the stance of article bodies toward headlines, FNC-1 CSV in and out."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from claimgraph.cli.options import quiet_option
from claimgraph.errors import InputError
from claimgraph.stance.fnc import (
    LABELS,
    classification_report,
    fnc_percent,
    read_bodies,
    read_stances,
    write_stances,
)
from claimgraph.stance.model import Pair, load_model, packaged_stance_model

STDOUT = "-"


@click.command("stance")
@click.option(
    "--claims",
    "claims_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Stances CSV: Headline, Body ID[, Stance] (FNC-1 layout).",
)
@click.option(
    "--bodies",
    "bodies_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Bodies CSV: Body ID, articleBody.",
)
@click.option(
    "--output",
    "output",
    default=STDOUT,
    show_default=True,
    help="Write the rows with the predicted Stance here ('-' for stdout).",
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A stance_model.npz instead of the shipped one.",
)
@quiet_option
def command(
    claims_path: Path, bodies_path: Path, output: str, model_path: Path | None, quiet: bool
) -> None:
    """Predict agree / disagree / discuss / unrelated for each headline and body.

    When the claims file has a gold Stance column, the FNC-1 score and macro-F1 are printed
    on stderr.
    """
    rows = read_stances(claims_path)
    bodies = read_bodies(bodies_path)
    for number, row in enumerate(rows, start=2):
        if row.body_id not in bodies:
            raise InputError(
                str(claims_path), f"Body ID {row.body_id!r} is not in {bodies_path}", record=number
            )
    model = load_model(model_path) if model_path is not None else packaged_stance_model()
    pairs = (Pair(r.headline, bodies[r.body_id]) for r in rows)
    predictions = [
        p.stance
        for p in tqdm(
            model.predict(pairs),
            total=len(rows),
            desc="stance",
            unit="pair",
            disable=quiet,
            file=sys.stderr,
        )
    ]
    if output == STDOUT:
        write_stances(sys.stdout, rows, predictions)
        sys.stdout.flush()  # before the stderr summary, so the two do not interleave
    else:
        try:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                write_stances(handle, rows, predictions)
        except OSError as exc:
            raise click.FileError(output, hint=exc.strerror or str(exc)) from exc
    gold = [r.stance for r in rows]
    if rows and all(g is not None for g in gold):
        labels = [g or "" for g in gold]
        report = classification_report(labels, predictions, LABELS)
        click.echo(
            f"FNC score {fnc_percent(labels, predictions):.2f}%, accuracy "
            f"{report['accuracy']:.4f}, macro-F1 {report['macro_f1']:.4f} ({len(rows)} pairs)",
            err=True,
        )
