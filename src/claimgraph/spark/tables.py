"""The Parquet tables of ``claimgraph spark-extract``: flattenings of ``claimgraph.document/1``.

Pure (no Spark): each table is a list of ``(column, Spark SQL type)`` and a function turning
one document into its rows (tuples in column order). One row per entity, time, attribution,
event and claim, each with its ``article_id``; ``documents`` keeps the whole contract JSON so
that ``claimgraph load`` restores exactly what ``claimgraph ingest`` stores. Column names
follow the SQLite tables of ``docs/schema.md`` where there is one.

``input_order`` is the article's place in the input (file number in the order the paths name
them, shifted left by :data:`ORDER_SHIFT`, plus the item's number inside the file): the order
``ingest`` would have stored it in, which decides de-duplication, versions and which mention
of an event is the canonical one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from claimgraph.store.extraction import actor_fields, entity_rows, span_fields

# Items per file fit in 32 bits (4 billion records in one file); files fit in the other 31.
ORDER_SHIFT = 32

Columns = tuple[tuple[str, str], ...]

PARTICIPANT = (
    "STRUCT<`text`: STRING, `start`: BIGINT, `end`: BIGINT, `code`: STRING, "
    "`sector`: STRING, `wikidata`: STRING, `inferred`: STRING>"
)

ARTICLES: Columns = (
    ("article_id", "STRING"),
    ("input_order", "BIGINT"),
    ("source_path", "STRING"),
    ("source_record", "BIGINT"),
    ("source_id", "STRING"),
    ("body_offset", "BIGINT"),
    ("url", "STRING"),
    ("outlet", "STRING"),
    ("published", "STRING"),
    ("title", "STRING"),
    ("byline", "STRING"),
    ("dateline_place", "STRING"),
    ("dateline_credits", "ARRAY<STRING>"),
    ("dateline_date", "STRING"),
    ("language", "STRING"),
    ("encoding", "STRING"),
    ("text", "STRING"),
)
DOCUMENTS: Columns = (
    ("article_id", "STRING"),
    ("input_order", "BIGINT"),
    ("document", "STRING"),  # the claimgraph.document/1 object as JSON
)
ENTITIES: Columns = (
    ("article_id", "STRING"),
    ("id", "STRING"),
    ("text", "STRING"),
    ("start", "BIGINT"),
    ("end", "BIGINT"),
    ("label", "STRING"),
    ("actor_code", "STRING"),
    ("actor_sector", "STRING"),
    ("actor_name", "STRING"),
    ("actor_wikidata", "STRING"),
)
TIMES: Columns = (
    ("article_id", "STRING"),
    ("idx", "BIGINT"),
    ("text", "STRING"),
    ("start", "BIGINT"),
    ("end", "BIGINT"),
    ("value", "STRING"),
    ("granularity", "STRING"),
    ("kind", "STRING"),
    ("anchor", "STRING"),
)
ATTRIBUTIONS: Columns = (
    ("article_id", "STRING"),
    ("id", "STRING"),
    ("source_text", "STRING"),
    ("source_start", "BIGINT"),
    ("source_end", "BIGINT"),
    ("source_actor_code", "STRING"),
    ("source_actor_sector", "STRING"),
    ("source_actor_name", "STRING"),
    ("source_actor_wikidata", "STRING"),
    ("source_actor_codes", "ARRAY<STRING>"),  # every actor of a compound source
    ("cue_text", "STRING"),
    ("cue_start", "BIGINT"),
    ("cue_end", "BIGINT"),
    ("content_text", "STRING"),
    ("content_start", "BIGINT"),
    ("content_end", "BIGINT"),
    ("content_fragments", "STRING"),  # JSON [[start, end], ...] or null
    ("kind", "STRING"),
    ("stance", "STRING"),
    ("cites", "ARRAY<STRING>"),
    ("time_text", "STRING"),
    ("time_value", "STRING"),
    ("time_granularity", "STRING"),
    ("sentence_start", "BIGINT"),
    ("sentence_end", "BIGINT"),
    ("nested_in", "STRING"),
    ("rule", "STRING"),
)
FLAG_NAMES = ("negated", "hypothetical", "future", "historical", "alleged")
EVENTS: Columns = (
    ("article_id", "STRING"),
    ("id", "STRING"),
    ("type", "STRING"),
    ("mode", "STRING"),
    ("context", "ARRAY<STRING>"),
    ("cameo", "STRING"),
    ("goldstein", "DOUBLE"),
    ("trigger_text", "STRING"),
    ("trigger_start", "BIGINT"),
    ("trigger_end", "BIGINT"),
    ("sentence_start", "BIGINT"),
    ("sentence_end", "BIGINT"),
    ("date", "STRING"),
    ("date_granularity", "STRING"),
    *((name, "BOOLEAN") for name in FLAG_NAMES),
    ("attribution", "STRING"),
    ("rule", "STRING"),
    ("actor", f"ARRAY<{PARTICIPANT}>"),
    ("recipient", f"ARRAY<{PARTICIPANT}>"),
)
CLAIMS: Columns = (
    ("article_id", "STRING"),
    ("id", "STRING"),
    ("text", "STRING"),
    ("start", "BIGINT"),
    ("end", "BIGINT"),
    ("subject_code", "STRING"),
    ("predicate", "STRING"),
    ("object_code", "STRING"),
    ("terms", "STRING"),  # JSON list
    ("contested", "BOOLEAN"),
    ("evidence", "STRING"),
    ("evidence_voice", "STRING"),
    ("holders", "STRING"),  # JSON list of the contract's holder objects
    # what threading needs (claimgraph.spark.threads): the order the store would see the
    # claim in, the day it would date it by, and the claim itself
    ("input_order", "BIGINT"),
    ("claim_index", "BIGINT"),
    ("day", "STRING"),
    ("claim", "STRING"),  # JSON of the contract's claim object
)
# What an event mention is matched on (claimgraph.events.mentions.MentionKey), per event.
MENTIONS: Columns = (
    ("article_id", "STRING"),
    ("event_id", "STRING"),
    ("input_order", "BIGINT"),
    ("event_index", "BIGINT"),
    ("type", "STRING"),
    ("flags", "BIGINT"),
    ("actors", "STRING"),
    ("recipients", "STRING"),
    ("day", "STRING"),
    ("signature", "ARRAY<BIGINT>"),
    ("linkable", "BOOLEAN"),
)
ERRORS: Columns = (
    ("file", "STRING"),
    ("record", "BIGINT"),
    ("message", "STRING"),
    ("code", "STRING"),
    ("level", "STRING"),  # "error" or "skip", as claimgraph.model.Rejection
    ("stage", "STRING"),  # "read" or "extract"
    ("input_order", "BIGINT"),
)

# The tables each extraction task writes itself, one part file per task
# (claimgraph.spark.parts): they need nothing from other articles.
TASK_TABLES: dict[str, Columns] = {
    "articles": ARTICLES,
    "documents": DOCUMENTS,
    "entities": ENTITIES,
    "times": TIMES,
    "attributions": ATTRIBUTIONS,
}
# What the extraction tasks also write, under STAGING, for the steps that need other
# articles: Spark reads them back to link event mentions and thread claims, and writes the
# final events, event_mentions, claims and (sorted) errors tables; then STAGING is removed.
STAGING = "_staging"
STAGED_TABLES: dict[str, Columns] = {
    "events": EVENTS,
    "claims": CLAIMS,
    "mentions": MENTIONS,
    "errors": ERRORS,
}
# The tables Spark writes: events gain canonical_event from the mention linking, claims their
# thread; errors are sorted by input order.
SPARK_TABLES = ("events", "event_mentions", "claims", "errors")
OUTPUT_TABLES = (*TASK_TABLES, *SPARK_TABLES)


def ddl(columns: Columns) -> str:
    """A Spark DDL schema string (``"`a` STRING, `b` BIGINT"``)."""
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


Row = tuple[Any, ...]


def input_order(file_index: int, item_index: int) -> int:
    return (file_index << ORDER_SHIFT) | item_index


def article_row(article: Mapping[str, Any], order: int) -> Row:
    """The ``articles`` row of a contract ``article`` object."""
    dateline = article.get("dateline") or {}
    return (
        article["id"],
        order,
        article.get("source_path"),
        article.get("source_record"),
        article.get("source_id"),
        article.get("body_offset"),
        article.get("url"),
        article.get("outlet"),
        article.get("published"),
        article.get("title"),
        article.get("byline"),
        dateline.get("place"),
        list(dateline.get("credits") or []),
        dateline.get("date"),
        article.get("language"),
        article.get("encoding"),
        article.get("text"),
    )


def time_rows(article_id: str, document: Mapping[str, Any]) -> list[Row]:
    return [
        (
            article_id,
            n,
            t["text"],
            t["start"],
            t["end"],
            t.get("value"),
            t.get("granularity"),
            t.get("kind"),
            t.get("anchor"),
        )
        for n, t in enumerate(document.get("times") or [])
    ]


def attribution_rows(article_id: str, document: Mapping[str, Any]) -> list[Row]:
    rows = []
    for a in document.get("attributions") or []:
        source = a.get("source")
        content = a.get("content")
        time = a.get("time") or {}
        sentence = a.get("sentence") or {}
        fragments = content.get("fragments") if content else None
        rows.append(
            (
                article_id,
                a["id"],
                *span_fields(source),
                *actor_fields(source.get("actor") if source else None),
                [x.get("code") for x in source.get("actors") or []] if source else [],
                *span_fields(a.get("cue")),
                *span_fields(content),
                json.dumps(fragments) if fragments else None,
                a.get("kind"),
                a.get("stance"),
                list(a.get("cites") or []),
                time.get("text"),
                time.get("value"),
                time.get("granularity"),
                sentence.get("start"),
                sentence.get("end"),
                a.get("nested_in"),
                a.get("rule"),
            )
        )
    return rows


def _participants(items: Sequence[Mapping[str, Any]] | None) -> list[Row]:
    return [
        (
            p.get("text"),
            p.get("start"),
            p.get("end"),
            p.get("code"),
            p.get("sector"),
            p.get("wikidata"),
            p.get("inferred"),
        )
        for p in items or []
    ]


def event_rows(article_id: str, document: Mapping[str, Any]) -> list[Row]:
    rows = []
    for e in document.get("events") or []:
        flags = e.get("flags") or {}
        sentence = e.get("sentence") or {}
        goldstein = e.get("goldstein")
        rows.append(
            (
                article_id,
                e["id"],
                e["type"],
                e.get("mode"),
                list(e.get("context") or []),
                e.get("cameo"),
                None if goldstein is None else float(goldstein),
                *span_fields(e.get("trigger")),
                sentence.get("start"),
                sentence.get("end"),
                e.get("date"),
                e.get("date_granularity"),
                *(bool(flags.get(name)) for name in FLAG_NAMES),
                e.get("attribution"),
                e.get("rule"),
                _participants(e.get("actor")),
                _participants(e.get("recipient")),
            )
        )
    return rows


def claim_rows(article_id: str, document: Mapping[str, Any], order: int) -> list[Row]:
    published = document["article"].get("published")
    day = published[:10] if published and len(published) >= 10 else None
    return [
        (
            article_id,
            c["id"],
            c.get("text"),
            c.get("start"),
            c.get("end"),
            (c.get("subject") or {}).get("code"),
            c.get("predicate"),
            (c.get("object") or {}).get("code"),
            json.dumps(c.get("terms") or [], ensure_ascii=False),
            bool(c.get("contested")),
            c.get("evidence"),
            c.get("evidence_voice"),
            json.dumps(c.get("holders") or [], ensure_ascii=False),
            order,
            n,
            day,
            json.dumps(c, ensure_ascii=False),
        )
        for n, c in enumerate(document.get("claims") or [])
    ]


def event_index(event_id: str) -> int:
    """``v12`` -> 12: the order the store reads an article's events in (numeric, not text)."""
    return int(event_id[1:])


