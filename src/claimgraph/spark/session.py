"""A SparkSession for claimgraph: local mode for tests and laptops, any master for clusters."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from claimgraph.spark import require_pyspark

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[*]"
LOCAL_IP = "127.0.0.1"
# Local mode and small inputs: Spark's default of 200 shuffle partitions makes 200 tiny tasks.
LOCAL_SHUFFLE_PARTITIONS = 8
# What a Python worker may hold while it groups rows (claim threads, mention blocks) before
# PySpark spills them to disk. The measure is the worker's whole RSS, and a reused worker
# already holds its spaCy pipeline (~350 MiB): at Spark's default of 512m every grouping
# would spill, batch after batch.
PYTHON_WORKER_MEMORY = "2g"
# NLP in each Python worker is single-threaded by design (one worker per core); BLAS threads
# on top of that only compete for the same cores.
ONE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def local_environment() -> None:
    """What local mode needs to start on a machine without a resolvable host name, and to
    run the Python workers with this interpreter (the one that has claimgraph)."""
    os.environ.setdefault("SPARK_LOCAL_IP", LOCAL_IP)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    for name, value in ONE_THREAD_ENV.items():
        os.environ.setdefault(name, value)


def get_session(
    *,
    master: str | None = DEFAULT_MASTER,
    app_name: str = "claimgraph",
    shuffle_partitions: int | None = None,
    config: Mapping[str, str] | None = None,
) -> SparkSession:
    """The active session, or a new one. ``master=None`` leaves the master to
    ``spark-submit``; a ``local`` master also gets :func:`local_environment`."""
    require_pyspark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            local_environment()
            builder = builder.config("spark.ui.enabled", "false").config(
                "spark.driver.host", os.environ["SPARK_LOCAL_IP"]
            )
            if shuffle_partitions is None:
                shuffle_partitions = LOCAL_SHUFFLE_PARTITIONS
    if shuffle_partitions is not None:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    for key, value in ONE_THREAD_ENV.items():
        builder = builder.config(f"spark.executorEnv.{key}", value)
    # keep each Python worker (and the spaCy pipeline it loaded) for the next task
    builder = builder.config("spark.python.worker.reuse", "true")
    builder = builder.config("spark.python.worker.memory", PYTHON_WORKER_MEMORY)
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()
