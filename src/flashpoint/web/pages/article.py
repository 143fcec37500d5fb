"""Articles: the list, and one article's text with actors, triggers and quotes highlighted."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from ...store import listings
from ..access import find_or_404, run_query
from ..highlight import article_marks, segments
from ..params import Limit, Offset
from ..render import respond

router = APIRouter(include_in_schema=False)


@router.get("/articles")
async def articles_page(
    request: Request, limit: Limit = 50, offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    context = await run_query(request, listings.list_articles, limit=limit, offset=offset, q=(q or "").strip() or None)
    context["page"] = "articles"
    context["q"] = q or ""
    return respond(request, "articles.html", context)


@router.get("/articles/{article_id:path}")
async def article_page(
    request: Request, article_id: Annotated[str, Path(max_length=100)]
) -> Response:
    found = await find_or_404(request, listings.article_detail, article_id, "article")
    text = found["article"].get("text") or ""
    marks = article_marks(text, found["actors"], found["events"], found["quotes"])
    context = {"page": "article", **found, "_segments": segments(text, marks)}
    return respond(request, "article.html", context)
