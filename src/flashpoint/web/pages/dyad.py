"""A dyad's page: Goldstein and QuadClass counts over time (plotly), and the events behind them."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response

from ...store import listings
from ..access import run_query
from ..render import respond

router = APIRouter(include_in_schema=False)
Key = Annotated[str, Path(min_length=2, max_length=40, pattern=r"^[A-Za-z0-9_.:]+$")]


@router.get("/dyads")
async def dyad_form(a: str = "", b: str = "") -> Response:
    """The overview's dyad picker submits here; send it on to the dyad's page."""
    if a.strip().isalnum() and b.strip().isalnum():
        return RedirectResponse(f"/dyads/{a.strip().upper()}/{b.strip().upper()}", 303)
    return RedirectResponse("/", 303)


@router.get("/dyads/{a}/{b}")
async def dyad_page(
    request: Request, a: Key, b: Key, freq: Literal["day", "week"] = "week"
) -> Response:
    context = await run_query(request, listings.dyad_detail, a.upper(), b.upper(), freq=freq, limit=200)
    context["page"] = "dyad"
    return respond(request, "dyad.html", context)
