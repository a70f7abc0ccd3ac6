"""The time layer against MEANTIME (English Wikinews), a corpus its rules never saw.

``python -m claimgraph.evaluation.meantime --shared ../shared/data`` prints a markdown table;
``--errors`` lists the misses (for reading, not for writing rules: this is the held-out check
of the rules tuned on TimeBank + AQUAINT, ``evaluation/timeml.py``).

MEANTIME gives each article as tokens (``<token sentence=.. t_id=..>``) and its TIMEX3s as
markables over token ids. A document's text is rebuilt from its tokens (``detokenize``): the
title, a blank line, then the body up to the last sentence MEANTIME annotates
(``LAST_ANNOTATED_SENTENCE``); the dateline sentence that holds the creation-time TIMEX3
(``functionInDocument="CREATION_TIME"``) is the anchor and is left out of the text, as the
DCT of a TimeML file is outside its ``<TEXT>``. The scores are those of ``timeml.score``
(TempEval-3 style: strict and relaxed spans, type and value).
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from claimgraph.evaluation.timeml import (
    TABLE_HEADER,
    Document,
    GoldTimex,
    Pair,
    aligned,
    error_lines,
    score,
    table_row,
)

CORPUS_DIR = Path("meantime") / "intra_cross-doc_annotation"
CORPUS = "MEANTIME"
# Tokens written against the word before them ("Motors ,", "States 's") or after them
# ("( the").
NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        ")",
        "]",
        "%",
        "''",
        "'s",
        "'",
        "n't",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
    }
)
NO_SPACE_AFTER = frozenset({"(", "[", "$", "``"})
TITLE_SENTENCE = "0"
# MEANTIME annotates times in the title, the dateline and the first four sentences of the
# body only (sentence numbers 0-5: every one of its TIMEX3s lies there), so the text scored
# ends there; later sentences would make every time found in them a false positive.
LAST_ANNOTATED_SENTENCE = 5


class MeantimeError(ValueError):
    """A MEANTIME file that cannot be read as an annotated article."""


def detokenize(tokens: list[str]) -> tuple[str, list[int]]:
    """The tokens joined as running text, and each token's start offset. Straight double
    quotes open and close in turn."""
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    quote_open = False
    glue_next = False
    for token in tokens:
        space = bool(parts) and not glue_next and token not in NO_SPACE_BEFORE
        if token == '"':
            space = bool(parts) and not quote_open and not glue_next
            quote_open = not quote_open
        if space:
            parts.append(" ")
            length += 1
        starts.append(length)
        parts.append(token)
        length += len(token)
        glue_next = token in NO_SPACE_AFTER or (token == '"' and quote_open)
    return "".join(parts), starts


def creation_time(timexes: list[ET.Element]) -> ET.Element | None:
    """The article's creation-time TIMEX3, first hit wins: the one marked
    ``functionInDocument="CREATION_TIME"``; else the one the others name most often as their
    ``anchorTimeID`` (two articles mark no creation time, but anchor to their dateline)."""
    marked = [m for m in timexes if m.get("functionInDocument") == "CREATION_TIME"]
    if marked:
        return marked[0]
    anchors = Counter(m.get("anchorTimeID") for m in timexes if m.get("anchorTimeID"))
    by_id = {m.get("m_id"): m for m in timexes}
    for m_id, _ in anchors.most_common():
        if m_id in by_id:
            return by_id[m_id]
    return None


def read_document(path: Path) -> Document:
    """A MEANTIME article as text with its TIMEX3 offsets, anchored at its creation time."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise MeantimeError(f"{path}: not well-formed XML ({err})") from err
    tokens = {t.get("t_id", ""): t for t in root.iter("token")}
    timexes = [m for m in root.iter("TIMEX3") if m.find("token_anchor") is not None]
    dct = creation_time(timexes)
    if dct is None:
        raise MeantimeError(f"{path}: no creation-time TIMEX3 and none that others anchor to")
    try:
        anchor = date.fromisoformat((dct.get("value") or "")[:10])
    except ValueError as err:
        raise MeantimeError(f"{path}: creation time {dct.get('value')!r} is no date") from err
    dateline = {tokens[a.get("t_id", "")].get("sentence") for a in dct.iter("token_anchor")}
    kept = [
        t
        for t in tokens.values()
        if t.get("sentence") not in dateline
        and int(t.get("sentence") or 0) <= LAST_ANNOTATED_SENTENCE
    ]
    title = [t for t in kept if t.get("sentence") == TITLE_SENTENCE]
    body = [t for t in kept if t.get("sentence") != TITLE_SENTENCE]
    title_text, title_starts = detokenize([t.text or "" for t in title])
    body_text, body_starts = detokenize([t.text or "" for t in body])
    offset = len(title_text) + 2 if title_text else 0
    text = f"{title_text}\n\n{body_text}" if title_text else body_text
    start_of = {t.get("t_id", ""): s for t, s in zip(title, title_starts, strict=True)}
    start_of.update({t.get("t_id", ""): offset + s for t, s in zip(body, body_starts, strict=True)})
    gold: list[GoldTimex] = []
    for m in timexes:
        if m is dct:
            continue
        ids = [a.get("t_id", "") for a in m.iter("token_anchor")]
        if not all(i in start_of for i in ids):
            continue  # another mention in the dateline
        start = min(start_of[i] for i in ids)
        end = max(start_of[i] + len(tokens[i].text or "") for i in ids)
        gold.append(GoldTimex(start, end, m.get("type", ""), m.get("value", ""), text[start:end]))
    gold.sort(key=lambda g: g.start)
    return Document(path.stem, CORPUS, anchor, text, gold)


def read_corpus(shared_data_dir: Path, skipped: list[str] | None = None) -> Iterator[Document]:
    """Every article that can be read; the message of each that cannot goes to ``skipped``."""
    for path in sorted((shared_data_dir / CORPUS_DIR).glob("*/*.xml")):
        try:
            yield read_document(path)
        except MeantimeError as err:
            if skipped is None:
                raise
            skipped.append(str(err))


def run(
    shared_data_dir: Path, skipped: list[str] | None = None
) -> list[tuple[Document, list[Pair]]]:
    return aligned(read_corpus(shared_data_dir, skipped))


def evaluate(shared_data_dir: Path) -> dict[str, Any]:
    """Extraction, type and value scores over the English articles (unreadable ones are
    listed under ``skipped``)."""
    started = time.perf_counter()
    skipped: list[str] = []
    results = run(shared_data_dir, skipped)
    if not results:
        raise FileNotFoundError(f"no MEANTIME articles under {shared_data_dir / CORPUS_DIR}")
    report = score((p for _, pairs in results for p in pairs), len(results))
    report["skipped"] = skipped
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


def markdown(report: dict[str, Any]) -> str:
    return f"{TABLE_HEADER}\n{table_row(CORPUS, report)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimgraph.evaluation.meantime")
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--errors", action="store_true", help="list the errors instead")
    args = parser.parse_args(argv)
    if not (args.shared / CORPUS_DIR).is_dir():
        print(f"MEANTIME data not found at {args.shared / CORPUS_DIR}", file=sys.stderr)
        return 2
    if args.errors:
        skipped: list[str] = []
        for line in error_lines(run(args.shared, skipped)):
            print(line)
        for message in skipped:
            print(f"skipped: {message}", file=sys.stderr)
        return 0
    report = evaluate(args.shared)
    print(markdown(report))
    print(f"\n{report['seconds']} s for {report['documents']} documents.")
    for message in report["skipped"]:
        print(f"skipped: {message}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
