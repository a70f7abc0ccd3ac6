"""Named exceptions. The library raises these; the CLI turns each into one clear message.

Every error carries a stable code (``E1xx`` input, ``E2xx`` store, ``E3xx`` usage) so that
messages can be looked up in ``docs/errors.md`` and matched by tools.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base class of every error claimgraph raises on purpose."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(ClaimgraphError):
    """A file or record that cannot be read as an article.

    ``path`` names the file (or archive member), ``record`` the line, row or record number
    within it when there is one, ``reason`` says what is wrong.
    """

    code = "E100"

    def __init__(self, path: str, reason: str, *, record: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.record = record
        where = path if record is None else f"{path}:{record}"
        super().__init__(f"{where}: {reason}")


class BinaryInputError(InputError):
    """The bytes look like a binary file, not text."""

    code = "E101"


class UnknownFormatError(InputError):
    """No reader is registered for the file's suffix and no ``--format`` was given."""

    code = "E102"


class FieldMappingError(ClaimgraphError):
    """A ``--map`` option names an unknown field or is malformed."""

    code = "E301"


class StoreError(ClaimgraphError):
    """The SQLite store cannot be opened, migrated or written."""

    code = "E200"


class NotFoundError(StoreError):
    """No stored row has the requested id."""

    code = "E201"


class MigrationError(StoreError):
    """The database was made by a newer claimgraph, or a migration failed."""

    code = "E202"


class ModelError(ClaimgraphError):
    """A spaCy pipeline or a shipped model cannot be loaded."""

    code = "E400"


# Store errors raised while serving (E203-E204)


class QueryTimeoutError(StoreError):
    """A query ran longer than the server's time budget and was aborted."""

    code = "E203"


class ServerBusyError(StoreError):
    """Every database connection stayed busy for longer than the server waits for one."""

    code = "E204"


# Usage errors of the HTTP API (E320-E322) and of exports (E310)


class InvalidRequestError(ClaimgraphError):
    """A query parameter or path segment is not valid."""

    code = "E320"


class RequestTooLargeError(ClaimgraphError):
    """The request body or query string is larger than the server accepts."""

    code = "E321"


class ExportFormatError(InvalidRequestError):
    """An export format outside the fixed set."""

    code = "E322"


class ExportPathError(ClaimgraphError):
    """The output path cannot be written (missing folder, not a directory, outside it)."""

    code = "E310"


# Optional parts that are not installed (E410-E411)


class MissingDependencyError(ClaimgraphError):
    """An optional package an export needs is not installed."""

    code = "E410"


class SparkUnavailableError(ClaimgraphError):
    """pyspark (the ``spark`` extra) or the Java runtime Spark needs is not installed."""

    code = "E411"