def mention_rows(article_id: str, document: Mapping[str, Any], order: int) -> list[Row]:
    """Each event's mention key, computed exactly as ``Store.link_mentions`` computes it."""
    from claimgraph.events import mentions as m  # loads spaCy's Doc types: only where needed

    article = document["article"]
    rows = []
    for e in document.get("events") or []:
        key = m.mention_key(e, article["text"], published=article.get("published"))
        rows.append(
            (
                article_id,
                e["id"],
                order,
                event_index(e["id"]),
                key.type,
                key.flags,
                key.actors,
                key.recipients,
                key.day.isoformat() if key.day else None,
                [int(x) for x in key.signature],
                m.linkable(key),
            )
        )
    return rows


def task_rows(document: Mapping[str, Any], order: int) -> dict[str, list[Row]]:
    """One extracted article's rows of each table in :data:`TASK_TABLES` and of the staged
    ``events``, ``claims`` and ``mentions``."""
    article_id = document["article"]["id"]
    return {
        "articles": [article_row(document["article"], order)],
        "documents": [(article_id, order, json.dumps(document, ensure_ascii=False))],
        "entities": entity_rows(article_id, document),
        "times": time_rows(article_id, document),
        "attributions": attribution_rows(article_id, document),
        "events": event_rows(article_id, document),
        "claims": claim_rows(article_id, document, order),
        "mentions": mention_rows(article_id, document, order),
    }


def error_row(
    *,
    file: str,
    record: int | None,
    message: str,
    code: str,
    level: str,
    stage: str,
    order: int,
) -> Row:
    """An ``errors`` row (:data:`ERRORS` order)."""
    return (file, record, message, code, level, stage, order)


ERROR_LEVEL = 4  # the position of ``level`` in an errors row
