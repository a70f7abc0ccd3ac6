"""Hand-built Docs for the NLP tests: the logic is tested on parses written out in the test,
never on what a statistical model happens to predict (spaCy's ``tests/README.md``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

MakeDoc = Callable[[str, str], Doc]


@lru_cache(maxsize=1)
def en_vocab() -> Vocab:
    """A bare vocabulary with English lexical attributes (``is_punct``, ``like_num``...),
    which a ``Vocab()`` without a language does not compute."""
    return English().vocab


def hand_doc(text: str, spec: str) -> Doc:
    """A parsed Doc for ``text`` from a spec of ``word/dep/head/POS[/lemma]`` items (head is
    an absolute token index; the lemma defaults to the lower-cased word). Sentences follow
    the trees; spaces are read off ``text``, which the Doc's text must reproduce exactly."""
    rows = [item.split("/") for item in spec.split()]
    words = [row[0] for row in rows]
    spaces = []
    at = 0
    for word in words:
        start = text.index(word, at)
        if text[at:start].strip():
            raise ValueError(f"spec word {word!r} skips text {text[at:start]!r}")
        at = start + len(word)
        spaces.append(text[at : at + 1] == " ")
    doc = Doc(
        en_vocab(),
        words=words,
        spaces=spaces,
        deps=[row[1] for row in rows],
        heads=[int(row[2]) for row in rows],
        pos=[row[3] for row in rows],
        lemmas=[row[4] if len(row) > 4 else row[0].lower() for row in rows],
    )
    if doc.text != text:
        raise ValueError(f"spec gives {doc.text!r}, not {text!r}")
    return doc


@pytest.fixture
def make_doc() -> MakeDoc:
    """``make_doc(text, "The/det/1/DET minister/nsubj/2/NOUN said/ROOT/2/VERB/say ...")``."""
    return hand_doc
