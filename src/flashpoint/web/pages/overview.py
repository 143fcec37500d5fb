"""The front page: counts, top dyads, latest alerts and articles."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...store import listings
from ..access import run_query
from ..render import respond

router = APIRouter(include_in_schema=False)


@router.get("/")
async def overview_page(request: Request) -> Response:
    context = await run_query(request, listings.overview)
    context["page"] = "overview"
    return respond(request, "overview.html", context)
