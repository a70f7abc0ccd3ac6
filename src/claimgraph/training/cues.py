"""Train the cue detector on PolNeAR train: ``python -m claimgraph.training.cues``.

Candidates are the verbs of every sentence; a candidate is positive when it lies inside the
cue of a gold attribution. A logistic regression with L2 is fitted by AdaGrad on 80% of the
training documents (a fixed shuffle), the decision threshold is chosen for F1 on the other
20%, and then the model is refitted on all of train. Only PolNeAR ``train`` is read: ``dev``
stays for evaluation. The result is written as JSON into the package.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import Counter
from datetime import UTC, datetime

from claimgraph.evaluation.polnear import GoldDoc, load_split
from claimgraph.nlp.cue_model import MODEL_FILE, CueModel, cue_features
from claimgraph.nlp.lexicon import cue_lexicon
from claimgraph.nlp.pipeline import load_nlp
from claimgraph.training import polnear_args
from claimgraph.training.polnear_args import PACKAGE_DATA

SEED = 13
EPOCHS = 8
LEARNING_RATE = 0.05  # AdaGrad step; 0.5 overshot: held-out verb F1 0.753 against 0.786 (8 epochs)
L2 = 1e-4
MIN_FEATURE_COUNT = 2  # features seen once are noise
HELD_OUT_SHARE = 0.2

Example = tuple[list[str], int]


def examples(docs: list[GoldDoc], model_name: str) -> list[list[Example]]:
    nlp = load_nlp(model_name)
    lexicon = cue_lexicon()
    out = []
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32), strict=True):
        cue_chars = {
            i
            for r in gold.relations
            if r.cue is not None
            for s, e in r.cue.fragments
            for i in range(s, e)
        }
        doc_examples = []
        for token in doc:
            if token.pos_ != "VERB":
                continue
            label = int(token.idx in cue_chars)
            doc_examples.append((cue_features(token, lexicon), label))
        out.append(doc_examples)
    return out


def fit(
    data: list[Example], *, epochs: int = EPOCHS, seed: int = SEED
) -> tuple[dict[str, float], float]:
    counts = Counter(f for feats, _ in data for f in feats)
    keep = {f for f, c in counts.items() if c >= MIN_FEATURE_COUNT}
    weights: dict[str, float] = {}
    grad_sq: dict[str, float] = {}
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, label = data[i]
            feats = [f for f in feats if f in keep]
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - label
            bias_sq += g * g
            bias -= LEARNING_RATE * g / math.sqrt(bias_sq)
            for f in feats:
                w = weights.get(f, 0.0)
                gf = g + L2 * w
                grad_sq[f] = grad_sq.get(f, 1e-8) + gf * gf
                weights[f] = w - LEARNING_RATE * gf / math.sqrt(grad_sq[f])
    return {f: round(w, 5) for f, w in weights.items() if abs(w) >= 1e-4}, bias


def best_threshold(model: CueModel, data: list[Example]) -> tuple[float, float]:
    scored = sorted(((model.probability(f), y) for f, y in data), reverse=True)
    positives = sum(y for _, y in data)
    best = (0.0, 0.5)
    tp = 0
    for k, (p, y) in enumerate(scored, start=1):
        tp += y
        f1 = 2 * tp / (k + positives) if positives else 0.0
        if f1 > best[0]:
            best = (f1, p)
    return best


def main(argv: list[str] | None = None) -> int:
    args = polnear_args.parse(
        "claimgraph.training.cues", PACKAGE_DATA / "models" / MODEL_FILE, argv
    )
    polnear = polnear_args.polnear_folder(args)
    if polnear is None:
        return 2
    docs = load_split(polnear, "train")
    per_doc = examples(docs, args.model)
    order = list(range(len(per_doc)))
    random.Random(SEED).shuffle(order)
    cut = int(len(order) * (1 - HELD_OUT_SHARE))
    train = [ex for i in order[:cut] for ex in per_doc[i]]
    held = [ex for i in order[cut:] for ex in per_doc[i]]
    weights, bias = fit(train)
    held_f1, threshold = best_threshold(CueModel(weights, bias, 0.5, {}), held)
    all_examples = train + held
    weights, bias = fit(all_examples)
    meta = {
        "trained_on": f"PolNeAR v1.0.0 train (documents: {len(docs)}, candidate verbs: "
        f"{len(all_examples)}, positives: {sum(y for _, y in all_examples)})",
        "parser": args.model,
        "held_out_f1": round(held_f1, 4),
        "threshold_from": "F1-best on a 20% held-out slice of train",
        "date": datetime.now(UTC).date().isoformat(),
        "seed": SEED,
    }
    model = CueModel(weights, bias, round(threshold, 4), meta)
    args.output.write_text(
        json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(
        f"wrote {args.output}: {len(weights)} weights, threshold {threshold:.3f}, held-out verb F1 {held_f1:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
