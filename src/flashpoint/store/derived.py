"""Derived tables, rebuilt from the events at the end of every ingest run
(:meth:`flashpoint.store.writer.Store.refresh`) and computed on the fly by readers when stale:
weekly dyad counts, cross-article event fusion and escalation alerts.

Escalation alert rules (parameters in :class:`AlertRules`):

``goldstein-drop``
    A dyad's weekly Goldstein mean falls ``drop_sd`` or more standard deviations below the mean of
    its own trailing baseline (the previous ``baseline_weeks`` weeks that had events, at least
    ``min_history`` of them; the SD is floored at ``sd_floor`` so a quiet dyad is not alarmed by
    noise) in a week with at least ``drop_min_events`` events. Score: the drop in SDs.
    Evidence: that week's events below the baseline mean.
``first-material-conflict``
    The first material-conflict event (QuadClass 4) in a dyad whose earlier events — at least
    ``min_verbal`` of them — were all verbal (QuadClass 1 or 3). Score: the number of verbal events
    before. Evidence: the QuadClass-4 events of that first day.
``conflict-spike``
    A dyad's weekly count of QuadClass-4 events is at least ``spike_min`` and ``spike_sd`` SDs
    above its trailing ``baseline_weeks``-week mean (weeks without events count as 0; at least
    ``min_history`` weeks since the dyad's first event). Score: the excess in SDs.
    Evidence: that week's QuadClass-4 events.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

import duckdb
import pandas as pd

from ..settings import Settings
from .schema import DYAD, HAPPENED

FUSION_MAX_KM = 50.0
"""Two mentions with coordinates farther apart than this are different events."""


@dataclass(frozen=True)
class AlertRules:
    """Thresholds of the escalation rules (see the module docstring)."""

    baseline_weeks: int = 8
    min_history: int = 4
    drop_sd: float = 2.0
    sd_floor: float = 1.0
    min_verbal: int = 3
    spike_min: int = 3
    spike_sd: float = 3.0
    max_evidence: int = 20
    drop_min_events: int = 3


def _week(day: Any) -> date:
    d = pd.Timestamp(day).date()
    return d - timedelta(days=d.weekday())



def dyad_weekly(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Weekly (Monday-start) counts by QuadClass and Goldstein sum/mean of every directed dyad
    (undated events in a ``week = NULL`` row, so the rows add up to all that happened)."""
    return conn.execute(
        f"""
        SELECT source_key, target_key, CAST(date_trunc('week', day) AS DATE) AS week,
               CAST(count(*) AS INTEGER) AS events,
               CAST(count(*) FILTER (quad_class = 1) AS INTEGER) AS q1,
               CAST(count(*) FILTER (quad_class = 2) AS INTEGER) AS q2,
               CAST(count(*) FILTER (quad_class = 3) AS INTEGER) AS q3,
               CAST(count(*) FILTER (quad_class = 4) AS INTEGER) AS q4,
               sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean
        FROM events WHERE happened AND {DYAD}
        GROUP BY ALL ORDER BY source_key, target_key, week NULLS FIRST
        """
    ).df()


