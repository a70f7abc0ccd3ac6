"""Claim and thread queries on a generated 100,000-article database (issue 5: < 100 ms each).

The database is generated, not extracted (extracting 100,000 articles takes hours): each
article gets 5 claims drawn from a vocabulary of 40 actor codes, 24 predicates (the canonical
ones of ``claim_predicates.tsv`` and common verbs) and 400 terms, with a Zipf-like skew so a
few stories are reported by thousands of articles, like the real news, and holders with
stances. Articles go through ``Store.add_article`` with their documents, so the claims are
threaded by the real writer (``claimgraph.store.claims.link_claims``).

The baseline, measured in the same run, is a primary-key lookup of one claim: the floor for
any query on this file. Each query runs ``--repeat`` times; the median and the maximum are
reported, with the ratio to the 100 ms target. Results go to ``benchmarks/results/claims.json``.

    .venv/bin/python benchmarks/claims_bench.py                  # 100,000 articles
    .venv/bin/python benchmarks/claims_bench.py --articles 5000  # a quick look
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimgraph.model import Article
from claimgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100.0
CLAIMS_PER_ARTICLE = 5
ACTORS = [
    "RUS", "UKR", "IRN", "USA", "GBR", "FRA", "DEU", "CHN", "ISR", "TUR", "SAU", "BLR", "SYR",
    "POL", "ITA", "JPN", "IND", "PAK", "AFG", "IRQ", "EGY", "QAT", "ARE", "KAZ", "UNO", "EUR",
    "NATO", "IAEA", "WST", "CAN", "AUS", "BRA", "ZAF", "NGA", "KOR", "PRK", "VEN", "CUB", "ARM",
    "AZE",
]  # fmt: skip
PREDICATES = [
    "supply", "attack", "kill", "support", "violate", "invade", "negotiate", "manufacture",
    "threaten", "sanction", "interfere", "accuse", "meet", "visit", "sign", "discuss", "plan",
    "deploy", "train", "fund", "block", "seize", "arrest", "recognize",
]  # fmt: skip
STANCES = ["assert"] * 6 + ["deny"] * 2 + ["doubt", "request"]


def zipf_weights(count: int, s: float) -> list[float]:
    """Cumulative Zipf-like weights: item n is drawn in proportion to 1 / (n + 1) ** s."""
    return list(itertools.accumulate(1 / (n + 1) ** s for n in range(count)))


def zipf_choice(rng: random.Random, items: list[str], s: float = 1.1) -> str:
    key = (len(items), s)
    if key not in _WEIGHTS:
        _WEIGHTS[key] = zipf_weights(*key)
    return rng.choices(items, cum_weights=_WEIGHTS[key])[0]


_WEIGHTS: dict[tuple[int, float], list[float]] = {}


def make_document(
    n: int, rng: random.Random, vocabulary: list[str]
) -> tuple[Article, dict[str, Any]]:
    day = f"2022-{1 + n % 12:02d}-{1 + n % 28:02d}"
    claims = []
    for c in range(CLAIMS_PER_ARTICLE):
        subject, obj = zipf_choice(rng, ACTORS), zipf_choice(rng, ACTORS)
        predicate = zipf_choice(rng, PREDICATES)
        terms = sorted({zipf_choice(rng, vocabulary, 0.9) for _ in range(4)})
        text = f"that {subject} {predicate} {' '.join(terms)} {obj}"
        claims.append(
            {
                "id": f"c{c}",
                "text": text,
                "start": 0,
                "end": len(text),
                "subject": {"code": subject, "name": subject},
                "predicate": predicate,
                "object": {"code": obj, "name": obj},
                "terms": terms,
                "events": [],
                "contested": rng.random() < 0.2,
                "evidence": rng.choice([None, None, None, "none_presented", "presented"]),
                "evidence_voice": None,
                "evidence_span": None,
                "holders": [
                    {
                        "actor": {"code": zipf_choice(rng, ACTORS), "name": None},
                        "stance": rng.choice(STANCES),
                        "attribution": f"a{c}",
                        "event": None,
                    }
                    for _ in range(rng.randint(1, 3))
                ],
            }
        )
    text = f"Generated article {n}. " + " ".join(c["text"] for c in claims)
    article = Article(
        source_path="generated.jsonl", source_record=n, url=None,
        outlet=f"Outlet {n % 50}", published=day, title=f"Article {n}", byline=None,
        dateline=None, language="en", encoding="utf-8", body_offset=0, text=text,
    )  # fmt: skip
    document = {"article": article.to_dict(), "entities": [], "times": [], "attributions": [],
                "events": [], "claims": claims}  # fmt: skip
    return article, document


def generate(path: Path, articles: int) -> float:
    rng = random.Random(20221122)
    vocabulary = [f"term{n}" for n in range(400)]
    started = time.perf_counter()
    with Store(path) as store:
        # generation only: a crash here loses a scratch file, so skip the per-commit sync
        store.conn.execute("PRAGMA synchronous = OFF")
        for n in range(articles):
            article, document = make_document(n, rng, vocabulary)
            store.add_article(article, document=document, defer_index=True)
            if n % 1000 == 999:
                store.index_pending()
                print(f"\r  generated {n + 1:,} articles", end="", file=sys.stderr, flush=True)
        store.index_pending()
    print(file=sys.stderr)
    return time.perf_counter() - started


def timed(fn: Callable[[], Any], repeat: int) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return {"median_ms": statistics.median(times), "max_ms": max(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database file")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/claims.json")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "claims.db"
    generation = None
    if not path.exists():
        generation = generate(path, args.articles)
    else:
        Store(path).close()  # a kept database gets any migration added since it was made
    with Store(path, readonly=True) as store:
        counts = {
            table: store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "claims", "claim_holders", "threads")
        }
        biggest = store.conn.execute(
            "SELECT id, articles FROM threads ORDER BY articles DESC LIMIT 1"
        ).fetchone()
        median_thread = store.conn.execute(
            "SELECT id, articles FROM threads WHERE articles > 1 ORDER BY articles "
            "LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM threads WHERE articles > 1)"
        ).fetchone()
        some_claim = store.conn.execute(
            "SELECT article_id, id FROM claims LIMIT 1 OFFSET 777"
        ).fetchone()
        queries: dict[str, Callable[[], Any]] = {
            "baseline: one claim by primary key": lambda: store.conn.execute(
                "SELECT * FROM claims WHERE article_id = ? AND id = ?", tuple(some_claim)
            ).fetchall(),
            "claims --actor IRN (first page of 20)": lambda: store.claims(actor="IRN", limit=20),
            "claims --actor AZE (a rare actor)": lambda: store.claims(actor="AZE", limit=20),
            "claims --about term7": lambda: store.claims(about="term7", limit=20),
            "claims --actor RUS --about term7": lambda: store.claims(actor="RUS", about="term7", limit=20),
            "claims --since 2022-12-01": lambda: store.claims(since="2022-12-01", limit=20),
            "claims --actor UKR --since 2022-12-01": lambda: store.claims(actor="UKR", since="2022-12-01", limit=20),
            "threads (top 20 summaries)": lambda: store.threads(limit=20, full=False),
            "threads --actor IRN (top 20 summaries)": lambda: store.threads(actor="IRN", limit=20, full=False),
            "threads --about term3 (top 20 summaries)": lambda: store.threads(about="term3", limit=20, full=False),
            f"thread ID (median multi-article thread, {median_thread[1]} articles)": lambda: store.thread(median_thread[0]),
            f"thread ID (largest thread, {biggest[1]} articles)": lambda: store.thread(biggest[0]),
            "actor IRN (profile)": lambda: store.actor_profile("IRN", limit=20),
        }  # fmt: skip
        for fn in queries.values():  # warm the page cache: measure queries, not the disk
            fn()
        # as `claimgraph serve` does at startup: long-lived objects leave the cyclic collector
        gc.freeze()
        results = {name: timed(fn, args.repeat) for name, fn in queries.items()}
    baseline = results["baseline: one claim by primary key"]["median_ms"]
    print(
        f"database: {counts} (generated in {generation:.0f} s)"
        if generation
        else f"database: {counts}"
    )
    print(f"{'query':62} {'median ms':>10} {'max ms':>8} {'x baseline':>11} {'max/target':>10}")
    for name, r in results.items():
        print(
            f"{name:62} {r['median_ms']:10.2f} {r['max_ms']:8.2f} "
            f"{r['median_ms'] / baseline:11.0f} {r['max_ms'] / TARGET_MS:10.2f}"
        )
    worst = max(r["max_ms"] for r in results.values())
    print(
        f"slowest query: {worst:.1f} ms; target < {TARGET_MS:.0f} ms: {'met' if worst < TARGET_MS else 'NOT met'}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {"articles": counts["articles"], "counts": counts, "generation_s": generation,
             "target_ms": TARGET_MS, "queries": results, "slowest_ms": worst},
            indent=2,
        )
        + "\n"
    )  # fmt: skip


if __name__ == "__main__":
    main()
