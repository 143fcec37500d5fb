"""The event database: a DuckDB file holding articles, actors, events, quotes and the ingest log.

Writes are one transaction per batch and idempotent: an article is replaced wholesale by its id
(its actors, events, quotes and quantities with it), an event id is unique in the table, and the
ingest log holds one row per input path (:mod:`flashpoint.storelog`), so feeding the same inputs
twice — or resuming a run killed mid-way — leaves exactly the rows of one clean run. ``run_id``
and ``time`` in the log belong to the run that first recorded the input's current outcome.

Derived tables (``fused_events``, ``fused_members``, ``dyad_weekly``, ``alerts``) are rebuilt from
the events by :meth:`Store.refresh` (called by :meth:`Store.finish_run`); ``meta.derived_stale``
says when they lag behind the events (a killed run), and readers then compute on the fly.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlparse

import duckdb
import pandas as pd

from . import writerwait
from .errors import StoreError
from .records import CodedArticle, Duplicate, Rejection
from .settings import Settings
from .storelog import LOG_COLUMNS, log_row, m004_log_by_path, write_log

__all__ = ["LOG_COLUMNS", "Store", "log_row", "migrate", "open_readonly"]

Outcome = CodedArticle | Duplicate | Rejection

# Column order of each base table; the loaders build DataFrames in this order.
ARTICLE_COLUMNS = [
    "id", "source", "url", "host", "title", "byline", "dateline", "agency", "published",
    "date_source", "captions", "language", "input_kind", "text", "n_actors", "n_events",
    "n_quotes", "n_quantities",
]
EVENT_COLUMNS = [
    "id", "article_id", "code", "base_code", "root", "name", "quad_class", "goldstein", "plover",
    "source_text", "source_name", "source_code", "source_country", "source_agent", "source_key",
    "target_text", "target_name", "target_code", "target_country", "target_agent", "target_key",
    "modality", "negated", "happened", "date", "date_precision", "day", "location_name",
    "location_country", "lat", "lon", "location_precision", "quantities", "sentence",
    "span_start", "span_end", "trigger", "rule", "confidence", "attributed_to", "source", "target",
    "location",
]
ACTOR_COLUMNS = [
    "article_id", "idx", "name", "code", "country", "agent", "kind", "titles", "backer", "mentions",
]
QUOTE_COLUMNS = [
    "article_id", "idx", "text", "kind", "span_start", "span_end", "speaker_name", "speaker_code",
    "cue",
]
QUANTITY_COLUMNS = [
    "article_id", "idx", "value", "unit", "text", "span_start", "span_end", "approximate",
]
BASE_TABLES = ["articles", "actors", "events", "quotes", "quantities", "ingest_log"]
DERIVED_TABLES = ["fused_events", "fused_members", "dyad_weekly", "alerts"]


# ---------------------------------------------------------------------------------------------
# Migrations: named, ordered functions; the ``migrations`` table records which ones ran.


def _m001_base_tables(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, source VARCHAR, url VARCHAR, host VARCHAR, title VARCHAR,
            byline VARCHAR, dateline VARCHAR, agency VARCHAR, published DATE, date_source VARCHAR,
            captions JSON, language VARCHAR, input_kind VARCHAR, text VARCHAR,
            n_actors INTEGER, n_events INTEGER, n_quotes INTEGER, n_quantities INTEGER
        );
        CREATE TABLE actors (
            article_id VARCHAR, idx INTEGER, name VARCHAR, code VARCHAR, country VARCHAR,
            agent VARCHAR, kind VARCHAR, titles JSON, backer VARCHAR, mentions JSON
        );
        CREATE TABLE events (
            id VARCHAR, article_id VARCHAR, code VARCHAR, base_code VARCHAR, root VARCHAR,
            name VARCHAR, quad_class TINYINT, goldstein DOUBLE, plover VARCHAR,
            source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
            source_agent VARCHAR, source_key VARCHAR,
            target_text VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
            target_agent VARCHAR, target_key VARCHAR,
            modality VARCHAR, negated BOOLEAN, happened BOOLEAN, date VARCHAR,
            date_precision VARCHAR, day DATE, location_name VARCHAR, location_country VARCHAR,
            lat DOUBLE, lon DOUBLE, location_precision VARCHAR, quantities JSON, sentence VARCHAR,
            span_start INTEGER, span_end INTEGER, trigger VARCHAR, rule VARCHAR,
            confidence DOUBLE, attributed_to VARCHAR, source JSON, target JSON, location JSON
        );
        CREATE TABLE quotes (
            article_id VARCHAR, idx INTEGER, text VARCHAR, kind VARCHAR, span_start INTEGER,
            span_end INTEGER, speaker_name VARCHAR, speaker_code VARCHAR, cue VARCHAR
        );
        CREATE TABLE quantities (
            article_id VARCHAR, idx INTEGER, value DOUBLE, unit VARCHAR, text VARCHAR,
            span_start INTEGER, span_end INTEGER, approximate BOOLEAN
        );
        CREATE TABLE ingest_log (
            key VARCHAR PRIMARY KEY, path VARCHAR, article_id VARCHAR, status VARCHAR,
            reason VARCHAR, duplicate_of VARCHAR, kind VARCHAR, similarity DOUBLE,
            run_id VARCHAR, time TIMESTAMP
        );
        """
    )


