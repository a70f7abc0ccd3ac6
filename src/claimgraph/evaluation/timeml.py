"""The time layer against TimeBank + AQUAINT (TBAQ-cleaned): TIMEX3 spans, types and values.

``python -m claimgraph.evaluation.timeml --shared ../shared/data`` prints a markdown table;
``--errors`` lists every miss, spurious find and wrong value (for improving general rules).

Each document is read as the plain text of its ``<TEXT>`` element; its anchor is the date of
the TIMEX3 with ``functionInDocument="CREATION_TIME"`` (the DCT, outside ``<TEXT>``, so never
scored). Definitions, TempEval-3 style (UzZaman et al. 2013):

- strict match: same start and end; relaxed match: the spans overlap. Matching is one to
  one, in reading order: a gold TIMEX3 takes the unmatched prediction that overlaps it most.
- P = matched / predicted, R = matched / gold, F1 their harmonic mean.
- type and value accuracy: over relaxed matches, the share whose TIMEX3 ``type`` / ``value``
  equals the gold one.
- value (and type) P/R/F1: relaxed matches whose value (type) is also right, over predicted
  (P) and over gold (R); so value F1 = relaxed F1 x value accuracy, as in TempEval-3.
- values are compared as strings after two formatting canonicalisations only: week numbers
  are zero-padded (``2000-W7`` = ``2000-W07``) and zero seconds are dropped (``T10:35:00`` =
  ``T10:35``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from claimgraph.times import TimeExpr, find_times

CORPUS_DIR = Path("timeml") / "TBAQ-cleaned"
#: The sub-corpora, reported separately and together.
CORPORA = ("TimeBank", "AQUAINT")


class GoldTimex(NamedTuple):
    start: int
    end: int
    type: str
    value: str
    text: str


class Document(NamedTuple):
    name: str
    corpus: str
    anchor: date
    text: str
    gold: list[GoldTimex]


class Pair(NamedTuple):
    gold: GoldTimex | None
    predicted: TimeExpr | None


def read_document(path: Path, corpus: str) -> Document:
    """A .tml file as plain text with its TIMEX3 offsets and its creation date."""
    root = ET.parse(path).getroot()
    dct = next(
        t.get("value", "")
        for t in root.iter("TIMEX3")
        if t.get("functionInDocument") == "CREATION_TIME"
    )
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            start = length
            walk(child)
            if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
                text = "".join(parts)[start:length]
                gold.append(
                    GoldTimex(start, length, child.get("type", ""), child.get("value", ""), text)
                )
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(body)
    return Document(path.stem, corpus, date.fromisoformat(dct[:10]), "".join(parts), gold)


def read_corpus(shared_data_dir: Path) -> Iterator[Document]:
    root = shared_data_dir / CORPUS_DIR
    for corpus in CORPORA:
        for path in sorted((root / corpus).glob("*.tml")):
            yield read_document(path, corpus)


def canonical_value(value: str | None) -> str:
    """A value with week numbers zero-padded and zero seconds dropped (format only)."""
    if value is None:
        return ""
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    return re.sub(r"(T\d\d:\d\d):00$", r"\1", value)


def align(gold: list[GoldTimex], predicted: list[TimeExpr]) -> list[Pair]:
    """One-to-one relaxed alignment: each gold span takes its most overlapping prediction."""
    used: set[int] = set()
    pairs: list[Pair] = []
    for g in gold:
        best, best_overlap = -1, 0
        for i, p in enumerate(predicted):
            if i in used:
                continue
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best >= 0:
            used.add(best)
            pairs.append(Pair(g, predicted[best]))
        else:
            pairs.append(Pair(g, None))
    pairs += [Pair(None, p) for i, p in enumerate(predicted) if i not in used]
    return pairs


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score(pairs: Iterable[Pair], documents: int) -> dict[str, Any]:
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    for pair in pairs:
        n_gold += pair.gold is not None
        n_pred += pair.predicted is not None
        if pair.gold is None or pair.predicted is None:
            continue
        relaxed += 1
        strict += (pair.gold.start, pair.gold.end) == (pair.predicted.start, pair.predicted.end)
        type_ok += pair.gold.type == pair.predicted.timeml_type
        value_ok += canonical_value(pair.gold.value) == canonical_value(pair.predicted.value)
    return {
        "documents": documents,
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _prf(strict, n_pred, n_gold),
        "relaxed": _prf(relaxed, n_pred, n_gold),
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "type": _prf(type_ok, n_pred, n_gold),
        "value_accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0,
        "value": _prf(value_ok, n_pred, n_gold),
    }


def aligned(documents: Iterable[Document]) -> list[tuple[Document, list[Pair]]]:
    """Each document with its gold expressions aligned to the ones the finder returns."""
    return [(doc, align(doc.gold, find_times(doc.text, anchor=doc.anchor))) for doc in documents]


def run(shared_data_dir: Path) -> list[tuple[Document, list[Pair]]]:
    """Every document with its aligned gold and predicted expressions."""
    return aligned(read_corpus(shared_data_dir))


def evaluate(shared_data_dir: Path) -> dict[str, Any]:
    """Extraction, type and value scores per corpus (TimeBank, AQUAINT) and in total."""
    started = time.perf_counter()
    results = run(shared_data_dir)
    if not results:
        raise FileNotFoundError(f"no .tml files under {shared_data_dir / CORPUS_DIR}")
    report: dict[str, Any] = {}
    for corpus in (*CORPORA, "total"):
        chosen = [pairs for doc, pairs in results if corpus in ("total", doc.corpus)]
        report[corpus] = score((p for pairs in chosen for p in pairs), len(chosen))
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


TABLE_HEADER = (
    "| corpus | docs | gold | predicted | strict P | strict R | strict F1 | relaxed P | "
    "relaxed R | relaxed F1 | type acc | value acc | value P | value R | value F1 |\n"
    "|" + "---|" * 15
)


def table_row(corpus: str, r: dict[str, Any]) -> str:
    """One corpus's ``score`` as a row under ``TABLE_HEADER``."""
    cells = [
        corpus,
        str(r["documents"]),
        str(r["gold"]),
        str(r["predicted"]),
        *(f"{r['strict'][k]:.3f}" for k in ("precision", "recall", "f1")),
        *(f"{r['relaxed'][k]:.3f}" for k in ("precision", "recall", "f1")),
        f"{r['type_accuracy']:.3f}",
        f"{r['value_accuracy']:.3f}",
        *(f"{r['value'][k]:.3f}" for k in ("precision", "recall", "f1")),
    ]
    return "| " + " | ".join(cells) + " |"


