"""Parquet part files written by the extraction tasks themselves (pyarrow), not by Spark.

The per-article tables (``articles``, ``documents``, ``entities``, ``times``,
``attributions``) need nothing from other articles, so each extraction task writes its own
part of each of them as it goes. Sending them through Spark instead meant pickling every
article's text twice (the row and the document JSON) into the JVM, caching it, and reading
the cache back once per table: on 1,000 articles the table writes cost a seventh of the
job (``docs/scaling.md``). Only the rows that need other articles (events, mentions, claims,
errors) still go to Spark.

Layout: ``<output>/<table>/part-NNNNN.parquet``, ``NNNNN`` the extraction partition's index.
Partitions are ranges of input order, so the part files, read in name order, give the rows
in input order (what ``claimgraph load`` reads ``documents`` in). A task writes a part under
a temporary name and renames it when whole: a retried or speculative attempt replaces a
part with the same rows, and a failed one leaves no part behind. The driver clears the
folders before the job and marks each with ``_SUCCESS`` after it, as Spark does.

The output is any path or URI ``pyarrow.fs.FileSystem.from_uri`` opens (a local or mounted
path, ``file://``, ``hdfs://``, ``s3://``, ``gs://``); Hadoop-only schemes such as
``s3a://`` are refused by :func:`output_filesystem` before the job starts.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.errors import InputError
from claimgraph.spark.tables import Columns, Row

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyarrow import fs as pafs

SUCCESS_MARKER = "_SUCCESS"
PART_NAME = "part-{index:05d}.parquet"
COMPRESSION = "snappy"  # Spark's default for Parquet: the same files either way
# Articles buffered before their rows go out as one row group: bounded memory per task
# however large the partition, and row groups large enough to read efficiently.
ROW_GROUP_ARTICLES = 256

# Spark SQL types of claimgraph.spark.tables as Arrow types (the only ones those tables use).
_SCALARS = {"STRING": "string", "BIGINT": "int64", "DOUBLE": "float64", "BOOLEAN": "bool_"}


def arrow_type(kind: str) -> pa.DataType:
    """The Arrow type of one Spark SQL type string from the table definitions."""
    import pyarrow as pa

    if kind in _SCALARS:
        return getattr(pa, _SCALARS[kind])()
    if kind.startswith("ARRAY<") and kind.endswith(">"):
        return pa.list_(arrow_type(kind[len("ARRAY<") : -1]))
    if kind.startswith("STRUCT<") and kind.endswith(">"):
        fields = []
        for member in _top_level(kind[len("STRUCT<") : -1]):
            name, _, member_kind = member.partition(":")
            fields.append(pa.field(name.strip().strip("`"), arrow_type(member_kind.strip())))
        return pa.struct(fields)
    raise ValueError(f"no Arrow type for the Spark type {kind!r}")


def _top_level(members: str) -> list[str]:
    """``"`a`: STRING, `b`: ARRAY<STRING>"`` split at the commas outside any ``<...>``."""
    out, depth, start = [], 0, 0
    for i, char in enumerate(members):
        if char == "<":
            depth += 1
        elif char == ">":
            depth -= 1
        elif char == "," and depth == 0:
            out.append(members[start:i])
            start = i + 1
    out.append(members[start:])
    return [m.strip() for m in out if m.strip()]


def arrow_schema(columns: Columns) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([pa.field(name, arrow_type(kind)) for name, kind in columns])


def resolve_output(output: str) -> str:
    """The output as a URI both Spark and pyarrow read the same way: a bare path becomes a
    ``file://`` URI (on a cluster a bare path would mean HDFS to Spark and the local disk to
    pyarrow)."""
    if "://" in output:
        return output
    return Path(output).resolve().as_uri()


def output_filesystem(output: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem and root path of an output URI, or :class:`InputError` when pyarrow
    cannot write there."""
    import pyarrow as pa
    from pyarrow import fs as pafs

    try:
        return pafs.FileSystem.from_uri(resolve_output(output))  # type: ignore[no-any-return]
    except pa.ArrowInvalid as exc:
        raise InputError(output, f"cannot write the tables there: {exc}") from None


