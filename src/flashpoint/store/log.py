"""The ingest log (``flashpoint.store.log``): one row per input, keyed by the input's path, holding its latest outcome.

An input is a file or one record of a container (``dump.jsonl#3``, ``crawl.warc.gz#https://…``);
its path names it across runs. Each run writes the outcome it reached for every input it saw:
a changed outcome replaces the row, an unchanged one leaves it (and its ``run_id``/``time``) as
first written, and an input whose article a previous run stored from it (same id, same text)
is *already stored*: its row stays as it is. So ``ingest_log`` never holds more rows than distinct inputs, however often
the same inputs are ingested or a killed run is resumed, and ``stats`` counts each input once.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from ..guards import truncation_note
from ..records import ALREADY_STORED, CodedArticle, Duplicate, Rejection

LOG_COLUMNS = [
    "key", "path", "article_id", "status", "reason", "duplicate_of", "kind", "similarity",
    "run_id", "time",
]
# Columns whose change makes a new outcome for an input (not run_id/time).
_OUTCOME = ("path", "article_id", "status", "reason", "duplicate_of", "kind", "similarity")

Outcome = CodedArticle | Duplicate | Rejection


def log_key(path: str) -> str:
    """The ingest_log key of an input: a hash of its path."""
    return hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()


def log_row(outcome: Outcome, run_id: str, now: datetime) -> dict[str, Any]:
    """One ingest_log row for an outcome."""
    if isinstance(outcome, CodedArticle):
        a = outcome.article
        row = {"path": a.source or a.url or a.id, "article_id": a.id, "status": "ingested",
               "reason": truncation_note(a), "duplicate_of": None, "kind": None,
               "similarity": None}
    elif isinstance(outcome, Duplicate):
        row = {"path": outcome.path, "article_id": outcome.article_id, "status": "duplicate",
               "reason": f"{outcome.kind} duplicate of {outcome.duplicate_of}",
               "duplicate_of": outcome.duplicate_of, "kind": outcome.kind,
               "similarity": outcome.similarity}
    else:
        row = {"path": outcome.path, "article_id": None, "status": "rejected",
               "reason": outcome.reason, "duplicate_of": None, "kind": None, "similarity": None}
    row["key"] = log_key(row["path"])
    row["run_id"] = run_id
    row["time"] = now
    return row


def write_log(conn: duckdb.DuckDBPyConnection, batch: list[Outcome], run_id: str,
              now: datetime) -> None:
    """Record a batch's outcomes (inside the caller's transaction), one row per input path."""
    fresh: dict[str, dict[str, Any]] = {}
    keep: dict[str, dict[str, Any]] = {}
    for outcome in batch:
        row = log_row(outcome, run_id, now)
        if isinstance(outcome, Duplicate) and outcome.kind == ALREADY_STORED:
            keep.setdefault(row["key"], row)  # the row of the run that stored it stays
        else:
            fresh[row["key"]] = row  # the same path twice in a batch: its last outcome
    for key in fresh:
        keep.pop(key, None)
    if fresh:
        changed = " OR ".join(f'l."{c}" IS DISTINCT FROM n."{c}"' for c in _OUTCOME)
        # An input whose outcome changed gets the new row; an unchanged one keeps its row.
        _with_rows(conn, list(fresh.values()),
                   f"DELETE FROM ingest_log l USING _log n WHERE l.key = n.key AND ({changed})")
        _insert(conn, list(fresh.values()))
    if keep:
        _insert(conn, list(keep.values()))


def _insert(conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    cols = ", ".join(f'"{c}"' for c in LOG_COLUMNS)
    _with_rows(conn, rows,
               f"INSERT INTO ingest_log ({cols}) SELECT {cols} FROM _log ON CONFLICT DO NOTHING")


def _with_rows(conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]], sql: str) -> None:
    """Run ``sql`` with ``rows`` visible as the table ``_log``."""
    conn.register("_log", pd.DataFrame.from_records(rows, columns=LOG_COLUMNS))
    try:
        conn.execute(sql)
    finally:
        conn.unregister("_log")


def m004_log_by_path(conn: duckdb.DuckDBPyConnection) -> None:
    """Migration: re-key ingest_log by path, keeping each input's latest row (older databases
    keyed rows by outcome, so an input whose outcome changed between runs had two)."""
    rows = conn.execute(
        f"SELECT {', '.join(LOG_COLUMNS)} FROM ingest_log ORDER BY time, key"
    ).fetchall()
    latest: dict[str, dict[str, Any]] = {}
    for values in rows:
        row = dict(zip(LOG_COLUMNS, values, strict=True))
        row["key"] = log_key(row["path"] or "")
        latest[row["key"]] = row
    conn.execute("DELETE FROM ingest_log")
    if latest:
        _insert(conn, list(latest.values()))
