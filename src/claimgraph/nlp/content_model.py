"""A learned re-ranker for the edges of an attribution's content.

The rules (``nlp/attribution.py``) find the cue and a content that overlaps PolNeAR's almost
always (overlap F1 78) but whose edges often differ (exact F1 53): whether the object of
"made several negative comments about" is cue or content, whether ", which ..." or the next
sentences belong to it, depend on context. This module moves the content's two outer
edges. For each edge it generates candidate tokens near the rule's edge (at most
``LEFT_BEFORE``/``LEFT_AFTER`` tokens on the left; constituent boundaries within
``RIGHT_BEFORE``/``RIGHT_AFTER`` tokens and up to ``MAX_EXTRA_SENTENCES`` following sentences
on the right), describes each by named features (the token and its neighbour, their
dependency labels, the constituent that ends or starts there, its relation to the cue, the
distance to the rule's edge, what it adds or drops, another attribution's cue it leaves out)
and keeps the highest-scoring one. The weights are an averaged perceptron trained on PolNeAR
train by ``make train`` (``claimgraph.training.contents``) and shipped as JSON in
``claimgraph/data/models/content_model.json``: no pickles, nothing downloaded, and scoring a
candidate is a few dictionary look-ups.

The cascade, in order: (1) a content in several fragments ("“A,” he said, “B.”"), one
that is all quotation (``RULE_EDGE_KINDS``), or one with no candidate on a side, keeps the
rule's edges; (2) a candidate edge replaces the rule's only when it outscores it by more
than ``MIN_MARGIN``; (3) without a shipped model, the rule's edges stand.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple, Protocol

from spacy.tokens import Doc, Token

from claimgraph.nlp.extensions import SPANS_TIMES
from claimgraph.nlp.spans import QUOTE_MARKS, CharSpan

MODEL_PACKAGE = "claimgraph.data.models"
MODEL_FILE = "content_model.json"
MODEL_FORMAT = "claimgraph.content_model/1"

# Candidate windows, in tokens from the rule's edge. On PolNeAR train, of the single-piece
# contents whose edges differ from gold, the gold left edge is within -10..+12 tokens of
# the rule's, and the right edge within -30..+30, 97 times in 100.
LEFT_BEFORE = 10
LEFT_AFTER = 12
RIGHT_BEFORE = 30
RIGHT_AFTER = 30
MAX_EXTRA_SENTENCES = 3  # following sentences a content may be extended over
# A content that is all quotation ends at its quotation marks: on PolNeAR train the rules'
# edges of a single-piece direct content are the gold ones 1,684 times of 1,739.
RULE_EDGE_KINDS = frozenset({"direct"})
MAX_REGION_TOKENS = 40  # tokens of an added or dropped stretch that are described
MIN_MARGIN = 0.0  # a candidate must outscore the rule's edge by more than this
# A coordinated verb without a subject of its own, in the cue's tense ("said C and proposed
# D"), is the source's second act: on PolNeAR train the gold right edge drops it 47 times and
# keeps it 107, so it is described (``_subject_kind``) for the model to weigh.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Function words kept as themselves in features; other words are represented by POS.
CLOSED_CLASS_POS = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PRON", "PART", "AUX", "PUNCT"})


class EdgeContext(NamedTuple):
    """What the features of a candidate edge are computed against."""

    start: int  # the rule content's first token (not punctuation)
    end: int  # its last token
    cue: frozenset[int]  # the cue's tokens
    cue_head: int  # the cue's head token
    source: frozenset[int]  # the source's tokens
    blocked: frozenset[int]  # tokens a content never takes in: cues, sources
    kind: str  # direct, mixed, indirect
    rule: str  # the rule that found the attribution
    # Other cues' tokens inside the rule's content: on PolNeAR train the gold edge leaves
    # such a cue out 173 times on the right (", he said"), 122 on the left, and keeps it
    # 567 and 637 times, so whether an edge drops one is a feature, not a rule.
    inner_cues: frozenset[int] = frozenset()


def _word(token: Token) -> str:
    if token.pos_ in CLOSED_CLASS_POS or token.is_punct:
        return token.lower_
    return token.pos_


def _bucket(offset: int) -> str:
    if -5 <= offset <= 5:
        return str(offset)
    sign = "+" if offset > 0 else "-"
    size = abs(offset)
    return f"{sign}{'6-10' if size <= 10 else '11-20' if size <= 20 else '21+'}"


def _visible(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def _relation_to_cue(token: Token, cue_head: int) -> str:
    """How a token hangs on the cue: its child, grandchild, or elsewhere."""
    head = token.head
    if token.i == cue_head:
        return "cue"
    if head.i == cue_head:
        return f"child:{token.dep_}"
    if head.head.i == cue_head and head.i != head.head.i:
        return f"grandchild:{head.dep_}"
    return "other"


def _widest_starting(token: Token) -> Token:
    """The highest token whose subtree starts at ``token``: the constituent it opens."""
    current = token
    while current.head.i != current.i and current.head.left_edge.i == token.i:
        current = current.head
    return current


def _widest_ending(token: Token) -> Token:
    """The highest token whose subtree ends at ``token``: the constituent it closes."""
    current = token
    while current.head.i != current.i and current.head.right_edge.i == token.i:
        current = current.head
    return current


def left_features(doc: Doc, i: int, ctx: EdgeContext) -> list[str]:
    """Features of a content that starts at token ``i``."""
    token = doc[i]
    prev = doc[i - 1] if i > 0 else None
    opened = _widest_starting(token)
    cue_lemma = doc[ctx.cue_head].lemma_.lower()
    after_cue = i > ctx.cue_head
    offset = i - ctx.start
    feats = [
        f"L:rule={offset == 0}",
        f"L:off={_bucket(offset)}",
        f"L:w={_word(token)}",
        f"L:dep={token.dep_}",
        f"L:pos={token.pos_}",
        f"L:prev={_word(prev) if prev is not None else 'BOS'}",
        f"L:prev_dep={prev.dep_ if prev is not None else 'BOS'}",
        f"L:prev_cue={prev is not None and prev.i in ctx.cue}",
        f"L:opens={opened.dep_}",
        f"L:opens_rel={_relation_to_cue(opened, ctx.cue_head)}",
        f"L:rel={_relation_to_cue(token, ctx.cue_head)}",
        f"L:side={'after' if after_cue else 'before'}",
        f"L:kind={ctx.kind}",
        f"L:rule_name={ctx.rule}",
        f"L:sent_start={token.is_sent_start or (prev is not None and prev.is_space)}",
        f"L:w_prev={_word(token)}|{_word(prev) if prev is not None else 'BOS'}",
        f"L:cue_opens={cue_lemma}|{opened.dep_}",
        f"L:off_opens={_bucket(offset)}|{opened.dep_}",
        f"L:off_w={_bucket(offset)}|{_word(token)}",
    ]
    feats.extend(_inner_cue_features(doc, range(ctx.start, i), "L", ctx))
    feats.extend(_region_features(doc, i, ctx.start - 1, "L:add", ctx, cue_lemma))
    feats.extend(_region_features(doc, ctx.start, i - 1, "L:drop", ctx, cue_lemma))
    if after_cue:
        gap = sum(1 for j in range(ctx.cue_head + 1, i) if j not in ctx.cue and _visible(doc[j]))
        feats.append(f"L:gap={min(gap, 6)}")
    if prev is not None and prev.text in QUOTE_MARKS or token.text in QUOTE_MARKS:
        feats.append("L:quote")
    return feats


def right_features(doc: Doc, i: int, ctx: EdgeContext) -> list[str]:
    """Features of a content that ends at token ``i``."""
    token = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    nxt2 = doc[i + 2] if i + 2 < len(doc) else None
    closed = _widest_ending(token)
    offset = i - ctx.end
    cue_lemma = doc[ctx.cue_head].lemma_.lower()
    sentences = _sentences_between(doc, ctx.end, i)
    next_word = _word(nxt) if nxt is not None else "EOS"
    feats = [
        f"R:rule={offset == 0}",
        f"R:off={_bucket(offset)}",
        f"R:w={_word(token)}",
        f"R:dep={token.dep_}",
        f"R:next={next_word}",
        f"R:next_dep={nxt.dep_ if nxt is not None else 'EOS'}",
        f"R:next2={_word(nxt2) if nxt2 is not None else 'EOS'}",
        f"R:next_next2={next_word}|{_word(nxt2) if nxt2 is not None else 'EOS'}",
        f"R:closes={closed.dep_}",
        f"R:closes_rel={_relation_to_cue(closed, ctx.cue_head)}",
        f"R:sents={sentences}",
        f"R:kind={ctx.kind}",
        f"R:rule_name={ctx.rule}",
        f"R:side={'after' if i > ctx.cue_head else 'before'}",
        f"R:cue_closes={cue_lemma}|{closed.dep_}",
        f"R:off_closes={_bucket(offset)}|{closed.dep_}",
        f"R:off_next={_bucket(offset)}|{next_word}",
        f"R:kind_sents={ctx.kind}|{sentences}",
    ]
    feats.extend(_inner_cue_features(doc, range(i + 1, ctx.end + 1), "R", ctx))
    feats.extend(_region_features(doc, ctx.end + 1, i, "R:add", ctx, cue_lemma))
    feats.extend(_region_features(doc, i + 1, ctx.end, "R:drop", ctx, cue_lemma))
    if nxt is not None:
        opened = (
            _widest_starting(nxt2) if nxt.is_punct and nxt2 is not None else _widest_starting(nxt)
        )
        feats.append(f"R:next_opens={opened.dep_}")
        feats.append(f"R:next_opens_rel={_relation_to_cue(opened, ctx.cue_head)}")
        feats.append(f"R:next_opens_w={opened.dep_}|{next_word}")
        if nxt.is_sent_start or token.is_sent_end:
            feats.append("R:sent_end")
    else:
        feats.append("R:sent_end")
    return feats


def _inner_cue_features(doc: Doc, dropped: Iterable[int], side: str, ctx: EdgeContext) -> list[str]:
    """Whether an edge leaves out of the content another attribution's cue that the rule's
    content holds (", he said" after it, "X told him" before it), and which cue."""
    if not ctx.inner_cues:
        return []
    cue = next((j for j in dropped if j in ctx.inner_cues), None)
    if cue is None:
        return [f"{side}:keeps_cue"]
    return [f"{side}:drops_cue", f"{side}:drops_cue|{doc[cue].lemma_.lower()}"]


def _region_features(
    doc: Doc, first: int, last: int, prefix: str, ctx: EdgeContext, cue_lemma: str
) -> list[str]:
    """What a candidate edge adds to the rule's content or drops from it (tokens ``first``
    to ``last``): each constituent there, by its dependency label, where it hangs (on the
    cue, inside the rule's content, elsewhere) and its first word; each coordinated verb, by
    its subject and whether it has the cue's tense ("said C and *proposed* D": the source's
    second act, not content)."""
    if last < first:
        return []
    feats = [f"{prefix}:size={_bucket(min(last - first + 1, 21))}"]
    cue_tag = doc[ctx.cue_head].tag_
    for j in range(first, min(last, first + MAX_REGION_TOKENS) + 1):
        token = doc[j]
        if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
            feats.append(f"{prefix}:conj_verb|{_subject_kind(token)}|{token.tag_ == cue_tag}")
        head = token.head
        if first <= head.i <= last and head.i != token.i:
            continue
        where = (
            "cue"
            if head.i == ctx.cue_head or head.i in ctx.cue
            else "content"
            if ctx.start <= head.i <= ctx.end
            else "root"
            if head.i == token.i
            else "out"
        )
        opener = _word(doc[max(token.left_edge.i, first)])
        feats.append(f"{prefix}:{token.dep_}|{where}")
        feats.append(f"{prefix}:{token.dep_}|{where}|{opener}")
        feats.append(f"{prefix}:{token.dep_}|{where}|{cue_lemma}")
        feats.append(f"{prefix}:{token.dep_}|{where}|lemma={token.lemma_.lower()}")
        feats.append(f"{prefix}:{where}|{cue_lemma}|{token.lemma_.lower()}")
    return feats


def _subject_kind(verb: Token) -> str:
    """A verb's own subject: ``none`` (it shares its conjunct's), ``pron`` or ``noun``."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return "none"
    return "pron" if subject.pos_ == "PRON" else "noun"


