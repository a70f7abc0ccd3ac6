"""Light coreference for sources (``claimgraph.nlp.coref``): pronouns, "the latter",
"the mission"."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc, Token

from claimgraph.nlp.coref import MAX_SENTENCES_BACK, antecedent, needs_antecedent

NLP = English()
NLP.add_pipe("sentencizer")  # rule-based sentences: no statistical model


class Actor(NamedTuple):
    kind: str
    name: str
    office: str | None = None


class Mention(NamedTuple):
    start: int
    end: int
    actor: Actor


def mentions(doc: Doc, found: dict[str, Actor]) -> list[Mention]:
    """A mention at every occurrence of each surface form, in text order."""
    out = []
    for surface, actor in found.items():
        at = doc.text.find(surface)
        while at >= 0:
            out.append(Mention(at, at + len(surface), actor))
            at = doc.text.find(surface, at + 1)
    return sorted(out)


def source_tokens(doc: Doc, phrase: str, *, occurrence: int = -1) -> list[Token]:
    starts = [i for i in range(len(doc.text)) if doc.text.startswith(phrase, i)]
    start = starts[occurrence]
    span = doc.char_span(start, start + len(phrase))
    assert span is not None
    return list(span)


def resolve(text: str, phrase: str, found: dict[str, Actor]) -> str | None:
    doc = NLP(text)
    hit = antecedent(doc, source_tokens(doc, phrase), mentions(doc, found))
    return None if hit is None else doc.text[hit.start : hit.end]


PUTIN = Actor("person", "Vladimir Putin")
ERDOGAN = Actor("person", "Recep Tayyip Erdogan")
IRAN = Actor("state", "Iran")
RUSSIA = Actor("state", "Russia")
MISSION = Actor("role", "Iran's permanent mission to the UN", office="mission")
MINISTRY = Actor("role", "Russian Foreign Ministry", office="ministry")
IRNA = Actor("outlet", "IRNA")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("he", True),
        ("They", True),
        ("it", True),
        ("the latter", True),
        ("the former", True),
        ("the mission", True),
        ("The Ministry", True),
        ("the Iranian mission", False),
        ("Iran", False),
        ("the minister Lavrov", False),
        ("you", False),
        ("the", False),
    ],
)
def test_needs_antecedent(words: str, expected: bool) -> None:
    assert needs_antecedent(list(NLP.make_doc(words))) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "found", "expected"),
    [
        (
            "Vladimir Putin met Iran. He said talks went well.",
            "He",
            {"Vladimir Putin": PUTIN, "Iran": IRAN},
            "Vladimir Putin",
        ),
        (
            "Vladimir Putin met Recep Tayyip Erdogan. He said talks went well.",
            "He",
            {"Vladimir Putin": PUTIN, "Recep Tayyip Erdogan": ERDOGAN},
            "Recep Tayyip Erdogan",
        ),
        (
            "Iran met Vladimir Putin. They said talks went well.",
            "They",
            {"Vladimir Putin": PUTIN, "Iran": IRAN},
            "Iran",
        ),
        (
            "Russia spoke to Vladimir Putin. It said talks went well.",
            "It",
            {"Vladimir Putin": PUTIN, "Russia": RUSSIA},
            "Russia",
        ),
        (
            "Iran and Russia talked. The latter said talks went well.",
            "The latter",
            {"Iran": IRAN, "Russia": RUSSIA},
            "Russia",
        ),
        (
            "Iran and Russia talked. The former said talks went well.",
            "The former",
            {"Iran": IRAN, "Russia": RUSSIA},
            "Iran",
        ),
        (
            # "the latter" skips repeated mentions of the same actor
            "Iran and Russia talked; Russia agreed. The former said so.",
            "The former",
            {"Iran": IRAN, "Russia": RUSSIA},
            "Iran",
        ),
        (
            "Iran's permanent mission to the UN wrote to IRNA. The mission said it was ready.",
            "The mission",
            {"Iran's permanent mission to the UN": MISSION, "IRNA": IRNA},
            "Iran's permanent mission to the UN",
        ),
        (
            "Russian Foreign Ministry wrote to Iran's permanent mission to the UN. "
            "The ministry said it was ready.",
            "The ministry",
            {"Iran's permanent mission to the UN": MISSION, "Russian Foreign Ministry": MINISTRY},
            "Russian Foreign Ministry",
        ),
        (
            "IRNA quoted Iran. The agency said talks went well.",
            "The agency",
            {"IRNA": IRNA, "Iran": IRAN},
            "IRNA",
        ),
    ],
)
def test_antecedent(text: str, phrase: str, found: dict[str, Actor], expected: str) -> None:
    assert resolve(text, phrase, found) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("He said talks went well. Vladimir Putin agreed.", "He", {"Vladimir Putin": PUTIN}),
        ("Iran met Russia. He said talks went well.", "He", {"Iran": IRAN, "Russia": RUSSIA}),
        ("Vladimir Putin spoke. It said talks went well.", "It", {"Vladimir Putin": PUTIN}),
        ("Iran spoke. The mission said talks went well.", "The mission", {"Iran": IRAN}),
        ("Iran spoke. The former said talks went well.", "The former", {"Iran": IRAN}),
        ("Talks went well. He said so.", "He", {}),
    ],
)
def test_no_antecedent(text: str, phrase: str, found: dict[str, Actor]) -> None:
    assert resolve(text, phrase, found) is None


def test_antecedent_only_looks_a_few_sentences_back() -> None:
    # the source's own sentence and the MAX_SENTENCES_BACK before it
    filler = " ".join(f"Sentence {n} is here." for n in range(MAX_SENTENCES_BACK - 1))
    near = f"Vladimir Putin spoke. {filler} He said so."
    far = f"Vladimir Putin spoke. {filler} Nothing else. He said so."
    assert resolve(near, "He", {"Vladimir Putin": PUTIN}) == "Vladimir Putin"
    assert resolve(far, "He", {"Vladimir Putin": PUTIN}) is None
