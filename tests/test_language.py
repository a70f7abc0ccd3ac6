"""The English-or-unknown guess."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.language import MIN_WORDS, guess_language, words_of

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


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ é’-\u212a\u0130\ud800 ") | st.characters()))
def test_words_are_the_ascii_letter_runs_of_the_lowered_text(text: str) -> None:
    expected = [w.encode() for w in re.findall(r"[A-Za-z]+", text.lower())]
    assert words_of(text) == expected
