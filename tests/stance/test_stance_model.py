"""The stance model: numpy logistic regression, saving/loading, the shipped weights."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claimgraph.errors import ModelError
from claimgraph.stance import EMERGENT_STANCE, STANCES, predict_stance, predict_stances
from claimgraph.stance.features import fit_idf
from claimgraph.stance.linear import (
    DenseTransform,
    FitOptions,
    fit_softmax,
    sparse_dot,
    sparse_rows,
    take_rows,
)
from claimgraph.stance.model import MODEL_FILE, Pair, load_model, packaged_model_path
from claimgraph.training.stance import train

SHARK = "Police say the shark attack in Sydney was a hoax"
SHARK_BODY = (
    "A shark attack reported in Sydney on Monday never happened. "
    "Police say the shark attack was a hoax staged by two students."
)
RATES_BODY = (
    "The central bank raised interest rates by a quarter point on Thursday. "
    "Markets in Tokyo closed slightly lower after the announcement."
)


def test_sparse_dot_matches_the_dense_product() -> None:
    rows = sparse_rows([[0, 2], [], [1, 2, 3]])
    weights = np.arange(12, dtype=np.float64).reshape(4, 3)
    dense = np.zeros((3, 4))
    dense[0, [0, 2]] = 1 / np.sqrt(2)
    dense[2, [1, 2, 3]] = 1 / np.sqrt(3)
    assert np.allclose(sparse_dot(rows, weights), dense @ weights)
    picked = take_rows(rows, np.array([2, 0], dtype=np.int64))
    assert np.allclose(sparse_dot(picked, weights), (dense @ weights)[[2, 0]])


def test_fit_softmax_learns_a_separable_problem() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 2))
    y = (x[:, 0] + x[:, 1] > 0).astype(np.int64)
    rows = sparse_rows([[int(label)] for label in y])  # a feature that gives the label away
    model = fit_softmax(
        x,
        rows,
        y,
        ("no", "yes"),
        class_weights=np.ones(2),
        options=FitOptions(iterations=200, buckets=2),
    )
    assert (model.probabilities(x, rows).argmax(axis=1) == y).mean() == 1.0
    assert (model.probabilities(x).argmax(axis=1) == y).mean() > 0.9  # dense part alone


def test_dense_transform_bins() -> None:
    x = np.arange(100, dtype=np.float64).reshape(-1, 1)
    transform = DenseTransform.fit(x)
    out = transform(np.array([[0.0], [99.0]]))
    assert out.shape == (2, 1 + 8)
    assert out[0, 1] == 1.0 and out[1, -1] == 1.0
    assert out[:, 1:].sum() == 2.0


@pytest.fixture(scope="module")
def tiny_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained on a dozen hand-made pairs, saved like the shipped one."""
    pairs = [
        (SHARK, SHARK_BODY, "agree"),
        (SHARK, RATES_BODY, "unrelated"),
        ("Shark attack in Sydney was real, not a hoax", SHARK_BODY, "disagree"),
        (
            "Sydney shark attack reportedly a hoax",
            "Reports claim the Sydney shark attack may be a hoax.",
            "discuss",
        ),
        ("Bank raises interest rates", RATES_BODY, "agree"),
        ("Bank raises interest rates", SHARK_BODY, "unrelated"),
        ("Bank did not raise interest rates", RATES_BODY, "disagree"),
        (
            "Bank may raise rates, sources claim",
            "Sources claim the bank might raise rates.",
            "discuss",
        ),
    ]
    idf = fit_idf([b for _, b, _ in pairs] + [h for h, _, _ in pairs])
    model = train([Pair(h, b) for h, b, _ in pairs], [s for _, _, s in pairs], idf)
    path = tmp_path_factory.mktemp("model") / MODEL_FILE
    model.save(path)
    return path


def test_saved_model_round_trips(tiny_model_path: Path) -> None:
    model = load_model(tiny_model_path)
    again = load_model(tiny_model_path)
    pairs = [(SHARK, SHARK_BODY), (SHARK, RATES_BODY)]
    first = list(predict_stances(pairs, model=model))
    assert first == list(predict_stances(pairs, model=again))
    assert predict_stance(SHARK, RATES_BODY, model=model) == "unrelated"
    assert all(0.0 <= p.related <= 1.0 for p in first)
    assert sum(first[0].probabilities.values()) == pytest.approx(1.0, abs=1e-3)


def test_missing_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        load_model(tmp_path / "none.npz")


def test_corrupt_model_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.npz"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelError, match="bad.npz"):
        load_model(path)


def test_model_with_missing_arrays_is_a_model_error(tmp_path: Path, tiny_model_path: Path) -> None:
    with np.load(tiny_model_path) as data:
        arrays = {k: data[k] for k in data.files if k != "stance_bias"}
    path = tmp_path / "partial.npz"
    np.savez(path, **arrays)
    with pytest.raises(ModelError, match="stance_bias"):
        load_model(path)


def test_shipped_model_loads_and_separates_related_from_unrelated() -> None:
    assert packaged_model_path().is_file()
    assert predict_stance(SHARK, RATES_BODY) == "unrelated"
    assert predict_stance(SHARK, SHARK_BODY) in {"agree", "disagree", "discuss"}


def test_labels_and_their_emergent_names() -> None:
    assert set(STANCES) == set(EMERGENT_STANCE)
    assert EMERGENT_STANCE["agree"] == "for"
    assert EMERGENT_STANCE["disagree"] == "against"
    assert EMERGENT_STANCE["discuss"] == "observing"
