"""Features of a (headline, body) pair for stance detection: pure functions, no model state.

Three kinds, all computed the same way at training and at run time:

* **dense** (:data:`DENSE_NAMES`): how much of the headline the body repeats (word, stem,
  bigram and character-gram overlap, TF-IDF cosine against the whole body, its lead and its
  closest sentences), and how the two texts hedge or refute (the FNC-1 baseline's refuting
  words and polarity, plus hedging and denial cues near the headline's topic);
* **sparse** (:func:`sparse_features`): named string features (body words and bigrams, the
  words of the body sentences closest to the headline, headline words, and headline cue ×
  body cue interactions), hashed into a fixed number of buckets by :func:`hash_features`;
* a text is first turned into a :class:`TextProfile` once, so a body shared by many
  headlines (FNC-1 pairs each body with about 30) is tokenized only once.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
# FNC-1 baseline (Riedel/Pan's ``feature_engineering.py``) refuting words, as stems.
REFUTING_WORDS = frozenset(
    [
        "fake",
        "fraud",
        "hoax",
        "false",
        "deny",
        "denies",
        "denied",
        "not",
        "despite",
        "nope",
        "doubt",
        "doubts",
        "bogus",
        "debunk",
        "debunked",
        "pranks",
        "prank",
        "retract",
        "retracted",
    ]
)
# Words that mark a report as unconfirmed: the body "discusses" rather than "agrees".
HEDGING_WORDS = frozenset(
    [
        "reportedly",
        "allegedly",
        "alleged",
        "apparently",
        "purportedly",
        "purported",
        "claim",
        "claims",
        "claimed",
        "according",
        "rumor",
        "rumour",
        "rumors",
        "rumours",
        "unconfirmed",
        "unverified",
        "may",
        "might",
        "could",
        "possibly",
        "suggests",
        "suggest",
        "appears",
        "believed",
        "speculation",
        "report",
        "reports",
        "reported",
        "if",
        "whether",
    ]
)
# Words that mark a denial or correction in a body: "disagree" is the rare, hard class.
DENIAL_WORDS = frozenset(
    [
        "no",
        "not",
        "never",
        "false",
        "fake",
        "hoax",
        "deny",
        "denies",
        "denied",
        "debunk",
        "debunked",
        "satire",
        "satirical",
        "untrue",
        "baseless",
        "myth",
        "rumor",
        "rumour",
        "fabricated",
        "misleading",
        "retracted",
        "prank",
        "joke",
        "photoshopped",
        "doctored",
        "incorrect",
        "wrong",
        "n't",
    ]
)
# Negations are content for stance: keep them out of the stop list.
KEEP_WORDS = frozenset({"no", "not", "never", "n't", "nothing", "none", "nobody"})
STOP = frozenset(w for w in STOP_WORDS if w not in KEEP_WORDS)
LEAD_CHARS = 255  # the FNC-1 baseline's "early" window of a body
CHAR_GRAM_SIZES = (4, 8, 16)
WORD_GRAM_SIZES = (2, 3, 4)
CLOSEST_SENTENCES = 3  # sentences of the body compared with the headline, best first
MIN_STEM_LENGTH = 3


def stem(word: str) -> str:
    """A light, deterministic suffix stripper (no NLTK): ``reports`` → ``report``."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= MIN_STEM_LENGTH + 1:
        return word
    for suffix, replacement in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("ly", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_LENGTH:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)] + replacement
    return word


def tokens(text: str) -> list[str]:
    """Lowercased word tokens; ``n't`` is split off so that negation is a token."""
    out: list[str] = []
    for token in TOKEN_RE.findall(text.lower().replace("’", "'")):
        if token.endswith("n't") and len(token) > 3:
            out += [token[:-3], "n't"]
        else:
            out.append(token)
    return out


def content_stems(words: Iterable[str]) -> list[str]:
    return [stem(w) for w in words if w not in STOP]


