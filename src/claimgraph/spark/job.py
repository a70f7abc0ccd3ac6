"""The Spark job behind ``claimgraph spark-extract``: inputs in, Parquet tables out.

Stages (each line one Spark stage; the functions named run on executors):

1. the driver lists the input files as ``ingest`` would (folders, globs; files no reader
   knows are skipped inside folders), numbering them in that order;
2. :func:`read_file`: each file is read by the project's readers (``read_source``), every
   item numbered (``input_order``); a rejection becomes an ``errors`` row;
3. articles are keyed by their content id and the first one (by input order) is kept, as
   the store's de-duplication keeps it; that shuffle also spreads them over ``partitions``;
4. :func:`extract_partition`: one :class:`~claimgraph.extractor.Extractor` per Python worker
   (loaded on its first task, kept while Spark reuses the worker), batches of articles in,
   one wide row per article out (:mod:`claimgraph.spark.tables`); an article whose
   extraction raises becomes an ``errors`` row and the job goes on;
5. the wide rows are cached and each table is written with Spark SQL (``explode``); event
   mentions are linked on Spark (:mod:`claimgraph.spark.mentions`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.model import Article, Rejection
from claimgraph.readers import ReadOptions, is_known, read_source
from claimgraph.readers.sources import STDIN, expand_path, is_tar, iter_sources, strip_compression
from claimgraph.spark import require_pyspark
from claimgraph.spark.tables import (
    ARTICLES,
    DOCUMENTS,
    ERRORS,
    EVENTS,
    MENTIONS,
    OUTPUT_TABLES,
    WIDE,
    WideRow,
    ddl,
    error_row,
    input_order,
    wide_row,
)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from claimgraph.extractor import Extractor

# Extraction tasks per core: articles range from a paragraph to a long speech, and several
# smaller tasks per core keep every core busy to the end (Spark's task overhead is ~10 ms).
TASKS_PER_CORE = 8
EXTRACT_BATCH = 32  # articles per nlp.pipe call inside a task, as the single-machine path
# An article whose extraction raised; the exception's own code when it has one.
EXTRACT_ERROR_CODE = "E121"  # docs/errors.md
# What extracting one article may raise on bad input: claimgraph's own errors, spaCy's
# ValueError for texts it refuses (E088: longer than nlp.max_length), and LookupError from a
# rule that meets a text it was not written for (a KeyError in times/rules/relative.py on
# "the day" in some Guardian reports). One such article must not stop a day's job: it becomes
# an errors row with the message, to be fixed in the rule. Anything else fails the task.
EXTRACTION_ERRORS: tuple[type[Exception], ...] = (ClaimgraphError, ValueError, LookupError)
SKIP_UNKNOWN = "no reader for this kind of file"


@dataclass(frozen=True, slots=True, kw_only=True)
class JobSettings:
    model: str | None = None
    spacy_entities: bool = False
    partitions: int | None = None  # extraction tasks; default: TASKS_PER_CORE per core
    batch_size: int = EXTRACT_BATCH


@dataclass(slots=True)
class JobReport:
    output: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    extract_seconds: float = 0.0  # reading and extraction, before the tables are written

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "counts": self.counts,
            "seconds": round(self.seconds, 2),
            "extract_seconds": round(self.extract_seconds, 2),
        }


# driver


def list_inputs(paths: Sequence[str]) -> list[tuple[int, str | Rejection]]:
    """The files the paths name, numbered in input order, with the rejections ``ingest``
    reports for them in their place (missing paths, unknown files inside folders)."""
    listed: list[str | Rejection] = []
    for path in paths:
        if path == STDIN:
            raise InputError(STDIN, "spark-extract reads files, not stdin: give a path")
        expanded = expand_path(path)
        if isinstance(expanded, Rejection):
            listed.append(expanded)
            continue
        explicit = Path(path).is_file()  # named files always go to a reader (clear error)
        for name in expanded:
            if not explicit and not is_tar(name) and not is_known(strip_compression(name)[0]):
                listed.append(Rejection(name, SKIP_UNKNOWN, code="S100", level="skip"))
            else:
                listed.append(name)
    return list(enumerate(listed))


def _rejection_row(item: Rejection, order: int, *, stage: str = "read") -> WideRow:
    return error_row(
        file=item.path,
        record=item.record,
        message=item.reason,
        code=item.code,
        level=item.level,
        stage=stage,
        order=order,
    )


# executors


def read_file(task: tuple[int, str], *, options: ReadOptions) -> Iterator[tuple[int, Any]]:
    """``(input_order, Article | WideRow)`` for every item of one file (an error row for a
    rejection)."""
    file_index, name = task
    n = 0
    for source in iter_sources([name], is_known=is_known):
        items: Iterable[Article | Rejection] = (
            [source] if isinstance(source, Rejection) else read_source(source, options)
        )
        for item in items:
            order = input_order(file_index, n)
            n += 1
            yield order, (_rejection_row(item, order) if isinstance(item, Rejection) else item)


_extractors: dict[tuple[str | None, bool], Extractor] = {}


def worker_extractor(model: str | None, spacy_entities: bool) -> Extractor:
    """This Python worker's extractor, loaded once and kept while Spark reuses the worker."""
    key = (model, spacy_entities)
    if key not in _extractors:
        from claimgraph.extractor import Extractor

        _extractors[key] = Extractor(model=model, spacy_entities=spacy_entities)
    return _extractors[key]