def _sentences_between(doc: Doc, a: int, b: int) -> int:
    """How many sentence starts lie in ``(a, b]``."""
    if b <= a:
        return 0
    return sum(1 for j in range(a + 1, b + 1) if doc[j].is_sent_start)


def _blocked(positions: Iterable[int], ctx: EdgeContext) -> bool:
    return any(j in ctx.blocked for j in positions)


def left_candidates(doc: Doc, ctx: EdgeContext) -> list[int]:
    """Token positions where the content may start: visible tokens near the rule's start,
    in its sentence, never taking in a cue or source token, never after its end."""
    sent_start = doc[ctx.start].sent.start
    lo = max(sent_start, ctx.start - LEFT_BEFORE)
    hi = min(ctx.end, ctx.start + LEFT_AFTER)
    out = []
    for i in range(ctx.start, lo - 1, -1):  # leftwards until a cue or source token
        if i in ctx.blocked:
            break
        if _visible(doc[i]):
            out.append(i)
    for i in range(ctx.start + 1, hi + 1):
        if _visible(doc[i]) and not _blocked([i], ctx):
            out.append(i)
    return sorted(out)


def right_candidates(doc: Doc, ctx: EdgeContext) -> list[int]:
    """Token positions where the content may end: the rule's end and the constituent
    boundaries near it (a token before punctuation, a sentence end, the last token of a
    subtree), never taking in a cue or source token, never before its start."""
    lo = max(ctx.start, ctx.end - RIGHT_BEFORE)
    out = []
    for i in range(lo, ctx.end + 1):
        if _boundary(doc, i) or i == ctx.end:
            out.append(i)
    sentences = 0
    for i in range(ctx.end + 1, min(len(doc), ctx.end + RIGHT_AFTER + 1)):
        if i in ctx.blocked:
            break
        if doc[i].is_sent_start:
            sentences += 1
            if sentences > MAX_EXTRA_SENTENCES:
                break
        if _boundary(doc, i):
            out.append(i)
    return [i for i in out if _visible(doc[i]) and i not in ctx.blocked]


