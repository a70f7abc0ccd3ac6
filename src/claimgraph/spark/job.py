"""The Spark job behind ``claimgraph spark-extract``: inputs in, Parquet tables out.

Stages (each line one Spark stage; the functions named run on executors):

1. the driver lists the input files as ``ingest`` would (folders, globs; files no reader
   knows are skipped inside folders), numbering them in that order;
2. :func:`read_file`: each file is read by the project's readers (``read_source``), every
   item numbered (``input_order``); a rejection becomes an ``errors`` row;
3. articles are keyed by their content id and the first one (by input order) is kept, as
   the store's de-duplication keeps it. The articles are then range-partitioned by input order and sorted within each partition
   (:func:`order_bounds`: slices of about equal size, cut from each file's article count
   and last item number, counted by one pass over the read items instead of ``sortBy``'s
   count and sample passes), so that the partitions, in index order, hold the articles in
   input order;
4. :func:`extract_partition`: one :class:`~claimgraph.extractor.Extractor` per Python worker
   (loaded on its first task, kept while Spark reuses the worker), batches of articles in.
   The task writes its part of every table itself (:mod:`claimgraph.spark.parts`): the
   per-article tables (articles, documents, entities, times, attributions) in their final
   folders, and its events, claims, event mentions and extraction errors under
   ``_staging/``; Spark receives only the task's counts. An article whose extraction raises
   becomes an errors row and the job goes on;
5. Spark reads the staged tables back, links the event mentions and threads the claims
   (:mod:`claimgraph.spark.mentions`, :mod:`claimgraph.spark.threads`), writes the tables
   that need them (events, event_mentions, claims) and the errors sorted by input order,
   and removes ``_staging/``.

Nothing of an article's text or document passes through the JVM after the ordering
shuffle: on two cores the JVM converting and caching rows took CPU from the extraction.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.model import Article, Rejection
from claimgraph.readers import ReadOptions, is_known, read_source
from claimgraph.readers.sources import STDIN, expand_path, is_tar, iter_sources, strip_compression
from claimgraph.spark import require_pyspark
from claimgraph.spark.parts import PartWriter, mark_done, prepare, remove, resolve_output
from claimgraph.spark.tables import (
    ERROR_LEVEL,
    ERRORS,
    EVENTS,
    MENTIONS,
    ORDER_SHIFT,
    SPARK_TABLES,
    STAGED_TABLES,
    STAGING,
    TASK_TABLES,
    Columns,
    Row,
    ddl,
    error_row,
    input_order,
    task_rows,
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
ITEM_MASK = (1 << ORDER_SHIFT) - 1  # the item-number bits of an input order


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
    # wall seconds of each step after extraction: linking, each table Spark writes, counts
    phases: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "counts": self.counts,
            "seconds": round(self.seconds, 2),
            "extract_seconds": round(self.extract_seconds, 2),
            "phases": {name: round(value, 2) for name, value in self.phases.items()},
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


def _rejection_row(item: Rejection, order: int, *, stage: str = "read") -> Row:
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
    """``(input_order, Article | errors row)`` for every item of one file (an errors row for
    a rejection)."""
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


class PartitionCounts(NamedTuple):
    articles: int = 0
    events: int = 0
    errors: int = 0  # articles whose extraction raised


def summed(counts: Iterable[PartitionCounts]) -> PartitionCounts:
    return PartitionCounts(*map(sum, zip(PartitionCounts(), *counts, strict=True)))


def _extract_group(
    extractor: Extractor, group: list[tuple[int, Article]], parts: PartWriter
) -> PartitionCounts:
    try:
        documents = extractor.extract_batch([article for _, article in group])
    except EXTRACTION_ERRORS as exc:
        if len(group) > 1:  # find the article that raised: one at a time
            return summed(_extract_group(extractor, [one], parts) for one in group)
        order, article = group[0]
        row = error_row(
            file=article.source_path or "",
            record=article.source_record,
            message=f"extraction failed: {exc}",
            code=exc.code if isinstance(exc, ClaimgraphError) else EXTRACT_ERROR_CODE,
            level="error",
            stage="extract",
            order=order,
        )
        parts.add({"errors": [row]})
        return PartitionCounts(errors=1)
    events = 0
    for (order, _article), document in zip(group, documents, strict=True):
        parts.add(task_rows(document, order))
        events += len(document.get("events") or [])
    return PartitionCounts(articles=len(documents), events=events)


# Where the extraction tasks write each table: the per-article ones in their final folder,
# the rest under STAGING.
PART_TABLES: dict[str, Columns] = {**TASK_TABLES, **STAGED_TABLES}
PART_FOLDERS = {table: f"{STAGING}/{table}" for table in STAGED_TABLES}


def extract_partition(
    index: int, items: Iterable[tuple[int, Article]], *, settings: JobSettings, output: str
) -> Iterator[PartitionCounts]:
    """Partition ``index`` of ``(input_order, article)``, in input order: its part of each
    table of :data:`PART_TABLES` written under ``output``; yields its counts."""
    from claimgraph.extractor import batches

    parts = PartWriter(output, index, PART_TABLES, PART_FOLDERS)
    whole = False
    try:
        total = summed(
            _extract_group(worker_extractor(settings.model, settings.spacy_entities), group, parts)
            for group in batches(items, settings.batch_size)
        )
        parts.close()
        whole = True
    finally:
        if not whole:  # the task failed or was cancelled: leave no temporary part behind
            parts.abort()
    yield total


def _first(a: tuple[int, Article], b: tuple[int, Article]) -> tuple[int, Article]:
    return a if a[0] <= b[0] else b


class FileStats(NamedTuple):
    file_index: int
    articles: int
    last_item: int  # the highest item number of an article in the file
    errors: int = 0  # rejected items, by level
    skipped: int = 0


def file_stats(items: Iterable[tuple[int, Any]]) -> Iterator[FileStats]:
    """Per file of one read partition: how many articles, the last one's item number, and
    how many items were rejected."""
    stats: dict[int, FileStats] = {}
    for order, item in items:
        file_index, n = order >> ORDER_SHIFT, order & ITEM_MASK
        s = stats.get(file_index) or FileStats(file_index, 0, 0)
        if isinstance(item, Article):
            s = s._replace(articles=s.articles + 1, last_item=max(s.last_item, n))
        elif item[ERROR_LEVEL] == "skip":
            s = s._replace(skipped=s.skipped + 1)
        else:
            s = s._replace(errors=s.errors + 1)
        stats[file_index] = s
    yield from stats.values()


def order_bounds(stats: Iterable[FileStats], partitions: int) -> list[int]:
    """``partitions - 1`` input orders that cut the articles into slices of about equal
    size: the slice of an order is ``bisect_right(bounds, order)``. Inside a file the
    articles are taken to be spread evenly over its item numbers (rejected items leave gaps)."""
    ordered = sorted(stats)
    total = sum(s.articles for s in ordered)
    bounds: list[int] = []
    seen = 0
    for s in ordered:
        while len(bounds) < partitions - 1:
            # the next cut falls after this many articles
            cut = total * (len(bounds) + 1) / partitions
            if cut >= seen + s.articles:
                break
            share = (cut - seen) / s.articles  # how far into this file
            item = min(s.last_item, int(share * (s.last_item + 1)))
            bounds.append((s.file_index << ORDER_SHIFT) | item)
        seen += s.articles
    return bounds


def slice_of(bounds: list[int], order: int) -> int:
    return bisect.bisect_right(bounds, order)


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
    :data:`~claimgraph.spark.tables.OUTPUT_TABLES` under ``output`` (a path every node
    mounts, or a URI both Spark and pyarrow write to: ``hdfs://``, ``s3://``, ``gs://``;
    :mod:`claimgraph.spark.parts`)."""
    require_pyspark()
    from pyspark import StorageLevel

    from claimgraph.spark.mentions import link_mentions

    started = time.perf_counter()
    given, output = output, resolve_output(output)
    # refuses an output pyarrow cannot write, up front
    prepare(output, (*TASK_TABLES, *PART_FOLDERS.values()))
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
    phases: dict[str, float] = {}
    lap = started

    def phase(name: str) -> None:
        nonlocal lap
        now = time.perf_counter()
        phases[name], lap = now - lap, now

    canonical = mentions = None
    try:
        stats = read.mapPartitions(file_stats).collect()  # reads the files, once
        phase("read")
        bounds = order_bounds(stats, partitions)
        articles = (
            read.filter(lambda pair: isinstance(pair[1], Article))
            .map(lambda pair: (pair[1].id, pair))
            # a pass-through before the ordering shuffle: one task per core is enough
            .reduceByKey(_first, numPartitions=max(1, sc.defaultParallelism))
            .values()
            .repartitionAndSortWithinPartitions(partitions, partial(slice_of, bounds))
        )
        # extraction: the tasks write every table's parts; Spark gets only their counts
        extracted = summed(
            articles.mapPartitionsWithIndex(
                partial(extract_partition, settings=settings, output=output)
            ).collect()
        )
        extracted_at = time.perf_counter()
        phase("extract")

        def staged(table: str) -> DataFrame:
            return spark.read.parquet(table_path(output, PART_FOLDERS[table]))

        mentions = staged("mentions").persist(StorageLevel.MEMORY_AND_DISK)  # read thrice
        canonical = link_mentions(mentions).persist(StorageLevel.MEMORY_AND_DISK)
        canonical_events = canonical.select("canonical_event").distinct().count()
        phase("link_mentions")
        read_errors = read.values().filter(lambda item: not isinstance(item, Article))
        errors = staged("errors").unionByName(
            spark.createDataFrame(read_errors.union(sc.parallelize(early, 1)), ddl(ERRORS))
        )
        tables = _tables(staged("events"), mentions, canonical, staged("claims"), errors)
        for name in SPARK_TABLES:
            tables[name].write.mode("overwrite").parquet(table_path(output, name))
            phase(f"write_{name}")
        mark_done(output, tuple(TASK_TABLES))
        remove(output, STAGING)
        read_articles = sum(s.articles for s in stats)
        early_errors = sum(1 for row in early if row[ERROR_LEVEL] != "skip")
        counts = {
            "files": len(files),
            "read": read_articles,
            "articles": extracted.articles,
            "duplicates": read_articles - extracted.articles - extracted.errors,
            "errors": sum(s.errors for s in stats) + early_errors + extracted.errors,
            "skipped": sum(s.skipped for s in stats) + len(early) - early_errors,
            "events": extracted.events,
            "canonical_events": canonical_events,
        }
        seconds = {"extract": extracted_at - started, "total": time.perf_counter() - started}
    finally:
        for frame in (canonical, mentions):
            if frame is not None:
                frame.unpersist()
        read.unpersist()
    return JobReport(
        given, counts, seconds["total"], extract_seconds=seconds["extract"], phases=phases
    )


