"""An offline API reference rendered from the app's OpenAPI schema (FastAPI's /docs page loads
Swagger UI from a CDN, which an offline machine cannot reach)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..render import respond

router = APIRouter(include_in_schema=False)


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per API operation: method, path, summary and its parameters."""
    out = []
    for path, operations in schema.get("paths", {}).items():
        for method, op in operations.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "description": p.get("description") or p.get("schema", {}).get("description", "")}
                for p in op.get("parameters", [])
            ]
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "parameters": params, "body": bool(body)})
    return out


@router.get("/api")
async def api_reference(request: Request) -> Response:
    context = {"page": "api", "endpoints": endpoints(request.app.openapi())}
    return respond(request, "apidoc.html", context)
