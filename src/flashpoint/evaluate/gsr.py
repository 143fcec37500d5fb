"""Score the coder on the CAMEO codebook example sentences (``cameo_gsr_dev.jsonl``).

A sentence is *right* when some actual event has a root among the gold ``roots``, a source
whose country is among the gold sources' and a target whose country is among the gold
targets' (an empty gold list matches anything). Precision = right sentences / actual events
produced, recall = right sentences / sentences. Dyad recall: the same without the root.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from ..records import CodedArticle, Event
from .coding import actual_events, code_rows, country, event_root, prf, read_rows, side_code

__all__ = ["GsrScores", "evaluate_gsr", "event_fits", "score_gsr"]


@dataclass
class GsrScores:
    """Sentence-level root + countries P/R/F1 and dyad recall, with recall per gold root."""

    sentences: int = 0
    rejected: int = 0
    actual_events: int = 0
    right: int = 0
    dyad_right: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    dyad_recall: float = 0.0
    by_root: dict[str, dict[str, float | int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _countries(codes: list[str] | None) -> set[str]:
    return {country(c) for c in codes or []}


def event_fits(event: Event, gold: dict[str, Any], with_root: bool = True) -> bool:
    """Whether ``event`` matches a gold event (roots, source countries, target countries)."""
    if with_root and event_root(event) not in {str(r)[:2] for r in gold.get("roots") or []}:
        return False
    for side, codes in ((event.source, gold.get("source")), (event.target, gold.get("target"))):
        wanted = _countries(codes)
        if wanted and country(side_code(side)) not in wanted:
            return False
    return True


def score_gsr(rows: list[dict[str, Any]], coded: list[CodedArticle | None]) -> GsrScores:
    """Compare coded sentences with their gold rows (same order)."""
    result = GsrScores(sentences=len(rows), rejected=sum(c is None for c in coded))
    per_root: dict[str, Counter] = {}
    for row, doc in zip(rows, coded, strict=True):
        events = actual_events(doc)
        result.actual_events += len(events)
        golds = row.get("events") or []
        right = any(event_fits(e, g) for e in events for g in golds)
        dyad = any(event_fits(e, g, with_root=False) for e in events for g in golds)
        result.right += right
        result.dyad_right += dyad
        for root in sorted({str(r)[:2] for g in golds for r in g.get("roots") or []}):
            tally = per_root.setdefault(root, Counter())
            tally["sentences"] += 1
            tally["right"] += right
    scores = prf(result.right, result.actual_events, result.sentences)
    result.precision, result.recall, result.f1 = scores["precision"], scores["recall"], scores["f1"]
    result.dyad_recall = result.dyad_right / result.sentences if result.sentences else 0.0
    result.by_root = {
        root: {"sentences": t["sentences"], "recall": t["right"] / t["sentences"]}
        for root, t in sorted(per_root.items())
    }
    return result


def evaluate_gsr(path: str | Path, pipeline, limit: int | None = None) -> GsrScores:
    """Code the gold sentences with ``pipeline`` (each with its date) and score them."""
    rows = read_rows(path, "gsr", limit)
    for n, row in enumerate(rows, 1):
        if not isinstance(row.get("events"), list):
            raise GoldFormatError(f"{path}: row {n} needs 'events' with 'roots'")
    return score_gsr(rows, code_rows(rows, pipeline, str(path), headline=False))
