"""The events table with filters and pagination."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ...store import listings
from ..access import run_query
from ..params import Limit, Offset, event_filters
from ..render import respond

router = APIRouter(include_in_schema=False)


@router.get("/events")
async def events_page(
    request: Request,
    filters: Annotated[listings.EventFilters, Depends(event_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    context = await run_query(request, listings.list_events, filters, limit=limit, offset=offset)
    context["page"] = "events"
    return respond(request, "events.html", context)
