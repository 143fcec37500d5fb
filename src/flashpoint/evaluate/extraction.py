"""Main-text extraction quality: the shingle metric of the article-extraction benchmark.

Tokens are ``\\w+`` runs; each text becomes a multiset of 4-token shingles. Per page, ``tp`` is the
shared shingle count and ``fp``/``fn`` the excess in prediction/truth, each normalised by
``tp + fp + fn`` of that page. Precision and recall are means over pages (a page with
``tp + fp == 0`` is left out of the precision mean, one with ``tp + fn == 0`` out of recall), and
``F1 = 2PR / (P + R)``.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles of ``text`` (a text shorter than ``size`` is one)."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    """Normalised ``(tp, fp, fn)`` for one page (each divided by that page's tp + fp + fn)."""
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


@dataclass
class ExtractionScore:
    """Precision, recall and F1 over pages, plus per-page F1 to find the worst pages."""

    precision: float
    recall: float
    f1: float
    pages: int
    per_page: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "pages": self.pages}


def score_pages(pairs: Iterable[tuple[str, str, str]]) -> ExtractionScore:
    """Score ``(page_id, predicted, truth)`` triples with the benchmark's shingle metric."""
    precisions: list[float] = []
    recalls: list[float] = []
    per_page: dict[str, float] = {}
    for page_id, predicted, truth in pairs:
        tp, fp, fn = page_counts(predicted, truth)
        p = r = None
        if tp + fp > 0:
            p = tp / (tp + fp)
            precisions.append(p)
        if tp + fn > 0:
            r = tp / (tp + fn)
            recalls.append(r)
        if p is not None and r is not None and p + r > 0:
            per_page[page_id] = 2 * p * r / (p + r)
        else:
            per_page[page_id] = 0.0
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ExtractionScore(precision, recall, f1, len(per_page), per_page)


def evaluate_benchmark(
    directory: str | Path, extract: Callable[[bytes, str | None], str]
) -> ExtractionScore:
    """Run ``extract(html_bytes, url)`` over a benchmark directory and score it.

    The directory holds ``ground-truth.json`` (``{sha256: {"articleBody", "url"}}``) and
    ``html/<sha256>.html.gz`` (the layout of Scrapinghub's article-extraction benchmark).
    """
    root = Path(directory)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))

    def triples() -> Iterable[tuple[str, str, str]]:
        for page_id in sorted(truth):
            path = root / "html" / f"{page_id}.html.gz"
            raw = gzip.decompress(path.read_bytes())
            body = truth[page_id].get("articleBody") or ""
            yield page_id, extract(raw, truth[page_id].get("url")), body

    return score_pages(triples())
