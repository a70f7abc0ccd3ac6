"""FNC-1 files and scores: the stances/bodies CSV layout, the official weighted score, F1.

Layout: a stances file with ``Headline, Body ID[, Stance]`` and a bodies file with
``Body ID, articleBody``. The FNC-1 score gives 0.25 for telling related from unrelated
correctly and 0.75 more for the right agree/disagree/discuss label of a related pair; it is
reported as a percentage of the score a perfect system would get.
"""

from __future__ import annotations

import csv
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from claimgraph.errors import InputError

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset(LABELS[:3])
STANCE_COLUMNS = ("Headline", "Body ID")
BODY_COLUMNS = ("Body ID", "articleBody")
GOLD_COLUMN = "Stance"
RELATED_CREDIT = 0.25  # related vs unrelated right
LABEL_CREDIT = 0.75  # and the right label among agree/disagree/discuss
HELD_OUT_PERCENT = 20  # of FNC-1 train bodies, kept out of training for measurement
HELD_OUT_SALT = "claimgraph-stance-heldout"  # changing it changes the split: keep it fixed
# csv's default field limit (128 kB) is below some article bodies.
FIELD_SIZE_LIMIT = 1 << 24


class StanceRow(NamedTuple):
    headline: str
    body_id: str
    stance: str | None  # the gold label when the file has one
    fields: dict[str, str]  # the whole row, written back unchanged


def _reader(path: Path, handle: TextIO, required: Sequence[str]) -> csv.DictReader[str]:
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    reader = csv.DictReader(handle)
    header = reader.fieldnames or []
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(
            str(path),
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(found: {', '.join(header) or 'no header'})",
        )
    return reader


def read_stances(path: Path) -> list[StanceRow]:
    """Rows of an FNC-1 stances file; a bad gold label is an :class:`InputError`."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = _reader(path, handle, STANCE_COLUMNS)
            has_gold = GOLD_COLUMN in (reader.fieldnames or [])
            rows = []
            for number, record in enumerate(reader, start=2):
                # An empty Stance cell means "no gold label" (a file to be labelled).
                stance = (record.get(GOLD_COLUMN) or "").strip() or None if has_gold else None
                if stance is not None and stance not in LABELS:
                    raise InputError(
                        str(path),
                        f"Stance {stance!r} is not one of {', '.join(LABELS)}",
                        record=number,
                    )
                fields = {k: v for k, v in record.items() if k is not None}
                rows.append(
                    StanceRow(
                        record["Headline"] or "", (record["Body ID"] or "").strip(), stance, fields
                    )
                )
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"cannot read as an FNC-1 stances CSV: {exc}") from exc
    return rows


def read_bodies(path: Path) -> dict[str, str]:
    """``Body ID`` → ``articleBody`` of an FNC-1 bodies file."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = _reader(path, handle, BODY_COLUMNS)
            return {
                (record["Body ID"] or "").strip(): record["articleBody"] or "" for record in reader
            }
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"cannot read as an FNC-1 bodies CSV: {exc}") from exc


def write_stances(handle: TextIO, rows: Iterable[StanceRow], predictions: Iterable[str]) -> int:
    """The input rows with ``Stance`` set to the prediction (added as the last column if new)."""
    writer: csv.DictWriter[str] | None = None
    count = 0
    for row, stance in zip(rows, predictions, strict=True):
        if writer is None:
            columns = list(row.fields)
            if GOLD_COLUMN not in columns:
                columns.append(GOLD_COLUMN)
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
        writer.writerow({**row.fields, GOLD_COLUMN: stance})
        count += 1
    if writer is None:
        csv.writer(handle, lineterminator="\n").writerow([*STANCE_COLUMNS, GOLD_COLUMN])
    return count


def is_held_out(body_id: str) -> bool:
    """Whether an FNC-1 body belongs to claimgraph's held-out slice (a stable hash of its id).

    Splitting by body keeps every headline paired with a held-out body out of training.
    """
    return zlib.crc32(f"{HELD_OUT_SALT}:{body_id}".encode()) % 100 < HELD_OUT_PERCENT


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """(score, best possible score) by the official FNC-1 rule."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    score = maximum = 0.0
    for g, p in zip(gold, predicted, strict=True):
        maximum += RELATED_CREDIT + (LABEL_CREDIT if g in RELATED else 0.0)
        if (g in RELATED) == (p in RELATED):
            score += RELATED_CREDIT
            if g in RELATED and g == p:
                score += LABEL_CREDIT
    return score, maximum


def fnc_percent(gold: Sequence[str], predicted: Sequence[str]) -> float:
    score, maximum = fnc_score(gold, predicted)
    return 100.0 * score / maximum if maximum else 0.0


def classification_report(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, Any]:
    """Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix (gold rows)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    confusion = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    per_class = {}
    for label in labels:
        tp = confusion[label][label]
        predicted_n = sum(confusion[g][label] for g in labels)
        gold_n = sum(confusion[label].values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"p": precision, "r": recall, "f1": f1, "support": gold_n}
    correct = sum(confusion[label][label] for label in labels)
    return {
        "n": len(gold),
        "accuracy": correct / len(gold) if gold else 0.0,
        "macro_f1": sum(c["f1"] for c in per_class.values()) / len(labels),
        "per_class": per_class,
        "confusion": confusion,
    }
