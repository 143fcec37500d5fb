"""Actor quality: how many gold source/target spans the actors stage resolves to a coded actor.

On PLOVER gold rows (one marked source and target per row) a span is *covered* when it overlaps
an actor mention whose actor has a country or an agent. Each distinct sentence is coded once,
in ``nlp.pipe`` batches, with only the model and the actors component running.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Article

ACTOR_ONLY_DISABLE = ("flashpoint_quotes", "flashpoint_events")


def read_plover_rows(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold rows of a PLOVER JSONL file (first ``limit`` rows when given)."""
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def code_sentences(nlp: Language, texts: list[str], batch_size: int = 64) -> Iterator[Doc]:
    """Run the model and the actors component over sentences, each its own Doc."""

    def docs() -> Iterator[Doc]:
        for n, text in enumerate(texts):
            doc = nlp.make_doc(text)
            doc._.article = Article(id=f"s{n}", text=text)
            yield doc

    disable = [name for name in ACTOR_ONLY_DISABLE if name in nlp.pipe_names]
    yield from nlp.pipe(docs(), batch_size=batch_size, disable=disable)


def coded_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of mentions whose actor has a country or an agent."""
    actors = doc._.actors or []
    out = []
    for start, end, idx in doc._.actor_mentions or []:
        actor = actors[idx]
        if actor.country or actor.agent:
            out.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
    return out


def evaluate_plover_actors(
    path: Path, nlp: Language, limit: int | None = None, batch_size: int = 64
) -> dict[str, Any]:
    """Share of gold source and target spans overlapping a coded actor mention.

    Returns ``{"rows", "spans", "covered", "source_covered", "target_covered", "misses"}`` where
    the shares are floats in [0, 1] and ``misses`` counts the most frequent uncovered span texts.
    """
    rows = read_plover_rows(Path(path), limit)
    texts = sorted({row["text"] for row in rows})
    mentions = {text: coded_spans(doc) for text, doc in zip(texts, code_sentences(nlp, texts, batch_size), strict=True)}
    hits = Counter()
    totals = Counter()
    misses: Counter[str] = Counter()
    for row in rows:
        for event in row.get("events") or []:
            for role in ("source", "target"):
                marked = event.get(role) or {}
                span = marked.get("span")
                if not span:
                    continue
                totals[role] += 1
                start, end = span
                if any(s < end and start < e for s, e in mentions[row["text"]]):
                    hits[role] += 1
                else:
                    misses[marked.get("text") or ""] += 1
    spans = totals["source"] + totals["target"]
    return {
        "rows": len(rows),
        "spans": spans,
        "covered": (hits["source"] + hits["target"]) / spans if spans else 0.0,
        "source_covered": hits["source"] / totals["source"] if totals["source"] else 0.0,
        "target_covered": hits["target"] / totals["target"] if totals["target"] else 0.0,
        "misses": dict(misses.most_common(30)),
    }
