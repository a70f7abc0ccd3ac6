"""Build the demo corpus: ~200 Kremlin and President of Ukraine press releases (CC BY 4.0).

Reads ``putin.csv`` and ``zelenskyy.csv`` from the shared data folder and writes
``examples/press/kremlin_zelenskyy_2022.jsonl`` with claimgraph's default field names, so
``claimgraph ingest examples/press`` needs no ``--map``. The selection is deterministic: the
same input always gives the same file, byte for byte.

Selection, for each presidency separately:

1. published 2022-02-01 .. 2022-06-30 (the CSV's ISO timestamp, UTC);
2. body between ``MIN_BODY_CHARS`` and ``MAX_BODY_CHARS`` characters (keeps the demo small
   and drops one-line notices), first copy of a body only;
3. prefer releases that mention at least ``MIN_TOPICS`` of the topics in ``TOPICS`` (Ukraine,
   Russia, UN, sanctions, drones, EU), so claim extraction has material; when fewer than
   ``PER_SIDE`` do, the rest come from the others, most topics first;
4. always keep the releases that mention drones (rare here, and the seed article is about
   Iranian drones); fill up to ``PER_SIDE`` with items spread evenly over the rest of the
   pool sorted by date (then URL).

Usage (from the project root)::

    .venv/bin/python scripts/make_demo.py [--shared ../shared/data] [--out examples/press/...]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import NamedTuple

csv.field_size_limit(2**31 - 1)  # some bodies are over 100k characters

CORPUS = Path("corpora/kremlin_zelenskyy_press_2021_2022")
DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
DEFAULT_OUT = (
    Path(__file__).resolve().parent.parent / "examples" / "press" / "kremlin_zelenskyy_2022.jsonl"
)

FIRST_DAY, LAST_DAY = "2022-02-01", "2022-06-30"
PER_SIDE = 100
MAX_BODY_CHARS = 30_000  # a few speeches run to 100k+ characters; keep the demo small
MIN_BODY_CHARS = 300  # announcements of a single line carry hardly a claim
MIN_TOPICS = 2

# Topic -> pattern. Case-sensitive where the short form is an acronym ("UN", "EU").
TOPICS: dict[str, re.Pattern[str]] = {
    "ukraine": re.compile(r"\bUkrain", re.IGNORECASE),
    "russia": re.compile(r"\bRussia", re.IGNORECASE),
    "un": re.compile(r"\bUN\b|\bUnited Nations\b|\bSecurity Council\b"),
    "sanctions": re.compile(r"\bsanction", re.IGNORECASE),
    "drones": re.compile(r"\bdrones?\b|\bunmanned aerial", re.IGNORECASE),
    "eu": re.compile(r"\bEU\b|\bEuropean Union\b"),
}


class Side(NamedTuple):
    file: str
    outlet: str
    place_column: str | None  # only the Kremlin CSV has a location column


SIDES = (
    Side("putin.csv", "Kremlin", "location"),
    Side("zelenskyy.csv", "President of Ukraine", None),
)


def topics(text: str) -> int:
    return sum(1 for pattern in TOPICS.values() if pattern.search(text))


def record(row: dict[str, str], side: Side) -> dict[str, str]:
    """One JSONL record with claimgraph's default field names."""
    url = row["link"].strip()
    out = {
        "id": url.rstrip("/").rsplit("/", 1)[-1],
        "url": url,
        "outlet": side.outlet,
        "published": row["date"].strip(),
        "title": row["headline"].strip(),
        "text": row["body"].strip(),
    }
    if side.place_column:
        place = row[side.place_column].strip()
        if place and place != "NA":  # the scraper wrote NA where the page names no place
            out["place"] = place
    return out


def by_date(rec: dict[str, str]) -> tuple[str, str]:
    return rec["published"], rec["url"]


def spread(items: list[dict[str, str]], k: int) -> list[dict[str, str]]:
    """``k`` items evenly spaced through ``items`` (all of them when there are fewer)."""
    if len(items) <= k:
        return list(items)
    return [items[(i * len(items)) // k] for i in range(k)]


def select(rows: list[dict[str, str]], side: Side) -> list[dict[str, str]]:
    seen_bodies: set[str] = set()
    candidates: list[tuple[int, dict[str, str]]] = []
    for row in rows:
        day = row["date"][:10]
        body = row["body"].strip()
        in_range = FIRST_DAY <= day <= LAST_DAY and MIN_BODY_CHARS <= len(body) <= MAX_BODY_CHARS
        if not in_range or body in seen_bodies:
            continue
        seen_bodies.add(body)
        candidates.append((topics(row["headline"] + "\n" + body), record(row, side)))
    by_topics = sorted(candidates, key=lambda c: (-c[0], c[1]["published"], c[1]["url"]))
    preferred = [rec for n, rec in by_topics if n >= MIN_TOPICS]
    pool = preferred if len(preferred) >= PER_SIDE else [rec for _, rec in by_topics[:PER_SIDE]]
    pool.sort(key=by_date)
    always = [rec for rec in pool if TOPICS["drones"].search(rec["title"] + "\n" + rec["text"])]
    always = always[:PER_SIDE]
    rest = [rec for rec in pool if rec not in always]
    return sorted(always + spread(rest, PER_SIDE - len(always)), key=by_date)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="the shared data folder (default: %(default)s)",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="JSONL file to write (default: %(default)s)"
    )
    args = parser.parse_args(argv)

    folder = args.shared / CORPUS
    if not folder.is_dir():
        print(f"make_demo: no corpus at {folder}", file=sys.stderr)
        return 2
    selected: list[dict[str, str]] = []
    for side in SIDES:
        with open(folder / side.file, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        chosen = select(rows, side)
        print(f"{side.outlet}: {len(rows)} rows, {len(chosen)} selected", file=sys.stderr)
        selected.extend(chosen)
    selected.sort(key=by_date)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for rec in selected:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(selected)} records to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
