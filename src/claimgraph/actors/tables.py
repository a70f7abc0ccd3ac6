"""Reading the actor tables: the packaged TSV files and a user's overlay files.

Every table is a UTF-8, tab-separated file: ``#`` lines are comments, the first other line is
the header, every later non-blank line is a row. List cells are separated by ``|``. A file's
table is named by a ``# table: NAME`` comment or, failing that, by its file name
(``people.tsv`` is an ``actors`` table). ``TABLES`` declares every table's columns; a file
may use any subset that includes the required ones, in any order.

Overlays (``merge``) follow the layering of packaged defaults and a partial user file: a user
row whose key matches a packaged row changes only the cells it fills (``-`` empties a cell, a
list cell starting with ``+`` adds to the packaged list); a row with a new key is added.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from claimgraph.actors.model import (
    CONFIDENCES,
    KINDS,
    SECTORS,
    STATE_AFFILIATIONS,
    ActorDataError,
)

Row = dict[str, str]

#: Where a row came from ("people.tsv:42"); kept in every row for error messages.
SOURCE = "_source"

#: Columns whose cells are lists.
LIST_COLUMNS = frozenset(
    {"aliases", "demonyms", "capitals", "guarded", "exact", "other_sectors", "offices", "country"}
)


@dataclass(frozen=True)
class TableSpec:
    """A table's columns, the ones every row needs, and the ones that identify a row."""

    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    key: tuple[str, ...]
    notes: str = ""


_ACTOR_COLUMNS = (
    "key", "kind", "code", "sector", "other_sectors", "name", "wikidata", "country",
    "aliases", "guarded", "exact", "state_affiliation", "typology", "office", "org", "cameo",
    "confidence", "notes",
)  # fmt: skip

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "states",
            (
                "code",
                "iso2",
                "wikidata",
                "name",
                "official_name",
                "un_status",
                "aliases",
                "demonyms",
                "capitals",
                "guarded",
                "exact",
                "notes",
            ),
            ("code", "name"),
            ("code",),
            "sovereign states",
        ),
        TableSpec("actors", _ACTOR_COLUMNS, ("key", "kind", "code", "name"), ("key",), "actors"),
        TableSpec(
            "terms",
            (
                "actor",
                "org",
                "office",
                "sector",
                "start",
                "end",
                "hos",
                "hog",
                "confidence",
                "notes",
            ),
            ("actor", "org", "start"),
            ("actor", "org", "office", "start"),
            "offices held, with dates",
        ),
        TableSpec(
            "memberships",
            ("group", "member", "start", "end", "confidence", "notes"),
            ("group", "member"),
            ("group", "member", "start"),
            "group and organization members",
        ),
        TableSpec(
            "roles",
            (
                "phrase",
                "sector",
                "other_sectors",
                "offices",
                "applies_to",
                "country",
                "label",
                "state_affiliation",
                "notes",
            ),
            ("phrase", "sector", "label"),
            ("phrase", "applies_to"),
            "role phrases",
        ),
        TableSpec("blocked", ("phrase", "notes"), ("phrase",), ("phrase",), "blocked phrases"),
    )
}

#: The packaged files, in the order their actors take precedence when two share an alias.
PACKAGED_FILES: tuple[tuple[str, str], ...] = (
    ("states.tsv", "states"),
    ("igos.tsv", "actors"),
    ("groups.tsv", "actors"),
    ("organizations.tsv", "actors"),
    ("outlets.tsv", "actors"),
    ("people.tsv", "actors"),
    ("terms.tsv", "terms"),
    ("memberships.tsv", "memberships"),
    ("roles.tsv", "roles"),
    ("blocked.tsv", "blocked"),
)

#: File names (without ``.tsv``) that name a table when there is no ``# table:`` comment.
_FILE_TABLES = {
    "states": "states",
    "actors": "actors",
    "igos": "actors",
    "groups": "actors",
    "organizations": "actors",
    "outlets": "actors",
    "people": "actors",
    "terms": "terms",
    "memberships": "memberships",
    "roles": "roles",
    "blocked": "blocked",
}

