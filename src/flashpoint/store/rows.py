"""Coded records flattened into table rows (one dict per row, in the schema's column order),
and table cells turned back into plain JSON-ready values."""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from ..records import ActorRef, CodedArticle, Location


def host_of(source: str | None, url: str | None) -> str:
    """The outlet an article came from, for counting distinct sources (GDELT's NumSources).

    The URL's host (without ``www.``) when there is a URL; otherwise the directory of the input
    path, since a folder of scraped files usually holds one outlet's pages.
    """
    for candidate in (url, source):
        if candidate and "://" in candidate:
            netloc = urlparse(candidate).netloc.lower()
            if netloc:
                return netloc.removeprefix("www.")
    if source:
        parent = Path(source.split("#", 1)[0]).parent.as_posix()
        return f"file:{parent}"
    return "unknown"


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date string (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD...``)."""
    if not value:
        return None
    text = value.strip()[:10]
    for fmt, width in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text[:width], fmt).date()
        except ValueError:
            continue
    return None


def json_text(value: Any) -> str | None:
    """A value as the JSON text stored in a JSON column (``None`` stays NULL)."""
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _side(actor: ActorRef | None, prefix: str) -> dict[str, Any]:
    actor = actor or ActorRef()
    country = actor.country or None
    code = actor.code or None
    return {
        f"{prefix}_text": actor.text,
        f"{prefix}_name": actor.name,
        f"{prefix}_code": code,
        f"{prefix}_country": country,
        f"{prefix}_agent": actor.agent,
        # Dyads are counted between countries; actors without one (IGOs, groups) by their code.
        # A bare role ("troops" → MIL) names no one in particular, so it makes no dyad.
        f"{prefix}_key": country or (code if code and code != actor.agent else None),
    }


def _record(record: ActorRef | Location | None) -> dict[str, Any] | None:
    """A typed part of an event as its JSON-ready dict (``None`` stays ``None``)."""
    return record.to_dict() if record is not None else None


def article_row(coded: CodedArticle) -> dict[str, Any]:
    a = coded.article
    return {
        "id": a.id, "source": a.source, "url": a.url, "host": host_of(a.source, a.url),
        "title": a.title, "byline": a.byline, "dateline": a.dateline, "agency": a.agency,
        "published": parse_day(a.published), "date_source": a.date_source,
        "captions": json_text(a.captions), "language": a.language, "input_kind": a.input_kind,
        "text": a.text, "n_actors": len(coded.actors), "n_events": len(coded.events),
        "n_quotes": len(coded.quotes), "n_quantities": len(coded.quantities),
    }


def event_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    published = parse_day(coded.article.published)
    rows = []
    for e in coded.events:
        loc = e.location
        span = list(e.span or [None, None]) + [None, None]
        rows.append({
            "id": e.id, "article_id": coded.article.id, "code": e.code,
            "base_code": (e.code or "")[:3] or None, "root": e.root, "name": e.name,
            "quad_class": e.quad_class, "goldstein": e.goldstein, "plover": e.plover,
            **_side(e.source, "source"), **_side(e.target, "target"),
            "modality": e.modality, "negated": bool(e.negated), "happened": e.happened,
            "date": e.date, "date_precision": e.date_precision,
            # The day an event is counted on: its own date, else the article's publication day.
            "day": parse_day(e.date) or published,
            "location_name": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "location_precision": loc.precision if loc else None,
            "quantities": json_text([q.to_dict() for q in e.quantities]), "sentence": e.sentence,
            "span_start": span[0], "span_end": span[1], "trigger": e.trigger, "rule": e.rule,
            "confidence": e.confidence, "attributed_to": e.attributed_to,
            "source": json_text(_record(e.source)), "target": json_text(_record(e.target)),
            "location": json_text(_record(e.location)),
        })
    return rows


def actor_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    return [
        {"article_id": coded.article.id, "idx": i, "name": a.name, "code": a.code,
         "country": a.country, "agent": a.agent, "kind": a.kind, "titles": json_text(a.titles),
         "backer": a.backer, "mentions": json_text(a.mentions)}
        for i, a in enumerate(coded.actors)
    ]


def quote_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    rows = []
    for i, q in enumerate(coded.quotes):
        span = list(q.span or []) + [None, None]
        speaker = q.speaker or {}
        rows.append({
            "article_id": coded.article.id, "idx": i, "text": q.text, "kind": q.kind,
            "span_start": span[0], "span_end": span[1], "speaker_name": speaker.get("name"),
            "speaker_code": speaker.get("code"), "cue": q.cue,
        })
    return rows


def quantity_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    rows = []
    for i, q in enumerate(coded.quantities):
        span = list(q.span or []) + [None, None]
        rows.append({
            "article_id": coded.article.id, "idx": i, "value": q.value, "unit": q.unit,
            "text": q.text, "span_start": span[0], "span_end": span[1],
            "approximate": bool(q.approximate),
        })
    return rows


def frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """Rows as a DataFrame with exactly ``columns`` (also when there are none)."""
    return pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(
        columns=columns
    )


def alerts_to_frame(alerts: list[dict[str, Any]]) -> pd.DataFrame:
    """Alerts (as :func:`flashpoint.store.derived.escalation_alerts` gives them) as rows of the
    ``alerts`` table."""
    rows = [
        {"source_key": a["dyad"][0], "target_key": a["dyad"][1], "date": parse_day(a["date"]),
         "rule": a["rule"], "score": a["score"], "explanation": a["explanation"],
         "events": json_text(a["events"])}
        for a in alerts
    ]
    return frame(rows, ["source_key", "target_key", "date", "rule", "score", "explanation", "events"])


def plain(value: Any) -> Any:
    """A JSON-ready Python value from a DataFrame cell (NaN/NaT → None, dates → ISO strings)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A DataFrame as JSON-ready dicts (one per row)."""
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]
