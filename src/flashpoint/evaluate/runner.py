"""``flashpoint eval``: detect the gold format, run the matching scorer, render the scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from ..errors import GoldFormatError
from ..settings import Settings

KINDS = ("plover", "quotes", "articles", "gsr", "case", "glocon")


def kind_of_row(row: object) -> str | None:
    """The gold kind a first row belongs to, or ``None`` when it fits none.

    ``plover``: events with ``plover``; ``articles``: events with a CAMEO ``code``; ``gsr``:
    events with ``roots``; ``quotes``: ``quotes``; ``case``: a string ``label`` (event subtype);
    ``glocon``: an integer ``label`` (0 = no protest, 1/2 = protest).
    """
    if not isinstance(row, dict):
        return None
    events = row.get("events")
    if isinstance(events, list):
        first = next((e for e in events if isinstance(e, dict)), {})
        if "plover" in first:
            return "plover"
        if "roots" in first:
            return "gsr"
        if "code" in first:
            return "articles"
        return "articles" if "title" in row or "date" in row else "plover"
    if "quotes" in row:
        return "quotes"
    label = row.get("label")
    if isinstance(label, str):
        return "case"
    if isinstance(label, int) and not isinstance(label, bool):
        return "glocon"
    return None


def detect_format(path: Path) -> str:
    """The gold kind of a file from its first row (see :func:`kind_of_row`)."""
    try:
        with open(path, encoding="utf-8") as fh:
            first = json.loads(fh.readline())
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file {path}: {exc}") from exc
    kind = kind_of_row(first)
    if kind is None:
        raise GoldFormatError(
            f"{path}: unknown gold format (expected rows with 'events' (PLOVER, article or GSR "
            "events), 'quotes', or a 'label' (CASE subtype or GLOCON protest flag))"
        )
    return kind


def score_kind(kind: str, path: Path, pipeline, limit: int | None = None) -> dict[str, Any]:
    """Run the scorer of ``kind`` on ``path`` with an already loaded pipeline."""
    if kind == "plover":
        from .events import evaluate_plover

        scores = evaluate_plover(path, pipeline, limit=limit)
    elif kind == "quotes":
        from .quotes import evaluate_quotes

        scores = evaluate_quotes(path, pipeline, limit=limit)
    elif kind == "articles":
        from .articles import evaluate_articles

        scores = evaluate_articles(path, pipeline, limit=limit).to_dict()
    elif kind == "gsr":
        from .gsr import evaluate_gsr

        scores = evaluate_gsr(path, pipeline, limit=limit).to_dict()
    elif kind == "case":
        from .case import evaluate_case

        scores = evaluate_case(path, pipeline, limit=limit).to_dict()
    elif kind == "glocon":
        from .glocon import evaluate_glocon

        scores = evaluate_glocon(path, pipeline, limit=limit).to_dict()
    else:
        raise GoldFormatError(f"unknown gold kind {kind!r} (one of {', '.join(KINDS)})")
    return {"kind": kind, "gold": str(path), **scores}


def evaluate_file(path: Path, settings: Settings | None = None, limit: int | None = None) -> dict[str, Any]:
    """Score the pipeline on a gold file; returns a JSON-ready dict with a ``kind`` key."""
    from ..pipeline import Pipeline

    path = Path(path)
    if not path.exists():
        raise GoldFormatError(f"gold file not found: {path}")
    kind = detect_format(path)
    return score_kind(kind, path, Pipeline(settings), limit=limit)


# The headline figures of each kind, in the order a one-line summary shows them.
HEADLINES: dict[str, tuple[str, ...]] = {
    "plover": ("recall", "accuracy_on_found", "found_rate"),
    "quotes": ("precision", "recall", "speaker_accuracy"),
    "articles": ("triples_f1", "roots_f1", "country_pairs_f1", "both_sides_placed"),
    "gsr": ("precision", "recall", "f1", "dyad_recall"),
    "case": ("recall", "false_violence_rate"),
    "glocon": ("precision", "recall", "f1"),
}


def summary_line(name: str, scores: dict[str, Any]) -> str:
    """One compact line: the set's name and its headline figures to 3 decimals."""
    keys = HEADLINES.get(str(scores.get("kind")), ())
    figures = " ".join(f"{k}={scores[k]:.3f}" for k in keys if isinstance(scores.get(k), float))
    if scores.get("kind") == "articles":
        by_view = scores.get("by_view", {})
        triples = by_view.get("triples", {})
        figures += f" (triples P={triples.get('precision', 0.0):.3f} R={triples.get('recall', 0.0):.3f})"
    return f"{name:<20} {figures}"


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
