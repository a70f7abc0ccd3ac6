"""Line breaks end sentences: a headline, a dateline or a timestamp line never runs into the
next paragraph's first sentence. Set before the parser, which respects preset boundaries."""

from __future__ import annotations

from spacy.tokens import Doc


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of the first non-space token after each line break.

    spaCy keeps any whitespace other than one space as a token of its own, so a line break
    is always inside a space token.
    """
    starts = []
    pending = False
    for token in doc:
        if token.is_space:
            pending = pending or "\n" in token.text
        elif pending:
            starts.append(token.i)
            pending = False
    return starts


def mark_paragraphs(doc: Doc) -> Doc:
    for i in paragraph_starts(doc):
        doc[i].is_sent_start = True
    return doc
