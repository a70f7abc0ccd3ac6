"""The English-or-unknown guess."""

from __future__ import annotations

import pytest

from claimgraph.language import MIN_WORDS, guess_language

EN = (
    "Head of the President's Office Andriy Yermak and Commander-in-Chief of the Armed Forces "
    "of Ukraine Valerii Zaluzhny had a phone conversation with US President's National "
    "Security Advisor Jacob Sullivan."
)

CASES = [
    (EN, "en"),
    ("Iran's permanent mission to the UN has requested a joint expert meeting with Ukraine.", "en"),
    ("Президент України Володимир Зеленський провів зустріч з президентом Польщі.", None),
    ("Le président a rencontré son homologue polonais à Kyiv pour discuter de la sécurité.", None),
    ("El presidente se reunió con su homólogo polaco en Kyiv para hablar de seguridad.", None),
    (
        "Der Präsident traf seinen polnischen Amtskollegen in Kyiw, um über Sicherheit zu sprechen.",
        None,
    ),
    ("the of and to", None),  # too few words to tell
    ("", None),
    ("1987 26 02 15:01 123 456 789 0 1 2 3 4", None),
    ("Vladimir Putin Olaf Scholz Xi Jinping Narendra Modi Cyril Ramaphosa Joko Widodo", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_guess_language(text: str, expected: str | None) -> None:
    assert guess_language(text) == expected


def test_only_the_start_of_a_long_text_is_read() -> None:
    assert guess_language(EN + " " + "Слово " * 5000) == "en"
    assert guess_language("Слово " * 5000 + EN) is None


def test_min_words_is_enforced() -> None:
    words = [
        "the",
        "talks",
        "in",
        "Vienna",
        "are",
        "up",
        "and",
        "running",
        "and",
        "making",
        "progress",
    ]
    assert guess_language(" ".join(words[: MIN_WORDS - 1])) is None
    assert guess_language(" ".join(words[:MIN_WORDS])) == "en"
