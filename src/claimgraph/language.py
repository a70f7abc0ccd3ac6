"""A cheap language guess: English or unknown.

claimgraph's NLP is English-only, so all it needs to know is whether a text is English.
Function words make up about half of running English text and almost none of other
languages, so a share above ``MIN_ENGLISH_SHARE`` says English; below it the language is
recorded as unknown (``None``) rather than guessed.
"""

from __future__ import annotations

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
# The words are the runs of ASCII letters, as the regex [A-Za-z]+ finds them, but found in
# the UTF-8 bytes: a table maps every byte that is not an ASCII letter (including each byte
# of a non-ASCII character) to a space, and bytes.split() does the rest, in half the time
# of the regex (ingest guesses the language of every article).
_LETTERS_ONLY = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_FUNCTION_WORDS_BYTES = frozenset(word.encode("ascii") for word in ENGLISH_FUNCTION_WORDS)


def words_of(sample: str) -> list[bytes]:
    """The runs of ASCII letters in ``sample.lower()``, as lower-case bytes."""
    return sample.lower().encode("utf-8", "replace").translate(_LETTERS_ONLY).split()


def guess_language(text: str) -> str | None:
    """``"en"`` when the text reads as English, else ``None``."""
    words = words_of(text[:SAMPLE_CHARS])
    if len(words) < MIN_WORDS:
        return None
    share = sum(map(_FUNCTION_WORDS_BYTES.__contains__, words)) / len(words)
    return "en" if share >= MIN_ENGLISH_SHARE else None
