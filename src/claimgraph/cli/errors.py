"""Library errors to one clear line on stderr and a documented exit code."""

from __future__ import annotations

from collections.abc import Sequence

import click

from claimgraph.errors import (
    ClaimgraphError,
    FieldMappingError,
    InputError,
    NotFoundError,
    StoreError,
)

EXIT_CODES: tuple[tuple[type[ClaimgraphError], int], ...] = (
    (NotFoundError, 3),
    (StoreError, 4),
    (FieldMappingError, 2),
    (InputError, 1),
    (ClaimgraphError, 1),
)
EXIT_ABORTED = 130  # like a shell's 128 + SIGINT


def exit_code_for(error: ClaimgraphError) -> int:
    for kind, code in EXIT_CODES:
        if isinstance(error, kind):
            return code
    return 1


def run_cli(group: click.Group, args: Sequence[str] | None = None) -> int:
    """Run the group (on ``args``, default ``sys.argv[1:]``) and return the exit code.

    A :class:`ClaimgraphError` becomes one line, ``claimgraph: error: ...``, on stderr.
    """
    try:
        result = group.main(
            args=list(args) if args is not None else None,
            prog_name="claimgraph",
            standalone_mode=False,
        )
    except ClaimgraphError as exc:
        click.echo(f"claimgraph: error: {exc}", err=True)
        return exit_code_for(exc)
    except click.exceptions.Abort:
        click.echo("claimgraph: aborted", err=True)
        return EXIT_ABORTED
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    return result if isinstance(result, int) else 0
