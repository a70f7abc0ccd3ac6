"""The event coder against PLOVER's gold records, and the seed's event expectations.

``python -m claimgraph.evaluation.plover_eval --shared ../shared/data`` prints a markdown
report. The gold is ``plover/PLOVER_GSR_CAMEO.txt``: one sentence per record, each coded with
one PLOVER event (the CAMEO manual's examples). Older category names are mapped to the current
ones (``RENAMED``). Measures, per record:

* **type accuracy**: some predicted event has the gold type;
* **actor accuracy**: of the gold participant codes (sources and targets), the share found in
  the same role of the predicted event of the gold type that covers most of them (a record
  without such an event scores zero for all its codes); a source the markup calls reciprocal
  (``SRC/TAR``, "held talks with leaders of *Romania's new government*") may be in either role;
* **extra events per record**: predicted events beyond the one matching the gold event;
* **per-type precision and recall**: a record's gold type counts once as found (true
  positive) or missed; every other predicted event of a type is a false positive for it.

Gold codes are compared after ``CODE_ALIASES`` (the GSR's non-ISO codes), and the GSR's
catch-all ``IGO`` matches any intergovernmental code of the actor tables (``UNO``, ``EUR``...).

**Dev/test split.** The records (in file order, without the DOCUMENT header) are split by
position: even positions (0, 2, 4...) are *dev*, odd positions are *test* (``split_of``).
Every category is spread over both halves, and the split does not depend on the text. Error
analysis and rule writing may look at dev records only; test records are scored, never read.
The report gives the scores for dev, test and all records (the top-level figures are all).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from claimgraph.extractor import Extractor
from claimgraph.model import Article

GSR_FILE = Path("plover") / "PLOVER_GSR_CAMEO.txt"
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Codes of the GSR that are not ISO 3166-1 alpha-3 (older CAMEO country codes).
CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# The GSR's markup for a reciprocal participant ("(SRC/TAR: Romania's new government)"): the
# record lists it among the sources, and the PLOVER manual makes every party of a reciprocal
# event (a meeting) an actor, so it is matched in either role.
RECIPROCAL_MARK = re.compile(r"\(SRC/TAR:\s*([^()]*?)\s*\)")
IGO_CODES = frozenset({"IGO", "UNO", "EUR", "NAT", "AFR", "ASN", "OAS", "ARL", "OPC"})
ANCHORS = {
    "GDELT hand check: event codes correct": "81.2%",
    "GDELT hand check: actors correct": "79%",
    "UniversalPetrarch: extra events on its validation set": "315% (3.15 per record)",
}
TARGETS = {"type_accuracy": 0.85, "actor_accuracy": 0.85, "extra_per_record": 0.2}
SPLITS = ("dev", "test")

Document = Mapping[str, Any]


def load_gold(shared: Path) -> list[dict[str, Any]]:
    """The GSR records, without the DOCUMENT header, with current type names."""
    records = json.loads((shared / GSR_FILE).read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        out.append({**r, "event": RENAMED.get(r["event"], r["event"])})
    return out


def split_of(position: int) -> str:
    """The split of the record at this position of ``load_gold``'s list: even dev, odd test."""
    return SPLITS[position % 2]


def _codes(slot: object) -> list[str]:
    if not isinstance(slot, list):
        return []
    codes = [CODE_ALIASES.get(a.get("code", ""), a.get("code", "")) for a in slot]
    return [c for c in codes if c]


def _matches(gold_code: str, predicted: Iterable[str]) -> bool:
    found = set(predicted)
    if gold_code == "IGO":
        return bool(found & IGO_CODES)
    return gold_code in found


def _covered(gold: Sequence[str], predicted: Iterable[str]) -> int:
    predicted = list(predicted)
    return sum(1 for code in gold if _matches(code, predicted))


def _reciprocal(record: Mapping[str, Any]) -> list[str]:
    """The codes of the sources the markup calls reciprocal (``RECIPROCAL_MARK``)."""
    info = record.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, Mapping) else ""
    texts = {m.strip().lower() for m in RECIPROCAL_MARK.findall(markup)}
    slot = record.get("source")
    if not texts or not isinstance(slot, list):
        return []
    return [
        CODE_ALIASES.get(a["code"], a["code"])
        for a in slot
        if a.get("code") and a.get("actorText", "").strip().lower() in texts
    ]


