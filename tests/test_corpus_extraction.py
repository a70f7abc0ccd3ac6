"""Extraction over real corpora (../shared/data): never an exception, always the contract.

The memory benchmark found an article in Reuters-21578 that crashed the attribution
component (an empty content fragment); this runs a few hundred stories from several corpora
through the whole pipeline and checks every document with the contract validator.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from claimgraph.extractor import Extractor
from claimgraph.model import Article
from claimgraph.readers import ReadOptions, read
from test_document import contract_problems

SAMPLES = {
    "reuters": (
        ["corpora/reuters21578/reut2-000.sgm", "corpora/reuters21578/reut2-012.sgm"],
        ReadOptions(),
        240,
    ),
    "tehran_times": (
        ["corpora/tehran_times_2022_2023/data"],
        ReadOptions(defaults={"outlet": "Tehran Times"}),
        60,
    ),
    "guardian": (
        ["corpora/ukraine2022_guardian_nyt/Guardians_Russia_Ukraine.csv"],
        ReadOptions(mapping={"title": "headlines", "text": "articles"}),
        40,
    ),
}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize("corpus", sorted(SAMPLES))
def test_real_articles_extract_within_the_contract(
    shared_data: Path, extractor: Extractor, corpus: str
) -> None:
    paths, options, limit = SAMPLES[corpus]
    items = read([str(shared_data / p) for p in paths], options)
    articles = list(itertools.islice((a for a in items if isinstance(a, Article)), limit))
    assert len(articles) == limit
    problems = []
    for article, document in zip(articles, extractor.extract_many(articles), strict=True):
        problems += [
            f"{article.source_path}:{article.source_record}: {p}"
            for p in contract_problems(document)
        ]
    assert problems == []
