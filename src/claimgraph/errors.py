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
