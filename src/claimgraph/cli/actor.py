"""``claimgraph actor CODE``: what an actor asserts, denies, and is accused of."""

from __future__ import annotations

import click

from claimgraph.cli.claims import holders_text
from claimgraph.cli.options import db_option, existing_db, json_option, print_json, print_table
from claimgraph.store import Store

SECTIONS = (
    ("asserts", "asserts"),
    ("denies", "denies"),
    ("doubts", "doubts"),
    ("requests", "requests"),
    ("accused_of", "is accused of"),
)


@click.command("actor")
@click.argument("code")
@db_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 500))
@json_option
def command(code: str, db_path: str, limit: int, as_json: bool) -> None:
    """Show actor CODE (e.g. IRN): its claims by stance and its event counts."""
    with Store(existing_db(db_path), readonly=True) as store:
        profile = store.actor_profile(code.upper(), limit=limit)
    if as_json:
        print_json(profile)
        return
    click.echo(
        f"{profile['code']} {profile['name'] or ''}: in {profile['events_as_actor']} events as "
        f"actor, {profile['events_as_recipient']} as recipient"
    )
    for key, title in SECTIONS:
        rows = profile[key]
        if not rows:
            continue
        click.echo(f"\n{title} ({len(rows)}{'+' if len(rows) == limit else ''}):")
        print_table(
            [{**r, "who": holders_text(r["holders"])} for r in rows],
            [
                ("published", "published", 10),
                ("who", "holders", 30),
                ("text", "claim", 80),
            ],
        )
