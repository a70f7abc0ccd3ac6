"""Load benchmark (issue 6): the HTTP API over a 50,000-article database.

1. Synthesize the database: the demo articles (``claimgraph-demo.db``, made by ``make run``,
   or ingested here when missing) copied with new ids, dates shifted by a week per copy and
   outlets varied, together with every extraction row (entities, times, attributions, cites,
   events, participants, claims, holders, threads) by bulk SQL; no NLP runs. The full-text
   index is rebuilt once at the end.
2. Start ``claimgraph serve --workers N`` on a free loopback port (separate processes,
   read-only; 2 workers by default, one per core of the 2-CPU machine it was tuned on).
3. Run ``--clients`` concurrent clients (asyncio + httpx) over a fixed mix of endpoints (a
   browsing session: article lists, search, actors, attributions, events, claims, threads,
   an article page), ``--requests`` in all after a warm-up. Actors are drawn from every code
   the database knows, rare ones included. The load is *bounded*: each client waits a think
   time between its requests (exponential, mean ``--think-ms``, 500 ms by default, so 50
   clients offer at most about 100 requests a second), as analysts at a browser do; the
   target applies to this run. With ``--saturate`` a second run follows with no think time
   (every client sends its next request as soon as the last returns): its latency is
   mostly queueing (50 / throughput), reported for capacity, not against the target.
4. Print p50/p95/p99 latency (overall and per endpoint), the error count, throughput and
   p99 / 200 ms (the target is below 1.0, with no errors), and the load average before and
   after (the machine may be shared: read the figures against it); write
   ``benchmarks/results/load.json``.

    .venv/bin/python benchmarks/load_bench.py [--articles 50000] [--clients 50] [--requests 5000]
        [--workers 2] [--db kept.db]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEMO_DB = ROOT / "claimgraph-demo.db"
DEMO_INPUTS = [
    ROOT / "examples" / "seed" / "urdupoint-2022-11-22-iran-drones.txt",
    ROOT / "examples" / "press" / "kremlin_zelenskyy_2022.jsonl",
]
RESULTS = ROOT / "benchmarks" / "results" / "load.json"

TARGET_P99_MS = 200.0
SHIFT_DAYS = 7  # each copy of the demo corpus is dated a week after the previous one
OUTLET_VARIANTS = 7  # copies cycle through this many variants of each outlet name
WARMUP_REQUESTS = 200
# Mean think time of a client between requests: 50 clients then offer at most ~100 req/s.
DEFAULT_THINK_MS = 500.0
DEFAULT_WORKERS = 2  # uvicorn processes: one per core of the 2-CPU machine it was tuned on
SAMPLE_ARTICLES = 500  # article ids the mix draws from
SAMPLE_THREADS = 300
SERVER_START_S = 60.0
SERVER_STOP_S = 30.0
REQUEST_TIMEOUT_S = 30.0
SEED = 6

# Tables copied per article, with the columns holding dates to shift (thread rows are
# copied separately: they belong to no article).
ARTICLE_TABLES: dict[str, tuple[str, ...]] = {
    "entities": (),
    "times": (),
    "attributions": (),
    "attribution_cites": (),
    "events": (),
    "event_participants": (),
    "claims": ("published",),
    "claim_holders": ("published",),
}


def columns(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def shifted(column: str) -> str:
    """A date column moved by the copy's shift, keeping any time part."""
    return (
        f"CASE WHEN {column} IS NULL THEN NULL ELSE "
        f"date(substr({column}, 1, 10), '+' || m.shift || ' days') || substr({column}, 11) END"
    )


def new_id(column: str) -> str:
    """Copy k's id: four hex digits of k, then the rest of the original (ids stay 16 hex)."""
    return f"printf('%04x', m.k) || substr({column}, 5)"