class Idf(NamedTuple):
    """Inverse document frequencies of stems; ``default`` for stems never seen in training."""

    weights: Mapping[str, float]
    default: float


def fit_idf(texts: Iterable[str]) -> Idf:
    """Smoothed IDF over the content stems of ``texts`` (each text one document)."""
    frequency: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        frequency.update(set(content_stems(tokens(text))))
    weights = {t: math.log((1 + n) / (1 + df)) + 1.0 for t, df in frequency.items()}
    return Idf(weights, math.log(1 + n) + 1.0)


class TextProfile(NamedTuple):
    """One text, tokenized and weighted once: words, content stems, sentences, lead, vectors."""

    text: str
    lower: str
    words: tuple[str, ...]
    stems: tuple[str, ...]
    stem_set: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    sentences: tuple[tuple[str, ...], ...]  # content stems per sentence
    lead_stems: frozenset[str]
    vector: Mapping[str, float]
    sentence_vectors: tuple[Mapping[str, float], ...]


def tfidf_vector(stems: Sequence[str], idf: Idf) -> dict[str, float]:
    """Log-scaled term frequency × IDF, L2-normalized."""
    counts = Counter(stems)
    vector = {t: (1.0 + math.log(c)) * idf.weights.get(t, idf.default) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def profile(text: str, idf: Idf) -> TextProfile:
    words = tokens(text)
    stems = content_stems(words)
    sentences = tuple(
        s for s in (tuple(content_stems(tokens(part))) for part in SENTENCE_RE.split(text)) if s
    )
    return TextProfile(
        text=text,
        lower=text.lower(),
        words=tuple(words),
        stems=tuple(stems),
        stem_set=frozenset(stems),
        bigrams=frozenset(zip(stems, stems[1:], strict=False)),
        sentences=sentences,
        lead_stems=frozenset(content_stems(tokens(text[:LEAD_CHARS]))),
        vector=tfidf_vector(stems, idf),
        sentence_vectors=tuple(tfidf_vector(s, idf) for s in sentences),
    )


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def closest_sentences(headline: TextProfile, body: TextProfile) -> list[tuple[float, int]]:
    """(cosine, sentence index) of the body's sentences, most similar to the headline first."""
    scored = [(cosine(headline.vector, v), i) for i, v in enumerate(body.sentence_vectors)]
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return scored[:CLOSEST_SENTENCES]


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _grams(words: Sequence[str], size: int) -> set[str]:
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _count_in(words: Iterable[str], vocabulary: frozenset[str]) -> int:
    return sum(1 for w in words if w in vocabulary)


DENSE_NAMES: tuple[str, ...] = (
    "jaccard",
    "headline_stems_in_body",
    "headline_stems_in_lead",
    "weight_share_in_body",
    "max_missing_weight",
    "bigram_share",
    "cosine_body",
    "cosine_best_sentence",
    "cosine_top_sentences",
    *(f"word_{n}gram_share" for n in WORD_GRAM_SIZES),
    *(f"word_{n}gram_lead_share" for n in WORD_GRAM_SIZES),
    *(f"char_{n}gram_share" for n in CHAR_GRAM_SIZES),
    "log_body_words",
    "log_headline_words",
    "headline_refuting",
    "headline_hedging",
    "headline_question",
    "body_refuting_rate",
    "body_hedging_rate",
    "body_denial_rate",
    "near_refuting",
    "near_hedging",
    "near_denial",
    "polarity_headline",
    "polarity_body",
    "polarity_agree",
    "body_question_rate",
)


class PairFeatures(NamedTuple):
    dense: list[float]  # in :data:`DENSE_NAMES` order
    sparse: list[str]  # named, to be hashed


def pair_features(headline: TextProfile, body: TextProfile) -> PairFeatures:
    """Dense and sparse features of one (headline, body) pair.

    Sparse names: ``b:`` body stems, ``bb:`` body bigrams, ``n:`` stems of the body
    sentences closest to the headline, ``h:`` headline stems, ``x:`` headline cue × nearby
    body cue (refuting, hedging or denial words).
    """
    h_set, b_set = headline.stem_set, body.stem_set
    near = closest_sentences(headline, body)
    near_words = [w for _, i in near for w in body.sentences[i]]
    near_count = max(len(near_words), 1)
    body_words = max(len(body.words), 1)
    h_words = list(headline.words)
    h_text = " ".join(h_words)
    body_joined = " ".join(body.words)
    lead_joined = " ".join(tokens(body.text[:LEAD_CHARS]))
    word_grams = {n: _grams(h_words, n) for n in WORD_GRAM_SIZES}
    char_grams = {
        n: {h_text[i : i + n] for i in range(len(h_text) - n + 1)} for n in CHAR_GRAM_SIZES
    }
    h_refuting = _count_in(headline.words, REFUTING_WORDS)
    b_refuting = _count_in(body.words, REFUTING_WORDS)
    dense = [
        _share(len(h_set & b_set), len(h_set | b_set)),
        _share(len(h_set & b_set), len(h_set)),
        _share(len(h_set & body.lead_stems), len(h_set)),
        sum(v * v for t, v in headline.vector.items() if t in b_set),
        max((v for t, v in headline.vector.items() if t not in b_set), default=0.0),
        _share(len(headline.bigrams & body.bigrams), len(headline.bigrams)),
        cosine(headline.vector, body.vector),
        near[0][0] if near else 0.0,
        sum(c for c, _ in near) / len(near) if near else 0.0,
        *(
            _share(sum(g in body_joined for g in word_grams[n]), len(word_grams[n]))
            for n in WORD_GRAM_SIZES
        ),
        *(
            _share(sum(g in lead_joined for g in word_grams[n]), len(word_grams[n]))
            for n in WORD_GRAM_SIZES
        ),
        *(
            _share(sum(g in body_joined for g in char_grams[n]), len(char_grams[n]))
            for n in CHAR_GRAM_SIZES
        ),
        math.log1p(len(body.words)),
        math.log1p(len(headline.words)),
        float(h_refuting > 0),
        float(_count_in(headline.words, HEDGING_WORDS) > 0),
        float("?" in headline.text),
        b_refuting / body_words * 100,
        _count_in(body.words, HEDGING_WORDS) / body_words * 100,
        _count_in(body.words, DENIAL_WORDS) / body_words * 100,
        _count_in(near_words, REFUTING_WORDS) / near_count * 10,
        _count_in(near_words, HEDGING_WORDS) / near_count * 10,
        _count_in(near_words, DENIAL_WORDS) / near_count * 10,
        float(h_refuting % 2),
        float(b_refuting % 2),
        float(h_refuting % 2 == b_refuting % 2),
        body.text.count("?") / max(len(body.sentences), 1),
    ]
    near_set = set(near_words)
    sparse = [f"b:{s}" for s in b_set]
    sparse += [f"bb:{a}_{b}" for a, b in body.bigrams]
    sparse += [f"n:{s}" for s in near_set]
    sparse += [f"h:{s}" for s in h_set]
    h_cues = sorted({w for w in headline.words if w in REFUTING_WORDS or w in HEDGING_WORDS})
    b_cues = sorted({w for w in near_set if w in DENIAL_WORDS or w in HEDGING_WORDS})
    sparse += [f"x:{a}|{b}" for a in h_cues or ["-"] for b in b_cues or ["-"]]
    return PairFeatures(dense, sparse)


@lru_cache(maxsize=1 << 20)
def _bucket(feature: str, buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % buckets


def hash_features(features: Iterable[str], buckets: int) -> list[int]:
    """Stable bucket numbers (CRC-32, not Python's salted ``hash``), duplicates removed."""
    return sorted({_bucket(f, buckets) for f in features})
