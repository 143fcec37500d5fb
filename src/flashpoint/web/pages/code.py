"""'Code an article': paste a text, see what flashpoint makes of it (nothing is stored)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import ValidationError

from ..coding import code_request
from ..highlight import article_marks, segments
from ..params import CodeRequest
from ..render import respond

router = APIRouter(include_in_schema=False)


@router.get("/code")
def code_form(request: Request) -> Response:
    return respond(request, "code.html", {"page": "code", "form": {}, "result": None,
                                          "errors": []})


@router.post("/code")
async def code_submit(request: Request) -> Response:
    # A plain urlencoded form, parsed here (the body size is capped by the app's guard).
    raw = (await request.body()).decode("utf-8", errors="replace")
    fields = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
    form = {k: fields.get(k, "") for k in ("text", "title", "date")}
    try:
        body = CodeRequest(text=form["text"], title=form["title"].strip() or None,
                           date=form["date"].strip() or None)
    except ValidationError as exc:
        errors = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        return respond(request, "code.html",
                       {"page": "code", "form": form, "result": None, "errors": errors},
                       status_code=422)
    result: dict[str, Any] = await code_request(request, body)
    text = result["article"].get("text") or ""
    marks = article_marks(text, result["actors"], result["events"], result["quotes"])
    context = {"page": "code", "form": form, "result": result, "errors": [],
               "_segments": segments(text, marks)}
    return respond(request, "code.html", context)
