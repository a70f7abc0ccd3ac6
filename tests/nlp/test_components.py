"""The spaCy components (thin wrappers), their Doc extensions and the date anchor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from claimgraph.nlp import extensions as ext
from claimgraph.nlp.anchor import anchor_date
from claimgraph.nlp.components import AttributionComponent, TimesComponent

MakeDoc = Callable[[str, str], Doc]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2022-11-22", date(2022, 11, 22)),
        ("2022-11-22T15:30", date(2022, 11, 22)),
        ("2022-11-22T09:15:00+00:00", date(2022, 11, 22)),
        (None, None),
        ("", None),
        ("2022-11", None),
        ("2022-13-01", None),
        ("22/11/2022", None),
    ],
)
def test_anchor_date(published: str | None, expected: date | None) -> None:
    assert anchor_date(published) == expected


def test_set_extensions_is_idempotent() -> None:
    ext.set_extensions()
    ext.set_extensions()
    for name in (ext.PUBLISHED, ext.ATTRIBUTIONS):
        assert Doc.has_extension(name)
    doc = English().make_doc("Nothing set.")
    assert doc._.get(ext.PUBLISHED) is None
    assert doc._.get(ext.ATTRIBUTIONS) is None


def test_attribution_component_wraps_the_function(make_doc: MakeDoc) -> None:
    text = "“We will not,” he said, “accept it.”"
    doc = make_doc(
        text,
        '“/punct/7/PUNCT/" We/nsubj/2/PRON/we will/ccomp/7/AUX not/neg/2/PART '
        ',/punct/7/PUNCT ”/punct/7/PUNCT/" he/nsubj/7/PRON said/ROOT/7/VERB/say '
        ',/punct/7/PUNCT “/punct/7/PUNCT/" accept/xcomp/7/VERB it/dobj/10/PRON '
        './punct/7/PUNCT ”/punct/7/PUNCT/"',
    )
    component = AttributionComponent(use_model=False)
    assert component.model is None
    assert component(doc) is doc
    (found,) = doc._.get(ext.ATTRIBUTIONS)
    assert [s.text for s in doc.spans[ext.SPANS_SOURCES]] == ["he"]
    assert [s.text for s in doc.spans[ext.SPANS_CUES]] == ["said"]
    # a discontinuous content is one span per fragment, all with the attribution's label
    contents = doc.spans[ext.SPANS_CONTENTS]
    assert [s.text for s in contents] == ["“We will not,”", "“accept it.”"]
    assert {s.label_ for s in contents} == {"a0"}
    assert found.content is not None
    assert [(s.start_char, s.end_char) for s in contents] == list(found.content.pieces())


def test_attribution_component_with_the_packaged_model() -> None:
    assert AttributionComponent(use_model=True).model is not None


def test_times_component_needs_a_date_anchor() -> None:
    doc = English().make_doc("Talks resumed on Tuesday.")
    component = TimesComponent()
    doc._.set(ext.PUBLISHED, "2022-11-22")
    with pytest.raises(TypeError, match="must be a datetime.date, not str"):
        component(doc)
    doc._.set(ext.PUBLISHED, date(2022, 11, 22))
    (span,) = component(doc).spans[ext.SPANS_TIMES]
    assert span.text == "Tuesday"
    assert span._.get(ext.TIME).value == "2022-11-22"


def test_times_component_without_anchor() -> None:
    doc = TimesComponent()(English().make_doc("Talks resumed on 22 November 2022."))
    (span,) = doc.spans[ext.SPANS_TIMES]
    assert span._.get(ext.TIME).value == "2022-11-22"


def test_actors_component_finds_knowledge_base_mentions() -> None:
    from claimgraph.nlp.components import ActorsComponent

    text = "Tehran and the Kremlin denied it."
    doc = English().make_doc(text)
    doc._.set(ext.PUBLISHED, date(2022, 11, 22))
    spans = ActorsComponent()(doc).spans[ext.SPANS_ACTORS]
    assert [(s.text, s.label_) for s in spans] == [("Tehran", "GPE"), ("Kremlin", "ORG")]
    assert [s._.get(ext.ACTOR).code for s in spans] == ["IRN", "RUS"]
    assert [s.start for s in spans] == sorted(s.start for s in spans)
