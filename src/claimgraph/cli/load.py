"""``claimgraph load DIR --db FILE``: a ``spark-extract`` output into the database."""

from __future__ import annotations

import click

from claimgraph.cli.options import db_option, json_option, print_json, quiet_option
from claimgraph.store import Store


@click.command("load")
@click.argument("folder", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@db_option
@quiet_option
@json_option
def command(folder: str, db_path: str, quiet: bool, as_json: bool) -> int:
    """Load the Parquet tables `claimgraph spark-extract` wrote into DIR into the database,
    exactly as `claimgraph ingest` of the same input would have stored them (articles,
    extractions, event mentions, and the errors as ingest_errors). Needs pyarrow."""
    from claimgraph.spark.load import load

    with Store(db_path) as store:
        report = load(folder, store)
    c = report.counts
    if as_json:
        print_json(report.to_dict())
    elif not quiet:
        click.echo(
            f"{db_path}: loaded {c['read']} articles: {c['added']} added, {c['versions']} new "
            f"versions, {c['duplicates']} already stored; {c['skipped']} skipped, "
            f"{c['errors']} errors (run {report.run_id})"
        )
    return 1 if report.errors else 0
