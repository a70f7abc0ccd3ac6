"""``claimgraph stats``: what the database holds."""

from __future__ import annotations

import click

from claimgraph.cli.options import db_option, existing_db, json_option, print_json, print_table
from claimgraph.store import Store

MAX_OUTLETS_SHOWN = 15


@click.command("stats")
@db_option
@json_option
def command(db_path: str, as_json: bool) -> None:
    """Counts of articles, outlets, dates, ingest runs and errors."""
    with Store(existing_db(db_path), readonly=True) as store:
        data = store.stats()
    if as_json:
        print_json(data)
        return
    dates = (
        f", published {data['first_published']} .. {data['last_published']}"
        if data["first_published"]
        else ""
    )
    click.echo(
        f"{db_path}: {data['articles']:,} articles from {data['outlets']} outlet{'' if data['outlets'] == 1 else 's'}{dates}"
    )
    click.echo(
        f"  {data['later_versions']} later versions, {data['characters']:,} characters of text, "
        f"{data['ingest_runs']} ingest runs ({data['interrupted_runs']} interrupted), "
        f"{data['ingest_errors']} input errors, {data['ingest_skips']} skipped"
    )
    extracted = {k: v for k, v in data["tables"].items() if v}
    if extracted:
        click.echo("  extracted: " + ", ".join(f"{v:,} {k}" for k, v in extracted.items()))
    click.echo()
    print_table(
        data["by_outlet"][:MAX_OUTLETS_SHOWN],
        [
            ("outlet", "outlet", 40),
            ("articles", "articles", 9),
            ("first", "first", 17),
            ("last", "last", 17),
        ],
    )
    if len(data["by_outlet"]) > MAX_OUTLETS_SHOWN:
        click.echo(f"... and {len(data['by_outlet']) - MAX_OUTLETS_SHOWN} more outlets")
