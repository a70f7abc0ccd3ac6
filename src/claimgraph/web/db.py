"""A bounded pool of read connections, each with a query time budget.

Requests run in worker threads; SQLite connections must not be shared by two threads at
once, so each request borrows one ``Store`` for its duration. A progress handler aborts any
statement that runs past the borrower's deadline (the error handler turns that into a 503,
code E203), so one expensive query cannot hold a connection for long.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from claimgraph.store import Store
from claimgraph.web.errors import ServerBusyError

# SQLite calls the progress handler every this many virtual-machine instructions: often
# enough to stop within a millisecond or so, rarely enough to cost nothing measurable.
PROGRESS_STEPS = 10_000


class Connection:
    """One pooled store and the deadline of the request that holds it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.deadline = float("inf")
        store.conn.set_progress_handler(self._over_budget, PROGRESS_STEPS)

    def _over_budget(self) -> int:
        # a non-zero return makes SQLite abort the statement with "interrupted"
        return 1 if time.monotonic() > self.deadline else 0


class StorePool:
    """Up to ``size`` connections to ``path``, opened on demand and reused."""

    def __init__(
        self, path: str | Path, *, size: int, readonly: bool, wait_s: float, budget_s: float
    ) -> None:
        self.path = Path(path)
        self.size = size
        self.readonly = readonly
        self.wait_s = wait_s
        self.budget_s = budget_s
        self._idle: queue.LifoQueue[Connection] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()
        self._all: list[Connection] = []
        # open one now: a missing or outdated database fails at start, not on first request
        self._idle.put(self._open())

    def _open(self) -> Connection:
        connection = Connection(Store(self.path, readonly=self.readonly))
        with self._lock:
            self._opened += 1
            self._all.append(connection)
        return connection

    def _take(self) -> Connection:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            can_open = self._opened < self.size
            if can_open:
                self._opened += 1  # reserve the slot before opening outside the lock
        if can_open:
            try:
                connection = Connection(Store(self.path, readonly=self.readonly))
            except BaseException:
                with self._lock:
                    self._opened -= 1
                raise
            with self._lock:
                self._all.append(connection)
            return connection
        try:
            return self._idle.get(timeout=self.wait_s)
        except queue.Empty:
            raise ServerBusyError(
                f"all {self.size} database connections stayed busy for {self.wait_s:g} s"
            ) from None

    @contextmanager
    def borrow(self, *, budget_s: float | None = None) -> Iterator[Store]:
        """A store for one request; its statements abort after ``budget_s`` seconds."""
        connection = self._take()
        connection.deadline = time.monotonic() + (budget_s or self.budget_s)
        try:
            yield connection.store
        finally:
            connection.deadline = float("inf")
            self._idle.put(connection)

    def close(self) -> None:
        with self._lock:
            connections, self._all = self._all, []
        for connection in connections:
            connection.store.close()
