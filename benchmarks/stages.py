"""Running one benchmark stage in a fresh child process (its RSS and CPU time its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

# BLAS on one thread: a stage measures one core (the 2-worker stage uses two processes).
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def run_stage(script: str, name: str, arguments: list[str]) -> dict[str, Any]:
    """Run ``script --stage NAME ARGUMENTS...`` and return the JSON its last line prints."""
    command = [sys.executable, script, "--stage", name, *arguments]
    env = {**os.environ, **ONE_THREAD}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"stage {name} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def time_extraction(workers: int, articles: Sequence[Any], model: str) -> dict[str, Any]:
    """Extract ``articles`` with ``workers`` processes (1: in this one), after a warm-up and,
    for a pool, after every worker has loaded its pipeline: articles, CPU and wall seconds."""
    import time

    from claimgraph.parallel import make_extractor

    extractor = make_extractor(workers, model=model)
    list(extractor.extract_many(articles[:8]))  # warm-up
    if hasattr(extractor, "wait_ready"):
        extractor.wait_ready()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in extractor.extract_many(articles):
        pass
    result = {
        "articles": len(articles),
        "cpu_s": time.process_time() - cpu,
        "wall_s": time.perf_counter() - wall,
    }
    extractor.close()
    return result