def score_record(record: Mapping[str, Any], events: Sequence[Document]) -> dict[str, Any]:
    gold_type = record["event"]
    sources, targets = _codes(record.get("source")), _codes(record.get("target"))
    reciprocal = _reciprocal(record)
    one_way = list(sources)
    for code in reciprocal:
        one_way.remove(code)
    same_type = [e for e in events if e["type"] == gold_type]

    def found(e: Document) -> int:
        both = [p["code"] for p in (*e["actor"], *e["recipient"])]
        return (
            _covered(one_way, (p["code"] for p in e["actor"]))
            + _covered(targets, (p["code"] for p in e["recipient"]))
            + _covered(reciprocal, both)
        )

    best = max(same_type, key=found, default=None)
    return {
        "type": gold_type,
        "type_found": best is not None,
        "participants": len(sources) + len(targets),
        "participants_found": found(best) if best is not None else 0,
        "extra": len(events) - (1 if best is not None else 0),
        "predicted_types": [e["type"] for e in events],
    }


def score(records: Sequence[Mapping[str, Any]], documents: Sequence[Document]) -> dict[str, Any]:
    rows = [score_record(r, d["events"]) for r, d in zip(records, documents, strict=True)]
    n = len(rows)
    participants = sum(r["participants"] for r in rows)
    typed = [r for r in rows if r["type_found"]]
    per_type: dict[str, dict[str, float]] = {}
    gold_count = Counter(r["type"] for r in rows)
    tp = Counter(r["type"] for r in typed)
    fp: Counter[str] = Counter()
    for r in rows:
        predicted = Counter(r["predicted_types"])
        if r["type_found"]:
            predicted[r["type"]] -= 1
        fp.update({t: c for t, c in predicted.items() if c > 0})
    for t in sorted(set(gold_count) | set(fp)):
        precision = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        recall = tp[t] / gold_count[t] if gold_count[t] else 0.0
        per_type[t] = {
            "gold": gold_count[t],
            "tp": tp[t],
            "fp": fp[t],
            "precision": round(precision, 3),
            "recall": round(recall, 3),
        }
    typed_participants = sum(r["participants"] for r in typed)
    return {
        "records": n,
        "type_accuracy": round(len(typed) / n, 4) if n else 0.0,
        "actor_accuracy": round(sum(r["participants_found"] for r in rows) / participants, 4)
        if participants
        else 0.0,
        "actor_accuracy_when_type_found": round(
            sum(r["participants_found"] for r in typed) / typed_participants, 4
        )
        if typed_participants
        else 0.0,
        "extra_per_record": round(sum(r["extra"] for r in rows) / n, 4) if n else 0.0,
        "records_without_events": sum(1 for r in rows if not r["predicted_types"]),
        "per_type": per_type,
    }


def evaluate(shared: Path, *, extractor: Extractor | None = None) -> dict[str, Any]:
    """Extract every GSR sentence and score the events (see the module docstring)."""
    records = load_gold(shared)
    extractor = extractor or Extractor()
    started = time.perf_counter()
    documents = list(extractor.extract_many(Article(text=r["text"]) for r in records))
    report = score(records, documents)
    for split in SPLITS:
        chosen = [n for n in range(len(records)) if split_of(n) == split]
        report[split] = score([records[n] for n in chosen], [documents[n] for n in chosen])
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["seed"] = seed_report(shared, extractor)
    return report


# --- the seed's expectations -------------------------------------------------------------


def _any_text(expected: Sequence[str] | None, actual: str | None) -> bool:
    if not expected:
        return True
    return actual is not None and any(x.lower() in actual.lower() for x in expected)


def _event_meets(event: Document, expected: Mapping[str, Any]) -> bool:
    if "type" in expected and event["type"] not in expected["type"]:
        return False
    for role in ("actor", "recipient"):
        codes = {p["code"] for p in event[role]}
        if not set(expected.get(role, ())) <= codes:
            return False
    if "date" in expected and event.get("date") not in expected["date"]:
        return False
    return _any_text(expected.get("trigger"), event["trigger"]["text"])


