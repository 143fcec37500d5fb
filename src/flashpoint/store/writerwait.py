"""Readers yield to a waiting writer: a marker file says an ingest wants the database.

DuckDB lets one process write a file or many read it, never both. A dashboard polled a few times
a second keeps its read connection open without pause, so an ingest waiting for the file would
wait forever. While a writer waits it keeps ``<db>.writer-waiting`` beside the database; the web
server's :class:`~flashpoint.store.pool.ReadPool` sees it, answers new requests 503 + Retry-After,
closes its connection as soon as the requests in flight end, and opens it again once the marker
is gone and the writer has finished. A marker left by a killed writer is ignored after
:data:`STALE_SECONDS`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STALE_SECONDS = 120.0
"""A marker older than this was left by a writer that died while waiting: ignored."""


def marker(path: str | Path) -> Path:
    """The marker file of database ``path``."""
    return Path(f"{path}.writer-waiting")


@contextmanager
def waiting(path: str | Path) -> Iterator[None]:
    """Hold the marker of ``path`` while the block runs (a writer waiting for the file)."""
    if str(path) == ":memory:":
        yield
        return
    mark = marker(path)
    try:
        mark.write_text(str(os.getpid()))
    except OSError:  # a read-only directory: readers cannot be told, the writer just waits
        yield
        return
    try:
        yield
    finally:
        mark.unlink(missing_ok=True)


def writer_waiting(path: str | Path) -> bool:
    """True when a writer is waiting for database ``path`` (a fresh marker exists)."""
    try:
        age = time.time() - marker(path).stat().st_mtime
    except OSError:
        return False
    return age < STALE_SECONDS
