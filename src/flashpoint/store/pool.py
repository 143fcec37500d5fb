"""Read-only access to the event database for the web server, without locking out an ingest.

DuckDB allows one writing process *or* any number of reading processes on a file. Opening a
connection costs ~40 ms, too slow to do per request, but holding one open would stop an ingest
from opening the file for writing. So :class:`ReadPool` keeps one read-only connection while
requests arrive and closes it once the server has been idle for ``idle_seconds``; every request
gets its own cursor (a separate DuckDB connection on the shared instance, safe across threads).
When a writer holds the file, opening fails with DuckDB's lock error: that becomes
:class:`DatabaseBusy`, which the app answers with 503 + Retry-After instead of crashing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import StoreError
from . import writerwait
from .readonly import connect_locked, missing_database
from .schema import check_schema

log = logging.getLogger("flashpoint.web")  # the web server is its user


class DatabaseBusy(StoreError):
    """The database file is locked by a writer (an ingest is running); try again shortly."""

    code = "E410"

    def __init__(self, path: str, retry_after: int = 2):
        super().__init__(
            f"database '{path}' is busy (an ingest holds it for writing); retrying in "
            f"{retry_after} s"
        )
        self.retry_after = retry_after


class ReadPool:
    """One shared read-only DuckDB connection, opened on demand and closed when idle."""

    def __init__(
        self,
        path: str | Path,
        idle_seconds: float = 0.5,
        open_attempts: int = 3,
        retry_wait: float = 0.05,
        retry_after: int = 2,
        threads: int = 1,
    ):
        self.path = str(path)
        self.idle_seconds = idle_seconds
        self.open_attempts = open_attempts
        self.retry_wait = retry_wait
        self.retry_after = retry_after
        self.threads = threads
        self._lock = threading.Lock()
        self._conn: duckdb.DuckDBPyConnection | None = None
        self._in_flight = 0
        self._closer: threading.Timer | None = None
        self._checked = False

    # -- connection lifecycle -------------------------------------------------------------
    def _open(self) -> duckdb.DuckDBPyConnection:
        if not Path(self.path).exists():
            raise missing_database(self.path)
        last: Exception | None = None
        for attempt in range(self.open_attempts):
            try:
                # One DuckDB thread per query: the server runs many small queries at once
                # (one per request thread); intra-query threads only add scheduling overhead.
                # Locked: no ATTACH/COPY/EXPORT/file reads/extensions (flashpoint.store.readonly).
                conn = connect_locked(self.path, threads=self.threads)
            except duckdb.IOException as exc:
                # A writer holds the file lock: wait a little, then report "busy".
                last = exc
                if attempt + 1 < self.open_attempts:
                    time.sleep(self.retry_wait * (attempt + 1))
                continue
            except duckdb.Error as exc:
                raise StoreError(f"cannot open database '{self.path}' read-only: {exc}") from exc
            if not self._checked:
                self._check_schema(conn)
            return conn
        log.info("database busy: %s", last)
        raise DatabaseBusy(self.path, self.retry_after)

    def _check_schema(self, conn: duckdb.DuckDBPyConnection) -> None:
        check_schema(conn, self.path)
        self._checked = True

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request; the shared connection stays open while cursors are out.

        While a writer waits for the file (:mod:`flashpoint.store.writerwait`) no cursor is given out
        (:class:`DatabaseBusy`) and the connection is closed once the last cursor is back.
        """
        if writerwait.writer_waiting(self.path):
            with self._lock:
                if self._in_flight == 0:
                    self._close_now()
            raise DatabaseBusy(self.path, self.retry_after)
        with self._lock:
            if self._closer is not None:
                self._closer.cancel()
                self._closer = None
            if self._conn is None:
                self._conn = self._open()
            cur = self._conn.cursor()
            self._in_flight += 1
        try:
            yield cur
        finally:
            try:
                cur.close()
            finally:
                with self._lock:
                    self._in_flight -= 1
                    if self._in_flight == 0:
                        if writerwait.writer_waiting(self.path):
                            self._close_now()  # a writer waits: let go of the file now
                        else:
                            self._schedule_close()

    def _schedule_close(self) -> None:
        # Called with the lock held. A timer thread closes the connection after the idle period
        # so a waiting ingest can take the file; a new request cancels it.
        timer = threading.Timer(self.idle_seconds, self._close_if_idle)
        timer.daemon = True
        self._closer = timer
        timer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            if self._in_flight == 0 and self._conn is not None:
                self._conn.close()
                self._conn = None
            self._closer = None

    @property
    def is_open(self) -> bool:
        """True while the shared connection (and so the file's read lock) is held."""
        return self._conn is not None

    def _close_now(self) -> None:
        # Called with the lock held.
        if self._closer is not None:
            self._closer.cancel()
            self._closer = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def close(self) -> None:
        """Close the shared connection now (server shutdown)."""
        with self._lock:
            self._close_now()
