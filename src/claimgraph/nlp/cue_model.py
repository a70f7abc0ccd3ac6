"""A learned cue detector: is this verb the cue of an attribution?

A logistic regression over sparse, named features of the verb and its dependency frame,
trained on PolNeAR train by ``make train`` (``claimgraph.training.cues``) and shipped as
JSON in ``claimgraph/data/models/cue_model.json``: no pickles, nothing downloaded, and the
scoring is a few dictionary look-ups. The lexicon (``cues.tsv``) is one of its features, so
the model learns when a listed verb is not a cue ("I think" inside a quote) and which
unlisted verbs are ("praised", "endorsed").
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from spacy.tokens import Token

from claimgraph.nlp.lexicon import CueLexicon, cue_lexicon

MODEL_PACKAGE = "claimgraph.data.models"
MODEL_FILE = "cue_model.json"
MODEL_FORMAT = "claimgraph.cue_model/1"
QUOTE_CHARS = frozenset('"“”')


def _inside_quote(token: Token) -> bool:
    """An odd number of quote marks before the token in its sentence."""
    sent = token.sent
    marks = sum(1 for t in sent if t.i < token.i and t.text in QUOTE_CHARS)
    return marks % 2 == 1


def cue_features(token: Token, lexicon: CueLexicon) -> list[str]:
    """Named features of a candidate cue verb (pure; the same at training and run time)."""
    lemma = token.lemma_.lower()
    entry = lexicon.verb(lemma)
    children = list(token.children)
    deps = {c.dep_ for c in children}
    subject = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}), None)
    feats = [
        f"lemma={lemma}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lex={entry.stance if entry else 'none'}",
        f"head_dep={token.head.dep_}" if token.head.i != token.i else "head=root",
        f"head_lemma={token.head.lemma_.lower()}" if token.head.i != token.i else "head_lemma=root",
        f"quote={_inside_quote(token)}",
        f"subj={subject.pos_ if subject is not None else 'none'}",
        f"subj_tag={subject.tag_}" if subject is not None else "subj_tag=none",
        f"subj_side={'left' if subject is not None and subject.i < token.i else 'right' if subject is not None else 'none'}",
        f"lemma_subj={lemma}|{subject.pos_ if subject is not None else 'none'}",
        f"lemma_tag={lemma}|{token.tag_}",
    ]
    for dep in sorted(deps):
        feats.append(f"child={dep}")
        feats.append(f"lemma_child={lemma}|{dep}")
    if "ccomp" in deps:
        ccomp = next(c for c in children if c.dep_ == "ccomp")
        marks = [g.lower_ for g in ccomp.children if g.dep_ == "mark"]
        feats.append(f"ccomp_mark={marks[0] if marks else 'none'}")
    for prep in (c for c in children if c.dep_ == "prep"):
        feats.append(f"prep={prep.lower_}")
        feats.append(f"lemma_prep={lemma}|{prep.lower_}")
    if any(c.dep_ == "neg" for c in children):
        feats.append("neg")
    first_person = subject is not None and subject.lower_ in {"i", "we"}
    feats.append(f"first_person={first_person}")
    if token.i + 1 < len(token.doc):
        feats.append(f"next={token.doc[token.i + 1].lower_}")
    return feats


class CueModel(NamedTuple):
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict[str, Any]

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_cue(self, token: Token, lexicon: CueLexicon | None = None) -> bool:
        return self.probability(cue_features(token, lexicon or cue_lexicon())) >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "bias": self.bias,
            "threshold": self.threshold,
            "meta": self.meta,
            "weights": self.weights,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CueModel:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a {MODEL_FORMAT} file")
        return cls(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data["threshold"]),
            dict(data.get("meta", {})),
        )


@lru_cache(maxsize=1)
def packaged_cue_model() -> CueModel | None:
    """The shipped model, or None when the package was built without one."""
    resource = resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    return CueModel.from_json(json.loads(resource.read_text(encoding="utf-8")))
