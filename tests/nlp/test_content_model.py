"""The learned content edges (``claimgraph.nlp.content_model``) and their training
(``claimgraph.training.contents``): candidates, features, decoding, on hand-built parses."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claimgraph.evaluation.polnear import GoldDoc, Relation, Span
from claimgraph.nlp.attribution import find_attributions
from claimgraph.nlp.content_model import (
    MODEL_FORMAT,
    ContentModel,
    EdgeContext,
    choose_edges,
    edge_context,
    edge_span,
    left_candidates,
    left_features,
    packaged_content_model,
    right_candidates,
    right_features,
    tokens_of,
)
from claimgraph.nlp.cue_model import CueModel
from claimgraph.nlp.lexicon import cue_lexicon
from claimgraph.nlp.spans import CharSpan
from claimgraph.training.contents import doc_examples, fit

MakeDoc = Callable[[str, str], Doc]
# "in an interview" hangs on the cue verb after its content: PolNeAR leaves it out.
INTERVIEW = (
    "The minister said Iran is ready in an interview.",
    "The/det/1/DET minister/nsubj/2/NOUN said/ROOT/2/VERB/say Iran/nsubj/4/PROPN/Iran "
    "is/ccomp/2/AUX/be ready/acomp/4/ADJ in/prep/2/ADP an/det/8/DET interview/pobj/6/NOUN "
    "./punct/2/PUNCT",
)


@pytest.fixture
def interview(make_doc: MakeDoc) -> Doc:
    return make_doc(*INTERVIEW)


def _context(doc: Doc, *, others: frozenset[int] = frozenset()) -> EdgeContext:
    text = doc.text
    content = CharSpan(text.index("Iran"), text.index(" in an"))
    said = CharSpan(text.index("said"), text.index("said") + 4)
    ctx = edge_context(
        doc,
        content=content,
        cue=said,
        cue_head=2,
        source=CharSpan(0, text.index(" said")),
        kind="indirect",
        rule="verb_cue",
        others=others,
    )
    assert ctx is not None
    return ctx


def test_context_is_the_content_tokens(interview: Doc) -> None:
    ctx = _context(interview)
    assert (ctx.start, ctx.end) == (3, 5)
    assert ctx.cue == {2}
    assert ctx.source == {0, 1}
    assert ctx.blocked == {0, 1, 2}


def test_fragments_have_no_context(interview: Doc) -> None:
    split = CharSpan(18, 30, ((18, 22), (26, 30)))
    ctx = edge_context(
        interview, content=split, cue=CharSpan(13, 17), cue_head=2, source=None, kind="x", rule="y"
    )
    assert ctx is None


def test_candidates_stop_at_cue_and_source(interview: Doc) -> None:
    ctx = _context(interview)
    assert left_candidates(interview, ctx) == [3, 4, 5]
    # the rule's end and the end of the constituent after it, never punctuation
    assert right_candidates(interview, ctx) == [5, 8]


def test_candidates_stop_at_another_cue(interview: Doc) -> None:
    text = interview.text
    other = tokens_of(interview, CharSpan(text.index("interview"), text.index("interview") + 9))
    assert other == {8}
    assert right_candidates(interview, _context(interview, others=other)) == [5]


def test_features_name_what_an_edge_adds(interview: Doc) -> None:
    ctx = _context(interview)
    feats = right_features(interview, 8, ctx)
    for expected in ("R:rule=False", "R:off=3", "R:add:prep|cue", "R:add:prep|cue|in", "R:next=."):
        assert expected in feats
    assert "R:rule=True" in right_features(interview, 5, ctx)
    assert right_features(interview, 8, ctx) == feats  # deterministic
    left = left_features(interview, 4, ctx)
    assert "L:drop:nsubj|content|PROPN" in left
    assert "L:off=1" in left


# A report whose content, as the parser gives it, holds another attribution's cue: ", aides
# say" hangs on "is".
AIDES = (
    "The minister said Iran is ready, aides say.",
    "The/det/1/DET minister/nsubj/2/NOUN said/ROOT/2/VERB/say Iran/nsubj/4/PROPN/Iran "
    "is/ccomp/2/AUX/be ready/acomp/4/ADJ ,/punct/4/PUNCT aides/nsubj/8/NOUN/aide "
    "say/parataxis/4/VERB/say ./punct/2/PUNCT",
)


def _said_context(doc: Doc, *, others: frozenset[int] = frozenset()) -> EdgeContext | None:
    """The context of "<source> said Iran ... ." with the cue "said" as token 2."""
    text = doc.text
    return edge_context(
        doc,
        content=CharSpan(text.index("Iran"), text.index(".")),
        cue=CharSpan(text.index("said"), text.index("said") + 4),
        cue_head=2,
        source=CharSpan(0, text.index(" said")),
        kind="indirect",
        rule="verb_cue",
        others=others,
    )


def _aides_context(doc: Doc) -> EdgeContext:
    say = CharSpan(doc.text.index("say."), doc.text.index("say.") + 3)
    ctx = _said_context(doc, others=tokens_of(doc, say))
    assert ctx is not None
    return ctx


def test_features_tell_whether_an_edge_drops_another_cue(make_doc: MakeDoc) -> None:
    doc = make_doc(*AIDES)
    ctx = _aides_context(doc)
    assert ctx.inner_cues == {8}
    assert 8 not in ctx.blocked  # the rule's content holds it: an edge may keep it
    assert right_candidates(doc, ctx) == [5, 8]
    dropping = right_features(doc, 5, ctx)
    assert "R:drops_cue" in dropping and "R:drops_cue|say" in dropping
    keeping = right_features(doc, 8, ctx)
    assert "R:keeps_cue" in keeping and "R:drops_cue" not in keeping
    assert "L:keeps_cue" in left_features(doc, 3, ctx)
    assert choose_edges(doc, ctx, ContentModel({"R:drops_cue": 2.0}, {})) == (3, 5)


def test_no_cue_inside_no_cue_features(interview: Doc) -> None:
    ctx = _context(interview)
    assert ctx.inner_cues == frozenset()
    feats = right_features(interview, 5, ctx) + left_features(interview, 3, ctx)
    assert not any("_cue" in f and ("keeps" in f or "drops" in f) for f in feats)


# "proposed" shares the cue's subject and tense, though the parser coordinates it with "is".
PROPOSED = (
    "The senator said Iran is ready and proposed talks.",
    "The/det/1/DET senator/nsubj/2/NOUN said/ROOT/2/VERB/say Iran/nsubj/4/PROPN/Iran "
    "is/ccomp/2/AUX/be ready/acomp/4/ADJ and/cc/4/CCONJ proposed/conj/4/VERB/propose "
    "talks/dobj/7/NOUN ./punct/2/PUNCT",
)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("VBD", "R:drop:conj_verb|none|True"), ("VBZ", "R:drop:conj_verb|none|False")],
)
def test_features_describe_a_coordinated_verb(make_doc: MakeDoc, tag: str, expected: str) -> None:
    doc = make_doc(*PROPOSED)
    doc[2].tag_ = "VBD"
    doc[7].tag_ = tag
    ctx = _said_context(doc)
    assert ctx is not None and (ctx.start, ctx.end) == (3, 8)
    assert 5 in right_candidates(doc, ctx)
    feats = right_features(doc, 5, ctx)
    assert expected in feats
    assert not any("conj_verb" in f for f in right_features(doc, 8, ctx))


def test_best_keeps_the_rule_edge_unless_outscored() -> None:
    model = ContentModel({"good": 1.0}, {})
    assert model.best([(5, []), (8, [])], 5) == 5  # a tie: the rule's edge
    assert model.best([(5, []), (8, ["good"])], 5) == 8
    assert model.best([], 5) == 5


def test_choose_edges_follows_the_weights(interview: Doc) -> None:
    ctx = _context(interview)
    assert choose_edges(interview, ctx, ContentModel({}, {})) == (3, 5)
    assert choose_edges(interview, ctx, ContentModel({"R:add:prep|cue|in": 2.0}, {})) == (3, 8)
    assert choose_edges(interview, ctx, ContentModel({"L:drop:nsubj|content": 2.0}, {})) == (4, 5)


def test_edge_span_keeps_unmoved_characters(interview: Doc) -> None:
    ctx = _context(interview)
    text = interview.text
    original = CharSpan(text.index("Iran"), text.index(" in an"))
    assert edge_span(interview, original, ctx, 3, 5) == original
    moved = edge_span(interview, original, ctx, 3, 8)
    assert interview.text[moved.start : moved.end] == "Iran is ready in an interview"


def test_model_json_round_trip() -> None:
    model = ContentModel({"R:rule=True": 1.5}, {"seed": 13})
    data = json.loads(json.dumps(model.to_json()))
    assert data["format"] == MODEL_FORMAT
    assert ContentModel.from_json(data) == model
    with pytest.raises(ValueError, match="content_model"):
        ContentModel.from_json({"format": "other", "weights": {}})


def test_fit_learns_the_gold_candidate() -> None:
    data = [([["a", "x"], ["b", "x"]], 1), ([["b"], ["c"]], 0)] * 3
    model = ContentModel(fit(data, epochs=3), {})
    assert model.score(["b"]) > model.score(["a"])
    assert model.score(["b"]) > model.score(["c"])


def test_training_examples_point_at_the_gold_edge(interview: Doc) -> None:
    text = interview.text
    found = find_attributions(interview, cue_lexicon(), model=False, content_model=False)
    gold = GoldDoc(
        "hand",
        text,
        (
            Relation(
                Span(((0, 12),)),
                Span(((13, 17),)),
                Span(((text.index("Iran"), text.index(".")),)),
            ),
        ),
    )
    (left,), (right,) = doc_examples(interview, gold, found)
    assert left[1] == 0  # "Iran", the rule's start
    candidates, target = right
    assert len(candidates) == 2 and target == 1  # "interview"


# The rules take every complement of a cue verb they have no frame for, so the time and
# place of the praise come into its content; PolNeAR leaves them to the cue's clause.
PRAISED = (
    "The senator praised the efforts of John Kerry at a press conference in Washington on Monday.",
    "The/det/1/DET senator/nsubj/2/NOUN praised/ROOT/2/VERB/praise the/det/4/DET "
    "efforts/dobj/2/NOUN/effort of/prep/4/ADP John/compound/7/PROPN/John Kerry/pobj/5/PROPN/Kerry "
    "at/prep/2/ADP a/det/11/DET press/compound/11/NOUN conference/pobj/8/NOUN in/prep/11/ADP "
    "Washington/pobj/12/PROPN/Washington on/prep/2/ADP Monday/pobj/14/PROPN/Monday "
    "./punct/2/PUNCT",
)
ALWAYS_A_CUE = CueModel({}, 30.0, 0.5, {})


def test_shipped_model_loads_and_moves_an_edge(make_doc: MakeDoc) -> None:
    model = packaged_content_model()
    assert model is not None
    assert model.meta["trained_on"].startswith("PolNeAR")
    text = PRAISED[0]
    doc = make_doc(*PRAISED)
    (rules,) = find_attributions(doc, cue_lexicon(), model=ALWAYS_A_CUE, content_model=False)
    assert rules.content is not None
    assert rules.content.text(text).endswith("in Washington on Monday")
    (learned,) = find_attributions(doc, cue_lexicon(), model=ALWAYS_A_CUE)
    assert learned.content is not None
    assert learned.content.text(text) == "the efforts of John Kerry"
    assert learned.cue == rules.cue and learned.source == rules.source


def test_words_dropped_after_the_cue_join_it(interview: Doc) -> None:
    text = interview.text
    model = ContentModel({"L:drop:nsubj|content": 5.0}, {})
    (found,) = find_attributions(interview, cue_lexicon(), model=False, content_model=model)
    assert found.content is not None
    assert found.content.text(text) == "is ready"
    assert found.cue.text(text) == "said Iran"
    (rules,) = find_attributions(interview, cue_lexicon(), model=False, content_model=False)
    assert rules.cue.text(text) == "said"
