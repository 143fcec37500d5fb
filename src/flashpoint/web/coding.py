"""Coding texts for ``POST /api/code`` and the "code an article" page, without starving reads.

Coding a text is seconds of Python holding the GIL; in the server's own process it would slow
every read answered meanwhile (reads need the GIL a hundred times each). So texts are coded in
one worker process (spawned on first use, the model loaded there once, shared by every app in
this process, ending with it), one at a time, and admission is bounded by :class:`CodeQueue`: one text coded,
:data:`CODE_WAITING` more waiting on the event loop, any further request answered 429 +
Retry-After at once. Memory stays bounded: the worker's model plus ``1 + CODE_WAITING`` bodies
of at most 200 KB.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from typing import Any

from fastapi import HTTPException, Request

from ..errors import InputError
from ..settings import Settings
from .params import CodeRequest

CODE_WAITING = 4
"""``POST /api/code`` requests that may wait while one is coded; more get 429."""

_WORKERS: dict[Settings, ProcessPoolExecutor] = {}
_WORKERS_LOCK = threading.Lock()


class CodeQueue:
    """Admission: one text coded at a time, ``waiting`` more queued on the event loop (no
    thread held while waiting), any further request refused with 429 + Retry-After."""

    def __init__(self, waiting: int = CODE_WAITING, retry_after: int = 2):
        self.limit = 1 + waiting
        self.retry_after = retry_after
        self.admitted = 0
        self._turn: asyncio.Semaphore | None = None

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self.admitted >= self.limit:
            raise HTTPException(429, f"{self.admitted} texts are being coded or waiting; "
                                     f"retry in {self.retry_after} s",
                                headers={"Retry-After": str(self.retry_after)})
        if self._turn is None:
            self._turn = asyncio.Semaphore(1)  # made on the server's event loop
        self.admitted += 1
        try:
            async with self._turn:
                yield
        finally:
            self.admitted -= 1


def _load(settings: Settings, parent: int) -> None:
    from ..pipeline import cached_pipeline

    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    cached_pipeline(settings)


def _exit_with(parent: int) -> None:
    # The worker ends with the server, however the server ended (even SIGKILL).
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _code(settings: Settings, text: str, title: str | None, date: str | None) -> dict[str, Any]:
    from ..api import code_text

    return code_text(text, title=title, date=date, settings=settings).to_dict()


def _worker(settings: Settings) -> ProcessPoolExecutor:
    with _WORKERS_LOCK:
        pool = _WORKERS.get(settings)
        if pool is None:
            pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                initializer=_load, initargs=(settings, os.getpid()))
            _WORKERS[settings] = pool
        return pool


async def code_request(request: Request, body: CodeRequest) -> dict[str, Any]:
    """The JSON contract of ``body``'s text coded with the app's settings (429 when the queue
    is full, 422 when the text cannot be coded)."""
    settings: Settings = request.app.state.settings
    async with request.app.state.code_queue.slot():
        loop = asyncio.get_running_loop()
        for attempt in range(2):
            try:
                return await loop.run_in_executor(
                    _worker(settings), _code, settings, body.text, body.title, body.date)
            except InputError as exc:  # this text cannot be coded: say why
                raise HTTPException(422, exc.reason) from exc
            except BrokenProcessPool:  # the worker died (killed, out of memory): a new one
                with _WORKERS_LOCK:
                    _WORKERS.pop(settings, None)
                if attempt:
                    raise
    raise AssertionError("unreachable")
