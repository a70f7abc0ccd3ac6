"""Character spans built from tokens, with fragments for discontinuous spans."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Doc, Token

# Punctuation trimmed from the edges of source and cue spans. Quote marks are kept on
# contents, which PolNeAR and the contract count as part of a direct quote.
EDGE_PUNCT = frozenset(",.;:—–-―()[]")
QUOTE_MARKS = frozenset("\"“”‘’'«»„")


class CharSpan(NamedTuple):
    start: int
    end: int
    fragments: tuple[tuple[int, int], ...] = ()  # set only when the span is discontinuous

    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.fragments or ((self.start, self.end),)

    def text(self, text: str) -> str:
        return " … ".join(text[s:e] for s, e in self.pieces())

    def overlaps(self, other: CharSpan) -> bool:
        return any(s < oe and os < e for s, e in self.pieces() for os, oe in other.pieces())

    def contains(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.pieces())


def trim_tokens(doc: Doc, indices: Iterable[int], *, keep_quotes: bool) -> list[int]:
    """Sorted token indices without edge punctuation (and edge quote marks unless kept)."""
    ordered = sorted(set(indices))

    def is_edge(i: int) -> bool:
        text = doc[i].text
        if doc[i].is_space:
            return True
        if all(ch in QUOTE_MARKS for ch in text):
            return not keep_quotes
        return all(ch in EDGE_PUNCT for ch in text)

    def balanced_paren(i: int) -> bool:
        # "(IRNA)" keeps its closing parenthesis when the opening one is inside the span
        texts = [doc[j].text for j in ordered]
        return doc[i].text == ")" and "(" in texts

    while ordered and is_edge(ordered[0]):
        ordered.pop(0)
    while ordered and is_edge(ordered[-1]) and not balanced_paren(ordered[-1]):
        ordered.pop()
    return ordered


def char_span(
    doc: Doc, indices: Iterable[int], *, keep_quotes: bool = False, max_gap: int = 0
) -> CharSpan | None:
    """The characters of the given tokens; runs of tokens separated by more than ``max_gap``
    other tokens become fragments."""
    ordered = trim_tokens(doc, indices, keep_quotes=keep_quotes)
    if not ordered:
        return None
    runs: list[list[int]] = [[ordered[0]]]
    for i in ordered[1:]:
        if i - runs[-1][-1] - 1 <= max_gap:
            runs[-1].append(i)
        else:
            runs.append([i])
    pieces = tuple((doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text)) for run in runs)
    if len(pieces) == 1:
        return CharSpan(*pieces[0])
    return CharSpan(pieces[0][0], pieces[-1][1], pieces)


def subtree_indices(token: Token, *, exclude: Iterable[Token] = ()) -> set[int]:
    """Token indices of a subtree, without the subtrees of ``exclude``."""
    skip: set[int] = set()
    for other in exclude:
        skip.update(t.i for t in other.subtree)
    return {t.i for t in token.subtree if t.i not in skip}
