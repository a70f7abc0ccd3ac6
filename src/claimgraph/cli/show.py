"""``claimgraph show ID``: one stored article, with its metadata and text."""

from __future__ import annotations

import click

from claimgraph.cli.options import db_option, existing_db, json_option, print_json
from claimgraph.store import Store


@click.command("show")
@click.argument("article_id")
@db_option
@json_option
def command(article_id: str, db_path: str, as_json: bool) -> None:
    """Show the article whose id is (or starts with) ARTICLE_ID."""
    with Store(existing_db(db_path), readonly=True) as store:
        stored = store.get_article(article_id)
    if as_json:
        print_json(stored.to_dict())
        return
    a = stored.article
    fields = [
        ("id", a.id),
        ("title", a.title),
        ("outlet", a.outlet),
        ("published", a.published),
        ("byline", a.byline),
        ("dateline", _dateline(stored.to_dict()["dateline"])),
        ("url", a.url),
        ("source", f"{a.source_path}" + (f" (record {a.source_record})" if a.source_record else "") + (f" at offset {a.body_offset}" if a.body_offset else "")),
        ("language", a.language),
        ("encoding", a.encoding),
        ("version", f"{stored.version}" + (f", supersedes {stored.supersedes}" if stored.supersedes else "") + (f", superseded by {stored.superseded_by}" if stored.superseded_by else "")),
    ]
    for name, value in fields:
        if value:
            click.echo(f"{name:>10}: {value}")
    click.echo()
    click.echo(a.text)


def _dateline(data: dict[str, object] | None) -> str | None:
    if not data:
        return None
    credits = data.get("credits") or []
    parts = [str(data.get("place") or "")]
    if credits or data.get("date"):
        parts.append(f"({' / '.join(map(str, credits))}{' - ' + str(data['date']) if data.get('date') else ''})")
    return " ".join(p for p in parts if p)
