"""Questions to the event database, as pandas DataFrames: events with filters, dyad time
series, top dyads and actors, the actor network.

:class:`EventFilters` and :func:`event_where` are the one meaning of an events filter, used by
:meth:`flashpoint.store.reader.Database.events` (the Python API), ``flashpoint events`` and the
web API's ``/api/events``.

Only events that *happened* count (``modality = 'actual'`` and not negated). A dyad is an ordered
pair (source, target) of actor keys: the actor's country (ISO alpha-3), or its code when it has no
country (an IGO, a militia).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, NamedTuple

import duckdb
import pandas as pd

from .schema import DYAD, HAPPENED

QUAD_CLASS_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                    4: "material conflict"}
"""CAMEO's four QuadClasses by number."""


class Network(NamedTuple):
    """The actor network: one row per actor (``nodes``) and per directed dyad (``edges``)."""

    nodes: pd.DataFrame
    edges: pd.DataFrame


# ---------------------------------------------------------------------------------------------
# Events, dyads, actors


@dataclass
class EventFilters:
    """Filters of an events listing (every field optional; all given ones must hold). The one
    meaning of each filter for :meth:`flashpoint.store.reader.Database.events`, ``flashpoint events``
    and the web API's ``/api/events``."""

    actor: str | None = None  # actor key, country or code, on either side
    country: str | None = None  # ISO alpha-3 on either side
    source: str | None = None
    target: str | None = None
    dyad: str | None = None  # "A-B": events between A and B, either direction
    root: str | None = None
    code: str | None = None  # CAMEO code or prefix ("19" matches 190..196x)
    quad_class: int | None = None
    start: str | None = None
    end: str | None = None
    modality: str | None = None
    happened: bool | None = None
    article_id: str | None = None
    q: str | None = None  # text in the evidence sentence or trigger (literal, case-insensitive)

    def as_dict(self) -> dict[str, Any]:
        """The filters that are set (to echo back and to build page links)."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) not in (None, "")}


def parse_dyad(dyad: str) -> tuple[str, str]:
    """``"USA-IRN"`` → ``("USA", "IRN")``; raises ValueError on anything else."""
    parts = [p.strip() for p in dyad.split("-")]
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"dyad must look like 'A-B' (two actor keys), not {dyad!r}")
    return parts[0], parts[1]


def contains(column: str) -> str:
    """SQL for "``column`` holds the parameter's text", case-insensitive and literal: the text is
    no LIKE pattern, so ``%`` and ``_`` match only themselves."""
    return f"contains(lower({column}), lower(?))"


def event_where(f: EventFilters) -> tuple[str, list[Any]]:
    """The WHERE clause over ``events e`` and its parameters for the filters: the one filter
    builder of the Python API, the CLI and the web API."""
    clauses, params = ["TRUE"], []
    exact = {"source": "e.source_key", "target": "e.target_key", "root": "e.root",
             "quad_class": "e.quad_class", "article_id": "e.article_id",
             "modality": "e.modality"}
    for name, column in exact.items():
        value = getattr(f, name)
        if value not in (None, ""):
            clauses.append(f"{column} = ?")
            params.append(value)
    if f.actor:
        clauses.append("(e.source_key = ? OR e.target_key = ?)")
        params += [f.actor, f.actor]
    if f.country:
        clauses.append("(e.source_country = ? OR e.target_country = ?)")
        params += [f.country, f.country]
    if f.dyad:
        a, b = parse_dyad(f.dyad)
        clauses.append(
            "((e.source_key = ? AND e.target_key = ?) OR (e.source_key = ? AND e.target_key = ?))"
        )
        params += [a, b, b, a]
    if f.code:
        clauses.append("starts_with(e.code, ?)")
        params.append(f.code)
    if f.start:
        clauses.append("e.day >= CAST(? AS DATE)")
        params.append(f.start)
    if f.end:
        clauses.append("e.day <= CAST(? AS DATE)")
        params.append(f.end)
    if f.happened is not None:
        clauses.append("e.happened = ?")
        params.append(bool(f.happened))
    if f.q:
        clauses.append(f"({contains('e.sentence')} OR {contains('e.trigger')})")
        params += [f.q, f.q]
    return " AND ".join(clauses), params


EVENT_ORDER = "ORDER BY e.day DESC NULLS LAST, e.id"
"""The order of every events listing: newest first."""


def events(
    conn: duckdb.DuckDBPyConnection,
    filters: EventFilters | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    search: str | None = None,
    **fields_: Any,
) -> pd.DataFrame:
    """Events matching the filters (an :class:`EventFilters` or its fields as keywords: source,
    target, actor, country, dyad, root, code, quad_class, start, end, modality, happened,
    article_id, q), newest first; ``limit``/``offset`` paginate.

    ``source``/``target``/``actor`` match actor keys (country or code); ``code`` is a CAMEO code
    or prefix; ``start``/``end`` are inclusive ISO days; ``happened=True`` keeps only events that
    happened; ``q`` (alias ``search``) is literal text in the evidence sentence or trigger.
    """
    if search is not None:
        fields_.setdefault("q", search)
    f = filters if filters is not None else EventFilters(**fields_)
    where, params = event_where(f)
    if limit is None:
        return conn.execute(f"SELECT * FROM events e WHERE {where} {EVENT_ORDER}", params).df()
    # Page on the narrow columns first, then read the wide rows of that page only.
    page = (f"SELECT e.id FROM events e WHERE {where} {EVENT_ORDER} "
            f"LIMIT {int(limit)} OFFSET {int(offset)}")
    return conn.execute(f"SELECT * FROM events e WHERE e.id IN ({page}) {EVENT_ORDER}",
                        params).df()


def dyad_series(
    conn: duckdb.DuckDBPyConnection, a: str, b: str, freq: str = "week", directed: bool = False
) -> pd.DataFrame:
    """Counts by QuadClass and Goldstein sum/mean of the dyad a→b (and b→a unless ``directed``)
    per day or week; periods between the first and last event with no events are 0 rows."""
    if freq not in {"day", "week"}:
        raise ValueError(f"freq must be 'day' or 'week', not {freq!r}")
    pair = "(source_key = ? AND target_key = ?)"
    params: list[Any] = [a, b]
    if not directed:
        pair = f"({pair} OR {pair})"
        params += [b, a]
    frame = conn.execute(
        f"""
        SELECT CAST(date_trunc('{freq}', day) AS DATE) AS period, count(*) AS events,
               count(*) FILTER (quad_class = 1) AS q1, count(*) FILTER (quad_class = 2) AS q2,
               count(*) FILTER (quad_class = 3) AS q3, count(*) FILTER (quad_class = 4) AS q4,
               coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein) AS goldstein_mean
        FROM events WHERE {HAPPENED} AND {pair}
        GROUP BY period ORDER BY period
        """,
        params,
    ).df()
    if frame.empty:
        return frame
    step = "D" if freq == "day" else "7D"
    full = pd.date_range(frame["period"].min(), frame["period"].max(), freq=step)
    frame["period"] = pd.to_datetime(frame["period"])
    frame = frame.set_index("period").reindex(full)
    counts = ["events", "q1", "q2", "q3", "q4"]
    frame[counts] = frame[counts].fillna(0).astype(int)
    frame["goldstein_sum"] = frame["goldstein_sum"].fillna(0.0)
    frame.index.name = "period"
    return frame.reset_index()


def top_dyads(
    conn: duckdb.DuckDBPyConnection, n: int | None = 10, from_weekly: bool = False
) -> pd.DataFrame:
    """The directed dyads with most events that happened: counts, QuadClass split, Goldstein,
    and the number of distinct articles reporting them.

    ``from_weekly`` sums the ``dyad_weekly`` pre-aggregation (same numbers, much faster on large
    databases; only valid when the derived tables are fresh).
    """
    limit = f"LIMIT {int(n)}" if n else ""
    if from_weekly:
        totals = """
            SELECT source_key AS source, target_key AS target, sum(events) AS events,
                   sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4,
                   sum(goldstein_sum) AS goldstein_sum,
                   sum(goldstein_sum) / sum(events) AS goldstein_mean
            FROM dyad_weekly GROUP BY ALL"""
    else:
        totals = f"""
            SELECT source_key AS source, target_key AS target, count(*) AS events,
                   count(*) FILTER (quad_class = 1) AS q1, count(*) FILTER (quad_class = 2) AS q2,
                   count(*) FILTER (quad_class = 3) AS q3, count(*) FILTER (quad_class = 4) AS q4,
                   sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean
            FROM events WHERE happened AND {DYAD} GROUP BY ALL"""
    # Distinct articles only for the dyads listed: counting them for every dyad is the slow part.
    frame = conn.execute(
        f"""
        WITH top AS ({totals} ORDER BY events DESC, source, target {limit}),
        arts AS (
            SELECT e.source_key AS source, e.target_key AS target,
                   count(DISTINCT e.article_id) AS articles
            FROM events e JOIN top ON e.source_key = top.source AND e.target_key = top.target
            WHERE e.happened GROUP BY ALL
        )
        SELECT source, target, events, articles, q1, q2, q3, q4, goldstein_sum, goldstein_mean
        FROM top JOIN arts USING (source, target) ORDER BY events DESC, source, target
        """
    ).df()
    for col in ("events", "articles", "q1", "q2", "q3", "q4"):
        frame[col] = frame[col].astype("int64")
    return frame


def top_actors(conn: duckdb.DuckDBPyConnection, n: int | None = 10) -> pd.DataFrame:
    """Actors (country or code) by events that happened, as source, as target and in all."""
    limit = f"LIMIT {int(n)}" if n else ""
    return conn.execute(
        f"""
        WITH sides AS (
            SELECT source_key AS actor, 1 AS as_source, 0 AS as_target, goldstein
            FROM events WHERE happened AND source_key IS NOT NULL
            UNION ALL
            SELECT target_key, 0, 1, goldstein FROM events
            WHERE happened AND target_key IS NOT NULL
        )
        SELECT actor, sum(as_source) AS as_source, sum(as_target) AS as_target,
               count(*) AS events, avg(goldstein) AS goldstein_mean
        FROM sides GROUP BY actor ORDER BY events DESC, actor {limit}
        """
    ).df()


def network(conn: duckdb.DuckDBPyConnection, min_events: int = 1) -> Network:
    """Actors as nodes and directed dyads as edges weighted by event count (and Goldstein)."""
    edges = top_dyads(conn, n=None)
    edges = edges[edges["events"] >= min_events].reset_index(drop=True)
    edges = edges.rename(columns={"events": "weight"})
    out = edges.groupby("source")["weight"].sum().rename("out_weight")
    inc = edges.groupby("target")["weight"].sum().rename("in_weight")
    nodes = pd.concat([out, inc], axis=1).fillna(0).astype(int)
    nodes["degree"] = (
        edges.groupby("source").size().reindex(nodes.index, fill_value=0)
        + edges.groupby("target").size().reindex(nodes.index, fill_value=0)
    )
    nodes["weight"] = nodes["out_weight"] + nodes["in_weight"]
    nodes.index.name = "actor"
    nodes = nodes.reset_index().sort_values(["weight", "actor"], ascending=[False, True])
    return Network(nodes.reset_index(drop=True), edges)
