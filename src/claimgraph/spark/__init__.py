"""Scale-out on Apache Spark (issue 7): ``claimgraph spark-extract`` and ``claimgraph load``.

The same pipeline as ``claimgraph ingest`` (readers, :class:`~claimgraph.extractor.Extractor`,
``build_document``), run by Spark executors, one pipeline per Python worker; the output is a
folder of Parquet tables that flatten the ``claimgraph.document/1`` objects
(:mod:`claimgraph.spark.tables`), which ``claimgraph load`` puts into SQLite.

pyspark is an optional extra (``pip install 'claimgraph[spark]'``): only the modules of this
package that need it import it (``session``, ``job``, ``mentions``), and they do it through
:func:`require_pyspark`, which raises :class:`SparkUnavailableError` with the fix when it is
missing. ``tables``, ``linking`` and ``load`` need no Spark.
"""

from __future__ import annotations

import importlib.util
import shutil

from claimgraph.errors import SparkUnavailableError

SPARK_HINT = "pip install 'claimgraph[spark]'"
JAVA_HINT = "install Java 17 (Debian: apt-get install default-jre-headless) or set JAVA_HOME"


def require_pyspark() -> None:
    """Raise :class:`SparkUnavailableError` unless pyspark and a Java runtime are present."""
    if importlib.util.find_spec("pyspark") is None:
        raise SparkUnavailableError(
            f"Spark support needs pyspark, which is not installed: {SPARK_HINT}"
        )
    if not java_available():
        raise SparkUnavailableError(f"Spark needs a Java runtime and none was found: {JAVA_HINT}")


def java_available() -> bool:
    import os

    java_home = os.environ.get("JAVA_HOME")
    if java_home and os.path.exists(os.path.join(java_home, "bin", "java")):
        return True
    return shutil.which("java") is not None


__all__ = ["SPARK_HINT", "SparkUnavailableError", "java_available", "require_pyspark"]
