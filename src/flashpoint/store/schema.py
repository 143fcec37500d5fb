"""The database schema: base and derived table columns, and the named, ordered migrations that
build them (the ``migrations`` table records which ones ran).

Base tables (``articles``, ``actors``, ``events``, ``quotes``, ``quantities``, ``ingest_log``)
are written by :mod:`flashpoint.store.writer`; derived tables (``fused_events``,
``fused_members``, ``dyad_weekly``, ``alerts``) are rebuilt from the events by
:mod:`flashpoint.store.derived`. ``meta.derived_stale`` says when they lag behind.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import duckdb

from ..errors import StoreError
from .log import m004_log_by_path

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
HAPPENED = "happened AND day IS NOT NULL"
"""SQL: an event that happened (actual, not negated) on a known day."""
DYAD = "source_key IS NOT NULL AND target_key IS NOT NULL"
"""SQL: an event between two actor keys (a dyad)."""
BASE_TABLES = ["articles", "actors", "events", "quotes", "quantities", "ingest_log"]
DERIVED_TABLES = ["fused_events", "fused_members", "dyad_weekly", "alerts"]


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




def check_schema(conn: duckdb.DuckDBPyConnection, path: str) -> None:
    """Raise :class:`StoreError` (closing ``conn``) when a migration is missing: a reader cannot
    upgrade the file, so the message says how to."""
    applied = set(applied_migrations(conn))
    missing = [name for name, _ in MIGRATIONS if name not in applied]
    if missing:
        conn.close()
        raise StoreError(
            f"database '{path}' needs migrations {', '.join(missing)}: open it once for writing "
            "(e.g. run `flashpoint ingest`) to upgrade it"
        )


def derived_stale(conn: duckdb.DuckDBPyConnection) -> bool:
    """True when the derived tables lag behind the events (a run ended without a refresh)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'derived_stale'").fetchone()
    return row is None or row[0] == "true"
