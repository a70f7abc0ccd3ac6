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
from typing import Any

from spacy.language import Language

from claimgraph.actors import ActorKB, default_kb
from claimgraph.dates import parse_published
from claimgraph.document import build_document
from claimgraph.errors import InputError
from claimgraph.model import Article
from claimgraph.nlp import extensions as ext
from claimgraph.nlp.anchor import anchor_date
from claimgraph.nlp.components import make_actors, make_attribution, make_times  # noqa: F401  (register factories)
from claimgraph.nlp.pipeline import load_nlp

# The components claimgraph adds after the spaCy pipeline's own, in order.
COMPONENTS = ("claimgraph_actors", "claimgraph_times", "claimgraph_attribution")
BATCH_SIZE = 32

Document = dict[str, Any]


def build_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline (any installed English one) with claimgraph's components added."""
    nlp = load_nlp(model)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


class Extractor:
    """One pipeline and knowledge base, reused for every article."""

    def __init__(
        self, *, model: str | None = None, nlp: Language | None = None, kb: ActorKB | None = None
    ) -> None:
        self.nlp = nlp or build_pipeline(model)
        self.kb = kb or default_kb()

    def _doc_for(self, article: Article) -> Any:
        doc = self.nlp.make_doc(article.text)
        doc._.set(ext.PUBLISHED, anchor_date(article.published))
        return doc

    def extract(self, article: Article) -> Document:
        doc = self._doc_for(article)
        for _name, component in self.nlp.pipeline:
            doc = component(doc)
        return build_document(article, doc, self.kb)

    def extract_many(
        self, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE
    ) -> Iterator[Document]:
        """Documents in input order; spaCy processes the articles in batches."""
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= batch_size:
                yield from self._batch(pending)
                pending = []
        if pending:
            yield from self._batch(pending)

    def _batch(self, articles: list[Article]) -> Iterator[Document]:
        docs = (self._doc_for(a) for a in articles)
        for article, doc in zip(
            articles, self.nlp.pipe(docs, batch_size=len(articles)), strict=True
        ):
            yield build_document(article, doc, self.kb)


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
