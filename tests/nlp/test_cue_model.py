"""The learned cue detector (``claimgraph.nlp.cue_model``): features, JSON, packaged model."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc

from claimgraph.nlp.cue_model import (
    MODEL_FORMAT,
    CueModel,
    cue_features,
    packaged_cue_model,
)
from claimgraph.nlp.lexicon import cue_lexicon

MakeDoc = Callable[[str, str], Doc]
SAID = (
    "“We are ready,” the minister said that day.",
    '“/punct/8/PUNCT/" We/nsubj/2/PRON/we are/ccomp/8/AUX/be ready/acomp/2/ADJ '
    ',/punct/8/PUNCT ”/punct/8/PUNCT/" the/det/7/DET minister/nsubj/8/NOUN '
    "said/ROOT/8/VERB/say that/det/10/DET day/npadvmod/8/NOUN ./punct/8/PUNCT",
)


@pytest.fixture
def said(make_doc: MakeDoc) -> Doc:
    return make_doc(*SAID)


def test_features_are_deterministic(said: Doc, make_doc: MakeDoc) -> None:
    lexicon = cue_lexicon()
    first = cue_features(said[8], lexicon)
    assert cue_features(said[8], lexicon) == first
    assert cue_features(make_doc(*SAID)[8], lexicon) == first  # a new Doc, the same parse


def test_features_name_the_frame(said: Doc) -> None:
    feats = cue_features(said[8], cue_lexicon())
    for expected in (
        "lemma=say",
        "lex=assert",
        "dep=ROOT",
        "quote=False",
        "subj=NOUN",
        "subj_side=left",
        "child=ccomp",
        "lemma_child=say|ccomp",
        "ccomp_mark=none",
        "first_person=False",
        "next=that",
    ):
        assert expected in feats
    assert "neg" not in feats


def test_root_verb_has_root_head_features(said: Doc) -> None:
    feats = cue_features(said[8], cue_lexicon())
    assert "head=root" in feats
    assert "head_lemma=root" in feats
    assert not any(f.startswith(("head_dep=", "head_lemma=say")) for f in feats)


def test_features_of_a_verb_inside_a_quote(said: Doc) -> None:
    feats = cue_features(said[2], cue_lexicon())  # "are", inside the quotation
    assert "quote=True" in feats
    assert "lex=none" in feats
    assert "first_person=True" in feats
    assert "head_dep=ROOT" in feats


def test_model_json_round_trip() -> None:
    model = CueModel({"lemma=say": 2.5, "quote=True": -1.25}, -0.5, 0.4, {"seed": 13})
    data = json.loads(json.dumps(model.to_json()))
    assert data["format"] == MODEL_FORMAT
    assert CueModel.from_json(data) == model


def test_from_json_rejects_other_files() -> None:
    with pytest.raises(ValueError, match=MODEL_FORMAT):
        CueModel.from_json({"format": "something/1", "weights": {}, "bias": 0, "threshold": 0.5})


def test_from_json_without_meta() -> None:
    data: dict[str, Any] = {
        "format": MODEL_FORMAT,
        "weights": {"a": 1},
        "bias": 0,
        "threshold": 0.5,
    }
    assert CueModel.from_json(data) == CueModel({"a": 1.0}, 0.0, 0.5, {})


def test_probability_is_a_clamped_logistic() -> None:
    model = CueModel({"a": 1.0, "b": 1000.0}, 0.0, 0.5, {})
    assert model.probability([]) == 0.5
    assert model.probability(["a"]) == pytest.approx(0.7310585786)
    assert model.probability(["unknown"]) == 0.5  # unknown features weigh nothing
    assert 0.99 < model.probability(["b"]) < 1.0  # no overflow on huge weights


def test_is_cue_uses_the_threshold(said: Doc) -> None:
    lexicon = cue_lexicon()
    assert CueModel({"lemma=say": 5.0}, -2.0, 0.5, {}).is_cue(said[8], lexicon)
    assert not CueModel({"lemma=say": 5.0}, -2.0, 0.99, {}).is_cue(said[8], lexicon)
    assert not CueModel({"lemma=say": 5.0}, -2.0, 0.5, {}).is_cue(said[2], lexicon)


def test_packaged_model_loads_with_meta() -> None:
    model = packaged_cue_model()
    assert model is not None, "the package ships claimgraph/data/models/cue_model.json"
    assert model is packaged_cue_model()  # loaded once
    assert model.weights
    assert 0.0 < model.threshold < 1.0
    for key in ("trained_on", "parser", "threshold_from"):
        assert model.meta.get(key), f"meta has {key}"
    assert CueModel.from_json(model.to_json()) == model


def test_packaged_model_scores_a_reporting_verb(said: Doc) -> None:
    model = packaged_cue_model()
    assert model is not None
    assert model.is_cue(said[8])  # "the minister said": the plainest cue there is
