"""``find_attributions`` with the shipped cue model on sentences parsed by the real pipeline,
and the ``claimgraph_attribution`` component. The pipeline is loaded once for the module."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.nlp import extensions as ext
from claimgraph.nlp.attribution import Attribution, find_attributions
from claimgraph.nlp.lexicon import cue_lexicon
from claimgraph.nlp.pipeline import PARAGRAPHS, load_nlp

SEED = (
    "Iran's permanent mission to the UN has requested a joint expert meeting with Ukraine to "
    "remove misunderstanding caused by media reports, the Islamic Republic news Agency (IRNA) "
    "reported on Tuesday, citing the mission."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = load_nlp()
    pipeline.add_pipe("claimgraph_attribution")
    return pipeline


def rows(text: str, found: list[Attribution]) -> list[tuple[str | None, ...]]:
    return [
        (
            None if a.source is None else a.source.text(text),
            a.cue.text(text),
            None if a.content is None else a.content.text(text),
            a.kind,
            a.stance,
        )
        for a in found
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said that Iran is ready.",
            ("The minister", "said", "that Iran is ready", "indirect", "assert"),
        ),
        (
            "Iran is ready, the minister said.",
            ("the minister", "said", "Iran is ready", "indirect", "assert"),
        ),
        (
            "Moscow denied the allegations.",
            ("Moscow", "denied", "the allegations", "indirect", "deny"),
        ),
        (
            "France asked the UN to investigate the deal.",
            ("France", "asked", "the UN to investigate the deal", "indirect", "request"),
        ),
        (
            "The reporter asked whether the talks would resume.",
            ("The reporter", "asked", "whether the talks would resume", "indirect", "question"),
        ),
        (
            "“We will not,” he said, “accept it.”",
            ("he", "said", "“We will not,” … “accept it.”", "direct", "assert"),
        ),
        (
            "According to officials, the talks failed.",
            ("officials", "According to", "the talks failed", "indirect", "assert"),
        ),
        ("Pence: We will win.", ("Pence", ":", "We will win", "direct", "assert")),
        (
            '"The senator is wrong."\n\n- Bernie Sanders.\n',
            ("Bernie Sanders", "-", '"The senator is wrong."', "direct", "assert"),
        ),
        (
            'Breitbart News responded:\n\n"The report is false."\n',
            ("Breitbart News", "responded", '"The report is false."', "direct", "assert"),
        ),
    ],
)
def test_model_on_parsed_sentences(nlp: Language, text: str, expected: tuple[str, ...]) -> None:
    doc = nlp(text)
    found = find_attributions(doc, cue_lexicon(), model=True)
    assert rows(text, found) == [expected]
    assert doc._.get(ext.ATTRIBUTIONS) == found  # the component is the function


def test_seed_sentence(nlp: Language) -> None:
    doc = nlp(SEED)
    found = find_attributions(doc, cue_lexicon(), model=True)
    irna = next(a for a in found if a.cue.text(SEED) == "reported")
    assert irna.source is not None
    assert irna.source.text(SEED) == "the Islamic Republic news Agency (IRNA)"
    assert [c.text(SEED) for c in irna.cites] == ["the mission"]
    assert irna.content is not None
    assert irna.content.text(SEED).startswith("Iran's permanent mission to the UN has requested")
    assert irna.nested_in is None
    # "requested a joint expert meeting": a request for a thing, not a proposition. PolNeAR
    # marks 3 of 12 "request" + object frames on train as attributions, the cue detector
    # learns to leave them, and the event coder codes the request (REQUEST IRN -> UKR).
    assert not any("requested" in a.cue.text(SEED) for a in found)


def test_component_writes_span_groups(nlp: Language) -> None:
    text = "Moscow denied the allegations. The minister said that Iran is ready."
    doc = nlp(text)
    found = doc._.get(ext.ATTRIBUTIONS)
    assert [a.cue.text(text) for a in found] == ["denied", "said"]
    for key, role in (
        (ext.SPANS_SOURCES, "source"),
        (ext.SPANS_CUES, "cue"),
        (ext.SPANS_CONTENTS, "content"),
    ):
        spans = doc.spans[key]
        assert [s.label_ for s in spans] == ["a0", "a1"]
        assert [s.text for s in spans] == [getattr(a, role).text(text) for a in found]


def test_line_breaks_end_sentences(nlp: Language) -> None:
    assert nlp.pipe_names.index(PARAGRAPHS) < nlp.pipe_names.index("parser")
    text = "Iran Requests Expert Meeting With Ukraine\nIran's mission said the talks failed."
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == [
        "Iran Requests Expert Meeting With Ukraine",
        "Iran's mission said the talks failed.",
    ]
    (found,) = find_attributions(doc, cue_lexicon(), model=True)
    assert rows(text, [found]) == [
        ("Iran's mission", "said", "the talks failed", "indirect", "assert")
    ]


def test_lexicon_only_and_model_agree_on_plain_reports(nlp: Language) -> None:
    text = "The Post reported that officials said the deal was done."
    doc = nlp(text)
    plain = find_attributions(doc, cue_lexicon(), model=False)
    assert rows(text, plain)[0] == (
        "The Post",
        "reported",
        "that officials said the deal was done",
        "indirect",
        "assert",
    )
    assert [a.nested_in for a in plain] == [None, 0]
    model = find_attributions(doc, cue_lexicon(), model=True)
    assert rows(text, model)[0] == rows(text, plain)[0]


@pytest.mark.parametrize("line_end", ["\n", "  \n", "\r\n"])
def test_quotation_continued_in_the_next_paragraphs(nlp: Language, line_end: str) -> None:
    text = f"“We will go,” he said. “And we will stay.{line_end}“For ever.”"
    doc = nlp(text)
    (said,) = find_attributions(doc, cue_lexicon(), model=True)
    assert said.content is not None
    assert [text[s:e] for s, e in said.content.pieces()] == [
        "“We will go,”",
        "“And we will stay.",
        "“For ever.”",
    ]
    assert said.kind == "direct"


TRANSCRIPT = (
    "The talks began.\nPresident of Russia Vladimir Putin: Mr Chancellor, friends, we are glad "
    "to see you.\nFederal Chancellor of Germany Olaf Scholz (retranslated): Thank you very "
    "much. I am glad too that our meeting is taking place. Vladimir Putin: I would like to "
    "note that Germany is a partner. Olaf Scholz: Thank you."
)


def test_transcript_turns_are_direct_quotes_of_their_speakers(nlp: Language) -> None:
    doc = nlp(TRANSCRIPT)
    found = find_attributions(doc, cue_lexicon(), model=True)
    turns = [a for a in found if a.rule == "speaker"]
    assert [(a.source.text(TRANSCRIPT), a.cue.text(TRANSCRIPT)) for a in turns if a.source] == [
        ("President of Russia Vladimir Putin", ":"),
        ("Federal Chancellor of Germany Olaf Scholz", ":"),
        ("Vladimir Putin", ":"),
        ("Olaf Scholz", ":"),
    ]
    assert all(a.kind == "direct" for a in turns)
    # a turn runs over its sentences up to the next label
    assert turns[1].content is not None
    assert turns[1].content.text(TRANSCRIPT) == (
        "Thank you very much. I am glad too that our meeting is taking place"
    )
    # a report inside a turn is nested in it, once; a label is nobody's subject
    (note,) = [a for a in found if "note" in a.cue.text(TRANSCRIPT)]
    assert note.nested_in == found.index(turns[2])
    labels = [a.source for a in turns if a.source is not None]
    assert not any(
        a.source is not None and a.rule != "speaker" and any(a.source.overlaps(x) for x in labels)
        for a in found
    )


@pytest.mark.parametrize(
    "text",
    [
        # a headline in title case, not a turn
        "Gillibrand on Hillary Releasing Her Speech Transcripts: I Think She Will Do It.\n"
        "Senator Kirsten Gillibrand spoke on Friday.",
        # a list, not a turn
        "Our panel.\nNew Hampshire: Charlie Arlinghaus, Arnie Arnesen.\n"
        "South Carolina: Andrew Collins, Barry Wynn.",
    ],
)
def test_title_case_headlines_and_lists_are_no_turns(nlp: Language, text: str) -> None:
    found = find_attributions(nlp(text), cue_lexicon(), model=True)
    assert not [a for a in found if a.rule == "speaker"]
