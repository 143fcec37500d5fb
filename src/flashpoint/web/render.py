"""One context, two renderings: an HTML page from a Jinja2 template, or the same context as JSON
(``?format=json`` or ``Accept: application/json``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from .highlight import Segment

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
# Jinja2Templates autoescapes .html templates; make it explicit since article text is untrusted.
TEMPLATES.env.autoescape = True

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict",
              4: "Material conflict"}
TEMPLATES.env.globals["QUAD_NAMES"] = QUAD_NAMES


def wants_json(request: Request) -> bool:
    """True when the client asked for JSON rather than a page."""
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _link(request: Request, path: str, **params: Any) -> str:
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(clean)}" if clean else path


TEMPLATES.env.globals["link"] = _link

QUOTE_MARKS = "\"'“”‘’«»"


def _quoted(text: str | None) -> str:
    # Direct quotes are stored with their quotation marks; add curly ones only when missing.
    text = (text or "").strip()
    if text[:1] in QUOTE_MARKS and text[-1:] in QUOTE_MARKS + ",.":
        return text
    return f"“{text}”"


TEMPLATES.env.filters["quoted"] = _quoted


def _plain(value: Any) -> Any:
    # Segments are for templates; as JSON they become {"text", "kinds"} objects.
    if isinstance(value, Segment):
        return {"text": value.text, "kinds": value.kinds}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def respond(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> Response:
    """Render ``context`` with ``template``, or as JSON when the client wants JSON.

    Keys starting with ``_`` are for the page only (display helpers) and left out of the JSON.
    """
    if wants_json(request):
        return JSONResponse(jsonable_encoder(_plain(context)), status_code=status_code)
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)
