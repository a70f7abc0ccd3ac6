"""Train the content-edge re-ranker on PolNeAR train: ``python -m claimgraph.training.contents``.

The rules find the attributions of every training document (without a content model); an
attribution whose cue and single-piece content overlap a gold attribution's becomes two
ranking examples, one per edge: the candidates of ``claimgraph.nlp.content_model`` with
their features, and which candidate gives the gold edge (after the scorer's trimming). An
example whose gold edge is not among the candidates is left out. The weights are an averaged
perceptron (``EPOCHS`` passes in a fixed shuffle). Only PolNeAR ``train`` is read: ``dev``
stays for evaluation. The result is written as JSON into the package.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterable
from datetime import UTC, datetime

from spacy.tokens import Doc

from claimgraph.evaluation.polnear import GoldDoc, Span, load_split, trimmed
from claimgraph.nlp.attribution import Attribution, find_attributions
from claimgraph.nlp.content_model import (
    MODEL_FILE,
    ContentModel,
    EdgeContext,
    attribution_context,
    kept_out,
    left_candidates,
    left_features,
    right_candidates,
    right_features,
)
from claimgraph.nlp.pipeline import load_nlp
from claimgraph.training import polnear_args
from claimgraph.training.polnear_args import PACKAGE_DATA

SEED = 13
EPOCHS = 6
MIN_FEATURE_COUNT = 2  # features seen once are noise

# One ranking problem: each candidate's features, and the position of the gold one.
Example = tuple[list[list[str]], int]


def _gold_for(a: Attribution, gold: GoldDoc) -> Span | None:
    """The single-piece gold content of the gold attribution whose cue and content overlap
    ``a``'s, or None."""
    if a.content is None or a.content.fragments:
        return None
    cue = set(range(a.cue.start, a.cue.end))
    content = set(range(a.content.start, a.content.end))
    for relation in gold.relations:
        if relation.cue is None or relation.content is None:
            continue
        if len(relation.content.fragments) != 1:
            continue
        if cue & relation.cue.chars() and content & relation.content.chars():
            return trimmed(relation.content, gold.text)
    return None


def _trimmed_start(doc: Doc, i: int, text: str) -> int:
    token = doc[i]
    return trimmed(Span(((token.idx, token.idx + len(token.text)),)), text).start


def _trimmed_end(doc: Doc, i: int, text: str) -> int:
    token = doc[i]
    return trimmed(Span(((token.idx, token.idx + len(token.text)),)), text).end


def doc_examples(
    doc: Doc, gold: GoldDoc, attributions: Iterable[Attribution]
) -> tuple[list[Example], list[Example]]:
    """The left-edge and right-edge ranking examples of one document."""
    lefts: list[Example] = []
    rights: list[Example] = []
    attributions = list(attributions)
    others = kept_out(doc, (a.cue for a in attributions))  # as find_attributions does
    for a in attributions:
        target = _gold_for(a, gold)
        ctx = attribution_context(doc, a, others)
        if target is None or ctx is None:
            continue
        lefts.extend(_example(doc, ctx, target.start, gold.text, left=True))
        rights.extend(_example(doc, ctx, target.end, gold.text, left=False))
    return lefts, rights


def _example(doc: Doc, ctx: EdgeContext, target: int, text: str, *, left: bool) -> list[Example]:
    candidates = left_candidates(doc, ctx) if left else right_candidates(doc, ctx)
    edge = _trimmed_start if left else _trimmed_end
    gold = next((k for k, i in enumerate(candidates) if edge(doc, i, text) == target), None)
    if gold is None:
        return []
    features = left_features if left else right_features
    return [([features(doc, i, ctx) for i in candidates], gold)]


def fit(data: list[Example], *, epochs: int = EPOCHS, seed: int = SEED) -> dict[str, float]:
    """An averaged perceptron over ranking examples."""
    counts: dict[str, int] = {}
    for candidates, _ in data:
        for feats in candidates:
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
    keep = {f for f, c in counts.items() if c >= MIN_FEATURE_COUNT}
    weights: dict[str, float] = {}
    totals: dict[str, float] = {}  # sum of updates weighted by when they happened
    step = 1
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            candidates, gold = data[n]
            scores = [sum(weights.get(f, 0.0) for f in feats) for feats in candidates]
            guess = max(range(len(candidates)), key=lambda k: (scores[k], k != gold))
            if guess != gold:
                for f, delta in [(f, 1.0) for f in candidates[gold]] + [
                    (f, -1.0) for f in candidates[guess]
                ]:
                    if f in keep:
                        weights[f] = weights.get(f, 0.0) + delta
                        totals[f] = totals.get(f, 0.0) + step * delta
            step += 1
    averaged = {f: w - totals.get(f, 0.0) / step for f, w in weights.items()}
    return {f: round(w, 4) for f, w in averaged.items() if abs(w) >= 1e-3}


def accuracy(model: ContentModel, data: list[Example]) -> float:
    right = 0
    for candidates, gold in data:
        scores = [model.score(feats) for feats in candidates]
        right += max(range(len(candidates)), key=lambda k: scores[k]) == gold
    return right / len(data) if data else 0.0


def main(argv: list[str] | None = None) -> int:
    args = polnear_args.parse(
        "claimgraph.training.contents", PACKAGE_DATA / "models" / MODEL_FILE, argv
    )
    polnear = polnear_args.polnear_folder(args)
    if polnear is None:
        return 2
    docs = load_split(polnear, "train")
    nlp = load_nlp(args.model)
    data: list[Example] = []
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32), strict=True):
        found = find_attributions(doc, content_model=None)
        lefts, rights = doc_examples(doc, gold, found)
        data.extend(lefts + rights)
    weights = fit(data)
    model = ContentModel(
        weights,
        {
            "trained_on": f"PolNeAR v1.0.0 train (documents: {len(docs)}, edge examples: "
            f"{len(data)})",
            "parser": args.model,
            "train_accuracy": round(accuracy(ContentModel(weights, {}), data), 4),
            "date": datetime.now(UTC).date().isoformat(),
            "seed": SEED,
            "epochs": EPOCHS,
        },
    )
    args.output.write_text(
        json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.output}: {len(weights)} weights, {len(data)} edge examples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
