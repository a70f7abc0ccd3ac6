"""``claimgraph ingest PATH... --db FILE``: read articles into the store."""

from __future__ import annotations

from collections import Counter

import click
from tqdm import tqdm

from claimgraph.cli.options import (
    build_read_options,
    db_option,
    json_option,
    model_option,
    print_json,
    quiet_option,
    read_options,
    spacy_entities_option,
    workers_option,
)
from claimgraph.ingest import IngestReport
from claimgraph.ingest import ingest as ingest_paths
from claimgraph.model import Article, Rejection
from claimgraph.store import Store

MAX_LISTED_PROBLEMS = 20


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@read_options()
@click.option("--no-extract", is_flag=True, help="Store the articles only; skip the NLP layers.")
@model_option
@workers_option
@spacy_entities_option
@quiet_option
@json_option
def command(
    paths: tuple[str, ...],
    db_path: str,
    read_format: str | None,
    plain: bool,
    mapping: tuple[str, ...],
    defaults: tuple[str, ...],
    delimiter: str | None,
    no_extract: bool,
    model: str | None,
    workers: int,
    spacy_entities: bool,
    quiet: bool,
    as_json: bool,
) -> int:
    """Read PATHS (files, folders, globs, archives, or - for stdin) into the database, with
    what the NLP layers find in each article (unless --no-extract).

    Re-ingesting the same text adds nothing; new text at a stored URL becomes a new version.
    Every unreadable file or record is reported and stored in the ingest_errors table; the
    rest of the batch goes on, and the exit code is 1 if anything failed.
    """
    options = build_read_options(read_format, plain, mapping, defaults, delimiter)
    extractor = None
    if not no_extract:
        from claimgraph.parallel import make_extractor

        extractor = make_extractor(workers, model=model, spacy_entities=spacy_entities)
    with Store(db_path) as store:
        bar = tqdm(
            desc="ingest",
            unit=" items",
            disable=True if quiet or as_json else None,
            dynamic_ncols=True,
            leave=False,
        )

        def progress(item: Article | Rejection) -> None:
            bar.update(1)

        try:
            report = ingest_paths(
                list(paths), store, options, progress=progress, extractor=extractor
            )
        finally:
            bar.close()
            if extractor is not None:
                extractor.close()
    if as_json:
        print_json(report.to_dict())
    elif not quiet or report.errors:
        _print_summary(report, db_path, quiet=quiet)
    return 1 if report.errors else 0


def _print_summary(report: IngestReport, db_path: str, *, quiet: bool) -> None:
    c = report.counts
    errors = [r for r in report.rejections if r.is_error]
    if errors:
        click.echo(f"{len(errors)} problem(s):", err=True)
        for rejection in errors[:MAX_LISTED_PROBLEMS]:
            click.echo(f"  {rejection}", err=True)
        if c["errors"] > MAX_LISTED_PROBLEMS:
            click.echo(
                f"  ... and {c['errors'] - MAX_LISTED_PROBLEMS} more (table ingest_errors, run {report.run_id})",
                err=True,
            )
    if quiet:
        return
    skipped = Counter(r.reason for r in report.rejections if not r.is_error)
    click.echo(
        f"{db_path}: read {c['read']} articles: {c['added']} added, {c['versions']} new versions, "
        f"{c['duplicates']} already stored; {c['skipped']} skipped, {c['errors']} errors (run {report.run_id})"
    )
    for reason, n in skipped.most_common(3):
        click.echo(f"  skipped {n}: {reason}")
