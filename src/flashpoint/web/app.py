"""The FastAPI application: JSON API under ``/api``, dashboard pages, static files, and the
cross-cutting rules — token check, request size limit, read-only database access, a 503 "busy"
answer while an ingest holds the database, and no stack trace ever sent to a client."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import FlashpointError, StoreError
from ..settings import Settings
from ..store.pool import DatabaseBusy, ReadPool
from .access import ResponseCache
from .coding import CodeQueue
from .render import TEMPLATES, wants_json

log = logging.getLogger("flashpoint.web")

MAX_BODY_BYTES = 200_000
"""Largest request body accepted (an article to code); larger ones get 413."""
TOKEN_COOKIE = "flashpoint_token"
STATIC_DIR = Path(__file__).parent / "static"


def plotly_js() -> Path | None:
    """The plotly.js bundle shipped inside the installed ``plotly`` package (served locally:
    the dashboard must work without internet)."""
    try:
        path = Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ServeError(FlashpointError):
    """The web server cannot start as asked (e.g. an open address without a token)."""

    code = "E610"


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def served_hosts(host: str) -> frozenset[str] | None:
    """The Host header values a server bound to ``host`` accepts: on loopback only loopback
    names (a web page cannot reach it through a DNS name rebound to 127.0.0.1); on any other
    address every name (the token guards it)."""
    return LOOPBACK_NAMES | {host.strip("[]").lower()} if is_loopback(host) else None


def host_name(header: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, lower-cased."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a token (the API would be open to the network)."""
    if not is_loopback(host) and not token:
        raise ServeError(
            f"refusing to serve on {host} without a token: anyone on the network could read the "
            "database. Pass --token (or set FLASHPOINT_TOKEN), or bind to 127.0.0.1"
        )


class Guard:
    """ASGI middleware: the Host rule, the token rule and the request body limit.

    With ``allowed_hosts``, a request whose Host header names another host gets 421 (DNS
    rebinding: a page from elsewhere reaching a loopback server under its own name).

    With a token, every request must carry it as ``Authorization: Bearer T``, ``?token=T`` or
    the cookie set after a ``?token=`` visit (so a browser's follow-up requests for pages and
    static files pass). Bodies larger than ``max_body`` get 413 before they are read; a body
    without Content-Length is read here up to the limit (then 413) and handed on.
    """

    def __init__(self, app: ASGIApp, token: str | None, max_body: int = MAX_BODY_BYTES,
                 allowed_hosts: frozenset[str] | None = None):
        self.app = app
        self.token = token
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        set_cookie = False
        if self.allowed_hosts is not None and host_name(
                request.headers.get("host", "")) not in self.allowed_hosts:
            await self._reject(request, 421, "unknown Host: this server answers only to the "
                               "names it is served on", scope, receive, send)
            return
        if self.token:
            given = self._given_token(request)
            if given is None or not hmac.compare_digest(given.encode(), self.token.encode()):
                await self._reject(request, 401, "a valid token is required", scope, receive, send,
                                   {"WWW-Authenticate": "Bearer"})
                return
            set_cookie = "token" in request.query_params
        length = request.headers.get("content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                await self._reject(request, 400, "bad Content-Length", scope, receive, send)
                return
            if too_big:
                await self._reject(
                    request, 413, f"request body larger than {self.max_body} bytes", scope,
                    receive, send,
                )
                return
        elif scope["method"] in ("POST", "PUT", "PATCH"):
            # No declared length (chunked): read it here, up to the limit, then replay it.
            body = await self._read_limited(receive)
            if body is None:
                await self._reject(
                    request, 413, f"request body larger than {self.max_body} bytes", scope,
                    receive, send,
                )
                return
            receive = self._replay(body, receive)

        async def send_with_cookie(message: dict[str, Any]) -> None:
            if set_cookie and message["type"] == "http.response.start":
                cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                message.setdefault("headers", []).append((b"set-cookie", cookie.encode()))
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    async def _read_limited(self, receive: Receive) -> bytes | None:
        chunks, seen = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    @staticmethod
    def _replay(body: bytes, receive: Receive) -> Receive:
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay

    @staticmethod
    def _given_token(request: Request) -> str | None:
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE)

    @staticmethod
    async def _reject(
        request: Request,
        status: int,
        message: str,
        scope: Scope,
        receive: Receive,
        send: Send,
        headers: dict[str, str] | None = None,
    ) -> None:
        if request.url.path.startswith("/api") or wants_json(request):
            response: Response = JSONResponse({"detail": message}, status, headers=headers)
        else:
            response = TEMPLATES.TemplateResponse(
                request, "error.html", {"status": status, "message": message}, status_code=status,
                headers=headers,
            )
        await response(scope, receive, send)


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None,
           detail: Any = None) -> Response:
    if request.url.path.startswith("/api") or wants_json(request):
        return JSONResponse({"detail": detail if detail is not None else message}, status,
                            headers=headers)
    return TEMPLATES.TemplateResponse(
        request, "error.html", {"status": status, "message": message,
                                "retry_after": (headers or {}).get("Retry-After")},
        status_code=status, headers=headers,
    )


