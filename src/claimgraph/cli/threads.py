"""``claimgraph threads``: every claim thread, as ``claimgraph.thread/1`` JSON Lines or a table."""

from __future__ import annotations

import json

import click

from claimgraph.cli.options import db_option, existing_db, print_table
from claimgraph.store import Store

# Threads are read and written page by page so that a large database streams.
PAGE = 500


@click.command("threads")
@db_option
@click.option("--actor", metavar="CODE", help="Threads whose subject or object is CODE.")
@click.option("--about", metavar="TEXT", help="Threads with a claim containing all these words.")
@click.option(
    "--min-articles",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Only threads reported by at least this many articles.",
)
@click.option("--limit", type=click.IntRange(0), help="At most this many threads (default all).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
)
def command(
    db_path: str,
    actor: str | None,
    about: str | None,
    min_articles: int,
    limit: int | None,
    fmt: str,
) -> None:
    """List claim threads, most reported first."""
    wanted = limit if limit is not None else -1
    offset = 0
    rows: list[dict[str, object]] = []
    with Store(existing_db(db_path), readonly=True) as store:
        while wanted:
            page = store.threads(
                actor=actor.upper() if actor else None,
                about=about,
                min_articles=min_articles,
                limit=PAGE if wanted < 0 else min(PAGE, wanted),
                offset=offset,
            )
            if not page:
                break
            offset += len(page)
            wanted = wanted - len(page) if wanted > 0 else wanted
            if fmt == "jsonl":
                for thread in page:
                    click.echo(json.dumps(thread, ensure_ascii=False))
            else:
                rows.extend(
                    {
                        "id": t["id"],
                        "articles": len(t["articles"]),
                        "first_seen": t["first_seen"],
                        "last_seen": t["last_seen"],
                        "balance": " ".join(f"{k}:{v}" for k, v in t["balance"].items()),
                        "claim": t["claim"],
                    }
                    for t in page
                )
    if fmt == "table":
        print_table(
            rows,
            [
                ("id", "id", 16),
                ("articles", "articles", 8),
                ("first_seen", "first", 10),
                ("last_seen", "last", 10),
                ("balance", "balance", 24),
                ("claim", "claim", 70),
            ],
        )
