"""``claimgraph serve --workers 2``: uvicorn worker processes import the app by name and
find the database through the environment; the server answers and stops cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
START_S = 60.0  # two processes each import the package and warm their actor index
STOP_S = 30.0
POLL_S = 0.2
# With Nagle's algorithm on the server's sockets, every request after the first on a
# kept-alive connection waited for the client's delayed ACK (40 ms on Linux): the fastest
# of a few such requests shows it, however busy the machine.
NAGLE_DELAY_MS = 40.0
KEPT_ALIVE_REQUESTS = 6


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def worker_processes(pid: int) -> int:
    """Child processes of ``pid`` started by multiprocessing's spawn (uvicorn's workers)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    found = 0
    for child in children:
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except FileNotFoundError:
            continue  # exited between the two reads
        found += b"spawn_main" in cmdline
    return found


def fastest_kept_alive_ms(port: int) -> float:
    """The fastest of a few requests sent one after another on one connection."""
    times = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        client.get("/api/stats")  # opens the connection (the first one is not delayed)
        for _ in range(KEPT_ALIVE_REQUESTS):
            started = time.perf_counter()
            assert client.get("/api/stats").status_code == 200
            times.append((time.perf_counter() - started) * 1000)
    return min(times)


def test_serve_with_two_workers(web_db: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_SERVE_")}
    server = subprocess.Popen(
        [str(BIN / "claimgraph"), "serve", "--db", str(web_db), "--port", str(port)]
        + ["--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + START_S
        body = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5)
            except httpx.TransportError:
                time.sleep(POLL_S)
                continue
            assert response.status_code == 200
            body = response.json()
            break
        assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
        assert body is not None, "the server did not answer in time"
        assert body["articles"] == 3
        assert worker_processes(server.pid) == 2
        assert fastest_kept_alive_ms(port) < NAGLE_DELAY_MS
    finally:
        server.send_signal(signal.SIGINT)  # what Ctrl-C sends
        _, err = server.communicate(timeout=STOP_S)
    assert server.returncode == 0, err.decode()
    assert b"with 2 workers" in err
    assert b"Traceback" not in err


def test_serve_rejects_zero_workers(web_db: Path) -> None:
    done = subprocess.run(
        [str(BIN / "claimgraph"), "serve", "--db", str(web_db), "--workers", "0"],
        capture_output=True,
        timeout=STOP_S,
    )
    assert done.returncode == 2  # click's usage error
    assert b"--workers" in done.stderr