def _columns(columns: tuple[tuple[str, str], ...]) -> list[str]:
    return [name for name, _ in columns]


def _tables(
    events: DataFrame,
    mentions: DataFrame,
    canonical: DataFrame,
    claims: DataFrame,
    errors: DataFrame,
) -> dict[str, DataFrame]:
    linked = events.join(
        canonical.withColumnRenamed("event_id", "id"), on=["article_id", "id"], how="left"
    )
    mention_columns = [c for c in _columns(MENTIONS) if c != "signature"]
    return {
        # `load` streams the errors in input order with the documents: a global sort
        "errors": errors.coalesce(1)  # errors are few: one sorted file, no sampling job
        .sortWithinPartitions("input_order")
        .select(*_columns(ERRORS)),
        "events": linked.select(*_columns(EVENTS), "canonical_event"),
        "event_mentions": mentions.drop("signature")
        .join(canonical, on=["article_id", "event_id"], how="left")
        .select(*mention_columns, "canonical_event"),
        "claims": _threaded(claims),
    }


def _threaded(claims: DataFrame) -> DataFrame:
    """The claims table with each claim's thread (the store's, :mod:`claimgraph.spark.threads`)."""
    from claimgraph.spark.threads import assign_threads

    return claims.join(assign_threads(claims), on=["article_id", "id"], how="left")
