"""The ``claimgraph`` command: a thin layer over the library, one module per command.

Exit codes (also in ``docs/cli.md``):

====  =========================================================================
 0    success
 1    finished, but some input could not be read, or ``db check`` found problems
 2    usage error (bad option or argument)
 3    not found (no article with that id)
 4    database error (cannot open, migrate or write the store)
====  =========================================================================
"""

from __future__ import annotations

import sys

import click

from claimgraph import __version__

# One module per command; add a new one on its own line here and in COMMANDS.
from claimgraph.cli import (
    actor,
    articles,
    claims,
    db,
    export,
    extract,
    ingest,
    load,
    serve,
    show,
    spark_extract,
    stance,
    stats,
    thread,
    threads,
)
from claimgraph.cli.errors import run_cli

EXIT_OK = 0
EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_STORE = 4


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="claimgraph")
def cli() -> None:
    """claimgraph: who claims what about whom, on whose authority, and when.

    Exit codes: 0 ok, 1 some input failed (or db check found problems), 2 usage error,
    3 not found, 4 database error.
    """


COMMANDS = (
    ingest,
    extract,
    articles,
    show,
    stats,
    db,
    export,
    spark_extract,
    load,
    claims,
    threads,
    thread,
    actor,
    serve,
    stance,
)

for module in COMMANDS:
    cli.add_command(module.command)


def main() -> None:
    sys.exit(run_cli(cli))
