"""``claimgraph serve``: the HTTP API and web UI over a database (``docs/web.md``)."""

from __future__ import annotations

import contextlib
import os
import socket

import click

from claimgraph.cli.options import db_option, existing_db

DEFAULT_HOST = "127.0.0.1"  # loopback: nothing is exposed unless --host says so
DEFAULT_PORT = 8000
# Upper bound on --workers: each process holds its own connection pool and actor index.
MAX_WORKERS = 64
LOG_LEVEL = "warning"  # requests are not logged; start-up failures are


@click.command("serve")
@db_option
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Interface to bind.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--writable",
    is_flag=True,
    help="Open the database writable (migrating it if needed); read-only by default.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, MAX_WORKERS),
    help="Server processes (uvicorn workers); about one per CPU core for throughput.",
)
def command(db_path: str, host: str, port: int, writable: bool, workers: int) -> None:
    """Serve DB as a JSON API (/api, OpenAPI at /api/openapi.json) and web pages."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from claimgraph.store import Store
    from claimgraph.web import create_app
    from claimgraph.web.app import DB_ENV, FACTORY, WRITABLE_ENV

    path = existing_db(db_path)
    shown = f"[{host}]" if ":" in host else host
    where = f"http://{shown}:{port}/"
    if workers == 1:
        app = create_app(path, readonly=not writable)
        click.echo(f"claimgraph serving {db_path} at {where} (Ctrl-C to stop)", err=True)
        uvicorn.run(app, host=host, port=port, log_level=LOG_LEVEL, server_header=False)
        return
    # Several processes: uvicorn imports the app by name in each, so the database goes
    # through the environment. Opening it here first makes a missing or outdated file (or,
    # with --writable, a pending migration) fail once, before any worker starts.
    Store(path, readonly=not writable).close()
    os.environ[DB_ENV] = os.path.abspath(path)
    os.environ[WRITABLE_ENV] = "1" if writable else "0"
    click.echo(
        f"claimgraph serving {db_path} at {where} with {workers} workers (Ctrl-C to stop)",
        err=True,
    )
    config = uvicorn.Config(
        FACTORY,
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level=LOG_LEVEL,
        server_header=False,
    )
    # What uvicorn.run does for workers, plus one socket option. uvicorn binds the shared
    # socket as socket.socket(family) (protocol 0), which asyncio does not take for TCP, so
    # the connections it accepts keep Nagle's algorithm: on a kept-alive connection each
    # response's body then waits for the client's delayed ACK of its headers, about 40 ms
    # a request. Linux gives accepted sockets the listening socket's TCP_NODELAY.
    sock = config.bind_socket()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: the supervisor stops the workers
        Multiprocess(config, sockets=[sock]).run()
