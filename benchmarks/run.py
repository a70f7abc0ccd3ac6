"""Ingest benchmark: claimgraph's full ingest path on real articles, without NLP.

Takes the first ``--articles`` (default 20,000) AllSides articles from
``<shared>/corpora/allsides_article_bias/data/jsons.tar.xz`` in archive order and writes them
once, untimed, to a temporary JSON Lines file, so xz decompression is not measured. Then, in
this one run, each stage runs in a fresh child process (so its peak RSS is its own):

``baseline_json``    read the JSONL and ``json.loads`` every line: the floor for any reader;
``baseline_sqlite``  the same, plus one raw ``executemany`` INSERT of the same fields into a
                     plain SQLite table (no index, no FTS, one transaction);
``read``             ``claimgraph.readers.read`` over the JSONL: every Article built, nothing stored;
``ingest``           ``claimgraph.ingest.ingest`` into a fresh SQLite file: what
                     ``claimgraph ingest`` does, minus the CLI and progress bar. RSS
                     (``VmRSS``) is sampled in that process every ``--sample-every`` articles.

The four stages run ``--rounds`` times (3), interleaved, so every round compares neighbours
in time; each stage reports the round with its median CPU time (and lists every round's).
Each stage reports wall seconds and CPU seconds (user + sys of the child; the stage is
single-threaded, so CPU time is time on one core). Articles/s are computed from both; the
ratios ingest/baseline use the same measure. Results are printed and written to
``benchmarks/results/ingest.json``.

Usage (from the project root; ``make bench`` runs the first line)::

    .venv/bin/python benchmarks/run.py --shared ../shared/data
    .venv/bin/python benchmarks/run.py --shared ../shared/data --articles 5000 --profile /tmp/p.out
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = Path("corpora/allsides_article_bias/data/jsons.tar.xz")
# The AllSides record fields read as article fields (as in docs/corpora.md).
MAPPING = {
    "text": "content_original",
    "outlet": "source",
    "byline": "authors",
    "id": "ID",
    "published": "date",
}
TARGET_ARTICLES_PER_S = 2000  # the target, on one core
STAGES = ("baseline_json", "baseline_sqlite", "read", "ingest")


# --- the stages, each run in its own child process ---------------------------------------


def vm_status_kib(field: str) -> int | None:
    """``VmRSS`` / ``VmHWM`` of this process in KiB (Linux), or None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def stage_baseline_json(jsonl: Path, workdir: Path, sample_every: int) -> dict[str, Any]:
    n = 0
    with open(jsonl, "rb") as f:
        for line in f:
            json.loads(line)
            n += 1
    return {"articles": n}


def stage_baseline_sqlite(jsonl: Path, workdir: Path, sample_every: int) -> dict[str, Any]:
    db = workdir / "baseline.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE articles (id TEXT, url TEXT, outlet TEXT, published TEXT, title TEXT,"
        " byline TEXT, text TEXT)"
    )

    def rows() -> Any:
        with open(jsonl, "rb") as f:
            for line in f:
                obj = json.loads(line)
                yield tuple(
                    obj.get(MAPPING.get(k, k))
                    for k in ("id", "url", "outlet", "published", "title", "byline", "text")
                )

    conn.execute("BEGIN")
    conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", rows())
    conn.execute("COMMIT")
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    return {"articles": n, "db_bytes": db.stat().st_size}


def _options() -> Any:
    from claimgraph.readers import ReadOptions

    return ReadOptions(mapping=MAPPING)


def stage_read(jsonl: Path, workdir: Path, sample_every: int) -> dict[str, Any]:
    from claimgraph.model import Article
    from claimgraph.readers import read

    n = rejected = 0
    for item in read([str(jsonl)], _options()):
        if isinstance(item, Article):
            n += 1
        else:
            rejected += 1
    return {"articles": n, "rejected": rejected}


def stage_ingest(jsonl: Path, workdir: Path, sample_every: int) -> dict[str, Any]:
    from claimgraph.ingest import ingest
    from claimgraph.store import Store

    db = workdir / "ingest.db"
    samples: list[dict[str, Any]] = []
    seen = 0
    start = time.perf_counter()

    def progress(item: object) -> None:
        nonlocal seen
        seen += 1
        if seen % sample_every == 0:
            samples.append(
                {
                    "items": seen,
                    "rss_kib": vm_status_kib("VmRSS"),
                    "seconds": time.perf_counter() - start,
                }
            )

    with Store(db) as store:
        report = ingest([str(jsonl)], store, _options(), progress=progress)
    counts = report.to_dict()["counts"]
    size = sum(p.stat().st_size for p in workdir.glob("ingest.db*"))
    return {"articles": counts["read"], "counts": counts, "rss_samples": samples, "db_bytes": size}


