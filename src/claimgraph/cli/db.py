"""``claimgraph db check``: verify the database file."""

from __future__ import annotations

import click

from claimgraph.cli.options import db_option, existing_db, json_option, print_json
from claimgraph.store import Store


@click.group("db")
def command() -> None:
    """Database maintenance."""


@command.command("check")
@db_option
@click.option("--fast", is_flag=True, help="Skip re-hashing every article's text.")
@json_option
def check(db_path: str, fast: bool, as_json: bool) -> int:
    """Integrity, foreign keys, migrations, full-text index, versions and ids.

    Exit code 0 when clean, 1 when a problem is found.
    """
    # Writable (SQLite's FTS5 integrity check is an INSERT command) but never migrated.
    with Store(existing_db(db_path), migrate=False) as store:
        findings = store.check(verify_ids=not fast)
    problems = [f for f in findings if f.problem]
    if as_json:
        print_json({"ok": not problems, "findings": [f._asdict() for f in findings]})
    else:
        for finding in findings:
            click.echo(
                f"{'PROBLEM' if finding.problem else 'note'} [{finding.check}] {finding.message}"
            )
        click.echo(f"{db_path}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0
