"""The dashboard's and API's questions to the database: parameterised SQL returning plain dicts.

Each function takes a read-only cursor and returns JSON-ready values (ISO dates, parsed JSON
columns), so the same result is rendered as HTML and served as JSON. The analyses themselves come
from :mod:`flashpoint.store.queries`; what is here are the listings with filters and pagination the
web needs (total counts, modality/country/dyad filters, quotes by speaker, fused mentions).
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from typing import Any

import duckdb

from . import queries
from .queries import EVENT_ORDER, EventFilters, contains, event_where
from .reader import Database
from .rows import frame_records

MAX_LIMIT = 500
"""The most rows one listing request may return (``limit`` is clamped to it)."""

JSON_COLUMNS = {"source", "target", "location", "quantities", "captions", "titles", "mentions",
                "events", "event_ids"}

EVENT_LIST_COLUMNS = (
    "e.id, e.article_id, e.day, e.date, e.code, e.root, e.name, e.quad_class, e.goldstein, "
    "e.plover, e.source_key, e.source_name, e.source_code, e.target_key, e.target_name, "
    "e.target_code, e.modality, e.negated, e.happened, e.trigger, e.sentence, e.location_name, "
    "e.location_country, e.confidence, e.attributed_to, a.title AS article_title"
)


def _value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in JSON_COLUMNS and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def fetch_dicts(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Run a parameterised query; rows as dicts of JSON-ready values."""
    result = cur.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [{n: _value(n, v) for n, v in zip(names, row, strict=True)} for row in result.fetchall()]


def clamp(limit: int | None, default: int = 50) -> int:
    """A page size within 1..MAX_LIMIT."""
    if limit is None:
        return default
    return max(1, min(int(limit), MAX_LIMIT))


# ---------------------------------------------------------------------------------------------
# Events