def check_events(document: Document, gold: Mapping[str, Any]) -> list[str]:
    """What the document misses of a ``claimgraph.expectations/1`` file's ``events`` and
    ``forbidden_events`` (empty when all are met). Matching follows the file's
    ``how_to_match``: lists are alternatives, actor/recipient lists must be covered."""
    problems = []
    events = document["events"]
    for n, expected in enumerate(gold.get("events", [])):
        if not any(_event_meets(e, expected) for e in events):
            problems.append(f"expected event {n} not found: {json.dumps(expected)}")
    for n, forbidden in enumerate(gold.get("forbidden_events", [])):
        allowed = set(forbidden.get("unless_flags", ()))
        for e in events:
            rule = {k: v for k, v in forbidden.items() if k not in ("why", "unless_flags")}
            flagged = any(e["flags"].get(f) for f in allowed)
            if _event_meets(e, rule) and not flagged:
                problems.append(f"forbidden event {n} produced as {e['id']} ({e['type']})")
    return problems


def seed_report(shared: Path, extractor: Extractor) -> list[dict[str, Any]]:
    from claimgraph.readers import read

    out = []
    for gold_path in sorted((shared / "seed").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = next(
            a for a in read([str(gold_path.parent / gold["file"])]) if isinstance(a, Article)
        )
        problems = check_events(extractor.extract(article), gold)
        out.append(
            {
                "file": gold["file"],
                "expected": len(gold.get("events", [])),
                "forbidden": len(gold.get("forbidden_events", [])),
                "problems": problems,
            }
        )
    return out


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


# The rows of the report's summary table: (label, key of the score, target).
REPORT_ROWS = (
    ("records", "records", ""),
    ("event-type accuracy", "type_accuracy", "≥ 85%"),
    ("actor/recipient accuracy", "actor_accuracy", "≥ 85%"),
    ("actor/recipient accuracy, type found", "actor_accuracy_when_type_found", ""),
    ("extra events per record", "extra_per_record", "≤ 0.2"),
    ("records with no event", "records_without_events", ""),
)


def _cell(key: str, value: float) -> str:
    if key in ("records", "records_without_events"):
        return str(value)
    return f"{value:.2f}" if key == "extra_per_record" else _pct(value)


def markdown(report: Mapping[str, Any]) -> str:
    """The report as a markdown section (for docs/evaluation.md)."""
    lines = [
        "## Events: PLOVER gold records (`plover/PLOVER_GSR_CAMEO.txt`)",
        "",
        f"{report['records']} records, {report['seconds']} s. Older names mapped: "
        + ", ".join(f"{k} → {v}" for k, v in RENAMED.items())
        + ". Dev = even positions, test = odd positions (rules are written on dev only).",
        "",
        "| measure | dev | test | all | target |",
        "|---|---|---|---|---|",
    ]
    parts = [report.get(split, report) for split in SPLITS] + [report]
    for label, key, target in REPORT_ROWS:
        cells = [_cell(key, part[key]) for part in parts]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")
    lines += [
        "",
        "Anchors: " + "; ".join(f"{k} {v}" for k, v in ANCHORS.items()) + ".",
        "",
        "Per type, all records:",
        "",
        "| type | gold | found | false pos. | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    for t, row in report["per_type"].items():
        lines.append(
            f"| {t} | {row['gold']} | {row['tp']} | {row['fp']} | "
            f"{_pct(row['precision'])} | {_pct(row['recall'])} |"
        )
    lines += [
        "",
        "### Seed events",
        "",
        "| file | expected | forbidden | problems |",
        "|---|---|---|---|",
    ]
    for s in report.get("seed", []):
        lines.append(
            f"| {s['file']} | {s['expected']} | {s['forbidden']} | "
            f"{'; '.join(s['problems']) or 'none'} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the event coder on PLOVER's gold records.")
    parser.add_argument("--shared", type=Path, default=Path("..") / "shared" / "data")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = evaluate(args.shared)
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if args.json else markdown(report))
    return 1 if any(s["problems"] for s in report["seed"]) else 0


if __name__ == "__main__":
    raise SystemExit(main())
