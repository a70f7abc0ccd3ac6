"""``claimgraph articles``: list stored articles by outlet, date range and full-text query."""

from __future__ import annotations

import click

from claimgraph.cli.options import (
    db_option,
    existing_db,
    iso_date,
    json_option,
    print_json,
    print_table,
)
from claimgraph.store import ArticleFilter, Store


@click.command("articles")
@db_option
@click.option("--outlet", help="Only this outlet (case-insensitive).")
@click.option(
    "--since", metavar="DATE", callback=iso_date, help="Published on or after DATE (YYYY-MM-DD)."
)
@click.option(
    "--until", metavar="DATE", callback=iso_date, help="Published on or before DATE (YYYY-MM-DD)."
)
@click.option(
    "-q",
    "--query",
    help='Full-text search in title and text: words, "phrases", OR, NOT, prefix*.',
)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@json_option
def command(
    db_path: str,
    outlet: str | None,
    since: str | None,
    until: str | None,
    query: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List articles, newest first (best match first with --query)."""
    flt = ArticleFilter(
        outlet=outlet, since=since, until=until, query=query, limit=limit, offset=offset
    )
    with Store(existing_db(db_path), readonly=True) as store:
        rows = store.articles(flt)
    if as_json:
        print_json(rows)
        return
    columns = [
        ("id", "id", 16),
        ("published", "published", 17),
        ("outlet", "outlet", 24),
        ("title", "title", 70),
    ]
    if query:
        columns.append(("snippet", "match", 60))
    print_table(rows, columns)