def list_events(
    cur: duckdb.DuckDBPyConnection, filters: EventFilters, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """One page of events matching the filters, newest first, with the total count."""
    where, params = event_where(filters)
    rows = fetch_dicts(
        cur,
        f"SELECT {EVENT_LIST_COLUMNS} FROM events e LEFT JOIN articles a ON a.id = e.article_id "
        f"WHERE {where} {EVENT_ORDER} LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    if rows and len(rows) < limit or (not rows and offset == 0):
        total = offset + len(rows)  # the last page: no need to count
    else:
        total = cur.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "filters": filters.as_dict(),
            "events": rows}


def event_detail(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with its article's title/date and the other mentions fused with it."""
    rows = fetch_dicts(
        cur,
        "SELECT e.*, a.title AS article_title, a.published AS article_published, "
        "a.source AS article_source, a.url AS article_url "
        "FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
        [event_id],
    )
    if not rows:
        return None
    event = rows[0]
    fused = fetch_dicts(
        cur,
        "SELECT f.fused_id, f.num_mentions, f.num_articles, f.num_sources, f.day, f.last_day "
        "FROM fused_members m JOIN fused_events f ON f.fused_id = m.fused_id "
        "WHERE m.event_id = ?",
        [event_id],
    )
    mentions: list[dict[str, Any]] = []
    if fused:
        mentions = fetch_dicts(
            cur,
            "SELECT e.id, e.article_id, e.day, e.code, e.name, e.trigger, e.sentence, "
            "a.title AS article_title FROM fused_members m JOIN events e ON e.id = m.event_id "
            "LEFT JOIN articles a ON a.id = e.article_id "
            "WHERE m.fused_id = ? AND e.id <> ? ORDER BY e.day, e.id LIMIT ?",
            [fused[0]["fused_id"], event_id, MAX_LIMIT],
        )
    event["fused"] = fused[0] if fused else None
    event["fused_mentions"] = mentions
    return event


# ---------------------------------------------------------------------------------------------
# Articles


def list_articles(
    cur: duckdb.DuckDBPyConnection, limit: int = 50, offset: int = 0, q: str | None = None
) -> dict[str, Any]:
    """One page of articles (without their text), newest first, with the total count."""
    where, params = "TRUE", []
    if q:
        where = f"({contains('title')} OR {contains('text')})"
        params = [q, q]
    total = cur.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]
    rows = fetch_dicts(
        cur,
        "SELECT id, title, byline, dateline, agency, published, source, url, host, language, "
        f"input_kind, n_actors, n_events, n_quotes, n_quantities FROM articles WHERE {where} "
        "ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return {"total": total, "limit": limit, "offset": offset, "articles": rows}


def article_detail(cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article with its text, actors, events, quotes and quantities (the JSON contract's
    shape, from the store)."""
    rows = fetch_dicts(cur, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    actors = fetch_dicts(
        cur, "SELECT * EXCLUDE (article_id) FROM actors WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    events = fetch_dicts(
        cur, "SELECT * FROM events WHERE article_id = ? ORDER BY span_start NULLS LAST, id",
        [article_id],
    )
    quotes = fetch_dicts(
        cur, "SELECT * EXCLUDE (article_id) FROM quotes WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    quantities = fetch_dicts(
        cur, "SELECT * EXCLUDE (article_id) FROM quantities WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    return {"article": rows[0], "actors": actors, "events": events, "quotes": quotes,
            "quantities": quantities}


# ---------------------------------------------------------------------------------------------
# Quotes, dyads, overview


def list_quotes(
    cur: duckdb.DuckDBPyConnection,
    speaker: str | None = None,
    actor: str | None = None,
    q: str | None = None,
    article_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """One page of quotations; ``speaker`` matches the speaker's name (substring), ``actor`` the
    speaker's actor code or its prefix (``USA`` matches ``USAGOV``)."""
    clauses, params = ["TRUE"], []
    if speaker:
        clauses.append(contains("q.speaker_name"))
        params.append(speaker)
    if actor:
        clauses.append("starts_with(q.speaker_code, ?)")
        params.append(actor)
    if q:
        clauses.append(contains("q.text"))
        params.append(q)
    if article_id:
        clauses.append("q.article_id = ?")
        params.append(article_id)
    where = " AND ".join(clauses)
    total = cur.execute(f"SELECT count(*) FROM quotes q WHERE {where}", params).fetchone()[0]
    rows = fetch_dicts(
        cur,
        "SELECT q.article_id, q.idx, q.text, q.kind, q.span_start, q.span_end, q.speaker_name, "
        "q.speaker_code, q.cue, a.title AS article_title, a.published "
        f"FROM quotes q LEFT JOIN articles a ON a.id = q.article_id WHERE {where} "
        "ORDER BY a.published DESC NULLS LAST, q.article_id, q.idx LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return {"total": total, "limit": limit, "offset": offset, "quotes": rows}


def dyad_detail(
    cur: duckdb.DuckDBPyConnection, a: str, b: str, freq: str = "week", limit: int = 100
) -> dict[str, Any]:
    """The dyad a–b (both directions): its time series and the events behind it."""
    series = frame_records(queries.dyad_series(cur, a, b, freq=freq))
    events = list_events(cur, EventFilters(dyad=f"{a}-{b}"), limit=limit)
    summary = cur.execute(
        "SELECT count(*) FILTER (happened), avg(goldstein) FILTER (happened), "
        "count(*) FILTER (quad_class = 4 AND happened) FROM events "
        "WHERE (source_key = ? AND target_key = ?) OR (source_key = ? AND target_key = ?)",
        [a, b, b, a],
    ).fetchone()
    return {
        "dyad": [a, b], "freq": freq, "series": series,
        "happened": summary[0], "goldstein_mean": _value("", summary[1]),
        "material_conflict": summary[2], "events": events,
    }


def alerts(cur: duckdb.DuckDBPyConnection, limit: int = 50) -> list[dict[str, Any]]:
    """Escalation alerts, newest first."""
    return Database(cur).alert_list()[:limit]


def overview(cur: duckdb.DuckDBPyConnection, top: int = 10) -> dict[str, Any]:
    """Counts, top dyads, latest alerts and latest articles for the front page."""
    one = cur.execute
    counts = dict(zip(
        ["articles", "events", "events_happened", "quotes", "actors"],
        one(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM events WHERE happened), (SELECT count(*) FROM quotes), "
            "(SELECT count(*) FROM actors)"
        ).fetchone(),
        strict=True,
    ))
    span = one("SELECT min(day), max(day) FROM events WHERE happened").fetchone()
    by_quad = {str(k): v for k, v in one(
        "SELECT quad_class, count(*) FROM events WHERE happened GROUP BY 1 ORDER BY 1"
    ).fetchall()}
    return {
        "counts": counts,
        "first_day": _value("", span[0]),
        "last_day": _value("", span[1]),
        "by_quad_class": by_quad,
        "top_dyads": frame_records(queries.top_dyads(cur, top)),
        "alerts": alerts(cur, 10),
        "latest_articles": list_articles(cur, limit=8)["articles"],
    }
