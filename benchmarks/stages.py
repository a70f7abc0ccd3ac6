"""Running one benchmark stage in a fresh child process (its RSS and CPU time its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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