def _table_dir(root: str, table: str) -> str:
    return f"{root.rstrip('/')}/{table}"


def prepare(output: str, tables: Sequence[str]) -> None:
    """Driver, before the job: empty (or create) each table's folder, as an overwrite."""
    filesystem, root = output_filesystem(output)
    for table in tables:
        path = _table_dir(root, table)
        filesystem.create_dir(path, recursive=True)
        filesystem.delete_dir_contents(path, missing_dir_ok=True)


def remove(output: str, folder: str) -> None:
    """Driver: delete a folder of the output and everything in it (the staged tables)."""
    from pyarrow.fs import FileType

    filesystem, root = output_filesystem(output)
    path = _table_dir(root, folder)
    if filesystem.get_file_info(path).type != FileType.NotFound:
        filesystem.delete_dir(path)


def mark_done(output: str, tables: Sequence[str]) -> None:
    """Driver, after the job: every part of these tables is written."""
    filesystem, root = output_filesystem(output)
    for table in tables:
        with filesystem.open_output_stream(f"{_table_dir(root, table)}/{SUCCESS_MARKER}"):
            pass


class PartWriter:
    """Executor: one extraction partition's part file of each table. Rows are buffered per
    article and written as row groups; :meth:`close` writes what is left (an empty part
    when the partition had no articles, so every table has a schema to read) and renames
    each part into place; :meth:`abort` removes the temporary files."""

    def __init__(
        self,
        output: str,
        index: int,
        columns: Mapping[str, Columns],
        folders: Mapping[str, str] | None = None,
    ) -> None:
        """``columns`` by table; ``folders`` says where a table's parts go under ``output``
        when not in the folder of its name."""
        self.filesystem, root = output_filesystem(output)
        self.schemas = {table: arrow_schema(cols) for table, cols in columns.items()}
        name = PART_NAME.format(index=index)
        attempt = uuid.uuid4().hex
        where = {table: _table_dir(root, (folders or {}).get(table, table)) for table in columns}
        self.paths = {
            table: (f"{folder}/.{name}.{attempt}.tmp", f"{folder}/{name}")
            for table, folder in where.items()
        }
        self.buffer: dict[str, list[Row]] = {table: [] for table in columns}
        self.buffered = 0
        self.writers: dict[str, pq.ParquetWriter] = {}

    def add(self, rows: Mapping[str, list[Row]]) -> None:
        """One article's (or one error's) rows, by table."""
        for table, table_rows in rows.items():
            self.buffer[table].extend(table_rows)
        self.buffered += 1
        if self.buffered >= ROW_GROUP_ARTICLES:
            self._flush()

    def _writer(self, table: str) -> pq.ParquetWriter:
        import pyarrow.parquet as pq

        if table not in self.writers:
            self.writers[table] = pq.ParquetWriter(
                self.paths[table][0],
                self.schemas[table],
                filesystem=self.filesystem,
                compression=COMPRESSION,
            )
        return self.writers[table]

    def _flush(self) -> None:
        import pyarrow as pa

        for table, rows in self.buffer.items():
            if not rows:
                continue
            schema = self.schemas[table]
            columns = zip(*rows, strict=True)
            data = pa.Table.from_arrays(
                [pa.array(v, type=f.type) for v, f in zip(columns, schema, strict=True)],
                schema=schema,
            )
            self._writer(table).write_table(data)
            rows.clear()
        self.buffered = 0

    def close(self) -> None:
        self._flush()
        for table in self.paths:
            self._writer(table).close()  # a part with no rows still carries the schema
            temporary, final = self.paths[table]
            self.filesystem.move(temporary, final)
        self.writers = {}

    def abort(self) -> None:
        from pyarrow.fs import FileType

        for writer in self.writers.values():
            writer.close()
        for temporary, _final in self.paths.values():
            if self.filesystem.get_file_info(temporary).type != FileType.NotFound:
                self.filesystem.delete_file(temporary)
        self.writers = {}