def synthesize(source: Path, target: Path, articles: int) -> dict[str, Any]:
    from claimgraph.store import Store

    started = time.perf_counter()
    Store(target).close()  # an empty, migrated database
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")  # a benchmark fixture: rebuilt when lost
    conn.execute("ATTACH DATABASE ? AS src", (f"{source.resolve().as_uri()}?mode=ro",))
    n = conn.execute("SELECT count(*) FROM src.articles").fetchone()[0]
    if n == 0:
        raise SystemExit(f"{source}: no articles to copy")
    conn.execute("BEGIN")
    conn.execute(
        "CREATE TEMP TABLE idmap AS WITH RECURSIVE copies(k) AS "
        "(SELECT 0 UNION ALL SELECT k + 1 FROM copies WHERE (k + 1) * ? < ?) "
        "SELECT a.id AS old_id, copies.k AS k, copies.k * ? AS shift, "
        "row_number() OVER (ORDER BY copies.k, a.pk) - 1 AS n "
        "FROM copies CROSS JOIN src.articles a",
        (n, articles, SHIFT_DAYS),
    )
    conn.execute("DELETE FROM idmap WHERE n >= ?", (articles,))
    conn.execute("CREATE INDEX temp.idmap_old ON idmap(old_id)")
    cols = [c for c in columns(conn, "articles") if c != "pk"]
    values = {
        "id": new_id("a.id"),
        "published": shifted("a.published"),
        "outlet": f"CASE WHEN m.k % {OUTLET_VARIANTS} = 0 THEN a.outlet "
        f"ELSE a.outlet || ' ' || (m.k % {OUTLET_VARIANTS}) END",
        "supersedes": f"CASE WHEN a.supersedes IS NULL THEN NULL ELSE {new_id('a.supersedes')} END",
    }
    conn.execute(
        f"INSERT INTO articles ({', '.join(cols)}) SELECT "
        + ", ".join(values.get(c, f"a.{c}") for c in cols)
        + " FROM idmap m JOIN src.articles a ON a.id = m.old_id ORDER BY m.n"
    )
    thread_cols = columns(conn, "threads")
    conn.execute(
        f"INSERT INTO threads ({', '.join(thread_cols)}) SELECT "
        + ", ".join(
            new_id("t.id")
            if c == "id"
            else shifted(f"t.{c}")
            if c in ("first_seen", "last_seen")
            else f"t.{c}"
            for c in thread_cols
        )
        + " FROM (SELECT DISTINCT k, shift FROM idmap) m CROSS JOIN src.threads t"
    )
    for table, dates in ARTICLE_TABLES.items():
        cols = columns(conn, table)
        exprs = []
        for c in cols:
            if c == "article_id":
                exprs.append(new_id("t.article_id"))
            elif c == "thread_id":
                exprs.append(
                    f"CASE WHEN t.thread_id IS NULL THEN NULL ELSE {new_id('t.thread_id')} END"
                )
            elif c == "canonical_event":
                exprs.append("NULL")  # each copied event is its own canonical event
            elif c in dates:
                exprs.append(shifted(f"t.{c}"))
            else:
                exprs.append(f"t.{c}")
        conn.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} "
            f"FROM idmap m JOIN src.{table} t ON t.article_id = m.old_id"
        )
    conn.execute("COMMIT")
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    conn.execute("UPDATE _fts_state SET indexed_until = (SELECT max(pk) FROM articles)")
    conn.execute("DETACH DATABASE src")
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {
        t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        for t in ("articles", "attributions", "events", "claims", "threads")
    }
    conn.close()
    return {"seconds": round(time.perf_counter() - started, 1), "rows": counts}


def current(db: Path) -> bool:
    """Whether ``db`` has every migration this claimgraph knows (a read-only open says)."""
    from claimgraph.errors import StoreError
    from claimgraph.store import Store

    try:
        Store(db, readonly=True).close()
    except StoreError:
        return False
    return True


