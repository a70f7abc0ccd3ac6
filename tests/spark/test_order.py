"""Slicing the articles by input order into extraction partitions (pure, no Spark)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.model import Article
from claimgraph.spark.job import FileStats, file_stats, order_bounds, slice_of
from claimgraph.spark.tables import error_row, input_order


def test_file_stats_count_articles_and_skip_errors() -> None:
    def rejected(level: str) -> tuple[object, ...]:
        return error_row(
            file="f", record=1, message="m", code="E", level=level, stage="read", order=0
        )

    items: list[tuple[int, object]] = [
        (input_order(0, 0), Article(text="a")),
        (input_order(0, 1), rejected("error")),
        (input_order(0, 2), Article(text="b")),
        (input_order(3, 7), Article(text="c")),
        (input_order(3, 8), rejected("skip")),
    ]
    assert sorted(file_stats(items)) == [
        FileStats(0, 2, 2, errors=1),
        FileStats(3, 1, 7, skipped=1),
    ]


def test_bounds_cut_even_slices_across_and_inside_files() -> None:
    stats = [FileStats(1, 300, 299), FileStats(0, 100, 99)]  # in any order
    orders = [input_order(0, n) for n in range(100)] + [input_order(1, n) for n in range(300)]
    bounds = order_bounds(stats, 4)
    assert len(bounds) == 3
    sizes = Counter(slice_of(bounds, o) for o in orders)
    assert sorted(sizes) == [0, 1, 2, 3]
    assert max(sizes.values()) - min(sizes.values()) <= 2
    # slices follow input order: a later article is never in an earlier slice
    slices = [slice_of(bounds, o) for o in orders]
    assert slices == sorted(slices)


def test_fewer_articles_than_partitions() -> None:
    bounds = order_bounds([FileStats(0, 2, 1)], 8)
    assert {slice_of(bounds, input_order(0, n)) for n in range(2)} <= set(range(8))
    assert order_bounds([], 8) == []
    assert slice_of([], input_order(5, 5)) == 0


@given(
    st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=12),
    st.integers(min_value=1, max_value=20),
)
def test_slices_are_ordered_and_balanced(counts: list[int], partitions: int) -> None:
    stats = [FileStats(f, n, n - 1) for f, n in enumerate(counts) if n]
    orders = [input_order(f, i) for f, n in enumerate(counts) for i in range(n)]
    bounds = order_bounds(stats, partitions)
    assert bounds == sorted(bounds) and len(bounds) <= partitions - 1
    slices = [slice_of(bounds, o) for o in orders]
    assert slices == sorted(slices)
    assert all(0 <= s < partitions for s in slices)
    if orders:
        largest = max(Counter(slices).values())
        assert largest <= len(orders) / partitions + 2  # even slices, up to rounding
