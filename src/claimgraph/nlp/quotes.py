"""Quotation spans in raw text: straight and typographic double quotes, paired in order.

A quote that opens and is not closed before the end of its paragraph (line) is closed there:
news style repeats only the opening mark when a quotation continues in the next paragraph.
Where the line breaks were lost, a straight mark that can only open (``␣"Word``) while a
quote is open marks such a continuation too. Two apostrophes (``''``, the New York Times'
plain-text quotation mark) are a straight mark like ``"``.
"""

from __future__ import annotations

from typing import NamedTuple

OPENING = frozenset("“«„")
CLOSING = frozenset("”»")
STRAIGHT = '"'
DOUBLED = "''"  # two apostrophes: a straight double mark in some plain-text feeds
MAX_QUOTE_CHARS = 3000  # an unclosed quote longer than this is a stray mark, not a quote


class Quote(NamedTuple):
    start: int  # at the opening mark
    end: int  # after the closing mark (or at the paragraph's last non-space when unclosed)


def _opens(text: str, i: int, width: int = 1) -> bool:
    """A straight mark that can only open: after a space (or at the start), before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return before.isspace() and not after.isspace() and after not in ".,;:!?'"


def _unclosed(text: str, open_at: int, end: int) -> Quote | None:
    """The quote that opened at ``open_at`` and runs up to ``end`` unclosed, without the
    whitespace before its end ("\\r", trailing spaces); None when too long to be one."""
    while end > open_at and text[end - 1].isspace():
        end -= 1
    return Quote(open_at, end) if end - open_at <= MAX_QUOTE_CHARS else None


def _straight_width(text: str, i: int) -> int:
    """1 at a ``"``, 2 at a ``''`` (not inside a longer run of apostrophes), else 0."""
    if text[i] == STRAIGHT:
        return 1
    if text.startswith(DOUBLED, i) and (i == 0 or text[i - 1] != "'"):
        return 2
    return 0


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote | None] = []
    open_at: int | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        width = _straight_width(text, i)
        if width and open_at is not None and _opens(text, i, width):
            # a second opening mark: the open quotation was continued in a new paragraph
            # whose line break was lost (texts flattened to one line); end it there
            quotes.append(_unclosed(text, open_at, i))
            open_at = None
        if ch == "\n":
            # paragraphs are lines: an open quote ends with its paragraph
            if open_at is not None:
                quotes.append(_unclosed(text, open_at, i))
            open_at = None
        elif ch in OPENING:
            open_at = i
        elif ch in CLOSING:
            if open_at is not None:
                quotes.append(Quote(open_at, i + 1))
                open_at = None
        elif width:
            if open_at is None:
                open_at = i
            else:
                quotes.append(Quote(open_at, i + width))
                open_at = None
        i += max(width, 1)
    if open_at is not None:
        quotes.append(_unclosed(text, open_at, len(text)))
    return [q for q in quotes if q is not None and q.end - q.start > 2]
