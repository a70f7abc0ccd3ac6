"""Stance detection against FNC-1 and Emergent: ``python -m claimgraph.evaluation.stance_eval``.

* **FNC-1**: the shipped model on the held-out 20% of FNC-1 train bodies
  (:func:`claimgraph.stance.fnc.is_held_out`), which training never reads: FNC score, accuracy,
  per-class F1, macro-F1 and the confusion matrix.
* **Emergent** (claim headline vs article headline, for / against / observing): grouped
  k-fold cross-validation by claim (no claim in both the training and the test folds), a
  stage-2 model refitted on each training fold with the same features and the shipped IDF.
  The shipped FNC-1 model applied to Emergent unchanged is reported beside it.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from claimgraph.stance import EMERGENT_STANCE
from claimgraph.stance.fnc import LABELS, classification_report, fnc_percent, is_held_out
from claimgraph.stance.linear import DenseTransform, take_rows
from claimgraph.stance.model import (
    STANCE_LABELS,
    Pair,
    PairMatrix,
    StanceModel,
    featurize,
    load_model,
    packaged_model_path,
)
from claimgraph.training.stance import fit_stage2, load_fnc

ANCHORS = {
    "FNC-1 winner, Talos (SOLAT in the SWEN), competition test": 82.02,
    "FNC-1 baseline (gradient boosting, hand features), its own hold-out split": 79.53,
}
EMERGENT_ANCHOR = "Ferreira & Vlachos (NAACL 2016), Emergent, accuracy 73.3%"
EMERGENT_FILE = "url-versions-2015-06-14-clean-train.csv"
EMERGENT_LABELS = ("for", "against", "observing")
FOLDS = 10
SEED = 13
TO_FNC = {v: k for k, v in EMERGENT_STANCE.items()}


class EmergentRow(NamedTuple):
    claim_id: str
    claim: str
    headline: str
    stance: str


def load_emergent(shared: Path) -> list[EmergentRow]:
    with (shared / "emergent" / EMERGENT_FILE).open(encoding="utf-8", newline="") as handle:
        return [
            EmergentRow(
                r["claimId"], r["claimHeadline"], r["articleHeadline"], r["articleHeadlineStance"]
            )
            for r in csv.DictReader(handle)
        ]


def claim_folds(rows: list[EmergentRow], folds: int = FOLDS, seed: int = SEED) -> list[int]:
    """Fold number of each row: claims shuffled with a fixed seed, dealt round-robin."""
    claims = sorted({r.claim_id for r in rows})
    random.Random(seed).shuffle(claims)
    fold_of = {claim: i % folds for i, claim in enumerate(claims)}
    return [fold_of[r.claim_id] for r in rows]


def fnc_held_out(shared: Path, model: StanceModel) -> dict[str, Any]:
    data = load_fnc(shared)
    rows = [r for r in data.rows if is_held_out(r.body_id)]
    started = time.perf_counter()
    predicted = [p.stance for p in model.predict(data.pairs(rows))]
    gold = [r.stance or "" for r in rows]
    report = classification_report(gold, predicted, LABELS)
    report["fnc_score"] = fnc_percent(gold, predicted)
    report["bodies"] = len({r.body_id for r in rows})
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def emergent_cv(shared: Path, model: StanceModel) -> dict[str, Any]:
    rows = load_emergent(shared)
    folds = claim_folds(rows)
    pairs = [Pair(r.claim, r.headline) for r in rows]
    matrix = featurize(pairs, model.idf, model.buckets)
    gold = [r.stance for r in rows]
    predicted = [""] * len(rows)
    for fold in range(FOLDS):
        train = np.array([i for i, f in enumerate(folds) if f != fold], dtype=np.int64)
        test = np.array([i for i, f in enumerate(folds) if f == fold], dtype=np.int64)
        train_matrix = PairMatrix(matrix.dense[train], take_rows(matrix.rows, train))
        transform = DenseTransform.fit(train_matrix.dense)
        stage2 = fit_stage2(train_matrix, transform, [TO_FNC[gold[i]] for i in train])
        probabilities = stage2.probabilities(
            transform(matrix.dense[test]), take_rows(matrix.rows, test)
        )
        for i, p in zip(test, probabilities, strict=True):
            predicted[i] = EMERGENT_STANCE[STANCE_LABELS[int(np.argmax(p))]]
    report = classification_report(gold, predicted, EMERGENT_LABELS)
    # The shipped FNC-1 model as is: its stage-2 label, whatever stage 1 says.
    transfer = [
        EMERGENT_STANCE[max(p.probabilities, key=lambda k: p.probabilities[k])]
        for p in model.predict(pairs)
    ]
    transfer_report = classification_report(gold, transfer, EMERGENT_LABELS)
    report["folds"] = FOLDS
    report["claims"] = len({r.claim_id for r in rows})
    report["fnc_model_transfer"] = {
        "accuracy": transfer_report["accuracy"],
        "macro_f1": transfer_report["macro_f1"],
    }
    return report


def evaluate(shared: Path, *, model_path: Path | None = None) -> dict[str, Any]:
    model = load_model(model_path or packaged_model_path())
    out: dict[str, Any] = {"model": model.meta.get("trained_on", "")}
    if (shared / "fnc1").is_dir():
        out["fnc1"] = fnc_held_out(shared, model)
    if (shared / "emergent" / EMERGENT_FILE).is_file():
        out["emergent"] = emergent_cv(shared, model)
    return out


def _class_table(report: dict[str, Any], labels: tuple[str, ...]) -> list[str]:
    lines = ["| class | P | R | F1 | support |", "|---|---|---|---|---|"]
    for label in labels:
        c = report["per_class"][label]
        lines.append(f"| {label} | {c['p']:.3f} | {c['r']:.3f} | {c['f1']:.3f} | {c['support']} |")
    lines += ["", "Confusion (rows gold, columns predicted):", ""]
    lines += [
        "| gold \\ predicted | " + " | ".join(labels) + " |",
        "|---" * (len(labels) + 1) + "|",
    ]
    for g in labels:
        lines.append(
            f"| {g} | " + " | ".join(str(report["confusion"][g][p]) for p in labels) + " |"
        )
    return lines


def markdown(report: dict[str, Any]) -> str:
    lines = ["## Stance: FNC-1 and Emergent", ""]
    fnc = report.get("fnc1")
    if fnc:
        lines += [
            f"FNC-1 train, held-out 20% of bodies ({fnc['bodies']} bodies, {fnc['n']} pairs; "
            "the shipped model never saw them):",
            "",
            "| system | FNC score % | accuracy | macro-F1 |",
            "|---|---|---|---|",
            f"| claimgraph (this run) | {fnc['fnc_score']:.2f} | {fnc['accuracy']:.4f} | {fnc['macro_f1']:.4f} |",
        ]
        lines += [f"| {name} (published) | {score} | – | – |" for name, score in ANCHORS.items()]
        lines += [""] + _class_table(fnc, LABELS) + [""]
    emergent = report.get("emergent")
    if emergent:
        transfer = emergent["fnc_model_transfer"]
        lines += [
            f"Emergent train ({emergent['n']} claim/headline pairs, {emergent['claims']} claims), "
            f"{emergent['folds']}-fold cross-validation grouped by claim: accuracy "
            f"{emergent['accuracy']:.4f}, macro-F1 {emergent['macro_f1']:.4f} "
            f"(anchor: {EMERGENT_ANCHOR}). The shipped FNC-1 model unchanged: accuracy "
            f"{transfer['accuracy']:.4f}, macro-F1 {transfer['macro_f1']:.4f}.",
            "",
        ]
        lines += _class_table(emergent, EMERGENT_LABELS) + [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimgraph.evaluation.stance_eval")
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", type=Path, help="a stance_model.npz (default: the shipped one)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    report = evaluate(args.shared, model_path=args.model)
    print(json.dumps(report, indent=2) if args.json else markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
