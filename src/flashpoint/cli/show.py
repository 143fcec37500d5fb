"""Rich terminal rendering of database results: tables of frames, sparklines, the ``stats``
summary. Cells are data (article text, SQL results): escaped, so ``[/]`` is printed, not parsed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .common import console

if TYPE_CHECKING:
    import pandas as pd

SPARK = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """A one-line chart of non-negative values (one block character per value)."""
    top = max(values, default=0) or 1
    return "".join(SPARK[min(len(SPARK) - 1, int(v / top * (len(SPARK) - 1)))] for v in values)


def frame_table(frame: pd.DataFrame, title: str | None = None, max_rows: int = 200) -> Table:
    """A rich table of a DataFrame (first ``max_rows`` rows)."""
    from ..store import plain

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
    from ..store import QUAD_CLASS_NAMES, Database
    from ..store import open as open_db

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
    for q, name in QUAD_CLASS_NAMES.items():
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


def print_frame(frame: pd.DataFrame, format: str, table: Table) -> None:
    """A result frame on stdout as JSON records, CSV, or else the given rich table."""
    if format == "json":
        from ..store import frame_records

        sys.stdout.write(json.dumps(frame_records(frame), ensure_ascii=False, indent=2) + "\n")
    elif format == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    else:
        console.print(table)


def dyad_view(series: pd.DataFrame, a: str, b: str, freq: str, directed: bool) -> list[Any]:
    """A dyad's time series as a table and two sparklines (events, material conflict)."""
    import pandas as pd

    arrow = "→" if directed else "↔"
    table = Table(title=escape(f"{a} {arrow} {b} by {freq}"))
    for col in ("period", "events", "q1", "q2", "q3", "q4", "Goldstein sum", "Goldstein mean"):
        table.add_column(col, justify="left" if col == "period" else "right")
    for r in series.itertuples(index=False):
        mean = "" if pd.isna(r.goldstein_mean) else f"{r.goldstein_mean:+.2f}"
        table.add_row(pd.Timestamp(r.period).date().isoformat(), str(r.events), str(r.q1),
                      str(r.q2), str(r.q3), str(r.q4), f"{r.goldstein_sum:+.1f}", mean)
    return [table, f"events      {sparkline(list(series['events']))}",
            f"conflict q4 {sparkline(list(series['q4']))}"]
