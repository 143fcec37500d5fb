"""One event: the evidence sentence with its trigger marked, the coding, fused mentions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from ...store import listings
from ..access import find_or_404
from ..highlight import sentence_segments
from ..render import respond

router = APIRouter(include_in_schema=False)


@router.get("/events/{event_id:path}")
async def event_page(
    request: Request, event_id: Annotated[str, Path(max_length=100)]
) -> Response:
    event = await find_or_404(request, listings.event_detail, event_id, "event")
    context = {
        "page": "event",
        "event": event,
        "_sentence": sentence_segments(event.get("sentence"), event.get("trigger")),
    }
    return respond(request, "event.html", context)
