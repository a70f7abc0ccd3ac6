"""``plover`` and ``cameo-tsv``: one record per canonical event, with its mention counts.

The first stored mention of a canonical event represents it (its article gives the outlet,
URL and offsets); ``mentions`` counts every event row linked to it and ``articles`` the
distinct articles, so an event reported three times is one record with ``mentions: 3``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from claimgraph import __version__
from claimgraph.export.documents import published_filter
from claimgraph.export.output import text_stream
from claimgraph.store import Store
from claimgraph.store.connection import sqlite_errors
from claimgraph.store.extraction import FLAG_NAMES
from claimgraph.store.mentions import CANONICAL_SQL

Progress = Callable[[int], None]

# Canonical events: the group of mentions (in SQLite's temporary b-tree, not in Python),
# then its first mention with its article's metadata and sentence text.
_GROUPS = f"""
SELECT {CANONICAL_SQL} AS canonical, min(e.rowid) AS first, count(*) AS mentions,
       count(DISTINCT e.article_id) AS articles
FROM events e GROUP BY canonical
"""
# The record's day: the event's own date when the text gives it to the day, else the
# publication day (PLOVER's date is YYYY-MM-DD; a month or year stays in event_date).
_DAY = (
    "CASE WHEN length(e.date) >= 10 THEN substr(e.date, 1, 10) ELSE substr(a.published, 1, 10) END"
)
_CANONICAL_EVENTS = f"""
SELECT g.canonical, g.mentions, g.articles, e.rowid AS rowid_, e.*,
       {_DAY} AS day,
       a.outlet, a.url, a.published, a.title,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence_text
FROM ({_GROUPS}) g
JOIN events e ON e.rowid = g.first
JOIN articles a ON a.id = e.article_id
WHERE {{where}}
ORDER BY g.first
"""


def count(store: Store, *, since: str | None, until: str | None) -> int:
    where, params = published_filter(since, until, column=_DAY)
    sql = f"SELECT count(*) FROM ({_CANONICAL_EVENTS.format(where=where)})"
    with sqlite_errors(store.path):
        return int(store.conn.execute(sql, params).fetchone()[0])


def iter_canonical_events(
    store: Store, *, since: str | None = None, until: str | None = None
) -> Iterator[dict[str, Any]]:
    """Each canonical event: its representative row as a dict, with ``actor`` and
    ``recipient`` participant lists, ``mentions`` and ``articles``."""
    where, params = published_filter(since, until, column=_DAY)
    conn = store.conn
    with sqlite_errors(store.path):
        for row in conn.execute(_CANONICAL_EVENTS.format(where=where), params):
            event = dict(row)
            event["actor"], event["recipient"] = [], []
            for p in conn.execute(
                'SELECT role, text, start, "end", code, sector, wikidata FROM event_participants '
                "WHERE article_id = ? AND event_id = ? ORDER BY role, idx",
                (row["article_id"], row["id"]),
            ):
                event[p["role"]].append(dict(p))
            yield event


# CAMEO root codes 01-05 are verbal cooperation, 06-08 material cooperation, 09-13 verbal
# conflict, 14-20 material conflict (GDELT's QuadClass 1-4; PLOVER's quad_code).
def quad_class(cameo: str | None) -> int | None:
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def _date_source(event: dict[str, Any]) -> str:
    return "event" if event["date"] and len(event["date"]) >= 10 else "published"


def _entity(p: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER entity object (manual, "Information object for entities")."""
    return {
        "code": p["code"],
        "sector": p["sector"],
        "entity_text": p["text"],
        "identifier_id": p["wikidata"],
        "offsets": [p["start"], p["end"]],
    }


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER record (manual, chapter "Data Fields") of one canonical event."""
    return {
        "id": f"claimgraph-{event['canonical']}",
        "date": event["day"],
        "date_source": _date_source(event),
        "event_date": event["date"],
        "event_date_granularity": event["date_granularity"],
        "actor": [_entity(p) for p in event["actor"]],
        "recipient": [_entity(p) for p in event["recipient"]],
        "event": [event["type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "context": json.loads(event["context"]),
        "event_text": [event["trigger_text"]] if event["trigger_text"] else [],
        "quad_code": quad_class(event["cameo"]),
        "event_scale": event["goldstein"],
        "cameo": event["cameo"],
        "text": event["sentence_text"],
        "cite_info": {
            "outlet": event["outlet"],
            "url": event["url"],
            "published": event["published"],
            "title": event["title"],
            "article_id": event["article_id"],
            "event_id": event["id"],
            "trigger": {"start": event["trigger_start"], "end": event["trigger_end"]},
            "sentence": {"start": event["sentence_start"], "end": event["sentence_end"]},
        },
        "flags": {name: bool(event[name]) for name in FLAG_NAMES},
        "attribution": event["attribution_id"],
        "mentions": event["mentions"],
        "articles": event["articles"],
        "coder": f"claimgraph {__version__}",
    }


def write_plover(
    store: Store,
    output: str | Path,
    *,
    since: str | None,
    until: str | None,
    progress: Progress | None,
) -> int:
    written = 0
    with text_stream(output) as stream:
        for event in iter_canonical_events(store, since=since, until=until):
            stream.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
            written += 1
            if progress is not None:
                progress(1)
    return written


CAMEO_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2CountryCode",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumArticles",
    "PLOVERType",
    "DateSource",
    "SOURCEOUTLET",
    "SOURCEURL",
    "ARTICLEID",
    "EVENTID",
    "TriggerStart",
    "TriggerEnd",
    "SentenceStart",
    "SentenceEnd",
    *(f"Is{name.capitalize()}" for name in FLAG_NAMES),
)


def _cameo_actor(participants: list[dict[str, Any]]) -> tuple[str, str]:
    """CAMEO-style actor codes (country + sector, ``IRNGOV``) and country codes, ';'-joined
    when the event has several actors."""
    codes = [p for p in participants if p["code"]]
    return (
        ";".join(p["code"] + (p["sector"] or "") for p in codes),
        ";".join(p["code"] for p in codes),
    )


def _clean(value: Any) -> Any:
    """No tab or newline inside a TSV cell."""
    if isinstance(value, str):
        return " ".join(value.split())
    return "" if value is None else value


def cameo_row(event: dict[str, Any]) -> list[Any]:
    actor1, country1 = _cameo_actor(event["actor"])
    actor2, country2 = _cameo_actor(event["recipient"])
    cameo = event["cameo"] or ""
    row = [
        event["rowid_"],
        (event["day"] or "").replace("-", ""),
        actor1,
        country1,
        actor2,
        country2,
        cameo,
        cameo[:3],
        cameo[:2],
        quad_class(cameo),
        event["goldstein"],
        event["mentions"],
        event["articles"],
        event["type"],
        _date_source(event),
        event["outlet"],
        event["url"],
        event["article_id"],
        event["id"],
        event["trigger_start"],
        event["trigger_end"],
        event["sentence_start"],
        event["sentence_end"],
        *(int(event[name]) for name in FLAG_NAMES),
    ]
    return [_clean(v) for v in row]


def write_cameo(
    store: Store,
    output: str | Path,
    *,
    since: str | None,
    until: str | None,
    progress: Progress | None,
) -> int:
    written = 0
    with text_stream(output) as stream:
        stream.write("\t".join(CAMEO_COLUMNS) + "\n")
        for event in iter_canonical_events(store, since=since, until=until):
            stream.write("\t".join(str(v) for v in cameo_row(event)) + "\n")
            written += 1
            if progress is not None:
                progress(1)
    return written