# ---------------------------------------------------------------------------------------------
# Fusion


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def fuse_events(
    conn: duckdb.DuckDBPyConnection,
    settings: Settings | None = None,
    max_km: float = FUSION_MAX_KM,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group mentions of the same real-world event across articles.

    Mentions fuse when they have the same CAMEO root, the same source and target key, days within
    ``settings.fusion_window_days`` of the cluster's first day, compatible places (same location
    country, or one unknown) and, when both have coordinates, lie within ``max_km`` of the
    cluster's first located mention. Returns ``(fused, members)``: one row per fused event with
    ``num_mentions`` (every mention, several per article possible — as GDELT counts them),
    ``num_articles`` (distinct articles) and ``num_sources`` (distinct outlets, see
    :func:`flashpoint.store.host_of`), and the ``(event_id, fused_id)`` evidence links.
    """
    window = int((settings or Settings()).fusion_window_days)
    tmp = f"_fusion_{uuid.uuid4().hex[:8]}"  # private to this call (readers may share a conn)
    # Chains of mentions whose consecutive days are within the window (per root and dyad) bound
    # every possible cluster: a single-mention chain is its own event, and only longer chains
    # need the place-aware grouping below — most mentions never reach Python.
    conn.execute(
        f"""
        CREATE TEMP TABLE {tmp} AS
        WITH h AS (
            SELECT e.id, e.article_id, e.root, e.code, e.name, e.quad_class, e.goldstein,
                   coalesce(e.source_key, '') AS source_key,
                   coalesce(e.target_key, '') AS target_key, e.day, e.location_country,
                   e.lat, e.lon, a.host
            FROM events e LEFT JOIN articles a ON a.id = e.article_id
            WHERE e.happened AND e.day IS NOT NULL
        ), s AS (
            SELECT *, CASE WHEN day - lag(day) OVER w > {window} THEN 1 ELSE 0 END AS brk
            FROM h WINDOW w AS (PARTITION BY root, source_key, target_key ORDER BY day, id)
        ), g AS (
            SELECT *, sum(brk) OVER (PARTITION BY root, source_key, target_key ORDER BY day, id
                                     ROWS UNBOUNDED PRECEDING) AS chain
            FROM s
        )
        SELECT * EXCLUDE (brk),
               count(*) OVER (PARTITION BY root, source_key, target_key, chain) AS chain_size
        FROM g
        """
    )
    try:
        rows = conn.execute(
            f"""
            SELECT id, root, source_key, target_key, day, location_country, lat, lon
            FROM {tmp} WHERE chain_size > 1
            ORDER BY root, source_key, target_key, day, id
            """
        ).fetchall()
        cluster_of = _place_clusters(rows, window, max_km)
        assign = pd.DataFrame(
            {"id": list(cluster_of), "cluster": list(cluster_of.values())},
            columns=["id", "cluster"],
        ).astype({"id": "object", "cluster": "object"})
        name = f"{tmp}_assign"
        conn.register(name, assign)
        try:
            # A mention outside any multi-mention chain is an event of its own.
            conn.execute(
                f"""
                CREATE TEMP TABLE {tmp}_m AS
                SELECT f.*, coalesce(a.cluster, f.id) AS cluster,
                       row_number() OVER (ORDER BY f.root, f.source_key, f.target_key, f.day,
                                          f.id) AS seq
                FROM {tmp} f LEFT JOIN {name} a ON a.id = f.id
                """
            )
        finally:
            conn.unregister(name)
        fused = conn.execute(
            f"""
            WITH codes AS (
                SELECT cluster, code, count(*) AS n FROM {tmp}_m GROUP BY cluster, code
                QUALIFY row_number() OVER (PARTITION BY cluster ORDER BY n DESC, code) = 1
            ), rep AS (
                SELECT m.* FROM {tmp}_m m JOIN codes c USING (cluster, code)
                QUALIFY row_number() OVER (PARTITION BY m.cluster ORDER BY m.seq) = 1
            ), place AS (
                SELECT cluster, location_country, count(*) AS n, min(seq) AS first
                FROM {tmp}_m WHERE location_country IS NOT NULL
                GROUP BY cluster, location_country
                QUALIFY row_number() OVER (PARTITION BY cluster ORDER BY n DESC, first) = 1
            ), agg AS (
                SELECT cluster,
                       left(sha256(string_agg(id, chr(31) ORDER BY id)), 16) AS fused_id,
                       min(day) AS day, max(day) AS last_day,
                       avg(lat) FILTER (lat IS NOT NULL AND lon IS NOT NULL) AS lat,
                       avg(lon) FILTER (lat IS NOT NULL AND lon IS NOT NULL) AS lon,
                       count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
                       count(DISTINCT coalesce(host, '')) AS num_sources,
                       list(id ORDER BY id) AS event_ids
                FROM {tmp}_m GROUP BY cluster
            )
            SELECT agg.fused_id, rep.root, rep.code, rep.name, rep.quad_class, rep.goldstein,
                   nullif(rep.source_key, '') AS source_key,
                   nullif(rep.target_key, '') AS target_key, agg.day, agg.last_day,
                   place.location_country, agg.lat, agg.lon, agg.num_mentions,
                   agg.num_articles, agg.num_sources, agg.event_ids
            FROM agg JOIN rep USING (cluster) LEFT JOIN place USING (cluster)
            ORDER BY num_mentions DESC, day, fused_id
            """
        ).df()
    finally:
        conn.execute(f"DROP TABLE IF EXISTS {tmp}_m")
        conn.execute(f"DROP TABLE IF EXISTS {tmp}")
    fused["event_ids"] = fused["event_ids"].map(list)
    for col in ("num_mentions", "num_articles", "num_sources"):
        fused[col] = fused[col].astype("int64")
    members = fused[["fused_id", "event_ids"]].explode("event_ids")
    members = members.rename(columns={"event_ids": "event_id"})[["event_id", "fused_id"]]
    return fused.reset_index(drop=True), members.reset_index(drop=True)


def _place_clusters(
    rows: list[tuple], window: int, max_km: float
) -> dict[str, str]:
    """Cluster labels for mentions of one (root, dyad) chain, in day order: a mention joins the
    first open cluster (first day within ``window``) whose place is compatible, else opens one."""
    cluster_of: dict[str, str] = {}
    open_: list[dict[str, Any]] = []
    group = None
    n = 0
    for event_id, root, source_key, target_key, day, country, lat, lon in rows:
        if (root, source_key, target_key) != group:
            group, open_ = (root, source_key, target_key), []
        open_ = [c for c in open_ if (day - c["day"]).days <= window]
        home = None
        for c in open_:
            if country and c["country"] and country != c["country"]:
                continue
            if _present(lat) and _present(lon) and c["lat"] is not None:
                if _km(lat, lon, c["lat"], c["lon"]) > max_km:
                    continue
            home = c
            break
        if home is None:
            n += 1
            # The control character keeps cluster labels apart from event ids.
            home = {"day": day, "country": country, "lat": None, "lon": None,
                    "label": f"\x1f{n}"}
            open_.append(home)
        cluster_of[event_id] = home["label"]
        home["country"] = home["country"] or country
        if home["lat"] is None and _present(lat) and _present(lon):
            home["lat"], home["lon"] = lat, lon
    return cluster_of


# ---------------------------------------------------------------------------------------------
# Escalation alerts


def escalation_alerts(
    conn: duckdb.DuckDBPyConnection,
    rules: AlertRules | None = None,
    weekly: pd.DataFrame | None = None,
) -> list[dict[str, Any]]:
    """Escalation alerts by the documented rules, newest first; each is
    ``{"dyad": [A, B], "date", "rule", "score", "explanation", "events": [ids]}``."""
    rules = rules or AlertRules()
    weekly = dyad_weekly(conn) if weekly is None else weekly
    weekly = weekly[weekly["week"].notna()]
    found: list[tuple[dict[str, Any], Evidence]] = []
    if not weekly.empty:
        for (a, b), g in weekly.groupby(["source_key", "target_key"], sort=True):
            if len(g) > rules.min_history:
                found += _goldstein_drop(a, b, g, rules)
            if g["q4"].max() >= rules.spike_min:
                found += _conflict_spike(a, b, g, rules)
    found += _first_material_conflict(conn, rules)
    evidence = _evidence(conn, [spec for _, spec in found], rules.max_evidence)
    alerts = []
    for i, (alert, _) in enumerate(found):
        alert["events"] = evidence.get(i, [])
        alerts.append(alert)
    alerts.sort(key=lambda x: (x["date"], x["score"], x["rule"], x["dyad"]), reverse=True)
    return alerts


class Evidence(NamedTuple):
    """Which events stand behind an alert: a dyad's happened events in ``[start, end)``, only
    QuadClass 4 (``conflict``) and/or only below a Goldstein value; most negative first."""

    source: str
    target: str
    start: date
    end: date
    conflict: bool = False
    below: float | None = None


def _evidence(
    conn: duckdb.DuckDBPyConnection, specs: list[Evidence], limit: int
) -> dict[int, list[str]]:
    # One query for all alerts: per-alert look-ups cost a scan each on large databases.
    if not specs:
        return {}
    frame = pd.DataFrame(specs, columns=list(Evidence._fields)).reset_index(names="idx")
    name = f"_evidence_{uuid.uuid4().hex[:8]}"
    conn.register(name, frame)
    try:
        rows = conn.execute(
            f"""
            SELECT s.idx, e.id FROM {name} s JOIN events e
              ON e.source_key = s.source AND e.target_key = s.target
             AND e.day >= CAST(s.start AS DATE) AND e.day < CAST(s."end" AS DATE)
            WHERE e.happened AND (NOT s.conflict OR e.quad_class = 4)
              AND (s.below IS NULL OR e.goldstein < s.below)
            QUALIFY row_number() OVER (PARTITION BY s.idx ORDER BY e.goldstein, e.id) <= {limit}
            ORDER BY s.idx, e.goldstein, e.id
            """
        ).fetchall()
    finally:
        conn.unregister(name)
    out: dict[int, list[str]] = {}
    for idx, event_id in rows:
        out.setdefault(int(idx), []).append(event_id)
    return out


def _baseline(values, i: int, rules: AlertRules):
    """The trailing window before week ``i``, its mean and its SD (never below the SD floor)."""
    base = values[max(0, i - rules.baseline_weeks): i]
    sd = max(float(base.std(ddof=1)) if len(base) > 1 else 0.0, rules.sd_floor)
    return base, float(base.mean()), sd


def _goldstein_drop(
    a: str, b: str, g: pd.DataFrame, rules: AlertRules
) -> list[tuple[dict[str, Any], Evidence]]:
    out = []
    means = g["goldstein_mean"].to_numpy()
    counts = g["events"].to_numpy()
    weeks = list(g["week"])
    for i in range(rules.min_history, len(g)):
        if counts[i] < rules.drop_min_events:
            continue
        base, mu, sd = _baseline(means, i, rules)
        score = (mu - float(means[i])) / sd
        if score < rules.drop_sd:
            continue
        week = _week(weeks[i])
        alert = {
            "dyad": [a, b], "date": week.isoformat(), "rule": "goldstein-drop",
            "score": round(score, 2),
            "explanation": (
                f"weekly Goldstein mean {means[i]:.1f} ({int(counts[i])} events) in the week of "
                f"{week} is {score:.1f} SD below its trailing baseline {mu:.1f} "
                f"(SD {sd:.1f}, {len(base)} weeks with events)"
            ),
        }
        out.append((alert, Evidence(a, b, week, week + timedelta(days=7), below=mu)))
    return out


def _conflict_spike(
    a: str, b: str, g: pd.DataFrame, rules: AlertRules
) -> list[tuple[dict[str, Any], Evidence]]:
    weeks = pd.to_datetime(g["week"])
    full = pd.date_range(weeks.min(), weeks.max(), freq="7D")
    q4 = g.set_index(weeks)["q4"].reindex(full, fill_value=0).to_numpy()
    out = []
    for i in range(rules.min_history, len(full)):
        if q4[i] < rules.spike_min:
            continue
        base, mu, sd = _baseline(q4, i, rules)
        score = (float(q4[i]) - mu) / sd
        if score < rules.spike_sd:
            continue
        week = full[i].date()
        alert = {
            "dyad": [a, b], "date": week.isoformat(), "rule": "conflict-spike",
            "score": round(score, 2),
            "explanation": (
                f"{int(q4[i])} material-conflict events in the week of {week}, "
                f"{score:.1f} SD above the trailing {len(base)}-week mean {mu:.1f}"
            ),
        }
        out.append((alert, Evidence(a, b, week, week + timedelta(days=7), conflict=True)))
    return out


def _first_material_conflict(
    conn: duckdb.DuckDBPyConnection, rules: AlertRules
) -> list[tuple[dict[str, Any], Evidence]]:
    rows = conn.execute(
        f"""
        WITH first AS (
            SELECT source_key, target_key, min(day) AS day FROM events
            WHERE {HAPPENED} AND {DYAD} AND quad_class = 4 GROUP BY ALL
        ), before AS (
            SELECT f.source_key, f.target_key, f.day,
                   count(*) FILTER (e.quad_class IN (1, 3)) AS verbal,
                   count(*) FILTER (e.quad_class NOT IN (1, 3)) AS other
            FROM first f JOIN events e ON e.source_key = f.source_key
                 AND e.target_key = f.target_key AND e.happened AND e.day < f.day
            GROUP BY ALL
        )
        SELECT source_key, target_key, day, verbal FROM before
        WHERE other = 0 AND verbal >= ? ORDER BY source_key, target_key
        """,
        [rules.min_verbal],
    ).fetchall()
    out = []
    for a, b, day, verbal in rows:
        alert = {
            "dyad": [a, b], "date": day.isoformat(), "rule": "first-material-conflict",
            "score": float(verbal),
            "explanation": (
                f"first material-conflict event on {day} after {verbal} verbal-only "
                f"events (QuadClass 1/3)"
            ),
        }
        out.append((alert, Evidence(a, b, day, day + timedelta(days=1), conflict=True)))
    return out
