"""The event database (a DuckDB file): one package for everything that touches it.

==============  ==============================================================================
``schema``      table columns, named migrations, the schema check readers make
``rows``        coded records flattened into rows; cells back to plain JSON-ready values
``log``         the ingest log: one row per input, its latest outcome
``writer``      :class:`Store`: one transaction per batch, idempotent; refreshes derived tables
``derived``     the derived tables' contents: weekly dyads, fusion, escalation alerts
``readonly``    read-only connections (missing-file and schema checks, locked-down user SQL)
``reader``      :class:`Database` (``flashpoint.open``): the analyst's read API
``queries``     events with filters (the one filter builder), dyad series, top dyads/actors
``listings``    the web's paged listings as JSON-ready dicts
``pool``        the web server's shared read connection, closed when idle or a writer waits
``export``      JSONL, CSV, Parquet, GDELT 2.0, PLOVER
``writerwait``  the marker a waiting writer leaves for readers
==============  ==============================================================================
"""

from __future__ import annotations

from .derived import AlertRules
from .queries import QUAD_CLASS_NAMES, EventFilters, Network
from .reader import Database, open
from .readonly import missing_database, open_readonly
from .rows import frame_records, host_of, parse_day, plain
from .schema import (
    BASE_TABLES,
    DERIVED_TABLES,
    MIGRATIONS,
    applied_migrations,
    derived_stale,
    migrate,
)
from .writer import Store

__all__ = [
    "BASE_TABLES",
    "DERIVED_TABLES",
    "MIGRATIONS",
    "AlertRules",
    "Database",
    "EventFilters",
    "Network",
    "QUAD_CLASS_NAMES",
    "Store",
    "applied_migrations",
    "derived_stale",
    "frame_records",
    "host_of",
    "migrate",
    "missing_database",
    "open",
    "open_readonly",
    "parse_day",
    "plain",
]
