"""Character spans from tokens (``claimgraph.nlp.spans``): trimming, fragments, parentheses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from claimgraph.nlp.spans import CharSpan, char_span, subtree_indices, trim_tokens

TOKENIZER = English()
MakeDoc = Callable[[str, str], Doc]


def tokens(text: str) -> Doc:
    return TOKENIZER.make_doc(text)


def texts(doc: Doc, indices: list[int]) -> list[str]:
    return [doc[i].text for i in indices]


@pytest.mark.parametrize(
    ("text", "keep_quotes", "expected"),
    [
        ("the minister ,", False, ["the", "minister"]),
        ("— the minister —", False, ["the", "minister"]),
        ("( the minister )", False, ["the", "minister"]),
        ("“ we will go . ”", False, ["we", "will", "go"]),
        ("“ we will go . ”", True, ["“", "we", "will", "go", ".", "”"]),
        ('" we will go "', True, ['"', "we", "will", "go", '"']),
        # a parenthesis opened inside the span keeps its closing one: "Agency (IRNA)"
        ("the Agency ( IRNA )", False, ["the", "Agency", "(", "IRNA", ")"]),
        ("the Agency ( IRNA ) ,", False, ["the", "Agency", "(", "IRNA", ")"]),
        ("the Agency IRNA )", False, ["the", "Agency", "IRNA"]),
        (", . ;", False, []),
        ("word-internal - dashes", False, ["word", "-", "internal", "-", "dashes"]),
    ],
)
def test_trim_tokens(text: str, keep_quotes: bool, expected: list[str]) -> None:
    doc = tokens(text)
    kept = trim_tokens(doc, range(len(doc)), keep_quotes=keep_quotes)
    assert texts(doc, kept) == expected


def test_trim_tokens_sorts_and_dedupes() -> None:
    doc = tokens("a b c")
    assert trim_tokens(doc, [2, 0, 2, 1], keep_quotes=False) == [0, 1, 2]


def test_trim_tokens_drops_space_tokens() -> None:
    doc = tokens("\n\nthe minister\n")
    assert texts(doc, trim_tokens(doc, range(len(doc)), keep_quotes=False)) == [
        "the",
        "minister",
    ]


def test_char_span_is_the_text_of_its_tokens() -> None:
    text = "The minister said, that Iran is ready."
    doc = tokens(text)
    span = char_span(doc, range(2))
    assert span == CharSpan(0, 12)
    assert span.text(text) == "The minister"
    assert span.fragments == ()


def test_char_span_none_when_nothing_is_left() -> None:
    doc = tokens("( , )")
    assert char_span(doc, range(len(doc))) is None
    assert char_span(doc, []) is None


@pytest.mark.parametrize(
    ("indices", "max_gap", "expected"),
    [
        ([0, 1, 3, 4], 0, ["We will", "accept it"]),
        ([0, 1, 3, 4], 1, ["We will said accept it"]),
        ([0, 4], 2, ["We", "it"]),
        ([0, 4], 3, ["We will said accept it"]),
    ],
)
def test_char_span_fragments(indices: list[int], max_gap: int, expected: list[str]) -> None:
    text = "We will said accept it"
    doc = tokens(text)
    span = char_span(doc, indices, max_gap=max_gap)
    assert span is not None
    assert [text[s:e] for s, e in span.pieces()] == expected
    assert (span.start, span.end) == (span.pieces()[0][0], span.pieces()[-1][1])
    if len(expected) > 1:
        assert span.text(text) == " … ".join(expected)
    else:
        assert span.fragments == ()


def test_fragments_are_ordered_and_disjoint() -> None:
    text = "a b c d e f g"
    doc = tokens(text)
    span = char_span(doc, [6, 0, 2, 4])
    assert span is not None
    assert span.fragments == ((0, 1), (4, 5), (8, 9), (12, 13))


def test_charspan_overlaps_and_contains() -> None:
    broken = CharSpan(0, 30, ((0, 10), (20, 30)))
    assert broken.contains(2, 8)
    assert not broken.contains(12, 18)  # in the gap between the pieces
    assert not broken.contains(8, 22)  # across the gap
    assert broken.overlaps(CharSpan(5, 15))
    assert not broken.overlaps(CharSpan(10, 20))  # ends are exclusive
    assert CharSpan(3, 9).pieces() == ((3, 9),)


def test_subtree_indices_excludes_subtrees(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "Michael McFaul, a former ambassador, who said so",
        "Michael/compound/1/PROPN McFaul/ROOT/1/PROPN ,/punct/1/PUNCT a/det/5/DET "
        "former/amod/5/ADJ ambassador/appos/1/NOUN ,/punct/1/PUNCT who/nsubj/8/PRON "
        "said/relcl/1/VERB/say so/advmod/8/ADV",
    )
    head = doc[1]
    assert subtree_indices(head) == set(range(10))
    assert subtree_indices(head, exclude=[doc[8]]) == set(range(7))
    assert subtree_indices(head, exclude=[doc[5], doc[8]]) == {0, 1, 2, 6}