def _boundary(doc: Doc, i: int) -> bool:
    if i + 1 >= len(doc):
        return True
    nxt = doc[i + 1]
    return (
        nxt.is_punct
        or nxt.is_space
        or nxt.is_sent_start
        or _widest_ending(doc[i]).i != i
        or nxt.dep_ in {"cc", "mark", "prep", "relcl", "advcl"}
    )


class ContentModel(NamedTuple):
    weights: dict[str, float]
    meta: dict[str, Any]

    def score(self, features: Sequence[str]) -> float:
        get = self.weights.get
        return sum([get(f, 0.0) for f in features])

    def best(self, candidates: Sequence[tuple[int, list[str]]], rule_edge: int) -> int:
        """The rule's edge unless a candidate outscores it by more than ``MIN_MARGIN``."""
        scored = [(self.score(feats), i) for i, feats in candidates]
        rule_score = next((s for s, i in scored if i == rule_edge), None)
        if not scored:
            return rule_edge
        top_score, top = max(scored, key=lambda si: (si[0], -abs(si[1] - rule_edge)))
        if rule_score is not None and top_score - rule_score <= MIN_MARGIN:
            return rule_edge
        return top

    def to_json(self) -> dict[str, Any]:
        return {"format": MODEL_FORMAT, "meta": self.meta, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ContentModel:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a {MODEL_FORMAT} file")
        return cls(
            {str(k): float(v) for k, v in data["weights"].items()}, dict(data.get("meta", {}))
        )


@lru_cache(maxsize=1)
def packaged_content_model() -> ContentModel | None:
    """The shipped model, or None when the package was built without one."""
    resource = resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    return ContentModel.from_json(json.loads(resource.read_text(encoding="utf-8")))


def token_range(doc: Doc, span: CharSpan) -> tuple[int, int] | None:
    """The first and last visible tokens of a single-piece character span, or None."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return None
    shown = [t.i for t in tokens if _visible(t)]
    return (shown[0], shown[-1]) if shown else None


def tokens_of(doc: Doc, span: CharSpan | None) -> frozenset[int]:
    """The indices of the tokens a character span touches."""
    if span is None:
        return frozenset()
    out: set[int] = set()
    for start, end in span.pieces():
        tokens = doc.char_span(start, end, alignment_mode="expand")
        if tokens is not None:
            out.update(t.i for t in tokens)
    return frozenset(out)


class Attributed(Protocol):
    """What :func:`attribution_context` reads of an attribution (``nlp.attribution``)."""

    @property
    def source(self) -> CharSpan | None: ...
    @property
    def cue(self) -> CharSpan: ...
    @property
    def content(self) -> CharSpan | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def rule(self) -> str: ...
    @property
    def cue_token(self) -> int: ...


def kept_out(doc: Doc, cues: Iterable[CharSpan]) -> frozenset[int]:
    """Tokens a moved edge takes in only when the rules' content already holds them: every
    cue of the Doc, and its time expressions ("denied the report *on Tuesday*" says when it
    was denied, the attribution's time, not what)."""
    out = {i for cue in cues for i in tokens_of(doc, cue)}
    out.update(t.i for span in doc.spans.get(SPANS_TIMES, ()) for t in span)
    return frozenset(out)


def attribution_context(
    doc: Doc, attribution: Attributed, others: frozenset[int]
) -> EdgeContext | None:
    """:func:`edge_context` for an attribution with a content, else None."""
    if attribution.content is None:
        return None
    return edge_context(
        doc,
        content=attribution.content,
        cue=attribution.cue,
        cue_head=attribution.cue_token,
        source=attribution.source,
        kind=attribution.kind,
        rule=attribution.rule,
        others=others,
    )


def edge_context(
    doc: Doc,
    *,
    content: CharSpan,
    cue: CharSpan,
    cue_head: int,
    source: CharSpan | None,
    kind: str,
    rule: str,
    others: frozenset[int] = frozenset(),
) -> EdgeContext | None:
    """The context for a single-piece content, or None (fragments keep the rule's edges).
    ``others`` are the tokens of the Doc's other cues (``tokens_of``): a moved edge takes in
    none that the rule's content does not already hold."""
    if content.fragments or kind in RULE_EDGE_KINDS:
        return None
    edges = token_range(doc, content)
    if edges is None:
        return None
    cue_tokens, source_tokens = tokens_of(doc, cue), tokens_of(doc, source)
    blocked = set(cue_tokens | source_tokens)
    blocked.update(i for i in others if not edges[0] <= i <= edges[1])
    return EdgeContext(
        edges[0],
        edges[1],
        cue_tokens,
        cue_head,
        source_tokens,
        frozenset(blocked),
        kind,
        rule,
        frozenset(i for i in others if edges[0] <= i <= edges[1] and i not in cue_tokens),
    )


def choose_edges(doc: Doc, ctx: EdgeContext, model: ContentModel) -> tuple[int, int]:
    """The model's first and last content tokens (the rule's where it is not sure)."""
    left = model.best(
        [(i, left_features(doc, i, ctx)) for i in left_candidates(doc, ctx)], ctx.start
    )
    right = model.best(
        [(i, right_features(doc, i, ctx)) for i in right_candidates(doc, ctx)], ctx.end
    )
    if left > right:
        return ctx.start, ctx.end
    return left, right


def edge_span(doc: Doc, original: CharSpan, ctx: EdgeContext, left: int, right: int) -> CharSpan:
    """The content's characters from token ``left`` to ``right``; an unchanged edge keeps the
    rule's characters (its quotation marks)."""
    start = original.start if left == ctx.start else doc[left].idx
    end = original.end if right == ctx.end else doc[right].idx + len(doc[right].text)
    return CharSpan(start, end)
