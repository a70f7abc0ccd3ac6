"""The extractor: articles in, ``claimgraph.document/1`` objects out.

An :class:`Extractor` holds one spaCy pipeline with claimgraph's components and the actor
knowledge base; ``extract``/``extract_many`` use a default one, made on first use::

    import claimgraph
    document = claimgraph.extract("Tehran denied the report on Tuesday.", published="2022-11-22")
    document["attributions"][0]["source"]["actor"]["code"]  # 'IRN'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypeVar

from spacy.language import Language

from claimgraph.actors import ActorKB, default_kb
from claimgraph.dates import parse_published
from claimgraph.document import build_document
from claimgraph.errors import InputError
from claimgraph.events.component import make_events  # noqa: F401  (registers the factory)
from claimgraph.model import Article
from claimgraph.nlp import extensions as ext
from claimgraph.nlp.anchor import anchor_date
from claimgraph.nlp.components import make_actors, make_attribution, make_times  # noqa: F401  (register factories)
from claimgraph.nlp.pipeline import NOT_NEEDED, load_nlp

# The components claimgraph adds after the spaCy pipeline's own, in order.
COMPONENTS = (
    "claimgraph_actors",
    "claimgraph_times",
    "claimgraph_attribution",
    "claimgraph_events",
)
BATCH_SIZE = 32

Document = dict[str, Any]


def build_pipeline(model: str | None = None, *, spacy_entities: bool = False) -> Language:
    """The spaCy pipeline (any installed English one) with claimgraph's components added.

    ``spacy_entities`` keeps the pipeline's entity recognizer, so that names the actor
    knowledge base does not know are still listed as entities (with ``actor: null``); it
    costs about 40% more time with the small English model.
    """
    nlp = load_nlp(model, exclude=() if spacy_entities else NOT_NEEDED)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    pending: list[T] = []
    for item in items:
        pending.append(item)
        if len(pending) >= size:
            yield pending
            pending = []
    if pending:
        yield pending


class Extractor:
    """One pipeline and knowledge base, reused for every article."""

    batch_size = BATCH_SIZE  # articles per nlp.pipe call when the caller batches for us

    def __init__(
        self,
        *,
        model: str | None = None,
        nlp: Language | None = None,
        kb: ActorKB | None = None,
        spacy_entities: bool = False,
    ) -> None:
        self.nlp = nlp or build_pipeline(model, spacy_entities=spacy_entities)
        self.kb = kb or default_kb()

    def _doc_for(self, article: Article) -> Any:
        doc = self.nlp.make_doc(article.text)
        doc._.set(ext.PUBLISHED, anchor_date(article.published))
        doc._.set(ext.DATELINE, article.dateline.place if article.dateline else None)
        return doc

    def extract(self, article: Article) -> Document:
        return self.extract_batch([article])[0]

    def extract_batch(self, articles: list[Article]) -> list[Document]:
        """Documents for one batch, in order. Strings spaCy learns while parsing are freed
        afterwards (a memory zone), so memory stays flat over any number of articles."""
        with self.nlp.memory_zone():
            docs = (self._doc_for(a) for a in articles)
            return [
                build_document(article, doc, self.kb)
                for article, doc in zip(
                    articles, self.nlp.pipe(docs, batch_size=len(articles)), strict=True
                )
            ]

    def extract_batches(
        self, groups: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[Document]]]:
        """Each batch with its documents, in order; the iterable is consumed in the
        caller's thread (so it may read from the store)."""
        for group in groups:
            yield group, self.extract_batch(group)

    def extract_many(
        self, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE
    ) -> Iterator[Document]:
        """Documents in input order; spaCy processes the articles in batches."""
        for _group, documents in self.extract_batches(batches(articles, batch_size)):
            yield from documents

    def close(self) -> None:
        """Nothing to release (one process); here for symmetry with the worker pool."""


@lru_cache(maxsize=4)
def default_extractor(model: str | None = None) -> Extractor:
    return Extractor(model=model)


def as_article(text_or_article: str | Article, *, published: str | None = None) -> Article:
    """A bare string becomes an article whose whole text is the body."""
    if isinstance(text_or_article, Article):
        article = text_or_article
    elif isinstance(text_or_article, str):
        article = Article(text=text_or_article)
    else:
        raise InputError(
            "extract", f"expected str or Article, got {type(text_or_article).__name__}"
        )
    if published is not None:
        iso = parse_published(published)
        if iso is None:
            raise InputError("extract", f"--published {published!r} is not a date (use YYYY-MM-DD)")
        article = replace(article, published=iso)
    return article


def extract(
    text_or_article: str | Article, *, published: str | None = None, model: str | None = None
) -> Document:
    """One ``claimgraph.document/1`` object for a text or an :class:`Article`."""
    return default_extractor(model).extract(as_article(text_or_article, published=published))


def extract_many(
    items: Iterable[str | Article],
    *,
    published: str | None = None,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Document]:
    """Documents for many texts or articles, streamed, in input order."""
    articles = (as_article(item, published=published) for item in items)
    return default_extractor(model).extract_many(articles, batch_size=batch_size)
