"""Reading the event database, the analyst's Python API: ``flashpoint.open(db)`` → :class:`Database`.

Every method answers as a pandas DataFrame (or plain dict/list for JSON) and is what the CLI
commands ``stats``, ``dyad``, ``query`` and ``export`` print, so both always agree.

>>> import flashpoint  # doctest: +SKIP
>>> db = flashpoint.open("flashpoint.duckdb")
>>> db.dyad("USA", "IRN", freq="week")
>>> db.alerts()
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd

from ..errors import FlashpointError
from ..ontology import lookup
from ..settings import Settings
from . import derived, queries
from .derived import AlertRules
from .export import export
from .queries import EventFilters, Network
from .readonly import check_read_only_sql, open_readonly
from .rows import frame_records
from .schema import derived_stale

ALERT_COLUMNS = ["dyad", "date", "rule", "score", "explanation", "events"]


class Database:
    """Read access to one event database (analysis, queries, exports).

    Derived results (fused events, alerts) come from the tables the last ingest run refreshed;
    when a run ended without refreshing (it was killed), they are computed on the fly instead.
    """

    def __init__(
        self,
        conn: duckdb.DuckDBPyConnection,
        path: str = ":memory:",
        owns: bool = False,
        settings: Settings | None = None,
    ):
        self.conn = conn
        self.path = path
        self.settings = settings or Settings()
        self._owns = owns
        self._derived: dict[str, Any] = {}

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection if this object opened it."""
        if self._owns and self.conn is not None:
            self.conn.close()
        self.conn = None  # type: ignore[assignment]

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def cursor(self) -> Database:
        """A Database on its own cursor of the same connection, for another thread (a DuckDB
        connection must not run queries from two threads at once; cursors may)."""
        return Database(self.conn.cursor(), self.path, owns=True, settings=self.settings)

    @property
    def stale(self) -> bool:
        """True when the derived tables lag behind the events (computed on the fly then)."""
        return derived_stale(self.conn)

    # -- tables ----------------------------------------------------------------------------
    def articles(self, text: bool = False, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Stored articles, newest first (the body ``text`` only when asked for)."""
        cols = "*" if text else "* EXCLUDE (text)"
        sql = f"SELECT {cols} FROM articles ORDER BY published DESC NULLS LAST, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self.conn.execute(sql).df()

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, or ``None``."""
        frame = self.conn.execute("SELECT * FROM articles WHERE id = ?", [article_id]).df()
        return None if frame.empty else frame_records(frame)[0]

    def events(self, filters: EventFilters | None = None, **kwargs: Any) -> pd.DataFrame:
        """Events filtered like :func:`flashpoint.store.queries.events` (an ``EventFilters`` or its
        fields: source, target, actor, country, dyad, root, code (or prefix), quad_class, start,
        end, modality, happened, article_id, q/search; limit, offset), newest first."""
        return queries.events(self.conn, filters, **kwargs)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event by id (with its evidence sentence and article id), or ``None``."""
        frame = self.conn.execute("SELECT * FROM events WHERE id = ?", [event_id]).df()
        return None if frame.empty else frame_records(frame)[0]

    def quotes(self, article_id: str | None = None) -> pd.DataFrame:
        """Quotations, optionally of one article."""
        if article_id is None:
            return self.conn.execute("SELECT * FROM quotes ORDER BY article_id, idx").df()
        return self.conn.execute(
            "SELECT * FROM quotes WHERE article_id = ? ORDER BY idx", [article_id]
        ).df()

    def ingest_log(self) -> pd.DataFrame:
        """Every input outcome: ingested, duplicate (of what) or rejected (why)."""
        return self.conn.execute("SELECT * FROM ingest_log ORDER BY time, path, key").df()

    # -- analysis --------------------------------------------------------------------------
    def dyad(self, a: str, b: str, freq: str = "week", directed: bool = False) -> pd.DataFrame:
        """Time series of the dyad a–b by day or week (see :func:`queries.dyad_series`)."""
        return queries.dyad_series(self.conn, a, b, freq=freq, directed=directed)

    def top_dyads(self, n: int | None = 10) -> pd.DataFrame:
        """Directed dyads with most events that happened."""
        return queries.top_dyads(self.conn, n, from_weekly=not self.stale)

    def top_actors(self, n: int | None = 10) -> pd.DataFrame:
        """Actors with most events that happened."""
        return queries.top_actors(self.conn, n)

    def network(self, min_events: int = 1) -> Network:
        """``(nodes, edges)`` DataFrames of the actor network."""
        return queries.network(self.conn, min_events)

    def fused_events(self) -> pd.DataFrame:
        """One row per real-world event fused across articles, with its mention ids."""
        if self.stale:
            if "fused" not in self._derived:
                self._derived["fused"] = derived.fuse_events(self.conn, self.settings)[0]
            return self._derived["fused"].copy()
        frame = self.conn.execute(
            "SELECT * FROM fused_events ORDER BY num_mentions DESC, day, fused_id"
        ).df()
        frame["event_ids"] = frame["event_ids"].map(json.loads)
        return frame

    def fused_count(self) -> int:
        """How many real-world events the mentions fuse into."""
        if self.stale:
            return len(self.fused_events())
        return self.conn.execute("SELECT count(*) FROM fused_events").fetchone()[0]

    def alert_list(
        self, rules: AlertRules | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Escalation alerts as dicts ``{"dyad", "date", "rule", "score", "explanation",
        "events"}``, newest first (the first ``limit`` only, when given)."""
        if rules is not None or self.stale:
            key = ("alerts", rules)
            if key not in self._derived:
                self._derived[key] = derived.escalation_alerts(self.conn, rules)
            return [dict(a) for a in self._derived[key][:limit]]
        rows = self.conn.execute(
            "SELECT source_key, target_key, date, rule, score, explanation, events FROM alerts "
            "ORDER BY date DESC, score DESC, rule DESC, source_key DESC, target_key DESC"
            + (f" LIMIT {int(limit)}" if limit is not None else "")
        ).fetchall()
        return [
            {"dyad": [a, b], "date": d.isoformat(), "rule": r, "score": s, "explanation": x,
             "events": json.loads(ev)}
            for a, b, d, r, s, x, ev in rows
        ]

    def alerts(self, rules: AlertRules | None = None, limit: int | None = None) -> pd.DataFrame:
        """Escalation alerts as a DataFrame (same rows as :meth:`alert_list`)."""
        return pd.DataFrame(self.alert_list(rules, limit), columns=ALERT_COLUMNS)

    def stats(self, top: int = 10) -> dict[str, Any]:
        """The summary ``flashpoint stats --format json`` prints."""
        one = self.conn.execute
        log = dict(one("SELECT status, count(*) FROM ingest_log GROUP BY status").fetchall())
        by_quad = dict(
            one("SELECT quad_class, count(*) FROM events WHERE happened GROUP BY 1 ORDER BY 1")
            .fetchall()
        )
        by_root = one(
            "SELECT root, count(*) FROM events WHERE happened GROUP BY root ORDER BY root"
        ).fetchall()
        dyads = self.top_dyads(top)
        return {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "events": one("SELECT count(*) FROM events").fetchone()[0],
            "events_happened": one("SELECT count(*) FROM events WHERE happened").fetchone()[0],
            "quotes": one("SELECT count(*) FROM quotes").fetchone()[0],
            "fused_events": self.fused_count(),
            "ingest": {k: log.get(k, 0) for k in ("ingested", "duplicate", "rejected")},
            "by_quad_class": {str(k): v for k, v in by_quad.items()},
            "by_root": [{"root": r, "name": _root_name(r), "events": c} for r, c in by_root],
            "dyads": [
                {"dyad": [r.source, r.target], "events": int(r.events),
                 "q4": int(r.q4), "goldstein_mean": round(float(r.goldstein_mean), 2)}
                for r in dyads.itertuples()
            ],
            "alerts": self.alert_list(),
        }

    # -- raw access ------------------------------------------------------------------------
    def query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run read-only SQL (SELECT / EXPLAIN) against the database; anything else raises
        :class:`~flashpoint.store.readonly.ReadOnlyViolation` before it runs."""
        check_read_only_sql(sql)
        return self.conn.execute(sql, params or []).df()

    def export(self, fmt: str, out: str | Path) -> int:
        """Write an export (jsonl, csv, parquet, gdelt, plover) to ``out``; returns rows written."""
        return export(self, fmt, out)


def _root_name(root: str | None) -> str | None:
    try:
        return lookup(root).name if root else None
    except (FlashpointError, KeyError, ValueError):
        return None


def open(db: str | Path, settings: Settings | None = None, locked: bool = False) -> Database:  # noqa: A001
    """Open an existing event database read-only (several readers may share the file).

    ``settings`` only matter when the derived tables are stale (fusion window). ``locked``: the
    connection can reach nothing but this file (no ATTACH/COPY/read_csv/INSTALL, see
    :mod:`flashpoint.store.readonly`); exports need it off.
    """
    conn = open_readonly(db, locked=locked)
    return Database(conn, str(db), owns=True, settings=settings)
