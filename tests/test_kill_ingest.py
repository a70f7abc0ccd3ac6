"""Kill ``claimgraph ingest`` half-way with SIGKILL: the file stays clean and a re-run completes.

Every article is written in its own transaction, so a killed run leaves whole articles and
nothing half-written; content-hash de-duplication makes the re-run skip what is stored.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimgraph.model import article_id

ARTICLES = 2_000
KILL_AT = ARTICLES // 2
POLL_SECONDS = 0.005
TIMEOUT_SECONDS = 60

SCRIPT = Path(sys.executable).with_name("claimgraph")
COMMAND = (
    [str(SCRIPT)]
    if SCRIPT.exists()
    else [sys.executable, "-c", "from claimgraph.cli import main; main()"]
)

PLACES = ["MOSCOW", "KYIV", "TEHRAN", "WASHINGTON", "BEIJING", "ANKARA", "BRUSSELS", "ISLAMABAD"]
OUTLETS = ["UrduPoint", "Reuters", "TASS", "Kyiv Independent", "IRNA", "Anadolu"]
CREDITS = ["Sputnik", "AFP", "AP", "Reuters", "IRNA"]
ACTORS = [
    "Iran's foreign ministry",
    "The Kremlin",
    "Ukraine's defence ministry",
    "A senior US official",
    "The UN Security Council",
    "NATO Secretary General Jens Stoltenberg",
    "Turkish President Recep Tayyip Erdogan",
    "The European Commission",
]
VERBS = ["said", "denied", "claimed", "confirmed", "warned", "insisted", "reported"]
CLAIMS = [
    "that drones had been delivered to Russia in August",
    "that no weapons were supplied for use in the conflict",
    "that talks on grain exports would resume next week",
    "that the strikes targeted energy infrastructure",
    "that an expert meeting had been requested to remove confusion",
    "that new sanctions would be announced within days",
    "that the allegations were baseless and politically motivated",
    "that evidence would be presented to the Security Council",
]
CONTEXT = [
    "No concrete evidence has been presented so far.",
    "The claim could not be independently verified.",
    "Both sides have traded accusations for weeks.",
    "Officials declined to comment further on Tuesday.",
    "The statement came after a closed-door meeting in New York.",
    "Western countries have repeatedly raised the issue at the United Nations.",
]


def synthetic_article(rng: random.Random, n: int) -> dict[str, str]:
    """A plausible wire story; record ``n`` is unique by its numbers and its mix of sentences."""
    day = 1 + n % 28
    place, outlet = rng.choice(PLACES), rng.choice(OUTLETS)
    sentences = [
        f"{place} ({outlet} / {rng.choice(CREDITS)} - {day} November, 2022) "
        f"{rng.choice(ACTORS)} {rng.choice(VERBS)} on day {day} {rng.choice(CLAIMS)}."
    ]
    for _ in range(rng.randint(6, 14)):
        if rng.random() < 0.6:
            sentences.append(f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(CLAIMS)}.")
        else:
            sentences.append(rng.choice(CONTEXT))
    sentences.append(
        f"This is report number {n} in the series, filed at {n % 24:02d}:{n % 60:02d}."
    )
    return {
        "url": f"https://news.example/{outlet.lower().replace(' ', '-')}/{n}",
        "outlet": outlet,
        "published": f"2022-11-{day:02d}",
        "title": f"{rng.choice(ACTORS)} {rng.choice(VERBS)} ({n})",
        "text": " ".join(sentences),
    }


def count_articles(db: Path) -> int:
    """Articles committed so far, read without taking any lock the writer needs."""
    try:
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=0.1)
    except sqlite3.OperationalError:  # not created yet
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet, or busy for a moment
        return 0
    finally:
        conn.close()


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *map(str, args)], capture_output=True, text=True, timeout=TIMEOUT_SECONDS
    )


# (articles, kill when this many are stored, extra ingest options): the foundation's case
# (2,000 articles, storage only) and the same with the NLP layers, where an article and its
# extraction must land together or not at all.
MODES = {
    "store-only": (2000, 1000, ("--no-extract",)),
    "with-extraction": (240, 80, ()),
}


@pytest.mark.parametrize("mode", sorted(MODES))
def test_sigkill_mid_ingest_leaves_a_clean_file_and_the_rerun_completes(
    tmp_path: Path, mode: str
) -> None:
    ARTICLES, KILL_AT, options = MODES[mode]
    rng = random.Random(20221122)
    records = [synthetic_article(rng, n) for n in range(ARTICLES)]
    texts = {article_id(r["text"]) for r in records}
    assert len(texts) == ARTICLES  # every record is a distinct article
    source = tmp_path / "wire.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "kill.db"

    log = (tmp_path / "first-run.log").open("w")
    proc = subprocess.Popen(
        [*COMMAND, "ingest", str(source), "--db", str(db), "--quiet", *options],
        stdout=log,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        stored = 0
        while stored < KILL_AT:
            assert proc.poll() is None, "ingest finished before it could be killed"
            assert time.monotonic() < deadline, f"only {stored} articles after {TIMEOUT_SECONDS}s"
            time.sleep(POLL_SECONDS)
            stored = count_articles(db)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()

    check = run("db", "check", "--db", db, "--json")
    assert check.returncode == 0, check.stdout + check.stderr
    report = json.loads(check.stdout)
    assert report["ok"] is True
    # notes only: the interrupted run, and perhaps articles above the full-text watermark
    assert {f["check"] for f in report["findings"]} <= {"runs", "fts"}
    assert not [f for f in report["findings"] if f["problem"]]
    assert any(f["check"] == "runs" for f in report["findings"])
    conn = sqlite3.connect(db)
    try:
        after_kill = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()
    assert KILL_AT <= after_kill < ARTICLES

    if not options:  # every stored article came with its extraction, or was not stored
        conn = sqlite3.connect(db)
        try:
            unextracted = conn.execute(
                "SELECT count(*) FROM articles WHERE extracted_at IS NULL"
            ).fetchone()[0]
            orphans = conn.execute(
                "SELECT count(*) FROM attributions WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            extracted = conn.execute(
                "SELECT count(DISTINCT article_id) FROM attributions"
            ).fetchone()[0]
        finally:
            conn.close()
        assert (unextracted, orphans) == (0, 0)
        assert extracted > 0

    rerun = run("ingest", source, "--db", db, "--json", *options)
    assert rerun.returncode == 0, rerun.stderr
    counts = json.loads(rerun.stdout)["counts"]
    assert counts["read"] == ARTICLES
    assert counts["duplicates"] == after_kill
    assert counts["added"] + counts["versions"] == ARTICLES - after_kill
    assert counts["errors"] == 0

    conn = sqlite3.connect(db)
    try:
        total, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT id) FROM articles"
        ).fetchone()
        indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        rows = conn.execute("SELECT id, text FROM articles").fetchall()
        runs = conn.execute(
            "SELECT finished_at IS NOT NULL FROM ingest_runs ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    assert (total, distinct, indexed) == (ARTICLES, ARTICLES, ARTICLES)
    assert all(article_id(text) == id_ for id_, text in rows)
    assert {id_ for id_, _ in rows} == texts
    assert runs == [(0,), (1,)]  # the killed run, then the finished one

    final = run("db", "check", "--db", db)
    assert final.returncode == 0, final.stdout + final.stderr


@pytest.mark.parametrize("n", [0, 1, 1999])
def test_synthetic_articles_read_like_news(n: int) -> None:
    record = synthetic_article(random.Random(n), n)
    assert record["text"].split(" (")[0] in PLACES
    assert f"report number {n}" in record["text"]
    assert record["published"].startswith("2022-11-")