STAGE_FUNCS: dict[str, Callable[[Path, Path, int], dict[str, Any]]] = {
    "baseline_json": stage_baseline_json,
    "baseline_sqlite": stage_baseline_sqlite,
    "read": stage_read,
    "ingest": stage_ingest,
}


def child_main(
    stage: str, jsonl: Path, workdir: Path, sample_every: int, profile: Path | None
) -> int:
    """Run one stage here and print its result as JSON on stdout."""
    func = STAGE_FUNCS[stage]
    if stage in ("read", "ingest"):
        # Imported before the clock starts: start-up (~0.3 s, mostly trafilatura) is not ingest.
        import claimgraph.ingest
        import claimgraph.store  # noqa: F401

    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(func, jsonl, workdir, sample_every)
        profiler.dump_stats(profile)
    else:
        result = func(jsonl, workdir, sample_every)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    result.update(
        stage=stage,
        wall_s=wall,
        cpu_s=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        user_s=after.ru_utime - before.ru_utime,
        sys_s=after.ru_stime - before.ru_stime,
        peak_rss_kib=vm_status_kib("VmHWM") or after.ru_maxrss,
    )
    json.dump(result, sys.stdout)
    return 0


# --- the parent: prepare the input, run the stages, report ------------------------------


def write_sample(archive: Path, out: Path, limit: int) -> int:
    """The first ``limit`` JSON members of the archive, one object per line."""
    n = 0
    with tarfile.open(archive, mode="r|xz") as tar, open(out, "w", encoding="utf-8") as f:
        for member in tar:
            if n >= limit:
                break
            if not (member.isfile() and member.name.endswith(".json")):
                continue
            stream = tar.extractfile(member)
            if stream is None:
                continue
            f.write(json.dumps(json.load(stream), ensure_ascii=False) + "\n")
            n += 1
    return n


