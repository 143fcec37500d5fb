"""Score the event coder on PLOVER gold sentences (``plover_dev.jsonl``).

A gold row marks one source span, one target span and the PLOVER type of that relation. The row
is *found* when the coder emits an event whose source span overlaps the gold source and whose
target span overlaps the gold target (a missing gold side is not required); it is *correct* when
the most confident event on that pair has the gold type. CAMEO 08 (PLOVER 2.0 CONCEDE and
RETREAT) counts as the gold label YIELD. Reported: found-rate, accuracy on found rows and recall
(correct / all rows), overall and per gold type.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from ..records import ActorRef, Article, Event

__all__ = ["read_gold", "evaluate_plover", "match_row", "plover_label"]

# PLOVER 2.0 splits CAMEO 08 YIELD; the gold data keeps the older single label.
LEGACY_LABELS = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def plover_label(name: str | None) -> str | None:
    """The gold-data label for a PLOVER type (CONCEDE/RETREAT -> YIELD)."""
    if name is None:
        return None
    name = name.upper()
    return LEGACY_LABELS.get(name, name)


def read_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Gold rows, one per marked pair: ``{"id", "text", "source", "target", "plover"}``."""
    path = Path(path)
    rows: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                data = json.loads(line)
                for ev in data["events"]:
                    rows.append(
                        {
                            "id": data.get("id", str(n)),
                            "text": data["text"],
                            "source": (ev.get("source") or {}).get("span"),
                            "target": (ev.get("target") or {}).get("span"),
                            "plover": plover_label(ev["plover"]),
                        }
                    )
                if limit is not None and len(rows) >= limit:
                    break
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise GoldFormatError(f"cannot read PLOVER gold file {path}: {exc}") from exc
    return rows


def _overlaps(arg: ActorRef | None, gold: list[int] | None) -> bool:
    if gold is None:
        return True  # the gold row leaves this side unmarked: nothing to match
    if arg is None or not arg.span:
        return False
    s, e = arg.span
    return s < gold[1] and gold[0] < e


def match_row(row: dict[str, Any], events: list[Event]) -> Event | None:
    """The most confident event on the row's marked pair, or ``None`` when no event fits it."""
    on_pair = [
        e
        for e in events
        if _overlaps(e.source, row["source"]) and _overlaps(e.target, row["target"])
    ]
    if not on_pair:
        return None
    # One answer per pair; events that happened outrank imagined or denied ones on a tie.
    return max(on_pair, key=lambda e: (e.confidence, e.happened))


def _code_texts(texts: list[str], pipeline) -> Iterator[list[Event]]:
    """Events per text, each text coded as its own document through ``nlp.pipe``."""
    articles = [Article(id=f"gold-{i}", text=t) for i, t in enumerate(texts)]
    if hasattr(pipeline, "code"):
        for coded in pipeline.code(articles):
            yield coded.events
        return
    nlp = pipeline  # a spaCy Language with flashpoint's components

    def docs():
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.article = article
            yield doc

    for doc in nlp.pipe(docs(), batch_size=64):
        yield list(doc._.events or [])


def _scores(found: int, correct: int, rows: int) -> dict[str, float | int]:
    return {
        "rows": rows,
        "found": found,
        "correct": correct,
        "found_rate": round(found / rows, 4) if rows else 0.0,
        "accuracy_on_found": round(correct / found, 4) if found else 0.0,
        "recall": round(correct / rows, 4) if rows else 0.0,
    }


def evaluate_plover(
    path: str | Path, pipeline, limit: int | None = None, details: bool = False
) -> dict[str, Any]:
    """Found-rate, accuracy on found rows and recall, overall and per PLOVER type.

    ``pipeline`` is a :class:`flashpoint.pipeline.Pipeline` or a spaCy ``Language`` built by
    :func:`flashpoint.pipeline.build_pipeline`. With ``details`` the result also lists every row's
    outcome (for development: what was predicted, by which rule).
    """
    rows = read_gold(path, limit)
    texts = list(dict.fromkeys(r["text"] for r in rows))
    events_by_text = dict(zip(texts, _code_texts(texts, pipeline), strict=True))
    found = correct = 0
    per_type: dict[str, Counter] = {}
    confusion: Counter = Counter()
    outcomes = []
    for row in rows:
        best = match_row(row, events_by_text[row["text"]])
        tally = per_type.setdefault(row["plover"], Counter())
        tally["rows"] += 1
        predicted = plover_label(best.plover) if best is not None else None
        if best is not None:
            found += 1
            tally["found"] += 1
            if predicted == row["plover"]:
                correct += 1
                tally["correct"] += 1
            else:
                confusion[(row["plover"], predicted)] += 1
        if details:
            outcomes.append(
                {
                    "id": row["id"],
                    "gold": row["plover"],
                    "predicted": predicted,
                    "code": best.code if best else None,
                    "rule": best.rule if best else None,
                    "trigger": best.trigger if best else None,
                    "text": row["text"],
                }
            )
    result: dict[str, Any] = {
        **_scores(found, correct, len(rows)),
        "sentences": len(texts),
        "by_type": {
            name: _scores(t["found"], t["correct"], t["rows"]) for name, t in sorted(per_type.items())
        },
        "confusions": {f"{g}->{p}": n for (g, p), n in confusion.most_common(20)},
    }
    if details:
        result["rows_detail"] = outcomes
    return result
