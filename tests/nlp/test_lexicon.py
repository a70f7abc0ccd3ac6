"""The cue lexicon (``claimgraph/data/lexicons/cues.tsv``) and its parser."""

from __future__ import annotations

import pytest

from claimgraph.nlp.lexicon import (
    STANCES,
    VERB_CONTENT_FRAMES,
    Cue,
    CueFrame,
    _rows,
    catenative_cue_verbs,
    cue_frames,
    cue_lexicon,
    cue_statement_nouns,
    parse_cues,
    survey_nouns,
    verb_content_frames,
)


def test_packaged_lexicon_parses() -> None:
    lexicon = cue_lexicon()
    assert len(lexicon.verbs) > 100
    assert lexicon.nouns
    assert lexicon.phrases["according to"] == Cue("according to", "ADP", "assert")
    for table in (lexicon.verbs, lexicon.nouns, lexicon.phrases):
        for lemma, cue in table.items():
            assert lemma == cue.lemma == cue.lemma.strip().lower()
            assert cue.stance in STANCES
    assert all(cue.pos == "VERB" for cue in lexicon.verbs.values())
    assert all(cue.pos == "NOUN" for cue in lexicon.nouns.values())


def test_every_row_of_the_data_file_is_read() -> None:
    rows = _rows("cues.tsv")
    assert rows, "the data file has rows"
    assert all(set(row) >= {"lemma", "pos", "stance"} for row in rows)
    lexicon = cue_lexicon()
    stored = len(lexicon.verbs) + len(lexicon.nouns) + len(lexicon.phrases)
    assert stored == len({(r["lemma"].strip().lower(), r["pos"].strip().upper()) for r in rows})


@pytest.mark.parametrize(
    ("lemma", "stance"),
    [
        ("say", "assert"),
        ("SAY", "assert"),
        ("deny", "deny"),
        ("reject", "deny"),
        ("doubt", "doubt"),
        ("ask", "request"),
        ("urge", "request"),
        ("wonder", "question"),
    ],
)
def test_verb_stances(lemma: str, stance: str) -> None:
    cue = cue_lexicon().verb(lemma)
    assert cue is not None
    assert cue.stance == stance


def test_unknown_lemmas() -> None:
    assert cue_lexicon().verb("decide") is None
    assert cue_lexicon().noun("table") is None
    assert cue_lexicon().noun("denial") == Cue("denial", "NOUN", "deny")


def test_lexicon_is_loaded_once() -> None:
    assert cue_lexicon() is cue_lexicon()


def test_parse_cues_normalises_and_sorts_by_pos() -> None:
    lexicon = parse_cues(
        [
            {"lemma": " Say ", "pos": "verb", "stance": "assert", "note": ""},
            {"lemma": "denial", "pos": "NOUN", "stance": " deny ", "note": ""},
            {"lemma": "according to", "pos": "ADP", "stance": "assert", "note": ""},
        ]
    )
    assert lexicon.verbs == {"say": Cue("say", "VERB", "assert")}
    assert lexicon.nouns == {"denial": Cue("denial", "NOUN", "deny")}
    assert lexicon.phrases == {"according to": Cue("according to", "ADP", "assert")}


def test_unknown_stance_raises_and_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown stance 'agree'") as raised:
        parse_cues([{"lemma": "concur", "pos": "VERB", "stance": "agree"}])
    assert "'concur'" in str(raised.value)
    for stance in STANCES:
        assert stance in str(raised.value)


def test_catenative_cue_verbs_are_lowercased_lemmas() -> None:
    verbs = catenative_cue_verbs()
    assert {"continue", "try"} <= verbs
    assert "expect" not in verbs  # its infinitive is the content, not part of the cue
    assert all(v == v.lower() and " " not in v for v in verbs)


def test_cue_frames_parse() -> None:
    frames = cue_frames()
    assert frames, "the data file has rows"
    claim = frames[("NOUN", "claim", "that")]
    assert claim == CueFrame("claim", "NOUN", "that", prep_in_cue=False)
    assert frames[("NOUN", "call", "for")].prep_in_cue
    assert {frame.pos for frame in frames.values()} <= {"NOUN", "ADJ"}
    for (pos, lemma, name), frame in frames.items():
        assert (pos, lemma, name) == (frame.pos, frame.lemma, frame.frame)


def test_verb_content_frames_are_data() -> None:
    frames = verb_content_frames()
    assert set(frames) == set(VERB_CONTENT_FRAMES)
    assert "accuse" in frames["object_prep"]
    assert "ask" in frames["request_object"]
    assert "vow" in frames["xcomp_content"]
    assert "deny" in frames["object_content"] and "deny" in frames["xcomp_content"]
    rows = [r for r in _rows("verb_content_frames.tsv")]
    assert sum(len(lemmas) for lemmas in frames.values()) == len(rows)
    assert all(lemma == lemma.strip().lower() for v in frames.values() for lemma in v)


def test_cue_statement_nouns_are_data() -> None:
    nouns = cue_statement_nouns()
    assert {"statement", "interview"} <= nouns
    assert "speech" not in nouns  # PolNeAR train: 0 of 8 "said in a speech" in the cue
    assert all(n == n.strip().lower() and " " not in n for n in nouns)


def test_survey_nouns_are_data() -> None:
    assert survey_nouns() == {"poll", "survey"}
