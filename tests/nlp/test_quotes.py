"""Quotation spans in raw text (``claimgraph.nlp.quotes.find_quotes``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.nlp.quotes import MAX_QUOTE_CHARS, find_quotes

CASES = [
    ("straight", 'He said "we will go" today.', ['"we will go"']),
    ("typographic", "“A,” he said, “B.”", ["“A,”", "“B.”"]),
    ("guillemets", "Il a dit «non» hier.", ["«non»"]),
    ("low-opening", "Er sagte „nein” heute.", ["„nein”"]),
    ("apostrophes-are-not-quotes", "Iran's mission and the UN's reply.", []),
    ("empty-quotes-dropped", 'He said "" twice.', []),
    ("two-in-a-row", '"A" and "B" and "C".', ['"A"', '"B"', '"C"']),
    # news style repeats only the opening mark when a quote goes on in a new paragraph
    (
        "unclosed-at-line-end",
        "“We will go.\n“And we will stay.”",
        ["“We will go.", "“And we will stay.”"],
    ),
    ("unclosed-at-text-end", 'He said "we will go', ['"we will go']),
    ("closing-without-opening", "he said” and left", []),
    ("unclosed-without-trailing-space", "“We will go  \n“Next.”", ["“We will go", "“Next.”"]),
    ("unclosed-before-crlf", "“We will go\r\nNext", ["“We will go"]),
    ("unclosed-at-end-without-space", "“We will go \t", ["“We will go"]),
    # the same with the line break lost: a straight mark that can only open starts anew
    (
        "flattened-paragraphs",
        '"We act now. "We stay," he said.',
        ['"We act now.', '"We stay,"'],
    ),
    ("closing-after-punctuation", 'He said "no," and "yes."', ['"no,"', '"yes."']),
    # two apostrophes are a straight double mark (New York Times plain text)
    ("doubled-apostrophes", "''A,'' he said. ''B.''", ["''A,''", "''B.''"]),
    (
        "doubled-apostrophes-flattened",
        "''We act. ''We stay,'' he said.",
        ["''We act.", "''We stay,''"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == expected


def test_stray_mark_does_not_swallow_a_long_paragraph() -> None:
    text = "“" + "word " * (MAX_QUOTE_CHARS // 5 + 10) + "\nNext paragraph."
    assert find_quotes(text) == []
    assert find_quotes(text.replace("\n", "")) == []


def test_quotes_end_at_the_paragraph() -> None:
    (quote,) = find_quotes("“We will go\nand stay")
    assert (quote.start, quote.end) == (0, 11)


@given(st.text(alphabet='ab "“”«»\n.,', max_size=60))
def test_quotes_are_ordered_disjoint_and_start_at_a_mark(text: str) -> None:
    quotes = find_quotes(text)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start] in '"“«„'
        assert q.end - q.start > 2
        assert "\n" not in text[q.start : q.end]
        assert not text[q.end - 1].isspace()
    for first, second in zip(quotes, quotes[1:], strict=False):
        assert first.end <= second.start
