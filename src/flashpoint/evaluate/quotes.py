"""Quote extraction quality against human annotations (GGT and PolNeAR JSONL formats).

A gold row is ``{"id", "text", "quotes": [{"quote", "span", "speaker", "speaker_ref", "direct",
...}]}``; ``span`` is ``[start, end]`` or a list of ``[start, end]`` pieces. Scoring:

- a predicted quote *matches* a gold quote when it covers at least half of the gold span's
  characters;
- precision = matched predictions / predictions, recall = matched gold quotes / gold quotes;
- speaker accuracy = share of matched gold quotes that name a speaker whose best-covering
  prediction names the gold ``speaker`` or ``speaker_ref`` (normalised names; a shared surname
  or last word counts, so "Esper" matches "Mark Esper"); a gold speaker that is a bare pronoun
  with no ``speaker_ref`` (PolNeAR has none) names nobody and is left out;
- a partial quote lying inside another predicted quote is part of that quotation (the
  annotations mark the whole reported clause, partial quotes included), not a prediction of
  its own;
- ``by_kind`` splits recall by the gold ``direct`` flag and precision by predicted kind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from ..records import Article, Quote

COVERAGE = 0.5
# Words that do not identify a speaker: articles, honorifics.
_FILLER = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr", "sir", "s"})
_PRONOUNS = frozenset(
    "he she they it we i you him her them his its their who which that this those".split()
)
_WORD = re.compile(r"[^\W_]+")


def gold_pieces(span: Any) -> list[tuple[int, int]]:
    """A gold span as a list of ``(start, end)`` pieces (accepts one pair or a list of pairs)."""
    if not span:
        return []
    if isinstance(span[0], int | float):
        return [(int(span[0]), int(span[1]))]
    return [(int(a), int(b)) for a, b in span]


def coverage(pred: list[int], pieces: list[tuple[int, int]]) -> float:
    """Share of the gold characters that the predicted ``[start, end]`` covers."""
    total = sum(max(0, b - a) for a, b in pieces)
    if total == 0:
        return 0.0
    start, end = pred
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in pieces)
    return inside / total


def name_words(name: str | None) -> list[str]:
    """A name as lower-case words without articles and honorifics."""
    return [w for w in _WORD.findall((name or "").lower()) if w not in _FILLER]


def is_bare_pronoun(name: str) -> bool:
    """A gold speaker that is only a pronoun ("he", "They") names nobody to compare with."""
    return name.strip().lower() in _PRONOUNS


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """True when two speaker names refer to the same speaker (equal, or one's last word in the other)."""
    p, g = name_words(predicted), name_words(gold)
    if not p or not g:
        return False
    return p == g or g[-1] in p or p[-1] in g


def counted_predictions(quotes: list[Quote]) -> list[Quote]:
    """Predictions that count on their own: partial quotes inside another prediction fold into it."""
    out = []
    for q in quotes:
        if q.kind == "partial" and any(
            o is not q and o.span[0] <= q.span[0] and q.span[1] <= o.span[1] for o in quotes
        ):
            continue
        out.append(q)
    return out


@dataclass
class _Tally:
    gold: int = 0
    gold_matched: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    speaker_total: int = 0
    speaker_correct: int = 0

    def add(self, other: _Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | int]:
        p = self.predicted_matched / self.predicted if self.predicted else 0.0
        r = self.gold_matched / self.gold if self.gold else 0.0
        return {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "speaker_accuracy": self.speaker_correct / self.speaker_total
            if self.speaker_total
            else 0.0,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass
class ArticleResult:
    """One article's comparison, kept for error analysis."""

    id: str
    tally: _Tally
    by_kind: dict[str, _Tally] = field(default_factory=dict)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[Quote] = field(default_factory=list)
    wrong_speaker: list[tuple[dict[str, Any], Quote]] = field(default_factory=list)


def score_article(row: dict[str, Any], quotes: list[Quote]) -> ArticleResult:
    """Compare predicted quotes with one gold row."""
    preds = counted_predictions(quotes)
    golds = [g for g in row.get("quotes", []) if gold_pieces(g.get("span"))]
    tally = _Tally(gold=len(golds), predicted=len(preds))
    kinds: dict[str, _Tally] = {}
    result = ArticleResult(id=str(row.get("id")), tally=tally, by_kind=kinds)
    matched_preds: set[int] = set()
    for g in golds:
        pieces = gold_pieces(g["span"])
        kind = "direct" if g.get("direct") else "indirect"
        kt = kinds.setdefault(kind, _Tally())
        kt.gold += 1
        covers = [(coverage(q.span, pieces), i) for i, q in enumerate(preds)]
        hits = [(c, i) for c, i in covers if c >= COVERAGE]
        if not hits:
            result.missed.append(g)
            continue
        tally.gold_matched += 1
        kt.gold_matched += 1
        matched_preds.update(i for _, i in hits)
        names = [n for n in (g.get("speaker"), g.get("speaker_ref")) if n]
        if names and not all(is_bare_pronoun(n) for n in names):
            best = preds[max(hits)[1]]
            said = (best.speaker or {}).get("name")
            tally.speaker_total += 1
            kt.speaker_total += 1
            if any(same_speaker(said, n) for n in names):
                tally.speaker_correct += 1
                kt.speaker_correct += 1
            else:
                result.wrong_speaker.append((g, best))
    for i, q in enumerate(preds):
        kt = kinds.setdefault(q.kind, _Tally())
        kt.predicted += 1
        if i in matched_preds:
            tally.predicted_matched += 1
            kt.predicted_matched += 1
        else:
            result.spurious.append(q)
    return result


def read_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Rows of a quote gold file; raises GoldFormatError when a row lacks ``text`` or ``quotes``."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if "text" not in row or "quotes" not in row:
                raise GoldFormatError(f"{path}:{n}: a quote gold row needs 'text' and 'quotes'")
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def compare(path: str | Path, pipeline, limit: int | None = None) -> Iterator[ArticleResult]:
    """Code every gold article with ``pipeline`` and yield its comparison."""
    rows = read_gold(path, limit)
    articles = (Article(id=str(r.get("id", i)), text=r["text"]) for i, r in enumerate(rows))
    for row, coded in zip(rows, pipeline.code(articles), strict=True):
        yield score_article(row, coded.quotes)


def evaluate_quotes(path: str | Path, pipeline, limit: int | None = None) -> dict[str, Any]:
    """Precision, recall, F1 and speaker accuracy on a quote gold file, overall and by kind."""
    total = _Tally()
    kinds: dict[str, _Tally] = {}
    articles = 0
    for result in compare(path, pipeline, limit):
        articles += 1
        total.add(result.tally)
        for kind, t in result.by_kind.items():
            kinds.setdefault(kind, _Tally()).add(t)
    overall = total.scores()
    # "gold" names the gold file in ``flashpoint eval`` output: the counts get their own keys
    overall["gold_quotes"] = overall.pop("gold")
    overall["predicted_quotes"] = overall.pop("predicted")
    return {
        "articles": articles,
        **overall,
        "by_kind": {k: _kind_scores(k, t) for k, t in sorted(kinds.items())},
    }


def _kind_scores(kind: str, t: _Tally) -> dict[str, float | int]:
    """Per-kind figures: gold kinds (direct, indirect) have recall, predicted kinds precision."""
    s = t.scores()
    out: dict[str, float | int] = {"gold": t.gold, "predicted": t.predicted}
    if t.gold:
        out["recall"] = s["recall"]
        out["speaker_accuracy"] = s["speaker_accuracy"]
    if t.predicted:
        out["precision"] = s["precision"]
    return out
