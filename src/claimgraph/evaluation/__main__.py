"""``python -m claimgraph.evaluation --shared ../shared/data --write docs/evaluation.md``."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from claimgraph.evaluation import expectations
from claimgraph.model import Article
from claimgraph.readers import ReadOptions, read

COMMAND = "make eval  # python -m claimgraph.evaluation --shared ../shared/data --write docs/evaluation.md"


def seed_section(shared: Path) -> tuple[list[str], bool]:
    lines = ["## Seed expectations (`seed/*.gold.json`)", ""]
    all_ok = True
    gold_files = sorted((shared / "seed").glob("*.gold.json"))
    lines += ["| file | part | checks | met |", "|---|---|---|---|"]
    failures: list[str] = []
    for gold_path in gold_files:
        gold = expectations.load(gold_path)
        articles = [
            a
            for a in read([str(gold_path.parent / gold["file"])], ReadOptions())
            if isinstance(a, Article)
        ]
        if len(articles) != 1:
            failures.append(f"{gold['file']}: read {len(articles)} articles, expected 1")
            all_ok = False
            continue
        checks = expectations.check_article(gold.get("article", {}), articles[0])
        met = sum(c.ok for c in checks)
        all_ok &= met == len(checks)
        lines.append(f"| {gold['file']} | article | {len(checks)} | {met} |")
        failures += [
            f"{gold['file']}: {c.key}: expected {c.expected!r}, got {c.predicted!r}"
            for c in checks
            if not c.ok
        ]
    lines.append("")
    if failures:
        lines += ["Unmet:", ""] + [f"- {f}" for f in failures] + [""]
    lines += [
        "Entities, times, attributions, events and claims in these files are checked once the",
        "extraction layers that predict them exist; until then they are not measured.",
        "",
    ]
    return lines, all_ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimgraph.evaluation")
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--write", type=Path, help="write the report (markdown) here")
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"evaluation data not found at {args.shared}; nothing measured", file=sys.stderr)
        return 2
    lines = [
        "# Evaluation",
        "",
        f"Made by `{COMMAND}` on {datetime.now(UTC).date().isoformat()}.",
        "Every figure here was measured by that command; nothing is copied from elsewhere.",
        "",
    ]
    section, ok = seed_section(args.shared)
    lines += section
    report = "\n".join(lines)
    print(report)
    if args.write:
        args.write.write_text(report, encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