_DIRECTIVE = re.compile(r"^#\s*table\s*:\s*(\w+)\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _one_of(allowed: Iterable[str]) -> Callable[[str], str | None]:
    values = frozenset(allowed)

    def check(value: str) -> str | None:
        if value in values:
            return None
        return f"{value!r} is not one of {', '.join(sorted(values))}"

    return check


def _pattern(regex: str, what: str) -> Callable[[str], str | None]:
    compiled = re.compile(regex)

    def check(value: str) -> str | None:
        return None if compiled.fullmatch(value) else f"{value!r} is not {what}"

    return check


def _iso_date(value: str) -> str | None:
    if _ISO_DATE.match(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return None
    return f"{value!r} is not an ISO date (YYYY-MM-DD)"


def _each(check: Callable[[str], str | None]) -> Callable[[str], str | None]:
    def check_list(value: str) -> str | None:
        for item in split_list(value):
            problem = check(item)
            if problem:
                return problem
        return None

    return check_list


_SECTOR = _one_of(SECTORS)
_YES = _one_of({"y"})

#: Per table, per column: a check that returns what is wrong with a (non-empty) cell.
_CHECKS: dict[str, dict[str, Callable[[str], str | None]]] = {
    "states": {
        "code": _pattern(r"[A-Z]{3}", "an ISO 3166-1 alpha-3 code (three capital letters)"),
        "iso2": _pattern(r"[A-Z]{2}", "an ISO 3166-1 alpha-2 code"),
        "wikidata": _pattern(r"Q[1-9][0-9]*", "a Wikidata QID (Q123)"),
        "un_status": _one_of({"member", "observer", "none"}),
    },
    "actors": {
        "key": _pattern(r"[a-z0-9][a-z0-9+.-]*", "a key (lowercase letters, digits, - + .)"),
        "kind": _one_of(KINDS - {"state"}),
        "code": _pattern(r"[A-Z0-9+]{2,6}", "an actor code (2-6 capitals, digits or +)"),
        "sector": _SECTOR,
        "other_sectors": _each(_SECTOR),
        "wikidata": _pattern(r"Q[1-9][0-9]*", "a Wikidata QID (Q123)"),
        "country": _each(_pattern(r"[A-Z]{3}", "an ISO 3166-1 alpha-3 code")),
        "state_affiliation": _one_of(STATE_AFFILIATIONS),
        "typology": _one_of({"SC", "CaPu", "CaPr", "ISFM", "ISF", "ISM", "IP"}),
        "confidence": _one_of(CONFIDENCES),
    },
    "terms": {
        "sector": _SECTOR,
        "start": _iso_date,
        "end": _iso_date,
        "hos": _YES,
        "hog": _YES,
        "confidence": _one_of(CONFIDENCES),
    },
    "memberships": {"start": _iso_date, "end": _iso_date, "confidence": _one_of(CONFIDENCES)},
    "roles": {
        "sector": _SECTOR,
        "other_sectors": _each(_SECTOR),
        "applies_to": _one_of({"state", "igo", "any"}),
        "state_affiliation": _one_of(STATE_AFFILIATIONS),
        "country": _each(_pattern(r"[A-Z]{3}|[a-z0-9][a-z0-9+.-]*", "a state code or key")),
    },
    "blocked": {},
}


def split_list(value: str) -> list[str]:
    """``"a | b |c"`` -> ``["a", "b", "c"]``; empty items are dropped."""
    return [item.strip() for item in value.split("|") if item.strip()]


@dataclass
class Tables:
    """Every table's rows, after overlays. Row order is file order (it sets precedence)."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in TABLES})
    sources: list[str] = field(default_factory=list)


def table_for(path: str, text: str) -> str:
    """The table a file holds: its ``# table:`` comment, else its file name."""
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        found = _DIRECTIVE.match(line.strip())
        if found:
            name = found.group(1)
            if name not in TABLES:
                raise ActorDataError(path, f"unknown table {name!r}; tables: {', '.join(TABLES)}")
            return name
    stem = Path(path).name.split(".")[0]
    if stem in _FILE_TABLES:
        return _FILE_TABLES[stem]
    raise ActorDataError(
        path,
        "cannot tell which table this is: add a '# table: NAME' line "
        f"(tables: {', '.join(TABLES)}) or name the file after one (people.tsv, terms.tsv, ...)",
    )


def parse(text: str, *, path: str, table: str, overlay: bool = False) -> list[Row]:
    """The rows of one file, checked. ``overlay`` allows ``-`` and ``+`` cells."""
    spec = TABLES[table]
    checks = _CHECKS[table]
    header: list[str] | None = None
    rows: list[Row] = []
    seen: set[tuple[str, ...]] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if line.startswith("#") or not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            unknown = [c for c in header if c not in spec.columns]
            if unknown:
                raise ActorDataError(
                    path,
                    f"unknown column(s) {', '.join(unknown)} for table {table!r}; "
                    f"columns: {', '.join(spec.columns)}",
                    line=number,
                )
            needed = [c for c in spec.key if c in spec.required] if overlay else spec.required
            missing = [c for c in needed if c not in header]
            if missing:
                raise ActorDataError(
                    path, f"missing required column(s) {', '.join(missing)}", line=number
                )
            continue
        if len(cells) > len(header):
            raise ActorDataError(
                path, f"{len(cells)} cells but the header has {len(header)}", line=number
            )
        row: Row = dict.fromkeys(header, "")
        row.update(zip(header, cells, strict=False))
        for column, value in row.items():
            if not value or (overlay and (value == "-" or value.startswith("+"))):
                continue
            check = checks.get(column)
            problem = check(value) if check else None
            if problem:
                raise ActorDataError(path, f"column {column!r}: {problem}", line=number)
        if not overlay:
            empty = [c for c in spec.required if not row.get(c)]
            if empty:
                raise ActorDataError(
                    path, f"empty required cell(s) {', '.join(empty)}", line=number
                )
        identity = tuple(row.get(c, "") for c in spec.key)
        if identity in seen:
            raise ActorDataError(path, f"duplicate row for {identity}", line=number)
        seen.add(identity)
        row[SOURCE] = f"{path}:{number}"
        rows.append(row)
    if header is None:
        raise ActorDataError(path, "no header line")
    return rows


def merge(base: list[Row], overlay: Sequence[Row], table: str) -> list[Row]:
    """``base`` with ``overlay`` laid over it (see the module docstring)."""
    spec = TABLES[table]
    merged = [dict(row) for row in base]
    index = {tuple(row.get(c, "") for c in spec.key): n for n, row in enumerate(merged)}
    for row in overlay:
        identity = tuple(row.get(c, "") for c in spec.key)
        if identity in index:
            target = merged[index[identity]]
            for column, value in row.items():
                if column == SOURCE or not value:
                    continue
                if value == "-":
                    target[column] = ""
                elif value.startswith("+") and column in LIST_COLUMNS:
                    items = split_list(target.get(column, "")) + split_list(value[1:])
                    target[column] = " | ".join(dict.fromkeys(items))
                else:
                    target[column] = value
            target[SOURCE] = row[SOURCE]
        else:
            added = {c: ("" if v == "-" else v.lstrip("+").strip()) for c, v in row.items()}
            added[SOURCE] = row[SOURCE]
            empty = [c for c in spec.required if not added.get(c)]
            if empty:
                raise ActorDataError(
                    row[SOURCE],
                    f"new {table} row needs {', '.join(empty)} (no packaged row {identity})",
                )
            index[identity] = len(merged)
            merged.append(added)
    return merged


def load_tables(extra_paths: Sequence[str | Path] = ()) -> Tables:
    """The packaged tables, with each file of ``extra_paths`` laid over them in order."""
    tables = Tables()
    package = resources.files("claimgraph").joinpath("data", "actors")
    for name, table in PACKAGED_FILES:
        text = package.joinpath(name).read_text(encoding="utf-8")
        tables.rows[table].extend(parse(text, path=name, table=table))
        tables.sources.append(f"claimgraph/data/actors/{name}")
    for extra in extra_paths:
        path = Path(extra)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ActorDataError(str(path), f"cannot read: {error}") from error
        table = table_for(str(path), text)
        rows = parse(text, path=str(path), table=table, overlay=True)
        tables.rows[table] = merge(tables.rows[table], rows, table)
        tables.sources.append(str(path))
    return tables
