"""Cue lexicons (package data in ``claimgraph/data/lexicons``), loaded once and cached."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

LEXICON_PACKAGE = "claimgraph.data.lexicons"
STANCES = ("assert", "deny", "doubt", "request", "question")


class Cue(NamedTuple):
    lemma: str
    pos: str
    stance: str


class CueLexicon(NamedTuple):
    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    phrases: dict[str, Cue]  # multi-word prepositional cues: "according to"

    def verb(self, lemma: str) -> Cue | None:
        return self.verbs.get(lemma.lower())

    def noun(self, lemma: str) -> Cue | None:
        return self.nouns.get(lemma.lower())


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(LEXICON_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def parse_cues(rows: list[dict[str, str]]) -> CueLexicon:
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    phrases: dict[str, Cue] = {}
    for row in rows:
        cue = Cue(row["lemma"].strip().lower(), row["pos"].strip().upper(), row["stance"].strip())
        if cue.stance not in STANCES:
            raise ValueError(
                f"cue {cue.lemma!r}: unknown stance {cue.stance!r}; known: {', '.join(STANCES)}"
            )
        table = {"VERB": verbs, "NOUN": nouns}.get(cue.pos, phrases)
        table[cue.lemma] = cue
    return CueLexicon(verbs, nouns, phrases)


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    return parse_cues(_rows("cues.tsv"))


def _word_list(name: str) -> frozenset[str]:
    """A lexicon of one lowercased word per line; '#' starts a comment line."""
    text = resources.files(LEXICON_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def according_to_non_sources() -> frozenset[str]:
    """Lemmas after "according to" that name no source ("according to plan")."""
    return _word_list("according_to_non_sources.txt")


@lru_cache(maxsize=1)
def survey_nouns() -> frozenset[str]:
    """Lemmas of a survey that opens a sentence as its source: "In a CNN poll, C"."""
    return _word_list("survey_nouns.txt")


@lru_cache(maxsize=1)
def colon_headings() -> frozenset[str]:
    """Labels before a colon that name no speaker: "Q:", "UPDATE:", "Good news:"."""
    return _word_list("colon_headings.txt")


@lru_cache(maxsize=1)
def catenative_cue_verbs() -> frozenset[str]:
    """Verbs whose infinitive's verb joins them in the cue: "continued to assert"."""
    return _word_list("catenative_cue_verbs.txt")


# The content frames of verb_content_frames.tsv (its header says what each means).
VERB_CONTENT_FRAMES = ("object_prep", "request_object", "xcomp_content", "object_content")


@lru_cache(maxsize=1)
def verb_content_frames() -> dict[str, frozenset[str]]:
    """For each content frame, the cue verbs that have it: "accuse" → object_prep."""
    found: dict[str, set[str]] = {frame: set() for frame in VERB_CONTENT_FRAMES}
    for row in _rows("verb_content_frames.tsv"):
        frame = row["frame"].strip()
        if frame not in found:
            raise ValueError(
                f"verb_content_frames.tsv: {row['lemma']!r} has unknown frame {frame!r}; "
                f"known: {', '.join(VERB_CONTENT_FRAMES)}"
            )
        found[frame].add(row["lemma"].strip().lower())
    return {frame: frozenset(lemmas) for frame, lemmas in found.items()}


@lru_cache(maxsize=1)
def cue_statement_nouns() -> frozenset[str]:
    """Nouns of the medium a statement is made in, glued to the cue: "said in a statement"."""
    return _word_list("cue_statement_nouns.txt")


@lru_cache(maxsize=1)
def light_verb_cues() -> frozenset[tuple[str, str]]:
    """(verb lemma, object lemma) pairs that make a cue together: "expressed concern"."""
    return frozenset(
        (row["verb"].strip().lower(), row["noun"].strip().lower())
        for row in _rows("light_verb_cues.tsv")
    )


class CueFrame(NamedTuple):
    lemma: str
    pos: str  # NOUN ("claims that C") or ADJ, a predicate adjective ("is critical of C")
    frame: str  # "that" (a clausal complement), "to" (an infinitive) or a preposition
    prep_in_cue: bool  # the preposition belongs to the cue ("calls for"), not the content


@lru_cache(maxsize=1)
def cue_frames() -> dict[tuple[str, str, str], CueFrame]:
    """Nouns and predicate adjectives that are cues with a complement, keyed by (part of
    speech, lemma, frame): "claim that C", "criticism of C", "concerned that C"."""
    frames = {}
    for row in _rows("cue_frames.tsv"):
        frame = CueFrame(
            row["lemma"].strip().lower(),
            row["pos"].strip().upper(),
            row["frame"].strip().lower(),
            row["prep_in_cue"].strip().lower() == "yes",
        )
        frames[(frame.pos, frame.lemma, frame.frame)] = frame
    return frames
