"""A reported content as a proposition: subject actor, predicate, object actor, key terms.

Pure functions over a parsed ``Doc`` and the actor spans found in it; the event layer, when
an event lies in the content, supplies the actors and the predicate instead of the parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from claimgraph.claims.model import ActorRef, Proposition

# At most this many key terms per claim: enough to tell "drones" from "grain" claims, few
# enough that a paraphrase by another outlet still shares most of them.
MAX_TERMS = 8
TERM_POS = frozenset({"NOUN", "PROPN", "NUM"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "obj", "attr", "oprd"})
# Words that name no content of their own ("said it had plans to", "the case").
TERM_STOPLIST = frozenset(
    {"case", "thing", "way", "part", "time", "year", "day", "week", "month", "%", "one"}
)


class ActorSpan(NamedTuple):
    start: int
    end: int
    actor: ActorRef


def content_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _depth(token: Token, span: Span) -> int:
    """Steps from ``token`` up to the edge of ``span``."""
    depth = 0
    while span.start <= token.head.i < span.end and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def main_verb(span: Span) -> Token | None:
    """The content's highest verb (the first one on a tie)."""
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"]
    if not verbs:
        return None
    return min(verbs, key=lambda t: (_depth(t, span), t.i))


def actor_at(actors: Sequence[ActorSpan], token: Token) -> ActorRef | None:
    for a in actors:
        if a.start <= token.idx < a.end:
            return a.actor
    return None


def _phrase_actor(actors: Sequence[ActorSpan], token: Token) -> ActorRef | None:
    """The actor a noun phrase names: its head's, else any inside its subtree."""
    found = actor_at(actors, token)
    if found is not None:
        return found
    for t in token.subtree:
        found = actor_at(actors, t)
        if found is not None:
            return found
    return None


def _subject(verb: Token, span: Span, actors: Sequence[ActorSpan]) -> ActorRef | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and span.start <= child.i < span.end:
            return _phrase_actor(actors, child) or ActorRef(None, _chunk_text(child))
    # "accused Iran of supplying": the subject is the object of the verb outside
    before = [a for a in actors if span.start_char <= a.start and a.end <= verb.idx]
    return before[0].actor if before else None


def _object(verb: Token, span: Span, actors: Sequence[ActorSpan]) -> ActorRef | None:
    for t in verb.subtree:
        if t.i <= verb.i or not (span.start <= t.i < span.end):
            continue
        if t.dep_ in OBJECT_DEPS:
            found = actor_at(actors, t)
            if found is not None:
                return found
    return None


def _chunk_text(token: Token) -> str:
    left, right = token.left_edge.i, token.right_edge.i
    # keep subject names short: "the mission" rather than the whole relative clause
    if right - left > 6:
        return token.text
    return token.doc[left : right + 1].text


def terms(span: Span, actors: Sequence[ActorSpan], *, limit: int = MAX_TERMS) -> tuple[str, ...]:
    """Content lemmas of the span that are not part of an actor's name."""
    out: list[str] = []
    for t in span:
        if t.pos_ not in TERM_POS or actor_at(actors, t) is not None or t.is_stop:
            continue
        lemma = (t.text if t.pos_ == "PROPN" else t.lemma_).lower()
        if len(lemma) < 2 or lemma in TERM_STOPLIST or lemma in out:
            continue
        out.append(lemma)
        if len(out) == limit:
            break
    return tuple(out)


def from_parse(doc: Doc, start: int, end: int, actors: Sequence[ActorSpan]) -> Proposition:
    """The proposition of the content at ``[start, end)`` read from the parse."""
    span = content_span(doc, start, end)
    if span is None or len(span) == 0:
        return Proposition(None, None, None, ())
    verb = main_verb(span)
    inside = [a for a in actors if start <= a.start and a.end <= end]
    if verb is None:  # a nominal content ("a joint expert meeting"): no clause to read
        return Proposition(None, None, None, terms(span, actors))
    return Proposition(
        _subject(verb, span, inside),
        verb.lemma_.lower(),
        _object(verb, span, inside),
        terms(span, actors),
    )


def from_event(
    doc: Doc, start: int, end: int, actors: Sequence[ActorSpan], event: dict[str, object]
) -> Proposition:
    """The proposition of a content whose meaning is an event the event layer coded: its
    actor, trigger and recipient, with the content's terms."""
    parsed = from_parse(doc, start, end, actors)
    trigger = event.get("trigger")
    predicate = parsed.predicate
    if isinstance(trigger, dict):
        window = doc.char_span(trigger["start"], trigger["end"], alignment_mode="expand")
        if window is not None and len(window):
            predicate = window.root.lemma_.lower()
    return Proposition(
        _participant(event.get("actor")) or parsed.subject,
        predicate,
        _participant(event.get("recipient")) or parsed.object,
        parsed.terms,
    )


def _participant(value: object) -> ActorRef | None:
    if not isinstance(value, list):
        return None
    for p in value:
        if isinstance(p, dict) and p.get("code"):
            name = str(p.get("name") or p.get("text") or p["code"])
            return ActorRef(str(p["code"]), name, p.get("sector"))
    return None
