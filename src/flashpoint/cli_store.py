"""The database commands of the ``flashpoint`` CLI: ``stats``, ``dyad``, ``query``, ``export``,
``events``.

Each is a thin wrapper over :class:`flashpoint.store.Database`; :func:`register` adds them to
the main Typer app. A missing or unreadable database is a clear message and exit code 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .errors import FlashpointError

console = Console()
err_console = Console(stderr=True)

DbOpt = Annotated[
    Path, typer.Option("--db", help="DuckDB event database (written by `flashpoint ingest`).")
]
SPARK = "▁▂▃▄▅▆▇█"
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def _fail(exc: Exception) -> None:
    err_console.print(f"[bold red]error:[/] {escape(str(exc))}")
    raise typer.Exit(code=2)


def _open(db: Path, locked: bool = False):
    from .store import open as open_db

    try:
        return open_db(db, locked=locked)
    except FlashpointError as exc:
        _fail(exc)


def sparkline(values: list[float]) -> str:
    """A one-line chart of non-negative values (one block character per value)."""
    top = max(values, default=0) or 1
    return "".join(SPARK[min(len(SPARK) - 1, int(v / top * (len(SPARK) - 1)))] for v in values)


def frame_table(frame: pd.DataFrame, title: str | None = None, max_rows: int = 200) -> Table:
    """A rich table of a DataFrame (first ``max_rows`` rows)."""
    from .store import plain

    table = Table(title=escape(title) if title else None, show_lines=False)
    for col in frame.columns:
        table.add_column(escape(str(col)), overflow="fold")
    # Cells are data (article text, SQL results): escaped so "[/]" is printed, not parsed.
    for row in frame.head(max_rows).itertuples(index=False):
        table.add_row(*["" if plain(v) is None else escape(str(plain(v))) for v in row])
    if len(frame) > max_rows:
        table.caption = f"{max_rows} of {len(frame)} rows"
    return table


def summary(db: str | Path | Any) -> Group:
    """A rich renderable summarising a database: ingest accounting, events by root and QuadClass,
    top dyads, alerts with their explanations (what ``flashpoint stats`` prints)."""
    from .store import Database
    from .store import open as open_db

    database = db if isinstance(db, Database) else open_db(db)
    stats = database.stats()
    ingest = stats["ingest"]
    head = Text.assemble(
        (f"{stats['articles']:,}", "bold"), " articles · ",
        (f"{stats['events']:,}", "bold"), f" events ({stats['events_happened']:,} happened) · ",
        (f"{stats['fused_events']:,}", "bold"), " fused real-world events · ",
        (f"{stats['quotes']:,}", "bold"), " quotes\ninputs: ",
        (f"{ingest['ingested']:,} ingested", "green"), ", ",
        (f"{ingest['duplicate']:,} duplicate", "yellow"), ", ",
        (f"{ingest['rejected']:,} rejected", "red"),
    )
    quads = Table(title="Events that happened, by QuadClass")
    quads.add_column("QuadClass")
    quads.add_column("events", justify="right")
    for q, name in QUAD_NAMES.items():
        quads.add_row(f"{q} {name}", f"{stats['by_quad_class'].get(str(q), 0):,}")
    roots = Table(title="by CAMEO root")
    roots.add_column("root")
    roots.add_column("name")
    roots.add_column("events", justify="right")
    for r in stats["by_root"]:
        roots.add_row(escape(r["root"] or ""), escape(r["name"] or ""), f"{r['events']:,}")
    dyads = Table(title="Top dyads (source → target)")
    for col, justify in (("dyad", "left"), ("events", "right"), ("material conflict", "right"),
                         ("Goldstein mean", "right")):
        dyads.add_column(col, justify=justify)  # type: ignore[arg-type]
    for d in stats["dyads"]:
        dyads.add_row(escape(" → ".join(d["dyad"])), f"{d['events']:,}", f"{d['q4']:,}",
                      f"{d['goldstein_mean']:+.2f}")
    alerts: list[Any] = [Text("Escalation alerts", style="bold")]
    for a in stats["alerts"][:20]:
        alerts.append(Text.assemble(
            (a["date"], "bold"), "  ", (" → ".join(a["dyad"]), "bold red"), "  ",
            (a["rule"], "magenta"), f"  score {a['score']:.1f}\n    {a['explanation']}",
        ))
        # The evidence: what happened, in the article's own words.
        for event_id in a["events"][:3]:
            event = database.event(event_id)
            if event:
                sentence = " ".join(str(event.get("sentence") or "").split())
                alerts.append(Text.assemble(
                    "      ", (f"{event.get('code')} {event.get('name') or ''}", "cyan"),
                    f" ({event.get('day') or event.get('date') or '?'}): ",
                    (sentence[:160] + ("…" if len(sentence) > 160 else ""), "dim"),
                ))
        if len(a["events"]) > 3:
            alerts.append(Text(f"      … {len(a['events']) - 3} more events: "
                               + ", ".join(a["events"][3:8]), style="dim"))
    if not stats["alerts"]:
        alerts.append(Text("  none", style="dim"))
    elif len(stats["alerts"]) > 20:
        alerts.append(Text(f"  … 20 of {len(stats['alerts'])} alerts (--format json for all)"))
    return Group(Panel(head, title=f"flashpoint · {escape(str(getattr(database, 'path', db)))}"), quads,
                 roots, dyads, *alerts)


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
        plot_dyad(series, a, b, png, directed)
    if format == "json":
        from .store import frame_records

        sys.stdout.write(json.dumps(frame_records(series), indent=2) + "\n")
        return
    if format == "csv":
        sys.stdout.write(series.to_csv(index=False, date_format="%Y-%m-%d"))
        return
    arrow = "→" if directed else "↔"
    if series.empty:
        console.print(escape(f"no events that happened between {a} {arrow} {b}"))
        return
    table = Table(title=escape(f"{a} {arrow} {b} by {freq}"))
    for col in ("period", "events", "q1", "q2", "q3", "q4", "Goldstein sum", "Goldstein mean"):
        table.add_column(col, justify="left" if col == "period" else "right")
    for r in series.itertuples(index=False):
        mean = "" if pd.isna(r.goldstein_mean) else f"{r.goldstein_mean:+.2f}"
        table.add_row(pd.Timestamp(r.period).date().isoformat(), str(r.events), str(r.q1),
                      str(r.q2), str(r.q3), str(r.q4), f"{r.goldstein_sum:+.1f}", mean)
    console.print(table)
    console.print(f"events      {sparkline(list(series['events']))}")
    console.print(f"conflict q4 {sparkline(list(series['q4']))}")
    if png:
        console.print(escape(f"timeline drawn to {png}"))


def plot_dyad(series: pd.DataFrame, a: str, b: str, out: Path, directed: bool = False) -> None:
    """Draw a dyad timeline (stacked QuadClass counts and the Goldstein mean) as a PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no display: the CLI and servers draw to files
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4))
    if not series.empty:
        x = pd.to_datetime(series["period"])
        bottom = None
        colors = {"q1": "#4c9f70", "q2": "#1f6f43", "q3": "#e69f00", "q4": "#c0392b"}
        width = 0.8 if len(series) < 2 else (x.iloc[1] - x.iloc[0]).days * 0.8
        for q, color in colors.items():
            ax.bar(x, series[q], width=width, bottom=bottom, color=color,
                   label=QUAD_NAMES[int(q[1])])
            bottom = series[q] if bottom is None else bottom + series[q]
        ax2 = ax.twinx()
        ax2.plot(x, series["goldstein_mean"], color="black", marker="o", label="Goldstein mean")
        ax2.axhline(0, color="grey", linewidth=0.5)
        ax2.set_ylim(-10.5, 10.5)
        ax2.set_ylabel("Goldstein mean")
        ax.legend(loc="upper left", fontsize="small")
    import matplotlib.dates as mdates

    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    ax.set_ylabel("events")
    ax.set_title(f"{a} {'→' if directed else '↔'} {b}")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=100)
    plt.close(fig)


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


def print_frame(frame: pd.DataFrame, format: str, table: Table) -> None:
    """A result frame on stdout as JSON records, CSV, or else the given rich table."""
    if format == "json":
        from .store import frame_records

        sys.stdout.write(json.dumps(frame_records(frame), ensure_ascii=False, indent=2) + "\n")
    elif format == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    else:
        console.print(table)


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
    from .store.queries import EventFilters, parse_dyad

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
    from .store.export import FORMATS

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
