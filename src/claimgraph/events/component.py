"""The ``claimgraph_events`` spaCy component: a thin wrapper around :func:`find_events`."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.events.coder import find_events
from claimgraph.events.tables import default_tables
from claimgraph.nlp import extensions as ext


class EventsComponent:
    """PLOVER/CAMEO events (:func:`claimgraph.events.find_events`) on ``doc._.claimgraph_events``."""

    def __init__(self) -> None:
        ext.set_extensions()
        self.tables = default_tables()

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.get(ext.PUBLISHED)
        if published is not None and not isinstance(published, date):
            raise TypeError(
                f"doc._.{ext.PUBLISHED} must be a datetime.date, not {type(published).__name__}"
            )
        dateline = doc._.get(ext.DATELINE)
        if dateline is not None and not isinstance(dateline, str):
            raise TypeError(f"doc._.{ext.DATELINE} must be a str, not {type(dateline).__name__}")
        doc._.set(
            ext.EVENTS,
            find_events(doc, tables=self.tables, published=published, dateline=dateline),
        )
        return doc


@Language.factory(
    "claimgraph_events",
    requires=[
        "token.dep",
        "token.lemma",
        "token.pos",
        "doc.sents",
        "doc.spans",
        f"doc._.{ext.ATTRIBUTIONS}",
    ],
    assigns=[f"doc._.{ext.EVENTS}"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    """Events between actors, coded in PLOVER and CAMEO, with PLOVER's auxiliary-mode flags."""
    return EventsComponent()
