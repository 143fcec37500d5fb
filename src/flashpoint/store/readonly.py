"""Read-only connections: opening the file for readers (schema checked), and read-only really
meaning read-only for SQL from users: locked-down DuckDB connections and a statement check.

DuckDB's ``read_only`` flag covers only the opened file: a read-only connection can still
``ATTACH`` another file for writing (and through it the same file), ``COPY``/``EXPORT`` to any
path, read any file with ``read_csv``/``glob``, and ``INSTALL`` extensions from the network.
Readers that run SQL they did not write (``flashpoint query``, the web server) therefore open
the file with :data:`LOCKED_CONFIG` — no file system access beyond the database itself, no
extension install or load, configuration locked so no ``SET`` can undo it — and
:func:`check_read_only_sql` refuses anything but ``SELECT``/``EXPLAIN`` before it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from ..errors import FlashpointError, StoreError
from .schema import check_schema

LOCKED_CONFIG: dict[str, Any] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    # Last: once set, no later SET (in the config or a statement) can change the others.
    "lock_configuration": True,
}
"""DuckDB settings of every connection that runs SQL from a user or a client."""

ALLOWED_STATEMENTS = frozenset({"SELECT", "EXPLAIN"})
"""Statement types a read-only query may hold (``DESCRIBE``/``SHOW``/``SUMMARIZE`` are SELECTs)."""


class ReadOnlyViolation(FlashpointError):
    """SQL that would write, attach, copy, export, install, load or configure something."""

    code = "E420"


def check_read_only_sql(sql: str) -> None:
    """Raise :class:`ReadOnlyViolation` unless every statement of ``sql`` only reads.

    ``ATTACH``, ``DETACH``, ``USE``, ``COPY``, ``EXPORT``, ``INSTALL``, ``LOAD``, ``SET``,
    ``PRAGMA``, ``CALL`` and every kind of write are refused by statement type, as DuckDB's own
    parser sees them (no pattern matching on the text). Unparseable SQL raises DuckDB's error.
    """
    for statement in duckdb.extract_statements(sql):
        kind = statement.type.name
        if kind not in ALLOWED_STATEMENTS:
            raise ReadOnlyViolation(
                f"refused: {kind} statements are not allowed in a read-only query "
                "(only SELECT and EXPLAIN)"
            )


def connect_locked(path: str | Path, **config: Any) -> duckdb.DuckDBPyConnection:
    """A read-only connection to ``path`` that can reach nothing but that file.

    ``config`` adds DuckDB settings (e.g. ``threads``) before the lock.
    """
    settings = {**config, **LOCKED_CONFIG}
    return duckdb.connect(str(path), read_only=True, config=settings)


def open_readonly(path: str | Path, locked: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection for readers (web server, CLI queries); fails clearly when the file
    is missing or its schema is older than this flashpoint (open it writable once to migrate).
    ``locked``: no access beyond the file (:func:`connect_locked`), for user SQL."""
    path = str(path)
    if path != ":memory:" and not Path(path).exists():
        raise missing_database(path)
    try:
        conn = connect_locked(path) if locked else duckdb.connect(path, read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database '{path}' read-only: {exc}") from exc
    check_schema(conn, path)
    return conn


def missing_database(path: str) -> StoreError:
    """The error of a reader given a database file that does not exist."""
    return StoreError(
        f"database '{path}' does not exist: create it with `flashpoint ingest PATH... --db {path}`"
    )
