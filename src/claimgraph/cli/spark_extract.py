"""``claimgraph spark-extract INPUT... --output DIR``: the pipeline on Apache Spark."""

from __future__ import annotations

import click

from claimgraph.cli.options import (
    build_read_options,
    json_option,
    model_option,
    print_json,
    quiet_option,
    read_options,
    spacy_entities_option,
)


@click.command("spark-extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="DIR",
    help="Folder (or hdfs://, s3://, gs:// URI) for the Parquet tables; existing tables are replaced.",
)
@click.option(
    "--master",
    default="local[*]",
    show_default=True,
    help="Spark master; under spark-submit use `python -m claimgraph.spark` instead.",
)
@click.option(
    "--partitions",
    type=click.IntRange(1, 100_000),
    help="Extraction tasks (default: 8 per core Spark has).",
)
@read_options()
@model_option
@spacy_entities_option
@quiet_option
@json_option
def command(
    paths: tuple[str, ...],
    output: str,
    master: str,
    partitions: int | None,
    read_format: str | None,
    plain: bool,
    mapping: tuple[str, ...],
    defaults: tuple[str, ...],
    delimiter: str | None,
    model: str | None,
    spacy_entities: bool,
    quiet: bool,
    as_json: bool,
) -> int:
    """Extract PATHS (JSONL, CSV, WARC, text, ... files, folders, globs) on Spark and write
    Parquet tables (articles, documents, entities, times, attributions, events,
    event_mentions, claims, errors) into DIR; `claimgraph load DIR --db FILE` puts them in
    a database. Needs `pip install 'claimgraph[spark]'` and Java 17.

    A file or record that cannot be read, or an article whose extraction fails, becomes a
    row of the errors table and the job goes on; the exit code is then 1.
    """
    from claimgraph.spark.job import JobSettings, run
    from claimgraph.spark.session import get_session

    options = build_read_options(read_format, plain, mapping, defaults, delimiter)
    spark = get_session(master=master, app_name="claimgraph spark-extract")
    try:
        report = run(
            spark,
            list(paths),
            output,
            options=options,
            settings=JobSettings(model=model, spacy_entities=spacy_entities, partitions=partitions),
        )
    finally:
        spark.stop()
    c = report.counts
    if as_json:
        print_json(report.to_dict())
    elif not quiet:
        click.echo(
            f"{output}: {c['articles']} articles ({c['duplicates']} duplicates left out), "
            f"{c['events']} events ({c['canonical_events']} canonical), {c['errors']} errors, "
            f"{c['skipped']} skipped, in {report.seconds:.1f} s"
        )
    return 1 if c["errors"] else 0