def _extract_group(extractor: Extractor, group: list[tuple[int, Article]]) -> Iterator[WideRow]:
    try:
        documents = extractor.extract_batch([article for _, article in group])
    except EXTRACTION_ERRORS as exc:
        if len(group) > 1:  # find the article that raised: one at a time
            for one in group:
                yield from _extract_group(extractor, [one])
            return
        order, article = group[0]
        yield error_row(
            file=article.source_path or "",
            record=article.source_record,
            message=f"extraction failed: {exc}",
            code=exc.code if isinstance(exc, ClaimgraphError) else EXTRACT_ERROR_CODE,
            level="error",
            stage="extract",
            order=order,
        )
        return
    for (order, _article), document in zip(group, documents, strict=True):
        yield wide_row(document, order)


def extract_partition(
    items: Iterable[tuple[int, Article]], *, settings: JobSettings
) -> Iterator[WideRow]:
    """Wide rows for one partition of ``(input_order, article)``."""
    extractor = worker_extractor(settings.model, settings.spacy_entities)
    group: list[tuple[int, Article]] = []
    for item in items:
        group.append(item)
        if len(group) >= settings.batch_size:
            yield from _extract_group(extractor, group)
            group = []
    if group:
        yield from _extract_group(extractor, group)


def _first(a: tuple[int, Article], b: tuple[int, Article]) -> tuple[int, Article]:
    return a if a[0] <= b[0] else b


def warm_up(spark: SparkSession, *, settings: JobSettings, pause: float = 1.0) -> int:
    """Load the pipeline in every Python worker before a timed run (benchmarks); returns
    how many distinct workers answered."""
    import os

    def load(_items: Iterable[int]) -> Iterator[int]:
        worker_extractor(settings.model, settings.spacy_entities)
        time.sleep(pause)  # long enough that every core takes one task
        yield os.getpid()

    cores = spark.sparkContext.defaultParallelism
    return len(
        set(spark.sparkContext.parallelize(range(cores), cores).mapPartitions(load).collect())
    )


# the job


def table_path(output: str, table: str) -> str:
    return f"{output.rstrip('/')}/{table}"


