"""Article stance toward a claim: does a body agree with, deny, discuss or ignore a headline?

    >>> from claimgraph.stance import predict_stance
    >>> predict_stance("Pope Francis endorses Donald Trump", "Heavy rain flooded Jakarta.")
    'unrelated'

The labels are FNC-1's. They map onto Emergent's (and claimgraph's) vocabulary as
:data:`EMERGENT_STANCE`: ``agree`` → ``for``, ``disagree`` → ``against``, ``discuss`` →
``observing``, ``unrelated`` → ``unrelated`` (Emergent has no unrelated pairs).

The model is the shipped two-stage logistic regression (:mod:`claimgraph.stance.model`),
trained by ``make train`` on FNC-1; a missing or corrupt model file raises
:class:`claimgraph.errors.ModelError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final, Literal

from claimgraph.stance.model import Pair, Prediction, StanceModel, packaged_stance_model

Stance = Literal["agree", "disagree", "discuss", "unrelated"]
AGREE: Final = "agree"
DISAGREE: Final = "disagree"
DISCUSS: Final = "discuss"
UNRELATED: Final = "unrelated"
STANCES: Final[tuple[Stance, ...]] = (AGREE, DISAGREE, DISCUSS, UNRELATED)
EMERGENT_STANCE: Final[dict[str, str]] = {
    AGREE: "for",
    DISAGREE: "against",
    DISCUSS: "observing",
    UNRELATED: "unrelated",
}

__all__ = [
    "AGREE",
    "DISAGREE",
    "DISCUSS",
    "EMERGENT_STANCE",
    "STANCES",
    "UNRELATED",
    "Pair",
    "Prediction",
    "Stance",
    "predict_stance",
    "predict_stances",
]


def _as_stance(label: str) -> Stance:
    for stance in STANCES:
        if stance == label:
            return stance
    raise ValueError(f"unknown stance label {label!r}")


def predict_stances(
    pairs: Iterable[tuple[str, str]], *, model: StanceModel | None = None
) -> Iterator[Prediction]:
    """Predictions for (headline, body) pairs, in order, with the stage probabilities."""
    chosen = model if model is not None else packaged_stance_model()
    return chosen.predict(Pair(h, b) for h, b in pairs)


def predict_stance(headline: str, body: str, *, model: StanceModel | None = None) -> Stance:
    """The stance of ``body`` toward the claim in ``headline``."""
    (prediction,) = predict_stances([(headline, body)], model=model)
    return _as_stance(prediction.stance)
