"""``flashpoint eval``: detect the gold format, run the matching scorer, render the scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from ..errors import GoldFormatError
from ..settings import Settings


def detect_format(path: Path) -> str:
    """``plover`` (event rows with source/target/plover) or ``quotes`` (articles with quotes)."""
    try:
        with open(path, encoding="utf-8") as fh:
            first = json.loads(fh.readline())
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file {path}: {exc}") from exc
    if "events" in first:
        return "plover"
    if "quotes" in first:
        return "quotes"
    raise GoldFormatError(
        f"{path}: unknown gold format (expected rows with 'events' (PLOVER) or 'quotes')"
    )


def evaluate_file(path: Path, settings: Settings | None = None, limit: int | None = None) -> dict[str, Any]:
    """Score the pipeline on a gold file; returns a JSON-ready dict with a ``kind`` key."""
    from ..pipeline import Pipeline

    path = Path(path)
    if not path.exists():
        raise GoldFormatError(f"gold file not found: {path}")
    kind = detect_format(path)
    pipeline = Pipeline(settings)
    if kind == "plover":
        from .events import evaluate_plover

        scores = evaluate_plover(path, pipeline, limit=limit)
    else:
        from .quotes import evaluate_quotes

        scores = evaluate_quotes(path, pipeline, limit=limit)
    return {"kind": kind, "gold": str(path), **scores}


def render_scores(scores: dict[str, Any], console: Console) -> None:
    """Print overall figures and any per-type breakdown as tables."""
    overall = {k: v for k, v in scores.items() if isinstance(v, int | float)}
    table = Table(title=f"{scores.get('kind')} evaluation", caption=str(scores.get("gold")))
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in overall.items():
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)
    for key, value in scores.items():
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            sub = Table(title=key)
            cols = sorted({c for v in value.values() for c in v})
            sub.add_column("type")
            for c in cols:
                sub.add_column(c, justify="right")
            for name, row in sorted(value.items()):
                sub.add_row(
                    name,
                    *[
                        f"{row.get(c):.3f}" if isinstance(row.get(c), float) else str(row.get(c, ""))
                        for c in cols
                    ],
                )
            console.print(sub)
