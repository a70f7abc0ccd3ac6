"""``claimgraph export``: the database as documents, PLOVER, CAMEO TSV, CSV or Parquet."""

from __future__ import annotations

import click
from tqdm import tqdm

from claimgraph.cli.options import db_option, existing_db, quiet_option
from claimgraph.cli.options import iso_date as _iso_date
from claimgraph.export import DIRECTORY_FORMATS, FORMATS, export, export_total
from claimgraph.store import Store


@click.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="jsonl: documents; plover: PLOVER JSONL; cameo-tsv: GDELT-like TSV; "
    "csv, parquet: one file per table into the --output directory.",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="File (default -, stdout) for jsonl, plover and cameo-tsv; directory for csv and parquet.",
)
@click.option(
    "--since",
    metavar="DATE",
    callback=_iso_date,
    help="From DATE (YYYY-MM-DD): publication date, or the event's date for plover/cameo-tsv.",
)
@click.option("--until", metavar="DATE", callback=_iso_date, help="Up to DATE, inclusive.")
@quiet_option
def command(
    db_path: str,
    fmt: str,
    output: str | None,
    since: str | None,
    until: str | None,
    quiet: bool,
) -> None:
    """Export the database. Events are canonical events (each counted once, with the
    number of its mentions), never one row per report."""
    if output is None:
        if fmt in DIRECTORY_FORMATS:
            raise click.UsageError(f"--format {fmt} writes one file per table: give --output DIR")
        output = "-"
    with Store(existing_db(db_path), readonly=True) as store:
        total = None if quiet else export_total(store, fmt, since=since, until=until)
        with tqdm(
            total=total,
            desc=f"export {fmt}",
            unit=" rows",
            disable=True if quiet else None,
            leave=False,
        ) as bar:
            written = export(
                store, fmt, output=output, since=since, until=until, progress=bar.update
            )
    if not quiet and output != "-":
        click.echo(
            f"exported {written} {'rows' if fmt in DIRECTORY_FORMATS else 'records'} to {output}",
            err=True,
        )
