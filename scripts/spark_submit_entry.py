"""``spark-submit scripts/spark_submit_entry.py INPUT... --output DIR``: claimgraph on a cluster.

spark-submit needs a file to run; this one hands over to :mod:`claimgraph.spark.__main__`
(the master, executors and Python come from spark-submit; see docs/scaling.md).
"""

from __future__ import annotations

import sys

from claimgraph.spark.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
