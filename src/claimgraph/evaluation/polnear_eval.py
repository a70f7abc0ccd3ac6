"""The attribution layer against PolNeAR dev: ``python -m claimgraph.evaluation.polnear_eval``.

Only the outermost attributions are scored: PolNeAR annotates each token in at most one
attribution, so a report inside another report's content is not in its gold. Scores are
defined in :mod:`claimgraph.evaluation.polnear`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from claimgraph.evaluation.polnear import PRF, add_scores, load_split, score_roles, to_relations
from claimgraph.nlp.attribution import find_attributions
from claimgraph.nlp.pipeline import load_nlp

ANCHORS = {
    "CofeNet (BERT, COLING 2022), PolNeAR, exact F1": {
        "source": 83.2,
        "cue": 75.3,
        "content": 72.9,
    },
    "Citron (BBC), PARC 3.0, exact F1": {"source": 82.0, "cue": 82.3, "content": 59.3},
    "Stanford CoreNLP, PolNeAR, exact F1": {"source": 13.9, "content": 17.5},
}
TARGETS = {"source": 80.0, "cue": 78.0, "content": 70.0}


def evaluate(
    shared_data_dir: Path, *, split: str = "dev", model: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    docs = load_split(shared_data_dir / "polnear", split)[:limit]
    nlp = load_nlp(model)  # the same components as in training and in extraction
    total: dict[str, dict[str, PRF]] = {}
    started = time.perf_counter()
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16), strict=True):
        predicted = to_relations(a for a in find_attributions(doc) if a.nested_in is None)
        total = add_scores(total, score_roles(predicted, gold.relations, gold.text))
    return {
        "split": split,
        "documents": len(docs),
        "gold_relations": sum(len(d.relations) for d in docs),
        "seconds": round(time.perf_counter() - started, 1),
        "scores": {
            level: {
                role: {
                    "p": prf.precision,
                    "r": prf.recall,
                    "f1": prf.f1,
                    "matched": prf.matched,
                    "predicted": prf.predicted,
                    "gold": prf.gold,
                }
                for role, prf in roles.items()
            }
            for level, roles in total.items()
        },
    }


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"PolNeAR {report['split']}: {report['documents']} documents, {report['gold_relations']} gold attributions.",
        "",
        "| level | role | P | R | F1 |",
        "|---|---|---|---|---|",
    ]
    for level in ("exact", "overlap"):
        for role in ("source", "cue", "content", "relation"):
            s = report["scores"][level][role]
            lines.append(
                f"| {level} | {role} | {100 * s['p']:.1f} | {100 * s['r']:.1f} | **{100 * s['f1']:.1f}** |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimgraph.evaluation.polnear_eval")
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    args = parser.parse_args(argv)
    print(markdown(evaluate(args.shared, split=args.split)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
