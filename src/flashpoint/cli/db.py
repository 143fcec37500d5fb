"""The database commands of the ``flashpoint`` CLI: ``stats``, ``dyad``, ``query``, ``export``,
``events``.

Each is a thin wrapper over :class:`flashpoint.store.Database`; :func:`register` adds them to
the main Typer app. A missing or unreadable database is a clear message and exit code 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import FlashpointError
from .common import DbOpt, console, err_console
from .common import fail as _fail
from .common import open_db as _open
from .show import dyad_view, frame_table, print_frame, summary


def stats(
    db: DbOpt = Path("flashpoint.duckdb"),
    format: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
    top: Annotated[int, typer.Option("--top", help="How many dyads to list.")] = 10,
) -> None:
    """Summarise the event database: ingest accounting, events, top dyads, escalation alerts."""
    if format not in {"table", "json"}:
        _fail(FlashpointError(f"unknown format '{format}': choose table or json"))
    database = _open(db)
    with database:
        if format == "json":
            sys.stdout.write(json.dumps(database.stats(top), ensure_ascii=False, indent=2) + "\n")
        else:
            console.print(summary(database))


def dyad(
    a: Annotated[str, typer.Argument(help="First actor key (country code such as USA, or actor code).")],
    b: Annotated[str, typer.Argument(help="Second actor key.")],
    db: DbOpt = Path("flashpoint.duckdb"),
    freq: Annotated[str, typer.Option("--freq", help="day | week")] = "week",
    directed: Annotated[
        bool, typer.Option("--directed", help="Only A → B (default: both directions).")
    ] = False,
    png: Annotated[Path | None, typer.Option("--png", help="Also draw the timeline here.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
) -> None:
    """Timeline of a dyad: events by QuadClass and Goldstein per day or week."""
    if freq not in {"day", "week"}:
        _fail(FlashpointError(f"unknown frequency '{freq}': choose day or week"))
    a, b = a.upper(), b.upper()  # actor keys are upper-case CAMEO/ISO codes
    database = _open(db)
    with database:
        series = database.dyad(a, b, freq=freq, directed=directed)
    if png:
        from ..plot import plot_dyad

        plot_dyad(series, a, b, png, directed)
    if format == "json":
        from ..store import frame_records

        sys.stdout.write(json.dumps(frame_records(series), indent=2) + "\n")
        return
    if format == "csv":
        sys.stdout.write(series.to_csv(index=False, date_format="%Y-%m-%d"))
        return
    if series.empty:
        arrow = "→" if directed else "↔"
        console.print(escape(f"no events that happened between {a} {arrow} {b}"))
        return
    for part in dyad_view(series, a, b, freq, directed):
        console.print(part)
    if png:
        console.print(escape(f"timeline drawn to {png}"))


def query(
    sql: Annotated[str, typer.Argument(help="SQL to run (the database is opened read-only).")],
    db: DbOpt = Path("flashpoint.duckdb"),
    format: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
) -> None:
    """Run a read-only SQL query against the event database."""
    if format not in {"table", "json", "csv"}:
        _fail(FlashpointError(f"unknown format '{format}': choose table, json or csv"))
    database = _open(db, locked=True)  # user SQL: nothing beyond the file, whatever it says
    with database:
        try:
            frame = database.query(sql)
        except Exception as exc:  # DuckDB parser/binder/read-only errors: a message, not a trace
            _fail(FlashpointError(f"query failed: {exc}"))
            return
    print_frame(frame, format, frame_table(frame))


def events(
    db: DbOpt = Path("flashpoint.duckdb"),
    actor: Annotated[str | None, typer.Option("--actor", help="Actor key (country or code), either side.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO alpha-3 country, either side.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Source actor key.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Target actor key.")] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="'A-B': between A and B, both directions.")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root, e.g. 19.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code or prefix (04 matches 040-046).")] = None,
    quad_class: Annotated[int | None, typer.Option("--quad-class", help="QuadClass 1-4.")] = None,
    start: Annotated[str | None, typer.Option("--start", help="First day (YYYY-MM-DD), inclusive.")] = None,
    end: Annotated[str | None, typer.Option("--end", help="Last day (YYYY-MM-DD), inclusive.")] = None,
    modality: Annotated[str | None, typer.Option("--modality", help="actual | planned | threatened | hypothetical")] = None,
    happened: Annotated[
        bool | None, typer.Option("--happened/--not-happened", help="Only events that did (not) happen.")
    ] = None,
    article_id: Annotated[str | None, typer.Option("--article", help="Events of one article.")] = None,
    q: Annotated[str | None, typer.Option("--search", "-q", help="Text in the sentence or trigger.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many events.")] = None,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many events.")] = 0,
    format: Annotated[str, typer.Option("--format", "-f", help="table | json | csv")] = "table",
) -> None:
    """List events, newest first, with the same filters as the Python API and the web API."""
    from ..store.queries import EventFilters, parse_dyad

    if format not in {"table", "json", "csv"}:
        _fail(FlashpointError(f"unknown format '{format}': choose table, json or csv"))
    keys = {k: v.upper() if v else v for k, v in
            {"actor": actor, "country": country, "source": source, "target": target,
             "dyad": dyad}.items()}
    if keys["dyad"]:
        try:
            parse_dyad(keys["dyad"])
        except ValueError as exc:
            _fail(FlashpointError(str(exc)))
    filters = EventFilters(**keys, root=root, code=code, quad_class=quad_class, start=start,
                           end=end, modality=modality, happened=happened, article_id=article_id,
                           q=q)
    database = _open(db)
    with database:
        try:
            frame = database.events(filters, limit=limit, offset=offset)
        except Exception as exc:  # a bad date or value: a message, not a trace
            _fail(FlashpointError(f"events failed: {exc}"))
            return
    columns = ["id", "day", "code", "name", "source_key", "target_key", "modality", "negated",
               "trigger", "sentence"]
    print_frame(frame, format, frame_table(frame[columns], title=f"{len(frame)} events"))


def export(
    out: Annotated[Path, typer.Argument(help="Output file.")],
    db: DbOpt = Path("flashpoint.duckdb"),
    format: Annotated[
        str, typer.Option("--format", "-f", help="jsonl | csv | parquet | gdelt | plover")
    ] = "jsonl",
) -> None:
    """Export events: JSONL/CSV/Parquet (every mention), GDELT 2.0 TSV or PLOVER JSON (fused
    events that happened)."""
    from ..store.export import FORMATS

    if format not in FORMATS:
        _fail(FlashpointError(f"unknown format '{format}': choose one of {', '.join(FORMATS)}"))
    database = _open(db)
    with database:
        n = database.export(format, out)
    err_console.print(escape(f"{n} rows → {out} ({format})"))


def register(app: typer.Typer) -> None:
    """Add ``stats``, ``dyad``, ``query``, ``export`` and ``events`` to the flashpoint Typer app."""
    app.command("stats")(stats)
    app.command("dyad")(dyad)
    app.command("query")(query)
    app.command("export")(export)
    app.command("events")(events)
