"""The event coder on the CAMEO codebook's example sentences: a development set.

``python -m claimgraph.evaluation.cameo_examples_eval --shared ../shared/data`` prints a
markdown report. ``plover/cameo-codes.csv`` (the CAMEO codebook table of the ``icews`` R
package, MIT) gives, for most CAMEO codes, an example sentence; each example whose code has a
PLOVER type in the packaged ``cameo.tsv`` (built from ``CAMEO2PLOVER-2021.txt``; appeals 02x
are REQUEST, 016 REJECT) is extracted and scored, per example:

* **type accuracy**: some predicted event has the code's PLOVER type;
* **root accuracy**: some predicted event of that type has the code's CAMEO root (first two
  digits: "0232" is root 02, an appeal, not 10, a demand);
* **events per example**: how many events the coder produced.

**A development set.** Rules are written from its misses, so its figures measure coverage of
the codebook, not generalisation. **Overlap with the GSR.** The PLOVER gold records
(``plover_eval``) were taken from the same CAMEO examples: most examples are near copies of a
gold record. An example that is a near copy of a gold *test* record (``same_sentence``) is left
out entirely, so that studying this set never shows a test record; one that copies a *dev*
record is kept and counted apart from the examples no gold record has (``independent``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from claimgraph.evaluation import plover_eval
from claimgraph.events import default_tables
from claimgraph.extractor import Extractor
from claimgraph.model import Article

CODEBOOK_FILE = Path("plover") / "cameo-codes.csv"
# The codebook's examples end with a coder's note ("Note: Two reciprocal events are coded
# ..."), which is no part of the sentence.
NOTE = re.compile(r"\s*Note:.*$", re.DOTALL)
# Codes whose example the codebook has yet to write ("NEED EXAMPLE.").
PLACEHOLDER = re.compile(r"^need example\b", re.IGNORECASE)
WORD = re.compile(r"[a-z]+")
# Two texts are the same sentence when their word sets overlap this much (Jaccard). Measured:
# the examples' best overlap with a gold record is either above 0.5 or below 0.3.
SAME_SENTENCE = 0.3
GROUPS = ("independent", "dev_copy")

Document = Mapping[str, Any]


def _decode(raw: bytes) -> str:
    """The file is UTF-8 that was once decoded as Mac Roman and saved as cp1252 (the same
    repair as ``scripts/build_event_tables.py``)."""
    return raw.decode("cp1252").encode("mac_roman").decode("utf-8", errors="replace")


def _words(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text.lower()))


def same_sentence(a: frozenset[str], b: frozenset[str]) -> bool:
    union = a | b
    return bool(union) and len(a & b) / len(union) > SAME_SENTENCE


def load_examples(shared: Path) -> list[dict[str, str]]:
    """``{code, type, root, text}`` for every example whose code has a PLOVER type."""
    text = _decode((shared / CODEBOOK_FILE).read_bytes())
    codes = default_tables().codes
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        code = row["code"].strip()
        example = NOTE.sub("", row.get("example") or "").strip()
        known = codes.get(code)
        if example in ("", "NA") or PLACEHOLDER.match(example) or known is None or not known.type:
            continue
        out.append({"code": code, "type": known.type, "root": code[:2], "text": example})
    return out


def grouped(
    examples: Sequence[dict[str, str]], gold: Sequence[Mapping[str, Any]]
) -> tuple[dict[str, list[dict[str, str]]], int]:
    """The examples by their overlap with the GSR (``GROUPS``), and how many copy a test
    record (those are dropped, unread)."""
    words = [(_words(r["text"]), plover_eval.split_of(n)) for n, r in enumerate(gold)]
    groups: dict[str, list[dict[str, str]]] = {g: [] for g in GROUPS}
    dropped = 0
    for example in examples:
        mine = _words(example["text"])
        splits = {split for other, split in words if same_sentence(mine, other)}
        if "test" in splits:
            dropped += 1
        else:
            groups["dev_copy" if splits else "independent"].append(example)
    return groups, dropped


def score_example(example: Mapping[str, str], events: Sequence[Document]) -> dict[str, Any]:
    same_type = [e for e in events if e["type"] == example["type"]]
    return {
        "code": example["code"],
        "type": example["type"],
        "type_found": bool(same_type),
        "root_found": any((e.get("cameo") or "")[:2] == example["root"] for e in same_type),
        "events": len(events),
        "predicted": [f"{e['type']}:{e.get('cameo')}" for e in events],
    }


def score(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    gold = Counter(r["type"] for r in rows)
    found = Counter(r["type"] for r in rows if r["type_found"])
    return {
        "examples": n,
        "type_accuracy": round(sum(r["type_found"] for r in rows) / n, 4) if n else 0.0,
        "root_accuracy": round(sum(r["root_found"] for r in rows) / n, 4) if n else 0.0,
        "events_per_example": round(sum(r["events"] for r in rows) / n, 3) if n else 0.0,
        "without_events": sum(1 for r in rows if not r["events"]),
        "per_type": {t: {"examples": gold[t], "found": found[t]} for t in sorted(gold)},
    }


def evaluate(shared: Path, *, extractor: Extractor | None = None) -> dict[str, Any]:
    """Extract every kept example and score it (see the module docstring)."""
    groups, dropped = grouped(load_examples(shared), plover_eval.load_gold(shared))
    extractor = extractor or Extractor()
    started = time.perf_counter()
    rows: dict[str, list[dict[str, Any]]] = {}
    for group, examples in groups.items():
        documents = extractor.extract_many(Article(text=e["text"]) for e in examples)
        rows[group] = [
            {**score_example(e, d["events"]), "text": e["text"]}
            for e, d in zip(examples, documents, strict=True)
        ]
    report = score([r for group in GROUPS for r in rows[group]])
    for group in GROUPS:
        report[group] = score(rows[group])
    report["dropped_test_copies"] = dropped
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["rows"] = rows
    return report


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


REPORT_ROWS = (
    ("examples", "examples"),
    ("event-type accuracy", "type_accuracy"),
    ("CAMEO root accuracy", "root_accuracy"),
    ("events per example", "events_per_example"),
    ("examples with no event", "without_events"),
)


def _cell(key: str, value: float) -> str:
    if key in ("examples", "without_events"):
        return str(value)
    return f"{value:.2f}" if key == "events_per_example" else _pct(value)


def markdown(report: Mapping[str, Any]) -> str:
    """The report as a markdown section (for docs/evaluation.md)."""
    lines = [
        "## Events: CAMEO codebook examples (`plover/cameo-codes.csv`), a development set",
        "",
        f"The codebook's example sentences whose CAMEO code has a PLOVER type; {report['seconds']}"
        " s. **Development set**: rules are written from its misses. Examples that are near"
        f" copies of a PLOVER gold *test* record are left out ({report['dropped_test_copies']});"
        " copies of gold *dev* records are counted apart from the examples no gold record has.",
        "",
        "| measure | independent | copies of dev | all kept |",
        "|---|---|---|---|",
    ]
    parts = [report[g] for g in GROUPS] + [report]
    for label, key in REPORT_ROWS:
        lines.append(f"| {label} | " + " | ".join(_cell(key, p[key]) for p in parts) + " |")
    lines += ["", "| type | examples | type found |", "|---|---|---|"]
    for t, row in report["per_type"].items():
        lines.append(f"| {t} | {row['examples']} | {row['found']} |")
    return "\n".join(lines) + "\n"


def _misses(report: Mapping[str, Any]) -> str:
    out = []
    for group in GROUPS:
        for r in report["rows"][group]:
            if not r["root_found"]:
                mark = "ROOT" if r["type_found"] else "TYPE"
                out.append(f"{mark} {group} {r['code']} {r['type']} {r['predicted']} | {r['text']}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the event coder on CAMEO's examples.")
    parser.add_argument("--shared", type=Path, default=Path("..") / "shared" / "data")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--misses", action="store_true", help="list the examples missed")
    args = parser.parse_args(argv)
    if not (args.shared / CODEBOOK_FILE).is_file():
        print(f"{args.shared / CODEBOOK_FILE} not found; nothing measured", file=sys.stderr)
        return 2
    report = evaluate(args.shared)
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        sys.stdout.write(_misses(report) if args.misses else markdown(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
