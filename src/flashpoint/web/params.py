"""Query parameters shared by the API and the pages, validated once (bad values → 422)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import HTTPException, Query
from pydantic import BaseModel, Field, field_validator

from ..store.listings import MAX_LIMIT
from ..store.queries import EventFilters, parse_dyad
from ..store.rows import parse_day

ActorKey = Annotated[str, Field(min_length=2, max_length=40, pattern=r"^[A-Za-z0-9_.:]+$")]
MODALITIES = ("actual", "planned", "threatened", "hypothetical")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]


def _blank_none(value: str | None) -> str | None:
    # HTML forms send empty fields as ""; treat them as "not given".
    return value.strip() or None if isinstance(value, str) else value


async def event_filters(
    actor: Annotated[str | None, Query(max_length=40, description="actor key (country or code), either side")] = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO alpha-3 country, either side")] = None,
    source: Annotated[str | None, Query(max_length=40, description="source actor key")] = None,
    target: Annotated[str | None, Query(max_length=40, description="target actor key")] = None,
    dyad: Annotated[str | None, Query(max_length=81, description="'A-B': events between A and B (both directions)")] = None,
    root: Annotated[str | None, Query(max_length=2, description="CAMEO root, e.g. '19'")] = None,
    code: Annotated[str | None, Query(max_length=4, description="CAMEO code or prefix")] = None,
    quad_class: Annotated[str | None, Query(max_length=1, description="QuadClass 1-4")] = None,
    start: Annotated[str | None, Query(max_length=10, description="first day (YYYY-MM-DD), inclusive")] = None,
    end: Annotated[str | None, Query(max_length=10, description="last day (YYYY-MM-DD), inclusive")] = None,
    modality: Annotated[str | None, Query(max_length=20, description="actual, planned, threatened or hypothetical")] = None,
    happened: Annotated[bool | None, Query(description="only events that did (or did not) happen")] = None,
    article_id: Annotated[str | None, Query(max_length=100)] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the evidence sentence or trigger")] = None,
) -> EventFilters:
    """FastAPI dependency: the events filters of a request."""
    values: dict[str, Any] = {
        "actor": actor, "country": country, "source": source, "target": target, "dyad": dyad,
        "root": root, "code": code, "q": q, "article_id": article_id,
    }
    values = {k: _blank_none(v) for k, v in values.items()}
    for key in ("actor", "country", "source", "target"):
        if values[key]:
            values[key] = values[key].upper()
    if values["dyad"]:
        try:
            a, b = parse_dyad(values["dyad"].upper())
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        values["dyad"] = f"{a}-{b}"
    for key in ("root", "code"):
        if values[key] and not values[key].isdigit():
            raise HTTPException(422, f"{key} must be digits (CAMEO codes are strings like '19')")
    # Form fields arrive as strings ("" when left empty), so these are checked here rather than
    # typed, to answer "any" for blanks and a clear 422 for nonsense.
    quad = _blank_none(quad_class)
    if quad is not None and quad not in {"1", "2", "3", "4"}:
        raise HTTPException(422, "quad_class must be 1, 2, 3 or 4")
    days = {}
    for key, value in (("start", start), ("end", end)):
        value = _blank_none(value)
        if value is not None:
            try:
                value = date.fromisoformat(value).isoformat()
            except ValueError as exc:
                raise HTTPException(422, f"{key} must be a date like 2025-03-01") from exc
        days[key] = value
    if days["start"] and days["end"] and days["start"] > days["end"]:
        raise HTTPException(422, "start must not be after end")
    mode = _blank_none(modality)
    if mode is not None and mode not in MODALITIES:
        raise HTTPException(422, f"modality must be one of {', '.join(MODALITIES)}")
    return EventFilters(
        **values, quad_class=int(quad) if quad else None, **days, modality=mode,
        happened=happened,
    )


class CodeRequest(BaseModel):
    """An article to code: its text, and optionally its title and publication date."""

    text: str = Field(min_length=1, max_length=150_000, description="article text (scraped text is cleaned)")
    title: str | None = Field(default=None, max_length=500)
    date: str | None = Field(default=None, max_length=32, description="publication date, ISO (YYYY-MM-DD)")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be blank")
        return value

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if parse_day(value) is None:
            raise ValueError("date must be an ISO date like 2020-01-02")
        return value.strip()
