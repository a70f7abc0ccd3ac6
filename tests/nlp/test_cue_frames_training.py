"""The frame table written by ``python -m claimgraph.training.cue_frames`` (pure part)."""

from __future__ import annotations

from collections import Counter

from claimgraph.nlp.lexicon import _rows
from claimgraph.training.cue_frames import MIN_CUES, MIN_SHARE, table


def test_table_keeps_frames_that_are_mostly_cues() -> None:
    seen = Counter({("NOUN", "claim", "that"): 11, ("NOUN", "plan", "for"): 40})
    cues = Counter({("NOUN", "claim", "that"): 9, ("NOUN", "plan", "for"): 5})
    text = table(seen, cues, Counter())
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert rows[0][:4] == ["lemma", "pos", "frame", "prep_in_cue"]
    assert rows[1:] == [["claim", "NOUN", "that", "no", "9", "11"]]
    # the plan is a cue in 5 of 40 occurrences: under the share, so left out
    assert MIN_CUES <= 9
    assert MIN_SHARE * 40 > 5


def test_preposition_joins_the_cue_when_the_gold_mostly_has_it() -> None:
    key = ("NOUN", "call", "for")
    text = table(Counter({key: 16}), Counter({key: 10}), Counter({key: 10}))
    assert "call\tNOUN\tfor\tyes\t10\t16" in text.splitlines()


def test_packaged_table_follows_the_thresholds() -> None:
    for row in _rows("cue_frames.tsv"):
        cues, seen = int(row["cue_on_train"]), int(row["seen_on_train"])
        assert cues >= MIN_CUES
        assert cues >= MIN_SHARE * seen
