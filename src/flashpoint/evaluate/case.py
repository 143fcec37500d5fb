"""Score the coder on ACLED-style event snippets (CASE 2021 task 2, ``case2021_dev.jsonl``).

A snippet labelled with an event subtype is *found* when the coder produces an actual event
whose root fits the label (``data/case_roots.yaml``). Reported: fitting-root recall per label and
overall (labels with fitting roots only), and the false-violence rate: the share of
NATURAL_DISASTER / MAN_MADE_DISASTER snippets with an actual event of root 18, 19 or 20.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from ..records import CodedArticle
from ..yamldata import load_yaml
from .coding import actual_events, code_rows, event_root, read_rows

__all__ = ["CaseRoots", "CaseScores", "case_roots", "evaluate_case", "score_case"]


@dataclass(frozen=True)
class CaseRoots:
    """Which CAMEO roots fit each label, which labels are disasters, which roots are violent."""

    roots: dict[str, frozenset[str]]
    disaster_labels: frozenset[str]
    violent_roots: frozenset[str]


@lru_cache(maxsize=1)
def case_roots() -> CaseRoots:
    """The shipped label -> roots mapping."""
    text = resources.files("flashpoint.evaluate").joinpath("data/case_roots.yaml").read_text("utf-8")
    data = load_yaml(text)
    return CaseRoots(
        roots={label: frozenset(str(r) for r in roots or []) for label, roots in data["roots"].items()},
        disaster_labels=frozenset(data["disaster_labels"]),
        violent_roots=frozenset(str(r) for r in data["violent_roots"]),
    )


@dataclass
class CaseScores:
    """Fitting-root recall (overall and per label) and the false-violence rate on disasters."""

    snippets: int = 0
    rejected: int = 0
    scored: int = 0
    found: int = 0
    recall: float = 0.0
    disasters: int = 0
    false_violence: int = 0
    false_violence_rate: float = 0.0
    unmapped_labels: list[str] = field(default_factory=list)
    by_label: dict[str, dict[str, float | int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def score_case(
    rows: list[dict[str, Any]], coded: list[CodedArticle | None], mapping: CaseRoots | None = None
) -> CaseScores:
    """Compare coded snippets with their labels (same order)."""
    mapping = mapping or case_roots()
    result = CaseScores(snippets=len(rows), rejected=sum(c is None for c in coded))
    per_label: dict[str, Counter] = {}
    unmapped: set[str] = set()
    for row, doc in zip(rows, coded, strict=True):
        label = str(row["label"])
        roots = {event_root(e) for e in actual_events(doc)}
        if label in mapping.disaster_labels:
            result.disasters += 1
            violent = bool(roots & mapping.violent_roots)
            result.false_violence += violent
            tally = per_label.setdefault(label, Counter())
            tally["snippets"] += 1
            tally["false_violence"] += violent
            continue
        if label not in mapping.roots:
            unmapped.add(label)
            continue
        fitting = mapping.roots[label]
        if not fitting:
            continue
        hit = bool(roots & fitting)
        result.scored += 1
        result.found += hit
        tally = per_label.setdefault(label, Counter())
        tally["snippets"] += 1
        tally["found"] += hit
    result.recall = result.found / result.scored if result.scored else 0.0
    result.false_violence_rate = result.false_violence / result.disasters if result.disasters else 0.0
    result.unmapped_labels = sorted(unmapped)
    result.by_label = {label: _label_scores(label, t, mapping) for label, t in sorted(per_label.items())}
    return result


def _label_scores(label: str, t: Counter, mapping: CaseRoots) -> dict[str, float | int]:
    if label in mapping.disaster_labels:
        return {"snippets": t["snippets"], "false_violence": t["false_violence"] / t["snippets"]}
    return {"snippets": t["snippets"], "recall": t["found"] / t["snippets"]}


def evaluate_case(path: str | Path, pipeline, limit: int | None = None) -> CaseScores:
    """Code the labelled snippets with ``pipeline`` and score them."""
    rows = read_rows(path, "case", limit)
    for n, row in enumerate(rows, 1):
        if not isinstance(row.get("label"), str):
            raise GoldFormatError(f"{path}: row {n} needs a 'label' string")
    return score_case(rows, code_rows(rows, pipeline, str(path), headline=False))
