"""Engines: one interface, ``process(articles) -> coded records``, several ways to run it.

- ``local``      one process, streaming (default)
- ``processes``  N worker processes, each loading the model once
- ``ray``        Ray Data ``map_batches`` over an actor pool (optional extra ``flashpoint[ray]``)

Every engine yields one :class:`~flashpoint.records.CodedArticle` per article in input order (a
:class:`~flashpoint.records.Rejection` for one whose coding failed), so the store and the tests
see identical results whichever engine ran.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from ..errors import FlashpointError
from ..records import Article, CodedArticle, Rejection
from ..settings import Settings

ENGINES = ("local", "processes", "ray")


class Engine(Protocol):
    """What every engine offers."""

    def process(self, articles: Iterable[Article]) -> Iterator[CodedArticle | Rejection]:
        """Code a stream of articles; yields one record per article, in input order."""
        ...


def get_engine(settings: Settings) -> Engine:
    """The engine named by ``settings.engine``."""
    if settings.engine == "local":
        from .local import LocalEngine

        return LocalEngine(settings)
    if settings.engine == "processes":
        from .processes import ProcessEngine

        return ProcessEngine(settings)
    if settings.engine == "ray":
        from .ray import RayEngine

        return RayEngine(settings)
    raise FlashpointError(
        f"unknown engine '{settings.engine}': choose one of {', '.join(ENGINES)}"
    )
