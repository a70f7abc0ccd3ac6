"""claimgraph's spaCy components: thin wrappers around the pure functions of each layer.

Registered factories (public API; also exposed through the ``spacy_factories`` entry point
group, so ``nlp.add_pipe("claimgraph_attribution")`` works in any spaCy pipeline once
claimgraph is installed):

==========================  =====================================  ==============================
name                        requires                               assigns
==========================  =====================================  ==============================
``claimgraph_paragraphs``   (nothing; put it before the parser)    ``token.is_sent_start``
``claimgraph_times``        ``doc._.claimgraph_published`` (opt.)   ``doc.spans["claimgraph_times"]``
``claimgraph_actors``       ``doc.ents`` (optional)                ``doc.spans["claimgraph_actors"]``
``claimgraph_attribution``  ``token.dep``, ``token.lemma``,        ``doc._.claimgraph_attributions``,
                            ``token.pos``, ``doc.sents``           ``doc.spans["claimgraph_sources"|
                                                                   "claimgraph_cues"|"claimgraph_contents"]``
==========================  =====================================  ==============================
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.nlp import extensions as ext
from claimgraph.nlp.attribution import find_attributions
from claimgraph.nlp.cue_model import packaged_cue_model
from claimgraph.nlp.lexicon import cue_lexicon
from claimgraph.nlp.pipeline import make_paragraphs  # noqa: F401  (registers the factory)
from claimgraph.times import find_times


def _char_spans(doc: Doc, text: str, pieces: tuple[tuple[int, int], ...], label: str) -> list[Span]:
    """Spans over the pieces; ``text`` is ``doc.text``, built once by the caller (spaCy
    rebuilds that string on every access, which made long documents quadratic)."""
    spans = []
    for start, end in pieces:
        if end <= start or not text[start:end].strip():
            continue  # an empty or blank piece covers no token
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


class AttributionComponent:
    """Finds attributions (:func:`claimgraph.nlp.attribution.find_attributions`)."""

    def __init__(self, *, use_model: bool) -> None:
        ext.set_extensions()
        self.lexicon = cue_lexicon()
        self.model = packaged_cue_model() if use_model else None

    def __call__(self, doc: Doc) -> Doc:
        found = find_attributions(doc, self.lexicon, model=self.model or False)
        doc._.set(ext.ATTRIBUTIONS, found)
        sources, cues, contents = [], [], []
        text = doc.text
        for n, a in enumerate(found):
            if a.source is not None:
                sources += _char_spans(doc, text, a.source.pieces(), f"a{n}")
            cues += _char_spans(doc, text, a.cue.pieces(), f"a{n}")
            if a.content is not None:
                contents += _char_spans(doc, text, a.content.pieces(), f"a{n}")
        doc.spans[ext.SPANS_SOURCES] = sources
        doc.spans[ext.SPANS_CUES] = cues
        doc.spans[ext.SPANS_CONTENTS] = contents
        return doc


@Language.factory(
    "claimgraph_attribution",
    default_config={"use_model": True},
    requires=["token.dep", "token.lemma", "token.pos", "doc.sents"],
    assigns=[f"doc._.{ext.ATTRIBUTIONS}", "doc.spans"],
)
def make_attribution(nlp: Language, name: str, use_model: bool) -> AttributionComponent:
    """Source, cue and content of reported speech; ``use_model`` adds the learned cue detector."""
    return AttributionComponent(use_model=use_model)


class TimesComponent:
    """Temporal expressions normalized against ``doc._.claimgraph_published``."""

    def __init__(self) -> None:
        ext.set_extensions()

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.get(ext.PUBLISHED)
        if anchor is not None and not isinstance(anchor, date):
            raise TypeError(
                f"doc._.{ext.PUBLISHED} must be a datetime.date, not {type(anchor).__name__}"
            )
        spans = []
        for expr in find_times(doc.text, anchor=anchor):
            span = doc.char_span(expr.start, expr.end, label=expr.kind, alignment_mode="expand")
            if span is not None:
                span._.set(ext.TIME, expr)
                spans.append(span)
        doc.spans[ext.SPANS_TIMES] = spans
        return doc


@Language.factory("claimgraph_times", assigns=["doc.spans"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    """Dates, times, durations and references, TimeML-normalized."""
    return TimesComponent()


# spaCy entity labels kept as entities even when the knowledge base does not know them.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
LABEL_FOR_KIND = {
    "state": "GPE",
    "person": "PERSON",
    "igo": "ORG",
    "group": "NORP",
    "outlet": "ORG",
    "role": "ORG",
    "org": "ORG",
}


class ActorsComponent:
    """Actor mentions from the knowledge base (and spaCy's entities it does not know).

    Mentions found by the knowledge base win over overlapping spaCy entities; an entity the
    knowledge base has no surface form for is still looked up as a whole phrase, and kept
    with ``actor = None`` when that fails.
    """

    def __init__(self, *, extra_actor_files: tuple[str, ...] = ()) -> None:
        ext.set_extensions()
        from claimgraph.actors import ActorKB, default_kb

        self.kb = ActorKB.load(extra_paths=extra_actor_files) if extra_actor_files else default_kb()

    def __call__(self, doc: Doc) -> Doc:
        on = doc._.get(ext.PUBLISHED)
        spans: list[Span] = []
        taken: set[int] = set()
        for mention in self.kb.find_mentions(doc.text, on=on):
            span = doc.char_span(
                mention.start,
                mention.end,
                label=LABEL_FOR_KIND.get(mention.actor.kind, "ORG"),
                alignment_mode="expand",
            )
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            span._.set(ext.ACTOR, mention.actor)
            spans.append(span)
            taken.update(range(span.start, span.end))
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS or any(
                i in taken for i in range(ent.start, ent.end)
            ):
                continue
            span = Span(doc, ent.start, ent.end, label=ent.label_)
            span._.set(ext.ACTOR, self.kb.lookup(ent.text, on=on))
            spans.append(span)
            taken.update(range(ent.start, ent.end))
        doc.spans[ext.SPANS_ACTORS] = sorted(spans, key=lambda s: s.start)
        return doc


@Language.factory(
    "claimgraph_actors",
    default_config={"extra_actor_files": []},
    requires=["doc.ents"],
    assigns=["doc.spans"],
)
def make_actors(nlp: Language, name: str, extra_actor_files: list[str]) -> ActorsComponent:
    """Actors resolved to codes: states, bodies, groups, offices, people, outlets."""
    return ActorsComponent(extra_actor_files=tuple(extra_actor_files))