def create_app(
    db_path: str | Path,
    token: str | None = None,
    settings: Settings | None = None,
    idle_seconds: float = 0.5,
    cache_size: int = 512,
    allowed_hosts: frozenset[str] | None = None,
) -> FastAPI:
    """The dashboard and API over the database at ``db_path`` (opened read-only).

    ``token``: when given, every request must carry it. ``settings``: used by ``POST
    /api/code`` and the "code an article" page. ``idle_seconds``: how long the read connection
    stays open after the last request (while open, an ingest cannot take the file).
    ``cache_size``: JSON answers of the listing API kept per URL while the database file is
    unchanged (0 turns the cache off). ``allowed_hosts``: Host header names accepted (all when
    None; :func:`serve` passes :func:`served_hosts`).
    """
    from .api import router as api_router
    from .pages import apidoc, article, code, dyad, event, events, overview, quotes

    pool = ReadPool(db_path, idle_seconds=idle_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()  # release the file for writers at shutdown

    app = FastAPI(
        lifespan=lifespan,
        title="flashpoint",
        summary="Political event data from news: who did what to whom, when, where, how much.",
        description=(
            "Read-only JSON API over a flashpoint event database, plus `POST /api/code` to code "
            "a text on the fly. Every page of the dashboard is also available as JSON with "
            "`?format=json`."
        ),
        version="0.1.0",
    )
    app.state.pool = pool
    app.state.code_queue = CodeQueue()
    app.state.cache = ResponseCache(str(db_path), cache_size)
    app.state.settings = settings or Settings.from_env()
    app.state.db_path = str(db_path)

    @app.exception_handler(DatabaseBusy)
    async def busy(request: Request, exc: DatabaseBusy) -> Response:
        return _error(request, 503, exc.message, {"Retry-After": str(exc.retry_after)})

    @app.exception_handler(StoreError)
    async def unavailable(request: Request, exc: StoreError) -> Response:
        log.error("database unavailable: %s", exc)
        return _error(request, 503, "the database is unavailable: " + exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"field": ".".join(str(p) for p in err.get("loc", ()) if p != "body"),
             "message": err.get("msg", "invalid")}
            for err in exc.errors()
        ]
        text = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
        return _error(request, 422, f"invalid request: {text}", detail=problems)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        # The trace goes to the server log only; the client learns nothing about internals.
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _error(request, 500, "internal error (logged on the server)")

    bundle = plotly_js()

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_bundle() -> Response:
        if bundle is None:
            return Response("/* plotly not installed: charts disabled */",
                            media_type="text/javascript")
        return FileResponse(bundle, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.include_router(api_router)
    for page in (overview, dyad, events, event, article, quotes, code, apidoc):
        app.include_router(page.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(Guard, token=token, allowed_hosts=allowed_hosts)
    return app
