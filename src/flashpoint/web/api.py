"""The JSON API (``/api/...``): listings with filters and pagination, single records with their
evidence, dyad series, quotes, alerts, and ``POST /api/code`` to code a text on the fly."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ..store import listings
from .access import cached_json, find_or_404, run_query
from .coding import code_request
from .params import CodeRequest, Limit, Offset, event_filters

router = APIRouter(prefix="/api", tags=["api"])

Key = Annotated[str, Path(min_length=2, max_length=40, pattern=r"^[A-Za-z0-9_.:]+$")]


@router.get("/overview", summary="Counts, top dyads, latest alerts")
async def api_overview(request: Request) -> Response:
    return await cached_json(request, listings.overview)


@router.get("/articles", summary="Articles, newest first")
async def api_articles(
    request: Request, limit: Limit = 50, offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200, description="text in title or body")] = None,
) -> Response:
    return await cached_json(request, listings.list_articles, limit=limit, offset=offset,
                             q=q or None)


@router.get("/articles/{article_id:path}", summary="One article with actors, events, quotes")
async def api_article(
    request: Request, article_id: Annotated[str, Path(max_length=100)]
) -> dict[str, Any]:
    return await find_or_404(request, listings.article_detail, article_id, "article")


@router.get("/events", summary="Events with filters, newest first")
async def api_events(
    request: Request,
    filters: Annotated[listings.EventFilters, Depends(event_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    return await cached_json(request, listings.list_events, filters, limit=limit, offset=offset)


@router.get("/events/{event_id:path}", summary="One event with its evidence and fused mentions")
async def api_event(
    request: Request, event_id: Annotated[str, Path(max_length=100)]
) -> dict[str, Any]:
    return await find_or_404(request, listings.event_detail, event_id, "event")


@router.get("/dyads/{a}/{b}", summary="Time series of the dyad a–b (both directions)")
async def api_dyad(
    request: Request, a: Key, b: Key, freq: Literal["day", "week"] = "week", limit: Limit = 100
) -> Response:
    return await cached_json(request, listings.dyad_detail, a.upper(), b.upper(), freq=freq,
                             limit=limit)


@router.get("/quotes", summary="Quotations by speaker or actor")
async def api_quotes(
    request: Request,
    speaker: Annotated[str | None, Query(max_length=200, description="speaker name (substring)")] = None,
    actor: Annotated[str | None, Query(max_length=40, description="speaker code or prefix, e.g. USA")] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the quote")] = None,
    article_id: Annotated[str | None, Query(max_length=100)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    return await cached_json(
        request, listings.list_quotes, speaker=speaker or None,
        actor=(actor or "").upper() or None, q=q or None, article_id=article_id or None,
        limit=limit, offset=offset,
    )


@router.get("/alerts", summary="Escalation alerts, newest first")
async def api_alerts(request: Request, limit: Limit = 50) -> dict[str, Any]:
    return {"alerts": await run_query(request, listings.alerts, limit)}


@router.post(
    "/code",
    summary="Code a text: the JSON contract (article, actors, events, quotes, quantities)",
    responses={413: {"description": "body larger than 200 KB"},
               422: {"description": "invalid body"},
               429: {"description": "too many texts waiting to be coded; retry after the "
                                    "Retry-After header's seconds"}},
)
async def api_code(request: Request, body: CodeRequest) -> dict[str, Any]:
    # One text coded at a time in a worker process, a few waiting; beyond that 429.
    return await code_request(request, body)
