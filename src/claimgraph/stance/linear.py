"""Multinomial logistic regression in numpy over dense columns plus hashed sparse features.

No scipy: sparse rows are CSR-like arrays, and both products the model needs (rows × weights
and its transpose for the gradient) are ``np.bincount`` calls. Fitting is full-batch Adam on
the class-weighted mean cross-entropy with L2, from zeros, so it is deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

BINS = 8  # quantile bins per dense feature: a linear model gets piecewise-constant shapes
ADAM_BETAS = (0.9, 0.999)
ADAM_EPSILON = 1e-8


class SparseRows(NamedTuple):
    """Rows of hashed binary features; each row scaled to unit length."""

    indptr: IntArray
    indices: IntArray
    values: FloatArray

    @property
    def rows(self) -> int:
        return len(self.indptr) - 1

    def row_ids(self) -> IntArray:
        return np.repeat(np.arange(self.rows, dtype=np.int64), np.diff(self.indptr))


def sparse_rows(rows: Sequence[Sequence[int]]) -> SparseRows:
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(indptr[-1]))
    scale = 1.0 / np.sqrt(np.maximum(lengths, 1))
    values = np.repeat(scale, lengths)
    return SparseRows(indptr, indices, values)


def take_rows(rows: SparseRows, keep: IntArray) -> SparseRows:
    """The rows numbered ``keep``, in that order."""
    starts, ends = rows.indptr[keep], rows.indptr[keep + 1]
    lengths = ends - starts
    indptr = np.zeros(len(keep) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    positions = np.repeat(starts - indptr[:-1], lengths) + np.arange(int(indptr[-1]))
    return SparseRows(indptr, rows.indices[positions], rows.values[positions])


def sparse_dot(
    rows: SparseRows, weights: FloatArray, row_ids: IntArray | None = None
) -> FloatArray:
    """``rows @ weights`` for weights of shape (buckets, classes)."""
    ids = rows.row_ids() if row_ids is None else row_ids
    out = np.zeros((rows.rows, weights.shape[1]))
    if weights.shape[0] == 0 or len(rows.indices) == 0:
        return out
    for k in range(weights.shape[1]):
        out[:, k] = np.bincount(
            ids, weights=weights[rows.indices, k] * rows.values, minlength=rows.rows
        )
    return out


class DenseTransform(NamedTuple):
    """Standardize dense columns and append their quantile-bin indicators."""

    mean: FloatArray
    scale: FloatArray
    edges: FloatArray  # (features, BINS - 1), from the training quantiles

    @classmethod
    def fit(cls, x: FloatArray) -> DenseTransform:
        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale == 0] = 1.0
        quantiles = np.linspace(0, 1, BINS + 1)[1:-1]
        edges = np.quantile(x, quantiles, axis=0).T
        return cls(mean, scale, edges)

    def __call__(self, x: FloatArray) -> FloatArray:
        standard = (x - self.mean) / self.scale
        n, f = x.shape
        onehot = np.zeros((n, f * BINS))
        for j in range(f):
            bins = np.searchsorted(self.edges[j], x[:, j], side="right")
            onehot[np.arange(n), j * BINS + bins] = 1.0
        return np.hstack([standard, onehot])


class Softmax(NamedTuple):
    labels: tuple[str, ...]
    dense: FloatArray  # (dense columns, classes)
    sparse: FloatArray  # (buckets, classes); zero rows when the model has no sparse part
    bias: FloatArray  # (classes,)

    def probabilities(self, x: FloatArray, rows: SparseRows | None = None) -> FloatArray:
        z = x @ self.dense + self.bias
        if rows is not None and self.sparse.shape[0]:
            z += sparse_dot(rows, self.sparse)
        return softmax(z)


def softmax(z: FloatArray) -> FloatArray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    result: FloatArray = e / e.sum(axis=1, keepdims=True)
    return result


class FitOptions(NamedTuple):
    iterations: int = 300
    learning_rate: float = 0.05
    l2_dense: float = 1e-4
    l2_sparse: float = 1e-4
    buckets: int = 0  # 0: no sparse part


def fit_softmax(
    x: FloatArray,
    rows: SparseRows | None,
    y: IntArray,
    labels: tuple[str, ...],
    *,
    class_weights: FloatArray,
    options: FitOptions,
) -> Softmax:
    """Fit by full-batch Adam; ``class_weights[k]`` multiplies the loss of class-k examples."""
    n, k = len(y), len(labels)
    sample = class_weights[y]
    sample = sample / sample.sum()
    target = np.zeros((n, k))
    target[np.arange(n), y] = 1.0
    buckets = options.buckets if rows is not None else 0
    row_ids = rows.row_ids() if rows is not None else None
    params = [np.zeros((x.shape[1], k)), np.zeros((buckets, k)), np.zeros(k)]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    beta1, beta2 = ADAM_BETAS
    for step in range(1, options.iterations + 1):
        dense, sparse, bias = params
        z = x @ dense + bias
        if rows is not None and buckets:
            z += sparse_dot(rows, sparse, row_ids)
        g = (softmax(z) - target) * sample[:, None]
        grads = [x.T @ g + options.l2_dense * dense, np.zeros_like(sparse), g.sum(axis=0)]
        if rows is not None and buckets and row_ids is not None:
            for c in range(k):
                grads[1][:, c] = np.bincount(
                    rows.indices, weights=rows.values * g[row_ids, c], minlength=buckets
                )
            grads[1] += options.l2_sparse * sparse
        for p, grad, m, v in zip(params, grads, first, second, strict=True):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            m_hat = m / (1 - beta1**step)
            v_hat = v / (1 - beta2**step)
            p -= options.learning_rate * m_hat / (np.sqrt(v_hat) + ADAM_EPSILON)
    return Softmax(labels, params[0], params[1], params[2])