def _m002_derived_tables(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(
        """
        CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
        INSERT INTO meta VALUES ('derived_stale', 'true');
        CREATE TABLE fused_events (
            fused_id VARCHAR, root VARCHAR, code VARCHAR, name VARCHAR, quad_class TINYINT,
            goldstein DOUBLE, source_key VARCHAR, target_key VARCHAR, day DATE,
            last_day DATE, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
            num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER, event_ids JSON
        );
        CREATE TABLE fused_members (event_id VARCHAR, fused_id VARCHAR);
        CREATE TABLE dyad_weekly (
            source_key VARCHAR, target_key VARCHAR, week DATE, events INTEGER,
            q1 INTEGER, q2 INTEGER, q3 INTEGER, q4 INTEGER,
            goldstein_sum DOUBLE, goldstein_mean DOUBLE
        );
        CREATE TABLE alerts (
            source_key VARCHAR, target_key VARCHAR, date DATE, rule VARCHAR, score DOUBLE,
            explanation VARCHAR, events JSON
        );
        """
    )


def _m003_query_helpers(conn: duckdb.DuckDBPyConnection) -> None:
    # The dashboard filters events by dyad and date and looks them up by id; ART indexes make the
    # point look-ups cheap (DuckDB zone maps already cover range scans on ``day``).
    conn.execute(
        """
        CREATE INDEX IF NOT EXISTS events_id ON events (id);
        CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
        CREATE INDEX IF NOT EXISTS events_dyad ON events (source_key, target_key);
        """
    )


MIGRATIONS: list[tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]] = [
    ("001_base_tables", _m001_base_tables),
    ("002_derived_tables", _m002_derived_tables),
    ("003_query_helpers", _m003_query_helpers),
    ("004_ingest_log_by_path", m004_log_by_path),
]