def markdown(report: dict[str, Any]) -> str:
    rows = [table_row(corpus, report[corpus]) for corpus in (*CORPORA, "total")]
    return "\n".join([TABLE_HEADER, *rows])


def error_lines(results: list[tuple[Document, list[Pair]]]) -> Iterator[str]:
    """One line per miss (``-``), spurious find (``+``), span (``~``) or value (``!``) error."""
    for doc, pairs in results:
        for g, p in pairs:
            where = f"{doc.name} {doc.anchor}"
            anchor_start = g.start if g is not None else p.start if p is not None else 0
            context = doc.text[max(0, anchor_start - 40) : anchor_start + 50].replace("\n", " ")
            if p is None and g is not None:
                yield f"- {where} {g.type} {g.value} [{g.text}] | {context}"
            elif g is None and p is not None:
                yield f"+ {where} {p.rule} {p.value} [{p.text}] | {context}"
            elif g is not None and p is not None:
                if canonical_value(g.value) != canonical_value(p.value):
                    yield f"! {where} {p.rule} gold={g.value} got={p.value} [{g.text}]/[{p.text}] | {context}"
                elif (g.start, g.end) != (p.start, p.end):
                    yield f"~ {where} {p.rule} [{g.text}]/[{p.text}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimgraph.evaluation.timeml")
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--errors", action="store_true", help="list the errors instead")
    args = parser.parse_args(argv)
    if not (args.shared / CORPUS_DIR).is_dir():
        print(f"TimeML data not found at {args.shared / CORPUS_DIR}", file=sys.stderr)
        return 2
    if args.errors:
        for line in error_lines(run(args.shared)):
            print(line)
        return 0
    report = evaluate(args.shared)
    print(markdown(report))
    print(f"\n{report['seconds']} s for {report['total']['documents']} documents.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
