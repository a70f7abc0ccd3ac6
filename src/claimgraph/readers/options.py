"""Options shared by every reader: format override, field mapping, constant defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from claimgraph.dates import parse_published
from claimgraph.errors import FieldMappingError

# Article fields a record can fill, and the record field read for each by default.
RECORD_FIELDS: tuple[str, ...] = (
    "id",
    "url",
    "outlet",
    "published",
    "title",
    "byline",
    "text",
    "place",
    "language",
)
# Fields that may be given one value for every article of a batch (``--set outlet=Kremlin``).
SETTABLE_FIELDS: tuple[str, ...] = (
    "url",
    "outlet",
    "published",
    "title",
    "byline",
    "place",
    "language",
)

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read inputs. ``mapping`` maps an article field to a record field name."""

    format: str | None = None
    plain: bool = False
    mapping: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    defaults: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    delimiter: str | None = None

    def __post_init__(self) -> None:
        # A date given for every article must be one: ``published`` holds ISO 8601 only.
        published = self.defaults.get("published")
        if published is not None and parse_published(published) is None:
            raise FieldMappingError(
                f"--set published: cannot read {published!r} as a date "
                "(use YYYY-MM-DD, or YYYY-MM-DDTHH:MM)"
            )

    def field_name(self, article_field: str) -> str:
        return self.mapping.get(article_field, article_field)


def parse_assignments(
    specs: tuple[str, ...] | list[str], *, allowed: tuple[str, ...], option: str
) -> dict[str, str]:
    """``["title=headline,text=body", "url=link"]`` -> ``{"title": "headline", ...}``.

    Raises :class:`FieldMappingError` naming the allowed fields when a key is unknown.
    """
    result: dict[str, str] = {}
    for spec in specs:
        for item in _split_items(spec):
            key, sep, value = item.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or not key or not value:
                raise FieldMappingError(f"{option} expects FIELD=VALUE, got {item!r}")
            if key not in allowed:
                raise FieldMappingError(
                    f"{option}: unknown field {key!r}; allowed: {', '.join(allowed)}"
                )
            result[key] = value
    return result


def _split_items(spec: str) -> list[str]:
    # Commas separate items, but a value may itself contain commas ("--set outlet=Foo, Inc"):
    # a piece without "=" is glued back onto the item before it.
    items: list[str] = []
    for piece in spec.split(","):
        if "=" in piece or not items:
            items.append(piece)
        else:
            items[-1] += "," + piece
    return [item for item in items if item.strip()]