def applied_migrations(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations already applied to this database, in order."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'"
    ).fetchone()[0]
    if not exists:
        return []
    return [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY seq").fetchall()]


def migrate(conn: duckdb.DuckDBPyConnection, upto: str | None = None) -> list[str]:
    """Apply the missing migrations in order (each in its own transaction); returns their names.

    ``upto`` stops after the named migration (tests use it to build an old database).
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations "
        "(seq INTEGER PRIMARY KEY, name VARCHAR UNIQUE, applied_at TIMESTAMP)"
    )
    done = set(applied_migrations(conn))
    ran: list[str] = []
    for seq, (name, func) in enumerate(MIGRATIONS, start=1):
        if name not in done:
            conn.execute("BEGIN TRANSACTION")
            try:
                func(conn)
                conn.execute(
                    "INSERT INTO migrations VALUES (?, ?, ?)", [seq, name, datetime.now(UTC)]
                )
                conn.execute("COMMIT")
            except Exception:
                conn.execute("ROLLBACK")
                raise
            ran.append(name)
        if name == upto:
            break
    return ran


# ---------------------------------------------------------------------------------------------
# Flattening records into rows.


def host_of(source: str | None, url: str | None) -> str:
    """The outlet an article came from, for counting distinct sources (GDELT's NumSources).

    The URL's host (without ``www.``) when there is a URL; otherwise the directory of the input
    path, since a folder of scraped files usually holds one outlet's pages.
    """
    for candidate in (url, source):
        if candidate and "://" in candidate:
            netloc = urlparse(candidate).netloc.lower()
            if netloc:
                return netloc.removeprefix("www.")
    if source:
        parent = Path(source.split("#", 1)[0]).parent.as_posix()
        return f"file:{parent}"
    return "unknown"


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date string (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD...``)."""
    if not value:
        return None
    text = value.strip()[:10]
    for fmt, width in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text[:width], fmt).date()
        except ValueError:
            continue
    return None


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _side(actor: dict[str, Any] | None, prefix: str) -> dict[str, Any]:
    actor = actor or {}
    country = actor.get("country") or None
    code = actor.get("code") or None
    return {
        f"{prefix}_text": actor.get("text"),
        f"{prefix}_name": actor.get("name"),
        f"{prefix}_code": code,
        f"{prefix}_country": country,
        f"{prefix}_agent": actor.get("agent"),
        # Dyads are counted between countries; actors without one (IGOs, groups) by their code.
        # A bare role ("troops" → MIL) names no one in particular, so it makes no dyad.
        f"{prefix}_key": country or (code if code and code != actor.get("agent") else None),
    }


def article_row(coded: CodedArticle) -> dict[str, Any]:
    a = coded.article
    return {
        "id": a.id, "source": a.source, "url": a.url, "host": host_of(a.source, a.url),
        "title": a.title, "byline": a.byline, "dateline": a.dateline, "agency": a.agency,
        "published": parse_day(a.published), "date_source": a.date_source,
        "captions": _json(a.captions), "language": a.language, "input_kind": a.input_kind,
        "text": a.text, "n_actors": len(coded.actors), "n_events": len(coded.events),
        "n_quotes": len(coded.quotes), "n_quantities": len(coded.quantities),
    }


def event_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    published = parse_day(coded.article.published)
    rows = []
    for e in coded.events:
        loc = e.location or {}
        span = list(e.span or [None, None]) + [None, None]
        rows.append({
            "id": e.id, "article_id": coded.article.id, "code": e.code,
            "base_code": (e.code or "")[:3] or None, "root": e.root, "name": e.name,
            "quad_class": e.quad_class, "goldstein": e.goldstein, "plover": e.plover,
            **_side(e.source, "source"), **_side(e.target, "target"),
            "modality": e.modality, "negated": bool(e.negated), "happened": e.happened,
            "date": e.date, "date_precision": e.date_precision,
            # The day an event is counted on: its own date, else the article's publication day.
            "day": parse_day(e.date) or published,
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "lat": loc.get("lat"), "lon": loc.get("lon"),
            "location_precision": loc.get("precision"),
            "quantities": _json(e.quantities or []), "sentence": e.sentence,
            "span_start": span[0], "span_end": span[1], "trigger": e.trigger, "rule": e.rule,
            "confidence": e.confidence, "attributed_to": e.attributed_to,
            "source": _json(e.source), "target": _json(e.target), "location": _json(e.location),
        })
    return rows


def actor_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    return [
        {"article_id": coded.article.id, "idx": i, "name": a.name, "code": a.code,
         "country": a.country, "agent": a.agent, "kind": a.kind, "titles": _json(a.titles),
         "backer": a.backer, "mentions": _json(a.mentions)}
        for i, a in enumerate(coded.actors)
    ]


def quote_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    rows = []
    for i, q in enumerate(coded.quotes):
        span = list(q.span or []) + [None, None]
        speaker = q.speaker or {}
        rows.append({
            "article_id": coded.article.id, "idx": i, "text": q.text, "kind": q.kind,
            "span_start": span[0], "span_end": span[1], "speaker_name": speaker.get("name"),
            "speaker_code": speaker.get("code"), "cue": q.cue,
        })
    return rows


def quantity_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    rows = []
    for i, q in enumerate(coded.quantities):
        span = list(q.span or []) + [None, None]
        rows.append({
            "article_id": coded.article.id, "idx": i, "value": q.value, "unit": q.unit,
            "text": q.text, "span_start": span[0], "span_end": span[1],
            "approximate": bool(q.approximate),
        })
    return rows


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(
        columns=columns
    )


# ---------------------------------------------------------------------------------------------


LOCK_WAIT_SECONDS = 30.0
"""How long a writer waits for readers (e.g. ``flashpoint serve``) to let go of the file."""


def _connect_writer(path: str, wait: float) -> duckdb.DuckDBPyConnection:
    """Open ``path`` for writing, retrying while another process holds its lock.

    DuckDB allows one writing process per file and no writer while a reader has it open. While
    it waits, the writer says so (:mod:`flashpoint.writerwait`): the web server then lets go of
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
            self._insert("articles", _frame(articles, ARTICLE_COLUMNS))
            self._insert("events", _frame(list(events.values()), EVENT_COLUMNS))
            self._insert("actors", _frame(actors, ACTOR_COLUMNS))
            self._insert("quotes", _frame(quotes, QUOTE_COLUMNS))
            self._insert("quantities", _frame(quantities, QUANTITY_COLUMNS))
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
        from . import analysis

        fused, members = analysis.fuse_events(self.conn, settings=self.settings)
        weekly = analysis.dyad_weekly(self.conn)
        alerts = analysis.escalation_alerts(self.conn, weekly=weekly)
        conn = self.conn
        conn.execute("BEGIN TRANSACTION")
        try:
            for table in DERIVED_TABLES:
                conn.execute(f"DELETE FROM {table}")
            fused_rows = fused.assign(event_ids=fused["event_ids"].map(_json))
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


def alerts_to_frame(alerts: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [
        {"source_key": a["dyad"][0], "target_key": a["dyad"][1], "date": parse_day(a["date"]),
         "rule": a["rule"], "score": a["score"], "explanation": a["explanation"],
         "events": _json(a["events"])}
        for a in alerts
    ]
    return _frame(rows, ["source_key", "target_key", "date", "rule", "score", "explanation", "events"])


def open_readonly(path: str | Path, locked: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection for readers (web server, CLI queries); fails clearly when the file
    is missing or its schema is older than this flashpoint (open it writable once to migrate).
    ``locked``: no access beyond the file (see :mod:`flashpoint.readonly`), for user SQL."""
    from .readonly import connect_locked

    path = str(path)
    if path != ":memory:" and not Path(path).exists():
        raise missing_database(path)
    try:
        conn = connect_locked(path) if locked else duckdb.connect(path, read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database '{path}' read-only: {exc}") from exc
    missing = [n for n, _ in MIGRATIONS if n not in set(applied_migrations(conn))]
    if missing:
        conn.close()
        raise StoreError(
            f"database '{path}' needs migrations {', '.join(missing)}: open it once for writing "
            "(e.g. run `flashpoint ingest`) to upgrade it"
        )
    return conn


def missing_database(path: str) -> StoreError:
    return StoreError(
        f"database '{path}' does not exist: create it with `flashpoint ingest PATH... --db {path}`"
    )


def derived_stale(conn: duckdb.DuckDBPyConnection) -> bool:
    """True when the derived tables lag behind the events (a run ended without a refresh)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'derived_stale'").fetchone()
    return row is None or row[0] == "true"
