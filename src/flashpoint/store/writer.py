"""Writing the event database: a DuckDB file holding articles, actors, events, quotes and the
ingest log.

Writes are one transaction per batch and idempotent: an article is replaced wholesale by its id
(its actors, events, quotes and quantities with it), an event id is unique in the table, and the
ingest log holds one row per input path (:mod:`flashpoint.store.log`), so feeding the same inputs
twice — or resuming a run killed mid-way — leaves exactly the rows of one clean run. ``run_id``
and ``time`` in the log belong to the run that first recorded the input's current outcome.

Derived tables (``fused_events``, ``fused_members``, ``dyad_weekly``, ``alerts``) are rebuilt from
the events by :meth:`Store.refresh` (:mod:`flashpoint.store.derived`) (called by :meth:`Store.finish_run`); ``meta.derived_stale``
says when they lag behind the events (a killed run), and readers then compute on the fly.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd

from ..errors import StoreError
from ..records import CodedArticle, Duplicate, Rejection
from ..settings import Settings
from . import derived, writerwait
from .log import write_log
from .rows import (
    actor_rows,
    alerts_to_frame,
    article_row,
    event_rows,
    frame,
    json_text,
    quantity_rows,
    quote_rows,
)
from .schema import (
    ACTOR_COLUMNS,
    ARTICLE_COLUMNS,
    BASE_TABLES,
    DERIVED_TABLES,
    EVENT_COLUMNS,
    QUANTITY_COLUMNS,
    QUOTE_COLUMNS,
    migrate,
)

__all__ = ["Store"]

Outcome = CodedArticle | Duplicate | Rejection

# ---------------------------------------------------------------------------------------------


LOCK_WAIT_SECONDS = 30.0
"""How long a writer waits for readers (e.g. ``flashpoint serve``) to let go of the file."""


def _connect_writer(path: str, wait: float) -> duckdb.DuckDBPyConnection:
    """Open ``path`` for writing, retrying while another process holds its lock.

    DuckDB allows one writing process per file and no writer while a reader has it open. While
    it waits, the writer says so (:mod:`flashpoint.store.writerwait`): the web server then lets go of
    the file even when busy.
    """
    try:
        return duckdb.connect(path)
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise StoreError(f"cannot open database '{path}': {exc}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database '{path}': {exc}") from exc
    with writerwait.waiting(path):
        return _wait_for_writer(path, wait)


def _wait_for_writer(path: str, wait: float) -> duckdb.DuckDBPyConnection:
    import time

    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            return duckdb.connect(path)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise StoreError(
                    f"cannot open database '{path}' for writing: {exc} (another process holds "
                    f"it; waited {wait:.0f} s)"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database '{path}': {exc}") from exc


class Store:
    """A writable event database (a DuckDB file, or ``":memory:"``).

    >>> with Store(":memory:") as store:  # doctest: +SKIP
    ...     store.write(batch)
    ...     store.finish_run()
    """

    def __init__(
        self,
        path: str | Path = ":memory:",
        run_id: str | None = None,
        settings: Settings | None = None,
    ):
        self.path = str(path)
        self.settings = settings or Settings()
        self.conn = _connect_writer(self.path, LOCK_WAIT_SECONDS)
        migrate(self.conn)
        self.run_id = run_id or uuid.uuid4().hex[:12]

    # -- context manager -------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (derived tables are refreshed by :meth:`finish_run`, not here)."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]

    # -- writing ---------------------------------------------------------------------------
    def write(self, batch: Iterable[Outcome]) -> None:
        """Write one batch of outcomes in a single transaction (all or nothing)."""
        batch = list(batch)
        if not batch:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        coded = {o.article.id: o for o in batch if isinstance(o, CodedArticle)}.values()
        articles = [article_row(c) for c in coded]
        events: dict[str, dict[str, Any]] = {}
        for c in coded:
            for row in event_rows(c):
                events[row["id"]] = row  # an event id is unique: the last writer wins
        actors = [r for c in coded for r in actor_rows(c)]
        quotes = [r for c in coded for r in quote_rows(c)]
        quantities = [r for c in coded for r in quantity_rows(c)]

        ids = [a["id"] for a in articles]
        conn = self.conn
        conn.execute("BEGIN TRANSACTION")
        try:
            if ids:
                # Upsert by article id: the article and everything found in it are replaced.
                for table in ("events", "actors", "quotes", "quantities"):
                    conn.execute(f"DELETE FROM {table} WHERE article_id IN ?", [ids])
                conn.execute("DELETE FROM articles WHERE id IN ?", [ids])
            if events:
                conn.execute("DELETE FROM events WHERE id IN ?", [list(events)])
            self._insert("articles", frame(articles, ARTICLE_COLUMNS))
            self._insert("events", frame(list(events.values()), EVENT_COLUMNS))
            self._insert("actors", frame(actors, ACTOR_COLUMNS))
            self._insert("quotes", frame(quotes, QUOTE_COLUMNS))
            self._insert("quantities", frame(quantities, QUANTITY_COLUMNS))
            write_log(conn, batch, self.run_id, now)
            conn.execute("UPDATE meta SET value = 'true' WHERE key = 'derived_stale'")
            conn.execute("COMMIT")
        except Exception as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"writing a batch to '{self.path}' failed: {exc}") from exc

    def _insert(self, table: str, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        self.conn.register("_batch", frame)
        try:
            cols = ", ".join(f'"{c}"' for c in frame.columns)
            self.conn.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch")
        finally:
            self.conn.unregister("_batch")

    def finish_run(self) -> None:
        """End of an ingest run: rebuild the derived tables (fusion, weekly dyads, alerts)."""
        self.refresh()

    def refresh(self) -> None:
        """Rebuild ``fused_events``, ``fused_members``, ``dyad_weekly`` and ``alerts`` in one
        transaction from the events table (fusion window from ``self.settings``)."""
        fused, members = derived.fuse_events(self.conn, settings=self.settings)
        weekly = derived.dyad_weekly(self.conn)
        alerts = derived.escalation_alerts(self.conn, weekly=weekly)
        conn = self.conn
        conn.execute("BEGIN TRANSACTION")
        try:
            for table in DERIVED_TABLES:
                conn.execute(f"DELETE FROM {table}")
            fused_rows = fused.assign(event_ids=fused["event_ids"].map(json_text))
            self._insert("fused_events", fused_rows)
            self._insert("fused_members", members)
            self._insert("dyad_weekly", weekly)
            alert_rows = alerts_to_frame(alerts)
            self._insert("alerts", alert_rows)
            conn.execute("UPDATE meta SET value = 'false' WHERE key = 'derived_stale'")
            conn.execute("COMMIT")
        except Exception as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"refreshing derived tables in '{self.path}' failed: {exc}") from exc

    # -- reading ---------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        """True when an article with this id is stored."""
        return bool(
            self.conn.execute("SELECT count(*) FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        )

    def article_texts(self, sources: bool = False) -> Iterator[tuple[str, ...]]:
        """``(article_id, text)`` for every stored article, in id order (to seed deduplication);
        ``(article_id, text, source)`` with ``sources``."""
        cursor = self.conn.cursor()
        cursor.execute(f"SELECT id, text{', source' if sources else ''} FROM articles ORDER BY id")
        while True:
            rows = cursor.fetchmany(1000)
            if not rows:
                break
            yield from rows
        cursor.close()

    def counts(self) -> dict[str, int]:
        """Row count of every base table."""
        return {
            t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in BASE_TABLES
        }
