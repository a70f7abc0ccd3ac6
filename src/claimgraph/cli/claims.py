"""``claimgraph claims``: claims by actor, words and date, with who holds them."""

from __future__ import annotations

from typing import Any

import click

from claimgraph.cli.options import (
    db_option,
    existing_db,
    iso_date,
    json_option,
    print_json,
    print_table,
)
from claimgraph.store import Store


def holders_text(holders: list[dict[str, Any]]) -> str:
    """``RUS deny, IRN deny``: who takes which stance, compactly."""
    return ", ".join(
        f"{h['actor'].get('code') or h['actor'].get('name')} {h['stance']}" for h in holders
    )


@click.command("claims")
@db_option
@click.option("--actor", metavar="CODE", help="Actor code as subject, object or holder (IRN).")
@click.option("--about", metavar="TEXT", help="Words that must all occur in the claim.")
@click.option("--since", metavar="DATE", callback=iso_date, help="Published on or after DATE.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@json_option
def command(
    db_path: str,
    actor: str | None,
    about: str | None,
    since: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List claims, newest first, with their holders' stances and thread ids."""
    with Store(existing_db(db_path), readonly=True) as store:
        rows = store.claims(
            actor=actor.upper() if actor else None,
            about=about,
            since=since,
            limit=limit,
            offset=offset,
        )
    if as_json:
        print_json(rows)
        return
    table = [
        {
            **r,
            "who": holders_text(r["holders"]),
            "signature": " ".join(
                x
                for x in (
                    (r["subject"] or {}).get("code"),
                    r["predicate"],
                    (r["object"] or {}).get("code"),
                )
                if x
            ),
        }
        for r in rows
    ]
    print_table(
        table,
        [
            ("published", "published", 10),
            ("thread_id", "thread", 16),
            ("signature", "proposition", 24),
            ("who", "holders", 30),
            ("evidence", "evidence", 14),
            ("text", "claim", 60),
        ],
    )
