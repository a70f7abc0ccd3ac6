"""``claimgraph show ID``: one stored article: metadata, text, and who says what in it."""

from __future__ import annotations

from typing import Any

import click

from claimgraph.cli.options import db_option, existing_db, json_option, print_json
from claimgraph.model import Dateline
from claimgraph.store import Store, StoredArticle


@click.command("show")
@click.argument("article_id")
@db_option
@json_option
def command(article_id: str, db_path: str, as_json: bool) -> None:
    """Show the article whose id is (or starts with) ARTICLE_ID."""
    with Store(existing_db(db_path), readonly=True) as store:
        stored = store.get_article(article_id)
        found = store.extraction(stored.article.id)
        events = store.events(stored.article.id)
    if as_json:
        print_json({**stored.to_dict(), **found, "events": events})
        return
    a = stored.article
    fields = [
        ("id", a.id),
        ("title", a.title),
        ("outlet", a.outlet),
        ("published", a.published),
        ("byline", a.byline),
        ("dateline", _dateline(a.dateline)),
        ("url", a.url),
        ("source", _source(stored)),
        ("language", a.language),
        ("encoding", a.encoding),
        ("version", _version(stored)),
    ]
    for name, value in fields:
        if value:
            click.echo(f"{name:>10}: {value}")
    click.echo()
    click.echo(a.text)
    if found["attributions"]:
        click.echo("\nWho says what:")
        for attribution in found["attributions"]:
            click.echo("  " + _attribution_line(attribution))
    if events:
        click.echo("\nEvents:")
        for event in events:
            click.echo("  " + _event_line(event))


MAX_CONTENT_CHARS = 90


def _actor(obj: dict[str, Any] | None) -> str:
    return f" [{obj['code']}{'/' + obj['sector'] if obj.get('sector') else ''}]" if obj else ""


def _attribution_line(a: dict[str, Any]) -> str:
    source = a["source"]
    who = f"{source['text']}{_actor(source.get('actor'))}" if source else "(no source)"
    content = (a["content"] or {}).get("text") or ""
    if len(content) > MAX_CONTENT_CHARS:
        content = content[: MAX_CONTENT_CHARS - 1] + "…"
    cites = f" (cites {', '.join(a['cites'])})" if a["cites"] else ""
    when = f" @{a['time']['value']}" if a.get("time") and a["time"].get("value") else ""
    return f"{a['id']} {a['stance']:<8} {who} — {a['cue']['text']}{when}: {content!r}{cites}"


def _event_line(e: dict[str, Any]) -> str:
    actors = "+".join(p["code"] or "?" for p in e["actor"]) or "?"
    recipients = "+".join(p["code"] or "?" for p in e["recipient"])
    flags = [name for name, on in (e.get("flags") or {}).items() if on]
    date = f" {e['date']}" if e.get("date") else ""
    return f"{e['id']} {e['type']} ({e['cameo']}) {actors}{' → ' + recipients if recipients else ''}{date} “{e['trigger']['text']}”{' [' + ', '.join(flags) + ']' if flags else ''}"


def _dateline(dateline: Dateline | None) -> str | None:
    """``MOSCOW (UrduPoint News / Sputnik - 2022-11-22)``."""
    if dateline is None:
        return None
    parts = [dateline.place or ""]
    if dateline.credits or dateline.date:
        date = f" - {dateline.date}" if dateline.date else ""
        parts.append(f"({' / '.join(dateline.credits)}{date})")
    return " ".join(p for p in parts if p) or None


def _source(stored: StoredArticle) -> str | None:
    a = stored.article
    if a.source_path is None:
        return None
    record = f" (record {a.source_record})" if a.source_record is not None else ""
    offset = f" at offset {a.body_offset}" if a.body_offset else ""
    return f"{a.source_path}{record}{offset}"


def _version(stored: StoredArticle) -> str:
    text = str(stored.version)
    if stored.supersedes:
        text += f", supersedes {stored.supersedes}"
    if stored.superseded_by:
        text += f", superseded by {stored.superseded_by}"
    return text
