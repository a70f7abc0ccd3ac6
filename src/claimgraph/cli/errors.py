"""Library errors to one clear line on stderr and a documented exit code."""

from __future__ import annotations

import click

from claimgraph.errors import ClaimgraphError, FieldMappingError, InputError, NotFoundError, StoreError

EXIT_CODES: tuple[tuple[type[ClaimgraphError], int], ...] = (
    (NotFoundError, 3),
    (StoreError, 4),
    (FieldMappingError, 2),
    (InputError, 1),
    (ClaimgraphError, 1),
)


def exit_code_for(error: ClaimgraphError) -> int:
    for kind, code in EXIT_CODES:
        if isinstance(error, kind):
            return code
    return 1


def run_cli(group: click.Group) -> int:
    """Run the group; a :class:`ClaimgraphError` becomes ``claimgraph: error: ...``."""
    try:
        result = group.main(standalone_mode=False)
    except ClaimgraphError as exc:
        click.echo(f"claimgraph: error: {exc}", err=True)
        return exit_code_for(exc)
    except click.exceptions.Abort:
        click.echo("claimgraph: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    return result if isinstance(result, int) else 0
