"""The PolNeAR scorer (``claimgraph.evaluation.polnear``) on hand-made spans."""

from __future__ import annotations

import pytest

from claimgraph.evaluation.polnear import Relation, Span, comparable, score_roles, trimmed

TEXT = 'The minister said: "Prices will fall.\n\nWages will rise." He also said he was sure.'


def span(*pieces: str) -> Span:
    """The span of these substrings of TEXT (each found after the previous one)."""
    fragments, at = [], 0
    for piece in pieces:
        start = TEXT.index(piece, at)
        fragments.append((start, start + len(piece)))
        at = start + len(piece)
    return Span(tuple(fragments))


def test_trimmed_drops_edge_punctuation_and_space() -> None:
    assert trimmed(span("said:"), TEXT) == span("said")
    assert trimmed(span(' "Prices will fall.'), TEXT) == span("Prices will fall")


def test_comparable_joins_fragments_split_at_a_paragraph_break() -> None:
    two = span("Prices will fall.", "Wages will rise.")
    one = span('Prices will fall.\n\nWages will rise."')
    assert comparable(two, TEXT) == comparable(one, TEXT)
    assert len(comparable(two, TEXT).fragments) == 1


def test_comparable_keeps_fragments_apart_when_words_lie_between() -> None:
    pieces = span("The minister", "Prices will fall")  # "said" lies between
    assert len(comparable(pieces, TEXT).fragments) == 2
    assert comparable(pieces, TEXT) != comparable(
        span('The minister said: "Prices will fall'), TEXT
    )


@pytest.mark.parametrize(
    ("predicted", "exact", "overlap"),
    [
        (span('Prices will fall.\n\nWages will rise."'), 1, 1),  # same words, one piece
        (span("Prices will fall."), 0, 1),  # a part only
        (span("he was sure"), 0, 0),  # another content
    ],
)
def test_content_scores(predicted: Span, exact: int, overlap: int) -> None:
    gold = [
        Relation(span("The minister"), span("said"), span("Prices will fall.", "Wages will rise."))
    ]
    scores = score_roles([Relation(None, None, predicted)], gold, TEXT)
    assert scores["exact"]["content"].matched == exact
    assert scores["overlap"]["content"].matched == overlap
    assert scores["exact"]["content"].gold == 1


def test_relation_needs_every_role_to_match() -> None:
    gold = Relation(
        span("The minister"), span("said"), span("Prices will fall.", "Wages will rise.")
    )
    right = Relation(
        span("The minister"), span("said:"), span('Prices will fall.\n\nWages will rise."')
    )
    wrong_source = right._replace(source=span("minister"))
    assert score_roles([right], [gold], TEXT)["exact"]["relation"].matched == 1
    assert score_roles([wrong_source], [gold], TEXT)["exact"]["relation"].matched == 0
    assert score_roles([wrong_source], [gold], TEXT)["overlap"]["relation"].matched == 1
