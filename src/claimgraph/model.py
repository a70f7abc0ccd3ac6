"""The article record every reader produces and the store keeps.

Field names follow ``claimgraph.document/1`` (``article`` object); see
``../shared/docs/output-contract.md``. Unknown values are ``None``, never invented.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, replace
from typing import Any

ID_HEX_CHARS = 16  # 64 bits of sha256: collision odds ~1e-9 at 200k articles, short to type


def normalize_body(text: str) -> str:
    """The form of a body that its id is computed from.

    NFC, whitespace runs collapsed to one space, trimmed: re-wrapped or re-encoded copies of
    the same text get the same id, while any change of words gives a new one.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Fast path, the same result in half the time for most news bodies: paragraphs between
    # newlines, one space between words. Once the newlines are spaces, a text that is all
    # printable has no whitespace but " " (every other character str.split() splits on is
    # a control or separator, which str.isprintable() rejects; tests check all of Unicode);
    # with no double, leading or trailing space it is then already collapsed.
    joined = " ".join(filter(None, text.split("\n")))
    if joined.isprintable() and "  " not in joined and joined[:1] != " " and joined[-1:] != " ":
        return joined
    return " ".join(text.split())  # str.split() splits on any Unicode whitespace run


def article_id(text: str) -> str:
    """Stable content id: the first hex digits of sha256 of the normalized body."""
    digest = hashlib.sha256(normalize_body(text).encode("utf-8")).hexdigest()
    return digest[:ID_HEX_CHARS]


@dataclass(frozen=True, slots=True)
class Dateline:
    """``MOSCOW (UrduPoint News / Sputnik - 22nd November, 2022)``: place, credits, date."""

    place: str | None = None
    credits: tuple[str, ...] = ()
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "credits": list(self.credits), "date": self.date}


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read. ``text`` is the body every later offset indexes into."""

    text: str
    source_path: str | None = None
    body_offset: int = 0
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601: date, or date and time when the source gives one
    title: str | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    language: str | None = None
    encoding: str | None = None  # how the bytes were decoded, when read from bytes
    source_id: str | None = None  # the id the source itself gave the record, if any
    source_record: int | None = None  # line, row or record number within source_path

    @property
    def id(self) -> str:
        return article_id(self.text)

    def with_defaults(self, **values: str | None) -> Article:
        """A copy where each given field that is unknown here takes the given value."""
        missing: dict[str, Any] = {
            k: v for k, v in values.items() if v is not None and getattr(self, k) is None
        }
        return replace(self, **missing) if missing else self

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``article`` object, plus the optional fields claimgraph adds."""
        data = asdict(self)
        data["dateline"] = self.dateline.to_dict() if self.dateline else None
        ordered: dict[str, Any] = {"id": self.id}
        for key in (
            "source_path",
            "body_offset",
            "url",
            "outlet",
            "published",
            "title",
            "byline",
            "dateline",
            "language",
            "encoding",
            "source_id",
            "source_record",
            "text",
        ):
            ordered[key] = data[key]
        return ordered


@dataclass(frozen=True, slots=True)
class Rejection:
    """A file or record that could not become an article, and why (a value, not an exception)."""

    path: str
    reason: str
    record: int | None = None
    code: str = "E100"
    level: str = "error"  # "error": bad input; "skip": nothing to read (no body, no reader)

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def __str__(self) -> str:
        where = self.path if self.record is None else f"{self.path}:{self.record}"
        return f"{where}: [{self.code}] {self.reason}"
