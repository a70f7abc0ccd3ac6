"""The shipped two-stage stance model: load, save and apply (no downloads, no pickles).

Stage 1 tells related from unrelated pairs with a logistic regression over the dense
overlap features (and their quantile bins). Stage 2 tells agree / disagree / discuss apart
for the related pairs, with the dense features plus hashed sparse features of the body.
Everything lives in one compressed ``.npz`` of plain arrays in ``claimgraph/data/models``,
written by ``python -m claimgraph.training.stance``.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from claimgraph.errors import ModelError
from claimgraph.stance.features import (
    DENSE_NAMES,
    Idf,
    TextProfile,
    hash_features,
    pair_features,
    profile,
)
from claimgraph.stance.linear import DenseTransform, FloatArray, Softmax, SparseRows, sparse_rows

MODEL_PACKAGE = "claimgraph.data.models"
MODEL_FILE = "stance_model.npz"
MODEL_FORMAT = "claimgraph.stance_model/1"
RELATED_LABELS = ("unrelated", "related")
STANCE_LABELS = ("agree", "disagree", "discuss")
BATCH_SIZE = 512  # pairs featurized at once: bounds memory on large inputs


class Pair(NamedTuple):
    headline: str
    body: str


class Prediction(NamedTuple):
    stance: str  # agree | disagree | discuss | unrelated
    related: float  # stage-1 probability that the pair is related
    probabilities: dict[str, float]  # stage-2 probabilities (meaningful when related)


class PairMatrix(NamedTuple):
    dense: FloatArray
    rows: SparseRows


def featurize(
    pairs: Sequence[Pair], idf: Idf, buckets: int, cache: dict[str, TextProfile] | None = None
) -> PairMatrix:
    """Dense matrix and hashed sparse rows of ``pairs``; ``cache`` shares text profiles."""
    profiles = {} if cache is None else cache
    dense: list[list[float]] = []
    hashed: list[list[int]] = []
    for pair in pairs:
        for text in pair:
            if text not in profiles:
                profiles[text] = profile(text, idf)
        features = pair_features(profiles[pair.headline], profiles[pair.body])
        dense.append(features.dense)
        hashed.append(hash_features(features.sparse, buckets))
    matrix = np.array(dense, dtype=np.float64).reshape(len(pairs), len(DENSE_NAMES))
    return PairMatrix(matrix, sparse_rows(hashed))


class StanceModel(NamedTuple):
    idf: Idf
    transform: DenseTransform
    related: Softmax  # stage 1 (unrelated, related)
    stance: Softmax  # stage 2 (agree, disagree, discuss)
    related_threshold: float
    buckets: int
    meta: dict[str, Any]

    def predict_matrix(self, matrix: PairMatrix) -> list[Prediction]:
        x = self.transform(matrix.dense)
        related = self.related.probabilities(x)[:, 1]
        stance = self.stance.probabilities(x, matrix.rows)
        out = []
        for p_related, p_stance in zip(related, stance, strict=True):
            label = (
                self.stance.labels[int(np.argmax(p_stance))]
                if p_related >= self.related_threshold
                else "unrelated"
            )
            probabilities = {
                name: round(float(p), 4)
                for name, p in zip(self.stance.labels, p_stance, strict=True)
            }
            out.append(Prediction(label, round(float(p_related), 4), probabilities))
        return out

    def predict(self, pairs: Iterable[Pair]) -> Iterator[Prediction]:
        """Predictions in input order, featurized in batches of :data:`BATCH_SIZE`."""
        cache: dict[str, TextProfile] = {}
        batch: list[Pair] = []
        for pair in pairs:
            batch.append(pair)
            if len(batch) == BATCH_SIZE:
                yield from self.predict_matrix(featurize(batch, self.idf, self.buckets, cache))
                batch = []
                if len(cache) > 4 * BATCH_SIZE:
                    cache.clear()  # bodies repeat locally in FNC files; keep memory flat
        if batch:
            yield from self.predict_matrix(featurize(batch, self.idf, self.buckets, cache))

    def save(self, path: Path) -> None:
        terms = sorted(self.idf.weights)
        meta = {**self.meta, "dense_names": list(DENSE_NAMES)}
        np.savez_compressed(
            path,
            format=np.array(MODEL_FORMAT),
            meta=np.array(json.dumps(meta, sort_keys=True)),
            idf_terms=np.array(terms),
            idf_values=np.array([self.idf.weights[t] for t in terms], dtype=np.float32),
            idf_default=np.array(self.idf.default),
            mean=self.transform.mean,
            scale=self.transform.scale,
            edges=self.transform.edges,
            related_dense=self.related.dense,
            related_bias=self.related.bias,
            related_threshold=np.array(self.related_threshold),
            stance_dense=self.stance.dense,
            stance_sparse=self.stance.sparse.astype(np.float32),
            stance_bias=self.stance.bias,
            buckets=np.array(self.buckets),
        )


def load_model(path: Path | str) -> StanceModel:
    """A saved model; :class:`ModelError` names the file when it is missing or unreadable."""
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except FileNotFoundError as exc:
        raise ModelError(f"{path}: stance model not found (run `make train`)") from exc
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise ModelError(f"{path}: not a readable stance model ({exc})") from exc
    try:
        if str(arrays["format"]) != MODEL_FORMAT:
            raise ModelError(f"{path}: not a {MODEL_FORMAT} file")
        meta = json.loads(str(arrays["meta"]))
        if meta.get("dense_names") != list(DENSE_NAMES):
            raise ModelError(f"{path}: trained on other features than this claimgraph computes")
        buckets = int(arrays["buckets"])
        idf = Idf(
            dict(
                zip(
                    (str(t) for t in arrays["idf_terms"]),
                    (float(v) for v in arrays["idf_values"]),
                    strict=True,
                )
            ),
            float(arrays["idf_default"]),
        )
        stance_sparse = arrays["stance_sparse"].astype(np.float64)
        if stance_sparse.shape[0] != buckets:
            raise ModelError(f"{path}: sparse weights do not match {buckets} buckets")
        return StanceModel(
            idf=idf,
            transform=DenseTransform(arrays["mean"], arrays["scale"], arrays["edges"]),
            related=Softmax(
                RELATED_LABELS, arrays["related_dense"], np.zeros((0, 2)), arrays["related_bias"]
            ),
            stance=Softmax(
                STANCE_LABELS, arrays["stance_dense"], stance_sparse, arrays["stance_bias"]
            ),
            related_threshold=float(arrays["related_threshold"]),
            buckets=buckets,
            meta=meta,
        )
    except KeyError as exc:
        raise ModelError(f"{path}: stance model lacks the array {exc}") from exc


def packaged_model_path() -> Path:
    return Path(str(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE)))


@lru_cache(maxsize=1)
def packaged_stance_model() -> StanceModel:
    """The shipped model (loaded once); :class:`ModelError` when it is missing or corrupt."""
    return load_model(packaged_model_path())
