"""Running a database question for a request: one thread hop, an optional response cache, and
fast JSON encoding of results that are already JSON-ready."""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import HTTPException, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

T = TypeVar("T")


def dumps(data: Any) -> bytes:
    """JSON bytes of a result (dates and other stragglers as strings)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class JSONBytes(Response):
    """A JSON response from a value the queries already made JSON-ready (skips FastAPI's
    recursive ``jsonable_encoder``, the costliest step for a page of events)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return content if isinstance(content, bytes) else dumps(content)


class ResponseCache:
    """A small LRU of JSON bodies keyed by URL, valid while the database files are unchanged.

    The server never writes, so an answer only changes when an ingest changes the file or its
    write-ahead log; their (mtime, size) is the cache's version, checked on every lookup.
    """

    def __init__(self, path: str, size: int = 512):
        self.path = path
        self.size = size
        self._items: OrderedDict[str, tuple[tuple, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def version(self) -> tuple:
        stamp = []
        for name in (self.path, self.path + ".wal"):
            try:
                st = os.stat(name)
                stamp.append((st.st_mtime_ns, st.st_size))
            except OSError:
                stamp.append(None)
        return tuple(stamp)

    def get(self, key: str) -> bytes | None:
        if self.size <= 0:
            return None
        version = self.version()
        with self._lock:
            hit = self._items.get(key)
            if hit is None or hit[0] != version:
                return None
            self._items.move_to_end(key)
            return hit[1]

    def put(self, key: str, version: tuple, body: bytes) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = (version, body)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


async def run_query(request: Request, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(cursor, *args, **kwargs)`` on a read-only cursor, in the threadpool (DuckDB releases
    the GIL while it works, so requests overlap)."""
    pool = request.app.state.pool

    def work() -> T:
        with pool.cursor() as cur:
            return fn(cur, *args, **kwargs)

    return await run_in_threadpool(work)


async def find_or_404(request: Request, fn: Callable[..., T | None], key: str, what: str) -> T:
    """``fn(cursor, key)``, or an HTTP 404 naming the ``what`` that has no such id."""
    found = await run_query(request, fn, key)
    if found is None:
        raise HTTPException(404, f"no {what} with id {key!r}")
    return found


async def cached_json(
    request: Request, fn: Callable[..., Any], *args: Any, **kwargs: Any
) -> Response:
    """The JSON answer of ``fn`` for this URL, from the cache when the database is unchanged."""
    cache: ResponseCache = request.app.state.cache
    pairs = sorted(f"{k}={v}" for k, v in request.query_params.multi_items())
    key = request.url.path + "?" + "&".join(pairs)
    body = cache.get(key)
    if body is None:
        version = cache.version()
        body = dumps(await run_query(request, fn, *args, **kwargs))
        cache.put(key, version, body)
    return JSONBytes(body)

