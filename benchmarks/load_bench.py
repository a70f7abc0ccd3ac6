"""Load benchmark (issue 6): the HTTP API over a 50,000-article database.

1. Synthesize the database: the demo articles (``claimgraph-demo.db``, made by ``make run``,
   or ingested here when missing) copied with new ids, dates shifted by a week per copy and
   outlets varied, together with every extraction row (entities, times, attributions, cites,
   events, participants, claims, holders, threads) by bulk SQL; no NLP runs. The full-text
   index is rebuilt once at the end.
2. Start ``claimgraph serve`` on a free loopback port (a separate process, read-only).
3. Run ``--clients`` concurrent clients (asyncio + httpx), each sending requests back to back
   over a fixed mix of endpoints, ``--requests`` in all after a warm-up.
4. Print p50/p95/p99 latency, the error count and p99 / 200 ms (the target is below 1.0, with
   no errors); write ``benchmarks/results/load.json``.

    .venv/bin/python benchmarks/load_bench.py [--articles 50000] [--clients 50] [--requests 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
SERVER_START_S = 60.0
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


def source_db(path: Path | None, scratch: Path) -> Path:
    if path is not None:
        return path
    if DEMO_DB.exists():
        return DEMO_DB
    made = scratch / "demo.db"
    print(f"load: no {DEMO_DB.name}; ingesting the demo corpus (about a minute)", flush=True)
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
    """Ids the request mix draws from: articles, actors, threads, queries."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    rng = random.Random(SEED)
    total = conn.execute("SELECT max(pk) FROM articles").fetchone()[0]
    pks = [rng.randint(1, total) for _ in range(500)]
    marks = ",".join("?" * len(pks))
    keys = {
        "articles": [
            r[0] for r in conn.execute(f"SELECT id FROM articles WHERE pk IN ({marks})", pks)
        ],
        "actors": [
            r[0]
            for r in conn.execute(
                "SELECT source_actor_code FROM attributions WHERE source_actor_code IS NOT NULL "
                "GROUP BY 1 ORDER BY count(*) DESC LIMIT 30"
            )
        ],
        "threads": [
            r[0] for r in conn.execute("SELECT id FROM threads ORDER BY random() LIMIT 300")
        ],
        "outlets": [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles LIMIT 20")],
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


def request_mix(keys: dict[str, list[str]], rng: random.Random) -> str:
    """One request path; the weights mirror a browsing session (lists, one item, search)."""
    pick = rng.random()
    if pick < 0.15:
        return f"/api/articles?limit=20&offset={rng.randrange(0, 2000, 20)}"
    if pick < 0.30:
        return f"/api/articles/{rng.choice(keys['articles'])}"
    if pick < 0.40:
        return f"/api/articles?q={rng.choice(keys['queries'])}&limit=20"
    if pick < 0.47:
        return f"/api/search?q={rng.choice(keys['queries'])}"
    if pick < 0.55:
        return f"/api/actors/{rng.choice(keys['actors'])}"
    if pick < 0.60:
        return "/api/actors?limit=50"
    if pick < 0.68:
        return f"/api/attributions?actor={rng.choice(keys['actors'])}&limit=20"
    if pick < 0.75:
        return f"/api/events?actor={rng.choice(keys['actors'])}&limit=20"
    if pick < 0.82:
        return f"/api/claims?actor={rng.choice(keys['actors'])}&limit=20"
    if pick < 0.90:
        return f"/api/threads/{rng.choice(keys['threads'])}"
    if pick < 0.95:
        return f"/articles/{rng.choice(keys['articles'])}"
    return f"/api/articles?outlet={rng.choice(keys['outlets'])}&limit=20"


def endpoint(path: str) -> str:
    """``/api/articles/0a51…`` → ``/api/articles/{id}``: latencies are grouped by route."""
    parts = path.split("?")[0].split("/")
    if len(parts) > 3 or (len(parts) == 3 and parts[1] != "api"):
        parts[-1] = "{id}"
    return "/".join(parts)


async def run_clients(
    base: str, keys: dict[str, list[str]], *, clients: int, requests: int
) -> dict[str, Any]:
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    remaining = requests
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(number: int, http: httpx.AsyncClient) -> None:
        nonlocal remaining
        rng = random.Random(SEED * 1000 + number)
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

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=REQUEST_TIMEOUT_S) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(n, http) for n in range(clients)))
        wall = time.perf_counter() - started
    return {"latencies": latencies, "by_kind": by_kind, "errors": errors, "wall_s": wall}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"load: the server exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/articles?limit=1", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("load: the server did not answer in time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5_000)
    parser.add_argument("--source", type=Path, help="database to copy (default claimgraph-demo.db)")
    parser.add_argument("--db", type=Path, help="reuse (or keep) the synthesized database here")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="claimgraph-load-"))
    try:
        db = args.db or scratch / "load.db"
        if db.exists():
            made: dict[str, Any] = {"reused": str(db)}
        else:
            made = synthesize(source_db(args.source, scratch), db, args.articles)
        print(f"load: database {db} ({made})", flush=True)
        keys = sample_keys(db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(BIN / "claimgraph"), "serve", "--db", str(db), "--port", str(port)],
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_ready(base, server)
            asyncio.run(run_clients(base, keys, clients=args.clients, requests=WARMUP_REQUESTS))
            result = asyncio.run(
                run_clients(base, keys, clients=args.clients, requests=args.requests)
            )
        finally:
            server.terminate()
            server.wait(30)
    finally:
        if args.db is None:
            shutil.rmtree(scratch, ignore_errors=True)

    lat = result["latencies"]
    p50, p95, p99 = (percentile(lat, q) for q in (50, 95, 99))
    report = {
        "benchmark": "load",
        "articles": args.articles,
        "clients": args.clients,
        "requests": len(lat),
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
        "by_endpoint_p99_ms": {
            k: round(percentile(v, 99), 1) for k, v in sorted(result["by_kind"].items())
        },
        "database": made,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"load: {len(lat)} requests, {args.clients} clients, {report['throughput_rps']} req/s; "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms; errors {len(result['errors'])}; "
        f"p99/200 ms = {p99 / TARGET_P99_MS:.2f}"
    )
    for kind, value in report["by_endpoint_p99_ms"].items():
        print(f"  p99 {value:8.1f} ms  {kind}")


if __name__ == "__main__":
    main()