def source_db(path: Path | None, scratch: Path) -> Path:
    if path is not None:
        return path
    if DEMO_DB.exists() and current(DEMO_DB):
        return DEMO_DB
    made = scratch / "demo.db"
    why = "outdated" if DEMO_DB.exists() else "missing"
    print(f"load: {DEMO_DB.name} {why}; ingesting the demo corpus (about a minute)", flush=True)
    subprocess.run(
        [str(BIN / "claimgraph"), "ingest", *map(str, DEMO_INPUTS), "--db", str(made), "-q"],
        check=True,
    )
    return made


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sample_keys(db: Path) -> dict[str, list[str]]:
    """Ids the request mix draws from: articles, actors, threads, outlets, queries."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    rng = random.Random(SEED)
    total = conn.execute("SELECT max(pk) FROM articles").fetchone()[0]
    pks = [rng.randint(1, total) for _ in range(SAMPLE_ARTICLES)]
    marks = ",".join("?" * len(pks))
    keys = {
        "articles": [
            r[0] for r in conn.execute(f"SELECT id FROM articles WHERE pk IN ({marks})", pks)
        ],
        # every code seen anywhere, each as likely: a session follows links to rare actors
        # as well as common ones, and the rare ones were the slow ones
        "actors": [
            r[0]
            for r in conn.execute(
                "SELECT actor_code FROM entities WHERE actor_code IS NOT NULL "
                "UNION SELECT source_actor_code FROM attributions "
                "WHERE source_actor_code IS NOT NULL "
                "UNION SELECT code FROM event_participants WHERE code IS NOT NULL "
                "UNION SELECT actor_code FROM claim_holders WHERE actor_code IS NOT NULL"
            )
        ],
        "threads": [
            r[0]
            for r in conn.execute(
                "SELECT id FROM threads ORDER BY random() LIMIT ?", (SAMPLE_THREADS,)
            )
        ],
        "outlets": [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles")],
    }
    conn.close()
    keys["queries"] = [
        "drones",
        "Iran",
        "sanctions",
        "Zelenskyy",
        "humanitarian aid",
        "Crimea",
        "grain",
    ]
    return keys


# The request mix: (cumulative share, path template). Lists and single items dominate, as
# in a browsing session; search and the filtered lists follow links.
def request_mix(keys: dict[str, list[str]], rng: random.Random) -> str:
    """One request path, drawn with the weights below."""
    pick = rng.random()
    choice = rng.choice
    if pick < 0.12:
        return f"/api/articles?limit=20&offset={rng.randrange(0, 2000, 20)}"
    if pick < 0.24:
        return f"/api/articles/{choice(keys['articles'])}"
    if pick < 0.31:
        return f"/api/articles?q={quote(choice(keys['queries']))}&limit=20"
    if pick < 0.36:
        return f"/api/articles?outlet={quote(choice(keys['outlets']))}&limit=20"
    if pick < 0.42:
        return f"/api/search?q={quote(choice(keys['queries']))}"
    if pick < 0.46:
        return "/api/actors?limit=50"
    if pick < 0.53:
        return f"/api/actors/{choice(keys['actors'])}"
    if pick < 0.60:
        return f"/api/attributions?actor={choice(keys['actors'])}&limit=20"
    if pick < 0.67:
        return f"/api/events?actor={choice(keys['actors'])}&limit=20"
    if pick < 0.74:
        return f"/api/claims?actor={choice(keys['actors'])}&limit=20"
    if pick < 0.78:
        return "/api/threads?limit=20"
    if pick < 0.82:
        return f"/api/threads?actor={choice(keys['actors'])}&limit=20"
    if pick < 0.91:
        return f"/api/threads/{choice(keys['threads'])}"
    return f"/articles/{choice(keys['articles'])}"


PAGING = {"limit", "offset"}  # parameters that do not change what an endpoint does


def endpoint(path: str) -> str:
    """The route and its filters, values left out: ``/api/articles/0a51…`` →
    ``/api/articles/{id}``, ``/api/events?actor=UKR&limit=20`` → ``/api/events?actor``."""
    route, _, query = path.partition("?")
    parts = route.split("/")
    item = len(parts) > 3 if parts[1] == "api" else len(parts) > 2
    if item:
        parts[-1] = "{id}"
    filters = sorted({k for k, _ in parse_qsl(query)} - PAGING)
    return "/".join(parts) + ("?" + "&".join(filters) if filters else "")


async def run_clients(
    base: str,
    keys: dict[str, list[str]],
    *,
    clients: int,
    requests: int,
    think_ms: float = 0.0,
) -> dict[str, Any]:
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    remaining = requests
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(number: int, http: httpx.AsyncClient) -> None:
        nonlocal remaining
        rng = random.Random(SEED * 1000 + number)
        if think_ms:  # clients start at random moments, not all at once
            await asyncio.sleep(rng.uniform(0, think_ms) / 1000)
        while remaining > 0:
            remaining -= 1
            path = request_mix(keys, rng)
            started = time.perf_counter()
            try:
                response = await http.get(path)
                ok = response.status_code == 200
                status = str(response.status_code)
            except httpx.HTTPError as exc:
                ok, status = False, type(exc).__name__
            elapsed = (time.perf_counter() - started) * 1000
            latencies.append(elapsed)
            kind = endpoint(path)
            by_kind.setdefault(kind, []).append(elapsed)
            if not ok:
                errors.append(f"{status} {path}")
            if think_ms:
                await asyncio.sleep(rng.expovariate(1000 / think_ms))

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=REQUEST_TIMEOUT_S) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(n, http) for n in range(clients)))
        wall = time.perf_counter() - started
    return {"latencies": latencies, "by_kind": by_kind, "errors": errors, "wall_s": wall}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def wait_ready(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"load: the server exited with {server.returncode}:\n"
                + log.read_text(encoding="utf-8", errors="replace")
            )
        try:
            if httpx.get(base + "/api/articles?limit=1", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("load: the server did not answer in time")


def row_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in ("articles", "attributions", "events", "claims", "threads")
        }
    finally:
        conn.close()


def load_average() -> list[float]:
    """1, 5 and 15 minute load averages: how busy the (possibly shared) machine was."""
    return [round(x, 2) for x in os.getloadavg()]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50": round(percentile(values, 50), 1),
        "p95": round(percentile(values, 95), 1),
        "p99": round(percentile(values, 99), 1),
        "max": round(max(values), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5_000)
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    parser.add_argument(
        "--think-ms",
        type=float,
        default=DEFAULT_THINK_MS,
        help="mean pause of each client between requests (the bounded load)",
    )
    parser.add_argument(
        "--saturate", action="store_true", help="also run with no think time (capacity)"
    )
    parser.add_argument("--source", type=Path, help="database to copy (default claimgraph-demo.db)")
    parser.add_argument("--db", type=Path, help="reuse (or keep) the synthesized database here")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="claimgraph-load-"))
    try:
        db = args.db or scratch / "load.db"
        if db.exists():
            from claimgraph.store import Store

            Store(db).close()  # a kept database gets any migration added since it was made
            made: dict[str, Any] = {"reused": str(db), "rows": row_counts(db)}
        else:
            made = synthesize(source_db(args.source, scratch), db, args.articles)
        print(f"load: database {db} ({made})", flush=True)
        keys = sample_keys(db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = scratch / "server.log"
        with log.open("wb") as server_log:
            server = subprocess.Popen(
                [str(BIN / "claimgraph"), "serve", "--db", str(db), "--port", str(port)]
                + ["--workers", str(args.workers)],
                stderr=server_log,
            )
            try:
                wait_ready(base, server, log)
                asyncio.run(run_clients(base, keys, clients=args.clients, requests=WARMUP_REQUESTS))
                load_before = load_average()
                result = asyncio.run(
                    run_clients(
                        base,
                        keys,
                        clients=args.clients,
                        requests=args.requests,
                        think_ms=args.think_ms,
                    )
                )
                load_after = load_average()
                saturated = (
                    asyncio.run(
                        run_clients(base, keys, clients=args.clients, requests=args.requests)
                    )
                    if args.saturate
                    else None
                )
            finally:
                server.send_signal(signal.SIGINT)  # Ctrl-C: uvicorn stops its workers
                server.wait(SERVER_STOP_S)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    lat = result["latencies"]
    p50, p95, p99 = (percentile(lat, q) for q in (50, 95, 99))
    report = {
        "benchmark": "load",
        "articles": made.get("rows", {}).get("articles", args.articles),
        "clients": args.clients,
        "think_ms": args.think_ms,
        "workers": args.workers,
        "requests": len(lat),
        "warmup_requests": WARMUP_REQUESTS,
        "errors": len(result["errors"]),
        "error_samples": result["errors"][:10],
        "throughput_rps": round(len(lat) / result["wall_s"], 1),
        "latency_ms": {
            "p50": round(p50, 1),
            "p95": round(p95, 1),
            "p99": round(p99, 1),
            "max": round(max(lat), 1),
            "mean": round(statistics.fmean(lat), 1),
        },
        "p99_over_target": round(p99 / TARGET_P99_MS, 3),
        "target_p99_ms": TARGET_P99_MS,
        "by_endpoint_ms": {k: summary(v) for k, v in sorted(result["by_kind"].items())},
        "load_average": {"start": load_before, "end": load_after},
        "saturated": None
        if saturated is None
        else {
            "think_ms": 0,
            "requests": len(saturated["latencies"]),
            "errors": len(saturated["errors"]),
            "throughput_rps": round(len(saturated["latencies"]) / saturated["wall_s"], 1),
            "latency_ms": summary(saturated["latencies"]),
        },
        "database": made,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"load: {len(lat)} requests, {args.clients} clients (think {args.think_ms:.0f} ms), "
        f"{args.workers} workers, "
        f"{report['throughput_rps']} req/s; p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"p99 {p99:.1f} ms; errors {len(result['errors'])}; "
        f"p99/200 ms = {p99 / TARGET_P99_MS:.2f}"
    )
    print(f"  load average (1, 5, 15 min): start {load_before}, end {load_after}")
    print(f"  {'endpoint':32s} {'n':>5s} {'p50':>8s} {'p95':>8s} {'p99':>8s}  ms")
    for kind, row in report["by_endpoint_ms"].items():
        print(f"  {kind:32s} {row['n']:5d} {row['p50']:8.1f} {row['p95']:8.1f} {row['p99']:8.1f}")
    for sample in report["error_samples"]:
        print(f"  error: {sample}")
    if report["saturated"]:
        sat = report["saturated"]
        print(
            f"load, saturated (no think time, capacity only): {sat['throughput_rps']} req/s, "
            f"p50 {sat['latency_ms']['p50']} ms, p99 {sat['latency_ms']['p99']} ms, "
            f"errors {sat['errors']}"
        )


if __name__ == "__main__":
    main()
