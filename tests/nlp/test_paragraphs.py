"""Line breaks end sentences (``claimgraph.nlp.paragraphs``)."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from claimgraph.nlp.paragraphs import mark_paragraphs, paragraph_starts

TOKENIZER = English()  # rule-based tokenizer only: no statistical model


def words(doc: Doc, indices: list[int]) -> list[str]:
    return [doc[i].text for i in indices]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One line only.", []),
        ("Headline\nBody text here.", ["Body"]),
        ("Headline\n\nBody text.\n  Next one.", ["Body", "Next"]),
        ("Published November 22, 2022 | 03:30 PM\nMOSCOW (Sputnik) Iran", ["MOSCOW"]),
        ("Ends with a break\n", []),
        ("\nStarts with a break", ["Starts"]),
        ("Two  spaces are not a break.", []),
        ("Tab\tis not a break either.", []),
    ],
)
def test_paragraph_starts(text: str, expected: list[str]) -> None:
    doc = TOKENIZER.make_doc(text)
    assert words(doc, paragraph_starts(doc)) == expected


def test_a_line_break_is_inside_a_space_token() -> None:
    doc = Doc(TOKENIZER.vocab, words=["Title", "\n\n", "Body", "."], spaces=[False] * 4)
    assert paragraph_starts(doc) == [2]


def test_mark_paragraphs_presets_sentence_starts() -> None:
    doc = TOKENIZER.make_doc("Iran Requests Meeting\nMOSCOW (Sputnik) Iran asked.")
    assert mark_paragraphs(doc) is doc
    starts = [t.text for t in doc if t.is_sent_start]
    assert "MOSCOW" in starts
    assert doc[0].is_sent_start  # the first token always starts a sentence
    # tokens inside a paragraph are left for the parser to decide
    assert all(t.is_sent_start is None for t in doc[1:] if t.text not in {"MOSCOW"})


def test_sentencizer_respects_the_preset_boundary() -> None:
    nlp = English()
    nlp.add_pipe("claimgraph_paragraphs")
    nlp.add_pipe("sentencizer")
    doc = nlp("Iran Requests Expert Meeting\nIran's mission said so. It asked.")
    assert [s.text.strip() for s in doc.sents] == [
        "Iran Requests Expert Meeting",
        "Iran's mission said so.",
        "It asked.",
    ]