def run_stage(
    stage: str, jsonl: Path, workdir: Path, sample_every: int, profile: Path | None = None
) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--stage", stage, "--jsonl", str(jsonl)]
    cmd += ["--workdir", str(workdir), "--sample-every", str(sample_every)]
    if profile is not None:
        cmd += ["--profile", str(profile)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    result["per_s_wall"] = result["articles"] / result["wall_s"]
    result["per_s_cpu"] = result["articles"] / result["cpu_s"]
    return result


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The round with the median CPU time, with every round's CPU time and rate beside it:
    one run on this shared machine can be a fifth off, in either direction."""
    ordered = sorted(runs, key=lambda r: r["cpu_s"])
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    chosen["rounds_cpu_s"] = [r["cpu_s"] for r in runs]
    chosen["rounds_per_s_cpu"] = [r["per_s_cpu"] for r in runs]
    return chosen


def summarize(results: dict[str, dict[str, Any]], n: int) -> dict[str, Any]:
    ingest = results["ingest"]
    samples = {s["items"]: s["rss_kib"] for s in ingest["rss_samples"]}
    quarter = n // 4
    rss_first, rss_last = samples.get(quarter), samples.get(n)
    growth_kib = rss_last - rss_first if rss_first is not None and rss_last is not None else None
    return {
        "ingest_per_s_wall": ingest["per_s_wall"],
        "ingest_per_s_cpu": ingest["per_s_cpu"],
        "ingest_peak_rss_mib": ingest["peak_rss_kib"] / 1024,
        "rss_growth_mib": None if growth_kib is None else growth_kib / 1024,
        "rss_growth_from_items": quarter,
        "rss_growth_pct": None
        if growth_kib is None or not rss_first
        else 100 * growth_kib / rss_first,
        # how many times longer claimgraph ingest takes than each baseline (CPU time)
        "ratio_ingest_to_baseline_json": ingest["cpu_s"] / results["baseline_json"]["cpu_s"],
        "ratio_ingest_to_baseline_sqlite": ingest["cpu_s"] / results["baseline_sqlite"]["cpu_s"],
        "ratio_read_to_baseline_json": results["read"]["cpu_s"] / results["baseline_json"]["cpu_s"],
        "share_of_ingest_cpu_in_read": results["read"]["cpu_s"] / ingest["cpu_s"],
        "target_per_s": TARGET_ARTICLES_PER_S,
        "target_met": ingest["per_s_cpu"] >= TARGET_ARTICLES_PER_S,
    }


def print_report(results: dict[str, dict[str, Any]], summary: dict[str, Any], n: int) -> None:
    print(f"\n{n:,} AllSides articles (JSONL, {MAPPING=})")
    print(
        f"{'stage':<16}{'wall s':>9}{'cpu s':>9}{'art/s wall':>12}{'art/s cpu':>11}{'peak RSS MiB':>14}"
    )
    for stage in STAGES:
        r = results[stage]
        print(
            f"{stage:<16}{r['wall_s']:>9.2f}{r['cpu_s']:>9.2f}{r['per_s_wall']:>12,.0f}"
            f"{r['per_s_cpu']:>11,.0f}{r['peak_rss_kib'] / 1024:>14.1f}"
        )
    samples = results["ingest"]["rss_samples"]
    print(
        "ingest RSS: "
        + ", ".join(f"{s['items']:,}: {s['rss_kib'] / 1024:.1f} MiB" for s in samples)
    )
    growth = summary["rss_growth_mib"]
    if growth is not None:
        print(
            f"RSS growth {summary['rss_growth_from_items']:,} -> {n:,} articles: {growth:+.1f} MiB"
            f" ({summary['rss_growth_pct']:+.1f}%)"
        )
    print(
        f"ratio (CPU time) ingest / json.loads baseline: {summary['ratio_ingest_to_baseline_json']:.1f}x;"
        f" ingest / raw sqlite insert baseline: {summary['ratio_ingest_to_baseline_sqlite']:.1f}x;"
        f" read share of ingest: {summary['share_of_ingest_cpu_in_read']:.0%}"
    )
    rates = ", ".join(f"{rate:,.0f}" for rate in results["ingest"]["rounds_per_s_cpu"])
    print(f"ingest articles/s per CPU second in each round: {rates} (the median is reported)")
    verdict = "met" if summary["target_met"] else "NOT met"
    print(
        f"target >= {TARGET_ARTICLES_PER_S:,} articles/s on one core: {verdict}"
        f" ({summary['ingest_per_s_cpu']:,.0f}/s per CPU second, {summary['ingest_per_s_wall']:,.0f}/s wall)"
    )


def code_version() -> dict[str, Any]:
    """The commit measured, and whether src/ had uncommitted changes."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    return {
        "commit": git("rev-parse", "HEAD") or None,
        "src_modified": bool(git("status", "--porcelain", "src")),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="claimgraph ingest benchmark (no NLP)")
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared" / "data", help="shared data folder"
    )
    parser.add_argument(
        "--articles", type=int, default=20_000, help="how many articles (default %(default)s)"
    )
    parser.add_argument(
        "--sample-every",
        type=int,
        default=0,
        help="RSS sample interval (default: a quarter of --articles)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="run every stage this many times, interleaved; report the median (default %(default)s)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ingest.json")
    parser.add_argument(
        "--profile",
        type=Path,
        help="also write a cProfile of the ingest stage here (a separate, untimed run)",
    )
    # internal: run one stage in this process
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--jsonl", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sample_every = args.sample_every or max(1, args.articles // 4)

    if args.stage:
        return child_main(args.stage, args.jsonl, args.workdir, sample_every, args.profile)

    archive = args.shared / ARCHIVE
    if not archive.is_file():
        print(f"benchmark skipped: {archive} not found (the shared data folder is absent)")
        return 0

    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
        tmpdir = Path(tmp)
        jsonl = tmpdir / "allsides.jsonl"
        t0 = time.perf_counter()
        n = write_sample(archive, jsonl, args.articles)
        print(
            f"wrote {n:,} articles to a temporary JSONL in {time.perf_counter() - t0:.1f} s (not timed below)"
        )
        runs: dict[str, list[dict[str, Any]]] = {stage: [] for stage in STAGES}
        for round_no in range(1, args.rounds + 1):
            for stage in STAGES:
                workdir = tmpdir / f"{stage}-{round_no}"
                workdir.mkdir()
                result = run_stage(stage, jsonl, workdir, sample_every)
                runs[stage].append(result)
                shutil.rmtree(workdir)
                print(
                    f"  round {round_no} {stage}: {result['cpu_s']:.2f} s CPU,"
                    f" {result['wall_s']:.2f} s wall",
                    flush=True,
                )
        results = {stage: median_run(runs[stage]) for stage in STAGES}
        if args.profile:
            workdir = tmpdir / "profile"
            workdir.mkdir()
            run_stage("ingest", jsonl, workdir, sample_every, profile=args.profile)
            print(f"profile of the ingest stage written to {args.profile}")
        input_bytes = jsonl.stat().st_size

    summary = summarize(results, n)
    print_report(results, summary, n)
    payload = {
        "benchmark": "ingest",
        "articles": n,
        "input": f"first {n} members of {ARCHIVE} as JSONL ({input_bytes:,} bytes)",
        "mapping": MAPPING,
        "code": code_version(),
        "machine": {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "loadavg_at_end": os.getloadavg(),
        },
        "summary": summary,
        "stages": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
