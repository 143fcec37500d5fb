"""Score whole articles against full-article gold (``articles_dev.jsonl``).

Per article, gold events and predicted actual events become **sets** of (root, source country,
target country) triples (country: first three letters of the actor code, ``IGO`` for IGOs, the
Soviet Union as ``RUS``, ``-`` for a missing side); precision, recall and F1 are micro-averaged
over articles. The same on roots alone and on country pairs alone, and the share of actual
events whose both sides are placed (a country, or an international actor). Equal to
``../shared/tools/score_articles.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from ..records import CodedArticle, Event
from .coding import (
    actual_events,
    code_rows,
    country,
    event_root,
    is_placed,
    prf,
    read_rows,
    side_code,
)

__all__ = ["ArticleScores", "evaluate_articles", "gold_events_ok", "score_articles"]

Key = Callable[[str, str, str], object]
VIEWS: dict[str, Key] = {
    "triples": lambda root, src, tgt: (root, src, tgt),
    "roots": lambda root, src, tgt: root,
    "country_pairs": lambda root, src, tgt: (src, tgt),
}


@dataclass
class ArticleScores:
    """Micro P/R/F1 per view (triples, roots, country pairs) and the placed-sides share."""

    articles: int = 0
    rejected: int = 0
    gold_events: int = 0
    actual_events: int = 0
    both_sides_placed: float = 0.0
    views: dict[str, dict[str, float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flat = {f"{view}_f1": s["f1"] for view, s in self.views.items()}
        return {
            "articles": self.articles,
            "rejected": self.rejected,
            "gold_events": self.gold_events,
            "actual_events": self.actual_events,
            **flat,
            "both_sides_placed": self.both_sides_placed,
            "by_view": {view: dict(s) for view, s in self.views.items()},
        }


def gold_events_ok(row: dict[str, Any]) -> bool:
    return isinstance(row.get("events"), list) and all(
        isinstance(e, dict) and isinstance(e.get("code"), str) for e in row["events"]
    )


def gold_triples(row: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The (root, source country, target country) of every gold event of a row."""
    return [(e["code"][:2], country(e.get("source")), country(e.get("target"))) for e in row["events"]]


def predicted_triple(event: Event) -> tuple[str, str, str]:
    """The (root, source country, target country) an event is scored as."""
    return (event_root(event), country(side_code(event.source)), country(side_code(event.target)))


def _predicted_triples(coded: CodedArticle | None) -> list[tuple[str, str, str]]:
    return [predicted_triple(e) for e in actual_events(coded)]


def score_articles(rows: list[dict[str, Any]], coded: list[CodedArticle | None]) -> ArticleScores:
    """Compare coded articles with their gold rows (same order)."""
    result = ArticleScores(articles=len(rows), rejected=sum(c is None for c in coded))
    counts = {view: [0, 0, 0] for view in VIEWS}  # tp, predicted, gold
    for row, doc in zip(rows, coded, strict=True):
        gold = gold_triples(row)
        pred = _predicted_triples(doc)
        result.gold_events += len(row["events"])
        for view, key in VIEWS.items():
            g = {key(*t) for t in gold}
            p = {key(*t) for t in pred}
            c = counts[view]
            c[0] += len(g & p)
            c[1] += len(p)
            c[2] += len(g)
    result.views = {view: prf(*c) for view, c in counts.items()}
    events = [e for doc in coded for e in actual_events(doc)]
    result.actual_events = len(events)
    if events:
        result.both_sides_placed = sum(is_placed(e.source) and is_placed(e.target) for e in events) / len(events)
    return result


def evaluate_articles(path: str | Path, pipeline, limit: int | None = None) -> ArticleScores:
    """Code the gold articles with ``pipeline`` and score them."""
    rows = read_rows(path, "articles", limit)
    for n, row in enumerate(rows, 1):
        if not gold_events_ok(row):
            raise GoldFormatError(f"{path}: row {n} needs 'events' with a 'code' each")
    return score_articles(rows, code_rows(rows, pipeline, str(path)))
