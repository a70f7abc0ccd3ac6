"""A processed spaCy Doc (and its Article) as a ``claimgraph.document/1`` object.

Pure assembly: every value comes from the annotations the components left on the Doc.
The field names are the contract's (``../shared/docs/output-contract.md``); what claimgraph
adds (``chain``, ``attributions[].sentence``, ``actors`` for compound sources, ``nested_in``,
``rule``) only adds fields.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from claimgraph.actors import ActorKB
from claimgraph.claims.builder import find_claims
from claimgraph.events.contract import event_objects
from claimgraph.model import Article
from claimgraph.nlp import extensions as ext
from claimgraph.nlp.anchor import anchor_date
from claimgraph.nlp.attribution import Attribution
from claimgraph.nlp.coref import antecedent, needs_antecedent
from claimgraph.nlp.spans import CharSpan

SCHEMA = "claimgraph.document/1"
CITING_LEMMAS = frozenset({"cite", "quote"})
# "X, who said ...": the source is the noun the relative clause hangs on, found within a few
# steps up from the cue ("who has repeatedly said", "who was quoted as saying").
RELATIVE_PRONOUNS = frozenset({"who", "which"})
MAX_RELATIVE_CLIMB = 3
# A first-person source speaks for whoever is speaking where it stands.
FIRST_PERSON = frozenset({"i", "we"})
# A transcript turn: "Vladimir Putin: ..." where a sentence may start (line start, after
# ". " or a "* * *" separator; flattened transcripts have no newlines). Only labels the actor
# knowledge base resolves to a person count, so "Note:" or "TEHRAN (Reuters):" never do.
SPEAKER_LABEL = re.compile(
    r"(?:^|(?<=[.!?…*\"”])\s+)"
    r"((?:(?:[A-Z][\w.'’-]*|of|the|and|de|von|al)\s){0,6}[A-Z][\w.'’-]*):\s",
    re.MULTILINE,
)


def span_object(text: str, span: CharSpan) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "text": text[span.start : span.end],
        "start": span.start,
        "end": span.end,
    }
    if span.fragments:
        obj["fragments"] = [list(f) for f in span.fragments]
    return obj


class _Mention:
    """An actor span, in the shape the coreference helper expects."""

    def __init__(self, span: Span) -> None:
        self.span = span
        self.start = span.start_char
        self.end = span.end_char
        self.actor = span._.get(ext.ACTOR)


def _actor_mentions(doc: Doc) -> list[_Mention]:
    """The resolved actor mentions in reading order (lookups by offset rely on it)."""
    spans = sorted(doc.spans.get(ext.SPANS_ACTORS, []), key=lambda s: s.start_char)
    return [_Mention(s) for s in spans if s._.get(ext.ACTOR) is not None]


def _source_actors(
    doc: Doc, text: str, a: Attribution, mentions: list[_Mention], starts: list[int]
) -> list[_Mention]:
    """The actors a source names: the mention at its head (or every conjunct of a compound
    source), else the antecedent of a pronoun or definite description. ``text`` is
    ``doc.text``, passed in because spaCy rebuilds that string on every access; ``starts``
    are the mentions' start offsets (they are in reading order), to look up a source's
    mentions without scanning them all."""
    if a.source is None:
        return []
    if text[a.source.start : a.source.end].strip().lower() in RELATIVE_PRONOUNS:
        return _relative_antecedent(doc, a, mentions)
    lo, hi = bisect_left(starts, a.source.start), bisect_right(starts, a.source.end)
    inside = [m for m in mentions[lo:hi] if a.source.contains(m.start, m.end)]
    head = doc[a.source_token] if a.source_token is not None else None
    if head is not None:
        conjuncts = {head.i} | {t.i for t in head.conjuncts}
        heads = [m for m in inside if any(m.span.start <= i < m.span.end for i in conjuncts)]
        if heads:
            return heads
    if inside:
        return inside[:1]
    if head is not None:  # the parser cut the source inside a name ("the Iranian mission" of
        # "the Iranian mission to the UN"): the mention that holds its head
        at = bisect_right(starts, head.idx) - 1
        if at >= 0 and mentions[at].span.start <= head.i < mentions[at].span.end:
            return [mentions[at]]
    window = doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
    tokens = [t for t in window or () if a.source.contains(t.idx, t.idx + len(t.text))]
    if tokens and needs_antecedent(tokens):
        found = antecedent(doc, tokens, mentions, starts)
        if isinstance(found, _Mention):
            return [found]
    return []


def _relative_antecedent(doc: Doc, a: Attribution, mentions: list[_Mention]) -> list[_Mention]:
    """ "Jake Sullivan, who said ...": the actor of the noun the relative clause modifies."""
    clause = doc[a.cue_token]
    for _ in range(MAX_RELATIVE_CLIMB):
        if clause.dep_ == "relcl" or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.dep_ != "relcl":
        return []
    noun = clause.head
    return [m for m in mentions if m.span.start <= noun.i < m.span.end][:1]


def _times_by_sentence(doc: Doc) -> dict[int, list[Span]]:
    """The time spans grouped by the sentence (its first token) they start in."""
    grouped: dict[int, list[Span]] = defaultdict(list)
    for span in doc.spans.get(ext.SPANS_TIMES, []):
        grouped[doc[span.start].sent.start].append(span)
    return grouped


def _time_for(doc: Doc, a: Attribution, times: dict[int, list[Span]]) -> dict[str, Any] | None:
    """The time expression that dates the act of saying: attached to the cue's clause,
    outside the source and content, nearest to the cue. ``times``: see
    :func:`_times_by_sentence`."""
    cue = doc[a.cue_token]
    sentence = cue.sent
    best = None
    for span in times.get(sentence.start, ()):
        piece = CharSpan(span.start_char, span.end_char)
        if (a.content is not None and a.content.overlaps(piece)) or (
            a.source is not None and a.source.overlaps(piece)
        ):
            continue
        distance = min(abs(span.start_char - a.cue.end), abs(a.cue.start - span.end_char))
        if best is None or distance < best[0]:
            best = (distance, span)
    if best is None:
        return None
    expr = best[1]._.get(ext.TIME)
    return {"text": expr.text, "value": expr.value, "granularity": expr.granularity}


def _cited_cue(doc: Doc, cited: CharSpan) -> CharSpan | None:
    """The "citing"/"quoting" word right before a cited source."""
    first = doc.char_span(cited.start, cited.end, alignment_mode="expand")
    if first is None:
        return None
    sentence = first.sent
    before = [t for t in sentence if t.i < first.start and t.lemma_.lower() in CITING_LEMMAS]
    if not before:
        return None
    token = before[-1]
    return CharSpan(token.idx, token.idx + len(token.text))


def attribution_objects(doc: Doc, mentions: list[_Mention]) -> list[dict[str, Any]]:
    text = doc.text
    starts = [m.start for m in mentions]
    times = _times_by_sentence(doc)
    found: Sequence[Attribution] = doc._.get(ext.ATTRIBUTIONS) or []
    objects: list[dict[str, Any]] = []
    for n, a in enumerate(found):
        actors = _source_actors(doc, text, a, mentions, starts)
        source = span_object(text, a.source) if a.source is not None else None
        if source is not None:
            source["actor"] = actors[0].actor.to_contract() if actors else None
            if len(actors) > 1:
                source["actors"] = [m.actor.to_contract() for m in actors]
        sentence = doc[a.cue_token].sent
        objects.append(
            {
                "id": f"a{n}",
                "source": source,
                "cue": span_object(text, a.cue),
                "content": span_object(text, a.content) if a.content is not None else None,
                "kind": a.kind,
                "stance": a.stance,
                "cites": [],
                "time": _time_for(doc, a, times),
                "sentence": {"start": sentence.start_char, "end": sentence.end_char},
                "nested_in": None if a.nested_in is None else f"a{a.nested_in}",
                "rule": a.rule,
            }
        )
    # "X reported ..., citing Y": Y is a source of its own for the same content.
    for m, reporter in enumerate(found):
        for cited in reporter.cites:
            cue = _cited_cue(doc, cited)
            if cue is None:
                continue
            n = _cite_owner(found, m, cited)
            a = found[n]
            cited_attr = Attribution(
                cited, cue, a.content, "indirect", "assert", "citing", (), a.cue_token, None
            )
            actors = _source_actors(
                doc,
                text,
                cited_attr._replace(source_token=_head_token(doc, cited)),
                mentions,
                starts,
            )
            new_id = f"a{len(objects)}"
            source = span_object(text, cited)
            source["actor"] = actors[0].actor.to_contract() if actors else None
            objects.append(
                {
                    "id": new_id,
                    "source": source,
                    "cue": span_object(text, cue),
                    "content": objects[n]["content"],
                    "kind": "indirect",
                    "stance": "assert",
                    "cites": [],
                    "time": None,
                    "sentence": objects[n]["sentence"],
                    "nested_in": None,
                    "rule": "citing",
                }
            )
            objects[n]["cites"].append(new_id)
    # A report of a report: the outer source relies on the inner one.
    for obj in objects:
        if obj["nested_in"] is not None:
            outer = next(o for o in objects if o["id"] == obj["nested_in"])
            outer["cites"].append(obj["id"])
    return objects


def _extent(attribution: Attribution) -> tuple[int, int]:
    """Where an attribution lies: from its first to its last character (source, cue, content)."""
    spans = [s for s in (attribution.source, attribution.cue, attribution.content) if s is not None]
    return min(s.start for s in spans), max(s.end for s in spans)


def _cite_owner(found: Sequence[Attribution], n: int, cited: CharSpan) -> int:
    """The attribution a "citing Y" clause belongs to. The parser may hang the clause on the
    verb of a report nested in another ("Sputnik reported, citing the mission, that Tehran
    had asked ..."): standing outside that report, before its source, it belongs to the report
    it is nested in (the first one up the ``nested_in`` links that holds it)."""
    owner = n
    while True:
        attribution = found[owner]
        start, end = _extent(attribution)
        if attribution.nested_in is None or start <= cited.start < end:
            return owner
        owner = attribution.nested_in


def resolve_first_person(
    text: str,
    objects: list[dict[str, Any]],
    kb: ActorKB,
    on: date | None,
    author: dict[str, Any] | None = None,
) -> None:
    """Give an "I"/"we" source the actor who speaks there. The cascade, first hit wins:
    1. the source of the quote or report it is nested in (of a direct quote even when the
    pronoun already has an antecedent: "we" in Putin's turn is Russia, not the Germany named
    before it); 2. for a source still unresolved, the speaker label of the transcript turn it
    is in ("Vladimir Putin: ..."), when it names a person the knowledge base knows; 3. for
    one in no quote, report or turn, the ``author``: the person the outlet is, when it is one
    (an address published by "President of Ukraine" is Zelenskyy's)."""
    by_id = {o["id"]: o for o in objects}
    labels = [(m.start(), m.group(1)) for m in SPEAKER_LABEL.finditer(text)]
    for obj in objects:
        source = obj["source"]
        if source is None or source["text"].strip().lower() not in FIRST_PERSON:
            continue
        outer = by_id.get(obj["nested_in"]) if obj["nested_in"] else None
        if (
            outer is not None
            and outer["source"]
            and outer["source"]["actor"]
            and (source["actor"] is None or outer["kind"] == "direct")
        ):
            source["actor"] = dict(outer["source"]["actor"])
            continue
        if source["actor"] is not None:
            continue
        before = [name for start, name in labels if start < source["start"]]
        speaker = _label_person(before[-1], kb, on) if before else None
        if speaker is not None:
            source["actor"] = speaker
        elif author is not None and outer is None and not before:
            source["actor"] = dict(author)


def author_person(article: Article, kb: ActorKB) -> dict[str, Any] | None:
    """The person an article's outlet is ("President of Ukraine" on its date), or None for
    an outlet that is an organization ("Kremlin", "Reuters")."""
    if not article.outlet:
        return None
    actor = kb.lookup(article.outlet, on=anchor_date(article.published))
    return actor.to_contract() if actor is not None and actor.kind == "person" else None


def _label_person(label: str, kb: ActorKB, on: date | None) -> dict[str, Any] | None:
    """The person a speaker label names: the whole label, else its shorter endings
    ("President of Russia Vladimir Putin" -> "Vladimir Putin")."""
    words = label.split()
    for n in range(len(words)):
        actor = kb.lookup(" ".join(words[n:]), on=on)
        if actor is not None:
            return actor.to_contract() if actor.kind == "person" else None
    return None


def _head_token(doc: Doc, span: CharSpan) -> int | None:
    window = doc.char_span(span.start, span.end, alignment_mode="expand")
    tokens = list(window or ())
    # a root is its own head; compare indices, as spaCy makes a new Token on each access
    heads = [t for t in tokens if t.head not in tokens or t.head.i == t.i]
    return heads[0].i if heads else None


def entity_objects(doc: Doc) -> list[dict[str, Any]]:
    out = []
    for n, span in enumerate(doc.spans.get(ext.SPANS_ACTORS, [])):
        actor = span._.get(ext.ACTOR)
        out.append(
            {
                "id": f"n{n}",
                "text": span.text,
                "start": span.start_char,
                "end": span.end_char,
                "label": span.label_,
                "actor": actor.to_contract() if actor is not None else None,
            }
        )
    return out


def time_objects(doc: Doc) -> list[dict[str, Any]]:
    out = []
    for span in doc.spans.get(ext.SPANS_TIMES, []):
        expr = span._.get(ext.TIME)
        out.append(
            {
                "text": expr.text,
                "start": expr.start,
                "end": expr.end,
                "value": expr.value,
                "granularity": expr.granularity,
                "kind": expr.kind,
                "anchor": expr.anchor,
            }
        )
    return out


def chain_objects(article: Article, kb: ActorKB) -> list[dict[str, Any]]:
    """The outer links of the citation chain: the outlet, then each dateline credit."""
    on = anchor_date(article.published)
    links = []
    if article.outlet:
        actor = kb.lookup(article.outlet, on=on)
        links.append(
            {
                "role": "outlet",
                "name": article.outlet,
                "actor": actor.to_contract() if actor else None,
            }
        )
    for credit in article.dateline.credits if article.dateline else ():
        actor = kb.lookup(credit, on=on)
        links.append(
            {"role": "credit", "name": credit, "actor": actor.to_contract() if actor else None}
        )
    return links


def build_document(article: Article, doc: Doc, kb: ActorKB) -> dict[str, Any]:
    """The ``claimgraph.document/1`` object for one processed article."""
    mentions = _actor_mentions(doc)
    entities = entity_objects(doc)
    attributions = attribution_objects(doc, mentions)
    resolve_first_person(
        doc.text, attributions, kb, anchor_date(article.published), author_person(article, kb)
    )
    events = event_objects(doc)
    claims = find_claims(doc, attributions, events, entities)
    return {
        "schema": SCHEMA,
        "article": article.to_dict(),
        "chain": chain_objects(article, kb),
        "entities": entities,
        "times": time_objects(doc),
        "attributions": attributions,
        "events": events,
        "claims": [c.to_contract() for c in claims],
    }
