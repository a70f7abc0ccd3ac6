"""``claimgraph extract PATH...``: contract documents (``claimgraph.document/1``) to stdout."""

from __future__ import annotations

import json
from collections.abc import Iterator

import click
from tqdm import tqdm

from claimgraph.cli.options import (
    build_read_options,
    model_option,
    quiet_option,
    read_options,
    spacy_entities_option,
    workers_option,
)
from claimgraph.dates import parse_published
from claimgraph.errors import FieldMappingError
from claimgraph.model import Article, Rejection
from claimgraph.readers import read

OUTPUT_FORMATS = ("jsonl", "json", "pretty")


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: one document per line; json: one array; pretty: indented documents.",
)
@click.option(
    "--published",
    metavar="DATE",
    help="Publication date for articles that give none (anchors relative times).",
)
@read_options(format_flag="--input-format")
@model_option
@workers_option
@spacy_entities_option
@quiet_option
def command(
    paths: tuple[str, ...],
    output_format: str,
    published: str | None,
    read_format: str | None,
    plain: bool,
    mapping: tuple[str, ...],
    defaults: tuple[str, ...],
    delimiter: str | None,
    model: str | None,
    workers: int,
    spacy_entities: bool,
    quiet: bool,
) -> int:
    """Extract actors, times and attributions from PATHS and print contract documents.

    Problems with inputs are reported on stderr; the rest goes on (exit code 1 if any).
    """
    if published is not None and parse_published(published) is None:
        raise FieldMappingError(f"--published {published!r} is not a date (use YYYY-MM-DD)")
    default_set = (f"published={published}",) if published else ()
    options = build_read_options(read_format, plain, mapping, default_set + defaults, delimiter)
    from claimgraph.parallel import make_extractor

    extractor = make_extractor(workers, model=model, spacy_entities=spacy_entities)
    problems = 0

    def articles() -> Iterator[Article]:
        nonlocal problems
        for item in read(list(paths), options):
            if isinstance(item, Rejection):
                if item.is_error:
                    problems += 1
                    click.echo(f"claimgraph: {item}", err=True)
                continue
            yield item

    bar = tqdm(desc="extract", unit=" articles", disable=True if quiet else None, leave=False)
    first = True
    if output_format == "json":
        click.echo("[")
    for document in extractor.extract_many(articles()):
        bar.update(1)
        if output_format == "jsonl":
            click.echo(json.dumps(document, ensure_ascii=False))
        elif output_format == "json":
            click.echo(
                ("" if first else ",\n") + json.dumps(document, ensure_ascii=False), nl=False
            )
        else:
            click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        first = False
    bar.close()
    extractor.close()
    if output_format == "json":
        click.echo("\n]")
    return 1 if problems else 0