def run(
    spark: SparkSession,
    paths: Sequence[str],
    output: str,
    *,
    options: ReadOptions | None = None,
    settings: JobSettings | None = None,
) -> JobReport:
    """Extract every article the paths name and write the tables of
    :data:`~claimgraph.spark.tables.OUTPUT_TABLES` under ``output`` (any Hadoop URI)."""
    require_pyspark()
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from claimgraph.spark.mentions import link_mentions

    started = time.perf_counter()
    options = options or ReadOptions()
    settings = settings or JobSettings()
    sc = spark.sparkContext
    partitions = settings.partitions or sc.defaultParallelism * TASKS_PER_CORE
    listed = list_inputs(paths)
    files = [(n, name) for n, name in listed if isinstance(name, str)]
    early = [
        _rejection_row(item, input_order(n, 0)) for n, item in listed if isinstance(item, Rejection)
    ]

    read = (
        sc.parallelize(files, max(1, min(len(files), partitions)))
        .flatMap(partial(read_file, options=options))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    read_errors = read.values().filter(lambda item: isinstance(item, WideRow))
    articles = (
        read.filter(lambda pair: isinstance(pair[1], Article))
        .map(lambda pair: (pair[1].id, pair))
        .reduceByKey(_first, numPartitions=partitions)
        .values()
    )
    extracted = articles.mapPartitions(partial(extract_partition, settings=settings))
    rows = extracted.union(read_errors).union(sc.parallelize(early, 1))
    cached = spark.createDataFrame(rows, ddl(WIDE)).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        cached.count()  # extraction runs once, here; every table below reads the cache
        extracted_at = time.perf_counter()
        # the cached partitions are many small ones (extraction balance); the tables need few
        wide = cached.coalesce(max(1, sc.defaultParallelism))
        canonical = link_mentions(wide.select(F.explode("mentions").alias("r")).select("r.*"))
        canonical = canonical.persist(StorageLevel.MEMORY_AND_DISK)
        tables = _tables(wide, canonical, F)
        for name in OUTPUT_TABLES:
            tables[name].write.mode("overwrite").parquet(table_path(output, name))
        totals = wide.select(
            F.count("article_id").alias("articles"),
            F.coalesce(F.sum(F.size("events")), F.lit(0)).alias("events"),
            F.count(F.when(F.col("error.level") == "error", 1)).alias("errors"),
            F.count(F.when(F.col("error.level") == "skip", 1)).alias("skipped"),
            F.count(F.when(F.col("error.stage") == "extract", 1)).alias("extract_errors"),
        ).collect()[0]  # an aggregate without grouping: exactly one row
        read_articles = read.filter(lambda pair: isinstance(pair[1], Article)).count()
        counts = {
            "files": len(files),
            "read": read_articles,
            "articles": int(totals["articles"]),
            "duplicates": read_articles - int(totals["articles"]) - int(totals["extract_errors"]),
            "errors": int(totals["errors"]),
            "skipped": int(totals["skipped"]),
            "events": int(totals["events"]),
            "canonical_events": canonical.select("canonical_event").distinct().count(),
        }
        seconds = {"extract": extracted_at - started, "total": time.perf_counter() - started}
        canonical.unpersist()
    finally:
        cached.unpersist()
        read.unpersist()
    return JobReport(output, counts, seconds["total"], extract_seconds=seconds["extract"])


def _columns(columns: tuple[tuple[str, str], ...]) -> list[str]:
    return [name for name, _ in columns]


def _tables(wide: DataFrame, canonical: DataFrame, F: Any) -> dict[str, DataFrame]:
    def exploded(column: str) -> DataFrame:
        return wide.select(F.explode(column).alias("r")).select("r.*")

    present = wide.where(F.col("article_id").isNotNull())
    events = exploded("events").join(
        canonical.withColumnRenamed("event_id", "id"), on=["article_id", "id"], how="left"
    )
    mention_columns = [c for c in _columns(MENTIONS) if c != "signature"]
    return {
        "articles": present.select("article.*").select(*_columns(ARTICLES)),
        # `load` streams these two in input order: a global sort (files numbered in order)
        "documents": present.select(*_columns(DOCUMENTS)).orderBy("input_order"),
        "errors": wide.where(F.col("error").isNotNull())
        .select("error.*")
        .orderBy("input_order")
        .select(*_columns(ERRORS)),
        "entities": exploded("entities"),
        "times": exploded("times"),
        "attributions": exploded("attributions"),
        "events": events.select(*_columns(EVENTS), "canonical_event"),
        "event_mentions": exploded("mentions")
        .drop("signature")
        .join(canonical, on=["article_id", "event_id"], how="left")
        .select(*mention_columns, "canonical_event"),
        "claims": _threaded(exploded("claims")),
    }


def _threaded(claims: DataFrame) -> DataFrame:
    """The claims table with each claim's thread (the store's, :mod:`claimgraph.spark.threads`)."""
    from claimgraph.spark.threads import assign_threads

    return claims.join(assign_threads(claims), on=["article_id", "id"], how="left")
