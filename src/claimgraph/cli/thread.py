"""``claimgraph thread ID``: one claim thread's timeline, or its ``claimgraph.thread/1`` object."""

from __future__ import annotations

import click

from claimgraph.claims.article_stance import annotate_thread
from claimgraph.cli.options import db_option, existing_db, print_json, print_table
from claimgraph.store import Store


@click.command("thread")
@click.argument("thread_id")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--article-stance",
    is_flag=True,
    help="Also classify each article's stance toward the claim (for, against, observing, "
    "unrelated) with the shipped stance model.",
)
def command(thread_id: str, db_path: str, fmt: str, article_stance: bool) -> None:
    """Show thread THREAD_ID: who asserted or denied the claim, when, and where."""
    with Store(existing_db(db_path), readonly=True) as store:
        thread = store.thread(thread_id)
        if article_stance:
            thread = annotate_thread(thread, lambda aid: store.get_article(aid).article.text)
    if fmt == "json":
        print_json(thread)
        return
    click.echo(f"thread {thread['id']}: {thread['claim']}")
    signature = " ".join(
        str(x)
        for x in (
            (thread["subject"] or {}).get("code"),
            thread["predicate"],
            (thread["object"] or {}).get("code"),
        )
        if x
    )
    click.echo(f"proposition: {signature}; terms: {', '.join(thread['terms'])}")
    click.echo(f"seen {thread['first_seen']} to {thread['last_seen']}; balance {thread['balance']}")
    rows = [
        {
            "published": a["published"],
            "outlet": a["outlet"],
            "holder": h["actor"].get("code") or h["actor"].get("name"),
            "stance": h["stance"],
            "article": a["article_id"],
            "article_stance": a.get("article_stance"),
        }
        for a in thread["articles"]
        for h in a["holders"] or [{"actor": {}, "stance": ""}]
    ]
    print_table(
        rows,
        [
            ("published", "published", 17),
            ("outlet", "outlet", 24),
            ("holder", "holder", 24),
            ("stance", "stance", 8),
            ("article", "article", 16),
            *([("article_stance", "article stance", 10)] if article_stance else []),
        ],
    )
