"""The processes engine: N worker processes, each loading the model once.

Small batches are submitted with a bounded window (at most ``4 * workers`` in flight), so memory stays
flat however long the input stream is, and results come back in input order.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..records import Article, CodedArticle, Rejection
from ..settings import Settings

_WORKER_SETTINGS: Settings | None = None
# Articles per task sent to a worker: small, so the workers finish together at the end of a
# run (a worker codes its own model batches of up to ``batch_size`` sentences' runs anyway).
TASK_ARTICLES = 8


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    from ..pipeline import cached_pipeline

    cached_pipeline(settings)  # load the model once, before the first batch arrives


def _code_batch(articles: list[Article]) -> list[CodedArticle | Rejection]:
    # Records travel as pickled dataclasses: pickle rebuilds them in C, several times faster
    # than to_dict/from_dict in Python, and the parent shares its two cores with the workers.
    from ..pipeline import Pipeline

    assert _WORKER_SETTINGS is not None
    return list(Pipeline(_WORKER_SETTINGS).code_or_reject(articles))


class ProcessEngine:
    """Codes articles in ``settings.workers`` worker processes."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def process(self, articles: Iterable[Article]) -> Iterator[CodedArticle | Rejection]:
        workers = max(1, self.settings.workers)
        size = max(1, min(self.settings.batch_size, TASK_ARTICLES))
        stream = iter(articles)
        batches = iter(lambda: list(itertools.islice(stream, size)), [])
        window: deque[Future] = deque()
        with ProcessPoolExecutor(
            max_workers=workers,
            # spawn, not fork: the parent may hold DuckDB/Ray threads that a fork would copy mid-lock.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.settings,),
        ) as pool:
            for batch in batches:
                window.append(pool.submit(_code_batch, batch))
                if len(window) >= 4 * workers:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
