"""The quotes browser: who said what, by speaker name or actor code."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...store import listings
from ..access import run_query
from ..params import Limit, Offset
from ..render import respond

router = APIRouter(include_in_schema=False)


@router.get("/quotes")
async def quotes_page(
    request: Request,
    speaker: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=40)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    speaker, q = (speaker or "").strip() or None, (q or "").strip() or None
    actor = (actor or "").strip().upper() or None
    context = await run_query(request, listings.list_quotes, speaker=speaker, actor=actor, q=q, limit=limit,
                                  offset=offset)
    context.update(page="quotes", filters={"speaker": speaker, "actor": actor, "q": q})
    return respond(request, "quotes.html", context)
