"""Stance features (``claimgraph.stance.features``) on hand-made headline/body pairs."""

from __future__ import annotations

import pytest

from claimgraph.stance.features import (
    DENSE_NAMES,
    TextProfile,
    closest_sentences,
    fit_idf,
    hash_features,
    pair_features,
    profile,
    stem,
    tokens,
)

HEADLINE = "Police say the shark attack in Sydney was a hoax"
AGREEING = (
    "A shark attack reported in Sydney on Monday never happened. "
    "Police say the shark attack was a hoax staged by two students. "
    "The beach reopened in the afternoon."
)
UNRELATED = (
    "The central bank raised interest rates by a quarter point. "
    "Markets in Tokyo closed slightly lower after the announcement."
)
IDF = fit_idf([HEADLINE, AGREEING, UNRELATED, "Sydney weather is mild", "A quiet Monday"])


def feature(headline: TextProfile, body: TextProfile, name: str) -> float:
    return pair_features(headline, body).dense[DENSE_NAMES.index(name)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("reports", "report"),
        ("denies", "deny"),
        ("reported", "report"),
        ("claiming", "claim"),
        ("glass", "glass"),
        ("it's", "it"),
        ("is", "is"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_tokens_split_off_negation() -> None:
    assert tokens("It isn't TRUE, officials didn’t say.") == [
        "it",
        "is",
        "n't",
        "true",
        "officials",
        "did",
        "n't",
        "say",
    ]


def test_dense_features_are_named_and_deterministic() -> None:
    first = pair_features(profile(HEADLINE, IDF), profile(AGREEING, IDF))
    again = pair_features(profile(HEADLINE, IDF), profile(AGREEING, IDF))
    assert len(first.dense) == len(DENSE_NAMES)
    assert first == again


@pytest.mark.parametrize(
    "name",
    [
        "jaccard",
        "headline_stems_in_body",
        "weight_share_in_body",
        "cosine_body",
        "cosine_best_sentence",
        "word_2gram_share",
        "char_8gram_share",
    ],
)
def test_overlap_is_higher_for_a_related_body(name: str) -> None:
    headline = profile(HEADLINE, IDF)
    related = feature(headline, profile(AGREEING, IDF), name)
    unrelated = feature(headline, profile(UNRELATED, IDF), name)
    assert related > unrelated
    assert unrelated == pytest.approx(0.0, abs=0.05)


def test_missing_headline_words_raise_max_missing_weight() -> None:
    headline = profile(HEADLINE, IDF)
    assert feature(headline, profile(UNRELATED, IDF), "max_missing_weight") > feature(
        headline, profile(AGREEING, IDF), "max_missing_weight"
    )


def test_refuting_and_polarity() -> None:
    headline = profile(HEADLINE, IDF)  # one refuting word: "hoax"
    body = profile(AGREEING, IDF)  # "hoax" once: the same polarity
    assert feature(headline, body, "headline_refuting") == 1.0
    assert feature(headline, body, "polarity_headline") == 1.0
    assert feature(headline, body, "polarity_agree") == 1.0
    plain = profile("Shark attack in Sydney", IDF)
    assert feature(plain, body, "headline_refuting") == 0.0
    assert feature(plain, body, "polarity_agree") == 0.0


def test_closest_sentence_is_the_one_repeating_the_headline() -> None:
    body = profile(AGREEING, IDF)
    (best_score, best), *_ = closest_sentences(profile(HEADLINE, IDF), body)
    assert best == 1
    assert "hoax" in body.sentences[best]
    assert best_score > 0.5


def test_sparse_features_name_body_near_and_cue_interactions() -> None:
    sparse = pair_features(profile(HEADLINE, IDF), profile(AGREEING, IDF)).sparse
    assert "b:beach" in sparse
    assert "n:hoax" in sparse
    assert "h:polic" not in sparse  # stems, not prefixes
    assert "h:police" in sparse
    assert "x:hoax|-" not in sparse
    assert any(f.startswith("x:hoax|") for f in sparse)
    assert "bb:shark_attack" in sparse


def test_idf_is_higher_for_rarer_stems() -> None:
    idf = fit_idf(["shark attack", "shark sighting", "shark fin", "bank rates"])
    assert idf.weights["bank"] > idf.weights["shark"]
    assert idf.default > idf.weights["bank"]


def test_hash_features_are_stable_in_range_and_unique() -> None:
    buckets = 1 << 10
    hashed = hash_features(["b:shark", "b:shark", "n:hoax", "h:police"], buckets)
    assert hashed == hash_features(["h:police", "n:hoax", "b:shark"], buckets)
    assert len(hashed) == len(set(hashed)) <= 3
    assert all(0 <= h < buckets for h in hashed)


def test_empty_texts_do_not_fail() -> None:
    empty = profile("", IDF)
    features = pair_features(empty, empty)
    assert features.dense[DENSE_NAMES.index("cosine_body")] == 0.0
    assert all(value == value for value in features.dense)  # no NaN
