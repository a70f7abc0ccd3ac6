"""``claimgraph serve``: the HTTP API and web UI over a database (``docs/web.md``)."""

from __future__ import annotations

import click

from claimgraph.cli.options import db_option, existing_db

DEFAULT_HOST = "127.0.0.1"  # loopback: nothing is exposed unless --host says so
DEFAULT_PORT = 8000


@click.command("serve")
@db_option
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Interface to bind.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--writable",
    is_flag=True,
    help="Open the database writable (migrating it if needed); read-only by default.",
)
def command(db_path: str, host: str, port: int, writable: bool) -> None:
    """Serve DB as a JSON API (/api, OpenAPI at /api/openapi.json) and web pages."""
    import uvicorn

    from claimgraph.web import create_app

    app = create_app(existing_db(db_path), readonly=not writable)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"claimgraph serving {db_path} at http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
