"""A cheap language guess: English or unknown.

claimgraph's NLP is English-only, so all it needs to know is whether a text is English.
Function words make up about half of running English text and almost none of other
languages, so a share above ``MIN_ENGLISH_SHARE`` says English; below it the language is
recorded as unknown (``None``) rather than guessed.
"""

from __future__ import annotations

import re

ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "on",
        "was",
        "with",
        "as",
        "by",
        "he",
        "be",
        "at",
        "from",
        "his",
        "an",
        "are",
        "have",
        "has",
        "had",
        "not",
        "this",
        "but",
        "or",
        "which",
        "were",
        "they",
        "their",
        "its",
        "been",
        "will",
        "would",
        "said",
        "who",
        "also",
        "after",
    ]
)
SAMPLE_CHARS = 1500  # a paragraph or two decides; more only costs time
MIN_WORDS = 8  # too little text to say anything
MIN_ENGLISH_SHARE = 0.18
_WORD = re.compile(r"[A-Za-z]+")


def guess_language(text: str) -> str | None:
    """``"en"`` when the text reads as English, else ``None``."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if len(words) < MIN_WORDS:
        return None
    share = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words)) / len(words)
    return "en" if share >= MIN_ENGLISH_SHARE else None
