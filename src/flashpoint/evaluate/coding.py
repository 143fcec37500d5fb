"""What the document-level scorers share: reading gold rows, coding them the way ``flashpoint
code`` codes a JSONL file, and the country/actuality conventions of ``../shared/data/README.md``.

Each row goes through ingest's ``finish`` (cleaning, date, language check; no de-duplication) as
a JSONL record ``{"id", "title", "date", "text"}`` would, then through ``Pipeline.code`` in
batches. A row that ingest rejects (too short, not English) or whose coding fails produces nothing
and is counted as ``rejected``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError
from ..records import ActorRef, Article, CodedArticle, Event

# The Soviet Union is scored as Russia.
COUNTRY_ALIASES = {"SUN": "RUS", "URS": "RUS"}
# Code prefixes that place an actor without a country (international and transnational actors).
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC"})
NO_SIDE = "-"


def read_rows(path: str | Path, kind: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The JSON rows of a gold file (the first ``limit`` when given); each needs ``text``."""
    rows: list[dict[str, Any]] = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                    raise GoldFormatError(f"{path}:{n}: a {kind} gold row needs a 'text' string")
                rows.append(row)
                if limit is not None and len(rows) >= limit:
                    break
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"cannot read {kind} gold file {path}: {exc}") from exc
    return rows


def country(code: str | None) -> str:
    """The scoring country of an actor code: its first three letters, ``-`` when missing."""
    prefix = (code or "")[:3] or NO_SIDE
    return COUNTRY_ALIASES.get(prefix, prefix)


def side_code(side: ActorRef | None) -> str | None:
    """The actor code of an event's source or target (``None`` when there is no such side)."""
    return side.code if side is not None else None


def is_placed(side: ActorRef | None) -> bool:
    """A side with a country, or an international actor (IGO, NGO, ...)."""
    return (side is not None and bool(side.country)) or (side_code(side) or "")[:3] in INTERNATIONAL


def actual_events(coded: CodedArticle | None) -> list[Event]:
    """Events the text reports as having happened (modality actual, not negated)."""
    if coded is None:
        return []
    return [e for e in coded.events if e.modality == "actual" and not e.negated]


def event_root(event: Event) -> str:
    return str(event.root or "")[:2]


def code_rows(
    rows: list[dict[str, Any]], pipeline, source: str = "gold", headline: bool = True
) -> list[CodedArticle | None]:
    """Code every row like ``flashpoint code`` codes a JSONL line; ``None`` for a rejected row.

    With ``headline=False`` (sentences and snippets, which have no headline) a row without a
    title is cleaned as body only: otherwise a one-line snippet without a final full stop is
    taken for the article's headline and nothing is left to code.
    """
    from ..readers import finish
    from ..readers.inputs import Draft

    articles: list[Article] = []
    slots: list[int | None] = []
    for n, row in enumerate(rows, 1):
        draft = Draft(
            source=f"{source}#{n}",
            input_kind="jsonl",
            text=row["text"],
            title=row.get("title") or (None if headline else ""),
            date=row.get("date") or None,
            article_id=str(row["id"]) if row.get("id") not in (None, "") else None,
        )
        try:
            outcome = finish(draft, pipeline.settings)
        except Exception:  # noqa: BLE001 - ingest turns a cleaning failure into a rejection too
            outcome = None
        if isinstance(outcome, Article):
            slots.append(len(articles))
            articles.append(outcome)
        else:
            slots.append(None)
    # Like ``flashpoint code``: an article whose coding fails is rejected, the others go on.
    code = getattr(pipeline, "code_or_reject", pipeline.code)
    coded = [c if isinstance(c, CodedArticle) else None for c in code(articles)]
    return [coded[i] if i is not None else None for i in slots]


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def rejected(coded: Iterable[CodedArticle | None]) -> int:
    return sum(c is None for c in coded)
