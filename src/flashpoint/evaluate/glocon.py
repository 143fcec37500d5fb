"""Score protest detection on news documents (GLOCON gold sample, ``glocon_dev.jsonl``).

A document is predicted as reporting a protest when the coder produces an actual event with
CAMEO root 14; gold says so when its ``label`` is 1 or 2. Precision, recall and F1.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from ..records import CodedArticle
from .coding import actual_events, code_rows, event_root, prf, read_rows

__all__ = ["GloconScores", "PROTEST_LABELS", "evaluate_glocon", "score_glocon"]

PROTEST_LABELS = frozenset({1, 2})
PROTEST_ROOT = "14"


@dataclass
class GloconScores:
    """Document-level protest detection: counts, precision, recall, F1."""

    documents: int = 0
    rejected: int = 0
    protest_documents: int = 0
    predicted: int = 0
    true_positives: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def reports_protest(doc: CodedArticle | None) -> bool:
    return any(event_root(e) == PROTEST_ROOT for e in actual_events(doc))


def score_glocon(rows: list[dict[str, Any]], coded: list[CodedArticle | None]) -> GloconScores:
    """Compare coded documents with their labels (same order)."""
    result = GloconScores(documents=len(rows), rejected=sum(c is None for c in coded))
    for row, doc in zip(rows, coded, strict=True):
        gold = int(row["label"]) in PROTEST_LABELS
        predicted = reports_protest(doc)
        result.protest_documents += gold
        result.predicted += predicted
        result.true_positives += gold and predicted
    scores = prf(result.true_positives, result.predicted, result.protest_documents)
    result.precision, result.recall, result.f1 = scores["precision"], scores["recall"], scores["f1"]
    return result


def evaluate_glocon(path: str | Path, pipeline, limit: int | None = None) -> GloconScores:
    """Code the documents with ``pipeline`` and score protest detection."""
    rows = read_rows(path, "glocon", limit)
    for n, row in enumerate(rows, 1):
        label = row.get("label")
        if isinstance(label, bool) or not isinstance(label, int | str) or not str(label).isdigit():
            raise GoldFormatError(f"{path}: row {n} needs an integer 'label'")
    return score_glocon(rows, code_rows(rows, pipeline, str(path)))
