"""The local engine: one process, streaming through ``nlp.pipe``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..pipeline import Pipeline
from ..records import Article, CodedArticle, Rejection
from ..settings import Settings


class LocalEngine:
    """Codes articles in this process with one cached pipeline."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def process(self, articles: Iterable[Article]) -> Iterator[CodedArticle | Rejection]:
        yield from Pipeline(self.settings).code_or_reject(articles)
