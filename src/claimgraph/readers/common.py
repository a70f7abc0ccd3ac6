"""Helpers every reader uses to turn what it found into an :class:`Article`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from claimgraph.dates import parse_published
from claimgraph.errors import InputError
from claimgraph.language import guess_language
from claimgraph.model import Article, Dateline, Rejection
from claimgraph.readers.options import ReadOptions

# Bodies shorter than this (after trimming) carry no statement to extract.
MIN_BODY_CHARS = 1
# A single field or file larger than this is refused rather than loaded into memory.
MAX_TEXT_CHARS = 20_000_000

# Cell values that spreadsheet and R/pandas exports write for a missing value. A metadata
# field holding one of these is unknown (None), not a place called "NA". Bodies are kept.
MISSING_MARKERS = frozenset({"NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "None"})

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean_field(value: Any) -> str | None:
    """A record's field as a trimmed one-line string, or None when empty or absent."""
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v is not None)
    text = " ".join(_CONTROL.sub(" ", str(value)).split())
    return text if text and text not in MISSING_MARKERS else None


# The same characters as bytes. They are ASCII, and in UTF-8 an ASCII byte only ever stands
# for itself, so deleting them from the encoded body and comparing lengths tells whether the
# body has any, three times faster than the regex scan (which then runs only when it has).
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def clean_body(value: str) -> str:
    """A body from a structured record: control characters dropped, ends trimmed."""
    raw = value.encode("utf-8", "surrogatepass")
    if len(raw.translate(None, _CONTROL_BYTES)) != len(raw):
        value = _CONTROL.sub("", value)
    return value.strip()


def empty_body(path: str, record: int | None = None) -> Rejection:
    return Rejection(path, "no body text", record=record, code="S101", level="skip")


def finish(article: Article, options: ReadOptions) -> Article:
    """Apply ``--set`` defaults and the language guess: the last step of every reader."""
    if options.defaults:
        defaults = dict(options.defaults)
        place = defaults.pop("place", None)
        if "published" in defaults:  # ReadOptions has checked that it parses
            defaults["published"] = parse_published(defaults["published"]) or defaults["published"]
        article = article.with_defaults(**defaults)
        if place is not None and (article.dateline is None or article.dateline.place is None):
            dateline = article.dateline or Dateline()
            article = replace(article, dateline=replace(dateline, place=place))
    if article.language is None:
        language = guess_language(article.text)
        if language is not None:
            article = replace(article, language=language)
    return article


def article_from_record(
    record: Mapping[str, Any],
    options: ReadOptions,
    path: str,
    number: int,
    encoding: str | None = None,
) -> Article | Rejection:
    """One JSON object or CSV row, read through the field mapping, decoded with ``encoding``."""
    text_field = options.field_name("text")
    if text_field not in record:
        fields = ", ".join(sorted(map(str, record))[:20])
        raise InputError(
            path,
            f"no text field {text_field!r} (fields: {fields}); use --map text=FIELD",
            record=number,
        )
    raw = record[text_field]
    if raw is not None and not isinstance(raw, str):
        raise InputError(
            path, f"field {text_field!r} is {type(raw).__name__}, not text", record=number
        )
    body = clean_body(raw or "")
    if len(body) < MIN_BODY_CHARS:
        return empty_body(path, number)
    if len(body) > MAX_TEXT_CHARS:
        raise InputError(
            path, f"body of {len(body):,} characters exceeds {MAX_TEXT_CHARS:,}", record=number
        )

    def get(name: str) -> str | None:
        return clean_field(record.get(options.field_name(name)))

    place = get("place")
    raw_published = get("published")
    return Article(
        text=body,
        source_path=path,
        body_offset=0,
        url=get("url"),
        outlet=get("outlet"),
        published=parse_published(raw_published),
        title=get("title"),
        byline=get("byline"),
        dateline=Dateline(place=place) if place else None,
        language=get("language"),  # else --set language=..., else the guess (finish)
        encoding=encoding,
        source_id=get("id"),
        source_record=number,
    )
